/*
 * netdevice.h - network interfaces, NAPI and the packet type table
 * (Linux: include/linux/netdevice.h, include/uapi/linux/if.h).
 *
 * struct net_device is what `ifconfig` shows: a name (eth0), flags
 * (UP, BROADCAST, PROMISC ...), MTU, hardware address, counters, and the
 * driver's operations. A driver allocates one with alloc_etherdev()
 * (its private state follows the struct: netdev_priv()), fills netdev_ops,
 * and register_netdev() gives it a name and an ifindex.
 *
 * struct napi_struct is the driver's hook into the receive softirq: the
 * hard IRQ handler calls napi_schedule(); net_rx_action() later calls the
 * driver's poll() with a budget (weight, 64) of frames to take off the RX
 * ring. NAPI state machine (state bits):
 *
 *                 napi_enable()              napi_schedule() [hardirq]
 *      DISABLED ----------------> IDLE ---------------------------> SCHED
 *      SCHED set   <-------------  no bits  <---------------------  SCHED set,
 *                  napi_disable()             napi_complete_done()  on the
 *                                             [poll, under weight]  poll list
 *
 *   DISABLED: SCHED held by the owner, so napi_schedule() cannot take it.
 *   IDLE:     the device's RX interrupt is unmasked.
 *   SCHED:    on softnet_data.poll_list (or being polled); the driver keeps
 *             its RX interrupt masked. A poll that uses its whole weight
 *             stays SCHED and goes to the back of the list.
 *
 * struct packet_type is a receiver of frames: ptype_all taps (ETH_P_ALL:
 * AF_PACKET, tcpdump) see every frame; ptype_base handlers get the frames
 * of one ethertype (ip_rcv for 0x0800, arp_rcv for 0x0806).
 *
 * Contexts: registration, open/close and flag changes run in process
 * context (Linux holds the RTNL mutex there); napi_schedule in hardirq;
 * poll, netif_receive_skb and the packet handlers in softirq;
 * dev_queue_xmit in process or softirq context.
 */
#ifndef RXOS_NET_CORE_NETDEVICE_H
#define RXOS_NET_CORE_NETDEVICE_H

#include "kernel/atomic.h"
#include "kernel/bitops.h"
#include "kernel/kernel.h"
#include "kernel/list.h"
#include "net/core/skbuff.h"

#define IFNAMSIZ 16
#define MAX_ADDR_LEN 6 /* Linux: 32, for link layers with longer addresses */

/* Interface flags, Linux's values (uapi/linux/if.h): ifconfig prints them. */
#define IFF_UP 0x1	  /* administratively up (dev_open) */
#define IFF_BROADCAST 0x2 /* broadcast address valid */
#define IFF_DEBUG 0x4
#define IFF_LOOPBACK 0x8
#define IFF_POINTOPOINT 0x10
#define IFF_NOTRAILERS 0x20
#define IFF_RUNNING 0x40 /* up and carrier: reported, not set */
#define IFF_NOARP 0x80
#define IFF_PROMISC 0x100  /* receive all frames */
#define IFF_ALLMULTI 0x200 /* receive all multicast frames */
#define IFF_MULTICAST 0x1000
#define IFF_LOWER_UP 0x10000 /* carrier: reported, not set */

/* Hardware types (Linux: uapi/linux/if_arp.h) */
#define ARPHRD_ETHER 1
#define ARPHRD_LOOPBACK 772

/* name_assign_type: how the name was chosen (Linux exports it in sysfs). */
#define NET_NAME_UNKNOWN 0
#define NET_NAME_ENUM 1	       /* from a template: eth%d */
#define NET_NAME_PREDICTABLE 2 /* fixed by the driver: lo */
#define NET_NAME_USER 3

/* Counters, as `ip -s link` and /proc/net/dev show them. */
struct rtnl_link_stats64 {
	uint64_t rx_packets, tx_packets;
	uint64_t rx_bytes, tx_bytes;
	uint64_t rx_errors, tx_errors;	 /* bad frames in total */
	uint64_t rx_dropped, tx_dropped; /* good frames with no room for them */
	uint64_t multicast;		 /* multicast frames received */
	uint64_t collisions;
	/* detailed rx errors */
	uint64_t rx_length_errors;
	uint64_t rx_over_errors; /* receiver ring overrun ("overruns") */
	uint64_t rx_crc_errors;
	uint64_t rx_frame_errors;  /* frame alignment */
	uint64_t rx_fifo_errors;   /* NIC FIFO overrun */
	uint64_t rx_missed_errors; /* NIC had no buffer: frame lost */
	/* detailed tx errors */
	uint64_t tx_aborted_errors;
	uint64_t tx_carrier_errors;
	uint64_t tx_fifo_errors;
	uint64_t tx_heartbeat_errors;
	uint64_t tx_window_errors;
	uint64_t rx_compressed, tx_compressed;
	uint64_t rx_nohandler; /* dropped: no handler (bonding's exact match) */
};

/* Drops the core counts itself; dev_get_stats adds them to the driver's. */
struct net_device_core_stats {
	unsigned long rx_dropped;
	unsigned long tx_dropped;
	unsigned long rx_nohandler;
};

/* What ndo_start_xmit says about a frame. */
typedef enum netdev_tx {
	NETDEV_TX_OK = 0x00, /* taken: the driver owns (and will free) skb */
	NETDEV_TX_BUSY =
		0x10, /* ring full, skb NOT taken: caller still owns it */
} netdev_tx_t;

/* Returns of netif_receive_skb / packet handlers, and of dev_queue_xmit. */
#define NET_RX_SUCCESS 0
#define NET_RX_DROP 1
#define NET_XMIT_SUCCESS 0x00
#define NET_XMIT_DROP 0x01

struct net_device;

/* The driver's operations. All but ndo_start_xmit: process context. */
struct net_device_ops {
	int (*ndo_open)(struct net_device *dev); /* ifconfig up: rings, IRQ */
	int (*ndo_stop)(struct net_device *dev); /* ifconfig down */
	/* process or softirq context, bottom halves off */
	netdev_tx_t (*ndo_start_xmit)(struct sk_buff *skb,
				      struct net_device *dev);
	/* program the NIC's filter from dev->flags (IFF_PROMISC, IFF_ALLMULTI) */
	void (*ndo_set_rx_mode)(struct net_device *dev);
	/* addr points to a struct sockaddr: family, then the address */
	int (*ndo_set_mac_address)(struct net_device *dev, void *addr);
	/* within [min_mtu, max_mtu]; the driver sets dev->mtu itself */
	int (*ndo_change_mtu)(struct net_device *dev, int new_mtu);
	/* counters the driver keeps elsewhere (hardware registers) */
	void (*ndo_get_stats64)(struct net_device *dev,
				struct rtnl_link_stats64 *storage);
};

/* Building the link-layer header on transmit (eth_header for Ethernet). */
struct header_ops {
	/* returns the header length, or its negative if daddr is still unknown */
	int (*create)(struct sk_buff *skb, struct net_device *dev,
		      unsigned short type, const void *daddr, const void *saddr,
		      unsigned int len);
};

struct ethtool_ops;

/* dev->state bits (Linux: enum netdev_state_t) */
enum netdev_state_t {
	__LINK_STATE_START,	/* opened: netif_running() */
	__LINK_STATE_PRESENT,	/* registered, hardware there */
	__LINK_STATE_NOCARRIER, /* no link (cable out) */
};

/* dev->queue_state bits (Linux: per netdev_queue) */
enum netdev_queue_state_t {
	__QUEUE_STATE_DRV_XOFF, /* driver stopped the queue: TX ring full */
};

enum netdev_reg_state {
	NETREG_UNINITIALIZED = 0,
	NETREG_REGISTERED,
	NETREG_UNREGISTERED,
};

struct net_device {
	char name[IFNAMSIZ]; /* "eth0"; a template "eth%d" until registered */
	int ifindex;	     /* 1, 2, ... never reused while up */
	struct list_head dev_list;  /* on dev_base_head */
	struct list_head napi_list; /* this device's napi_structs */
	const struct net_device_ops *netdev_ops;
	const struct header_ops *header_ops;
	const struct ethtool_ops *ethtool_ops;

	unsigned int flags;  /* IFF_*, as the administrator set them */
	unsigned int gflags; /* IFF_PROMISC/ALLMULTI the user asked for */
	int promiscuity;     /* users of promiscuous mode (tcpdump, user) */
	int allmulti;
	volatile unsigned long state;	    /* __LINK_STATE_* bits */
	volatile unsigned long queue_state; /* __QUEUE_STATE_* bits */
	unsigned char reg_state;

	unsigned int mtu, min_mtu, max_mtu;
	unsigned short type;		/* ARPHRD_ETHER */
	unsigned short hard_header_len; /* ETH_HLEN */
	unsigned char addr_len;		/* ETH_ALEN */
	unsigned char dev_addr[MAX_ADDR_LEN];
	unsigned char broadcast[MAX_ADDR_LEN];
	unsigned int tx_queue_len;

	/*
	 * The driver's counters (Linux keeps unsigned long net_device_stats
	 * here; rxos uses the 64-bit form throughout). Updated in softirq
	 * by the driver; process context reads them (a torn 64-bit read is
	 * possible on i386 and harmless for a statistic).
	 */
	struct rtnl_link_stats64 stats;
	struct net_device_core_stats core_stats;

	/* hardware resources, as ifconfig shows them */
	unsigned int irq;
	unsigned long base_addr; /* I/O port base */
	unsigned long mem_start, mem_end;

	void *ip_ptr;	 /* IPv4 state (struct in_device), owned by net/ipv4 */
	atomic_t refcnt; /* dev_hold() references */
};

/*
 * Headroom to leave for the link-layer header (Linux: LL_RESERVED_SPACE,
 * rounded to HH_DATA_MOD). Protocols that build packets reserve it, so
 * the Ethernet header is pushed without copying.
 */
#define HH_DATA_MOD 16
#define LL_RESERVED_SPACE(dev) \
	(((dev)->hard_header_len & ~(HH_DATA_MOD - 1)) + HH_DATA_MOD)
#define LL_MAX_HEADER 32 /* the most any device needs (Linux: 32 w/o WiFi) */
#define MAX_HEADER LL_MAX_HEADER

/* The driver's private area follows the net_device. */
#define NETDEV_ALIGN 32
static inline void *netdev_priv(const struct net_device *dev)
{
	return (char *)dev + ALIGN_UP(sizeof(struct net_device), NETDEV_ALIGN);
}

/* ---- devices (dev.c) ---- */
extern struct list_head dev_base_head;
#define for_each_netdev(d) list_for_each_entry(d, &dev_base_head, dev_list)

struct net_device *alloc_netdev(int sizeof_priv, const char *name,
				unsigned char name_assign_type,
				void (*setup)(struct net_device *));
void free_netdev(struct net_device *dev);
int register_netdev(struct net_device *dev);
void unregister_netdev(struct net_device *dev);
int dev_alloc_name(struct net_device *dev, const char *name);
/* With a reference (dev_put when done) / without one (caller keeps RTNL). */
struct net_device *dev_get_by_name(const char *name);
struct net_device *dev_get_by_index(int ifindex);
struct net_device *__dev_get_by_name(const char *name);
struct net_device *__dev_get_by_index(int ifindex);

int dev_open(struct net_device *dev);
int dev_close(struct net_device *dev);
unsigned int dev_get_flags(const struct net_device *dev);
int dev_change_flags(struct net_device *dev, unsigned int flags);
int dev_set_promiscuity(struct net_device *dev, int inc);
int dev_set_allmulti(struct net_device *dev, int inc);
void dev_set_rx_mode(struct net_device *dev);
int dev_set_mtu(struct net_device *dev, int new_mtu);
struct rtnl_link_stats64 *dev_get_stats(struct net_device *dev,
					struct rtnl_link_stats64 *storage);

static inline void dev_hold(struct net_device *dev)
{
	atomic_inc(&dev->refcnt);
}

static inline void dev_put(struct net_device *dev)
{
	atomic_dec(&dev->refcnt);
}

static inline bool netif_running(const struct net_device *dev)
{
	return test_bit(__LINK_STATE_START, &dev->state);
}

static inline bool netif_device_present(const struct net_device *dev)
{
	return test_bit(__LINK_STATE_PRESENT, &dev->state);
}

/* ---- carrier: the driver reports link up/down (dev.c) ---- */
void netif_carrier_on(struct net_device *dev);
void netif_carrier_off(struct net_device *dev);

static inline bool netif_carrier_ok(const struct net_device *dev)
{
	return !test_bit(__LINK_STATE_NOCARRIER, &dev->state);
}

/*
 * ---- the TX queue: the driver stops it when its ring is full and wakes it
 * from TX completion. Linux then reschedules the qdisc to send what
 * waited; rxos has no qdisc, so dev_queue_xmit drops while stopped.
 */
static inline void netif_start_queue(struct net_device *dev)
{
	clear_bit(__QUEUE_STATE_DRV_XOFF, &dev->queue_state);
}

static inline void netif_wake_queue(struct net_device *dev)
{
	clear_bit(__QUEUE_STATE_DRV_XOFF, &dev->queue_state);
}

static inline void netif_stop_queue(struct net_device *dev)
{
	set_bit(__QUEUE_STATE_DRV_XOFF, &dev->queue_state);
}

static inline bool netif_queue_stopped(const struct net_device *dev)
{
	return test_bit(__QUEUE_STATE_DRV_XOFF, &dev->queue_state);
}

static inline int dev_hard_header(struct sk_buff *skb, struct net_device *dev,
				  unsigned short type, const void *daddr,
				  const void *saddr, unsigned int len)
{
	if (!dev->header_ops || !dev->header_ops->create)
		return 0;
	return dev->header_ops->create(skb, dev, type, daddr, saddr, len);
}

/* ---- NAPI (dev.c) ---- */
#define NAPI_POLL_WEIGHT 64

enum {
	NAPI_STATE_SCHED,   /* owned: scheduled, being polled, or disabled */
	NAPI_STATE_DISABLE, /* napi_disable() is waiting for it */
};

struct napi_struct {
	struct list_head poll_list; /* on softnet_data.poll_list while SCHED */
	volatile unsigned long state;
	int weight; /* frames per poll (64) */
	/* softirq: take up to budget frames; return how many were taken */
	int (*poll)(struct napi_struct *napi, int budget);
	struct net_device *dev;
	struct list_head dev_list; /* on dev->napi_list */
};

void netif_napi_add(struct net_device *dev, struct napi_struct *napi,
		    int (*poll)(struct napi_struct *, int));
void netif_napi_add_weight(struct net_device *dev, struct napi_struct *napi,
			   int (*poll)(struct napi_struct *, int), int weight);
void netif_napi_del(struct napi_struct *napi);
void napi_enable(struct napi_struct *n);
void napi_disable(struct napi_struct *n);
bool napi_schedule_prep(struct napi_struct *n);
void __napi_schedule(struct napi_struct *n);
bool napi_complete_done(struct napi_struct *n, int work_done);

/* hardirq: "there is RX work", once; later calls are no-ops until done. */
static inline bool napi_schedule(struct napi_struct *n)
{
	if (!napi_schedule_prep(n))
		return false;
	__napi_schedule(n);
	return true;
}

static inline bool napi_complete(struct napi_struct *n)
{
	return napi_complete_done(n, 0);
}

/* ---- the per-CPU receive state (one CPU here) ---- */
struct softnet_data {
	struct list_head
		poll_list; /* scheduled napi_structs; IRQs off to touch */
	struct sk_buff_head input_pkt_queue; /* netif_rx backlog */
	struct napi_struct backlog;	     /* polls input_pkt_queue */
	/* the /proc/net/softnet_stat columns */
	unsigned int processed;	   /* frames into __netif_receive_skb_core */
	unsigned int dropped;	   /* backlog full */
	unsigned int time_squeeze; /* net_rx_action left work undone */
};
extern struct softnet_data softnet_data;

/* Tunables, Linux's names and defaults (/proc/sys/net/core/...). */
extern int netdev_budget;      /* frames per net_rx_action: 300 */
extern int netdev_max_backlog; /* input_pkt_queue limit: 1000 */
extern int dev_rx_weight;      /* backlog NAPI weight: 64 */

/* ---- receive and transmit (dev.c) ---- */
struct packet_type {
	__be16 type;		/* htons(ETH_P_IP), or htons(ETH_P_ALL) */
	struct net_device *dev; /* NULL: frames of every device */
	/*
	 * softirq. Owns one reference to skb: must consume or free it. The
	 * skb may be shared with other handlers (skb_shared): clone before
	 * changing it (skb_share_check).
	 */
	int (*func)(struct sk_buff *skb, struct net_device *dev,
		    struct packet_type *pt, struct net_device *orig_dev);
	void *af_packet_priv; /* owning packet socket: skip its own TX */
	bool ignore_outgoing; /* a tap that wants RX only */
	struct list_head list;
};

void net_dev_init(void);
void dev_add_pack(struct packet_type *pt);
void dev_remove_pack(struct packet_type *pt);
int netif_receive_skb(struct sk_buff *skb);
int netif_rx(struct sk_buff *skb);
int dev_queue_xmit(struct sk_buff *skb);

typedef enum gro_result {
	GRO_MERGED,
	GRO_MERGED_FREE,
	GRO_HELD,
	GRO_NORMAL,
	GRO_CONSUMED,
} gro_result_t;
gro_result_t napi_gro_receive(struct napi_struct *napi, struct sk_buff *skb);

/* ---- /proc/net/dev and /proc/net/softnet_stat text (net-procfs.c) ---- */
int dev_seq_show_all(char *buf, int len);
int softnet_seq_show_all(char *buf, int len);
int dev_proc_init(void); /* registers them, and netdev_budget; boot */

/*
 * ---- interface ioctls (dev_ioctl.c): the socket layer's inet_ioctl hands
 * over every SIOC* it does not handle itself, on its kernel copy of the
 * struct ifreq; *need_copyout says whether to copy ifr back. 0 or -errno.
 */
struct ifreq;
struct ifconf;
int dev_ioctl(unsigned int cmd, struct ifreq *ifr, bool *need_copyout);
/* SIOCGIFCONF (one ifreq per IPv4 address); ifc is the kernel copy,
 * ifc->ifc_buf a user pointer. */
int dev_ifconf(struct ifconf *ifc);

#endif
