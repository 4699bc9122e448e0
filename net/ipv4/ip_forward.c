/*
 * ip_forward.c - IPv4 forwarding: a packet for someone else passes through
 * (Linux: net/ipv4/ip_forward.c; RFC 1812 5.3).
 *
 *   ip_rcv_finish -> ip_route_input: not ours, and ip_forward is on,
 *   so dst->input = ip_forward
 *     -> ip_forward: PACKET_HOST?  TTL > 1?  fits the MTU or DF clear?
 *        decrement TTL (incremental checksum update, RFC 1624)
 *     -> NF_HOOK(NF_INET_FORWARD)   (iptables' FORWARD chain)
 *     -> ip_forward_finish: ForwDatagrams
 *     -> dst_output = ip_output -> POST_ROUTING -> ip_finish_output
 *        (fragments when DF is clear and the packet is over the MTU)
 *
 * /proc/sys/net/ipv4/ip_forward turns it on ("1") and off ("0"); off by
 * default, as in Linux (a host must not forward unless told to, RFC 1122
 * 3.3.4.2). Linux's devinet also has a per-interface forwarding switch
 * and sends redirects (ip_rt_send_redirect); rxos has neither.
 *
 * Context: softirq (NET_RX), interrupts on.
 */
#include "kernel/errno.h"
#include "kernel/fs/proc_fs.h"
#include "lib/checksum.h"
#include "lib/string.h"
#include "net/core/dst.h"
#include "net/core/netdevice.h"
#include "net/ipv4/icmp.h"
#include "net/ipv4/ip.h"
#include "net/ipv4/snmp.h"
#include "net/netfilter/netfilter.h"

/* Linux: net->ipv4.devconf_all->data[IPV4_DEVCONF_FORWARDING] */
int sysctl_ip_forward;

/*
 * TTL - 1, and the header checksum patched instead of recomputed
 * (Linux: ip_decrease_ttl in include/net/ip.h). TTL is the high byte of
 * its 16-bit word, so the sum loses 0x0100: in ones' complement the stored
 * (complemented) checksum gains 0x0100, with the end-around carry.
 */
static int ip_decrease_ttl(struct iphdr *iph)
{
	uint32_t check = iph->check;

	check += htons(0x0100);
	iph->check = (__sum16)(check + (check >= 0xFFFF));
	return --iph->ttl;
}

/* Over the MTU and not allowed to fragment (Linux: ip_exceeds_mtu). */
static bool ip_exceeds_mtu(const struct sk_buff *skb, unsigned int mtu)
{
	if (skb->len <= mtu)
		return false;
	return (ip_hdr(skb)->frag_off & htons(IP_DF)) != 0;
}

/* After the FORWARD hook accepted it. Owns skb. */
static int ip_forward_finish(struct sk_buff *skb)
{
	IP_INC_STATS(IPSTATS_MIB_OUTFORWDATAGRAMS);
	skb->tstamp = 0; /* a received time means nothing on the way out */
	return dst_output(skb);
}

/*
 * dst->input for a packet routed through us. Context: softirq. Takes skb
 * (data at the IP header, dst set by ip_route_input). Returns 0 when the
 * packet went on, a negative errno when it was dropped:
 *   OTHERHOST    not sent to our MAC (a promiscuous capture)
 *   IP_INHDR     TTL would reach 0: ICMP time exceeded, InHdrErrors
 *   PKT_TOO_BIG  DF set and over the MTU: ICMP frag needed, FragFails
 *   NOMEM        could not get a private copy to change
 *
 * DOC: ip_forward
 */
int ip_forward(struct sk_buff *skb)
{
	enum skb_drop_reason reason = SKB_DROP_REASON_OTHERHOST;
	struct dst_entry *dst = skb_dst(skb);
	unsigned int mtu;

	if (skb->pkt_type != PACKET_HOST)
		goto drop;
	/*
	 * RFC 1812 5.3.1: a packet whose TTL would become 0 dies here and
	 * its sender is told. Checked before anything else is done to it.
	 */
	if (ip_hdr(skb)->ttl <= 1)
		goto too_many_hops;
	IPCB(skb)->flags |= IPSKB_FORWARDED;
	mtu = dst->dev->mtu;
	if (ip_exceeds_mtu(skb, mtu)) {
		IP_INC_STATS(IPSTATS_MIB_FRAGFAILS);
		icmp_send(skb, ICMP_DEST_UNREACH, ICMP_FRAG_NEEDED, htonl(mtu));
		reason = SKB_DROP_REASON_PKT_TOO_BIG;
		goto drop;
	}
	/* We change the header: a tap's clone must keep what it saw (skb_cow). */
	if (skb_cloned(skb) || skb_shared(skb)) {
		struct sk_buff *nskb = skb_copy(skb, GFP_ATOMIC);

		reason = SKB_DROP_REASON_NOMEM;
		if (!nskb)
			goto drop;
		consume_skb(skb);
		skb = nskb;
	}
	ip_decrease_ttl(ip_hdr(skb));
	return NF_HOOK(NFPROTO_IPV4, NF_INET_FORWARD, skb, skb->dev,
		       skb_dst(skb)->dev, ip_forward_finish);

too_many_hops:
	IP_INC_STATS(IPSTATS_MIB_INHDRERRORS);
	icmp_send(skb, ICMP_TIME_EXCEEDED, ICMP_EXC_TTL, 0);
	reason = SKB_DROP_REASON_IP_INHDR;
drop:
	kfree_skb_reason(skb, reason);
	return -EINVAL;
}

/* ---- /proc/sys/net/ipv4/ip_forward ---- */

static int ip_forward_show(char *buf, int len)
{
	return proc_printf(buf, len, 0, "%d\n", sysctl_ip_forward);
}

/* "0" or "1", an optional newline; anything else is -EINVAL. */
static int ip_forward_store(const char *buf, int len)
{
	unsigned long v;

	if (kstrtoul(buf, 10, &v) || v > 1)
		return -EINVAL;
	sysctl_ip_forward = v;
	return 0;
}

/* Boot, process context, from inet_init (Linux: devinet_init's sysctls). */
void ip_forward_sysctl_init(void)
{
	proc_create_rw("sys/net/ipv4/ip_forward", ip_forward_show,
		       ip_forward_store);
}
