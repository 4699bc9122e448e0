/*
 * dst.h - where a packet goes next: the destination cache entry
 * (Linux: include/net/dst.h).
 *
 * Routing (ip_route_input / ip_route_output_key, net/ipv4/route.c) decides
 * once per packet and records the decision in skb->_skb_dst. A dst_entry
 * says which device the packet leaves through and which function carries
 * it on:
 *
 *     dst->input   receive side: ip_local_deliver (for us), ip_forward,
 *                  or ip_error (no route) - called by dst_input()
 *     dst->output  transmit side: ip_output - called by dst_output()
 *
 * struct rtable (net/ipv4/route.h) embeds a dst_entry first and adds the
 * IPv4 facts (gateway, route type). Reference counted: skb_dst_set() hands
 * the caller's reference to the skb, freeing the skb drops it, and the
 * owner's destroy() runs when the last one goes.
 *
 * Linux caches dsts per route and frees them with RCU; rxos may allocate
 * one per lookup, and never needs RCU on one CPU with softirqs off.
 */
#ifndef RXOS_NET_CORE_DST_H
#define RXOS_NET_CORE_DST_H

#include "kernel/atomic.h"
#include "net/core/skbuff.h"

struct net_device;

struct dst_entry {
	struct net_device *dev;		  /* out through (or in, for local) */
	int (*input)(struct sk_buff *skb);  /* softirq; owns skb */
	int (*output)(struct sk_buff *skb); /* softirq or process; owns skb */
	void (*destroy)(struct dst_entry *dst); /* last reference gone */
	atomic_t __refcnt;
	int error; /* -EHOSTUNREACH/-ENETUNREACH for an unreachable route */
	unsigned short flags;
};

static inline struct dst_entry *dst_clone(struct dst_entry *dst)
{
	if (dst)
		atomic_inc(&dst->__refcnt);
	return dst;
}

static inline void dst_release(struct dst_entry *dst)
{
	if (dst && atomic_dec_and_test(&dst->__refcnt) && dst->destroy)
		dst->destroy(dst);
}

static inline struct dst_entry *skb_dst(const struct sk_buff *skb)
{
	return skb->_skb_dst;
}

/* Hands the caller's reference to skb, replacing (and dropping) any old. */
static inline void skb_dst_set(struct sk_buff *skb, struct dst_entry *dst)
{
	dst_release(skb->_skb_dst);
	skb->_skb_dst = dst;
}

static inline void skb_dst_drop(struct sk_buff *skb)
{
	skb_dst_set(skb, NULL);
}

/* Receive: carry the packet on as routing decided. */
static inline int dst_input(struct sk_buff *skb)
{
	return skb_dst(skb)->input(skb);
}

/* Transmit: ip_output for IPv4. */
static inline int dst_output(struct sk_buff *skb)
{
	return skb_dst(skb)->output(skb);
}

#endif
