/*
 * eth.c - the Ethernet link layer (Linux: net/ethernet/eth.c).
 *
 * Receive (softirq, the driver's poll): eth_type_trans() reads the
 * Ethernet header the frame starts with, decides whom it was for
 * (pkt_type), pulls the header off and returns the ethertype for
 * skb->protocol. netif_receive_skb() then dispatches on that type.
 *
 * Transmit (process or softirq): eth_header() pushes the header in front
 * of an IP packet once the neighbour layer knows the destination address.
 */
#include "net/ethernet/etherdevice.h"

/*
 * Stage 7 begins: whom was this frame for? Ours (PACKET_HOST, the
 * default), everyone's (BROADCAST), a group's (MULTICAST), or someone
 * else's (OTHERHOST: only seen in promiscuous mode; ip_rcv drops it).
 *
 * The driver has dropped runts (RX_RUNT); a frame shorter than a header
 * still gets here safely: it is marked OTHERHOST with type 0, which no
 * handler takes.
 *
 * DOC: eth_type_trans
 */
__be16 eth_type_trans(struct sk_buff *skb, struct net_device *dev)
{
	const struct ethhdr *eth = (const struct ethhdr *)skb->data;

	skb->dev = dev;
	skb_reset_mac_header(skb);
	if (unlikely(!pskb_may_pull(skb, ETH_HLEN))) {
		skb->pkt_type = PACKET_OTHERHOST;
		return 0;
	}
	skb_pull(skb, ETH_HLEN);
	skb->pkt_type = PACKET_HOST;
	if (unlikely(!ether_addr_equal(eth->h_dest, dev->dev_addr))) {
		if (is_multicast_ether_addr(eth->h_dest))
			skb->pkt_type =
				ether_addr_equal(eth->h_dest, dev->broadcast) ?
					PACKET_BROADCAST :
					PACKET_MULTICAST;
		else
			skb->pkt_type = PACKET_OTHERHOST;
	}
	if (likely(ntohs(eth->h_proto) >= ETH_P_802_3_MIN))
		return eth->h_proto;
	/* An 802.3 length field: raw Novell frames start with 0xFFFF. */
	if (skb->len >= 2 && skb->data[0] == 0xff && skb->data[1] == 0xff)
		return htons(ETH_P_802_3);
	return htons(ETH_P_802_2);
}

/*
 * Push the Ethernet header (dev_hard_header). saddr NULL: the device's
 * own. Returns ETH_HLEN, or -ETH_HLEN when daddr is not known yet (the
 * neighbour layer fills it in after ARP). Loopback and NOARP devices get
 * a zero destination.
 */
int eth_header(struct sk_buff *skb, struct net_device *dev, unsigned short type,
	       const void *daddr, const void *saddr, unsigned int len)
{
	struct ethhdr *eth = skb_push(skb, ETH_HLEN);

	if (type != ETH_P_802_3 && type != ETH_P_802_2)
		eth->h_proto = htons(type);
	else
		eth->h_proto = htons(len);
	memcpy(eth->h_source, saddr ? saddr : dev->dev_addr, ETH_ALEN);
	if (dev->flags & (IFF_LOOPBACK | IFF_NOARP)) {
		memset(eth->h_dest, 0, ETH_ALEN);
		return ETH_HLEN;
	}
	if (daddr) {
		memcpy(eth->h_dest, daddr, ETH_ALEN);
		return ETH_HLEN;
	}
	return -ETH_HLEN;
}

const struct header_ops eth_header_ops = {
	.create = eth_header,
};

/* Ethernet defaults for a new net_device (alloc_netdev's setup). */
void ether_setup(struct net_device *dev)
{
	dev->header_ops = &eth_header_ops;
	dev->type = ARPHRD_ETHER;
	dev->hard_header_len = ETH_HLEN;
	dev->mtu = ETH_DATA_LEN;
	dev->min_mtu = ETH_MIN_MTU;
	dev->max_mtu = ETH_DATA_LEN;
	dev->addr_len = ETH_ALEN;
	dev->tx_queue_len = 1000;
	dev->flags = IFF_BROADCAST | IFF_MULTICAST;
	eth_broadcast_addr(dev->broadcast);
}

/* Linux: alloc_etherdev_mqs with one TX and one RX queue. */
struct net_device *alloc_etherdev(int sizeof_priv)
{
	return alloc_netdev(sizeof_priv, "eth%d", NET_NAME_ENUM, ether_setup);
}
