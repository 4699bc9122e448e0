/*
 * Host tests for net/core/skbuff.c: buffer arithmetic, clones and their
 * reference counts, copies, queues, drop-reason accounting, and the
 * panics on programming errors. Every test ends by checking that no
 * sk_buff and no data buffer is left (live counts back to zero).
 */
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests/unit/unit.h"
#include "lib/string.c"
#include "lib/vsprintf.c"
#include "tests/unit/shim_printk.h"
#include "tests/unit/shim_slab.h"
#include "net/core/skbuff.c"

static void setup(void)
{
	if (!skbuff_head_cache)
		skb_init();
	memset(&skb_counters, 0, sizeof(skb_counters));
	host_alloc_fail_in = 0;
	host_log_clear();
}

/* Nothing allocated by the test is still around. */
#define CHECK_NO_LEAKS()                          \
	do {                                      \
		CHECK_EQ(skb_live_count(), 0);    \
		CHECK_EQ(host_kmalloc_live, 0);   \
	} while (0)

static unsigned int data_refs(const struct sk_buff *skb)
{
	return atomic_read(&skb_shinfo(skb)->dataref);
}

/* ---- allocation and pointer arithmetic ---- */

TEST(alloc_skb_is_empty_with_all_room_at_the_tail)
{
	struct sk_buff *skb;

	setup();
	skb = alloc_skb(100, GFP_KERNEL);
	CHECK(skb != NULL);
	CHECK_EQ(skb->len, 0);
	CHECK_EQ(skb->data_len, 0);
	CHECK_EQ(skb_headroom(skb), 0);
	CHECK_EQ(skb_tailroom(skb), SKB_DATA_ALIGN(100));
	CHECK(skb->head == skb->data && skb->data == skb->tail);
	CHECK_EQ(atomic_read(&skb->users), 1);
	CHECK_EQ(data_refs(skb), 1);
	CHECK_EQ(skb->truesize, SKB_TRUESIZE(SKB_DATA_ALIGN(100)));
	CHECK(!skb_mac_header_was_set(skb));
	CHECK(!skb_transport_header_was_set(skb));
	CHECK_EQ(skb->pkt_type, PACKET_HOST);
	CHECK_EQ(skb_live_count(), 1);
	consume_skb(skb);
	CHECK_NO_LEAKS();
}

TEST(reserve_put_push_pull_trim_move_the_right_pointers)
{
	struct sk_buff *skb;
	unsigned char *p;
	int room;

	setup();
	skb = alloc_skb(128, GFP_KERNEL);
	room = skb_tailroom(skb);
	skb_reserve(skb, 16);
	CHECK_EQ(skb_headroom(skb), 16);
	CHECK_EQ(skb_tailroom(skb), room - 16);
	CHECK_EQ(skb->len, 0);

	p = skb_put(skb, 50);
	CHECK(p == skb->data);
	memset(p, 'x', 50);
	CHECK_EQ(skb->len, 50);
	CHECK_EQ(skb_tailroom(skb), room - 66);
	CHECK(skb->tail == skb->data + 50);

	p = skb_push(skb, 14);
	CHECK(p == skb->head + 2);
	CHECK_EQ(skb->len, 64);
	CHECK_EQ(skb_headroom(skb), 2);

	CHECK(skb_pull(skb, 14) == skb->head + 16);
	CHECK_EQ(skb->len, 50);
	CHECK(skb_pull(skb, 51) == NULL); /* short packet: unchanged */
	CHECK_EQ(skb->len, 50);
	CHECK(skb_pull(skb, 50) == skb->tail); /* everything: empty */
	CHECK_EQ(skb->len, 0);
	skb_push(skb, 50);

	skb_trim(skb, 20);
	CHECK_EQ(skb->len, 20);
	CHECK(skb->tail == skb->data + 20);
	CHECK_EQ(skb_tailroom(skb), room - 36);
	skb_trim(skb, 40); /* longer: no-op */
	CHECK_EQ(skb->len, 20);
	CHECK_EQ(skb_headroom(skb) + skb->len + skb_tailroom(skb),
		 skb_end_offset(skb));
	kfree_skb(skb);
	CHECK_NO_LEAKS();
}

TEST(put_data_copies_and_copy_bits_checks_bounds)
{
	struct sk_buff *skb;
	char out[8];

	setup();
	skb = alloc_skb(64, GFP_KERNEL);
	skb_put_data(skb, "abcdefgh", 8);
	CHECK_EQ(skb_copy_bits(skb, 2, out, 4), 0);
	CHECK(!memcmp(out, "cdef", 4));
	CHECK_EQ(skb_copy_bits(skb, 6, out, 3), -EFAULT);
	CHECK_EQ(skb_copy_bits(skb, -1, out, 1), -EFAULT);
	CHECK(pskb_may_pull(skb, 8));
	CHECK(!pskb_may_pull(skb, 9));
	consume_skb(skb);
	CHECK_NO_LEAKS();
}

TEST(netdev_and_napi_skbs_leave_pad_and_align_the_ip_header)
{
	struct net_device dev = { .name = "eth0" };
	struct napi_struct napi = { .dev = &dev };
	struct sk_buff *a, *b, *c;

	setup();
	a = netdev_alloc_skb(&dev, 1500);
	b = netdev_alloc_skb_ip_align(&dev, 1500);
	c = napi_alloc_skb(&napi, 1500);
	CHECK_EQ(skb_headroom(a), NET_SKB_PAD);
	CHECK(skb_tailroom(a) >= 1500);
	CHECK(a->dev == &dev);
	CHECK_EQ(skb_headroom(b), NET_SKB_PAD + NET_IP_ALIGN);
	CHECK_EQ(skb_headroom(c), NET_SKB_PAD + NET_IP_ALIGN);
	CHECK(c->dev == &dev);
	/* after the 14-byte Ethernet header, the IP header is 4-aligned */
	CHECK_EQ(((uintptr_t)c->data + 14) & 3, 0);
	kfree_skb(a);
	kfree_skb(b);
	kfree_skb(c);
	CHECK_NO_LEAKS();
}

TEST(header_offsets_follow_data_as_headers_are_pulled)
{
	struct sk_buff *skb;
	unsigned char *frame;

	setup();
	skb = alloc_skb(128, GFP_KERNEL);
	skb_reserve(skb, 2);
	frame = skb_put(skb, 60);
	skb_reset_mac_header(skb);
	CHECK(skb_mac_header_was_set(skb));
	skb_pull(skb, 14);
	skb_reset_network_header(skb);
	skb_set_transport_header(skb, 20);
	CHECK(skb_mac_header(skb) == frame);
	CHECK(skb_network_header(skb) == frame + 14);
	CHECK(skb_transport_header(skb) == frame + 34);
	CHECK_EQ(skb_network_offset(skb), 0);
	CHECK_EQ(skb_transport_offset(skb), 20);
	skb_pull(skb, 20);
	CHECK_EQ(skb_network_offset(skb), -20);
	CHECK_EQ(skb->mac_header, 2);
	kfree_skb(skb);
	CHECK_NO_LEAKS();
}

TEST(ids_are_unique_and_increasing)
{
	struct sk_buff *a, *b, *c;

	setup();
	a = alloc_skb(10, GFP_KERNEL);
	b = alloc_skb(10, GFP_KERNEL);
	c = skb_clone(b, GFP_ATOMIC);
	CHECK(a->id < b->id && b->id < c->id);
	kfree_skb(a);
	kfree_skb(b);
	kfree_skb(c);
	CHECK_NO_LEAKS();
}

/* ---- clones, copies, references ---- */

static struct sk_buff *filled_skb(const char *text)
{
	struct sk_buff *skb = alloc_skb(256, GFP_KERNEL);

	skb_reserve(skb, 32);
	skb_put_data(skb, text, strlen(text));
	skb->protocol = htons(0x0800);
	skb->pkt_type = PACKET_BROADCAST;
	skb_reset_network_header(skb);
	return skb;
}

TEST(clone_shares_bytes_but_has_its_own_pointers)
{
	struct sk_buff *skb, *clone;

	setup();
	skb = filled_skb("header|payload");
	clone = skb_clone(skb, GFP_ATOMIC);
	CHECK(clone != skb);
	CHECK(clone->head == skb->head);
	CHECK(clone->data == skb->data);
	CHECK_EQ(clone->len, skb->len);
	CHECK(skb->cloned && clone->cloned);
	CHECK(skb_cloned(skb) && skb_cloned(clone));
	CHECK_EQ(data_refs(skb), 2);
	CHECK_EQ(clone->protocol, htons(0x0800));
	CHECK_EQ(clone->pkt_type, PACKET_BROADCAST);
	CHECK_EQ(clone->network_header, skb->network_header);
	skb_pull(clone, 7);
	CHECK_EQ(skb->len, 14);
	CHECK(!memcmp(skb->data, "header|", 7));
	CHECK(!memcmp(clone->data, "payload", 7));
	CHECK_EQ(skb_live_count(), 2);
	kfree_skb(clone);
	kfree_skb(skb);
	CHECK_NO_LEAKS();
}

TEST(clone_freed_first_then_original_frees_data_once)
{
	struct sk_buff *skb, *clone;

	setup();
	skb = filled_skb("abc");
	clone = skb_clone(skb, GFP_ATOMIC);
	consume_skb(clone);
	CHECK_EQ(skb_live_count(), 1);
	CHECK_EQ(host_kmalloc_live, 1); /* the data is still there */
	CHECK_EQ(data_refs(skb), 1);
	CHECK(!skb_cloned(skb));
	CHECK(!memcmp(skb->data, "abc", 3));
	consume_skb(skb);
	CHECK_NO_LEAKS();
}

TEST(original_freed_first_then_clone_frees_data_once)
{
	struct sk_buff *skb, *clone;

	setup();
	skb = filled_skb("abc");
	clone = skb_clone(skb, GFP_ATOMIC);
	kfree_skb(skb);
	CHECK_EQ(skb_live_count(), 1);
	CHECK_EQ(host_kmalloc_live, 1);
	CHECK(!memcmp(clone->data, "abc", 3));
	kfree_skb(clone);
	CHECK_NO_LEAKS();
}

TEST(clone_of_a_clone_counts_three_users_of_the_data)
{
	struct sk_buff *skb, *c1, *c2;

	setup();
	skb = filled_skb("abc");
	c1 = skb_clone(skb, GFP_ATOMIC);
	c2 = skb_clone(c1, GFP_ATOMIC);
	CHECK_EQ(data_refs(skb), 3);
	kfree_skb(c1);
	kfree_skb(skb);
	CHECK_EQ(host_kmalloc_live, 1);
	kfree_skb(c2);
	CHECK_NO_LEAKS();
}

TEST(copy_has_private_bytes_same_layout)
{
	struct sk_buff *skb, *copy;

	setup();
	skb = filled_skb("hello");
	skb_push(skb, 4);
	memcpy(skb->data, "ETH:", 4);
	copy = skb_copy(skb, GFP_ATOMIC);
	CHECK(copy->head != skb->head);
	CHECK_EQ(skb_headroom(copy), skb_headroom(skb));
	CHECK_EQ(skb_tailroom(copy), skb_tailroom(skb));
	CHECK_EQ(copy->len, 9);
	CHECK(!memcmp(copy->data, "ETH:hello", 9));
	CHECK_EQ(skb_network_offset(copy), skb_network_offset(skb));
	CHECK(!copy->cloned && !skb->cloned);
	copy->data[4] = 'J';
	CHECK_EQ(skb->data[4], 'h');
	kfree_skb(skb);
	kfree_skb(copy);
	CHECK_NO_LEAKS();
}

TEST(skb_get_adds_a_user_and_only_the_last_free_counts)
{
	struct sk_buff *skb;

	setup();
	skb = alloc_skb(10, GFP_KERNEL);
	CHECK(skb_get(skb) == skb);
	CHECK(skb_shared(skb));
	kfree_skb_reason(skb, SKB_DROP_REASON_NO_SOCKET);
	CHECK_EQ(skb_live_count(), 1);
	CHECK_EQ(skb_drop_count(SKB_DROP_REASON_NO_SOCKET), 0);
	CHECK(!skb_shared(skb));
	kfree_skb_reason(skb, SKB_DROP_REASON_NO_SOCKET);
	CHECK_EQ(skb_drop_count(SKB_DROP_REASON_NO_SOCKET), 1);
	CHECK_NO_LEAKS();
}

TEST(share_check_clones_a_shared_skb_and_releases_the_original)
{
	struct sk_buff *skb, *mine;

	setup();
	skb = filled_skb("abc");
	CHECK(skb_share_check(skb, GFP_ATOMIC) == skb); /* not shared */
	skb_get(skb); /* a tap holds it too */
	mine = skb_share_check(skb, GFP_ATOMIC);
	CHECK(mine != NULL && mine != skb);
	CHECK_EQ(atomic_read(&skb->users), 1);
	CHECK_EQ(atomic_read(&mine->users), 1);
	consume_skb(mine);
	consume_skb(skb);
	CHECK_EQ(skb_drop_count(SKB_CONSUMED), 2);
	CHECK_NO_LEAKS();
}

static int destructed;
static void count_destructor(struct sk_buff *skb)
{
	destructed++;
}

TEST(destructor_runs_once_and_orphan_runs_it_early)
{
	struct sk_buff *skb;

	setup();
	destructed = 0;
	skb = alloc_skb(10, GFP_KERNEL);
	skb->destructor = count_destructor;
	skb_get(skb);
	kfree_skb(skb);
	CHECK_EQ(destructed, 0);
	kfree_skb(skb);
	CHECK_EQ(destructed, 1);

	skb = alloc_skb(10, GFP_KERNEL);
	skb->destructor = count_destructor;
	skb_orphan(skb);
	CHECK_EQ(destructed, 2);
	CHECK(skb->destructor == NULL);
	kfree_skb(skb);
	CHECK_EQ(destructed, 2);
	CHECK_NO_LEAKS();
}

TEST(clone_has_no_socket_owner)
{
	struct sk_buff *skb, *clone;

	setup();
	destructed = 0;
	skb = alloc_skb(10, GFP_KERNEL);
	skb->sk = (struct sock *)0x1234;
	skb->destructor = count_destructor;
	clone = skb_clone(skb, GFP_ATOMIC);
	CHECK(clone->sk == NULL && clone->destructor == NULL);
	kfree_skb(clone);
	CHECK_EQ(destructed, 0);
	kfree_skb(skb);
	CHECK_EQ(destructed, 1);
	CHECK_NO_LEAKS();
}

/* ---- running out of memory ---- */

TEST(allocation_failures_return_null_and_leak_nothing)
{
	struct sk_buff *skb;

	setup();
	host_alloc_fail_in = 1; /* the sk_buff itself */
	CHECK(alloc_skb(100, GFP_ATOMIC) == NULL);
	host_alloc_fail_in = 2; /* the data buffer */
	CHECK(alloc_skb(100, GFP_ATOMIC) == NULL);
	CHECK(alloc_skb(SKB_MAX_ALLOC + 1, GFP_ATOMIC) == NULL);
	CHECK_EQ(skb_counters.alloc_failed, 3);
	CHECK_NO_LEAKS();

	skb = alloc_skb(100, GFP_ATOMIC);
	host_alloc_fail_in = 1;
	CHECK(skb_clone(skb, GFP_ATOMIC) == NULL);
	CHECK_EQ(data_refs(skb), 1);
	host_alloc_fail_in = 1;
	CHECK(skb_copy(skb, GFP_ATOMIC) == NULL);
	skb_get(skb);
	host_alloc_fail_in = 1;
	CHECK(skb_share_check(skb, GFP_ATOMIC) == NULL); /* drops our ref */
	CHECK_EQ(atomic_read(&skb->users), 1);
	CHECK_EQ(skb_drop_count(SKB_DROP_REASON_NOMEM), 0); /* not the last */
	kfree_skb(skb);
	CHECK_NO_LEAKS();
}

/* ---- drop reasons ---- */

TEST(every_drop_reason_has_its_linux_name)
{
	CHECK_STR(drop_reasons[SKB_DROP_REASON_NOT_SPECIFIED], "NOT_SPECIFIED");
	CHECK_STR(drop_reasons[SKB_DROP_REASON_NO_SOCKET], "NO_SOCKET");
	CHECK_STR(drop_reasons[SKB_DROP_REASON_TCP_CSUM], "TCP_CSUM");
	CHECK_STR(drop_reasons[SKB_DROP_REASON_UNHANDLED_PROTO], "UNHANDLED_PROTO");
	CHECK_STR(drop_reasons[SKB_DROP_REASON_RX_RUNT], "RX_RUNT");
	CHECK_STR(drop_reasons[SKB_CONSUMED], "CONSUMED");
	for (int r = 0; r < SKB_DROP_REASON_MAX; r++)
		CHECK(drop_reasons[r] != NULL && drop_reasons[r][0] != '\0');
}

TEST(drops_are_counted_per_reason_and_consumes_apart)
{
	setup();
	kfree_skb_reason(alloc_skb(10, GFP_ATOMIC), SKB_DROP_REASON_NO_SOCKET);
	kfree_skb_reason(alloc_skb(10, GFP_ATOMIC), SKB_DROP_REASON_NO_SOCKET);
	kfree_skb_reason(alloc_skb(10, GFP_ATOMIC), SKB_DROP_REASON_IP_CSUM);
	kfree_skb(alloc_skb(10, GFP_ATOMIC));
	consume_skb(alloc_skb(10, GFP_ATOMIC));
	/* bad reasons are counted as NOT_SPECIFIED, never out of bounds */
	kfree_skb_reason(alloc_skb(10, GFP_ATOMIC), SKB_NOT_DROPPED_YET);
	kfree_skb_reason(alloc_skb(10, GFP_ATOMIC), (enum skb_drop_reason)9999);
	kfree_skb_reason(NULL, SKB_DROP_REASON_IP_CSUM);
	CHECK_EQ(skb_drop_count(SKB_DROP_REASON_NO_SOCKET), 2);
	CHECK_EQ(skb_drop_count(SKB_DROP_REASON_IP_CSUM), 1);
	CHECK_EQ(skb_drop_count(SKB_DROP_REASON_NOT_SPECIFIED), 3);
	CHECK_EQ(skb_drop_count(SKB_CONSUMED), 1);
	CHECK_EQ(skb_drop_count(SKB_DROP_REASON_MAX), 0);
	CHECK_NO_LEAKS();
}

static char text[8192];

TEST(drop_reasons_file_lists_every_reason_with_its_count)
{
	int lines = 0;

	setup();
	kfree_skb_reason(alloc_skb(10, GFP_ATOMIC), SKB_DROP_REASON_NO_SOCKET);
	kfree_skb_reason(alloc_skb(10, GFP_ATOMIC), SKB_DROP_REASON_NO_SOCKET);
	drop_reasons_show(text, sizeof(text));
	CHECK(strncmp(text, "NOT_SPECIFIED 0\nNO_SOCKET 2\nPKT_TOO_SMALL 0\n", 43) == 0);
	CHECK(strstr(text, "\nRX_OVERSIZE 0\n") != NULL);
	CHECK(strstr(text, "CONSUMED") == NULL);
	for (const char *p = text; *p; p++)
		lines += *p == '\n';
	CHECK_EQ(lines, SKB_DROP_REASON_MAX - SKB_DROP_REASON_NOT_SPECIFIED);
	CHECK_EQ(drop_reasons_show(text, 10), 9);
	CHECK_NO_LEAKS();
}

TEST(skb_stats_file_shows_live_and_lifetime_counters)
{
	struct sk_buff *a, *b, *c;

	setup();
	a = alloc_skb(10, GFP_ATOMIC);
	b = skb_clone(a, GFP_ATOMIC);
	c = skb_copy(a, GFP_ATOMIC);
	consume_skb(b);
	kfree_skb_reason(c, SKB_DROP_REASON_NOMEM);
	host_alloc_fail_in = 1;
	alloc_skb(10, GFP_ATOMIC);
	skb_stats_show(text, sizeof(text));
	CHECK_STR(text, "live 1\nallocated 2\nalloc_failed 1\ncloned 1\n"
			"copied 1\nconsumed 1\ndropped 1\n");
	consume_skb(a);
	CHECK_NO_LEAKS();
}

/* ---- queues ---- */

TEST(queue_keeps_order_length_and_unlinks)
{
	struct sk_buff_head q;
	struct sk_buff *s[4];

	setup();
	skb_queue_head_init(&q);
	CHECK(skb_queue_empty(&q));
	CHECK(skb_dequeue(&q) == NULL);
	CHECK(skb_peek(&q) == NULL);
	for (int i = 0; i < 4; i++)
		s[i] = alloc_skb(10, GFP_ATOMIC);
	skb_queue_tail(&q, s[1]);
	skb_queue_tail(&q, s[2]);
	skb_queue_tail(&q, s[3]);
	skb_queue_head(&q, s[0]);
	CHECK_EQ(skb_queue_len(&q), 4);
	CHECK(skb_peek(&q) == s[0]);
	skb_unlink(s[2], &q);
	CHECK(s[2]->next == NULL && s[2]->prev == NULL);
	CHECK_EQ(skb_queue_len(&q), 3);
	CHECK(skb_dequeue(&q) == s[0]);
	CHECK(skb_dequeue(&q) == s[1]);
	CHECK(skb_dequeue(&q) == s[3]);
	CHECK(skb_dequeue(&q) == NULL);
	CHECK_EQ(skb_queue_len(&q), 0);
	CHECK(!spin_is_locked(&q.lock));
	CHECK(host_test_eflags & X86_EFLAGS_IF); /* interrupts back on */
	for (int i = 0; i < 4; i++)
		kfree_skb(s[i]);
	CHECK_NO_LEAKS();
}

TEST(purge_frees_everything_queued_as_queue_purge)
{
	struct sk_buff_head q;

	setup();
	skb_queue_head_init(&q);
	for (int i = 0; i < 5; i++)
		skb_queue_tail(&q, alloc_skb(100, GFP_ATOMIC));
	skb_queue_purge(&q);
	CHECK_EQ(skb_queue_len(&q), 0);
	CHECK(skb_queue_empty(&q));
	CHECK_EQ(skb_drop_count(SKB_DROP_REASON_QUEUE_PURGE), 5);
	CHECK_NO_LEAKS();
}

/* ---- programming errors stop the machine ---- */

/* Run fn in a child; true if it died in panic(). Its output goes to out. */
static bool dies_with_panic(void (*fn)(void), char *out, size_t outlen)
{
	int pfd[2], status;
	ssize_t n, got = 0;
	pid_t pid;

	fflush(stdout);
	if (pipe(pfd))
		return false;
	pid = fork();
	if (pid == 0) {
		dup2(pfd[1], 1);
		close(pfd[0]);
		host_log_echo = 1;
		fn();
		_exit(0);
	}
	close(pfd[1]);
	while ((n = read(pfd[0], out + got, outlen - 1 - got)) > 0)
		got += n;
	out[got] = '\0';
	close(pfd[0]);
	waitpid(pid, &status, 0);
	return WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT;
}

static void put_past_end(void)
{
	struct sk_buff *skb = alloc_skb(64, GFP_ATOMIC);

	skb_put(skb, 64);
	skb_put(skb, 1);
}

static void push_before_head(void)
{
	struct sk_buff *skb = alloc_skb(64, GFP_ATOMIC);

	skb_reserve(skb, 10);
	skb_push(skb, 11);
}

TEST(put_past_end_is_skb_over_panic)
{
	setup();
	CHECK(dies_with_panic(put_past_end, text, sizeof(text)));
	CHECK(strstr(text, "skbuff: skb_over_panic: text:") != NULL);
	CHECK(strstr(text, "len:64 put:1") != NULL);
	CHECK(strstr(text, "tail:0x40 end:0x40 dev:<NULL>") != NULL);
}

TEST(push_before_head_is_skb_under_panic)
{
	setup();
	CHECK(dies_with_panic(push_before_head, text, sizeof(text)));
	CHECK(strstr(text, "skbuff: skb_under_panic:") != NULL);
	CHECK(strstr(text, "len:0 put:11") != NULL);
}

RUN_TESTS()
