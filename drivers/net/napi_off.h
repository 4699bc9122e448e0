/*
 * napi_off.h - the napi=off boot option (rxos only; Linux has no switch,
 * its drivers are NAPI or not at build time).
 *
 * With napi=off the NIC drivers (e1000, rtl8139) do all their receive work
 * in the hard IRQ handler and hand frames to netif_rx(), as drivers did
 * before NAPI: the receive-livelock experiment. Set once at boot, read in
 * any context.
 */
#ifndef RXOS_DRIVERS_NET_NAPI_OFF_H
#define RXOS_DRIVERS_NET_NAPI_OFF_H

#include <stdbool.h>

extern bool napi_off;

static inline bool netdev_napi_off(void)
{
	return napi_off;
}

#endif
