/*
 * shim_ipv4.h - the IPv4 core (devinet, FIB, routes, neighbours, ARP,
 * ip_input, ip_output, ip= application) built for host unit tests, on
 * shim_netcore.h's fake NIC, with kernel/timer.c for the neighbour
 * timers (advance() moves jiffies and runs what is due).
 *
 * What the ipfrag branch provides in the kernel (ICMP, reassembly,
 * fragmentation, forwarding) is replaced by recorders, so a test sees
 * exactly which of them the code under test called:
 *   icmp_calls / icmp_last_type / icmp_last_code   icmp_send
 *   frag_calls, forward_calls                      ip_do_fragment, ip_forward
 * and local delivery can be watched with a test protocol handler
 * (test_proto_rx counts packets of IPPROTO 253).
 *
 * User pointers are plain host pointers: copy_{from,to}_user are memcpy.
 */
#ifndef RXOS_TESTS_UNIT_SHIM_IPV4_H
#define RXOS_TESTS_UNIT_SHIM_IPV4_H

#include "tests/unit/shim_netcore.h"
#include "lib/checksum.c"
volatile unsigned int __preempt_count; /* kernel/timer.c asks in_serving_softirq */
#include "kernel/timer.c"
#include "net/netfilter/core.c"
#include "net/ipv4/snmp.c"

/* ---- host stand-ins for the kernel around the IPv4 core ---- */
unsigned long copy_from_user(void *to, const void __user *from,
			     unsigned long n)
{
	memcpy(to, (const void *)from, n);
	return 0;
}

unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{
	memcpy((void *)to, from, n);
	return 0;
}

long strncpy_from_user(char *dst, const char __user *src, long count)
{
	long n = strnlen((const char *)src, count);

	memcpy(dst, (const char *)src, n);
	if (n < count)
		dst[n] = '\0';
	return n;
}

static uint32_t host_random = 12345;
uint32_t get_random_u32(void)
{
	host_random = host_random * 1103515245u + 12345u;
	return host_random >> 1;
}

int proc_create_single(const char *path, int (*show)(char *buf, int len))
{
	return 0;
}

/* ---- recorders for what the ipfrag branch implements ---- */
int sysctl_ip_forward;
static int icmp_calls, icmp_last_type, icmp_last_code, frag_calls,
	forward_calls, defrag_calls;

void icmp_send(struct sk_buff *skb_in, int type, int code, __be32 info)
{
	icmp_calls++;
	icmp_last_type = type;
	icmp_last_code = code;
}

int icmp_rcv(struct sk_buff *skb)
{
	consume_skb(skb);
	return 0;
}

int ip_defrag(struct sk_buff *skb, unsigned int user)
{
	defrag_calls++;
	return 0; /* "complete": deliver it */
}

int ip_do_fragment(struct sk_buff *skb, int (*output)(struct sk_buff *))
{
	frag_calls++;
	consume_skb(skb);
	return 0;
}

int ip_forward(struct sk_buff *skb)
{
	forward_calls++;
	consume_skb(skb);
	return 0;
}

/* No raw sockets in these tests (net/ipv4/raw.c): nobody takes a clone. */
int raw_local_deliver(struct sk_buff *skb, int protocol)
{
	return 0;
}

#include "net/core/neighbour.c"
#include "net/ipv4/fib.c"
#include "net/ipv4/fib_frontend.c"
#include "net/ipv4/route.c"
#include "net/ipv4/devinet.c"
#include "net/ipv4/arp.c"
#include "net/ipv4/ip_input.c"
#include "net/ipv4/ip_output.c"
#include "net/ipv4/ipconfig.c"

/* ---- a protocol to watch local delivery ---- */
#define TEST_PROTO 253 /* RFC 3692: for experiments */
static int test_proto_rx;

static int test_proto_handler(struct sk_buff *skb)
{
	test_proto_rx++;
	consume_skb(skb);
	return 0;
}

static const struct net_protocol test_protocol = {
	.handler = test_proto_handler,
};

/* network-order address from four bytes */
static __be32 IP4(int a, int b, int c, int d)
{
	unsigned char x[4] = { a, b, c, d };
	__be32 v;

	memcpy(&v, x, 4);
	return v;
}

#define STAT(f) ip_statistics[IPSTATS_MIB_##f]
#define DROPS(r) skb_drop_count(SKB_DROP_REASON_##r)

static void advance(unsigned long j)
{
	jiffies += j;
	__run_timers();
}

static struct net_device *test_dev;

/*
 * A fresh stack: the fake NIC eth0, up, 10.0.2.15/24, default route via
 * 10.0.2.2 (what `make run`'s ip= configures), ARP and IP registered.
 */
static void ipv4_reset(void)
{
	if (test_dev) {
		neigh_ifdown(&arp_tbl, NULL);
		inetdev_destroy(test_dev);
		fib_reset();
		fake_nic_destroy(test_dev);
		test_dev = NULL;
	}
	del_timer(&arp_tbl.gc_timer);
	netcore_reset();
	memset(ip_statistics, 0, sizeof(ip_statistics));
	memset(inet_protos, 0, sizeof(inet_protos));
	memset(&rt_stats, 0, sizeof(rt_stats));
	icmp_calls = icmp_last_type = icmp_last_code = 0;
	frag_calls = forward_calls = defrag_calls = test_proto_rx = 0;
	sysctl_ip_forward = 0;
	arp_init();
	ip_init();
	inet_add_protocol(&test_protocol, TEST_PROTO);
	test_dev = fake_nic_create();
	register_netdev(test_dev);
	dev_open(test_dev);
}

static void ipv4_configure(void)
{
	struct fib_config cfg = { .fc_type = RTN_UNICAST,
				  .fc_table = RT_TABLE_MAIN,
				  .fc_gw = IP4(10, 0, 2, 2),
				  .fc_dev = test_dev };

	devinet_add_addr(test_dev, IP4(10, 0, 2, 15), IP4(255, 255, 255, 0));
	fib_table_insert(&cfg);
}

/* Frames the fake NIC "sent", oldest first; caller frees. */
static struct sk_buff *tx_pop(void)
{
	return skb_dequeue(&((struct fake_nic *)netdev_priv(test_dev))->txq);
}

static int tx_count(void)
{
	return skb_queue_len(&((struct fake_nic *)netdev_priv(test_dev))->txq);
}

static void tx_purge(void)
{
	skb_queue_purge(&((struct fake_nic *)netdev_priv(test_dev))->txq);
}

/* An skb as a driver hands it up: Ethernet header pulled, pkt_type set. */
static struct sk_buff *rx_skb(const void *l3, unsigned int len, uint16_t type,
			      const uint8_t *dst_mac)
{
	struct sk_buff *skb = netdev_alloc_skb(test_dev, ETH_HLEN + len);
	struct ethhdr *eth = skb_put(skb, ETH_HLEN);

	memcpy(eth->h_dest, dst_mac, ETH_ALEN);
	memcpy(eth->h_source, peer_mac, ETH_ALEN);
	eth->h_proto = htons(type);
	skb_put_data(skb, l3, len);
	skb->protocol = eth_type_trans(skb, test_dev);
	return skb;
}

/* Whole teardown at the end of a test: nothing may be left alive. */
static void ipv4_teardown(void)
{
	tx_purge();
	neigh_ifdown(&arp_tbl, NULL);
	inetdev_destroy(test_dev);
	fib_reset();
	fake_nic_destroy(test_dev);
	test_dev = NULL;
	del_timer(&arp_tbl.gc_timer);
}

#define CHECK_IPV4_NO_LEAKS()                   \
	do {                                    \
		ipv4_teardown();                \
		CHECK_EQ(rt_dst_live(), 0);     \
		CHECK_EQ(skb_live_count(), 0);  \
		CHECK_EQ(host_kmalloc_live, 0); \
	} while (0)

#endif
