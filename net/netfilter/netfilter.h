/*
 * netfilter.h - the hooks packets pass through (Linux:
 * include/linux/netfilter.h, include/uapi/linux/netfilter.h,
 * include/uapi/linux/netfilter_ipv4.h).
 *
 * The IPv4 layer calls NF_HOOK at five points; iptables' tables register
 * functions there (nf_register_net_hook) with a priority:
 *
 *   wire -> PRE_ROUTING -> [route] -> LOCAL_IN -> local socket
 *                             |
 *                             +----> FORWARD ----+
 *                                                v
 *   local socket -> LOCAL_OUT -> [route] -> POST_ROUTING -> wire
 *
 * NF_HOOK(pf, hook, skb, in, out, okfn) walks the functions registered at
 * that hook, lowest priority first (nf_hook_slow). Each returns a verdict:
 *
 *   NF_ACCEPT  go on to the next function; after the last, okfn(skb) runs
 *   NF_DROP    the walk stops, skb is freed (SKB_DROP_REASON_NETFILTER_DROP),
 *              and NF_HOOK returns -EPERM
 *   NF_STOLEN  the function took skb (queued or freed it); NF_HOOK returns 0
 *   NF_REPEAT  call the same function again
 *   NF_QUEUE   (user-space queueing: not in rxos; treated as NF_DROP)
 *
 * Context: that of the caller - softirq on receive and forward, process or
 * softirq on local output. Hook functions must not sleep. Linux passes
 * (net, sk) as well; rxos has one namespace and skb->sk, so it does not.
 */
#ifndef RXOS_NET_NETFILTER_NETFILTER_H
#define RXOS_NET_NETFILTER_NETFILTER_H

#include <limits.h>

#include "kernel/kernel.h"
#include "kernel/uaccess.h"
#include "kernel/list.h"
#include "net/core/skbuff.h"

/* Verdicts (uapi/linux/netfilter.h) */
#define NF_DROP 0
#define NF_ACCEPT 1
#define NF_STOLEN 2
#define NF_QUEUE 3
#define NF_REPEAT 4
#define NF_STOP 5 /* deprecated in Linux; accepted here as NF_ACCEPT */
#define NF_MAX_VERDICT NF_STOP

enum nf_inet_hooks {
	NF_INET_PRE_ROUTING,
	NF_INET_LOCAL_IN,
	NF_INET_FORWARD,
	NF_INET_LOCAL_OUT,
	NF_INET_POST_ROUTING,
	NF_INET_NUMHOOKS
};

/* Protocol families that have hooks (Linux also has ARP, bridge, IPv6...) */
enum {
	NFPROTO_UNSPEC = 0,
	NFPROTO_IPV4 = 2,
	NFPROTO_NUMPROTO,
};

/* Where on a hook each table sits (uapi/linux/netfilter_ipv4.h). */
enum nf_ip_hook_priorities {
	NF_IP_PRI_FIRST = INT_MIN,
	NF_IP_PRI_RAW = -300,
	NF_IP_PRI_CONNTRACK = -200,
	NF_IP_PRI_MANGLE = -150,
	NF_IP_PRI_NAT_DST = -100,
	NF_IP_PRI_FILTER = 0,
	NF_IP_PRI_SECURITY = 50,
	NF_IP_PRI_NAT_SRC = 100,
	NF_IP_PRI_LAST = INT_MAX,
};

struct net_device;

/* What a hook function is told about where the packet is. */
struct nf_hook_state {
	uint8_t hook; /* NF_INET_* */
	uint8_t pf;   /* NFPROTO_* */
	struct net_device *in;	/* arrived on (PRE_ROUTING, LOCAL_IN, FORWARD) */
	struct net_device *out; /* leaves by (FORWARD, LOCAL_OUT, POST_ROUTING) */
	int (*okfn)(struct sk_buff *skb);
};

typedef unsigned int nf_hookfn(void *priv, struct sk_buff *skb,
			       const struct nf_hook_state *state);

struct nf_hook_ops {
	nf_hookfn *hook;
	void *priv; /* handed back to hook: the table, for iptables */
	uint8_t pf;
	unsigned int hooknum;
	int priority; /* lower runs first; equal: in registration order */
	struct list_head list; /* private to core.c */
};

/* Process context (boot, table load). 0 or -EINVAL for a bad pf/hooknum. */
int nf_register_net_hook(struct nf_hook_ops *ops);
void nf_unregister_net_hook(struct nf_hook_ops *ops);
/* true when something is registered at (pf, hook): the cheap NF_HOOK test */
bool nf_hook_active(uint8_t pf, unsigned int hook);

/* The hook walk. 1: accepted, call okfn; otherwise NF_HOOK's return. */
int nf_hook_slow(struct sk_buff *skb, struct nf_hook_state *state);

static inline int nf_hook(uint8_t pf, unsigned int hook, struct sk_buff *skb,
			  struct net_device *in, struct net_device *out,
			  int (*okfn)(struct sk_buff *))
{
	struct nf_hook_state state = { hook, pf, in, out, okfn };

	if (!nf_hook_active(pf, hook))
		return 1;
	return nf_hook_slow(skb, &state);
}

/* Run the hook; when it accepts, continue with okfn. */
static inline int NF_HOOK(uint8_t pf, unsigned int hook, struct sk_buff *skb,
			  struct net_device *in, struct net_device *out,
			  int (*okfn)(struct sk_buff *))
{
	int ret = nf_hook(pf, hook, skb, in, out, okfn);

	if (ret == 1)
		ret = okfn(skb);
	return ret;
}

/* The same, but the hook is skipped when cond is false (ip_output). */
static inline int NF_HOOK_COND(uint8_t pf, unsigned int hook,
			       struct sk_buff *skb, struct net_device *in,
			       struct net_device *out,
			       int (*okfn)(struct sk_buff *), bool cond)
{
	int ret = 1;

	if (cond)
		ret = nf_hook(pf, hook, skb, in, out, okfn);
	if (ret == 1)
		ret = okfn(skb);
	return ret;
}

/* Hook points and verdicts by name, for iptables -L, nettrace, logs. */
const char *nf_hook_name(unsigned int hook);	  /* "PREROUTING", ... */
const char *nf_verdict_name(unsigned int verdict); /* "ACCEPT", ... */

/*
 * ---- socket options for the table tools (Linux: nf_sockopt.c) ----
 * iptables reads and replaces its tables with getsockopt/setsockopt on an
 * AF_INET socket (IPT_SO_SET_REPLACE, IPT_SO_GET_INFO ...). ip_setsockopt
 * passes option numbers it does not know to nf_setsockopt, which finds
 * the registered range. set/get run in process context; they copy from or
 * to user memory themselves (user pointers) and return 0 or -errno.
 */
struct sock;
struct nf_sockopt_ops {
	struct list_head list;
	uint8_t pf;
	int set_optmin, set_optmax; /* [min, max) */
	int (*set)(struct sock *sk, int optval, void __user *user,
		   unsigned int len);
	int get_optmin, get_optmax;
	int (*get)(struct sock *sk, int optval, void __user *user, int *len);
};
int nf_register_sockopt(struct nf_sockopt_ops *reg);
void nf_unregister_sockopt(struct nf_sockopt_ops *reg);
/* -ENOPROTOOPT when no one registered optval. */
int nf_setsockopt(struct sock *sk, uint8_t pf, int optval, void __user *opt,
		  unsigned int len);
int nf_getsockopt(struct sock *sk, uint8_t pf, int optval, void __user *opt,
		  int *len);

#endif
