/*
 * ipconfig.h - the kernel's ip= boot parameter (Linux: net/ipv4/ipconfig.c,
 * Documentation/admin-guide/nfs/nfsroot.rst).
 *
 *   ip=<client-ip>:<server-ip>:<gw-ip>:<netmask>:<hostname>:<device>:<autoconf>
 *
 * Every field may be empty; trailing fields may be left out. "ip=off" and
 * "ip=none" turn configuration off. Addresses are kept in network byte order
 * (as __be32 in Linux). The parse happens at command-line time; the network
 * code applies the result once the device exists.
 */
#ifndef RXOS_NET_IPV4_IPCONFIG_H
#define RXOS_NET_IPV4_IPCONFIG_H

#include <stdint.h>

struct ic_config {
	int present;		/* an ip= was given and parsed */
	int off;		/* ip=off / ip=none */
	uint32_t myaddr;	/* client-ip, network order; 0 = none */
	uint32_t servaddr;
	uint32_t gateway;
	uint32_t netmask;
	char hostname[65];
	char device[16];
	char autoconf[16];	/* "off", "none", "dhcp", ... (kept, not acted on) */
};

extern struct ic_config ic_config;

/*
 * Parse an ip= value into *c. Returns 0, or -EINVAL with *why naming the
 * field that was wrong ("client-ip", "netmask", ...). *c is zeroed first.
 */
int ic_parse(const char *val, struct ic_config *c, const char **why);
/* "a.b.c.d" -> network-order address; 0 on success, -EINVAL otherwise. */
int ic_parse_addr(const char *s, int len, uint32_t *addr);

/*
 * Apply ic_config at boot (inet_init calls it, process context): bring
 * the device up, give it the address and netmask, add the default route
 * via the gateway, log "IP-Config: Complete:". Nothing without ip=.
 * Returns 0, or -ENODEV / the first error (logged).
 */
int ip_auto_config(void);

#endif
