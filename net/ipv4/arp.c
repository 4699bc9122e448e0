/*
 * arp.c - the Address Resolution Protocol, stage 8 of the receive path
 * (Linux: net/ipv4/arp.c).
 *
 *   [softirq] __netif_receive_skb_core -> arp_rcv (checks the header)
 *             -> arp_process (answer, learn) -> neigh_update
 *   [tx]      neigh_resolve_output -> __neigh_event_send -> neigh_probe
 *             -> arp_solicit -> arp_send -> dev_queue_xmit
 *
 * ARP's half of the neighbour table: arp_tbl with Linux's defaults, the
 * constructor that decides which entries need no resolution (broadcast,
 * multicast, loopback: NUD_NOARP), /proc/net/arp and the arp ioctls.
 * Linux runs ARP frames through netfilter's own ARP hooks (arptables,
 * NF_ARP_IN/OUT) and supports proxy ARP; rxos does neither.
 */
#include "net/ipv4/arp.h"
#include "kernel/err.h"
#include "kernel/errno.h"
#include "kernel/interrupt.h"
#include "kernel/uaccess.h"
#include "lib/string.h"
#include "lib/vsprintf.h"
#include "net/ethernet/etherdevice.h"
#include "net/ipv4/inetdevice.h"
#include "net/ipv4/ip.h"
#include "net/ipv4/route.h"

static int arp_constructor(struct neighbour *n);
static void arp_solicit(struct neighbour *n, struct sk_buff *skb);

struct neigh_table arp_tbl = {
	.id = "arp_cache",
	.parms = {
		.base_reachable_time = 30 * HZ,
		.retrans_time = 1 * HZ,
		.delay_probe_time = 5 * HZ,
		.gc_staletime = 60 * HZ,
		.ucast_probes = 3,
		.mcast_probes = 3,
		.app_probes = 0,
		.queue_len_bytes = 212992, /* SK_WMEM_MAX */
		.queue_len = 3,
	},
	.constructor = arp_constructor,
	.solicit = arp_solicit,
};

/* 224.a.b.c -> 01:00:5e + its low 23 bits (RFC 1112 6.4). */
static void ip_eth_mc_map(__be32 naddr, unsigned char *buf)
{
	uint32_t addr = ntohl(naddr);

	buf[0] = 0x01;
	buf[1] = 0x00;
	buf[2] = 0x5e;
	buf[3] = (addr >> 16) & 0x7f;
	buf[4] = (addr >> 8) & 0xff;
	buf[5] = addr & 0xff;
}

/*
 * A new entry: what kind of address is it, and does it need ARP at all?
 * Multicast, broadcast and anything on lo/NOARP devices have a fixed
 * link address (NUD_NOARP); the rest start in NUD_NONE.
 */
static int arp_constructor(struct neighbour *n)
{
	struct net_device *dev = n->dev;

	n->type = inet_addr_type(n->primary_key);
	if (n->type == RTN_MULTICAST) {
		n->nud_state = NUD_NOARP;
		ip_eth_mc_map(n->primary_key, n->ha);
	} else if (dev->flags & (IFF_NOARP | IFF_LOOPBACK)) {
		n->nud_state = NUD_NOARP;
		memcpy(n->ha, dev->dev_addr, dev->addr_len);
	} else if (n->type == RTN_BROADCAST) {
		n->nud_state = NUD_NOARP;
		memcpy(n->ha, dev->broadcast, dev->addr_len);
	}
	n->output = (n->nud_state & NUD_VALID) ? neigh_connected_output :
						 neigh_resolve_output;
	return 0;
}

struct neighbour *ip_neigh_gw4(struct net_device *dev, __be32 nexthop)
{
	/* Linux: 0.0.0.0 next hops (point-to-point) share one entry. */
	if (dev->flags & (IFF_LOOPBACK | IFF_POINTOPOINT))
		nexthop = 0;
	return __neigh_create(&arp_tbl, nexthop, dev);
}

/* Fill the ARP payload after the header (Linux: the end of arp_create). */
static void arp_fill(struct arphdr *arp, int type, struct net_device *dev,
		     __be32 src_ip, const unsigned char *src_hw, __be32 dest_ip,
		     const unsigned char *target_hw)
{
	unsigned char *p = (unsigned char *)(arp + 1);

	arp->ar_hrd = htons(dev->type);
	arp->ar_pro = htons(ETH_P_IP);
	arp->ar_hln = dev->addr_len;
	arp->ar_pln = 4;
	arp->ar_op = htons(type);
	memcpy(p, src_hw, dev->addr_len);
	p += dev->addr_len;
	memcpy(p, &src_ip, 4);
	p += 4;
	if (target_hw)
		memcpy(p, target_hw, dev->addr_len);
	else
		memset(p, 0, dev->addr_len);
	p += dev->addr_len;
	memcpy(p, &dest_ip, 4);
}

/* Linux: arp_create. NULL when out of memory or the header fails. */
static struct sk_buff *arp_create(int type, int ptype, __be32 dest_ip,
				  struct net_device *dev, __be32 src_ip,
				  const unsigned char *dest_hw,
				  const unsigned char *src_hw,
				  const unsigned char *target_hw)
{
	struct sk_buff *skb;
	struct arphdr *arp;

	skb = alloc_skb(arp_hdr_len(dev) + LL_RESERVED_SPACE(dev), GFP_ATOMIC);
	if (!skb)
		return NULL;
	skb_reserve(skb, LL_RESERVED_SPACE(dev));
	skb_reset_network_header(skb);
	arp = skb_put(skb, arp_hdr_len(dev));
	skb->dev = dev;
	skb->protocol = htons(ETH_P_ARP);
	if (!src_hw)
		src_hw = dev->dev_addr;
	if (!dest_hw)
		dest_hw = dev->broadcast;
	if (dev_hard_header(skb, dev, ptype, dest_hw, src_hw, skb->len) < 0) {
		kfree_skb(skb);
		return NULL;
	}
	arp_fill(arp, type, dev, src_ip, src_hw, dest_ip, target_hw);
	return skb;
}

void arp_send(int type, int ptype, __be32 dest_ip, struct net_device *dev,
	      __be32 src_ip, const unsigned char *dest_hw,
	      const unsigned char *src_hw, const unsigned char *target_hw)
{
	struct sk_buff *skb;

	if (dev->flags & IFF_NOARP)
		return;
	skb = arp_create(type, ptype, dest_ip, dev, src_ip, dest_hw, src_hw,
			 target_hw);
	if (skb) /* Linux: arp_xmit -> NF_HOOK(NFPROTO_ARP, NF_ARP_OUT) */
		dev_queue_xmit(skb);
}

/*
 * Ask who has n's address (neigh_probe calls this). The source address is
 * that of the waiting packet when it is ours (so the peer learns the
 * right mapping), else dev's address for the target's subnet. INCOMPLETE
 * asks everyone (broadcast); PROBE asks the cached address directly.
 *
 * DOC: arp_solicit
 */
static void arp_solicit(struct neighbour *n, struct sk_buff *skb)
{
	struct net_device *dev = n->dev;
	__be32 target = n->primary_key, saddr = 0;
	const unsigned char *dst_hw = NULL;

	if (skb && skb->network_header != SKB_HEADER_UNSET &&
	    inet_addr_type(((struct iphdr *)skb_network_header(skb))->saddr) ==
		    RTN_LOCAL)
		saddr = ((struct iphdr *)skb_network_header(skb))->saddr;
	if (!saddr)
		saddr = inet_select_addr(dev, target, RT_SCOPE_LINK);
	if (n->nud_state & NUD_PROBE)
		dst_hw = n->ha;
	arp_send(ARPOP_REQUEST, ETH_P_ARP, target, dev, saddr, dst_hw,
		 dev->dev_addr, NULL);
}

/* The four addresses of an ARP packet whose lengths arp_rcv checked. */
struct arp_addrs {
	const unsigned char *sha, *tha;
	__be32 sip, tip;
};

static void arp_parse(const struct arphdr *arp, const struct net_device *dev,
		      struct arp_addrs *a)
{
	const unsigned char *p = (const unsigned char *)(arp + 1);

	a->sha = p;
	p += dev->addr_len;
	memcpy(&a->sip, p, 4);
	p += 4;
	a->tha = p;
	p += dev->addr_len;
	memcpy(&a->tip, p, 4);
}

/* Linux: neigh_event_ns. The sender spoke to us: STALE, address known. */
static void arp_learn_sender(const struct arp_addrs *a, struct net_device *dev)
{
	struct neighbour *n = __neigh_create(&arp_tbl, a->sip, dev);

	if (IS_ERR(n))
		return;
	neigh_update(n, a->sha, NUD_STALE, NEIGH_UPDATE_F_OVERRIDE);
	neigh_release(n);
}

/*
 * Refresh the sender's entry if we have one; create none (arp_accept=0).
 * A reply addressed to us proves the address: REACHABLE. Anything else
 * (a request, a broadcast reply) only suggests it: STALE. A different
 * address replaces the old one after locktime (1 s) or for a gratuitous
 * ARP (sip == tip).
 */
static void arp_update_sender(const struct arphdr *arp,
			      const struct arp_addrs *a, struct sk_buff *skb)
{
	struct neighbour *n = neigh_lookup(&arp_tbl, a->sip, skb->dev);
	uint8_t state = NUD_REACHABLE;
	bool override;

	if (!n)
		return;
	override = time_after(jiffies, n->updated + HZ) || a->sip == a->tip;
	if (arp->ar_op != htons(ARPOP_REPLY) || skb->pkt_type != PACKET_HOST)
		state = NUD_STALE;
	neigh_update(n, a->sha, state, override ? NEIGH_UPDATE_F_OVERRIDE : 0);
	neigh_release(n);
}

static bool arp_fields_ok(const struct arphdr *arp,
			  const struct net_device *dev)
{
	return arp->ar_hrd == htons(dev->type) &&
	       arp->ar_pro == htons(ETH_P_IP) &&
	       (arp->ar_op == htons(ARPOP_REQUEST) ||
		arp->ar_op == htons(ARPOP_REPLY));
}

/*
 * arp_process - what one ARP packet means to this host.
 *
 * Context: softirq, from arp_rcv, which checked that the whole packet is
 * there and ar_hln/ar_pln fit the device. skb->data at the ARP header;
 * skb is consumed: consume_skb when it was understood (even if ignored),
 * a counted drop otherwise. Linux's defaults arp_accept=0, arp_ignore=0,
 * arp_announce=0 and no proxy ARP:
 *
 *   1. ar_hrd not the device's type, ar_pro not IPv4, ar_op neither
 *      request nor reply: drop, INVALID_PROTO.
 *   2. target multicast or loopback (127/8): drop, IP_INADDRERRORS.
 *   3. sender 0.0.0.0 (a duplicate address probe, RFC 5227): if it asks
 *      for one of our addresses, answer it; learn nothing. Consumed.
 *   4. request for one of our addresses (on any device: arp_ignore=0):
 *      create or update the sender's entry (STALE, its address), reply
 *      from the device's own address. Consumed.
 *   5. anything else - a reply, someone else's request, a gratuitous
 *      ARP: update the sender's entry if it exists (see
 *      arp_update_sender); never create one. Consumed.
 *
 * Returns NET_RX_SUCCESS, or NET_RX_DROP for the drops.
 *
 * DOC: arp_process
 */
int arp_process(struct sk_buff *skb)
{
	struct net_device *dev = skb->dev;
	struct arphdr *arp = arp_hdr(skb);
	enum skb_drop_reason reason = SKB_DROP_REASON_INVALID_PROTO;
	struct arp_addrs a;
	bool request = arp->ar_op == htons(ARPOP_REQUEST);

	if (!arp_fields_ok(arp, dev))
		goto drop;
	arp_parse(arp, dev, &a);
	reason = SKB_DROP_REASON_IP_INADDRERRORS;
	if (ipv4_is_multicast(a.tip) || ipv4_is_loopback(a.tip))
		goto drop;
	if (a.sip == 0) {
		if (request && inet_addr_type(a.tip) == RTN_LOCAL)
			arp_send(ARPOP_REPLY, ETH_P_ARP, a.sip, dev, a.tip,
				 a.sha, dev->dev_addr, a.sha);
		goto out;
	}
	if (request && inet_addr_type(a.tip) == RTN_LOCAL) {
		arp_learn_sender(&a, dev);
		arp_send(ARPOP_REPLY, ETH_P_ARP, a.sip, dev, a.tip, a.sha,
			 dev->dev_addr, a.sha);
		goto out;
	}
	arp_update_sender(arp, &a, skb);
out:
	consume_skb(skb);
	return NET_RX_SUCCESS;
drop:
	kfree_skb_reason(skb, reason);
	return NET_RX_DROP;
}

/*
 * The ETH_P_ARP packet_type handler (softirq; owns skb). Frames for
 * another host (promiscuous) and NOARP devices are ignored; a packet
 * shorter than its header is PKT_TOO_SMALL; address lengths that do not
 * fit the device are INVALID_PROTO. Linux then runs NF_HOOK(NFPROTO_ARP,
 * NF_ARP_IN, ..., arp_process); rxos has no ARP hooks.
 *
 * DOC: arp_rcv
 */
int arp_rcv(struct sk_buff *skb, struct net_device *dev, struct packet_type *pt,
	    struct net_device *orig_dev)
{
	const struct arphdr *arp;

	if ((dev->flags & IFF_NOARP) || skb->pkt_type == PACKET_OTHERHOST ||
	    skb->pkt_type == PACKET_LOOPBACK) {
		consume_skb(skb);
		return NET_RX_SUCCESS;
	}
	skb = skb_share_check(skb, GFP_ATOMIC);
	if (!skb)
		return NET_RX_DROP;
	if (!pskb_may_pull(skb, arp_hdr_len(dev))) {
		kfree_skb_reason(skb, SKB_DROP_REASON_PKT_TOO_SMALL);
		return NET_RX_DROP;
	}
	skb_reset_network_header(skb);
	arp = arp_hdr(skb);
	if (arp->ar_hln != dev->addr_len || arp->ar_pln != 4) {
		kfree_skb_reason(skb, SKB_DROP_REASON_INVALID_PROTO);
		return NET_RX_DROP;
	}
	return arp_process(skb);
}

/* ---- /proc/net/arp ---- */

static int arp_state_to_flags(const struct neighbour *n)
{
	if (n->nud_state & NUD_PERMANENT)
		return ATF_PERM | ATF_COM;
	if (n->nud_state & NUD_VALID)
		return ATF_COM;
	return 0;
}

/* Linux: arp_format_neigh_entry, the same widths. */
static int arp_format_neigh_entry(char *buf, int len, int pos,
				  const struct neighbour *n)
{
	char hbuffer[3 * MAX_ADDR_LEN], tbuf[16];
	const struct net_device *dev = n->dev;
	int k = 0;

	for (int j = 0; j < dev->addr_len; j++)
		k += scnprintf(hbuffer + k, sizeof(hbuffer) - k, "%s%02x",
			       j ? ":" : "", n->ha[j]);
	hbuffer[k] = '\0';
	scnprintf(tbuf, sizeof(tbuf), NIPQUAD_FMT, NIPQUAD(n->primary_key));
	return pos + scnprintf(buf + pos, len - pos,
			       "%-16s 0x%-10x0x%-10x%-17s     %-6s %s\n", tbuf,
			       dev->type, arp_state_to_flags(n), hbuffer, "*",
			       dev->name);
}

/* Every entry but the NOARP ones (Linux: NEIGH_SEQ_SKIP_NOARP). */
int arp_seq_show(char *buf, int len)
{
	const struct neighbour *n;
	int pos;

	pos = scnprintf(
		buf, len,
		"IP address       HW type     Flags       HW address            Mask     Device\n");
	local_bh_disable();
	for (n = arp_tbl.entries; n; n = n->next)
		if (!(n->nud_state & NUD_NOARP))
			pos = arp_format_neigh_entry(buf, len, pos, n);
	local_bh_enable();
	return pos;
}

/* ---- the ioctls (arp -s, arp -d) ---- */

static __be32 arpreq_ip(const struct arpreq *r)
{
	return ((const struct sockaddr_in *)&r->arp_pa)->sin_addr.s_addr;
}

/* No device named: the one the route to ip goes out of. */
static int arp_req_dev(const struct arpreq *r, struct net_device **devp)
{
	struct rtable *rt;

	if (*devp)
		return 0;
	rt = ip_route_output(arpreq_ip(r), 0, 0);
	if (IS_ERR(rt))
		return PTR_ERR(rt);
	*devp = rt->dst.dev;
	ip_rt_put(rt);
	return 0;
}

static int arp_req_set(struct arpreq *r, struct net_device *dev)
{
	struct neighbour *n;
	int err = arp_req_dev(r, &dev);

	if (err)
		return err;
	if (r->arp_flags & ATF_PUBL)
		return -EOPNOTSUPP; /* proxy ARP: not in rxos */
	if (r->arp_flags & ATF_PERM)
		r->arp_flags |= ATF_COM;
	if (r->arp_ha.sa_family != dev->type)
		return -EINVAL;
	n = __neigh_create(&arp_tbl, arpreq_ip(r), dev);
	if (IS_ERR(n))
		return PTR_ERR(n);
	err = neigh_update(
		n,
		(r->arp_flags & ATF_COM) ? (const uint8_t *)r->arp_ha.sa_data :
					   NULL,
		(r->arp_flags & ATF_PERM) ? NUD_PERMANENT : NUD_STALE,
		NEIGH_UPDATE_F_OVERRIDE | NEIGH_UPDATE_F_ADMIN);
	neigh_release(n);
	return err;
}

static int arp_req_delete(struct arpreq *r, struct net_device *dev)
{
	struct neighbour *n;
	int err = arp_req_dev(r, &dev);

	if (err)
		return err;
	n = neigh_lookup(&arp_tbl, arpreq_ip(r), dev);
	if (!n)
		return -ENXIO;
	if (n->nud_state & ~NUD_NOARP)
		err = neigh_update(n, NULL, NUD_FAILED,
				   NEIGH_UPDATE_F_OVERRIDE |
					   NEIGH_UPDATE_F_ADMIN);
	neigh_remove_one(n);
	neigh_release(n);
	return err;
}

static int arp_req_get(struct arpreq *r, struct net_device *dev)
{
	struct neighbour *n = neigh_lookup(&arp_tbl, arpreq_ip(r), dev);
	int err = 0;

	if (!n)
		return -ENXIO;
	if (n->nud_state & NUD_NOARP) {
		err = -ENXIO;
	} else {
		memcpy(r->arp_ha.sa_data, n->ha, dev->addr_len);
		r->arp_ha.sa_family = dev->type;
		r->arp_flags = arp_state_to_flags(n);
		strlcpy(r->arp_dev, dev->name, sizeof(r->arp_dev));
	}
	neigh_release(n);
	return err;
}

/* Process context. 0 or -EFAULT, -EPFNOSUPPORT, -ENODEV, -ENXIO, -EINVAL. */
int arp_ioctl(unsigned int cmd, void __user *arg)
{
	struct net_device *dev = NULL;
	struct arpreq r;
	int err;

	if (cmd != SIOCDARP && cmd != SIOCSARP && cmd != SIOCGARP)
		return -EINVAL;
	if (copy_from_user(&r, arg, sizeof(r)))
		return -EFAULT;
	if (r.arp_pa.sa_family != AF_INET)
		return -EPFNOSUPPORT;
	if (!(r.arp_flags & ATF_PUBL) &&
	    (r.arp_flags & (ATF_NETMASK | ATF_DONTPUB)))
		return -EINVAL;
	r.arp_dev[sizeof(r.arp_dev) - 1] = '\0';
	if (r.arp_dev[0]) {
		dev = __dev_get_by_name(r.arp_dev);
		if (!dev)
			return -ENODEV;
	} else if (cmd == SIOCGARP) {
		return -ENODEV;
	}
	if (cmd == SIOCDARP)
		return arp_req_delete(&r, dev);
	if (cmd == SIOCSARP)
		return arp_req_set(&r, dev);
	err = arp_req_get(&r, dev);
	if (!err && copy_to_user(arg, &r, sizeof(r)))
		err = -EFAULT;
	return err;
}

static struct packet_type arp_packet_type = {
	.type = htons(ETH_P_ARP),
	.func = arp_rcv,
};

/* Boot, process context (Linux: arp_init from inet_init). */
void arp_init(void)
{
	neigh_table_init(&arp_tbl);
	dev_add_pack(&arp_packet_type);
}
