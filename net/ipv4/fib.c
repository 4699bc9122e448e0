/*
 * fib.c - the IPv4 routing tables and the longest-prefix match (stands
 * in for Linux's net/ipv4/fib_trie.c and fib_semantics.c).
 *
 * Two tables, local (RT_TABLE_LOCAL: our addresses, broadcast addresses)
 * and main (RT_TABLE_MAIN: what `route -n` shows). Each is a list of
 * struct fib_entry kept sorted by destination (numerically, as the trie
 * walks it, so /proc/net/route lists in Linux's order), longer prefixes
 * first among equal destinations.
 *
 * fib_table_lookup is the longest-prefix match every packet pays for:
 * the entry whose dst/mask covers daddr with the longest mask wins; among
 * equal prefixes the lowest metric (fe_priority). Routes through a device
 * that is down do not match (Linux marks their next hops RTNH_F_DEAD).
 * Linux stores the routes in an LC-trie, so a lookup costs a few node
 * visits however many routes there are; rxos scans a list, which is the
 * same answer for the handful of routes a lab machine has.
 *
 * Context: lookups in softirq (receive, forward) or process context
 * (send); changes in process context with bottom halves off.
 */
#include "net/ipv4/route.h"
#include "kernel/errno.h"
#include "kernel/interrupt.h"
#include "kernel/mm/slab.h"
#include "lib/string.h"
#include "lib/vsprintf.h"
#include "net/core/netdevice.h"
#include "net/ipv4/inetdevice.h"

static LIST_HEAD(fib_local);
static LIST_HEAD(fib_main);

static struct list_head *fib_get_table(int tb_id)
{
	if (tb_id == RT_TABLE_LOCAL)
		return &fib_local;
	if (tb_id == RT_TABLE_MAIN)
		return &fib_main;
	return NULL;
}

/* Does e belong before f in a table? */
static bool fib_entry_before(const struct fib_entry *e,
			     const struct fib_entry *f)
{
	if (ntohl(e->fe_dst) != ntohl(f->fe_dst))
		return ntohl(e->fe_dst) < ntohl(f->fe_dst);
	if (e->fe_prefixlen != f->fe_prefixlen)
		return e->fe_prefixlen > f->fe_prefixlen;
	return e->fe_priority < f->fe_priority;
}

static bool fib_same_key(const struct fib_entry *e, __be32 dst, int len,
			 uint32_t priority)
{
	return e->fe_dst == dst && e->fe_prefixlen == len &&
	       e->fe_priority == priority;
}

static void fib_entry_fill(struct fib_entry *fe, const struct fib_config *cfg,
			   __be32 mask)
{
	fe->fe_dst = cfg->fc_dst & mask;
	fe->fe_mask = mask;
	fe->fe_prefixlen = cfg->fc_dst_len;
	fe->fe_type = cfg->fc_type ? cfg->fc_type : RTN_UNICAST;
	fe->fe_scope = cfg->fc_scope;
	fe->fe_table = cfg->fc_table;
	fe->fe_gw = cfg->fc_gw;
	fe->fe_dev = cfg->fc_dev;
	fe->fe_prefsrc = cfg->fc_prefsrc;
	fe->fe_priority = cfg->fc_priority;
	fe->fe_mtu = cfg->fc_mtu;
	fe->fe_window = cfg->fc_window;
	fe->fe_irtt = cfg->fc_irtt;
}

/*
 * Add a route. Linux allows several routes with the same key if they
 * differ in TOS or type (NLM_F_APPEND); rxos keeps one per
 * (dst, len, metric) and reports -EEXIST, as `route add` of a duplicate
 * does on Linux ("SIOCADDRT: File exists").
 */
int fib_table_insert(struct fib_config *cfg)
{
	struct list_head *tb = fib_get_table(cfg->fc_table);
	struct fib_entry *fe, *pos;
	__be32 mask;

	if (!tb || cfg->fc_dst_len < 0 || cfg->fc_dst_len > 32)
		return -EINVAL;
	mask = inet_make_mask(cfg->fc_dst_len);
	if (cfg->fc_dst &
	    ~mask) /* host bits set: "route add -net 10.0.0.1/8" */
		return -EINVAL;
	list_for_each_entry(pos, tb, list)
		if (fib_same_key(pos, cfg->fc_dst, cfg->fc_dst_len,
				 cfg->fc_priority))
			return -EEXIST;
	fe = kzalloc(sizeof(*fe), GFP_KERNEL);
	if (!fe)
		return -ENOMEM;
	fib_entry_fill(fe, cfg, mask);
	local_bh_disable();
	list_for_each_entry(pos, tb, list)
		if (fib_entry_before(fe, pos))
			break;
	list_add_tail(&fe->list, &pos->list); /* before pos (or at the end) */
	local_bh_enable();
	return 0;
}

/* Does e match the delete request? Unset fields are wildcards. */
static bool fib_delete_matches(const struct fib_entry *e,
			       const struct fib_config *cfg)
{
	if (e->fe_dst != cfg->fc_dst || e->fe_prefixlen != cfg->fc_dst_len)
		return false;
	if (cfg->fc_priority && e->fe_priority != cfg->fc_priority)
		return false;
	if (cfg->fc_gw && e->fe_gw != cfg->fc_gw)
		return false;
	if (cfg->fc_dev && e->fe_dev != cfg->fc_dev)
		return false;
	if (cfg->fc_type && e->fe_type != cfg->fc_type)
		return false;
	return true;
}

int fib_table_delete(struct fib_config *cfg)
{
	struct list_head *tb = fib_get_table(cfg->fc_table);
	struct fib_entry *fe;

	if (!tb)
		return -ESRCH;
	list_for_each_entry(fe, tb, list) {
		if (!fib_delete_matches(fe, cfg))
			continue;
		local_bh_disable();
		list_del(&fe->list);
		local_bh_enable();
		kfree(fe);
		return 0;
	}
	return -ESRCH;
}

static bool fib_entry_usable(const struct fib_entry *fe)
{
	return !fe->fe_dev || (fe->fe_dev->flags & IFF_UP);
}

/*
 * The longest-prefix match in one table. A candidate must cover daddr
 * ((daddr ^ dst) & mask == 0) and go through a device that is up; the
 * longest mask wins, then the lowest metric. 0 with *res filled, or
 * -ENETUNREACH when nothing covers daddr.
 */
int fib_table_lookup(int tb_id, __be32 daddr, struct fib_result *res)
{
	struct list_head *tb = fib_get_table(tb_id);
	struct fib_entry *fe, *best = NULL;

	if (!tb)
		return -ENETUNREACH;
	list_for_each_entry(fe, tb, list) {
		if ((daddr ^ fe->fe_dst) & fe->fe_mask)
			continue;
		if (!fib_entry_usable(fe))
			continue;
		if (!best || fe->fe_prefixlen > best->fe_prefixlen ||
		    (fe->fe_prefixlen == best->fe_prefixlen &&
		     fe->fe_priority < best->fe_priority))
			best = fe;
	}
	if (!best)
		return -ENETUNREACH;
	res->fe = best;
	res->prefixlen = best->fe_prefixlen;
	res->type = best->fe_type;
	res->scope = best->fe_scope;
	return 0;
}

/* Linux consults the policy rules (ip rule): local, main, default. */
/* DOC: fib_lookup */
int fib_lookup(__be32 daddr, struct fib_result *res)
{
	if (!fib_table_lookup(RT_TABLE_LOCAL, daddr, res))
		return 0;
	return fib_table_lookup(RT_TABLE_MAIN, daddr, res);
}

static void fib_flush_table(struct list_head *tb, struct net_device *dev)
{
	struct fib_entry *fe, *n;

	local_bh_disable();
	list_for_each_entry_safe(fe, n, tb, list) {
		if (dev && fe->fe_dev != dev)
			continue;
		list_del(&fe->list);
		kfree(fe);
	}
	local_bh_enable();
}

void fib_flush_dev(struct net_device *dev)
{
	fib_flush_table(&fib_local, dev);
	fib_flush_table(&fib_main, dev);
}

void fib_reset(void)
{
	fib_flush_table(&fib_local, NULL);
	fib_flush_table(&fib_main, NULL);
}

/* The Flags column (Linux: fib_flag_trans). */
static unsigned int fib_flag_trans(const struct fib_entry *fe)
{
	unsigned int flags = RTF_UP;

	if (fe->fe_type == RTN_UNREACHABLE || fe->fe_type == RTN_PROHIBIT)
		flags |= RTF_REJECT;
	if (fe->fe_gw)
		flags |= RTF_GATEWAY;
	if (fe->fe_mask == htonl(0xFFFFFFFF))
		flags |= RTF_HOST;
	return flags;
}

#define ROUTE_LINE_WIDTH 127 /* Linux pads every line to this (seq_setwidth) */

static int fib_route_line(char *buf, int len, int pos,
			  const struct fib_entry *fe)
{
	int start = pos;

	/* Addresses print as the raw 32-bit value: 10.0.2.0 -> 0002000A. */
	pos += scnprintf(buf + pos, len - pos,
			 "%s\t%08X\t%08X\t%04X\t%d\t%u\t%d\t%08X\t%d\t%u\t%u",
			 fe->fe_dev ? fe->fe_dev->name : "*",
			 (uint32_t)fe->fe_dst, (uint32_t)fe->fe_gw,
			 fib_flag_trans(fe), 0, 0u, (int)fe->fe_priority,
			 (uint32_t)fe->fe_mask, (int)fe->fe_mtu, fe->fe_window,
			 fe->fe_irtt);
	while (pos - start < ROUTE_LINE_WIDTH && pos < len - 1)
		buf[pos++] = ' ';
	if (pos < len - 1)
		buf[pos++] = '\n';
	buf[pos < len ? pos : len - 1] = '\0';
	return pos;
}

/*
 * /proc/net/route (Linux: fib_route_seq_show): the main table only,
 * without broadcast/multicast entries, each line padded to 127 columns.
 */
int fib_route_seq_show(char *buf, int len)
{
	struct fib_entry *fe;
	int pos;

	pos = scnprintf(buf, len, "%-127s\n",
			"Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\t"
			"Metric\tMask\t\tMTU\tWindow\tIRTT");
	local_bh_disable();
	list_for_each_entry(fe, &fib_main, list) {
		if (fe->fe_type == RTN_BROADCAST ||
		    fe->fe_type == RTN_MULTICAST)
			continue;
		pos = fib_route_line(buf, len, pos, fe);
	}
	local_bh_enable();
	return pos;
}
