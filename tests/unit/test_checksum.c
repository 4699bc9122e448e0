/* Host tests for lib/checksum.c: the Internet checksum (RFC 1071). */
#include "tests/unit/unit.h"
#include "lib/checksum.c"

#include <arpa/inet.h>
#include <stdlib.h>

/* A reference written the textbook way: big-endian words, end-around carry. */
static uint16_t ref_sum(const uint8_t *p, size_t len, uint32_t sum)
{
	for (size_t i = 0; i + 1 < len; i += 2)
		sum += (uint32_t)(p[i] << 8 | p[i + 1]);
	if (len & 1)
		sum += (uint32_t)p[len - 1] << 8;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

/* A real IPv4 header (UDP, 192.168.0.1 -> 192.168.0.199), sum 0xb861. */
static uint8_t iph[20] = { 0x45, 0x00, 0x00, 0x73, 0x00, 0x00, 0x40, 0x00,
			   0x40, 0x11, 0xb8, 0x61, 0xc0, 0xa8, 0x00, 0x01,
			   0xc0, 0xa8, 0x00, 0xc7 };

TEST(correct_ipv4_header_sums_to_zero)
{
	CHECK(ip_fast_csum(iph, 5) == 0);
}

TEST(ipv4_header_checksum_is_computed_in_network_order)
{
	uint8_t h[20];

	memcpy(h, iph, sizeof(h));
	h[10] = h[11] = 0;
	uint16_t c = ip_fast_csum(h, 5);
	CHECK(((uint8_t *)&c)[0] == 0xb8 && ((uint8_t *)&c)[1] == 0x61);
}

TEST(one_flipped_bit_is_detected)
{
	iph[15] ^= 0x04;
	CHECK(ip_fast_csum(iph, 5) != 0);
	iph[15] ^= 0x04;
}

TEST(odd_lengths_pad_with_a_zero_byte)
{
	uint8_t b[3] = { 0x12, 0x34, 0x56 };
	uint16_t c = ip_compute_csum(b, 3);

	CHECK(ntohs(c) == ref_sum(b, 3, 0));
}

TEST(matches_the_reference_on_random_buffers)
{
	uint8_t buf[1501];
	int bad = 0;

	srand(7);
	for (int round = 0; round < 200; round++) {
		size_t len = (size_t)(rand() % (int)sizeof(buf));
		for (size_t i = 0; i < len; i++)
			buf[i] = (uint8_t)rand();
		if (ntohs(ip_compute_csum(buf, len)) != ref_sum(buf, len, 0))
			bad++;
	}
	CHECK(bad == 0);
}

TEST(pseudo_header_equals_summing_it_as_bytes)
{
	/* saddr, daddr, zero, proto, length: RFC 768's pseudo-header */
	uint8_t ph[12 + 9] = { 10, 0, 2, 15, 10, 0, 2, 2, 0, 17, 0, 9,
			       0x13, 0x88, 0x15, 0xb3, 0, 9, 0, 0, 'x' };
	uint32_t saddr, daddr;

	memcpy(&saddr, ph, 4);
	memcpy(&daddr, ph + 4, 4);
	__wsum body = csum_partial(ph + 12, 9, 0);
	uint16_t got = csum_tcpudp_magic(saddr, daddr, 9, 17, body);
	CHECK(ntohs(got) == ref_sum(ph, sizeof(ph), 0));
}

TEST(sum_carries_fold_back_in)
{
	uint8_t ff[64];

	memset(ff, 0xff, sizeof(ff));
	CHECK(ntohs(ip_compute_csum(ff, sizeof(ff))) == ref_sum(ff, 64, 0));
	CHECK(ip_compute_csum(ff, sizeof(ff)) == 0);
}

RUN_TESTS()
