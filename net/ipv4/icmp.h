/*
 * icmp.h - ICMP messages (Linux: include/uapi/linux/icmp.h, include/net/icmp.h).
 *
 * icmp_rcv is the net_protocol handler for IPPROTO_ICMP (softirq).
 * icmp_send builds an error about a packet we received (skb_in) and sends
 * it to that packet's source; it applies RFC 1122's rules itself (no error
 * about an ICMP error, a broadcast/multicast, or a non-first fragment) and
 * Linux's rate limit, so callers just call it. Any context that may send.
 */
#ifndef RXOS_NET_IPV4_ICMP_H
#define RXOS_NET_IPV4_ICMP_H

#include "lib/checksum.h" /* __sum16 */
#include "net/core/skbuff.h"
#include "net/ipv4/in.h"

struct icmphdr {
	uint8_t type;
	uint8_t code;
	__sum16 checksum;
	union {
		struct {
			__be16 id;
			__be16 sequence;
		} echo;
		__be32 gateway;
		struct {
			__be16 __unused;
			__be16 mtu;
		} frag;
	} un;
} __packed;

/* Types */
#define ICMP_ECHOREPLY 0
#define ICMP_DEST_UNREACH 3
#define ICMP_SOURCE_QUENCH 4
#define ICMP_REDIRECT 5
#define ICMP_ECHO 8
#define ICMP_TIME_EXCEEDED 11
#define ICMP_PARAMETERPROB 12
#define ICMP_TIMESTAMP 13
#define ICMP_TIMESTAMPREPLY 14
#define ICMP_INFO_REQUEST 15
#define ICMP_INFO_REPLY 16
#define ICMP_ADDRESS 17
#define ICMP_ADDRESSREPLY 18
#define NR_ICMP_TYPES 18

/* Codes for ICMP_DEST_UNREACH */
#define ICMP_NET_UNREACH 0
#define ICMP_HOST_UNREACH 1
#define ICMP_PROT_UNREACH 2
#define ICMP_PORT_UNREACH 3
#define ICMP_FRAG_NEEDED 4
#define ICMP_SR_FAILED 5
#define ICMP_NET_UNKNOWN 6
#define ICMP_HOST_UNKNOWN 7
#define ICMP_NET_ANO 9
#define ICMP_HOST_ANO 10
#define ICMP_PKT_FILTERED 13 /* administratively prohibited (iptables) */
#define ICMP_PREC_VIOLATION 14
#define ICMP_PREC_CUTOFF 15

/* Codes for ICMP_TIME_EXCEEDED */
#define ICMP_EXC_TTL 0
#define ICMP_EXC_FRAGTIME 1

static inline struct icmphdr *icmp_hdr(const struct sk_buff *skb)
{
	return (struct icmphdr *)skb_transport_header(skb);
}

int icmp_rcv(struct sk_buff *skb);
/* info: next-hop MTU for ICMP_FRAG_NEEDED, else 0. skb_in stays the caller's. */
void icmp_send(struct sk_buff *skb_in, int type, int code, __be32 info);
void icmp_init(void);

#endif
