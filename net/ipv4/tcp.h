/*
 * tcp.h - the Transmission Control Protocol, RFC 9293 (Linux:
 * include/linux/tcp.h, include/net/tcp.h, include/net/inet_connection_sock.h,
 * include/net/tcp_states.h, include/uapi/linux/tcp.h).
 *
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |          Source Port          |       Destination Port        |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                        Sequence Number                        |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                    Acknowledgment Number                      |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |  Data |       |C|E|U|A|P|R|S|F|                               |
 *   | Offset| Rsrvd |W|C|R|C|S|S|Y|I|            Window             |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |           Checksum            |         Urgent Pointer        |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                    Options (doff*4 - 20 bytes)                |
 *
 * The files, as Linux splits them:
 *   tcp_ipv4.c    tcp_v4_rcv (softirq entry), lookup, listen/SYN handling,
 *                 tcp_v4_connect, resets, ISNs, /proc/net/tcp, snmp rows
 *   tcp_input.c   tcp_rcv_state_process, tcp_rcv_established, tcp_ack,
 *                 the receive queue and the out-of-order queue, RFC 5961
 *   tcp_output.c  tcp_transmit_skb, tcp_write_xmit (Nagle, windows),
 *                 ACKs (delayed and not), FIN, RST, probes
 *   tcp_timer.c   retransmission, delayed ACK, zero-window probe,
 *                 keepalive, FIN_WAIT2 and TIME_WAIT timers
 *   tcp_cong.c    the congestion control hook with NewReno
 *   tcp.c         the process side: sendmsg, recvmsg, poll, close,
 *                 shutdown, options, connect/accept/listen (proto_ops)
 *
 * ==== The state machine (RFC 9293 figure 5; Linux's numbers) ====
 *
 *                              +---------+ ---------\      active OPEN
 *                              |  CLOSE  |            \    -----------
 *                              +---------+<---------\   \   snd SYN
 *                 passive OPEN   |     ^              \   \
 *                 ------------   |     | CLOSE          \   \
 *                                V     | -----           \   \
 *                              +---------+ delete        |    |
 *                              | LISTEN  |               |    |
 *                              +---------+               |    V
 *               rcv SYN          |   (child)             | +----------+
 *         --------------------   |                       | | SYN_SENT |
 *          child: snd SYN,ACK    |                       | +----------+
 *                                V       rcv SYN (simultaneous open)
 *                     +----------+ <-------------------------+    |
 *                     | SYN_RECV |       snd SYN,ACK              | rcv SYN,ACK
 *                     +----------+                                | snd ACK
 *                 rcv ACK of SYN |                                V
 *                                +--------------> +-------------+
 *                                                 | ESTABLISHED |
 *                     CLOSE/snd FIN  +------------+-------------+
 *                        +-----------+                 | rcv FIN/snd ACK
 *                        V                             V
 *                +-----------+ rcv FIN    +---------+  +------------+
 *                | FIN_WAIT1 |----------->| CLOSING |  | CLOSE_WAIT |
 *                +-----------+ snd ACK    +---------+  +------------+
 *           rcv ACK of FIN |         rcv ACK |          CLOSE | snd FIN
 *                          V         of FIN  V                V
 *                +-----------+ rcv FIN  +-----------+   +----------+
 *                | FIN_WAIT2 |--------->| TIME_WAIT |   | LAST_ACK |
 *                +-----------+ snd ACK  +-----------+   +----------+
 *                            2MSL (TCP_TIMEWAIT_LEN) |     | rcv ACK of FIN
 *                                                    V     V
 *                                                  +---------+
 *                                                  |  CLOSE  |
 *                                                  +---------+
 *
 * Transitions and the functions that make them:
 *   CLOSE -> SYN_SENT          tcp_v4_connect -> tcp_connect
 *   CLOSE -> LISTEN            inet_listen
 *   LISTEN -> (child) SYN_RECV tcp_conn_request (the child is the "request sock")
 *   SYN_SENT -> ESTABLISHED    tcp_rcv_synsent_state_process (SYN,ACK)
 *   SYN_SENT -> SYN_RECV       tcp_rcv_synsent_state_process (bare SYN)
 *   SYN_SENT -> CLOSE          tcp_reset (RST: ECONNREFUSED),
 *                              tcp_write_timeout (ETIMEDOUT)
 *   SYN_RECV -> ESTABLISHED    tcp_rcv_state_process (ACK of our SYN)
 *   ESTABLISHED -> FIN_WAIT1   tcp_close / tcp_shutdown -> tcp_send_fin
 *   ESTABLISHED -> CLOSE_WAIT  tcp_fin
 *   FIN_WAIT1 -> FIN_WAIT2     tcp_rcv_state_process (ACK of our FIN)
 *   FIN_WAIT1 -> CLOSING       tcp_fin (simultaneous close)
 *   FIN_WAIT2 -> TIME_WAIT     tcp_fin -> tcp_time_wait
 *   CLOSING -> TIME_WAIT       tcp_rcv_state_process (ACK of our FIN)
 *   CLOSE_WAIT -> LAST_ACK     tcp_close / tcp_shutdown -> tcp_send_fin
 *   LAST_ACK -> CLOSE          tcp_rcv_state_process -> tcp_done
 *   TIME_WAIT -> CLOSE         tcp_keepalive_timer (2MSL) -> tcp_done
 *   any -> CLOSE               tcp_reset (RST), tcp_write_timeout, tcp_close
 *                              with unread data (RST sent), tcp_disconnect
 *
 * Invariants: snd_una <= snd_nxt <= snd_max <= write_seq (sequence
 * space); rcv_wup <= rcv_nxt; copied_seq <= rcv_nxt. The write queue
 * holds every byte in [snd_una, write_seq): the skbs before send_head
 * are sent and unacknowledged (the retransmit queue), the rest not sent
 * yet. A CLOSE socket has no timer pending. tcp_check_invariants()
 * asserts these in debug builds and the unit tests.
 *
 * ==== Locking (one CPU) ====
 * Softirq (tcp_v4_rcv, the timers) owns a TCP socket while it runs.
 * Process context takes the socket with lock_sock() = local_bh_disable():
 * no packet and no timer can run on this CPU until release_sock(). A
 * process that must sleep releases first and takes it again after.
 * Linux's lock_sock is a real lock plus the socket backlog (packets that
 * arrive meanwhile are queued and processed by release_sock); with one
 * CPU and BHs off there is never a packet to queue.
 */
#ifndef RXOS_NET_IPV4_TCP_H
#define RXOS_NET_IPV4_TCP_H

#include "kernel/interrupt.h"
#include "kernel/timer.h"
#include "lib/checksum.h"
#include "net/core/skbuff.h"
#include "net/ipv4/inet_sock.h"

struct tcphdr {
	__be16 source;
	__be16 dest;
	__be32 seq;
	__be32 ack_seq;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#error "rxos is little-endian i386"
#endif
	uint16_t res1 : 4, doff : 4, fin : 1, syn : 1, rst : 1, psh : 1,
		ack : 1, urg : 1, ece : 1, cwr : 1;
	__be16 window;
	__sum16 check;
	__be16 urg_ptr;
} __packed;

static inline struct tcphdr *tcp_hdr(const struct sk_buff *skb)
{
	return (struct tcphdr *)skb_transport_header(skb);
}

/* The flag byte (byte 13 of the header), Linux's TCPHDR_*. */
#define TCPHDR_FIN 0x01
#define TCPHDR_SYN 0x02
#define TCPHDR_RST 0x04
#define TCPHDR_PSH 0x08
#define TCPHDR_ACK 0x10
#define TCPHDR_URG 0x20
#define TCPHDR_ECE 0x40
#define TCPHDR_CWR 0x80
static inline uint8_t tcp_flag_byte(const struct tcphdr *th)
{
	return ((const uint8_t *)th)[13];
}

/* States: Linux's numbers (include/net/tcp_states.h); /proc/net/tcp
 * prints them in hex. */
enum {
	TCP_ESTABLISHED = 1,
	TCP_SYN_SENT,
	TCP_SYN_RECV,
	TCP_FIN_WAIT1,
	TCP_FIN_WAIT2,
	TCP_TIME_WAIT,
	TCP_CLOSE,
	TCP_CLOSE_WAIT,
	TCP_LAST_ACK,
	TCP_LISTEN,
	TCP_CLOSING,
	TCP_NEW_SYN_RECV, /* Linux's request socks; rxos uses SYN_RECV socks */
	TCP_MAX_STATES
};
#define TCPF(s) (1 << (s))

/* Options (RFC 9293, 7323, 2018). */
#define TCPOPT_EOL 0
#define TCPOPT_NOP 1
#define TCPOPT_MSS 2
#define TCPOPT_WINDOW 3
#define TCPOPT_SACK_PERM 4
#define TCPOPT_SACK 5
#define TCPOPT_TIMESTAMP 8
#define TCPOLEN_MSS 4
#define TCPOLEN_WINDOW 3
#define TCPOLEN_SACK_PERM 2
#define TCPOLEN_TIMESTAMP 10
#define TCPOLEN_TSTAMP_ALIGNED 12
#define TCP_MAX_WSCALE 14

/* ---- tunables: Linux's names and defaults (include/net/tcp.h, sysctls) ---- */
#define TCP_MSS_DEFAULT 536U	     /* RFC 1122: no MSS option seen */
#define TCP_MIN_MSS 88U
#define TCP_RTO_MAX (120 * HZ)
#define TCP_RTO_MIN (HZ / 5)	     /* 200 ms */
#define TCP_TIMEOUT_INIT (1 * HZ)    /* RFC 6298 2.1: 1 s */
#define TCP_DELACK_MIN (HZ / 25)     /* 40 ms */
#define TCP_DELACK_MAX (HZ / 5)	     /* 200 ms */
#define TCP_ATO_MIN (HZ / 25)
#define TCP_TIMEWAIT_LEN (60 * HZ)   /* 2MSL as Linux: 60 s */
#define TCP_FIN_TIMEOUT (60 * HZ)    /* tcp_fin_timeout: orphaned FIN_WAIT2 */
#define TCP_KEEPALIVE_TIME (7200 * HZ)
#define TCP_KEEPALIVE_INTVL (75 * HZ)
#define TCP_KEEPALIVE_PROBES 9
#define TCP_RETR2 15		     /* tcp_retries2 */
#define TCP_SYN_RETRIES 6	     /* tcp_syn_retries */
#define TCP_SYNACK_RETRIES 5	     /* tcp_synack_retries */
#define TCP_INIT_CWND 10	     /* RFC 6928, as Linux */
#define TCP_REORDERING 3	     /* dupacks that start fast retransmit */
#define TCP_QUICKACKS 16	     /* ACK at once this often at the start */
#define TCP_CHALLENGE_ACK_LIMIT 1000 /* per second, all sockets (RFC 5961 7) */
#define TCP_PAWS_24DAYS (60 * 60 * 24 * 24) /* ts_recent too old to trust */
#define MAX_TCP_HEADER (MAX_HEADER + 20 + 60 + 16)
extern int sysctl_tcp_timestamps, sysctl_tcp_window_scaling;
/* TIME_WAIT length in jiffies: TCP_TIMEWAIT_LEN (60 s). A variable so a
 * test can shorten it; no /proc/sys file sets it yet. Tests do not wait
 * for it: each uses its own ports. */
extern unsigned long sysctl_tcp_tw_len;

/* SOL_TCP options (include/uapi/linux/tcp.h) */
#define SOL_TCP 6
#define TCP_NODELAY 1
#define TCP_MAXSEG 2
#define TCP_CORK 3
#define TCP_KEEPIDLE 4
#define TCP_KEEPINTVL 5
#define TCP_KEEPCNT 6
#define TCP_MAX_KEEPIDLE 32767
#define TCP_MAX_KEEPINTVL 32767
#define TCP_MAX_KEEPCNT 127

/* tp->nonagle */
#define TCP_NAGLE_OFF 1	 /* TCP_NODELAY */
#define TCP_NAGLE_CORK 2 /* TCP_CORK */
#define TCP_NAGLE_PUSH 4 /* this once: send what there is */

/* Congestion avoidance states (Linux: enum tcp_ca_state). */
enum tcp_ca_state {
	TCP_CA_Open,
	TCP_CA_Disorder, /* dupacks seen, fewer than TCP_REORDERING */
	TCP_CA_CWR,
	TCP_CA_Recovery, /* fast retransmit done, NewReno recovery */
	TCP_CA_Loss,	 /* retransmission timeout */
};

/* What the one retransmit timer is armed for (icsk_pending). */
#define ICSK_TIME_RETRANS 1
#define ICSK_TIME_DACK 2
#define ICSK_TIME_PROBE0 3

/* ---- the control block of a TCP skb (skb->cb) ---- */
struct tcp_skb_cb {
	uint32_t seq;	   /* first sequence number */
	uint32_t end_seq;  /* seq + SYN + FIN + data length */
	uint32_t when;	   /* jiffies when (last) sent */
	uint32_t ack_seq;  /* received: the ack field */
	uint8_t tcp_flags; /* TCPHDR_* */
	uint8_t sacked;	   /* TCPCB_RETRANS: sent more than once (Karn) */
};
#define TCPCB_RETRANS 0x02
#define TCP_SKB_CB(skb) ((struct tcp_skb_cb *)&((skb)->cb[0]))
_Static_assert(sizeof(struct tcp_skb_cb) <= 48, "tcp_skb_cb fits cb");

/* ---- sequence numbers: modulo 2^32 (RFC 9293 3.4) ---- */
static inline bool before(uint32_t seq1, uint32_t seq2)
{
	return (int32_t)(seq1 - seq2) < 0;
}
#define after(seq2, seq1) before(seq1, seq2)
/* is seq2 <= seq1 <= seq3 in sequence space? (Linux's argument order) */
static inline bool between(uint32_t seq1, uint32_t seq2, uint32_t seq3)
{
	return seq3 - seq2 >= seq1 - seq2;
}

/* What tcp_parse_options found (Linux: struct tcp_options_received). */
struct tcp_options_received {
	uint32_t ts_recent;	  /* last in-window TSval (RFC 7323 4.3) */
	unsigned long ts_recent_stamp; /* seconds when ts_recent was set */
	uint32_t rcv_tsval, rcv_tsecr;
	uint16_t saw_tstamp : 1, /* this segment carried a timestamp */
		tstamp_ok : 1,	 /* both ends use timestamps */
		wscale_ok : 1,	 /* both ends scale windows */
		sack_ok : 1,	 /* peer offered SACK (rxos does not use it) */
		saw_wscale : 1;
	uint8_t snd_wscale; /* the peer's shift: its windows << this */
	uint8_t rcv_wscale; /* ours: our windows >> this */
	uint16_t mss_clamp; /* the peer's MSS option (0: none) */
	uint16_t user_mss;  /* TCP_MAXSEG */
};

/* The delayed ACK machinery (Linux: icsk->icsk_ack). */
struct tcp_ack_state {
	uint8_t pending; /* an ACK is owed (ICSK_ACK_SCHED) */
	uint8_t quick;	 /* ACK the next this-many segments at once */
	uint8_t pingpong;
	unsigned long ato;     /* delay, jiffies */
	unsigned long timeout; /* when the delack timer fires */
};

/*
 * The TCP socket (Linux: struct tcp_sock, which embeds
 * inet_connection_sock; the icsk_* fields are kept flat here with their
 * Linux names). All fields are protected by the socket lock (BHs off).
 */
struct tcp_sock {
	struct inet_sock inet; /* first: tcp_sk(sk) is a cast */

	/* receive sequence space (RFC 9293 3.3.1) */
	uint32_t rcv_nxt;    /* next sequence we expect */
	uint32_t copied_seq; /* next byte the reader gets */
	uint32_t rcv_wup;    /* rcv_nxt when we last sent a window */
	uint32_t rcv_wnd;    /* window we last advertised (bytes) */
	uint32_t rcv_mss;    /* guess of the peer's segment size (delack) */
	unsigned long rcv_tstamp; /* jiffies of the last segment (keepalive) */

	/* send sequence space */
	uint32_t snd_una;   /* oldest unacknowledged */
	uint32_t snd_nxt;   /* next to send */
	uint32_t snd_max;   /* highest sent + 1 (BSD's snd_max; Linux keeps
			       snd_nxt there and marks lost segments) */
	uint32_t write_seq; /* end of the data queued by the writer */
	uint32_t snd_wl1;   /* seq of the segment that last set snd_wnd */
	uint32_t snd_wnd;   /* peer's window (bytes, scaled) */
	uint32_t max_window;
	uint32_t mss_cache; /* current send MSS */
	uint32_t advmss;    /* MSS we advertise (route MTU - 40) */
	struct sk_buff *send_head; /* first unsent skb of sk_write_queue */
	int sk_wmem_queued;	   /* truesize of the write queue */
	uint32_t packets_out;	   /* skbs sent, not acked */
	uint32_t retrans_out;	   /* of those, retransmitted */
	uint8_t nonagle;	   /* TCP_NAGLE_* */
	uint8_t syn_fin_flags;	   /* (unused) */
	uint8_t fin_queued;	   /* our FIN is on the write queue */

	/* congestion control (RFC 5681, 6582; cwnd in segments as Linux) */
	uint32_t snd_cwnd, snd_ssthresh, snd_cwnd_cnt;
	uint32_t high_seq; /* NewReno's "recover": snd_max at loss */
	uint32_t sacked_out; /* without SACK, Linux counts dupacks here */
	uint8_t ca_state;
	const struct tcp_congestion_ops *ca_ops;

	/* RTT and RTO (RFC 6298): srtt_us is 8 * SRTT, mdev_us 4 * RTTVAR,
	 * both in microseconds, as Linux keeps them */
	uint32_t srtt_us, mdev_us;
	unsigned long icsk_rto;	      /* jiffies */
	uint8_t icsk_backoff;	      /* exponent of the RTO backoff */
	uint8_t icsk_retransmits;     /* timeouts of the current segment */
	uint8_t icsk_probes_out;      /* zero-window / keepalive probes */
	uint8_t icsk_pending;	      /* ICSK_TIME_* of the retransmit timer */
	unsigned long icsk_timeout;   /* when it fires (jiffies) */
	struct timer_list icsk_retransmit_timer;
	struct timer_list icsk_delack_timer;
	struct timer_list sk_timer;   /* keepalive, FIN_WAIT2, TIME_WAIT */
	struct tcp_ack_state icsk_ack;

	struct tcp_options_received rx_opt;
	uint32_t keepalive_time, keepalive_intvl; /* jiffies, 0 = default */
	uint8_t keepalive_probes;
	unsigned long last_oow_ack_time; /* rate limit of dupacks (jiffies) */

	struct sk_buff_head out_of_order_queue;

	/* listening sockets: the SYN queue (children in SYN_RECV) and the
	 * accept queue (children established, waiting for accept()) */
	struct list_head syn_queue, accept_queue;
	int syn_qlen, sk_ack_backlog, sk_max_ack_backlog;
	/* children: the listener and their place on one of its queues */
	struct sock *parent;
	struct list_head accept_node;
	uint8_t on_accept_queue;
};

/* Seconds for ts_recent_stamp (Linux: ktime_get_seconds). */
static inline unsigned long ktime_get_real_seconds_tcp(void)
{
	return jiffies / HZ;
}

static inline struct tcp_sock *tcp_sk(const struct sock *sk)
{
	return (struct tcp_sock *)sk;
}

/* lock_sock / release_sock: see "Locking" above. */
static inline void lock_sock(struct sock *sk)
{
	(void)sk;
	local_bh_disable();
}
static inline void release_sock(struct sock *sk)
{
	(void)sk;
	local_bh_enable();
}

/* The Tcp row of /proc/net/snmp (Linux: TCP_MIB_*). */
enum {
	TCP_MIB_RTOALGORITHM,
	TCP_MIB_RTOMIN,
	TCP_MIB_RTOMAX,
	TCP_MIB_MAXCONN,
	TCP_MIB_ACTIVEOPENS,
	TCP_MIB_PASSIVEOPENS,
	TCP_MIB_ATTEMPTFAILS,
	TCP_MIB_ESTABRESETS,
	TCP_MIB_CURRESTAB,
	TCP_MIB_INSEGS,
	TCP_MIB_OUTSEGS,
	TCP_MIB_RETRANSSEGS,
	TCP_MIB_INERRS,
	TCP_MIB_OUTRSTS,
	TCP_MIB_CSUMERRORS,
	__TCP_MIB_MAX
};
extern unsigned long tcp_statistics[__TCP_MIB_MAX];
#define TCP_INC_STATS(f) (tcp_statistics[f]++)

/* The TcpExt counters rxos keeps (/proc/net/netstat). */
enum {
	LINUX_MIB_LISTENOVERFLOWS,
	LINUX_MIB_LISTENDROPS,
	LINUX_MIB_PAWSESTABREJECTED,
	LINUX_MIB_TCPCHALLENGEACK,
	LINUX_MIB_TCPSYNCHALLENGE,
	LINUX_MIB_TCPFASTRETRANS,
	LINUX_MIB_TCPTIMEOUTS,
	LINUX_MIB_TCPABORTONDATA,
	LINUX_MIB_TCPABORTONCLOSE,
	LINUX_MIB_TCPABORTONTIMEOUT,
	LINUX_MIB_TCPOFOQUEUE,
	LINUX_MIB_TCPOFOMERGE,
	LINUX_MIB_DELAYEDACKS,
	LINUX_MIB_TCPPARTIALUNDO, /* (unused) */
	__LINUX_MIB_TCP_MAX
};
extern unsigned long tcp_ext_statistics[__LINUX_MIB_TCP_MAX];
#define NET_INC_STATS(f) (tcp_ext_statistics[f]++)

/* ---- congestion control (tcp_cong.c; Linux: struct tcp_congestion_ops) ---- */
struct tcp_congestion_ops {
	const char *name;
	/* new ssthresh after a loss */
	uint32_t (*ssthresh)(struct tcp_sock *tp);
	/* cwnd growth for acked segments (slow start / avoidance) */
	void (*cong_avoid)(struct tcp_sock *tp, uint32_t acked);
};
extern const struct tcp_congestion_ops tcp_reno;
uint32_t tcp_reno_ssthresh(struct tcp_sock *tp);
void tcp_reno_cong_avoid(struct tcp_sock *tp, uint32_t acked);
/* NewReno's reactions (RFC 5681 3.2, RFC 6582 3.2), on segment counts. */
void tcp_enter_recovery(struct tcp_sock *tp);
void tcp_recovery_dupack(struct tcp_sock *tp);
/* An ACK advancing snd_una during recovery: true if partial (the caller
 * retransmits the next hole), false if it ended recovery. */
bool tcp_recovery_ack(struct tcp_sock *tp, uint32_t ack, uint32_t acked_segs);
void tcp_enter_loss(struct tcp_sock *tp);

/* ---- tcp_input.c ---- */
/* Parse the options of th (doff checked by the caller) into opt:
 * malformed options end the parse, never read past doff. */
void tcp_parse_options(const struct tcphdr *th, struct tcp_options_received *opt,
		       bool syn);
void tcp_rtt_estimator(struct tcp_sock *tp, long mrtt_us);
void tcp_set_rto(struct tcp_sock *tp);
/* The ofo queue: insert skb (CB seq/end_seq set) keeping it sorted;
 * false if it was dropped (TCP_OFOMERGE), fully covered already. */
bool tcp_ofo_insert(struct sock *sk, struct sk_buff *skb);
/* RFC 5961 verdicts on a segment in a synchronized state. */
enum tcp_5961_verdict {
	TCP_5961_ACCEPT,    /* go on processing */
	TCP_5961_RESET,	    /* RST exactly at rcv_nxt: reset the connection */
	TCP_5961_CHALLENGE, /* send a challenge ACK and drop */
	TCP_5961_DROP,	    /* drop silently */
};
enum tcp_5961_verdict tcp_rfc5961_rst(const struct tcp_sock *tp, uint32_t seq);
int tcp_rcv_state_process(struct sock *sk, struct sk_buff *skb);
void tcp_rcv_established(struct sock *sk, struct sk_buff *skb);
void tcp_fin(struct sock *sk);
void tcp_reset(struct sock *sk);
void tcp_set_state(struct sock *sk, int state);
void tcp_done(struct sock *sk);
void tcp_time_wait(struct sock *sk);
void tcp_init_transfer(struct sock *sk);
void tcp_child_established(struct sock *sk);
uint32_t tcp_receive_window(const struct tcp_sock *tp);
extern unsigned int tcp_challenge_count;

/* ---- tcp_output.c ---- */
int tcp_transmit_skb(struct sock *sk, struct sk_buff *skb);
void tcp_write_xmit(struct sock *sk, int nonagle);
void tcp_push(struct sock *sk, int nonagle);
int tcp_retransmit_skb(struct sock *sk, struct sk_buff *skb);
void tcp_send_ack(struct sock *sk);
void tcp_send_delayed_ack(struct sock *sk);
void tcp_send_challenge_ack(struct sock *sk);
void tcp_send_dupack(struct sock *sk);
void tcp_send_fin(struct sock *sk);
void tcp_send_active_reset(struct sock *sk);
int tcp_send_probe0(struct sock *sk);
int tcp_write_wakeup(struct sock *sk);
void tcp_connect_queue_syn(struct sock *sk, uint8_t flags);
uint32_t tcp_select_window(struct sock *sk);
uint32_t tcp_space_window(const struct sock *sk);
uint32_t tcp_mss_for_mtu(unsigned int mtu);
void tcp_cleanup_rbuf(struct sock *sk, int copied);
void tcp_event_data_recv(struct sock *sk);
void tcp_free_skb(struct sock *sk, struct sk_buff *skb);
uint32_t tcp_time_stamp(void);
void tcp_v4_send_reset(struct sk_buff *skb);
void tcp_v4_send_ack_tw(struct sock *sk);

/* ---- tcp_timer.c ---- */
void tcp_init_xmit_timers(struct sock *sk);
void tcp_clear_xmit_timers(struct sock *sk);
void tcp_reset_xmit_timer(struct sock *sk, int what, unsigned long when);
void tcp_clear_xmit_timer(struct sock *sk, int what);
void tcp_reset_keepalive_timer(struct sock *sk, unsigned long len);
void tcp_set_keepalive(struct sock *sk, int val);
unsigned long tcp_probe0_when(const struct tcp_sock *tp);
void tcp_retransmit_timer(struct sock *sk);

/* ---- tcp_ipv4.c ---- */
int tcp_v4_rcv(struct sk_buff *skb);
int tcp_v4_do_rcv(struct sock *sk, struct sk_buff *skb);
int tcp_v4_connect(struct sock *sk, struct sockaddr *uaddr, int addr_len);
void tcp_v4_err(struct sk_buff *skb, uint32_t info);
struct sock *__inet_lookup(__be32 saddr, __be16 sport, __be32 daddr,
			   __be16 dport, int dif);
int tcp_conn_request(struct sock *sk, struct sk_buff *skb);
uint32_t secure_tcp_seq(__be32 saddr, __be32 daddr, __be16 sport,
			__be16 dport);
int tcp_v4_get_port(struct sock *sk, unsigned short snum);
int tcp_v4_hash(struct sock *sk);
bool tcp_v4_listen_clash(struct sock *sk);
void tcp_v4_unhash(struct sock *sk);
void tcp_init_sock_common(struct sock *sk);
int tcp4_seq_show(char *buf, int len);
int tcp_curr_estab(void);
void tcp_v4_init(void);

/* ---- tcp.c ---- */
extern struct proto tcp_prot;
extern const struct proto_ops inet_stream_ops;
int tcp_sendmsg(struct sock *sk, struct msghdr *msg, size_t size);
int tcp_recvmsg(struct sock *sk, struct msghdr *msg, size_t len, int flags,
		int *addr_len);
void tcp_close(struct sock *sk, long timeout);
void tcp_shutdown(struct sock *sk, int how);
int tcp_disconnect(struct sock *sk, int flags);
void sk_stream_write_space(struct sock *sk);
void tcp_sk_destruct(struct sock *sk);
void tcp_init(void);

static inline bool tcp_in_synchronized(const struct sock *sk)
{
	return !(TCPF(sk->sk_state) &
		 (TCPF(TCP_SYN_SENT) | TCPF(TCP_LISTEN) | TCPF(TCP_CLOSE)));
}

#endif
