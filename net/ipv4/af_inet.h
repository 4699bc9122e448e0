/*
 * af_inet.h - the AF_INET family: boot of the IPv4 stack (Linux:
 * include/net/inet_common.h, net/ipv4/af_inet.c).
 *
 * inet_init() is called once from start_kernel(), after the NIC drivers
 * have registered their devices (net_drivers_init), in process context
 * with interrupts on. The socket-family functions (inet_create,
 * inet_ioctl, ...) are declared by the socket layer.
 */
#ifndef RXOS_NET_IPV4_AF_INET_H
#define RXOS_NET_IPV4_AF_INET_H

void inet_init(void);

#endif
