/*
 * ifconfig - show or configure network interfaces, in net-tools' layout
 * (net-tools 2.10: ifconfig.c, lib/interface.c).
 *
 *   ifconfig                     interfaces that are up
 *   ifconfig -a                  all interfaces
 *   ifconfig eth0                one interface
 *   ifconfig eth0 up|down|promisc|-promisc|allmulti|-allmulti|mtu N
 *   ifconfig eth0 ADDR [netmask MASK] [broadcast B] [up|down]
 *   ifconfig eth0 hw ether 52:54:00:12:34:57
 *
 * Where the numbers come from, as in net-tools: the list of interfaces
 * and their counters from /proc/net/dev; flags, MTU, MAC, txqueuelen and
 * the device line from ioctls on a socket (SIOCGIFFLAGS, SIOCGIFMTU,
 * SIOCGIFHWADDR, SIOCGIFTXQLEN, SIOCGIFMAP: net/core/dev_ioctl.c); the
 * IPv4 address from SIOCGIFADDR/NETMASK/BRDADDR (net/ipv4/devinet.c).
 * Changes go back through SIOCSIFFLAGS, SIOCSIFMTU, SIOCSIFADDR ...
 *
 * Exit status 0, or 1 after any error (each one printed as net-tools does).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <linux/sockios.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

#define PROC_NET_DEV "/proc/net/dev"

/* The /proc/net/dev columns, in order (Linux: dev_seq_printf_stats). */
struct if_stats {
	unsigned long long rx_bytes, rx_packets, rx_errors, rx_dropped,
		rx_fifo_errors, rx_frame_errors, rx_compressed, rx_multicast;
	unsigned long long tx_bytes, tx_packets, tx_errors, tx_dropped,
		tx_fifo_errors, collisions, tx_carrier_errors, tx_compressed;
};

struct interface {
	char name[IFNAMSIZ];
	short flags;
	int mtu, tx_queue_len, type;
	unsigned char hwaddr[6];
	struct ifmap map;
	int has_ip;
	struct in_addr addr, netmask, broadaddr;
	int statistics_valid;
	struct if_stats stats;
};

static int skfd = -1;

/* ---- reading /proc/net/dev ------------------------------------------------ */

/*
 * One line "  eth0: 1234 12 0 ..." -> name and the 16 counters.
 * Returns 0, or -1 for a header or malformed line.
 */
static int parse_dev_line(char *line, char *name, struct if_stats *st)
{
	unsigned long long *v = &st->rx_bytes;
	char *p = line, *colon, *end;

	while (*p == ' ')
		p++;
	colon = strchr(p, ':');
	if (!colon || colon - p >= IFNAMSIZ || colon == p)
		return -1;
	memcpy(name, p, colon - p);
	name[colon - p] = '\0';
	p = colon + 1;
	for (int i = 0; i < 16; i++) {
		v[i] = strtoull(p, &end, 10);
		if (end == p)
			return -1;
		p = end;
	}
	return 0;
}

/* Calls fn for each interface in /proc/net/dev; -1 if it is unreadable. */
static int for_each_proc_dev(int (*fn)(const char *name,
				       const struct if_stats *st, void *arg),
			     void *arg)
{
	FILE *f = fopen(PROC_NET_DEV, "r");
	char line[512], name[IFNAMSIZ];
	struct if_stats st;
	int err = 0;

	if (!f) {
		fprintf(stderr, "Warning: cannot open %s (%s). Limited output.\n",
			PROC_NET_DEV, strerror(errno));
		return -1;
	}
	while (fgets(line, sizeof(line), f))
		if (parse_dev_line(line, name, &st) == 0)
			err |= fn(name, &st, arg);
	fclose(f);
	return err;
}

static int find_stats(const char *name, const struct if_stats *st, void *arg)
{
	struct interface *ife = arg;

	if (strcmp(name, ife->name) == 0) {
		ife->stats = *st;
		ife->statistics_valid = 1;
	}
	return 0;
}

/* ---- asking the kernel ------------------------------------------------------ */

static void ifr_init(struct ifreq *ifr, const char *name)
{
	memset(ifr, 0, sizeof(*ifr));
	strncpy(ifr->ifr_name, name, IFNAMSIZ - 1);
}

static int if_ioctl(const char *name, unsigned long req, struct ifreq *ifr)
{
	ifr_init(ifr, name);
	return ioctl(skfd, req, ifr);
}

static struct in_addr sin_addr_of(const struct sockaddr *sa)
{
	struct sockaddr_in sin;

	memcpy(&sin, sa, sizeof(sin));
	return sin.sin_addr;
}

/* The IPv4 address, if it has one (net-tools: has_ip). */
static void fetch_inet(struct interface *ife)
{
	struct ifreq ifr;

	if (if_ioctl(ife->name, SIOCGIFADDR, &ifr) < 0)
		return;
	ife->has_ip = 1;
	ife->addr = sin_addr_of(&ifr.ifr_addr);
	if (if_ioctl(ife->name, SIOCGIFNETMASK, &ifr) == 0)
		ife->netmask = sin_addr_of(&ifr.ifr_netmask);
	if (if_ioctl(ife->name, SIOCGIFBRDADDR, &ifr) == 0)
		ife->broadaddr = sin_addr_of(&ifr.ifr_broadaddr);
}

/* Everything about one interface; -1 (errno set) if it does not exist. */
static int if_fetch(struct interface *ife)
{
	struct ifreq ifr;

	if (if_ioctl(ife->name, SIOCGIFFLAGS, &ifr) < 0)
		return -1;
	ife->flags = ifr.ifr_flags;
	ife->mtu = if_ioctl(ife->name, SIOCGIFMTU, &ifr) < 0 ? 0 : ifr.ifr_mtu;
	ife->type = ARPHRD_ETHER;
	if (if_ioctl(ife->name, SIOCGIFHWADDR, &ifr) == 0) {
		memcpy(ife->hwaddr, ifr.ifr_hwaddr.sa_data, 6);
		ife->type = ifr.ifr_hwaddr.sa_family;
	}
	if (if_ioctl(ife->name, SIOCGIFMAP, &ifr) == 0)
		ife->map = ifr.ifr_map;
	ife->tx_queue_len =
		if_ioctl(ife->name, SIOCGIFTXQLEN, &ifr) < 0 ? -1 : ifr.ifr_qlen;
	fetch_inet(ife);
	for_each_proc_dev(find_stats, ife);
	return 0;
}

/* ---- printing, net-tools' ife_print_long ---------------------------------- */

static const struct {
	int flag;
	const char *name;
} flag_names[] = {
	{ IFF_UP, "UP" },
	{ IFF_BROADCAST, "BROADCAST" },
	{ IFF_DEBUG, "DEBUG" },
	{ IFF_LOOPBACK, "LOOPBACK" },
	{ IFF_POINTOPOINT, "POINTOPOINT" },
	{ IFF_NOTRAILERS, "NOTRAILERS" },
	{ IFF_RUNNING, "RUNNING" },
	{ IFF_NOARP, "NOARP" },
	{ IFF_PROMISC, "PROMISC" },
	{ IFF_ALLMULTI, "ALLMULTI" },
	{ IFF_SLAVE, "SLAVE" },
	{ IFF_MASTER, "MASTER" },
	{ IFF_MULTICAST, "MULTICAST" },
	{ IFF_DYNAMIC, "DYNAMIC" },
};

/* "flags=4163<UP,BROADCAST,RUNNING,MULTICAST>" */
static void format_flags(char *buf, size_t len, unsigned short flags)
{
	size_t n = snprintf(buf, len, "flags=%d<", flags);
	const char *sep = "";

	for (size_t i = 0; i < sizeof(flag_names) / sizeof(flag_names[0]); i++)
		if (flags & flag_names[i].flag) {
			n += snprintf(buf + n, n < len ? len - n : 0, "%s%s",
				      sep, flag_names[i].name);
			sep = ",";
		}
	snprintf(buf + n, n < len ? len - n : 0, ">");
}

/* 1234 -> "1.2 KiB", as net-tools scales (tenths, truncated). */
static void format_bytes(char *buf, size_t len, unsigned long long b)
{
	static const char *const unit[] = { "B", "KiB", "MiB", "GiB", "TiB",
					    "PiB" };
	unsigned long long tenths = b * 10, scale = 1;
	int u = 0;

	while (u < 5 && b > scale * 1024) {
		scale *= 1024;
		u++;
	}
	tenths /= scale;
	snprintf(buf, len, "%llu.%llu %s", tenths / 10, tenths % 10, unit[u]);
}

static void print_stats(const struct if_stats *s)
{
	char rx[32], tx[32];

	format_bytes(rx, sizeof(rx), s->rx_bytes);
	format_bytes(tx, sizeof(tx), s->tx_bytes);
	printf("        RX packets %llu  bytes %llu (%s)\n", s->rx_packets,
	       s->rx_bytes, rx);
	printf("        RX errors %llu  dropped %llu  overruns %llu  frame %llu\n",
	       s->rx_errors, s->rx_dropped, s->rx_fifo_errors,
	       s->rx_frame_errors);
	printf("        TX packets %llu  bytes %llu (%s)\n", s->tx_packets,
	       s->tx_bytes, tx);
	printf("        TX errors %llu  dropped %llu overruns %llu  carrier %llu  collisions %llu\n",
	       s->tx_errors, s->tx_dropped, s->tx_fifo_errors,
	       s->tx_carrier_errors, s->collisions);
}

static void print_map(const struct ifmap *map)
{
	if (!map->irq && !map->mem_start && !map->dma && map->base_addr < 0x100)
		return;
	printf("        device ");
	if (map->irq)
		printf("interrupt %d  ", map->irq);
	if (map->base_addr >= 0x100)
		printf("base 0x%x  ", map->base_addr);
	if (map->mem_start)
		printf("memory 0x%lx-%lx  ", map->mem_start, map->mem_end);
	if (map->dma)
		printf("  dma 0x%x", map->dma);
	printf("\n");
}

/* The link-layer line: "ether 52:54:... txqueuelen 1000  (Ethernet)". */
static void print_hw(const struct interface *ife)
{
	const unsigned char *a = ife->hwaddr;

	if (ife->type == ARPHRD_LOOPBACK)
		printf("        loop");
	else if (ife->type == ARPHRD_ETHER)
		printf("        ether %02x:%02x:%02x:%02x:%02x:%02x", a[0], a[1],
		       a[2], a[3], a[4], a[5]);
	else
		printf("        unspec");
	if (ife->tx_queue_len != -1)
		printf("  txqueuelen %d", ife->tx_queue_len);
	printf("  (%s)\n", ife->type == ARPHRD_LOOPBACK ? "Local Loopback" :
			   ife->type == ARPHRD_ETHER    ? "Ethernet" :
							  "UNSPEC");
}

static void ife_print(const struct interface *ife)
{
	char flags[200];

	format_flags(flags, sizeof(flags), (unsigned short)ife->flags);
	printf("%s: %s  mtu %d\n", ife->name, flags, ife->mtu);
	if (ife->has_ip) {
		printf("        inet %s", inet_ntoa(ife->addr));
		printf("  netmask %s", inet_ntoa(ife->netmask));
		if (ife->flags & IFF_BROADCAST)
			printf("  broadcast %s", inet_ntoa(ife->broadaddr));
		printf("\n");
	}
	print_hw(ife);
	if (ife->statistics_valid)
		print_stats(&ife->stats);
	print_map(&ife->map);
	printf("\n");
}

/* ---- listing --------------------------------------------------------------- */

static int show_one(const char *name, const struct if_stats *st, void *arg)
{
	int all = *(int *)arg;
	struct interface ife;

	memset(&ife, 0, sizeof(ife));
	strncpy(ife.name, name, IFNAMSIZ - 1);
	if (if_fetch(&ife) < 0) {
		fprintf(stderr, "%s: error fetching interface information: %s\n",
			name, strerror(errno));
		return 1;
	}
	if (all || (ife.flags & IFF_UP))
		ife_print(&ife);
	return 0;
}

static int show_interface(const char *name)
{
	struct interface ife;

	memset(&ife, 0, sizeof(ife));
	strncpy(ife.name, name, IFNAMSIZ - 1);
	if (if_fetch(&ife) < 0) {
		fprintf(stderr, "%s: error fetching interface information: %s\n",
			name, errno == ENODEV ? "Device not found" :
						strerror(errno));
		return 1;
	}
	ife_print(&ife);
	return 0;
}

/* ---- changing --------------------------------------------------------------- */

/* Set (or clear) flag bits: read, modify, write, as net-tools' set_flag. */
static int change_flag(const char *name, short set, short clear)
{
	struct ifreq ifr;

	if (if_ioctl(name, SIOCGIFFLAGS, &ifr) < 0) {
		fprintf(stderr, "%s: unknown interface: %s\n", name,
			strerror(errno));
		return 1;
	}
	ifr.ifr_flags = (short)((ifr.ifr_flags | set) & ~clear);
	if (ioctl(skfd, SIOCSIFFLAGS, &ifr) < 0) {
		perror("SIOCSIFFLAGS");
		return 1;
	}
	return 0;
}

/* A decimal argument: the whole string, within [0, max]. */
static int parse_uint(const char *s, long max, long *out)
{
	char *end;
	long v;

	if (!s || !*s)
		return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	if (*end || errno || v < 0 || v > max)
		return -1;
	*out = v;
	return 0;
}

static int set_mtu(const char *name, const char *arg)
{
	struct ifreq ifr;
	long mtu;

	if (parse_uint(arg, 0x7fffffff, &mtu)) {
		fprintf(stderr, "ifconfig: invalid mtu '%s'\n", arg ? arg : "");
		return -1;
	}
	ifr_init(&ifr, name);
	ifr.ifr_mtu = (int)mtu;
	if (ioctl(skfd, SIOCSIFMTU, &ifr) < 0) {
		perror("SIOCSIFMTU");
		return 1;
	}
	return 0;
}

/* SIOCSIFADDR / SIOCSIFNETMASK / SIOCSIFBRDADDR with a dotted quad. */
static int set_inet(const char *name, unsigned long req, const char *what,
		    const char *arg)
{
	struct sockaddr_in sin;
	struct ifreq ifr;

	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	if (!arg || inet_pton(AF_INET, arg, &sin.sin_addr) != 1) {
		fprintf(stderr, "%s: Unknown host\n", arg ? arg : "");
		return -1;
	}
	ifr_init(&ifr, name);
	memcpy(&ifr.ifr_addr, &sin, sizeof(sin));
	if (ioctl(skfd, req, &ifr) < 0) {
		perror(what);
		return 1;
	}
	return 0;
}

/* "52:54:00:12:34:56" -> 6 bytes; -1 if malformed. */
static int parse_mac(const char *s, unsigned char *mac)
{
	for (int i = 0; i < 6; i++) {
		char *end;
		unsigned long v = strtoul(s, &end, 16);

		if (end == s || end - s > 2 || v > 0xff ||
		    *end != (i == 5 ? '\0' : ':'))
			return -1;
		mac[i] = (unsigned char)v;
		s = end + 1;
	}
	return 0;
}

/* SIOCSIFHWADDR: `hw ether MAC` (net-tools: the "hw" keyword). */
static int set_hwaddr(const char *name, char **argv)
{
	struct ifreq ifr;

	if (!argv[0] || strcmp(argv[0], "ether") || !argv[1])
		return -1;
	ifr_init(&ifr, name);
	ifr.ifr_hwaddr.sa_family = ARPHRD_ETHER;
	if (parse_mac(argv[1], (unsigned char *)ifr.ifr_hwaddr.sa_data)) {
		fprintf(stderr, "%s: invalid ether address.\n", argv[1]);
		return -1;
	}
	if (ioctl(skfd, SIOCSIFHWADDR, &ifr) < 0) {
		perror("SIOCSIFHWADDR");
		return 1;
	}
	return 0;
}

static void usage(void)
{
	fprintf(stderr,
		"Usage:\n"
		"  ifconfig [-a] [interface]\n"
		"  ifconfig <interface> [up|down] [[-]promisc] [[-]allmulti]\n"
		"           [mtu <NN>] [<address>] [netmask <address>]\n"
		"           [broadcast <address>] [hw ether <address>]\n");
}

/*
 * One keyword (and its argument) of `ifconfig eth0 ...`. Returns how many
 * argv entries it used, or -1 for a usage error; *err |= 1 on a failure.
 */
static int do_keyword(const char *name, char **argv, int *err)
{
	const char *k = argv[0];
	int r;

	if (!strcmp(k, "up"))
		r = change_flag(name, IFF_UP | IFF_RUNNING, 0);
	else if (!strcmp(k, "down"))
		r = change_flag(name, 0, IFF_UP);
	else if (!strcmp(k, "promisc"))
		r = change_flag(name, IFF_PROMISC, 0);
	else if (!strcmp(k, "-promisc"))
		r = change_flag(name, 0, IFF_PROMISC);
	else if (!strcmp(k, "allmulti"))
		r = change_flag(name, IFF_ALLMULTI, 0);
	else if (!strcmp(k, "-allmulti"))
		r = change_flag(name, 0, IFF_ALLMULTI);
	else if (!strcmp(k, "mtu"))
		return (r = set_mtu(name, argv[1])) < 0 ? -1 : (*err |= r, 2);
	else if (!strcmp(k, "hw"))
		return (r = set_hwaddr(name, argv + 1)) < 0 ? -1 : (*err |= r, 3);
	else if (!strcmp(k, "netmask"))
		return (r = set_inet(name, SIOCSIFNETMASK, "SIOCSIFNETMASK",
				     argv[1])) < 0 ? -1 : (*err |= r, 2);
	else if (!strcmp(k, "broadcast"))
		return (r = set_inet(name, SIOCSIFBRDADDR, "SIOCSIFBRDADDR",
				     argv[1])) < 0 ? -1 : (*err |= r, 2);
	else
		return (r = set_inet(name, SIOCSIFADDR, "SIOCSIFADDR", k)) < 0 ?
			       -1 : (*err |= r, 1);
	*err |= r;
	return 1;
}

static int configure(const char *name, char **argv)
{
	struct ifreq ifr;
	int err = 0;

	/* net-tools checks the interface exists before anything else */
	if (if_ioctl(name, SIOCGIFFLAGS, &ifr) < 0) {
		fprintf(stderr, "%s: error fetching interface information: %s\n",
			name, errno == ENODEV ? "Device not found" :
						strerror(errno));
		return 1;
	}
	while (*argv) {
		int used = do_keyword(name, argv, &err);

		if (used < 0) {
			fprintf(stderr,
				"ifconfig: `--help' gives usage information.\n");
			return 1;
		}
		argv += used;
	}
	return err;
}

int main(int argc, char **argv)
{
	int all = 0, ret;

	argv++;
	while (*argv && (*argv)[0] == '-' && strcmp(*argv, "-promisc") &&
	       strcmp(*argv, "-allmulti")) {
		if (!strcmp(*argv, "-a")) {
			all = 1;
		} else if (!strcmp(*argv, "-h") || !strcmp(*argv, "--help")) {
			usage();
			return 0;
		} else {
			fprintf(stderr, "ifconfig: option `%s' not recognised.\n",
				*argv);
			usage();
			return 1;
		}
		argv++;
	}
	skfd = socket(AF_INET, SOCK_DGRAM, 0);
	if (skfd < 0) {
		perror("socket");
		return 1;
	}
	if (!*argv)
		ret = for_each_proc_dev(show_one, &all) ? 1 : 0;
	else if (!argv[1])
		ret = show_interface(argv[0]);
	else
		ret = configure(argv[0], argv + 1);
	close(skfd);
	return ret;
}
