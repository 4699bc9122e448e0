/*
 * net_drivers.h - registering the NIC drivers at boot.
 *
 * Linux has each driver declare module_init(e1000_init_module) and runs the
 * initcalls in link order; rxos has no initcalls, so start_kernel calls
 * net_drivers_init() once, after pci_subsys_init() has found the devices and
 * net_dev_init() has set up the core. Process context, boot.
 */
#ifndef RXOS_DRIVERS_NET_NET_DRIVERS_H
#define RXOS_DRIVERS_NET_NET_DRIVERS_H

struct net_device;

int e1000_init_module(void);   /* drivers/net/e1000/e1000_main.c */
int rtl8139_init_module(void); /* drivers/net/rtl8139.c */
int loopback_net_init(void);   /* drivers/net/loopback.c: lo */
extern struct net_device *loopback_dev;
void net_drivers_init(void);

#endif
