/*
 * net/route.h - rxos user libc: struct rtentry and the RTF_* flags for
 * SIOCADDRT/SIOCDELRT (glibc's net/route.h; the layout is Linux's i386
 * uapi, the same as the kernel's net/core/if.h).
 */
#ifndef _RXOS_NET_ROUTE_H
#define _RXOS_NET_ROUTE_H

#include <sys/socket.h>

struct rtentry {
	unsigned long rt_pad1;
	struct sockaddr rt_dst;	    /* target address */
	struct sockaddr rt_gateway; /* gateway (RTF_GATEWAY) */
	struct sockaddr rt_genmask; /* netmask */
	unsigned short rt_flags;
	short rt_pad2;
	unsigned long rt_pad3;
	void *rt_pad4;
	short rt_metric; /* metric + 1 */
	char *rt_dev;	 /* device name, or NULL */
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
#define RTF_MSS RTF_MTU
#define RTF_WINDOW 0x0080
#define RTF_IRTT 0x0100
#define RTF_REJECT 0x0200

#endif
