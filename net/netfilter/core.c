/*
 * core.c - the netfilter hook walk (Linux: net/netfilter/core.c).
 *
 * One list of nf_hook_ops per (protocol family, hook), kept sorted by
 * priority. NF_HOOK (netfilter.h) asks nf_hook_active() first, so a hook
 * nobody registered costs one test; otherwise nf_hook_slow() walks the
 * list and acts on the verdicts. Linux stores the functions in an RCU-
 * protected array (struct nf_hook_entries) rebuilt on each registration;
 * a list is the same walk, easier to read, and safe here because
 * registration happens with bottom halves off on one CPU.
 *
 * Contexts: nf_hook_slow in the caller's (softirq, or process with
 * bottom halves off); (un)registration in process context.
 */
#include "net/netfilter/netfilter.h"
#include "kernel/errno.h"
#include "kernel/interrupt.h"
#include "kernel/printk.h"

static struct list_head nf_hooks[NFPROTO_NUMPROTO][NF_INET_NUMHOOKS];
static bool nf_hooks_ready;

static struct list_head *nf_hook_list(uint8_t pf, unsigned int hook)
{
	if (pf >= NFPROTO_NUMPROTO || hook >= NF_INET_NUMHOOKS)
		return NULL;
	if (!nf_hooks_ready) { /* first use: lists start empty */
		for (int p = 0; p < NFPROTO_NUMPROTO; p++)
			for (int h = 0; h < NF_INET_NUMHOOKS; h++)
				INIT_LIST_HEAD(&nf_hooks[p][h]);
		nf_hooks_ready = true;
	}
	return &nf_hooks[pf][hook];
}

bool nf_hook_active(uint8_t pf, unsigned int hook)
{
	struct list_head *head = nf_hook_list(pf, hook);

	return head && !list_empty(head);
}

/* Insert after every entry of lower or equal priority. */
int nf_register_net_hook(struct nf_hook_ops *ops)
{
	struct list_head *head = nf_hook_list(ops->pf, ops->hooknum);
	struct nf_hook_ops *pos;
	struct list_head *before;

	if (!head || !ops->hook)
		return -EINVAL;
	local_bh_disable();
	before = head;
	list_for_each_entry(pos, head, list) {
		if (pos->priority > ops->priority) {
			before = &pos->list;
			break;
		}
	}
	list_add_tail(&ops->list, before);
	local_bh_enable();
	return 0;
}

void nf_unregister_net_hook(struct nf_hook_ops *ops)
{
	local_bh_disable();
	list_del_init(&ops->list);
	local_bh_enable();
}

/*
 * DOC: nf_hook_slow
 * Call each function at the hook in priority order until one says other
 * than ACCEPT. Returns 1 when all accepted (NF_HOOK then calls okfn),
 * -EPERM after a drop (skb freed here), 0 when a function stole skb.
 */
int nf_hook_slow(struct sk_buff *skb, struct nf_hook_state *state)
{
	struct list_head *head = nf_hook_list(state->pf, state->hook);
	struct nf_hook_ops *ops;
	unsigned int verdict;

	list_for_each_entry(ops, head, list) {
		do {
			verdict = ops->hook(ops->priv, skb, state);
		} while (verdict == NF_REPEAT);

		switch (verdict) {
		case NF_ACCEPT:
		case NF_STOP:
			continue;
		case NF_STOLEN:
			return 0;
		default: /* NF_DROP, and NF_QUEUE with no queue to take it */
			kfree_skb_reason(skb, SKB_DROP_REASON_NETFILTER_DROP);
			return -EPERM;
		}
	}
	return 1;
}

static const char *const hook_names[NF_INET_NUMHOOKS] = {
	"PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING",
};

const char *nf_hook_name(unsigned int hook)
{
	return hook < NF_INET_NUMHOOKS ? hook_names[hook] : "?";
}

static const char *const verdict_names[NF_MAX_VERDICT + 1] = {
	"DROP", "ACCEPT", "STOLEN", "QUEUE", "REPEAT", "STOP",
};

const char *nf_verdict_name(unsigned int verdict)
{
	return verdict <= NF_MAX_VERDICT ? verdict_names[verdict] : "?";
}
