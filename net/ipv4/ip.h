/*
 * ip.h - the IPv4 header and the functions of the IPv4 layer
 * (Linux: include/uapi/linux/ip.h, include/net/ip.h, include/net/protocol.h).
 *
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |Version|  IHL  |    DSCP/ECN   |          Total Length         |
 *   |         Identification        |Flags|     Fragment Offset     |
 *   |  Time to Live |    Protocol   |         Header Checksum       |
 *   |                       Source Address                          |
 *   |                    Destination Address                        |
 *   |                    Options (IHL > 5)                          |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Receive (softirq): ip_rcv -> ip_rcv_core -> NF_HOOK(PRE_ROUTING)
 *   -> ip_rcv_finish -> ip_route_input -> dst_input: ip_local_deliver
 *   (ip_defrag, NF_HOOK(LOCAL_IN), ip_local_deliver_finish ->
 *   ip_protocol_deliver_rcu -> the net_protocol handler) or ip_forward.
 * Transmit: ip_queue_xmit / ip_build_and_send_pkt -> ip_local_out
 *   -> NF_HOOK(LOCAL_OUT) -> dst_output = ip_output -> NF_HOOK(POST_ROUTING)
 *   -> ip_finish_output (ip_do_fragment above the MTU) -> ip_finish_output2
 *   -> neigh_output -> dev_queue_xmit.
 *
 * Linux's functions take (struct net *net, struct sock *sk, skb); rxos has
 * one network namespace and passes the socket in skb->sk, so they take skb.
 */
#ifndef RXOS_NET_IPV4_IP_H
#define RXOS_NET_IPV4_IP_H

#include "kernel/byteorder.h"
#include "kernel/kernel.h"
#include "lib/checksum.h" /* __sum16 */
#include "net/core/skbuff.h"
#include "net/ipv4/in.h"

struct iphdr {
	uint8_t ihl : 4, /* header length in 32-bit words, >= 5 */
		version : 4;
	uint8_t tos;
	__be16 tot_len; /* header + payload, bytes */
	__be16 id;
	__be16 frag_off; /* flags (IP_DF, IP_MF) and offset in 8-byte units */
	uint8_t ttl;
	uint8_t protocol; /* IPPROTO_* */
	__sum16 check;
	__be32 saddr;
	__be32 daddr;
	/* options follow */
} __packed;

#define IP_CE 0x8000	  /* congestion (the evil bit's neighbour) */
#define IP_DF 0x4000	  /* don't fragment */
#define IP_MF 0x2000	  /* more fragments follow */
#define IP_OFFSET 0x1FFF  /* fragment offset, 8-byte units */
#define IP_MAX_MTU 0xFFFF /* largest datagram (RFC 791) */
#define IPDEFTTL 64	  /* Linux's default TTL (ip_default_ttl) */

static inline struct iphdr *ip_hdr(const struct sk_buff *skb)
{
	return (struct iphdr *)skb_network_header(skb);
}

static inline bool ip_is_fragment(const struct iphdr *iph)
{
	return (iph->frag_off & htons(IP_MF | IP_OFFSET)) != 0;
}

/* Recompute iph->check after changing the header. */
void ip_send_check(struct iphdr *iph);

/*
 * The IPv4 layer's part of skb->cb (Linux: struct inet_skb_parm). Valid
 * from ip_rcv_core on; transmit code clears it before use.
 */
struct inet_skb_parm {
	int iif;	     /* ifindex the packet arrived on */
	uint16_t flags;	     /* IPSKB_* */
	uint16_t frag_max_size; /* largest fragment seen in reassembly */
};
#define IPSKB_FORWARDED 0x0001
#define IPSKB_FRAG_COMPLETE 0x0004 /* reassembled: do not refragment */
#define IPCB(skb) ((struct inet_skb_parm *)((skb)->cb))

/* ---- receive (ip_input.c), softirq ---- */
struct net_device;
struct packet_type;
int ip_rcv(struct sk_buff *skb, struct net_device *dev, struct packet_type *pt,
	   struct net_device *orig_dev);
/* The RFC 1122 checks; NULL when skb was dropped (counted, with a reason). */
struct sk_buff *ip_rcv_core(struct sk_buff *skb);
int ip_rcv_finish(struct sk_buff *skb);
int ip_local_deliver(struct sk_buff *skb);
/* skb->data at the transport header; consumes skb (ip_input.c). */
void ip_protocol_deliver_rcu(struct sk_buff *skb, int protocol);
int ip_forward(struct sk_buff *skb); /* ip_forward.c */

/*
 * A transport protocol's entry points (Linux: struct net_protocol).
 * handler: softirq; owns skb (frees or queues it); skb->data at the
 *   transport header. Returns 0 (Linux: a positive value asks for the
 *   packet to be resubmitted as another protocol; rxos has no such case).
 * err_handler: an ICMP error quoting one of our packets; skb->data at the
 *   quoted IP header; info is the ICMP type/code's extra (next-hop MTU).
 */
struct net_protocol {
	int (*handler)(struct sk_buff *skb);
	void (*err_handler)(struct sk_buff *skb, uint32_t info);
};
int inet_add_protocol(const struct net_protocol *prot, unsigned char protocol);
int inet_del_protocol(const struct net_protocol *prot, unsigned char protocol);

/* ---- reassembly and fragmentation (ip_fragment.c, ip_output.c) ---- */
/* Who asked for reassembly: separate queues in Linux, kept for the name. */
enum ip_defrag_users {
	IP_DEFRAG_LOCAL_DELIVER,
};
/*
 * softirq. Takes skb (a fragment). Returns 0 when skb now holds the whole
 * datagram (header fixed up, ready to deliver), -EINPROGRESS when it was
 * queued waiting for the rest, or another negative errno when it was
 * dropped (counted, with a reason). In every non-zero case skb is no longer
 * the caller's.
 */
int ip_defrag(struct sk_buff *skb, unsigned int user);
/*
 * Split skb into fragments that fit the route's MTU and pass each to
 * output; consumes skb. 0, or a negative errno (the rest were dropped).
 */
int ip_do_fragment(struct sk_buff *skb, int (*output)(struct sk_buff *));

/* ---- transmit (ip_output.c) ---- */
int ip_local_out(struct sk_buff *skb); /* skb has its dst and full header */
int ip_output(struct sk_buff *skb);    /* dst->output for IPv4 */
int ip_finish_output(struct sk_buff *skb);
/*
 * Push an IPv4 header (TTL 64, DF clear) in front of the payload at
 * skb->data and send it; routes to daddr unless skb already has a dst;
 * saddr 0 = the route's source. Consumes skb; 0 or -errno. ip_output.c
 * has the full contract.
 */
int ip_build_and_send_pkt(struct sk_buff *skb, __be32 saddr, __be32 daddr,
			  uint8_t protocol, uint8_t tos);

/* ---- boot (af_inet.c / ip_input.c) ---- */
void ip_init(void);
/* inet_init calls these too (Linux: ipfrag_init, ip_misc_proc_init, and
 * the sysctl tables). */
extern int sysctl_ip_forward;	    /* /proc/sys/net/ipv4/ip_forward */
void ip_forward_sysctl_init(void);  /* ip_forward.c */
void ipfrag_init(void);		    /* ip_fragment.c */
int ip_misc_proc_init(void);	    /* proc.c: /proc/net/snmp, netstat */

#endif
