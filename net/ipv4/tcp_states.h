/*
 * tcp_states.h - the socket states (Linux: include/net/tcp_states.h).
 *
 * TCP's state machine names them; the other protocols borrow two: a UDP
 * or raw socket is TCP_CLOSE until connect() and TCP_ESTABLISHED after
 * (so /proc/net/udp's "st" column reads 07 or 01, as on Linux).
 */
#ifndef RXOS_NET_IPV4_TCP_STATES_H
#define RXOS_NET_IPV4_TCP_STATES_H

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
	TCP_NEW_SYN_RECV,
	TCP_MAX_STATES
};

#endif
