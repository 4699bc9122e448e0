/*
 * route.h - IPv4 routing: the FIB and the routing decisions it feeds
 * (Linux: include/net/route.h, include/net/ip_fib.h,
 * include/uapi/linux/rtnetlink.h).
 *
 * Two layers, as in Linux:
 *
 *   FIB (fib.c, fib_frontend.c): the routing tables an administrator
 *     sees. Two of them: "local" (our own and broadcast addresses, added
 *     with each interface address) and "main" (prefix routes, default
 *     route, `route add`). A lookup tries local, then main; in each the
 *     longest matching prefix wins, then the lowest metric.
 *
 *   routes for packets (route.c): ip_route_input decides, per received
 *     packet, where it goes (ip_local_deliver, ip_forward, ip_error) and
 *     attaches that decision to the skb as a struct rtable (a dst_entry);
 *     ip_route_output does the same for a packet we send.
 *
 *     skb->_skb_dst --> struct rtable { dst (first): dev, input, output,
 *                                       rt_type, rt_gw4, rt_flags ... }
 *
 * Linux caches rtables in the FIB's next hops and frees them with RCU;
 * rxos allocates one per lookup (rt_dst_alloc) and frees it with its last
 * reference. /proc/net/dst_stats (rxos) shows how many are alive, so
 * tests catch a leaked reference.
 */
#ifndef RXOS_NET_IPV4_ROUTE_H
#define RXOS_NET_IPV4_ROUTE_H

#include "kernel/err.h"
#include "kernel/list.h"
#include "net/core/dst.h"
#include "net/core/if.h"
#include "net/ipv4/in.h"

struct net_device;

/* Route types (uapi/linux/rtnetlink.h): what an address is to us. */
enum {
	RTN_UNSPEC,
	RTN_UNICAST,   /* a gateway or direct route */
	RTN_LOCAL,     /* one of our addresses: accept locally */
	RTN_BROADCAST, /* accept locally as broadcast, send as broadcast */
	RTN_ANYCAST,
	RTN_MULTICAST,
	RTN_BLACKHOLE,	 /* drop silently */
	RTN_UNREACHABLE, /* destination unreachable */
	RTN_PROHIBIT,	 /* administratively prohibited */
	RTN_THROW,
	RTN_NAT,
	RTN_XRESOLVE,
	__RTN_MAX
};

/* Scopes: how far away a destination is. */
enum rt_scope_t {
	RT_SCOPE_UNIVERSE = 0, /* via a gateway */
	RT_SCOPE_SITE = 200,
	RT_SCOPE_LINK = 253, /* on a directly attached network */
	RT_SCOPE_HOST = 254, /* our own address */
	RT_SCOPE_NOWHERE = 255
};

/* Table ids */
enum rt_class_t {
	RT_TABLE_UNSPEC = 0,
	RT_TABLE_MAIN = 254,  /* `route -n`, /proc/net/route */
	RT_TABLE_LOCAL = 255, /* `ip route show table local` */
};

/* rt_flags (Linux: include/uapi/linux/in_route.h) */
#define RTCF_BROADCAST 0x10000000
#define RTCF_MULTICAST 0x20000000
#define RTCF_LOCAL 0x80000000

struct rtable {
	struct dst_entry dst;  /* first: a struct rtable * is a dst_entry * */
	unsigned int rt_flags; /* RTCF_* */
	uint16_t rt_type;      /* RTN_* */
	uint8_t rt_is_input;   /* made by ip_route_input */
	uint8_t rt_uses_gateway;
	int rt_iif;	  /* input: ifindex it came in on */
	__be32 rt_gw4;	  /* next hop when rt_uses_gateway, else 0 */
	uint32_t rt_pmtu; /* 0: the device's MTU */
};

static inline struct rtable *skb_rtable(const struct sk_buff *skb)
{
	return (struct rtable *)skb_dst(skb);
}

/* The address to resolve with ARP: the gateway, or daddr itself. */
static inline __be32 rt_nexthop(const struct rtable *rt, __be32 daddr)
{
	return rt->rt_uses_gateway ? rt->rt_gw4 : daddr;
}

static inline void ip_rt_put(struct rtable *rt)
{
	if (rt)
		dst_release(&rt->dst);
}

/* What an output lookup is for, and what it chose (Linux: struct flowi4). */
struct flowi4 {
	int flowi4_oif; /* 0: any device */
	uint8_t flowi4_tos;
	uint8_t flowi4_proto;
	__be32 daddr;
	__be32 saddr; /* in: wanted source or 0; out: the source to use */
};

/* /proc/sys/net/ipv4/ip_forward, defined in ip_forward.c. 0: host. */
extern int sysctl_ip_forward;

/*
 * Receive, softirq: route skb (data at the IP header). On 0, skb carries a
 * referenced rtable whose dst.input is ip_local_deliver (local, broadcast),
 * ip_forward, or ip_error (no route: drops with the right counters). A
 * negative errno (-EINVAL: martian source or destination) means no dst was
 * set; the caller drops skb.
 */
int ip_route_input(struct sk_buff *skb, __be32 daddr, __be32 saddr, uint8_t tos,
		   struct net_device *dev);
/*
 * Transmit, any context that sends: a referenced rtable for fl4 (caller
 * ip_rt_put()s it or hands it to an skb with skb_dst_set), with fl4->saddr
 * filled in; or ERR_PTR(-ENETUNREACH) (no route), -EINVAL (saddr not ours),
 * -ENODEV (no such oif), -ENOMEM.
 */
struct rtable *ip_route_output_key(struct flowi4 *fl4);
struct rtable *ip_route_output(__be32 daddr, __be32 saddr, int oif);
/* The rxos count of live rtables (allocated, not yet freed). */
unsigned long rt_dst_live(void);

/* ---- the FIB (fib.c) ---- */

/* One route (Linux splits it: fib_alias -> fib_info -> fib_nh). */
struct fib_entry {
	struct list_head list; /* in its table, sorted (see fib.c) */
	__be32 fe_dst;	       /* network, host bits zero */
	__be32 fe_mask;
	int fe_prefixlen;
	uint8_t fe_type;	   /* RTN_* */
	uint8_t fe_scope;	   /* RT_SCOPE_* */
	uint8_t fe_table;	   /* RT_TABLE_* */
	__be32 fe_gw;		   /* fib_nh_gw4, 0 for a direct route */
	struct net_device *fe_dev; /* fib_nh_dev */
	__be32 fe_prefsrc;    /* preferred source (the interface address) */
	uint32_t fe_priority; /* metric */
	uint32_t fe_mtu, fe_window, fe_irtt;
};

/* What a route add/delete asks for (Linux: struct fib_config). */
struct fib_config {
	uint8_t fc_type, fc_scope, fc_table;
	int fc_dst_len;
	__be32 fc_dst, fc_gw, fc_prefsrc;
	uint32_t fc_priority;
	struct net_device *fc_dev;
	uint32_t fc_mtu, fc_window, fc_irtt;
	bool fc_nlflags_excl; /* NLM_F_EXCL: fail if it exists */
};

struct fib_result {
	int prefixlen;
	uint8_t type, scope;
	struct fib_entry *fe;
};

/* 0, -EEXIST (same dst/len/metric/table), -EINVAL, -ENOMEM. */
int fib_table_insert(struct fib_config *cfg);
/* 0 or -ESRCH. Unset (0/NULL) gw, dev, type match any. */
int fib_table_delete(struct fib_config *cfg);
/* Longest prefix in table tb_id: 0 and *res, or -ENETUNREACH. */
int fib_table_lookup(int tb_id, __be32 daddr, struct fib_result *res);
/* local, then main. */
int fib_lookup(__be32 daddr, struct fib_result *res);
/* Remove every route through dev (device going away). */
void fib_flush_dev(struct net_device *dev);
/* /proc/net/route: the main table in Linux's layout. */
int fib_route_seq_show(char *buf, int len);
void fib_reset(void); /* empty both tables (boot, tests) */

/* ---- fib_frontend.c ---- */
struct in_ifaddr;
void fib_add_ifaddr(struct in_ifaddr *ifa);
void fib_del_ifaddr(struct in_ifaddr *ifa);
/* RTN_LOCAL, RTN_BROADCAST, RTN_MULTICAST or RTN_UNICAST (not ours). */
unsigned int inet_addr_type(__be32 addr);
/*
 * SIOCADDRT/SIOCDELRT with a KERNEL copy of the rtentry; rt->rt_dev is
 * still a user pointer (or NULL). Process context. 0, -EEXIST, -ESRCH,
 * -ENODEV, -EINVAL, -EFAULT, -ENETUNREACH (gateway not on a link).
 */
int ip_rt_ioctl(unsigned int cmd, struct rtentry *rt);

void ip_rt_init(void);

#endif
