/*
 * iptable_filter.c - the "filter" table: INPUT, FORWARD, OUTPUT (Linux:
 * net/ipv4/netfilter/iptable_filter.c, ipt_alloc_initial_table).
 *
 * At boot the table holds just the three policies, ACCEPT, and the end
 * marker; ipt_do_table runs on LOCAL_IN, FORWARD and LOCAL_OUT at
 * NF_IP_PRI_FILTER (after conntrack/mangle/DNAT, before SNAT in Linux's
 * order). From then on `iptables` replaces the rules through the socket
 * options in ip_tables.c. Linux loads this as a module on first use and
 * can start FORWARD at DROP (forward=0); rxos builds it in, all ACCEPT.
 *
 * Context: iptable_filter_init runs once at boot, process context.
 */
#include "net/ipv4/netfilter/x_tables.h"
#include "kernel/errno.h"
#include "kernel/mm/slab.h"
#include "kernel/printk.h"

#define FILTER_VALID_HOOKS                                    \
	((1u << NF_INET_LOCAL_IN) | (1u << NF_INET_FORWARD) | \
	 (1u << NF_INET_LOCAL_OUT))

struct xt_table iptable_filter = {
	.name = "filter",
	.valid_hooks = FILTER_VALID_HOOKS,
	.priority = NF_IP_PRI_FILTER,
};

static void ipt_init_entry(struct ipt_entry *e)
{
	memset(e, 0, sizeof(*e));
	e->target_offset = offsetof(struct ipt_entry, target);
	e->next_offset = sizeof(*e);
}

/* policies for INPUT, FORWARD, OUTPUT, then ERROR "ERROR" */
static struct ipt_replace *ipt_alloc_initial_table(void)
{
	static const int hooks[] = { NF_INET_LOCAL_IN, NF_INET_FORWARD,
				     NF_INET_LOCAL_OUT };
	unsigned int n = ARRAY_SIZE(hooks) + 1,
		     size = n * sizeof(struct ipt_entry);
	struct ipt_replace *r = kzalloc(sizeof(*r) + size, GFP_KERNEL);

	if (!r)
		return NULL;
	strlcpy(r->name, iptable_filter.name, sizeof(r->name));
	r->valid_hooks = FILTER_VALID_HOOKS;
	r->num_entries = n;
	r->size = size;
	for (unsigned int i = 0; i < ARRAY_SIZE(hooks); i++) {
		ipt_init_entry(&r->entries[i]);
		r->entries[i].target.kind = IPT_TARGET_STANDARD;
		r->entries[i].target.u.verdict = IPT_VERDICT_ACCEPT;
		r->hook_entry[hooks[i]] = r->underflow[hooks[i]] =
			i * sizeof(struct ipt_entry);
	}
	ipt_init_entry(&r->entries[n - 1]);
	r->entries[n - 1].target.kind = IPT_TARGET_ERROR;
	strlcpy(r->entries[n - 1].target.u.errorname, IPT_ERROR_TARGET,
		IPT_FUNCTION_MAXNAMELEN);
	return r;
}

int iptable_filter_init(void)
{
	struct ipt_replace *r;
	int err = ip_tables_init();

	if (err)
		return err;
	r = ipt_alloc_initial_table();
	if (!r)
		return -ENOMEM;
	err = ipt_register_table(&iptable_filter, r);
	kfree(r);
	if (err)
		pr_err("iptable_filter: cannot register: %d\n", err);
	return err;
}
