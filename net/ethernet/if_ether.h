/*
 * if_ether.h - the Ethernet frame (Linux: include/uapi/linux/if_ether.h).
 *
 *   +-------------+-------------+-----------+------------------+-----+
 *   | destination |   source    | ethertype |     payload      | FCS |
 *   |   6 bytes   |   6 bytes   |  2 bytes  |  46..1500 bytes  |  4  |
 *   +-------------+-------------+-----------+------------------+-----+
 *    <-------- ETH_HLEN = 14 -------------->
 *
 * The NIC strips the FCS; a frame shorter than ETH_ZLEN (60) was padded by
 * the sender and a shorter one is a "runt". An ethertype below 0x0600 is an
 * 802.3 length field instead.
 */
#ifndef RXOS_NET_ETHERNET_IF_ETHER_H
#define RXOS_NET_ETHERNET_IF_ETHER_H

#include "kernel/byteorder.h"
#include "kernel/kernel.h"

#define ETH_ALEN 6	   /* octets in one Ethernet address */
#define ETH_HLEN 14	   /* header */
#define ETH_ZLEN 60	   /* minimum frame, without FCS */
#define ETH_DATA_LEN 1500  /* maximum payload: the default MTU */
#define ETH_FRAME_LEN 1514 /* maximum frame, without FCS */
#define ETH_FCS_LEN 4
#define ETH_MIN_MTU 68	   /* the smallest MTU IPv4 allows (RFC 791) */

/* Ethertypes (host order: compare with htons()) */
#define ETH_P_IP 0x0800
#define ETH_P_ARP 0x0806
#define ETH_P_8021Q 0x8100
#define ETH_P_IPV6 0x86DD
#define ETH_P_802_3_MIN 0x0600 /* below: an 802.3 length, not a type */
/* Linux's pseudo-types for non-Ethernet-II frames and taps */
#define ETH_P_802_3 0x0001 /* raw 802.3 (Novell) */
#define ETH_P_ALL 0x0003   /* every frame: packet taps (tcpdump) */
#define ETH_P_802_2 0x0004 /* 802.2 LLC */

struct ethhdr {
	unsigned char h_dest[ETH_ALEN];
	unsigned char h_source[ETH_ALEN];
	__be16 h_proto;
} __packed;

#endif
