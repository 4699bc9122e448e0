/*
 * neighbour.c - the neighbour table's state machine (Linux:
 * net/core/neighbour.c). neighbour.h has the diagram and the table of
 * transitions; this file follows it function by function.
 *
 * Who calls what:
 *   transmit (ip_finish_output2, process or softirq): ip_neigh_gw4 ->
 *     __neigh_create, then neigh_output -> n->output, i.e.
 *     neigh_connected_output (resolved) or neigh_resolve_output ->
 *     __neigh_event_send (starts resolution, queues the frame)
 *   receive (arp_process, softirq): neigh_update -> sends what waited
 *   timers (softirq): neigh_timer_handler per entry, neigh_periodic_work
 *   administrator (ioctl, process context): neigh_update(..ADMIN),
 *     neigh_remove_one
 *
 * A pending timer holds a reference to its entry (neigh_add_timer), as in
 * Linux, so an entry cannot be freed under its own timer.
 */
#include "net/core/neighbour.h"
#include "kernel/err.h"
#include "kernel/errno.h"
#include "kernel/interrupt.h"
#include "kernel/mm/slab.h"
#include "kernel/printk.h"
#include "kernel/random.h"
#include "lib/string.h"

#define NEIGH_GC_INTERVAL (15 * HZ) /* Linux: base_reachable_time / 2 */
#define NEIGH_GC_THRESH1 128	    /* Linux: no gc below 128 entries */

/* Linux: neigh_rand_reach_time, uniform in [base/2, 3*base/2). */
static unsigned long neigh_rand_reach_time(unsigned long base)
{
	return base ? (get_random_u32() % base) + (base >> 1) : 0;
}

static void neigh_add_timer(struct neighbour *n, unsigned long when)
{
	if (!timer_pending(&n->timer))
		neigh_hold(n); /* the timer's reference */
	mod_timer(&n->timer, when);
}

/* Caller holds its own reference, so the release cannot free n. */
static void neigh_del_timer(struct neighbour *n)
{
	if (del_timer(&n->timer))
		neigh_release(n);
}

static void neigh_connect(struct neighbour *n)
{
	n->output = neigh_connected_output;
}

static void neigh_suspect(struct neighbour *n)
{
	n->output = neigh_resolve_output;
}

/* Output of a removed entry: nothing may go through it any more. */
static int neigh_blackhole(struct neighbour *n, struct sk_buff *skb)
{
	kfree_skb_reason(skb, SKB_DROP_REASON_NEIGH_DEAD);
	return -ENETDOWN;
}

static void neigh_timer_handler(struct timer_list *t);

static struct neighbour *neigh_alloc(struct neigh_table *tbl,
				     struct net_device *dev)
{
	struct neighbour *n = kzalloc(sizeof(*n), GFP_ATOMIC);

	if (!n)
		return NULL;
	n->tbl = tbl;
	n->parms = &tbl->parms;
	n->dev = dev;
	n->nud_state = NUD_NONE;
	n->output = neigh_resolve_output;
	n->updated = n->used = jiffies;
	skb_queue_head_init(&n->arp_queue);
	timer_setup(&n->timer, neigh_timer_handler, 0);
	atomic_set(&n->refcnt, 1); /* the table's */
	tbl->stats.allocs++;
	return n;
}

void neigh_destroy(struct neighbour *n)
{
	struct sk_buff *skb;

	if (!n->dead)
		printk(KERN_WARNING "neigh: destroying a live entry\n");
	del_timer(&n->timer);
	while ((skb = __skb_dequeue(&n->arp_queue)))
		kfree_skb_reason(skb, SKB_DROP_REASON_NEIGH_DEAD);
	n->tbl->stats.destroys++;
	kfree(n);
}

static struct neighbour *__neigh_lookup_noref(struct neigh_table *tbl,
					      __be32 key,
					      const struct net_device *dev)
{
	struct neighbour *n;

	for (n = tbl->entries; n; n = n->next)
		if (n->primary_key == key && n->dev == dev)
			return n;
	return NULL;
}

struct neighbour *neigh_lookup(struct neigh_table *tbl, __be32 key,
			       const struct net_device *dev)
{
	struct neighbour *n;

	local_bh_disable();
	tbl->stats.lookups++;
	n = __neigh_lookup_noref(tbl, key, dev);
	if (n) {
		tbl->stats.hits++;
		neigh_hold(n);
	}
	local_bh_enable();
	return n;
}

struct neighbour *__neigh_create(struct neigh_table *tbl, __be32 key,
				 struct net_device *dev)
{
	struct neighbour *n = neigh_lookup(tbl, key, dev);

	if (n)
		return n;
	n = neigh_alloc(tbl, dev);
	if (!n)
		return ERR_PTR(-ENOBUFS);
	n->primary_key = key;
	if (tbl->constructor && tbl->constructor(n) < 0) {
		n->dead = 1;
		neigh_release(n);
		return ERR_PTR(-EINVAL);
	}
	local_bh_disable();
	n->next = tbl->entries; /* Linux: hash bucket head */
	tbl->entries = n;
	tbl->count++;
	neigh_hold(n); /* the caller's */
	local_bh_enable();
	return n;
}

static void neigh_unlink(struct neighbour *n)
{
	struct neighbour **pp = &n->tbl->entries;

	while (*pp && *pp != n)
		pp = &(*pp)->next;
	if (*pp) {
		*pp = n->next;
		n->tbl->count--;
	}
	n->next = NULL;
}

/* Caller holds a reference of its own. */
void neigh_remove_one(struct neighbour *n)
{
	local_bh_disable();
	if (!n->dead) {
		neigh_unlink(n);
		n->dead = 1;
		n->output = neigh_blackhole;
		neigh_del_timer(n);
		neigh_release(n); /* the table's reference */
	}
	local_bh_enable();
}

void neigh_ifdown(struct neigh_table *tbl, struct net_device *dev)
{
	struct neighbour *n, *next;

	local_bh_disable();
	for (n = tbl->entries; n; n = next) {
		next = n->next;
		if (dev && n->dev != dev)
			continue;
		neigh_hold(n);
		neigh_remove_one(n);
		neigh_release(n);
	}
	local_bh_enable();
}

/* Send one solicitation (ARP request) and count it. Linux: neigh_probe. */
static void neigh_probe(struct neighbour *n)
{
	struct sk_buff *skb = skb_peek(&n->arp_queue);

	n->probes++;
	if (n->tbl->solicit)
		n->tbl->solicit(n, skb);
}

/* Resolution failed: every frame that waited is dropped (NEIGH_FAILED).
 * Linux also reports it (arp_error_report: ICMP host unreachable). */
static void neigh_invalidate(struct neighbour *n)
{
	struct sk_buff *skb;

	n->tbl->stats.res_failed++;
	while ((skb = __skb_dequeue(&n->arp_queue)))
		kfree_skb_reason(skb, SKB_DROP_REASON_NEIGH_FAILED);
	n->arp_queue_len_bytes = 0;
}

static int neigh_max_probes(const struct neighbour *n)
{
	const struct neigh_parms *p = n->parms;

	return p->app_probes +
	       (n->nud_state & NUD_PROBE ? p->ucast_probes : p->mcast_probes);
}

static unsigned long neigh_retrans(const struct neighbour *n)
{
	unsigned long r = n->parms->retrans_time;

	return r > HZ / 100 ? r : HZ / 100;
}

/* REACHABLE timer: still confirmed, recently used (DELAY), or STALE. */
static unsigned long neigh_timer_reachable(struct neighbour *n,
					   unsigned long now)
{
	const struct neigh_parms *p = n->parms;

	if (time_before_eq(now, n->confirmed + p->reachable_time))
		return n->confirmed + p->reachable_time;
	n->updated = now;
	if (time_before_eq(now, n->used + p->delay_probe_time)) {
		n->nud_state = NUD_DELAY;
		return now + p->delay_probe_time;
	}
	n->nud_state = NUD_STALE;
	neigh_suspect(n);
	return 0;
}

/* DELAY timer: confirmed meanwhile (REACHABLE) or start probing. */
static unsigned long neigh_timer_delay(struct neighbour *n, unsigned long now)
{
	const struct neigh_parms *p = n->parms;

	if (time_before_eq(now, n->confirmed + p->delay_probe_time)) {
		n->nud_state = NUD_REACHABLE;
		n->updated = now;
		neigh_connect(n);
		return n->confirmed + p->reachable_time;
	}
	n->nud_state = NUD_PROBE;
	n->updated = now;
	n->probes = 0;
	return now + neigh_retrans(n);
}

/*
 * The per-entry timer: softirq. The timer's reference is released at the
 * end; re-arming takes a new one.
 */
static void neigh_timer_handler(struct timer_list *t)
{
	struct neighbour *n = container_of(t, struct neighbour, timer);
	unsigned long now = jiffies, next = 0;
	uint8_t state = n->nud_state;

	if (!(state & NUD_IN_TIMER) || n->dead)
		goto out;
	if (state & NUD_REACHABLE)
		next = neigh_timer_reachable(n, now);
	else if (state & NUD_DELAY)
		next = neigh_timer_delay(n, now);
	else /* INCOMPLETE, PROBE */
		next = now + neigh_retrans(n);
	if ((n->nud_state & (NUD_INCOMPLETE | NUD_PROBE)) &&
	    n->probes >= neigh_max_probes(n)) {
		n->nud_state = NUD_FAILED;
		n->updated = now;
		neigh_suspect(n);
		neigh_invalidate(n);
		goto out;
	}
	if (n->nud_state & NUD_IN_TIMER)
		neigh_add_timer(n, next);
	if (n->nud_state & (NUD_INCOMPLETE | NUD_PROBE))
		neigh_probe(n);
out:
	neigh_release(n);
}

/* Queue skb on an INCOMPLETE entry, dropping the oldest beyond the bound. */
static void neigh_queue(struct neighbour *n, struct sk_buff *skb)
{
	const struct neigh_parms *p = n->parms;

	while (n->arp_queue_len_bytes + skb->truesize > p->queue_len_bytes ||
	       skb_queue_len(&n->arp_queue) >= p->queue_len) {
		struct sk_buff *old = __skb_dequeue(&n->arp_queue);

		if (!old)
			break;
		n->arp_queue_len_bytes -= old->truesize;
		n->tbl->stats.unres_discards++;
		kfree_skb_reason(old, SKB_DROP_REASON_NEIGH_QUEUEFULL);
	}
	__skb_queue_tail(&n->arp_queue, skb);
	n->arp_queue_len_bytes += skb->truesize;
}

/* NONE/FAILED: start resolving. 0, or 1 when resolution cannot start. */
static int neigh_start_resolve(struct neighbour *n, struct sk_buff *skb)
{
	if (!(n->parms->mcast_probes + n->parms->app_probes)) {
		n->nud_state = NUD_FAILED;
		n->updated = jiffies;
		kfree_skb_reason(skb, SKB_DROP_REASON_NEIGH_FAILED);
		return 1;
	}
	neigh_del_timer(n);
	n->nud_state = NUD_INCOMPLETE;
	n->updated = jiffies;
	n->probes = 0;
	neigh_add_timer(n, jiffies + neigh_retrans(n));
	return 0;
}

/* DOC: __neigh_event_send */
int __neigh_event_send(struct neighbour *n, struct sk_buff *skb)
{
	bool immediate_probe = false;
	int rc = 0;

	local_bh_disable();
	if (n->nud_state & (NUD_CONNECTED | NUD_DELAY | NUD_PROBE))
		goto out;
	if (n->dead) {
		kfree_skb_reason(skb, SKB_DROP_REASON_NEIGH_DEAD);
		rc = 1;
		goto out;
	}
	if (!(n->nud_state & (NUD_STALE | NUD_INCOMPLETE))) {
		if (neigh_start_resolve(n, skb)) {
			rc = 1;
			goto out;
		}
		immediate_probe = true;
	} else if (n->nud_state & NUD_STALE) {
		/* Send with the old address, confirm it within 5 s. */
		neigh_del_timer(n);
		n->nud_state = NUD_DELAY;
		n->updated = jiffies;
		neigh_add_timer(n, jiffies + n->parms->delay_probe_time);
	}
	if (n->nud_state == NUD_INCOMPLETE) {
		if (skb)
			neigh_queue(n, skb);
		rc = 1;
	}
	if (immediate_probe)
		neigh_probe(n);
out:
	local_bh_enable();
	return rc;
}

/* Linux: neigh_event_send, the inline fast check. */
static int neigh_event_send(struct neighbour *n, struct sk_buff *skb)
{
	n->used = jiffies;
	if (!(n->nud_state & (NUD_CONNECTED | NUD_DELAY | NUD_PROBE)))
		return __neigh_event_send(n, skb);
	return 0;
}

static int neigh_hard_header_xmit(struct neighbour *n, struct sk_buff *skb)
{
	struct net_device *dev = n->dev;

	skb->dev = dev;
	if (dev_hard_header(skb, dev, ntohs(skb->protocol), n->ha, NULL,
			    skb->len) < 0) {
		kfree_skb_reason(skb, SKB_DROP_REASON_DEV_HDR);
		return -EINVAL;
	}
	return dev_queue_xmit(skb);
}

/* DOC: neigh_resolve_output */
int neigh_resolve_output(struct neighbour *n, struct sk_buff *skb)
{
	if (neigh_event_send(n, skb))
		return 0; /* queued (or dropped, counted) */
	return neigh_hard_header_xmit(n, skb);
}

int neigh_connected_output(struct neighbour *n, struct sk_buff *skb)
{
	return neigh_hard_header_xmit(n, skb);
}

/* Old state invalid, new valid: send what waited (Linux: in neigh_update). */
static void neigh_flush_queue(struct neighbour *n)
{
	struct sk_buff *skb;

	while ((n->nud_state & NUD_VALID) &&
	       (skb = __skb_dequeue(&n->arp_queue))) {
		n->arp_queue_len_bytes -= skb->truesize;
		n->output(n, skb);
	}
	while ((skb = __skb_dequeue(&n->arp_queue)))
		kfree_skb_reason(skb, SKB_DROP_REASON_NEIGH_FAILED);
	n->arp_queue_len_bytes = 0;
}

/* To an invalid state (FAILED, NONE, INCOMPLETE by an admin). */
static int neigh_update_invalid(struct neighbour *n, uint8_t new)
{
	uint8_t old = n->nud_state;

	neigh_del_timer(n);
	if (old & NUD_CONNECTED)
		neigh_suspect(n);
	n->nud_state = new;
	if ((old & (NUD_INCOMPLETE | NUD_PROBE)) && (new &NUD_FAILED))
		neigh_invalidate(n);
	return 0;
}

/*
 * Which address to keep, or NULL to leave the entry alone: a different
 * address replaces a valid one only with OVERRIDE; a STALE report of the
 * same address does not demote a better state (*new = old).
 */
static const uint8_t *neigh_update_addr(struct neighbour *n,
					const uint8_t *lladdr, uint8_t *new,
					uint32_t flags, int *err)
{
	uint8_t old = n->nud_state;
	bool same;

	*err = 0;
	if (!lladdr) {
		if (!(old & NUD_VALID)) {
			*err = -EINVAL;
			return NULL;
		}
		return n->ha;
	}
	same = (old & NUD_VALID) && !memcmp(lladdr, n->ha, n->dev->addr_len);
	if (!(old & NUD_VALID))
		return lladdr;
	if (!same && !(flags & NEIGH_UPDATE_F_OVERRIDE))
		return NULL;
	if (same && *new == NUD_STALE && !(flags & NEIGH_UPDATE_F_ADMIN))
		*new = old;
	return same ? n->ha : lladdr;
}

static int __neigh_update(struct neighbour *n, const uint8_t *lladdr,
			  uint8_t new, uint32_t flags)
{
	uint8_t old = n->nud_state;
	int err;

	if (!(flags & NEIGH_UPDATE_F_ADMIN) &&
	    (old & (NUD_NOARP | NUD_PERMANENT)))
		return -EPERM;
	if (n->dead)
		return -ENOENT;
	if (!(new &NUD_VALID))
		return neigh_update_invalid(n, new);
	lladdr = neigh_update_addr(n, lladdr, &new, flags, &err);
	if (!lladdr)
		return err;
	if (new &NUD_CONNECTED)
		n->confirmed = jiffies;
	if (new != old || lladdr != n->ha)
		n->updated = jiffies;
	if (new != old) {
		neigh_del_timer(n);
		if (new &NUD_PROBE)
			n->probes = 0;
		if (new &NUD_IN_TIMER)
			neigh_add_timer(
				n, jiffies + (new &NUD_REACHABLE ?
						      n->parms->reachable_time :
						      0));
		n->nud_state = new;
	}
	if (lladdr != n->ha) {
		memcpy(n->ha, lladdr, n->dev->addr_len);
		if (!(new &NUD_CONNECTED)) /* not confirmed: probe soon */
			n->confirmed =
				jiffies - (n->parms->base_reachable_time << 1);
	}
	if (new == old)
		return 0;
	if (new &NUD_CONNECTED)
		neigh_connect(n);
	else
		neigh_suspect(n);
	if (!(old & NUD_VALID))
		neigh_flush_queue(n);
	return 0;
}

/* DOC: neigh_update */
int neigh_update(struct neighbour *n, const uint8_t *lladdr, uint8_t new,
		 uint32_t flags)
{
	int err;

	local_bh_disable();
	err = __neigh_update(n, lladdr, new, flags);
	local_bh_enable();
	return err;
}

/*
 * Linux: neigh_periodic_work. Frees entries nobody holds that FAILED or
 * were unused for gc_staletime - but only once the table has
 * gc_thresh1 (128) entries, so on a small network entries stay.
 */
static void neigh_periodic_work(struct timer_list *t)
{
	struct neigh_table *tbl = container_of(t, struct neigh_table, gc_timer);
	struct neighbour *n, *next;

	if (tbl->count >= NEIGH_GC_THRESH1) {
		for (n = tbl->entries; n; n = next) {
			next = n->next;
			if ((n->nud_state &
			     (NUD_PERMANENT | NUD_NOARP | NUD_IN_TIMER)) ||
			    atomic_read(&n->refcnt) != 1)
				continue;
			if (n->nud_state == NUD_FAILED ||
			    time_after(jiffies,
				       n->used + n->parms->gc_staletime)) {
				neigh_hold(n);
				neigh_remove_one(n);
				neigh_release(n);
			}
		}
	}
	mod_timer(&tbl->gc_timer, jiffies + NEIGH_GC_INTERVAL);
}

void neigh_table_init(struct neigh_table *tbl)
{
	struct neigh_parms *p = &tbl->parms;

	p->reachable_time = neigh_rand_reach_time(p->base_reachable_time);
	tbl->entries = NULL;
	tbl->count = 0;
	memset(&tbl->stats, 0, sizeof(tbl->stats));
	timer_setup(&tbl->gc_timer, neigh_periodic_work, 0);
	mod_timer(&tbl->gc_timer, jiffies + NEIGH_GC_INTERVAL);
}

const char *neigh_state_name(uint8_t state)
{
	switch (state) {
	case NUD_NONE:
		return "NONE";
	case NUD_INCOMPLETE:
		return "INCOMPLETE";
	case NUD_REACHABLE:
		return "REACHABLE";
	case NUD_STALE:
		return "STALE";
	case NUD_DELAY:
		return "DELAY";
	case NUD_PROBE:
		return "PROBE";
	case NUD_FAILED:
		return "FAILED";
	case NUD_NOARP:
		return "NOARP";
	case NUD_PERMANENT:
		return "PERMANENT";
	default:
		return "?";
	}
}

bool neigh_check_state(const struct neighbour *n)
{
	bool in_timer = n->nud_state & NUD_IN_TIMER;
	bool connected = n->nud_state & NUD_CONNECTED;
	const char *bad = NULL;

	if (n->dead)
		return true;
	if (in_timer != !!timer_pending(&n->timer))
		bad = "timer pending iff NUD_IN_TIMER";
	else if (!skb_queue_empty(&n->arp_queue) &&
		 n->nud_state != NUD_INCOMPLETE)
		bad = "frames queued outside INCOMPLETE";
	else if (connected != (n->output == neigh_connected_output))
		bad = "output matches the state";
	if (!bad)
		return true;
	printk(KERN_ERR "neigh %08x: %s violated in %s\n", n->primary_key, bad,
	       neigh_state_name(n->nud_state));
	return false;
}
