/*
 * fib_frontend.c - what feeds the FIB and what asks it simple questions
 * (Linux: net/ipv4/fib_frontend.c).
 *
 *   fib_add_ifaddr / fib_del_ifaddr  the routes an interface address
 *       implies (devinet.c calls them when an address comes or goes):
 *         local table: <addr>/32 RTN_LOCAL, <broadcast>/32 RTN_BROADCAST
 *         main table:  <prefix>/<len> RTN_UNICAST, scope link, src <addr>
 *   inet_addr_type(addr)  "is this one of ours / a broadcast?"
 *   ip_rt_ioctl           `route add` / `route del` (SIOCADDRT/SIOCDELRT)
 *
 * Linux does the first through fib_magic() (a fake netlink request) and
 * also reacts to devices going up and down (fib_netdev_event); rxos
 * leaves the routes in place and fib_table_lookup skips devices that are
 * down. Process context, except inet_addr_type (any context).
 */
#include "kernel/errno.h"
#include "kernel/uaccess.h"
#include "lib/string.h"
#include "net/ipv4/inetdevice.h"
#include "net/ipv4/route.h"

#ifndef RTF_WINDOW
#define RTF_WINDOW 0x0080
#define RTF_IRTT 0x0100
#endif

/* Linux: fib_magic(RTM_NEWROUTE/RTM_DELROUTE, type, dst, len, ifa). */
static void fib_magic(bool add, int type, __be32 dst, int dst_len,
		      struct in_ifaddr *ifa)
{
	struct fib_config cfg = {
		.fc_type = type,
		.fc_table = type == RTN_UNICAST ? RT_TABLE_MAIN :
						  RT_TABLE_LOCAL,
		.fc_scope = type == RTN_LOCAL ? RT_SCOPE_HOST : RT_SCOPE_LINK,
		.fc_dst = dst,
		.fc_dst_len = dst_len,
		.fc_prefsrc = ifa->ifa_local,
		.fc_dev = ifa->ifa_dev->dev,
	};

	if (add)
		fib_table_insert(
			&cfg); /* -EEXIST: a second address, same net */
	else
		fib_table_delete(&cfg);
}

static void fib_ifaddr_routes(struct in_ifaddr *ifa, bool add)
{
	struct net_device *dev = ifa->ifa_dev->dev;
	__be32 prefix = ifa->ifa_address & ifa->ifa_mask;

	fib_magic(add, RTN_LOCAL, ifa->ifa_local, 32, ifa);
	if (ifa->ifa_broadcast && ifa->ifa_broadcast != htonl(0xFFFFFFFF))
		fib_magic(add, RTN_BROADCAST, ifa->ifa_broadcast, 32, ifa);
	if (ipv4_is_zeronet(prefix) || ifa->ifa_prefixlen == 32)
		return;
	/* 127.0.0.0/8 on lo is all ours: a local route, not a link route. */
	fib_magic(add, dev->flags & IFF_LOOPBACK ? RTN_LOCAL : RTN_UNICAST,
		  prefix, ifa->ifa_prefixlen, ifa);
}

void fib_add_ifaddr(struct in_ifaddr *ifa)
{
	fib_ifaddr_routes(ifa, true);
}

void fib_del_ifaddr(struct in_ifaddr *ifa)
{
	fib_ifaddr_routes(ifa, false);
}

/*
 * What addr is to this host. 0.0.0.0 and 255.255.255.255 count as
 * broadcast, 224/4 as multicast; otherwise the local table decides
 * (RTN_LOCAL for our addresses, RTN_BROADCAST for subnet broadcasts), and
 * anything it does not know is someone else's: RTN_UNICAST.
 */
unsigned int inet_addr_type(__be32 addr)
{
	struct fib_result res;

	if (ipv4_is_zeronet(addr) || ipv4_is_lbcast(addr))
		return RTN_BROADCAST;
	if (ipv4_is_multicast(addr))
		return RTN_MULTICAST;
	if (!fib_table_lookup(RT_TABLE_LOCAL, addr, &res))
		return res.type;
	return RTN_UNICAST;
}

static __be32 sk_extract_addr(const struct sockaddr *addr)
{
	return ((const struct sockaddr_in *)addr)->sin_addr.s_addr;
}

/* Not contiguous ones, or host bits in the destination (Linux: bad_mask). */
static bool bad_mask(__be32 mask, __be32 addr)
{
	return inet_mask_len(mask) < 0 || (addr & ~mask);
}

/* rt->rt_dev, a user pointer, as a device; an alias name "eth0:1" is eth0. */
static int rtentry_dev(const struct rtentry *rt, struct net_device **devp)
{
	char devname[IFNAMSIZ];
	char *colon;
	long n;

	*devp = NULL;
	if (!rt->rt_dev)
		return 0;
	n = strncpy_from_user(devname, rt->rt_dev, IFNAMSIZ - 1);
	if (n < 0)
		return -EFAULT;
	devname[n] = '\0';
	colon = strchr(devname, ':');
	if (colon)
		*colon = '\0';
	*devp = __dev_get_by_name(devname);
	return *devp ? 0 : -ENODEV;
}

/* Destination and prefix length (Linux: start of rtentry_to_fib_config). */
static int rtentry_dst(const struct rtentry *rt, struct fib_config *cfg)
{
	__be32 addr = sk_extract_addr(&rt->rt_dst), mask;

	if (rt->rt_dst.sa_family != AF_INET)
		return -EAFNOSUPPORT;
	cfg->fc_dst = addr;
	cfg->fc_dst_len = 32;
	if (rt->rt_flags & RTF_HOST)
		return 0;
	mask = sk_extract_addr(&rt->rt_genmask);
	if (rt->rt_genmask.sa_family != AF_INET &&
	    (mask || rt->rt_genmask.sa_family))
		return -EAFNOSUPPORT;
	if (bad_mask(mask, addr))
		return -EINVAL;
	cfg->fc_dst_len = inet_mask_len(mask);
	return 0;
}

/*
 * A gateway must sit on a directly connected network (Linux:
 * fib_check_nh): its own lookup must end in a link route, which also
 * gives the device when `route add` named none.
 */
static int fib_check_gw(struct fib_config *cfg)
{
	struct fib_result res;

	if (fib_table_lookup(RT_TABLE_MAIN, cfg->fc_gw, &res) ||
	    res.type != RTN_UNICAST || res.fe->fe_gw)
		return -ENETUNREACH;
	if (cfg->fc_dev && cfg->fc_dev != res.fe->fe_dev)
		return -ENETUNREACH;
	cfg->fc_dev = res.fe->fe_dev;
	return 0;
}

/* Linux: rtentry_to_fib_config. */
static int rtentry_to_fib_config(unsigned int cmd, const struct rtentry *rt,
				 struct fib_config *cfg)
{
	__be32 gw = sk_extract_addr(&rt->rt_gateway);
	int err;

	memset(cfg, 0, sizeof(*cfg));
	cfg->fc_table = RT_TABLE_MAIN;
	err = rtentry_dst(rt, cfg);
	if (!err)
		err = rtentry_dev(rt, &cfg->fc_dev);
	if (err)
		return err;
	if (rt->rt_metric)
		cfg->fc_priority = rt->rt_metric - 1; /* the ABI's +1 */
	if (rt->rt_flags & RTF_REJECT) {
		cfg->fc_scope = RT_SCOPE_HOST;
		cfg->fc_type = RTN_UNREACHABLE;
		return 0;
	}
	cfg->fc_type = RTN_UNICAST;
	cfg->fc_scope = RT_SCOPE_LINK;
	if (rt->rt_gateway.sa_family == AF_INET && gw) {
		cfg->fc_gw = gw;
		if (rt->rt_flags & RTF_GATEWAY)
			cfg->fc_scope = RT_SCOPE_UNIVERSE;
	}
	if (cmd == SIOCDELRT)
		return 0;
	if ((rt->rt_flags & RTF_GATEWAY) && !cfg->fc_gw)
		return -EINVAL;
	if (rt->rt_flags & RTF_MTU)
		cfg->fc_mtu = rt->rt_mtu;
	if (rt->rt_flags & RTF_WINDOW)
		cfg->fc_window = rt->rt_window;
	if (rt->rt_flags & RTF_IRTT)
		cfg->fc_irtt = rt->rt_irtt;
	if (cfg->fc_gw)
		return fib_check_gw(cfg);
	return cfg->fc_dev ? 0 : -ENODEV;
}

/*
 * `route add -net 10.1.0.0 netmask 255.255.0.0 gw 10.0.2.2`: SIOCADDRT;
 * `route del ...`: SIOCDELRT. Linux checks CAP_NET_ADMIN first (-EPERM);
 * rxos has no capabilities.
 */
int ip_rt_ioctl(unsigned int cmd, struct rtentry *rt)
{
	struct fib_config cfg;
	int err;

	if (cmd != SIOCADDRT && cmd != SIOCDELRT)
		return -EINVAL;
	err = rtentry_to_fib_config(cmd, rt, &cfg);
	if (err)
		return err;
	if (cmd == SIOCDELRT)
		return fib_table_delete(&cfg);
	return fib_table_insert(&cfg);
}
