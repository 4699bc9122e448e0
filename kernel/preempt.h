/*
 * preempt.h - which context is the CPU in? (Linux: include/linux/preempt.h)
 *
 * preempt_count packs nesting counters, as in Linux:
 *   bits 0-7   preemption disabled
 *   bits 8-15  softirq (SOFTIRQ_OFFSET while serving, 2*OFFSET per bh-disable)
 *   bits 16-19 hardirq nesting
 * do_IRQ adds HARDIRQ_OFFSET on entry; __do_softirq adds SOFTIRQ_OFFSET while
 * running handlers. Use the predicates in assertions ("softirq only").
 */
#ifndef RXOS_KERNEL_PREEMPT_H
#define RXOS_KERNEL_PREEMPT_H

#define PREEMPT_OFFSET 0x00000001u
#define SOFTIRQ_OFFSET 0x00000100u
#define SOFTIRQ_DISABLE_OFFSET (2 * SOFTIRQ_OFFSET)
#define HARDIRQ_OFFSET 0x00010000u
#define PREEMPT_MASK 0x000000ffu
#define SOFTIRQ_MASK 0x0000ff00u
#define HARDIRQ_MASK 0x000f0000u

extern volatile unsigned int __preempt_count;

static inline unsigned int preempt_count(void)
{
	return __preempt_count;
}

#define hardirq_count() (preempt_count() & HARDIRQ_MASK)
#define softirq_count() (preempt_count() & SOFTIRQ_MASK)
#define irq_count() (preempt_count() & (HARDIRQ_MASK | SOFTIRQ_MASK))
#define in_irq() (hardirq_count() != 0)
#define in_hardirq() in_irq()
/* serving a softirq right now (not merely bh-disabled) */
#define in_serving_softirq() (softirq_count() & SOFTIRQ_OFFSET)
#define in_softirq() (softirq_count() != 0)
#define in_interrupt() (irq_count() != 0)
#define in_task() (!in_interrupt())

#define preempt_count_add(v) (__preempt_count += (v))
#define preempt_count_sub(v) (__preempt_count -= (v))
#define preempt_disable() preempt_count_add(PREEMPT_OFFSET)
#define preempt_enable() preempt_count_sub(PREEMPT_OFFSET)

#endif
