/*
 * Host tests for net/ipv4/ip_fragment.c: ip_defrag's rules (order,
 * duplicates, overlaps, size, timeout, memory cap) and ip_do_fragment, and
 * a fragment-then-reassemble round trip. Time is the test's: jiffies moves
 * when the test says, and __run_timers() runs what is due, as the TIMER
 * softirq would. icmp_send is a fake that records what would be sent.
 */
#include "tests/unit/shim_netcore.h"
#include "lib/checksum.c"
volatile unsigned int __preempt_count; /* kernel/timer.c asks in_serving_softirq */
#include "kernel/timer.c"
#include "net/ipv4/snmp.c"

/* ---- fakes for what ip_fragment.c calls outside itself ---- */
static int icmp_sent, icmp_type, icmp_code;

void icmp_send(struct sk_buff *skb_in, int type, int code, __be32 info)
{
	icmp_sent++;
	icmp_type = type;
	icmp_code = code;
}

int proc_create_rw(const char *path, int (*show)(char *buf, int len),
		   int (*store)(const char *buf, int len))
{
	return 0;
}

#include "net/ipv4/ip_fragment.c"

#define SADDR htonl(0x0a000202)
#define DADDR htonl(0x0a00020f)
#define MAXDG 65535

static unsigned char dgram[MAXDG + 8]; /* the datagram the fragments come from */

/* A datagram of `payload` bytes: 20-byte header, then a byte pattern. */
static void make_dgram(unsigned int payload, uint8_t proto, uint16_t id)
{
	struct iphdr *iph = (struct iphdr *)dgram;

	*iph = (struct iphdr){ .version = 4, .ihl = 5, .ttl = 64,
			       .protocol = proto, .id = htons(id),
			       .tot_len = htons(20 + payload), .saddr = SADDR,
			       .daddr = DADDR };
	iph->check = ip_fast_csum(iph, 5);
	for (unsigned int i = 0; i < payload; i++)
		dgram[20 + i] = (uint8_t)(i * 7 + (i >> 8) + id);
}

/*
 * A fragment as it reaches ip_defrag: data at the IP header, payload
 * bytes [off, off + len) of dgram, MF as asked.
 */
static struct sk_buff *frag(unsigned int off, unsigned int len, bool mf)
{
	struct sk_buff *skb = alloc_skb(NET_SKB_PAD + 20 + len, GFP_ATOMIC);
	struct iphdr *iph;

	skb_reserve(skb, NET_SKB_PAD);
	skb_reset_network_header(skb);
	iph = skb_put_data(skb, dgram, 20);
	skb_put_data(skb, dgram + 20 + off, len);
	iph->tot_len = htons(20 + len);
	iph->frag_off = htons((off >> 3) | (mf ? IP_MF : 0));
	iph->check = 0;
	iph->check = ip_fast_csum(iph, 5);
	skb->pkt_type = PACKET_HOST;
	return skb;
}

/* The reassembled skb is the datagram, header fixed up. */
static bool is_dgram(struct sk_buff *skb, unsigned int payload)
{
	struct iphdr *iph = ip_hdr(skb);

	return skb->len == 20 + payload && skb->data == (unsigned char *)iph &&
	       ntohs(iph->tot_len) == 20 + payload && iph->frag_off == 0 &&
	       ip_fast_csum(iph, 5) == 0 &&
	       !memcmp(skb->data + 20, dgram + 20, payload) &&
	       (IPCB(skb)->flags & IPSKB_FRAG_COMPLETE);
}

static void reset(void)
{
	netcore_reset();
	INIT_LIST_HEAD(&pending_timers);
	INIT_LIST_HEAD(&ipq_list);
	ipfrag_mem = 0;
	memset(ip_statistics, 0, sizeof(ip_statistics));
	icmp_sent = icmp_type = icmp_code = 0;
	sysctl_ipfrag_time = 30;
	sysctl_ipfrag_high_thresh = 1024 * 1024;
	sysctl_ipfrag_low_thresh = 768 * 1024;
}

static void advance(unsigned long j)
{
	jiffies += j;
	__run_timers();
}

#define STAT(f) ip_statistics[IPSTATS_MIB_##f]
#define DROPS(r) skb_drop_count(SKB_DROP_REASON_##r)

static bool timer_pending_any(void)
{
	return !list_empty(&pending_timers);
}

static int nqueues(void)
{
	struct ipq *qp;
	int n = 0;

	list_for_each_entry(qp, &ipq_list, list)
		n++;
	return n;
}

/* Feed fragments [order] of a 3-fragment 3000-byte datagram. */
static struct sk_buff *three[3];
static void make_three(void)
{
	make_dgram(3000, IPPROTO_UDP, 1);
	three[0] = frag(0, 1480, true);
	three[1] = frag(1480, 1480, true);
	three[2] = frag(2960, 40, false);
}

static void check_order(int a, int b, int c)
{
	reset();
	make_three();
	CHECK_EQ(ip_defrag(three[a], 0), -EINPROGRESS);
	CHECK_EQ(ip_defrag(three[b], 0), -EINPROGRESS);
	CHECK_EQ(ip_defrag(three[c], 0), 0);
	CHECK(is_dgram(three[c], 3000));
	CHECK_EQ(STAT(REASMREQDS), 3);
	CHECK_EQ(STAT(REASMOKS), 1);
	CHECK_EQ(STAT(REASMFAILS), 0);
	CHECK(list_empty(&ipq_list));
	CHECK_EQ(ipfrag_mem, 0);
	CHECK(!timer_pending_any());
	kfree_skb(three[c]);
	CHECK_NO_LEAKS();
}

TEST(defrag_in_order_gives_the_datagram_in_the_last_skb)
{
	check_order(0, 1, 2);
}

TEST(defrag_reverse_order)
{
	check_order(2, 1, 0);
}

TEST(defrag_any_order)
{
	check_order(1, 2, 0);
	check_order(2, 0, 1);
	check_order(1, 0, 2);
	check_order(0, 2, 1);
}

TEST(defrag_shuffled_many_fragments)
{
	unsigned int payload = 8 * 500 + 3, n = 501, idx[501];

	reset();
	make_dgram(payload, IPPROTO_UDP, 7);
	for (unsigned int i = 0; i < n; i++)
		idx[i] = i;
	srand(42);
	for (unsigned int i = n - 1; i > 0; i--) {
		unsigned int j = rand() % (i + 1), t = idx[i];

		idx[i] = idx[j], idx[j] = t;
	}
	for (unsigned int i = 0; i < n; i++) {
		bool last = idx[i] == n - 1;
		struct sk_buff *s = frag(idx[i] * 8, last ? 3 : 8, !last);
		int ret = ip_defrag(s, 0);

		if (i < n - 1) {
			CHECK_EQ(ret, -EINPROGRESS);
		} else {
			CHECK_EQ(ret, 0);
			CHECK(is_dgram(s, payload));
			kfree_skb(s);
		}
	}
	CHECK_EQ(STAT(REASMOKS), 1);
	CHECK_NO_LEAKS();
}

TEST(defrag_duplicates_are_dropped_alone)
{
	reset();
	make_three();
	struct sk_buff *dup0 = frag(0, 1480, true), *dupin = frag(8, 16, true);

	CHECK_EQ(ip_defrag(three[0], 0), -EINPROGRESS);
	CHECK_EQ(ip_defrag(dup0, 0), -EINVAL);
	CHECK_EQ(ip_defrag(dupin, 0), -EINVAL); /* inside fragment 0 */
	CHECK_EQ(DROPS(DUP_FRAG), 2);
	CHECK_EQ(ip_defrag(three[2], 0), -EINPROGRESS);
	CHECK_EQ(ip_defrag(three[1], 0), 0);
	CHECK(is_dgram(three[1], 3000));
	CHECK_EQ(STAT(REASMFAILS), 0);
	kfree_skb(three[1]);
	CHECK_NO_LEAKS();
}

TEST(defrag_overlap_discards_the_whole_datagram)
{
	reset();
	make_three();
	struct sk_buff *over = frag(1472, 16, true); /* straddles 0 and 1 */

	CHECK_EQ(ip_defrag(three[0], 0), -EINPROGRESS);
	CHECK_EQ(ip_defrag(three[2], 0), -EINPROGRESS);
	CHECK_EQ(ip_defrag(over, 0), -EINVAL);
	CHECK_EQ(DROPS(IP_FRAG_OVERLAP), 3); /* it, and the two queued */
	CHECK_EQ(STAT(REASMFAILS), 1);
	CHECK_EQ(STAT(REASM_OVERLAPS), 1);
	CHECK(list_empty(&ipq_list));
	/* the missing piece now starts a new queue, which never completes */
	CHECK_EQ(ip_defrag(three[1], 0), -EINPROGRESS);
	advance(30 * HZ);
	CHECK_EQ(icmp_sent, 0); /* fragment 0 of this queue never came */
	CHECK_NO_LEAKS();
}

TEST(defrag_tcp_fragment_at_offset_8_is_refused)
{
	reset();
	make_dgram(64, IPPROTO_TCP, 3);
	CHECK_EQ(ip_defrag(frag(0, 8, true), 0), -EINPROGRESS);
	CHECK_EQ(ip_defrag(frag(8, 56, false), 0), -EINVAL);
	CHECK_EQ(DROPS(IP_FRAG_OVERLAP), 2);
	CHECK_EQ(STAT(REASMFAILS), 1);
	CHECK_NO_LEAKS();
}

TEST(defrag_odd_length_with_mf_or_empty_is_refused)
{
	reset();
	make_dgram(100, IPPROTO_UDP, 4);
	CHECK_EQ(ip_defrag(frag(0, 12, true), 0), -EINVAL);
	CHECK_EQ(ip_defrag(frag(16, 0, true), 0), -EINVAL);
	CHECK_EQ(DROPS(IP_INHDR), 2);
	CHECK_EQ(STAT(REASMFAILS), 2);
	CHECK_NO_LEAKS();
}

TEST(defrag_data_beyond_the_last_fragment_is_refused)
{
	reset();
	make_dgram(200, IPPROTO_UDP, 5);
	CHECK_EQ(ip_defrag(frag(64, 16, false), 0), -EINPROGRESS); /* end 80 */
	CHECK_EQ(ip_defrag(frag(80, 16, true), 0), -EINVAL);
	CHECK_EQ(STAT(REASMFAILS), 1);
	CHECK_EQ(ip_defrag(frag(64, 16, false), 0), -EINPROGRESS);
	CHECK_EQ(ip_defrag(frag(64, 24, false), 0), -EINVAL); /* second end */
	CHECK_EQ(STAT(REASMFAILS), 2);
	CHECK_NO_LEAKS();
}

TEST(defrag_over_65535_bytes_is_refused)
{
	reset();
	make_dgram(1000, IPPROTO_ICMP, 6);
	CHECK_EQ(ip_defrag(frag(0, 1000, true), 0), -EINPROGRESS);
	/* offset 65528 + 16 bytes: ends at 65544 + 20 of header */
	struct sk_buff *big = frag(0, 16, false);

	ip_hdr(big)->frag_off = htons(65528 >> 3);
	CHECK_EQ(ip_defrag(big, 0), -EINVAL);
	CHECK_EQ(DROPS(PKT_TOO_BIG), 2);
	CHECK_EQ(STAT(REASMFAILS), 1);
	CHECK_NO_LEAKS();
}

TEST(defrag_largest_legal_datagram_completes)
{
	unsigned int payload = MAXDG - 20;

	reset();
	make_dgram(payload, IPPROTO_UDP, 8);
	for (unsigned int off = 0; off < payload; off += 1480) {
		unsigned int len = payload - off > 1480 ? 1480 : payload - off;
		struct sk_buff *s = frag(off, len, off + len < payload);
		int ret = ip_defrag(s, 0);

		if (off + len < payload) {
			CHECK_EQ(ret, -EINPROGRESS);
		} else {
			CHECK_EQ(ret, 0);
			CHECK(is_dgram(s, payload));
			kfree_skb(s);
		}
	}
	CHECK_NO_LEAKS();
}

TEST(defrag_timeout_drops_and_sends_time_exceeded_if_first_came)
{
	reset();
	make_three();
	CHECK_EQ(ip_defrag(three[0], 0), -EINPROGRESS);
	CHECK_EQ(ip_defrag(three[2], 0), -EINPROGRESS);
	advance(30 * HZ - 1);
	CHECK_EQ(STAT(REASMTIMEOUT), 0); /* not yet */
	advance(1);
	CHECK_EQ(STAT(REASMTIMEOUT), 1);
	CHECK_EQ(STAT(REASMFAILS), 1);
	CHECK_EQ(DROPS(FRAG_REASM_TIMEOUT), 2);
	CHECK_EQ(icmp_sent, 1);
	CHECK_EQ(icmp_type, ICMP_TIME_EXCEEDED);
	CHECK_EQ(icmp_code, ICMP_EXC_FRAGTIME);
	CHECK(list_empty(&ipq_list));
	kfree_skb(three[1]);
	CHECK_NO_LEAKS();
}

TEST(defrag_timeout_without_first_fragment_sends_nothing)
{
	reset();
	make_three();
	sysctl_ipfrag_time = 2; /* the tunable tests shorten */
	CHECK_EQ(ip_defrag(three[1], 0), -EINPROGRESS);
	advance(2 * HZ);
	CHECK_EQ(STAT(REASMTIMEOUT), 1);
	CHECK_EQ(icmp_sent, 0);
	kfree_skb(three[0]);
	kfree_skb(three[2]);
	CHECK_NO_LEAKS();
}

TEST(defrag_separate_datagrams_do_not_mix)
{
	reset();
	make_dgram(16, IPPROTO_UDP, 10);
	struct sk_buff *a0 = frag(0, 8, true);
	make_dgram(16, IPPROTO_UDP, 11);
	struct sk_buff *b0 = frag(0, 8, true), *b1 = frag(8, 8, false);

	CHECK_EQ(ip_defrag(a0, 0), -EINPROGRESS);
	CHECK_EQ(ip_defrag(b0, 0), -EINPROGRESS);
	CHECK_EQ(ip_defrag(b1, 0), 0);
	CHECK(is_dgram(b1, 16));
	kfree_skb(b1);
	CHECK_EQ(nqueues(), 1); /* a's queue waits */
	advance(30 * HZ);
	CHECK_NO_LEAKS();
}

TEST(defrag_memory_cap_evicts_the_oldest_queues)
{
	struct sk_buff *s;

	reset();
	sysctl_ipfrag_high_thresh = 20000;
	sysctl_ipfrag_low_thresh = 12000;
	for (int id = 1; id <= 20; id++) {
		make_dgram(3000, IPPROTO_UDP, id);
		CHECK_EQ(ip_defrag(frag(0, 1480, true), 0), -EINPROGRESS);
		CHECK(ipfrag_mem <= 20000);
	}
	CHECK(STAT(REASMFAILS) > 0);
	CHECK_EQ(DROPS(PROTO_MEM), STAT(REASMFAILS));
	/* the newest queue survived: complete it */
	make_dgram(3000, IPPROTO_UDP, 20);
	CHECK_EQ(ip_defrag(frag(1480, 1480, true), 0), -EINPROGRESS);
	s = frag(2960, 40, false);
	CHECK_EQ(ip_defrag(s, 0), 0);
	kfree_skb(s);
	/* the oldest is gone: its second fragment starts a fresh queue */
	make_dgram(3000, IPPROTO_UDP, 1);
	CHECK_EQ(ip_defrag(frag(1480, 1480, true), 0), -EINPROGRESS);
	advance(30 * HZ);
	CHECK(list_empty(&ipq_list));
	CHECK_EQ(ipfrag_mem, 0);
	CHECK_NO_LEAKS();
}

TEST(defrag_one_queue_over_the_cap_is_dropped)
{
	reset();
	sysctl_ipfrag_high_thresh = 4000;
	sysctl_ipfrag_low_thresh = 3000;
	make_dgram(3000, IPPROTO_UDP, 2);
	int r = 0;

	for (unsigned int off = 0; off < 800 && r != -EINVAL; off += 8)
		r = ip_defrag(frag(off, 8, true), 0);
	CHECK_EQ(r, -EINVAL);
	CHECK_EQ(STAT(REASMFAILS), 1);
	CHECK(list_empty(&ipq_list));
	CHECK_NO_LEAKS();
}

TEST(defrag_no_memory_for_a_queue_is_counted)
{
	reset();
	make_three();
	host_alloc_fail_in = 1;
	CHECK_EQ(ip_defrag(three[0], 0), -ENOMEM);
	CHECK_EQ(STAT(REASMFAILS), 1);
	kfree_skb(three[1]);
	kfree_skb(three[2]);
	CHECK_NO_LEAKS();
}

/* ---- fragmentation ---- */

static struct net_device out_dev;
static struct dst_entry out_dst;
static struct sk_buff_head wire;

static int collect(struct sk_buff *skb)
{
	__skb_queue_tail(&wire, skb);
	return 0;
}

static struct sk_buff *whole(unsigned int payload, uint16_t id, bool df)
{
	struct sk_buff *skb = alloc_skb(NET_SKB_PAD + 20 + payload, GFP_ATOMIC);

	make_dgram(payload, IPPROTO_ICMP, id);
	skb_reserve(skb, NET_SKB_PAD);
	skb_reset_network_header(skb);
	skb_put_data(skb, dgram, 20 + payload);
	if (df) {
		ip_hdr(skb)->frag_off = htons(IP_DF);
		ip_hdr(skb)->check = 0;
		ip_hdr(skb)->check = ip_fast_csum(skb->data, 5);
	}
	skb_dst_set(skb, dst_clone(&out_dst));
	return skb;
}

static void frag_reset(unsigned int mtu)
{
	reset();
	memset(&out_dev, 0, sizeof(out_dev));
	out_dev.mtu = mtu;
	memset(&out_dst, 0, sizeof(out_dst));
	out_dst.dev = &out_dev;
	atomic_set(&out_dst.__refcnt, 1);
	skb_queue_head_init(&wire);
}

TEST(fragment_splits_on_8_byte_boundaries_with_mf)
{
	struct sk_buff *f;
	unsigned int expect_off = 0, n = 0;

	frag_reset(1500);
	CHECK_EQ(ip_do_fragment(whole(4000, 9, false), collect), 0);
	CHECK_EQ(skb_queue_len(&wire), 3);
	while ((f = __skb_dequeue(&wire))) {
		struct iphdr *iph = ip_hdr(f);
		unsigned int off = (ntohs(iph->frag_off) & IP_OFFSET) << 3;

		CHECK(f->len <= 1500);
		CHECK_EQ(f->len, ntohs(iph->tot_len));
		CHECK_EQ(off, expect_off);
		CHECK_EQ(!!(ntohs(iph->frag_off) & IP_MF), n < 2);
		CHECK_EQ(ip_fast_csum(iph, 5), 0);
		CHECK_EQ(iph->id, htons(9));
		CHECK(skb_dst(f) == &out_dst);
		CHECK(!memcmp(f->data + 20, dgram + 20 + off, f->len - 20));
		expect_off += f->len - 20;
		n++;
		kfree_skb(f);
	}
	CHECK_EQ(expect_off, 4000);
	CHECK_EQ(STAT(FRAGOKS), 1);
	CHECK_EQ(STAT(FRAGCREATES), 3);
	CHECK_EQ(atomic_read(&out_dst.__refcnt), 1);
	CHECK_NO_LEAKS();
}

TEST(fragment_refuses_df)
{
	frag_reset(1500);
	CHECK_EQ(ip_do_fragment(whole(4000, 9, true), collect), -EMSGSIZE);
	CHECK_EQ(STAT(FRAGFAILS), 1);
	CHECK_EQ(DROPS(PKT_TOO_BIG), 1);
	CHECK_EQ(skb_queue_len(&wire), 0);
	CHECK_NO_LEAKS();
}

static int fail_second(struct sk_buff *skb)
{
	if (skb_queue_len(&wire) == 1) {
		kfree_skb(skb);
		return -ENOBUFS;
	}
	return collect(skb);
}

TEST(fragment_output_error_stops_and_counts)
{
	frag_reset(576);
	CHECK_EQ(ip_do_fragment(whole(3000, 9, false), fail_second), -ENOBUFS);
	CHECK_EQ(STAT(FRAGFAILS), 1);
	CHECK_EQ(STAT(FRAGOKS), 0);
	skb_queue_purge(&wire);
	CHECK_NO_LEAKS();
}

TEST(fragment_keeps_only_copied_options_after_the_first)
{
	struct sk_buff *skb, *f;
	struct iphdr *iph;

	frag_reset(100);
	skb = alloc_skb(NET_SKB_PAD + 28 + 200, GFP_ATOMIC);
	make_dgram(200, IPPROTO_UDP, 12);
	skb_reserve(skb, NET_SKB_PAD);
	skb_reset_network_header(skb);
	iph = skb_put_data(skb, dgram, 20);
	/* record route (7, not copied, len 7) + NOOP; then one copied (0x94) */
	skb_put_data(skb, "\x07\x07\x04\x00\x00\x00\x00\x01", 8);
	skb_put_data(skb, dgram + 20, 200);
	iph->ihl = 7;
	iph->tot_len = htons(228);
	skb_dst_set(skb, dst_clone(&out_dst));
	CHECK_EQ(ip_do_fragment(skb, collect), 0);
	f = __skb_dequeue(&wire);
	CHECK(!memcmp(f->data + 20, "\x07\x07\x04", 3));
	kfree_skb(f);
	f = __skb_dequeue(&wire);
	CHECK_EQ(ip_hdr(f)->ihl, 7);
	CHECK(!memcmp(f->data + 20, "\x01\x01\x01\x01\x01\x01\x01\x01", 8));
	CHECK_EQ(ip_fast_csum(f->data, 7), 0);
	kfree_skb(f);
	skb_queue_purge(&wire);
	CHECK_NO_LEAKS();
}

TEST(fragment_then_reassemble_random_sizes_and_mtus)
{
	srand(7);
	for (int round = 0; round < 60; round++) {
		unsigned int payload = 1 + rand() % 20000;
		unsigned int mtu = 68 + rand() % 1500;
		unsigned int i = 0, n;
		struct sk_buff *f, *frags[400];
		int ret = 0;

		frag_reset(mtu);
		CHECK_EQ(ip_do_fragment(whole(payload, round, false), collect),
			 0);
		n = skb_queue_len(&wire);
		while ((f = __skb_dequeue(&wire))) {
			skb_dst_drop(f);
			frags[i++] = f;
		}
		for (i = n - 1; i > 0; i--) { /* deliver shuffled */
			unsigned int j = rand() % (i + 1);
			struct sk_buff *t = frags[i];

			frags[i] = frags[j], frags[j] = t;
		}
		for (i = 0; i < n; i++)
			ret = ip_defrag(frags[i], 0);
		CHECK_EQ(ret, 0);
		CHECK(is_dgram(frags[n - 1], payload));
		kfree_skb(frags[n - 1]);
		CHECK(list_empty(&ipq_list));
		CHECK_NO_LEAKS();
		if (unit_failed_now)
			break;
	}
}

RUN_TESTS()
