/*
 * ioctl.c - the SIOCETHTOOL ioctl: what `ethtool` does through a socket
 * (Linux: net/ethtool/ioctl.c).
 *
 *   ioctl(fd, SIOCETHTOOL, &ifr)            user space, ifr.ifr_data -> cmd
 *     sock_ioctl -> dev_ioctl               net/socket.c, net/core/dev_ioctl.c
 *       dev_ethtool(ifr)                    here: read the command word,
 *         ethtool_get_coalesce(dev, uaddr)  copy in, ask the driver's
 *           dev->ethtool_ops->get_coalesce  ethtool_ops, copy out
 *
 * ifr has been copied into the kernel by the socket layer; ifr->ifr_data
 * still points into user memory, and every access through it is a
 * checked copy (-EFAULT on a bad pointer, never an oops). Each command is
 * one small function named as in Linux. Process context; Linux holds RTNL
 * and checks CAP_NET_ADMIN for the set commands (rxos has no credentials:
 * every process may).
 *
 * Commands: GSET (legacy link settings), GDRVINFO, GLINK, GCOALESCE,
 * SCOALESCE, GRINGPARAM, GSTRINGS, GSSET_INFO, GSTATS. Others, including
 * GLINKSETTINGS (ethtool then falls back to GSET), are -EOPNOTSUPP.
 */
#include "net/ethtool/ethtool.h"
#include "kernel/errno.h"
#include "kernel/mm/slab.h"
#include "kernel/uaccess.h"
#include "lib/string.h"
#include "net/core/if.h"
#include "net/core/netdevice.h"

/* Largest string set or stats block we copy (Linux: S32_MAX-bounded). */
#define ETHTOOL_MAX_STRINGS 1024

uint32_t ethtool_op_get_link(struct net_device *dev)
{
	return netif_carrier_ok(dev) ? 1 : 0;
}

/* Copy the answer struct back over the caller's. */
static int ethtool_copy_out(void __user *useraddr, const void *v, size_t n)
{
	return copy_to_user(useraddr, v, n) ? -EFAULT : 0;
}

/* Size of a string set, or -EOPNOTSUPP. Linux: __ethtool_get_sset_count. */
static int __ethtool_get_sset_count(struct net_device *dev, int sset)
{
	const struct ethtool_ops *ops = dev->ethtool_ops;

	if (ops && ops->get_sset_count && ops->get_strings)
		return ops->get_sset_count(dev, sset);
	return -EOPNOTSUPP;
}

/* ETHTOOL_GSET: the driver's link settings in the legacy struct. */
static int ethtool_get_settings(struct net_device *dev, void __user *useraddr)
{
	const struct ethtool_ops *ops = dev->ethtool_ops;
	struct ethtool_link_ksettings ks;
	struct ethtool_cmd cmd;
	int err;

	if (!ops || !ops->get_link_ksettings)
		return -EOPNOTSUPP;
	memset(&ks, 0, sizeof(ks));
	err = ops->get_link_ksettings(dev, &ks);
	if (err < 0)
		return err;
	/* Linux: convert_link_ksettings_to_legacy_settings */
	memset(&cmd, 0, sizeof(cmd));
	cmd.cmd = ETHTOOL_GSET;
	cmd.supported = ks.link_modes.supported;
	cmd.advertising = ks.link_modes.advertising;
	cmd.lp_advertising = ks.link_modes.lp_advertising;
	cmd.speed = (uint16_t)ks.base.speed;
	cmd.speed_hi = (uint16_t)(ks.base.speed >> 16);
	cmd.duplex = ks.base.duplex;
	cmd.port = ks.base.port;
	cmd.phy_address = ks.base.phy_address;
	cmd.autoneg = ks.base.autoneg;
	cmd.transceiver = XCVR_INTERNAL;
	return ethtool_copy_out(useraddr, &cmd, sizeof(cmd));
}

/* ETHTOOL_GDRVINFO (ethtool -i): the driver's names, plus set sizes. */
static int ethtool_get_drvinfo(struct net_device *dev, void __user *useraddr)
{
	const struct ethtool_ops *ops = dev->ethtool_ops;
	struct ethtool_drvinfo info;
	int n;

	if (!ops || !ops->get_drvinfo)
		return -EOPNOTSUPP;
	memset(&info, 0, sizeof(info));
	ops->get_drvinfo(dev, &info);
	info.cmd = ETHTOOL_GDRVINFO;
	n = __ethtool_get_sset_count(dev, ETH_SS_STATS);
	info.n_stats = n > 0 ? n : 0;
	n = __ethtool_get_sset_count(dev, ETH_SS_PRIV_FLAGS);
	info.n_priv_flags = n > 0 ? n : 0;
	return ethtool_copy_out(useraddr, &info, sizeof(info));
}

/* ETHTOOL_GLINK: "Link detected: yes" */
static int ethtool_get_link(struct net_device *dev, void __user *useraddr)
{
	const struct ethtool_ops *ops = dev->ethtool_ops;
	struct ethtool_value edata = { .cmd = ETHTOOL_GLINK };

	if (!ops || !ops->get_link)
		return -EOPNOTSUPP;
	edata.data = netif_running(dev) && ops->get_link(dev);
	return ethtool_copy_out(useraddr, &edata, sizeof(edata));
}

/* ETHTOOL_GCOALESCE (ethtool -c) */
static int ethtool_get_coalesce(struct net_device *dev, void __user *useraddr)
{
	const struct ethtool_ops *ops = dev->ethtool_ops;
	struct ethtool_coalesce coalesce;
	int err;

	if (!ops || !ops->get_coalesce)
		return -EOPNOTSUPP;
	memset(&coalesce, 0, sizeof(coalesce));
	err = ops->get_coalesce(dev, &coalesce);
	if (err)
		return err;
	coalesce.cmd = ETHTOOL_GCOALESCE;
	return ethtool_copy_out(useraddr, &coalesce, sizeof(coalesce));
}

/*
 * Every non-zero field must be one the driver declared it handles, else
 * -EOPNOTSUPP - so a driver never silently ignores a setting. Field i+1
 * of struct ethtool_coalesce (after cmd) is bit i of the mask.
 * Linux: ethtool_set_coalesce_supported.
 */
static bool ethtool_coalesce_supported(const struct ethtool_ops *ops,
				       const struct ethtool_coalesce *ec)
{
	const uint32_t *field = &ec->rx_coalesce_usecs;
	uint32_t nonzero = 0;

	for (unsigned int i = 0; i < ETHTOOL_COALESCE_NFIELDS; i++)
		if (field[i])
			nonzero |= 1u << i;
	return (ops->supported_coalesce_params & nonzero) == nonzero;
}

/* ETHTOOL_SCOALESCE (ethtool -C): ethtool sends back what -c gave, edited. */
static int ethtool_set_coalesce(struct net_device *dev, void __user *useraddr)
{
	const struct ethtool_ops *ops = dev->ethtool_ops;
	struct ethtool_coalesce coalesce;

	if (!ops || !ops->set_coalesce)
		return -EOPNOTSUPP;
	if (copy_from_user(&coalesce, useraddr, sizeof(coalesce)))
		return -EFAULT;
	if (!ethtool_coalesce_supported(ops, &coalesce))
		return -EOPNOTSUPP;
	return ops->set_coalesce(dev, &coalesce);
}

/* ETHTOOL_GRINGPARAM (ethtool -g) */
static int ethtool_get_ringparam(struct net_device *dev, void __user *useraddr)
{
	const struct ethtool_ops *ops = dev->ethtool_ops;
	struct ethtool_ringparam ring;

	if (!ops || !ops->get_ringparam)
		return -EOPNOTSUPP;
	memset(&ring, 0, sizeof(ring));
	ops->get_ringparam(dev, &ring);
	ring.cmd = ETHTOOL_GRINGPARAM;
	return ethtool_copy_out(useraddr, &ring, sizeof(ring));
}

/*
 * ETHTOOL_GSSET_INFO: which of the asked-for string sets exist and their
 * sizes. The caller's buffer holds one u32 per bit it set; we write one
 * per set that exists (never more than it asked for).
 */
static int ethtool_get_sset_info(struct net_device *dev, void __user *useraddr)
{
	struct ethtool_sset_info info;
	uint32_t counts[64];
	unsigned int idx = 0;
	uint64_t asked;

	if (copy_from_user(&info, useraddr, sizeof(info)))
		return -EFAULT;
	asked = info.sset_mask;
	info.sset_mask = 0;
	for (int i = 0; i < 64; i++) {
		int rc;

		if (!(asked & (1ULL << i)))
			continue;
		rc = __ethtool_get_sset_count(dev, i);
		if (rc >= 0) {
			info.sset_mask |= 1ULL << i;
			counts[idx++] = rc;
		}
	}
	if (copy_to_user(useraddr, &info, sizeof(info)) ||
	    copy_to_user((char __user *)useraddr + sizeof(info), counts,
			 idx * sizeof(uint32_t)))
		return -EFAULT;
	return 0;
}

/*
 * ETHTOOL_GSTRINGS: the names of a string set, ETH_GSTRING_LEN bytes each,
 * after the header. As in Linux, len comes from the driver, not the
 * caller: ethtool sizes its buffer from GSSET_INFO or GDRVINFO first.
 */
static int ethtool_get_strings(struct net_device *dev, void __user *useraddr)
{
	const struct ethtool_ops *ops = dev->ethtool_ops;
	struct ethtool_gstrings gstrings;
	uint8_t *data = NULL;
	int ret;

	if (copy_from_user(&gstrings, useraddr, sizeof(gstrings)))
		return -EFAULT;
	ret = __ethtool_get_sset_count(dev, gstrings.string_set);
	if (ret < 0)
		return ret;
	if (ret > ETHTOOL_MAX_STRINGS)
		return -ENOMEM;
	gstrings.len = ret;
	if (gstrings.len) {
		data = kzalloc(gstrings.len * ETH_GSTRING_LEN, GFP_KERNEL);
		if (!data)
			return -ENOMEM;
		ops->get_strings(dev, gstrings.string_set, data);
	}
	ret = 0;
	if (copy_to_user(useraddr, &gstrings, sizeof(gstrings)) ||
	    copy_to_user((char __user *)useraddr + sizeof(gstrings), data,
			 gstrings.len * ETH_GSTRING_LEN))
		ret = -EFAULT;
	kfree(data);
	return ret;
}

/* ETHTOOL_GSTATS (ethtool -S): n_stats u64 values after the header. */
static int ethtool_get_stats(struct net_device *dev, void __user *useraddr)
{
	const struct ethtool_ops *ops = dev->ethtool_ops;
	struct ethtool_stats stats;
	uint64_t *data = NULL;
	int n, ret = 0;

	if (!ops || !ops->get_ethtool_stats)
		return -EOPNOTSUPP;
	if (copy_from_user(&stats, useraddr, sizeof(stats)))
		return -EFAULT;
	n = __ethtool_get_sset_count(dev, ETH_SS_STATS);
	if (n < 0)
		return n;
	if (n > ETHTOOL_MAX_STRINGS)
		return -ENOMEM;
	stats.n_stats = n;
	if (n) {
		data = kzalloc(n * sizeof(uint64_t), GFP_KERNEL);
		if (!data)
			return -ENOMEM;
		ops->get_ethtool_stats(dev, &stats, data);
	}
	if (copy_to_user(useraddr, &stats, sizeof(stats)) ||
	    copy_to_user((char __user *)useraddr + sizeof(stats), data,
			 n * sizeof(uint64_t)))
		ret = -EFAULT;
	kfree(data);
	return ret;
}

/* One ETHTOOL_* command on a device. */
static int __dev_ethtool(struct net_device *dev, uint32_t ethcmd,
			 void __user *useraddr)
{
	switch (ethcmd) {
	case ETHTOOL_GSET: return ethtool_get_settings(dev, useraddr);
	case ETHTOOL_GDRVINFO: return ethtool_get_drvinfo(dev, useraddr);
	case ETHTOOL_GLINK: return ethtool_get_link(dev, useraddr);
	case ETHTOOL_GCOALESCE: return ethtool_get_coalesce(dev, useraddr);
	case ETHTOOL_SCOALESCE: return ethtool_set_coalesce(dev, useraddr);
	case ETHTOOL_GRINGPARAM: return ethtool_get_ringparam(dev, useraddr);
	case ETHTOOL_GSSET_INFO: return ethtool_get_sset_info(dev, useraddr);
	case ETHTOOL_GSTRINGS: return ethtool_get_strings(dev, useraddr);
	case ETHTOOL_GSTATS: return ethtool_get_stats(dev, useraddr);
	default: return -EOPNOTSUPP;
	}
}

/*
 * dev_ethtool - SIOCETHTOOL, from dev_ioctl
 *
 * ifr is the kernel's copy (name NUL-terminated by dev_ioctl); the
 * command and its struct are at the user pointer ifr->ifr_data. Returns
 * 0, -ENODEV (no such interface), -EFAULT (bad pointer), -EOPNOTSUPP
 * (command or driver hook missing) or the driver's error.
 */
int dev_ethtool(struct ifreq *ifr)
{
	void __user *useraddr = ifr->ifr_data;
	struct net_device *dev = dev_get_by_name(ifr->ifr_name);
	uint32_t ethcmd;
	int ret;

	if (!dev)
		return -ENODEV;
	if (copy_from_user(&ethcmd, useraddr, sizeof(ethcmd)))
		ret = -EFAULT;
	else
		ret = __dev_ethtool(dev, ethcmd, useraddr);
	dev_put(dev);
	return ret;
}
