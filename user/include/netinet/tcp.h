/* netinet/tcp.h - rxos user libc: TCP socket options. */
#ifndef _RXOS_NETINET_TCP_H
#define _RXOS_NETINET_TCP_H

#define TCP_NODELAY 1
#define TCP_MAXSEG 2
#define TCP_KEEPIDLE 4
#define TCP_KEEPINTVL 5
#define TCP_KEEPCNT 6

#endif
