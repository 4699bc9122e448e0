/*
 * shim_softirq.h - softirqs, bottom halves and jiffies for host unit tests.
 *
 * raise_softirq only records the request; the test runs the handlers when
 * it wants to, with host_run_softirqs(), as irq_exit would. The test can
 * move jiffies forward to drive time limits.
 */
#ifndef RXOS_TESTS_UNIT_SHIM_SOFTIRQ_H
#define RXOS_TESTS_UNIT_SHIM_SOFTIRQ_H

#include "kernel/interrupt.h"
#include "kernel/time.h"

volatile unsigned long jiffies;
static uint64_t host_clock_ns = 1;
static void (*host_softirq_vec[NR_SOFTIRQS])(struct softirq_action *);
static unsigned int host_softirq_pending;
static int host_bh_disable_depth;

uint64_t local_clock(void)
{
	return host_clock_ns;
}

void open_softirq(int nr, void (*action)(struct softirq_action *))
{
	host_softirq_vec[nr] = action;
}

void __raise_softirq_irqoff(unsigned int nr)
{
	host_softirq_pending |= 1u << nr;
}

void raise_softirq_irqoff(unsigned int nr)
{
	__raise_softirq_irqoff(nr);
}

void raise_softirq(unsigned int nr)
{
	__raise_softirq_irqoff(nr);
}

/* One round over the pending softirqs; returns how many handlers ran. */
static int host_run_softirqs(void)
{
	unsigned int pending = host_softirq_pending;
	int ran = 0;

	host_softirq_pending = 0;
	for (int nr = 0; nr < NR_SOFTIRQS; nr++) {
		if ((pending & (1u << nr)) && host_softirq_vec[nr]) {
			host_softirq_vec[nr](NULL);
			ran++;
		}
	}
	return ran;
}

void do_softirq(void)
{
	host_run_softirqs();
}

void local_bh_disable(void)
{
	host_bh_disable_depth++;
}

void local_bh_enable(void)
{
	host_bh_disable_depth--;
}

#endif
