/*
 * skbuff.c - allocating, sharing and freeing sk_buffs (Linux:
 * net/core/skbuff.c). The picture of an sk_buff is in skbuff.h.
 *
 * Who calls what:
 *   drivers        netdev_alloc_skb / napi_alloc_skb (softirq), skb_put,
 *                  then hand the skb up with napi_gro_receive
 *   link layer     skb_pull (eth_type_trans), skb_get for each tap
 *   taps, TCP      skb_clone (share the bytes, own the pointers)
 *   protocols      skb_push on transmit, skb_pull / skb_trim on receive
 *   everyone       consume_skb when done, kfree_skb_reason when dropping
 *
 * Context: any. Allocation uses the caller's gfp (GFP_ATOMIC outside
 * process context). Reference counts are atomic_t because a clone held by
 * a packet socket (process context) and its original (softirq) may be
 * freed at the same moment. Counters are plain: a lost increment would
 * only make a statistic off by one, never corrupt a packet.
 *
 * Invariants: head <= data <= tail <= end; len == tail - data (data_len
 * is 0); a buffer's dataref equals the number of sk_buffs pointing at it.
 * A violation by the caller (skb_put past end, skb_push before head) is a
 * kernel bug and stops the machine, as Linux's skb_over_panic does: it
 * would otherwise overwrite whatever lies next in memory.
 */
#include "net/core/skbuff.h"
#include "net/core/dst.h"
#include "kernel/errno.h"
#include "kernel/mm/slab.h"
#include "kernel/printk.h"
#include "lib/vsprintf.h"
#include "net/core/netdevice.h"

const char *const drop_reasons[SKB_DROP_REASON_MAX] = {
	[SKB_NOT_DROPPED_YET] = "NOT_DROPPED_YET",
	[SKB_CONSUMED] = "CONSUMED",
#define SKB_DROP_REASON_NAME(r) [SKB_DROP_REASON_##r] = #r,
	DEFINE_DROP_REASON(SKB_DROP_REASON_NAME)
#undef SKB_DROP_REASON_NAME
};

static struct kmem_cache *skbuff_head_cache;
static unsigned int skb_next_id;

/* Counters behind /proc/net/skb_stats and /proc/net/drop_reasons. */
static struct {
	unsigned long allocated, alloc_failed, cloned, copied, consumed;
	unsigned long dropped[SKB_DROP_REASON_MAX];
} skb_counters;

/* Boot, process context, before any skb (Linux: skb_init from sock_init). */
void skb_init(void)
{
	skbuff_head_cache = kmem_cache_create(
		"skbuff_head_cache", sizeof(struct sk_buff), 0, 0, NULL);
	if (!skbuff_head_cache)
		panic("skb_init: cannot create skbuff_head_cache");
}

/* ---- allocation ---- */

/* Point a fresh sk_buff at data, a buffer with `size` usable bytes. */
static void __build_skb_around(struct sk_buff *skb, unsigned char *data,
			       unsigned int size)
{
	memset(skb, 0, sizeof(*skb));
	skb->truesize = SKB_TRUESIZE(size);
	atomic_set(&skb->users, 1);
	skb->head = skb->data = skb->tail = data;
	skb->end = data + size;
	skb->mac_header = skb->network_header = skb->transport_header =
		SKB_HEADER_UNSET;
	skb->id = ++skb_next_id;
	memset(skb_shinfo(skb), 0, sizeof(struct skb_shared_info));
	atomic_set(&skb_shinfo(skb)->dataref, 1);
}

/*
 * An empty skb with room for `size` bytes (all tailroom: callers
 * skb_reserve headroom first). NULL when memory is short - every caller
 * must cope, usually by dropping the packet. Linux: __alloc_skb, which
 * also rounds size up to what kmalloc really gave.
 */
struct sk_buff *alloc_skb(unsigned int size, gfp_t gfp)
{
	struct sk_buff *skb;
	unsigned char *data;

	if (size > SKB_MAX_ALLOC)
		goto nomem;
	skb = kmem_cache_alloc(skbuff_head_cache, gfp);
	if (!skb)
		goto nomem;
	size = SKB_DATA_ALIGN(size);
	data = kmalloc(size + SKB_DATA_ALIGN(sizeof(struct skb_shared_info)),
		       gfp);
	if (!data) {
		kmem_cache_free(skbuff_head_cache, skb);
		goto nomem;
	}
	__build_skb_around(skb, data, size);
	skb_counters.allocated++;
	return skb;
nomem:
	skb_counters.alloc_failed++;
	return NULL;
}

struct sk_buff *__netdev_alloc_skb(struct net_device *dev, unsigned int len,
				   gfp_t gfp)
{
	struct sk_buff *skb = alloc_skb(len + NET_SKB_PAD, gfp);

	if (!skb)
		return NULL;
	skb_reserve(skb, NET_SKB_PAD);
	skb->dev = dev;
	return skb;
}

struct sk_buff *netdev_alloc_skb_ip_align(struct net_device *dev,
					  unsigned int len)
{
	struct sk_buff *skb =
		__netdev_alloc_skb(dev, len + NET_IP_ALIGN, GFP_ATOMIC);

	if (skb)
		skb_reserve(skb, NET_IP_ALIGN);
	return skb;
}

/*
 * For a driver's NAPI poll (softirq). Linux serves these from a per-CPU
 * page fragment cache; here it is netdev_alloc_skb_ip_align.
 */
struct sk_buff *napi_alloc_skb(struct napi_struct *napi, unsigned int len)
{
	return netdev_alloc_skb_ip_align(napi->dev, len);
}

/* The header fields a copy or clone inherits (not pointers or refcounts). */
static void __copy_skb_header(struct sk_buff *new, const struct sk_buff *old)
{
	new->dev = old->dev;
	new->_skb_dst = dst_clone(old->_skb_dst);
	new->tstamp = old->tstamp;
	memcpy(new->cb, old->cb, sizeof(old->cb));
	new->skb_iif = old->skb_iif;
	new->protocol = old->protocol;
	new->pkt_type = old->pkt_type;
	new->ip_summed = old->ip_summed;
	new->mac_header = old->mac_header;
	new->network_header = old->network_header;
	new->transport_header = old->transport_header;
}

/*
 * A second sk_buff over the same bytes: its own data/len, so a tap can
 * pull headers without disturbing the original. Neither may write the
 * bytes afterwards (skb_cloned()). The clone has no socket owner.
 */
struct sk_buff *skb_clone(struct sk_buff *skb, gfp_t gfp)
{
	struct sk_buff *n = kmem_cache_alloc(skbuff_head_cache, gfp);

	if (!n) {
		skb_counters.alloc_failed++;
		return NULL;
	}
	memset(n, 0, sizeof(*n));
	__copy_skb_header(n, skb);
	n->head = skb->head;
	n->data = skb->data;
	n->tail = skb->tail;
	n->end = skb->end;
	n->len = skb->len;
	n->truesize = SKB_DATA_ALIGN(sizeof(struct sk_buff));
	atomic_set(&n->users, 1);
	n->id = ++skb_next_id;
	n->cloned = skb->cloned = 1;
	atomic_inc(&skb_shinfo(skb)->dataref);
	skb_counters.cloned++;
	return n;
}

/* A private copy of skb, bytes included, with the same headroom. */
struct sk_buff *skb_copy(const struct sk_buff *skb, gfp_t gfp)
{
	unsigned int headroom = skb_headroom(skb);
	struct sk_buff *n = alloc_skb(skb_end_offset(skb), gfp);

	if (!n)
		return NULL;
	skb_reserve(n, headroom);
	skb_put(n, skb->len);
	memcpy(n->head, skb->head, headroom + skb->len);
	__copy_skb_header(n, skb);
	skb_counters.copied++;
	return n;
}

/*
 * Make sure we hold the only reference before changing the skb: if it is
 * shared, continue with a clone and let go of the original. Returns NULL
 * (skb released) when the clone cannot be allocated.
 */
struct sk_buff *skb_share_check(struct sk_buff *skb, gfp_t gfp)
{
	struct sk_buff *nskb;

	if (!skb_shared(skb))
		return skb;
	nskb = skb_clone(skb, gfp);
	if (nskb)
		consume_skb(skb);
	else
		kfree_skb_reason(skb, SKB_DROP_REASON_NOMEM);
	return nskb;
}

/* ---- freeing ---- */

/* The data buffer goes with its last sk_buff. */
static void skb_release_data(struct sk_buff *skb)
{
	if (skb->cloned && !atomic_dec_and_test(&skb_shinfo(skb)->dataref))
		return;
	kfree(skb->head);
}

/* Free now, whatever the users count (it must be ours alone). */
void __kfree_skb(struct sk_buff *skb)
{
	skb_dst_drop(skb);
	if (skb->destructor)
		skb->destructor(skb);
	skb_release_data(skb);
	kmem_cache_free(skbuff_head_cache, skb);
}

/* Drop one reference; true when it was the last and skb must be freed. */
static bool skb_unref(struct sk_buff *skb)
{
	if (!skb)
		return false;
	if (atomic_read(&skb->users) == 1)
		return true;
	return atomic_dec_and_test(&skb->users);
}

/*
 * Drop a packet: count `reason`, free the skb if this was the last
 * reference. Linux also fires the skb:kfree_skb tracepoint here, which
 * `perf`/dropwatch read. NULL is allowed.
 */
void kfree_skb_reason(struct sk_buff *skb, enum skb_drop_reason reason)
{
	if (!skb_unref(skb))
		return;
	if (reason == SKB_CONSUMED) {
		skb_counters.consumed++;
	} else {
		if (reason <= SKB_CONSUMED || reason >= SKB_DROP_REASON_MAX)
			reason = SKB_DROP_REASON_NOT_SPECIFIED;
		skb_counters.dropped[reason]++;
	}
	__kfree_skb(skb);
}

/* The normal end of an skb: it was delivered or transmitted. */
void consume_skb(struct sk_buff *skb)
{
	kfree_skb_reason(skb, SKB_CONSUMED);
}

/* ---- data pointers ---- */

/* Linux: skb_panic. The caller's arithmetic is wrong; stop before damage. */
static __noreturn void skb_panic(const struct sk_buff *skb, unsigned int sz,
				 void *addr, const char *msg)
{
	printk(KERN_EMERG
	       "skbuff: %s: text:%p len:%u put:%u head:%p data:%p tail:%#x end:%#x dev:%s\n",
	       msg, addr, skb->len, sz, skb->head, skb->data,
	       (unsigned int)(skb->tail - skb->head), skb_end_offset(skb),
	       skb->dev ? skb->dev->name : "<NULL>");
	BUG();
}

/* Append len bytes at the tail; returns where to write them. */
void *skb_put(struct sk_buff *skb, unsigned int len)
{
	void *tmp = skb->tail;

	if (unlikely(len > (unsigned int)skb_tailroom(skb)))
		skb_panic(skb, len, __builtin_return_address(0),
			  "skb_over_panic");
	skb->tail += len;
	skb->len += len;
	return tmp;
}

/* Prepend len bytes (a header on transmit); returns the new start. */
void *skb_push(struct sk_buff *skb, unsigned int len)
{
	if (unlikely(len > skb_headroom(skb)))
		skb_panic(skb, len, __builtin_return_address(0),
			  "skb_under_panic");
	skb->data -= len;
	skb->len += len;
	return skb->data;
}

/*
 * Strip len bytes from the front (a header on receive); returns the new
 * start, or NULL - skb unchanged - if the packet is shorter than len. A
 * short packet is bad input, not a bug, so this never stops the machine.
 */
void *skb_pull(struct sk_buff *skb, unsigned int len)
{
	if (len > skb->len)
		return NULL;
	skb->len -= len;
	skb->data += len;
	return skb->data;
}

/* Cut the packet to len bytes (drop Ethernet padding); longer len: no-op. */
void skb_trim(struct sk_buff *skb, unsigned int len)
{
	if (skb->len <= len)
		return;
	skb->len = len;
	skb->tail = skb->data + len;
}

/* Copy len bytes at offset (from data) out; -EFAULT if not all there. */
int skb_copy_bits(const struct sk_buff *skb, int offset, void *to, int len)
{
	if (offset < 0 || len < 0 || (unsigned int)offset + len > skb->len)
		return -EFAULT;
	memcpy(to, skb->data + offset, len);
	return 0;
}

/* ---- queues ---- */

void skb_queue_head_init(struct sk_buff_head *list)
{
	spin_lock_init(&list->lock);
	list->prev = list->next = (struct sk_buff *)list;
	list->qlen = 0;
}

void skb_queue_tail(struct sk_buff_head *list, struct sk_buff *newsk)
{
	unsigned long flags;

	spin_lock_irqsave(&list->lock, flags);
	__skb_queue_tail(list, newsk);
	spin_unlock_irqrestore(&list->lock, flags);
}

void skb_queue_head(struct sk_buff_head *list, struct sk_buff *newsk)
{
	unsigned long flags;

	spin_lock_irqsave(&list->lock, flags);
	__skb_queue_head(list, newsk);
	spin_unlock_irqrestore(&list->lock, flags);
}

struct sk_buff *skb_dequeue(struct sk_buff_head *list)
{
	unsigned long flags;
	struct sk_buff *skb;

	spin_lock_irqsave(&list->lock, flags);
	skb = __skb_dequeue(list);
	spin_unlock_irqrestore(&list->lock, flags);
	return skb;
}

void skb_unlink(struct sk_buff *skb, struct sk_buff_head *list)
{
	unsigned long flags;

	spin_lock_irqsave(&list->lock, flags);
	__skb_unlink(skb, list);
	spin_unlock_irqrestore(&list->lock, flags);
}

/* Drop everything queued (socket closing, device going away). */
void skb_queue_purge(struct sk_buff_head *list)
{
	struct sk_buff *skb;

	while ((skb = skb_dequeue(list)) != NULL)
		kfree_skb_reason(skb, SKB_DROP_REASON_QUEUE_PURGE);
}

/* ---- statistics ---- */

/* sk_buffs allocated and not yet freed (clones count too). */
unsigned long skb_live_count(void)
{
	return skbuff_head_cache ? kmem_cache_active(skbuff_head_cache) : 0;
}

unsigned long skb_drop_count(enum skb_drop_reason reason)
{
	if (reason == SKB_CONSUMED)
		return skb_counters.consumed;
	return reason < SKB_DROP_REASON_MAX ? skb_counters.dropped[reason] : 0;
}

static unsigned long skb_dropped_total(void)
{
	unsigned long sum = 0;

	for (int r = 0; r < SKB_DROP_REASON_MAX; r++)
		sum += skb_counters.dropped[r];
	return sum;
}

/* /proc/net/skb_stats (rxos): one "name value" line per counter. */
int skb_stats_show(char *buf, int len)
{
	return scnprintf(
		buf, len,
		"live %lu\nallocated %lu\nalloc_failed %lu\ncloned %lu\n"
		"copied %lu\nconsumed %lu\ndropped %lu\n",
		skb_live_count(), skb_counters.allocated,
		skb_counters.alloc_failed, skb_counters.cloned,
		skb_counters.copied, skb_counters.consumed,
		skb_dropped_total());
}

/* /proc/net/drop_reasons (rxos): "REASON count" for every drop reason. */
int drop_reasons_show(char *buf, int len)
{
	int n = 0;

	if (len > 0)
		buf[0] = '\0';
	for (int r = SKB_DROP_REASON_NOT_SPECIFIED; r < SKB_DROP_REASON_MAX;
	     r++)
		n += scnprintf(buf + n, len - n, "%s %lu\n", drop_reasons[r],
			       skb_counters.dropped[r]);
	return n;
}
