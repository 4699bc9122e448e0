/*
 * e1000_hw.h - the Intel 8254x registers and descriptors this driver uses
 * (Linux: drivers/net/ethernet/intel/e1000/e1000_hw.h).
 *
 * Source: "PCI/PCI-X Family of Gigabit Ethernet Controllers Software
 * Developer's Manual" (8254x SDM, rev. 4.0). Section numbers below are that
 * manual's. QEMU's "-device e1000" is an 82540EM (PCI 8086:100e).
 *
 * The controller is programmed through a 128 KiB memory window (BAR0):
 * 32-bit registers at fixed offsets, read and written with readl()/writel().
 * Packets move through two descriptor rings in host memory that the device
 * reads and writes by DMA (SDM 3.2 receive, 3.3/3.4 transmit). Only what the
 * driver touches is listed; the manual has several hundred more.
 */
#ifndef RXOS_DRIVERS_NET_E1000_HW_H
#define RXOS_DRIVERS_NET_E1000_HW_H

#include <stdint.h>

#define PCI_VENDOR_ID_INTEL 0x8086
#define E1000_DEV_ID_82540EM 0x100E /* QEMU's default e1000 */

/* ---- register offsets (SDM table 13-2) ---------------------------------- */
#define E1000_CTRL 0x00000   /* 13.4.1 device control */
#define E1000_STATUS 0x00008 /* 13.4.2 device status */
#define E1000_EERD 0x00014   /* 13.4.4 EEPROM read */
#define E1000_ICR 0x000C0    /* 13.4.17 interrupt cause read (clears) */
#define E1000_ITR 0x000C4    /* 13.4.18 interrupt throttling */
#define E1000_ICS 0x000C8    /* 13.4.19 interrupt cause set */
#define E1000_IMS 0x000D0    /* 13.4.20 interrupt mask set/read */
#define E1000_IMC 0x000D8    /* 13.4.21 interrupt mask clear */
#define E1000_RCTL 0x00100   /* 13.4.22 receive control */
#define E1000_TCTL 0x00400   /* transmit control */
#define E1000_TIPG 0x00410   /* transmit inter-packet gap */
#define E1000_RDBAL 0x02800  /* rx descriptor ring base, low/high */
#define E1000_RDBAH 0x02804
#define E1000_RDLEN 0x02808  /* 13.4.27 rx ring length in bytes */
#define E1000_RDH 0x02810    /* 13.4.28 rx head: next descriptor HW fills */
#define E1000_RDT 0x02818    /* 13.4.29 rx tail: one past the last SW gave */
#define E1000_RDTR 0x02820   /* 13.4.30 rx packet delay timer */
#define E1000_RADV 0x0282C   /* 13.4.31 rx absolute delay timer */
#define E1000_TDBAL 0x03800  /* tx descriptor base, low/high */
#define E1000_TDBAH 0x03804
#define E1000_TDLEN 0x03808
#define E1000_TDH 0x03810
#define E1000_TDT 0x03818
#define E1000_TIDV 0x03820   /* tx interrupt delay */
#define E1000_MTA 0x05200    /* 13.5.1 multicast table array, 128 dwords */
#define E1000_RAL0 0x05400   /* 13.5.2-3 receive address 0, low/high */
#define E1000_RAH0 0x05404

/* Statistics (13.7): 32-bit counters the hardware clears when read. */
#define E1000_CRCERRS 0x04000 /* 13.7.1 frames with a bad FCS */
#define E1000_ALGNERRC 0x04004
#define E1000_SYMERRS 0x04008
#define E1000_RXERRC 0x0400C
#define E1000_MPC 0x04010     /* 13.7.5 missed: no room in the rx FIFO */
#define E1000_GPRC 0x04074    /* good packets received */
#define E1000_RNBC 0x040A0    /* 13.7.33 no rx descriptor available */
#define E1000_RUC 0x040A4     /* 13.7.34 undersize (< 64 bytes with FCS) */
#define E1000_ROC 0x040AC     /* 13.7.36 oversize (> 1522 bytes) */
#define E1000_TPR 0x040D0     /* total packets received */
#define E1000_NUM_MTA_REGS 128

/* ---- CTRL (13.4.1) -------------------------------------------------------- */
#define E1000_CTRL_FD 0x00000001u   /* full duplex */
#define E1000_CTRL_ASDE 0x00000020u /* auto-speed detection */
#define E1000_CTRL_SLU 0x00000040u  /* set link up */
#define E1000_CTRL_RST 0x04000000u  /* device reset, self-clearing */

/* ---- STATUS (13.4.2) ------------------------------------------------------ */
#define E1000_STATUS_FD 0x00000001u
#define E1000_STATUS_LU 0x00000002u /* link up */
#define E1000_STATUS_SPEED_MASK 0x000000C0u
#define E1000_STATUS_SPEED_SHIFT 6 /* 00=10, 01=100, 1x=1000 Mb/s */

/* ---- EERD (13.4.4): word reads from the EEPROM without bit-banging ------- */
#define E1000_EERD_START 0x00000001u
#define E1000_EERD_DONE 0x00000010u /* 82540: bit 4 (82541+: bit 1) */
#define E1000_EERD_ADDR_SHIFT 8
#define E1000_EERD_DATA_SHIFT 16
#define E1000_EEPROM_MAC_WORDS 3 /* words 0-2: the MAC address */

/* ---- interrupt causes: ICR/ICS/IMS/IMC share one layout (13.4.17) -------- */
#define E1000_ICR_TXDW 0x00000001u   /* a tx descriptor was written back */
#define E1000_ICR_TXQE 0x00000002u   /* tx queue empty */
#define E1000_ICR_LSC 0x00000004u    /* link status change */
#define E1000_ICR_RXSEQ 0x00000008u  /* rx sequence error */
#define E1000_ICR_RXDMT0 0x00000010u /* rx descriptors below threshold */
#define E1000_ICR_RXO 0x00000040u    /* receiver overrun: frame dropped */
#define E1000_ICR_RXT0 0x00000080u   /* receiver timer: frames arrived */
/* What the driver enables: rx, rx trouble, tx done, link. */
#define E1000_IMS_ENABLE_MASK                                           \
	(E1000_ICR_RXT0 | E1000_ICR_RXO | E1000_ICR_RXDMT0 |            \
	 E1000_ICR_RXSEQ | E1000_ICR_LSC | E1000_ICR_TXDW)
#define E1000_IMC_ALL 0xFFFFFFFFu

/* ---- RCTL (13.4.22) ------------------------------------------------------- */
#define E1000_RCTL_EN 0x00000002u   /* receiver enable */
#define E1000_RCTL_SBP 0x00000004u  /* store bad packets */
#define E1000_RCTL_UPE 0x00000008u  /* unicast promiscuous */
#define E1000_RCTL_MPE 0x00000010u  /* multicast promiscuous */
#define E1000_RCTL_LPE 0x00000020u  /* long packets (> 1522) */
#define E1000_RCTL_RDMTS_HALF 0x00000000u /* RXDMT0 at 1/2 ring free */
#define E1000_RCTL_MO_SHIFT 12      /* which 12 address bits index MTA */
#define E1000_RCTL_BAM 0x00008000u  /* accept broadcast */
#define E1000_RCTL_SZ_2048 0x00000000u /* BSIZE=00, BSEX=0: 2048 bytes */
#define E1000_RCTL_SECRC 0x04000000u /* strip the 4-byte FCS */

/* ---- TCTL and TIPG -------------------------------------------------------- */
#define E1000_TCTL_EN 0x00000002u
#define E1000_TCTL_PSP 0x00000008u /* pad short packets to 64 bytes */
#define E1000_TCTL_CT_SHIFT 4       /* collision threshold */
#define E1000_TCTL_COLD_SHIFT 12    /* collision distance */
#define E1000_COLLISION_THRESHOLD 0x0F
#define E1000_COLLISION_DISTANCE 0x40 /* full duplex: 64 byte times */
/* IPGT 10, IPGR1 8, IPGR2 6: the manual's values for 802.3 copper. */
#define E1000_TIPG_COPPER (10u | (8u << 10) | (6u << 20))

/* ---- RAH (13.5.3) --------------------------------------------------------- */
#define E1000_RAH_AV 0x80000000u /* address valid */

/*
 * Receive descriptor, legacy format (SDM 3.2.3). Software fills in
 * buffer_addr; the device writes the rest when it has stored a frame
 * there and sets DD last, so DD is what software polls.
 */
struct e1000_rx_desc {
	uint64_t buffer_addr; /* physical address of a 2048-byte buffer */
	uint16_t length;      /* bytes DMA'd into this buffer */
	uint16_t csum;
	uint8_t status;
	uint8_t errors;
	uint16_t special;
} __attribute__((packed));

#define E1000_RXD_STAT_DD 0x01  /* descriptor done */
#define E1000_RXD_STAT_EOP 0x02 /* last descriptor of a frame */
/* RDESC.ERRORS (3.2.3.2): CE crc/align, SE symbol, SEQ sequence,
 * CXE carrier extension, RXE rx data error. TCPE/IPE are checksum
 * offload results, which this driver does not use. */
#define E1000_RXD_ERR_CE 0x01
#define E1000_RXD_ERR_SE 0x02
#define E1000_RXD_ERR_SEQ 0x04
#define E1000_RXD_ERR_CXE 0x10
#define E1000_RXD_ERR_RXE 0x80
#define E1000_RXD_ERR_FRAME_ERR_MASK                                 \
	(E1000_RXD_ERR_CE | E1000_RXD_ERR_SE | E1000_RXD_ERR_SEQ |   \
	 E1000_RXD_ERR_CXE | E1000_RXD_ERR_RXE)

/*
 * Transmit descriptor, legacy format (SDM 3.3.3). The device sets DD in
 * status when it has sent the frame, if the descriptor asked with RS.
 */
struct e1000_tx_desc {
	uint64_t buffer_addr;
	uint16_t length;
	uint8_t cso;
	uint8_t cmd;
	uint8_t status;
	uint8_t css;
	uint16_t special;
} __attribute__((packed));

#define E1000_TXD_CMD_EOP 0x01  /* end of packet */
#define E1000_TXD_CMD_IFCS 0x02 /* insert FCS */
#define E1000_TXD_CMD_RS 0x08   /* report status (write DD back) */
#define E1000_TXD_STAT_DD 0x01

#endif
