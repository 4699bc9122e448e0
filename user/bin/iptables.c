/*
 * iptables - read, edit and replace the kernel's filter table, with
 * iptables-legacy's commands, options, messages and `-L` layout.
 *
 *   iptables [-t filter] -A|-I|-D|-F|-L|-S|-P|-N|-X|-Z [chain] [rule] [opts]
 *   e.g. iptables -t filter -A INPUT -s 172.16.0.0/16 -p udp --dport 53 -j DROP
 *
 * How it talks to the kernel, as libiptc does: open an AF_INET raw socket;
 * getsockopt(IPT_SO_GET_INFO) for the table's size, getsockopt(
 * IPT_SO_GET_ENTRIES) for the blob (net/ipv4/netfilter/ip_tables.h draws
 * it); turn the blob into chains of rules in memory; apply the command;
 * lay the chains out into a new blob and setsockopt(IPT_SO_SET_REPLACE).
 * The kernel hands back the old counters; the tool maps them onto the new
 * rules and gives them back with IPT_SO_SET_ADD_COUNTERS, so counts
 * survive edits of other rules.
 *
 * Built for the host (make host-user) it must not touch the host's real
 * iptables, whose ABI differs: there it keeps the table in the file named
 * by $IPTABLES_RXOS_STATE instead (a getinfo header and the blob), which
 * lets tests/host run the parsing and -L formatting.
 *
 * Exit status as iptables: 0 fine, 1 the table refused the change
 * ("iptables: No chain/target/match by that name."), 2 a bad command line
 * ("iptables v1.8.9 (legacy): Bad argument `x'" plus the --help hint),
 * 3 no such table.
 */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#include "../../net/ipv4/netfilter/ip_tables.h"

#define PROG "iptables"
#define VERSION "1.8.9 (legacy)"

#define HOOK_LOCAL_IN 1 /* NF_INET_* */
#define HOOK_FORWARD 2
#define HOOK_LOCAL_OUT 3
#define ES sizeof(struct ipt_entry)

#define VERDICT_NONE (-1000) /* in memory only: a rule without -j */

/* exit statuses (xtables.h: enum xtables_exittype) */
#define OTHER_PROBLEM 1
#define PARAMETER_PROBLEM 2
#define VERSION_PROBLEM 3
#define RESOURCE_PROBLEM 4

/* ==================== messages ======================================== */

static void __attribute__((noreturn, format(printf, 2, 3)))
xt_error(int status, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s v%s: ", PROG, VERSION);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n");
	if (status == PARAMETER_PROBLEM)
		fprintf(stderr, "Try `%s -h' or '%s --help' for more "
				"information.\n", PROG, PROG);
	if (status == VERSION_PROBLEM)
		fprintf(stderr, "Perhaps iptables or your kernel needs to be "
				"upgraded.\n");
	exit(status);
}

/* The text of errno values libiptc reports (glibc's strerror words). */
static const char *err_text(int err)
{
	switch (err) {
	case EPERM: return "Operation not permitted";
	case ENOENT: return "No chain/target/match by that name";
	case EINVAL: return "Invalid argument";
	case EEXIST: return "Chain already exists";
	case E2BIG: return "Argument list too long";
	case ENOMEM: return "Memory allocation problem";
	case EAGAIN: return "Resource temporarily unavailable";
	case EMLINK: return "Too many links";
	case ENOTEMPTY: return "Directory not empty";
	case ELOOP: return "Too many levels of symbolic links";
	case ENOPROTOOPT: return "iptables who? (do you need to insmod?)";
	default: return strerror(err);
	}
}

/* A failed table operation: "iptables: <why>." and exit 1. */
static void __attribute__((noreturn)) iptc_fail(const char *why, int err)
{
	if (!why)
		why = err_text(err);
	if (err == EINVAL)
		fprintf(stderr, "iptables: %s. Run `dmesg' for more "
				"information.\n", why);
	else
		fprintf(stderr, "iptables: %s.\n", why);
	exit(err == EAGAIN ? RESOURCE_PROBLEM : OTHER_PROBLEM);
}

/* ==================== the table in memory (libiptc) ==================== */

enum { CM_NEW, CM_NORMAL, CM_ZEROED, CM_SET };

struct rule {
	struct ipt_entry e;
	char jump[IPT_FUNCTION_MAXNAMELEN]; /* -j <user chain>, else "" */
	int old;  /* index in the blob read, -1 when new */
	int cmap; /* CM_*: what its counters become */
};

struct chain {
	char name[IPT_FUNCTION_MAXNAMELEN];
	int hook;	   /* NF_INET_*, -1 for a user chain */
	struct rule end;   /* builtin: the policy; user: the RETURN */
	struct rule *rules;
	int n, cap;
	int old_header;	   /* user chain: index of its ERROR entry */
	unsigned int start; /* offset of its first entry, when laid out */
};

struct table {
	char name[IPT_TABLE_MAXNAMELEN];
	struct ipt_getinfo info;
	struct ipt_entry *old; /* the blob as read, with its counters */
	unsigned int nold;
	struct chain *chains;
	int nchains;
	int fd; /* the socket (-1 in the host build) */
};

static const char *hook_chain_name(int hook)
{
	static const char *const names[] = { "PREROUTING", "INPUT", "FORWARD",
					     "OUTPUT", "POSTROUTING" };
	return names[hook];
}

static struct chain *find_chain(struct table *t, const char *name)
{
	for (int i = 0; i < t->nchains; i++)
		if (!strcmp(t->chains[i].name, name))
			return &t->chains[i];
	return NULL;
}

static struct chain *new_chain(struct table *t, const char *name, int hook)
{
	struct chain *c;

	t->chains = realloc(t->chains, (t->nchains + 1) * sizeof(*c));
	c = &t->chains[t->nchains++];
	memset(c, 0, sizeof(*c));
	snprintf(c->name, sizeof(c->name), "%s", name);
	c->hook = hook;
	c->old_header = -1;
	c->end.old = -1;
	c->end.e.target_offset = offsetof(struct ipt_entry, target);
	c->end.e.next_offset = ES;
	c->end.e.target.u.verdict = hook >= 0 ? IPT_VERDICT_ACCEPT : IPT_RETURN;
	return c;
}

static void chain_insert(struct chain *c, int pos, const struct rule *r)
{
	if (c->n == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 8;
		c->rules = realloc(c->rules, c->cap * sizeof(*r));
	}
	memmove(&c->rules[pos + 1], &c->rules[pos],
		(c->n - pos) * sizeof(*r));
	c->rules[pos] = *r;
	c->n++;
}

static void chain_delete(struct chain *c, int pos)
{
	memmove(&c->rules[pos], &c->rules[pos + 1],
		(c->n - pos - 1) * sizeof(*c->rules));
	c->n--;
}

/* ---- the kernel (or, on the host, a file standing in for it) ---- */

#ifdef RXOS_HOST_BUILD
/* The state file: struct ipt_getinfo, then the blob. */
static const char *state_path(void)
{
	const char *p = getenv("IPTABLES_RXOS_STATE");

	if (!p) {
		fprintf(stderr, "iptables: host build: set IPTABLES_RXOS_STATE "
				"to a state file (this is not the host's "
				"iptables)\n");
		exit(OTHER_PROBLEM);
	}
	return p;
}

static void *read_state(struct ipt_getinfo *gi)
{
	int fd = open(state_path(), O_RDONLY);
	void *blob;

	if (fd < 0)
		return NULL;
	if (read(fd, gi, sizeof(*gi)) != sizeof(*gi) ||
	    gi->size > IPT_MAX_TABLE_SIZE) {
		close(fd);
		return NULL;
	}
	blob = malloc(gi->size + 1);
	if (read(fd, blob, gi->size) != (ssize_t)gi->size) {
		free(blob);
		blob = NULL;
	}
	close(fd);
	return blob;
}

/* A fresh filter table, as the kernel has at boot. */
static void *initial_state(struct ipt_getinfo *gi)
{
	struct ipt_entry *e = calloc(4, ES);

	memset(gi, 0, sizeof(*gi));
	strcpy(gi->name, "filter");
	gi->valid_hooks = 1 << HOOK_LOCAL_IN | 1 << HOOK_FORWARD |
			  1 << HOOK_LOCAL_OUT;
	gi->num_entries = 4;
	gi->size = 4 * ES;
	for (int i = 0; i < 4; i++) {
		e[i].target_offset = offsetof(struct ipt_entry, target);
		e[i].next_offset = ES;
		e[i].target.u.verdict = IPT_VERDICT_ACCEPT;
	}
	gi->hook_entry[HOOK_LOCAL_IN] = gi->underflow[HOOK_LOCAL_IN] = 0;
	gi->hook_entry[HOOK_FORWARD] = gi->underflow[HOOK_FORWARD] = ES;
	gi->hook_entry[HOOK_LOCAL_OUT] = gi->underflow[HOOK_LOCAL_OUT] = 2 * ES;
	e[3].target.kind = IPT_TARGET_ERROR;
	strcpy(e[3].target.u.errorname, IPT_ERROR_TARGET);
	return e;
}

static void write_state(const struct ipt_getinfo *gi, const void *blob)
{
	int fd = open(state_path(), O_WRONLY | O_CREAT | O_TRUNC, 0644);

	if (fd < 0 || write(fd, gi, sizeof(*gi)) != sizeof(*gi) ||
	    write(fd, blob, gi->size) != (ssize_t)gi->size)
		iptc_fail(NULL, EPERM);
	close(fd);
}

static int kernel_get(struct table *t)
{
	void *blob;

	if (strcmp(t->name, "filter")) {
		errno = ENOENT;
		return -1;
	}
	blob = read_state(&t->info);
	if (!blob)
		blob = initial_state(&t->info);
	t->old = blob;
	return 0;
}

static int kernel_replace(struct table *t, struct ipt_replace *r,
			  unsigned int len)
{
	struct ipt_getinfo gi, cur;
	struct ipt_entry *old = read_state(&cur);

	if (!old)
		old = initial_state(&cur);
	for (unsigned int i = 0; i < r->num_counters && i < cur.num_entries;
	     i++)
		r->counters[i] = old[i].counters;
	free(old);
	memset(&gi, 0, sizeof(gi));
	strcpy(gi.name, r->name);
	gi.valid_hooks = r->valid_hooks;
	memcpy(gi.hook_entry, r->hook_entry, sizeof(gi.hook_entry));
	memcpy(gi.underflow, r->underflow, sizeof(gi.underflow));
	gi.num_entries = r->num_entries;
	gi.size = r->size;
	for (unsigned int i = 0; i < r->num_entries; i++)
		memset(&r->entries[i].counters, 0, sizeof(struct ipt_counters));
	write_state(&gi, r->entries);
	return 0;
}

static int kernel_add_counters(struct table *t, struct ipt_counters_info *ci,
			       unsigned int len)
{
	struct ipt_getinfo gi;
	struct ipt_entry *e = read_state(&gi);

	if (!e)
		return -1;
	for (unsigned int i = 0; i < ci->num_counters && i < gi.num_entries;
	     i++) {
		e[i].counters.pcnt += ci->counters[i].pcnt;
		e[i].counters.bcnt += ci->counters[i].bcnt;
	}
	write_state(&gi, e);
	free(e);
	return 0;
}
#else
static int kernel_get(struct table *t)
{
	struct ipt_get_entries *ge;
	socklen_t len = sizeof(t->info);

	t->fd = socket(AF_INET, SOCK_RAW, IPPROTO_RAW);
	/* any AF_INET socket reaches ip_getsockopt; libiptc asks for a raw
	 * one, rxos may not have raw sockets yet */
	if (t->fd < 0 && errno != EPERM && errno != EACCES)
		t->fd = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
	if (t->fd < 0)
		return -1;
	memset(&t->info, 0, sizeof(t->info));
	strcpy(t->info.name, t->name);
	if (getsockopt(t->fd, IPPROTO_IP, IPT_SO_GET_INFO, &t->info, &len) < 0)
		return -1;
	len = sizeof(*ge) + t->info.size;
	ge = calloc(1, len);
	strcpy(ge->name, t->name);
	ge->size = t->info.size;
	if (getsockopt(t->fd, IPPROTO_IP, IPT_SO_GET_ENTRIES, ge, &len) < 0)
		return -1;
	t->old = malloc(t->info.size + 1);
	memcpy(t->old, ge->entrytable, t->info.size);
	free(ge);
	return 0;
}

static int kernel_replace(struct table *t, struct ipt_replace *r,
			  unsigned int len)
{
	return setsockopt(t->fd, IPPROTO_IP, IPT_SO_SET_REPLACE, r, len);
}

static int kernel_add_counters(struct table *t, struct ipt_counters_info *ci,
			       unsigned int len)
{
	return setsockopt(t->fd, IPPROTO_IP, IPT_SO_SET_ADD_COUNTERS, ci, len);
}
#endif

/* ---- blob -> chains ---- */

static struct ipt_entry *old_at(struct table *t, unsigned int off)
{
	return (struct ipt_entry *)((char *)t->old + off);
}

static void load_rule(struct table *t, struct chain *c, unsigned int off)
{
	struct rule r;

	memset(&r, 0, sizeof(r));
	r.e = *old_at(t, off);
	r.old = off / ES;
	r.cmap = CM_NORMAL;
	chain_insert(c, c->n, &r);
}

/* Builtin chains from the hook offsets, user chains from their headers. */
static void parse_blob(struct table *t)
{
	unsigned int off = 0, size = t->info.size;

	t->nold = size / ES;
	for (int h = 0; h < 5; h++) {
		struct chain *c;

		if (!(t->info.valid_hooks & (1u << h)))
			continue;
		c = new_chain(t, hook_chain_name(h), h);
		for (off = t->info.hook_entry[h]; off < t->info.underflow[h];
		     off += ES)
			load_rule(t, c, off);
		c->end.e = *old_at(t, off);
		c->end.old = off / ES;
		c->end.cmap = CM_NORMAL;
		off += ES;
	}
	while (off + ES < size) { /* the last entry is the end marker */
		struct ipt_entry *h = old_at(t, off);
		struct chain *c = new_chain(t, h->target.u.errorname, -1);

		c->old_header = off / ES;
		c->start = off + ES;
		for (off += ES; off + ES < size &&
				old_at(t, off + ES)->target.kind != IPT_TARGET_ERROR;
		     off += ES)
			load_rule(t, c, off);
		c->end.e = *old_at(t, off);
		c->end.old = off / ES;
		off += ES;
	}
	/* jumps: offsets to names */
	for (int i = 0; i < t->nchains; i++) {
		struct chain *c = &t->chains[i];

		for (int j = 0; j < c->n; j++) {
			struct ipt_target *tg = &c->rules[j].e.target;
			unsigned int at = c->rules[j].old * ES;

			if (tg->kind != IPT_TARGET_STANDARD || tg->u.verdict < 0)
				continue;
			if ((unsigned int)tg->u.verdict == at + ES) {
				tg->u.verdict = VERDICT_NONE; /* no -j */
				continue;
			}
			for (int k = 0; k < t->nchains; k++)
				if (t->chains[k].hook < 0 &&
				    t->chains[k].start == (unsigned int)tg->u.verdict)
					strcpy(c->rules[j].jump,
					       t->chains[k].name);
		}
	}
}

static void table_init(struct table *t, const char *name)
{
	memset(t, 0, sizeof(*t));
	t->fd = -1;
	snprintf(t->name, sizeof(t->name), "%s", name);
	if (kernel_get(t) < 0) {
		int err = errno;

		if (err == ENOENT)
			xt_error(VERSION_PROBLEM, "can't initialize iptables "
				 "table `%s': Table does not exist (do you "
				 "need to insmod?)", name);
		if (err == EPERM || err == EACCES)
			xt_error(VERSION_PROBLEM, "can't initialize iptables "
				 "table `%s': Permission denied (you must be "
				 "root)", name);
		xt_error(VERSION_PROBLEM, "can't initialize iptables table "
			 "`%s': %s", name, err_text(err));
	}
	parse_blob(t);
}

static int cmp_user_chains(const void *a, const void *b)
{
	const struct chain *x = a, *y = b;

	if ((x->hook >= 0) != (y->hook >= 0))
		return x->hook >= 0 ? -1 : 1;
	if (x->hook >= 0)
		return x->hook - y->hook;
	return strcmp(x->name, y->name);
}

static int references(struct table *t, const char *name)
{
	int refs = 0;

	for (int i = 0; i < t->nchains; i++)
		for (int j = 0; j < t->chains[i].n; j++)
			refs += !strcmp(t->chains[i].rules[j].jump, name);
	return refs;
}

/* ---- chains -> blob, replace, restore counters (iptc_commit) ---- */

struct layout {
	struct ipt_entry *e;
	int *old;  /* per new entry: its old index or -1 */
	int *cmap;
	struct ipt_counters *set;
	unsigned int n;
};

static void lay(struct layout *l, const struct rule *r)
{
	l->e[l->n] = r->e;
	l->old[l->n] = r->old;
	l->cmap[l->n] = r->old < 0 && r->cmap != CM_SET ? CM_NEW : r->cmap;
	l->set[l->n] = r->e.counters;
	l->n++;
}

static void commit(struct table *t)
{
	unsigned int total = 1, size, len, clen;
	struct ipt_replace *r;
	struct ipt_counters_info *ci;
	struct layout l = { 0 };
	unsigned int off = 0;

	qsort(t->chains, t->nchains, sizeof(*t->chains), cmp_user_chains);
	for (int i = 0; i < t->nchains; i++) { /* offsets first */
		struct chain *c = &t->chains[i];

		if (c->hook < 0)
			off += ES; /* the header */
		c->start = off;
		off += (c->n + 1) * ES;
		total += c->n + 1 + (c->hook < 0);
	}
	size = total * ES;
	len = sizeof(*r) + size;
	r = calloc(1, len);
	l.e = r->entries;
	l.old = calloc(total, sizeof(int));
	l.cmap = calloc(total, sizeof(int));
	l.set = calloc(total, sizeof(*l.set));
	strcpy(r->name, t->name);
	r->valid_hooks = t->info.valid_hooks;
	r->num_entries = total;
	r->size = size;
	r->num_counters = t->nold;
	r->counters = calloc(t->nold + 1, sizeof(struct ipt_counters));
	for (int i = 0; i < t->nchains; i++) {
		struct chain *c = &t->chains[i];

		if (c->hook < 0) {
			struct rule h = { .old = c->old_header };

			h.e.target_offset = offsetof(struct ipt_entry, target);
			h.e.next_offset = ES;
			h.e.target.kind = IPT_TARGET_ERROR;
			strcpy(h.e.target.u.errorname, c->name);
			lay(&l, &h);
		} else {
			r->hook_entry[c->hook] = c->start;
			r->underflow[c->hook] = c->start + c->n * ES;
		}
		for (int j = 0; j < c->n; j++) {
			struct rule *ru = &c->rules[j];

			if (ru->jump[0])
				ru->e.target.u.verdict =
					find_chain(t, ru->jump)->start;
			else if (ru->e.target.kind == IPT_TARGET_STANDARD &&
				 ru->e.target.u.verdict == VERDICT_NONE)
				ru->e.target.u.verdict = l.n * ES + ES;
			lay(&l, ru);
		}
		lay(&l, &c->end);
	}
	{
		struct rule end = { .old = -1 };

		end.e.target_offset = offsetof(struct ipt_entry, target);
		end.e.next_offset = ES;
		end.e.target.kind = IPT_TARGET_ERROR;
		strcpy(end.e.target.u.errorname, IPT_ERROR_TARGET);
		lay(&l, &end);
	}
	for (unsigned int i = 0; i < total; i++)
		memset(&r->entries[i].counters, 0, sizeof(struct ipt_counters));
	if (kernel_replace(t, r, len) < 0)
		iptc_fail(NULL, errno);

	/* the kernel gave us the old counters: map them onto the new table */
	clen = sizeof(*ci) + total * sizeof(struct ipt_counters);
	ci = calloc(1, clen);
	strcpy(ci->name, t->name);
	ci->num_counters = total;
	for (unsigned int i = 0; i < total; i++) {
		int o = l.old[i];

		if (l.cmap[i] == CM_SET)
			ci->counters[i] = l.set[i];
		else if (o < 0 || (unsigned int)o >= t->nold)
			continue;
		else if (l.cmap[i] == CM_NORMAL)
			ci->counters[i] = r->counters[o];
		else if (l.cmap[i] == CM_ZEROED) { /* packets since we read */
			ci->counters[i].pcnt = r->counters[o].pcnt -
					       t->old[o].counters.pcnt;
			ci->counters[i].bcnt = r->counters[o].bcnt -
					       t->old[o].counters.bcnt;
		}
	}
	if (kernel_add_counters(t, ci, clen) < 0)
		iptc_fail(NULL, errno);
}

/* ==================== parsing the command line ========================= */

enum {
	CMD_NONE,
	CMD_APPEND = 'A',
	CMD_INSERT = 'I',
	CMD_DELETE = 'D',
	CMD_FLUSH = 'F',
	CMD_LIST = 'L',
	CMD_ZERO = 'Z',
	CMD_NEW = 'N',
	CMD_DELETE_CHAIN = 'X',
	CMD_POLICY = 'P',
	CMD_LIST_RULES = 'S',
};

struct cmdline {
	int command;
	const char *chain;
	const char *policy;
	int rulenum; /* -I/-D position, 1-based; 0 none */
	const char *table;
	int verbose, numeric, exact, linenumbers;
	struct rule rule;
	const char *target; /* -j name */
	unsigned int opts;  /* OPT_* seen */
	int have_counters;
};

#define OPT_SRC 0x01
#define OPT_DST 0x02
#define OPT_PROTO 0x04
#define OPT_IN 0x08
#define OPT_OUT 0x10
#define OPT_JUMP 0x20
#define OPT_FRAG 0x40
#define OPT_SPORT 0x80
#define OPT_DPORT 0x100
#define OPT_ICMP 0x200
#define OPT_REJECT 0x400
#define OPT_LOGPFX 0x800
#define OPT_LOGLVL 0x1000

static const char *opt_name(unsigned int opt)
{
	switch (opt) {
	case OPT_SRC: return "-s";
	case OPT_DST: return "-d";
	case OPT_PROTO: return "-p";
	case OPT_IN: return "-i";
	case OPT_OUT: return "-o";
	case OPT_JUMP: return "-j";
	case OPT_FRAG: return "-f";
	default: return "?";
	}
}

static void set_option(struct cmdline *cl, unsigned int opt, int invert,
		       uint8_t invflag)
{
	if (cl->opts & opt)
		xt_error(PARAMETER_PROBLEM, "multiple %s flags not allowed",
			 opt_name(opt));
	cl->opts |= opt;
	if (invert) {
		if (!invflag)
			xt_error(PARAMETER_PROBLEM, "cannot have ! before %s",
				 opt_name(opt));
		cl->rule.e.ip.invflags |= invflag;
	}
}

/* "a.b.c.d" -> network order; 0 when not an address. */
static int parse_dotted(const char *s, uint32_t *addr)
{
	unsigned long part[4];
	char *end;
	int n = 0;

	for (;;) {
		if (*s < '0' || *s > '9')
			return 0;
		part[n] = strtoul(s, &end, 10);
		if (part[n] > 255)
			return 0;
		n++;
		if (!*end)
			break;
		if (*end != '.' || n == 4)
			return 0;
		s = end + 1;
	}
	if (n != 4)
		return 0;
	*addr = htonl(part[0] << 24 | part[1] << 16 | part[2] << 8 | part[3]);
	return 1;
}

/* -s/-d address[/mask]: rxos has no resolver, so numbers only. */
static void parse_hostnetworkmask(const char *arg, uint32_t *addr,
				  uint32_t *mask)
{
	char buf[64], *slash;
	unsigned long bits;
	char *end;

	snprintf(buf, sizeof(buf), "%s", arg);
	slash = strchr(buf, '/');
	if (slash)
		*slash++ = '\0';
	*mask = 0xFFFFFFFF;
	if (slash) {
		if (strchr(slash, '.')) {
			if (!parse_dotted(slash, mask))
				xt_error(PARAMETER_PROBLEM,
					 "invalid mask `%s' specified", slash);
		} else {
			bits = strtoul(slash, &end, 10);
			if (!*slash || *end || bits > 32)
				xt_error(PARAMETER_PROBLEM,
					 "invalid mask `%s' specified", slash);
			*mask = bits ? htonl(~0u << (32 - bits)) : 0;
		}
	}
	if (!strcmp(buf, "anywhere") || !strcmp(buf, "any"))
		*addr = 0, *mask = 0;
	else if (!parse_dotted(buf, addr))
		xt_error(PARAMETER_PROBLEM, "host/network `%s' not found", buf);
	*addr &= *mask;
}

static void parse_iface(const char *arg, char *name, unsigned char *mask)
{
	size_t n = strlen(arg);

	if (n >= IPT_IFNAMSIZ)
		xt_error(PARAMETER_PROBLEM, "interface name `%s' must be "
			 "shorter than IFNAMSIZ (%i)", arg, IPT_IFNAMSIZ);
	memset(name, 0, IPT_IFNAMSIZ);
	memset(mask, 0, IPT_IFNAMSIZ);
	if (!n)
		return;
	memcpy(name, arg, n); /* "eth+" keeps its '+': the mask hides it */
	if (arg[n - 1] == '+') {
		memset(mask, 0xFF, n - 1);
	} else {
		memset(mask, 0xFF, n + 1);
	}
}

static const struct {
	const char *name;
	uint16_t num;
} protos[] = { { "tcp", 6 }, { "udp", 17 }, { "icmp", 1 }, { "all", 0 } };

static uint16_t parse_protocol(const char *s)
{
	char *end;
	unsigned long n = strtoul(s, &end, 10);

	if (*s && !*end && n <= 255)
		return n;
	for (unsigned int i = 0; i < sizeof(protos) / sizeof(protos[0]); i++)
		if (!strcasecmp(s, protos[i].name))
			return protos[i].num;
	xt_error(PARAMETER_PROBLEM, "unknown protocol \"%s\" specified", s);
}

static uint16_t parse_port(const char *s)
{
	char *end;
	unsigned long n = strtoul(s, &end, 10);

	if (!*s || *end || n > 65535)
		xt_error(PARAMETER_PROBLEM, "invalid port/service `%s' specified",
			 s);
	return n;
}

/* "53", "1000:2000", ":1023", "1024:" */
static void parse_ports(const char *s, uint16_t *ports)
{
	char buf[32], *colon;

	snprintf(buf, sizeof(buf), "%s", s);
	colon = strchr(buf, ':');
	if (!colon) {
		ports[0] = ports[1] = parse_port(buf);
		return;
	}
	*colon = '\0';
	ports[0] = buf[0] ? parse_port(buf) : 0;
	ports[1] = colon[1] ? parse_port(colon + 1) : 0xFFFF;
	if (ports[0] > ports[1])
		xt_error(PARAMETER_PROBLEM, "invalid portrange (min > max)");
}

static const struct icmp_name {
	const char *name;
	uint8_t type, code_min, code_max;
} icmp_codes[] = {
	{ "any", 0xFF, 0, 0xFF },
	{ "echo-reply", 0, 0, 0xFF },
	{ "pong", 0, 0, 0xFF },
	{ "destination-unreachable", 3, 0, 0xFF },
	{ "network-unreachable", 3, 0, 0 },
	{ "host-unreachable", 3, 1, 1 },
	{ "protocol-unreachable", 3, 2, 2 },
	{ "port-unreachable", 3, 3, 3 },
	{ "fragmentation-needed", 3, 4, 4 },
	{ "source-route-failed", 3, 5, 5 },
	{ "network-unknown", 3, 6, 6 },
	{ "host-unknown", 3, 7, 7 },
	{ "network-prohibited", 3, 9, 9 },
	{ "host-prohibited", 3, 10, 10 },
	{ "TOS-network-unreachable", 3, 11, 11 },
	{ "TOS-host-unreachable", 3, 12, 12 },
	{ "communication-prohibited", 3, 13, 13 },
	{ "host-precedence-violation", 3, 14, 14 },
	{ "precedence-cutoff", 3, 15, 15 },
	{ "source-quench", 4, 0, 0xFF },
	{ "redirect", 5, 0, 0xFF },
	{ "network-redirect", 5, 0, 0 },
	{ "host-redirect", 5, 1, 1 },
	{ "TOS-network-redirect", 5, 2, 2 },
	{ "TOS-host-redirect", 5, 3, 3 },
	{ "echo-request", 8, 0, 0xFF },
	{ "ping", 8, 0, 0xFF },
	{ "router-advertisement", 9, 0, 0xFF },
	{ "router-solicitation", 10, 0, 0xFF },
	{ "time-exceeded", 11, 0, 0xFF },
	{ "ttl-exceeded", 11, 0, 0xFF },
	{ "ttl-zero-during-transit", 11, 0, 0 },
	{ "ttl-zero-during-reassembly", 11, 1, 1 },
	{ "parameter-problem", 12, 0, 0xFF },
	{ "ip-header-bad", 12, 0, 0 },
	{ "required-option-missing", 12, 1, 1 },
	{ "timestamp-request", 13, 0, 0xFF },
	{ "timestamp-reply", 14, 0, 0xFF },
	{ "address-mask-request", 17, 0, 0xFF },
	{ "address-mask-reply", 18, 0, 0xFF },
};
#define N_ICMP (sizeof(icmp_codes) / sizeof(icmp_codes[0]))

/* "echo-request", "8", "3/3" */
static void parse_icmp(const char *s, struct ipt_proto_match *m)
{
	char buf[32], *slash, *end;
	unsigned long n;

	for (unsigned int i = 0; i < N_ICMP; i++)
		if (!strcasecmp(icmp_codes[i].name, s)) {
			m->icmp_type = icmp_codes[i].type;
			m->icmp_code[0] = icmp_codes[i].code_min;
			m->icmp_code[1] = icmp_codes[i].code_max;
			return;
		}
	snprintf(buf, sizeof(buf), "%s", s);
	slash = strchr(buf, '/');
	if (slash)
		*slash++ = '\0';
	n = strtoul(buf, &end, 10);
	if (!buf[0] || *end || n > 255)
		xt_error(PARAMETER_PROBLEM, "Invalid ICMP type `%s'", buf);
	m->icmp_type = n;
	m->icmp_code[0] = 0;
	m->icmp_code[1] = 0xFF;
	if (slash) {
		n = strtoul(slash, &end, 10);
		if (!*slash || *end || n > 255)
			xt_error(PARAMETER_PROBLEM, "Invalid ICMP code `%s'",
				 slash);
		m->icmp_code[0] = m->icmp_code[1] = n;
	}
}

static const struct {
	const char *name, *alias;
	uint32_t with;
} reject_table[] = {
	{ "icmp-net-unreachable", "net-unreach", IPT_ICMP_NET_UNREACHABLE },
	{ "icmp-host-unreachable", "host-unreach", IPT_ICMP_HOST_UNREACHABLE },
	{ "icmp-proto-unreachable", "proto-unreach", IPT_ICMP_PROT_UNREACHABLE },
	{ "icmp-port-unreachable", "port-unreach", IPT_ICMP_PORT_UNREACHABLE },
	{ "icmp-net-prohibited", "net-prohib", IPT_ICMP_NET_PROHIBITED },
	{ "icmp-host-prohibited", "host-prohib", IPT_ICMP_HOST_PROHIBITED },
	{ "tcp-reset", "tcp-rst", IPT_TCP_RESET },
	{ "icmp-admin-prohibited", "admin-prohib", IPT_ICMP_ADMIN_PROHIBITED },
};
#define N_REJECT (sizeof(reject_table) / sizeof(reject_table[0]))

static const char *const log_levels[] = { "emerg", "alert", "crit", "err",
					  "warn", "notice", "info", "debug" };

static int parse_log_level(const char *s)
{
	static const char *const alias[] = { "panic", NULL, NULL, "error",
					     "warning", NULL, NULL, NULL };
	char *end;
	unsigned long n = strtoul(s, &end, 10);

	if (*s && !*end && n <= 7)
		return n;
	for (int i = 0; i < 8; i++)
		if (!strcasecmp(s, log_levels[i]) ||
		    (alias[i] && !strcasecmp(s, alias[i])))
			return i;
	xt_error(PARAMETER_PROBLEM, "log-level: `%s' unknown", s);
}

static void set_target(struct cmdline *cl, const char *name)
{
	struct ipt_target *t = &cl->rule.e.target;

	cl->target = name;
	memset(t, 0, sizeof(*t));
	if (!strcmp(name, "ACCEPT"))
		t->u.verdict = IPT_VERDICT_ACCEPT;
	else if (!strcmp(name, "DROP"))
		t->u.verdict = IPT_VERDICT_DROP;
	else if (!strcmp(name, "RETURN"))
		t->u.verdict = IPT_RETURN;
	else if (!strcmp(name, "REJECT")) {
		t->kind = IPT_TARGET_REJECT;
		t->u.reject_with = IPT_ICMP_PORT_UNREACHABLE;
	} else if (!strcmp(name, "LOG")) {
		t->kind = IPT_TARGET_LOG;
		t->u.log.level = 4;
	} else { /* a user chain: resolved against the table later */
		if (!*name || strlen(name) >= IPT_CHAIN_MAXNAMELEN)
			xt_error(PARAMETER_PROBLEM, "Invalid target name `%s'",
				 name);
		snprintf(cl->rule.jump, sizeof(cl->rule.jump), "%s", name);
	}
}

/* The argument of option argv[*i], or a "requires an argument" error. */
static const char *need_arg(int argc, char **argv, int *i)
{
	if (*i + 1 >= argc)
		xt_error(PARAMETER_PROBLEM, "option \"%s\" requires an argument",
			 argv[*i]);
	return argv[++*i];
}

/* Optional argument after -L/-F/-Z/-X: the next word unless an option. */
static const char *opt_arg(int argc, char **argv, int *i)
{
	if (*i + 1 < argc && argv[*i + 1][0] != '-' && argv[*i + 1][0] != '!')
		return argv[++*i];
	return NULL;
}

static void set_command(struct cmdline *cl, int cmd, int invert)
{
	if (invert)
		xt_error(PARAMETER_PROBLEM, "unexpected ! flag");
	if (cl->command != CMD_NONE)
		xt_error(PARAMETER_PROBLEM, "Cannot use -%c with -%c",
			 cmd, cl->command);
	cl->command = cmd;
}

static int parse_rulenum(const char *s)
{
	char *end;
	long n = strtol(s, &end, 10);

	if (!*s || *end || n < 1)
		xt_error(PARAMETER_PROBLEM, "Invalid rule number `%s'", s);
	return n;
}

static int is_number(const char *s)
{
	return *s && strspn(s, "0123456789") == strlen(s);
}

/* Port/icmp options exist only once -p loaded their match. */
static void need_proto_match(struct cmdline *cl, const char *opt,
			     int want_icmp)
{
	uint16_t p = cl->rule.e.ip.proto;

	if (!(cl->opts & OPT_PROTO) || cl->rule.e.ip.invflags & IPT_INV_PROTO ||
	    (want_icmp ? p != IPPROTO_ICMP
		       : p != IPPROTO_TCP && p != IPPROTO_UDP))
		xt_error(PARAMETER_PROBLEM, "unknown option \"%s\"", opt);
	if (!cl->rule.e.match.kind) {
		struct ipt_proto_match *m = &cl->rule.e.match;

		m->kind = p == IPPROTO_TCP ? IPT_MATCH_TCP
			  : p == IPPROTO_UDP ? IPT_MATCH_UDP : IPT_MATCH_ICMP;
		m->spts[1] = m->dpts[1] = 0xFFFF;
		m->icmp_type = 0xFF;
		m->icmp_code[1] = 0xFF;
	}
}

static void parse_match_option(struct cmdline *cl, int argc, char **argv,
			       int *i, int invert)
{
	const char *o = argv[*i];
	struct ipt_proto_match *m = &cl->rule.e.match;

	if (!strcmp(o, "--sport") || !strcmp(o, "--source-port")) {
		need_proto_match(cl, o, 0);
		if (cl->opts & OPT_SPORT)
			xt_error(PARAMETER_PROBLEM,
				 "Only one `--source-port' allowed");
		cl->opts |= OPT_SPORT;
		parse_ports(need_arg(argc, argv, i), m->spts);
		if (invert)
			m->invflags |= IPT_PORT_INV_SRC;
	} else if (!strcmp(o, "--dport") || !strcmp(o, "--destination-port")) {
		need_proto_match(cl, o, 0);
		if (cl->opts & OPT_DPORT)
			xt_error(PARAMETER_PROBLEM,
				 "Only one `--destination-port' allowed");
		cl->opts |= OPT_DPORT;
		parse_ports(need_arg(argc, argv, i), m->dpts);
		if (invert)
			m->invflags |= IPT_PORT_INV_DST;
	} else if (!strcmp(o, "--icmp-type")) {
		need_proto_match(cl, o, 1);
		if (cl->opts & OPT_ICMP)
			xt_error(PARAMETER_PROBLEM,
				 "icmp match: only use --icmp-type once!");
		cl->opts |= OPT_ICMP;
		parse_icmp(need_arg(argc, argv, i), m);
		if (invert)
			m->invflags |= IPT_ICMP_INV;
	} else {
		xt_error(PARAMETER_PROBLEM, "unknown option \"%s\"", o);
	}
}

static void parse_target_option(struct cmdline *cl, int argc, char **argv,
				int *i, int invert)
{
	const char *o = argv[*i];
	struct ipt_target *t = &cl->rule.e.target;
	const char *a;

	if (!strcmp(o, "--reject-with") && t->kind == IPT_TARGET_REJECT) {
		a = need_arg(argc, argv, i);
		for (unsigned int k = 0; k < N_REJECT; k++)
			if (!strcasecmp(a, reject_table[k].name) ||
			    !strcasecmp(a, reject_table[k].alias)) {
				t->u.reject_with = reject_table[k].with;
				return;
			}
		xt_error(PARAMETER_PROBLEM, "unknown reject type \"%s\"", a);
	} else if (!strcmp(o, "--log-prefix") && t->kind == IPT_TARGET_LOG) {
		a = need_arg(argc, argv, i);
		if (strlen(a) > IPT_LOG_PREFIXLEN - 1)
			xt_error(PARAMETER_PROBLEM, "--log-prefix: maximum "
				 "length %u", IPT_LOG_PREFIXLEN - 1);
		if (strchr(a, '\n'))
			xt_error(PARAMETER_PROBLEM,
				 "Newlines not allowed in --log-prefix");
		snprintf(t->u.log.prefix, sizeof(t->u.log.prefix), "%s", a);
	} else if (!strcmp(o, "--log-level") && t->kind == IPT_TARGET_LOG) {
		t->u.log.level = parse_log_level(need_arg(argc, argv, i));
	} else if (!strcmp(o, "--log-tcp-sequence") &&
		   t->kind == IPT_TARGET_LOG) {
		t->u.log.logflags |= IPT_LOG_TCPSEQ;
	} else {
		parse_match_option(cl, argc, argv, i, invert);
	}
}

static void parse_rule_option(struct cmdline *cl, int argc, char **argv,
			      int *i, int invert)
{
	struct ipt_ip *ip = &cl->rule.e.ip;
	const char *o = argv[*i];

	if (!strcmp(o, "-s") || !strcmp(o, "--source") || !strcmp(o, "--src")) {
		set_option(cl, OPT_SRC, invert, IPT_INV_SRCIP);
		parse_hostnetworkmask(need_arg(argc, argv, i), &ip->src,
				      &ip->smsk);
	} else if (!strcmp(o, "-d") || !strcmp(o, "--destination") ||
		   !strcmp(o, "--dst")) {
		set_option(cl, OPT_DST, invert, IPT_INV_DSTIP);
		parse_hostnetworkmask(need_arg(argc, argv, i), &ip->dst,
				      &ip->dmsk);
	} else if (!strcmp(o, "-p") || !strcmp(o, "--protocol")) {
		set_option(cl, OPT_PROTO, invert, IPT_INV_PROTO);
		ip->proto = parse_protocol(need_arg(argc, argv, i));
		if (!ip->proto && invert)
			xt_error(PARAMETER_PROBLEM, "rule would never match "
				 "protocol");
	} else if (!strcmp(o, "-i") || !strcmp(o, "--in-interface")) {
		set_option(cl, OPT_IN, invert, IPT_INV_VIA_IN);
		parse_iface(need_arg(argc, argv, i), ip->iniface,
			    ip->iniface_mask);
	} else if (!strcmp(o, "-o") || !strcmp(o, "--out-interface")) {
		set_option(cl, OPT_OUT, invert, IPT_INV_VIA_OUT);
		parse_iface(need_arg(argc, argv, i), ip->outiface,
			    ip->outiface_mask);
	} else if (!strcmp(o, "-f") || !strcmp(o, "--fragment")) {
		set_option(cl, OPT_FRAG, invert, IPT_INV_FRAG);
		ip->flags |= IPT_F_FRAG;
	} else if (!strcmp(o, "-j") || !strcmp(o, "--jump")) {
		set_option(cl, OPT_JUMP, invert, 0);
		set_target(cl, need_arg(argc, argv, i));
	} else if (!strcmp(o, "-m") || !strcmp(o, "--match")) {
		const char *m = need_arg(argc, argv, i);

		/* tcp/udp/icmp are built in: -p loads them already */
		if (strcmp(m, "tcp") && strcmp(m, "udp") && strcmp(m, "icmp"))
			xt_error(PARAMETER_PROBLEM, "Couldn't load match "
				 "`%s':No such file or directory", m);
	} else if (!strcmp(o, "-c") || !strcmp(o, "--set-counters")) {
		const char *p = need_arg(argc, argv, i);
		const char *b = need_arg(argc, argv, i);

		if (!is_number(p) || !is_number(b))
			xt_error(PARAMETER_PROBLEM, "-c packet counter not "
				 "numeric");
		cl->rule.e.counters.pcnt = strtoull(p, NULL, 10);
		cl->rule.e.counters.bcnt = strtoull(b, NULL, 10);
		cl->have_counters = 1;
	} else if (!strncmp(o, "--", 2)) {
		parse_target_option(cl, argc, argv, i, invert);
	} else {
		xt_error(PARAMETER_PROBLEM, "unknown option \"%s\"", o);
	}
}

static void usage(void)
{
	printf("%s v%s\n\n"
	       "Usage: %s -[ACD] chain rule-specification [options]\n"
	       "       %s -I chain [rulenum] rule-specification [options]\n"
	       "       %s -D chain rulenum [options]\n"
	       "       %s -[LS] [chain] [options]\n"
	       "       %s -[FZ] [chain] [options]\n"
	       "       %s -[NX] chain\n"
	       "       %s -P chain target [options]\n"
	       "       %s -h (print this help information)\n",
	       PROG, VERSION, PROG, PROG, PROG, PROG, PROG, PROG, PROG, PROG);
	exit(0);
}

/* -A INPUT, -I INPUT 2, -D INPUT 3, -P INPUT DROP ... */
static int parse_command(struct cmdline *cl, int argc, char **argv, int *i,
			 int invert)
{
	const char *o = argv[*i];
	int c;

	if (o[0] != '-' || o[1] == '-' || !o[1] || o[2])
		return 0;
	c = o[1];
	switch (c) {
	case 'A': case 'I': case 'D': case 'N': case 'P':
		set_command(cl, c, invert);
		cl->chain = need_arg(argc, argv, i);
		if (c == 'I' && *i + 1 < argc && is_number(argv[*i + 1]))
			cl->rulenum = parse_rulenum(argv[++*i]);
		if (c == 'D' && *i + 1 < argc && is_number(argv[*i + 1]))
			cl->rulenum = parse_rulenum(argv[++*i]);
		if (c == 'P')
			cl->policy = need_arg(argc, argv, i);
		return 1;
	case 'L': case 'F': case 'Z': case 'X': case 'S':
		set_command(cl, c, invert);
		cl->chain = opt_arg(argc, argv, i);
		return 1;
	case 'v': cl->verbose++; return 1;
	case 'n': cl->numeric = 1; return 1;
	case 'x': cl->exact = 1; return 1;
	case 'h':
		usage();
		return 1;
	case 't':
		cl->table = need_arg(argc, argv, i);
		return 1;
	default:
		return 0;
	}
}

static void parse_args(struct cmdline *cl, int argc, char **argv)
{
	int invert = 0;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "!")) {
			if (invert)
				xt_error(PARAMETER_PROBLEM,
					 "Multiple `!' flags not allowed");
			invert = 1;
			continue;
		}
		if (!strcmp(a, "--line-numbers"))
			cl->linenumbers = 1;
		else if (!strcmp(a, "--verbose"))
			cl->verbose++;
		else if (!strcmp(a, "--numeric"))
			cl->numeric = 1;
		else if (!strcmp(a, "--exact"))
			cl->exact = 1;
		else if (!strcmp(a, "--table"))
			cl->table = need_arg(argc, argv, &i);
		else if (!strcmp(a, "--help"))
			usage();
		else if (!strcmp(a, "--append") || !strcmp(a, "--insert") ||
			 !strcmp(a, "--delete") || !strcmp(a, "--list") ||
			 !strcmp(a, "--flush") || !strcmp(a, "--zero") ||
			 !strcmp(a, "--new-chain") ||
			 !strcmp(a, "--delete-chain") || !strcmp(a, "--policy") ||
			 !strcmp(a, "--list-rules")) {
			static const char map[] = "AIDLFZNXPS";
			static const char *const longs[] = {
				"--append", "--insert", "--delete",
				"--list", "--flush", "--zero", "--new-chain",
				"--delete-chain", "--policy", "--list-rules"
			};
			char shortopt[3] = "-?";

			for (int k = 0; k < 10; k++)
				if (!strcmp(a, longs[k]))
					shortopt[1] = map[k];
			argv[i] = strdup(shortopt);
			parse_command(cl, argc, argv, &i, invert);
		} else if (parse_command(cl, argc, argv, &i, invert))
			;
		else if (a[0] == '-')
			parse_rule_option(cl, argc, argv, &i, invert);
		else
			xt_error(PARAMETER_PROBLEM, "Bad argument `%s'", a);
		invert = 0;
	}
	if (invert)
		xt_error(PARAMETER_PROBLEM, "unexpected end of arguments after !");
}

/* iptables' command/option checks (generic_opt_check and friends). */
static void check_cmdline(struct cmdline *cl)
{
	int rule_cmd = cl->command == CMD_APPEND || cl->command == CMD_INSERT ||
		       (cl->command == CMD_DELETE && !cl->rulenum);

	if (cl->command == CMD_NONE)
		xt_error(PARAMETER_PROBLEM, "no command specified");
	if (!rule_cmd && (cl->opts & (OPT_SRC | OPT_DST | OPT_PROTO | OPT_IN |
				      OPT_OUT | OPT_JUMP | OPT_FRAG)))
		xt_error(PARAMETER_PROBLEM, "Illegal option `%s' with this "
			 "command", opt_name(cl->opts & -cl->opts));
	if (cl->chain && strlen(cl->chain) >= IPT_CHAIN_MAXNAMELEN)
		xt_error(PARAMETER_PROBLEM, "chain name `%s' too long (must "
			 "be under %u chars)", cl->chain, IPT_CHAIN_MAXNAMELEN);
	if (cl->command == CMD_NEW &&
	    (cl->chain[0] == '-' || cl->chain[0] == '!'))
		xt_error(PARAMETER_PROBLEM, "chain name not allowed to start "
			 "with `%c'", cl->chain[0]);
	if (cl->chain && (!strcmp(cl->chain, "INPUT") ||
			  !strcmp(cl->chain, "PREROUTING")) &&
	    (cl->opts & OPT_OUT))
		xt_error(PARAMETER_PROBLEM, "Can't use -o with %s", cl->chain);
	if (cl->chain && (!strcmp(cl->chain, "OUTPUT") ||
			  !strcmp(cl->chain, "POSTROUTING")) &&
	    (cl->opts & OPT_IN))
		xt_error(PARAMETER_PROBLEM, "Can't use -i with %s", cl->chain);
	if (!(cl->opts & OPT_JUMP) && rule_cmd)
		cl->rule.e.target.u.verdict = VERDICT_NONE;
}

/* ==================== -L: iptables' layout ============================= */

#define FMT_NUMERIC 0x0001
#define FMT_NOCOUNTS 0x0002
#define FMT_KILOMEGAGIGA 0x0004
#define FMT_OPTIONS 0x0008
#define FMT_NOTABLE 0x0010
#define FMT_VIA 0x0040
#define FMT_LINENUMBERS 0x0100

/* 123, 100K, 45M ... as xtables_print_num */
static void print_num(uint64_t n, unsigned int format)
{
	static const char units[] = "KMGT";
	int notable = format & FMT_NOTABLE;

	if (!(format & FMT_KILOMEGAGIGA)) {
		printf(notable ? "%llu " : "%8llu ", (unsigned long long)n);
		return;
	}
	if (n <= 99999) {
		printf(notable ? "%llu " : "%5llu ", (unsigned long long)n);
		return;
	}
	for (int u = 0; u < 4; u++) {
		n = (n + 500) / 1000;
		if (n <= 9999 || u == 3) {
			printf(notable ? "%llu%c " : "%4llu%c ",
			       (unsigned long long)n, units[u]);
			return;
		}
	}
}

static const char *policy_name(int verdict)
{
	return verdict == IPT_VERDICT_DROP ? "DROP" : "ACCEPT";
}

static void print_header(struct table *t, struct chain *c,
			 unsigned int format)
{
	printf("Chain %s", c->name);
	if (c->hook >= 0) {
		printf(" (policy %s", policy_name(c->end.e.target.u.verdict));
		if (!(format & FMT_NOCOUNTS)) {
			fputc(' ', stdout);
			print_num(c->end.e.counters.pcnt, format | FMT_NOTABLE);
			fputs("packets, ", stdout);
			print_num(c->end.e.counters.bcnt, format | FMT_NOTABLE);
			fputs("bytes", stdout);
		}
		printf(")\n");
	} else {
		printf(" (%d references)\n", references(t, c->name));
	}
	if (format & FMT_LINENUMBERS)
		printf("%-4s ", "num");
	if (!(format & FMT_NOCOUNTS)) {
		if (format & FMT_KILOMEGAGIGA)
			printf("%5s %5s ", "pkts", "bytes");
		else
			printf("%8s %10s ", "pkts", "bytes");
	}
	printf("%-9s ", "target");
	fputs(" prot ", stdout);
	fputs("opt", stdout);
	if (format & FMT_VIA)
		printf(" %-6s %-6s ", "in", "out");
	printf(" %-19s ", "source");
	printf(" %-19s ", "destination");
	printf("\n");
}

static const char *proto_name(uint16_t proto)
{
	for (unsigned int i = 0; i < sizeof(protos) / sizeof(protos[0]); i++)
		if (protos[i].num == proto)
			return protos[i].name;
	return NULL;
}

/* "10.0.0.0/8", "10.0.0.1" (a /32 has no suffix), "1.2.3.4/255.0.255.0" */
static void addr_mask(char *buf, size_t size, uint32_t addr, uint32_t mask,
		      unsigned int format)
{
	uint32_t a = ntohl(addr), m = ntohl(mask);
	int bits = 0;
	int n;

	if (!mask && !(format & FMT_NUMERIC)) {
		snprintf(buf, size, "anywhere");
		return;
	}
	n = snprintf(buf, size, "%u.%u.%u.%u", a >> 24, (a >> 16) & 255,
		     (a >> 8) & 255, a & 255);
	if (m == 0xFFFFFFFF)
		return;
	while (bits < 32 && (m & (0x80000000u >> bits)))
		bits++;
	if (bits == 32 || (uint32_t)(m << bits) == 0)
		snprintf(buf + n, size - n, "/%d", bits);
	else
		snprintf(buf + n, size - n, "/%u.%u.%u.%u", m >> 24,
			 (m >> 16) & 255, (m >> 8) & 255, m & 255);
}

static void print_iface(const char *name, int invert, unsigned int format,
			const char *fmt)
{
	char buf[IPT_IFNAMSIZ + 2];

	snprintf(buf, sizeof(buf), "%s%s", invert ? "!" : "",
		 name[0] ? name : (format & FMT_NUMERIC) ? "*" : "any");
	printf(fmt, buf);
}

static void print_ports(const char *name, const uint16_t *p, int invert)
{
	const char *inv = invert ? "!" : "";

	if (p[0] == 0 && p[1] == 0xFFFF && !invert)
		return;
	if (p[0] == p[1])
		printf(" %s:%s%u", name, inv, p[0]);
	else
		printf(" %ss:%s%u:%u", name, inv, p[0], p[1]);
}

static void print_icmptype(const struct ipt_proto_match *m, int numeric)
{
	int invert = m->invflags & IPT_ICMP_INV;

	if (!numeric)
		for (unsigned int i = 0; i < N_ICMP; i++)
			if (icmp_codes[i].type == m->icmp_type &&
			    icmp_codes[i].code_min == m->icmp_code[0] &&
			    icmp_codes[i].code_max == m->icmp_code[1]) {
				printf(" %s%s", invert ? "!" : "",
				       icmp_codes[i].name);
				return;
			}
	if (invert)
		printf(" !");
	printf("type %u", m->icmp_type);
	if (m->icmp_code[0] == m->icmp_code[1])
		printf(" code %u", m->icmp_code[0]);
	else if (m->icmp_code[0] != 0 || m->icmp_code[1] != 0xFF)
		printf(" codes %u-%u", m->icmp_code[0], m->icmp_code[1]);
}

/* The "udp dpt:53" part (the tcp/udp/icmp modules' print). */
static void print_match(const struct ipt_proto_match *m, int numeric)
{
	switch (m->kind) {
	case IPT_MATCH_TCP:
	case IPT_MATCH_UDP:
		printf(" %s", m->kind == IPT_MATCH_TCP ? "tcp" : "udp");
		print_ports("spt", m->spts, m->invflags & IPT_PORT_INV_SRC);
		print_ports("dpt", m->dpts, m->invflags & IPT_PORT_INV_DST);
		break;
	case IPT_MATCH_ICMP:
		printf(" icmp");
		print_icmptype(m, numeric);
		break;
	}
}

static void print_target_extra(const struct ipt_target *t, int numeric)
{
	if (t->kind == IPT_TARGET_REJECT) {
		for (unsigned int i = 0; i < N_REJECT; i++)
			if (reject_table[i].with == t->u.reject_with)
				printf(" reject-with %s", reject_table[i].name);
	} else if (t->kind == IPT_TARGET_LOG) {
		printf(" LOG");
		if (numeric)
			printf(" flags %u level %u", t->u.log.logflags,
			       t->u.log.level);
		else {
			printf(" level %s", log_levels[t->u.log.level & 7]);
			if (t->u.log.logflags & IPT_LOG_TCPSEQ)
				printf(" tcp-sequence");
		}
		if (t->u.log.prefix[0])
			printf(" prefix \"%s\"", t->u.log.prefix);
	}
}

static const char *target_name(const struct rule *r)
{
	const struct ipt_target *t = &r->e.target;

	if (r->jump[0])
		return r->jump;
	switch (t->kind) {
	case IPT_TARGET_REJECT: return "REJECT";
	case IPT_TARGET_LOG: return "LOG";
	default: break;
	}
	switch (t->u.verdict) {
	case IPT_VERDICT_ACCEPT: return "ACCEPT";
	case IPT_VERDICT_DROP: return "DROP";
	case IPT_RETURN: return "RETURN";
	default: return ""; /* no -j */
	}
}

/* One rule line, as print_firewall. */
static void print_rule(const struct rule *r, unsigned int num,
		       unsigned int format)
{
	const struct ipt_ip *ip = &r->e.ip;
	const char *pname = proto_name(ip->proto);
	char buf[64];

	if (format & FMT_LINENUMBERS)
		printf("%-4u ", num);
	if (!(format & FMT_NOCOUNTS)) {
		print_num(r->e.counters.pcnt, format);
		print_num(r->e.counters.bcnt, format);
	}
	printf("%-9s ", target_name(r));
	fputc(ip->invflags & IPT_INV_PROTO ? '!' : ' ', stdout);
	if (pname)
		printf("%-5s", pname);
	else
		printf("%-5hu", ip->proto);
	fputc(ip->invflags & IPT_INV_FRAG ? '!' : '-', stdout);
	fputc(ip->flags & IPT_F_FRAG ? 'f' : '-', stdout);
	fputc(' ', stdout);
	if (format & FMT_VIA) {
		print_iface(ip->iniface, ip->invflags & IPT_INV_VIA_IN, format,
			    " %-6s ");
		print_iface(ip->outiface, ip->invflags & IPT_INV_VIA_OUT,
			    format, "%-6s ");
	}
	fputc(ip->invflags & IPT_INV_SRCIP ? '!' : ' ', stdout);
	addr_mask(buf, sizeof(buf), ip->src, ip->smsk, format);
	printf("%-19s ", buf);
	fputc(ip->invflags & IPT_INV_DSTIP ? '!' : ' ', stdout);
	addr_mask(buf, sizeof(buf), ip->dst, ip->dmsk, format);
	printf("%-19s ", buf);
	print_match(&r->e.match, format & FMT_NUMERIC);
	print_target_extra(&r->e.target, format & FMT_NUMERIC);
	fputc('\n', stdout);
}

static void list_entries(struct table *t, struct cmdline *cl)
{
	unsigned int format = FMT_OPTIONS;
	int found = 0;

	format |= cl->verbose ? FMT_VIA : FMT_NOCOUNTS;
	if (cl->numeric)
		format |= FMT_NUMERIC;
	if (!cl->exact)
		format |= FMT_KILOMEGAGIGA;
	if (cl->linenumbers)
		format |= FMT_LINENUMBERS;
	qsort(t->chains, t->nchains, sizeof(*t->chains), cmp_user_chains);
	for (int i = 0; i < t->nchains; i++) {
		struct chain *c = &t->chains[i];

		if (cl->chain && strcmp(cl->chain, c->name))
			continue;
		if (found)
			printf("\n");
		print_header(t, c, format);
		for (int j = 0; j < c->n; j++)
			print_rule(&c->rules[j], j + 1, format);
		found = 1;
	}
	if (!found)
		iptc_fail(NULL, ENOENT);
}

/* ==================== -S: the rules as commands (iptables-save) ======= */

/* " -s 10.0.0.0/8", " ! -d 1.2.3.4/32"; nothing for "any" */
static void save_ip(const char *opt, uint32_t addr, uint32_t mask, int invert)
{
	char buf[64];

	if (!addr && !mask && !invert)
		return;
	addr_mask(buf, sizeof(buf), addr, mask, FMT_NUMERIC);
	printf("%s %s %s%s", invert ? " !" : "", opt, buf,
	       mask == 0xFFFFFFFF ? "/32" : "");
}

static void save_iface(const char *opt, const char *name,
		       const unsigned char *mask, int invert)
{
	if (!mask[0])
		return;
	printf("%s %s %s", invert ? " !" : "", opt, name);
}

static void save_ports(const char *opt, const uint16_t *p, int invert)
{
	if (p[0] == 0 && p[1] == 0xFFFF)
		return;
	printf("%s %s ", invert ? " !" : "", opt);
	if (p[0] == p[1])
		printf("%u", p[0]);
	else
		printf("%u:%u", p[0], p[1]);
}

static void save_rule(const char *chain, const struct rule *r, int counters)
{
	const struct ipt_ip *ip = &r->e.ip;
	const struct ipt_proto_match *m = &r->e.match;
	const struct ipt_target *t = &r->e.target;
	const char *name = target_name(r);

	printf("-A %s", chain);
	save_ip("-s", ip->src, ip->smsk, ip->invflags & IPT_INV_SRCIP);
	save_ip("-d", ip->dst, ip->dmsk, ip->invflags & IPT_INV_DSTIP);
	save_iface("-i", ip->iniface, ip->iniface_mask,
		   ip->invflags & IPT_INV_VIA_IN);
	save_iface("-o", ip->outiface, ip->outiface_mask,
		   ip->invflags & IPT_INV_VIA_OUT);
	if (ip->proto) {
		const char *pn = proto_name(ip->proto);

		printf("%s -p ", ip->invflags & IPT_INV_PROTO ? " !" : "");
		pn ? printf("%s", pn) : printf("%u", ip->proto);
	}
	if (ip->flags & IPT_F_FRAG)
		printf("%s -f", ip->invflags & IPT_INV_FRAG ? " !" : "");
	if (m->kind == IPT_MATCH_TCP || m->kind == IPT_MATCH_UDP) {
		printf(" -m %s", m->kind == IPT_MATCH_TCP ? "tcp" : "udp");
		save_ports("--sport", m->spts, m->invflags & IPT_PORT_INV_SRC);
		save_ports("--dport", m->dpts, m->invflags & IPT_PORT_INV_DST);
	} else if (m->kind == IPT_MATCH_ICMP) {
		printf(" -m icmp%s", m->invflags & IPT_ICMP_INV ? " !" : "");
		if (m->icmp_type == 0xFF)
			printf(" --icmp-type any");
		else {
			printf(" --icmp-type %u", m->icmp_type);
			if (m->icmp_code[0] != 0 || m->icmp_code[1] != 0xFF)
				printf("/%u", m->icmp_code[0]);
		}
	}
	if (counters) /* -S -v: before the target, as iptables does */
		printf(" -c %llu %llu", (unsigned long long)r->e.counters.pcnt,
		       (unsigned long long)r->e.counters.bcnt);
	if (name[0])
		printf(" -j %s", name);
	if (t->kind == IPT_TARGET_REJECT)
		for (unsigned int i = 0; i < N_REJECT; i++)
			if (reject_table[i].with == t->u.reject_with)
				printf(" --reject-with %s", reject_table[i].name);
	if (t->kind == IPT_TARGET_LOG) {
		if (t->u.log.prefix[0])
			printf(" --log-prefix \"%s\"", t->u.log.prefix);
		if (t->u.log.level != 4)
			printf(" --log-level %u", t->u.log.level);
		if (t->u.log.logflags & IPT_LOG_TCPSEQ)
			printf(" --log-tcp-sequence");
	}
	printf("\n");
}

/* -S [chain]: chains first (-P for builtins, -N for user chains), then
 * every rule, as iptables -S prints them. */
static void list_rules(struct table *t, struct cmdline *cl)
{
	int found = 0;

	qsort(t->chains, t->nchains, sizeof(*t->chains), cmp_user_chains);
	for (int i = 0; i < t->nchains; i++) {
		struct chain *c = &t->chains[i];

		if (cl->chain && strcmp(cl->chain, c->name))
			continue;
		found = 1;
		if (c->hook < 0) {
			printf("-N %s\n", c->name);
			continue;
		}
		printf("-P %s %s", c->name,
		       policy_name(c->end.e.target.u.verdict));
		if (cl->verbose)
			printf(" -c %llu %llu",
			       (unsigned long long)c->end.e.counters.pcnt,
			       (unsigned long long)c->end.e.counters.bcnt);
		printf("\n");
	}
	if (!found)
		iptc_fail(NULL, ENOENT);
	for (int i = 0; i < t->nchains; i++) {
		struct chain *c = &t->chains[i];

		if (cl->chain && strcmp(cl->chain, c->name))
			continue;
		for (int j = 0; j < c->n; j++)
			save_rule(c->name, &c->rules[j], cl->verbose);
	}
}

/* ==================== the commands ===================================== */

static struct chain *need_chain(struct table *t, const char *name)
{
	struct chain *c = find_chain(t, name);

	if (!c)
		iptc_fail(NULL, ENOENT);
	return c;
}

/* The rule's -j names a user chain: it must exist. */
static void resolve_jump(struct table *t, struct cmdline *cl)
{
	if (!cl->rule.jump[0])
		return;
	if (!find_chain(t, cl->rule.jump))
		xt_error(PARAMETER_PROBLEM, "Couldn't load target `%s':No such "
			 "file or directory", cl->rule.jump);
}

static int same_rule(const struct rule *a, const struct rule *b)
{
	return !memcmp(&a->e.ip, &b->e.ip, sizeof(a->e.ip)) &&
	       !memcmp(&a->e.match, &b->e.match, sizeof(a->e.match)) &&
	       !strcmp(a->jump, b->jump) &&
	       (a->jump[0] ||
		!memcmp(&a->e.target, &b->e.target, sizeof(a->e.target)));
}

static void zero_chain(struct chain *c)
{
	for (int j = 0; j < c->n; j++) {
		memset(&c->rules[j].e.counters, 0, sizeof(struct ipt_counters));
		if (c->rules[j].cmap == CM_NORMAL)
			c->rules[j].cmap = CM_ZEROED;
	}
	memset(&c->end.e.counters, 0, sizeof(struct ipt_counters));
	if (c->end.cmap == CM_NORMAL)
		c->end.cmap = CM_ZEROED;
}

/* Apply the command; 1 when the table changed and must be committed. */
static int do_command(struct table *t, struct cmdline *cl)
{
	struct chain *c;
	struct rule *r = &cl->rule;

	r->old = -1;
	r->e.target_offset = offsetof(struct ipt_entry, target);
	r->e.next_offset = ES;
	r->cmap = cl->have_counters ? CM_SET : CM_NEW;
	switch (cl->command) {
	case CMD_LIST:
		list_entries(t, cl);
		return 0;
	case CMD_LIST_RULES:
		list_rules(t, cl);
		return 0;
	case CMD_APPEND:
	case CMD_INSERT:
		c = need_chain(t, cl->chain);
		resolve_jump(t, cl);
		if (cl->command == CMD_APPEND) {
			chain_insert(c, c->n, r);
		} else {
			int pos = cl->rulenum ? cl->rulenum - 1 : 0;

			if (pos > c->n)
				iptc_fail("Index of insertion too big", E2BIG);
			chain_insert(c, pos, r);
		}
		return 1;
	case CMD_DELETE:
		c = need_chain(t, cl->chain);
		if (cl->rulenum) {
			if (cl->rulenum > c->n)
				iptc_fail("Index of deletion too big", E2BIG);
			chain_delete(c, cl->rulenum - 1);
			return 1;
		}
		for (int j = 0; j < c->n; j++)
			if (same_rule(&c->rules[j], r)) {
				chain_delete(c, j);
				return 1;
			}
		iptc_fail("Bad rule (does a matching rule exist in that "
			  "chain?)", ENOENT);
	case CMD_FLUSH:
	case CMD_ZERO:
		if (cl->chain)
			need_chain(t, cl->chain);
		for (int i = 0; i < t->nchains; i++) {
			c = &t->chains[i];
			if (cl->chain && strcmp(cl->chain, c->name))
				continue;
			if (cl->verbose)
				printf("%s chain `%s'\n",
				       cl->command == CMD_FLUSH ? "Flushing"
								: "Zeroing",
				       c->name);
			if (cl->command == CMD_FLUSH)
				c->n = 0;
			else
				zero_chain(c);
		}
		return 1;
	case CMD_NEW:
		if (find_chain(t, cl->chain))
			iptc_fail("Chain already exists", EEXIST);
		if (!strcmp(cl->chain, "ACCEPT") || !strcmp(cl->chain, "DROP") ||
		    !strcmp(cl->chain, "REJECT") || !strcmp(cl->chain, "LOG") ||
		    !strcmp(cl->chain, "RETURN") ||
		    !strcmp(cl->chain, IPT_ERROR_TARGET))
			xt_error(PARAMETER_PROBLEM, "chain name may not clash "
				 "with target name");
		new_chain(t, cl->chain, -1);
		return 1;
	case CMD_DELETE_CHAIN:
		for (int i = 0; i < t->nchains; i++) {
			c = &t->chains[i];
			if (cl->chain ? strcmp(cl->chain, c->name) : c->hook >= 0)
				continue;
			if (c->hook >= 0)
				iptc_fail(NULL, EINVAL);
			if (references(t, c->name))
				iptc_fail(NULL, EMLINK);
			if (c->n)
				iptc_fail(NULL, ENOTEMPTY);
			if (cl->verbose)
				printf("Deleting chain `%s'\n", c->name);
			free(c->rules);
			memmove(c, c + 1, (t->nchains - i - 1) * sizeof(*c));
			t->nchains--;
			i--;
			if (cl->chain)
				return 1;
		}
		if (cl->chain)
			iptc_fail(NULL, ENOENT);
		return 1;
	case CMD_POLICY:
		c = find_chain(t, cl->chain);
		if (!c || c->hook < 0)
			iptc_fail("Bad built-in chain name", ENOENT);
		if (strcmp(cl->policy, "ACCEPT") && strcmp(cl->policy, "DROP"))
			iptc_fail("Bad policy name", EINVAL);
		c->end.e.target.u.verdict = !strcmp(cl->policy, "DROP")
						    ? IPT_VERDICT_DROP
						    : IPT_VERDICT_ACCEPT;
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct cmdline cl;
	struct table t;

	memset(&cl, 0, sizeof(cl));
	cl.table = "filter";
	parse_args(&cl, argc, argv);
	check_cmdline(&cl);
	table_init(&t, cl.table);
	if (do_command(&t, &cl))
		commit(&t);
	return 0;
}
