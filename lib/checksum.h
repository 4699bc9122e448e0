/*
 * checksum.h - the Internet checksum, RFC 1071 (Linux:
 * include/net/checksum.h, arch/x86/lib/checksum_32.S).
 *
 * The ones'-complement sum of 16-bit words. Computed in two steps, as Linux
 * does: csum_partial() adds bytes into a 32-bit running sum (__wsum), and
 * csum_fold() folds it to 16 bits and complements it (__sum16). A header
 * whose checksum field is right sums (with the field included) to 0xffff,
 * so ip_fast_csum() over a correct IPv4 header returns 0.
 *
 * Pure functions: any context; shared with the host unit tests.
 */
#ifndef RXOS_LIB_CHECKSUM_H
#define RXOS_LIB_CHECKSUM_H

#include <stddef.h>
#include <stdint.h>

typedef uint32_t __wsum;  /* unfolded 32-bit sum */
typedef uint16_t __sum16; /* folded, complemented: what goes on the wire */

/* Add len bytes at buff to sum. Byte order: the words as they lie. */
__wsum csum_partial(const void *buff, size_t len, __wsum sum);
/* Fold to 16 bits and complement. */
__sum16 csum_fold(__wsum sum);
/* The IPv4 header checksum over ihl 32-bit words: 0 when it is right. */
__sum16 ip_fast_csum(const void *iph, unsigned int ihl);
/* The checksum of a whole buffer (ICMP). */
__sum16 ip_compute_csum(const void *buff, size_t len);
/*
 * The TCP/UDP pseudo-header (RFC 793 / RFC 768) added to sum and folded:
 * saddr, daddr in network order, len and proto in host order.
 */
__sum16 csum_tcpudp_magic(uint32_t saddr, uint32_t daddr, uint32_t len,
			  uint8_t proto, __wsum sum);
__wsum csum_tcpudp_nofold(uint32_t saddr, uint32_t daddr, uint32_t len,
			  uint8_t proto, __wsum sum);

#endif
