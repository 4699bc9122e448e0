/*
 * dev_ioctl.c - the interface ioctls behind ifconfig (Linux:
 * net/core/dev_ioctl.c).
 *
 *   ioctl(fd, SIOCGIFFLAGS, &ifr)        any socket, user space
 *     sock_ioctl -> inet_ioctl           net/socket.c, net/ipv4/af_inet.c:
 *                                        copies struct ifreq in; address
 *                                        ioctls go to devinet_ioctl
 *       dev_ioctl(cmd, &ifr, &copyout)   here, for everything about the
 *                                        device itself
 *         dev_ifsioc_locked / dev_ifsioc -> dev_change_flags, dev_set_mtu ...
 *     copy ifr back out if *need_copyout
 *
 * The caller owns the kernel copy of ifr; only SIOCETHTOOL's ifr_data and
 * SIOCGIFCONF's ifc_buf are user pointers, and those are only touched
 * through checked copies. Process context (Linux holds RTNL here and
 * checks CAP_NET_ADMIN for the set commands; rxos has no credentials).
 *
 * Returns (Linux's): 0; -ENODEV for an unknown interface; -EINVAL for a
 * bad value (MTU out of range, wrong address family) or a command
 * dev_ifsioc does not know; -EOPNOTSUPP when the driver cannot do it;
 * -ENOTTY for a command that is not an interface ioctl at all.
 */
#include "kernel/errno.h"
#include "kernel/uaccess.h"
#include "lib/string.h"
#include "net/core/if.h"
#include "net/core/netdevice.h"
#include "net/ethtool/ethtool.h"
#include "net/ipv4/in.h"
#include "net/ipv4/inetdevice.h"

/* ---- SIOCGIFCONF ---- */

/*
 * dev's IPv4 addresses as struct ifreqs (name = the address's label,
 * "eth0" or "eth0:1"; ifr_addr = a sockaddr_in) into the user buffer buf
 * of len bytes. buf NULL: just the bytes needed. Returns the bytes
 * written, or -EFAULT. Linux: inet_gifconf (net/ipv4/devinet.c).
 */
static int ifconf_inet_dev(struct net_device *dev, char __user *buf, int len)
{
	struct in_device *in_dev = __in_dev_get(dev);
	const struct in_ifaddr *ifa;
	int done = 0;

	if (!in_dev)
		return 0;
	in_dev_for_each_ifa(ifa, in_dev) {
		struct sockaddr_in sin = { .sin_family = AF_INET,
					   .sin_addr.s_addr = ifa->ifa_local };
		struct ifreq ifr;

		if (!buf) {
			done += sizeof(ifr);
			continue;
		}
		if (len < (int)sizeof(ifr))
			break;
		memset(&ifr, 0, sizeof(ifr));
		strlcpy(ifr.ifr_name, ifa->ifa_label, IFNAMSIZ);
		memcpy(&ifr.ifr_addr, &sin, sizeof(sin));
		if (copy_to_user(buf + done, &ifr, sizeof(ifr)))
			return -EFAULT;
		len -= sizeof(ifr);
		done += sizeof(ifr);
	}
	return done;
}

/*
 * SIOCGIFCONF: one struct ifreq (name + address) per IPv4 address of
 * every device, written to the user buffer ifc->ifc_buf of ifc->ifc_len
 * bytes; ifc_len comes back as the bytes used. With a NULL buffer,
 * ifc_len comes back as the bytes a full answer needs. A buffer that is
 * too small gets the entries that fit, as in Linux. 0, -EINVAL (negative
 * length) or -EFAULT (buffer not writable).
 */
int dev_ifconf(struct ifconf *ifc)
{
	char __user *pos = ifc->ifc_buf;
	int len = ifc->ifc_len, total = 0;
	struct net_device *dev;

	if (pos && len < 0)
		return -EINVAL;
	for_each_netdev(dev) {
		int done = ifconf_inet_dev(dev, pos ? pos + total : NULL,
					   len - total);

		if (done < 0)
			return -EFAULT;
		total += done;
	}
	ifc->ifc_len = total;
	return 0;
}

/* ---- reading ---- */

/* SIOCGIFHWADDR: the MAC, with the hardware type as the family. */
static void dev_get_hwaddr(struct net_device *dev, struct sockaddr *sa)
{
	memset(sa->sa_data, 0, sizeof(sa->sa_data));
	memcpy(sa->sa_data, dev->dev_addr,
	       min((size_t)dev->addr_len, sizeof(sa->sa_data)));
	sa->sa_family = dev->type;
}

/* SIOCGIFMAP: the resources ifconfig prints as "device interrupt 11 ..." */
static void dev_get_map(struct net_device *dev, struct ifmap *map)
{
	memset(map, 0, sizeof(*map));
	map->mem_start = dev->mem_start;
	map->mem_end = dev->mem_end;
	map->base_addr = dev->base_addr;
	map->irq = dev->irq;
}

/* The commands that only read. Linux: dev_ifsioc_locked (under RCU). */
static int dev_ifsioc_locked(struct ifreq *ifr, unsigned int cmd)
{
	struct net_device *dev = __dev_get_by_name(ifr->ifr_name);

	if (!dev)
		return -ENODEV;
	switch (cmd) {
	case SIOCGIFFLAGS: /* a short: IFF_LOWER_UP (0x10000) is cut off */
		ifr->ifr_flags = (short)dev_get_flags(dev);
		return 0;
	case SIOCGIFMETRIC: /* not implemented in Linux either */
		ifr->ifr_metric = 0;
		return 0;
	case SIOCGIFMTU:
		ifr->ifr_mtu = dev->mtu;
		return 0;
	case SIOCGIFHWADDR:
		dev_get_hwaddr(dev, &ifr->ifr_hwaddr);
		return 0;
	case SIOCGIFMAP:
		dev_get_map(dev, &ifr->ifr_map);
		return 0;
	case SIOCGIFINDEX:
		ifr->ifr_ifindex = dev->ifindex;
		return 0;
	case SIOCGIFTXQLEN:
		ifr->ifr_qlen = dev->tx_queue_len;
		return 0;
	default:
		return -EINVAL;
	}
}

/* SIOCGIFNAME: ifindex -> name. Linux: dev_ifname. */
static int dev_ifname(struct ifreq *ifr)
{
	struct net_device *dev = __dev_get_by_index(ifr->ifr_ifindex);

	if (!dev)
		return -ENODEV;
	strlcpy(ifr->ifr_name, dev->name, IFNAMSIZ);
	return 0;
}

/* ---- changing ---- */

/*
 * SIOCSIFHWADDR. Linux: dev_set_mac_address (dev.c), which also tells
 * the neighbour tables through NETDEV_CHANGEADDR.
 */
static int dev_set_mac_address(struct net_device *dev, struct sockaddr *sa)
{
	const struct net_device_ops *ops = dev->netdev_ops;

	if (!ops->ndo_set_mac_address)
		return -EOPNOTSUPP;
	if (sa->sa_family != dev->type)
		return -EINVAL;
	if (!netif_device_present(dev))
		return -ENODEV;
	return ops->ndo_set_mac_address(dev, sa);
}

/* SIOCSIFTXQLEN: the length ifconfig shows; rxos has no qdisc to resize. */
static int dev_change_tx_queue_len(struct net_device *dev, int qlen)
{
	if (qlen < 0)
		return -EINVAL;
	dev->tx_queue_len = qlen;
	return 0;
}

/* The commands that change the device. Linux: dev_ifsioc (under RTNL). */
static int dev_ifsioc(struct ifreq *ifr, unsigned int cmd)
{
	struct net_device *dev = __dev_get_by_name(ifr->ifr_name);

	if (!dev)
		return -ENODEV;
	switch (cmd) {
	case SIOCSIFFLAGS: /* ifconfig eth0 up/down/promisc/allmulti */
		return dev_change_flags(dev, (unsigned short)ifr->ifr_flags);
	case SIOCSIFMETRIC:
		return -EOPNOTSUPP;
	case SIOCSIFMTU:
		if (!netif_device_present(dev))
			return -ENODEV;
		return dev_set_mtu(dev, ifr->ifr_mtu);
	case SIOCSIFHWADDR:
		return dev_set_mac_address(dev, &ifr->ifr_hwaddr);
	case SIOCSIFMAP: /* Linux: ndo_set_config, for ISA cards */
		return -EOPNOTSUPP;
	case SIOCSIFTXQLEN:
		return dev_change_tx_queue_len(dev, ifr->ifr_qlen);
	default:
		return -EINVAL;
	}
}

/*
 * dev_ioctl - an interface ioctl on a kernel copy of struct ifreq
 *
 * *need_copyout tells the socket layer whether to copy ifr back to the
 * user: true for the commands that answer in ifr. The name is cut at
 * IFNAMSIZ and at an alias colon ("eth0:1" means eth0 here, as in
 * Linux), and the colon put back before returning.
 */
int dev_ioctl(unsigned int cmd, struct ifreq *ifr, bool *need_copyout)
{
	char *colon;
	int ret;

	if (need_copyout)
		*need_copyout = true;
	if (cmd == SIOCGIFNAME)
		return dev_ifname(ifr);
	ifr->ifr_name[IFNAMSIZ - 1] = '\0';
	colon = strchr(ifr->ifr_name, ':');
	if (colon)
		*colon = '\0';

	switch (cmd) {
	case SIOCGIFFLAGS:
	case SIOCGIFMETRIC:
	case SIOCGIFMTU:
	case SIOCGIFHWADDR:
	case SIOCGIFMAP:
	case SIOCGIFINDEX:
	case SIOCGIFTXQLEN:
		ret = dev_ifsioc_locked(ifr, cmd);
		break;
	case SIOCETHTOOL:
		ret = dev_ethtool(ifr);
		if (need_copyout)
			*need_copyout = false; /* the answer went to ifr_data */
		break;
	case SIOCSIFFLAGS:
	case SIOCSIFMETRIC:
	case SIOCSIFMTU:
	case SIOCSIFHWADDR:
	case SIOCSIFMAP:
	case SIOCSIFTXQLEN:
		ret = dev_ifsioc(ifr, cmd);
		if (need_copyout)
			*need_copyout = false;
		break;
	default:
		ret = -ENOTTY;
	}
	if (colon)
		*colon = ':';
	return ret;
}
