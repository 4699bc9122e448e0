/*
 * route - show or change the IPv4 routing table, as net-tools' route
 * (net-tools 2.10: route.c, lib/inet_gr.c, lib/inet_sr.c).
 *
 *   route [-n]                          the main table, from /proc/net/route
 *   route add|del [-net|-host] TARGET [netmask M] [gw G] [metric N]
 *                 [dev] D               TARGET: an address, N/LEN, or default
 *   route add default gw G
 *
 * Changes go through ioctl(SIOCADDRT / SIOCDELRT) on an AF_INET datagram
 * socket with a struct rtentry (kernel: inet_ioctl -> ip_rt_ioctl in
 * net/ipv4/fib_frontend.c). rxos has no name resolution: every address is
 * numeric, so -n changes nothing. Errors read as net-tools prints them
 * ("SIOCADDRT: File exists"); exit status 0, or 1 on any error, as net-tools.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <linux/sockios.h>
#include <net/route.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

#define PROC_NET_ROUTE "/proc/net/route"

static void usage(void)
{
	fprintf(stderr,
		"Usage: route [-n]\n"
		"       route {add|del} [-net|-host] target [netmask Nm] [gw Gw] [metric M] [[dev] If]\n"
		"       target: an address, an address/prefixlen, or default\n");
	exit(1);
}

/* Split line at whitespace into at most max fields; returns the count. */
static int split(char *line, char **f, int max)
{
	int n = 0;

	for (char *p = strtok(line, " \t\n"); p && n < max;
	     p = strtok(NULL, " \t\n"))
		f[n++] = p;
	return n;
}

/* The hex of /proc/net/route ("0002000A") is the address as stored. */
static char *hex_addr(const char *hex, char *buf)
{
	struct in_addr a;

	a.s_addr = (uint32_t)strtoul(hex, NULL, 16);
	strcpy(buf, inet_ntoa(a));
	return buf;
}

static void flags_str(unsigned int iflags, char *flags)
{
	flags[0] = '\0';
	if (iflags & RTF_UP)
		strcat(flags, "U");
	if (iflags & RTF_GATEWAY)
		strcat(flags, "G");
	if (iflags & RTF_REJECT)
		strcpy(flags, "!");
	if (iflags & RTF_HOST)
		strcat(flags, "H");
	if (iflags & RTF_REINSTATE)
		strcat(flags, "R");
	if (iflags & RTF_DYNAMIC)
		strcat(flags, "D");
	if (iflags & RTF_MODIFIED)
		strcat(flags, "M");
}

/* One /proc/net/route row in net-tools' "route -n" columns. */
static void print_row(char **f)
{
	char dst[16], gw[16], mask[16], flags[16];
	unsigned int iflags = strtoul(f[3], NULL, 16);

	if (!(iflags & RTF_UP))
		return;
	hex_addr(f[1], dst);
	hex_addr(f[2], gw);
	hex_addr(f[7], mask);
	flags_str(iflags, flags);
	if (iflags & RTF_REJECT)
		printf("%-15s -               %-15s %-5s %-6d -  %7s -\n", dst,
		       mask, flags, atoi(f[6]), "-");
	else
		printf("%-15s %-15s %-15s %-5s %-6d %-2d %7d %s\n", dst, gw,
		       mask, flags, atoi(f[6]), atoi(f[4]), atoi(f[5]), f[0]);
}

static int show_routes(void)
{
	FILE *fp = fopen(PROC_NET_ROUTE, "r");
	char line[256], *f[11];

	if (!fp) {
		perror(PROC_NET_ROUTE);
		return 1;
	}
	printf("Kernel IP routing table\n");
	printf("Destination     Gateway         Genmask         Flags Metric Ref    Use Iface\n");
	if (!fgets(line, sizeof(line), fp)) { /* the header */
		fclose(fp);
		return 0;
	}
	while (fgets(line, sizeof(line), fp))
		if (split(line, f, 11) == 11)
			print_row(f);
	fclose(fp);
	return 0;
}

static void set_sin(struct sockaddr *sa, in_addr_t addr)
{
	struct sockaddr_in *sin = (struct sockaddr_in *)sa;

	memset(sin, 0, sizeof(*sin));
	sin->sin_family = AF_INET;
	sin->sin_addr.s_addr = addr;
}

static int parse_addr(const char *s, in_addr_t *addr)
{
	struct in_addr a;

	if (!inet_aton(s, &a)) {
		fprintf(stderr, "%s: Unknown host\n", s);
		return -1;
	}
	*addr = a.s_addr;
	return 0;
}

/* The class mask net-tools falls back to for "-net N" without netmask. */
static in_addr_t class_mask(in_addr_t addr)
{
	uint32_t h = ntohl(addr);

	if (!h)
		return 0;
	if (!(h & 0x80000000u))
		return htonl(0xff000000u);
	if ((h & 0xc0000000u) == 0x80000000u)
		return htonl(0xffff0000u);
	return htonl(0xffffff00u);
}

/* TARGET: "default", "a.b.c.d", or "a.b.c.d/len". */
static int parse_target(char *s, in_addr_t *dst, in_addr_t *mask,
			int *have_mask)
{
	char *slash = strchr(s, '/');

	if (!strcmp(s, "default")) {
		*dst = *mask = 0;
		*have_mask = 1;
		return 0;
	}
	if (slash) {
		int len = atoi(slash + 1);

		*slash = '\0';
		if (len < 0 || len > 32) {
			fprintf(stderr, "route: bogus netmask %s\n", slash + 1);
			return -1;
		}
		*mask = len ? htonl(~0u << (32 - len)) : 0;
		*have_mask = 1;
	}
	return parse_addr(s, dst);
}

struct route_args {
	int host, have_mask;
	in_addr_t dst, mask, gw;
	int metric, have_gw;
	char *dev;
};

/* The words after TARGET. 0, or -1 after printing why. */
static int parse_options(int argc, char **argv, struct route_args *a)
{
	for (int i = 0; i < argc; i++) {
		const char *w = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (!strcmp(w, "netmask") && v) {
			if (parse_addr(v, &a->mask))
				return -1;
			a->have_mask = 1;
		} else if ((!strcmp(w, "gw") || !strcmp(w, "gateway")) && v) {
			if (parse_addr(v, &a->gw))
				return -1;
			a->have_gw = 1;
		} else if (!strcmp(w, "metric") && v) {
			a->metric = atoi(v);
		} else if (!strcmp(w, "dev") && v) {
			a->dev = argv[i + 1];
		} else if (i == argc - 1 && strcmp(w, "dev") &&
			   strcmp(w, "netmask") && strcmp(w, "gw") &&
			   strcmp(w, "gateway") && strcmp(w, "metric")) {
			a->dev = argv[i]; /* "route add ... eth0" */
			continue;
		} else {
			usage();
		}
		i++;
	}
	return 0;
}

static int route_edit(int add, int argc, char **argv)
{
	struct route_args a = { 0 };
	struct rtentry rt;
	int fd, i = 0;

	if (i < argc && !strcmp(argv[i], "-net"))
		i++;
	else if (i < argc && !strcmp(argv[i], "-host"))
		a.host = 1, i++;
	if (i >= argc)
		usage();
	if (parse_target(argv[i], &a.dst, &a.mask, &a.have_mask) ||
	    parse_options(argc - i - 1, argv + i + 1, &a))
		return 1;
	if (!a.have_mask)
		a.mask = a.host ? 0xffffffffu : class_mask(a.dst);
	if (a.dst & ~a.mask) {
		fprintf(stderr, "route: netmask doesn't match route address\n");
		return 1;
	}
	memset(&rt, 0, sizeof(rt));
	set_sin(&rt.rt_dst, a.dst);
	set_sin(&rt.rt_genmask, a.mask);
	set_sin(&rt.rt_gateway, a.gw);
	rt.rt_flags = RTF_UP | (a.have_gw ? RTF_GATEWAY : 0) |
		      (a.mask == 0xffffffffu ? RTF_HOST : 0);
	rt.rt_metric = a.metric + 1;
	rt.rt_dev = a.dev;
	fd = socket(AF_INET, SOCK_DGRAM, 0);
	if (fd < 0) {
		perror("socket");
		return 1;
	}
	if (ioctl(fd, add ? SIOCADDRT : SIOCDELRT, &rt) < 0) {
		perror(add ? "SIOCADDRT" : "SIOCDELRT");
		close(fd);
		return 1;
	}
	close(fd);
	return 0;
}

int main(int argc, char **argv)
{
	int i = 1;

	while (i < argc && argv[i][0] == '-' && argv[i][1] &&
	       strcmp(argv[i], "-net") && strcmp(argv[i], "-host")) {
		if (strcmp(argv[i], "-n") && strcmp(argv[i], "-e") &&
		    strcmp(argv[i], "-v"))
			usage();
		i++;
	}
	if (i == argc)
		return show_routes();
	if (!strcmp(argv[i], "add"))
		return route_edit(1, argc - i - 1, argv + i + 1);
	if (!strcmp(argv[i], "del"))
		return route_edit(0, argc - i - 1, argv + i + 1);
	usage();
	return 1;
}
