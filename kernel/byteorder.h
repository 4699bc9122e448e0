/*
 * byteorder.h - host vs network byte order (Linux: include/linux/byteorder/).
 *
 * x86 is little-endian; the wire is big-endian. Fields that hold wire-order
 * values are typed __be16/__be32 so the reader sees where a conversion is
 * due: skb->protocol == htons(ETH_P_IP), as in Linux. Any context.
 */
#ifndef RXOS_KERNEL_BYTEORDER_H
#define RXOS_KERNEL_BYTEORDER_H

#include <stdint.h>

typedef uint16_t __be16;
typedef uint32_t __be32;

static inline __be16 htons(uint16_t x)
{
	return __builtin_bswap16(x);
}

static inline uint16_t ntohs(__be16 x)
{
	return __builtin_bswap16(x);
}

static inline __be32 htonl(uint32_t x)
{
	return __builtin_bswap32(x);
}

static inline uint32_t ntohl(__be32 x)
{
	return __builtin_bswap32(x);
}

#endif
