/*
 * proc.c - /proc/net/snmp and /proc/net/netstat, the IPv4 counters as
 * text (Linux: net/ipv4/proc.c). The counters themselves are in snmp.c.
 *
 * The layout is Linux's, byte for byte, so `netstat -s` style tools and
 * a student's eyes can compare it with a Linux box. Each protocol is two
 * lines, the names and then the values, both starting "Name:":
 *
 *   Ip: Forwarding DefaultTTL InReceives ... OutTransmits
 *   Ip: 2 64 17 0 ...            (Forwarding: 1 = router, 2 = host)
 *   Icmp: InMsgs InErrors InCsumErrors InDestUnreachs ... OutAddrMaskReps
 *   Icmp: 5 0 0 ...
 *   IcmpMsg: InType8 OutType0    (only the types seen; left out if none)
 *   IcmpMsg: 5 5
 *   Tcp: ... / Udp: ...          (rows the transports register, below)
 *
 * Rows after IcmpMsg come from snmp_register_row(): a transport (UDP, TCP)
 * registers a function that appends its two lines, with an order number
 * (SNMP_ROW_TCP before SNMP_ROW_UDP, as in Linux), and may use
 * snmp_put_row() to print them.
 *
 * Context: process (the procfs open); reads counters that softirqs
 * change, without a lock: a count may be one behind, never torn on i386.
 */
#include "kernel/errno.h"
#include "kernel/fs/proc_fs.h"
#include "lib/checksum.h" /* ip.h and icmp.h use __sum16 */
#include "net/ipv4/icmp.h"
#include "net/ipv4/ip.h"
#include "net/ipv4/snmp.h"

/* Linux: snmp4_ipstats_list; the order of the Ip row. */
static const char *const snmp4_ipstats_list[] = {
	[IPSTATS_MIB_INRECEIVES] = "InReceives",
	[IPSTATS_MIB_INHDRERRORS] = "InHdrErrors",
	[IPSTATS_MIB_INADDRERRORS] = "InAddrErrors",
	[IPSTATS_MIB_OUTFORWDATAGRAMS] = "ForwDatagrams",
	[IPSTATS_MIB_INUNKNOWNPROTOS] = "InUnknownProtos",
	[IPSTATS_MIB_INDISCARDS] = "InDiscards",
	[IPSTATS_MIB_INDELIVERS] = "InDelivers",
	[IPSTATS_MIB_OUTREQUESTS] = "OutRequests",
	[IPSTATS_MIB_OUTDISCARDS] = "OutDiscards",
	[IPSTATS_MIB_OUTNOROUTES] = "OutNoRoutes",
	[IPSTATS_MIB_REASMTIMEOUT] = "ReasmTimeout",
	[IPSTATS_MIB_REASMREQDS] = "ReasmReqds",
	[IPSTATS_MIB_REASMOKS] = "ReasmOKs",
	[IPSTATS_MIB_REASMFAILS] = "ReasmFails",
	[IPSTATS_MIB_FRAGOKS] = "FragOKs",
	[IPSTATS_MIB_FRAGFAILS] = "FragFails",
	[IPSTATS_MIB_FRAGCREATES] = "FragCreates",
	[IPSTATS_MIB_OUTPKTS] = "OutTransmits",
};
#define SNMP4_IPSTATS_N (IPSTATS_MIB_OUTPKTS + 1)

/* Linux: icmpmibmap; the per-type columns of the Icmp row, in this order. */
static const struct {
	const char *name;
	int index;
} icmpmibmap[] = {
	{ "DestUnreachs", ICMP_DEST_UNREACH },
	{ "TimeExcds", ICMP_TIME_EXCEEDED },
	{ "ParmProbs", ICMP_PARAMETERPROB },
	{ "SrcQuenchs", ICMP_SOURCE_QUENCH },
	{ "Redirects", ICMP_REDIRECT },
	{ "Echos", ICMP_ECHO },
	{ "EchoReps", ICMP_ECHOREPLY },
	{ "Timestamps", ICMP_TIMESTAMP },
	{ "TimestampReps", ICMP_TIMESTAMPREPLY },
	{ "AddrMasks", ICMP_ADDRESS },
	{ "AddrMaskReps", ICMP_ADDRESSREPLY },
};
#define ICMPMIBMAP_N (sizeof(icmpmibmap) / sizeof(icmpmibmap[0]))

int snmp_put_row(char *buf, int len, int pos, const char *name,
		 const char *const *fields, const unsigned long *vals, int n)
{
	int i;

	pos = proc_printf(buf, len, pos, "%s:", name);
	for (i = 0; i < n; i++)
		pos = proc_printf(buf, len, pos, " %s", fields[i]);
	pos = proc_printf(buf, len, pos, "\n%s:", name);
	for (i = 0; i < n; i++)
		pos = proc_printf(buf, len, pos, " %lu", vals[i]);
	return proc_printf(buf, len, pos, "\n");
}

/* Ip: its first two values are settings, not counters. */
static int snmp_seq_show_ipstats(char *buf, int len, int pos)
{
	int i;

	pos = proc_printf(buf, len, pos, "Ip: Forwarding DefaultTTL");
	for (i = 0; i < SNMP4_IPSTATS_N; i++)
		pos = proc_printf(buf, len, pos, " %s", snmp4_ipstats_list[i]);
	pos = proc_printf(buf, len, pos, "\nIp: %d %d",
			  sysctl_ip_forward ? 1 : 2, IPDEFTTL);
	for (i = 0; i < SNMP4_IPSTATS_N; i++)
		pos = proc_printf(buf, len, pos, " %lu", ip_statistics[i]);
	return proc_printf(buf, len, pos, "\n");
}

/* Icmp: totals, then In<Type> per icmpmibmap, out totals, Out<Type>. */
static int icmp_put(char *buf, int len, int pos)
{
	unsigned int i;

	pos = proc_printf(buf, len, pos, "Icmp: InMsgs InErrors InCsumErrors");
	for (i = 0; i < ICMPMIBMAP_N; i++)
		pos = proc_printf(buf, len, pos, " In%s", icmpmibmap[i].name);
	pos = proc_printf(buf, len, pos,
			  " OutMsgs OutErrors OutRateLimitGlobal OutRateLimitHost");
	for (i = 0; i < ICMPMIBMAP_N; i++)
		pos = proc_printf(buf, len, pos, " Out%s", icmpmibmap[i].name);
	pos = proc_printf(buf, len, pos, "\nIcmp: %lu %lu %lu",
			  icmp_statistics[ICMP_MIB_INMSGS],
			  icmp_statistics[ICMP_MIB_INERRORS],
			  icmp_statistics[ICMP_MIB_CSUMERRORS]);
	for (i = 0; i < ICMPMIBMAP_N; i++)
		pos = proc_printf(buf, len, pos, " %lu",
				  icmpmsg_in[icmpmibmap[i].index]);
	pos = proc_printf(buf, len, pos, " %lu %lu %lu %lu",
			  icmp_statistics[ICMP_MIB_OUTMSGS],
			  icmp_statistics[ICMP_MIB_OUTERRORS],
			  icmp_statistics[ICMP_MIB_RATELIMITGLOBAL],
			  icmp_statistics[ICMP_MIB_RATELIMITHOST]);
	for (i = 0; i < ICMPMIBMAP_N; i++)
		pos = proc_printf(buf, len, pos, " %lu",
				  icmpmsg_out[icmpmibmap[i].index]);
	return proc_printf(buf, len, pos, "\n");
}

/* Types 0..255 are In, 256..511 Out, as Linux numbers icmpmsg_statistics. */
static unsigned long icmpmsg_val(int i)
{
	return i < 256 ? icmpmsg_in[i] : icmpmsg_out[i - 256];
}

#define ICMPMSG_PERLINE 16 /* Linux breaks the row every 16 types */

static int icmpmsg_put_line(char *buf, int len, int pos, const int *type,
			    int count)
{
	int j;

	if (!count)
		return pos;
	pos = proc_printf(buf, len, pos, "IcmpMsg:");
	for (j = 0; j < count; j++)
		pos = proc_printf(buf, len, pos, " %sType%u",
				  type[j] & 0x100 ? "Out" : "In",
				  type[j] & 0xff);
	pos = proc_printf(buf, len, pos, "\nIcmpMsg:");
	for (j = 0; j < count; j++)
		pos = proc_printf(buf, len, pos, " %lu", icmpmsg_val(type[j]));
	return proc_printf(buf, len, pos, "\n");
}

/* IcmpMsg: only the types with a nonzero count (Linux: icmpmsg_put). */
static int icmpmsg_put(char *buf, int len, int pos)
{
	int type[ICMPMSG_PERLINE], count = 0, i;

	for (i = 0; i < 512; i++) {
		if (icmpmsg_val(i))
			type[count++] = i;
		if (count == ICMPMSG_PERLINE) {
			pos = icmpmsg_put_line(buf, len, pos, type, count);
			count = 0;
		}
	}
	return icmpmsg_put_line(buf, len, pos, type, count);
}

/* ---- rows registered by the transports ---- */

#define SNMP_MAX_ROWS 4
static struct {
	int (*show)(char *buf, int len, int pos);
	int order;
} snmp_rows[SNMP_MAX_ROWS];
static int snmp_nrows;

int snmp_register_row(int (*show)(char *buf, int len, int pos), int order)
{
	int i;

	if (snmp_nrows == SNMP_MAX_ROWS)
		return -ENOSPC;
	for (i = snmp_nrows; i > 0 && snmp_rows[i - 1].order > order; i--)
		snmp_rows[i] = snmp_rows[i - 1];
	snmp_rows[i].show = show;
	snmp_rows[i].order = order;
	snmp_nrows++;
	return 0;
}

/* /proc/net/snmp (Linux: snmp_seq_show). */
int snmp_seq_show(char *buf, int len)
{
	int pos, i;

	pos = snmp_seq_show_ipstats(buf, len, 0);
	pos = icmp_put(buf, len, pos);
	pos = icmpmsg_put(buf, len, pos);
	for (i = 0; i < snmp_nrows; i++)
		pos = snmp_rows[i].show(buf, len, pos);
	return pos;
}

/*
 * /proc/net/netstat: Linux prints TcpExt (TCP's many extra counters),
 * IpExt and MPTcpExt; rxos has the IpExt row. Of its columns rxos keeps
 * InTruncatedPkts, InCsumErrors and ReasmOverlaps; the octet and
 * multicast/broadcast/ECN counts are not kept and read 0.
 */
static int (*netstat_tcp_row)(char *buf, int len, int pos);

/* TCP's TcpExt row, printed first as in Linux (rxos: tcp_v4_init). */
void netstat_register_row(int (*show)(char *buf, int len, int pos))
{
	netstat_tcp_row = show;
}

int netstat_seq_show(char *buf, int len)
{
	static const char *const names[] = {
		"InNoRoutes",	  "InTruncatedPkts", "InMcastPkts",
		"OutMcastPkts",	  "InBcastPkts",     "OutBcastPkts",
		"InOctets",	  "OutOctets",	     "InMcastOctets",
		"OutMcastOctets", "InBcastOctets",   "OutBcastOctets",
		"InCsumErrors",	  "InNoECTPkts",     "InECT1Pkts",
		"InECT0Pkts",	  "InCEPkts",	     "ReasmOverlaps",
	};
	unsigned long vals[18] = { 0 };

	vals[0] = ip_statistics[IPSTATS_MIB_INNOROUTES];
	vals[1] = ip_statistics[IPSTATS_MIB_INTRUNCATEDPKTS];
	vals[12] = ip_statistics[IPSTATS_MIB_CSUMERRORS];
	vals[17] = ip_statistics[IPSTATS_MIB_REASM_OVERLAPS];
	int pos = netstat_tcp_row ? netstat_tcp_row(buf, len, 0) : 0;

	return snmp_put_row(buf, len, pos, "IpExt", names, vals, 18);
}

/* Boot, process context, from inet_init (Linux: ip_misc_proc_init). */
int ip_misc_proc_init(void)
{
	int err = proc_create_single("net/snmp", snmp_seq_show);

	if (!err)
		err = proc_create_single("net/netstat", netstat_seq_show);
	return err;
}
