/*
 * x_tables.h - the kernel's side of iptables tables (Linux:
 * include/linux/netfilter/x_tables.h, include/linux/netfilter_ipv4/ip_tables.h).
 *
 * A table (struct xt_table: "filter") owns the current rules
 * (struct xt_table_info: a checked copy of a user's blob). ipt_do_table
 * walks them for one packet at one hook; IPT_SO_SET_REPLACE swaps in a
 * new xt_table_info with bottom halves off, so a walk - always run with
 * bottom halves off itself - sees either the old rules or the new ones.
 */
#ifndef RXOS_NET_IPV4_NETFILTER_X_TABLES_H
#define RXOS_NET_IPV4_NETFILTER_X_TABLES_H

#include "net/ipv4/netfilter/ip_tables.h"
#include "net/netfilter/netfilter.h"

struct xt_table_info {
	unsigned int size;			   /* bytes of entries */
	unsigned int number;			   /* entries */
	unsigned int hook_entry[NF_INET_NUMHOOKS]; /* offsets: chain starts */
	unsigned int underflow[NF_INET_NUMHOOKS];  /* offsets: the policies */
	struct ipt_entry *entries;		   /* kmalloc'd, size bytes */
};

struct xt_table {
	struct list_head list;
	char name[IPT_TABLE_MAXNAMELEN];
	unsigned int valid_hooks;      /* 1 << NF_INET_* */
	int priority;		       /* NF_IP_PRI_FILTER ... */
	struct xt_table_info *private; /* replaced with bottom halves off */
	struct nf_hook_ops ops[NF_INET_NUMHOOKS];
};

/*
 * The hook function of every table (priv = the xt_table). Softirq or
 * process context; takes bottom halves off itself. Returns NF_ACCEPT or
 * NF_DROP; skb stays the caller's (the hook walk frees it on NF_DROP).
 */
unsigned int ipt_do_table(void *priv, struct sk_buff *skb,
			  const struct nf_hook_state *state);

/*
 * Check a replace blob (kernel memory; repl's header fields give its size,
 * entry count, hook offsets) for table valid_hooks, and fill info (its
 * entries pointer is set to blob). 0, -EINVAL for a malformed blob,
 * -ELOOP for chains that jump in a circle or nest deeper than
 * IPT_MAX_JUMP_DEPTH. Nothing in the blob is trusted before this passes.
 */
int ipt_translate_table(const struct ipt_replace *repl, void *blob,
			unsigned int valid_hooks, struct xt_table_info *info);

/* Boot: register table with the checked initial rules in repl + entries
 * (kernel memory, copied). 0 or -errno. Process context. */
int ipt_register_table(struct xt_table *table, const struct ipt_replace *repl);
void ipt_unregister_table(struct xt_table *table);
/* The socket options (nf_register_sockopt); once, before any table. */
int ip_tables_init(void);

/* The socket option handlers, for tests; user pointers. */
int do_ipt_set_ctl(struct sock *sk, int cmd, void __user *user,
		   unsigned int len);
int do_ipt_get_ctl(struct sock *sk, int cmd, void __user *user, int *len);

/* Targets (ipt_REJECT.c, ipt_LOG.c); called from ipt_do_table. */
void ipt_reject(struct sk_buff *skb, const struct nf_hook_state *state,
		unsigned int with);
void ipt_log_packet(const struct sk_buff *skb,
		    const struct nf_hook_state *state,
		    const struct ipt_log_info *info);

/* iptable_filter.c: the filter table, registered at boot. */
int iptable_filter_init(void);
extern struct xt_table iptable_filter;

#endif
