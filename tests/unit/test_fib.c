/* Host tests for the FIB (net/ipv4/fib.c, fib_frontend.c): longest-prefix
 * match, metrics, interface routes, route ioctls, /proc/net/route. */
#include "tests/unit/shim_ipv4.h"

static int add_route(const char *dst, int len, __be32 gw, uint32_t metric)
{
	uint32_t d;
	struct fib_config cfg = { .fc_type = RTN_UNICAST,
				  .fc_table = RT_TABLE_MAIN,
				  .fc_dst_len = len, .fc_gw = gw,
				  .fc_priority = metric, .fc_dev = test_dev };

	ic_parse_addr(dst, strlen(dst), &d);
	cfg.fc_dst = d;
	return fib_table_insert(&cfg);
}

static __be32 lookup_gw(__be32 daddr, int *plen)
{
	struct fib_result res;

	if (fib_lookup(daddr, &res))
		return (__be32)-1;
	*plen = res.prefixlen;
	return res.fe->fe_gw;
}

TEST(longest_prefix_wins_over_shorter_ones)
{
	int len = -1;

	ipv4_reset();
	ipv4_configure(); /* 10.0.2.0/24 direct, default via 10.0.2.2 */
	CHECK_EQ(add_route("10.1.0.0", 16, IP4(10, 0, 2, 3), 0), 0);
	CHECK_EQ(add_route("10.1.2.0", 24, IP4(10, 0, 2, 4), 0), 0);
	CHECK_EQ(add_route("10.1.2.128", 25, IP4(10, 0, 2, 5), 0), 0);
	CHECK_EQ(lookup_gw(IP4(10, 1, 2, 200), &len), IP4(10, 0, 2, 5));
	CHECK_EQ(len, 25);
	CHECK_EQ(lookup_gw(IP4(10, 1, 2, 100), &len), IP4(10, 0, 2, 4));
	CHECK_EQ(len, 24);
	CHECK_EQ(lookup_gw(IP4(10, 1, 9, 9), &len), IP4(10, 0, 2, 3));
	CHECK_EQ(len, 16);
	CHECK_EQ(lookup_gw(IP4(10, 0, 2, 77), &len), 0); /* on the link */
	CHECK_EQ(len, 24);
	CHECK_EQ(lookup_gw(IP4(8, 8, 8, 8), &len), IP4(10, 0, 2, 2));
	CHECK_EQ(len, 0);
	CHECK_IPV4_NO_LEAKS();
}

TEST(equal_prefixes_prefer_the_lower_metric)
{
	int len;

	ipv4_reset();
	ipv4_configure();
	CHECK_EQ(add_route("10.9.0.0", 16, IP4(10, 0, 2, 8), 100), 0);
	CHECK_EQ(add_route("10.9.0.0", 16, IP4(10, 0, 2, 7), 10), 0);
	CHECK_EQ(lookup_gw(IP4(10, 9, 1, 1), &len), IP4(10, 0, 2, 7));
	CHECK_EQ(add_route("10.9.0.0", 16, IP4(10, 0, 2, 6), 10), -EEXIST);
	CHECK_IPV4_NO_LEAKS();
}

TEST(no_route_without_default_and_host_bits_rejected)
{
	struct fib_result res;

	ipv4_reset();
	devinet_add_addr(test_dev, IP4(10, 0, 2, 15), IP4(255, 255, 255, 0));
	CHECK_EQ(fib_lookup(IP4(8, 8, 8, 8), &res), -ENETUNREACH);
	CHECK_EQ(add_route("10.1.0.1", 16, 0, 0), -EINVAL);
	CHECK_EQ(add_route("10.1.0.0", 33, 0, 0), -EINVAL);
	CHECK_IPV4_NO_LEAKS();
}

TEST(routes_through_a_down_device_do_not_match)
{
	struct fib_result res;

	ipv4_reset();
	ipv4_configure();
	dev_close(test_dev);
	CHECK_EQ(fib_lookup(IP4(8, 8, 8, 8), &res), -ENETUNREACH);
	dev_open(test_dev);
	CHECK_EQ(fib_lookup(IP4(8, 8, 8, 8), &res), 0);
	CHECK_IPV4_NO_LEAKS();
}

TEST(an_address_brings_local_broadcast_and_prefix_routes)
{
	ipv4_reset();
	devinet_add_addr(test_dev, IP4(10, 0, 2, 15), IP4(255, 255, 255, 0));
	CHECK_EQ(inet_addr_type(IP4(10, 0, 2, 15)), RTN_LOCAL);
	CHECK_EQ(inet_addr_type(IP4(10, 0, 2, 255)), RTN_BROADCAST);
	CHECK_EQ(inet_addr_type(IP4(255, 255, 255, 255)), RTN_BROADCAST);
	CHECK_EQ(inet_addr_type(IP4(0, 0, 0, 0)), RTN_BROADCAST);
	CHECK_EQ(inet_addr_type(IP4(224, 0, 0, 1)), RTN_MULTICAST);
	CHECK_EQ(inet_addr_type(IP4(10, 0, 2, 16)), RTN_UNICAST);
	/* a new address replaces the primary one and its routes */
	devinet_add_addr(test_dev, IP4(192, 168, 7, 1), IP4(255, 255, 0, 0));
	CHECK_EQ(inet_addr_type(IP4(10, 0, 2, 15)), RTN_UNICAST);
	CHECK_EQ(inet_addr_type(IP4(192, 168, 255, 255)), RTN_BROADCAST);
	CHECK_IPV4_NO_LEAKS();
}

static struct rtentry rtent(__be32 dst, __be32 mask, __be32 gw,
			    unsigned short flags, char *dev)
{
	struct rtentry rt;

	memset(&rt, 0, sizeof(rt));
	((struct sockaddr_in *)&rt.rt_dst)->sin_family = AF_INET;
	((struct sockaddr_in *)&rt.rt_dst)->sin_addr.s_addr = dst;
	((struct sockaddr_in *)&rt.rt_genmask)->sin_family = AF_INET;
	((struct sockaddr_in *)&rt.rt_genmask)->sin_addr.s_addr = mask;
	((struct sockaddr_in *)&rt.rt_gateway)->sin_family = AF_INET;
	((struct sockaddr_in *)&rt.rt_gateway)->sin_addr.s_addr = gw;
	rt.rt_flags = flags;
	rt.rt_dev = dev;
	return rt;
}

TEST(route_ioctl_adds_and_deletes_like_net_tools)
{
	char eth0[] = "eth0", nosuch[] = "eth7";
	struct rtentry rt;
	int len;

	ipv4_reset();
	devinet_add_addr(test_dev, IP4(10, 0, 2, 15), IP4(255, 255, 255, 0));
	/* route add default gw 10.0.2.2 */
	rt = rtent(0, 0, IP4(10, 0, 2, 2), RTF_UP | RTF_GATEWAY, NULL);
	CHECK_EQ(ip_rt_ioctl(SIOCADDRT, &rt), 0);
	CHECK_EQ(lookup_gw(IP4(1, 2, 3, 4), &len), IP4(10, 0, 2, 2));
	CHECK_EQ(ip_rt_ioctl(SIOCADDRT, &rt), -EEXIST);
	/* a gateway that is not on a link: Network is unreachable */
	rt = rtent(IP4(10, 5, 0, 0), IP4(255, 255, 0, 0), IP4(172, 16, 0, 1),
		   RTF_UP | RTF_GATEWAY, NULL);
	CHECK_EQ(ip_rt_ioctl(SIOCADDRT, &rt), -ENETUNREACH);
	/* bad mask, unknown device, no device for a direct route */
	rt = rtent(IP4(10, 5, 0, 0), IP4(255, 0, 255, 0), 0, RTF_UP, eth0);
	CHECK_EQ(ip_rt_ioctl(SIOCADDRT, &rt), -EINVAL);
	rt = rtent(IP4(10, 5, 0, 0), IP4(255, 255, 0, 0), 0, RTF_UP, nosuch);
	CHECK_EQ(ip_rt_ioctl(SIOCADDRT, &rt), -ENODEV);
	rt = rtent(IP4(10, 5, 0, 0), IP4(255, 255, 0, 0), 0, RTF_UP, NULL);
	CHECK_EQ(ip_rt_ioctl(SIOCADDRT, &rt), -ENODEV);
	/* route add -net 10.5.0.0 netmask 255.255.0.0 dev eth0; del */
	rt = rtent(IP4(10, 5, 0, 0), IP4(255, 255, 0, 0), 0, RTF_UP, eth0);
	CHECK_EQ(ip_rt_ioctl(SIOCADDRT, &rt), 0);
	CHECK_EQ(lookup_gw(IP4(10, 5, 1, 1), &len), 0);
	CHECK_EQ(len, 16);
	CHECK_EQ(ip_rt_ioctl(SIOCDELRT, &rt), 0);
	CHECK_EQ(ip_rt_ioctl(SIOCDELRT, &rt), -ESRCH);
	CHECK_EQ(lookup_gw(IP4(10, 5, 1, 1), &len), IP4(10, 0, 2, 2));
	CHECK_IPV4_NO_LEAKS();
}

TEST(proc_net_route_has_linux_layout)
{
	char text[2048];
	const char *want_hdr =
		"Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\t"
		"Mask\t\tMTU\tWindow\tIRTT";
	char *nl;

	ipv4_reset();
	ipv4_configure();
	add_route("10.1.2.3", 32, IP4(10, 0, 2, 9), 5);
	fib_route_seq_show(text, sizeof(text));
	CHECK(!strncmp(text, want_hdr, strlen(want_hdr)));
	nl = strchr(text, '\n');
	CHECK_EQ(nl - text, 127); /* padded to 127, as seq_pad does */
	/* rows in destination order: default, 10.0.2.0/24, 10.1.2.3 host */
	CHECK(strstr(text, "\neth0\t00000000\t0202000A\t0003\t0\t0\t0\t00000000\t0\t0\t0 "));
	CHECK(strstr(text, "\neth0\t0002000A\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0 "));
	CHECK(strstr(text, "\neth0\t0302010A\t0902000A\t0007\t0\t0\t5\tFFFFFFFF\t0\t0\t0 "));
	CHECK(strstr(text, "00000000\t0202000A") < strstr(text, "0002000A\t00000000"));
	/* the local table's entries are not shown */
	CHECK(!strstr(text, "0F02000A"));
	CHECK(!strstr(text, "FF02000A"));
	CHECK_IPV4_NO_LEAKS();
}

RUN_TESTS()
