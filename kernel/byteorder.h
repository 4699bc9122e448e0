/*
 * byteorder.h - host vs network byte order (Linux: include/linux/byteorder/).
 *
 * x86 is little-endian; the wire is big-endian. Fields that hold wire-order
 * values are typed __be16/__be32 so the reader sees where a conversion is
 * due: skb->protocol == htons(ETH_P_IP), as in Linux. Macros, so that they
 * also work in static initializers: { .type = htons(ETH_P_IP) }.
 */
#ifndef RXOS_KERNEL_BYTEORDER_H
#define RXOS_KERNEL_BYTEORDER_H

#include <stdint.h>

typedef uint16_t __be16;
typedef uint32_t __be32;

#define cpu_to_be16(x) ((__be16)__builtin_bswap16((uint16_t)(x)))
#define be16_to_cpu(x) ((uint16_t)__builtin_bswap16((__be16)(x)))
#define cpu_to_be32(x) ((__be32)__builtin_bswap32((uint32_t)(x)))
#define be32_to_cpu(x) ((uint32_t)__builtin_bswap32((__be32)(x)))

#define htons(x) cpu_to_be16(x)
#define ntohs(x) be16_to_cpu(x)
#define htonl(x) cpu_to_be32(x)
#define ntohl(x) be32_to_cpu(x)

#endif
