/*
 * rtl8139_rx.c - the RTL8139 receive ring buffer: taking frames out of it
 * (stage 6 of the receive path) and restarting it when it is corrupt.
 * Linux keeps this in 8139too.c (rtl8139_rx, rtl8139_rx_err); rxos gives it
 * a file of its own because it is a lab, the twin of e1000_rx.c: a student
 * rewrites this file and tests/unit/test_rtl8139_rx.c checks the contract.
 *
 * The ring buffer, as the chip fills it (RCR.WRAP = 0):
 *
 *   0                        cur_rx                   CBR          RX_BUF_LEN
 *   |  ...free (read) ...    | hdr|frame+FCS|pad|hdr|frame ... |  free ...|
 *                            ^ the driver reads here            ^ the chip
 *                              CAPR = cur_rx - 16                 writes here
 *
 * Each frame: a 4-byte header (status, size), size bytes (frame + FCS), then
 * padding up to a dword; a frame running past the end continues at 0. The
 * chip writes only into [CBR, CAPR + 16): moving CAPR gives space back.
 *
 * Callers: rtl8139_poll (NAPI, softirq) and, with napi=off, the hard IRQ
 * handler; rtl8139_set_rx_mode (rtl8139_rx_restart, interrupts off).
 *
 * DOC: rtl8139-rx-lab
 */
#include "drivers/net/rtl8139/rtl8139.h"
#include "kernel/barrier.h"
#include "kernel/delay.h"
#include "kernel/preempt.h"
#include "kernel/printk.h"

/* len bytes of the ring from offset, continuing at 0 past the end. */
static void rtl8139_copy_from_ring(const unsigned char *ring,
				   unsigned int offset, unsigned char *to,
				   unsigned int len)
{
	unsigned int first = min(len, RX_BUF_LEN - offset);

	memcpy(to, ring + offset, first);
	memcpy(to + first, ring, len - first);
}

/*
 * Restart the receiver at offset 0 of the ring. Clearing CR.RE resets the
 * chip's receive pointers (Realtek's advice, and what Linux relies on);
 * QEMU's model resets them on the RCR write. CAPR is set to match. Frames
 * still in the ring are lost. Interrupts off (caller).
 */
void rtl8139_rx_restart(struct rtl8139_private *tp)
{
	int spins = 200;

	RTL_W8(CR, CR_TE);
	while ((RTL_R8(CR) & CR_RE) && --spins)
		udelay(1);
	tp->cur_rx = 0;
	RTL_W32(RBSTART, tp->rx_ring_dma);
	RTL_W8(CR, CR_RE | CR_TE);
	RTL_W32(RCR, tp->rx_config);
	RTL_W16(CAPR, rtl8139_capr(0));
}

/*
 * The header at cur_rx makes no sense (not ROK, or a size that cannot fit):
 * we lost track of where frames start. Count it and restart the receiver,
 * as Linux's rtl8139_rx_err does.
 */
static void rtl8139_rx_err(struct rtl8139_private *tp, uint16_t rx_status)
{
	struct net_device *dev = tp->dev;

	printk(KERN_DEBUG "%s: bad rx header %04x at %u, restarting receiver\n",
	       dev->name, rx_status, tp->cur_rx);
	dev->stats.rx_errors++;
	if (rx_status & RSR_FAE)
		dev->stats.rx_frame_errors++;
	if (rx_status & RSR_CRC)
		dev->stats.rx_crc_errors++;
	if (rx_status & (RSR_RUNT | RSR_LONG))
		dev->stats.rx_length_errors++;
	tp->rx_restarts++;
	rtl8139_rx_restart(tp);
}

/* Copy one frame out of the ring into a new skb and send it on its way. */
static void rtl8139_rx_one(struct rtl8139_private *tp, unsigned int offset,
			   unsigned int pkt_size)
{
	struct net_device *dev = tp->dev;
	enum skb_drop_reason reason;
	struct sk_buff *skb;

	skb = netdev_alloc_skb_ip_align(dev, pkt_size);
	if (!skb) {
		dev->stats.rx_dropped++; /* the frame stays unread: lost */
		return;
	}
	rtl8139_copy_from_ring(tp->rx_ring, offset, skb_put(skb, pkt_size),
			       pkt_size);
	reason = nic_rx_length_check(dev, pkt_size);
	if (reason != SKB_NOT_DROPPED_YET) {
		kfree_skb_reason(skb, reason);
		return;
	}
	dev->stats.rx_packets++;
	dev->stats.rx_bytes += pkt_size;
	skb->protocol = eth_type_trans(skb, dev);
	if (in_hardirq()) /* napi=off: see e1000_receive_skb */
		netif_rx(skb);
	else
		netif_receive_skb(skb);
}

/*
 * rtl8139_rx - take received frames out of the ring buffer (the lab)
 * @budget: at most this many frames
 *
 * Contract (what tests/unit/test_rtl8139_rx.c checks):
 *  1. The frame at tp->cur_rx is a little-endian 32-bit header - status in
 *     the low 16 bits (RSR_*), size in the high 16 bits (frame + 4-byte FCS)
 *     - followed by size bytes; data that reaches the end of the ring
 *     continues at offset 0 (RCR.WRAP = 0). The next header is at
 *     rtl8139_next_rx(cur_rx, size): dword-aligned, modulo RX_BUF_LEN.
 *  2. Stops when cur_rx reaches CBR (nothing more written), after budget
 *     frames, or at a header whose size is RX_SIZE_IN_PROGRESS (the chip is
 *     still writing it: left for the next poll).
 *  3. A header that is not ROK or whose size is under 8 or over the ring
 *     means the ring is corrupt: rtl8139_rx_err restarts the receiver and
 *     the poll ends.
 *  4. Otherwise the frame (size - 4 bytes) is copied into a new skb and
 *     delivered (eth_type_trans, netif_receive_skb; rx_packets, rx_bytes) or
 *     dropped with kfree_skb_reason: RX_RUNT under 60 bytes, RX_OVERSIZE
 *     over 1514, both counted in rx_length_errors.
 *  5. After each frame: CAPR = rtl8139_capr(new cur_rx), giving the space
 *     back, then the rx bits of ISR are acked - in that order, so a frame
 *     that arrives after the ack raises ROK again and is not missed.
 *  6. Returns the number of frames taken (delivered or dropped).
 * Context: softirq (NAPI, rx interrupts masked) or hard IRQ (napi=off).
 */
int rtl8139_rx(struct rtl8139_private *tp, int budget)
{
	int received = 0;

	while (received < budget && tp->cur_rx != RTL_R16(CBR)) {
		unsigned int offset = tp->cur_rx;
		/* little-endian, as the CPU: no conversion on x86 */
		uint32_t rx_header =
			READ_ONCE(*(uint32_t *)(tp->rx_ring + offset));
		uint16_t rx_status = rx_header & 0xffff;
		unsigned int rx_size = rx_header >> 16;

		if (rx_size == RX_SIZE_IN_PROGRESS)
			break;
		if (!(rx_status & RSR_ROK) || rx_size < 8 ||
		    rx_size > RX_BUF_LEN - RX_HDR_LEN) {
			rtl8139_rx_err(tp, rx_status);
			break;
		}
		rtl8139_rx_one(tp, (offset + RX_HDR_LEN) % RX_BUF_LEN,
			       rx_size - RX_FCS_LEN);
		received++;
		tp->cur_rx = rtl8139_next_rx(offset, rx_size);
		RTL_W16(CAPR, rtl8139_capr(tp->cur_rx));
		RTL_W16(ISR, INT_RX_ACK);
	}
	return received;
}

