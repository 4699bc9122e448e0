/*
 * nic.c - the napi=off boot option and carrier changes for the NIC
 * drivers (see nic.h). napi_setup runs once from parse_boot_command_line,
 * early in start_kernel, before any NIC probes; the switch would belong
 * with NAPI in net/core, but the drivers are its only users.
 */
#include "drivers/net/nic.h"
#include "kernel/params.h"
#include "kernel/printk.h"
#include "lib/string.h"

bool napi_off;

static int napi_setup(char *val)
{
	if (!strcmp(val, "off"))
		napi_off = true;
	else if (!strcmp(val, "on"))
		napi_off = false;
	else
		return -1;
	pr_info("net: NIC receive in %s\n",
		napi_off ? "the hard IRQ handler (napi=off)" : "NAPI polls");
	return 0;
}
__setup("napi=", napi_setup);

/* The watchdogs call this with what the PHY reports. TIMER softirq. */
bool nic_carrier_update(struct net_device *dev, bool up)
{
	if (up == netif_carrier_ok(dev))
		return false;
	if (up) {
		netif_carrier_on(dev);
		netif_wake_queue(dev);
	} else {
		netif_carrier_off(dev);
		netif_stop_queue(dev);
	}
	return true;
}
