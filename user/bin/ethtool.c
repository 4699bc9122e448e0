/*
 * ethtool - query and change NIC settings through the SIOCETHTOOL ioctl
 * (the ioctl path of ethtool 5.x/6.x: ethtool.c; the kernel side is
 * net/ethtool/ioctl.c).
 *
 *   ethtool eth0                          link settings, Link detected
 *   ethtool -i eth0                       driver, version, bus-info
 *   ethtool -c eth0                       interrupt coalescing
 *   ethtool -C eth0 rx-usecs N rx-frames N ...
 *   ethtool -g eth0                       ring sizes
 *   ethtool -S eth0                       the driver's statistics
 *
 * Every request is one ioctl(fd, SIOCETHTOOL, &ifr) with ifr.ifr_data
 * pointing at a struct whose first u32 is the ETHTOOL_* command. Output
 * and exit codes follow ethtool's ioctl code path (the netlink one prints
 * "n/a" for parameters a driver lacks; over the ioctl they read 0).
 */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/ethtool.h>
#include <linux/sockios.h>
#include <net/if.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

static int skfd = -1;
static const char *devname;

static void __attribute__((noreturn)) exit_bad_args(void)
{
	fprintf(stderr, "ethtool: bad command line argument(s)\n"
			"For more information run ethtool -h\n");
	exit(1);
}

/* One SIOCETHTOOL request on devname; -1 with errno set on failure. */
static int send_ioctl(void *cmd)
{
	struct ifreq ifr;

	memset(&ifr, 0, sizeof(ifr));
	strncpy(ifr.ifr_name, devname, IFNAMSIZ - 1);
	ifr.ifr_data = cmd;
	return ioctl(skfd, SIOCETHTOOL, &ifr);
}

/* ---- ethtool DEVNAME ------------------------------------------------------ */

static const struct {
	uint32_t bit;
	int speed;
	const char *name;
} link_modes[] = {
	{ SUPPORTED_10baseT_Half, 10, "10baseT/Half" },
	{ SUPPORTED_10baseT_Full, 10, "10baseT/Full" },
	{ SUPPORTED_100baseT_Half, 100, "100baseT/Half" },
	{ SUPPORTED_100baseT_Full, 100, "100baseT/Full" },
	{ SUPPORTED_1000baseT_Half, 1000, "1000baseT/Half" },
	{ SUPPORTED_1000baseT_Full, 1000, "1000baseT/Full" },
};
#define N_LINK_MODES (sizeof(link_modes) / sizeof(link_modes[0]))

/* "\tSupported link modes:   10baseT/Half 10baseT/Full", a line per speed. */
static void dump_link_modes(const char *prefix, uint32_t mask)
{
	int last_speed = -1;

	printf("\t%s link modes:%*s", prefix, (int)(12 - strlen(prefix)), "");
	for (size_t i = 0; i < N_LINK_MODES; i++) {
		if (!(mask & link_modes[i].bit))
			continue;
		if (last_speed != -1 && link_modes[i].speed != last_speed)
			printf("\n\t                        ");
		else if (last_speed != -1)
			printf(" ");
		printf("%s", link_modes[i].name);
		last_speed = link_modes[i].speed;
	}
	printf("%s\n", last_speed == -1 ? "Not reported" : "");
}

static const char *port_name(int port)
{
	switch (port) {
	case PORT_TP: return "Twisted Pair";
	case PORT_MII: return "MII";
	default: return "Other";
	}
}

static void dump_settings(const struct ethtool_cmd *ecmd)
{
	uint32_t speed = ecmd->speed | (uint32_t)ecmd->speed_hi << 16;

	printf("\tSupported ports: [ %s%s]\n",
	       (ecmd->supported & SUPPORTED_TP) ? "TP " : "",
	       (ecmd->supported & SUPPORTED_MII) ? "MII " : "");
	dump_link_modes("Supported", ecmd->supported);
	printf("\tSupports auto-negotiation: %s\n",
	       (ecmd->supported & SUPPORTED_Autoneg) ? "Yes" : "No");
	dump_link_modes("Advertised", ecmd->advertising);
	printf("\tAdvertised auto-negotiation: %s\n",
	       (ecmd->advertising & SUPPORTED_Autoneg) ? "Yes" : "No");
	if (speed == 0 || speed == (uint16_t)SPEED_UNKNOWN ||
	    speed == (uint32_t)SPEED_UNKNOWN)
		printf("\tSpeed: Unknown!\n");
	else
		printf("\tSpeed: %uMb/s\n", speed);
	if (ecmd->duplex == DUPLEX_FULL)
		printf("\tDuplex: Full\n");
	else if (ecmd->duplex == DUPLEX_HALF)
		printf("\tDuplex: Half\n");
	else
		printf("\tDuplex: Unknown! (%d)\n", ecmd->duplex);
	printf("\tPort: %s\n", port_name(ecmd->port));
	printf("\tPHYAD: %d\n", ecmd->phy_address);
	printf("\tTransceiver: %s\n",
	       ecmd->transceiver == XCVR_INTERNAL ? "internal" : "external");
	printf("\tAuto-negotiation: %s\n",
	       ecmd->autoneg == AUTONEG_DISABLE ? "off" : "on");
}

/* Exit 75 if nothing could be read, as ethtool's do_gset. */
static int do_gset(void)
{
	struct ethtool_cmd ecmd = { .cmd = ETHTOOL_GSET };
	struct ethtool_value edata = { .cmd = ETHTOOL_GLINK };
	int got = 0;

	printf("Settings for %s:\n", devname);
	if (send_ioctl(&ecmd) == 0) {
		dump_settings(&ecmd);
		got = 1;
	} else if (errno != EOPNOTSUPP) {
		perror("Cannot get device settings");
	}
	if (send_ioctl(&edata) == 0) {
		printf("\tLink detected: %s\n", edata.data ? "yes" : "no");
		got = 1;
	} else if (errno != EOPNOTSUPP) {
		perror("Cannot get link status");
	}
	if (!got) {
		printf("No data available\n");
		return 75;
	}
	return 0;
}

/* ---- -i ---------------------------------------------------------------------- */

static int do_gdrv(void)
{
	struct ethtool_drvinfo info = { .cmd = ETHTOOL_GDRVINFO };

	if (send_ioctl(&info) < 0) {
		perror("Cannot get driver information");
		return 71;
	}
	printf("driver: %.*s\n", (int)sizeof(info.driver), info.driver);
	printf("version: %.*s\n", (int)sizeof(info.version), info.version);
	printf("firmware-version: %.*s\n", (int)sizeof(info.fw_version),
	       info.fw_version);
	printf("expansion-rom-version: %.*s\n", (int)sizeof(info.erom_version),
	       info.erom_version);
	printf("bus-info: %.*s\n", (int)sizeof(info.bus_info), info.bus_info);
	printf("supports-statistics: %s\n", info.n_stats ? "yes" : "no");
	printf("supports-test: %s\n", info.testinfo_len ? "yes" : "no");
	printf("supports-eeprom-access: %s\n", info.eedump_len ? "yes" : "no");
	printf("supports-register-dump: %s\n", info.regdump_len ? "yes" : "no");
	printf("supports-priv-flags: %s\n", info.n_priv_flags ? "yes" : "no");
	return 0;
}

/* ---- -c / -C ------------------------------------------------------------------- */

static void dump_coalesce(const struct ethtool_coalesce *c)
{
	printf("Adaptive RX: %s  TX: %s\n",
	       c->use_adaptive_rx_coalesce ? "on" : "off",
	       c->use_adaptive_tx_coalesce ? "on" : "off");
	printf("stats-block-usecs: %u\nsample-interval: %u\n"
	       "pkt-rate-low: %u\npkt-rate-high: %u\n\n",
	       c->stats_block_coalesce_usecs, c->rate_sample_interval,
	       c->pkt_rate_low, c->pkt_rate_high);
	printf("rx-usecs: %u\nrx-frames: %u\nrx-usecs-irq: %u\n"
	       "rx-frames-irq: %u\n\n",
	       c->rx_coalesce_usecs, c->rx_max_coalesced_frames,
	       c->rx_coalesce_usecs_irq, c->rx_max_coalesced_frames_irq);
	printf("tx-usecs: %u\ntx-frames: %u\ntx-usecs-irq: %u\n"
	       "tx-frames-irq: %u\n\n",
	       c->tx_coalesce_usecs, c->tx_max_coalesced_frames,
	       c->tx_coalesce_usecs_irq, c->tx_max_coalesced_frames_irq);
	printf("rx-usecs-low: %u\nrx-frames-low: %u\ntx-usecs-low: %u\n"
	       "tx-frames-low: %u\n\n",
	       c->rx_coalesce_usecs_low, c->rx_max_coalesced_frames_low,
	       c->tx_coalesce_usecs_low, c->tx_max_coalesced_frames_low);
	printf("rx-usecs-high: %u\nrx-frames-high: %u\ntx-usecs-high: %u\n"
	       "tx-frames-high: %u\n\n",
	       c->rx_coalesce_usecs_high, c->rx_max_coalesced_frames_high,
	       c->tx_coalesce_usecs_high, c->tx_max_coalesced_frames_high);
}

static int do_gcoalesce(void)
{
	struct ethtool_coalesce ecoal = { .cmd = ETHTOOL_GCOALESCE };

	printf("Coalesce parameters for %s:\n", devname);
	if (send_ioctl(&ecoal) < 0) {
		perror("Cannot get device coalesce settings");
		return 82;
	}
	dump_coalesce(&ecoal);
	return 0;
}

/* The -C keywords and the field each sets. */
#define COAL(name, field) { name, offsetof(struct ethtool_coalesce, field) }
static const struct {
	const char *name;
	size_t off;
} coalesce_args[] = {
	COAL("rx-usecs", rx_coalesce_usecs),
	COAL("rx-frames", rx_max_coalesced_frames),
	COAL("rx-usecs-irq", rx_coalesce_usecs_irq),
	COAL("rx-frames-irq", rx_max_coalesced_frames_irq),
	COAL("tx-usecs", tx_coalesce_usecs),
	COAL("tx-frames", tx_max_coalesced_frames),
	COAL("tx-usecs-irq", tx_coalesce_usecs_irq),
	COAL("tx-frames-irq", tx_max_coalesced_frames_irq),
	COAL("stats-block-usecs", stats_block_coalesce_usecs),
	COAL("pkt-rate-low", pkt_rate_low),
	COAL("rx-usecs-low", rx_coalesce_usecs_low),
	COAL("rx-frames-low", rx_max_coalesced_frames_low),
	COAL("tx-usecs-low", tx_coalesce_usecs_low),
	COAL("tx-frames-low", tx_max_coalesced_frames_low),
	COAL("pkt-rate-high", pkt_rate_high),
	COAL("rx-usecs-high", rx_coalesce_usecs_high),
	COAL("rx-frames-high", rx_max_coalesced_frames_high),
	COAL("tx-usecs-high", tx_coalesce_usecs_high),
	COAL("tx-frames-high", tx_max_coalesced_frames_high),
	COAL("sample-interval", rate_sample_interval),
};
#define N_COAL (sizeof(coalesce_args) / sizeof(coalesce_args[0]))

/* A u32 argument: decimal or 0x hex, the whole string. */
static uint32_t get_u32(const char *s)
{
	unsigned long long v;
	char *end;

	if (!s || !*s || *s == '-')
		exit_bad_args();
	errno = 0;
	v = strtoull(s, &end, 0);
	if (*end || errno || v > 0xffffffffULL)
		exit_bad_args();
	return (uint32_t)v;
}

/* Apply "name value" pairs to ecoal; returns how many fields changed. */
static int parse_coalesce(struct ethtool_coalesce *ecoal, char **argv)
{
	int changed = 0;

	for (; *argv; argv += 2) {
		size_t i;

		for (i = 0; i < N_COAL; i++)
			if (!strcmp(*argv, coalesce_args[i].name))
				break;
		if (i == N_COAL) {
			if (!strcmp(*argv, "adaptive-rx") ||
			    !strcmp(*argv, "adaptive-tx"))
				;
			else
				exit_bad_args();
		}
		if (!argv[1])
			exit_bad_args();
		if (i == N_COAL) {
			uint32_t *f = !strcmp(*argv, "adaptive-rx") ?
					      &ecoal->use_adaptive_rx_coalesce :
					      &ecoal->use_adaptive_tx_coalesce;
			uint32_t v;

			if (!strcmp(argv[1], "on"))
				v = 1;
			else if (!strcmp(argv[1], "off"))
				v = 0;
			else
				exit_bad_args();
			changed += *f != v;
			*f = v;
			continue;
		}
		uint32_t v = get_u32(argv[1]);
		uint32_t *f = (uint32_t *)((char *)ecoal + coalesce_args[i].off);

		changed += *f != v;
		*f = v;
	}
	return changed;
}

static int do_scoalesce(char **argv)
{
	struct ethtool_coalesce ecoal = { .cmd = ETHTOOL_GCOALESCE };
	struct ethtool_coalesce scratch;

	if (!*argv)
		exit_bad_args();
	parse_coalesce(&scratch, argv); /* bad arguments first, as ethtool */
	if (send_ioctl(&ecoal) < 0) {
		perror("Cannot get device coalesce settings");
		return 76;
	}
	if (!parse_coalesce(&ecoal, argv)) {
		fprintf(stderr, "no coalesce parameters changed, aborting\n");
		return 80;
	}
	ecoal.cmd = ETHTOOL_SCOALESCE;
	if (send_ioctl(&ecoal) < 0) {
		perror("Cannot set device coalesce parameters");
		return 81;
	}
	return 0;
}

/* ---- -g ------------------------------------------------------------------------ */

static int do_gring(void)
{
	struct ethtool_ringparam r = { .cmd = ETHTOOL_GRINGPARAM };

	printf("Ring parameters for %s:\n", devname);
	if (send_ioctl(&r) < 0) {
		perror("Cannot get device ring settings");
		return 76;
	}
	printf("Pre-set maximums:\nRX:\t\t%u\nRX Mini:\t%u\nRX Jumbo:\t%u\n"
	       "TX:\t\t%u\n",
	       r.rx_max_pending, r.rx_mini_max_pending, r.rx_jumbo_max_pending,
	       r.tx_max_pending);
	printf("Current hardware settings:\nRX:\t\t%u\nRX Mini:\t%u\n"
	       "RX Jumbo:\t%u\nTX:\t\t%u\n\n",
	       r.rx_pending, r.rx_mini_pending, r.rx_jumbo_pending,
	       r.tx_pending);
	return 0;
}

/* ---- -S ------------------------------------------------------------------------ */

/* How many ETH_SS_STATS strings the driver has, or -1 (errno set). */
static int get_stats_count(void)
{
	struct {
		struct ethtool_sset_info hdr;
		uint32_t buf[1];
	} sset;

	memset(&sset, 0, sizeof(sset));
	sset.hdr.cmd = ETHTOOL_GSSET_INFO;
	sset.hdr.sset_mask = 1ULL << ETH_SS_STATS;
	if (send_ioctl(&sset) < 0)
		return -1;
	if (!(sset.hdr.sset_mask & (1ULL << ETH_SS_STATS))) {
		errno = EOPNOTSUPP;
		return -1;
	}
	return (int)sset.hdr.data[0];
}

static int do_gnicstats(void)
{
	struct ethtool_gstrings *strings;
	struct ethtool_stats *stats;
	int n = get_stats_count();

	if (n < 0) {
		perror("Cannot get stats strings information");
		return 96;
	}
	strings = calloc(1, sizeof(*strings) + (size_t)n * ETH_GSTRING_LEN);
	stats = calloc(1, sizeof(*stats) + (size_t)n * sizeof(uint64_t));
	if (!strings || !stats) {
		perror("Cannot allocate memory for statistics");
		return 95;
	}
	strings->cmd = ETHTOOL_GSTRINGS;
	strings->string_set = ETH_SS_STATS;
	strings->len = n;
	stats->cmd = ETHTOOL_GSTATS;
	stats->n_stats = n;
	if (send_ioctl(strings) < 0 || send_ioctl(stats) < 0) {
		perror("Cannot get stats information");
		return 97;
	}
	if (strings->len != (uint32_t)n || stats->n_stats != (uint32_t)n) {
		fprintf(stderr, "driver changed the number of statistics\n");
		return 97;
	}
	printf("NIC statistics:\n");
	for (int i = 0; i < n; i++)
		printf("     %.*s: %llu\n", ETH_GSTRING_LEN,
		       (const char *)&strings->data[i * ETH_GSTRING_LEN],
		       (unsigned long long)stats->data[i]);
	free(strings);
	free(stats);
	return 0;
}

/* ---- main ------------------------------------------------------------------------ */

static void usage(void)
{
	printf("ethtool version 6.1 (rxos)\n"
	       "Usage:\n"
	       "        ethtool DEVNAME\tDisplay standard information about device\n"
	       "        ethtool -i|--driver DEVNAME\tShow driver information\n"
	       "        ethtool -c|--show-coalesce DEVNAME\tShow coalesce options\n"
	       "        ethtool -C|--coalesce DEVNAME\tSet coalesce options\n"
	       "                [rx-usecs N] [rx-frames N] [tx-usecs N] [tx-frames N] ...\n"
	       "        ethtool -g|--show-ring DEVNAME\tQuery RX/TX ring parameters\n"
	       "        ethtool -S|--statistics DEVNAME\tShow adapter statistics\n"
	       "        ethtool -h|--help\tShow this help\n");
}

static int is_opt(const char *a, const char *s, const char *l)
{
	return !strcmp(a, s) || !strcmp(a, l);
}

int main(int argc, char **argv)
{
	const char *opt = NULL;
	int ret;

	if (argc < 2)
		exit_bad_args();
	if (is_opt(argv[1], "-h", "--help")) {
		usage();
		return 0;
	}
	if (argv[1][0] == '-') {
		opt = argv[1];
		argv++;
		argc--;
	}
	if (argc < 2 || !argv[1][0] || strlen(argv[1]) >= IFNAMSIZ) {
		if (argc >= 2 && argv[1][0])
			fprintf(stderr, "ethtool: device names must be less than %d characters\n",
				IFNAMSIZ);
		exit_bad_args();
	}
	devname = argv[1];
	skfd = socket(AF_INET, SOCK_DGRAM, 0);
	if (skfd < 0) {
		perror("Cannot get control socket");
		return 70;
	}
	if (!opt)
		ret = argc == 2 ? do_gset() : (exit_bad_args(), 1);
	else if (is_opt(opt, "-C", "--coalesce"))
		ret = do_scoalesce(argv + 2);
	else if (argc != 2)
		exit_bad_args();
	else if (is_opt(opt, "-i", "--driver"))
		ret = do_gdrv();
	else if (is_opt(opt, "-c", "--show-coalesce"))
		ret = do_gcoalesce();
	else if (is_opt(opt, "-g", "--show-ring"))
		ret = do_gring();
	else if (is_opt(opt, "-S", "--statistics"))
		ret = do_gnicstats();
	else
		exit_bad_args();
	close(skfd);
	return ret;
}
