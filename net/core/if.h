/*
 * if.h - the interface ioctls: struct ifreq, struct ifconf, struct rtentry
 * and the SIOC* numbers (Linux: include/uapi/linux/if.h, sockios.h,
 * route.h).
 *
 * ifconfig, route, arp and ethtool talk to the kernel through ioctl() on
 * any socket: socket(AF_INET, SOCK_DGRAM, 0), then e.g.
 *
 *     struct ifreq ifr = { .ifr_name = "eth0" };
 *     ioctl(fd, SIOCGIFFLAGS, &ifr);      -> ifr.ifr_flags
 *
 * The layouts are the i386 ABI's (struct ifreq is 32 bytes), so a Linux
 * binary's ioctl means the same here. The kernel copies the whole struct in,
 * acts, and copies it back out (sock_ioctl -> dev_ioctl / devinet_ioctl).
 */
#ifndef RXOS_NET_CORE_IF_H
#define RXOS_NET_CORE_IF_H

#include "net/core/socket.h"

#ifndef IFNAMSIZ
#define IFNAMSIZ 16
#endif

/* SIOCGIFMAP: the device's hardware resources (ifconfig prints them). */
struct ifmap {
	unsigned long mem_start;
	unsigned long mem_end;
	unsigned short base_addr;
	unsigned char irq;
	unsigned char dma;
	unsigned char port;
};

struct ifreq {
	char ifr_name[IFNAMSIZ]; /* "eth0" */
	union {
		struct sockaddr ifru_addr;
		struct sockaddr ifru_dstaddr;
		struct sockaddr ifru_broadaddr;
		struct sockaddr ifru_netmask;
		struct sockaddr ifru_hwaddr; /* sa_family = ARPHRD_ETHER */
		short ifru_flags;
		int ifru_ivalue;
		int ifru_mtu;
		struct ifmap ifru_map;
		char ifru_slave[IFNAMSIZ];
		char ifru_newname[IFNAMSIZ];
		void *ifru_data; /* user pointer: SIOCETHTOOL's argument */
	} ifr_ifru;
};

#define ifr_addr ifr_ifru.ifru_addr
#define ifr_dstaddr ifr_ifru.ifru_dstaddr
#define ifr_broadaddr ifr_ifru.ifru_broadaddr
#define ifr_netmask ifr_ifru.ifru_netmask
#define ifr_hwaddr ifr_ifru.ifru_hwaddr
#define ifr_flags ifr_ifru.ifru_flags
#define ifr_ifindex ifr_ifru.ifru_ivalue
#define ifr_metric ifr_ifru.ifru_ivalue
#define ifr_qlen ifr_ifru.ifru_ivalue
#define ifr_mtu ifr_ifru.ifru_mtu
#define ifr_map ifr_ifru.ifru_map
#define ifr_newname ifr_ifru.ifru_newname
#define ifr_data ifr_ifru.ifru_data

/* SIOCGIFCONF: one ifreq (name + address) per configured IPv4 address. */
struct ifconf {
	int ifc_len; /* in: buffer size; out: bytes used */
	union {
		char *ifcu_buf; /* user pointer */
		struct ifreq *ifcu_req;
	} ifc_ifcu;
};
#define ifc_buf ifc_ifcu.ifcu_buf
#define ifc_req ifc_ifcu.ifcu_req

/* SIOCADDRT/SIOCDELRT: the old route interface that `route add` uses. */
struct rtentry {
	unsigned long rt_pad1;
	struct sockaddr rt_dst;	    /* target address */
	struct sockaddr rt_gateway; /* gateway (RTF_GATEWAY) */
	struct sockaddr rt_genmask; /* netmask */
	unsigned short rt_flags;    /* RTF_* */
	short rt_pad2;
	unsigned long rt_pad3;
	void *rt_pad4;
	short rt_metric; /* +1 for binary compatibility, as Linux */
	char *rt_dev;	 /* user pointer to a device name, or NULL */
	unsigned long rt_mtu;
	unsigned long rt_window;
	unsigned short rt_irtt;
};

#define RTF_UP 0x0001
#define RTF_GATEWAY 0x0002
#define RTF_HOST 0x0004
#define RTF_REINSTATE 0x0008
#define RTF_DYNAMIC 0x0010
#define RTF_MODIFIED 0x0020
#define RTF_MTU 0x0040
#define RTF_REJECT 0x0200

/* Socket ioctls, Linux's numbers (include/uapi/linux/sockios.h). */
#define SIOCADDRT 0x890B
#define SIOCDELRT 0x890C
#define SIOCGIFNAME 0x8910
#define SIOCGIFCONF 0x8912
#define SIOCGIFFLAGS 0x8913
#define SIOCSIFFLAGS 0x8914
#define SIOCGIFADDR 0x8915
#define SIOCSIFADDR 0x8916
#define SIOCGIFDSTADDR 0x8917
#define SIOCSIFDSTADDR 0x8918
#define SIOCGIFBRDADDR 0x8919
#define SIOCSIFBRDADDR 0x891a
#define SIOCGIFNETMASK 0x891b
#define SIOCSIFNETMASK 0x891c
#define SIOCGIFMETRIC 0x891d
#define SIOCSIFMETRIC 0x891e
#define SIOCGIFMTU 0x8921
#define SIOCSIFMTU 0x8922
#define SIOCSIFHWADDR 0x8924
#define SIOCGIFHWADDR 0x8927
#define SIOCGIFINDEX 0x8933
#define SIOCGIFTXQLEN 0x8942
#define SIOCSIFTXQLEN 0x8943
#define SIOCETHTOOL 0x8946
#define SIOCDARP 0x8953 /* arp -d */
#define SIOCGARP 0x8954
#define SIOCSARP 0x8955 /* arp -s */
#define SIOCGIFMAP 0x8970
#define SIOCSIFMAP 0x8971
/* Generic ones (include/uapi/asm-generic/sockios.h) */
#define FIOSETOWN 0x8901
#define SIOCSPGRP 0x8902
#define FIOGETOWN 0x8903
#define SIOCGPGRP 0x8904
#define SIOCATMARK 0x8905
#define SIOCINQ 0x541B	/* FIONREAD: bytes waiting to be read */
#define SIOCOUTQ 0x5411 /* TIOCOUTQ: bytes not yet sent / acked */

#endif
