/* placeholder, replaced below */
#include "net/ipv4/netfilter/x_tables.h"
void ipt_reject(struct sk_buff *skb, const struct nf_hook_state *state,
		unsigned int with)
{
}
