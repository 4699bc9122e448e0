/*
 * arp - show or change the kernel's ARP cache, as net-tools' arp
 * (net-tools 2.10: arp.c).
 *
 *   arp [-n] [-i IF]          the entries, from /proc/net/arp
 *   arp -s IP MAC [temp] [-i IF]   a permanent entry (temp: not permanent)
 *   arp -d IP [-i IF]         remove an entry
 *
 * Changes go through ioctl(SIOCSARP / SIOCDARP) on an AF_INET datagram
 * socket with a struct arpreq (kernel: inet_ioctl -> arp_ioctl in
 * net/ipv4/arp.c). No name resolution in rxos: -n changes nothing.
 * Flags column: C complete, M permanent, P published. Exit status 0, or
 * 1 after an error, printed as net-tools does.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <linux/sockios.h>
#include <net/if_arp.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

#define PROC_NET_ARP "/proc/net/arp"

static const char *device = "";

static void usage(void)
{
	fprintf(stderr,
		"Usage:\n"
		"  arp [-n] [-i <if>]                      display the ARP cache\n"
		"  arp [-i <if>] -d <host>                 delete an entry\n"
		"  arp [-i <if>] -s <host> <hwaddr> [temp] add an entry\n");
	exit(1);
}

static const char *hw_name(int type)
{
	switch (type) {
	case ARPHRD_ETHER: return "ether";
	case ARPHRD_LOOPBACK: return "loop";
	default: return "ether"; /* net-tools: the default hardware type */
	}
}

/* net-tools' arp_disp, the same widths. */
static void arp_disp(const char *ip, int type, int arp_flags, const char *hwa,
		     const char *dev, int *title)
{
	char flags[10] = "";

	if ((*title)++ == 0)
		printf("Address                  HWtype  HWaddress           Flags Mask            Iface\n");
	if (arp_flags & ATF_COM)
		strcat(flags, "C");
	if (arp_flags & ATF_PERM)
		strcat(flags, "M");
	if (arp_flags & ATF_PUBL)
		strcat(flags, "P");
	printf("%-23.23s  ", ip);
	if (!(arp_flags & ATF_COM))
		printf("%-8.8s%-20.20s", "", "(incomplete)");
	else
		printf("%-8.8s%-20.20s", hw_name(type), hwa);
	printf("%-6.6s%-15.15s %s\n", flags, "", dev);
}

static int split(char *line, char **f, int max)
{
	int n = 0;

	for (char *p = strtok(line, " \t\n"); p && n < max;
	     p = strtok(NULL, " \t\n"))
		f[n++] = p;
	return n;
}

static int arp_show(void)
{
	FILE *fp = fopen(PROC_NET_ARP, "r");
	char line[256], *f[6];
	int title = 0, entries = 0, shown = 0;

	if (!fp) {
		perror(PROC_NET_ARP);
		return 1;
	}
	if (!fgets(line, sizeof(line), fp)) { /* the header */
		fclose(fp);
		return 0;
	}
	while (fgets(line, sizeof(line), fp)) {
		if (split(line, f, 6) != 6)
			continue;
		entries++;
		if (device[0] && strcmp(device, f[5]))
			continue;
		arp_disp(f[0], strtol(f[1], NULL, 16), strtol(f[2], NULL, 16),
			 f[3], f[5], &title);
		shown++;
	}
	fclose(fp);
	if (!shown && device[0])
		printf("arp: in %d entries no match found.\n", entries);
	return 0;
}

static int parse_mac(const char *s, unsigned char *mac)
{
	for (int i = 0; i < 6; i++) {
		char *end;
		unsigned long v = strtoul(s, &end, 16);

		if (end == s || end - s > 2 || v > 255 ||
		    (i < 5 && *end != ':') || (i == 5 && *end))
			return -1;
		mac[i] = v;
		s = end + 1;
	}
	return 0;
}

/* The request both -s and -d start from; -1 when host is no address. */
static int arpreq_init(struct arpreq *r, const char *host)
{
	struct sockaddr_in *sin = (struct sockaddr_in *)&r->arp_pa;

	memset(r, 0, sizeof(*r));
	sin->sin_family = AF_INET;
	if (!inet_aton(host, &sin->sin_addr)) {
		fprintf(stderr, "%s: Unknown host\n", host);
		return -1;
	}
	strncpy(r->arp_dev, device, sizeof(r->arp_dev) - 1);
	return 0;
}

static int arp_ioctl(unsigned long cmd, struct arpreq *r, const char *what)
{
	int fd = socket(AF_INET, SOCK_DGRAM, 0), err;

	if (fd < 0) {
		perror("socket");
		return -1;
	}
	err = ioctl(fd, cmd, r);
	if (err < 0 && cmd == SIOCDARP && errno == ENXIO) {
		struct in_addr a = ((struct sockaddr_in *)&r->arp_pa)->sin_addr;

		printf("No ARP entry for %s\n", inet_ntoa(a));
	} else if (err < 0) {
		perror(what);
	}
	close(fd);
	return err;
}

static int arp_set(int argc, char **argv)
{
	struct arpreq r;

	if (argc < 2)
		usage();
	if (arpreq_init(&r, argv[0]))
		return 1;
	if (parse_mac(argv[1], (unsigned char *)r.arp_ha.sa_data)) {
		fprintf(stderr, "arp: invalid hardware address\n");
		return 1;
	}
	r.arp_ha.sa_family = ARPHRD_ETHER;
	r.arp_flags = ATF_PERM | ATF_COM;
	for (int i = 2; i < argc; i++) {
		if (!strcmp(argv[i], "temp"))
			r.arp_flags &= ~ATF_PERM;
		else if (!strcmp(argv[i], "-i") && i + 1 < argc)
			strncpy(r.arp_dev, argv[++i], sizeof(r.arp_dev) - 1);
		else
			usage();
	}
	return arp_ioctl(SIOCSARP, &r, "SIOCSARP") ? 1 : 0;
}

static int arp_del(int argc, char **argv)
{
	struct arpreq r;

	if (argc != 1)
		usage();
	if (arpreq_init(&r, argv[0]))
		return 1;
	return arp_ioctl(SIOCDARP, &r, "SIOCDARP") ? 1 : 0;
}

int main(int argc, char **argv)
{
	int i = 1;

	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "-n") || !strcmp(argv[i], "-a") ||
		    !strcmp(argv[i], "-e") || !strcmp(argv[i], "-v"))
			continue;
		if (!strcmp(argv[i], "-i") && i + 1 < argc) {
			device = argv[++i];
			continue;
		}
		if (!strcmp(argv[i], "-s"))
			return arp_set(argc - i - 1, argv + i + 1);
		if (!strcmp(argv[i], "-d"))
			return arp_del(argc - i - 1, argv + i + 1);
		usage();
	}
	if (i != argc)
		usage();
	return arp_show();
}
