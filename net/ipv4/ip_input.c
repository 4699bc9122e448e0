/*
 * ip_input.c - IPv4 receive, stages 9 to 12a (Linux: net/ipv4/ip_input.c,
 * net/ipv4/protocol.c).
 *
 *   [softirq] __netif_receive_skb_core -> ip_rcv (packet_type ETH_P_IP)
 *     -> ip_rcv_core            RFC 1122 3.2.1 header checks, trim padding
 *     -> NF_HOOK(PRE_ROUTING)   iptables -t raw/mangle/nat PREROUTING
 *     -> ip_rcv_finish -> ip_route_input   (route.c) -> dst_input:
 *          ip_local_deliver     for us
 *            -> ip_defrag       if a fragment (ip_fragment.c)
 *            -> NF_HOOK(LOCAL_IN)  iptables INPUT
 *            -> ip_local_deliver_finish -> ip_protocol_deliver_rcu
 *                 -> inet_protos[protocol]->handler: icmp_rcv, udp_rcv ...
 *          ip_forward           not for us, forwarding on (ip_forward.c)
 *          ip_error             no route (route.c)
 *
 * Every drop here is counted twice: a /proc/net/snmp counter (Ip: row)
 * and a drop reason (/proc/net/drop_reasons). Linux also parses IP
 * options (ip_rcv_options), handles early demux of established sockets,
 * and lists packets (ip_list_rcv) for batching; rxos ignores options.
 */
#include "kernel/errno.h"
#include "kernel/interrupt.h"
#include "lib/checksum.h"
#include "lib/string.h"
#include "net/core/dst.h"
#include "net/core/netdevice.h"
#include "net/ethernet/if_ether.h"
#include "net/ipv4/icmp.h"
#include "net/ipv4/ip.h"
#include "net/ipv4/raw.h"
#include "net/ipv4/route.h"
#include "net/ipv4/snmp.h"
#include "net/netfilter/netfilter.h"

/* ---- the protocol table (Linux: net/ipv4/protocol.c) ---- */

/* softirq reads, process context writes with bottom halves off */
const struct net_protocol *inet_protos[IPPROTO_MAX];

/* Process context, at protocol init. 0, or -1 if the slot is taken. */
int inet_add_protocol(const struct net_protocol *prot, unsigned char protocol)
{
	if (inet_protos[protocol])
		return -1;
	local_bh_disable();
	inet_protos[protocol] = prot;
	local_bh_enable();
	return 0;
}

int inet_del_protocol(const struct net_protocol *prot, unsigned char protocol)
{
	if (inet_protos[protocol] != prot)
		return -1;
	local_bh_disable();
	inet_protos[protocol] = NULL;
	local_bh_enable();
	return 0;
}

/* ---- local delivery ---- */

/*
 * Hand skb (data at the transport header) to its protocol. No handler:
 * the sender hears ICMP protocol unreachable (RFC 1122 3.2.2.1) and the
 * packet is dropped, InUnknownProtos, IP_NOPROTO. Softirq; consumes skb.
 * Linux first gives raw sockets a copy (raw_local_deliver): raw sockets
 * hook in here, before the handler lookup.
 *
 * DOC: ip_protocol_deliver_rcu
 */
void ip_protocol_deliver_rcu(struct sk_buff *skb, int protocol)
{
	const struct net_protocol *ipprot = inet_protos[protocol];

	int raw = raw_local_deliver(skb, protocol); /* clones; skb goes on */

	if (ipprot) {
		IP_INC_STATS(IPSTATS_MIB_INDELIVERS);
		ipprot->handler(skb);
		return;
	}
	if (raw) { /* a raw socket took it: no protocol unreachable */
		IP_INC_STATS(IPSTATS_MIB_INDELIVERS);
		consume_skb(skb);
		return;
	}
	IP_INC_STATS(IPSTATS_MIB_INUNKNOWNPROTOS);
	icmp_send(skb, ICMP_DEST_UNREACH, ICMP_PROT_UNREACH, 0);
	kfree_skb_reason(skb, SKB_DROP_REASON_IP_NOPROTO);
}

/* After LOCAL_IN: strip the IP header, dispatch on the protocol number. */
static int ip_local_deliver_finish(struct sk_buff *skb)
{
	skb_pull(skb, skb_transport_header(skb) - skb->data);
	ip_protocol_deliver_rcu(skb, ip_hdr(skb)->protocol);
	return 0;
}

/*
 * Stage 12a, dst.input for our own and broadcast addresses. Fragments
 * are reassembled first: ip_defrag keeps them until the datagram is
 * whole (RFC 791), and only the whole one goes through LOCAL_IN.
 *
 * DOC: ip_local_deliver
 */
int ip_local_deliver(struct sk_buff *skb)
{
	if (ip_is_fragment(ip_hdr(skb))) {
		if (ip_defrag(skb, IP_DEFRAG_LOCAL_DELIVER))
			return 0; /* queued, or dropped and counted */
	}
	return NF_HOOK(NFPROTO_IPV4, NF_INET_LOCAL_IN, skb, skb->dev, NULL,
		       ip_local_deliver_finish);
}

/* ---- stage 11: routing ---- */

/*
 * After PRE_ROUTING: decide where skb goes and go there. A martian
 * address (ip_route_input's -EINVAL) is dropped: IP_INVALID_SOURCE for a
 * bad source, IP_INVALID_DEST otherwise; both counted as InAddrErrors,
 * as Linux does for martians it logs.
 *
 * DOC: ip_rcv_finish
 */
int ip_rcv_finish(struct sk_buff *skb)
{
	const struct iphdr *iph = ip_hdr(skb);
	enum skb_drop_reason reason = SKB_DROP_REASON_NOMEM;
	int err;

	if (!skb_dst(skb)) {
		err = ip_route_input(skb, iph->daddr, iph->saddr, iph->tos,
				     skb->dev);
		if (err) {
			if (err == -EINVAL) {
				IP_INC_STATS(IPSTATS_MIB_INADDRERRORS);
				reason =
					(ipv4_is_multicast(iph->saddr) ||
					 ipv4_is_lbcast(iph->saddr) ||
					 ipv4_is_zeronet(iph->saddr)) ?
						SKB_DROP_REASON_IP_INVALID_SOURCE :
						SKB_DROP_REASON_IP_INVALID_DEST;
			} else {
				IP_INC_STATS(IPSTATS_MIB_INDISCARDS);
			}
			kfree_skb_reason(skb, reason);
			return NET_RX_DROP;
		}
	}
	return dst_input(skb);
}

/* ---- stage 9: the header checks ---- */

/*
 * ip_rcv_core - is this a well-formed IPv4 packet for this host?
 *
 * Context: softirq. Takes skb (data at the IP header, skb->len the frame's
 * payload, Ethernet padding included). Returns the skb, trimmed to
 * tot_len with transport_header set and IPCB cleared, or NULL when it was
 * dropped - every drop counted in /proc/net/snmp and with a reason:
 *
 *   check (RFC 1122 3.2.1.x)                 reason          snmp (Ip:)
 *   frame was for another host (promisc)     OTHERHOST       -
 *   shorter than 20 bytes                    IP_INHDR        InHdrErrors
 *   version != 4            (3.2.1.1)        IP_INHDR        InHdrErrors
 *   ihl < 5                                  IP_INHDR        InHdrErrors
 *   shorter than ihl * 4 (header cut off)    IP_INHDR        InHdrErrors
 *   header checksum wrong   (3.2.1.2)        IP_CSUM         InHdrErrors +
 *                                                            InCsumErrors
 *   tot_len > bytes received                 PKT_TOO_SMALL   InTruncatedPkts
 *   tot_len < ihl * 4                        IP_INHDR        InHdrErrors
 *
 * Every packet that gets past the OTHERHOST test counts in InReceives.
 * These are Linux's reasons and counters (the too-short, version and ihl
 * cases all share IP_INHDR there, too).
 *
 * DOC: ip_rcv_core
 */
struct sk_buff *ip_rcv_core(struct sk_buff *skb)
{
	enum skb_drop_reason reason = SKB_DROP_REASON_IP_INHDR;
	const struct iphdr *iph;
	unsigned int len;

	if (skb->pkt_type == PACKET_OTHERHOST) {
		kfree_skb_reason(skb, SKB_DROP_REASON_OTHERHOST);
		return NULL;
	}
	IP_INC_STATS(IPSTATS_MIB_INRECEIVES);
	skb = skb_share_check(skb, GFP_ATOMIC);
	if (!skb) {
		IP_INC_STATS(IPSTATS_MIB_INDISCARDS);
		return NULL;
	}
	if (!pskb_may_pull(skb, sizeof(struct iphdr)))
		goto inhdr_error;
	iph = ip_hdr(skb);
	if (iph->ihl < 5 || iph->version != 4)
		goto inhdr_error;
	if (!pskb_may_pull(skb, iph->ihl * 4))
		goto inhdr_error;
	if (ip_fast_csum(iph, iph->ihl))
		goto csum_error;
	len = ntohs(iph->tot_len);
	if (skb->len < len) {
		IP_INC_STATS(IPSTATS_MIB_INTRUNCATEDPKTS);
		kfree_skb_reason(skb, SKB_DROP_REASON_PKT_TOO_SMALL);
		return NULL;
	}
	if (len < iph->ihl * 4u)
		goto inhdr_error;
	skb_trim(skb, len); /* the Ethernet padding after the datagram */
	skb->transport_header = skb->network_header + iph->ihl * 4;
	memset(IPCB(skb), 0, sizeof(struct inet_skb_parm));
	IPCB(skb)->iif = skb->skb_iif;
	skb_orphan(skb);
	return skb;

csum_error:
	reason = SKB_DROP_REASON_IP_CSUM;
	IP_INC_STATS(IPSTATS_MIB_CSUMERRORS);
inhdr_error:
	IP_INC_STATS(IPSTATS_MIB_INHDRERRORS);
	kfree_skb_reason(skb, reason);
	return NULL;
}

/*
 * Stage 9, the ETH_P_IP packet_type handler. Softirq; owns skb.
 * Returns NET_RX_SUCCESS or NET_RX_DROP.
 *
 * DOC: ip_rcv
 */
int ip_rcv(struct sk_buff *skb, struct net_device *dev, struct packet_type *pt,
	   struct net_device *orig_dev)
{
	skb = ip_rcv_core(skb);
	if (!skb)
		return NET_RX_DROP;
	return NF_HOOK(NFPROTO_IPV4, NF_INET_PRE_ROUTING, skb, dev, NULL,
		       ip_rcv_finish);
}

static struct packet_type ip_packet_type = {
	.type = htons(ETH_P_IP),
	.func = ip_rcv,
};

/* Boot, process context (Linux: ip_init + dev_add_pack in inet_init). */
void ip_init(void)
{
	ip_rt_init();
	dev_add_pack(&ip_packet_type);
}
