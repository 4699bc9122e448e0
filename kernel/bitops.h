/*
 * bitops.h - single-bit flags in an unsigned long (Linux: include/linux/bitops.h).
 *
 * State words such as napi_struct.state and net_device.state are changed
 * from hardirq (napi_schedule) and softirq (napi_complete_done) alike, so
 * test_and_set_bit must be one indivisible instruction: the GCC __atomic
 * builtins compile to lock bts/btr-like sequences on x86. Any context.
 */
#ifndef RXOS_KERNEL_BITOPS_H
#define RXOS_KERNEL_BITOPS_H

#define BIT(nr) (1UL << (nr))

static inline void set_bit(int nr, volatile unsigned long *addr)
{
	__atomic_fetch_or(addr, BIT(nr), __ATOMIC_SEQ_CST);
}

static inline void clear_bit(int nr, volatile unsigned long *addr)
{
	__atomic_fetch_and(addr, ~BIT(nr), __ATOMIC_SEQ_CST);
}

static inline int test_bit(int nr, const volatile unsigned long *addr)
{
	return (__atomic_load_n(addr, __ATOMIC_RELAXED) & BIT(nr)) != 0;
}

/* Returns the old value of the bit: 0 means "this caller set it". */
static inline int test_and_set_bit(int nr, volatile unsigned long *addr)
{
	return (__atomic_fetch_or(addr, BIT(nr), __ATOMIC_SEQ_CST) & BIT(nr)) !=
	       0;
}

static inline int test_and_clear_bit(int nr, volatile unsigned long *addr)
{
	return (__atomic_fetch_and(addr, ~BIT(nr), __ATOMIC_SEQ_CST) &
		BIT(nr)) != 0;
}

#endif
