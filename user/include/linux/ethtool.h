/*
 * linux/ethtool.h - rxos user libc: the SIOCETHTOOL structs and command
 * numbers, Linux's include/uapi/linux/ethtool.h layouts (only the
 * commands rxos answers). Kept in step with the kernel's
 * net/ethtool/ethtool.h.
 */
#ifndef _RXOS_LINUX_ETHTOOL_H
#define _RXOS_LINUX_ETHTOOL_H

#include <stdint.h>

typedef uint8_t __u8;
typedef uint16_t __u16;
typedef uint32_t __u32;
typedef uint64_t __u64;

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
	__u32 cmd;
	__u32 supported;   /* SUPPORTED_* */
	__u32 advertising; /* ADVERTISED_* */
	__u16 speed;	      /* low 16 bits of Mb/s */
	__u8 duplex;
	__u8 port;
	__u8 phy_address;
	__u8 transceiver;
	__u8 autoneg;
	__u8 mdio_support;
	__u32 maxtxpkt;
	__u32 maxrxpkt;
	__u16 speed_hi; /* high 16 bits */
	__u8 eth_tp_mdix;
	__u8 eth_tp_mdix_ctrl;
	__u32 lp_advertising;
	__u32 reserved[2];
};

/* ETHTOOL_GDRVINFO (ethtool -i). 196 bytes. */
struct ethtool_drvinfo {
	__u32 cmd;
	char driver[32];   /* "e1000" */
	char version[32];  /* driver version */
	char fw_version[32];
	char bus_info[32]; /* "0000:00:03.0" */
	char erom_version[32];
	char reserved2[12];
	__u32 n_priv_flags;
	__u32 n_stats; /* entries in ETH_SS_STATS */
	__u32 testinfo_len;
	__u32 eedump_len;
	__u32 regdump_len;
};

/* ETHTOOL_GLINK and other single values. */
struct ethtool_value {
	__u32 cmd;
	__u32 data;
};

/* ETHTOOL_GCOALESCE / ETHTOOL_SCOALESCE: 23 u32, 92 bytes. */
struct ethtool_coalesce {
	__u32 cmd;
	__u32 rx_coalesce_usecs;
	__u32 rx_max_coalesced_frames;
	__u32 rx_coalesce_usecs_irq;
	__u32 rx_max_coalesced_frames_irq;
	__u32 tx_coalesce_usecs;
	__u32 tx_max_coalesced_frames;
	__u32 tx_coalesce_usecs_irq;
	__u32 tx_max_coalesced_frames_irq;
	__u32 stats_block_coalesce_usecs;
	__u32 use_adaptive_rx_coalesce;
	__u32 use_adaptive_tx_coalesce;
	__u32 pkt_rate_low;
	__u32 rx_coalesce_usecs_low;
	__u32 rx_max_coalesced_frames_low;
	__u32 tx_coalesce_usecs_low;
	__u32 tx_max_coalesced_frames_low;
	__u32 pkt_rate_high;
	__u32 rx_coalesce_usecs_high;
	__u32 rx_max_coalesced_frames_high;
	__u32 tx_coalesce_usecs_high;
	__u32 tx_max_coalesced_frames_high;
	__u32 rate_sample_interval;
};

/* ETHTOOL_GRINGPARAM (ethtool -g): descriptors per ring. 36 bytes. */
struct ethtool_ringparam {
	__u32 cmd;
	__u32 rx_max_pending;
	__u32 rx_mini_max_pending;
	__u32 rx_jumbo_max_pending;
	__u32 tx_max_pending;
	__u32 rx_pending;
	__u32 rx_mini_pending;
	__u32 rx_jumbo_pending;
	__u32 tx_pending;
};

/* ETHTOOL_GSTRINGS: len strings of ETH_GSTRING_LEN bytes follow. */
struct ethtool_gstrings {
	__u32 cmd;
	__u32 string_set; /* ETH_SS_* */
	__u32 len;	     /* out: number of strings */
	__u8 data[];
};

/*
 * ETHTOOL_GSSET_INFO: in, a bit per string set asked about; out, the bits
 * of the sets the driver has, and one u32 count per such set in data[].
 */
struct ethtool_sset_info {
	__u32 cmd;
	__u32 reserved;
	__u64 sset_mask;
	__u32 data[];
};

/* ETHTOOL_GSTATS: n_stats u64 values follow, in ETH_SS_STATS order. */
struct ethtool_stats {
	__u32 cmd;
	__u32 n_stats;
	__u64 data[];
};

#endif
