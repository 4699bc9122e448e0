/*
 * af_inet.c - the AF_INET protocol family (Linux: net/ipv4/af_inet.c).
 *
 * inet_init() brings the IPv4 stack up at boot, in the order Linux's
 * inet_init (fs_initcall) does it: the ICMP protocol handler, ARP, the
 * IP layer (routing, the packet_type for ETH_P_IP), reassembly, ICMP's
 * sysctls, /proc/net/snmp; then, as Linux's late_initcall
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
#include "net/ipv4/icmp.h"
#include "net/ipv4/inetdevice.h"
#include "net/ipv4/ip.h"
#include "net/ipv4/ipconfig.h"

/* IPPROTO_ICMP's entry in inet_protos (Linux: icmp_protocol, here too). */
static const struct net_protocol icmp_protocol = {
	.handler = icmp_rcv,
};

void inet_init(void)
{
	pr_info("NET: Registered PF_INET protocol family\n");
	if (inet_add_protocol(&icmp_protocol, IPPROTO_ICMP) < 0)
		pr_err("inet_init: Cannot add ICMP protocol\n");
	arp_init();
	ip_init(); /* ip_rt_init, the ETH_P_IP packet_type */
	devinet_init();
	ipfrag_init();
	icmp_init();
	ip_forward_sysctl_init(); /* /proc/sys/net/ipv4/ip_forward */
	if (ip_misc_proc_init())  /* /proc/net/snmp, /proc/net/netstat */
		pr_warn("IPv4: could not create /proc/net/snmp\n");
	if (proc_create_single("net/arp", arp_seq_show))
		pr_warn("IPv4: could not create /proc/net/arp\n");
	ip_auto_config();
}
