/*
 * inetdevice.h - IPv4 addresses on interfaces (Linux: include/linux/
 * inetdevice.h, net/ipv4/devinet.c).
 *
 * Each net_device that has IPv4 configured points (dev->ip_ptr) to one
 * struct in_device, which holds the list of its addresses:
 *
 *   net_device eth0 --ip_ptr--> in_device --ifa_list--> in_ifaddr --ifa_next--> ...
 *                                              ifa_local     10.0.2.15
 *                                              ifa_mask      255.255.255.0
 *                                              ifa_broadcast 10.0.2.255
 *                                              ifa_label     "eth0" (or "eth0:1")
 *
 * The first entry is the primary address (what `ifconfig eth0` shows and
 * inet_select_addr prefers). Adding an address also adds its routes
 * (fib_add_ifaddr: local /32, the prefix route, broadcast); deleting
 * removes them. All addresses are __be32, as in Linux.
 *
 * The small API other code uses:
 *   __in_dev_get(dev)          the in_device, or NULL (no IPv4 on dev)
 *   in_dev_for_each_ifa(ifa, in_dev)   iterate a device's addresses
 *                              (SIOCGIFCONF walks every device like this)
 *   inet_select_addr(dev, dst, scope)  a source address for dst
 *   inet_addr_type(addr)       RTN_LOCAL / RTN_BROADCAST / ... (fib_frontend.c)
 *   devinet_add_addr(dev, local, mask) kernel API: what ip= and tests use
 *   devinet_ioctl(cmd, ifr)    SIOC[GS]IF{ADDR,NETMASK,BRDADDR}
 *
 * Context: changes in process context (ioctl, boot) with bottom halves
 * off around the list update, so softirq readers (ip_route_input,
 * arp_process) never see a half-linked list. Linux uses RTNL + RCU.
 */
#ifndef RXOS_NET_IPV4_INETDEVICE_H
#define RXOS_NET_IPV4_INETDEVICE_H

#include "net/core/if.h"
#include "net/core/netdevice.h"
#include "net/ipv4/in.h"

/* Print an address: printk(NIPQUAD_FMT, NIPQUAD(addr)) (old Linux macro). */
#define NIPQUAD_FMT "%u.%u.%u.%u"
#define NIPQUAD(addr)                                                   \
	((const unsigned char *)&(addr))[0],                            \
		((const unsigned char *)&(addr))[1],                    \
		((const unsigned char *)&(addr))[2],                    \
		((const unsigned char *)&(addr))[3]

struct in_device;

struct in_ifaddr {
	struct in_ifaddr *ifa_next; /* next address of the same device */
	struct in_device *ifa_dev;  /* back to the device */
	__be32 ifa_local;	    /* our address */
	__be32 ifa_address;	    /* peer (point-to-point); = ifa_local here */
	__be32 ifa_mask;
	__be32 ifa_broadcast;
	unsigned char ifa_scope;     /* RT_SCOPE_UNIVERSE (route.h) */
	unsigned char ifa_prefixlen; /* 24 for 255.255.255.0 */
	uint32_t ifa_flags;	     /* IFA_F_* in Linux; unused here */
	char ifa_label[IFNAMSIZ];    /* "eth0", or an alias "eth0:1" */
};

struct in_device {
	struct net_device *dev;
	struct in_ifaddr *ifa_list; /* primary first */
	/* Linux: multicast lists, arp_parms, cnf (per-device sysctls) ... */
};

#define in_dev_for_each_ifa(ifa, in_dev) \
	for (ifa = (in_dev)->ifa_list; ifa; ifa = ifa->ifa_next)

static inline struct in_device *__in_dev_get(const struct net_device *dev)
{
	return (struct in_device *)dev->ip_ptr;
}

/* Is a on the subnet of ifa? */
static inline bool inet_ifa_match(__be32 a, const struct in_ifaddr *ifa)
{
	return !((a ^ ifa->ifa_address) & ifa->ifa_mask);
}

/* Prefix length of a netmask, or -1 if it is not contiguous ones. */
int inet_mask_len(__be32 mask);
/* The classful prefix of an address: 8 (class A), 16, 24, 0 for 0.0.0.0,
 * -1 for class D/E (not allowed on an interface). Linux: inet_abc_len. */
int inet_abc_len(__be32 addr);

struct in_device *inetdev_init(struct net_device *dev);
/* Before unregistering dev: its addresses, routes and in_device go. */
void inetdev_destroy(struct net_device *dev);

/*
 * A source address on dev for talking to dst: the primary address whose
 * subnet holds dst, else the primary address (scope <= scope); if dev has
 * none, any device's. 0 when there is no address at all.
 */
__be32 inet_select_addr(const struct net_device *dev, __be32 dst, int scope);

/* The device that owns local address addr, or NULL (Linux: __ip_dev_find). */
struct net_device *__ip_dev_find(__be32 addr);

/*
 * Kernel API: give dev the address local with mask (broadcast derived),
 * replacing its primary address, adding the routes and, if dev is up,
 * announcing it with a gratuitous ARP. Process context. 0, -EINVAL (bad
 * address or mask), -ENOMEM.
 */
int devinet_add_addr(struct net_device *dev, __be32 local, __be32 mask);
/* Remove every address from dev (and their routes). */
void devinet_flush(struct net_device *dev);

/*
 * SIOCGIFADDR/SIOCSIFADDR, ...NETMASK, ...BRDADDR on ifr (a KERNEL copy:
 * inet_ioctl copies it in and, on success, back out). Process context.
 * 0, -ENODEV (no such device), -EADDRNOTAVAIL (no address to get or
 * change), -EINVAL (bad family/address), -ENOMEM, -ENOTTY (other cmd).
 */
int devinet_ioctl(unsigned int cmd, struct ifreq *ifr);

void devinet_init(void);

#endif
