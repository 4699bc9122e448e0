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
#include "kernel/fs/proc_fs.h"
#include "kernel/printk.h"
#include "net/ipv4/arp.h"
#include "net/ipv4/inetdevice.h"
#include "net/ipv4/ip.h"
#include "net/ipv4/ipconfig.h"

void inet_init(void)
{
	pr_info("NET: Registered PF_INET protocol family\n");
	arp_init();
	ip_init(); /* ip_rt_init, the ETH_P_IP packet_type */
	devinet_init();
	if (proc_create_single("net/arp", arp_seq_show))
		pr_warn("IPv4: could not create /proc/net/arp\n");
	ip_auto_config();
}
