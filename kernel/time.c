/*
 * time.c - the periodic tick: PIT channel 0 at HZ, and jiffies (Linux:
 * arch/x86/kernel/time.c, drivers/clocksource/i8253.c,
 * kernel/time/tick-common.c, kernel/time/timekeeping.c).
 *
 * The 8253/8254 PIT divides its 1.193182 MHz input clock; channel 0 in
 * mode 2 (rate generator) pulses IRQ 0 every LATCH input clocks, 100 times
 * a second. Each pulse is one tick:
 *
 *   IRQ 0 -> do_IRQ -> timer_interrupt()        hardirq, interrupts off
 *            -> tick_periodic()
 *               -> do_timer(1)                  jiffies++
 *               -> update_process_times()       timers due? scheduler_tick
 *
 * jiffies is written only here, in hardirq context; readers elsewhere read
 * the one aligned word, which cannot tear on i386. Linux counts a 64-bit
 * jiffies_64, starts it 5 minutes before wrap-around (INITIAL_JIFFIES) to
 * shake out wrap bugs, and on modern hardware uses the local APIC timer,
 * often without a periodic tick at all (NO_HZ).
 */
#include "kernel/time.h"
#include "kernel/interrupt.h"
#include "kernel/io.h"
#include "kernel/irq.h"
#include "kernel/printk.h"
#include "kernel/timer.h"

#define PIT_TICK_RATE 1193182 /* Hz, the PIT's input clock */
#define LATCH ((PIT_TICK_RATE + HZ / 2) / HZ)
#define PIT_CH0 0x40
#define PIT_MODE 0x43
#define PIT_MODE_CH0_RATEGEN 0x34 /* channel 0, lo/hi byte, mode 2, binary */

volatile unsigned long jiffies;

static void do_timer(unsigned long ticks)
{
	jiffies += ticks;
}

/* Linux: tick_periodic(), the handler of the periodic clock event device. */
static void tick_periodic(void)
{
	struct pt_regs *regs = get_irq_regs();

	do_timer(1);
	update_process_times(regs && user_mode(regs));
}

static irqreturn_t timer_interrupt(int irq, void *dev_id)
{
	BUG_ON(!in_irq());
	tick_periodic();
	return IRQ_HANDLED;
}

static void setup_pit_timer(void)
{
	outb(PIT_MODE, PIT_MODE_CH0_RATEGEN);
	outb(PIT_CH0, LATCH & 0xFF);
	outb(PIT_CH0, LATCH >> 8);
}

void time_init(void)
{
	tsc_init();
	setup_pit_timer();
	if (request_irq(0, timer_interrupt, 0, "timer", NULL))
		panic("time_init: IRQ 0 is taken");
	pr_info("PIT: HZ=%d, channel 0 mode 2, LATCH=%d (a tick every %lu us)\n",
		HZ, LATCH, (unsigned long)(LATCH * 1000000ULL / PIT_TICK_RATE));
}
