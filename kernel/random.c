/*
 * random.c - see random.h. The state is one 64-bit word; each call mixes
 * in the time-stamp counter so two boots (or two calls) differ.
 */
#include "kernel/random.h"
#include "kernel/irqflags.h"
#include "kernel/syscalls.h"
#include "lib/string.h"

static uint64_t random_state = 0x9E3779B97F4A7C15ULL;

static uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	asm volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

/* xorshift64* (Marsaglia, Vigna). */
static uint64_t next_random(void)
{
	unsigned long flags;
	uint64_t x;

	local_irq_save(flags);
	x = random_state ^ rdtsc();
	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	random_state = x ? x : 1;
	local_irq_restore(flags);
	return x * 0x2545F4914F6CDD1DULL;
}

uint32_t get_random_u32(void)
{
	return (uint32_t)(next_random() >> 32);
}

void get_random_bytes(void *buf, int nbytes)
{
	char *p = buf;

	while (nbytes > 0) {
		uint64_t v = next_random();
		int n = nbytes < 8 ? nbytes : 8;

		memcpy(p, &v, n);
		p += n;
		nbytes -= n;
	}
}

long sys_getrandom(char __user *buf, size_t count, unsigned int flags)
{
	char tmp[256];
	size_t done = 0;

	if (flags & ~0x7u) /* GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE */
		return -EINVAL;
	count = min(count, (size_t)0x1ffffff);
	while (done < count) {
		size_t n = min(count - done, sizeof(tmp));

		get_random_bytes(tmp, n);
		if (copy_to_user(buf + done, tmp, n))
			return done ? (long)done : -EFAULT;
		done += n;
	}
	return done;
}
