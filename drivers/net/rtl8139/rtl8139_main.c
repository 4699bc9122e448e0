/*
 * rtl8139_main.c - driver for the Realtek RTL8139C 10/100 Ethernet controller
 * ("-device rtl8139" in QEMU, PCI 10ec:8139). Linux:
 * drivers/net/ethernet/realtek/8139too.c.
 *
 * Sources: "RTL8139C(L)(+) Single-Chip Fast Ethernet Controller" datasheet
 * (register names and bits below are its names) and Realtek's "RTL8139(A/B)
 * Programming guide" (the receive-buffer and transmit-descriptor rules).
 *
 * The same receive path as e1000 (design/receive-path.md), with a very
 * different device, which is the point of reading the two side by side:
 *
 *   e1000: a ring of descriptors, each pointing at a buffer the driver
 *          posted; the frame lands in an skb's data and goes up uncopied.
 *   8139:  one contiguous ring *buffer* (RBSTART, 8/16/32/64 KiB + 16) the
 *          chip writes frames into back to back, each behind a 4-byte
 *          header; the driver copies every frame out into a new skb and
 *          moves CAPR forward to give the space back. Four transmit slots
 *          (TSD0-3/TSAD0-3) with one bounce buffer each.
 *
 *   1 NIC filter  rtl8139_set_rx_mode: RCR AAP/APM/AM/AB, MAR0-7 hash
 *   2 DMA         chip writes the ring buffer at CBR
 *   3 hard IRQ    rtl8139_interrupt: ISR read; rx bits masked in IMR,
 *                 napi_schedule(); transmit completions reclaimed here
 *   6 poll        rtl8139_poll -> rtl8139_rx (rtl8139_rx.c, a lab)
 *   7 link layer  eth_type_trans + netif_receive_skb
 *
 * Interrupt moderation: the 8139 has nothing like e1000's ITR/RDTR/RADV:
 * every received frame raises ROK. Its one tool is a timer: TCTR counts
 * PCI clocks (33 MHz) and raises ISR.TimeOut when it reaches TimerInt. A
 * driver can mask ROK and poll the ring on that timer instead - a fixed
 * interrupt rate bought with latency. rtl8139_set_coalesce does exactly
 * that for rx-usecs > 0 (see there). The "+" (C+ mode) chips add an
 * IntrMitigate register; the RTL8139C this driver drives has none.
 *
 * Contexts as in e1000_main.c: probe/open/close process; interrupt hard
 * IRQ; poll NET_RX softirq; watchdog TIMER softirq; start_xmit with bottom
 * halves off. With napi=off the interrupt handler runs rtl8139_rx itself.
 *
 * Linux adds: the 8129 and older 8139 variants, MII/PHY control, EEPROM
 * reading, MMIO mode, WOL, and the tx timeout reset. What ethtool asks is
 * in rtl8139_ethtool.c.
 */
#include "drivers/net/rtl8139/rtl8139.h"
#include "kernel/barrier.h"
#include "kernel/delay.h"
#include "kernel/errno.h"
#include "kernel/interrupt.h"
#include "kernel/irqflags.h"
#include "kernel/mm/gfp.h"
#include "kernel/printk.h"
#include "kernel/time.h"
#include "net/core/socket.h"

/* ---- receive: the rest of stage 6 (the ring itself is in rtl8139_rx.c) ---- */

/*
 * Rx trouble the interrupt reports rather than the ring: buffer overflow
 * (the ring was full; the chip missed frames, counted in MPC) and FIFO
 * overflow. Recovery is just to keep reading: once CAPR moves the chip
 * finds room again. Linux's 8139too does the same (rtl8139_isr_ack).
 */
static void rtl8139_rx_overflow(struct rtl8139_private *tp, uint16_t status)
{
	struct net_device *dev = tp->dev;

	if (status & INT_RXOVW) {
		dev->stats.rx_errors++;
		dev->stats.rx_over_errors++; /* "overruns": the ring was full */
	}
	if (status & INT_FOVW) {
		dev->stats.rx_errors++;
		dev->stats.rx_fifo_errors++;
	}
}

/* Overflow accounting, the ring, and the ack if no frame did it. */
static int rtl8139_rx_work(struct rtl8139_private *tp, int budget)
{
	uint16_t status = RTL_R16(ISR);
	int work_done;

	rtl8139_rx_overflow(tp, status);
	work_done = rtl8139_rx(tp, budget);
	if (!work_done)
		RTL_W16(ISR, status & INT_RX_ACK);
	return work_done;
}

/*
 * rtl8139_poll - the NAPI poll (stage 6). Softirq.
 *
 * Same shape as e1000_clean: up to budget frames; under budget the ring is
 * empty, so complete and unmask the rx interrupts. Transmit completions
 * were already reclaimed in the hard IRQ (four slots: freeing them at once
 * keeps the queue moving; Linux does the same).
 */
static int rtl8139_poll(struct napi_struct *napi, int budget)
{
	struct rtl8139_private *tp =
		container_of(napi, struct rtl8139_private, napi);
	int work_done = rtl8139_rx_work(tp, budget);

	if (work_done < budget && napi_complete_done(napi, work_done)) {
		if (tp->timer_int) /* moderating: next look in rx-usecs */
			RTL_W32(TCTR, 0);
		RTL_W16(IMR, tp->intr_mask);
	}
	return work_done;
}

/* ---- transmit -------------------------------------------------------------- */

/*
 * rtl8139_start_xmit - ndo_start_xmit
 *
 * Four slots, used in turn. The frame is copied into the slot's bounce
 * buffer (the chip wants it contiguous and dword-aligned) and padded with
 * zeros to 60 bytes (the 8139 does not pad); writing the size to TSD with
 * OWN = 0 starts the DMA. The copy is what gets sent, so the skb is freed
 * at once. Returns NETDEV_TX_OK, or NETDEV_TX_BUSY if all four slots are
 * in flight (the queue is stopped before that happens).
 */
static netdev_tx_t rtl8139_start_xmit(struct sk_buff *skb,
				      struct net_device *dev)
{
	struct rtl8139_private *tp = netdev_priv(dev);
	unsigned int len = skb->len, entry;
	unsigned char *buf;
	unsigned long flags;

	if (len > ETH_FRAME_LEN || len == 0) {
		dev->stats.tx_dropped++;
		kfree_skb_reason(skb, SKB_DROP_REASON_PKT_TOO_BIG);
		return NETDEV_TX_OK;
	}
	local_irq_save(flags); /* rtl8139_tx_interrupt moves dirty_tx */
	if (tp->cur_tx - tp->dirty_tx >= NUM_TX_DESC) {
		netif_stop_queue(dev);
		local_irq_restore(flags);
		return NETDEV_TX_BUSY;
	}
	entry = tp->cur_tx % NUM_TX_DESC;
	buf = tp->tx_bufs + entry * TX_BUF_SIZE;
	memcpy(buf, skb->data, len);
	if (len < ETH_ZLEN) {
		memset(buf + len, 0, ETH_ZLEN - len);
		len = ETH_ZLEN;
	}
	wmb(); /* the frame is in memory before the chip is told */
	RTL_W32(TSD0 + entry * 4, TSD_ERTXTH | len);
	tp->cur_tx++;
	if (tp->cur_tx - tp->dirty_tx == NUM_TX_DESC)
		netif_stop_queue(dev);
	local_irq_restore(flags);
	dev_consume_skb_any(skb);
	return NETDEV_TX_OK;
}

/*
 * rtl8139_tx_interrupt - reclaim the slots the chip is done with
 *
 * In order from dirty_tx while TSD shows TOK, TUN or TABT. An aborted
 * frame is counted; CLRABT lets the transmitter go on (datasheet, TCR).
 * Hard IRQ.
 */
static void rtl8139_tx_interrupt(struct rtl8139_private *tp)
{
	struct net_device *dev = tp->dev;

	while (tp->dirty_tx != tp->cur_tx) {
		unsigned int entry = tp->dirty_tx % NUM_TX_DESC;
		uint32_t txstatus = RTL_R32(TSD0 + entry * 4);

		if (!(txstatus & TSD_DONE))
			break;
		if (txstatus & (TSD_TABT | TSD_TUN)) {
			dev->stats.tx_errors++;
			if (txstatus & TSD_TUN)
				dev->stats.tx_fifo_errors++;
			if (txstatus & TSD_TABT) {
				dev->stats.tx_aborted_errors++;
				RTL_W32(TCR, RTL8139_TCR | TCR_CLRABT);
			}
		} else {
			dev->stats.tx_packets++;
			dev->stats.tx_bytes += txstatus & TSD_SIZE_MASK;
		}
		tp->dirty_tx++;
	}
	if (netif_queue_stopped(dev) && netif_carrier_ok(dev) &&
	    tp->cur_tx - tp->dirty_tx < NUM_TX_DESC)
		netif_wake_queue(dev);
}

/* ---- interrupt: stage 3 ---------------------------------------------------- */

/*
 * napi=off: empty the ring in the hard IRQ, however long that takes (see
 * e1000_intr_no_napi). It must really be empty when we leave: rtl8139_rx
 * acks ROK frame by frame, so frames left behind would wait for an
 * interrupt that never comes - and QEMU's model, with a full ring, waits
 * for a CAPR write before it delivers anything more.
 */
static void rtl8139_intr_no_napi(struct rtl8139_private *tp)
{
	const int budget = RTL8139_NAPI_WEIGHT;

	while (rtl8139_rx_work(tp, budget) == budget)
		;
	RTL_W16(IMR, tp->intr_mask);
}

/* Link change, receive error, PCI error: rare, counted, logged. */
static void rtl8139_weird_interrupt(struct rtl8139_private *tp,
				    uint16_t status)
{
	struct net_device *dev = tp->dev;

	if (status & INT_LINKCHG)
		mod_timer(&tp->watchdog_timer, jiffies);
	if (status & INT_RER)
		dev->stats.rx_errors++;
	if (status & INT_SERR)
		pci_err(tp->pdev, "%s: PCI system error, ISR %04x\n", dev->name,
			status);
}

/*
 * rtl8139_interrupt - the hard IRQ handler (stage 3)
 *
 * ISR says why; 0 is someone else's interrupt on a shared line, 0xffff a
 * device that is gone. Everything but the receive bits is acked at once
 * (writing 1 clears an ISR bit). Receive: mask the rx sources in IMR and
 * schedule the poll, which reads the ring and acks them (rtl8139_rx rule
 * 5). TimeOut is the moderation timer: restart TCTR and poll the same way;
 * it stays unmasked, a tick that comes while polling is simply absorbed.
 */
static irqreturn_t rtl8139_interrupt(int irq, void *dev_instance)
{
	struct net_device *dev = dev_instance;
	struct rtl8139_private *tp = netdev_priv(dev);
	uint16_t status = RTL_R16(ISR);

	if (status == 0 || status == 0xffff)
		return IRQ_NONE;
	RTL_W16(ISR, status & ~INT_RX_ACK);
	if (status & (INT_TOK | INT_TER))
		rtl8139_tx_interrupt(tp);
	if (status & (INT_LINKCHG | INT_RER | INT_SERR))
		rtl8139_weird_interrupt(tp, status);
	if (status & INT_TIMEOUT)
		RTL_W32(TCTR, 0);
	if (status & tp->intr_mask & (INT_RX_ACK | INT_TIMEOUT)) {
		RTL_W16(IMR, tp->intr_mask & ~INT_RX_ACK);
		if (netdev_napi_off())
			rtl8139_intr_no_napi(tp);
		else
			napi_schedule(&tp->napi);
	}
	return IRQ_HANDLED;
}

/* ---- receive filter: stage 1 (RCR, MAR0-7) --------------------------------- */

/*
 * Accept bits for RCR and the 64-bit multicast hash for MAR0-7 (a group
 * passes if the bit its address's CRC selects is set). rxos keeps no list
 * of joined groups (Linux: netdev_for_each_mc_addr), so the hash is either
 * empty or, for IFF_PROMISC/IFF_ALLMULTI, full.
 */
static uint32_t rtl8139_rx_filter(struct net_device *dev, uint32_t mc[2])
{
	uint32_t accept = RCR_APM;

	mc[0] = mc[1] = 0;
	if (dev->flags & IFF_BROADCAST)
		accept |= RCR_AB;
	if (dev->flags & (IFF_PROMISC | IFF_ALLMULTI)) {
		accept |= RCR_AM;
		mc[0] = mc[1] = 0xffffffff;
	}
	if (dev->flags & IFF_PROMISC)
		accept |= RCR_AAP;
	return accept;
}

#define RTL8139_RCR_BASE                                               \
	(RCR_RXFTH_NONE | RCR_MXDMA_UNLIMITED |                        \
	 ((uint32_t)RX_BUF_IDX << RCR_RBLEN_SHIFT)) /* WRAP = 0 */

/*
 * rtl8139_set_rx_mode - ndo_set_rx_mode; process or softirq context
 *
 * MAR can change under a running receiver; a changed RCR restarts the
 * receiver (QEMU's model resets its ring pointers on every RCR write, so
 * carrying on would desynchronize us). That loses what the ring holds -
 * acceptable for a promiscuous on/off.
 */
static void rtl8139_set_rx_mode(struct net_device *dev)
{
	struct rtl8139_private *tp = netdev_priv(dev);
	uint32_t mc[2], rx_config;
	unsigned long flags;

	rx_config = RTL8139_RCR_BASE | rtl8139_rx_filter(dev, mc);
	local_irq_save(flags);
	RTL_W32(MAR0, mc[0]);
	RTL_W32(MAR0 + 4, mc[1]);
	if (rx_config != tp->rx_config) {
		tp->rx_config = rx_config;
		if (netif_running(dev))
			rtl8139_rx_restart(tp);
	}
	local_irq_restore(flags);
}

/* ---- bring-up (datasheet section 6, programming guide "initialization") --- */

/* Software reset: CR.RST reads 1 until the chip is done (bounded). */
static int rtl8139_chip_reset(struct rtl8139_private *tp)
{
	int spins = 1000;

	RTL_W8(CR, CR_RST);
	while ((RTL_R8(CR) & CR_RST) && --spins)
		udelay(10);
	return spins ? 0 : -EIO;
}

/*
 * Program the chip from reset to running: config unlocked, power state
 * normal, receiver and transmitter enabled (before RCR/TCR, which the chip
 * ignores otherwise), ring addresses, counters cleared, interrupts unmasked.
 */
static void rtl8139_hw_start(struct net_device *dev)
{
	struct rtl8139_private *tp = netdev_priv(dev);
	uint32_t mc[2];

	rtl8139_chip_reset(tp);
	RTL_W8(CR9346, CR9346_UNLOCK);
	RTL_W8(CONFIG1, 0); /* LWAKE active high, out of power-down */
	RTL_W8(CR, CR_RE | CR_TE);
	tp->rx_config = RTL8139_RCR_BASE | rtl8139_rx_filter(dev, mc);
	RTL_W32(RCR, tp->rx_config);
	RTL_W32(TCR, RTL8139_TCR);
	RTL_W8(CR9346, CR9346_LOCK);
	RTL_W32(MAR0, mc[0]);
	RTL_W32(MAR0 + 4, mc[1]);
	tp->cur_rx = 0;
	RTL_W32(RBSTART, tp->rx_ring_dma);
	RTL_W16(CAPR, rtl8139_capr(0));
	for (int i = 0; i < NUM_TX_DESC; i++)
		RTL_W32(TSAD0 + 4 * i, tp->tx_bufs_dma + i * TX_BUF_SIZE);
	tp->cur_tx = tp->dirty_tx = 0;
	RTL_W32(MPC, 0);
	RTL_W32(TIMERINT, tp->timer_int);
	RTL_W32(TCTR, 0);
	RTL_W16(IMR, tp->intr_mask);
}

/* ---- link and statistics: the watchdog ------------------------------------- */

/* BMSR link bit -> carrier. */
static void rtl8139_check_link(struct rtl8139_private *tp)
{
	struct net_device *dev = tp->dev;
	bool up = RTL_R16(BMSR) & BMSR_LSTATUS;

	if (nic_carrier_update(dev, up))
		pci_info(tp->pdev, "%s: link %s\n", dev->name, up ? "up" : "down");
}

/* MPC: frames the chip missed for want of ring space. 24 bits; write clears. */
static void rtl8139_update_stats(struct rtl8139_private *tp)
{
	unsigned long flags;

	local_irq_save(flags);
	tp->dev->stats.rx_missed_errors += RTL_R32(MPC) & 0xffffff;
	RTL_W32(MPC, 0);
	local_irq_restore(flags);
}

static void rtl8139_get_stats64(struct net_device *dev,
				struct rtnl_link_stats64 *stats)
{
	struct rtl8139_private *tp = netdev_priv(dev);

	if (netif_running(dev))
		rtl8139_update_stats(tp);
	*stats = dev->stats;
}

/* Every RTL8139_WATCHDOG_MS and at once on a link change. TIMER softirq. */
static void rtl8139_watchdog(struct timer_list *t)
{
	struct rtl8139_private *tp =
		container_of(t, struct rtl8139_private, watchdog_timer);

	if (!netif_running(tp->dev))
		return;
	rtl8139_check_link(tp);
	rtl8139_update_stats(tp);
	mod_timer(&tp->watchdog_timer,
		  jiffies + msecs_to_jiffies(RTL8139_WATCHDOG_MS));
}

/* ---- open and close (process context) --------------------------------------- */

#define RX_RING_ORDER 4 /* 64 KiB >= RX_BUF_LEN + RX_BUF_PAD */
#define TX_BUFS_ORDER 1 /* 8 KiB = NUM_TX_DESC * TX_BUF_SIZE */

static void rtl8139_free_rings(struct rtl8139_private *tp)
{
	if (tp->rx_ring)
		free_pages((unsigned long)tp->rx_ring, RX_RING_ORDER);
	if (tp->tx_bufs)
		free_pages((unsigned long)tp->tx_bufs, TX_BUFS_ORDER);
	tp->rx_ring = tp->tx_bufs = NULL;
}

static int rtl8139_alloc_rings(struct rtl8139_private *tp)
{
	_Static_assert(RX_BUF_LEN + RX_BUF_PAD <= (PAGE_SIZE << RX_RING_ORDER),
		       "rx ring does not fit its allocation");
	_Static_assert(NUM_TX_DESC * TX_BUF_SIZE <= (PAGE_SIZE << TX_BUFS_ORDER),
		       "tx buffers do not fit their allocation");
	tp->rx_ring = (void *)__get_free_pages(GFP_KERNEL | __GFP_ZERO,
					       RX_RING_ORDER);
	tp->tx_bufs = (void *)__get_free_pages(GFP_KERNEL, TX_BUFS_ORDER);
	if (!tp->rx_ring || !tp->tx_bufs) {
		rtl8139_free_rings(tp);
		return -ENOMEM;
	}
	tp->rx_ring_dma = __pa(tp->rx_ring);
	tp->tx_bufs_dma = __pa(tp->tx_bufs);
	return 0;
}

/* ifconfig eth1 up: memory, IRQ handler (device still masked), then start. */
static int rtl8139_open(struct net_device *dev)
{
	struct rtl8139_private *tp = netdev_priv(dev);
	int err;

	netif_carrier_off(dev);
	err = rtl8139_alloc_rings(tp);
	if (err)
		return err;
	err = request_irq(dev->irq, rtl8139_interrupt, IRQF_SHARED, dev->name,
			  dev);
	if (err) {
		rtl8139_free_rings(tp);
		return err;
	}
	napi_enable(&tp->napi);
	rtl8139_hw_start(dev);
	netif_start_queue(dev);
	mod_timer(&tp->watchdog_timer, jiffies);
	return 0;
}

/*
 * ifconfig eth1 down: interrupts and DMA off first, then NAPI, then the
 * memory the chip wrote to. Frames arriving now are dropped by the chip.
 */
static int rtl8139_close(struct net_device *dev)
{
	struct rtl8139_private *tp = netdev_priv(dev);

	netif_stop_queue(dev);
	RTL_W16(IMR, 0);
	RTL_W8(CR, 0);
	napi_disable(&tp->napi);
	del_timer(&tp->watchdog_timer);
	rtl8139_update_stats(tp);
	free_irq(dev->irq, dev);
	netif_carrier_off(dev);
	rtl8139_free_rings(tp);
	return 0;
}

/*
 * ndo_set_mac_address: IDR0-5 are writable only with the 93C46 command
 * register unlocked, and only as whole dwords. Linux: same name.
 */
static int rtl8139_set_mac_address(struct net_device *dev, void *p)
{
	struct rtl8139_private *tp = netdev_priv(dev);
	const struct sockaddr *addr = p;
	const uint8_t *a = (const uint8_t *)addr->sa_data;
	unsigned long flags;

	if (!is_valid_ether_addr(a))
		return -EADDRNOTAVAIL;
	eth_hw_addr_set(dev, a);
	local_irq_save(flags);
	RTL_W8(CR9346, CR9346_UNLOCK);
	RTL_W32(IDR0, a[0] | a[1] << 8 | a[2] << 16 | (uint32_t)a[3] << 24);
	RTL_W32(IDR0 + 4, a[4] | a[5] << 8);
	RTL_W8(CR9346, CR9346_LOCK);
	local_irq_restore(flags);
	return 0;
}

static const struct net_device_ops rtl8139_netdev_ops = {
	.ndo_open = rtl8139_open,
	.ndo_stop = rtl8139_close,
	.ndo_start_xmit = rtl8139_start_xmit,
	.ndo_set_rx_mode = rtl8139_set_rx_mode,
	.ndo_get_stats64 = rtl8139_get_stats64,
	.ndo_set_mac_address = rtl8139_set_mac_address,
};

/* ---- probe and remove (PCI core, process context) --------------------------- */

/*
 * Map the I/O BAR, power the chip up and reset it, read the MAC address
 * the chip loaded from its EEPROM into IDR0-5.
 */
static int rtl8139_init_board(struct rtl8139_private *tp)
{
	struct pci_dev *pdev = tp->pdev;

	if (!(pci_resource_flags(pdev, 0) & IORESOURCE_IO))
		return -ENODEV;
	tp->mmio_addr = ioport_map(pci_resource_start(pdev, 0),
				   pci_resource_len(pdev, 0));
	RTL_W8(CR9346, CR9346_UNLOCK);
	RTL_W8(CONFIG1, 0);
	RTL_W8(CR9346, CR9346_LOCK);
	if (rtl8139_chip_reset(tp)) {
		pci_err(pdev, "chip reset did not complete\n");
		return -EIO;
	}
	for (int i = 0; i < ETH_ALEN; i++)
		tp->dev->dev_addr[i] = RTL_R8(IDR0 + i);
	return is_valid_ether_addr(tp->dev->dev_addr) ? 0 : -EINVAL;
}

/*
 * rtl8139_init_one - the PCI core found a 10ec:8139 (Linux: same name)
 *
 * Enable I/O decoding and bus mastering, map the I/O BAR, reset, read the
 * MAC address, register the interface. Down until rtl8139_open.
 */
static int rtl8139_init_one(struct pci_dev *pdev,
			    const struct pci_device_id *ent)
{
	struct rtl8139_private *tp;
	struct net_device *dev;
	int err;

	err = pci_enable_device(pdev);
	if (err)
		return err;
	pci_set_master(pdev);
	dev = alloc_etherdev(sizeof(struct rtl8139_private));
	if (!dev) {
		err = -ENOMEM;
		goto err_disable;
	}
	tp = netdev_priv(dev);
	tp->dev = dev;
	tp->pdev = pdev;
	tp->intr_mask = RTL8139_INTR_MASK;
	err = rtl8139_init_board(tp);
	if (err)
		goto err_free;
	dev->netdev_ops = &rtl8139_netdev_ops;
	rtl8139_set_ethtool_ops(dev);
	dev->irq = pdev->irq;
	dev->base_addr = pci_resource_start(pdev, 0); /* ifconfig: "base 0xc000" */
	netif_napi_add_weight(dev, &tp->napi, rtl8139_poll, RTL8139_NAPI_WEIGHT);
	timer_setup(&tp->watchdog_timer, rtl8139_watchdog, 0);
	netif_carrier_off(dev);
	err = register_netdev(dev);
	if (err)
		goto err_free;
	pci_set_drvdata(pdev, dev);
	pci_info(pdev, "%s: RealTek RTL8139 at 0x%lx, %02x:%02x:%02x:%02x:%02x:%02x, IRQ %u\n",
		 dev->name, (unsigned long)pci_resource_start(pdev, 0),
		 dev->dev_addr[0], dev->dev_addr[1], dev->dev_addr[2],
		 dev->dev_addr[3], dev->dev_addr[4], dev->dev_addr[5], dev->irq);
	return 0;
err_free:
	free_netdev(dev);
err_disable:
	pci_disable_device(pdev);
	return err;
}

static void rtl8139_remove_one(struct pci_dev *pdev)
{
	struct net_device *dev = pci_get_drvdata(pdev);
	struct rtl8139_private *tp = netdev_priv(dev);

	unregister_netdev(dev); /* closes it if up */
	rtl8139_chip_reset(tp);
	free_netdev(dev);
	pci_disable_device(pdev);
}

static const struct pci_device_id rtl8139_pci_tbl[] = {
	{ PCI_DEVICE(PCI_VENDOR_ID_REALTEK, PCI_DEVICE_ID_REALTEK_8139) },
	{ 0 }
};

static struct pci_driver rtl8139_pci_driver = {
	.name = RTL8139_DRV_NAME,
	.id_table = rtl8139_pci_tbl,
	.probe = rtl8139_init_one,
	.remove = rtl8139_remove_one,
};

/* Boot, process context (Linux: module_init(rtl8139_init_module)). */
int rtl8139_init_module(void)
{
	return pci_register_driver(&rtl8139_pci_driver);
}
