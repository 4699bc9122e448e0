/*
 * netdevtest - the interface ioctls' answers to bad arguments, checked
 * from user space: bad pointers (EFAULT), unknown devices (ENODEV), bad
 * values (EINVAL), unknown requests (ENOTTY). One "ok NAME" / "FAIL NAME"
 * line each, then "netdevtest: N failed"; exit status 1 if any failed.
 *
 *   netdevtest IFACE      IFACE is an existing interface (lo works)
 *
 * The same program runs on the host against Linux (tests/host) and in the
 * guest against rxos (tests/integration/test_nettools.py): the errnos are
 * Linux's, so both must print only "ok" lines. Nothing here can succeed
 * in changing an interface (only reads and refused sets), so running it on
 * the host is harmless.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <linux/ethtool.h>
#include <linux/sockios.h>
#include <net/if.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/socket.h>

static int failed, fd;
static const char *ifname;

static void expect(const char *name, int ret, int want_errno)
{
	int e = ret < 0 ? errno : 0;

	if ((want_errno && ret == -1 && e == want_errno) ||
	    (!want_errno && ret >= 0)) {
		printf("ok %s\n", name);
		return;
	}
	failed++;
	printf("FAIL %s: ret %d errno %d (%s), want %d\n", name, ret, e,
	       strerror(e), want_errno);
}

static struct ifreq req(const char *name)
{
	struct ifreq ifr;

	memset(&ifr, 0, sizeof(ifr));
	strncpy(ifr.ifr_name, name, IFNAMSIZ - 1);
	return ifr;
}

/* Two pages, the second unmapped: a struct placed at the end of the first
 * has its start readable and whatever lies past the page boundary not. */
static char *page_before_hole(void)
{
	long pg = sysconf(_SC_PAGESIZE) > 0 ? sysconf(_SC_PAGESIZE) : 4096;
	char *p = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		return NULL;
	munmap(p + pg, pg);
	return p + pg;
}

static void bad_pointers(void)
{
	struct ifreq ifr = req(ifname);
	struct ifconf ifc;
	char *hole = page_before_hole();

	expect("gifflags_null", ioctl(fd, SIOCGIFFLAGS, NULL), EFAULT);
	expect("gifflags_kernel_address",
	       ioctl(fd, SIOCGIFFLAGS, (void *)0xc0001000UL), EFAULT);
	expect("sifmtu_null", ioctl(fd, SIOCSIFMTU, NULL), EFAULT);
	ifr.ifr_data = NULL;
	expect("ethtool_data_null", ioctl(fd, SIOCETHTOOL, &ifr), EFAULT);
	ifr.ifr_data = (void *)0xc0001000UL;
	expect("ethtool_data_kernel_address", ioctl(fd, SIOCETHTOOL, &ifr),
	       EFAULT);
	if (hole) {
		/* the command word fits before the hole, the struct does not */
		uint32_t *cmd = (uint32_t *)(hole - sizeof(uint32_t));

		*cmd = ETHTOOL_GLINK;
		ifr.ifr_data = (void *)cmd;
		expect("ethtool_struct_crosses_into_hole",
		       ioctl(fd, SIOCETHTOOL, &ifr), EFAULT);
		expect("gifflags_ifreq_crosses_into_hole",
		       ioctl(fd, SIOCGIFFLAGS, hole - 8), EFAULT);
	}
	memset(&ifc, 0, sizeof(ifc));
	ifc.ifc_len = 1024;
	ifc.ifc_buf = (void *)0xc0001000UL;
	expect("gifconf_kernel_buffer", ioctl(fd, SIOCGIFCONF, &ifc), EFAULT);
	expect("gifconf_null", ioctl(fd, SIOCGIFCONF, NULL), EFAULT);
}

static void bad_values(void)
{
	struct ifreq ifr = req("nosuchif9");
	struct ethtool_value v = { .cmd = ETHTOOL_GLINK };

	expect("gifflags_no_device", ioctl(fd, SIOCGIFFLAGS, &ifr), ENODEV);
	expect("gifmtu_no_device", ioctl(fd, SIOCGIFMTU, &ifr), ENODEV);
	ifr.ifr_data = (void *)&v;
	expect("ethtool_no_device", ioctl(fd, SIOCETHTOOL, &ifr), ENODEV);
	ifr = req("");
	ifr.ifr_ifindex = 99999;
	expect("gifname_no_index", ioctl(fd, SIOCGIFNAME, &ifr), ENODEV);
	ifr = req(ifname);
	ifr.ifr_mtu = -1;
	expect("sifmtu_negative", ioctl(fd, SIOCSIFMTU, &ifr), EINVAL);
	expect("tty_request_on_socket", ioctl(fd, 0x5401 /* TCGETS */, &ifr),
	       ENOTTY);
	v.cmd = 0x7fff;
	ifr.ifr_data = (void *)&v;
	expect("ethtool_unknown_command", ioctl(fd, SIOCETHTOOL, &ifr),
	       EOPNOTSUPP);
	/* and good calls still work afterwards */
	ifr = req(ifname);
	expect("gifflags_after", ioctl(fd, SIOCGIFFLAGS, &ifr), 0);
	ifr.ifr_data = (void *)&v;
	v.cmd = ETHTOOL_GLINK;
	expect("ethtool_glink_after", ioctl(fd, SIOCETHTOOL, &ifr), 0);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: netdevtest IFACE\n");
		return 2;
	}
	ifname = argv[1];
	fd = socket(AF_INET, SOCK_DGRAM, 0);
	if (fd < 0) {
		perror("socket");
		return 1;
	}
	bad_pointers();
	bad_values();
	printf("netdevtest: %d failed\n", failed);
	close(fd);
	return failed ? 1 : 0;
}
