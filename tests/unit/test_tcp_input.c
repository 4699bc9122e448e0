/*
 * Host tests for TCP's pure pieces and its input decisions
 * (net/ipv4/tcp_input.c, tcp_output.c, tcp_timer.c, tcp_cong.c):
 * sequence arithmetic with wraparound, tcp_parse_options on malformed
 * options, the RFC 6298 estimator and RTO clamps and backoff, the ofo
 * queue (holes, overlaps, merging), RFC 5961 verdicts and challenge ACKs
 * on a live socket, NewReno on three dupacks and partial ACKs, and the
 * close/shutdown state transitions.
 *
 * IPv4 is faked: ip_build_and_send_pkt records each segment's flags, seq
 * and ack; timers are records the test fires by hand.
 */
#include "tests/unit/shim_netcore.h"
#include "lib/checksum.c"
#include "net/ipv4/tcp.h"

/* ---- fakes for what the TCP files call outside themselves ---------------- */

void timer_setup(struct timer_list *t, void (*fn)(struct timer_list *),
		 unsigned int flags)
{
	memset(t, 0, sizeof(*t));
	t->function = fn;
	t->flags = flags;
	INIT_LIST_HEAD(&t->entry);
}
static int armed(const struct timer_list *t) { return t->flags & 0x8000; }
int mod_timer(struct timer_list *t, unsigned long expires)
{
	int was = armed(t);

	t->expires = expires;
	t->flags |= 0x8000;
	return was;
}
int del_timer(struct timer_list *t)
{
	int was = armed(t);

	t->flags &= ~0x8000;
	return was;
}
int timer_pending(const struct timer_list *t) { return armed(t); }
static void fire(struct timer_list *t)
{
	del_timer(t);
	t->function(t);
}

struct seg { uint8_t flags; uint32_t seq, ack; unsigned int len; };
static struct seg sent[64];
static int nsent;
int ip_build_and_send_pkt(struct sk_buff *skb, __be32 saddr, __be32 daddr,
			  uint8_t protocol, uint8_t tos)
{
	struct tcphdr *th = (struct tcphdr *)skb->data;

	if (nsent < 64)
		sent[nsent++] = (struct seg){ tcp_flag_byte(th), ntohl(th->seq),
					      ntohl(th->ack_seq),
					      skb->len - th->doff * 4 };
	consume_skb(skb);
	return 0;
}

unsigned long sysctl_tcp_tw_len = TCP_TIMEWAIT_LEN;
static int unhashed, resets_sent;
void tcp_v4_unhash(struct sock *sk) { unhashed++; }
int tcp_conn_request(struct sock *sk, struct sk_buff *skb) { return 0; }
void tcp_child_established(struct sock *sk) { tcp_init_transfer(sk); }
void tcp_v4_send_reset(struct sk_buff *skb) { resets_sent++; }
void skb_set_owner_r(struct sk_buff *skb, struct sock *sk)
{
	skb->sk = sk;
	atomic_add(skb->truesize, &sk->sk_rmem_alloc);
}

#include "net/ipv4/tcp_cong.c"
#include "net/ipv4/tcp_input.c"
#include "net/ipv4/tcp_output.c"
#include "net/ipv4/tcp_timer.c"

/* ---- a socket in a chosen state ------------------------------------------- */

static struct tcp_sock the_tp;
static void nop_cb(struct sock *sk) { (void)sk; }

static struct sock *est_sock(void)
{
	struct tcp_sock *tp = &the_tp;
	struct sock *sk = &tp->inet.sk;
	static bool skb_ready;

	if (!skb_ready) {
		skb_init();
		skb_ready = true;
	}
	memset(tp, 0, sizeof(*tp));
	skb_queue_head_init(&sk->sk_receive_queue);
	skb_queue_head_init(&sk->sk_write_queue);
	skb_queue_head_init(&tp->out_of_order_queue);
	INIT_LIST_HEAD(&tp->accept_node);
	tcp_init_xmit_timers(sk);
	sk->sk_state_change = sk->sk_data_ready = sk->sk_write_space =
		sk->sk_error_report = nop_cb;
	sk->sk_rcvbuf = sk->sk_sndbuf = 212992;
	atomic_set(&sk->sk_refcnt, 1);
	sk->sk_state = TCP_ESTABLISHED;
	tp->ca_ops = &tcp_reno;
	tp->rcv_nxt = tp->rcv_wup = tp->copied_seq = 5000;
	tp->rcv_wnd = 64000;
	tp->snd_una = tp->snd_nxt = tp->snd_max = tp->write_seq = 9000;
	tp->snd_wnd = tp->max_window = 64000;
	tp->mss_cache = tp->advmss = tp->rcv_mss = 1000;
	tp->snd_cwnd = 10;
	tp->snd_ssthresh = 0x7fffffff;
	tp->icsk_rto = TCP_TIMEOUT_INIT;
	nsent = 0;
	return sk;
}

/* A received segment: header + payload, CB filled as tcp_v4_rcv does. */
static struct sk_buff *mkseg(uint8_t flags, uint32_t seq, uint32_t ack,
			     unsigned int len, uint16_t win)
{
	struct sk_buff *skb = alloc_skb(64 + len, GFP_ATOMIC);
	struct tcphdr *th;

	skb_reserve(skb, 20);
	th = skb_put(skb, sizeof(*th));
	memset(th, 0, sizeof(*th));
	skb_reset_transport_header(skb);
	th->doff = 5;
	((uint8_t *)th)[13] = flags;
	th->seq = htonl(seq);
	th->ack_seq = htonl(ack);
	th->window = htons(win);
	memset(skb_put(skb, len), 'x', len);
	skb_pull(skb, sizeof(*th));
	memset(skb->cb, 0, sizeof(skb->cb));
	TCP_SKB_CB(skb)->seq = seq;
	TCP_SKB_CB(skb)->end_seq = seq + len + !!(flags & TCPHDR_SYN) +
				   !!(flags & TCPHDR_FIN);
	TCP_SKB_CB(skb)->ack_seq = ack;
	TCP_SKB_CB(skb)->tcp_flags = flags;
	return skb;
}

static void rcv(struct sock *sk, struct sk_buff *skb)
{
	if (sk->sk_state == TCP_ESTABLISHED)
		tcp_rcv_established(sk, skb);
	else if (tcp_rcv_state_process(sk, skb))
		kfree_skb(skb);
}

/* Queue n segments of mss as sent (the retransmit queue). */
static void sent_segments(struct sock *sk, int n)
{
	struct tcp_sock *tp = tcp_sk(sk);

	for (int i = 0; i < n; i++) {
		struct sk_buff *skb = alloc_skb(1000, GFP_ATOMIC);

		memset(skb->cb, 0, sizeof(skb->cb));
		memset(skb_put(skb, 1000), 'd', 1000);
		TCP_SKB_CB(skb)->seq = tp->write_seq;
		TCP_SKB_CB(skb)->end_seq = tp->write_seq + 1000;
		TCP_SKB_CB(skb)->tcp_flags = TCPHDR_ACK;
		tp->write_seq += 1000;
		tp->sk_wmem_queued += skb->truesize;
		skb_queue_tail(&sk->sk_write_queue, skb);
		if (!tp->send_head)
			tp->send_head = skb;
	}
	tcp_write_xmit(sk, TCP_NAGLE_OFF);
}

static void cleanup(struct sock *sk)
{
	tcp_done(sk);
	skb_queue_purge(&sk->sk_receive_queue);
}

/* ---- sequence numbers ---------------------------------------------------- */

TEST(seq_before_after_wrap_around)
{
	CHECK(before(1, 2));
	CHECK(!before(2, 1));
	CHECK(before(0xfffffff0u, 0x10));	/* across the wrap */
	CHECK(after(0x10, 0xfffffff0u));
	CHECK(!before(5, 5) && !after(5, 5));
	CHECK(between(0x5, 0xfffffff0u, 0x10)); /* is s2 <= s1 <= s3 */
	CHECK(!between(0x30, 0x5, 0x20));
	CHECK(before(0, 0x7fffffffu) && !before(0, 0x80000001u));
}

/* ---- options ----------------------------------------------------------------- */

static void parse(const uint8_t *opts, int n, struct tcp_options_received *o,
		  bool syn)
{
	static uint8_t hdr[60];

	memset(hdr, 0xee, sizeof(hdr)); /* garbage after doff must not be read */
	memset(hdr, 0, 20);
	memcpy(hdr + 20, opts, n);
	((struct tcphdr *)hdr)->doff = (20 + n + 3) / 4;
	memset(o, 0, sizeof(*o));
	tcp_parse_options((struct tcphdr *)hdr, o, syn);
}

TEST(options_well_formed_syn)
{
	const uint8_t o1[] = { 2, 4, 0x05, 0xb4, 1, 1, 8, 10, 0, 0, 0, 7, 0, 0,
			       0, 9, 1, 3, 3, 7 };
	struct tcp_options_received o;

	parse(o1, sizeof(o1), &o, true);
	CHECK_EQ(o.mss_clamp, 1460);
	CHECK(o.saw_tstamp && o.rcv_tsval == 7 && o.rcv_tsecr == 9);
	CHECK(o.saw_wscale && o.snd_wscale == 7);
}

TEST(options_mss_and_wscale_ignored_outside_syn)
{
	const uint8_t o1[] = { 2, 4, 0x05, 0xb4, 1, 3, 3, 7 };
	struct tcp_options_received o;

	parse(o1, sizeof(o1), &o, false);
	CHECK_EQ(o.mss_clamp, 0);
	CHECK(!o.saw_wscale);
}

TEST(options_zero_and_one_length_end_the_parse)
{
	const uint8_t zero[] = { 2, 0, 2, 4, 0x05, 0xb4, 0, 0 };
	const uint8_t one[] = { 8, 1, 8, 10, 0, 0, 0, 1, 0, 0, 0, 2 };
	struct tcp_options_received o;

	parse(zero, sizeof(zero), &o, true);
	CHECK_EQ(o.mss_clamp, 0);
	parse(one, sizeof(one), &o, true);
	CHECK(!o.saw_tstamp);
}

TEST(options_running_past_doff_are_not_read)
{
	/* NOP, WS 7, then a timestamp claiming 10 bytes with only 8 left */
	const uint8_t o1[] = { 1, 3, 3, 7, 8, 10, 0, 0, 0, 1, 0, 0 };
	/* a lone kind byte at the very end */
	const uint8_t o2[] = { 1, 1, 1, 2 };
	struct tcp_options_received o;

	parse(o1, sizeof(o1), &o, true);
	CHECK(o.saw_wscale && o.snd_wscale == 7);
	CHECK(!o.saw_tstamp);
	parse(o2, sizeof(o2), &o, true);
	CHECK_EQ(o.mss_clamp, 0);
}

TEST(options_wrong_lengths_skipped_and_wscale_capped)
{
	const uint8_t o1[] = { 2, 3, 5, 3, 3, 20, 8, 9, 0, 0, 0, 0, 0, 0, 0, 0 };
	struct tcp_options_received o;

	parse(o1, sizeof(o1), &o, true);
	CHECK_EQ(o.mss_clamp, 0);	/* MSS of length 3: skipped */
	CHECK_EQ(o.snd_wscale, 14);	/* RFC 7323 2.3 */
	CHECK(!o.saw_tstamp);		/* TS of length 9: skipped */
}

/* ---- RTT / RTO (RFC 6298) ------------------------------------------------------ */

TEST(rto_first_sample_then_smoothing_and_clamps)
{
	struct tcp_sock tp = { 0 };

	tcp_rtt_estimator(&tp, 100000); /* 100 ms */
	CHECK_EQ(tp.srtt_us >> 3, 100000);
	CHECK_EQ(tp.mdev_us >> 2, 50000); /* RTTVAR = R/2 */
	tcp_set_rto(&tp);		  /* 100 + 4*50 = 300 ms */
	CHECK_EQ(tp.icsk_rto, 30);
	tcp_rtt_estimator(&tp, 100000); /* same again: RTTVAR shrinks */
	CHECK_EQ(tp.srtt_us >> 3, 100000);
	CHECK_EQ(tp.mdev_us >> 2, 37500);
	for (int i = 0; i < 50; i++)
		tcp_rtt_estimator(&tp, 1000);
	tcp_set_rto(&tp);
	CHECK_EQ(tp.icsk_rto, TCP_RTO_MIN); /* 200 ms floor */
	memset(&tp, 0, sizeof(tp));
	tcp_rtt_estimator(&tp, 200000000); /* 200 s */
	tcp_set_rto(&tp);
	CHECK_EQ(tp.icsk_rto, TCP_RTO_MAX);
}

TEST(rto_backs_off_doubling_to_the_max_and_karn_skips_retransmitted)
{
	struct sock *sk = est_sock();
	struct tcp_sock *tp = tcp_sk(sk);

	sent_segments(sk, 1);
	CHECK_EQ(nsent, 1);
	CHECK_EQ(tp->icsk_pending, ICSK_TIME_RETRANS);
	for (int i = 0; i < 10; i++)
		fire(&tp->icsk_retransmit_timer);
	CHECK_EQ(nsent, 11);
	CHECK_EQ(sent[1].seq, 9000);	/* the same segment again */
	CHECK_EQ(tp->icsk_rto, TCP_RTO_MAX); /* 1 s doubled 10 times, capped */
	CHECK_EQ(tp->snd_cwnd, 1);
	CHECK_EQ(tp->ca_state, TCP_CA_Loss);
	jiffies += 5;
	rcv(sk, mkseg(TCPHDR_ACK, 5000, 10000, 0, 64000));
	CHECK_EQ(tp->snd_una, 10000);
	CHECK_EQ(tp->srtt_us, 0); /* Karn: no sample from a retransmission */
	CHECK_EQ(tp->icsk_backoff, 0);
	cleanup(sk);
}

TEST(retries2_timeouts_give_etimedout)
{
	struct sock *sk = est_sock();

	sent_segments(sk, 1);
	for (int i = 0; i <= TCP_RETR2; i++)
		fire(&tcp_sk(sk)->icsk_retransmit_timer);
	CHECK_EQ(sk->sk_state, TCP_CLOSE);
	CHECK_EQ(sk->sk_err, ETIMEDOUT);
	skb_queue_purge(&sk->sk_receive_queue);
}

/* ---- the ofo queue -------------------------------------------------------------- */

TEST(ofo_holes_fill_in_order_and_overlaps_merge)
{
	struct sock *sk = est_sock();
	struct tcp_sock *tp = tcp_sk(sk);
	unsigned long merges = tcp_ext_statistics[LINUX_MIB_TCPOFOMERGE];

	rcv(sk, mkseg(TCPHDR_ACK, 7000, 9000, 1000, 64000)); /* hole 5000-7000 */
	rcv(sk, mkseg(TCPHDR_ACK, 6000, 9000, 1000, 64000));
	CHECK_EQ(skb_queue_len(&tp->out_of_order_queue), 2);
	CHECK_EQ(tp->rcv_nxt, 5000);
	CHECK_EQ(sent[nsent - 1].ack, 5000); /* immediate dupack */
	rcv(sk, mkseg(TCPHDR_ACK, 6200, 9000, 500, 64000)); /* inside one */
	CHECK_EQ(tcp_ext_statistics[LINUX_MIB_TCPOFOMERGE] - merges, 1);
	rcv(sk, mkseg(TCPHDR_ACK, 7500, 9000, 1000, 64000)); /* partial overlap */
	CHECK_EQ(skb_queue_len(&tp->out_of_order_queue), 3);
	rcv(sk, mkseg(TCPHDR_ACK, 5900, 9000, 2200, 64000)); /* covers 6000-8100 */
	CHECK_EQ(skb_queue_len(&tp->out_of_order_queue), 2); /* + 7500-8500 */
	rcv(sk, mkseg(TCPHDR_ACK, 5000, 9000, 1000, 64000)); /* fills the hole */
	CHECK_EQ(tp->rcv_nxt, 8500);
	CHECK(skb_queue_empty(&tp->out_of_order_queue));
	{
		unsigned int total = 0;
		struct sk_buff *skb;

		for (skb = sk->sk_receive_queue.next;
		     skb != (struct sk_buff *)&sk->sk_receive_queue;
		     skb = skb->next)
			total += skb->len;
		CHECK_EQ(total, 3500); /* each byte once */
	}
	CHECK_EQ(sent[nsent - 1].ack, 8500);
	cleanup(sk);
}

TEST(old_data_and_overwindow_dropped_with_reasons)
{
	struct sock *sk = est_sock();
	unsigned long old = skb_counters.dropped[SKB_DROP_REASON_TCP_OLD_DATA];

	rcv(sk, mkseg(TCPHDR_ACK, 4000, 9000, 500, 64000));
	CHECK_EQ(skb_counters.dropped[SKB_DROP_REASON_TCP_OLD_DATA] - old, 1);
	old = skb_counters.dropped[SKB_DROP_REASON_TCP_INVALID_SEQUENCE];
	rcv(sk, mkseg(TCPHDR_ACK, 5000 + 200000, 9000, 100, 64000));
	CHECK_EQ(skb_counters.dropped[SKB_DROP_REASON_TCP_INVALID_SEQUENCE] - old, 1);
	cleanup(sk);
}

/* ---- RFC 5961 --------------------------------------------------------------------- */

TEST(rfc5961_rst_exact_inwindow_outside)
{
	struct sock *sk = est_sock();
	struct tcp_sock *tp = tcp_sk(sk);

	CHECK_EQ(tcp_rfc5961_rst(tp, 5000), TCP_5961_RESET);
	CHECK_EQ(tcp_rfc5961_rst(tp, 5001), TCP_5961_CHALLENGE);
	CHECK_EQ(tcp_rfc5961_rst(tp, 5000 + 63999), TCP_5961_CHALLENGE);
	CHECK_EQ(tcp_rfc5961_rst(tp, 5000 + 64000), TCP_5961_DROP);
	CHECK_EQ(tcp_rfc5961_rst(tp, 4999), TCP_5961_DROP);

	rcv(sk, mkseg(TCPHDR_RST, 5100, 0, 0, 0));
	CHECK_EQ(sk->sk_state, TCP_ESTABLISHED);
	CHECK_EQ(nsent, 1);
	CHECK_EQ(sent[0].flags, TCPHDR_ACK); /* the challenge ACK */
	CHECK_EQ(sent[0].ack, 5000);
	rcv(sk, mkseg(TCPHDR_RST, 5000 + 500000, 0, 0, 0));
	CHECK_EQ(nsent, 1); /* outside: silence */
	rcv(sk, mkseg(TCPHDR_SYN, 5010, 0, 0, 1000));
	CHECK_EQ(nsent, 2);
	CHECK_EQ(sent[1].ack, 5000); /* SYN in ESTABLISHED: challenge ACK */
	CHECK_EQ(sk->sk_state, TCP_ESTABLISHED);
	rcv(sk, mkseg(TCPHDR_RST, 5000, 0, 0, 0));
	CHECK_EQ(sk->sk_state, TCP_CLOSE);
	CHECK_EQ(sk->sk_err, ECONNRESET);
	skb_queue_purge(&sk->sk_receive_queue);
}

TEST(rfc5961_ack_of_unsent_data_or_too_old_dropped)
{
	struct sock *sk = est_sock();
	unsigned long u = skb_counters.dropped[SKB_DROP_REASON_TCP_ACK_UNSENT_DATA];
	unsigned long o = skb_counters.dropped[SKB_DROP_REASON_TCP_TOO_OLD_ACK];

	rcv(sk, mkseg(TCPHDR_ACK, 5000, 9500, 10, 64000));
	CHECK_EQ(skb_counters.dropped[SKB_DROP_REASON_TCP_ACK_UNSENT_DATA] - u, 1);
	rcv(sk, mkseg(TCPHDR_ACK, 5000, 9000 - 70000, 10, 64000));
	CHECK_EQ(skb_counters.dropped[SKB_DROP_REASON_TCP_TOO_OLD_ACK] - o, 1);
	CHECK_EQ(tcp_sk(sk)->rcv_nxt, 5000); /* the data was not taken */
	cleanup(sk);
}

/* ---- NewReno ------------------------------------------------------------------------ */

TEST(newreno_three_dupacks_fast_retransmit_partial_and_full_ack)
{
	struct sock *sk = est_sock();
	struct tcp_sock *tp = tcp_sk(sk);

	sent_segments(sk, 8); /* 9000..17000 */
	CHECK_EQ(nsent, 8);
	for (int i = 0; i < 2; i++)
		rcv(sk, mkseg(TCPHDR_ACK, 5000, 9000, 0, 64000));
	CHECK_EQ(nsent, 8);
	rcv(sk, mkseg(TCPHDR_ACK, 5000, 9000, 0, 64000));
	CHECK_EQ(tp->ca_state, TCP_CA_Recovery);
	CHECK_EQ(tp->snd_ssthresh, 4);	    /* flight 8 / 2 */
	CHECK_EQ(tp->snd_cwnd, 7);	    /* ssthresh + 3 */
	CHECK_EQ(tp->high_seq, 17000);
	CHECK_EQ(nsent, 9);
	CHECK_EQ(sent[8].seq, 9000);	    /* fast retransmit */
	rcv(sk, mkseg(TCPHDR_ACK, 5000, 9000, 0, 64000));
	CHECK_EQ(tp->snd_cwnd, 8);	    /* inflation */
	rcv(sk, mkseg(TCPHDR_ACK, 5000, 12000, 0, 64000)); /* partial */
	CHECK_EQ(tp->ca_state, TCP_CA_Recovery);
	CHECK_EQ(sent[nsent - 1].seq, 12000); /* the next hole */
	CHECK_EQ(tp->snd_cwnd, 6);	    /* 8 - 3 + 1 */
	rcv(sk, mkseg(TCPHDR_ACK, 5000, 17000, 0, 64000)); /* full */
	CHECK_EQ(tp->ca_state, TCP_CA_Open);
	CHECK_EQ(tp->snd_cwnd, 1);	    /* min(ssthresh 4, flight 0 + 1) */
	cleanup(sk);
}

TEST(slow_start_then_congestion_avoidance)
{
	struct tcp_sock tp = { .snd_cwnd = 2, .snd_ssthresh = 4 };

	tcp_reno_cong_avoid(&tp, 1);
	CHECK_EQ(tp.snd_cwnd, 3);
	tcp_reno_cong_avoid(&tp, 3); /* 1 to reach ssthresh, 2 counted */
	CHECK_EQ(tp.snd_cwnd, 4);
	CHECK_EQ(tp.snd_cwnd_cnt, 2);
	tcp_reno_cong_avoid(&tp, 2);
	CHECK_EQ(tp.snd_cwnd, 5);	/* one per cwnd acked */
}

/* ---- close states -------------------------------------------------------------------- */

TEST(active_close_fin_wait1_fin_wait2_time_wait)
{
	struct sock *sk = est_sock();

	sk->sk_state = TCP_FIN_WAIT1;
	tcp_send_fin(sk);
	CHECK_EQ(sent[0].flags, TCPHDR_FIN | TCPHDR_ACK);
	CHECK_EQ(sent[0].seq, 9000);
	rcv(sk, mkseg(TCPHDR_ACK, 5000, 9001, 0, 64000));
	CHECK_EQ(sk->sk_state, TCP_FIN_WAIT2);
	rcv(sk, mkseg(TCPHDR_FIN | TCPHDR_ACK, 5000, 9001, 0, 64000));
	CHECK_EQ(sk->sk_state, TCP_TIME_WAIT);
	CHECK_EQ(sent[nsent - 1].ack, 5001);
	CHECK(timer_pending(&tcp_sk(sk)->sk_timer));
	CHECK_EQ(tcp_sk(sk)->sk_timer.expires, jiffies + TCP_TIMEWAIT_LEN);
	fire(&tcp_sk(sk)->sk_timer);
	CHECK_EQ(sk->sk_state, TCP_CLOSE);
}

TEST(simultaneous_close_goes_through_closing)
{
	struct sock *sk = est_sock();

	sk->sk_state = TCP_FIN_WAIT1;
	tcp_send_fin(sk);
	rcv(sk, mkseg(TCPHDR_FIN | TCPHDR_ACK, 5000, 9000, 0, 64000));
	CHECK_EQ(sk->sk_state, TCP_CLOSING);
	rcv(sk, mkseg(TCPHDR_ACK, 5001, 9001, 0, 64000));
	CHECK_EQ(sk->sk_state, TCP_TIME_WAIT);
	cleanup(sk);
}

TEST(passive_close_close_wait_last_ack_close)
{
	struct sock *sk = est_sock();

	rcv(sk, mkseg(TCPHDR_FIN | TCPHDR_ACK, 5000, 9000, 0, 64000));
	CHECK_EQ(sk->sk_state, TCP_CLOSE_WAIT);
	CHECK(sk->sk_shutdown & RCV_SHUTDOWN);
	CHECK_EQ(sent[nsent - 1].ack, 5001);
	sk->sk_state = TCP_LAST_ACK;
	tcp_send_fin(sk);
	rcv(sk, mkseg(TCPHDR_ACK, 5001, 9001, 0, 64000));
	CHECK_EQ(sk->sk_state, TCP_CLOSE);
	skb_queue_purge(&sk->sk_receive_queue);
}

TEST(zero_window_arms_probe_timer_and_probes_below_snd_una)
{
	struct sock *sk = est_sock();
	struct tcp_sock *tp = tcp_sk(sk);

	tp->snd_wnd = 0;
	sent_segments(sk, 1);
	CHECK_EQ(nsent, 0);
	CHECK_EQ(tp->icsk_pending, ICSK_TIME_PROBE0);
	fire(&tp->icsk_retransmit_timer);
	CHECK_EQ(nsent, 1);
	CHECK_EQ(sent[0].seq, 8999);
	CHECK_EQ(sent[0].len, 0);
	CHECK_EQ(tp->icsk_probes_out, 1);
	CHECK_EQ(tp->icsk_timeout - jiffies, 2 * TCP_TIMEOUT_INIT); /* backoff */
	rcv(sk, mkseg(TCPHDR_ACK, 5000, 9000, 0, 64000)); /* window opens */
	CHECK_EQ(sent[nsent - 1].seq, 9000);
	CHECK_EQ(sent[nsent - 1].len, 1000);
	cleanup(sk);
}

RUN_TESTS()
