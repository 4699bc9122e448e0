/*
 * etherdevice.h - Ethernet devices and addresses (Linux:
 * include/linux/etherdevice.h).
 *
 * Drivers: alloc_etherdev(sizeof(struct my_priv)) gives a net_device set up
 * for Ethernet (ether_setup); in the RX poll, skb->protocol =
 * eth_type_trans(skb, netdev) before handing the skb up.
 */
#ifndef RXOS_NET_ETHERNET_ETHERDEVICE_H
#define RXOS_NET_ETHERNET_ETHERDEVICE_H

#include "lib/string.h"
#include "net/core/netdevice.h"
#include "net/ethernet/if_ether.h"

void ether_setup(struct net_device *dev);
struct net_device *alloc_etherdev(int sizeof_priv);
__be16 eth_type_trans(struct sk_buff *skb, struct net_device *dev);
int eth_header(struct sk_buff *skb, struct net_device *dev, unsigned short type,
	       const void *daddr, const void *saddr, unsigned int len);
extern const struct header_ops eth_header_ops;

static inline struct ethhdr *eth_hdr(const struct sk_buff *skb)
{
	return (struct ethhdr *)skb_mac_header(skb);
}

static inline bool is_zero_ether_addr(const uint8_t *addr)
{
	return !(addr[0] | addr[1] | addr[2] | addr[3] | addr[4] | addr[5]);
}

/* The group bit: the least significant bit of the first octet. */
static inline bool is_multicast_ether_addr(const uint8_t *addr)
{
	return addr[0] & 0x01;
}

static inline bool is_broadcast_ether_addr(const uint8_t *addr)
{
	return (addr[0] & addr[1] & addr[2] & addr[3] & addr[4] & addr[5]) ==
	       0xff;
}

static inline bool is_unicast_ether_addr(const uint8_t *addr)
{
	return !is_multicast_ether_addr(addr);
}

/* What a NIC may use as its own address: not multicast, not all zeros. */
static inline bool is_valid_ether_addr(const uint8_t *addr)
{
	return !is_multicast_ether_addr(addr) && !is_zero_ether_addr(addr);
}

static inline bool ether_addr_equal(const uint8_t *a, const uint8_t *b)
{
	return !memcmp(a, b, ETH_ALEN);
}

static inline void ether_addr_copy(uint8_t *dst, const uint8_t *src)
{
	memcpy(dst, src, ETH_ALEN);
}

static inline void eth_broadcast_addr(uint8_t *addr)
{
	memset(addr, 0xff, ETH_ALEN);
}

/* A driver sets the address it read from the NIC's EEPROM. */
static inline void eth_hw_addr_set(struct net_device *dev, const uint8_t *addr)
{
	memcpy(dev->dev_addr, addr, ETH_ALEN);
}

#endif
