/*
 * arp.h - ARP, RFC 826: IPv4 address -> Ethernet address (Linux:
 * include/net/arp.h, include/uapi/linux/if_arp.h).
 *
 *   +----------------+----------------+--------+--------+----------------+
 *   | ar_hrd (1=Eth) | ar_pro (0x0800)| ar_hln | ar_pln | ar_op (1 or 2) |
 *   +----------------+----------------+--------+--------+----------------+
 *   | sender hw (6) | sender ip (4) | target hw (6) | target ip (4)      |
 *   +--------------------------------------------------------------------+
 *
 * Receive (softirq): arp_rcv (the ETH_P_ARP packet_type) checks the
 * header and calls arp_process, which answers requests for our addresses
 * and updates the neighbour table (net/core/neighbour.h).
 * Transmit: the neighbour layer calls arp_solicit to ask for an address;
 * arp_send builds any ARP frame (replies, gratuitous ARP).
 * ip_finish_output2 gets the entry for a next hop with ip_neigh_gw4.
 */
#ifndef RXOS_NET_IPV4_ARP_H
#define RXOS_NET_IPV4_ARP_H

#include "kernel/uaccess.h"
#include "net/core/neighbour.h"
#include "net/core/socket.h"
#include "net/ipv4/in.h"

#define ARPOP_REQUEST 1
#define ARPOP_REPLY 2

struct arphdr {
	__be16 ar_hrd;	      /* hardware type: ARPHRD_ETHER */
	__be16 ar_pro;	      /* protocol: ETH_P_IP */
	unsigned char ar_hln; /* hardware address length: 6 */
	unsigned char ar_pln; /* protocol address length: 4 */
	__be16 ar_op;
	/* then sha[ar_hln], sip[4], tha[ar_hln], tip[4] */
} __packed;

static inline struct arphdr *arp_hdr(const struct sk_buff *skb)
{
	return (struct arphdr *)skb_network_header(skb);
}

/* Bytes of an ARP packet for dev: header + two (hw, ip) pairs. */
static inline unsigned int arp_hdr_len(const struct net_device *dev)
{
	return sizeof(struct arphdr) + (dev->addr_len + sizeof(uint32_t)) * 2;
}

/* SIOCSARP/SIOCGARP/SIOCDARP argument (uapi/linux/if_arp.h). */
struct arpreq {
	struct sockaddr arp_pa;	     /* protocol address (AF_INET) */
	struct sockaddr arp_ha;	     /* hardware address (ARPHRD_ETHER) */
	int arp_flags;		     /* ATF_* */
	struct sockaddr arp_netmask; /* proxy ARP only */
	char arp_dev[16];
};

/* arp_flags, and the Flags column of /proc/net/arp */
#define ATF_COM 0x02	     /* completed entry (ha valid) */
#define ATF_PERM 0x04	     /* permanent entry */
#define ATF_PUBL 0x08	     /* publish entry (proxy ARP) */
#define ATF_USETRAILERS 0x10 /* obsolete */
#define ATF_NETMASK 0x20
#define ATF_DONTPUB 0x40

extern struct neigh_table arp_tbl;

/* The neighbour for next hop nexthop on dev, created if needed; a
 * reference or ERR_PTR. Linux: ip_neigh_gw4. */
struct neighbour *ip_neigh_gw4(struct net_device *dev, __be32 nexthop);

int arp_rcv(struct sk_buff *skb, struct net_device *dev, struct packet_type *pt,
	    struct net_device *orig_dev);
/*
 * The decision for one ARP packet (see arp.c for the contract). Softirq;
 * consumes skb (consume_skb or a counted drop). Returns NET_RX_SUCCESS or
 * NET_RX_DROP.
 */
int arp_process(struct sk_buff *skb);
/*
 * Build and send an ARP packet. dest_hw NULL: broadcast; target_hw NULL:
 * zeros; src_hw NULL: dev's address. Any context that may transmit.
 */
void arp_send(int type, int ptype, __be32 dest_ip, struct net_device *dev,
	      __be32 src_ip, const unsigned char *dest_hw,
	      const unsigned char *src_hw, const unsigned char *target_hw);
/* SIOCSARP/SIOCDARP/SIOCGARP; arg is the user's struct arpreq. */
int arp_ioctl(unsigned int cmd, void __user *arg);
/* /proc/net/arp in Linux's layout. */
int arp_seq_show(char *buf, int len);
void arp_init(void);

#endif
