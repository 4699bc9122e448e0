/*
 * ethtool.h - what `ethtool` asks a driver, and how it asks (Linux:
 * include/uapi/linux/ethtool.h for the user-space structs, and
 * include/linux/ethtool.h for struct ethtool_ops).
 *
 * User space: ioctl(fd, SIOCETHTOOL, &ifr) with ifr.ifr_data pointing at a
 * struct whose first u32 is the ETHTOOL_* command; dev_ethtool()
 * (net/ethtool/ioctl.c) copies it in, calls the driver's ethtool_ops, and
 * copies the answer out. The structs below are Linux's exact layouts (same
 * field order and sizes; static asserts at the end), so a real ethtool
 * binary's ioctl means the same here. Linux's ethtool now prefers netlink;
 * this ioctl path is the one it still falls back to.
 *
 * Driver side: dev->ethtool_ops. Every hook is optional (absent: the
 * command answers -EOPNOTSUPP) and runs in process context (the ioctl).
 * Returns 0 or a negative errno: -EOPNOTSUPP for a setting the hardware
 * cannot do, -EINVAL for one out of range. Linux passes some hooks more
 * arguments (kernel_ethtool_coalesce, netlink_ext_ack) that rxos drops.
 *
 * Coalescing fields the NICs of this tree honour:
 *   rx_coalesce_usecs        how long a receive interrupt may be held back
 *                            after a frame arrives (ethtool: rx-usecs)
 *   rx_max_coalesced_frames  interrupt after this many frames (rx-frames)
 */
#ifndef RXOS_NET_ETHTOOL_ETHTOOL_H
#define RXOS_NET_ETHTOOL_ETHTOOL_H

#include <stdint.h>

struct net_device;

/* ---- commands (the first u32 of every struct) ---- */
#define ETHTOOL_GSET 0x00000001	       /* legacy link settings */
#define ETHTOOL_SSET 0x00000002
#define ETHTOOL_GDRVINFO 0x00000003    /* driver name, version, bus */
#define ETHTOOL_GLINK 0x0000000a       /* link up? (ethtool_value) */
#define ETHTOOL_GCOALESCE 0x0000000e   /* ethtool -c */
#define ETHTOOL_SCOALESCE 0x0000000f   /* ethtool -C */
#define ETHTOOL_GRINGPARAM 0x00000010  /* ethtool -g */
#define ETHTOOL_SRINGPARAM 0x00000011  /* ethtool -G */
#define ETHTOOL_GSTRINGS 0x0000001b    /* names of a string set */
#define ETHTOOL_GSTATS 0x0000001d      /* ethtool -S values */
#define ETHTOOL_GPERMADDR 0x00000020
#define ETHTOOL_GSSET_INFO 0x00000037  /* sizes of string sets */
#define ETHTOOL_GLINKSETTINGS 0x0000004c

/* String sets (ETHTOOL_GSTRINGS, get_sset_count) */
enum ethtool_stringset {
	ETH_SS_TEST = 0,
	ETH_SS_STATS = 1, /* the names of ethtool -S */
	ETH_SS_PRIV_FLAGS = 2,
};
#define ETH_GSTRING_LEN 32

/* Speeds and duplex, ethtool's values */
#define SPEED_10 10
#define SPEED_100 100
#define SPEED_1000 1000
#define SPEED_UNKNOWN (-1)
#define DUPLEX_HALF 0x00
#define DUPLEX_FULL 0x01
#define DUPLEX_UNKNOWN 0xff
#define PORT_TP 0x00
#define PORT_MII 0x02
#define XCVR_INTERNAL 0x00
#define AUTONEG_DISABLE 0x00
#define AUTONEG_ENABLE 0x01

/* Legacy link-mode bits (SUPPORTED_* == ADVERTISED_*) */
#define SUPPORTED_10baseT_Half (1u << 0)
#define SUPPORTED_10baseT_Full (1u << 1)
#define SUPPORTED_100baseT_Half (1u << 2)
#define SUPPORTED_100baseT_Full (1u << 3)
#define SUPPORTED_1000baseT_Half (1u << 4)
#define SUPPORTED_1000baseT_Full (1u << 5)
#define SUPPORTED_Autoneg (1u << 6)
#define SUPPORTED_TP (1u << 7)
#define SUPPORTED_MII (1u << 9)

/* ---- user-space structs: Linux's layouts ---- */

/* ETHTOOL_GSET (deprecated in Linux, still answered). 44 bytes. */
struct ethtool_cmd {
	uint32_t cmd;
	uint32_t supported;   /* SUPPORTED_* */
	uint32_t advertising; /* ADVERTISED_* */
	uint16_t speed;	      /* low 16 bits of Mb/s */
	uint8_t duplex;
	uint8_t port;
	uint8_t phy_address;
	uint8_t transceiver;
	uint8_t autoneg;
	uint8_t mdio_support;
	uint32_t maxtxpkt;
	uint32_t maxrxpkt;
	uint16_t speed_hi; /* high 16 bits */
	uint8_t eth_tp_mdix;
	uint8_t eth_tp_mdix_ctrl;
	uint32_t lp_advertising;
	uint32_t reserved[2];
};

/* ETHTOOL_GDRVINFO (ethtool -i). 196 bytes. */
struct ethtool_drvinfo {
	uint32_t cmd;
	char driver[32];   /* "e1000" */
	char version[32];  /* driver version */
	char fw_version[32];
	char bus_info[32]; /* "0000:00:03.0" */
	char erom_version[32];
	char reserved2[12];
	uint32_t n_priv_flags;
	uint32_t n_stats; /* entries in ETH_SS_STATS */
	uint32_t testinfo_len;
	uint32_t eedump_len;
	uint32_t regdump_len;
};

/* ETHTOOL_GLINK and other single values. */
struct ethtool_value {
	uint32_t cmd;
	uint32_t data;
};

/* ETHTOOL_GCOALESCE / ETHTOOL_SCOALESCE: 23 u32, 92 bytes. */
struct ethtool_coalesce {
	uint32_t cmd;
	uint32_t rx_coalesce_usecs;
	uint32_t rx_max_coalesced_frames;
	uint32_t rx_coalesce_usecs_irq;
	uint32_t rx_max_coalesced_frames_irq;
	uint32_t tx_coalesce_usecs;
	uint32_t tx_max_coalesced_frames;
	uint32_t tx_coalesce_usecs_irq;
	uint32_t tx_max_coalesced_frames_irq;
	uint32_t stats_block_coalesce_usecs;
	uint32_t use_adaptive_rx_coalesce;
	uint32_t use_adaptive_tx_coalesce;
	uint32_t pkt_rate_low;
	uint32_t rx_coalesce_usecs_low;
	uint32_t rx_max_coalesced_frames_low;
	uint32_t tx_coalesce_usecs_low;
	uint32_t tx_max_coalesced_frames_low;
	uint32_t pkt_rate_high;
	uint32_t rx_coalesce_usecs_high;
	uint32_t rx_max_coalesced_frames_high;
	uint32_t tx_coalesce_usecs_high;
	uint32_t tx_max_coalesced_frames_high;
	uint32_t rate_sample_interval;
};

/* ETHTOOL_GRINGPARAM (ethtool -g): descriptors per ring. 36 bytes. */
struct ethtool_ringparam {
	uint32_t cmd;
	uint32_t rx_max_pending;
	uint32_t rx_mini_max_pending;
	uint32_t rx_jumbo_max_pending;
	uint32_t tx_max_pending;
	uint32_t rx_pending;
	uint32_t rx_mini_pending;
	uint32_t rx_jumbo_pending;
	uint32_t tx_pending;
};

/* ETHTOOL_GSTRINGS: len strings of ETH_GSTRING_LEN bytes follow. */
struct ethtool_gstrings {
	uint32_t cmd;
	uint32_t string_set; /* ETH_SS_* */
	uint32_t len;	     /* out: number of strings */
	uint8_t data[];
};

/*
 * ETHTOOL_GSSET_INFO: in, a bit per string set asked about; out, the bits
 * of the sets the driver has, and one u32 count per such set in data[].
 */
struct ethtool_sset_info {
	uint32_t cmd;
	uint32_t reserved;
	uint64_t sset_mask;
	uint32_t data[];
};

/* ETHTOOL_GSTATS: n_stats u64 values follow, in ETH_SS_STATS order. */
struct ethtool_stats {
	uint32_t cmd;
	uint32_t n_stats;
	uint64_t data[];
};

/* ---- the driver side ---- */

/*
 * ethtool_ops.supported_coalesce_params: bit i = field i+1 of struct
 * ethtool_coalesce (the one after cmd is bit 0). Linux's values.
 */
#define ETHTOOL_COALESCE_RX_USECS (1u << 0)
#define ETHTOOL_COALESCE_RX_MAX_FRAMES (1u << 1)
#define ETHTOOL_COALESCE_RX_USECS_IRQ (1u << 2)
#define ETHTOOL_COALESCE_RX_MAX_FRAMES_IRQ (1u << 3)
#define ETHTOOL_COALESCE_TX_USECS (1u << 4)
#define ETHTOOL_COALESCE_TX_MAX_FRAMES (1u << 5)
#define ETHTOOL_COALESCE_NFIELDS 22

/*
 * Link settings as a driver reports them. Linux's struct
 * ethtool_link_ksettings has bitmaps of every link mode
 * (__ETHTOOL_LINK_MODE_MASK_NBITS); rxos keeps the legacy 32-bit masks,
 * enough for 10/100/1000BASE-T.
 */
struct ethtool_link_ksettings {
	struct {
		uint32_t speed; /* SPEED_*, or SPEED_UNKNOWN without link */
		uint8_t duplex; /* DUPLEX_* */
		uint8_t port;	/* PORT_* */
		uint8_t phy_address;
		uint8_t autoneg; /* AUTONEG_* */
	} base;
	struct {
		uint32_t supported, advertising, lp_advertising;
	} link_modes;
};

struct ethtool_ops {
	/* ETHTOOL_COALESCE_*: set_coalesce refuses the rest (-EOPNOTSUPP) */
	uint32_t supported_coalesce_params;
	void (*get_drvinfo)(struct net_device *dev,
			    struct ethtool_drvinfo *info);
	/* 1 if the link is up. Linux's default: ethtool_op_get_link. */
	uint32_t (*get_link)(struct net_device *dev);
	int (*get_link_ksettings)(struct net_device *dev,
				  struct ethtool_link_ksettings *ks);
	int (*get_coalesce)(struct net_device *dev, struct ethtool_coalesce *ec);
	int (*set_coalesce)(struct net_device *dev, struct ethtool_coalesce *ec);
	void (*get_ringparam)(struct net_device *dev,
			      struct ethtool_ringparam *ring);
	/* number of strings in set sset, or -EOPNOTSUPP */
	int (*get_sset_count)(struct net_device *dev, int sset);
	/* write count * ETH_GSTRING_LEN bytes of names at data */
	void (*get_strings)(struct net_device *dev, uint32_t sset,
			    uint8_t *data);
	/* write get_sset_count(ETH_SS_STATS) values at data */
	void (*get_ethtool_stats)(struct net_device *dev,
				  struct ethtool_stats *stats, uint64_t *data);
};

/* The generic get_link: carrier on (Linux: net/ethtool/ioctl.c). */
uint32_t ethtool_op_get_link(struct net_device *dev);

/* SIOCETHTOOL: ifr_data is the user pointer. 0 or -errno. Process context. */
struct ifreq;
int dev_ethtool(struct ifreq *ifr);

/* A Linux binary's ioctl must mean the same: the i386 ABI sizes. */
_Static_assert(sizeof(struct ethtool_cmd) == 44, "ethtool_cmd layout");
_Static_assert(sizeof(struct ethtool_drvinfo) == 196, "drvinfo layout");
_Static_assert(sizeof(struct ethtool_coalesce) == 92, "coalesce layout");
_Static_assert(sizeof(struct ethtool_ringparam) == 36, "ringparam layout");
_Static_assert(sizeof(struct ethtool_gstrings) == 12, "gstrings layout");
_Static_assert(__builtin_offsetof(struct ethtool_sset_info, data) == 16,
	       "sset_info layout");
_Static_assert(__builtin_offsetof(struct ethtool_stats, data) == 8,
	       "ethtool_stats layout");

#endif
