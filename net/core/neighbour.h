/*
 * neighbour.h - the neighbour table: link-layer addresses of the hosts
 * on our links (Linux: include/net/neighbour.h, include/uapi/linux/
 * neighbour.h). ARP (net/ipv4/arp.c) is its IPv4 user; `arp -n` and
 * /proc/net/arp show its entries.
 *
 * The state machine of one entry (Linux's NUD_* "neighbour unreachability
 * detection" states, RFC 4861 7.3.2; values are Linux's):
 *
 *              first packet: neigh_event_send
 *   NONE ------------------------------------> INCOMPLETE --- probes used up ---> FAILED
 *    |          (queue skb, solicit: ARP          |        (timer; queue dropped,
 *    |           broadcast every retrans_time)    |         NEIGH_FAILED)
 *    |                                            | reply: neigh_update(REACHABLE)
 *    |  request from it: neigh_update(STALE)      v        (queue flushed out)
 *    +----------------------> STALE <-------- REACHABLE <----------------------+
 *                              |   reachable_time passed (timer)    ^          |
 *          packet to send:     |                                    | reply    |
 *          neigh_event_send    v                                    |          |
 *                            DELAY ---- confirmed in time (timer) --+          |
 *                              |                                               |
 *                              | delay_probe_time passed, not confirmed        |
 *                              v                                               |
 *                            PROBE ---- unicast probes used up ---> FAILED     |
 *                              +-------------- reply --------------------------+
 *
 *   PERMANENT (arp -s) and NOARP (broadcast, loopback) never change by
 *   themselves; only an administrator (neigh_update with ..._F_ADMIN)
 *   changes a PERMANENT entry.
 *
 * Transitions and the functions that make them:
 *   NONE/FAILED/STALE -> INCOMPLETE/DELAY  neigh_event_send (__neigh_event_send)
 *   INCOMPLETE -> INCOMPLETE (resend)      neigh_timer_handler, probes < max
 *   INCOMPLETE/PROBE -> FAILED             neigh_timer_handler, probes >= max
 *   REACHABLE -> STALE / DELAY             neigh_timer_handler (DELAY if it
 *                                          was used in the last delay_probe_time)
 *   DELAY -> REACHABLE / PROBE             neigh_timer_handler
 *   any -> REACHABLE / STALE               neigh_update (arp_process)
 *   any -> PERMANENT / removed             neigh_update with NEIGH_UPDATE_F_ADMIN
 *                                          (arp -s / arp -d)
 *   STALE/FAILED, unused -> freed          neigh_periodic_work (gc_staletime)
 *
 * Invariants (neigh_check_state asserts them):
 *   - the timer is pending exactly in NUD_IN_TIMER states;
 *   - arp_queue is non-empty only in INCOMPLETE;
 *   - ha is valid in NUD_VALID states;
 *   - output is neigh_connected_output in NUD_CONNECTED states, else
 *     neigh_resolve_output.
 *
 * Ownership: the table holds one reference to each entry; lookups and
 * creations return another, dropped with neigh_release(). An entry
 * removed from the table is marked dead and freed with its last reference.
 *
 * Context: the receive path (arp_process) and the timers run in softirq;
 * ioctls and /proc in process context take local_bh_disable() around
 * table access. Linux has a per-entry rwlock and RCU lookups.
 */
#ifndef RXOS_NET_CORE_NEIGHBOUR_H
#define RXOS_NET_CORE_NEIGHBOUR_H

#include "kernel/atomic.h"
#include "kernel/timer.h"
#include "net/core/netdevice.h"
#include "net/core/skbuff.h"

/* NUD states (uapi/linux/neighbour.h) */
#define NUD_INCOMPLETE 0x01
#define NUD_REACHABLE 0x02
#define NUD_STALE 0x04
#define NUD_DELAY 0x08
#define NUD_PROBE 0x10
#define NUD_FAILED 0x20
#define NUD_NOARP 0x40
#define NUD_PERMANENT 0x80
#define NUD_NONE 0x00

#define NUD_IN_TIMER (NUD_INCOMPLETE | NUD_REACHABLE | NUD_DELAY | NUD_PROBE)
#define NUD_VALID                                                            \
	(NUD_PERMANENT | NUD_NOARP | NUD_REACHABLE | NUD_PROBE | NUD_STALE | \
	 NUD_DELAY)
#define NUD_CONNECTED (NUD_PERMANENT | NUD_NOARP | NUD_REACHABLE)

/* neigh_update flags */
/* OVERRIDE: a different lladdr replaces ours. ADMIN: the administrator,
 * who may touch PERMANENT/NOARP entries. */
#define NEIGH_UPDATE_F_OVERRIDE 0x00000001
#define NEIGH_UPDATE_F_ADMIN 0x80000000

/*
 * Tunables, Linux's defaults for ARP (net/ipv4/arp.c arp_tbl, shown in
 * /proc/sys/net/ipv4/neigh/default/ on Linux). Times in jiffies.
 */
struct neigh_parms {
	unsigned long base_reachable_time; /* 30 s */
	unsigned long reachable_time;	   /* random in [base/2, 3*base/2) */
	unsigned long retrans_time;	   /* 1 s between probes */
	unsigned long delay_probe_time;	   /* 5 s in DELAY */
	unsigned long gc_staletime;	   /* 60 s: unused STALE may go */
	int ucast_probes;		   /* 3, in PROBE */
	int mcast_probes;		   /* 3, broadcast, in INCOMPLETE */
	int app_probes;			   /* 0 (arpd) */
	unsigned int queue_len_bytes;	   /* unres_qlen_bytes: 212992 */
	unsigned int queue_len;		   /* rxos: 3 frames (Linux < 3.3's
					      unres_qlen) */
};

struct neigh_table;

struct neighbour {
	struct neighbour *next; /* in the table's list */
	struct neigh_table *tbl;
	struct neigh_parms *parms;
	struct net_device *dev;
	unsigned long confirmed; /* jiffies of the last proof it is there */
	unsigned long updated;	 /* jiffies of the last state change */
	unsigned long used;	 /* jiffies we last sent through it */
	atomic_t refcnt;
	uint8_t nud_state;
	uint8_t type; /* RTN_UNICAST, RTN_BROADCAST, ... of its address */
	uint8_t dead; /* removed from the table */
	int probes;   /* solicitations sent in this state */
	struct timer_list timer;
	unsigned char ha[MAX_ADDR_LEN]; /* the link-layer address */
	struct sk_buff_head arp_queue;	/* frames waiting for ha */
	unsigned int arp_queue_len_bytes;
	int (*output)(struct neighbour *n, struct sk_buff *skb);
	__be32 primary_key; /* the IPv4 address (Linux: u8 primary_key[]) */
};

struct neigh_statistics {
	unsigned long allocs, destroys, lookups, hits, res_failed;
	unsigned long unres_discards; /* dropped from a full arp_queue */
};

struct neigh_table {
	const char *id; /* "arp_cache" */
	struct neigh_parms parms;
	struct neighbour *entries; /* a list; Linux: a resizable hash */
	int count;
	/* set up a new entry: its type, state (NOARP?), output */
	int (*constructor)(struct neighbour *n);
	/* send a probe for n; skb is the frame that waits (or NULL) */
	void (*solicit)(struct neighbour *n, struct sk_buff *skb);
	struct timer_list gc_timer; /* neigh_periodic_work */
	struct neigh_statistics stats;
};

void neigh_table_init(struct neigh_table *tbl);
/* A referenced entry for (key, dev), or NULL. */
struct neighbour *neigh_lookup(struct neigh_table *tbl, __be32 key,
			       const struct net_device *dev);
/* Lookup, else create (NUD_NONE, or what the constructor says). A
 * referenced entry, or ERR_PTR(-ENOMEM/-ENOBUFS). */
struct neighbour *__neigh_create(struct neigh_table *tbl, __be32 key,
				 struct net_device *dev);
/*
 * Change n's link-layer address and state (arp_process, arp -s/-d).
 * lladdr NULL keeps the old one. Returns 0, -EPERM (PERMANENT/NOARP entry
 * and no ADMIN flag), -EINVAL (a valid state without any address).
 * Going NUD_CONNECTED sends the frames that waited.
 */
int neigh_update(struct neighbour *n, const uint8_t *lladdr, uint8_t new,
		 uint32_t flags);
/* Remove n from the table (arp -d); drops the table's reference. */
void neigh_remove_one(struct neighbour *n);
/*
 * A frame wants to go through n. 0: send it now (n->ha is valid).
 * 1: it was queued until resolution, or dropped (FAILED, queue full,
 * counted with a reason) - either way no longer the caller's.
 */
int __neigh_event_send(struct neighbour *n, struct sk_buff *skb);
/* Output for unresolved / resolved entries (n->output is one of them). */
int neigh_resolve_output(struct neighbour *n, struct sk_buff *skb);
int neigh_connected_output(struct neighbour *n, struct sk_buff *skb);
/* Empty the table of every entry of dev (or all, dev NULL). */
void neigh_ifdown(struct neigh_table *tbl, struct net_device *dev);
const char *neigh_state_name(uint8_t state); /* "REACHABLE" ... */
/* Checks the invariants above; returns false (and logs) if one fails. */
bool neigh_check_state(const struct neighbour *n);

static inline void neigh_hold(struct neighbour *n)
{
	atomic_inc(&n->refcnt);
}

void neigh_destroy(struct neighbour *n);

static inline void neigh_release(struct neighbour *n)
{
	if (atomic_dec_and_test(&n->refcnt))
		neigh_destroy(n);
}

/*
 * Send skb (data at the network header, skb->dev set) to n: resolved,
 * with the Ethernet header filled from n->ha straight to dev_queue_xmit;
 * unresolved, through n->output = neigh_resolve_output, which may queue
 * it. Consumes skb. Returns dev_queue_xmit's code, or 0 when queued.
 *
 * DOC: neigh_output
 */
static inline int neigh_output(struct neighbour *n, struct sk_buff *skb)
{
	return n->output(n, skb);
}

#endif
