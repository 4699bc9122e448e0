/* net/if_arp.h - rxos user libc: hardware types (Linux's
 * include/uapi/linux/if_arp.h). */
#ifndef _RXOS_NET_IF_ARP_H
#define _RXOS_NET_IF_ARP_H

#include <sys/socket.h>

#define ARPHRD_ETHER 1
#define ARPHRD_LOOPBACK 772
#define ARPHRD_NONE 0xFFFE

/* SIOCSARP/SIOCGARP/SIOCDARP (arp -s, arp -d) */
struct arpreq {
	struct sockaddr arp_pa;	     /* protocol address */
	struct sockaddr arp_ha;	     /* hardware address */
	int arp_flags;
	struct sockaddr arp_netmask; /* proxy ARP only */
	char arp_dev[16];
};

#define ATF_COM 0x02	     /* completed entry */
#define ATF_PERM 0x04	     /* permanent entry */
#define ATF_PUBL 0x08	     /* publish (proxy ARP) */
#define ATF_USETRAILERS 0x10
#define ATF_NETMASK 0x20
#define ATF_DONTPUB 0x40

#endif
