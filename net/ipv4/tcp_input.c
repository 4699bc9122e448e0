/*
 * tcp_input.c - what TCP does with a segment for a socket (Linux:
 * net/ipv4/tcp_input.c).
 *
 *   tcp_v4_rcv -> tcp_v4_do_rcv -+-> tcp_rcv_established   (ESTABLISHED)
 *                                +-> tcp_rcv_state_process (all others)
 *        both: tcp_validate_incoming (PAWS, sequence, RST, SYN: RFC 5961)
 *              -> tcp_ack (snd_una, RTT, window, NewReno)
 *              -> tcp_data_queue (receive queue, ofo queue) -> tcp_fin
 *              -> tcp_write_xmit (what the ACK allows) / ACK scheduling
 *
 * Context: softirq (or a process with the socket locked). skb: data at
 * the TCP header, TCP_SKB_CB filled by tcp_v4_rcv; ownership passes to
 * these functions: each skb is queued or freed with a named reason.
 */
#include "net/ipv4/tcp.h"
#include "kernel/errno.h"
#include "kernel/time.h"
#include "lib/string.h"
#include "net/ipv4/ip.h"

unsigned long tcp_statistics[__TCP_MIB_MAX];
unsigned long tcp_ext_statistics[__LINUX_MIB_TCP_MAX];

/* ---- options --------------------------------------------------------------- */

static uint32_t get_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

/*
 * DOC: tcp_parse_options - read the options between the fixed header
 * and doff * 4 (the caller checked doff against the segment length).
 *
 * Kinds honoured: MSS and window scale (only on a SYN, RFC 9293/7323),
 * SACK-permitted (noted, not used), timestamps (any segment). As Linux:
 * EOL ends the list; a length below 2 or running past the header ends
 * the parse (what was read so far stands); a known kind with the wrong
 * length is skipped; a window scale above 14 is taken as 14 (RFC 7323
 * 2.3). Never reads past th + doff * 4.
 */
void tcp_parse_options(const struct tcphdr *th, struct tcp_options_received *opt,
		       bool syn)
{
	const uint8_t *p = (const uint8_t *)(th + 1);
	int length = th->doff * 4 - (int)sizeof(*th);

	opt->saw_tstamp = 0;
	while (length > 0) {
		int opcode = *p++, opsize;

		if (opcode == TCPOPT_EOL)
			return;
		if (opcode == TCPOPT_NOP) {
			length--;
			continue;
		}
		if (length < 2)
			return; /* a kind byte without its length */
		opsize = *p++;
		if (opsize < 2 || opsize > length)
			return; /* silly or truncated option */
		switch (opcode) {
		case TCPOPT_MSS:
			if (opsize == TCPOLEN_MSS && syn) {
				uint16_t mss = p[0] << 8 | p[1];

				if (mss)
					opt->mss_clamp = mss;
			}
			break;
		case TCPOPT_WINDOW:
			if (opsize == TCPOLEN_WINDOW && syn) {
				opt->saw_wscale = 1;
				opt->snd_wscale = p[0] > TCP_MAX_WSCALE ?
							  TCP_MAX_WSCALE : p[0];
			}
			break;
		case TCPOPT_SACK_PERM:
			if (opsize == TCPOLEN_SACK_PERM && syn)
				opt->sack_ok = 1;
			break;
		case TCPOPT_TIMESTAMP:
			if (opsize == TCPOLEN_TIMESTAMP) {
				opt->saw_tstamp = 1;
				opt->rcv_tsval = get_be32(p);
				opt->rcv_tsecr = get_be32(p + 4);
			}
			break;
		default:
			break; /* unknown kinds are skipped by their length */
		}
		p += opsize - 2;
		length -= opsize;
	}
}

/* ---- RTT and RTO (RFC 6298) ------------------------------------------------- */

/*
 * One RTT measurement mrtt_us (microseconds; never from a retransmitted
 * segment - Karn - unless it came back in a timestamp echo). srtt_us
 * holds 8*SRTT, mdev_us 4*RTTVAR:
 *   first:  SRTT = R, RTTVAR = R/2
 *   later:  RTTVAR = 3/4 RTTVAR + 1/4 |SRTT - R|, SRTT = 7/8 SRTT + 1/8 R
 */
void tcp_rtt_estimator(struct tcp_sock *tp, long mrtt_us)
{
	long m = mrtt_us > 0 ? mrtt_us : 1;

	if (!tp->srtt_us) {
		tp->srtt_us = m << 3;
		tp->mdev_us = m << 1; /* 4 * R/2 */
		return;
	}
	m -= tp->srtt_us >> 3;	     /* m = R - SRTT */
	tp->srtt_us += m;	     /* SRTT += (R - SRTT) / 8, scaled by 8 */
	if (m < 0)
		m = -m;
	m -= tp->mdev_us >> 2;	     /* |R - SRTT| - RTTVAR */
	tp->mdev_us += m;	     /* RTTVAR += (.. - RTTVAR) / 4, scaled by 4 */
}

/* RTO = SRTT + max(G, 4 * RTTVAR), clamped to [200 ms, 120 s]. G is a
 * tick. Linux's minimum is also 200 ms (TCP_RTO_MIN, RFC says 1 s). */
void tcp_set_rto(struct tcp_sock *tp)
{
	unsigned long us = (tp->srtt_us >> 3) + tp->mdev_us;
	unsigned long rto = (us + (1000000 / HZ) - 1) / (1000000 / HZ);

	if (tp->mdev_us < 1000000 / HZ)
		rto += 1; /* the clock granularity G */
	if (rto < TCP_RTO_MIN)
		rto = TCP_RTO_MIN;
	if (rto > TCP_RTO_MAX)
		rto = TCP_RTO_MAX;
	tp->icsk_rto = rto;
}

/* ---- state helpers ---------------------------------------------------------- */

void tcp_set_state(struct sock *sk, int state)
{
	int old = sk->sk_state;

	/* CurrEstab is counted from the table (tcp_curr_estab);
	 * EstabResets by tcp_reset. */
	(void)old;
	sk->sk_state = state;
}

/*
 * The connection is over (Linux: tcp_done): CLOSE, no timers, nothing
 * more to send; wake the process. An orphaned socket goes now: its
 * table reference is dropped, which frees it.
 */
void tcp_done(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);

	sk->sk_state = TCP_CLOSE;
	tcp_clear_xmit_timers(sk);
	sk->sk_shutdown = SHUTDOWN_MASK;
	while (!skb_queue_empty(&sk->sk_write_queue))
		tcp_free_skb(sk, skb_dequeue(&sk->sk_write_queue));
	tp->send_head = NULL;
	tp->packets_out = 0;
	skb_queue_purge(&tp->out_of_order_queue);
	if (tp->parent) { /* a child never accepted */
		struct tcp_sock *ptp = tcp_sk(tp->parent);

		list_del_init(&tp->accept_node);
		if (tp->on_accept_queue)
			ptp->sk_ack_backlog--;
		else
			ptp->syn_qlen--;
		tp->parent = NULL;
		sock_set_flag(sk, SOCK_DEAD);
	}
	if (!sock_flag(sk, SOCK_DEAD))
		sk->sk_state_change(sk);
	else
		tcp_v4_unhash(sk);
}

/* RST received (RFC 9293 3.10.7.3): the error the process sees depends
 * on the state, then the connection is done. */
void tcp_reset(struct sock *sk)
{
	switch (sk->sk_state) {
	case TCP_SYN_SENT:
		sk->sk_err = ECONNREFUSED;
		TCP_INC_STATS(TCP_MIB_ATTEMPTFAILS);
		break;
	case TCP_CLOSE_WAIT:
		sk->sk_err = EPIPE;
		TCP_INC_STATS(TCP_MIB_ESTABRESETS);
		break;
	case TCP_CLOSE:
		return;
	case TCP_ESTABLISHED:
		TCP_INC_STATS(TCP_MIB_ESTABRESETS);
		sk->sk_err = ECONNRESET;
		break;
	default:
		sk->sk_err = ECONNRESET;
	}
	if (!sock_flag(sk, SOCK_DEAD))
		sk->sk_error_report(sk);
	tcp_done(sk);
}

/* Enter TIME_WAIT: 2MSL, then gone. Linux swaps in a small
 * inet_timewait_sock; rxos keeps the socket. */
void tcp_time_wait(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);

	tcp_set_state(sk, TCP_TIME_WAIT);
	tp->icsk_pending = 0;
	del_timer(&tp->icsk_retransmit_timer);
	mod_timer(&tp->sk_timer, jiffies + sysctl_tcp_tw_len);
	if (!sock_flag(sk, SOCK_DEAD))
		sk->sk_state_change(sk);
}

/*
 * FIN received in order (RFC 9293 3.10.7.4 eighth step; Linux: tcp_fin):
 * end of the peer's data; the state moves on.
 */
void tcp_fin(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);

	sk->sk_shutdown |= RCV_SHUTDOWN;
	sock_set_flag(sk, SOCK_DONE);
	tp->icsk_ack.pending = 1;
	switch (sk->sk_state) {
	case TCP_SYN_RECV:
	case TCP_ESTABLISHED:
		tcp_set_state(sk, TCP_CLOSE_WAIT);
		tp->icsk_ack.pingpong = 1;
		break;
	case TCP_FIN_WAIT1:
		tcp_set_state(sk, TCP_CLOSING); /* simultaneous close */
		break;
	case TCP_FIN_WAIT2:
		tcp_send_ack(sk);
		tcp_time_wait(sk);
		break;
	default:
		break; /* CLOSE_WAIT, CLOSING, LAST_ACK: a retransmitted FIN */
	}
	skb_queue_purge(&tp->out_of_order_queue);
	if (!sock_flag(sk, SOCK_DEAD)) {
		sk->sk_state_change(sk);
		sk->sk_data_ready(sk);
	}
}

/* ---- the ACK ---------------------------------------------------------------- */

/* Window update rule (RFC 9293 3.10.7.4 fifth step): SND.WL1 < SEG.SEQ,
 * or SND.WL1 = SEG.SEQ and SND.WL2 =< SEG.ACK (always true here: older
 * acks were ignored before), or the ack advanced. */
static bool tcp_ack_update_window(struct sock *sk, const struct sk_buff *skb,
				  uint32_t ack)
{
	struct tcp_sock *tp = tcp_sk(sk);
	const struct tcphdr *th = tcp_hdr(skb);
	uint32_t seq = TCP_SKB_CB(skb)->seq;
	uint32_t nwin = ntohs(th->window);

	if (!th->syn)
		nwin <<= tp->rx_opt.snd_wscale;
	if (after(ack, tp->snd_una) || !before(seq, tp->snd_wl1)) {
		bool changed = nwin != tp->snd_wnd;

		tp->snd_wl1 = seq;
		tp->snd_wnd = nwin;
		if (nwin > tp->max_window)
			tp->max_window = nwin;
		if (nwin) {
			tp->icsk_probes_out = 0;
			if (tp->icsk_pending == ICSK_TIME_PROBE0)
				tcp_clear_xmit_timer(sk, ICSK_TIME_PROBE0);
		}
		return changed;
	}
	return false;
}

/*
 * Free what ack covers from the retransmit queue (Linux:
 * tcp_clean_rtx_queue): whole skbs, and the acked front of a partly
 * acked one. An RTT sample comes from the timestamp echo or, by Karn's
 * rule, from the newest fully acked skb that was sent only once.
 * Returns the skbs freed.
 */
static uint32_t tcp_clean_rtx_queue(struct sock *sk, uint32_t ack)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct sk_buff *skb;
	long rtt_us = -1;
	uint32_t freed = 0;

	while ((skb = skb_peek(&sk->sk_write_queue)) && skb != tp->send_head) {
		struct tcp_skb_cb *tcb = TCP_SKB_CB(skb);

		if (after(tcb->end_seq, ack)) {
			uint32_t n = ack - tcb->seq;

			if (before(tcb->seq, ack) && n <= skb->len) {
				skb_pull(skb, n); /* partly acked */
				tcb->seq = ack;
			}
			break;
		}
		if (!(tcb->sacked & TCPCB_RETRANS))
			rtt_us = (long)(jiffies - tcb->when) * (1000000 / HZ);
		skb_unlink(skb, &sk->sk_write_queue);
		tcp_free_skb(sk, skb);
		freed++;
	}
	if (tp->rx_opt.saw_tstamp && tp->rx_opt.rcv_tsecr && freed)
		rtt_us = (long)(tcp_time_stamp() - tp->rx_opt.rcv_tsecr) * 1000;
	if (rtt_us >= 0 && freed) {
		tcp_rtt_estimator(tp, rtt_us);
		tcp_set_rto(tp);
	}
	tp->packets_out = tp->packets_out > freed ? tp->packets_out - freed : 0;
	return freed;
}

/* The ack covered data beyond snd_nxt: segments sent before an RTO's
 * go-back-N reached the peer. Skip them in the send queue. */
static void tcp_ack_past_snd_nxt(struct sock *sk, uint32_t ack)
{
	struct tcp_sock *tp = tcp_sk(sk);

	if (!after(ack, tp->snd_nxt))
		return;
	tp->snd_nxt = ack;
	while (tp->send_head &&
	       !after(TCP_SKB_CB(tp->send_head)->end_seq, ack)) {
		struct sk_buff *skb = tp->send_head;

		tp->send_head = skb->next == (struct sk_buff *)&sk->sk_write_queue ?
					NULL : skb->next;
		skb_unlink(skb, &sk->sk_write_queue);
		tcp_free_skb(sk, skb);
	}
	if (tp->send_head && before(TCP_SKB_CB(tp->send_head)->seq, ack)) {
		struct sk_buff *skb = tp->send_head;

		skb_pull(skb, ack - TCP_SKB_CB(skb)->seq);
		TCP_SKB_CB(skb)->seq = ack;
	}
}

/* A duplicate ACK (RFC 5681 2): no data, no window change, nothing new
 * acknowledged, while data is outstanding. */
static void tcp_dupack(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct sk_buff *head = skb_peek(&sk->sk_write_queue);

	tp->sacked_out++;
	if (tp->ca_state == TCP_CA_Recovery) {
		tcp_recovery_dupack(tp);
		return;
	}
	if (tp->ca_state == TCP_CA_Loss)
		return;
	tp->ca_state = TCP_CA_Disorder;
	/* RFC 6582 4.1: no new recovery while "recover" is not passed */
	if (tp->sacked_out < TCP_REORDERING || before(tp->snd_una, tp->high_seq))
		return;
	tcp_enter_recovery(tp);
	NET_INC_STATS(LINUX_MIB_TCPFASTRETRANS);
	if (head && head != tp->send_head)
		tcp_retransmit_skb(sk, head);
	tcp_reset_xmit_timer(sk, ICSK_TIME_RETRANS, tp->icsk_rto);
}

/* snd_una moved: congestion state per NewReno, timers, wakeups. */
static void tcp_ack_advanced(struct sock *sk, uint32_t ack, uint32_t segs)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct sk_buff *head;

	tp->icsk_retransmits = 0;
	tp->icsk_backoff = 0;
	if (tp->ca_state == TCP_CA_Recovery) {
		if (tcp_recovery_ack(tp, ack, segs)) {
			head = skb_peek(&sk->sk_write_queue);
			if (head && head != tp->send_head)
				tcp_retransmit_skb(sk, head);
		}
	} else {
		if (tp->ca_state == TCP_CA_Loss && !before(ack, tp->high_seq))
			tp->ca_state = TCP_CA_Open;
		if (tp->ca_state == TCP_CA_Disorder)
			tp->ca_state = TCP_CA_Open;
		tp->sacked_out = 0;
		tp->ca_ops->cong_avoid(tp, segs ? segs : 1);
	}
	if (tp->packets_out)
		tcp_reset_xmit_timer(sk, ICSK_TIME_RETRANS, tp->icsk_rto);
	else if (tp->icsk_pending == ICSK_TIME_RETRANS)
		tcp_clear_xmit_timer(sk, ICSK_TIME_RETRANS);
	if (!sock_flag(sk, SOCK_DEAD))
		sk->sk_write_space(sk);
}

/*
 * DOC: tcp_ack - process the acknowledgment field (RFC 9293 3.10.7.4
 * fifth step, RFC 5961 5.2).
 *
 * Acceptable: snd_una - max_window <= ack <= snd_max. Beyond what we
 * sent: an ACK back, drop TCP_ACK_UNSENT_DATA. Older than a window:
 * challenge ACK, drop TCP_TOO_OLD_ACK. Returns 0 to go on with the
 * segment, or a drop reason. An ack advancing snd_una frees the
 * retransmit queue, samples the RTT, grows cwnd or runs NewReno's
 * recovery; a duplicate ack counts towards fast retransmit.
 */
static int tcp_ack(struct sock *sk, const struct sk_buff *skb)
{
	struct tcp_sock *tp = tcp_sk(sk);
	uint32_t ack = TCP_SKB_CB(skb)->ack_seq;
	uint32_t prior_una = tp->snd_una;
	bool win_changed;
	uint32_t segs;

	if (after(ack, tp->snd_max)) {
		tcp_send_challenge_ack(sk);
		return SKB_DROP_REASON_TCP_ACK_UNSENT_DATA;
	}
	if (before(ack, prior_una - tp->max_window)) {
		tcp_send_challenge_ack(sk);
		return SKB_DROP_REASON_TCP_TOO_OLD_ACK;
	}
	if (before(ack, prior_una))
		return 0; /* old duplicate: ignore the ack, keep the data */
	win_changed = tcp_ack_update_window(sk, skb, ack);
	if (ack == prior_una) {
		if (tp->packets_out && !win_changed &&
		    TCP_SKB_CB(skb)->seq == TCP_SKB_CB(skb)->end_seq)
			tcp_dupack(sk);
		tcp_write_xmit(sk, tp->nonagle);
		return 0;
	}
	tcp_ack_past_snd_nxt(sk, ack);
	segs = tcp_clean_rtx_queue(sk, ack);
	tp->snd_una = ack;
	tcp_ack_advanced(sk, ack, segs);
	tcp_write_xmit(sk, tp->nonagle);
	return 0;
}

/* ---- the data ---------------------------------------------------------------- */

/* Payload from rcv_nxt on: to the receive queue, charged to the socket. */
static void tcp_queue_rcv(struct sock *sk, struct sk_buff *skb)
{
	struct tcp_sock *tp = tcp_sk(sk);
	bool fin = TCP_SKB_CB(skb)->tcp_flags & TCPHDR_FIN;

	tp->rcv_nxt = TCP_SKB_CB(skb)->end_seq;
	if (skb->len) {
		skb_set_owner_r(skb, sk);
		skb_queue_tail(&sk->sk_receive_queue, skb);
	} else {
		consume_skb(skb);
	}
	if (fin)
		tcp_fin(sk);
}

/* Cut the first n bytes (already received) off skb. */
static void tcp_trim_head(struct sk_buff *skb, uint32_t n)
{
	if (n > skb->len)
		n = skb->len;
	skb_pull(skb, n);
	TCP_SKB_CB(skb)->seq += n;
}

/*
 * DOC: tcp_ofo_insert - keep an out-of-order segment (Linux:
 * tcp_data_queue_ofo, with a sorted list for its rb-tree).
 *
 * The queue is sorted by seq. A segment wholly inside one already queued
 * is dropped (TCP_OFOMERGE, returns false); queued segments wholly inside
 * the new one are dropped (TCP_OFOMERGE). Partial overlaps stay: the
 * overlap is trimmed off when the hole fills (tcp_ofo_queue).
 */
bool tcp_ofo_insert(struct sock *sk, struct sk_buff *skb)
{
	struct sk_buff_head *q = &tcp_sk(sk)->out_of_order_queue;
	uint32_t seq = TCP_SKB_CB(skb)->seq, end = TCP_SKB_CB(skb)->end_seq;
	struct sk_buff *pos, *next;

	for (pos = q->next; pos != (struct sk_buff *)q; pos = pos->next) {
		struct tcp_skb_cb *c = TCP_SKB_CB(pos);

		if (!before(seq, c->seq) && !after(end, c->end_seq)) {
			NET_INC_STATS(LINUX_MIB_TCPOFOMERGE);
			kfree_skb_reason(skb, SKB_DROP_REASON_TCP_OFOMERGE);
			return false;
		}
		if (after(c->seq, seq))
			break;
	}
	/* pos is the first with a later seq: insert before it */
	__skb_insert(skb, pos->prev, pos, q);
	for (pos = skb->next; pos != (struct sk_buff *)q; pos = next) {
		next = pos->next;
		if (after(TCP_SKB_CB(pos)->end_seq, end))
			break;
		skb_unlink(pos, q);
		NET_INC_STATS(LINUX_MIB_TCPOFOMERGE);
		kfree_skb_reason(pos, SKB_DROP_REASON_TCP_OFOMERGE);
	}
	NET_INC_STATS(LINUX_MIB_TCPOFOQUEUE);
	return true;
}

/* The hole before the ofo queue's head filled: move what is now in
 * order to the receive queue (Linux: tcp_ofo_queue). */
static void tcp_ofo_queue(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct sk_buff_head *q = &tp->out_of_order_queue;
	struct sk_buff *skb;

	while ((skb = skb_peek(q)) && !after(TCP_SKB_CB(skb)->seq, tp->rcv_nxt)) {
		skb_unlink(skb, q);
		if (!after(TCP_SKB_CB(skb)->end_seq, tp->rcv_nxt)) {
			kfree_skb_reason(skb, SKB_DROP_REASON_TCP_OFOMERGE);
			continue;
		}
		tcp_trim_head(skb, tp->rcv_nxt - TCP_SKB_CB(skb)->seq);
		tcp_queue_rcv(sk, skb);
		if (sk->sk_shutdown & RCV_SHUTDOWN)
			break;
	}
}

/* After in-order data: ACK now or later (Linux: __tcp_ack_snd_check).
 * At once for quick-ack mode (start of a connection), an ofo queue (the
 * peer needs the dupacks), or two full segments unacked; else delayed. */
static void tcp_ack_snd_check(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);

	if (!tp->icsk_ack.pending)
		return;
	if (tp->icsk_ack.quick || !skb_queue_empty(&tp->out_of_order_queue) ||
	    tp->rcv_nxt - tp->rcv_wup >= 2 * tp->rcv_mss ||
	    (sk->sk_shutdown & RCV_SHUTDOWN))
		tcp_send_ack(sk);
	else
		tcp_send_delayed_ack(sk);
}

/* Remember the size of the peer's segments (delayed-ACK threshold). */
static void tcp_measure_rcv_mss(struct tcp_sock *tp, uint32_t len)
{
	if (len > tp->rcv_mss)
		tp->rcv_mss = len > tp->advmss ? tp->advmss : len;
}

/*
 * DOC: tcp_data_queue - the segment's payload (and FIN) (RFC 9293
 * 3.10.7.4 seventh step). skb->data is at the payload; CB seq/end_seq.
 *   in order: to the receive queue, rcv_nxt moves, the ofo queue is
 *             drained, the reader is woken (sk_data_ready, stage 14)
 *   zero window: dropped TCP_ZEROWINDOW, ACKed
 *   all old: dropped TCP_OLD_DATA, ACKed at once (a dupack for the peer)
 *   beyond the window: dropped TCP_OVERWINDOW, ACKed
 *   starts before rcv_nxt: the old front is trimmed, the rest in order
 *   after a hole: the ofo queue, an immediate dupack
 */
static void tcp_data_queue(struct sock *sk, struct sk_buff *skb)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct tcp_skb_cb *tcb = TCP_SKB_CB(skb);

	if (tcb->seq == tcb->end_seq) {
		consume_skb(skb);
		return;
	}
	tp->icsk_ack.pending = 1;
	tcp_measure_rcv_mss(tp, skb->len);
	if (!after(tcb->end_seq, tp->rcv_nxt)) {
		tcp_send_ack(sk);
		kfree_skb_reason(skb, SKB_DROP_REASON_TCP_OLD_DATA);
		return;
	}
	if (!before(tcb->seq, tp->rcv_nxt + tcp_receive_window(tp))) {
		tcp_send_ack(sk);
		kfree_skb_reason(skb, tcp_receive_window(tp) ?
					      SKB_DROP_REASON_TCP_OVERWINDOW :
					      SKB_DROP_REASON_TCP_ZEROWINDOW);
		return;
	}
	if (after(tcb->seq, tp->rcv_nxt)) {
		if (tcp_ofo_insert(sk, skb))
			skb_set_owner_r(skb, sk);
		tcp_send_ack(sk);
		return;
	}
	tcp_trim_head(skb, tp->rcv_nxt - tcb->seq);
	tcp_queue_rcv(sk, skb);
	if (!skb_queue_empty(&tp->out_of_order_queue)) {
		tcp_ofo_queue(sk);
		tcp_send_ack(sk); /* the hole filled: tell the sender now */
	}
	if (!sock_flag(sk, SOCK_DEAD))
		sk->sk_data_ready(sk);
	tcp_ack_snd_check(sk);
}

/* ---- RFC 5961, PAWS, acceptability ---------------------------------------------- */

/*
 * RFC 5961 3.2 for a RST in a synchronized state: exactly at rcv_nxt
 * resets; elsewhere in the receive window gets a challenge ACK (the
 * real peer answers it with an exact RST); outside, dropped.
 */
enum tcp_5961_verdict tcp_rfc5961_rst(const struct tcp_sock *tp, uint32_t seq)
{
	uint32_t wnd = tcp_receive_window(tp);

	if (seq == tp->rcv_nxt)
		return TCP_5961_RESET;
	if (!before(seq, tp->rcv_nxt) && before(seq, tp->rcv_nxt + (wnd ? wnd : 1)))
		return TCP_5961_CHALLENGE;
	return TCP_5961_DROP;
}

/* RFC 9293 3.10.7.4 first step: does the segment overlap the window?
 * (the four cases, collapsed as Linux's tcp_sequence does) */
static bool tcp_sequence(const struct tcp_sock *tp, uint32_t seq, uint32_t end_seq)
{
	return !before(end_seq, tp->rcv_wup) &&
	       !after(seq, tp->rcv_nxt + tcp_receive_window(tp));
}

/* RFC 7323 5.3 PAWS: a timestamp older than ts_recent is an old
 * duplicate (unless ts_recent is older than 24 days, or this is a RST). */
static bool tcp_paws_discard(const struct tcp_sock *tp)
{
	return (int32_t)(tp->rx_opt.ts_recent - tp->rx_opt.rcv_tsval) > 0 &&
	       ktime_get_real_seconds_tcp() < tp->rx_opt.ts_recent_stamp + TCP_PAWS_24DAYS;
}

/* RFC 7323 4.3: remember the TSval of the segment at the window's left
 * edge, to echo it. */
static void tcp_store_ts_recent(struct tcp_sock *tp, uint32_t seq)
{
	if (tp->rx_opt.saw_tstamp && !after(seq, tp->rcv_wup) &&
	    (int32_t)(tp->rx_opt.rcv_tsval - tp->rx_opt.ts_recent) >= 0) {
		tp->rx_opt.ts_recent = tp->rx_opt.rcv_tsval;
		tp->rx_opt.ts_recent_stamp = ktime_get_real_seconds_tcp();
	}
}

/*
 * DOC: tcp_validate_incoming - the checks before a synchronized socket
 * believes a segment (Linux's function of the same name). Returns 0 to
 * go on, else the drop reason (the skb is still the caller's).
 *   1. PAWS (RFC 7323): old timestamp -> dupack, TCP_RFC7323_PAWS
 *   2. sequence not in the window -> dupack (not for a RST),
 *      TCP_INVALID_SEQUENCE (TCP_OLD_DATA when wholly old)
 *   3. RST: exact -> tcp_reset; in window -> challenge ACK (RFC 5961
 *      3.2); TCP_RESET either way
 *   4. SYN -> challenge ACK (RFC 5961 4.2), TCP_INVALID_SYN
 *   5. no ACK bit -> TCP_FLAGS
 */
static int tcp_validate_incoming(struct sock *sk, struct sk_buff *skb)
{
	struct tcp_sock *tp = tcp_sk(sk);
	const struct tcphdr *th = tcp_hdr(skb);
	struct tcp_skb_cb *tcb = TCP_SKB_CB(skb);

	if (tp->rx_opt.saw_tstamp && tp->rx_opt.tstamp_ok && !th->rst &&
	    tcp_paws_discard(tp)) {
		NET_INC_STATS(LINUX_MIB_PAWSESTABREJECTED);
		tcp_send_dupack(sk);
		return SKB_DROP_REASON_TCP_RFC7323_PAWS;
	}
	if (!tcp_sequence(tp, tcb->seq, tcb->end_seq)) {
		if (th->rst)
			return SKB_DROP_REASON_TCP_RESET;
		tcp_send_dupack(sk);
		return before(tcb->end_seq, tp->rcv_wup) ?
			       SKB_DROP_REASON_TCP_OLD_DATA :
			       SKB_DROP_REASON_TCP_INVALID_SEQUENCE;
	}
	if (th->rst) {
		switch (tcp_rfc5961_rst(tp, tcb->seq)) {
		case TCP_5961_RESET:
			tcp_reset(sk);
			break;
		case TCP_5961_CHALLENGE:
			tcp_send_challenge_ack(sk);
			break;
		default:
			break;
		}
		return SKB_DROP_REASON_TCP_RESET;
	}
	if (th->syn) {
		NET_INC_STATS(LINUX_MIB_TCPSYNCHALLENGE);
		tcp_send_challenge_ack(sk);
		return SKB_DROP_REASON_TCP_INVALID_SYN;
	}
	if (!th->ack)
		return SKB_DROP_REASON_TCP_FLAGS;
	tcp_store_ts_recent(tp, tcb->seq);
	return 0;
}

/* ---- connection set-up ---------------------------------------------------------- */

/* Both ends agreed on the options: sizes, scales, the first windows. */
static void tcp_sync_options(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct tcp_options_received *o = &tp->rx_opt;
	uint32_t mss = o->mss_clamp ? o->mss_clamp : TCP_MSS_DEFAULT;

	if (o->user_mss && o->user_mss < mss)
		mss = o->user_mss;
	if (mss > tp->advmss)
		mss = tp->advmss;
	o->tstamp_ok = o->tstamp_ok && o->saw_tstamp;
	if (!o->saw_wscale) {
		o->wscale_ok = 0;
		o->snd_wscale = 0;
		o->rcv_wscale = 0;
	}
	tp->mss_cache = mss - (o->tstamp_ok ? TCPOLEN_TSTAMP_ALIGNED : 0);
	tp->rcv_mss = tp->mss_cache < TCP_MSS_DEFAULT ? tp->mss_cache :
							TCP_MSS_DEFAULT;
}

/* ESTABLISHED reached (Linux: tcp_init_transfer + tcp_finish_connect). */
void tcp_init_transfer(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);

	tcp_set_state(sk, TCP_ESTABLISHED);
	tp->rcv_tstamp = jiffies;
	tp->icsk_ack.quick = TCP_QUICKACKS;
	if (tp->icsk_retransmits) /* RFC 6298 5.7: SYN was retransmitted */
		tp->snd_cwnd = 1;
	tp->icsk_retransmits = 0;
	tp->icsk_backoff = 0;
	if (sock_flag(sk, SOCK_KEEPOPEN))
		tcp_set_keepalive(sk, 1);
}

/*
 * SYN_SENT (RFC 9293 3.10.7.3; Linux: tcp_rcv_synsent_state_process):
 *   ACK not acking our SYN -> RST (unless RST), drop
 *   RST with acceptable ACK -> ECONNREFUSED; RST without ACK: dropped
 *   SYN,ACK -> ESTABLISHED, ACK it
 *   SYN alone -> simultaneous open: SYN_RECV, send SYN,ACK
 * Returns 0 when the skb was consumed, else a drop reason (or -1: the
 * caller sends a reset).
 */
static int tcp_rcv_synsent_state_process(struct sock *sk, struct sk_buff *skb)
{
	struct tcp_sock *tp = tcp_sk(sk);
	const struct tcphdr *th = tcp_hdr(skb);
	struct tcp_skb_cb *tcb = TCP_SKB_CB(skb);
	struct sk_buff *syn;

	if (th->ack && (!after(tcb->ack_seq, tp->snd_una) ||
			after(tcb->ack_seq, tp->snd_max)))
		return th->rst ? SKB_DROP_REASON_TCP_RESET : -1;
	if (th->rst) {
		if (th->ack)
			tcp_reset(sk);
		return SKB_DROP_REASON_TCP_RESET;
	}
	if (!th->syn)
		return SKB_DROP_REASON_TCP_FLAGS;
	tcp_parse_options(th, &tp->rx_opt, true);
	tp->rcv_nxt = tcb->seq + 1;
	tp->rcv_wup = tp->rcv_nxt;
	tp->copied_seq = tp->rcv_nxt;
	tp->snd_wl1 = tcb->seq;
	tp->rx_opt.ts_recent = tp->rx_opt.rcv_tsval;
	tp->rx_opt.ts_recent_stamp = ktime_get_real_seconds_tcp();
	tcp_sync_options(sk);
	tp->snd_wnd = ntohs(th->window); /* never scaled in a SYN */
	tp->max_window = tp->snd_wnd;
	if (th->ack) {
		tcp_ack(sk, skb); /* frees our SYN, samples the RTT */
		tcp_init_transfer(sk);
				if (!sock_flag(sk, SOCK_DEAD))
			sk->sk_state_change(sk);
		tcp_send_ack(sk);
		tcp_push(sk, 0);
		consume_skb(skb);
		return 0;
	}
	/* Simultaneous open: our SYN becomes a SYN,ACK (RFC 9293 fig. 8) */
	tcp_set_state(sk, TCP_SYN_RECV);
	syn = skb_peek(&sk->sk_write_queue);
	if (syn && (TCP_SKB_CB(syn)->tcp_flags & TCPHDR_SYN)) {
		TCP_SKB_CB(syn)->tcp_flags |= TCPHDR_ACK;
		tcp_transmit_skb(sk, syn);
	}
	consume_skb(skb);
	return 0;
}

/* Our FIN is acknowledged when snd_una passed write_seq with it queued. */
static bool tcp_fin_acked(const struct tcp_sock *tp)
{
	return tp->fin_queued && tp->snd_una == tp->write_seq;
}

/* After the ACK: state changes for the closing states (RFC 9293
 * 3.10.7.4 fifth step, the per-state part). False: skb consumed. */
static bool tcp_ack_state_changes(struct sock *sk, struct sk_buff *skb)
{
	struct tcp_sock *tp = tcp_sk(sk);

	switch (sk->sk_state) {
	case TCP_FIN_WAIT1:
		if (!tcp_fin_acked(tp))
			break;
		tcp_set_state(sk, TCP_FIN_WAIT2);
		sk->sk_shutdown |= SEND_SHUTDOWN;
		if (sock_flag(sk, SOCK_DEAD))
			tcp_reset_keepalive_timer(sk, TCP_FIN_TIMEOUT);
		else
			sk->sk_state_change(sk);
		break;
	case TCP_CLOSING:
		if (tcp_fin_acked(tp))
			tcp_time_wait(sk);
		break;
	case TCP_LAST_ACK:
		if (tcp_fin_acked(tp)) {
			tcp_done(sk);
			consume_skb(skb);
			return false;
		}
		break;
	default:
		break;
	}
	return true;
}

/* The payload part, per state (RFC 9293 3.10.7.4 seventh step). Data
 * for a socket whose reader is gone resets it (Linux: TCPAbortOnData). */
static void tcp_rcv_data_step(struct sock *sk, struct sk_buff *skb)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct tcp_skb_cb *tcb = TCP_SKB_CB(skb);

	switch (sk->sk_state) {
	case TCP_CLOSE_WAIT:
	case TCP_CLOSING:
	case TCP_LAST_ACK:
		if (!before(tcb->seq, tp->rcv_nxt)) { /* after their FIN */
			consume_skb(skb);
			return;
		}
		break;
	case TCP_FIN_WAIT1:
	case TCP_FIN_WAIT2:
		if ((sk->sk_shutdown & RCV_SHUTDOWN) && sock_flag(sk, SOCK_DEAD) &&
		    skb->len && after(tcb->end_seq, tp->rcv_nxt)) {
			NET_INC_STATS(LINUX_MIB_TCPABORTONDATA);
			tcp_send_active_reset(sk);
			tcp_done(sk);
			kfree_skb_reason(skb, SKB_DROP_REASON_TCP_ABORT_ON_DATA);
			return;
		}
		break;
	case TCP_TIME_WAIT:
		if (tcb->tcp_flags & TCPHDR_FIN) { /* their FIN again */
			tcp_send_ack(sk);
			mod_timer(&tp->sk_timer, jiffies + sysctl_tcp_tw_len);
		}
		consume_skb(skb);
		return;
	default:
		break;
	}
	tcp_data_queue(sk, skb);
}

/* The common part of all synchronized states: validate, ACK, data. */
static int tcp_rcv_synchronized(struct sock *sk, struct sk_buff *skb)
{
	struct tcp_sock *tp = tcp_sk(sk);
	int reason;

	reason = tcp_validate_incoming(sk, skb);
	if (reason)
		return reason;
	if (sk->sk_state == TCP_SYN_RECV) {
		uint32_t ack = TCP_SKB_CB(skb)->ack_seq;

		if (!after(ack, tp->snd_una) || after(ack, tp->snd_max))
			return -1; /* RFC 9293: reset for an unacceptable ACK */
		tcp_ack(sk, skb);
		if (tp->parent) {
			tcp_child_established(sk);
			if (sk->sk_state != TCP_ESTABLISHED)
				return SKB_DROP_REASON_SOCKET_BACKLOG;
		} else {
			tcp_init_transfer(sk); /* simultaneous open */
			sk->sk_state_change(sk);
		}
	} else {
		reason = tcp_ack(sk, skb);
		if (reason)
			return reason;
	}
	tp->rcv_tstamp = jiffies;
	if (!tcp_ack_state_changes(sk, skb))
		return 0;
	tcp_rcv_data_step(sk, skb);
	return 0;
}

/*
 * DOC: tcp_rcv_established - the ESTABLISHED path.
 *
 * Context: softirq (tcp_v4_do_rcv). skb: ours; data at the TCP header,
 * TCP_SKB_CB set, options parsed into rx_opt. Contract: after it, every
 * in-order byte is on sk_receive_queue and the reader woken
 * (sk_data_ready); acknowledged data is freed and the sender clocked
 * out more; the segment is queued or freed with a named reason.
 * Linux has a header-prediction fast path here (an expected in-order
 * segment skips the checks); rxos takes the general path always.
 */
void tcp_rcv_established(struct sock *sk, struct sk_buff *skb)
{
	int reason = tcp_rcv_synchronized(sk, skb);

	if (reason > 0)
		kfree_skb_reason(skb, reason);
	else if (reason < 0) {
		tcp_v4_send_reset(skb);
		kfree_skb_reason(skb, SKB_DROP_REASON_TCP_FLAGS);
	}
}

/*
 * DOC: tcp_rcv_state_process - every state but ESTABLISHED (RFC 9293
 * 3.10.7). Context and skb as tcp_rcv_established. Returns 0 when the
 * skb was consumed, or 1 when the caller must answer with a reset and
 * free it (tcp_v4_do_rcv).
 */
int tcp_rcv_state_process(struct sock *sk, struct sk_buff *skb)
{
	const struct tcphdr *th = tcp_hdr(skb);
	int reason;

	switch (sk->sk_state) {
	case TCP_CLOSE:
		kfree_skb_reason(skb, SKB_DROP_REASON_TCP_CLOSE);
		return 0;
	case TCP_LISTEN:
		if (th->ack)
			return 1;
		if (th->rst) {
			kfree_skb_reason(skb, SKB_DROP_REASON_TCP_RESET);
			return 0;
		}
		if (th->syn && !th->fin) {
			reason = tcp_conn_request(sk, skb);
			if (reason)
				kfree_skb_reason(skb, reason);
			else
				consume_skb(skb);
			return 0;
		}
		kfree_skb_reason(skb, SKB_DROP_REASON_TCP_FLAGS);
		return 0;
	case TCP_SYN_SENT:
		reason = tcp_rcv_synsent_state_process(sk, skb);
		if (reason < 0)
			return 1;
		if (reason)
			kfree_skb_reason(skb, reason);
		return 0;
	default:
		reason = tcp_rcv_synchronized(sk, skb);
		if (reason < 0)
			return 1;
		if (reason)
			kfree_skb_reason(skb, reason);
		return 0;
	}
}
