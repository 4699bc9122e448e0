/*
 * snmp.h - the IPv4 counters of /proc/net/snmp (Linux: include/uapi/linux/
 * snmp.h, include/net/ip.h's IP_INC_STATS, net/ipv4/proc.c).
 *
 * Names and order are Linux's, so the rows print as on a Linux box:
 *   Ip: Forwarding DefaultTTL InReceives InHdrErrors ... FragCreates OutTransmits
 *   Icmp: InMsgs InErrors InCsumErrors In<Type>... OutMsgs OutErrors ...
 * Every drop in the IPv4 layer bumps one of these and also frees the skb
 * with a drop reason, so a student can find each dropped packet twice.
 * Linux keeps them per CPU; one CPU here, incremented in softirq or with
 * bottom halves off, read by procfs (a torn read of a counter is harmless).
 */
#ifndef RXOS_NET_IPV4_SNMP_H
#define RXOS_NET_IPV4_SNMP_H

enum {
	IPSTATS_MIB_INRECEIVES,	  /* InReceives: every datagram into ip_rcv */
	IPSTATS_MIB_INHDRERRORS,  /* InHdrErrors: failed ip_rcv_core's checks */
	IPSTATS_MIB_INADDRERRORS, /* InAddrErrors: no route, not ours */
	IPSTATS_MIB_OUTFORWDATAGRAMS, /* ForwDatagrams */
	IPSTATS_MIB_INUNKNOWNPROTOS,  /* InUnknownProtos */
	IPSTATS_MIB_INDISCARDS,	      /* InDiscards: fine, but dropped */
	IPSTATS_MIB_INDELIVERS,	      /* InDelivers: to a protocol handler */
	IPSTATS_MIB_OUTREQUESTS,      /* OutRequests: from local protocols */
	IPSTATS_MIB_OUTDISCARDS,      /* OutDiscards */
	IPSTATS_MIB_OUTNOROUTES,      /* OutNoRoutes */
	IPSTATS_MIB_REASMTIMEOUT,     /* ReasmTimeout */
	IPSTATS_MIB_REASMREQDS,	      /* ReasmReqds: fragments received */
	IPSTATS_MIB_REASMOKS,	      /* ReasmOKs: datagrams reassembled */
	IPSTATS_MIB_REASMFAILS,	      /* ReasmFails */
	IPSTATS_MIB_FRAGOKS,	      /* FragOKs: datagrams fragmented */
	IPSTATS_MIB_FRAGFAILS,	      /* FragFails: DF set, too big */
	IPSTATS_MIB_FRAGCREATES,      /* FragCreates: fragments made */
	IPSTATS_MIB_OUTPKTS,	      /* OutTransmits: to the device layer */
	IPSTATS_MIB_INTRUNCATEDPKTS,  /* IpExt InTruncatedPkts */
	IPSTATS_MIB_CSUMERRORS,	      /* IpExt InCsumErrors */
	IPSTATS_MIB_REASM_OVERLAPS,   /* IpExt ReasmOverlaps */
	IPSTATS_MIB_INNOROUTES,	      /* IpExt InNoRoutes: forwarding, no route */
	__IPSTATS_MIB_MAX
};

enum {
	ICMP_MIB_INMSGS,
	ICMP_MIB_INERRORS, /* bad ICMP: checksum, length */
	ICMP_MIB_CSUMERRORS,
	ICMP_MIB_OUTMSGS,
	ICMP_MIB_OUTERRORS,
	ICMP_MIB_RATELIMITGLOBAL,
	ICMP_MIB_RATELIMITHOST,
	__ICMP_MIB_MAX
};

extern unsigned long ip_statistics[__IPSTATS_MIB_MAX];
extern unsigned long icmp_statistics[__ICMP_MIB_MAX];
/* Per message type, in and out (Linux: icmpmsg_statistics, the IcmpMsg row) */
extern unsigned long icmpmsg_in[256], icmpmsg_out[256];

/*
 * /proc/net/snmp (net/ipv4/proc.c) prints Ip, Icmp, IcmpMsg, then the rows
 * transports register, lowest order first. show appends its two lines at
 * pos with proc_printf and returns the new pos; snmp_put_row prints
 * "Name: f1 f2...\nName: v1 v2...\n". 0 or -ENOSPC.
 */
enum { SNMP_ROW_TCP = 10, SNMP_ROW_UDP = 20, SNMP_ROW_UDPLITE = 30 };
int snmp_register_row(int (*show)(char *buf, int len, int pos), int order);
int snmp_put_row(char *buf, int len, int pos, const char *name,
		 const char *const *fields, const unsigned long *vals, int n);
int snmp_seq_show(char *buf, int len);	  /* /proc/net/snmp */
int netstat_seq_show(char *buf, int len); /* /proc/net/netstat */
/* The TcpExt row of /proc/net/netstat (one: TCP's). */
void netstat_register_row(int (*show)(char *buf, int len, int pos));

#define IP_INC_STATS(field) (ip_statistics[field]++)
#define IP_ADD_STATS(field, n) (ip_statistics[field] += (n))
#define ICMP_INC_STATS(field) (icmp_statistics[field]++)

#endif
