/*
 * dev.c - network devices, NAPI and the link-layer receive/transmit core
 * (Linux: net/core/dev.c).
 *
 * Part 1, devices (process context; Linux holds the RTNL mutex):
 *   alloc_netdev -> register_netdev (name "eth%d" -> eth0, ifindex)
 *   dev_open / dev_close (ifconfig up/down) -> ndo_open / ndo_stop
 *   dev_change_flags, dev_set_promiscuity -> ndo_set_rx_mode
 *
 * Part 2, receive - stages 4 to 7 of the receive path:
 *
 *   [hardirq] e1000_intr -> napi_schedule -> __napi_schedule
 *             puts the napi_struct on softnet_data.poll_list and raises
 *             NET_RX_SOFTIRQ
 *   [softirq] net_rx_action: poll each scheduled napi (driver's poll,
 *             weight 64) until netdev_budget (300) frames or 2 jiffies
 *     e1000_clean -> eth_type_trans -> napi_gro_receive
 *       -> netif_receive_skb -> __netif_receive_skb_core:
 *          every ptype_all tap (tcpdump) gets the frame, then the
 *          ptype_base handler of its ethertype (ip_rcv, arp_rcv);
 *          no handler: dropped, UNHANDLED_PROTO
 *
 * Part 3, transmit: dev_queue_xmit -> taps see the frame (PACKET_OUTGOING)
 *   -> ndo_start_xmit. Linux puts a qdisc (queueing discipline) in between.
 *
 * rxos has one CPU: softnet_data is a single global (Linux: per CPU), and
 * disabling interrupts is enough to guard the poll list against the hard
 * IRQ handler. Linux also has GRO, RPS, busy polling, threaded NAPI, XDP,
 * VLAN and rx_handler (bridge/bonding) steps, which rxos leaves out.
 */
#include "net/core/netdevice.h"
#include "kernel/errno.h"
#include "kernel/interrupt.h"
#include "kernel/mm/slab.h"
#include "kernel/printk.h"
#include "kernel/time.h"
#include "kernel/timer.h"
#include "lib/string.h"
#include "lib/vsprintf.h"
#include "net/ethernet/if_ether.h"

/* ==== Part 1: devices ==== */

LIST_HEAD(dev_base_head); /* registered devices, in registration order */
static int dev_ifindex_next = 1;

/* Valid: non-empty, fits IFNAMSIZ, no '/', ':' or blanks, not "." or "..". */
static bool dev_valid_name(const char *name)
{
	if (!*name || strnlen(name, IFNAMSIZ) == IFNAMSIZ)
		return false;
	if (!strcmp(name, ".") || !strcmp(name, ".."))
		return false;
	for (; *name; name++)
		if (*name == '/' || *name == ':' || *name == ' ' ||
		    *name == '\t' || *name == '\n')
			return false;
	return true;
}

struct net_device *__dev_get_by_name(const char *name)
{
	struct net_device *dev;

	for_each_netdev(dev)
		if (!strncmp(dev->name, name, IFNAMSIZ))
			return dev;
	return NULL;
}

struct net_device *__dev_get_by_index(int ifindex)
{
	struct net_device *dev;

	for_each_netdev(dev)
		if (dev->ifindex == ifindex)
			return dev;
	return NULL;
}

struct net_device *dev_get_by_name(const char *name)
{
	struct net_device *dev = __dev_get_by_name(name);

	if (dev)
		dev_hold(dev);
	return dev;
}

struct net_device *dev_get_by_index(int ifindex)
{
	struct net_device *dev = __dev_get_by_index(ifindex);

	if (dev)
		dev_hold(dev);
	return dev;
}

/* The template has exactly one "%d" and no other '%'. */
static bool dev_name_template_ok(const char *name)
{
	const char *p = strchr(name, '%');

	return p && p[1] == 'd' && !strchr(p + 2, '%');
}

/*
 * Turn "eth%d" into the lowest unused eth<N> and store it in dev->name.
 * Returns N, or -EINVAL (bad template), -ENFILE (all numbers taken).
 * Linux: __dev_alloc_name, which scans a bitmap of the numbers in use.
 */
int dev_alloc_name(struct net_device *dev, const char *name)
{
	char buf[IFNAMSIZ];

	if (!dev_name_template_ok(name))
		return -EINVAL;
	for (int i = 0; i < 32768; i++) {
		if (snprintf(buf, sizeof(buf), name, i) >= IFNAMSIZ)
			return -EINVAL;
		if (!__dev_get_by_name(buf)) {
			strlcpy(dev->name, buf, IFNAMSIZ);
			return i;
		}
	}
	return -ENFILE;
}

/* A template gets a number; a fixed name must be valid and unused. */
static int dev_get_valid_name(struct net_device *dev, const char *name)
{
	char tmpl[IFNAMSIZ];

	if (strchr(name, '%')) {
		strlcpy(tmpl, name, sizeof(tmpl));
		return dev_alloc_name(dev, tmpl) < 0 ? -EINVAL : 0;
	}
	if (!dev_valid_name(name))
		return -EINVAL;
	return __dev_get_by_name(name) ? -EEXIST : 0;
}

/*
 * Allocate a net_device with sizeof_priv bytes for the driver after it,
 * zeroed. setup() fills the link-layer defaults (ether_setup). NULL when
 * out of memory. Process context.
 */
struct net_device *alloc_netdev(int sizeof_priv, const char *name,
				unsigned char name_assign_type,
				void (*setup)(struct net_device *))
{
	size_t size = ALIGN_UP(sizeof(struct net_device), NETDEV_ALIGN);
	struct net_device *dev;

	if (sizeof_priv < 0 || strnlen(name, IFNAMSIZ) == IFNAMSIZ)
		return NULL;
	dev = kzalloc(size + sizeof_priv, GFP_KERNEL);
	if (!dev)
		return NULL;
	strlcpy(dev->name, name, IFNAMSIZ);
	INIT_LIST_HEAD(&dev->dev_list);
	INIT_LIST_HEAD(&dev->napi_list);
	dev->mtu = dev->max_mtu = ETH_DATA_LEN;
	setup(dev);
	return dev;
}

/*
 * Make the device visible: a name (eth%d -> eth0), an ifindex, a place on
 * the device list. It is still down; `ifconfig eth0 up` opens it.
 * 0, -EINVAL (bad name, registered twice) or -EEXIST (name taken).
 * Linux: register_netdevice under rtnl_lock, plus NETDEV_REGISTER
 * notifiers, sysfs and the qdisc setup.
 */
int register_netdev(struct net_device *dev)
{
	int ret;

	if (dev->reg_state != NETREG_UNINITIALIZED || !dev->netdev_ops)
		return -EINVAL;
	ret = dev_get_valid_name(dev, dev->name);
	if (ret)
		return ret;
	dev->ifindex = dev_ifindex_next++;
	set_bit(__LINK_STATE_PRESENT, &dev->state);
	list_add_tail(&dev->dev_list, &dev_base_head);
	dev->reg_state = NETREG_REGISTERED;
	return 0;
}

static void ptype_forget_dev(struct net_device *dev);
static void flush_backlog(struct net_device *dev);

/*
 * Close it if open, take it off the list, forget every reference the core
 * holds to it. free_netdev() comes after.
 */
void unregister_netdev(struct net_device *dev)
{
	if (dev->reg_state != NETREG_REGISTERED)
		return;
	dev_close(dev);
	ptype_forget_dev(dev);
	flush_backlog(dev);
	list_del_init(&dev->dev_list);
	clear_bit(__LINK_STATE_PRESENT, &dev->state);
	dev->reg_state = NETREG_UNREGISTERED;
}

/*
 * Free a device that was never registered or is unregistered. Linux
 * waits here for the last dev_put (printing the message below every 10
 * seconds); rxos cannot wait, so it logs and leaks rather than free
 * memory someone still points to.
 */
void free_netdev(struct net_device *dev)
{
	struct napi_struct *p, *n;

	if (!dev)
		return;
	if (dev->reg_state == NETREG_REGISTERED) {
		printk(KERN_ERR "free_netdev: %s is still registered\n",
		       dev->name);
		return;
	}
	if (atomic_read(&dev->refcnt)) {
		printk(KERN_ERR
		       "unregister_netdevice: waiting for %s to become free. Usage count = %d\n",
		       dev->name, atomic_read(&dev->refcnt));
		return;
	}
	list_for_each_entry_safe(p, n, &dev->napi_list, dev_list)
		netif_napi_del(p);
	kfree(dev);
}

/* ---- open, close, flags ---- */

/* Tell the driver to reprogram its filter (promiscuous, multicast). */
void dev_set_rx_mode(struct net_device *dev)
{
	const struct net_device_ops *ops = dev->netdev_ops;

	if (!(dev->flags & IFF_UP) || !netif_device_present(dev))
		return;
	if (ops->ndo_set_rx_mode)
		ops->ndo_set_rx_mode(dev);
}

/*
 * ifconfig eth0 up: the driver allocates its rings, requests its IRQ and
 * enables NAPI in ndo_open. Returns 0 (also if already up) or the
 * driver's error, in which case the device stays down.
 */
int dev_open(struct net_device *dev)
{
	const struct net_device_ops *ops = dev->netdev_ops;
	int ret = 0;

	if (dev->flags & IFF_UP)
		return 0;
	if (!netif_device_present(dev))
		return -ENODEV;
	set_bit(__LINK_STATE_START, &dev->state);
	if (ops->ndo_open)
		ret = ops->ndo_open(dev);
	if (ret) {
		clear_bit(__LINK_STATE_START, &dev->state);
		return ret;
	}
	dev->flags |= IFF_UP;
	dev_set_rx_mode(dev);
	return 0;
}

/* ifconfig eth0 down. Linux also deactivates the qdisc and notifies. */
int dev_close(struct net_device *dev)
{
	const struct net_device_ops *ops = dev->netdev_ops;

	if (!(dev->flags & IFF_UP))
		return 0;
	clear_bit(__LINK_STATE_START, &dev->state);
	if (ops->ndo_stop)
		ops->ndo_stop(dev);
	dev->flags &= ~IFF_UP;
	return 0;
}

/*
 * Flags as user space sees them (SIOCGIFFLAGS, ifconfig): PROMISC and
 * ALLMULTI as the user asked (not tcpdump's), RUNNING and LOWER_UP from
 * the carrier.
 */
unsigned int dev_get_flags(const struct net_device *dev)
{
	unsigned int flags;

	flags = (dev->flags &
		 ~(IFF_PROMISC | IFF_ALLMULTI | IFF_RUNNING | IFF_LOWER_UP)) |
		(dev->gflags & (IFF_PROMISC | IFF_ALLMULTI));
	if (netif_running(dev) && netif_carrier_ok(dev))
		flags |= IFF_RUNNING | IFF_LOWER_UP;
	return flags;
}

/*
 * Count a user of a receive mode (promiscuity, allmulti). The flag is on
 * while the count is positive; the driver hears about each change.
 */
static int dev_mode_count(struct net_device *dev, int *count, unsigned int flag,
			  int inc)
{
	unsigned int old = dev->flags;

	if (*count + inc < 0)
		return -EINVAL;
	*count += inc;
	if (*count)
		dev->flags |= flag;
	else
		dev->flags &= ~flag;
	if (dev->flags != old)
		dev_set_rx_mode(dev);
	return dev->flags != old;
}

/* +1/-1 per user: ifconfig promisc, each tcpdump (packet socket). */
int dev_set_promiscuity(struct net_device *dev, int inc)
{
	int changed = dev_mode_count(dev, &dev->promiscuity, IFF_PROMISC, inc);

	if (changed > 0)
		printk(KERN_INFO "device %s %s promiscuous mode\n", dev->name,
		       (dev->flags & IFF_PROMISC) ? "entered" : "left");
	return changed < 0 ? changed : 0;
}

int dev_set_allmulti(struct net_device *dev, int inc)
{
	int changed = dev_mode_count(dev, &dev->allmulti, IFF_ALLMULTI, inc);

	return changed < 0 ? changed : 0;
}

/* The user's own PROMISC/ALLMULTI request counts once, however often set. */
static void dev_change_user_mode(struct net_device *dev, unsigned int flags,
				 unsigned int flag)
{
	int inc = (flags & flag) ? 1 : -1;

	if (!((flags ^ dev->gflags) & flag))
		return;
	dev->gflags ^= flag;
	if (flag == IFF_PROMISC)
		dev_set_promiscuity(dev, inc);
	else
		dev_set_allmulti(dev, inc);
}

#define IFF_USER_CHANGEABLE \
	(IFF_DEBUG | IFF_NOTRAILERS | IFF_NOARP | IFF_MULTICAST)

/* SIOCSIFFLAGS (ifconfig eth0 up/down/promisc). 0 or a dev_open error. */
int dev_change_flags(struct net_device *dev, unsigned int flags)
{
	int ret = 0;

	dev->flags = (dev->flags & ~IFF_USER_CHANGEABLE) |
		     (flags & IFF_USER_CHANGEABLE);
	if ((dev->flags ^ flags) & IFF_UP)
		ret = (flags & IFF_UP) ? dev_open(dev) : dev_close(dev);
	dev_change_user_mode(dev, flags, IFF_PROMISC);
	dev_change_user_mode(dev, flags, IFF_ALLMULTI);
	return ret;
}

/* 0, or -EINVAL outside [min_mtu, max_mtu], or the driver's error. */
int dev_set_mtu(struct net_device *dev, int new_mtu)
{
	const struct net_device_ops *ops = dev->netdev_ops;

	if (new_mtu == (int)dev->mtu)
		return 0;
	if (new_mtu < (int)dev->min_mtu || new_mtu > (int)dev->max_mtu)
		return -EINVAL;
	if (ops->ndo_change_mtu)
		return ops->ndo_change_mtu(dev, new_mtu);
	dev->mtu = new_mtu;
	return 0;
}

/* The driver's counters plus the drops the core counted. */
struct rtnl_link_stats64 *dev_get_stats(struct net_device *dev,
					struct rtnl_link_stats64 *storage)
{
	if (dev->netdev_ops->ndo_get_stats64) {
		memset(storage, 0, sizeof(*storage));
		dev->netdev_ops->ndo_get_stats64(dev, storage);
	} else {
		*storage = dev->stats;
	}
	storage->rx_dropped += dev->core_stats.rx_dropped;
	storage->tx_dropped += dev->core_stats.tx_dropped;
	storage->rx_nohandler += dev->core_stats.rx_nohandler;
	return storage;
}

/*
 * Link state from the driver (any context). Linux also queues a
 * linkwatch event that updates operstate and tells user space.
 */
void netif_carrier_on(struct net_device *dev)
{
	clear_bit(__LINK_STATE_NOCARRIER, &dev->state);
}

void netif_carrier_off(struct net_device *dev)
{
	set_bit(__LINK_STATE_NOCARRIER, &dev->state);
}

/* ==== Part 2: NAPI and receive ==== */

struct softnet_data softnet_data;
int netdev_budget = 300;
int netdev_max_backlog = 1000;
int dev_rx_weight = 64;
/* net_rx_action's time limit. Linux today: netdev_budget_usecs = 2000. */
#define NETDEV_BUDGET_JIFFIES 2

#define PTYPE_HASH_SIZE 16
#define PTYPE_HASH_MASK (PTYPE_HASH_SIZE - 1)
static LIST_HEAD(ptype_all);			     /* taps */
static struct list_head ptype_base[PTYPE_HASH_SIZE]; /* by ethertype */

/*
 * NAPI starts disabled (SCHED held), as in Linux: the driver enables it
 * in ndo_open once its ring is ready.
 */
void netif_napi_add_weight(struct net_device *dev, struct napi_struct *napi,
			   int (*poll)(struct napi_struct *, int), int weight)
{
	INIT_LIST_HEAD(&napi->poll_list);
	napi->state = BIT(NAPI_STATE_SCHED);
	napi->weight = weight;
	napi->poll = poll;
	napi->dev = dev;
	list_add_tail(&napi->dev_list, &dev->napi_list);
}

void netif_napi_add(struct net_device *dev, struct napi_struct *napi,
		    int (*poll)(struct napi_struct *, int))
{
	netif_napi_add_weight(dev, napi, poll, NAPI_POLL_WEIGHT);
}

void netif_napi_del(struct napi_struct *napi)
{
	list_del_init(&napi->dev_list);
}

/* DISABLED -> IDLE. Process context (ndo_open). */
void napi_enable(struct napi_struct *n)
{
	clear_bit(NAPI_STATE_DISABLE, &n->state);
	clear_bit(NAPI_STATE_SCHED, &n->state);
}

/*
 * -> DISABLED: wait until we own SCHED. If the napi is scheduled, the
 * pending NET_RX softirq polls it, sees DISABLE and completes it. Process
 * context (ndo_stop), after the driver masked its interrupts.
 */
void napi_disable(struct napi_struct *n)
{
	set_bit(NAPI_STATE_DISABLE, &n->state);
	while (test_and_set_bit(NAPI_STATE_SCHED, &n->state))
		do_softirq();
	clear_bit(NAPI_STATE_DISABLE, &n->state);
}

/* IDLE -> SCHED if nobody owns it. Any context. */
bool napi_schedule_prep(struct napi_struct *n)
{
	if (test_bit(NAPI_STATE_DISABLE, &n->state))
		return false;
	return !test_and_set_bit(NAPI_STATE_SCHED, &n->state);
}

/* Interrupts off: add to the poll list, raise the softirq. */
static void ____napi_schedule(struct softnet_data *sd, struct napi_struct *napi)
{
	list_add_tail(&napi->poll_list, &sd->poll_list);
	__raise_softirq_irqoff(NET_RX_SOFTIRQ);
}

/* Stage 4. The caller owns SCHED (napi_schedule_prep said yes). */
/* DOC: __napi_schedule */
void __napi_schedule(struct napi_struct *n)
{
	unsigned long flags;

	local_irq_save(flags);
	____napi_schedule(&softnet_data, n);
	local_irq_restore(flags);
}

/*
 * SCHED -> IDLE: the driver's poll found less work than its weight; it
 * unmasks its RX interrupt right after. Returns true (Linux returns false
 * when it must keep polling: busy polling or a NAPI_STATE_MISSED event;
 * it also flushes GRO here).
 *
 * DOC: napi_complete_done
 */
bool napi_complete_done(struct napi_struct *n, int work_done)
{
	unsigned long flags;

	local_irq_save(flags);
	list_del_init(&n->poll_list);
	clear_bit(NAPI_STATE_SCHED, &n->state);
	local_irq_restore(flags);
	return true;
}

/*
 * Poll one napi (stage 6: the driver's poll runs here). A poll that used
 * its whole weight still has work: it stays SCHED and joins `repoll`,
 * unless napi_disable is waiting, which then gets it. Returns frames done.
 */
static int napi_poll(struct napi_struct *n, struct list_head *repoll)
{
	int weight = n->weight;
	int work;

	list_del_init(&n->poll_list);
	work = n->poll(n, weight);
	if (work > weight) {
		printk(KERN_WARNING "napi poll of %s: %d frames, weight %d\n",
		       n->dev ? n->dev->name : "backlog", work, weight);
		work = weight;
	}
	if (work < weight)
		return work; /* the driver called napi_complete_done */
	if (test_bit(NAPI_STATE_DISABLE, &n->state)) {
		napi_complete(n);
		return work;
	}
	list_add_tail(&n->poll_list, repoll);
	return work;
}

/* Move every entry of `from` to the tail of `to` (Linux: list_splice_tail_init). */
static void napi_list_move(struct list_head *from, struct list_head *to)
{
	while (!list_empty(from))
		list_move_tail(from->next, to);
}

/*
 * Stage 5, the NET_RX softirq. Takes the scheduled napis off the poll list
 * (interrupts off: a hard IRQ may be adding to it) and polls them in
 * turn until they are done, or netdev_budget frames or 2 jiffies are used
 * up - then counts a time_squeeze, puts the rest back and raises the
 * softirq again, so that other softirqs and processes get the CPU (the
 * softirq core hands over to ksoftirqd if this keeps happening).
 *
 * DOC: net_rx_action
 */
static void net_rx_action(struct softirq_action *h)
{
	struct softnet_data *sd = &softnet_data;
	unsigned long time_limit = jiffies + NETDEV_BUDGET_JIFFIES;
	int budget = netdev_budget;
	LIST_HEAD(list);
	LIST_HEAD(repoll);

	local_irq_disable();
	napi_list_move(&sd->poll_list, &list);
	local_irq_enable();

	while (!list_empty(&list)) {
		struct napi_struct *n =
			list_first_entry(&list, struct napi_struct, poll_list);

		budget -= napi_poll(n, &repoll);
		/* 2 jiffies: on average 1.5 ticks of latency for the rest */
		if (unlikely(budget <= 0 ||
			     time_after_eq(jiffies, time_limit))) {
			sd->time_squeeze++;
			break;
		}
	}

	local_irq_disable();
	napi_list_move(&sd->poll_list, &list); /* scheduled meanwhile */
	napi_list_move(&repoll, &list);	       /* used their whole weight */
	napi_list_move(&list, &sd->poll_list);
	if (!list_empty(&sd->poll_list))
		__raise_softirq_irqoff(NET_RX_SOFTIRQ);
	local_irq_enable();
}

/* Receive timestamp (SO_TIMESTAMP, tcpdump), taken once at entry. */
static void net_timestamp_check(struct sk_buff *skb)
{
	if (!skb->tstamp)
		skb->tstamp = local_clock();
}

/* Hand skb to a handler that is not the last: it gets its own reference. */
static int deliver_skb(struct sk_buff *skb, struct packet_type *pt_prev,
		       struct net_device *orig_dev)
{
	atomic_inc(&skb->users);
	return pt_prev->func(skb, skb->dev, pt_prev, orig_dev);
}

static bool ptype_wants(const struct packet_type *pt, const struct sk_buff *skb)
{
	return !pt->dev || pt->dev == skb->dev;
}

/*
 * Stage 7, the link layer's dispatch. Every tap, then the handler for
 * skb->protocol. Each receiver but the last gets an extra reference
 * (deliver_skb); the last is returned in *ppt_prev so the caller hands it
 * the original reference without touching the count - Linux's pt_prev
 * idiom. No receiver at all: drop, UNHANDLED_PROTO, counted in rx_dropped.
 * (With a tap open an unknown ethertype is not a drop: the tap took it.)
 * Linux runs VLAN, rx_handler (bridge), tc and netfilter ingress between
 * the two loops.
 *
 * DOC: __netif_receive_skb_core
 */
static int __netif_receive_skb_core(struct sk_buff **pskb,
				    struct packet_type **ppt_prev)
{
	struct sk_buff *skb = *pskb;
	struct net_device *orig_dev = skb->dev;
	struct packet_type *ptype, *pt_prev = NULL;
	__be16 type = skb->protocol;
	int ret = NET_RX_DROP;

	skb_reset_network_header(skb);
	if (!skb_transport_header_was_set(skb))
		skb_reset_transport_header(skb);
	skb->skb_iif = skb->dev->ifindex;
	softnet_data.processed++;

	list_for_each_entry(ptype, &ptype_all, list) {
		if (!ptype_wants(ptype, skb))
			continue;
		if (pt_prev)
			ret = deliver_skb(skb, pt_prev, orig_dev);
		pt_prev = ptype;
	}
	list_for_each_entry(ptype, &ptype_base[ntohs(type) & PTYPE_HASH_MASK],
			    list) {
		if (ptype->type != type || !ptype_wants(ptype, skb))
			continue;
		if (pt_prev)
			ret = deliver_skb(skb, pt_prev, orig_dev);
		pt_prev = ptype;
	}
	if (pt_prev) {
		*ppt_prev = pt_prev;
		return ret;
	}
	skb->dev->core_stats.rx_dropped++;
	kfree_skb_reason(skb, SKB_DROP_REASON_UNHANDLED_PROTO);
	return NET_RX_DROP;
}

static int __netif_receive_skb_one_core(struct sk_buff *skb)
{
	struct net_device *orig_dev = skb->dev;
	struct packet_type *pt_prev = NULL;
	int ret;

	ret = __netif_receive_skb_core(&skb, &pt_prev);
	if (pt_prev)
		ret = pt_prev->func(skb, skb->dev, pt_prev, orig_dev);
	return ret;
}

/* Linux handles memory-reserve (pfmemalloc) skbs here. */
static int __netif_receive_skb(struct sk_buff *skb)
{
	return __netif_receive_skb_one_core(skb);
}

/*
 * Deliver one received frame (skb->protocol set by eth_type_trans, data
 * at the network header). Softirq context, from the driver's poll. The
 * skb now belongs to the stack. Returns NET_RX_SUCCESS or NET_RX_DROP.
 * Linux: RPS steering and generic XDP happen first.
 *
 * DOC: netif_receive_skb
 */
int netif_receive_skb(struct sk_buff *skb)
{
	net_timestamp_check(skb);
	return __netif_receive_skb(skb);
}

/*
 * What drivers call in Linux, to let GRO merge TCP segments into one big
 * skb before the stack sees them. rxos has no GRO: straight through.
 */
gro_result_t napi_gro_receive(struct napi_struct *napi, struct sk_buff *skb)
{
	netif_receive_skb(skb);
	return GRO_NORMAL;
}

/*
 * For devices without NAPI (and loopback): queue the frame on the backlog
 * and let the backlog napi deliver it in softirq. Any context. Returns
 * NET_RX_DROP when the device is down (DEV_READY) or the backlog holds
 * netdev_max_backlog frames (CPU_BACKLOG, softnet_stat "dropped").
 * Linux: netif_rx -> netif_rx_internal -> enqueue_to_backlog.
 */
int netif_rx(struct sk_buff *skb)
{
	struct softnet_data *sd = &softnet_data;
	enum skb_drop_reason reason = SKB_DROP_REASON_DEV_READY;
	unsigned long flags;

	net_timestamp_check(skb);
	if (!netif_running(skb->dev))
		goto drop;
	reason = SKB_DROP_REASON_CPU_BACKLOG;
	local_irq_save(flags);
	if (skb_queue_len(&sd->input_pkt_queue) <
	    (uint32_t)netdev_max_backlog) {
		__skb_queue_tail(&sd->input_pkt_queue, skb);
		if (!test_and_set_bit(NAPI_STATE_SCHED, &sd->backlog.state))
			____napi_schedule(sd, &sd->backlog);
		local_irq_restore(flags);
		return NET_RX_SUCCESS;
	}
	sd->dropped++;
	local_irq_restore(flags);
drop:
	skb->dev->core_stats.rx_dropped++;
	kfree_skb_reason(skb, reason);
	return NET_RX_DROP;
}

/* The backlog's poll function: deliver up to quota queued frames. */
static int process_backlog(struct napi_struct *napi, int quota)
{
	struct softnet_data *sd =
		container_of(napi, struct softnet_data, backlog);
	unsigned long flags;
	int work = 0;

	while (work < quota) {
		struct sk_buff *skb;

		local_irq_save(flags);
		skb = __skb_dequeue(&sd->input_pkt_queue);
		if (!skb) /* empty: done, with interrupts still off */
			clear_bit(NAPI_STATE_SCHED, &napi->state);
		local_irq_restore(flags);
		if (!skb)
			break;
		__netif_receive_skb(skb);
		work++;
	}
	return work;
}

/* Frames of a departing device still waiting in the backlog: drop them. */
static void flush_backlog(struct net_device *dev)
{
	struct sk_buff_head *q = &softnet_data.input_pkt_queue;
	struct sk_buff *skb, *next;
	unsigned long flags;

	local_irq_save(flags);
	for (skb = q->next; skb != (struct sk_buff *)q; skb = next) {
		next = skb->next;
		if (skb->dev != dev)
			continue;
		__skb_unlink(skb, q);
		kfree_skb_reason(skb, SKB_DROP_REASON_DEV_READY);
	}
	local_irq_restore(flags);
}

/* ---- packet types ---- */

static struct list_head *ptype_head(const struct packet_type *pt)
{
	if (pt->type == htons(ETH_P_ALL))
		return &ptype_all;
	return &ptype_base[ntohs(pt->type) & PTYPE_HASH_MASK];
}

/*
 * Start receiving frames of pt->type (process context, at protocol init
 * or socket creation). Interrupts are off while the list changes, so the
 * softirq never sees it half-linked. Linux uses RCU instead and adds at
 * the head; rxos adds at the tail, so delivery follows registration order.
 */
void dev_add_pack(struct packet_type *pt)
{
	unsigned long flags;

	local_irq_save(flags);
	list_add_tail(&pt->list, ptype_head(pt));
	local_irq_restore(flags);
}

void dev_remove_pack(struct packet_type *pt)
{
	unsigned long flags;

	local_irq_save(flags);
	list_del_init(&pt->list);
	local_irq_restore(flags);
}

static void ptype_list_forget_dev(struct list_head *head,
				  struct net_device *dev)
{
	struct packet_type *pt, *n;

	list_for_each_entry_safe(pt, n, head, list)
		if (pt->dev == dev)
			dev_remove_pack(pt);
}

/*
 * A device going away: unhook handlers bound to it, so none keeps a
 * pointer to freed memory. Linux tells their owners with NETDEV_UNREGISTER.
 */
static void ptype_forget_dev(struct net_device *dev)
{
	ptype_list_forget_dev(&ptype_all, dev);
	for (int i = 0; i < PTYPE_HASH_SIZE; i++)
		ptype_list_forget_dev(&ptype_base[i], dev);
}

/* ==== Part 3: transmit ==== */

/*
 * Show an outgoing frame to the taps, each its own clone marked
 * PACKET_OUTGOING - except the packet socket that sent it.
 * Linux: dev_queue_xmit_nit.
 *
 * DOC: dev_queue_xmit_nit
 */
static void dev_queue_xmit_nit(struct sk_buff *skb, struct net_device *dev)
{
	struct packet_type *ptype;

	list_for_each_entry(ptype, &ptype_all, list) {
		struct sk_buff *skb2;

		if (ptype->ignore_outgoing ||
		    (ptype->dev && ptype->dev != dev) ||
		    (ptype->af_packet_priv && ptype->af_packet_priv == skb->sk))
			continue;
		skb2 = skb_clone(skb, GFP_ATOMIC);
		if (!skb2)
			break;
		skb_reset_mac_header(skb2);
		skb2->pkt_type = PACKET_OUTGOING;
		ptype->func(skb2, dev, ptype, dev);
	}
}

/* The taps, then the driver. Linux: dev_hard_start_xmit -> xmit_one. */
/* DOC: dev_hard_start_xmit */
static netdev_tx_t dev_hard_start_xmit(struct sk_buff *skb,
				       struct net_device *dev)
{
	if (!list_empty(&ptype_all))
		dev_queue_xmit_nit(skb, dev);
	return dev->netdev_ops->ndo_start_xmit(skb, dev);
}

static int dev_xmit_drop(struct sk_buff *skb, struct net_device *dev,
			 enum skb_drop_reason reason)
{
	dev->core_stats.tx_dropped++;
	kfree_skb_reason(skb, reason);
	return NET_XMIT_DROP;
}

/*
 * Send a frame whose link-layer header is built (skb->data at the MAC
 * header, skb->dev set). Process or softirq context; takes ownership of
 * skb in every case. Returns NET_XMIT_SUCCESS, NET_XMIT_DROP, or -ENETDOWN.
 * Linux enqueues to the device's qdisc here and the qdisc feeds the
 * driver, holding frames while the queue is stopped; rxos has no qdisc,
 * so a stopped queue or a busy driver means a drop (QDISC_DROP).
 *
 * DOC: dev_queue_xmit
 */
int dev_queue_xmit(struct sk_buff *skb)
{
	struct net_device *dev = skb->dev;
	int rc = NET_XMIT_SUCCESS;

	skb_reset_mac_header(skb);
	local_bh_disable();
	if (!(dev->flags & IFF_UP)) {
		dev_xmit_drop(skb, dev, SKB_DROP_REASON_DEV_READY);
		rc = -ENETDOWN;
	} else if (netif_queue_stopped(dev)) {
		rc = dev_xmit_drop(skb, dev, SKB_DROP_REASON_QDISC_DROP);
	} else if (dev_hard_start_xmit(skb, dev) != NETDEV_TX_OK) {
		rc = dev_xmit_drop(skb, dev, SKB_DROP_REASON_QDISC_DROP);
	}
	local_bh_enable();
	return rc;
}

/*
 * Boot, process context, before any driver or protocol registers
 * (Linux: subsys_initcall(net_dev_init)). Allocates nothing.
 */
void net_dev_init(void)
{
	struct softnet_data *sd = &softnet_data;

	for (int i = 0; i < PTYPE_HASH_SIZE; i++)
		INIT_LIST_HEAD(&ptype_base[i]);
	INIT_LIST_HEAD(&sd->poll_list);
	skb_queue_head_init(&sd->input_pkt_queue);
	INIT_LIST_HEAD(&sd->backlog.poll_list);
	INIT_LIST_HEAD(&sd->backlog.dev_list);
	sd->backlog.poll = process_backlog;
	sd->backlog.weight = dev_rx_weight;
	open_softirq(NET_RX_SOFTIRQ, net_rx_action);
	dev_proc_init();
}
