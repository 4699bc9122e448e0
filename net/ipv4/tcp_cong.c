/*
 * tcp_cong.c - congestion control: the tcp_congestion_ops hook and NewReno,
 * the one algorithm (Linux: net/ipv4/tcp_cong.c tcp_reno_*, and the
 * recovery logic of tcp_input.c's tcp_fastretrans_alert).
 *
 * cwnd and ssthresh count segments, as in Linux. Called from tcp_ack and
 * the retransmit timer with the socket owned (softirq, or BHs off).
 *
 *   Open --3 dupacks--> Recovery --ack >= high_seq--> Open
 *     \                   | partial ack: retransmit the next hole,
 *      \                  | deflate cwnd by what was acked, +1
 *       \--RTO--> Loss --ack >= high_seq--> Open
 */
#include "net/ipv4/tcp.h"

/* RFC 5681 (4): ssthresh = max(FlightSize / 2, 2 * SMSS), in segments. */
uint32_t tcp_reno_ssthresh(struct tcp_sock *tp)
{
	uint32_t half = tp->packets_out / 2;

	return half > 2 ? half : 2;
}

/*
 * Slow start below ssthresh (one segment per segment acked, RFC 5681
 * 3.1 with Linux's appropriate byte counting in segments), congestion
 * avoidance above it (one segment per cwnd's worth acked).
 */
void tcp_reno_cong_avoid(struct tcp_sock *tp, uint32_t acked)
{
	if (tp->snd_cwnd < tp->snd_ssthresh) {
		uint32_t room = tp->snd_ssthresh - tp->snd_cwnd;
		uint32_t grow = acked < room ? acked : room;

		tp->snd_cwnd += grow;
		acked -= grow;
		if (!acked)
			return;
	}
	tp->snd_cwnd_cnt += acked;
	if (tp->snd_cwnd_cnt >= tp->snd_cwnd) {
		tp->snd_cwnd_cnt -= tp->snd_cwnd;
		tp->snd_cwnd++;
	}
	if (tp->snd_cwnd > 65535)
		tp->snd_cwnd = 65535; /* Linux: snd_cwnd_clamp */
}

const struct tcp_congestion_ops tcp_reno = {
	.name = "reno",
	.ssthresh = tcp_reno_ssthresh,
	.cong_avoid = tcp_reno_cong_avoid,
};

/* RFC 6582 3.2 step 2-3: the third dupack. The caller retransmits. */
void tcp_enter_recovery(struct tcp_sock *tp)
{
	tp->snd_ssthresh = tp->ca_ops->ssthresh(tp);
	tp->snd_cwnd = tp->snd_ssthresh + TCP_REORDERING;
	tp->high_seq = tp->snd_max; /* "recover" */
	tp->ca_state = TCP_CA_Recovery;
	tp->snd_cwnd_cnt = 0;
}

/* RFC 6582 3.2 step 4: each further dupack inflates cwnd by one. */
void tcp_recovery_dupack(struct tcp_sock *tp)
{
	tp->snd_cwnd++;
}

/*
 * RFC 6582 3.2 step 5/6. Full ACK (covers "recover"): cwnd =
 * min(ssthresh, FlightSize + 1), back to Open; returns false. Partial
 * ACK: deflate cwnd by the segments acked, add one back; returns true
 * (the caller retransmits the first unacked segment).
 */
bool tcp_recovery_ack(struct tcp_sock *tp, uint32_t ack, uint32_t acked_segs)
{
	if (!before(ack, tp->high_seq)) {
		uint32_t flight1 = tp->packets_out + 1;

		tp->snd_cwnd = tp->snd_ssthresh < flight1 ? tp->snd_ssthresh :
							    flight1;
		tp->ca_state = TCP_CA_Open;
		tp->sacked_out = 0;
		return false;
	}
	tp->snd_cwnd = tp->snd_cwnd > acked_segs ? tp->snd_cwnd - acked_segs : 0;
	tp->snd_cwnd += 1;
	return true;
}

/* RFC 5681 (4)/(5) on a retransmission timeout: ssthresh from the
 * flight (only on the first timeout of a loss episode), cwnd = 1. */
void tcp_enter_loss(struct tcp_sock *tp)
{
	if (tp->ca_state != TCP_CA_Loss)
		tp->snd_ssthresh = tp->ca_ops->ssthresh(tp);
	tp->snd_cwnd = 1;
	tp->snd_cwnd_cnt = 0;
	tp->high_seq = tp->snd_max;
	tp->ca_state = TCP_CA_Loss;
	tp->sacked_out = 0;
}
