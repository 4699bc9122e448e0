/*
 * Host tests for the RTL8139 receive ring buffer: the offset arithmetic in
 * rtl8139.h (4-byte header, dword alignment, wrap, the CAPR-16 rule) and
 * the lab function rtl8139_rx() of drivers/net/rtl8139/rtl8139_rx.c,
 * checked against its written contract.
 *
 * The test plays the chip: the register window and the ring buffer are host
 * memory; chip_rx() writes a frame the way the RTL8139 does in ring mode with
 * RCR.WRAP = 0 - header, frame, FCS, continuing at offset 0 past the end,
 * then the next offset rounded to a dword into CBR. Delivered frames reach a
 * protocol handler through the real network core (shim_nic.h).
 */
#include "tests/unit/shim_nic.h"
#include "drivers/net/rtl8139/rtl8139_rx.c"

static uint8_t regs[256] __aligned(4); /* the I/O window, as memory */
static unsigned char ring_mem[RX_BUF_LEN + RX_BUF_PAD];
static struct net_device *dev;
static struct rtl8139_private *tp;
static unsigned int cbr; /* the chip's write offset */
static uint8_t next_tag;

#define REG16(r) (*(uint16_t *)(regs + (r)))
#define REG32(r) (*(uint32_t *)(regs + (r)))

static void setup(void)
{
	memset(regs, 0, sizeof(regs));
	memset(ring_mem, 0, sizeof(ring_mem));
	cbr = 0;
	next_tag = 0;
	dev = nic_test_dev_create(sizeof(struct rtl8139_private));
	tp = netdev_priv(dev);
	tp->dev = dev;
	tp->mmio_addr = regs;
	tp->rx_ring = ring_mem;
}

static void teardown(void)
{
	nic_test_dev_destroy(dev);
}

/* Start both sides at offset off, as if the ring had been used up to it. */
static void ring_at(unsigned int off)
{
	tp->cur_rx = cbr = off;
	REG16(CBR) = off;
}

static void chip_write(const void *p, unsigned int len)
{
	for (unsigned int i = 0; i < len; i++) {
		ring_mem[cbr] = ((const uint8_t *)p)[i];
		cbr = (cbr + 1) % RX_BUF_LEN;
	}
}

/* The chip stores a frame of len bytes (without FCS) with this status. */
static void chip_rx(unsigned int len, uint16_t status)
{
	uint32_t header = status | (uint32_t)(len + RX_FCS_LEN) << 16;
	unsigned int start = cbr;
	uint8_t frame[4096], fcs[RX_FCS_LEN] = { 0 };

	nic_test_frame(frame, len, next_tag++);
	chip_write(&header, RX_HDR_LEN);
	chip_write(frame, len);
	chip_write(fcs, RX_FCS_LEN);
	cbr = rtl8139_next_rx(start, len + RX_FCS_LEN);
	REG16(CBR) = cbr;
}

/* ---- ring arithmetic ------------------------------------------------------- */

TEST(rtl8139_next_frame_starts_after_header_frame_and_dword_padding)
{
	CHECK_EQ(rtl8139_next_rx(0, 64), 68);	  /* 4 + 64, aligned */
	CHECK_EQ(rtl8139_next_rx(0, 65), 72);	  /* 4 + 65 = 69 -> 72 */
	CHECK_EQ(rtl8139_next_rx(0, 67), 72);
	CHECK_EQ(rtl8139_next_rx(0, 68), 72);
	CHECK_EQ(rtl8139_next_rx(100, 64), 168); /* aligned stays aligned */
	for (unsigned int size = 8; size < 1600; size += 13)
		CHECK_EQ(rtl8139_next_rx(36, size) % 4, 0);
}

TEST(rtl8139_next_frame_wraps_at_the_ring_end)
{
	CHECK_EQ(rtl8139_next_rx(RX_BUF_LEN - 68, 64), 0);
	CHECK_EQ(rtl8139_next_rx(RX_BUF_LEN - 8, 64), 60);
	CHECK_EQ(rtl8139_next_rx(RX_BUF_LEN - 4, 1518), 1520);
}

TEST(rtl8139_capr_is_sixteen_behind_the_read_offset)
{
	CHECK_EQ(rtl8139_capr(100), 84);
	CHECK_EQ(rtl8139_capr(16), 0);
	CHECK_EQ(rtl8139_capr(0), 0xfff0);	/* before the ring start */
	CHECK_EQ(rtl8139_capr(8), 0xfff8);
}

/* ---- rtl8139_rx: the contract ---------------------------------------------- */

TEST(rtl8139_rx_delivers_frames_until_cbr_and_moves_capr)
{
	setup();
	chip_rx(100, RSR_ROK);
	chip_rx(60, RSR_ROK);
	chip_rx(1514, RSR_ROK);
	CHECK_EQ(rtl8139_rx(tp, 64), 3);
	CHECK_EQ(got, 3);
	CHECK_EQ(got_len[0], 100);
	CHECK_EQ(got_len[1], 60);
	CHECK_EQ(got_len[2], 1514);
	CHECK(got_intact);
	CHECK_EQ(dev->stats.rx_packets, 3);
	CHECK_EQ(dev->stats.rx_bytes, 100 + 60 + 1514);
	CHECK_EQ(tp->cur_rx, cbr);
	CHECK_EQ(REG16(CAPR), rtl8139_capr(cbr));
	CHECK_EQ(REG16(ISR), INT_RX_ACK); /* acked after the last frame */
	CHECK_EQ(rtl8139_rx(tp, 64), 0);  /* empty: cur_rx == CBR */
	teardown();
}

TEST(rtl8139_rx_respects_the_budget)
{
	setup();
	for (int i = 0; i < 10; i++)
		chip_rx(64, RSR_ROK);
	CHECK_EQ(rtl8139_rx(tp, 4), 4);
	CHECK_EQ(got, 4);
	CHECK_EQ(REG16(CAPR), rtl8139_capr(tp->cur_rx));
	CHECK_EQ(rtl8139_rx(tp, 4), 4);
	CHECK_EQ(rtl8139_rx(tp, 4), 2);
	CHECK_EQ(got, 10);
	CHECK_EQ(got_tag[9], 9);
	teardown();
}

TEST(rtl8139_rx_copies_a_frame_that_wraps_past_the_end)
{
	setup();
	ring_at(RX_BUF_LEN - 40); /* header fits, the frame does not */
	chip_rx(300, RSR_ROK);
	chip_rx(100, RSR_ROK);
	CHECK(cbr < 1000);
	CHECK_EQ(rtl8139_rx(tp, 64), 2);
	CHECK_EQ(got, 2);
	CHECK_EQ(got_len[0], 300);
	CHECK(got_intact);
	CHECK_EQ(tp->cur_rx, cbr);
	teardown();
}

TEST(rtl8139_rx_header_at_the_last_dword_wraps_the_data)
{
	setup();
	ring_at(RX_BUF_LEN - 4); /* header in the last 4 bytes, data at 0 */
	chip_rx(100, RSR_ROK);
	CHECK_EQ(rtl8139_rx(tp, 64), 1);
	CHECK(got_intact);
	CHECK_EQ(tp->cur_rx, rtl8139_next_rx(RX_BUF_LEN - 4, 104));
	CHECK_EQ(REG16(CAPR), rtl8139_capr(tp->cur_rx));
	teardown();
}

TEST(rtl8139_rx_runs_many_times_around_the_ring)
{
	setup();
	for (int round = 0; round < 100; round++) {
		for (int i = 0; i < 5; i++)
			chip_rx(997, RSR_ROK); /* odd size: padding every time */
		CHECK_EQ(rtl8139_rx(tp, 64), 5);
	}
	CHECK_EQ(got, 500); /* 500 KB through a 32 KB ring */
	CHECK(got_intact);
	teardown();
}

TEST(rtl8139_rx_runts_and_oversized_frames_are_counted_drops)
{
	setup();
	chip_rx(40, RSR_ROK);	/* runt (the chip keeps it with RCR.AR) */
	chip_rx(1515, RSR_ROK); /* over 1514 without FCS */
	chip_rx(4000, RSR_ROK); /* far over, still fits the ring */
	chip_rx(60, RSR_ROK);
	CHECK_EQ(rtl8139_rx(tp, 64), 4);
	CHECK_EQ(got, 1);
	CHECK_EQ(dev->stats.rx_length_errors, 3);
	CHECK_EQ(skb_drop_count(SKB_DROP_REASON_RX_RUNT), 1);
	CHECK_EQ(skb_drop_count(SKB_DROP_REASON_RX_OVERSIZE), 2);
	CHECK_EQ(tp->cur_rx, cbr); /* and the ring moved past them */
	teardown();
}

TEST(rtl8139_rx_stops_at_a_frame_still_being_written)
{
	setup();
	chip_rx(100, RSR_ROK);
	*(uint32_t *)(ring_mem + cbr) = (uint32_t)RX_SIZE_IN_PROGRESS << 16;
	REG16(CBR) = cbr + 64; /* the chip is mid-frame */
	CHECK_EQ(rtl8139_rx(tp, 64), 1);
	CHECK_EQ(tp->cur_rx, cbr); /* waits at the unfinished header */
	CHECK_EQ(rtl8139_rx(tp, 64), 0);
	CHECK_EQ(tp->rx_restarts, 0);
	teardown();
}

TEST(rtl8139_rx_corrupt_header_restarts_the_receiver_once)
{
	setup();
	chip_rx(100, RSR_ROK);
	chip_rx(100, RSR_CRC); /* no ROK: we are lost in the ring */
	chip_rx(100, RSR_ROK);
	CHECK_EQ(rtl8139_rx(tp, 64), 1);
	CHECK_EQ(tp->rx_restarts, 1);
	CHECK_EQ(dev->stats.rx_errors, 1);
	CHECK_EQ(dev->stats.rx_crc_errors, 1);
	CHECK_EQ(tp->cur_rx, 0);			/* back at the start */
	CHECK_EQ(REG32(RBSTART), tp->rx_ring_dma);
	CHECK_EQ(REG16(CAPR), rtl8139_capr(0));
	CHECK_EQ(regs[CR], CR_RE | CR_TE);	/* receiver on again */
	teardown();
}

TEST(rtl8139_rx_impossible_size_restarts_the_receiver)
{
	setup();
	*(uint32_t *)ring_mem = RSR_ROK | (uint32_t)(RX_BUF_LEN + 4) << 16;
	REG16(CBR) = 64;
	CHECK_EQ(rtl8139_rx(tp, 64), 0);
	CHECK_EQ(tp->rx_restarts, 1);
	teardown();
}

TEST(rtl8139_rx_allocation_failure_loses_one_frame_not_the_ring)
{
	setup();
	chip_rx(100, RSR_ROK);
	chip_rx(100, RSR_ROK);
	host_alloc_fail_in = 1;
	CHECK_EQ(rtl8139_rx(tp, 64), 2);
	CHECK_EQ(got, 1);
	CHECK_EQ(dev->stats.rx_dropped, 1);
	CHECK_EQ(tp->cur_rx, cbr);
	teardown();
}

TEST(rtl8139_rx_in_hard_irq_frames_go_to_the_backlog)
{
	setup();
	__preempt_count = HARDIRQ_OFFSET; /* napi=off: rtl8139_interrupt */
	chip_rx(100, RSR_ROK);
	CHECK_EQ(rtl8139_rx(tp, 64), 1);
	__preempt_count = 0;
	CHECK_EQ(got, 0);
	host_run_softirqs();
	CHECK_EQ(got, 1);
	teardown();
}

RUN_TESTS()
