/*
 * irqflags.h - turning interrupts off and on (Linux: include/linux/irqflags.h).
 *
 * rxos runs on one CPU, so "disable interrupts" is the lock that keeps a
 * hard IRQ handler from running in the middle of a data structure update.
 * Save/restore nests; enable/disable does not.
 */
#ifndef RXOS_KERNEL_IRQFLAGS_H
#define RXOS_KERNEL_IRQFLAGS_H

#define X86_EFLAGS_IF 0x200

#ifdef RXOS_HOST_TEST
/*
 * Host unit tests run kernel code as a normal process, where cli/sti would
 * fault: the interrupt flag becomes a variable the test can inspect.
 */
extern unsigned long host_test_eflags;
static inline unsigned long arch_local_save_flags(void)
{
	return host_test_eflags;
}
static inline void local_irq_disable(void)
{
	host_test_eflags &= ~X86_EFLAGS_IF;
}
static inline void local_irq_enable(void)
{
	host_test_eflags |= X86_EFLAGS_IF;
}
#else

static inline unsigned long arch_local_save_flags(void)
{
	unsigned long f;
	asm volatile("pushfl; popl %0" : "=r"(f) : : "memory");
	return f;
}

static inline void local_irq_disable(void)
{
	asm volatile("cli" ::: "memory");
}

static inline void local_irq_enable(void)
{
	asm volatile("sti" ::: "memory");
}

#endif /* RXOS_HOST_TEST */

#define local_irq_save(flags)                     \
	do {                                      \
		(flags) = arch_local_save_flags(); \
		local_irq_disable();              \
	} while (0)

static inline void local_irq_restore(unsigned long flags)
{
	if (flags & X86_EFLAGS_IF)
		local_irq_enable();
}

static inline int irqs_disabled(void)
{
	return !(arch_local_save_flags() & X86_EFLAGS_IF);
}

#endif
