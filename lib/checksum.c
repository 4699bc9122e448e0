/*
 * checksum.c - the Internet checksum (RFC 1071), in plain C.
 *
 * Linux uses hand-written assembly (arch/x86/lib/checksum_32.S) that adds
 * 32 bits at a time with carries; this adds 16-bit words into a 32-bit
 * accumulator and folds the carries at the end, which is easy to read and
 * fast enough for one emulated CPU. See checksum.h for how the pieces fit.
 */
#include "lib/checksum.h"

/*
 * Words are read as they lie in memory (little-endian loads of big-endian
 * data): the ones'-complement sum is byte-order independent (RFC 1071
 * section 2(B)), so the folded result is right in network order as stored.
 */
__wsum csum_partial(const void *buff, size_t len, __wsum sum)
{
	const uint8_t *p = buff;
	uint64_t acc = sum;

	for (; len >= 2; p += 2, len -= 2)
		acc += (uint16_t)(p[0] | (p[1] << 8));
	if (len) /* odd byte: padded with a zero byte (RFC 1071) */
		acc += p[0];
	while (acc >> 32)
		acc = (acc & 0xffffffffu) + (acc >> 32);
	return (__wsum)acc;
}

__sum16 csum_fold(__wsum sum)
{
	sum = (sum & 0xffff) + (sum >> 16);
	sum = (sum & 0xffff) + (sum >> 16);
	return (__sum16)~sum;
}

__sum16 ip_fast_csum(const void *iph, unsigned int ihl)
{
	return csum_fold(csum_partial(iph, ihl * 4, 0));
}

__sum16 ip_compute_csum(const void *buff, size_t len)
{
	return csum_fold(csum_partial(buff, len, 0));
}

static uint16_t swab16(uint16_t x)
{
	return (uint16_t)((x >> 8) | (x << 8));
}

/* The pseudo-header's words, in the same memory order as csum_partial. */
__wsum csum_tcpudp_nofold(uint32_t saddr, uint32_t daddr, uint32_t len,
			  uint8_t proto, __wsum sum)
{
	uint64_t acc = sum;

	acc += (saddr & 0xffff) + (saddr >> 16);
	acc += (daddr & 0xffff) + (daddr >> 16);
	acc += swab16((uint16_t)proto); /* zero byte, then proto */
	acc += swab16((uint16_t)len);
	while (acc >> 32)
		acc = (acc & 0xffffffffu) + (acc >> 32);
	return (__wsum)acc;
}

__sum16 csum_tcpudp_magic(uint32_t saddr, uint32_t daddr, uint32_t len,
			  uint8_t proto, __wsum sum)
{
	return csum_fold(csum_tcpudp_nofold(saddr, daddr, len, proto, sum));
}
