/*
 * net_drivers.c - net_drivers_init(): the loopback device, then every NIC
 * driver registered with the PCI core, which probes the devices it already
 * found (see net_drivers.h).
 */
#include "drivers/net/net_drivers.h"
#include "kernel/printk.h"

void net_drivers_init(void)
{
	if (loopback_net_init()) /* first: lo is ifindex 1, as on Linux */
		pr_err("lo: cannot register the loopback device\n");
	if (e1000_init_module())
		pr_err("e1000: driver registration failed\n");
	if (rtl8139_init_module())
		pr_err("8139too: driver registration failed\n");
}
