/*
 * e1000.h - private state of the Intel 8254x driver (Linux:
 * drivers/net/ethernet/intel/e1000/e1000.h).
 *
 * Files: e1000_main.c (probe, open/close, transmit, the interrupt handler,
 * the NAPI poll e1000_clean, rx mode, link watchdog, statistics),
 * e1000_rx.c (the receive ring: e1000_alloc_rx_buffers and
 * e1000_clean_rx_irq, kept apart as a lab), e1000_ethtool.c (what
 * ethtool asks: driver info, link, interrupt moderation, ring sizes,
 * statistics), e1000_hw.h (registers and descriptors).
 *
 * The receive ring (SDM 3.2.6). rx_ring->count descriptors in DMA memory;
 * the device owns [RDH, RDT), software owns the rest:
 *
 *     next_to_clean         RDH                      RDT == next_to_use
 *          v                 v                              v
 *   ...free | done (DD set)  | posted: buffers the device   | free ...
 *           | software takes | fills next                   | no buffer
 *
 * One descriptor's life, and who moves it:
 *
 *   FREE --e1000_alloc_rx_buffers: skb posted, RDT moved past it--> POSTED
 *   POSTED --device: frame DMA'd into the buffer, DD written last--> DONE
 *   DONE --e1000_clean_rx_irq: skb delivered or dropped, DD cleared--> FREE
 *
 * Invariants: exactly the descriptors from next_to_clean up to
 * next_to_use - 1 hold a buffer (POSTED or DONE); at least one descriptor
 * is FREE, so next_to_use never catches next_to_clean and RDT == RDH
 * always means "the device has no buffer" (it then drops and counts
 * RNBC/MPC; SDM 13.7.33, 13.7.5), never "the ring is full of buffers".
 * RDT is written only after the descriptors it covers are filled (wmb()).
 *
 * The transmit ring mirrors it: xmit fills at next_to_use and moves TDT;
 * the device sends from TDH and sets DD; e1000_clean_tx_irq frees the skbs
 * from next_to_clean on.
 *
 * Locking: one CPU. The rings are touched by the NAPI poll (softirq) or, with
 * napi=off, the hard IRQ handler; transmit runs with interrupts off while it
 * fills a descriptor. Linux adds per-ring locks, multiple queues, DMA
 * mapping calls (dma_map_single) and many hardware variants.
 */
#ifndef RXOS_DRIVERS_NET_E1000_H
#define RXOS_DRIVERS_NET_E1000_H

#include "drivers/net/e1000/e1000_hw.h"
#include "net/ethtool/ethtool.h"
#include "drivers/net/nic.h"
#include "drivers/pci/pci.h"
#include "kernel/iomap.h"
#include "kernel/timer.h"
#include "net/core/netdevice.h"
#include "net/core/skbuff.h"
#include "net/ethernet/etherdevice.h"

/* ---- tunables, with their Linux counterparts ------------------------------ */
#define E1000_RX_RING_SIZE 256 /* ethtool -G rx; Linux default 256 */
#define E1000_TX_RING_SIZE 256 /* ethtool -G tx; Linux default 256 */
#define E1000_RXBUFFER_2048 2048 /* RCTL.BSIZE: fits any 1518-byte frame */
#define E1000_NAPI_WEIGHT 64  /* frames per poll; Linux NAPI_POLL_WEIGHT */
#define E1000_RX_BUFFER_WRITE 16 /* refill in batches (Linux: same) */
#define E1000_TX_WAKE_THRESHOLD 32 /* free tx slots before waking the queue */
#define E1000_WATCHDOG_MS 2000 /* link and statistics poll; Linux: 2 s */

struct e1000_rx_buffer {
	struct sk_buff *skb; /* posted buffer; NULL while the slot is FREE */
};

struct e1000_tx_buffer {
	struct sk_buff *skb; /* frame until the device sets DD */
};

struct e1000_rx_ring {
	struct e1000_rx_desc *desc; /* count descriptors, DMA memory */
	uint32_t dma;		    /* physical address of desc, for RDBAL */
	unsigned int count;
	unsigned int next_to_use;   /* next FREE slot to post a buffer in */
	unsigned int next_to_clean; /* next slot expected to become DONE */
	struct e1000_rx_buffer *buffer_info;
	bool discarding; /* inside a frame longer than one buffer */
};

struct e1000_tx_ring {
	struct e1000_tx_desc *desc;
	uint32_t dma;
	unsigned int count;
	unsigned int next_to_use;
	unsigned int next_to_clean;
	struct e1000_tx_buffer *buffer_info;
};

/* The statistics registers the driver folds into netdev->stats. */
enum e1000_stat {
	E1000_STAT_CRCERRS,
	E1000_STAT_ALGNERRC,
	E1000_STAT_RXERRC,
	E1000_STAT_MPC,
	E1000_STAT_RNBC,
	E1000_STAT_RUC,
	E1000_STAT_ROC,
	E1000_STAT_NUM,
};

struct e1000_adapter {
	struct net_device *netdev;
	struct pci_dev *pdev;
	void __iomem *hw_addr;	/* BAR0, ioremap'd */
	struct napi_struct napi;
	struct e1000_rx_ring rx_ring;
	struct e1000_tx_ring tx_ring;
	struct timer_list watchdog_timer;

	/* interrupt moderation: ethtool -C rx-usecs (e1000_ethtool.c) */
	uint32_t rx_coalesce_usecs;

	/* the hardware's counters: see e1000_update_stats() */
	uint64_t hw_stats[E1000_STAT_NUM];	/* totals since probe (ethtool -S) */
	uint32_t hw_stats_last[E1000_STAT_NUM]; /* for non-clearing models */
	bool stats_do_not_clear;		/* quirk: QEMU's model */

	uint64_t alloc_rx_buff_failed; /* Linux: same name, ethtool -S */
};

/* ---- register access (Linux: er32/ew32 macros on hw->hw_addr) ----------- */
static inline uint32_t er32(struct e1000_adapter *adapter, uint32_t reg)
{
	return readl((char __iomem *)adapter->hw_addr + reg);
}

static inline void ew32(struct e1000_adapter *adapter, uint32_t reg,
			uint32_t val)
{
	writel(val, (char __iomem *)adapter->hw_addr + reg);
}

/* Posted writes reach the device before the next read returns. */
static inline void e1000_write_flush(struct e1000_adapter *adapter)
{
	(void)er32(adapter, E1000_STATUS);
}

/* ---- ring arithmetic ------------------------------------------------------- */
/* The slot after i, wrapping at count. */
static inline unsigned int e1000_ring_next(unsigned int i, unsigned int count)
{
	return i + 1 == count ? 0 : i + 1;
}

/*
 * FREE slots that can take a new buffer: the whole ring minus the slots that
 * hold one (next_to_clean .. next_to_use-1) minus the one always kept FREE.
 * Linux: E1000_DESC_UNUSED().
 */
static inline unsigned int e1000_desc_unused(unsigned int next_to_clean,
					     unsigned int next_to_use,
					     unsigned int count)
{
	return (next_to_clean > next_to_use ? 0 : count) + next_to_clean -
	       next_to_use - 1;
}

#define E1000_DESC_UNUSED(R) \
	e1000_desc_unused((R)->next_to_clean, (R)->next_to_use, (R)->count)

/* ---- e1000_rx.c (the lab) ------------------------------------------------- */
void e1000_alloc_rx_buffers(struct e1000_adapter *adapter,
			    struct e1000_rx_ring *rx_ring, int cleaned_count);
bool e1000_clean_rx_irq(struct e1000_adapter *adapter,
			struct e1000_rx_ring *rx_ring, int *work_done,
			int work_to_do);

/* ---- e1000_ethtool.c ------------------------------------------------------ */
extern const char e1000_driver_name[];
void e1000_set_ethtool_ops(struct net_device *netdev);
void e1000_configure_itr(struct e1000_adapter *adapter);

#endif
