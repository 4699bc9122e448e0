/*
 * snmp.c - storage of the IPv4 counters (snmp.h says what they mean;
 * net/ipv4/proc.c prints them as /proc/net/snmp).
 */
#include "net/ipv4/snmp.h"

unsigned long ip_statistics[__IPSTATS_MIB_MAX];
unsigned long icmp_statistics[__ICMP_MIB_MAX];
unsigned long icmpmsg_in[256], icmpmsg_out[256];
