/*
 * ip_tables.h - the iptables table as user space and the kernel exchange
 * it (Linux: include/uapi/linux/netfilter_ipv4/ip_tables.h,
 * include/uapi/linux/netfilter/x_tables.h, xt_tcpudp.h, ipt_REJECT.h,
 * xt_LOG.h).
 *
 * Shared by the kernel (net/ipv4/netfilter/) and the iptables tool
 * (user/bin/iptables.c, which includes this file by its relative path), so
 * it uses only <stdint.h> types. Byte order: addresses network order,
 * ports host order, as in Linux.
 *
 * A table is one flat blob of entries. The tool reads it whole
 * (IPT_SO_GET_INFO, then IPT_SO_GET_ENTRIES), edits it in memory and hands
 * a whole new blob back (IPT_SO_SET_REPLACE), as libiptc does. The filter
 * table laid out, offsets in bytes from the start of the blob:
 *
 *   hook_entry[LOCAL_IN] -> +----------------------------------+
 *                           | rule  -s 172.16.0.0/16 ... DROP  |  INPUT
 *                           | rule  -j mychain (verdict = X) --+---+
 *   underflow[LOCAL_IN]  -> | policy: unconditional ACCEPT     |   |
 *   hook_entry[FORWARD]  -> +----------------------------------+   |
 *   underflow[FORWARD]   -> | policy                           |   |  FORWARD
 *   hook_entry[LOCAL_OUT]-> +----------------------------------+   |
 *                           | rules ...                        |   |  OUTPUT
 *   underflow[LOCAL_OUT] -> | policy                           |   |
 *                           +----------------------------------+   |
 *                           | ERROR target "mychain" (header)  |   |  user
 *                     X  -> | rule  -p icmp -j LOG             |<--+  chain
 *                           | rule  ... -j RETURN              |
 *                           | unconditional RETURN (the end)   |
 *                           +----------------------------------+
 *                           | ERROR target "ERROR" (the end)   |
 *                           +----------------------------------+
 *
 * Every builtin chain runs from its hook_entry to its underflow, the
 * policy: an unconditional entry whose standard verdict is ACCEPT or DROP
 * and whose counters are the "policy ACCEPT 5 packets, 300 bytes" of
 * `iptables -L -v`. A user chain is an ERROR entry carrying its name, its
 * rules and an unconditional RETURN. Jumps are byte offsets of the first
 * entry after a user chain's header. The kernel checks all of this on
 * every replace (ipt_translate_table) and refuses what is not so.
 *
 * Where rxos simplifies: Linux's entries are variable-sized - an ipt_entry,
 * then any number of match modules (xt_entry_match, found by name: "tcp",
 * "udp", "icmp", ...), then one target module (xt_entry_target: "" for the
 * standard verdicts, "ERROR", "REJECT", "LOG", ...). rxos loads no modules,
 * so every entry has the same size: one built-in protocol match (tcp/udp
 * ports, icmp type) and one target part selected by a number.
 */
#ifndef RXOS_NET_IPV4_NETFILTER_IP_TABLES_H
#define RXOS_NET_IPV4_NETFILTER_IP_TABLES_H

#include <stdint.h>

#define IPT_TABLE_MAXNAMELEN 32	   /* "filter" (Linux: XT_TABLE_MAXNAMELEN) */
#define IPT_FUNCTION_MAXNAMELEN 30 /* chain names, NUL included */
#define IPT_CHAIN_MAXNAMELEN 29	   /* iptables: "must be under 29 chars" */
#define IPT_IFNAMSIZ 16		   /* = IFNAMSIZ */
#define IPT_LOG_PREFIXLEN 30	   /* --log-prefix: 29 chars + NUL */
#define IPT_MAX_TABLE_SIZE (128 * 1024) /* rxos's bound on a blob */
#define IPT_MAX_JUMP_DEPTH 16 /* chains inside chains (rxos's bound) */

/*
 * Socket options, level IPPROTO_IP, on any AF_INET socket (Linux's
 * numbers). SET_REPLACE takes struct ipt_replace + blob, SET_ADD_COUNTERS
 * struct ipt_counters_info; GET_INFO fills struct ipt_getinfo,
 * GET_ENTRIES struct ipt_get_entries + blob.
 */
#define IPT_BASE_CTL 64
#define IPT_SO_SET_REPLACE (IPT_BASE_CTL)
#define IPT_SO_SET_ADD_COUNTERS (IPT_BASE_CTL + 1)
#define IPT_SO_SET_MAX IPT_SO_SET_ADD_COUNTERS
#define IPT_SO_GET_INFO (IPT_BASE_CTL)
#define IPT_SO_GET_ENTRIES (IPT_BASE_CTL + 1)
#define IPT_SO_GET_MAX IPT_SO_GET_ENTRIES

/* Packet and byte counters (Linux: struct xt_counters) */
struct ipt_counters {
	uint64_t pcnt, bcnt;
} __attribute__((aligned(8)));

/* ---- the IP part of a rule (Linux: struct ipt_ip) ---- */
struct ipt_ip {
	uint32_t src, dst;   /* -s/-d address, network order */
	uint32_t smsk, dmsk; /* their masks; 0 = any */
	char iniface[IPT_IFNAMSIZ], outiface[IPT_IFNAMSIZ]; /* -i/-o */
	/* 0xFF for each byte that must match: "eth0" covers its NUL too,
	 * "eth+" only "eth" - the wildcard. All 0: any interface. */
	unsigned char iniface_mask[IPT_IFNAMSIZ], outiface_mask[IPT_IFNAMSIZ];
	uint16_t proto;	  /* -p: IPPROTO_*, 0 = all */
	uint8_t flags;	  /* IPT_F_* */
	uint8_t invflags; /* IPT_INV_*: a '!' before that option */
};

#define IPT_F_FRAG 0x01 /* -f: non-first fragments only */
#define IPT_F_MASK 0x01

#define IPT_INV_VIA_IN 0x01  /* ! -i */
#define IPT_INV_VIA_OUT 0x02 /* ! -o */
#define IPT_INV_TOS 0x04     /* (unused, as in Linux) */
#define IPT_INV_SRCIP 0x08   /* ! -s */
#define IPT_INV_DSTIP 0x10   /* ! -d */
#define IPT_INV_FRAG 0x20    /* ! -f */
#define IPT_INV_PROTO 0x40   /* ! -p (Linux: XT_INV_PROTO) */
#define IPT_INV_MASK 0x7F

/* ---- the built-in protocol match (Linux: the "tcp"/"udp"/"icmp" modules) */
enum ipt_match_kind {
	IPT_MATCH_NONE = 0, /* no --sport/--dport/--icmp-type */
	IPT_MATCH_TCP = 1,  /* needs proto TCP */
	IPT_MATCH_UDP = 2,  /* needs proto UDP */
	IPT_MATCH_ICMP = 3, /* needs proto ICMP */
};

struct ipt_proto_match {
	uint8_t kind;	      /* enum ipt_match_kind */
	uint8_t invflags;     /* IPT_PORT_INV_* or IPT_ICMP_INV */
	uint8_t icmp_type;    /* 0xFF = any type */
	uint8_t icmp_code[2]; /* inclusive range */
	uint8_t __pad[3];
	uint16_t spts[2]; /* inclusive source port range; [0, 65535] = any */
	uint16_t dpts[2]; /* inclusive destination port range */
};

#define IPT_PORT_INV_SRC 0x01 /* ! --sport (Linux: XT_TCP_INV_SRCPT) */
#define IPT_PORT_INV_DST 0x02 /* ! --dport */
#define IPT_PORT_INV_MASK 0x03
#define IPT_ICMP_INV 0x01 /* ! --icmp-type */

/* ---- the target part ---- */
enum ipt_target_kind {
	IPT_TARGET_STANDARD = 0, /* u.verdict: ACCEPT, DROP, RETURN or a jump */
	IPT_TARGET_ERROR = 1,  /* u.errorname: a user chain's header/the end */
	IPT_TARGET_REJECT = 2, /* u.reject_with */
	IPT_TARGET_LOG = 3,    /* u.log; the walk continues after it */
	IPT_TARGET_MAX = 3,
};

/*
 * Standard verdicts: negative values are -(NF_verdict) - 1, as in Linux;
 * a value >= 0 is the byte offset of the entry to jump to: the first entry
 * of a user chain, or the entry right after this one for a rule without
 * -j, which only counts.
 */
#define IPT_VERDICT_DROP (-0 - 1)   /* -NF_DROP - 1 */
#define IPT_VERDICT_ACCEPT (-1 - 1) /* -NF_ACCEPT - 1 */
#define IPT_RETURN (-4 - 1)	    /* -NF_REPEAT - 1 (Linux: XT_RETURN) */

#define IPT_ERROR_TARGET "ERROR" /* name of the table's last entry */

/* --reject-with (Linux: enum ipt_reject_with, same values) */
enum ipt_reject_with {
	IPT_ICMP_NET_UNREACHABLE,
	IPT_ICMP_HOST_UNREACHABLE,
	IPT_ICMP_PROT_UNREACHABLE,
	IPT_ICMP_PORT_UNREACHABLE, /* the default */
	IPT_ICMP_ECHOREPLY,	   /* gone from Linux; refused here */
	IPT_ICMP_NET_PROHIBITED,
	IPT_ICMP_HOST_PROHIBITED,
	IPT_TCP_RESET,
	IPT_ICMP_ADMIN_PROHIBITED,
};

/* LOG (Linux: struct xt_log_info) */
struct ipt_log_info {
	uint8_t level;	  /* syslog level 0..7; iptables' default 4 */
	uint8_t logflags; /* IPT_LOG_* */
	char prefix[IPT_LOG_PREFIXLEN];
};
#define IPT_LOG_TCPSEQ 0x01 /* --log-tcp-sequence */
#define IPT_LOG_MASK 0x01

struct ipt_target {
	uint16_t kind; /* enum ipt_target_kind */
	uint16_t __pad;
	union {
		int32_t verdict;			 /* STANDARD */
		char errorname[IPT_FUNCTION_MAXNAMELEN]; /* ERROR */
		uint32_t reject_with;			 /* REJECT */
		struct ipt_log_info log;		 /* LOG */
	} u;
};

/* ---- one entry (Linux: struct ipt_entry) ---- */
struct ipt_entry {
	struct ipt_ip ip;
	struct ipt_proto_match match;
	/* Fixed here: target_offset = offsetof(struct ipt_entry, target),
	 * next_offset = sizeof(struct ipt_entry). Checked, as Linux checks
	 * its variable ones. */
	uint16_t target_offset;
	uint16_t next_offset;
	uint32_t comefrom; /* kernel use: hooks that reach this entry */
	struct ipt_counters counters;
	struct ipt_target target;
};

/* ---- the socket option arguments ---- */

/* IPT_SO_GET_INFO: set name, get the rest. */
struct ipt_getinfo {
	char name[IPT_TABLE_MAXNAMELEN];
	unsigned int valid_hooks; /* 1 << NF_INET_* for each builtin chain */
	unsigned int hook_entry[5];
	unsigned int underflow[5];
	unsigned int num_entries;
	unsigned int size; /* bytes of entries */
};

/* IPT_SO_GET_ENTRIES: set name and size (from GET_INFO); the blob follows. */
struct ipt_get_entries {
	char name[IPT_TABLE_MAXNAMELEN];
	unsigned int size;
	struct ipt_entry entrytable[];
};

/*
 * IPT_SO_SET_REPLACE: the new blob follows. The kernel writes the old
 * table's counters (num_counters of them, which must equal its number of
 * entries) to user memory at counters; the new table starts at zero and
 * the tool adds back what it wants kept with IPT_SO_SET_ADD_COUNTERS.
 */
struct ipt_replace {
	char name[IPT_TABLE_MAXNAMELEN];
	unsigned int valid_hooks;
	unsigned int num_entries;
	unsigned int size;
	unsigned int hook_entry[5];
	unsigned int underflow[5];
	unsigned int num_counters;
	struct ipt_counters *counters; /* user pointer */
	struct ipt_entry entries[];
};

/* IPT_SO_SET_ADD_COUNTERS: one per entry, in table order. */
struct ipt_counters_info {
	char name[IPT_TABLE_MAXNAMELEN];
	unsigned int num_counters;
	struct ipt_counters counters[];
};

/* Is this an entry with nothing to match ("-A X -j Y" with no options)? */
static inline int ipt_unconditional(const struct ipt_entry *e)
{
	static const struct ipt_ip any;
	const unsigned char *a = (const unsigned char *)&e->ip;
	const unsigned char *b = (const unsigned char *)&any;
	unsigned int i;

	for (i = 0; i < sizeof(any); i++)
		if (a[i] != b[i])
			return 0;
	return e->match.kind == IPT_MATCH_NONE;
}

#endif
