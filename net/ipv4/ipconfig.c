/*
 * ipconfig.c - parse ip= from the kernel command line (Linux:
 * net/ipv4/ipconfig.c, ip_auto_config_setup()).
 *
 * Parsing: parse_boot_command_line() calls ip_auto_config_setup through
 * __setup, in process context before interrupts are on. Applying:
 * inet_init() calls ip_auto_config once the NICs are registered. A malformed value is logged and ignored: the
 * machine boots without network configuration rather than not at all.
 * Linux also runs DHCP/BOOTP/RARP here when autoconf asks for it; rxos keeps
 * the field but only does static configuration.
 */
#include "net/ipv4/ipconfig.h"
#include "kernel/errno.h"
#include "kernel/params.h"
#include "kernel/printk.h"
#include "lib/string.h"
#include "net/core/netdevice.h"
#include "net/ipv4/inetdevice.h"
#include "net/ipv4/route.h"

struct ic_config ic_config;

int ic_parse_addr(const char *s, int len, uint32_t *addr)
{
	uint32_t a = 0;
	int part = 0, digits = 0, val = 0;

	for (int i = 0; i <= len; i++) {
		char c = i < len ? s[i] : '.';

		if (c >= '0' && c <= '9') {
			val = val * 10 + (c - '0');
			if (++digits > 3 || val > 255)
				return -EINVAL;
		} else if (c == '.' && digits) {
			a |= (uint32_t)val
			     << (8 * part); /* network order in memory */
			if (++part > 4)
				return -EINVAL;
			val = digits = 0;
		} else {
			return -EINVAL;
		}
	}
	if (part != 4)
		return -EINVAL;
	*addr = a;
	return 0;
}

/* An address field: empty means "not given". */
static int parse_addr_field(const char *s, int len, uint32_t *addr)
{
	if (len == 0) {
		*addr = 0;
		return 0;
	}
	return ic_parse_addr(s, len, addr);
}

static int parse_text_field(const char *s, int len, char *out, int size)
{
	if (len >= size)
		return -EINVAL;
	memcpy(out, s, len);
	out[len] = '\0';
	return 0;
}

static const char *const field_names[] = {
	"client-ip", "server-ip", "gw-ip",    "netmask",
	"hostname",  "device",	  "autoconf",
};

static int parse_field(int idx, const char *s, int len, struct ic_config *c)
{
	switch (idx) {
	case 0:
		return parse_addr_field(s, len, &c->myaddr);
	case 1:
		return parse_addr_field(s, len, &c->servaddr);
	case 2:
		return parse_addr_field(s, len, &c->gateway);
	case 3:
		return parse_addr_field(s, len, &c->netmask);
	case 4:
		return parse_text_field(s, len, c->hostname,
					sizeof(c->hostname));
	case 5:
		return parse_text_field(s, len, c->device, sizeof(c->device));
	case 6:
		return parse_text_field(s, len, c->autoconf,
					sizeof(c->autoconf));
	default:
		return 0; /* dns0, dns1, ntp: accepted, not used */
	}
}

int ic_parse(const char *val, struct ic_config *c, const char **why)
{
	int idx = 0;

	memset(c, 0, sizeof(*c));
	c->present = 1;
	if (!strcmp(val, "off") || !strcmp(val, "none")) {
		c->off = 1;
		return 0;
	}
	for (const char *p = val;; idx++) {
		const char *colon = strchr(p, ':');
		int len = colon ? (int)(colon - p) : (int)strlen(p);

		if (parse_field(idx, p, len, c)) {
			*why = field_names[idx];
			memset(c, 0, sizeof(*c));
			return -EINVAL;
		}
		if (!colon)
			return 0;
		p = colon + 1;
	}
}

static int __init ip_auto_config_setup(char *val)
{
	const char *why = "";

	if (ic_parse(val, &ic_config, &why)) {
		pr_warn("IP-Config: ip=%s: bad %s, ignored\n", val, why);
		return -1;
	}
	return 0;
}
__setup("ip=", ip_auto_config_setup);

/* ---- applying it (Linux: ip_auto_config, a late_initcall) ---- */

/* The named device, else the first that is not loopback (ic_open_devs). */
static struct net_device *ic_find_dev(const char *name)
{
	struct net_device *dev;

	if (name[0])
		return __dev_get_by_name(name);
	for_each_netdev(dev)
		if (!(dev->flags & IFF_LOOPBACK))
			return dev;
	return NULL;
}

/* The default route via gw (Linux: ic_setup_routes, through ip_rt_ioctl). */
static int ic_setup_routes(struct net_device *dev, __be32 gw)
{
	struct fib_config cfg = {
		.fc_type = RTN_UNICAST,
		.fc_table = RT_TABLE_MAIN,
		.fc_scope = RT_SCOPE_UNIVERSE,
		.fc_gw = gw,
		.fc_dev = dev,
	};
	struct fib_result res;

	/* Linux: "IP-Config: Gateway not on directly connected network" */
	if (fib_table_lookup(RT_TABLE_MAIN, gw, &res) || res.fe->fe_gw) {
		pr_err("IP-Config: Gateway not on directly connected network\n");
		return -ENETUNREACH;
	}
	return fib_table_insert(&cfg);
}

static void ic_print(struct net_device *dev, const struct ic_config *c,
		     __be32 mask)
{
	const unsigned char *a = dev->dev_addr;

	pr_info("IP-Config: Complete:\n");
	pr_info("     device=%s, hwaddr=%02x:%02x:%02x:%02x:%02x:%02x, ipaddr=" NIPQUAD_FMT
		", mask=" NIPQUAD_FMT ", gw=" NIPQUAD_FMT "\n",
		dev->name, a[0], a[1], a[2], a[3], a[4], a[5],
		NIPQUAD(c->myaddr), NIPQUAD(mask), NIPQUAD(c->gateway));
	pr_info("     host=%s, domain=, nis-domain=(none)\n",
		c->hostname[0] ? c->hostname : "(none)");
	pr_info("     bootserver=" NIPQUAD_FMT ", rootserver=" NIPQUAD_FMT
		", rootpath=\n",
		NIPQUAD(c->servaddr), NIPQUAD(c->servaddr));
}

int ip_auto_config(void)
{
	struct ic_config *c = &ic_config;
	struct net_device *dev;
	__be32 mask;
	int err;

	if (!c->present || c->off || !c->myaddr)
		return 0;
	dev = ic_find_dev(c->device);
	if (!dev) {
		pr_err("IP-Config: Device `%s' not found\n", c->device);
		return -ENODEV;
	}
	err = dev_open(dev);
	mask = c->netmask ? c->netmask :
			    inet_make_mask(inet_abc_len(c->myaddr));
	if (!err)
		err = devinet_add_addr(dev, c->myaddr, mask);
	if (!err && c->gateway)
		err = ic_setup_routes(dev, c->gateway);
	if (err) {
		pr_err("IP-Config: Failed to configure %s (error %d)\n",
		       dev->name, err);
		return err;
	}
	ic_print(dev, c, mask);
	return 0;
}
