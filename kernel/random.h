/*
 * random.h - random numbers for the kernel and getrandom(2)
 * (Linux: include/linux/random.h, drivers/char/random.c).
 *
 * NOT cryptographic: a xorshift generator stirred with the TSC on every
 * call. Good enough for AT_RANDOM, pid-independent choices, TCP initial
 * sequence numbers in a teaching lab; Linux runs ChaCha20 over an entropy
 * pool fed by interrupt timings. Any context.
 */
#ifndef RXOS_KERNEL_RANDOM_H
#define RXOS_KERNEL_RANDOM_H

#include <stdint.h>

void get_random_bytes(void *buf, int nbytes);
uint32_t get_random_u32(void);

#endif
