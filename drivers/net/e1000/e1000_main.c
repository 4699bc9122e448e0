/*
 * e1000_main.c - driver for the Intel 8254x gigabit Ethernet controllers,
 * as QEMU models them ("-device e1000", an 82540EM). Linux:
 * drivers/net/ethernet/intel/e1000/e1000_main.c.
 *
 * Where it sits on the receive path (design/receive-path.md):
 *   1 NIC filter  e1000_set_rx_mode programs RCTL/RAL/MTA (SDM 13.4.22, 13.5)
 *   2 DMA         the device fills buffers e1000_alloc_rx_buffers posted
 *   3 hard IRQ    e1000_intr: read ICR (acks), mask (IMC), napi_schedule()
 *   6 poll        e1000_clean: e1000_clean_tx_irq, e1000_clean_rx_irq
 *   7 link layer  eth_type_trans + netif_receive_skb (in e1000_rx.c)
 * and on transmit: dev_queue_xmit -> e1000_xmit_frame -> tx ring -> wire,
 * completions reclaimed by e1000_clean_tx_irq in the poll.
 *
 * Contexts: probe/open/close run in process context (boot or ifconfig);
 * e1000_intr in hard IRQ; e1000_clean in NET_RX softirq; the watchdog
 * timer in TIMER softirq; e1000_xmit_frame wherever dev_queue_xmit runs
 * (process or softirq, bottom halves off).
 *
 * Boot option napi=off makes e1000_intr do the whole receive itself, in the
 * hard IRQ, as drivers did before NAPI (the receive-livelock experiment).
 *
 * Linux adds: many MAC/PHY variants (e1000_hw.c), PHY setup over MDIC,
 * flow control, VLAN, checksum offload, TSO, jumbo frames, dynamic ITR,
 * power management, reset-on-hang (tx timeout) and ethtool -G/-d (what
 * ethtool can ask here is in e1000_ethtool.c).
 */
#include "drivers/net/e1000/e1000.h"
#include "net/core/socket.h"
#include "kernel/barrier.h"
#include "kernel/delay.h"
#include "kernel/errno.h"
#include "kernel/interrupt.h"
#include "kernel/irqflags.h"
#include "kernel/mm/gfp.h"
#include "kernel/mm/pgtable.h"
#include "kernel/mm/slab.h"
#include "kernel/printk.h"
#include "kernel/time.h"

const char e1000_driver_name[] = "e1000";

/* ---- reset and MAC address (SDM 13.4.1 CTRL, 13.4.4 EERD) ---------------- */

/* Mask every interrupt cause and discard any that were pending. */
static void e1000_irq_disable(struct e1000_adapter *adapter)
{
	ew32(adapter, E1000_IMC, E1000_IMC_ALL);
	e1000_write_flush(adapter);
}

static void e1000_irq_enable(struct e1000_adapter *adapter)
{
	ew32(adapter, E1000_IMS, E1000_IMS_ENABLE_MASK);
	e1000_write_flush(adapter);
}

/*
 * Global reset (CTRL.RST, 13.4.1: everything but the PCI configuration). Receive and transmit are stopped first so no DMA is in
 * flight, as the manual advises. RST clears itself; we give it 1 ms.
 */
static int e1000_reset_hw(struct e1000_adapter *adapter)
{
	int spins = 1000;

	e1000_irq_disable(adapter);
	ew32(adapter, E1000_RCTL, 0);
	ew32(adapter, E1000_TCTL, E1000_TCTL_PSP);
	e1000_write_flush(adapter);
	mdelay(10); /* let a frame being DMA'd finish (Linux: same) */
	ew32(adapter, E1000_CTRL, er32(adapter, E1000_CTRL) | E1000_CTRL_RST);
	udelay(5);
	while ((er32(adapter, E1000_CTRL) & E1000_CTRL_RST) && --spins)
		udelay(1);
	if (!spins)
		return -EIO;
	e1000_irq_disable(adapter);
	(void)er32(adapter, E1000_ICR); /* clear stale causes */
	return 0;
}

/* One EEPROM word through EERD (13.4.4); -ETIMEDOUT if DONE never shows. */
static int e1000_read_eeprom(struct e1000_adapter *adapter, unsigned int word,
			     uint16_t *data)
{
	uint32_t eerd;
	int spins = 10000;

	ew32(adapter, E1000_EERD,
	     (word << E1000_EERD_ADDR_SHIFT) | E1000_EERD_START);
	while (!((eerd = er32(adapter, E1000_EERD)) & E1000_EERD_DONE)) {
		if (!--spins)
			return -ETIMEDOUT;
		udelay(5);
	}
	*data = eerd >> E1000_EERD_DATA_SHIFT;
	return 0;
}

/*
 * The MAC address: EEPROM words 0-2, low byte first. The hardware
 * loads the same words into RAL0/RAH0 at reset, so those are the fallback.
 */
static int e1000_read_mac_addr(struct e1000_adapter *adapter, uint8_t *addr)
{
	uint16_t word;
	uint32_t ral, rah;

	for (unsigned int i = 0; i < E1000_EEPROM_MAC_WORDS; i++) {
		if (e1000_read_eeprom(adapter, i, &word))
			goto from_ral;
		addr[2 * i] = word & 0xff;
		addr[2 * i + 1] = word >> 8;
	}
	return is_valid_ether_addr(addr) ? 0 : -EINVAL;
from_ral:
	ral = er32(adapter, E1000_RAL0);
	rah = er32(adapter, E1000_RAH0);
	for (unsigned int i = 0; i < 4; i++)
		addr[i] = ral >> (8 * i);
	addr[4] = rah;
	addr[5] = rah >> 8;
	return is_valid_ether_addr(addr) ? 0 : -EINVAL;
}

/* Our unicast address into receive address 0, valid bit last (13.5.3). */
static void e1000_rar_set(struct e1000_adapter *adapter, const uint8_t *addr)
{
	uint32_t ral = addr[0] | addr[1] << 8 | addr[2] << 16 |
		       (uint32_t)addr[3] << 24;
	uint32_t rah = addr[4] | addr[5] << 8 | E1000_RAH_AV;

	ew32(adapter, E1000_RAL0, ral);
	ew32(adapter, E1000_RAH0, rah);
}

/* ---- receive filter: stage 1 (SDM 13.4.22 RCTL, 13.5.1 MTA) -------------- */

/*
 * The multicast table (13.5.1) would hold a hash bit per joined group; rxos
 * keeps no per-device list of groups (Linux: dev->mc, netdev_for_each_mc_addr),
 * so it stays clear and multicast passes only with IFF_ALLMULTI/IFF_PROMISC.
 */
static void e1000_clear_mta(struct e1000_adapter *adapter)
{
	for (unsigned int i = 0; i < E1000_NUM_MTA_REGS; i++)
		ew32(adapter, E1000_MTA + 4 * i, 0);
}

/*
 * e1000_set_rx_mode - which frames the NIC keeps (ndo_set_rx_mode)
 *
 * Everything else is dropped by the hardware before any DMA: the cheapest
 * drop there is. IFF_PROMISC: every frame (UPE+MPE); IFF_ALLMULTI: every
 * multicast (MPE). Broadcast (BAM) with IFF_BROADCAST. Unicast to
 * RAL0/RAH0 always passes.
 * Process or softirq context.
 *
 * DOC: e1000_set_rx_mode
 */
static void e1000_set_rx_mode(struct net_device *netdev)
{
	struct e1000_adapter *adapter = netdev_priv(netdev);
	uint32_t rctl = er32(adapter, E1000_RCTL);

	rctl &= ~(E1000_RCTL_UPE | E1000_RCTL_MPE | E1000_RCTL_BAM);
	if (netdev->flags & IFF_PROMISC)
		rctl |= E1000_RCTL_UPE | E1000_RCTL_MPE;
	else if (netdev->flags & IFF_ALLMULTI)
		rctl |= E1000_RCTL_MPE;
	if (netdev->flags & IFF_BROADCAST)
		rctl |= E1000_RCTL_BAM;
	ew32(adapter, E1000_RCTL, rctl);
}

/* ---- ring memory ----------------------------------------------------------- */

/*
 * One page holds 256 descriptors of 16 bytes: page-aligned, so also the
 * 16-byte (descriptor) and 128-byte (RDLEN/TDLEN) alignment the device
 * wants (13.4.27). Zeroed: no stale DD bits.
 */
#define E1000_RING_BYTES(count) ((count) * 16u)

static void *e1000_alloc_ring(uint32_t *dma)
{
	void *desc;

	_Static_assert(E1000_RING_BYTES(E1000_RX_RING_SIZE) <= PAGE_SIZE,
		       "rx ring exceeds a page");
	_Static_assert(E1000_RING_BYTES(E1000_TX_RING_SIZE) <= PAGE_SIZE,
		       "tx ring exceeds a page");
	desc = (void *)get_zeroed_page(GFP_KERNEL);
	if (desc)
		*dma = __pa(desc);
	return desc;
}

static int e1000_setup_rx_resources(struct e1000_adapter *adapter)
{
	struct e1000_rx_ring *rx_ring = &adapter->rx_ring;

	rx_ring->count = E1000_RX_RING_SIZE;
	rx_ring->buffer_info =
		kcalloc(rx_ring->count, sizeof(*rx_ring->buffer_info),
			GFP_KERNEL);
	rx_ring->desc = e1000_alloc_ring(&rx_ring->dma);
	if (!rx_ring->buffer_info || !rx_ring->desc)
		return -ENOMEM;
	rx_ring->next_to_use = rx_ring->next_to_clean = 0;
	rx_ring->discarding = false;
	return 0;
}

static int e1000_setup_tx_resources(struct e1000_adapter *adapter)
{
	struct e1000_tx_ring *tx_ring = &adapter->tx_ring;

	tx_ring->count = E1000_TX_RING_SIZE;
	tx_ring->buffer_info =
		kcalloc(tx_ring->count, sizeof(*tx_ring->buffer_info),
			GFP_KERNEL);
	tx_ring->desc = e1000_alloc_ring(&tx_ring->dma);
	if (!tx_ring->buffer_info || !tx_ring->desc)
		return -ENOMEM;
	tx_ring->next_to_use = tx_ring->next_to_clean = 0;
	return 0;
}

/*
 * Give back every buffer still in the rings (ifdown). e1000_close stops
 * the device first, so no DMA can land in freed memory. Posted
 * rx buffers hold no frame: consume_skb, not a drop. Unsent tx frames are
 * dropped: the device went down under them.
 */
static void e1000_clean_rings(struct e1000_adapter *adapter)
{
	struct e1000_rx_ring *rx_ring = &adapter->rx_ring;
	struct e1000_tx_ring *tx_ring = &adapter->tx_ring;

	for (unsigned int i = 0; rx_ring->buffer_info && i < rx_ring->count;
	     i++) {
		if (rx_ring->buffer_info[i].skb)
			consume_skb(rx_ring->buffer_info[i].skb);
		rx_ring->buffer_info[i].skb = NULL;
	}
	for (unsigned int i = 0; tx_ring->buffer_info && i < tx_ring->count;
	     i++) {
		if (tx_ring->buffer_info[i].skb)
			kfree_skb_reason(tx_ring->buffer_info[i].skb,
					 SKB_DROP_REASON_DEV_READY);
		tx_ring->buffer_info[i].skb = NULL;
	}
}

static void e1000_free_resources(struct e1000_adapter *adapter)
{
	e1000_clean_rings(adapter);
	kfree(adapter->rx_ring.buffer_info);
	kfree(adapter->tx_ring.buffer_info);
	if (adapter->rx_ring.desc)
		free_page((unsigned long)adapter->rx_ring.desc);
	if (adapter->tx_ring.desc)
		free_page((unsigned long)adapter->tx_ring.desc);
	adapter->rx_ring.buffer_info = NULL;
	adapter->tx_ring.buffer_info = NULL;
	adapter->rx_ring.desc = NULL;
	adapter->tx_ring.desc = NULL;
}

/* ---- bring-up (SDM 14.4 receive, 14.5 transmit initialization) ----------- */

static void e1000_configure_tx(struct e1000_adapter *adapter)
{
	struct e1000_tx_ring *tx_ring = &adapter->tx_ring;

	ew32(adapter, E1000_TDBAL, tx_ring->dma);
	ew32(adapter, E1000_TDBAH, 0);
	ew32(adapter, E1000_TDLEN, E1000_RING_BYTES(tx_ring->count));
	ew32(adapter, E1000_TDH, 0);
	ew32(adapter, E1000_TDT, 0);
	ew32(adapter, E1000_TIPG, E1000_TIPG_COPPER);
	ew32(adapter, E1000_TIDV, 0);
	ew32(adapter, E1000_TCTL,
	     E1000_TCTL_EN | E1000_TCTL_PSP |
		     (E1000_COLLISION_THRESHOLD << E1000_TCTL_CT_SHIFT) |
		     (E1000_COLLISION_DISTANCE << E1000_TCTL_COLD_SHIFT));
}

/*
 * Receive: ring registers, moderation timers, the first buffers, then
 * RCTL.EN last so the device never sees a half-built ring. 2048-byte
 * buffers, no long packets, FCS stripped (SECRC), so a descriptor's length
 * is exactly the frame the stack gets.
 */
static void e1000_configure_rx(struct e1000_adapter *adapter)
{
	struct e1000_rx_ring *rx_ring = &adapter->rx_ring;
	uint32_t rctl = E1000_RCTL_SZ_2048 | E1000_RCTL_SECRC |
			E1000_RCTL_RDMTS_HALF | (0u << E1000_RCTL_MO_SHIFT);

	ew32(adapter, E1000_RCTL, rctl); /* EN off while we set up */
	e1000_clear_mta(adapter);
	e1000_set_rx_mode(adapter->netdev);
	ew32(adapter, E1000_RDBAL, rx_ring->dma);
	ew32(adapter, E1000_RDBAH, 0);
	ew32(adapter, E1000_RDLEN, E1000_RING_BYTES(rx_ring->count));
	ew32(adapter, E1000_RDH, 0);
	ew32(adapter, E1000_RDT, 0);
	e1000_configure_itr(adapter);
	e1000_alloc_rx_buffers(adapter, rx_ring, E1000_DESC_UNUSED(rx_ring));
	ew32(adapter, E1000_RCTL, er32(adapter, E1000_RCTL) | E1000_RCTL_EN);
}

/* Receiver and transmitter off; in-flight DMA given time to finish. */
static void e1000_stop_dma(struct e1000_adapter *adapter)
{
	ew32(adapter, E1000_RCTL,
	     er32(adapter, E1000_RCTL) & ~E1000_RCTL_EN);
	ew32(adapter, E1000_TCTL,
	     er32(adapter, E1000_TCTL) & ~E1000_TCTL_EN);
	e1000_write_flush(adapter);
	mdelay(10);
}

/* ---- transmit -------------------------------------------------------------- */

/*
 * e1000_xmit_frame - put one frame on the tx ring (ndo_start_xmit)
 *
 * Returns NETDEV_TX_OK when the ring took the frame (the driver now owns the
 * skb), or NETDEV_TX_BUSY if the ring is full, which should not happen: the
 * queue is stopped before it fills. Frames over the MTU are dropped here.
 * Runs with bottom halves off; interrupts go off around the ring update
 * because with napi=off e1000_clean_tx_irq runs in the hard IRQ.
 *
 * DOC: e1000_xmit_frame
 */
static netdev_tx_t e1000_xmit_frame(struct sk_buff *skb,
				    struct net_device *netdev)
{
	struct e1000_adapter *adapter = netdev_priv(netdev);
	struct e1000_tx_ring *tx_ring = &adapter->tx_ring;
	struct e1000_tx_desc *desc;
	unsigned long flags;
	unsigned int i;

	if (skb->len > ETH_FRAME_LEN || skb->len == 0) {
		netdev->stats.tx_dropped++;
		kfree_skb_reason(skb, SKB_DROP_REASON_PKT_TOO_BIG);
		return NETDEV_TX_OK;
	}
	local_irq_save(flags);
	if (E1000_DESC_UNUSED(tx_ring) == 0) {
		netif_stop_queue(netdev);
		local_irq_restore(flags);
		return NETDEV_TX_BUSY;
	}
	i = tx_ring->next_to_use;
	desc = &tx_ring->desc[i];
	tx_ring->buffer_info[i].skb = skb;
	desc->buffer_addr = __pa(skb->data);
	desc->length = skb->len;
	desc->cmd = E1000_TXD_CMD_EOP | E1000_TXD_CMD_IFCS | E1000_TXD_CMD_RS;
	desc->status = 0;
	tx_ring->next_to_use = e1000_ring_next(i, tx_ring->count);
	wmb(); /* descriptor complete before the device may fetch it */
	ew32(adapter, E1000_TDT, tx_ring->next_to_use);
	if (E1000_DESC_UNUSED(tx_ring) == 0)
		netif_stop_queue(netdev);
	local_irq_restore(flags);
	return NETDEV_TX_OK;
}

/*
 * e1000_clean_tx_irq - free the skbs of frames the device has sent
 *
 * Walks from next_to_clean while DD is set (the device writes it back for
 * descriptors with RS). Wakes the queue once enough slots are free.
 * Softirq (the poll) or hard IRQ (napi=off). Returns frames reclaimed.
 *
 * DOC: e1000_clean_tx_irq
 */
static int e1000_clean_tx_irq(struct e1000_adapter *adapter)
{
	struct e1000_tx_ring *tx_ring = &adapter->tx_ring;
	struct net_device *netdev = adapter->netdev;
	unsigned int i = tx_ring->next_to_clean;
	int count = 0;

	while (i != tx_ring->next_to_use &&
	       (READ_ONCE(tx_ring->desc[i].status) & E1000_TXD_STAT_DD)) {
		struct sk_buff *skb = tx_ring->buffer_info[i].skb;

		netdev->stats.tx_packets++;
		netdev->stats.tx_bytes += skb->len;
		dev_consume_skb_any(skb);
		tx_ring->buffer_info[i].skb = NULL;
		tx_ring->desc[i].status = 0;
		i = e1000_ring_next(i, tx_ring->count);
		count++;
	}
	tx_ring->next_to_clean = i;
	if (netif_queue_stopped(netdev) && netif_carrier_ok(netdev) &&
	    E1000_DESC_UNUSED(tx_ring) >= E1000_TX_WAKE_THRESHOLD)
		netif_wake_queue(netdev);
	return count;
}

/* ---- interrupt and poll: stages 3 and 6 ------------------------------------ */

/*
 * napi=off: the whole receive in the hard IRQ, bounded only by the ring
 * (Linux before NAPI looped like this, up to a few hundred frames). While
 * frames keep arriving the CPU does little else: receive livelock.
 */
static void e1000_intr_no_napi(struct e1000_adapter *adapter)
{
	int work_done = 0;

	e1000_clean_tx_irq(adapter);
	e1000_clean_rx_irq(adapter, &adapter->rx_ring, &work_done,
			   adapter->rx_ring.count);
	e1000_irq_enable(adapter);
}

/*
 * e1000_intr - the hard IRQ handler (stage 3)
 *
 * Reading ICR returns the causes and clears them: that is the ack (13.4.17).
 * 0 means the interrupt was not ours (the line may be shared). Then mask
 * the device (IMC) and schedule the poll; the frames stay in the ring for
 * e1000_clean. A link change only pokes the watchdog timer. RXO (the ring
 * ran full, frames were missed) needs nothing more: the poll frees
 * descriptors and the device goes on; MPC/RNBC count the loss. Hard IRQ,
 * interrupts off.
 *
 * DOC: e1000_intr
 */
static irqreturn_t e1000_intr(int irq, void *data)
{
	struct net_device *netdev = data;
	struct e1000_adapter *adapter = netdev_priv(netdev);
	uint32_t icr = er32(adapter, E1000_ICR);

	if (!icr)
		return IRQ_NONE;
	if (icr & E1000_ICR_LSC)
		mod_timer(&adapter->watchdog_timer, jiffies);
	e1000_irq_disable(adapter);
	if (netdev_napi_off())
		e1000_intr_no_napi(adapter);
	else
		napi_schedule(&adapter->napi);
	return IRQ_HANDLED;
}

/*
 * e1000_clean - the NAPI poll (stage 6), weight E1000_NAPI_WEIGHT
 *
 * Called by net_rx_action with this device's interrupts masked. Reclaims
 * sent frames, then takes up to budget received frames. Under budget the
 * ring is drained: leave polling (napi_complete_done) and unmask, so the
 * next frame interrupts again. At budget stay on the poll list: more work
 * is waiting and interrupts stay off (that is what saves the CPU under
 * load). Softirq context.
 *
 * DOC: e1000_clean
 */
static int e1000_clean(struct napi_struct *napi, int budget)
{
	struct e1000_adapter *adapter =
		container_of(napi, struct e1000_adapter, napi);
	int work_done = 0;

	e1000_clean_tx_irq(adapter);
	e1000_clean_rx_irq(adapter, &adapter->rx_ring, &work_done, budget);
	if (work_done < budget && napi_complete_done(napi, work_done))
		e1000_irq_enable(adapter);
	return work_done;
}

/* ---- link and statistics: the watchdog (TIMER softirq) --------------------- */

static const uint32_t e1000_stat_reg[E1000_STAT_NUM] = {
	[E1000_STAT_CRCERRS] = E1000_CRCERRS, [E1000_STAT_ALGNERRC] = E1000_ALGNERRC,
	[E1000_STAT_RXERRC] = E1000_RXERRC,   [E1000_STAT_MPC] = E1000_MPC,
	[E1000_STAT_RNBC] = E1000_RNBC,	      [E1000_STAT_RUC] = E1000_RUC,
	[E1000_STAT_ROC] = E1000_ROC,
};

/*
 * Events counted since the last call. The manual's registers clear when
 * read (13.7), so the value read is the increment. QEMU's model (through
 * 7.x at least) leaves CRCERRS..MPC and RNBC counting up from reset
 * instead; for its device (PCI subsystem vendor 1af4) we subtract the value
 * read last time. ROC and RUC do clear there; a register that clears gives
 * the right answer either way as long as it is read only here.
 */
static uint32_t e1000_read_stat(struct e1000_adapter *adapter,
				enum e1000_stat s)
{
	uint32_t v = er32(adapter, e1000_stat_reg[s]);
	uint32_t delta;

	if (!adapter->stats_do_not_clear || s == E1000_STAT_RUC ||
	    s == E1000_STAT_ROC)
		return v;
	delta = v - adapter->hw_stats_last[s];
	adapter->hw_stats_last[s] = v;
	return delta;
}

/*
 * e1000_update_stats - fold the hardware's counters into netdev->stats
 *
 * These are frames the NIC dropped itself, before any DMA: missed (no room,
 * MPC), no descriptor (RNBC: the ring was full, "overruns"), bad FCS, too
 * short or too long. The driver's own drops were counted as they happened.
 * Timer softirq or process context; interrupts off so the sums stay whole.
 */
static void e1000_update_stats(struct e1000_adapter *adapter)
{
	struct net_device *netdev = adapter->netdev;
	uint32_t d[E1000_STAT_NUM];
	unsigned long flags;

	local_irq_save(flags);
	for (int s = 0; s < E1000_STAT_NUM; s++) {
		d[s] = e1000_read_stat(adapter, s);
		adapter->hw_stats[s] += d[s];
	}
	netdev->stats.rx_crc_errors += d[E1000_STAT_CRCERRS];
	netdev->stats.rx_frame_errors += d[E1000_STAT_ALGNERRC];
	netdev->stats.rx_missed_errors += d[E1000_STAT_MPC];
	netdev->stats.rx_over_errors += d[E1000_STAT_RNBC];
	netdev->stats.rx_length_errors += d[E1000_STAT_RUC] + d[E1000_STAT_ROC];
	netdev->stats.rx_errors += d[E1000_STAT_CRCERRS] + d[E1000_STAT_ALGNERRC] +
				   d[E1000_STAT_RXERRC] + d[E1000_STAT_RUC] +
				   d[E1000_STAT_ROC];
	local_irq_restore(flags);
}

/* ndo_get_stats64: fresh hardware counters, then the copy. */
static void e1000_get_stats64(struct net_device *netdev,
			      struct rtnl_link_stats64 *stats)
{
	struct e1000_adapter *adapter = netdev_priv(netdev);

	if (netif_running(netdev))
		e1000_update_stats(adapter);
	*stats = netdev->stats;
}

static const char *const e1000_speed_name[] = { "10", "100", "1000", "1000" };

/* STATUS.LU -> carrier (13.4.2); logs the change as Linux does. */
static void e1000_check_link(struct e1000_adapter *adapter)
{
	struct net_device *netdev = adapter->netdev;
	uint32_t status = er32(adapter, E1000_STATUS);
	bool up = status & E1000_STATUS_LU;

	if (!nic_carrier_update(netdev, up))
		return;
	if (up)
		pci_info(adapter->pdev, "%s: NIC Link is Up %s Mbps %s Duplex\n",
			 netdev->name,
			 e1000_speed_name[(status & E1000_STATUS_SPEED_MASK) >>
					  E1000_STATUS_SPEED_SHIFT],
			 (status & E1000_STATUS_FD) ? "Full" : "Half");
	else
		pci_info(adapter->pdev, "%s: NIC Link is Down\n", netdev->name);
}

/*
 * e1000_watchdog - every E1000_WATCHDOG_MS, and at once on a link change
 *
 * Link state, statistics, and a kick for a starving ring: if a refill
 * failed for lack of memory, no frame can arrive to trigger the poll that
 * would retry it, so raise a receive interrupt ourselves (ICS.RXDMT0), as
 * Linux's e1000 watchdog does. TIMER softirq.
 */
static void e1000_watchdog(struct timer_list *t)
{
	struct e1000_adapter *adapter =
		container_of(t, struct e1000_adapter, watchdog_timer);
	struct e1000_rx_ring *rx_ring = &adapter->rx_ring;

	if (!netif_running(adapter->netdev))
		return;
	e1000_check_link(adapter);
	e1000_update_stats(adapter);
	if (E1000_DESC_UNUSED(rx_ring) > rx_ring->count / 2)
		ew32(adapter, E1000_ICS, E1000_ICR_RXDMT0);
	mod_timer(&adapter->watchdog_timer,
		  jiffies + msecs_to_jiffies(E1000_WATCHDOG_MS));
}

/* ---- open and close (ndo_open / ndo_stop, process context) ----------------- */

/*
 * e1000_open - ifconfig eth0 up
 *
 * Rings, device configuration, buffers posted, the IRQ line, NAPI, then
 * interrupts unmasked. The carrier comes on when the watchdog sees link.
 */
static int e1000_open(struct net_device *netdev)
{
	struct e1000_adapter *adapter = netdev_priv(netdev);
	int err;

	netif_carrier_off(netdev);
	err = e1000_setup_tx_resources(adapter);
	if (!err)
		err = e1000_setup_rx_resources(adapter);
	if (err)
		goto err_free;
	e1000_configure_tx(adapter);
	e1000_configure_rx(adapter);
	err = request_irq(netdev->irq, e1000_intr, IRQF_SHARED, netdev->name,
			  netdev);
	if (err)
		goto err_stop;
	napi_enable(&adapter->napi);
	e1000_irq_enable(adapter);
	netif_start_queue(netdev);
	mod_timer(&adapter->watchdog_timer, jiffies);
	return 0;
err_stop:
	e1000_stop_dma(adapter);
err_free:
	e1000_free_resources(adapter);
	return err;
}

/*
 * e1000_close - ifconfig eth0 down
 *
 * Order matters: stop the device's DMA and interrupts first, then NAPI,
 * then free what the device could have written to. Frames arriving while
 * down are dropped by the NIC (RCTL.EN clear) and never reach memory.
 */
static int e1000_close(struct net_device *netdev)
{
	struct e1000_adapter *adapter = netdev_priv(netdev);

	netif_stop_queue(netdev);
	e1000_irq_disable(adapter);
	e1000_stop_dma(adapter);
	napi_disable(&adapter->napi);
	del_timer(&adapter->watchdog_timer);
	free_irq(netdev->irq, netdev);
	netif_carrier_off(netdev);
	e1000_update_stats(adapter);
	e1000_free_resources(adapter);
	return 0;
}

/*
 * e1000_set_mac - ndo_set_mac_address (ifconfig eth0 hw ether ...)
 *
 * Receive address 0 (RAL0/RAH0) is the filter's "our address"; the NIC
 * takes unicast frames to the new MAC from the next one on. Process context.
 */
static int e1000_set_mac(struct net_device *netdev, void *p)
{
	struct e1000_adapter *adapter = netdev_priv(netdev);
	const struct sockaddr *addr = p;

	if (!is_valid_ether_addr((const uint8_t *)addr->sa_data))
		return -EADDRNOTAVAIL;
	eth_hw_addr_set(netdev, (const uint8_t *)addr->sa_data);
	e1000_rar_set(adapter, netdev->dev_addr);
	return 0;
}

static const struct net_device_ops e1000_netdev_ops = {
	.ndo_open = e1000_open,
	.ndo_stop = e1000_close,
	.ndo_start_xmit = e1000_xmit_frame,
	.ndo_set_rx_mode = e1000_set_rx_mode,
	.ndo_get_stats64 = e1000_get_stats64,
	.ndo_set_mac_address = e1000_set_mac,
};

/* ---- probe and remove (PCI core, process context) --------------------------- */

/* BAR0 mapped, device reset, MAC address read; nothing allocated on failure. */
static int e1000_hw_init(struct e1000_adapter *adapter,
			 struct net_device *netdev)
{
	struct pci_dev *pdev = adapter->pdev;
	int err;

	adapter->hw_addr = ioremap(pci_resource_start(pdev, 0),
				   pci_resource_len(pdev, 0));
	if (!adapter->hw_addr)
		return -ENOMEM;
	err = e1000_reset_hw(adapter);
	if (err) {
		pci_err(pdev, "reset did not complete\n");
		return err;
	}
	err = e1000_read_mac_addr(adapter, netdev->dev_addr);
	if (err)
		pci_err(pdev, "invalid MAC address\n");
	else
		e1000_rar_set(adapter, netdev->dev_addr);
	return err;
}

/*
 * e1000_probe - the PCI core found an 8086:100e
 *
 * Enable the device and its bus mastering (it DMAs), map the registers,
 * reset, read the MAC address, register "eth%d". The interface stays down
 * (no rings, no IRQ) until e1000_open.
 */
static int e1000_probe(struct pci_dev *pdev, const struct pci_device_id *ent)
{
	struct e1000_adapter *adapter;
	struct net_device *netdev;
	int err;

	err = pci_enable_device(pdev);
	if (err)
		return err;
	pci_set_master(pdev);
	netdev = alloc_etherdev(sizeof(struct e1000_adapter));
	if (!netdev) {
		err = -ENOMEM;
		goto err_disable;
	}
	adapter = netdev_priv(netdev);
	adapter->netdev = netdev;
	adapter->pdev = pdev;
	/* QEMU's devices carry subsystem vendor 1af4 (Red Hat/Qumranet). */
	adapter->stats_do_not_clear = pdev->subsystem_vendor == 0x1af4;
	err = e1000_hw_init(adapter, netdev);
	if (err)
		goto err_free;
	netdev->netdev_ops = &e1000_netdev_ops;
	netdev->irq = pdev->irq;
	/* what ifconfig prints as "memory 0xfebc0000-febe0000" */
	netdev->mem_start = pci_resource_start(pdev, 0);
	netdev->mem_end = netdev->mem_start + pci_resource_len(pdev, 0);
	e1000_set_ethtool_ops(netdev);
	netif_napi_add_weight(netdev, &adapter->napi, e1000_clean,
			      E1000_NAPI_WEIGHT);
	timer_setup(&adapter->watchdog_timer, e1000_watchdog, 0);
	netif_carrier_off(netdev);
	err = register_netdev(netdev);
	if (err)
		goto err_free;
	pci_set_drvdata(pdev, netdev);
	pci_info(pdev, "%s: (PCI:33MHz:32-bit) %02x:%02x:%02x:%02x:%02x:%02x\n",
		 netdev->name, netdev->dev_addr[0], netdev->dev_addr[1],
		 netdev->dev_addr[2], netdev->dev_addr[3], netdev->dev_addr[4],
		 netdev->dev_addr[5]);
	pci_info(pdev, "%s: Intel(R) PRO/1000 Network Connection\n",
		 netdev->name);
	return 0;
err_free:
	if (adapter->hw_addr)
		iounmap(adapter->hw_addr);
	free_netdev(netdev);
err_disable:
	pci_disable_device(pdev);
	return err;
}

static void e1000_remove(struct pci_dev *pdev)
{
	struct net_device *netdev = pci_get_drvdata(pdev);
	struct e1000_adapter *adapter = netdev_priv(netdev);

	unregister_netdev(netdev); /* closes it if up */
	e1000_reset_hw(adapter);
	iounmap(adapter->hw_addr);
	free_netdev(netdev);
	pci_disable_device(pdev);
}

static const struct pci_device_id e1000_pci_tbl[] = {
	{ PCI_DEVICE(PCI_VENDOR_ID_INTEL, E1000_DEV_ID_82540EM) },
	{ 0 }
};

static struct pci_driver e1000_driver = {
	.name = e1000_driver_name,
	.id_table = e1000_pci_tbl,
	.probe = e1000_probe,
	.remove = e1000_remove,
};

/* Boot, process context (Linux: module_init(e1000_init_module)). */
int e1000_init_module(void)
{
	return pci_register_driver(&e1000_driver);
}
