/*
 * devinet.c - IPv4 addresses on network devices (Linux: net/ipv4/devinet.c).
 *
 * `ifconfig eth0 10.0.2.15 netmask 255.255.255.0` arrives here as two
 * ioctls on a socket, SIOCSIFADDR then SIOCSIFNETMASK (sock_ioctl ->
 * inet_ioctl -> devinet_ioctl); ip= at boot uses devinet_add_addr. Each
 * change goes through the same two steps Linux has:
 *
 *   inet_insert_ifa   link the in_ifaddr into dev's list, add its routes
 *                     (fib_add_ifaddr), tell the neighbours (gratuitous
 *                     ARP) if the device is up
 *   inet_del_ifa      remove its routes (fib_del_ifaddr), unlink it
 *
 * Changing the mask or broadcast is "delete, change, insert again", so
 * the routes always match the address. Process context; the list update
 * itself runs with bottom halves off (inetdevice.h says why).
 */
#include "net/ipv4/inetdevice.h"
#include "kernel/errno.h"
#include "kernel/interrupt.h"
#include "kernel/mm/slab.h"
#include "lib/string.h"
#include "net/ethernet/if_ether.h"
#include "net/ipv4/arp.h"
#include "net/ipv4/route.h"

int inet_mask_len(__be32 mask)
{
	uint32_t hmask = ntohl(mask);
	int len = 0;

	while (hmask & 0x80000000u) {
		len++;
		hmask <<= 1;
	}
	return hmask ? -1 : len;
}

int inet_abc_len(__be32 addr)
{
	uint32_t haddr = ntohl(addr);

	if (ipv4_is_zeronet(addr) && !haddr)
		return 0;
	if (!(haddr & 0x80000000u)) /* class A: 0xxx */
		return 8;
	if ((haddr & 0xC0000000u) == 0x80000000u) /* B: 10xx */
		return 16;
	if ((haddr & 0xE0000000u) == 0xC0000000u) /* C: 110x */
		return 24;
	return -1; /* D (multicast), E (reserved) */
}

/* dev's in_device, created empty the first time. NULL: out of memory. */
struct in_device *inetdev_init(struct net_device *dev)
{
	struct in_device *in_dev = __in_dev_get(dev);

	if (in_dev)
		return in_dev;
	in_dev = kzalloc(sizeof(*in_dev), GFP_KERNEL);
	if (!in_dev)
		return NULL;
	in_dev->dev = dev;
	dev->ip_ptr = in_dev;
	return in_dev;
}

static __be32 inet_select_addr_dev(const struct net_device *dev, __be32 dst,
				   int scope)
{
	struct in_device *in_dev = __in_dev_get(dev);
	struct in_ifaddr *ifa;
	__be32 addr = 0;

	if (!in_dev)
		return 0;
	in_dev_for_each_ifa(ifa, in_dev) {
		if (ifa->ifa_scope > scope)
			continue;
		if (!dst || inet_ifa_match(dst, ifa))
			return ifa->ifa_local;
		if (!addr)
			addr = ifa->ifa_local;
	}
	return addr;
}

/*
 * Linux: inet_select_addr. The address of dev on dst's subnet, else dev's
 * primary one, else (dev has none: e.g. lo before 127.0.0.1) the first
 * non-loopback address of any device.
 */
__be32 inet_select_addr(const struct net_device *dev, __be32 dst, int scope)
{
	struct net_device *d;
	__be32 addr = dev ? inet_select_addr_dev(dev, dst, scope) : 0;

	if (addr)
		return addr;
	for_each_netdev(d) {
		if (d->flags & IFF_LOOPBACK)
			continue;
		addr = inet_select_addr_dev(d, 0, scope);
		if (addr)
			return addr;
	}
	return 0;
}

struct net_device *__ip_dev_find(__be32 addr)
{
	struct net_device *dev;
	struct in_ifaddr *ifa;

	for_each_netdev(dev) {
		if (!__in_dev_get(dev))
			continue;
		in_dev_for_each_ifa(ifa, __in_dev_get(dev))
			if (ifa->ifa_local == addr)
				return dev;
	}
	return NULL;
}

/*
 * Tell the link our address (Linux: inetdev_send_gratuitous_arp, on
 * NETDEV_UP/CHANGEADDR): an ARP request for ourselves, so neighbours
 * holding a stale entry for it update, and a duplicate would answer.
 */
static void inet_gratuitous_arp(struct in_ifaddr *ifa)
{
	struct net_device *dev = ifa->ifa_dev->dev;

	if (!netif_running(dev) || (dev->flags & (IFF_NOARP | IFF_LOOPBACK)))
		return;
	arp_send(ARPOP_REQUEST, ETH_P_ARP, ifa->ifa_local, dev, ifa->ifa_local,
		 NULL, dev->dev_addr, NULL);
}

/* Link ifa at the head (it becomes primary) or tail; add its routes. */
static void inet_insert_ifa(struct in_ifaddr *ifa, bool primary)
{
	struct in_device *in_dev = ifa->ifa_dev;
	struct in_ifaddr **pp = &in_dev->ifa_list;

	local_bh_disable();
	if (!primary)
		while (*pp)
			pp = &(*pp)->ifa_next;
	ifa->ifa_next = *pp;
	*pp = ifa;
	local_bh_enable();
	fib_add_ifaddr(ifa);
	inet_gratuitous_arp(ifa);
}

/* Unlink ifa and remove its routes; the caller frees or reinserts it. */
static void inet_del_ifa(struct in_ifaddr *ifa)
{
	struct in_ifaddr **pp = &ifa->ifa_dev->ifa_list;

	while (*pp && *pp != ifa)
		pp = &(*pp)->ifa_next;
	if (!*pp)
		return;
	fib_del_ifaddr(ifa);
	local_bh_disable();
	*pp = ifa->ifa_next;
	ifa->ifa_next = NULL;
	local_bh_enable();
}

/* The default broadcast of a subnet (Linux: set when IFF_BROADCAST). */
static __be32 inet_default_brd(const struct in_ifaddr *ifa)
{
	if (!(ifa->ifa_dev->dev->flags & IFF_BROADCAST) ||
	    ifa->ifa_prefixlen >= 31)
		return 0;
	return ifa->ifa_local | ~ifa->ifa_mask;
}

static void inet_set_mask(struct in_ifaddr *ifa, __be32 mask)
{
	ifa->ifa_mask = mask;
	ifa->ifa_prefixlen = inet_mask_len(mask);
	ifa->ifa_broadcast = inet_default_brd(ifa);
}

static struct in_ifaddr *inet_alloc_ifa(struct in_device *in_dev,
					const char *label)
{
	struct in_ifaddr *ifa = kzalloc(sizeof(*ifa), GFP_KERNEL);

	if (!ifa)
		return NULL;
	ifa->ifa_dev = in_dev;
	ifa->ifa_scope = RT_SCOPE_UNIVERSE;
	strlcpy(ifa->ifa_label, label, IFNAMSIZ);
	return ifa;
}

static bool inet_addr_valid_for_ifa(__be32 local)
{
	return local && !ipv4_is_multicast(local) && !ipv4_is_lbcast(local);
}

int devinet_add_addr(struct net_device *dev, __be32 local, __be32 mask)
{
	struct in_device *in_dev;
	struct in_ifaddr *ifa;

	if (!inet_addr_valid_for_ifa(local) || inet_mask_len(mask) < 0)
		return -EINVAL;
	in_dev = inetdev_init(dev);
	if (!in_dev)
		return -ENOMEM;
	ifa = in_dev->ifa_list;
	if (ifa) { /* replace the primary address, as SIOCSIFADDR does */
		inet_del_ifa(ifa);
	} else {
		ifa = inet_alloc_ifa(in_dev, dev->name);
		if (!ifa)
			return -ENOMEM;
	}
	if (dev->flags & IFF_LOOPBACK)
		ifa->ifa_scope = RT_SCOPE_HOST;
	ifa->ifa_local = ifa->ifa_address = local;
	inet_set_mask(ifa, mask);
	inet_insert_ifa(ifa, true);
	return 0;
}

void devinet_flush(struct net_device *dev)
{
	struct in_device *in_dev = __in_dev_get(dev);
	struct in_ifaddr *ifa;

	while (in_dev && (ifa = in_dev->ifa_list)) {
		inet_del_ifa(ifa);
		kfree(ifa);
	}
}

/*
 * The device is going away (Linux: inetdev_destroy, on NETDEV_UNREGISTER):
 * its addresses, their routes, the in_device. Whoever unregisters a
 * device with IPv4 on it calls this first; neighbours go with
 * neigh_ifdown(&arp_tbl, dev) and routes through it with fib_flush_dev.
 */
void inetdev_destroy(struct net_device *dev)
{
	struct in_device *in_dev = __in_dev_get(dev);

	if (!in_dev)
		return;
	devinet_flush(dev);
	fib_flush_dev(dev);
	dev->ip_ptr = NULL;
	kfree(in_dev);
}

/* ---- the ioctls ---- */

static struct sockaddr_in *ifr_sin(struct ifreq *ifr)
{
	return (struct sockaddr_in *)&ifr->ifr_addr;
}

static void ifr_put_addr(struct ifreq *ifr, __be32 addr)
{
	struct sockaddr_in *sin = ifr_sin(ifr);

	memset(sin, 0, sizeof(*sin));
	sin->sin_family = AF_INET;
	sin->sin_addr.s_addr = addr;
}

/* The address labelled exactly ifr_name ("eth0", "eth0:1"), or NULL. */
static struct in_ifaddr *inet_ifa_bylabel(struct in_device *in_dev,
					  const char *label)
{
	struct in_ifaddr *ifa;

	if (!in_dev)
		return NULL;
	in_dev_for_each_ifa(ifa, in_dev)
		if (!strncmp(ifa->ifa_label, label, IFNAMSIZ))
			return ifa;
	return NULL;
}

static int devinet_get(unsigned int cmd, struct ifreq *ifr,
		       struct in_ifaddr *ifa)
{
	if (!ifa)
		return -EADDRNOTAVAIL;
	switch (cmd) {
	case SIOCGIFADDR: ifr_put_addr(ifr, ifa->ifa_local); break;
	case SIOCGIFBRDADDR: ifr_put_addr(ifr, ifa->ifa_broadcast); break;
	case SIOCGIFNETMASK: ifr_put_addr(ifr, ifa->ifa_mask); break;
	case SIOCGIFDSTADDR: ifr_put_addr(ifr, ifa->ifa_address); break;
	}
	return 0;
}

/*
 * SIOCSIFADDR, Linux's rules: a new address gets its classful mask
 * (10.x.x.x: /8) and the matching broadcast until SIOCSIFNETMASK says
 * otherwise; address 0 removes the entry (`ifconfig eth0 0`).
 */
static int devinet_set_addr(struct net_device *dev, struct in_device *in_dev,
			    struct in_ifaddr *ifa, const char *label,
			    __be32 local)
{
	int abc = inet_abc_len(local);

	if (!local) {
		if (ifa) {
			inet_del_ifa(ifa);
			kfree(ifa);
		}
		return 0;
	}
	if (!inet_addr_valid_for_ifa(local) || abc < 0)
		return -EINVAL;
	if (ifa && ifa->ifa_local == local)
		return 0;
	if (ifa) {
		inet_del_ifa(ifa);
	} else {
		ifa = inet_alloc_ifa(in_dev, label);
		if (!ifa)
			return -ENOMEM;
	}
	if (dev->flags & IFF_LOOPBACK)
		ifa->ifa_scope = RT_SCOPE_HOST;
	ifa->ifa_local = ifa->ifa_address = local;
	inet_set_mask(ifa, inet_make_mask(abc));
	inet_insert_ifa(ifa, !strchr(label, ':'));
	return 0;
}

static int devinet_set_netmask(struct in_ifaddr *ifa, __be32 mask)
{
	bool brd_default;

	if (!ifa)
		return -EADDRNOTAVAIL;
	if (inet_mask_len(mask) < 0)
		return -EINVAL;
	if (ifa->ifa_mask == mask)
		return 0;
	brd_default = ifa->ifa_broadcast == inet_default_brd(ifa);
	inet_del_ifa(ifa);
	ifa->ifa_mask = mask;
	ifa->ifa_prefixlen = inet_mask_len(mask);
	/* Linux keeps an explicitly set broadcast; a derived one follows. */
	if (brd_default)
		ifa->ifa_broadcast = inet_default_brd(ifa);
	inet_insert_ifa(ifa, ifa == ifa->ifa_dev->ifa_list ||
				     !strchr(ifa->ifa_label, ':'));
	return 0;
}

static int devinet_set_brd(struct in_ifaddr *ifa, __be32 brd)
{
	if (!ifa)
		return -EADDRNOTAVAIL;
	if (ifa->ifa_broadcast == brd)
		return 0;
	inet_del_ifa(ifa);
	ifa->ifa_broadcast = brd;
	inet_insert_ifa(ifa, !strchr(ifa->ifa_label, ':'));
	return 0;
}

static bool devinet_is_set(unsigned int cmd)
{
	return cmd == SIOCSIFADDR || cmd == SIOCSIFNETMASK ||
	       cmd == SIOCSIFBRDADDR;
}

/* "eth0:1" names device eth0; copy the device part to devname. */
static struct net_device *devinet_dev(const char *name)
{
	char devname[IFNAMSIZ];
	char *colon;

	strlcpy(devname, name, IFNAMSIZ);
	colon = strchr(devname, ':');
	if (colon)
		*colon = '\0';
	return __dev_get_by_name(devname);
}

int devinet_ioctl(unsigned int cmd, struct ifreq *ifr)
{
	struct sockaddr_in *sin = ifr_sin(ifr);
	struct net_device *dev;
	struct in_device *in_dev;
	struct in_ifaddr *ifa;

	ifr->ifr_name[IFNAMSIZ - 1] = '\0';
	if (cmd != SIOCGIFADDR && cmd != SIOCGIFBRDADDR &&
	    cmd != SIOCGIFNETMASK && cmd != SIOCGIFDSTADDR &&
	    !devinet_is_set(cmd))
		return -ENOTTY;
	dev = devinet_dev(ifr->ifr_name);
	if (!dev)
		return -ENODEV;
	if (devinet_is_set(cmd) && sin->sin_family != AF_INET)
		return -EINVAL;
	in_dev = devinet_is_set(cmd) ? inetdev_init(dev) : __in_dev_get(dev);
	if (devinet_is_set(cmd) && !in_dev)
		return -ENOMEM;
	ifa = inet_ifa_bylabel(in_dev, ifr->ifr_name);
	switch (cmd) {
	case SIOCSIFADDR:
		return devinet_set_addr(dev, in_dev, ifa, ifr->ifr_name,
					sin->sin_addr.s_addr);
	case SIOCSIFNETMASK:
		return devinet_set_netmask(ifa, sin->sin_addr.s_addr);
	case SIOCSIFBRDADDR:
		return devinet_set_brd(ifa, sin->sin_addr.s_addr);
	default:
		return devinet_get(cmd, ifr, ifa);
	}
}

/*
 * Boot, process context, after the devices are registered. Linux gives
 * lo its 127.0.0.1/8 when lo comes up (inetdev_event, NETDEV_UP); lo is
 * already up here (loopback_net_init opens it), so do it now. Linux also
 * registers the netdevice notifier and the rtnetlink handlers.
 */
void devinet_init(void)
{
	struct net_device *dev;

	for_each_netdev(dev)
		if ((dev->flags & IFF_LOOPBACK) && !__in_dev_get(dev))
			devinet_add_addr(dev, htonl(INADDR_LOOPBACK),
					 inet_make_mask(8));
}
