/*
 * nic.h - the few things the NIC drivers (e1000, rtl8139) share. rxos
 * only: each Linux driver carries its own copy of these lines.
 *
 *   netdev_napi_off()      the napi=off boot option: receive in the hard
 *                          IRQ handler and hand frames to netif_rx(), as
 *                          drivers did before NAPI (the receive-livelock
 *                          experiment). Set once at boot.
 *   nic_rx_length_check()  the length rule every received frame passes
 *   nic_carrier_update()   the PHY said link up/down: carrier and queue
 *
 * Any context.
 */
#ifndef RXOS_DRIVERS_NET_NIC_H
#define RXOS_DRIVERS_NET_NIC_H

#include <stdbool.h>

#include "net/core/netdevice.h"
#include "net/ethernet/if_ether.h"

extern bool napi_off;

static inline bool netdev_napi_off(void)
{
	return napi_off;
}

/*
 * A received frame of len bytes (without FCS) is a runt below ETH_ZLEN and
 * oversized above ETH_FRAME_LEN (no VLAN, no jumbo frames here). Counts it
 * in rx_length_errors and returns the drop reason, or SKB_NOT_DROPPED_YET.
 */
static inline enum skb_drop_reason nic_rx_length_check(struct net_device *dev,
							unsigned int len)
{
	if (len < ETH_ZLEN) {
		dev->stats.rx_length_errors++;
		return SKB_DROP_REASON_RX_RUNT;
	}
	if (len > ETH_FRAME_LEN) {
		dev->stats.rx_length_errors++;
		return SKB_DROP_REASON_RX_OVERSIZE;
	}
	return SKB_NOT_DROPPED_YET;
}

/* Carrier on and queue awake, or off and stopped. True if it changed. */
bool nic_carrier_update(struct net_device *dev, bool up);

#endif
