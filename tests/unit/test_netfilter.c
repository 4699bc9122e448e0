/* Host tests for net/netfilter/core.c: the hook walk and its verdicts. */
#include "tests/unit/shim_netcore.h"
#include "net/netfilter/core.c"
#include "net/netfilter/nf_sockopt.c"

static char order[16];
static int norder, okfn_calls, repeats;

static unsigned int record(void *priv, struct sk_buff *skb,
			   const struct nf_hook_state *st)
{
	order[norder++] = *(char *)priv;
	return NF_ACCEPT;
}

static unsigned int drop(void *priv, struct sk_buff *skb,
			 const struct nf_hook_state *st)
{
	order[norder++] = 'D';
	return NF_DROP;
}

static unsigned int steal(void *priv, struct sk_buff *skb,
			  const struct nf_hook_state *st)
{
	order[norder++] = 'S';
	kfree_skb(skb); /* a stealer owns the skb */
	return NF_STOLEN;
}

static unsigned int repeat_twice(void *priv, struct sk_buff *skb,
				 const struct nf_hook_state *st)
{
	return ++repeats < 3 ? NF_REPEAT : NF_ACCEPT;
}

static int okfn(struct sk_buff *skb)
{
	okfn_calls++;
	consume_skb(skb);
	return 0;
}

static void reset(void)
{
	if (!skbuff_head_cache)
		skb_init();
	memset(order, 0, sizeof(order));
	norder = okfn_calls = repeats = 0;
}

static int run_hook(unsigned int hook)
{
	struct sk_buff *skb = alloc_skb(64, GFP_ATOMIC);

	return NF_HOOK(NFPROTO_IPV4, hook, skb, NULL, NULL, okfn);
}

#define OPS(fn, c, prio, hk) \
	{ .hook = fn, .priv = (c), .pf = NFPROTO_IPV4, .hooknum = hk, .priority = prio }

TEST(empty_hook_goes_straight_to_okfn)
{
	reset();
	CHECK(!nf_hook_active(NFPROTO_IPV4, NF_INET_FORWARD));
	CHECK_EQ(run_hook(NF_INET_FORWARD), 0);
	CHECK_EQ(okfn_calls, 1);
}

TEST(functions_run_lowest_priority_first_then_okfn)
{
	static char a = 'a', b = 'b', c = 'c';
	struct nf_hook_ops o1 = OPS(record, &b, 0, NF_INET_LOCAL_IN);
	struct nf_hook_ops o2 = OPS(record, &a, -100, NF_INET_LOCAL_IN);
	struct nf_hook_ops o3 = OPS(record, &c, 0, NF_INET_LOCAL_IN);

	reset();
	CHECK_EQ(nf_register_net_hook(&o1), 0);
	CHECK_EQ(nf_register_net_hook(&o2), 0);
	CHECK_EQ(nf_register_net_hook(&o3), 0);
	CHECK_EQ(run_hook(NF_INET_LOCAL_IN), 0);
	CHECK_STR(order, "abc"); /* equal priorities: registration order */
	CHECK_EQ(okfn_calls, 1);
	nf_unregister_net_hook(&o1);
	nf_unregister_net_hook(&o2);
	nf_unregister_net_hook(&o3);
	CHECK(!nf_hook_active(NFPROTO_IPV4, NF_INET_LOCAL_IN));
}

TEST(drop_stops_the_walk_frees_the_skb_and_counts_the_reason)
{
	static char a = 'a';
	struct nf_hook_ops d = OPS(drop, NULL, 0, NF_INET_PRE_ROUTING);
	struct nf_hook_ops after = OPS(record, &a, 10, NF_INET_PRE_ROUTING);
	unsigned long before = skb_drop_count(SKB_DROP_REASON_NETFILTER_DROP);
	unsigned long live = skb_live_count();

	reset();
	nf_register_net_hook(&d);
	nf_register_net_hook(&after);
	CHECK_EQ(run_hook(NF_INET_PRE_ROUTING), -EPERM);
	CHECK_STR(order, "D");
	CHECK_EQ(okfn_calls, 0);
	CHECK_EQ(skb_drop_count(SKB_DROP_REASON_NETFILTER_DROP), before + 1);
	CHECK_EQ(skb_live_count(), live);
	nf_unregister_net_hook(&d);
	nf_unregister_net_hook(&after);
}

TEST(stolen_returns_zero_without_okfn)
{
	struct nf_hook_ops s = OPS(steal, NULL, 0, NF_INET_LOCAL_OUT);

	reset();
	nf_register_net_hook(&s);
	CHECK_EQ(run_hook(NF_INET_LOCAL_OUT), 0);
	CHECK_EQ(okfn_calls, 0);
	CHECK_STR(order, "S");
	nf_unregister_net_hook(&s);
}

TEST(repeat_calls_the_same_function_again)
{
	struct nf_hook_ops r = OPS(repeat_twice, NULL, 0, NF_INET_POST_ROUTING);

	reset();
	nf_register_net_hook(&r);
	CHECK_EQ(run_hook(NF_INET_POST_ROUTING), 0);
	CHECK_EQ(repeats, 3);
	CHECK_EQ(okfn_calls, 1);
	nf_unregister_net_hook(&r);
}

TEST(cond_false_skips_the_hook)
{
	struct nf_hook_ops d = OPS(drop, NULL, 0, NF_INET_POST_ROUTING);
	struct sk_buff *skb = alloc_skb(64, GFP_ATOMIC);

	reset();
	nf_register_net_hook(&d);
	CHECK_EQ(NF_HOOK_COND(NFPROTO_IPV4, NF_INET_POST_ROUTING, skb, NULL,
			      NULL, okfn, false), 0);
	CHECK_EQ(okfn_calls, 1);
	CHECK_EQ(norder, 0);
	nf_unregister_net_hook(&d);
}

TEST(bad_family_or_hook_is_refused)
{
	struct nf_hook_ops bad = OPS(record, NULL, 0, NF_INET_NUMHOOKS);

	CHECK_EQ(nf_register_net_hook(&bad), -EINVAL);
	bad.hooknum = 0;
	bad.pf = 77;
	CHECK_EQ(nf_register_net_hook(&bad), -EINVAL);
}

static int fake_set(struct sock *sk, int val, void *u, unsigned int len)
{
	return 100 + val;
}

TEST(sockopt_ranges_route_to_their_owner_and_may_not_overlap)
{
	struct nf_sockopt_ops a = { .pf = NFPROTO_IPV4, .set_optmin = 64,
				    .set_optmax = 66, .set = fake_set };
	struct nf_sockopt_ops b = { .pf = NFPROTO_IPV4, .set_optmin = 65,
				    .set_optmax = 70, .set = fake_set };

	CHECK_EQ(nf_register_sockopt(&a), 0);
	CHECK_EQ(nf_register_sockopt(&b), -EBUSY);
	CHECK_EQ(nf_setsockopt(NULL, NFPROTO_IPV4, 65, NULL, 0), 165);
	CHECK_EQ(nf_setsockopt(NULL, NFPROTO_IPV4, 66, NULL, 0), -ENOPROTOOPT);
	CHECK_EQ(nf_getsockopt(NULL, NFPROTO_IPV4, 64, NULL, NULL),
		 -ENOPROTOOPT);
	nf_unregister_sockopt(&a);
	CHECK_EQ(nf_setsockopt(NULL, NFPROTO_IPV4, 65, NULL, 0), -ENOPROTOOPT);
}

TEST(names_match_iptables)
{
	CHECK_STR(nf_hook_name(NF_INET_LOCAL_IN), "INPUT");
	CHECK_STR(nf_hook_name(NF_INET_POST_ROUTING), "POSTROUTING");
	CHECK_STR(nf_verdict_name(NF_DROP), "DROP");
}

RUN_TESTS()
