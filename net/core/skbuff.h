/*
 * skbuff.h - struct sk_buff, the packet as it travels through the stack
 * (Linux: include/linux/skbuff.h, include/net/dropreason-core.h).
 *
 * An sk_buff is a small descriptor (from the "skbuff_head_cache" slab)
 * pointing into a separately allocated data buffer:
 *
 *      head --> +-----------------------+
 *               |       headroom        |  skb_headroom() = data - head
 *      data --> +-----------------------+  skb_push(): data moves up, to
 *               |                       |    prepend a header (TX: TCP, IP,
 *               |     packet bytes      |    Ethernet, in that order)
 *               |     len = tail-data   |  skb_pull(): data moves down, to
 *               |                       |    strip a header (RX: Ethernet,
 *      tail --> +-----------------------+    IP, TCP, in that order)
 *               |       tailroom        |  skb_put(): tail moves down, to
 *       end --> +-----------------------+    append bytes (the driver's copy)
 *               |    skb_shared_info    |  skb_tailroom() = end - tail
 *               |  (dataref: how many   |
 *               |   sk_buffs use data)  |
 *               +-----------------------+
 *
 * Headers are not moved or copied as the packet climbs the stack: each
 * layer records where its header starts (mac_header, network_header,
 * transport_header, offsets from head) and pulls it off the front.
 *
 * Two reference counts:
 *   users   - holders of this sk_buff (skb_get adds one; a tap and the
 *             protocol can hold the same skb). The last kfree_skb frees it.
 *   dataref - sk_buffs sharing this data buffer (skb_clone adds one; the
 *             clone has its own head/data/tail/len over the same bytes).
 *             The buffer is freed with the last of them.
 *
 * Every skb ends in exactly one of two calls: consume_skb() when it was
 * used normally, kfree_skb_reason(skb, SKB_DROP_REASON_...) when it was
 * dropped - the reason is counted and shown in /proc/net/drop_reasons.
 *
 * Context: any (allocation with GFP_ATOMIC outside process context).
 * rxos keeps all data linear: data_len is always 0. Linux adds page
 * fragments (skb_shinfo(skb)->frags[]) and frag lists for large packets,
 * fast clones, GRO/GSO state, and many more fields.
 */
#ifndef RXOS_NET_CORE_SKBUFF_H
#define RXOS_NET_CORE_SKBUFF_H

#include "kernel/atomic.h"
#include "kernel/byteorder.h"
#include "kernel/kernel.h"
#include "kernel/mm/gfp.h"
#include "kernel/spinlock.h"
#include "lib/string.h"

struct net_device;
struct napi_struct;
struct sock;

/* ---- tunables (Linux values) ---- */
#define SMP_CACHE_BYTES 64 /* L1 line on the CPUs QEMU models */
#define SKB_DATA_ALIGN(x) ALIGN_UP((x), SMP_CACHE_BYTES)
/* Headroom drivers leave so the stack can prepend headers without copying. */
#define NET_SKB_PAD 64
/*
 * Extra headroom so that the IP header after a 14-byte Ethernet header
 * lands on a 4-byte boundary. Linux sets 0 on x86, where unaligned loads
 * are cheap; rxos keeps the generic value 2 so the idea stays visible.
 */
#define NET_IP_ALIGN 2
/* Refuse absurd sizes (a length from a bad packet) instead of overflowing. */
#define SKB_MAX_ALLOC (1u << 20)

/* pkt_type: who the frame was addressed to (Linux: uapi/linux/if_packet.h) */
#define PACKET_HOST 0	   /* to us */
#define PACKET_BROADCAST 1 /* to all */
#define PACKET_MULTICAST 2 /* to a group */
#define PACKET_OTHERHOST 3 /* to someone else (seen in promiscuous mode) */
#define PACKET_OUTGOING 4  /* our own frame, as a tap sees it on TX */
#define PACKET_LOOPBACK 5

/* ip_summed: what is known about the checksum */
#define CHECKSUM_NONE 0	       /* nothing: software must verify */
#define CHECKSUM_UNNECESSARY 1 /* the NIC verified it */
#define CHECKSUM_COMPLETE 2    /* the NIC summed the packet into skb->csum */
#define CHECKSUM_PARTIAL 3     /* TX: the NIC will fill it in */

/*
 * Why a packet was dropped. The names are Linux's (what `perf script`,
 * dropwatch and /proc/net/drop_reasons print), minus the prefix; the last
 * few are rxos's own, for drops Linux counts only in driver statistics.
 */
#define DEFINE_DROP_REASON(FN)                                                \
	FN(NOT_SPECIFIED)	    /* no better reason given */              \
	FN(NO_SOCKET)		    /* no socket for this port */             \
	FN(PKT_TOO_SMALL)	    /* shorter than its header says */        \
	FN(TCP_CSUM)		    /* TCP checksum wrong */                  \
	FN(SOCKET_FILTER)	    /* a socket's BPF filter said no */       \
	FN(UDP_CSUM)		    /* UDP checksum wrong */                  \
	FN(NETFILTER_DROP)	    /* an iptables rule dropped it */         \
	FN(OTHERHOST)		    /* L2 address was someone else's */       \
	FN(IP_CSUM)		    /* IPv4 header checksum wrong */          \
	FN(IP_INHDR)		    /* bad IPv4 header (version, ihl, len) */ \
	FN(IP_RPFILTER)		    /* reverse-path filter */                 \
	FN(UNICAST_IN_L2_MULTICAST) /* IP unicast in an L2 multicast */       \
	FN(XFRM_POLICY)		    /* IPsec policy */                        \
	FN(IP_NOPROTO)		    /* no handler for the IP protocol */      \
	FN(SOCKET_RCVBUFF)	    /* socket receive buffer full */          \
	FN(PROTO_MEM)		    /* protocol memory limit reached */       \
	FN(SOCKET_BACKLOG)	    /* socket backlog full */                 \
	FN(TCP_FLAGS)		    /* invalid TCP flag combination */        \
	FN(TCP_ZEROWINDOW)	    /* data while our window is zero */       \
	FN(TCP_OLD_DATA)	    /* data we already have */                \
	FN(TCP_OVERWINDOW)	    /* data beyond the window */              \
	FN(TCP_OFOMERGE)	    /* out-of-order data merged away */       \
	FN(TCP_RFC7323_PAWS)	    /* old timestamp (PAWS) */                \
	FN(TCP_INVALID_SEQUENCE)    /* sequence number not acceptable */      \
	FN(TCP_RESET)		    /* RST received */                        \
	FN(TCP_INVALID_SYN)	    /* SYN where none belongs */              \
	FN(TCP_ACK_UNSENT_DATA)	    /* ACK for data we never sent */          \
	FN(TCP_TOO_OLD_ACK)	    /* ACK older than a window (RFC 5961) */  \
	FN(TCP_CLOSE)		    /* segment for a CLOSE socket */          \
	FN(TCP_ABORT_ON_DATA)	    /* data for a closed reader: reset */     \
	FN(IP_OUTNOROUTES)	    /* no route for output */                 \
	FN(BPF_CGROUP_EGRESS)	    /* cgroup BPF on egress */                \
	FN(IPV6DISABLED)	    /* IPv6 is off */                         \
	FN(NEIGH_CREATEFAIL)	    /* could not create a neighbour entry */  \
	FN(NEIGH_FAILED)	    /* ARP resolution failed */               \
	FN(NEIGH_QUEUEFULL)	    /* too many frames waiting for ARP */     \
	FN(NEIGH_DEAD)		    /* neighbour entry went away */           \
	FN(TC_EGRESS)		    /* traffic control on egress */           \
	FN(QDISC_DROP)		    /* TX queue would not take it */          \
	FN(CPU_BACKLOG)		    /* netif_rx backlog full */               \
	FN(XDP)			    /* an XDP program dropped it */           \
	FN(TC_INGRESS)		    /* traffic control on ingress */          \
	FN(UNHANDLED_PROTO)	    /* no handler for the ethertype */        \
	FN(SKB_CSUM)		    /* checksum computation failed */         \
	FN(SKB_GSO_SEG)		    /* segmentation failed */                 \
	FN(SKB_UCOPY_FAULT)	    /* copy from user space faulted */        \
	FN(DEV_HDR)		    /* bad device (L2) header */              \
	FN(DEV_READY)		    /* device not up */                       \
	FN(FULL_RING)		    /* driver ring full */                    \
	FN(NOMEM)		    /* out of memory */                       \
	FN(HDR_TRUNC)		    /* header truncated */                    \
	FN(TAP_FILTER)		    /* tap's filter said no */                \
	FN(TAP_TXFILTER)	    /* tap's TX filter said no */             \
	FN(ICMP_CSUM)		    /* ICMP checksum wrong */                 \
	FN(INVALID_PROTO)	    /* protocol field invalid */              \
	FN(IP_INADDRERRORS)	    /* bad destination address */             \
	FN(IP_INNOROUTES)	    /* no route for input */                  \
	FN(IP_INVALID_SOURCE)	    /* martian source address */              \
	FN(IP_INVALID_DEST)	    /* martian destination address */         \
	FN(PKT_TOO_BIG)		    /* larger than the MTU, DF set */         \
	FN(FRAG_REASM_TIMEOUT)	    /* fragments did not complete in time */  \
	FN(FRAG_TOO_FAR)	    /* fragment too far out of order */       \
	FN(DUP_FRAG)		    /* a fragment we already have */          \
	FN(QUEUE_PURGE)		    /* queue emptied (socket/device gone) */  \
	FN(IP_FRAG_OVERLAP)	    /* rxos: overlapping IP fragments */      \
	FN(RX_RUNT)		    /* rxos: frame below 60 bytes */          \
	FN(RX_OVERSIZE)		    /* rxos: frame above the MTU */

enum skb_drop_reason {
	SKB_NOT_DROPPED_YET = 0, /* an skb that was never dropped */
	SKB_CONSUMED,		 /* used normally: consume_skb() */
#define SKB_DROP_REASON_ENUM(r) SKB_DROP_REASON_##r,
	DEFINE_DROP_REASON(SKB_DROP_REASON_ENUM)
#undef SKB_DROP_REASON_ENUM
	SKB_DROP_REASON_MAX,
};

/* "NO_SOCKET" for SKB_DROP_REASON_NO_SOCKET, as Linux prints them. */
extern const char *const drop_reasons[SKB_DROP_REASON_MAX];

/* At the end of the data buffer, shared by all clones of it. */
struct skb_shared_info {
	atomic_t dataref; /* sk_buffs pointing at this buffer */
	/* Linux: nr_frags, frags[] (page pieces), frag_list, gso_size ... */
};

struct dst_entry;

struct sk_buff {
	/* First, as in sk_buff_head: queue code treats the head as an skb. */
	struct sk_buff *next;
	struct sk_buff *prev;

	struct net_device *dev; /* arrived on / leaves through */
	struct sock *sk;	/* owning socket, if any */
	struct dst_entry *_skb_dst; /* route taken (net/core/dst.h), or NULL */
	void (*destructor)(struct sk_buff *skb); /* e.g. uncharge the socket */
	uint64_t tstamp; /* ns since boot, set on receive */
	/* Control buffer: per-layer private state (Linux's TCP_SKB_CB, IPCB). */
	char cb[48] __aligned(8);

	unsigned int len;      /* bytes of packet data */
	unsigned int data_len; /* bytes in page fragments: always 0 here */
	unsigned int truesize; /* memory charged: buffer + this struct */
	unsigned int id;       /* rxos: serial number, for tracing */
	int skb_iif;	       /* ifindex it arrived on */
	__be16 protocol;       /* ethertype, set by eth_type_trans */
	uint8_t pkt_type;      /* PACKET_* */
	uint8_t ip_summed;     /* CHECKSUM_* */
	uint8_t cloned;	       /* data shared with another sk_buff */

	/* offsets from head; (uint16_t)~0 while not set */
	uint16_t mac_header;
	uint16_t network_header;
	uint16_t transport_header;

	unsigned char *head, *data, *tail, *end;
	atomic_t users;
};

/* A queue of sk_buffs (socket receive queue, netif_rx backlog). */
struct sk_buff_head {
	struct sk_buff *next; /* same place as in sk_buff: see above */
	struct sk_buff *prev;
	uint32_t qlen;
	spinlock_t lock; /* for the functions without "__" */
};

#define SKB_TRUESIZE(x)                                 \
	((x) + SKB_DATA_ALIGN(sizeof(struct sk_buff)) + \
	 SKB_DATA_ALIGN(sizeof(struct skb_shared_info)))

/* ---- lifetime (skbuff.c) ---- */
void skb_init(void);
struct sk_buff *alloc_skb(unsigned int size, gfp_t gfp);
struct sk_buff *__netdev_alloc_skb(struct net_device *dev, unsigned int len,
				   gfp_t gfp);
struct sk_buff *napi_alloc_skb(struct napi_struct *napi, unsigned int len);
struct sk_buff *skb_clone(struct sk_buff *skb, gfp_t gfp);
struct sk_buff *skb_copy(const struct sk_buff *skb, gfp_t gfp);
void kfree_skb_reason(struct sk_buff *skb, enum skb_drop_reason reason);
void consume_skb(struct sk_buff *skb);
void __kfree_skb(struct sk_buff *skb);

static inline void kfree_skb(struct sk_buff *skb)
{
	kfree_skb_reason(skb, SKB_DROP_REASON_NOT_SPECIFIED);
}

/* Driver spellings (any context here; Linux defers frees from hardirq). */
#define dev_kfree_skb_any(skb) kfree_skb(skb)
#define dev_consume_skb_any(skb) consume_skb(skb)
#define napi_consume_skb(skb, budget) consume_skb(skb)

/* RX buffers for drivers: NET_SKB_PAD of headroom, skb->dev set. */
static inline struct sk_buff *netdev_alloc_skb(struct net_device *dev,
					       unsigned int len)
{
	return __netdev_alloc_skb(dev, len, GFP_ATOMIC);
}

/* ... plus NET_IP_ALIGN, so the IP header is 4-byte aligned. */
struct sk_buff *netdev_alloc_skb_ip_align(struct net_device *dev,
					  unsigned int len);

static inline struct sk_buff *skb_get(struct sk_buff *skb)
{
	atomic_inc(&skb->users);
	return skb;
}

/* More than one holder: don't modify it, clone it (skb_share_check). */
static inline int skb_shared(const struct sk_buff *skb)
{
	return atomic_read(&skb->users) != 1;
}

static inline struct skb_shared_info *skb_shinfo(const struct sk_buff *skb)
{
	return (struct skb_shared_info *)skb->end;
}

/* Data shared with a clone: headers may be read, not written. */
static inline int skb_cloned(const struct sk_buff *skb)
{
	return skb->cloned && atomic_read(&skb_shinfo(skb)->dataref) != 1;
}

struct sk_buff *skb_share_check(struct sk_buff *skb, gfp_t gfp);

/* Detach from the owning socket, running its destructor. */
static inline void skb_orphan(struct sk_buff *skb)
{
	if (skb->destructor)
		skb->destructor(skb);
	skb->destructor = NULL;
	skb->sk = NULL;
}

/* ---- data pointers ---- */
void *skb_put(struct sk_buff *skb, unsigned int len);
void *skb_push(struct sk_buff *skb, unsigned int len);
void *skb_pull(struct sk_buff *skb, unsigned int len);
void skb_trim(struct sk_buff *skb, unsigned int len);
int skb_copy_bits(const struct sk_buff *skb, int offset, void *to, int len);

static inline unsigned char *skb_tail_pointer(const struct sk_buff *skb)
{
	return skb->tail;
}

static inline unsigned char *skb_end_pointer(const struct sk_buff *skb)
{
	return skb->end;
}

static inline unsigned int skb_end_offset(const struct sk_buff *skb)
{
	return skb->end - skb->head;
}

static inline unsigned int skb_headroom(const struct sk_buff *skb)
{
	return skb->data - skb->head;
}

static inline int skb_tailroom(const struct sk_buff *skb)
{
	return skb->end - skb->tail;
}

/* Bytes in the linear part (all of them here: data_len is 0). */
static inline unsigned int skb_headlen(const struct sk_buff *skb)
{
	return skb->len - skb->data_len;
}

/* Make room at the front of an empty skb: move data and tail down. */
static inline void skb_reserve(struct sk_buff *skb, int len)
{
	skb->data += len;
	skb->tail += len;
}

/* Append len bytes copied from data. */
static inline void *skb_put_data(struct sk_buff *skb, const void *data,
				 unsigned int len)
{
	void *tmp = skb_put(skb, len);

	memcpy(tmp, data, len);
	return tmp;
}

/*
 * Are len bytes present at data? Protocol code calls this before reading a
 * header; false means a truncated packet (drop it, PKT_TOO_SMALL). In
 * Linux it may also pull bytes from fragments into the linear part.
 */
static inline bool pskb_may_pull(struct sk_buff *skb, unsigned int len)
{
	return len <= skb_headlen(skb);
}

/* ---- header offsets ---- */
#define SKB_HEADER_UNSET ((uint16_t)~0U)

static inline void skb_reset_mac_header(struct sk_buff *skb)
{
	skb->mac_header = skb->data - skb->head;
}

static inline void skb_set_mac_header(struct sk_buff *skb, int offset)
{
	skb->mac_header = skb->data - skb->head + offset;
}

static inline unsigned char *skb_mac_header(const struct sk_buff *skb)
{
	return skb->head + skb->mac_header;
}

static inline bool skb_mac_header_was_set(const struct sk_buff *skb)
{
	return skb->mac_header != SKB_HEADER_UNSET;
}

static inline void skb_reset_network_header(struct sk_buff *skb)
{
	skb->network_header = skb->data - skb->head;
}

static inline void skb_set_network_header(struct sk_buff *skb, int offset)
{
	skb->network_header = skb->data - skb->head + offset;
}

static inline unsigned char *skb_network_header(const struct sk_buff *skb)
{
	return skb->head + skb->network_header;
}

static inline void skb_reset_transport_header(struct sk_buff *skb)
{
	skb->transport_header = skb->data - skb->head;
}

static inline void skb_set_transport_header(struct sk_buff *skb, int offset)
{
	skb->transport_header = skb->data - skb->head + offset;
}

static inline unsigned char *skb_transport_header(const struct sk_buff *skb)
{
	return skb->head + skb->transport_header;
}

static inline bool skb_transport_header_was_set(const struct sk_buff *skb)
{
	return skb->transport_header != SKB_HEADER_UNSET;
}

/* Where a header starts, relative to data (negative once pulled). */
static inline int skb_network_offset(const struct sk_buff *skb)
{
	return skb_network_header(skb) - skb->data;
}

static inline int skb_transport_offset(const struct sk_buff *skb)
{
	return skb_transport_header(skb) - skb->data;
}

/* ---- queues ---- */
void skb_queue_head_init(struct sk_buff_head *list);
void skb_queue_tail(struct sk_buff_head *list, struct sk_buff *newsk);
void skb_queue_head(struct sk_buff_head *list, struct sk_buff *newsk);
struct sk_buff *skb_dequeue(struct sk_buff_head *list);
void skb_unlink(struct sk_buff *skb, struct sk_buff_head *list);
void skb_queue_purge(struct sk_buff_head *list);

static inline uint32_t skb_queue_len(const struct sk_buff_head *list)
{
	return list->qlen;
}

static inline bool skb_queue_empty(const struct sk_buff_head *list)
{
	return list->next == (const struct sk_buff *)list;
}

/* First skb without removing it, or NULL. Caller holds the lock. */
static inline struct sk_buff *skb_peek(const struct sk_buff_head *list)
{
	struct sk_buff *skb = list->next;

	return skb == (const struct sk_buff *)list ? NULL : skb;
}

/* The "__" forms: caller holds list->lock (or owns the list alone). */
static inline void __skb_insert(struct sk_buff *newsk, struct sk_buff *prev,
				struct sk_buff *next, struct sk_buff_head *list)
{
	newsk->next = next;
	newsk->prev = prev;
	next->prev = newsk;
	prev->next = newsk;
	list->qlen++;
}

static inline void __skb_queue_tail(struct sk_buff_head *list,
				    struct sk_buff *newsk)
{
	__skb_insert(newsk, list->prev, (struct sk_buff *)list, list);
}

static inline void __skb_queue_head(struct sk_buff_head *list,
				    struct sk_buff *newsk)
{
	__skb_insert(newsk, (struct sk_buff *)list, list->next, list);
}

static inline void __skb_unlink(struct sk_buff *skb, struct sk_buff_head *list)
{
	struct sk_buff *next = skb->next, *prev = skb->prev;

	list->qlen--;
	next->prev = prev;
	prev->next = next;
	skb->next = skb->prev = NULL;
}

static inline struct sk_buff *__skb_dequeue(struct sk_buff_head *list)
{
	struct sk_buff *skb = skb_peek(list);

	if (skb)
		__skb_unlink(skb, list);
	return skb;
}

/* ---- statistics (rxos: /proc/net/skb_stats, /proc/net/drop_reasons) ---- */
unsigned long skb_live_count(void);
unsigned long skb_drop_count(enum skb_drop_reason reason);
int skb_stats_show(char *buf, int len);
int drop_reasons_show(char *buf, int len);

#endif
