/*
 * tcp_timer.c - TCP's timers (Linux: net/ipv4/tcp_timer.c,
 * inet_connection_sock.c).
 *
 *   icsk_retransmit_timer  ICSK_TIME_RETRANS: retransmission timeout
 *                          (RFC 6298), ICSK_TIME_PROBE0: zero-window probe
 *   icsk_delack_timer      the delayed ACK is due
 *   sk_timer               keepalive (ESTABLISHED), orphaned FIN_WAIT2,
 *                          TIME_WAIT's 2MSL
 *
 * Context: every callback runs in softirq (TIMER_SOFTIRQ), so it owns
 * the socket: process context holds BHs off while it touches one. A
 * socket in TCP_CLOSE has no timer pending (tcp_done clears them), so a
 * callback never sees a freed socket.
 */
#include "net/ipv4/tcp.h"
#include "kernel/errno.h"

/* ---- retransmission ------------------------------------------------------ */

void tcp_reset_xmit_timer(struct sock *sk, int what, unsigned long when)
{
	struct tcp_sock *tp = tcp_sk(sk);

	if (sk->sk_state == TCP_CLOSE)
		return;
	if (when > TCP_RTO_MAX)
		when = TCP_RTO_MAX;
	tp->icsk_pending = what;
	tp->icsk_timeout = jiffies + when;
	mod_timer(&tp->icsk_retransmit_timer, tp->icsk_timeout);
}

void tcp_clear_xmit_timer(struct sock *sk, int what)
{
	struct tcp_sock *tp = tcp_sk(sk);

	if (what == ICSK_TIME_DACK) {
		tp->icsk_ack.pending = 0;
		del_timer(&tp->icsk_delack_timer);
		return;
	}
	tp->icsk_pending = 0;
	del_timer(&tp->icsk_retransmit_timer);
}

/* Connection gave up: ETIMEDOUT for the process (Linux: tcp_write_err). */
static void tcp_write_err(struct sock *sk)
{
	sk->sk_err = sk->sk_err_soft ? sk->sk_err_soft : ETIMEDOUT;
	sk->sk_error_report(sk);
	if (sk->sk_state == TCP_SYN_SENT || sk->sk_state == TCP_SYN_RECV)
		TCP_INC_STATS(TCP_MIB_ATTEMPTFAILS);
	NET_INC_STATS(LINUX_MIB_TCPABORTONTIMEOUT);
	tcp_done(sk);
}

/* Too many retransmissions? SYN: tcp_syn_retries (6: about 127 s),
 * SYN-ACK: tcp_synack_retries, data: tcp_retries2 (15). Linux measures
 * the time these would take; rxos counts the timeouts. */
static bool tcp_write_timeout(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);
	int limit = TCP_RETR2;

	if (sk->sk_state == TCP_SYN_SENT)
		limit = TCP_SYN_RETRIES;
	else if (sk->sk_state == TCP_SYN_RECV)
		limit = TCP_SYNACK_RETRIES;
	if (tp->icsk_retransmits < limit)
		return false;
	tcp_write_err(sk);
	return true;
}

/*
 * DOC: tcp_retransmit_timer - the RTO fired (RFC 6298 5.4-5.7).
 *
 * Retransmit from snd_una on (go-back-N: snd_nxt goes back to snd_una
 * and tcp_write_xmit resends under a cwnd of one segment, as BSD does;
 * Linux marks the outstanding segments lost and retransmits those),
 * double the RTO up to TCP_RTO_MAX, and give up after the retry limit.
 */
void tcp_retransmit_timer(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);

	if (!tp->packets_out || sk->sk_state == TCP_CLOSE)
		return;
	if (tcp_write_timeout(sk))
		return;
	NET_INC_STATS(LINUX_MIB_TCPTIMEOUTS);
	tcp_enter_loss(tp);
	tp->snd_nxt = tp->snd_una;
	tp->send_head = skb_peek(&sk->sk_write_queue);
	tp->packets_out = 0;
	tp->icsk_retransmits++;
	tp->icsk_backoff++;
	tp->icsk_rto = tp->icsk_rto * 2 > TCP_RTO_MAX ? TCP_RTO_MAX :
							tp->icsk_rto * 2;
	tp->icsk_pending = 0;
	tcp_write_xmit(sk, TCP_NAGLE_PUSH);
	if (!tp->icsk_pending)
		tcp_reset_xmit_timer(sk, ICSK_TIME_RETRANS, tp->icsk_rto);
}

/* The probe interval: the RTO backed off by the probes sent, capped. */
unsigned long tcp_probe0_when(const struct tcp_sock *tp)
{
	unsigned long when = tp->icsk_rto;

	for (int i = 0; i < tp->icsk_probes_out && when < TCP_RTO_MAX; i++)
		when <<= 1;
	return when > TCP_RTO_MAX ? TCP_RTO_MAX : when;
}

/* Zero window: probe while the peer's window stays shut (Linux:
 * tcp_probe_timer). An orphaned socket gives up after tcp_retries2. */
static void tcp_probe_timer(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);

	if (tp->packets_out || !tp->send_head)
		return; /* the window opened, or nothing to send */
	if (sock_flag(sk, SOCK_DEAD) && tp->icsk_probes_out >= TCP_RETR2) {
		tcp_write_err(sk);
		return;
	}
	tcp_send_probe0(sk);
	tp->icsk_probes_out++;
	tcp_reset_xmit_timer(sk, ICSK_TIME_PROBE0, tcp_probe0_when(tp));
}

static void tcp_write_timer(struct timer_list *t)
{
	struct tcp_sock *tp = container_of(t, struct tcp_sock,
					   icsk_retransmit_timer);
	struct sock *sk = &tp->inet.sk;
	int what = tp->icsk_pending;

	tp->icsk_pending = 0;
	if (what == ICSK_TIME_RETRANS)
		tcp_retransmit_timer(sk);
	else if (what == ICSK_TIME_PROBE0)
		tcp_probe_timer(sk);
}

/* ---- delayed ACK ------------------------------------------------------------- */

static void tcp_delack_timer(struct timer_list *t)
{
	struct tcp_sock *tp = container_of(t, struct tcp_sock,
					   icsk_delack_timer);
	struct sock *sk = &tp->inet.sk;

	if (!tp->icsk_ack.pending || sk->sk_state == TCP_CLOSE)
		return;
	NET_INC_STATS(LINUX_MIB_DELAYEDACKS);
	tcp_send_ack(sk);
}

/* ---- keepalive, FIN_WAIT2, TIME_WAIT ------------------------------------------ */

static unsigned long keepalive_time_when(const struct tcp_sock *tp)
{
	return tp->keepalive_time ? tp->keepalive_time : TCP_KEEPALIVE_TIME;
}

static unsigned long keepalive_intvl_when(const struct tcp_sock *tp)
{
	return tp->keepalive_intvl ? tp->keepalive_intvl : TCP_KEEPALIVE_INTVL;
}

static int keepalive_probes(const struct tcp_sock *tp)
{
	return tp->keepalive_probes ? tp->keepalive_probes :
				      TCP_KEEPALIVE_PROBES;
}

void tcp_reset_keepalive_timer(struct sock *sk, unsigned long len)
{
	if (sk->sk_state == TCP_CLOSE)
		return;
	mod_timer(&tcp_sk(sk)->sk_timer, jiffies + len);
}

/* SO_KEEPALIVE on or off (Linux: tcp_set_keepalive via sk_prot->keepalive). */
void tcp_set_keepalive(struct sock *sk, int val)
{
	if (TCPF(sk->sk_state) & (TCPF(TCP_CLOSE) | TCPF(TCP_LISTEN)))
		return;
	if (val && sk->sk_state == TCP_ESTABLISHED)
		tcp_reset_keepalive_timer(sk,
					  keepalive_time_when(tcp_sk(sk)));
	else if (!val)
		del_timer(&tcp_sk(sk)->sk_timer);
}

/*
 * sk_timer: TIME_WAIT's end, an orphaned FIN_WAIT2 that waited
 * tcp_fin_timeout, or keepalive (RFC 9293 3.8.4 / RFC 1122 4.2.3.6):
 * after keepalive_time idle, probes every keepalive_intvl; after
 * keepalive_probes unanswered ones the connection is reset (ETIMEDOUT).
 */
static void tcp_keepalive_timer(struct timer_list *t)
{
	struct tcp_sock *tp = container_of(t, struct tcp_sock, sk_timer);
	struct sock *sk = &tp->inet.sk;
	unsigned long idle;

	if (sk->sk_state == TCP_TIME_WAIT || sk->sk_state == TCP_FIN_WAIT2) {
		tcp_done(sk);
		return;
	}
	if (sk->sk_state != TCP_ESTABLISHED || !sock_flag(sk, SOCK_KEEPOPEN))
		return;
	idle = jiffies - tp->rcv_tstamp;
	if (tp->packets_out) { /* the retransmit timer watches this one */
		tcp_reset_keepalive_timer(sk, keepalive_intvl_when(tp));
		return;
	}
	if (idle < keepalive_time_when(tp)) {
		tp->icsk_probes_out = 0;
		tcp_reset_keepalive_timer(sk, keepalive_time_when(tp) - idle);
		return;
	}
	if (tp->icsk_probes_out >= keepalive_probes(tp)) {
		tcp_send_active_reset(sk);
		tcp_write_err(sk);
		return;
	}
	tcp_write_wakeup(sk);
	tp->icsk_probes_out++;
	tcp_reset_keepalive_timer(sk, keepalive_intvl_when(tp));
}

void tcp_init_xmit_timers(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);

	timer_setup(&tp->icsk_retransmit_timer, tcp_write_timer, 0);
	timer_setup(&tp->icsk_delack_timer, tcp_delack_timer, 0);
	timer_setup(&tp->sk_timer, tcp_keepalive_timer, 0);
}

void tcp_clear_xmit_timers(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);

	tp->icsk_pending = 0;
	tp->icsk_ack.pending = 0;
	del_timer(&tp->icsk_retransmit_timer);
	del_timer(&tp->icsk_delack_timer);
	del_timer(&tp->sk_timer);
}
