/*
 * e1000_rx.c - the e1000 receive ring: posting buffers and taking frames
 * off it (stages 2 and 6 of the receive path). Linux keeps both functions in
 * drivers/net/ethernet/intel/e1000/e1000_main.c; rxos gives them a file of
 * their own because they are a lab: a student rewrites this file, and
 * tests/unit/test_e1000_rx.c checks the contract below against a fake ring.
 *
 * Callers: e1000_clean() (the NAPI poll, softirq) and, when booted with
 * napi=off, e1000_intr() (hard IRQ). e1000_configure_rx() posts the first
 * buffers at ifup (process context). See e1000.h for the descriptor states
 * and ring invariants.
 *
 * DOC: e1000-rx-lab
 */
#include "drivers/net/e1000/e1000.h"
#include "kernel/barrier.h"
#include "kernel/preempt.h"

/*
 * e1000_alloc_rx_buffers - post fresh buffers in FREE slots (FREE -> POSTED)
 * @cleaned_count: how many slots to fill, at most E1000_DESC_UNUSED(rx_ring)
 *
 * Each buffer is an sk_buff whose data area the device DMAs a frame into, so
 * that a received frame needs no copy: the skb goes up the stack as it is.
 * The device is told with one RDT write at the end, after the descriptors
 * are filled. An allocation failure stops the refill; the slots stay FREE
 * and are retried on the next poll (the watchdog forces one, see
 * e1000_watchdog) - the ring runs short, it never breaks.
 *
 * Linux also DMA-maps each buffer (dma_map_single); rxos memory is in the
 * direct map and DMA-coherent, so __pa() is the bus address.
 */
void e1000_alloc_rx_buffers(struct e1000_adapter *adapter,
			    struct e1000_rx_ring *rx_ring, int cleaned_count)
{
	unsigned int i = rx_ring->next_to_use;

	while (cleaned_count-- > 0) {
		struct sk_buff *skb = netdev_alloc_skb_ip_align(
			adapter->netdev, E1000_RXBUFFER_2048);

		if (!skb) {
			adapter->alloc_rx_buff_failed++;
			break;
		}
		rx_ring->buffer_info[i].skb = skb;
		rx_ring->desc[i].buffer_addr = __pa(skb->data);
		rx_ring->desc[i].status = 0;
		i = e1000_ring_next(i, rx_ring->count);
	}
	if (i == rx_ring->next_to_use)
		return;
	rx_ring->next_to_use = i;
	/* The device may fetch the descriptors as soon as it sees RDT move. */
	wmb();
	ew32(adapter, E1000_RDT, i);
}

/*
 * Why the frame in this DONE descriptor cannot go up the stack, or
 * SKB_NOT_DROPPED_YET when it can. Counts the error in netdev->stats.
 * The hardware already dropped (and counted, 13.7) frames with bad FCS,
 * under 64 or over 1522 bytes; these checks catch what it lets through.
 */
static enum skb_drop_reason e1000_rx_check(struct e1000_adapter *adapter,
					   struct e1000_rx_ring *rx_ring,
					   uint8_t status, uint8_t errors,
					   unsigned int length)
{
	struct net_device *netdev = adapter->netdev;
	bool eop = status & E1000_RXD_STAT_EOP;

	/*
	 * A frame longer than one buffer: drop every piece up to its EOP. The
	 * frame is one length error; each piece's skb is a drop of its own.
	 */
	if (!eop || rx_ring->discarding) {
		if (!rx_ring->discarding)
			netdev->stats.rx_length_errors++;
		rx_ring->discarding = !eop;
		return SKB_DROP_REASON_RX_OVERSIZE;
	}
	if (errors & E1000_RXD_ERR_FRAME_ERR_MASK) {
		if (errors & E1000_RXD_ERR_CE)
			netdev->stats.rx_crc_errors++;
		netdev->stats.rx_errors++;
		return SKB_DROP_REASON_DEV_HDR;
	}
	return nic_rx_length_check(netdev, length); /* runt, oversized */
}

/* Hand one good frame to the link layer (stage 7). */
static void e1000_receive_skb(struct e1000_adapter *adapter,
			      struct sk_buff *skb, unsigned int length)
{
	struct net_device *netdev = adapter->netdev;

	skb_put(skb, length);
	netdev->stats.rx_packets++;
	netdev->stats.rx_bytes += length;
	skb->protocol = eth_type_trans(skb, netdev);
	/*
	 * In the NAPI poll we are in softirq and the stack runs right here.
	 * With napi=off this is the hard IRQ handler, which must not run the
	 * protocols: queue to the per-CPU backlog instead, as pre-NAPI Linux
	 * drivers did (netif_rx drops and counts when the backlog is full).
	 * Linux would call napi_gro_receive() here; rxos has no GRO.
	 */
	if (in_hardirq())
		netif_rx(skb);
	else
		netif_receive_skb(skb);
}

/*
 * e1000_clean_rx_irq - take received frames off the ring (DONE -> FREE)
 * @rx_ring:    the ring; starts at rx_ring->next_to_clean
 * @work_done:  incremented once per frame taken, delivered or dropped
 * @work_to_do: the budget: at most this many frames
 *
 * Contract (what tests/unit/test_e1000_rx.c checks):
 *  1. Stops at the first descriptor whose status lacks DD, or after
 *     work_to_do frames, whichever comes first.
 *  2. Reads length/errors only after seeing DD (dma_rmb): the device
 *     writes status last.
 *  3. Every taken descriptor's skb leaves the ring exactly once: delivered
 *     (skb_put(length), eth_type_trans, netif_receive_skb; rx_packets and
 *     rx_bytes count it) or freed with kfree_skb_reason and an error counter
 *     (see e1000_rx_check). Nothing leaks, nothing is delivered twice.
 *  4. Clears the status byte of each taken descriptor, so a stale DD is
 *     never seen again after the ring wraps.
 *  5. Refills (e1000_alloc_rx_buffers, which moves RDT) in batches of
 *     E1000_RX_BUFFER_WRITE while it runs and, at the end, every FREE slot
 *     - also slots an earlier failed allocation left empty.
 *  6. Returns true if it took at least one descriptor.
 * Context: softirq (NAPI) or hard IRQ (napi=off); interrupts from this
 * device are masked either way, so nothing else touches the ring.
 */
bool e1000_clean_rx_irq(struct e1000_adapter *adapter,
			struct e1000_rx_ring *rx_ring, int *work_done,
			int work_to_do)
{
	unsigned int i = rx_ring->next_to_clean;
	int cleaned_count = 0;
	bool cleaned = false;

	while (*work_done < work_to_do) {
		struct e1000_rx_desc *rx_desc = &rx_ring->desc[i];
		uint8_t status = READ_ONCE(rx_desc->status);
		struct sk_buff *skb;
		enum skb_drop_reason reason;

		if (!(status & E1000_RXD_STAT_DD))
			break;
		dma_rmb(); /* length and errors were written before DD */
		(*work_done)++;
		cleaned = true;
		skb = rx_ring->buffer_info[i].skb;
		rx_ring->buffer_info[i].skb = NULL;
		reason = e1000_rx_check(adapter, rx_ring, status,
					rx_desc->errors, rx_desc->length);
		if (reason == SKB_NOT_DROPPED_YET)
			e1000_receive_skb(adapter, skb, rx_desc->length);
		else
			kfree_skb_reason(skb, reason);
		rx_desc->status = 0;
		i = e1000_ring_next(i, rx_ring->count);
		rx_ring->next_to_clean = i;
		if (++cleaned_count >= E1000_RX_BUFFER_WRITE) {
			e1000_alloc_rx_buffers(adapter, rx_ring, cleaned_count);
			cleaned_count = 0;
		}
	}
	/* Every FREE slot, including ones an earlier failed refill left. */
	cleaned_count = E1000_DESC_UNUSED(rx_ring);
	if (cleaned_count)
		e1000_alloc_rx_buffers(adapter, rx_ring, cleaned_count);
	return cleaned;
}
