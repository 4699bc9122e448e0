/*
 * Host tests for net/ipv4/netfilter: ipt_do_table's matching and targets,
 * driven through the real hook walk (NF_HOOK) and the real socket options
 * (IPT_SO_SET_REPLACE ...), and the blob checker, which must refuse every
 * malformed table and leave the running one untouched.
 */
#include "tests/unit/shim_netcore.h"
#include "lib/checksum.c"
#include "net/netfilter/core.c"
#include "net/netfilter/nf_sockopt.c"
#include "net/ipv4/netfilter/ip_tables.c"
#include "net/ipv4/netfilter/iptable_filter.c"
#include "net/ipv4/netfilter/ipt_LOG.c"
#include "net/ipv4/netfilter/ipt_REJECT.c"

/* "User memory" is plain memory here. */
unsigned long copy_from_user(void *to, const void __user *from,
			     unsigned long n)
{
	memcpy(to, from, n);
	return 0;
}

unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{
	memcpy(to, from, n);
	return 0;
}

void ip_send_check(struct iphdr *iph)
{
	iph->check = 0;
	iph->check = ip_fast_csum(iph, iph->ihl);
}

/* icmp_send as REJECT calls it: remembered, not sent. */
static int icmp_sent, icmp_type_sent, icmp_code_sent;
void icmp_send(struct sk_buff *skb_in, int type, int code, __be32 info)
{
	icmp_sent++;
	icmp_type_sent = type;
	icmp_code_sent = code;
}

/* The RST's way out: counted here, not routed. */
static int rst_routed;
struct rtable *ip_route_output(__be32 daddr, __be32 saddr, int oif)
{
	rst_routed++;
	return ERR_PTR(-ENETUNREACH);
}

int ip_local_out(struct sk_buff *skb)
{
	consume_skb(skb);
	return 0;
}

static struct net_device eth0 = { .name = "eth0", .hard_header_len = 14 };
static struct net_device eth1 = { .name = "eth1", .hard_header_len = 14 };
static struct net_device wlan0 = { .name = "wlan0", .hard_header_len = 14 };

/* No skb left; the running table is two blocks (info, entries). */
#define CHECK_ONLY_THE_TABLE_LIVE()            \
	do {                                   \
		CHECK_EQ(skb_live_count(), 0);  \
		CHECK_EQ(host_kmalloc_live, 2); \
	} while (0)

#define IP(a, b, c, d) htonl((a) << 24 | (b) << 16 | (c) << 8 | (d))
#define ES sizeof(struct ipt_entry)

/* ---- building tables ---- */
static struct ipt_entry ents[64];
static unsigned int nents, hook_entry[5], underflow[5];

static struct ipt_entry *add(void)
{
	struct ipt_entry *e = &ents[nents++];

	ipt_init_entry(e);
	e->target.u.verdict = IPT_VERDICT_ACCEPT;
	return e;
}

static void tb_reset(void)
{
	memset(ents, 0, sizeof(ents));
	nents = 0;
}

static void chain_start(int hook)
{
	hook_entry[hook] = nents * ES;
}

static struct ipt_entry *policy(int hook, int verdict)
{
	struct ipt_entry *e;

	underflow[hook] = nents * ES;
	e = add();
	e->target.u.verdict = verdict;
	return e;
}

/* An empty builtin chain with policy ACCEPT. */
static void empty_chain(int hook)
{
	chain_start(hook);
	policy(hook, IPT_VERDICT_ACCEPT);
}

/* User chain header; returns the offset jumps use. */
static int user_chain(const char *name)
{
	struct ipt_entry *e = add();

	e->target.kind = IPT_TARGET_ERROR;
	strlcpy(e->target.u.errorname, name, IPT_FUNCTION_MAXNAMELEN);
	return nents * ES;
}

static void user_chain_end(void)
{
	add()->target.u.verdict = IPT_RETURN;
}

static void table_end(void)
{
	user_chain(IPT_ERROR_TARGET);
}

static struct ipt_entry *rule(int verdict)
{
	struct ipt_entry *e = add();

	e->target.u.verdict = verdict;
	return e;
}

static void set_src(struct ipt_entry *e, __be32 addr, int plen)
{
	e->ip.src = addr;
	e->ip.smsk = inet_make_mask(plen);
}

static void set_ports(struct ipt_entry *e, int proto, uint16_t dmin,
		      uint16_t dmax)
{
	e->ip.proto = proto;
	e->match.kind = proto == IPPROTO_TCP ? IPT_MATCH_TCP : IPT_MATCH_UDP;
	e->match.spts[0] = 0;
	e->match.spts[1] = 0xFFFF;
	e->match.dpts[0] = dmin;
	e->match.dpts[1] = dmax;
}

static void set_iface(char *name, unsigned char *mask, const char *spec)
{
	size_t n = strlen(spec);

	memset(name, 0, IPT_IFNAMSIZ);
	memset(mask, 0, IPT_IFNAMSIZ);
	if (spec[n - 1] == '+') {
		memcpy(name, spec, n - 1);
		memset(mask, 0xFF, n - 1);
	} else {
		memcpy(name, spec, n);
		memset(mask, 0xFF, n + 1);
	}
}

/* The replace request for the entries built so far. */
static struct ipt_replace *make_replace(struct ipt_counters *old,
					unsigned int *len)
{
	unsigned int size = nents * ES;
	struct ipt_replace *r = calloc(1, sizeof(*r) + size);

	strcpy(r->name, "filter");
	r->valid_hooks = FILTER_VALID_HOOKS;
	r->num_entries = nents;
	r->size = size;
	memcpy(r->hook_entry, hook_entry, sizeof(hook_entry));
	memcpy(r->underflow, underflow, sizeof(underflow));
	r->num_counters = iptable_filter.private->number;
	r->counters = old;
	memcpy(r->entries, ents, size);
	*len = sizeof(*r) + size;
	return r;
}

static int replace_raw(struct ipt_replace *r, unsigned int len)
{
	int err = do_ipt_set_ctl(NULL, IPT_SO_SET_REPLACE, r, len);

	free(r);
	return err;
}

static int install(void)
{
	static struct ipt_counters old[64];
	unsigned int len;
	struct ipt_replace *r = make_replace(old, &len);

	return replace_raw(r, len);
}

/* ---- packets ---- */
struct pkt_spec {
	__be32 saddr, daddr;
	uint8_t proto;
	uint16_t sport, dport; /* or icmp type, code */
	uint16_t frag_off;     /* host order: IP_MF | offset */
	int trunc;	       /* bytes of transport header kept (-1: all) */
};

static struct sk_buff *make_pkt(const struct pkt_spec *s, struct net_device *in)
{
	struct sk_buff *skb = alloc_skb(256, GFP_ATOMIC);
	unsigned char *eth, *th;
	struct iphdr *iph;
	int thlen = s->proto == IPPROTO_TCP ? 20 : 8, keep;

	skb_reserve(skb, 64);
	eth = skb_put(skb, ETH_HLEN);
	memcpy(eth, fake_mac, 6);
	memcpy(eth + 6, peer_mac, 6);
	eth[12] = 0x08;
	eth[13] = 0x00;
	skb_reset_mac_header(skb);
	skb_pull(skb, ETH_HLEN);
	skb_reset_network_header(skb);
	iph = skb_put(skb, sizeof(*iph));
	memset(iph, 0, sizeof(*iph));
	iph->version = 4;
	iph->ihl = 5;
	iph->ttl = 64;
	iph->id = htons(1234);
	iph->protocol = s->proto;
	iph->saddr = s->saddr;
	iph->daddr = s->daddr;
	iph->frag_off = htons(s->frag_off ? s->frag_off : IP_DF);
	keep = s->trunc >= 0 ? s->trunc : thlen + 8;
	th = skb_put(skb, keep);
	memset(th, 0, keep);
	if (keep >= 4) {
		if (s->proto == IPPROTO_ICMP) {
			th[0] = s->sport;
			th[1] = s->dport;
			if (keep >= 8) {
				th[5] = 1; /* id 1 */
				th[7] = 1; /* seq 1 */
			}
		} else {
			th[0] = s->sport >> 8;
			th[1] = s->sport;
			th[2] = s->dport >> 8;
			th[3] = s->dport;
		}
	}
	if (s->proto == IPPROTO_TCP && keep >= 20) {
		th[12] = 5 << 4;
		th[13] = TH_SYN;
	}
	if (s->proto == IPPROTO_UDP && keep >= 8)
		th[5] = keep;
	iph->tot_len = htons(sizeof(*iph) + keep);
	ip_send_check(iph);
	skb->dev = in;
	return skb;
}

static int okfn_calls;
static int okfn(struct sk_buff *skb)
{
	okfn_calls++;
	consume_skb(skb);
	return 0;
}

/* Through the hook walk: 1 if accepted (okfn ran), 0 if dropped. */
static int run(int hook, const struct pkt_spec *s, struct net_device *in,
	       struct net_device *out)
{
	int before = okfn_calls;

	NF_HOOK(NFPROTO_IPV4, hook, make_pkt(s, in), in, out, okfn);
	return okfn_calls - before;
}

static int in_udp(__be32 saddr, uint16_t dport)
{
	struct pkt_spec s = { saddr, IP(10, 0, 0, 2), IPPROTO_UDP, 4000,
			      dport, 0, -1 };

	return run(NF_INET_LOCAL_IN, &s, &eth0, NULL);
}

/* The live counters of entry i (IPT_SO_GET_ENTRIES). */
static struct ipt_counters counters_of(unsigned int i)
{
	struct xt_table_info *info = iptable_filter.private;
	int len = sizeof(struct ipt_get_entries) + info->size;
	struct ipt_get_entries *g = calloc(1, len);
	struct ipt_counters c = { 0, 0 };

	strcpy(g->name, "filter");
	g->size = info->size;
	if (do_ipt_get_ctl(NULL, IPT_SO_GET_ENTRIES, g, &len) == 0)
		c = g->entrytable[i].counters;
	free(g);
	return c;
}

static void setup(void)
{
	static bool booted;

	netcore_reset();
	if (!booted) {
		CHECK_EQ(iptable_filter_init(), 0);
		booted = true;
	}
	tb_reset();
	icmp_sent = 0;
}

/* Boot table again: all three chains empty, ACCEPT. */
static void reset_table(void)
{
	tb_reset();
	empty_chain(NF_INET_LOCAL_IN);
	empty_chain(NF_INET_FORWARD);
	empty_chain(NF_INET_LOCAL_OUT);
	table_end();
	CHECK_EQ(install(), 0);
}

/* ================= matching ================= */

TEST(boot_table_accepts_and_counts_the_policy)
{
	struct ipt_getinfo gi = { .name = "filter" };
	int len = sizeof(gi);

	setup();
	reset_table();
	CHECK_EQ(do_ipt_get_ctl(NULL, IPT_SO_GET_INFO, &gi, &len), 0);
	CHECK_EQ(gi.num_entries, 4);
	CHECK_EQ(gi.size, 4 * ES);
	CHECK_EQ(gi.valid_hooks, FILTER_VALID_HOOKS);
	CHECK_EQ(gi.hook_entry[NF_INET_FORWARD], ES);
	CHECK_EQ(in_udp(IP(10, 0, 0, 1), 53), 1);
	CHECK_EQ(counters_of(0).pcnt, 1);
	CHECK_EQ(counters_of(0).bcnt, 20 + 16);
	CHECK_ONLY_THE_TABLE_LIVE();
}

TEST(seed_rule_drops_udp_53_from_172_16_slash_16_only)
{
	struct ipt_entry *e;
	unsigned long drops = skb_drop_count(SKB_DROP_REASON_NETFILTER_DROP);

	setup();
	chain_start(NF_INET_LOCAL_IN);
	e = rule(IPT_VERDICT_DROP); /* -s 172.16.0.0/16 -p udp --dport 53 */
	set_src(e, IP(172, 16, 0, 0), 16);
	set_ports(e, IPPROTO_UDP, 53, 53);
	policy(NF_INET_LOCAL_IN, IPT_VERDICT_ACCEPT);
	empty_chain(NF_INET_FORWARD);
	empty_chain(NF_INET_LOCAL_OUT);
	table_end();
	CHECK_EQ(install(), 0);

	CHECK_EQ(in_udp(IP(172, 16, 200, 9), 53), 0);
	CHECK_EQ(in_udp(IP(172, 16, 0, 1), 54), 1);
	CHECK_EQ(in_udp(IP(172, 17, 0, 1), 53), 1);
	CHECK_EQ(counters_of(0).pcnt, 1);
	CHECK_EQ(counters_of(0).bcnt, 36);
	CHECK_EQ(counters_of(1).pcnt, 2); /* the policy */
	CHECK_EQ(skb_drop_count(SKB_DROP_REASON_NETFILTER_DROP), drops + 1);
	CHECK_ONLY_THE_TABLE_LIVE();
}

TEST(inverted_source_and_protocol)
{
	struct ipt_entry *e;

	setup();
	chain_start(NF_INET_LOCAL_IN);
	e = rule(IPT_VERDICT_DROP); /* ! -s 10.0.0.0/8 -j DROP */
	set_src(e, IP(10, 0, 0, 0), 8);
	e->ip.invflags = IPT_INV_SRCIP;
	e = rule(IPT_VERDICT_DROP); /* ! -p udp -j DROP */
	e->ip.proto = IPPROTO_UDP;
	e->ip.invflags = IPT_INV_PROTO;
	policy(NF_INET_LOCAL_IN, IPT_VERDICT_ACCEPT);
	empty_chain(NF_INET_FORWARD);
	empty_chain(NF_INET_LOCAL_OUT);
	table_end();
	CHECK_EQ(install(), 0);

	CHECK_EQ(in_udp(IP(192, 168, 1, 1), 53), 0);
	CHECK_EQ(in_udp(IP(10, 9, 9, 9), 53), 1);
	{
		struct pkt_spec s = { IP(10, 1, 1, 1), IP(10, 0, 0, 2),
				      IPPROTO_TCP, 1, 80, 0, -1 };

		CHECK_EQ(run(NF_INET_LOCAL_IN, &s, &eth0, NULL), 0);
	}
	CHECK_EQ(counters_of(0).pcnt, 1);
	CHECK_EQ(counters_of(1).pcnt, 1);
	reset_table();
	CHECK_ONLY_THE_TABLE_LIVE();
}

TEST(port_ranges_and_inverted_ports)
{
	struct ipt_entry *e;
	struct pkt_spec s = { IP(10, 0, 0, 1), IP(10, 0, 0, 2), IPPROTO_TCP,
			      5000, 0, 0, -1 };

	setup();
	chain_start(NF_INET_LOCAL_IN);
	e = rule(IPT_VERDICT_DROP); /* -p tcp --dport 1000:2000 */
	set_ports(e, IPPROTO_TCP, 1000, 2000);
	e = rule(IPT_VERDICT_DROP); /* -p tcp ! --sport 5000 */
	set_ports(e, IPPROTO_TCP, 0, 0xFFFF);
	e->match.spts[0] = e->match.spts[1] = 5000;
	e->match.invflags = IPT_PORT_INV_SRC;
	policy(NF_INET_LOCAL_IN, IPT_VERDICT_ACCEPT);
	empty_chain(NF_INET_FORWARD);
	empty_chain(NF_INET_LOCAL_OUT);
	table_end();
	CHECK_EQ(install(), 0);

	s.dport = 999;
	CHECK_EQ(run(NF_INET_LOCAL_IN, &s, &eth0, NULL), 1);
	s.dport = 1000;
	CHECK_EQ(run(NF_INET_LOCAL_IN, &s, &eth0, NULL), 0);
	s.dport = 2000;
	CHECK_EQ(run(NF_INET_LOCAL_IN, &s, &eth0, NULL), 0);
	s.dport = 2001;
	CHECK_EQ(run(NF_INET_LOCAL_IN, &s, &eth0, NULL), 1);
	s.sport = 5001;
	CHECK_EQ(run(NF_INET_LOCAL_IN, &s, &eth0, NULL), 0);
	CHECK_EQ(counters_of(0).pcnt, 2);
	CHECK_EQ(counters_of(1).pcnt, 1);
	reset_table();
	CHECK_ONLY_THE_TABLE_LIVE();
}

TEST(icmp_type_code_any_and_inversion)
{
	struct ipt_entry *e;
	struct pkt_spec s = { IP(10, 0, 0, 1), IP(10, 0, 0, 2), IPPROTO_ICMP,
			      ICMP_ECHO, 0, 0, -1 };

	setup();
	chain_start(NF_INET_LOCAL_IN);
	e = rule(IPT_VERDICT_DROP); /* --icmp-type echo-request */
	e->ip.proto = IPPROTO_ICMP;
	e->match.kind = IPT_MATCH_ICMP;
	e->match.icmp_type = ICMP_ECHO;
	e->match.icmp_code[1] = 0xFF;
	e = rule(IPT_VERDICT_DROP); /* ! --icmp-type 3/3: all but port unr. */
	e->ip.proto = IPPROTO_ICMP;
	e->match.kind = IPT_MATCH_ICMP;
	e->match.icmp_type = 3;
	e->match.icmp_code[0] = e->match.icmp_code[1] = 3;
	e->match.invflags = IPT_ICMP_INV;
	policy(NF_INET_LOCAL_IN, IPT_VERDICT_ACCEPT);
	empty_chain(NF_INET_FORWARD);
	empty_chain(NF_INET_LOCAL_OUT);
	table_end();
	CHECK_EQ(install(), 0);

	CHECK_EQ(run(NF_INET_LOCAL_IN, &s, &eth0, NULL), 0);
	s.sport = 3; /* destination unreachable */
	s.dport = 3; /* port */
	CHECK_EQ(run(NF_INET_LOCAL_IN, &s, &eth0, NULL), 1);
	s.dport = 1; /* host: not 3/3, so the inverted rule drops it */
	CHECK_EQ(run(NF_INET_LOCAL_IN, &s, &eth0, NULL), 0);
	CHECK_EQ(counters_of(0).pcnt, 1);
	CHECK_EQ(counters_of(1).pcnt, 1);
	CHECK_EQ(counters_of(2).pcnt, 1);
	reset_table();
	CHECK_ONLY_THE_TABLE_LIVE();
}

TEST(interfaces_exact_wildcard_and_inverted)
{
	struct ipt_entry *e;
	struct pkt_spec s = { IP(10, 0, 0, 1), IP(10, 0, 0, 2), IPPROTO_UDP,
			      1, 2, 0, -1 };

	setup();
	chain_start(NF_INET_LOCAL_IN);
	e = rule(IPT_VERDICT_ACCEPT); /* -i eth1 -j ACCEPT */
	set_iface(e->ip.iniface, e->ip.iniface_mask, "eth1");
	e = rule(IPT_VERDICT_DROP); /* -i eth+ -j DROP */
	set_iface(e->ip.iniface, e->ip.iniface_mask, "eth+");
	policy(NF_INET_LOCAL_IN, IPT_VERDICT_ACCEPT);
	empty_chain(NF_INET_FORWARD);
	chain_start(NF_INET_LOCAL_OUT);
	e = rule(IPT_VERDICT_DROP); /* -o ! eth0 -j DROP */
	set_iface(e->ip.outiface, e->ip.outiface_mask, "eth0");
	e->ip.invflags = IPT_INV_VIA_OUT;
	policy(NF_INET_LOCAL_OUT, IPT_VERDICT_ACCEPT);
	table_end();
	CHECK_EQ(install(), 0);

	CHECK_EQ(run(NF_INET_LOCAL_IN, &s, &eth1, NULL), 1);
	CHECK_EQ(run(NF_INET_LOCAL_IN, &s, &eth0, NULL), 0);
	CHECK_EQ(run(NF_INET_LOCAL_IN, &s, &wlan0, NULL), 1);
	CHECK_EQ(run(NF_INET_LOCAL_OUT, &s, NULL, &eth0), 1);
	CHECK_EQ(run(NF_INET_LOCAL_OUT, &s, NULL, &wlan0), 0);
	CHECK_EQ(counters_of(0).pcnt, 1);
	CHECK_EQ(counters_of(1).pcnt, 1);
	reset_table();
	CHECK_ONLY_THE_TABLE_LIVE();
}

TEST(fragments_later_ones_never_match_ports_dash_f_matches_them)
{
	struct ipt_entry *e;
	struct pkt_spec s = { IP(10, 0, 0, 1), IP(10, 0, 0, 2), IPPROTO_UDP,
			      4000, 53, 0, -1 };

	setup();
	chain_start(NF_INET_FORWARD);
	e = rule(IPT_VERDICT_DROP); /* -p udp --dport 53 -j DROP */
	set_ports(e, IPPROTO_UDP, 53, 53);
	e = rule(IPT_VERDICT_ACCEPT); /* -p udp -f -j ACCEPT */
	e->ip.proto = IPPROTO_UDP;
	e->ip.flags = IPT_F_FRAG;
	policy(NF_INET_FORWARD, IPT_VERDICT_DROP);
	empty_chain(NF_INET_LOCAL_IN);
	empty_chain(NF_INET_LOCAL_OUT);
	/* the forward chain must come second: rebuild in hook order */
	tb_reset();
	empty_chain(NF_INET_LOCAL_IN);
	chain_start(NF_INET_FORWARD);
	e = rule(IPT_VERDICT_DROP);
	set_ports(e, IPPROTO_UDP, 53, 53);
	e = rule(IPT_VERDICT_ACCEPT);
	e->ip.proto = IPPROTO_UDP;
	e->ip.flags = IPT_F_FRAG;
	policy(NF_INET_FORWARD, IPT_VERDICT_DROP);
	empty_chain(NF_INET_LOCAL_OUT);
	table_end();
	CHECK_EQ(install(), 0);

	/* a later fragment: the port rule cannot match, -f accepts it */
	s.frag_off = 100;
	CHECK_EQ(run(NF_INET_FORWARD, &s, &eth0, &eth1), 1);
	/* the first fragment has the ports: dropped by rule 1 */
	s.frag_off = IP_MF;
	CHECK_EQ(run(NF_INET_FORWARD, &s, &eth0, &eth1), 0);
	/* unfragmented, other port: -f does not match, policy DROP */
	s.frag_off = 0;
	s.dport = 54;
	CHECK_EQ(run(NF_INET_FORWARD, &s, &eth0, &eth1), 0);
	CHECK_EQ(counters_of(1).pcnt, 1);
	CHECK_EQ(counters_of(2).pcnt, 1);
	CHECK_EQ(counters_of(3).pcnt, 1);
	reset_table();
	CHECK_ONLY_THE_TABLE_LIVE();
}

TEST(truncated_transport_header_is_hotdropped_uncounted)
{
	struct ipt_entry *e;
	struct pkt_spec s = { IP(10, 0, 0, 1), IP(10, 0, 0, 2), IPPROTO_TCP,
			      1, 80, 0, 10 }; /* 10 of 20 TCP header bytes */

	setup();
	chain_start(NF_INET_LOCAL_IN);
	e = rule(IPT_VERDICT_ACCEPT); /* -p tcp --dport 22 -j ACCEPT */
	set_ports(e, IPPROTO_TCP, 22, 22);
	policy(NF_INET_LOCAL_IN, IPT_VERDICT_ACCEPT);
	empty_chain(NF_INET_FORWARD);
	empty_chain(NF_INET_LOCAL_OUT);
	table_end();
	CHECK_EQ(install(), 0);

	CHECK_EQ(run(NF_INET_LOCAL_IN, &s, &eth0, NULL), 0);
	CHECK_EQ(counters_of(0).pcnt, 0);
	CHECK_EQ(counters_of(1).pcnt, 0); /* never reached the policy */
	/* a TCP fragment at offset 8 bytes: the flag-overwrite trick */
	s.trunc = -1;
	s.frag_off = 1;
	CHECK_EQ(run(NF_INET_LOCAL_IN, &s, &eth0, NULL), 0);
	reset_table();
	CHECK_ONLY_THE_TABLE_LIVE();
}

TEST(user_chains_jump_return_and_nest)
{
	struct ipt_entry *e, *j1;
	int c1, c2;

	setup();
	chain_start(NF_INET_LOCAL_IN);
	j1 = rule(0);		       /* 0: -p udp -j c1 */
	j1->ip.proto = IPPROTO_UDP;
	rule(IPT_VERDICT_ACCEPT)->ip.proto = IPPROTO_UDP; /* 1: after return */
	policy(NF_INET_LOCAL_IN, IPT_VERDICT_DROP);	  /* 2 */
	empty_chain(NF_INET_FORWARD);			  /* 3 */
	empty_chain(NF_INET_LOCAL_OUT);			  /* 4 */
	c1 = user_chain("c1");				  /* 5 */
	e = rule(IPT_RETURN);				  /* 6: -s 10.0.0.1 -j RETURN */
	set_src(e, IP(10, 0, 0, 1), 32);
	e = rule(0);					  /* 7: -s 10.0.0.2 -j c2 */
	set_src(e, IP(10, 0, 0, 2), 32);
	e = rule(IPT_VERDICT_DROP);			  /* 8: -s 10.0.0.3 -j DROP */
	set_src(e, IP(10, 0, 0, 3), 32);
	user_chain_end();				  /* 9 */
	c2 = user_chain("c2");				  /* 10 */
	rule(IPT_RETURN);				  /* 11 */
	user_chain_end();				  /* 12 */
	table_end();					  /* 13 */
	ents[0].target.u.verdict = c1;
	ents[7].target.u.verdict = c2;
	CHECK_EQ(install(), 0);

	CHECK_EQ(in_udp(IP(10, 0, 0, 1), 1), 1); /* RETURN: rule 1 accepts */
	CHECK_EQ(in_udp(IP(10, 0, 0, 2), 1), 1); /* c2 RETURNs into c1: 8 */
	CHECK_EQ(in_udp(IP(10, 0, 0, 3), 1), 0); /* DROP inside c1 */
	CHECK_EQ(in_udp(IP(10, 0, 0, 4), 1), 1); /* c1's end RETURN */
	CHECK_EQ(counters_of(0).pcnt, 4);
	CHECK_EQ(counters_of(1).pcnt, 3);
	CHECK_EQ(counters_of(6).pcnt, 1);
	CHECK_EQ(counters_of(7).pcnt, 1);
	CHECK_EQ(counters_of(8).pcnt, 1);
	CHECK_EQ(counters_of(9).pcnt, 2);
	CHECK_EQ(counters_of(11).pcnt, 1);
	CHECK_EQ(counters_of(2).pcnt, 0);
	reset_table();
	CHECK_ONLY_THE_TABLE_LIVE();
}

TEST(return_in_a_builtin_chain_means_its_policy)
{
	struct ipt_entry *e;

	setup();
	chain_start(NF_INET_LOCAL_IN);
	e = rule(IPT_RETURN);
	e->ip.proto = IPPROTO_UDP;
	rule(IPT_VERDICT_ACCEPT);
	policy(NF_INET_LOCAL_IN, IPT_VERDICT_DROP);
	empty_chain(NF_INET_FORWARD);
	empty_chain(NF_INET_LOCAL_OUT);
	table_end();
	CHECK_EQ(install(), 0);

	CHECK_EQ(in_udp(IP(10, 0, 0, 1), 1), 0);
	CHECK_EQ(counters_of(1).pcnt, 0);
	CHECK_EQ(counters_of(2).pcnt, 1);
	CHECK_EQ(counters_of(2).bcnt, 36);
	reset_table();
	CHECK_ONLY_THE_TABLE_LIVE();
}

TEST(rule_without_target_only_counts)
{
	setup();
	chain_start(NF_INET_LOCAL_IN);
	rule(ES)->ip.proto = IPPROTO_UDP; /* -p udp (no -j): next entry */
	rule(ES * 2)->ip.proto = IPPROTO_UDP; /* and once more */
	policy(NF_INET_LOCAL_IN, IPT_VERDICT_DROP);
	empty_chain(NF_INET_FORWARD);
	empty_chain(NF_INET_LOCAL_OUT);
	table_end();
	CHECK_EQ(install(), 0);
	CHECK_EQ(in_udp(IP(10, 0, 0, 1), 1), 0);
	CHECK_EQ(counters_of(0).pcnt, 1);
	CHECK_EQ(counters_of(1).pcnt, 1);
	CHECK_EQ(counters_of(2).pcnt, 1);
	reset_table();
	CHECK_ONLY_THE_TABLE_LIVE();
}

TEST(reject_sends_the_chosen_icmp_error_and_drops)
{
	struct ipt_entry *e;

	setup();
	chain_start(NF_INET_LOCAL_IN);
	e = rule(0);
	e->ip.proto = IPPROTO_UDP;
	e->target.kind = IPT_TARGET_REJECT;
	e->target.u.reject_with = IPT_ICMP_PORT_UNREACHABLE;
	e = rule(0);
	e->target.kind = IPT_TARGET_REJECT;
	e->target.u.reject_with = IPT_ICMP_ADMIN_PROHIBITED;
	policy(NF_INET_LOCAL_IN, IPT_VERDICT_ACCEPT);
	empty_chain(NF_INET_FORWARD);
	empty_chain(NF_INET_LOCAL_OUT);
	table_end();
	CHECK_EQ(install(), 0);

	CHECK_EQ(in_udp(IP(10, 0, 0, 1), 53), 0);
	CHECK_EQ(icmp_sent, 1);
	CHECK_EQ(icmp_type_sent, ICMP_DEST_UNREACH);
	CHECK_EQ(icmp_code_sent, ICMP_PORT_UNREACH);
	{
		struct pkt_spec s = { IP(10, 0, 0, 1), IP(10, 0, 0, 2),
				      IPPROTO_TCP, 1, 80, 0, -1 };

		CHECK_EQ(run(NF_INET_LOCAL_IN, &s, &eth0, NULL), 0);
	}
	CHECK_EQ(icmp_sent, 2);
	CHECK_EQ(icmp_code_sent, ICMP_PKT_FILTERED);
	reset_table();
	CHECK_ONLY_THE_TABLE_LIVE();
}

TEST(tcp_reset_answer_is_built_from_the_segment)
{
	struct pkt_spec s = { IP(10, 0, 0, 1), IP(10, 0, 0, 2), IPPROTO_TCP,
			      40000, 80, 0, 20 };
	struct sk_buff *old, *rst;
	struct reject_tcphdr *th;
	struct iphdr *iph;

	setup();
	old = make_pkt(&s, &eth0);
	((struct reject_tcphdr *)(skb_network_header(old) + 20))->seq =
		htonl(1000);
	/* the segment's checksum, so nf_reject_tcphdr_get accepts it */
	th = (struct reject_tcphdr *)(skb_network_header(old) + 20);
	th->check = csum_tcpudp_magic(ip_hdr(old)->saddr, ip_hdr(old)->daddr,
				      20, IPPROTO_TCP, csum_partial(th, 20, 0));
	CHECK(nf_reject_tcphdr_get(old, NF_INET_LOCAL_IN) != NULL);
	rst = alloc_skb(128, GFP_ATOMIC);
	skb_reset_network_header(rst);
	nf_reject_fill(rst, ip_hdr(old), th);
	iph = ip_hdr(rst);
	th = (struct reject_tcphdr *)(iph + 1);
	CHECK_EQ(iph->saddr, IP(10, 0, 0, 2));
	CHECK_EQ(iph->daddr, IP(10, 0, 0, 1));
	CHECK_EQ(ip_fast_csum(iph, 5), 0);
	CHECK_EQ(ntohs(th->source), 80);
	CHECK_EQ(ntohs(th->dest), 40000);
	CHECK_EQ(th->flags, TH_RST | TH_ACK);
	CHECK_EQ(ntohl(th->ack_seq), 1001); /* the SYN counts one */
	CHECK_EQ(csum_tcpudp_magic(iph->saddr, iph->daddr, 20, IPPROTO_TCP,
				   csum_partial(th, 20, 0)), 0);
	/* through the target: routed (the stub refuses), counted, freed */
	{
		struct nf_hook_state st = { .hook = NF_INET_LOCAL_IN };
		unsigned long noroute =
			skb_drop_count(SKB_DROP_REASON_IP_OUTNOROUTES);

		rst_routed = 0;
		ipt_reject(old, &st, IPT_TCP_RESET);
		CHECK_EQ(rst_routed, 1);
		CHECK_EQ(skb_drop_count(SKB_DROP_REASON_IP_OUTNOROUTES),
			 noroute + 1);
	}
	/* a bad checksum: no answer (it may not be from that host at all) */
	((struct reject_tcphdr *)(skb_network_header(old) + 20))->check ^= 1;
	CHECK(nf_reject_tcphdr_get(old, NF_INET_LOCAL_IN) == NULL);
	rst_routed = 0;
	{
		struct nf_hook_state st = { .hook = NF_INET_LOCAL_IN };

		ipt_reject(old, &st, IPT_TCP_RESET);
	}
	CHECK_EQ(rst_routed, 0);
	kfree_skb(old);
	kfree_skb(rst);
	CHECK_ONLY_THE_TABLE_LIVE();
}

TEST(log_prints_linux_nf_log_line_and_continues)
{
	struct ipt_entry *e;
	struct pkt_spec s = { IP(10, 0, 0, 1), IP(10, 0, 0, 2), IPPROTO_ICMP,
			      ICMP_ECHO, 0, 0, -1 };

	setup();
	chain_start(NF_INET_LOCAL_IN);
	e = rule(0);
	e->ip.proto = IPPROTO_ICMP;
	e->target.kind = IPT_TARGET_LOG;
	e->target.u.log.level = 4;
	strcpy(e->target.u.log.prefix, "ping: ");
	policy(NF_INET_LOCAL_IN, IPT_VERDICT_ACCEPT);
	empty_chain(NF_INET_FORWARD);
	empty_chain(NF_INET_LOCAL_OUT);
	table_end();
	CHECK_EQ(install(), 0);

	host_log_clear();
	CHECK_EQ(run(NF_INET_LOCAL_IN, &s, &eth0, NULL), 1);
	CHECK_STR(host_log,
		  "ping: IN=eth0 OUT= MAC=52:54:00:12:34:56:52:55:0a:00:02:02:"
		  "08:00 SRC=10.0.0.1 DST=10.0.0.2 LEN=36 TOS=0x00 PREC=0x00 "
		  "TTL=64 ID=1234 DF PROTO=ICMP TYPE=8 CODE=0 ID=1 SEQ=1 \n");
	CHECK_EQ(counters_of(0).pcnt, 1);
	CHECK_EQ(counters_of(1).pcnt, 1); /* LOG goes on: policy too */

	/* OUTPUT: no MAC= (nothing arrived), OUT= names the device */
	tb_reset();
	empty_chain(NF_INET_LOCAL_IN);
	empty_chain(NF_INET_FORWARD);
	chain_start(NF_INET_LOCAL_OUT);
	e = rule(0);
	e->target.kind = IPT_TARGET_LOG;
	e->target.u.log.level = 6;
	policy(NF_INET_LOCAL_OUT, IPT_VERDICT_ACCEPT);
	table_end();
	CHECK_EQ(install(), 0);
	host_log_clear();
	s.proto = IPPROTO_UDP;
	s.sport = 4000;
	s.dport = 53;
	CHECK_EQ(run(NF_INET_LOCAL_OUT, &s, NULL, &eth1), 1);
	CHECK_STR(host_log, "IN= OUT=eth1 SRC=10.0.0.1 DST=10.0.0.2 LEN=36 "
			    "TOS=0x00 PREC=0x00 TTL=64 ID=1234 DF PROTO=UDP "
			    "SPT=4000 DPT=53 LEN=16 \n");
	reset_table();
	CHECK_ONLY_THE_TABLE_LIVE();
}

TEST(log_tcp_line_has_ports_window_flags)
{
	struct ipt_entry *e;
	struct pkt_spec s = { IP(10, 0, 0, 1), IP(10, 0, 0, 2), IPPROTO_TCP,
			      40000, 80, 0, -1 };

	setup();
	chain_start(NF_INET_LOCAL_IN);
	e = rule(0);
	e->target.kind = IPT_TARGET_LOG;
	e->target.u.log.level = 4;
	e->target.u.log.logflags = IPT_LOG_TCPSEQ;
	policy(NF_INET_LOCAL_IN, IPT_VERDICT_ACCEPT);
	empty_chain(NF_INET_FORWARD);
	empty_chain(NF_INET_LOCAL_OUT);
	table_end();
	CHECK_EQ(install(), 0);
	host_log_clear();
	CHECK_EQ(run(NF_INET_LOCAL_IN, &s, &eth0, NULL), 1);
	CHECK(host_log_has("SRC=10.0.0.1 DST=10.0.0.2 LEN=48 TOS=0x00 "
			   "PREC=0x00 TTL=64 ID=1234 DF PROTO=TCP SPT=40000 "
			   "DPT=80 SEQ=0 ACK=0 WINDOW=0 RES=0x00 SYN URGP=0 \n"));
	/* a truncated header is said so, not read past the end */
	host_log_clear();
	s.trunc = 6;
	CHECK_EQ(run(NF_INET_LOCAL_IN, &s, &eth0, NULL), 1);
	CHECK(host_log_has("PROTO=TCP INCOMPLETE [6 bytes] \n"));
	reset_table();
	CHECK_ONLY_THE_TABLE_LIVE();
}

/* ================= the checker ================= */

/* A good table with one user chain, to break in the tests below. */
static int good_table(void)
{
	int c;

	tb_reset();
	chain_start(NF_INET_LOCAL_IN);
	rule(0)->ip.proto = IPPROTO_ICMP; /* 0: jump to c */
	policy(NF_INET_LOCAL_IN, IPT_VERDICT_ACCEPT); /* 1 */
	empty_chain(NF_INET_FORWARD);		      /* 2 */
	empty_chain(NF_INET_LOCAL_OUT);		      /* 3 */
	c = user_chain("c");			      /* 4 */
	rule(IPT_VERDICT_DROP)->ip.proto = IPPROTO_ICMP; /* 5 */
	rule(IPT_VERDICT_ACCEPT);			 /* 6 */
	user_chain_end();				 /* 7 */
	table_end();					 /* 8 */
	ents[0].target.u.verdict = c;
	return c;
}

/* Install the current ents, expect err, and the old table still there. */
static void expect_refused(int err)
{
	struct xt_table_info *before = iptable_filter.private;

	CHECK_EQ(install(), err);
	CHECK(iptable_filter.private == before);
}

TEST(checker_accepts_the_good_table)
{
	setup();
	good_table();
	CHECK_EQ(install(), 0);
	CHECK_EQ(iptable_filter.private->number, 9);
	reset_table();
	CHECK_ONLY_THE_TABLE_LIVE();
}

TEST(checker_refuses_jumps_into_the_middle_or_to_headers)
{
	int c;

	setup();
	reset_table();
	c = good_table();
	ents[0].target.u.verdict = c + ES; /* the chain's second rule */
	expect_refused(-EINVAL);
	ents[0].target.u.verdict = c - ES; /* its ERROR header */
	expect_refused(-EINVAL);
	ents[0].target.u.verdict = 3; /* not even an entry boundary */
	expect_refused(-EINVAL);
	ents[0].target.u.verdict = 100000; /* past the end */
	expect_refused(-EINVAL);
	ents[0].target.u.verdict = 2 * ES; /* a builtin chain's policy */
	expect_refused(-EINVAL);
	ents[0].target.u.verdict = ES; /* the next entry: a rule w/o -j */
	CHECK_EQ(install(), 0);
	ents[0].target.u.verdict = -3; /* no such verdict */
	expect_refused(-EINVAL);
	CHECK_ONLY_THE_TABLE_LIVE();
}

TEST(checker_refuses_loops_and_too_deep_nesting)
{
	int a, b;

	setup();
	reset_table();
	tb_reset();
	chain_start(NF_INET_LOCAL_IN);
	rule(0);					/* 0 -> a */
	policy(NF_INET_LOCAL_IN, IPT_VERDICT_ACCEPT);
	empty_chain(NF_INET_FORWARD);
	empty_chain(NF_INET_LOCAL_OUT);
	a = user_chain("a");				/* 4 */
	rule(0)->ip.proto = IPPROTO_UDP;		/* 5 -> b */
	user_chain_end();
	b = user_chain("b");				/* 7 */
	rule(0)->ip.proto = IPPROTO_TCP;		/* 8 -> a: loop */
	user_chain_end();
	table_end();
	ents[0].target.u.verdict = a;
	ents[5].target.u.verdict = b;
	ents[8].target.u.verdict = a;
	expect_refused(-ELOOP);
	ents[8].target.u.verdict = b; /* b jumps to itself */
	expect_refused(-ELOOP);
	ents[8].target.u.verdict = IPT_VERDICT_ACCEPT; /* a -> b: fine */
	CHECK_EQ(install(), 0);

	/* a chain of 17 chains, each jumping to the next: too deep */
	tb_reset();
	chain_start(NF_INET_LOCAL_IN);
	rule(0);
	policy(NF_INET_LOCAL_IN, IPT_VERDICT_ACCEPT);
	empty_chain(NF_INET_FORWARD);
	empty_chain(NF_INET_LOCAL_OUT);
	{
		unsigned int jumper = 0;
		char name[8];

		for (int i = 0; i <= IPT_MAX_JUMP_DEPTH; i++) {
			snprintf(name, sizeof(name), "n%d", i);
			ents[jumper].target.u.verdict = user_chain(name);
			jumper = nents;
			rule(IPT_VERDICT_ACCEPT)->ip.proto = IPPROTO_UDP;
			user_chain_end();
		}
	}
	table_end();
	expect_refused(-ELOOP);
	reset_table();
	CHECK_ONLY_THE_TABLE_LIVE();
}

TEST(checker_refuses_bad_layouts)
{
	setup();
	reset_table();

	good_table();
	ents[1].ip.proto = IPPROTO_UDP; /* a conditional policy */
	expect_refused(-EINVAL);
	good_table();
	ents[1].target.u.verdict = IPT_RETURN; /* policy RETURN */
	expect_refused(-EINVAL);
	good_table();
	ents[7].target.u.verdict = IPT_VERDICT_ACCEPT; /* chain end not RETURN */
	expect_refused(-EINVAL);
	good_table();
	nents--; /* no end marker */
	expect_refused(-EINVAL);
	good_table();
	strcpy(ents[8].target.u.errorname, "END"); /* wrong end marker */
	expect_refused(-EINVAL);
	good_table();
	strcpy(ents[4].target.u.errorname, "INPUT"); /* builtin name */
	expect_refused(-EINVAL);
	good_table();
	memset(ents[4].target.u.errorname, 'x', IPT_FUNCTION_MAXNAMELEN);
	expect_refused(-EINVAL); /* name without NUL */
	good_table();
	ents[5].target.kind = IPT_TARGET_ERROR; /* header inside a chain */
	expect_refused(-EINVAL);
	good_table();
	ents[5].next_offset = 2 * ES; /* entry size lies */
	expect_refused(-EINVAL);
	good_table();
	ents[6].target_offset = 4;
	expect_refused(-EINVAL);
	good_table();
	ents[6].ip.invflags = 0x80; /* unknown flag */
	expect_refused(-EINVAL);
	good_table();
	ents[6].match.kind = IPT_MATCH_TCP; /* tcp ports without -p tcp */
	expect_refused(-EINVAL);
	good_table();
	ents[6].target.kind = IPT_TARGET_REJECT; /* tcp-reset without tcp */
	ents[6].target.u.reject_with = IPT_TCP_RESET;
	expect_refused(-EINVAL);
	good_table();
	ents[6].target.kind = 9; /* no such target */
	expect_refused(-EINVAL);
	good_table();
	ents[6].target.kind = IPT_TARGET_LOG;
	ents[6].target.u.log.level = 8;
	expect_refused(-EINVAL);
	good_table();
	hook_entry[NF_INET_FORWARD] = 3 * ES; /* hooks out of order */
	expect_refused(-EINVAL);
	good_table();
	hook_entry[NF_INET_FORWARD] = 2 * ES;
	underflow[NF_INET_FORWARD] = 2 * ES + 1; /* not on an entry */
	expect_refused(-EINVAL);
	CHECK_ONLY_THE_TABLE_LIVE();
}

TEST(checker_refuses_duplicate_chain_names)
{
	setup();
	reset_table();
	tb_reset();
	empty_chain(NF_INET_LOCAL_IN);
	empty_chain(NF_INET_FORWARD);
	empty_chain(NF_INET_LOCAL_OUT);
	user_chain("same");
	user_chain_end();
	user_chain("same");
	user_chain_end();
	table_end();
	expect_refused(-EINVAL);
	CHECK_ONLY_THE_TABLE_LIVE();
}

TEST(replace_refuses_truncated_blobs_stale_counts_and_unknown_tables)
{
	static struct ipt_counters old[64];
	struct ipt_replace *r;
	unsigned int len;
	char junk[sizeof(struct ipt_replace) + 3 * ES];

	setup();
	reset_table();
	good_table();
	r = make_replace(old, &len);
	CHECK_EQ(replace_raw(r, len - 1), -EINVAL); /* blob cut short */
	r = make_replace(old, &len);
	CHECK_EQ(do_ipt_set_ctl(NULL, IPT_SO_SET_REPLACE, r, 10), -EINVAL);
	r->num_counters = 3; /* the running table has 4 entries */
	CHECK_EQ(replace_raw(r, len), -EAGAIN);
	r = make_replace(old, &len);
	strcpy(r->name, "nat");
	CHECK_EQ(replace_raw(r, len), -ENOENT);
	r = make_replace(old, &len);
	r->size = IPT_MAX_TABLE_SIZE + ES;
	CHECK_EQ(replace_raw(r, len), -EINVAL);
	r = make_replace(old, &len);
	r->num_entries++; /* count and size disagree */
	CHECK_EQ(replace_raw(r, len), -EINVAL);

	/* garbage: a valid header around random bytes */
	srand(7);
	for (int round = 0; round < 200; round++) {
		struct ipt_replace *g = (struct ipt_replace *)junk;

		for (unsigned int i = 0; i < sizeof(junk); i++)
			junk[i] = rand();
		strcpy(g->name, "filter");
		g->valid_hooks = FILTER_VALID_HOOKS;
		g->size = 3 * ES;
		g->num_entries = 3;
		g->num_counters = 4;
		g->counters = old;
		CHECK(do_ipt_set_ctl(NULL, IPT_SO_SET_REPLACE, g,
				     sizeof(junk)) < 0);
	}
	CHECK_EQ(iptable_filter.private->number, 4);
	CHECK_EQ(in_udp(IP(10, 0, 0, 1), 1), 1);
	CHECK_ONLY_THE_TABLE_LIVE();
}

TEST(replace_hands_back_old_counters_and_add_counters_restores_them)
{
	static struct ipt_counters old[64];
	struct {
		struct ipt_counters_info h;
		struct ipt_counters c[4];
	} add = { .h = { .name = "filter", .num_counters = 4 } };
	unsigned int len;

	setup();
	reset_table();
	CHECK_EQ(in_udp(IP(10, 0, 0, 1), 1), 1);
	CHECK_EQ(in_udp(IP(10, 0, 0, 1), 1), 1);
	tb_reset();
	empty_chain(NF_INET_LOCAL_IN);
	empty_chain(NF_INET_FORWARD);
	empty_chain(NF_INET_LOCAL_OUT);
	table_end();
	memset(old, 0, sizeof(old));
	{
		struct ipt_replace *r = make_replace(old, &len);

		CHECK_EQ(replace_raw(r, len), 0);
	}
	CHECK_EQ(old[0].pcnt, 2);
	CHECK_EQ(old[0].bcnt, 72);
	CHECK_EQ(counters_of(0).pcnt, 0); /* the new table starts at 0 */
	add.c[0] = old[0];
	CHECK_EQ(do_ipt_set_ctl(NULL, IPT_SO_SET_ADD_COUNTERS, &add,
				sizeof(add)), 0);
	CHECK_EQ(counters_of(0).pcnt, 2);
	CHECK_EQ(counters_of(0).bcnt, 72);
	add.h.num_counters = 3; /* wrong count */
	CHECK_EQ(do_ipt_set_ctl(NULL, IPT_SO_SET_ADD_COUNTERS, &add,
				sizeof(add.h) + 3 * sizeof(add.c[0])), -EINVAL);
	CHECK_EQ(do_ipt_set_ctl(NULL, IPT_SO_SET_ADD_COUNTERS, &add, 7),
		 -EINVAL);
	CHECK_ONLY_THE_TABLE_LIVE();
}

TEST(get_refuses_bad_lengths_and_unknown_tables)
{
	struct ipt_getinfo gi = { .name = "nat" };
	struct ipt_get_entries ge = { .name = "filter", .size = 4 * ES };
	int len = sizeof(gi);

	setup();
	reset_table();
	CHECK_EQ(do_ipt_get_ctl(NULL, IPT_SO_GET_INFO, &gi, &len), -ENOENT);
	len = sizeof(gi) - 1;
	CHECK_EQ(do_ipt_get_ctl(NULL, IPT_SO_GET_INFO, &gi, &len), -EINVAL);
	len = sizeof(ge); /* says 4 entries follow, gives none */
	CHECK_EQ(do_ipt_get_ctl(NULL, IPT_SO_GET_ENTRIES, &ge, &len), -EINVAL);
	CHECK_EQ(do_ipt_get_ctl(NULL, 99, &ge, &len), -EINVAL);
	CHECK_EQ(nf_getsockopt(NULL, NFPROTO_IPV4, IPT_SO_GET_INFO + 5, &ge,
			       &len), -ENOPROTOOPT);
	CHECK_ONLY_THE_TABLE_LIVE();
}

RUN_TESTS()
