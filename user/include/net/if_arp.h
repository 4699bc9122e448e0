/* net/if_arp.h - rxos user libc: hardware types (Linux's
 * include/uapi/linux/if_arp.h). */
#ifndef _RXOS_NET_IF_ARP_H
#define _RXOS_NET_IF_ARP_H

#include <sys/socket.h>

#define ARPHRD_ETHER 1
#define ARPHRD_LOOPBACK 772
#define ARPHRD_NONE 0xFFFE

#endif
