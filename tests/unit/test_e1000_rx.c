/*
 * Host tests for the e1000 receive ring: the index arithmetic in e1000.h
 * and the lab functions of drivers/net/e1000/e1000_rx.c
 * (e1000_alloc_rx_buffers, e1000_clean_rx_irq), checked against the
 * contract written above e1000_clean_rx_irq.
 *
 * The test plays the NIC: the descriptor ring and the register file are
 * arrays in host memory; nic_rx() stores a frame the way the 82540 does -
 * into the buffer the driver posted at the hardware's head, length and
 * errors first, DD last - and only into descriptors the driver handed over
 * (before RDT). Delivered frames reach a protocol handler through the real
 * network core (shim_nic.h).
 */
#include "tests/unit/shim_nic.h"
#include "drivers/net/e1000/e1000_rx.c"

#define RING 16 /* small, so the tests wrap it often */

static uint32_t regs[0x20000 / 4]; /* the BAR0 register window */
static struct e1000_rx_desc descs[RING];
static struct net_device *dev;
static struct e1000_adapter *ad;
static struct e1000_rx_ring *ring;
static unsigned int hw_head; /* RDH: the next descriptor the "NIC" fills */
static uint8_t next_tag;     /* first payload byte, to check order */

static uint32_t rdt(void)
{
	return regs[E1000_RDT / 4];
}

static void setup(void)
{
	memset(regs, 0, sizeof(regs));
	memset(descs, 0, sizeof(descs));
	hw_head = 0;
	next_tag = 0;
	dev = nic_test_dev_create(sizeof(struct e1000_adapter));
	ad = netdev_priv(dev);
	ad->netdev = dev;
	ad->hw_addr = regs;
	ring = &ad->rx_ring;
	ring->desc = descs;
	ring->count = RING;
	ring->buffer_info = calloc(RING, sizeof(*ring->buffer_info));
	e1000_alloc_rx_buffers(ad, ring, E1000_DESC_UNUSED(ring));
}

/* Free what the ring still holds, the device; then nothing may be left. */
static void teardown(void)
{
	for (int i = 0; i < RING; i++)
		if (ring->buffer_info[i].skb)
			consume_skb(ring->buffer_info[i].skb);
	free(ring->buffer_info);
	nic_test_dev_destroy(dev);
}

/* The NIC stores one frame of len bytes (no FCS: RCTL.SECRC) at RDH. */
static void nic_rx(unsigned int len, uint8_t status, uint8_t errors)
{
	struct e1000_rx_desc *d = &descs[hw_head];
	struct sk_buff *skb = ring->buffer_info[hw_head].skb;

	if (hw_head == rdt()) { /* RDH == RDT: no buffer, hardware drops */
		FAILF("nic_rx: the driver gave the NIC no descriptor");
		return;
	}
	CHECK(skb != NULL);
	CHECK_EQ(d->buffer_addr, (uint64_t)__pa(skb->data));
	nic_test_frame(skb->data, len < 2048 ? len : 2048, next_tag++);
	d->length = len;
	d->errors = errors;
	d->status = status; /* DD last */
	hw_head = (hw_head + 1) % RING;
}

#define GOOD (E1000_RXD_STAT_DD | E1000_RXD_STAT_EOP)

static int clean(int budget)
{
	int work = 0;

	e1000_clean_rx_irq(ad, ring, &work, budget);
	return work;
}

/* ---- ring arithmetic ------------------------------------------------------- */

TEST(e1000_ring_next_wraps_at_count)
{
	CHECK_EQ(e1000_ring_next(0, 16), 1);
	CHECK_EQ(e1000_ring_next(14, 16), 15);
	CHECK_EQ(e1000_ring_next(15, 16), 0);
	CHECK_EQ(e1000_ring_next(255, 256), 0);
}

TEST(e1000_desc_unused_always_keeps_one_slot_free)
{
	CHECK_EQ(e1000_desc_unused(0, 0, 16), 15);  /* empty ring */
	CHECK_EQ(e1000_desc_unused(9, 9, 16), 15);
	CHECK_EQ(e1000_desc_unused(0, 15, 16), 0);  /* full: RDT one behind */
	CHECK_EQ(e1000_desc_unused(4, 3, 16), 0);   /* full, wrapped */
	CHECK_EQ(e1000_desc_unused(10, 3, 16), 6);  /* use behind clean */
	CHECK_EQ(e1000_desc_unused(3, 10, 16), 8);  /* use ahead of clean */
	CHECK_EQ(e1000_desc_unused(0, 0, 256), 255);
}

/* ---- e1000_alloc_rx_buffers ------------------------------------------------ */

TEST(e1000_alloc_posts_all_but_one_slot_and_moves_rdt)
{
	setup();
	CHECK_EQ(ring->next_to_use, RING - 1);
	CHECK_EQ(rdt(), RING - 1);
	for (int i = 0; i < RING - 1; i++) {
		CHECK(ring->buffer_info[i].skb != NULL);
		CHECK_EQ(descs[i].buffer_addr,
			 (uint64_t)__pa(ring->buffer_info[i].skb->data));
		CHECK(skb_tailroom(ring->buffer_info[i].skb) >=
		      E1000_RXBUFFER_2048);
	}
	CHECK(ring->buffer_info[RING - 1].skb == NULL);
	teardown();
}

TEST(e1000_alloc_failure_leaves_slots_free_then_next_clean_retries)
{
	setup();
	nic_rx(100, GOOD, 0);
	host_alloc_fail_in = 1; /* the refill's first skb */
	CHECK_EQ(clean(64), 1);
	CHECK_EQ(ad->alloc_rx_buff_failed, 1);
	CHECK_EQ(E1000_DESC_UNUSED(ring), 1); /* the ring runs short */
	CHECK_EQ(clean(64), 0);		      /* nothing new, but refills */
	CHECK_EQ(E1000_DESC_UNUSED(ring), 0);
	CHECK_EQ(rdt(), ring->next_to_use);
	teardown();
}

/* ---- e1000_clean_rx_irq: the contract ---------------------------------------- */

TEST(e1000_clean_delivers_done_frames_and_stops_at_first_without_dd)
{
	setup();
	nic_rx(100, GOOD, 0);
	nic_rx(60, GOOD, 0);
	nic_rx(1514, GOOD, 0);
	CHECK_EQ(clean(64), 3);
	CHECK_EQ(got, 3);
	CHECK_EQ(got_len[0], 100);
	CHECK_EQ(got_len[1], 60);
	CHECK_EQ(got_len[2], 1514);
	CHECK_EQ(got_tag[0], 0);
	CHECK_EQ(got_tag[2], 2);
	CHECK_EQ(dev->stats.rx_packets, 3);
	CHECK_EQ(dev->stats.rx_bytes, 100 + 60 + 1514);
	CHECK_EQ(ring->next_to_clean, 3);
	for (int i = 0; i < 3; i++)
		CHECK_EQ(descs[i].status, 0); /* no stale DD after a wrap */
	CHECK_EQ(clean(64), 0);		      /* nothing new: nothing taken */
	teardown();
}

TEST(e1000_clean_refills_what_it_took_and_moves_rdt)
{
	setup();
	for (int i = 0; i < 5; i++)
		nic_rx(80, GOOD, 0);
	clean(64);
	CHECK_EQ(E1000_DESC_UNUSED(ring), 0);
	CHECK_EQ(ring->next_to_use, (RING - 1 + 5) % RING);
	CHECK_EQ(rdt(), ring->next_to_use);
	for (unsigned int i = ring->next_to_clean; i != ring->next_to_use;
	     i = (i + 1) % RING)
		CHECK(ring->buffer_info[i].skb != NULL);
	teardown();
}

TEST(e1000_clean_respects_the_budget)
{
	setup();
	for (int i = 0; i < 10; i++)
		nic_rx(64, GOOD, 0);
	CHECK_EQ(clean(4), 4);
	CHECK_EQ(got, 4);
	CHECK_EQ(ring->next_to_clean, 4);
	CHECK_EQ(clean(4), 4);
	CHECK_EQ(clean(4), 2);
	CHECK_EQ(got, 10);
	CHECK_EQ(got_tag[9], 9); /* in order */
	teardown();
}

TEST(e1000_clean_wraps_the_ring_many_times_without_loss)
{
	setup();
	for (int round = 0; round < 20; round++) {
		for (int i = 0; i < 7; i++)
			nic_rx(64 + round, GOOD, 0);
		CHECK_EQ(clean(64), 7);
		CHECK_EQ(rdt(), ring->next_to_use);
		CHECK_EQ(E1000_DESC_UNUSED(ring), 0);
	}
	CHECK_EQ(got, 140);
	CHECK(got_intact);
	CHECK_EQ(dev->stats.rx_packets, 140);
	teardown();
}

TEST(e1000_runts_and_oversized_frames_are_counted_drops)
{
	setup();
	nic_rx(40, GOOD, 0);   /* runt */
	nic_rx(59, GOOD, 0);   /* runt */
	nic_rx(1515, GOOD, 0); /* over ETH_FRAME_LEN */
	nic_rx(60, GOOD, 0);   /* smallest good */
	CHECK_EQ(clean(64), 4);
	CHECK_EQ(got, 1);
	CHECK_EQ(dev->stats.rx_packets, 1);
	CHECK_EQ(dev->stats.rx_length_errors, 3);
	CHECK_EQ(skb_drop_count(SKB_DROP_REASON_RX_RUNT), 2);
	CHECK_EQ(skb_drop_count(SKB_DROP_REASON_RX_OVERSIZE), 1);
	CHECK_EQ(E1000_DESC_UNUSED(ring), 0); /* dropped slots refilled too */
	teardown();
}

TEST(e1000_frames_with_hardware_errors_are_counted_drops)
{
	setup();
	nic_rx(100, GOOD, E1000_RXD_ERR_CE);
	nic_rx(100, GOOD, E1000_RXD_ERR_RXE);
	nic_rx(100, GOOD, 0);
	CHECK_EQ(clean(64), 3);
	CHECK_EQ(got, 1);
	CHECK_EQ(dev->stats.rx_errors, 2);
	CHECK_EQ(dev->stats.rx_crc_errors, 1);
	CHECK_EQ(skb_drop_count(SKB_DROP_REASON_DEV_HDR), 2);
	teardown();
}

TEST(e1000_frame_spanning_descriptors_is_dropped_up_to_its_eop)
{
	setup();
	nic_rx(2048, E1000_RXD_STAT_DD, 0); /* first piece, no EOP */
	nic_rx(2048, E1000_RXD_STAT_DD, 0);
	nic_rx(100, GOOD, 0);		    /* its last piece */
	nic_rx(100, GOOD, 0);		    /* the next frame is fine */
	CHECK_EQ(clean(64), 4);
	CHECK_EQ(got, 1);
	CHECK_EQ(got_tag[0], 3);
	CHECK_EQ(dev->stats.rx_length_errors, 1); /* one frame */
	CHECK_EQ(skb_drop_count(SKB_DROP_REASON_RX_OVERSIZE), 3); /* 3 skbs */
	CHECK(!ring->discarding);
	teardown();
}

TEST(e1000_full_ring_then_cleaning_lets_the_nic_continue)
{
	setup();
	for (int i = 0; i < RING - 1; i++) /* every posted buffer filled */
		nic_rx(64, GOOD, 0);
	CHECK_EQ(hw_head, rdt()); /* RDH == RDT: the NIC would drop now */
	CHECK_EQ(clean(64), RING - 1);
	CHECK(hw_head != rdt());  /* room again: no reset needed */
	nic_rx(64, GOOD, 0);
	CHECK_EQ(clean(64), 1);
	CHECK_EQ(got, RING);
	teardown();
}

TEST(e1000_in_hard_irq_frames_go_to_the_backlog)
{
	setup();
	__preempt_count = HARDIRQ_OFFSET; /* napi=off: e1000_intr */
	nic_rx(100, GOOD, 0);
	nic_rx(100, GOOD, 0);
	CHECK_EQ(clean(RING), 2);
	__preempt_count = 0;
	CHECK_EQ(got, 0); /* queued, not delivered in the hard IRQ */
	CHECK_EQ(skb_queue_len(&softnet_data.input_pkt_queue), 2);
	host_run_softirqs(); /* NET_RX: the backlog napi delivers them */
	CHECK_EQ(got, 2);
	teardown();
}

RUN_TESTS()
