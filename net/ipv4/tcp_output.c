/*
 * tcp_output.c - everything TCP sends (Linux: net/ipv4/tcp_output.c).
 *
 *   tcp_sendmsg --> sk_write_queue --> tcp_write_xmit --> tcp_transmit_skb
 *   tcp_ack, timers -----------------^                    | header, options,
 *                                                         | checksum
 *                                                         v
 *                                             ip_build_and_send_pkt (IPv4)
 *
 * The write queue holds payload-only skbs with their sequence numbers in
 * TCP_SKB_CB. tcp_transmit_skb never sends the queued skb itself: it
 * builds a fresh skb with the headers and a copy of the payload, so the
 * queued one stays untouched for retransmission (Linux clones it and
 * writes the header into the shared headroom, copying when a clone is
 * still in flight).
 *
 * Context: softirq (ACK clocking, timers) or process context with the
 * socket locked (BHs off). Nothing here sleeps.
 */
#include "net/ipv4/tcp.h"
#include "kernel/kernel.h"
#include "kernel/time.h"
#include "lib/string.h"
#include "net/core/dst.h"
#include "net/core/netdevice.h"
#include "net/ipv4/ip.h"
#include "net/ipv4/route.h"

int sysctl_tcp_timestamps = 1;
int sysctl_tcp_window_scaling = 1;

/* The timestamp clock: milliseconds (Linux: tcp_clock_ms / tcp_time_stamp_ms). */
uint32_t tcp_time_stamp(void)
{
	return (uint32_t)(local_clock() / 1000000);
}

/* MSS for a path MTU: minus the IP and TCP headers (no options). */
uint32_t tcp_mss_for_mtu(unsigned int mtu)
{
	uint32_t mss = mtu > 40 ? mtu - 40 : TCP_MIN_MSS;

	return mss < TCP_MIN_MSS ? TCP_MIN_MSS : mss;
}

/* ---- the receive window we offer ---------------------------------------- */

/*
 * Free receive space turned into a window. Half of what rcvbuf has left,
 * since each byte of payload costs more than a byte of truesize (Linux's
 * tcp_win_from_space with tcp_adv_win_scale); rounded down to a multiple
 * of rcv_mss when that is large (receiver side silly window avoidance,
 * RFC 9293 3.8.6.2.2).
 */
uint32_t tcp_space_window(const struct sock *sk)
{
	const struct tcp_sock *tp = tcp_sk(sk);
	int space = (sk->sk_rcvbuf - sk_rmem_alloc_get(sk)) / 2;
	uint32_t mss = tp->rcv_mss ? tp->rcv_mss : TCP_MSS_DEFAULT;
	uint32_t win;

	if (space <= 0)
		return 0;
	win = (uint32_t)space;
	if (win < mss)
		return 0;
	return win - win % mss;
}

/* The part of our last advertised window still unused (Linux). */
uint32_t tcp_receive_window(const struct tcp_sock *tp)
{
	int32_t win = tp->rcv_wup + tp->rcv_wnd - tp->rcv_nxt;

	return win < 0 ? 0 : (uint32_t)win;
}

/*
 * The window for the next segment, already shifted by rcv_wscale. Never
 * shrinks the right edge we offered before (RFC 9293 3.8.6.2.2); records
 * it in rcv_wnd/rcv_wup. Linux: tcp_select_window.
 */
uint32_t tcp_select_window(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);
	uint32_t cur = tcp_receive_window(tp);
	uint32_t win = tcp_space_window(sk);
	uint32_t maxwin = 65535U << tp->rx_opt.rcv_wscale;

	if (win < cur)
		win = cur;
	if (win > maxwin)
		win = maxwin;
	/* round up to the scale's granularity only when it does not shrink */
	win = (win >> tp->rx_opt.rcv_wscale) << tp->rx_opt.rcv_wscale;
	tp->rcv_wnd = win;
	tp->rcv_wup = tp->rcv_nxt;
	return win >> tp->rx_opt.rcv_wscale;
}

/* ---- building a segment -------------------------------------------------- */

/* Options of a SYN / SYN-ACK: MSS, NOP NOP TS, NOP WS (SACK is not
 * offered: rxos recovers with NewReno, RFC 6582, without SACK). */
static unsigned int tcp_syn_options(struct sock *sk, uint8_t *p, bool synack)
{
	struct tcp_sock *tp = tcp_sk(sk);
	uint8_t *start = p;

	*p++ = TCPOPT_MSS;
	*p++ = TCPOLEN_MSS;
	*p++ = tp->advmss >> 8;
	*p++ = tp->advmss & 0xff;
	if (tp->rx_opt.tstamp_ok || (!synack && sysctl_tcp_timestamps)) {
		uint32_t tsval = htonl(tcp_time_stamp());
		uint32_t tsecr = htonl(synack ? tp->rx_opt.ts_recent : 0);

		*p++ = TCPOPT_NOP;
		*p++ = TCPOPT_NOP;
		*p++ = TCPOPT_TIMESTAMP;
		*p++ = TCPOLEN_TIMESTAMP;
		memcpy(p, &tsval, 4);
		memcpy(p + 4, &tsecr, 4);
		p += 8;
	}
	if (tp->rx_opt.wscale_ok || (!synack && sysctl_tcp_window_scaling)) {
		*p++ = TCPOPT_NOP;
		*p++ = TCPOPT_WINDOW;
		*p++ = TCPOLEN_WINDOW;
		*p++ = tp->rx_opt.rcv_wscale;
	}
	return p - start;
}

static unsigned int tcp_established_options(struct sock *sk, uint8_t *p)
{
	struct tcp_sock *tp = tcp_sk(sk);
	uint32_t tsval, tsecr;

	if (!tp->rx_opt.tstamp_ok)
		return 0;
	tsval = htonl(tcp_time_stamp());
	tsecr = htonl(tp->rx_opt.ts_recent);
	p[0] = TCPOPT_NOP;
	p[1] = TCPOPT_NOP;
	p[2] = TCPOPT_TIMESTAMP;
	p[3] = TCPOLEN_TIMESTAMP;
	memcpy(p + 4, &tsval, 4);
	memcpy(p + 8, &tsecr, 4);
	return TCPOLEN_TSTAMP_ALIGNED;
}

/* An ACK is going out: the delayed one is no longer owed. */
static void tcp_event_ack_sent(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);

	if (tp->icsk_ack.quick)
		tp->icsk_ack.quick--;
	tp->icsk_ack.pending = 0;
	del_timer(&tp->icsk_delack_timer);
}

/*
 * DOC: tcp_transmit_skb - put one segment on the wire.
 *
 * skb: a write-queue skb (payload + CB seq/end_seq/tcp_flags), or a
 * header-only one made by the caller (ACK, RST, probe); it stays the
 * caller's. A new skb gets the TCP header with our rcv_nxt and window,
 * the options, the checksum over the pseudo header, and goes to IPv4
 * with ip_build_and_send_pkt (which routes to inet_daddr). Counts
 * OutSegs. Context: softirq or socket locked. Returns 0 or -errno (the
 * segment is lost; retransmission will cover it).
 */
int tcp_transmit_skb(struct sock *sk, struct sk_buff *skb)
{
	struct inet_sock *inet = inet_sk(sk);
	struct tcp_sock *tp = tcp_sk(sk);
	struct tcp_skb_cb *tcb = TCP_SKB_CB(skb);
	uint8_t opts[40];
	unsigned int optlen, tcplen;
	struct sk_buff *nskb;
	struct tcphdr *th;
	bool syn = tcb->tcp_flags & TCPHDR_SYN;

	optlen = syn ? tcp_syn_options(sk, opts, tcb->tcp_flags & TCPHDR_ACK) :
		       tcp_established_options(sk, opts);
	tcplen = sizeof(*th) + optlen + skb->len;
	nskb = alloc_skb(MAX_TCP_HEADER + skb->len, GFP_ATOMIC);
	if (!nskb)
		return -ENOBUFS;
	skb_reserve(nskb, MAX_TCP_HEADER);
	if (skb->len)
		skb_put_data(nskb, skb->data, skb->len);
	memcpy(skb_push(nskb, optlen), opts, optlen);
	th = skb_push(nskb, sizeof(*th));
	skb_reset_transport_header(nskb);
	memset(th, 0, sizeof(*th));
	th->source = inet->inet_sport;
	th->dest = inet->inet_dport;
	th->seq = htonl(tcb->seq);
	th->ack_seq = htonl(tp->rcv_nxt);
	th->doff = (sizeof(*th) + optlen) / 4;
	((uint8_t *)th)[13] = tcb->tcp_flags;
	if (syn) /* RFC 7323 2.2: the window of a SYN is never scaled */
		th->window = htons(tp->rcv_wnd > 65535 ? 65535 : tp->rcv_wnd);
	else
		th->window = htons(tcp_select_window(sk));
	th->check = csum_tcpudp_magic(inet->inet_saddr, inet->inet_daddr,
				      tcplen, IPPROTO_TCP,
				      csum_partial(th, tcplen, 0));
	if (tcb->tcp_flags & TCPHDR_ACK)
		tcp_event_ack_sent(sk);
	TCP_INC_STATS(TCP_MIB_OUTSEGS);
	if (tcb->tcp_flags & TCPHDR_RST)
		TCP_INC_STATS(TCP_MIB_OUTRSTS);
	return ip_build_and_send_pkt(nskb, inet->inet_saddr, inet->inet_daddr,
				     IPPROTO_TCP, inet->tos);
}

/* A header-only segment with sequence number seq and flags. */
static int tcp_send_ctl(struct sock *sk, uint32_t seq, uint8_t flags)
{
	struct sk_buff *skb = alloc_skb(0, GFP_ATOMIC);
	int err;

	if (!skb)
		return -ENOBUFS;
	memset(skb->cb, 0, sizeof(skb->cb));
	TCP_SKB_CB(skb)->seq = seq;
	TCP_SKB_CB(skb)->end_seq = seq;
	TCP_SKB_CB(skb)->tcp_flags = flags;
	err = tcp_transmit_skb(sk, skb);
	consume_skb(skb);
	return err;
}

/* A bare ACK now (Linux: __tcp_send_ack). */
void tcp_send_ack(struct sock *sk)
{
	if (sk->sk_state == TCP_CLOSE || sk->sk_state == TCP_LISTEN)
		return;
	tcp_send_ctl(sk, tcp_sk(sk)->snd_nxt, TCPHDR_ACK);
}

/*
 * An ACK is owed but may wait (RFC 9293 3.8.6.3: at most 500 ms, and
 * every second full segment acked at once). Arms the delack timer for
 * ato (TCP_DELACK_MIN, 40 ms, as Linux) unless already armed.
 */
void tcp_send_delayed_ack(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);

	if (!tp->icsk_ack.ato)
		tp->icsk_ack.ato = TCP_ATO_MIN;
	tp->icsk_ack.pending = 1;
	if (timer_pending(&tp->icsk_delack_timer))
		return;
	tp->icsk_ack.timeout = jiffies + tp->icsk_ack.ato;
	mod_timer(&tp->icsk_delack_timer, tp->icsk_ack.timeout);
}

/*
 * Out-of-window segment, bad PAWS, or an unacceptable ACK: answer with
 * a duplicate ACK, at most one per TCP_DELACK_MIN... rate limited as
 * Linux's tcp_oow_rate_limited (500 ms per socket) so two stacks cannot
 * ACK each other in a loop.
 */
void tcp_send_dupack(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);

	if (tp->last_oow_ack_time &&
	    time_before(jiffies, tp->last_oow_ack_time + HZ / 2))
		return;
	tp->last_oow_ack_time = jiffies;
	tcp_send_ack(sk);
}

/* RFC 5961 7: challenge ACKs, at most TCP_CHALLENGE_ACK_LIMIT per second
 * over all sockets (Linux: net.ipv4.tcp_challenge_ack_limit, randomised). */
unsigned int tcp_challenge_count;
static unsigned long tcp_challenge_second;

void tcp_send_challenge_ack(struct sock *sk)
{
	unsigned long now = jiffies / HZ;

	if (now != tcp_challenge_second) {
		tcp_challenge_second = now;
		tcp_challenge_count = 0;
	}
	if (tcp_challenge_count >= TCP_CHALLENGE_ACK_LIMIT)
		return;
	tcp_challenge_count++;
	NET_INC_STATS(LINUX_MIB_TCPCHALLENGEACK);
	tcp_send_ack(sk);
}

/* RST on a connection we abort (close with unread data, timeout). */
void tcp_send_active_reset(struct sock *sk)
{
	tcp_send_ctl(sk, tcp_sk(sk)->snd_nxt, TCPHDR_RST | TCPHDR_ACK);
}

/* ---- the write queue ------------------------------------------------------- */

static struct sk_buff *tcp_write_queue_tail(struct sock *sk)
{
	return skb_queue_empty(&sk->sk_write_queue) ? NULL :
						   sk->sk_write_queue.prev;
}

void tcp_free_skb(struct sock *sk, struct sk_buff *skb)
{
	tcp_sk(sk)->sk_wmem_queued -= skb->truesize;
	consume_skb(skb);
}

/* The SYN (SYN_SENT) or SYN-ACK (a SYN_RECV child) as the first skb of
 * the write queue, so retransmission handles it like data. */
void tcp_connect_queue_syn(struct sock *sk, uint8_t flags)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct sk_buff *skb = alloc_skb(0, GFP_ATOMIC);

	if (!skb)
		return; /* the connect times out */
	memset(skb->cb, 0, sizeof(skb->cb));
	TCP_SKB_CB(skb)->seq = tp->write_seq;
	TCP_SKB_CB(skb)->end_seq = tp->write_seq + 1;
	TCP_SKB_CB(skb)->tcp_flags = flags;
	tp->write_seq++;
	tp->sk_wmem_queued += skb->truesize;
	skb_queue_tail(&sk->sk_write_queue, skb);
	if (!tp->send_head)
		tp->send_head = skb;
}

static struct sk_buff *tcp_write_queue_next(struct sock *sk,
					    struct sk_buff *skb)
{
	return skb->next == (struct sk_buff *)&sk->sk_write_queue ? NULL :
								    skb->next;
}

/*
 * Nagle (RFC 9293 3.7.4): hold a segment shorter than the MSS while
 * data is unacknowledged, unless TCP_NODELAY, a FIN, or it is not the
 * last skb (then it cannot grow). TCP_CORK holds any short segment.
 */
static bool tcp_nagle_test(struct sock *sk, struct sk_buff *skb, int nonagle)
{
	struct tcp_sock *tp = tcp_sk(sk);

	if (nonagle & TCP_NAGLE_PUSH)
		return true;
	if (skb->len >= tp->mss_cache ||
	    (TCP_SKB_CB(skb)->tcp_flags & (TCPHDR_FIN | TCPHDR_SYN)))
		return true;
	if (tcp_write_queue_next(sk, skb))
		return true;
	if (nonagle & TCP_NAGLE_CORK)
		return false;
	if (nonagle & TCP_NAGLE_OFF)
		return true;
	return tp->packets_out == 0;
}

/* Send one write-queue skb for the first time (or again after an RTO's
 * go-back-N, which counts as a retransmission). */
static int tcp_xmit_one(struct sock *sk, struct sk_buff *skb)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct tcp_skb_cb *tcb = TCP_SKB_CB(skb);
	int err;

	if (before(tcb->seq, tp->snd_max)) {
		tcb->sacked |= TCPCB_RETRANS;
		TCP_INC_STATS(TCP_MIB_RETRANSSEGS);
	}
	tcb->when = jiffies;
	tcb->tcp_flags |= tcb->tcp_flags & TCPHDR_SYN ? 0 : TCPHDR_ACK;
	if (sk->sk_state == TCP_SYN_SENT)
		tcb->tcp_flags &= ~TCPHDR_ACK;
	err = tcp_transmit_skb(sk, skb);
	tp->snd_nxt = tcb->end_seq;
	if (after(tp->snd_nxt, tp->snd_max))
		tp->snd_max = tp->snd_nxt;
	tp->packets_out++;
	tp->send_head = tcp_write_queue_next(sk, skb);
	if (tp->icsk_pending != ICSK_TIME_RETRANS)
		tcp_reset_xmit_timer(sk, ICSK_TIME_RETRANS, tp->icsk_rto);
	return err;
}

/*
 * DOC: tcp_write_xmit - send what the windows allow.
 *
 * From the first unsent skb on, while packets_out < snd_cwnd (the
 * congestion window, segments) and the skb ends within snd_una +
 * snd_wnd (the peer's window), and Nagle agrees. If the peer's window
 * stops us with nothing in flight, the zero-window probe timer takes
 * over (RFC 9293 3.8.6.1). Context: softirq or socket locked.
 */
void tcp_write_xmit(struct sock *sk, int nonagle)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct sk_buff *skb;

	while ((skb = tp->send_head)) {
		if (tp->packets_out >= tp->snd_cwnd)
			break;
		if (after(TCP_SKB_CB(skb)->end_seq, tp->snd_una + tp->snd_wnd) &&
		    !(TCP_SKB_CB(skb)->tcp_flags & TCPHDR_SYN)) {
			if (!tp->packets_out &&
			    tp->icsk_pending != ICSK_TIME_PROBE0)
				tcp_reset_xmit_timer(sk, ICSK_TIME_PROBE0,
						     tcp_probe0_when(tp));
			break;
		}
		if (!tcp_nagle_test(sk, skb, nonagle))
			break;
		tcp_xmit_one(sk, skb);
	}
}

void tcp_push(struct sock *sk, int nonagle)
{
	if (tcp_sk(sk)->send_head)
		tcp_write_xmit(sk, nonagle | tcp_sk(sk)->nonagle);
}

/* Fast retransmit / partial ACK: the first unacked skb again, without
 * moving snd_nxt (Linux: tcp_retransmit_skb). */
int tcp_retransmit_skb(struct sock *sk, struct sk_buff *skb)
{
	struct tcp_skb_cb *tcb = TCP_SKB_CB(skb);

	tcb->sacked |= TCPCB_RETRANS;
	tcb->when = jiffies;
	TCP_INC_STATS(TCP_MIB_RETRANSSEGS);
	return tcp_transmit_skb(sk, skb);
}

/*
 * Our FIN: on the last unsent skb if there is one (it then ends with
 * FIN), else a new empty skb. Sent at once, Nagle or not.
 */
void tcp_send_fin(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct sk_buff *tail = tcp_write_queue_tail(sk);

	if (tp->fin_queued)
		return;
	tp->fin_queued = 1;
	if (tail && tp->send_head &&
	    !(TCP_SKB_CB(tail)->tcp_flags & TCPHDR_SYN)) {
		TCP_SKB_CB(tail)->tcp_flags |= TCPHDR_FIN;
		TCP_SKB_CB(tail)->end_seq++;
	} else {
		struct sk_buff *skb = alloc_skb(0, GFP_ATOMIC);

		if (!skb)
			return; /* Linux loops; the peer times out instead */
		memset(skb->cb, 0, sizeof(skb->cb));
		TCP_SKB_CB(skb)->seq = tp->write_seq;
		TCP_SKB_CB(skb)->end_seq = tp->write_seq + 1;
		TCP_SKB_CB(skb)->tcp_flags = TCPHDR_FIN | TCPHDR_ACK;
		tp->sk_wmem_queued += skb->truesize;
		skb_queue_tail(&sk->sk_write_queue, skb);
		if (!tp->send_head)
			tp->send_head = skb;
	}
	tp->write_seq++;
	tcp_push(sk, TCP_NAGLE_OFF);
}

/*
 * Zero-window probe (RFC 9293 3.8.6.1; Linux: tcp_xmit_probe_skb): an
 * ACK with an old sequence number, which the peer must answer with its
 * current window. Linux sends one byte of new data when the window
 * allows (tcp_write_wakeup); rxos always sends the bare probe.
 */
int tcp_write_wakeup(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);

	return tcp_send_ctl(sk, tp->snd_una - 1, TCPHDR_ACK);
}

int tcp_send_probe0(struct sock *sk)
{
	return tcp_write_wakeup(sk);
}

/*
 * The reader took copied bytes (Linux: tcp_cleanup_rbuf): send an ACK
 * now if one is owed and due, or if the window we could offer has grown
 * to at least twice what the peer still sees (a window update; without
 * it a sender stopped by a zero window would wait for its probe).
 */
void tcp_cleanup_rbuf(struct sock *sk, int copied)
{
	struct tcp_sock *tp = tcp_sk(sk);
	uint32_t cur, now;

	if (!tcp_in_synchronized(sk) || copied <= 0)
		return;
	if (sk->sk_shutdown & RCV_SHUTDOWN)
		return;
	cur = tcp_receive_window(tp);
	now = tcp_space_window(sk);
	if (now >= 2 * cur && now - cur >= tp->rcv_mss)
		tcp_send_ack(sk);
}
