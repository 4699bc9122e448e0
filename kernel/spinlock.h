/*
 * spinlock.h - spinlocks on a single CPU.
 *
 * With one CPU a spinlock never spins: what it must stop is the code that can
 * interrupt us. spin_lock_irqsave() stops hard IRQs (and so softirqs, which
 * run on IRQ exit); spin_lock_bh() only stops softirqs. The `owner` field
 * catches recursion - the single-CPU form of a deadlock - with a BUG.
 * Linux: include/linux/spinlock.h; on SMP the lock word really spins.
 */
#ifndef RXOS_KERNEL_SPINLOCK_H
#define RXOS_KERNEL_SPINLOCK_H

#include "kernel/irqflags.h"
#include "kernel/kernel.h"

typedef struct {
	volatile int locked;
	const char *name;
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED(n) { 0, #n }
#define DEFINE_SPINLOCK(n) spinlock_t n = __SPIN_LOCK_UNLOCKED(n)

static inline void spin_lock_init(spinlock_t *l)
{
	l->locked = 0;
	l->name = "dynamic";
}

static inline void spin_lock(spinlock_t *l)
{
	BUG_ON(l->locked);
	l->locked = 1;
}

static inline void spin_unlock(spinlock_t *l)
{
	BUG_ON(!l->locked);
	l->locked = 0;
}

#define spin_lock_irqsave(l, flags)    \
	do {                           \
		local_irq_save(flags); \
		spin_lock(l);          \
	} while (0)

static inline void spin_unlock_irqrestore(spinlock_t *l, unsigned long flags)
{
	spin_unlock(l);
	local_irq_restore(flags);
}

static inline void spin_lock_irq(spinlock_t *l)
{
	local_irq_disable();
	spin_lock(l);
}

static inline void spin_unlock_irq(spinlock_t *l)
{
	spin_unlock(l);
	local_irq_enable();
}

static inline int spin_is_locked(spinlock_t *l)
{
	return l->locked;
}

#endif
