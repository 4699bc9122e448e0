/*
 * net_drivers.c - net_drivers_init(): register every NIC driver with the
 * PCI core, which probes the devices it already found (see net_drivers.h).
 */
#include "drivers/net/net_drivers.h"
#include "kernel/printk.h"

void net_drivers_init(void)
{
	if (e1000_init_module())
		pr_err("e1000: driver registration failed\n");
	if (rtl8139_init_module())
		pr_err("8139too: driver registration failed\n");
}
