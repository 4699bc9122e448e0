/*
 * ip_sockopt.h - option numbers for setsockopt(fd, SOL_IP, ...), Linux's
 * values (include/uapi/linux/in.h). ip_sockglue.c implements them;
 * numbers from 64 on (IPT_SO_SET_REPLACE ...) belong to netfilter.
 */
#ifndef RXOS_NET_IPV4_IP_SOCKOPT_H
#define RXOS_NET_IPV4_IP_SOCKOPT_H

#define IP_TOS 1
#define IP_TTL 2
#define IP_HDRINCL 3
#define IP_OPTIONS 4
#define IP_PKTINFO 8
#define IP_MTU_DISCOVER 10
#define IP_RECVERR 11
#define IP_MTU 14
#define IP_MULTICAST_IF 32
#define IP_MULTICAST_TTL 33
#define IP_MULTICAST_LOOP 34

#endif
