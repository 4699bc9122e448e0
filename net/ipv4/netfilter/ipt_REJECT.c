/*
 * ipt_REJECT.c - the REJECT target: drop the packet and tell its sender
 * (Linux: net/ipv4/netfilter/ipt_REJECT.c, net/ipv4/netfilter/nf_reject_ipv4.c).
 *
 *   --reject-with icmp-*-unreachable, icmp-*-prohibited
 *        an ICMP destination unreachable with that code, by icmp_send,
 *        which applies RFC 1122's rules (never about an ICMP error, a
 *        broadcast, a non-first fragment) and the rate limit itself
 *   --reject-with tcp-reset
 *        a TCP RST answering the segment, built here and sent through
 *        the IPv4 output path (nf_send_reset); the checker allows it only
 *        in rules with -p tcp
 *
 * Context: ipt_do_table's (softirq or the sender's, bottom halves off).
 * The packet itself stays the caller's: ipt_do_table returns NF_DROP and
 * the hook walk frees it. Linux also checks the transport checksum before
 * answering with an ICMP error (nf_reject_verify_csum); rxos only does so
 * for the RST.
 */
#include "net/ipv4/netfilter/x_tables.h"
#include "kernel/err.h"
#include "lib/checksum.h" /* ip.h, icmp.h use __sum16 */
#include "net/core/dst.h"
#include "net/ethernet/if_ether.h"
#include "net/ipv4/icmp.h"
#include "net/ipv4/ip.h"
#include "net/ipv4/route.h"

/* A TCP header as the RST needs it (Linux: struct tcphdr). */
struct reject_tcphdr {
	__be16 source, dest;
	__be32 seq, ack_seq;
	uint8_t doff_res; /* data offset in the high 4 bits */
	uint8_t flags;
	__be16 window;
	__sum16 check;
	__be16 urg_ptr;
} __packed;

#define TH_FIN 0x01
#define TH_SYN 0x02
#define TH_RST 0x04
#define TH_ACK 0x10

/* --reject-with -> ICMP destination unreachable code */
static const uint8_t reject_icmp_code[] = {
	[IPT_ICMP_NET_UNREACHABLE] = ICMP_NET_UNREACH,
	[IPT_ICMP_HOST_UNREACHABLE] = ICMP_HOST_UNREACH,
	[IPT_ICMP_PROT_UNREACHABLE] = ICMP_PROT_UNREACH,
	[IPT_ICMP_PORT_UNREACHABLE] = ICMP_PORT_UNREACH,
	[IPT_ICMP_NET_PROHIBITED] = ICMP_NET_ANO,
	[IPT_ICMP_HOST_PROHIBITED] = ICMP_HOST_ANO,
	[IPT_ICMP_ADMIN_PROHIBITED] = ICMP_PKT_FILTERED,
};

/*
 * The segment to answer, or NULL: a later fragment, too short, a RST
 * (never answer a RST), a broadcast, or a bad checksum (not from us).
 */
static const struct reject_tcphdr *
nf_reject_tcphdr_get(const struct sk_buff *skb, unsigned int hook)
{
	const struct iphdr *iph = ip_hdr(skb);
	const unsigned char *th = skb_network_header(skb) + iph->ihl * 4;
	unsigned int tcplen;

	if (iph->frag_off & htons(IP_OFFSET))
		return NULL;
	if (th + sizeof(struct reject_tcphdr) > skb_tail_pointer(skb) ||
	    th > skb_network_header(skb) + ntohs(iph->tot_len))
		return NULL;
	tcplen = skb_network_header(skb) + ntohs(iph->tot_len) - th;
	if (tcplen < sizeof(struct reject_tcphdr) ||
	    th + tcplen > skb_tail_pointer(skb))
		return NULL;
	if (((const struct reject_tcphdr *)th)->flags & TH_RST)
		return NULL;
	if (ipv4_is_multicast(iph->daddr) || ipv4_is_lbcast(iph->daddr))
		return NULL;
	if (hook != NF_INET_LOCAL_OUT &&
	    csum_tcpudp_magic(iph->saddr, iph->daddr, tcplen, IPPROTO_TCP,
			      csum_partial(th, tcplen, 0)))
		return NULL;
	return (const struct reject_tcphdr *)th;
}

/* Fill the RST's headers: addresses and ports swapped (RFC 793, p. 36). */
static void nf_reject_fill(struct sk_buff *nskb, const struct iphdr *oiph,
			   const struct reject_tcphdr *oth)
{
	struct iphdr *iph = skb_put(nskb, sizeof(*iph));
	struct reject_tcphdr *th = skb_put(nskb, sizeof(*th));
	unsigned int olen = ntohs(oiph->tot_len) - oiph->ihl * 4;

	memset(iph, 0, sizeof(*iph) + sizeof(*th));
	iph->version = 4;
	iph->ihl = 5;
	iph->tot_len = htons(sizeof(*iph) + sizeof(*th));
	iph->frag_off = htons(IP_DF);
	iph->ttl = IPDEFTTL;
	iph->protocol = IPPROTO_TCP;
	iph->saddr = oiph->daddr;
	iph->daddr = oiph->saddr;
	ip_send_check(iph);

	th->source = oth->dest;
	th->dest = oth->source;
	th->doff_res = (sizeof(*th) / 4) << 4;
	if (oth->flags & TH_ACK) { /* it told us what it expects next */
		th->seq = oth->ack_seq;
		th->flags = TH_RST;
	} else { /* acknowledge everything it sent, SYN and FIN count one */
		th->ack_seq = htonl(ntohl(oth->seq) + !!(oth->flags & TH_SYN) +
				    !!(oth->flags & TH_FIN) + olen -
				    (oth->doff_res >> 4) * 4);
		th->flags = TH_RST | TH_ACK;
	}
	th->check = csum_tcpudp_magic(iph->saddr, iph->daddr, sizeof(*th),
				      IPPROTO_TCP,
				      csum_partial(th, sizeof(*th), 0));
}

/* DOC: nf_send_reset - answer the TCP segment in oldskb with a RST. */
static void nf_send_reset(const struct sk_buff *oldskb, unsigned int hook)
{
	const struct reject_tcphdr *oth = nf_reject_tcphdr_get(oldskb, hook);
	const struct iphdr *oiph = ip_hdr(oldskb);
	struct sk_buff *nskb;
	struct rtable *rt;

	if (!oth)
		return;
	nskb = alloc_skb(NET_SKB_PAD + 2 * ETH_HLEN + sizeof(struct iphdr) +
				 sizeof(struct reject_tcphdr),
			 GFP_ATOMIC);
	if (!nskb)
		return;
	skb_reserve(nskb, NET_SKB_PAD + 2 * ETH_HLEN);
	skb_reset_network_header(nskb);
	skb_set_transport_header(nskb, sizeof(struct iphdr));
	nskb->protocol = htons(ETH_P_IP);
	nf_reject_fill(nskb, oiph, oth);
	/* route by destination only: in FORWARD the source is not ours */
	rt = ip_route_output(oiph->saddr, 0, 0);
	if (IS_ERR_OR_NULL(rt)) {
		kfree_skb_reason(nskb, SKB_DROP_REASON_IP_OUTNOROUTES);
		return;
	}
	skb_dst_set(nskb, &rt->dst);
	ip_local_out(nskb);
}

/* DOC: ipt_reject */
void ipt_reject(struct sk_buff *skb, const struct nf_hook_state *state,
		unsigned int with)
{
	if (with == IPT_TCP_RESET) {
		nf_send_reset(skb, state->hook);
		return;
	}
	if (with < ARRAY_SIZE(reject_icmp_code) && with != IPT_ICMP_ECHOREPLY)
		icmp_send(skb, ICMP_DEST_UNREACH, reject_icmp_code[with], 0);
}
