/*
 * ping - send ICMP echo requests and report the replies, with the options
 * and the output of Linux's iputils ping:
 *
 *   ping [-q] [-c count] [-i interval] [-s size] [-t ttl] [-W timeout] dest
 *
 *   PING 10.0.0.1 (10.0.0.1) 56(84) bytes of data.
 *   64 bytes from 10.0.0.1: icmp_seq=1 ttl=64 time=0.500 ms
 *
 *   --- 10.0.0.1 ping statistics ---
 *   3 packets transmitted, 3 received, 0% packet loss, time 2003ms
 *   rtt min/avg/max/mdev = 0.041/0.052/0.066/0.010 ms
 *
 * It uses a raw ICMP socket, socket(AF_INET, SOCK_RAW, IPPROTO_ICMP): the
 * kernel (raw_v4_input) hands it a copy of every ICMP packet that arrives,
 * IP header included; ping keeps the echo replies whose id is its own, and
 * the errors (time exceeded, unreachable) that quote one of its requests.
 * The first 8 data bytes carry the send time, so the reply tells the
 * round trip (iputils stores a struct timeval; this is 8 bytes of it on
 * i386). Exit status as iputils: 0 if a reply came, 1 if none, 2 on errors.
 * No floating point: times are integer microseconds, printed as iputils.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define ICMP_ECHOREPLY 0
#define ICMP_DEST_UNREACH 3
#define ICMP_SOURCE_QUENCH 4
#define ICMP_REDIRECT 5
#define ICMP_ECHO 8
#define ICMP_TIME_EXCEEDED 11
#define ICMP_PARAMETERPROB 12
#define MAXPACKET 65507 /* 65535 - 20 (IP) - 8 (ICMP) */
#define MAXWAIT 10	/* seconds to wait for a lost last reply (-W) */

struct ip4 { /* the IPv4 header as received */
	uint8_t vihl, tos;
	uint16_t tot_len, id, frag_off;
	uint8_t ttl, protocol;
	uint16_t check;
	uint32_t saddr, daddr;
};

struct icmp4 {
	uint8_t type, code;
	uint16_t cksum, id, seq;
};

static struct {
	long long npackets;    /* -c: 0 = until interrupted */
	long interval_us;      /* -i */
	long datalen;	       /* -s */
	long ttl;	       /* -t: -1 = the kernel's default */
	long lingertime_us;    /* -W */
	int quiet;	       /* -q */
} opt = { 0, 1000000, 56, -1, MAXWAIT * 1000000L, 0 };

static struct {
	long ntransmitted, nreceived, nrepeats, nchecksum, nerrors;
	long tmin, tmax;       /* microseconds */
	long long tsum, tsum2; /* for the average and mdev */
	uint8_t rcvd[65536 / 8]; /* which sequence numbers came back */
} st = { .tmin = 0x7fffffff };

static int sock;
static uint16_t ident;
static struct sockaddr_in whereto;
static char dest_str[INET_ADDRSTRLEN];
static volatile sig_atomic_t interrupted;
static unsigned char outpack[MAXPACKET + 8], inpack[MAXPACKET + 8 + 60 + 20];

static long long now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static uint16_t in_cksum(const void *p, size_t len)
{
	const uint8_t *b = p;
	uint32_t sum = 0;

	for (; len > 1; len -= 2, b += 2)
		sum += (uint32_t)b[0] | (uint32_t)b[1] << 8;
	if (len)
		sum += b[0];
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

/* ---- arguments (iputils' messages) ---- */

static __attribute__((noreturn)) void usage(void)
{
	fprintf(stderr,
		"\nUsage\n  ping [options] <destination>\n\nOptions:\n"
		"  <destination>      dns name or ip address\n"
		"  -c <count>         stop after <count> replies\n"
		"  -i <interval>      seconds between sending each packet\n"
		"  -q                 quiet output\n"
		"  -s <size>          use <size> as number of data bytes to be sent\n"
		"  -t <ttl>           define time to live\n"
		"  -W <timeout>       time to wait for response\n");
	exit(2);
}

static long long parse_long(const char *s, long long min, long long max)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (!*s || *end || errno) {
		fprintf(stderr, "ping: invalid argument: '%s'\n", s);
		exit(1);
	}
	if (v < min || v > max) {
		fprintf(stderr,
			"ping: invalid argument: '%s': out of range: %lld <= value <= %lld\n",
			s, min, max);
		exit(1);
	}
	return v;
}

/* Seconds with an optional fraction ("0.2"), to microseconds. */
static long parse_seconds(const char *s, const char *what)
{
	long whole = 0, frac = 0, scale = 100000;
	const char *p = s;

	for (; *p >= '0' && *p <= '9'; p++)
		if ((whole = whole * 10 + (*p - '0')) > 2000000)
			break;
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++, scale /= 10)
			frac += (*p - '0') * scale;
	if (p == s || *p || whole > 2000000) {
		fprintf(stderr, "ping: bad %s: %s\n", what, s);
		exit(2);
	}
	return whole * 1000000 + frac;
}

static void parse_args(int argc, char **argv)
{
	int c;

	while ((c = getopt(argc, argv, "c:i:qs:t:W:h")) != -1) {
		switch (c) {
		case 'c':
			/* iputils' range on a 64-bit box: 1..LLONG_MAX */
			opt.npackets = parse_long(optarg, 1, 0x7fffffffffffffffLL);
			break;
		case 'i':
			opt.interval_us = parse_seconds(optarg, "timing interval");
			break;
		case 'q':
			opt.quiet = 1;
			break;
		case 's':
			opt.datalen = parse_long(optarg, 0, MAXPACKET);
			break;
		case 't':
			opt.ttl = parse_long(optarg, 0, 255);
			break;
		case 'W':
			opt.lingertime_us = parse_seconds(optarg, "linger time");
			break;
		default:
			usage();
		}
	}
	if (optind != argc - 1) {
		if (optind == argc)
			fprintf(stderr, "ping: usage error: Destination address required\n");
		usage();
	}
}

static void resolve(const char *name)
{
	struct addrinfo hints = { .ai_family = AF_INET }, *res;

	whereto.sin_family = AF_INET;
	if (!inet_pton(AF_INET, name, &whereto.sin_addr)) {
		if (getaddrinfo(name, NULL, &hints, &res)) {
			fprintf(stderr, "ping: %s: Name or service not known\n",
				name);
			exit(2);
		}
		whereto.sin_addr = ((struct sockaddr_in *)res->ai_addr)->sin_addr;
		freeaddrinfo(res);
	}
	inet_ntop(AF_INET, &whereto.sin_addr, dest_str, sizeof(dest_str));
}

/* ---- sending ---- */

static int timing(void)
{
	return opt.datalen >= 8;
}

static void pinger(void)
{
	struct icmp4 *icp = (struct icmp4 *)outpack;
	unsigned char *data = outpack + sizeof(*icp);
	long cc = opt.datalen + sizeof(*icp);
	long i;

	icp->type = ICMP_ECHO;
	icp->code = 0;
	icp->cksum = 0;
	icp->id = ident;
	icp->seq = htons((uint16_t)(st.ntransmitted + 1));
	st.rcvd[(st.ntransmitted + 1) % 65536 / 8] &=
		~(1 << ((st.ntransmitted + 1) % 8));
	for (i = 0; i < opt.datalen; i++) /* iputils' pattern: byte i = i */
		data[i] = (unsigned char)i;
	if (timing()) {
		long long t = now_us();
		uint32_t tv[2] = { (uint32_t)(t / 1000000),
				   (uint32_t)(t % 1000000) };

		memcpy(data, tv, sizeof(tv));
	}
	icp->cksum = in_cksum(outpack, cc);
	st.ntransmitted++;
	if (sendto(sock, outpack, cc, 0, (struct sockaddr *)&whereto,
		   sizeof(whereto)) != cc) {
		if (!opt.quiet)
			fprintf(stderr, "ping: sendmsg: %s\n", strerror(errno));
		st.nerrors++;
	}
}

/* ---- receiving ---- */

/* Microseconds, formatted as iputils does: fewer decimals as it grows. */
static void print_time(long t)
{
	if (t >= 100000 - 50)
		printf(" time=%ld ms", (t + 500) / 1000);
	else if (t >= 10000 - 5)
		printf(" time=%ld.%01ld ms", (t + 50) / 1000, ((t + 50) % 1000) / 100);
	else if (t >= 1000)
		printf(" time=%ld.%02ld ms", (t + 5) / 1000, ((t + 5) % 1000) / 10);
	else
		printf(" time=%ld.%03ld ms", t / 1000, t % 1000);
}

static void echo_reply(const struct ip4 *ip, const struct icmp4 *icp, long cc)
{
	uint16_t seq = ntohs(icp->seq);
	int dup = st.rcvd[seq / 8] & (1 << (seq % 8));
	long triptime = 0;
	char from[INET_ADDRSTRLEN];

	if (in_cksum(icp, cc)) {
		st.nchecksum++;
		if (!opt.quiet)
			printf("%ld bytes from %s: icmp_seq=%u (BAD CHECKSUM!)\n",
			       cc, dest_str, seq);
		return;
	}
	if (timing() && cc >= (long)sizeof(*icp) + 8) {
		uint32_t tv[2];

		memcpy(tv, icp + 1, sizeof(tv));
		triptime = now_us() - ((long long)tv[0] * 1000000 + tv[1]);
		if (triptime < 0)
			triptime = 0;
	}
	if (dup) {
		st.nrepeats++;
	} else {
		st.rcvd[seq / 8] |= 1 << (seq % 8);
		st.nreceived++;
	}
	if (timing()) {
		st.tsum += triptime;
		st.tsum2 += (long long)triptime * triptime;
		if (triptime < st.tmin)
			st.tmin = triptime;
		if (triptime > st.tmax)
			st.tmax = triptime;
	}
	if (opt.quiet)
		return;
	inet_ntop(AF_INET, &ip->saddr, from, sizeof(from));
	printf("%ld bytes from %s: icmp_seq=%u ttl=%u", cc, from, seq, ip->ttl);
	if (timing())
		print_time(triptime);
	if (dup)
		printf(" (DUP!)");
	printf("\n");
}

/* The text iputils prints for an ICMP error (pr_icmph). */
static void print_icmp_error(int type, int code, uint32_t info)
{
	static const char *const unreach[] = {
		"Destination Net Unreachable",	"Destination Host Unreachable",
		"Destination Protocol Unreachable", "Destination Port Unreachable",
		"Frag needed and DF set",	"Source Route Failed",
		"Destination Net Unknown",	"Destination Host Unknown",
		"Source Host Isolated",		"Destination Net Prohibited",
		"Destination Host Prohibited",	"Destination Net Unreachable for Type of Service",
		"Destination Host Unreachable for Type of Service",
		"Packet filtered",		"Precedence Violation",
		"Precedence Cutoff",
	};

	switch (type) {
	case ICMP_DEST_UNREACH:
		if (code == 4)
			printf("Frag needed and DF set (mtu = %u)",
			       ntohl(info) & 0xffff);
		else if (code < 16)
			printf("%s", unreach[code]);
		else
			printf("Dest Unreachable, Bad Code: %d", code);
		break;
	case ICMP_SOURCE_QUENCH:
		printf("Source Quench");
		break;
	case ICMP_REDIRECT:
		printf("Redirect Network");
		break;
	case ICMP_TIME_EXCEEDED:
		printf(code == 0 ? "Time to live exceeded"
				 : "Frag reassembly time exceeded");
		break;
	case ICMP_PARAMETERPROB:
		printf("Parameter problem: pointer = %u", ntohl(info) >> 24);
		break;
	default:
		printf("Bad ICMP type: %d", type);
	}
}

/* An error about one of our requests: "From 10.0.0.1 icmp_seq=1 ...". */
static void icmp_error(const struct ip4 *ip, const struct icmp4 *icp, long cc)
{
	const struct ip4 *inner = (const struct ip4 *)(icp + 1);
	const struct icmp4 *orig;
	char from[INET_ADDRSTRLEN];
	uint32_t info;
	long ihl;

	if (cc < (long)(sizeof(*icp) + sizeof(*inner)))
		return;
	ihl = (inner->vihl & 0x0f) * 4;
	if (cc < (long)sizeof(*icp) + ihl + 8 || inner->protocol != IPPROTO_ICMP)
		return;
	orig = (const struct icmp4 *)((const unsigned char *)inner + ihl);
	if (orig->type != ICMP_ECHO || orig->id != ident ||
	    inner->daddr != whereto.sin_addr.s_addr)
		return;
	st.nerrors++;
	if (opt.quiet)
		return;
	memcpy(&info, &icp->id, sizeof(info));
	inet_ntop(AF_INET, &ip->saddr, from, sizeof(from));
	printf("From %s icmp_seq=%u ", from, ntohs(orig->seq));
	print_icmp_error(icp->type, icp->code, info);
	printf("\n");
}

static void receive(void)
{
	long cc = recv(sock, inpack, sizeof(inpack), MSG_DONTWAIT);
	const struct ip4 *ip = (const struct ip4 *)inpack;
	const struct icmp4 *icp;
	long hlen;

	if (cc < (long)sizeof(*ip))
		return;
	hlen = (ip->vihl & 0x0f) * 4;
	if (cc < hlen + (long)sizeof(*icp))
		return;
	icp = (const struct icmp4 *)(inpack + hlen);
	cc -= hlen;
	if (icp->type == ICMP_ECHOREPLY) {
		if (icp->id == ident && ip->saddr == whereto.sin_addr.s_addr)
			echo_reply(ip, icp, cc);
	} else if (icp->type != ICMP_ECHO) {
		icmp_error(ip, icp, cc);
	}
}

/* ---- the summary ---- */

static long long llsqrt(long long a)
{
	long long x = a, prev = 0;

	if (a <= 0)
		return 0;
	while (x != prev && x > 0) { /* Newton's method on integers */
		prev = x;
		x = (x + a / x) / 2;
		if (x > prev) /* oscillating between two neighbours */
			return prev;
	}
	return x;
}

/* num/den as percent, as printf's %g prints it: 6 significant digits,
 * no trailing zeros ("0", "33.3333", "100"). */
static void print_percent(long num, long den)
{
	long whole = num * 100 / den;
	int decimals = whole >= 100 ? 3 : whole >= 10 ? 4 : whole >= 1 ? 5 : 6;
	long long pow = 1, scaled, frac;
	char buf[16];
	int i, n;

	for (i = 0; i < decimals; i++)
		pow *= 10;
	scaled = ((long long)num * 100 * pow * 2 + den) / (2LL * den);
	frac = scaled % pow;
	if (!frac) {
		printf("%lld", scaled / pow);
		return;
	}
	n = snprintf(buf, sizeof(buf), "%0*lld", decimals, frac);
	while (n > 0 && buf[n - 1] == '0')
		buf[--n] = '\0';
	printf("%lld.%s", scaled / pow, buf);
}

static int finish(long long start)
{
	long elapsed_ms = (long)((now_us() - start + 500) / 1000);

	printf("\n--- %s ping statistics ---\n", dest_str);
	printf("%ld packets transmitted, %ld received", st.ntransmitted,
	       st.nreceived);
	if (st.nrepeats)
		printf(", +%ld duplicates", st.nrepeats);
	if (st.nchecksum)
		printf(", +%ld corrupted", st.nchecksum);
	if (st.nerrors)
		printf(", +%ld errors", st.nerrors);
	if (st.ntransmitted) {
		printf(", ");
		print_percent(st.ntransmitted - st.nreceived, st.ntransmitted);
		printf("%% packet loss, time %ldms", elapsed_ms);
	}
	printf("\n");
	if (st.nreceived && timing()) {
		long total = st.nreceived + st.nrepeats;
		long long avg = st.tsum / total;
		long long var = st.tsum2 / total - avg * avg;
		long long mdev = llsqrt(var);

		printf("rtt min/avg/max/mdev = %ld.%03ld/%lld.%03lld/%ld.%03ld/%lld.%03lld ms",
		       st.tmin / 1000, st.tmin % 1000, avg / 1000, avg % 1000,
		       st.tmax / 1000, st.tmax % 1000, mdev / 1000,
		       mdev % 1000);
	}
	printf("\n"); /* iputils ends so, rtt line or not (an empty line) */
	return st.nreceived ? 0 : 1;
}

/* ---- main loop ---- */

static void on_sigint(int sig)
{
	interrupted = 1;
}

/* All sent (with -c): stop when all came back, or after the wait. */
static int done_waiting(long long now, long long last_send)
{
	long long wait;

	if (!opt.npackets || st.ntransmitted < opt.npackets)
		return 0;
	if (st.nreceived + st.nerrors >= st.ntransmitted)
		return 1;
	wait = st.nreceived ? 2 * (long long)st.tmax : opt.lingertime_us;
	if (st.nreceived && wait < 1000)
		wait = 1000;
	return now >= last_send + wait;
}

int main(int argc, char **argv)
{
	long long start, next_send, last_send = 0;
	struct pollfd pfd;

	parse_args(argc, argv);
	resolve(argv[optind]);
	sock = socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
	if (sock < 0) {
		fprintf(stderr, "ping: socket: %s\n", strerror(errno));
		return 2;
	}
	if (opt.ttl >= 0) {
		int ttl = opt.ttl;

		if (setsockopt(sock, IPPROTO_IP, IP_TTL, &ttl, sizeof(ttl)) < 0) {
			fprintf(stderr, "ping: can't set unicast time-to-live: %s\n",
				strerror(errno));
			return 2;
		}
	}
	ident = htons((uint16_t)getpid());
	signal(SIGINT, on_sigint);
	printf("PING %s (%s) %ld(%ld) bytes of data.\n", argv[optind], dest_str,
	       opt.datalen, opt.datalen + 8 + 20);
	fflush(stdout);

	start = next_send = now_us();
	pfd.fd = sock;
	pfd.events = POLLIN;
	while (!interrupted) {
		long long now = now_us(), until;

		if ((!opt.npackets || st.ntransmitted < opt.npackets) &&
		    now >= next_send) {
			pinger();
			last_send = now;
			next_send += opt.interval_us;
		}
		if (done_waiting(now, last_send))
			break;
		until = (!opt.npackets || st.ntransmitted < opt.npackets)
				? next_send
				: last_send + (st.nreceived ? 2 * st.tmax + 1000
							    : opt.lingertime_us);
		pfd.revents = 0;
		if (poll(&pfd, 1, until > now ? (int)((until - now + 999) / 1000) : 0) > 0)
			receive();
		fflush(stdout);
	}
	return finish(start);
}
