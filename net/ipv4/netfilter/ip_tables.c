/*
 * ip_tables.c - iptables' rule walk and table replacement (Linux:
 * net/ipv4/netfilter/ip_tables.c, net/netfilter/x_tables.c, xt_tcpudp.c).
 *
 * Three parts:
 *   1. ipt_do_table: the hook function. Walk the chain for this hook one
 *      entry at a time: does the IP part match, does the protocol part
 *      match, then count it and act on its target. Softirq (receive,
 *      forward) or process context (local output); bottom halves off.
 *   2. ipt_translate_table: the check of a blob from user space. Every
 *      size, offset, hook position, jump and chain name is verified before
 *      a single packet is walked through it (Linux: translate_table,
 *      check_entry_size_and_hooks, check_underflow, mark_source_chains).
 *   3. The socket options IPT_SO_* (process context), which read the
 *      table out and swap a new one in.
 *
 * Linux keeps one copy of the rules per CPU and per-CPU counters with a
 * seqcount; rxos has one CPU, so one copy, and bottom halves off is the
 * whole lock.
 */
#include "net/ipv4/netfilter/x_tables.h"
#include "kernel/err.h"
#include "kernel/errno.h"
#include "kernel/interrupt.h"
#include "kernel/mm/slab.h"
#include "kernel/printk.h"
#include "net/core/netdevice.h"
#include "lib/checksum.h" /* ip.h uses __sum16 */
#include "net/ipv4/ip.h"

_Static_assert(sizeof(struct ipt_entry) % 8 == 0, "entries stay aligned");

static LIST_HEAD(xt_tables);

static struct ipt_entry *ipt_entry_at(const struct xt_table_info *info,
				      unsigned int offset)
{
	return (struct ipt_entry *)((char *)info->entries + offset);
}

static struct ipt_entry *ipt_next_entry(const struct ipt_entry *e)
{
	return (struct ipt_entry *)((char *)e + e->next_offset);
}

/* ===================== 1. the walk ===================================== */

/* What the rule parts look at, gathered once per packet. */
struct ipt_pkt {
	const unsigned char *nh; /* the IPv4 header */
	const struct iphdr *iph;
	unsigned int avail;   /* bytes from nh to the end of the data */
	unsigned int thoff;   /* transport header, bytes from nh */
	unsigned int fragoff; /* fragment offset (8-byte units); 0: first */
	const char *indev, *outdev; /* interface names; "" for none */
};

static const char ipt_noname[IPT_IFNAMSIZ];

/* false: no whole IPv4 header to look at (the walk then drops). */
static bool ipt_pkt_init(struct ipt_pkt *p, const struct sk_buff *skb,
			 const struct nf_hook_state *state)
{
	const unsigned char *tail = skb_tail_pointer(skb);

	p->nh = skb_network_header(skb);
	if (skb->network_header == SKB_HEADER_UNSET || p->nh < skb->head ||
	    p->nh + sizeof(struct iphdr) > tail)
		return false;
	p->iph = (const struct iphdr *)p->nh;
	p->avail = tail - p->nh;
	p->thoff = p->iph->ihl * 4;
	if (p->thoff < sizeof(struct iphdr))
		return false;
	p->fragoff = ntohs(p->iph->frag_off) & IP_OFFSET;
	p->indev = state->in ? state->in->name : ipt_noname;
	p->outdev = state->out ? state->out->name : ipt_noname;
	return true;
}

/*
 * len bytes at off from the IP header, or NULL when the packet is shorter
 * (Linux: skb_header_pointer, which also copies out of page fragments).
 */
static const unsigned char *
ipt_header_pointer(const struct ipt_pkt *p, unsigned int off, unsigned int len)
{
	if (off > p->avail || len > p->avail - off)
		return NULL;
	return p->nh + off;
}

/* '+' in "eth+" left the mask 0 after "eth": those bytes are not compared. */
static bool ipt_iface_match(const char *name, const char *rule,
			    const unsigned char *mask)
{
	for (int i = 0; i < IPT_IFNAMSIZ; i++)
		if ((name[i] ^ rule[i]) & mask[i])
			return false;
	return true;
}

/* cond, turned around by a '!' (Linux: NF_INVF). */
static bool ipt_inv(const struct ipt_ip *ip, uint8_t flag, bool cond)
{
	return cond ^ !!(ip->invflags & flag);
}

/*
 * DOC: ip_packet_match
 * The IP part: -s, -d (CIDR: address under the mask), -i, -o, -p, -f,
 * each inverted by its '!'. Every test must pass.
 */
static bool ip_packet_match(const struct ipt_pkt *p, const struct ipt_ip *ip)
{
	const struct iphdr *iph = p->iph;

	if (ipt_inv(ip, IPT_INV_SRCIP, (iph->saddr & ip->smsk) != ip->src) ||
	    ipt_inv(ip, IPT_INV_DSTIP, (iph->daddr & ip->dmsk) != ip->dst))
		return false;
	if (ipt_inv(ip, IPT_INV_VIA_IN,
		    !ipt_iface_match(p->indev, ip->iniface, ip->iniface_mask)))
		return false;
	if (ipt_inv(ip, IPT_INV_VIA_OUT,
		    !ipt_iface_match(p->outdev, ip->outiface,
				     ip->outiface_mask)))
		return false;
	/* proto 0 is "all"; '! -p all' is refused by the checker */
	if (ip->proto && ipt_inv(ip, IPT_INV_PROTO, iph->protocol != ip->proto))
		return false;
	/* -f: only the second and later fragments */
	if ((ip->flags & IPT_F_FRAG) &&
	    ipt_inv(ip, IPT_INV_FRAG, p->fragoff == 0))
		return false;
	return true;
}

static bool ipt_port_match(uint16_t min, uint16_t max, uint16_t port,
			   bool invert)
{
	return (port >= min && port <= max) ^ invert;
}

/*
 * --sport/--dport (Linux: tcp_mt, udp_mt). A later fragment carries no
 * ports, so it never matches. A first fragment or packet too short to hold
 * the header cannot be judged: *hotdrop, and the walk drops it.
 */
static bool ipt_ports_match(const struct ipt_pkt *p,
			    const struct ipt_proto_match *m, bool *hotdrop)
{
	unsigned int hlen = m->kind == IPT_MATCH_TCP ? 20 : 8;
	const unsigned char *th;
	uint16_t sport, dport;

	if (p->fragoff) {
		/* Linux: a TCP fragment at offset 8 can only be an attempt
		 * to rewrite the flags of the first one. */
		if (p->fragoff == 1 && m->kind == IPT_MATCH_TCP)
			*hotdrop = true;
		return false;
	}
	th = ipt_header_pointer(p, p->thoff, hlen);
	if (!th) {
		*hotdrop = true;
		return false;
	}
	sport = th[0] << 8 | th[1];
	dport = th[2] << 8 | th[3];
	return ipt_port_match(m->spts[0], m->spts[1], sport,
			      m->invflags & IPT_PORT_INV_SRC) &&
	       ipt_port_match(m->dpts[0], m->dpts[1], dport,
			      m->invflags & IPT_PORT_INV_DST);
}

/* --icmp-type type[/code] (Linux: icmp_match); 0xFF is "any". */
static bool ipt_icmp_match(const struct ipt_pkt *p,
			   const struct ipt_proto_match *m, bool *hotdrop)
{
	const unsigned char *ih;
	bool hit;

	if (p->fragoff)
		return false;
	ih = ipt_header_pointer(p, p->thoff, 8);
	if (!ih) {
		*hotdrop = true;
		return false;
	}
	hit = m->icmp_type == 0xFF ||
	      (ih[0] == m->icmp_type && ih[1] >= m->icmp_code[0] &&
	       ih[1] <= m->icmp_code[1]);
	return hit ^ !!(m->invflags & IPT_ICMP_INV);
}

static bool ipt_proto_match(const struct ipt_pkt *p,
			    const struct ipt_proto_match *m, bool *hotdrop)
{
	switch (m->kind) {
	case IPT_MATCH_TCP:
	case IPT_MATCH_UDP:
		return ipt_ports_match(p, m, hotdrop);
	case IPT_MATCH_ICMP:
		return ipt_icmp_match(p, m, hotdrop);
	default:
		return true;
	}
}

static void ipt_error(const struct ipt_entry *e)
{
	pr_err("ip_tables: error: '%s'\n", e->target.u.errorname);
}

/*
 * DOC: ipt_do_table
 * Walk the chain of state->hook for skb.
 *
 * Context: softirq (PRE_ROUTING, LOCAL_IN, FORWARD) or the sender's
 * (LOCAL_OUT); bottom halves are turned off here, which is the table lock:
 * a replace cannot free the rules under us. skb stays the caller's; the
 * verdict is NF_ACCEPT or NF_DROP (the hook walk frees skb and counts
 * SKB_DROP_REASON_NETFILTER_DROP). REJECT and LOG send or print from here.
 *
 *   e = first rule of the chain
 *   loop:  no match?        e = next entry
 *          match: count it, then by target
 *            ACCEPT/DROP    that is the verdict
 *            jump X         push e, e = X (no -j: X is the next
 *                           entry, nothing pushed: the rule only counts)
 *            RETURN         pop: e = the entry after the jump, or, at
 *                           the bottom of a builtin chain, its policy
 *            LOG            print, e = next entry
 *            REJECT         send the error, verdict DROP
 *   the policy entry matches everything, so every walk ends.
 * The checker (ipt_translate_table) proved that: chains end in an
 * unconditional entry, jumps land on chain starts, nothing loops, and
 * IPT_MAX_JUMP_DEPTH is enough stack.
 */
unsigned int ipt_do_table(void *priv, struct sk_buff *skb,
			  const struct nf_hook_state *state)
{
	struct xt_table *table = priv;
	struct ipt_entry *jumpstack[IPT_MAX_JUMP_DEPTH];
	unsigned int stackidx = 0, verdict = NF_DROP;
	const struct xt_table_info *info;
	struct ipt_entry *e;
	bool hotdrop = false;
	struct ipt_pkt pkt;

	if (!ipt_pkt_init(&pkt, skb, state))
		return NF_DROP;
	local_bh_disable();
	info = table->private;
	e = ipt_entry_at(info, info->hook_entry[state->hook]);
	for (;;) {
		const struct ipt_target *t = &e->target;

		if (!ip_packet_match(&pkt, &e->ip) ||
		    !ipt_proto_match(&pkt, &e->match, &hotdrop)) {
			if (hotdrop)
				break;
			e = ipt_next_entry(e);
			continue;
		}
		e->counters.pcnt++;
		e->counters.bcnt += skb->len;

		if (t->kind == IPT_TARGET_LOG) {
			ipt_log_packet(skb, state, &t->u.log);
			e = ipt_next_entry(e);
			continue;
		}
		if (t->kind == IPT_TARGET_REJECT) {
			ipt_reject(skb, state, t->u.reject_with);
			break; /* verdict NF_DROP */
		}
		if (t->kind != IPT_TARGET_STANDARD) { /* ERROR: unreachable */
			ipt_error(e);
			break;
		}
		if (t->u.verdict >= 0) { /* jump into a user chain */
			struct ipt_entry *to = ipt_entry_at(info, t->u.verdict);

			/* a rule without -j "jumps" to the next entry:
			 * it only counts (Linux: the same test) */
			if (to != ipt_next_entry(e)) {
				if (stackidx == IPT_MAX_JUMP_DEPTH)
					break; /* the checker prevents it */
				jumpstack[stackidx++] = e;
			}
			e = to;
		} else if (t->u.verdict == IPT_RETURN) {
			e = stackidx ?
				    ipt_next_entry(jumpstack[--stackidx]) :
				    ipt_entry_at(info,
						 info->underflow[state->hook]);
		} else {
			verdict = (unsigned int)(-t->u.verdict) - 1;
			break;
		}
	}
	local_bh_enable();
	return verdict;
}

/* ===================== 2. checking a blob ============================== */

#define ES sizeof(struct ipt_entry)

static bool ipt_string_ok(const char *s, unsigned int size)
{
	for (unsigned int i = 0; i < size; i++)
		if (!s[i])
			return i > 0;
	return false; /* no NUL */
}

static bool ipt_has_nul(const char *s, unsigned int size)
{
	for (unsigned int i = 0; i < size; i++)
		if (!s[i])
			return true;
	return false;
}

static bool ipt_is_return(const struct ipt_entry *e)
{
	return e->target.kind == IPT_TARGET_STANDARD &&
	       e->target.u.verdict == IPT_RETURN;
}

static int ipt_check_match(const struct ipt_entry *e)
{
	const struct ipt_proto_match *m = &e->match;
	bool tcp_or_udp = m->kind == IPT_MATCH_TCP || m->kind == IPT_MATCH_UDP;
	static const uint8_t proto_of[] = { 0, 6, 17, 1 };

	if (m->kind == IPT_MATCH_NONE)
		return 0;
	if (m->kind > IPT_MATCH_ICMP)
		return -EINVAL;
	/* "tcp" needs -p tcp (Linux: xt_check_match's proto test) */
	if (e->ip.proto != proto_of[m->kind] ||
	    (e->ip.invflags & IPT_INV_PROTO))
		return -EINVAL;
	if (tcp_or_udp)
		return (m->invflags & ~IPT_PORT_INV_MASK) ||
				       m->spts[0] > m->spts[1] ||
				       m->dpts[0] > m->dpts[1] ?
			       -EINVAL :
			       0;
	return (m->invflags & ~IPT_ICMP_INV) ||
			       m->icmp_code[0] > m->icmp_code[1] ?
		       -EINVAL :
		       0;
}

static int ipt_check_target(const struct ipt_entry *e)
{
	const struct ipt_target *t = &e->target;

	switch (t->kind) {
	case IPT_TARGET_STANDARD: /* jumps are checked with the chains */
		return t->u.verdict >= 0 || t->u.verdict == IPT_VERDICT_DROP ||
				       t->u.verdict == IPT_VERDICT_ACCEPT ||
				       t->u.verdict == IPT_RETURN ?
			       0 :
			       -EINVAL;
	case IPT_TARGET_REJECT:
		if (t->u.reject_with > IPT_ICMP_ADMIN_PROHIBITED ||
		    t->u.reject_with == IPT_ICMP_ECHOREPLY)
			return -EINVAL;
		/* Linux: "TCP_RESET invalid for non-tcp" */
		if (t->u.reject_with == IPT_TCP_RESET &&
		    (e->ip.proto != 6 || (e->ip.invflags & IPT_INV_PROTO))) {
			pr_info("ip_tables: REJECT: TCP_RESET invalid for non-tcp\n");
			return -EINVAL;
		}
		return 0;
	case IPT_TARGET_LOG:
		return t->u.log.level > 7 ||
				       (t->u.log.logflags & ~IPT_LOG_MASK) ||
				       !ipt_has_nul(t->u.log.prefix,
						    IPT_LOG_PREFIXLEN) ?
			       -EINVAL :
			       0;
	default: /* ERROR only as a chain header: see ipt_check_layout */
		return -EINVAL;
	}
}

/* One rule inside a chain (Linux: check_entry + find_check_entry). */
static int ipt_check_rule(const struct ipt_entry *e)
{
	if (e->target_offset != offsetof(struct ipt_entry, target) ||
	    e->next_offset != ES)
		return -EINVAL;
	if ((e->ip.flags & ~IPT_F_MASK) || (e->ip.invflags & ~IPT_INV_MASK))
		return -EINVAL;
	if (!e->ip.proto && (e->ip.invflags & IPT_INV_PROTO))
		return -EINVAL; /* '! -p all' matches nothing */
	if (ipt_check_match(e))
		return -EINVAL;
	return ipt_check_target(e);
}

/* A chain's policy: unconditional ACCEPT or DROP (Linux: check_underflow). */
static bool ipt_is_policy(const struct ipt_entry *e)
{
	return ipt_unconditional(e) && e->target.kind == IPT_TARGET_STANDARD &&
	       (e->target.u.verdict == IPT_VERDICT_ACCEPT ||
		e->target.u.verdict == IPT_VERDICT_DROP);
}

/* A chain found in the blob: entries [first, last] (offsets). */
struct ipt_chain {
	unsigned int first, last;
	uint8_t state; /* 0 unvisited, 1 on the DFS path, 2 done */
	int height;    /* jump-stack slots a walk from here can need */
};

struct ipt_check {
	const struct ipt_replace *repl;
	char *blob;
	struct ipt_chain *chains;
	unsigned int nchains, nbuiltin;
};

static struct ipt_entry *ck_entry(const struct ipt_check *c, unsigned int off)
{
	return (struct ipt_entry *)(c->blob + off);
}

static bool ipt_builtin_name(const char *name)
{
	static const char *const names[] = { "PREROUTING", "INPUT", "FORWARD",
					     "OUTPUT", "POSTROUTING" };

	for (unsigned int i = 0; i < ARRAY_SIZE(names); i++)
		if (!strcmp(name, names[i]))
			return true;
	return false;
}

/* The rules [first, last) of a chain, then its end entry at last. */
static int ipt_check_chain_body(struct ipt_check *c, unsigned int first,
				unsigned int last)
{
	for (unsigned int off = first; off < last; off += ES) {
		int err = ipt_check_rule(ck_entry(c, off));

		if (err)
			return err;
	}
	return ipt_check_rule(ck_entry(c, last));
}

static int ipt_add_chain(struct ipt_check *c, unsigned int first,
			 unsigned int last)
{
	c->chains[c->nchains].first = first;
	c->chains[c->nchains].last = last;
	c->chains[c->nchains].state = 0;
	c->nchains++;
	return 0;
}

/* Builtin chains, back to back in hook order, each ending in a policy. */
static int ipt_check_builtins(struct ipt_check *c, unsigned int valid_hooks,
			      unsigned int *off)
{
	const struct ipt_replace *r = c->repl;

	for (int h = 0; h < NF_INET_NUMHOOKS; h++) {
		if (!(valid_hooks & (1u << h)))
			continue;
		if (r->hook_entry[h] != *off || r->underflow[h] < *off ||
		    r->underflow[h] % ES || r->underflow[h] >= r->size)
			return -EINVAL;
		if (ipt_check_chain_body(c, *off, r->underflow[h]) ||
		    !ipt_is_policy(ck_entry(c, r->underflow[h])))
			return -EINVAL;
		ipt_add_chain(c, *off, r->underflow[h]);
		*off = r->underflow[h] + ES;
	}
	c->nbuiltin = c->nchains;
	return 0;
}

static bool ipt_is_error(const struct ipt_entry *e)
{
	return e->target.kind == IPT_TARGET_ERROR &&
	       e->target_offset == offsetof(struct ipt_entry, target) &&
	       e->next_offset == ES;
}

static bool ipt_name_taken(const struct ipt_check *c, const char *name)
{
	for (unsigned int i = c->nbuiltin; i < c->nchains; i++) {
		const struct ipt_entry *h =
			ck_entry(c, c->chains[i].first - ES);

		if (!strcmp(h->target.u.errorname, name))
			return true;
	}
	return false;
}

/*
 * User chains: ERROR "name", rules, unconditional RETURN; then the final
 * ERROR "ERROR" as the very last entry.
 */
static int ipt_check_user_chains(struct ipt_check *c, unsigned int off)
{
	unsigned int size = c->repl->size;

	for (;;) {
		const struct ipt_entry *h = ck_entry(c, off);
		const char *name = h->target.u.errorname;
		unsigned int end;

		if (!ipt_is_error(h) ||
		    !ipt_string_ok(name, IPT_FUNCTION_MAXNAMELEN))
			return -EINVAL;
		if (off + ES == size) /* the table's end marker */
			return strcmp(name, IPT_ERROR_TARGET) ? -EINVAL : 0;
		if (strlen(name) >= IPT_CHAIN_MAXNAMELEN ||
		    !strcmp(name, IPT_ERROR_TARGET) || ipt_builtin_name(name) ||
		    ipt_name_taken(c, name))
			return -EINVAL;
		/* the chain runs to the entry before the next header */
		for (end = off + ES; end < size; end += ES)
			if (ck_entry(c, end)->target.kind == IPT_TARGET_ERROR)
				break;
		if (end == off + ES || end == size)
			return -EINVAL; /* no RETURN, or no end marker */
		end -= ES;
		if (ipt_check_chain_body(c, off + ES, end) ||
		    !ipt_unconditional(ck_entry(c, end)) ||
		    !ipt_is_return(ck_entry(c, end)))
			return -EINVAL;
		ipt_add_chain(c, off + ES, end);
		off = end + ES;
	}
}

/* Index of the user chain starting at off, or -1: jumps go nowhere else. */
static int ipt_chain_at(const struct ipt_check *c, int32_t off)
{
	for (unsigned int i = c->nbuiltin; i < c->nchains; i++)
		if (c->chains[i].first == (unsigned int)off)
			return i;
	return -1;
}

/*
 * Depth-first through the jumps of chain i (Linux: mark_source_chains,
 * which walks the entries themselves). A chain met again while it is
 * still on the path is a loop. height = 1 + the deepest chain it jumps
 * to; it is kept, so each chain is walked once. A path longer than
 * IPT_MAX_JUMP_DEPTH means some chain is too tall for the jump stack,
 * which also bounds this recursion.
 */
static int ipt_check_jumps(struct ipt_check *c, unsigned int i,
			   unsigned int depth)
{
	struct ipt_chain *ch = &c->chains[i];

	if (ch->state == 1 || depth > IPT_MAX_JUMP_DEPTH)
		return -ELOOP;
	if (ch->state == 2)
		return ch->height;
	ch->state = 1;
	ch->height = 0;
	for (unsigned int off = ch->first; off <= ch->last; off += ES) {
		const struct ipt_target *t = &ck_entry(c, off)->target;
		int to, h;

		if (t->kind != IPT_TARGET_STANDARD || t->u.verdict < 0 ||
		    (unsigned int)t->u.verdict == off + ES) /* no -j */
			continue;
		to = ipt_chain_at(c, t->u.verdict);
		if (to < 0)
			return -EINVAL; /* into the middle of a chain */
		h = ipt_check_jumps(c, to, depth + 1);
		if (h < 0)
			return h;
		if (h + 1 > ch->height)
			ch->height = h + 1;
	}
	ch->state = 2;
	return ch->height > IPT_MAX_JUMP_DEPTH ? -ELOOP : ch->height;
}

/* DOC: ipt_translate_table */
int ipt_translate_table(const struct ipt_replace *repl, void *blob,
			unsigned int valid_hooks, struct xt_table_info *info)
{
	struct ipt_check c = { .repl = repl, .blob = blob };
	unsigned int off = 0;
	int err;

	if (repl->valid_hooks != valid_hooks || !repl->size ||
	    repl->size > IPT_MAX_TABLE_SIZE || repl->size % ES ||
	    repl->num_entries != repl->size / ES)
		return -EINVAL;
	/* a builtin chain or a user chain takes at least one entry each */
	c.chains = kmalloc(sizeof(*c.chains) * repl->num_entries, GFP_KERNEL);
	if (!c.chains)
		return -ENOMEM;
	err = ipt_check_builtins(&c, valid_hooks, &off);
	if (!err)
		err = off < repl->size ? ipt_check_user_chains(&c, off) :
					 -EINVAL;
	for (unsigned int i = 0; !err && i < c.nchains; i++) {
		int h = ipt_check_jumps(&c, i, 0);

		err = h < 0 ? h : 0;
	}
	kfree(c.chains);
	if (err)
		return err;

	info->size = repl->size;
	info->number = repl->num_entries;
	for (int h = 0; h < NF_INET_NUMHOOKS; h++) {
		info->hook_entry[h] = repl->hook_entry[h];
		info->underflow[h] = repl->underflow[h];
	}
	info->entries = blob;
	for (off = 0; off < repl->size; off += ES) { /* counters start at 0 */
		struct ipt_entry *e = ck_entry(&c, off);

		memset(&e->counters, 0, sizeof(e->counters));
		e->comefrom = 0;
	}
	return 0;
}

/* ===================== 3. tables and socket options ==================== */

static void ipt_free_info(struct xt_table_info *info)
{
	if (info) {
		kfree(info->entries);
		kfree(info);
	}
}

/* A checked copy of repl's blob (kernel memory), or an ERR_PTR. */
static struct xt_table_info *ipt_new_info(const struct ipt_replace *repl,
					  void *blob, unsigned int valid_hooks)
{
	struct xt_table_info *info = kzalloc(sizeof(*info), GFP_KERNEL);
	int err;

	if (!info) {
		kfree(blob);
		return ERR_PTR(-ENOMEM);
	}
	err = ipt_translate_table(repl, blob, valid_hooks, info);
	if (err) {
		kfree(blob);
		kfree(info);
		return ERR_PTR(err);
	}
	return info;
}

static struct xt_table *xt_find_table(const char *name)
{
	struct xt_table *t;

	list_for_each_entry(t, &xt_tables, list)
		if (!strcmp(t->name, name))
			return t;
	return NULL;
}

int ipt_register_table(struct xt_table *table, const struct ipt_replace *repl)
{
	void *blob = kmalloc(repl->size, GFP_KERNEL);
	struct xt_table_info *info;
	int err;

	if (!blob)
		return -ENOMEM;
	memcpy(blob, repl->entries, repl->size);
	info = ipt_new_info(repl, blob, table->valid_hooks);
	if (IS_ERR(info))
		return PTR_ERR(info);
	table->private = info;
	list_add(&table->list, &xt_tables);
	for (int h = 0; h < NF_INET_NUMHOOKS; h++) {
		struct nf_hook_ops *ops = &table->ops[h];

		if (!(table->valid_hooks & (1u << h)))
			continue;
		ops->hook = ipt_do_table;
		ops->priv = table;
		ops->pf = NFPROTO_IPV4;
		ops->hooknum = h;
		ops->priority = table->priority;
		err = nf_register_net_hook(ops);
		if (err)
			return err;
	}
	return 0;
}

void ipt_unregister_table(struct xt_table *table)
{
	for (int h = 0; h < NF_INET_NUMHOOKS; h++)
		if (table->valid_hooks & (1u << h))
			nf_unregister_net_hook(&table->ops[h]);
	list_del_init(&table->list);
	ipt_free_info(table->private);
	table->private = NULL;
}

/* The table named in a user's name field (NUL forced). */
static struct xt_table *ipt_lookup(char *name)
{
	name[IPT_TABLE_MAXNAMELEN - 1] = '\0';
	return xt_find_table(name);
}

static int ipt_get_info(void __user *user, int *len)
{
	struct ipt_getinfo info;
	struct xt_table *t;

	if (*len != (int)sizeof(info))
		return -EINVAL;
	if (copy_from_user(&info, user, sizeof(info)))
		return -EFAULT;
	t = ipt_lookup(info.name);
	if (!t)
		return -ENOENT;
	info.valid_hooks = t->valid_hooks;
	for (int h = 0; h < NF_INET_NUMHOOKS; h++) {
		info.hook_entry[h] = t->private->hook_entry[h];
		info.underflow[h] = t->private->underflow[h];
	}
	info.num_entries = t->private->number;
	info.size = t->private->size;
	return copy_to_user(user, &info, sizeof(info)) ? -EFAULT : 0;
}

/* The blob with its live counters, snapshotted with bottom halves off. */
static int ipt_get_entries(void __user *user, int *len)
{
	struct ipt_get_entries get;
	struct xt_table *t;
	void *copy;
	int err;

	if (*len < (int)sizeof(get))
		return -EINVAL;
	if (copy_from_user(&get, user, sizeof(get)))
		return -EFAULT;
	if ((unsigned int)*len != sizeof(get) + get.size)
		return -EINVAL;
	t = ipt_lookup(get.name);
	if (!t)
		return -ENOENT;
	if (get.size != t->private->size)
		return -EAGAIN; /* the table changed since GET_INFO */
	copy = kmalloc(get.size, GFP_KERNEL);
	if (!copy)
		return -ENOMEM;
	local_bh_disable();
	memcpy(copy, t->private->entries, get.size);
	local_bh_enable();
	err = copy_to_user((char __user *)user + sizeof(get), copy, get.size) ?
		      -EFAULT :
		      0;
	kfree(copy);
	return err;
}

int do_ipt_get_ctl(struct sock *sk, int cmd, void __user *user, int *len)
{
	switch (cmd) {
	case IPT_SO_GET_INFO:
		return ipt_get_info(user, len);
	case IPT_SO_GET_ENTRIES:
		return ipt_get_entries(user, len);
	default:
		return -EINVAL;
	}
}

/*
 * DOC: ipt_do_replace
 * Check the new blob completely, swap it in with bottom halves off, hand
 * the old counters back to user space, free the old rules.
 */
static int ipt_do_replace(void __user *user, unsigned int len)
{
	struct xt_table_info *info, *old;
	struct ipt_replace repl;
	struct xt_table *t;
	void *blob;

	if (len < sizeof(repl))
		return -EINVAL;
	if (copy_from_user(&repl, user, sizeof(repl)))
		return -EFAULT;
	if (repl.size > IPT_MAX_TABLE_SIZE || len != sizeof(repl) + repl.size)
		return -EINVAL;
	t = ipt_lookup(repl.name);
	if (!t)
		return -ENOENT;
	if (repl.num_counters != t->private->number)
		return -EAGAIN; /* someone replaced it since we read it */
	blob = kmalloc(repl.size ? repl.size : 1, GFP_KERNEL);
	if (!blob)
		return -ENOMEM;
	if (copy_from_user(blob, (char __user *)user + sizeof(repl),
			   repl.size)) {
		kfree(blob);
		return -EFAULT;
	}
	info = ipt_new_info(&repl, blob, t->valid_hooks);
	if (IS_ERR(info))
		return PTR_ERR(info);

	local_bh_disable();
	old = t->private;
	t->private = info;
	local_bh_enable();
	/* Nobody walks old now. Linux: the new table is in, so a fault
	 * here is silent too. */
	for (unsigned int i = 0; i < old->number; i++)
		if (copy_to_user(repl.counters + i,
				 &ipt_entry_at(old, i * ES)->counters,
				 sizeof(struct ipt_counters)))
			break;
	ipt_free_info(old);
	return 0;
}

/* Add user-supplied counters to each entry (libiptc keeps counts so). */
static int ipt_add_counters(void __user *user, unsigned int len)
{
	struct ipt_counters_info hdr;
	struct ipt_counters *add;
	struct xt_table *t;
	unsigned int bytes;
	int err = 0;

	if (len < sizeof(hdr))
		return -EINVAL;
	if (copy_from_user(&hdr, user, sizeof(hdr)))
		return -EFAULT;
	if (hdr.num_counters > IPT_MAX_TABLE_SIZE / ES)
		return -EINVAL;
	bytes = hdr.num_counters * sizeof(*add);
	if (len != sizeof(hdr) + bytes)
		return -EINVAL;
	t = ipt_lookup(hdr.name);
	if (!t)
		return -ENOENT;
	add = kmalloc(bytes ? bytes : 1, GFP_KERNEL);
	if (!add)
		return -ENOMEM;
	if (copy_from_user(add, (char __user *)user + sizeof(hdr), bytes)) {
		kfree(add);
		return -EFAULT;
	}
	local_bh_disable();
	if (hdr.num_counters != t->private->number) {
		err = -EINVAL; /* not the table they were read from */
	} else {
		for (unsigned int i = 0; i < hdr.num_counters; i++) {
			struct ipt_entry *e = ipt_entry_at(t->private, i * ES);

			e->counters.pcnt += add[i].pcnt;
			e->counters.bcnt += add[i].bcnt;
		}
	}
	local_bh_enable();
	kfree(add);
	return err;
}

int do_ipt_set_ctl(struct sock *sk, int cmd, void __user *user,
		   unsigned int len)
{
	switch (cmd) {
	case IPT_SO_SET_REPLACE:
		return ipt_do_replace(user, len);
	case IPT_SO_SET_ADD_COUNTERS:
		return ipt_add_counters(user, len);
	default:
		return -EINVAL;
	}
}

static struct nf_sockopt_ops ipt_sockopts = {
	.pf = NFPROTO_IPV4,
	.set_optmin = IPT_BASE_CTL,
	.set_optmax = IPT_SO_SET_MAX + 1,
	.set = do_ipt_set_ctl,
	.get_optmin = IPT_BASE_CTL,
	.get_optmax = IPT_SO_GET_MAX + 1,
	.get = do_ipt_get_ctl,
};

int ip_tables_init(void)
{
	return nf_register_sockopt(&ipt_sockopts);
}
