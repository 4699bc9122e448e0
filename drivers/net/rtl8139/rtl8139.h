/*
 * rtl8139.h - registers and private state of the RTL8139C driver, shared by
 * rtl8139_main.c (everything but the receive ring) and rtl8139_rx.c (the
 * receive ring, a lab). Linux keeps all of it in
 * drivers/net/ethernet/realtek/8139too.c.
 *
 * Register and bit names are the RTL8139C(L) datasheet's.
 */
#ifndef RXOS_DRIVERS_NET_RTL8139_H
#define RXOS_DRIVERS_NET_RTL8139_H

#include "net/ethtool/ethtool.h"
#include "drivers/net/nic.h"
#include "drivers/pci/pci.h"
#include "kernel/iomap.h"
#include "kernel/timer.h"
#include "net/core/netdevice.h"
#include "net/core/skbuff.h"
#include "net/ethernet/etherdevice.h"

#define PCI_VENDOR_ID_REALTEK 0x10ec
#define PCI_DEVICE_ID_REALTEK_8139 0x8139

/* ---- tunables, with their Linux counterparts ------------------------------ */
#define RX_BUF_IDX 2 /* 0..3: 8, 16, 32, 64 KiB; Linux: 2 (32 KiB) */
#define RX_BUF_LEN (8192u << RX_BUF_IDX)
#define RX_BUF_PAD 16 /* the datasheet's "+16" */
#define NUM_TX_DESC 4 /* fixed by the chip */
#define TX_BUF_SIZE 2048 /* one bounce buffer per slot, >= 1514 */
#define RTL8139_NAPI_WEIGHT 64
#define RTL8139_WATCHDOG_MS 2000
#define PCI_CLOCKS_PER_USEC 33 /* TCTR counts the 33 MHz PCI clock */

/* ---- registers (datasheet section 6, offsets from the I/O BAR) ------------ */
enum rtl8139_registers {
	IDR0 = 0x00,	 /* MAC address, 6 bytes */
	MAR0 = 0x08,	 /* multicast hash filter, 8 bytes */
	TSD0 = 0x10,	 /* transmit status of descriptor 0..3, 4 bytes each */
	TSAD0 = 0x20,	 /* transmit start address 0..3 */
	RBSTART = 0x30,	 /* receive buffer start (physical) */
	CR = 0x37,	 /* command */
	CAPR = 0x38,	 /* current address of packet read (driver) */
	CBR = 0x3A,	 /* current buffer address (chip's write offset) */
	IMR = 0x3C,	 /* interrupt mask */
	ISR = 0x3E,	 /* interrupt status, write 1 to clear */
	TCR = 0x40,	 /* transmit configuration */
	RCR = 0x44,	 /* receive configuration */
	TCTR = 0x48,	 /* timer count; any write restarts it at 0 */
	MPC = 0x4C,	 /* missed packet counter, 24 bits; write clears */
	CR9346 = 0x50,	 /* 93C46 command: unlocks the CONFIG registers */
	CONFIG1 = 0x52,
	TIMERINT = 0x54, /* TimeOut interrupt when TCTR reaches this; 0 = off */
	BMCR = 0x62,	 /* basic mode control (MII register 0) */
	BMSR = 0x64,	 /* basic mode status (MII register 1) */
	ANAR = 0x66,	 /* autonegotiation advertisement (MII 4) */
	ANLPAR = 0x68,	 /* link partner ability (MII 5) */
};

/* CR */
#define CR_RST 0x10  /* reset; reads 1 until done */
#define CR_RE 0x08   /* receiver enable */
#define CR_TE 0x04   /* transmitter enable */
#define CR_BUFE 0x01 /* rx buffer empty */

/* ISR and IMR share the layout */
#define INT_ROK 0x0001	   /* receive OK */
#define INT_RER 0x0002	   /* receive error */
#define INT_TOK 0x0004	   /* transmit OK */
#define INT_TER 0x0008	   /* transmit error */
#define INT_RXOVW 0x0010   /* rx buffer overflow: frames being missed */
#define INT_LINKCHG 0x0020 /* packet underrun / link change */
#define INT_FOVW 0x0040	   /* rx FIFO overflow */
#define INT_TIMEOUT 0x4000 /* TCTR reached TimerInt */
#define INT_SERR 0x8000	   /* PCI system error */
#define INT_RX_ACK (INT_ROK | INT_RXOVW | INT_FOVW) /* acked by the poll */
#define RTL8139_INTR_MASK                                                  \
	(INT_ROK | INT_RER | INT_TOK | INT_TER | INT_RXOVW | INT_LINKCHG |  \
	 INT_FOVW | INT_SERR)

/* RCR */
#define RCR_AAP 0x01 /* accept all physical (promiscuous) */
#define RCR_APM 0x02 /* accept physical match (our IDR) */
#define RCR_AM 0x04  /* accept multicast (through MAR) */
#define RCR_AB 0x08  /* accept broadcast */
#define RCR_WRAP 0x80 /* 0: a frame reaching the end continues at 0 */
#define RCR_MXDMA_UNLIMITED (7u << 8)
#define RCR_RBLEN_SHIFT 11
#define RCR_RXFTH_NONE (7u << 13) /* DMA a frame only once complete */
#define RCR_ACCEPT_MASK (RCR_AAP | RCR_APM | RCR_AM | RCR_AB)

/* TCR: inter-frame gap 9.6 us (802.3), 1024-byte DMA bursts, 16 retries */
#define TCR_IFG96 (3u << 24)
#define TCR_MXDMA_1024 (6u << 8)
#define TCR_TXRR_SHIFT 4
#define TCR_CLRABT 0x01
#define RTL8139_TCR (TCR_IFG96 | TCR_MXDMA_1024 | (8u << TCR_TXRR_SHIFT))

/* TSD: write the size with OWN = 0 to send; the chip sets OWN, then TOK */
#define TSD_SIZE_MASK 0x1fff
#define TSD_OWN 0x2000
#define TSD_TUN 0x4000	     /* FIFO underrun */
#define TSD_TOK 0x8000	     /* sent */
#define TSD_ERTXTH (8u << 16) /* start sending after 8*32 = 256 bytes */
#define TSD_TABT 0x40000000  /* aborted (excessive collisions) */
#define TSD_DONE (TSD_TOK | TSD_TUN | TSD_TABT)

/* Receive status, the low 16 bits of each frame's header in the ring */
#define RSR_ROK 0x0001
#define RSR_FAE 0x0002	/* frame alignment error */
#define RSR_CRC 0x0004
#define RSR_LONG 0x0008 /* over 4 KiB */
#define RSR_RUNT 0x0010
#define RSR_ISE 0x0020	/* invalid symbol */
#define RX_HDR_LEN 4
#define RX_FCS_LEN 4
#define RX_SIZE_IN_PROGRESS 0xfff0 /* header of a frame still being DMA'd */

#define CR9346_UNLOCK 0xC0 /* "config register write enable" */
#define CR9346_LOCK 0x00
#define BMSR_LSTATUS 0x0004 /* MII: link is up */
#define BMCR_SPEED100 0x2000 /* MII: 100 Mb/s when not autonegotiating */
#define BMCR_ANENABLE 0x1000
#define BMCR_FULLDPLX 0x0100
#define ADVERTISE_10HALF 0x0020 /* ANAR/ANLPAR ability bits */
#define ADVERTISE_10FULL 0x0040
#define ADVERTISE_100HALF 0x0080
#define ADVERTISE_100FULL 0x0100

struct rtl8139_private {
	void __iomem *mmio_addr; /* I/O BAR as an ioport_map cookie */
	struct net_device *dev;
	struct pci_dev *pdev;
	struct napi_struct napi;
	struct timer_list watchdog_timer;

	/* receive: touched only by rtl8139_rx (poll, or hard IRQ with napi=off) */
	unsigned char *rx_ring; /* RX_BUF_LEN + RX_BUF_PAD bytes, DMA memory */
	uint32_t rx_ring_dma;
	unsigned int cur_rx; /* offset of the next frame's header */
	uint32_t rx_config;  /* RCR as last written */

	/* transmit: interrupts off while these change */
	unsigned char *tx_bufs; /* NUM_TX_DESC bounce buffers */
	uint32_t tx_bufs_dma;
	unsigned long cur_tx;	/* slots filled, ever; slot = cur_tx % 4 */
	unsigned long dirty_tx; /* slots reclaimed, ever */

	/* interrupt moderation (rtl8139_set_coalesce) */
	uint32_t timer_int; /* TimerInt in PCI clocks; 0: every frame interrupts */
	uint16_t intr_mask; /* IMR while not polling */
	uint64_t rx_restarts; /* receiver resets after a corrupt header */
};

#define RTL8139_DRV_NAME "8139too"
#define RTL8139_DRV_VERSION "0.9.28" /* Linux's 8139too version */

#define RTL_R8(reg) ioread8((char __iomem *)tp->mmio_addr + (reg))
#define RTL_R16(reg) ioread16((char __iomem *)tp->mmio_addr + (reg))
#define RTL_R32(reg) ioread32((char __iomem *)tp->mmio_addr + (reg))
#define RTL_W8(reg, v) iowrite8((v), (char __iomem *)tp->mmio_addr + (reg))
#define RTL_W16(reg, v) iowrite16((v), (char __iomem *)tp->mmio_addr + (reg))
#define RTL_W32(reg, v) iowrite32((v), (char __iomem *)tp->mmio_addr + (reg))

/* ---- receive ring arithmetic (the lab's rules, pure functions) ------------ */

/*
 * Where the frame after the one at offset with this header size starts:
 * header + frame (size includes the FCS), rounded up to 4 bytes - the chip
 * starts every header on a dword - and wrapped at the ring's end.
 */
static inline unsigned int rtl8139_next_rx(unsigned int offset,
					   unsigned int rx_size)
{
	return ((offset + RX_HDR_LEN + rx_size + 3) & ~3u) % RX_BUF_LEN;
}

/*
 * What to write to CAPR after consuming up to offset: the chip keeps CAPR
 * 16 bytes behind the real read position (a quirk every 8139 driver
 * copies), so offset 0 is written as 0xfff0.
 */
static inline uint16_t rtl8139_capr(unsigned int offset)
{
	return (uint16_t)(offset - 16);
}

/* ---- rtl8139_ethtool.c ------------------------------------------------------ */
void rtl8139_set_ethtool_ops(struct net_device *dev);

/* ---- rtl8139_rx.c ------------------------------------------------------------ */
int rtl8139_rx(struct rtl8139_private *tp, int budget);
void rtl8139_rx_restart(struct rtl8139_private *tp);

#endif
