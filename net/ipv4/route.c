/*
 * route.c - the routing decision for each packet (Linux: net/ipv4/route.c).
 *
 * Receive, stage 11 (softirq): ip_rcv_finish -> ip_route_input ->
 *   fib_lookup, then one of
 *     RTN_LOCAL / RTN_BROADCAST  dst.input = ip_local_deliver
 *     RTN_UNICAST, forwarding on dst.input = ip_forward, dst.output = ip_output
 *     no route / forwarding off  dst.input = ip_error (counts and drops)
 *   -> dst_input(skb) calls it.
 * Transmit (process or softirq): ip_route_output_key -> fib_lookup ->
 *   an rtable with dst.output = ip_output, the device and the next hop,
 *   and the source address to use.
 *
 * Each decision is a freshly allocated struct rtable (rt_dst_alloc) with
 * one reference, handed to the skb; it is freed with the skb (or by
 * ip_rt_put). Linux caches them per next hop (fib_nh's nh_rth_input,
 * nh_pcpu_rth_output) so a lookup allocates nothing; it also validates the
 * source against reverse routes (fib_validate_source, rp_filter), keeps
 * path-MTU exceptions, and handles multicast routing, all left out here.
 */
#include "net/ipv4/route.h"
#include "kernel/errno.h"
#include "kernel/fs/proc_fs.h"
#include "kernel/mm/slab.h"
#include "kernel/printk.h"
#include "lib/vsprintf.h"
#include "net/core/netdevice.h"
#include "net/ipv4/icmp.h"
#include "net/ipv4/inetdevice.h"
#include "net/ipv4/ip.h"
#include "net/ipv4/snmp.h"

static struct {
	unsigned long allocated, freed;
} rt_stats;

unsigned long rt_dst_live(void)
{
	return rt_stats.allocated - rt_stats.freed;
}

static void ipv4_dst_destroy(struct dst_entry *dst)
{
	rt_stats.freed++;
	kfree(container_of(dst, struct rtable, dst));
}

/* A new rtable with one reference (the caller's). Linux: rt_dst_alloc. */
static struct rtable *rt_dst_alloc(struct net_device *dev, unsigned int flags,
				   uint16_t type)
{
	struct rtable *rt = kzalloc(sizeof(*rt), GFP_ATOMIC);

	if (!rt)
		return NULL;
	rt_stats.allocated++;
	atomic_set(&rt->dst.__refcnt, 1);
	rt->dst.dev = dev;
	rt->dst.destroy = ipv4_dst_destroy;
	rt->dst.output = ip_output;
	rt->rt_flags = flags;
	rt->rt_type = type;
	if (flags & RTCF_LOCAL)
		rt->dst.input = ip_local_deliver;
	return rt;
}

/*
 * dst.input for a packet we have no route for (Linux: ip_error). With
 * forwarding off it was simply not for us: InAddrErrors, IP_INADDRERRORS.
 * With forwarding on there is no route to send it on: InNoRoutes,
 * IP_INNOROUTES, and the sender hears ICMP network unreachable (icmp_send
 * applies its rate limit). Softirq; consumes skb.
 */
static int ip_error(struct sk_buff *skb)
{
	struct rtable *rt = skb_rtable(skb);
	enum skb_drop_reason reason;

	if (!sysctl_ip_forward || rt->dst.error == -EHOSTUNREACH) {
		IP_INC_STATS(IPSTATS_MIB_INADDRERRORS);
		reason = SKB_DROP_REASON_IP_INADDRERRORS;
	} else {
		IP_INC_STATS(IPSTATS_MIB_INNOROUTES);
		reason = SKB_DROP_REASON_IP_INNOROUTES;
		icmp_send(skb, ICMP_DEST_UNREACH, ICMP_NET_UNREACH, 0);
	}
	kfree_skb_reason(skb, reason);
	return 0;
}

/* Sources no one may use (RFC 1122 3.2.1.3; Linux: martian_source). */
static bool ip_martian_source(__be32 saddr)
{
	return ipv4_is_multicast(saddr) || ipv4_is_lbcast(saddr) ||
	       ipv4_is_zeronet(saddr);
}

static int ip_route_input_local(struct sk_buff *skb, struct net_device *dev,
				unsigned int flags, uint16_t type)
{
	struct rtable *rt = rt_dst_alloc(dev, flags | RTCF_LOCAL, type);

	if (!rt)
		return -ENOBUFS;
	rt->rt_is_input = 1;
	rt->rt_iif = dev->ifindex;
	skb_dst_set(skb, &rt->dst);
	return 0;
}

/* No route (or not ours with forwarding off): a dst whose input drops. */
static int ip_route_input_noroute(struct sk_buff *skb, struct net_device *dev,
				  int err)
{
	struct rtable *rt = rt_dst_alloc(dev, 0, RTN_UNREACHABLE);

	if (!rt)
		return -ENOBUFS;
	rt->rt_is_input = 1;
	rt->rt_iif = dev->ifindex;
	rt->dst.input = ip_error;
	rt->dst.error = err;
	skb_dst_set(skb, &rt->dst);
	return 0;
}

/* Forward through res (Linux: ip_mkroute_input -> __mkroute_input). */
static int ip_route_input_forward(struct sk_buff *skb, struct net_device *dev,
				  const struct fib_result *res)
{
	struct rtable *rt = rt_dst_alloc(res->fe->fe_dev, 0, RTN_UNICAST);

	if (!rt)
		return -ENOBUFS;
	rt->rt_is_input = 1;
	rt->rt_iif = dev->ifindex;
	rt->dst.input = ip_forward;
	if (res->fe->fe_gw) {
		rt->rt_gw4 = res->fe->fe_gw;
		rt->rt_uses_gateway = 1;
	}
	skb_dst_set(skb, &rt->dst);
	return 0;
}

/*
 * Stage 11. Softirq; skb stays the caller's. Linux: ip_route_input_noref
 * -> ip_route_input_slow, in the same order of cases.
 *
 * DOC: ip_route_input
 */
int ip_route_input(struct sk_buff *skb, __be32 daddr, __be32 saddr, uint8_t tos,
		   struct net_device *dev)
{
	struct fib_result res;

	if (!__in_dev_get(dev)) /* no IPv4 on this device */
		return -EINVAL;
	if (ipv4_is_lbcast(daddr) || (saddr == 0 && daddr == 0))
		return ip_route_input_local(skb, dev, RTCF_BROADCAST,
					    RTN_BROADCAST);
	if (ip_martian_source(saddr))
		return -EINVAL;
	/* Linux delivers groups this host joined; 224.0.0.1 is everyone's. */
	if (ipv4_is_multicast(daddr))
		return daddr == htonl(0xE0000001) ?
			       ip_route_input_local(skb, dev, RTCF_MULTICAST,
						    RTN_MULTICAST) :
			       -EINVAL;
	if (ipv4_is_zeronet(daddr))
		return -EINVAL;
	if (fib_lookup(daddr, &res))
		return ip_route_input_noroute(
			skb, dev,
			sysctl_ip_forward ? -ENETUNREACH : -EHOSTUNREACH);
	if (res.type == RTN_BROADCAST)
		return ip_route_input_local(skb, dev, RTCF_BROADCAST,
					    RTN_BROADCAST);
	if (res.type == RTN_LOCAL)
		return ip_route_input_local(skb, dev, 0, RTN_LOCAL);
	if (!sysctl_ip_forward)
		return ip_route_input_noroute(skb, dev, -EHOSTUNREACH);
	if (res.type != RTN_UNICAST) /* unreachable, prohibit ... */
		return ip_route_input_noroute(skb, dev, -ENETUNREACH);
	return ip_route_input_forward(skb, dev, &res);
}

/* ---- output ---- */

/* The loopback device, which carries packets to our own addresses. */
static struct net_device *ip_loopback_dev(void)
{
	struct net_device *dev;

	for_each_netdev(dev)
		if (dev->flags & IFF_LOOPBACK)
			return dev;
	return NULL;
}

/*
 * To one of our addresses: out through `lo`, whose transmit hands the
 * frame back to netif_rx, so it arrives through ip_rcv as from a wire,
 * as in Linux. No `lo` (not registered): -ENETUNREACH.
 */
static struct rtable *ip_route_output_local(struct flowi4 *fl4)
{
	struct net_device *lo = ip_loopback_dev();
	struct rtable *rt;

	if (!lo || !(lo->flags & IFF_UP))
		return ERR_PTR(-ENETUNREACH);
	if (!fl4->saddr)
		fl4->saddr = fl4->daddr;
	rt = rt_dst_alloc(lo, RTCF_LOCAL, RTN_LOCAL);
	return rt ? rt : ERR_PTR(-ENOBUFS);
}

/* Straight out of the device oif names, no gateway. */
static struct rtable *ip_route_output_dev(struct flowi4 *fl4,
					  struct net_device *dev)
{
	uint16_t type = RTN_UNICAST;
	unsigned int flags = 0;
	struct rtable *rt;

	if (ipv4_is_multicast(fl4->daddr)) {
		type = RTN_MULTICAST;
		flags = RTCF_MULTICAST;
	} else if (ipv4_is_lbcast(fl4->daddr)) {
		type = RTN_BROADCAST;
		flags = RTCF_BROADCAST;
	}
	if (!fl4->saddr)
		fl4->saddr = inet_select_addr(dev, fl4->daddr, RT_SCOPE_LINK);
	rt = rt_dst_alloc(dev, flags, type);
	return rt ? rt : ERR_PTR(-ENOBUFS);
}

static struct rtable *ip_route_output_fib(struct flowi4 *fl4,
					  const struct fib_result *res)
{
	struct fib_entry *fe = res->fe;
	uint16_t type = res->type;
	struct rtable *rt;

	if (type == RTN_UNREACHABLE || type == RTN_PROHIBIT ||
	    type == RTN_BLACKHOLE)
		return ERR_PTR(-ENETUNREACH);
	if (ipv4_is_lbcast(fl4->daddr))
		type = RTN_BROADCAST;
	if (!fl4->saddr)
		fl4->saddr = fe->fe_prefsrc ?
				     fe->fe_prefsrc :
				     inet_select_addr(fe->fe_dev,
						      fe->fe_gw ? fe->fe_gw :
								  fl4->daddr,
						      RT_SCOPE_UNIVERSE);
	rt = rt_dst_alloc(fe->fe_dev,
			  type == RTN_BROADCAST ? RTCF_BROADCAST : 0, type);
	if (!rt)
		return ERR_PTR(-ENOBUFS);
	if (fe->fe_gw && type == RTN_UNICAST) {
		rt->rt_gw4 = fe->fe_gw;
		rt->rt_uses_gateway = 1;
	}
	if (fe->fe_mtu)
		rt->rt_pmtu = fe->fe_mtu;
	return rt;
}

/* A wanted source address must be one of ours (Linux: -EINVAL). */
static int ip_route_output_check_saddr(const struct flowi4 *fl4)
{
	if (!fl4->saddr)
		return 0;
	if (ip_martian_source(fl4->saddr))
		return -EINVAL;
	return inet_addr_type(fl4->saddr) == RTN_LOCAL ? 0 : -EINVAL;
}

/* Linux: ip_route_output_key_hash_rcu, the same cases in the same order. */
/* DOC: ip_route_output_key */
struct rtable *ip_route_output_key(struct flowi4 *fl4)
{
	struct net_device *dev = NULL;
	struct fib_result res;
	int err = ip_route_output_check_saddr(fl4);

	if (err)
		return ERR_PTR(err);
	if (fl4->flowi4_oif) {
		dev = __dev_get_by_index(fl4->flowi4_oif);
		if (!dev)
			return ERR_PTR(-ENODEV);
		if (!(dev->flags & IFF_UP))
			return ERR_PTR(-ENETUNREACH);
		if (ipv4_is_lbcast(fl4->daddr) || ipv4_is_multicast(fl4->daddr))
			return ip_route_output_dev(fl4, dev);
	}
	if (!fl4->daddr) { /* "to nowhere" means to ourselves */
		fl4->daddr = fl4->saddr ? fl4->saddr : htonl(INADDR_LOOPBACK);
		return ip_route_output_local(fl4);
	}
	if (fib_lookup(fl4->daddr, &res)) {
		/* Linux: an oif with no route means "it is on that link". */
		if (dev)
			return ip_route_output_dev(fl4, dev);
		return ERR_PTR(-ENETUNREACH);
	}
	if (res.type == RTN_LOCAL)
		return ip_route_output_local(fl4);
	if (dev && res.fe->fe_dev != dev)
		return ERR_PTR(-ENETUNREACH);
	return ip_route_output_fib(fl4, &res);
}

struct rtable *ip_route_output(__be32 daddr, __be32 saddr, int oif)
{
	struct flowi4 fl4 = { .flowi4_oif = oif,
			      .daddr = daddr,
			      .saddr = saddr };

	return ip_route_output_key(&fl4);
}

static int rt_dst_stats_show(char *buf, int len)
{
	return scnprintf(buf, len, "live %lu\nallocated %lu\nfreed %lu\n",
			 rt_dst_live(), rt_stats.allocated, rt_stats.freed);
}

/*
 * Boot, process context: /proc/net/route (the main table, as Linux's
 * fib_proc_init) and rxos's /proc/net/dst_stats (live rtables).
 */
void ip_rt_init(void)
{
	if (proc_create_single("net/route", fib_route_seq_show) ||
	    proc_create_single("net/dst_stats", rt_dst_stats_show))
		pr_warn("IPv4: could not create /proc/net/route\n");
}
