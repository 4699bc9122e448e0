/*
 * ip_output.c - IPv4 transmit (Linux: net/ipv4/ip_output.c).
 *
 *   ip_build_and_send_pkt (ICMP, UDP, REJECT: push the IP header)
 *     -> ip_local_out: tot_len, checksum -> NF_HOOK(LOCAL_OUT)  iptables OUTPUT
 *     -> dst_output = ip_output  (forwarded packets join here from ip_forward)
 *     -> NF_HOOK(POST_ROUTING)   iptables -t nat POSTROUTING
 *     -> ip_finish_output: over the MTU? ip_do_fragment (DF clear) or
 *        drop (DF set: EMSGSIZE; ICMP "fragmentation needed" if forwarded)
 *     -> ip_finish_output2: the next hop's neighbour (ip_neigh_gw4)
 *     -> neigh_output: Ethernet header from the ARP entry, dev_queue_xmit
 *        (or wait in the neighbour's queue while ARP resolves)
 *
 * Context: process (a socket's sendmsg) or softirq (ICMP replies, TCP,
 * forwarding). Each function owns the skb it is given and passes it on or
 * frees it. Linux also has the corking machinery (ip_append_data,
 * ip_make_skb) that builds datagrams from user iovecs, GSO, and loops
 * broadcast/multicast copies back to local listeners (ip_mc_output).
 */
#include "kernel/err.h"
#include "kernel/errno.h"
#include "lib/checksum.h"
#include "lib/string.h"
#include "net/core/dst.h"
#include "net/core/neighbour.h"
#include "net/core/netdevice.h"
#include "net/ethernet/if_ether.h"
#include "net/ipv4/arp.h"
#include "net/ipv4/icmp.h"
#include "net/ipv4/inet_sock.h"
#include "net/ipv4/inetdevice.h"
#include "net/ipv4/ip.h"
#include "net/ipv4/route.h"
#include "net/ipv4/snmp.h"
#include "net/netfilter/netfilter.h"

void ip_send_check(struct iphdr *iph)
{
	iph->check = 0;
	iph->check = ip_fast_csum(iph, iph->ihl);
}

/*
 * The identification field: unique per (src, dst, protocol) while a
 * datagram may live (RFC 791). Linux hashes the destination into one of
 * many counters (ip_idents) so ids do not leak traffic volume; one counter
 * satisfies the RFC.
 */
static void ip_select_ident(struct iphdr *iph)
{
	static uint16_t ip_ident;

	iph->id = htons(ip_ident++);
}

/* Linux: __ip_local_out. 1 means "accepted by LOCAL_OUT, go on". */
static int __ip_local_out(struct sk_buff *skb)
{
	struct iphdr *iph = ip_hdr(skb);

	iph->tot_len = htons(skb->len);
	ip_send_check(iph);
	skb->protocol = htons(ETH_P_IP);
	IP_INC_STATS(IPSTATS_MIB_OUTREQUESTS);
	return nf_hook(NFPROTO_IPV4, NF_INET_LOCAL_OUT, skb, NULL,
		       skb_dst(skb)->dev, dst_output);
}

/*
 * Send a locally built datagram: skb has its route (skb_dst) and a full
 * IP header at its network header, skb->data there too. Consumes skb.
 * 0 or a negative errno (dropped, counted).
 */
int ip_local_out(struct sk_buff *skb)
{
	int err = __ip_local_out(skb);

	if (err == 1)
		err = dst_output(skb);
	return err;
}

/*
 * Linux: skb_expand_head. Not enough headroom for the link-layer header
 * (a packet built by someone who did not reserve LL_RESERVED_SPACE): copy
 * it into a buffer that has. NULL (skb dropped, NOMEM) when out of memory.
 */
static struct sk_buff *ip_skb_expand_head(struct sk_buff *skb,
					  unsigned int headroom)
{
	struct sk_buff *nskb = alloc_skb(headroom + skb->len, GFP_ATOMIC);
	int nh = skb->network_header - (skb->data - skb->head);
	int th = skb->transport_header - (skb->data - skb->head);

	if (!nskb) {
		kfree_skb_reason(skb, SKB_DROP_REASON_NOMEM);
		return NULL;
	}
	skb_reserve(nskb, headroom);
	skb_put_data(nskb, skb->data, skb->len);
	nskb->network_header = (nskb->data - nskb->head) + nh;
	nskb->transport_header = (nskb->data - nskb->head) + th;
	nskb->dev = skb->dev;
	nskb->protocol = skb->protocol;
	memcpy(nskb->cb, skb->cb, sizeof(skb->cb));
	skb_dst_set(nskb, dst_clone(skb_dst(skb)));
	consume_skb(skb);
	return nskb;
}

/* The neighbour for the next hop, and out. Linux: ip_finish_output2. */
static int ip_finish_output2(struct sk_buff *skb)
{
	struct rtable *rt = skb_rtable(skb);
	struct net_device *dev = rt->dst.dev;
	struct neighbour *neigh;
	int res;

	if (skb_headroom(skb) < (unsigned int)LL_RESERVED_SPACE(dev)) {
		skb = ip_skb_expand_head(skb, LL_RESERVED_SPACE(dev));
		if (!skb)
			return -ENOMEM;
	}
	IP_INC_STATS(IPSTATS_MIB_OUTPKTS);
	neigh = ip_neigh_gw4(dev, rt_nexthop(rt, ip_hdr(skb)->daddr));
	if (IS_ERR(neigh)) {
		kfree_skb_reason(skb, SKB_DROP_REASON_NEIGH_CREATEFAIL);
		return -EINVAL;
	}
	res = neigh_output(neigh, skb);
	neigh_release(neigh);
	return res;
}

static unsigned int ip_skb_dst_mtu(const struct sk_buff *skb)
{
	const struct rtable *rt = skb_rtable(skb);

	return rt->rt_pmtu ? rt->rt_pmtu : rt->dst.dev->mtu;
}

/*
 * Too big for the link. DF clear: cut it (ip_do_fragment, ip_fragment.c).
 * DF set: it may not be cut - FragFails, PKT_TOO_BIG; a forwarded
 * packet's sender learns the MTU from ICMP "fragmentation needed" (RFC
 * 1191 path MTU discovery), a local sender from -EMSGSIZE.
 */
static int ip_fragment(struct sk_buff *skb, unsigned int mtu,
		       int (*output)(struct sk_buff *))
{
	if (!(ip_hdr(skb)->frag_off & htons(IP_DF)))
		return ip_do_fragment(skb, output);
	IP_INC_STATS(IPSTATS_MIB_FRAGFAILS);
	if (IPCB(skb)->flags & IPSKB_FORWARDED)
		icmp_send(skb, ICMP_DEST_UNREACH, ICMP_FRAG_NEEDED, htonl(mtu));
	kfree_skb_reason(skb, SKB_DROP_REASON_PKT_TOO_BIG);
	return -EMSGSIZE;
}

int ip_finish_output(struct sk_buff *skb)
{
	unsigned int mtu = ip_skb_dst_mtu(skb);

	if (skb->len > mtu)
		return ip_fragment(skb, mtu, ip_finish_output2);
	return ip_finish_output2(skb);
}

/* dst.output of every IPv4 route: POST_ROUTING, then ip_finish_output. */
int ip_output(struct sk_buff *skb)
{
	struct net_device *dev = skb_dst(skb)->dev, *indev = skb->dev;

	skb->dev = dev;
	skb->protocol = htons(ETH_P_IP);
	return NF_HOOK_COND(NFPROTO_IPV4, NF_INET_POST_ROUTING, skb, indev, dev,
			    ip_finish_output, true);
}

/* Route skb to daddr unless it has a route; 0 or a negative errno. */
static int ip_build_route(struct sk_buff *skb, __be32 *saddr, __be32 daddr,
			  uint8_t protocol, uint8_t tos)
{
	struct flowi4 fl4 = { .daddr = daddr, .saddr = *saddr,
			      .flowi4_tos = tos, .flowi4_proto = protocol };
	struct rtable *rt;

	if (skb_dst(skb)) {
		if (!*saddr)
			*saddr = inet_select_addr(skb_dst(skb)->dev, daddr,
						  RT_SCOPE_UNIVERSE);
		return 0;
	}
	rt = ip_route_output_key(&fl4);
	if (IS_ERR(rt))
		return PTR_ERR(rt);
	skb_dst_set(skb, &rt->dst);
	*saddr = fl4.saddr;
	return 0;
}

static void ip_build_header(struct iphdr *iph, __be32 saddr, __be32 daddr,
			    uint8_t protocol, uint8_t tos)
{
	iph->version = 4;
	iph->ihl = 5;
	iph->tos = tos;
	iph->frag_off = 0; /* Linux sets DF when path MTU discovery is on */
	iph->ttl = ipv4_is_multicast(daddr) ? 1 : IPDEFTTL;
	iph->protocol = protocol;
	iph->saddr = saddr;
	iph->daddr = daddr;
	ip_select_ident(iph);
}

/*
 * ip_build_and_send_pkt - put an IPv4 header in front of a payload and send.
 *
 * skb->data is at the transport header (ICMP/UDP/TCP header + data) with
 * at least MAX_HEADER + sizeof(struct iphdr) bytes of headroom (less is
 * copied, slower). If skb already has a route (skb_dst_set, e.g. because
 * the caller routed first to learn the source address for the UDP
 * checksum) it is used; otherwise the packet is routed to daddr here.
 * saddr 0: the route's source address. TTL 64, DF clear, no options.
 * Consumes skb. Returns 0, or a negative errno: -ENETUNREACH (no route:
 * OutNoRoutes, IP_OUTNOROUTES), or what ip_local_out returned.
 *
 * Linux's ip_build_and_send_pkt(skb, sk, saddr, daddr, opt, tos) takes
 * the protocol from the socket and needs the route set; rxos's ICMP and
 * REJECT have no socket, so protocol is an argument and routing is
 * optional.
 */
int ip_build_and_send_pkt(struct sk_buff *skb, __be32 saddr, __be32 daddr,
			  uint8_t protocol, uint8_t tos)
{
	int err = ip_build_route(skb, &saddr, daddr, protocol, tos);

	if (err) {
		IP_INC_STATS(IPSTATS_MIB_OUTNOROUTES);
		kfree_skb_reason(skb, SKB_DROP_REASON_IP_OUTNOROUTES);
		return err;
	}
	skb_reset_transport_header(skb);
	if (skb_headroom(skb) <
	    sizeof(struct iphdr) + LL_RESERVED_SPACE(skb_dst(skb)->dev)) {
		skb = ip_skb_expand_head(
			skb, sizeof(struct iphdr) +
				     LL_RESERVED_SPACE(skb_dst(skb)->dev));
		if (!skb)
			return -ENOMEM;
	}
	skb_push(skb, sizeof(struct iphdr));
	skb_reset_network_header(skb);
	memset(IPCB(skb), 0, sizeof(struct inet_skb_parm));
	ip_build_header(ip_hdr(skb), saddr, daddr, protocol, tos);
	if (skb->sk && skb->sk->sk_family == AF_INET &&
	    inet_sk(skb->sk)->uc_ttl > 0) /* setsockopt IP_TTL (sockets) */
		ip_hdr(skb)->ttl = inet_sk(skb->sk)->uc_ttl;
	return ip_local_out(skb);
}
