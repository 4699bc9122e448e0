/* Host tests for the ip= parser in net/ipv4/ipconfig.c. */
/* ipconfig.c also applies ip= (ip_auto_config): it needs the IPv4 core. */
#include "tests/unit/shim_ipv4.h"

static struct ic_config c;
static const char *why;

/* network-order address from four bytes, as it lies in memory */
static uint32_t A(int a, int b, int cc, int d)
{
	unsigned char x[4] = { a, b, cc, d };
	uint32_t v;
	memcpy(&v, x, 4);
	return v;
}

TEST(full_linux_format)
{
	CHECK_EQ(ic_parse("10.0.2.15:10.0.2.2:10.0.2.2:255.255.255.0:rxos:eth0:off",
			  &c, &why), 0);
	CHECK_EQ(c.myaddr, A(10, 0, 2, 15));
	CHECK_EQ(c.servaddr, A(10, 0, 2, 2));
	CHECK_EQ(c.gateway, A(10, 0, 2, 2));
	CHECK_EQ(c.netmask, A(255, 255, 255, 0));
	CHECK_STR(c.hostname, "rxos");
	CHECK_STR(c.device, "eth0");
	CHECK_STR(c.autoconf, "off");
}

TEST(empty_and_missing_fields)
{
	CHECK_EQ(ic_parse("192.168.7.2::192.168.7.1:255.255.255.0", &c, &why), 0);
	CHECK_EQ(c.servaddr, 0);
	CHECK_EQ(c.gateway, A(192, 168, 7, 1));
	CHECK_STR(c.device, "");
	CHECK_EQ(ic_parse("10.1.1.1", &c, &why), 0);
	CHECK_EQ(c.netmask, 0);
}

TEST(off_and_none)
{
	CHECK_EQ(ic_parse("off", &c, &why), 0);
	CHECK(c.off);
	CHECK_EQ(ic_parse("none", &c, &why), 0);
	CHECK(c.off);
}

TEST(bad_addresses_name_the_field)
{
	CHECK_EQ(ic_parse("10.0.2.256", &c, &why), -EINVAL);
	CHECK_STR(why, "client-ip");
	CHECK_EQ(ic_parse("10.0.2.15::10.0.2.2:255.255.0", &c, &why), -EINVAL);
	CHECK_STR(why, "netmask");
	CHECK_EQ(ic_parse("1.2.3.4.5", &c, &why), -EINVAL);
	CHECK_EQ(ic_parse("1..2.3", &c, &why), -EINVAL);
	CHECK_EQ(ic_parse("a.b.c.d", &c, &why), -EINVAL);
	CHECK_EQ(c.myaddr, 0); /* nothing half-parsed is kept */
}

TEST(overlong_hostname_and_device_rejected)
{
	char v[200];

	strcpy(v, "1.2.3.4::::");
	memset(v + strlen(v), 'h', 100);
	v[11 + 100] = 0;
	CHECK_EQ(ic_parse(v, &c, &why), -EINVAL);
	CHECK_STR(why, "hostname");
	CHECK_EQ(ic_parse("1.2.3.4:::::eth0123456789abcdef", &c, &why), -EINVAL);
	CHECK_STR(why, "device");
}

RUN_TESTS()
