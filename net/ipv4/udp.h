/*
 * udp.h - the User Datagram Protocol, RFC 768 (Linux: include/linux/udp.h,
 * include/net/udp.h, include/uapi/linux/snmp.h's UDP_MIB_*).
 *
 *    0      7 8     15 16    23 24    31
 *   +--------+--------+--------+--------+
 *   |   Source Port   |    Dest Port    |
 *   +--------+--------+--------+--------+
 *   |     Length      |    Checksum     |   Length: header + data, >= 8
 *   +--------+--------+--------+--------+   Checksum: over a pseudo header
 *   |          data octets ...              (saddr, daddr, proto, length)
 *   +---------------- ...                   + header + data; 0 = none sent
 *
 * Receive (softirq, stage 13): ip_local_deliver_finish -> udp_rcv ->
 *   __udp4_lib_lookup -> udp_queue_rcv_skb -> __sock_queue_rcv_skb ->
 *   sk_data_ready (stage 14). No socket: ICMP port unreachable.
 * Send (process): sendto -> inet_sendmsg -> udp_sendmsg -> ip_route_output
 *   -> udp_send_skb -> the IPv4 output path.
 * Receive, the reader (process, stage 15): recvfrom -> udp_recvmsg.
 * Errors (softirq): icmp_rcv -> udp_err (port unreachable -> ECONNREFUSED).
 */
#ifndef RXOS_NET_IPV4_UDP_H
#define RXOS_NET_IPV4_UDP_H

#include "lib/checksum.h"
#include "net/core/skbuff.h"
#include "net/ipv4/inet_sock.h"

struct udphdr {
	__be16 source;
	__be16 dest;
	__be16 len;
	__sum16 check;
} __packed;

static inline struct udphdr *udp_hdr(const struct sk_buff *skb)
{
	return (struct udphdr *)skb_transport_header(skb);
}

/* 65535 - 20 (IP header) - 8 (UDP header): the largest payload. */
#define UDP_MAX_PAYLOAD (0xFFFF - 20 - 8)

/* Linux's net.ipv4.ip_local_port_range: where ephemeral ports come from. */
#define UDP_EPHEMERAL_LOW 32768
#define UDP_EPHEMERAL_HIGH 60999

/* SOL_UDP options: none implemented (UDP_CORK, UDP_SEGMENT in Linux). */
#define SOL_UDP 17

/* The UDP socket (Linux: struct udp_sock, which adds corking, GSO/GRO,
 * encapsulation hooks). */
struct udp_sock {
	struct inet_sock inet;
};

/* The Udp row of /proc/net/snmp, Linux's order and names. */
enum {
	UDP_MIB_INDATAGRAMS,  /* InDatagrams: delivered to a reader */
	UDP_MIB_NOPORTS,      /* NoPorts: no socket for the port */
	UDP_MIB_INERRORS,     /* InErrors: short, bad checksum, rcvbuf full */
	UDP_MIB_OUTDATAGRAMS, /* OutDatagrams */
	UDP_MIB_RCVBUFERRORS, /* RcvbufErrors: receive buffer full */
	UDP_MIB_SNDBUFERRORS, /* SndbufErrors */
	UDP_MIB_CSUMERRORS,   /* InCsumErrors */
	UDP_MIB_IGNOREDMULTI, /* IgnoredMulti: broadcast/multicast, no socket */
	UDP_MIB_MEMERRORS,    /* MemErrors */
	__UDP_MIB_MAX
};

extern unsigned long udp_statistics[__UDP_MIB_MAX];
#define UDP_INC_STATS(field) (udp_statistics[field]++)

extern struct proto udp_prot;

/* softirq; owns skb (data at the UDP header). Always 0. */
int udp_rcv(struct sk_buff *skb);
/* softirq: an ICMP error quoting a datagram we sent (skb->data at the
 * quoted IP header). */
void udp_err(struct sk_buff *skb, uint32_t info);

/* The best socket for a received datagram (exact matches beat wildcards),
 * or NULL. Softirq, or process context with BHs off. */
struct sock *__udp4_lib_lookup(__be32 saddr, __be16 sport, __be32 daddr,
			       __be16 dport, int dif);

int udp_sendmsg(struct sock *sk, struct msghdr *msg, size_t len);
int udp_recvmsg(struct sock *sk, struct msghdr *msg, size_t len, int flags,
		int *addr_len);

/* /proc/net/udp (the Udp row of /proc/net/snmp is registered with
 * snmp_register_row by udp_init). */
int udp4_seq_show(char *buf, int len);

void udp_init(void);

#endif
