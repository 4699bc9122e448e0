/* Host tests for user/lib/inet.c: address text conversion. */
#include "tests/unit/unit.h"
#include "user/lib/inet.c"

TEST(user_inet_pton_ipv4)
{
	unsigned char a[4];

	CHECK_EQ(inet_pton(AF_INET, "10.0.2.15", a), 1);
	CHECK(a[0] == 10 && a[1] == 0 && a[2] == 2 && a[3] == 15);
	CHECK_EQ(inet_pton(AF_INET, "255.255.255.255", a), 1);
	CHECK_EQ(inet_pton(AF_INET, "256.1.1.1", a), 0);
	CHECK_EQ(inet_pton(AF_INET, "1.2.3", a), 0);
	CHECK_EQ(inet_pton(AF_INET, "1.2.3.4.5", a), 0);
	CHECK_EQ(inet_pton(AF_INET, "01.2.3.4", a), 0);
	CHECK_EQ(inet_pton(AF_INET, "1..3.4", a), 0);
	CHECK_EQ(inet_pton(AF_INET, "", a), 0);
}

TEST(user_inet_ntop_ipv4_and_byte_order)
{
	struct in_addr in = { htonl(0x7f000001) };
	char buf[INET_ADDRSTRLEN];

	CHECK_STR(inet_ntop(AF_INET, &in, buf, sizeof(buf)), "127.0.0.1");
	CHECK(inet_ntop(AF_INET, &in, buf, 9) == NULL);
	CHECK_EQ(inet_addr("192.168.1.2"), htonl(0xc0a80102));
	CHECK_EQ(inet_addr("x"), INADDR_NONE);
	CHECK_STR(inet_ntoa(in), "127.0.0.1");
}

TEST(user_inet_ipv6_round_trip)
{
	static const char *cases[][2] = {
		{ "::1", "::1" }, { "::", "::" }, { "fe80::1:2", "fe80::1:2" },
		{ "1:0:0:0:0:0:0:8", "1::8" }, { "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8" },
		{ "2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1" }, { "1::", "1::" },
	};
	unsigned char a[16];
	char buf[INET6_ADDRSTRLEN];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		CHECK_EQ(inet_pton(AF_INET6, cases[i][0], a), 1);
		CHECK_STR(inet_ntop(AF_INET6, a, buf, sizeof(buf)), cases[i][1]);
	}
	CHECK_EQ(inet_pton(AF_INET6, "1:2", a), 0);
	CHECK_EQ(inet_pton(AF_INET6, "1::2::3", a), 0);
	CHECK_EQ(inet_pton(AF_INET6, "12345::", a), 0);
}

RUN_TESTS()
