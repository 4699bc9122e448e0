/*
 * tsc.c - local_clock() from the CPU's Time Stamp Counter (Linux:
 * arch/x86/kernel/tsc.c: pit_calibrate_tsc(), cycles_2_ns(), sched_clock()).
 *
 * jiffies only moves every 10 ms. The TSC counts CPU clock cycles, so it
 * gives nanoseconds once we know how many cycles make a millisecond. At
 * boot (tsc_init, interrupts off) we count TSC cycles while PIT channel 2,
 * whose input clock is exactly 1.193182 MHz, counts down 50 ms; we poll its
 * output on port 0x61 bit 5, the wire the PC speaker hangs on.
 *
 * local_clock() is then (rdtsc() - tsc_base) converted to ns: monotonic,
 * sub-microsecond, callable in any context (printk, panic). With no TSC, or
 * a failed calibration, it falls back to jiffies (tick resolution).
 * Linux refines the calibration against HPET/ACPI PM timer and, on SMP,
 * checks that the TSCs of all CPUs agree; QEMU's TSC follows host time.
 */
#include "kernel/time.h"
#include "kernel/io.h"
#include "kernel/printk.h"

#define PIT_TICK_RATE 1193182
#define CAL_MS 50
#define CAL_LATCH (PIT_TICK_RATE / (1000 / CAL_MS)) /* 59659 < 65536 */
#define PIT_CH2 0x42
#define PIT_MODE 0x43
#define PIT_MODE_CH2_ONESHOT 0xB0 /* channel 2, lo/hi byte, mode 0, binary */
#define PORT_61 0x61		  /* NMI status and control */
#define PORT_61_GATE2 0x01	  /* channel 2 counts while high */
#define PORT_61_SPEAKER 0x02	  /* speaker data: keep it off */
#define PORT_61_OUT2 0x20	  /* channel 2 output, read only */

unsigned long tsc_khz;
static uint64_t tsc_base; /* TSC value at which local_clock() reads 0 */

static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	asm volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

static int cpu_has_tsc(void)
{
	uint32_t a = 1, b, c = 0, d;

	asm volatile("cpuid" : "+a"(a), "=b"(b), "+c"(c), "=d"(d));
	return (d >> 4) & 1; /* CPUID.1:EDX.TSC */
}

/* Whole milliseconds first, so cycles * 10^6 cannot overflow 64 bits. */
static uint64_t cycles_2_ns(uint64_t cyc, unsigned long khz)
{
	return (cyc / khz) * NSEC_PER_MSEC + (cyc % khz) * NSEC_PER_MSEC / khz;
}

/* Returns the TSC frequency in kHz, 0 if the PIT never counted down. */
static unsigned long pit_calibrate_tsc(void)
{
	unsigned long loops = 10 * 1000 * 1000; /* a missing PIT must not hang boot */
	uint64_t t1, t2;

	outb(PORT_61, (inb(PORT_61) & ~PORT_61_SPEAKER) | PORT_61_GATE2);
	outb(PIT_MODE, PIT_MODE_CH2_ONESHOT);
	outb(PIT_CH2, CAL_LATCH & 0xFF);
	outb(PIT_CH2, CAL_LATCH >> 8);
	t1 = rdtsc();
	while (!(inb(PORT_61) & PORT_61_OUT2) && --loops)
		;
	t2 = rdtsc();
	return loops ? (unsigned long)((t2 - t1) / CAL_MS) : 0;
}

void tsc_init(void)
{
	unsigned long khz;

	if (!cpu_has_tsc()) {
		pr_warn("tsc: no TSC; local_clock() has tick resolution\n");
		return;
	}
	tsc_base = rdtsc();
	khz = pit_calibrate_tsc();
	if (!khz) {
		pr_warn("tsc: PIT calibration failed; local_clock() has tick resolution\n");
		return;
	}
	tsc_khz = khz;
	pr_info("tsc: Detected %lu.%03lu MHz processor\n", khz / 1000, khz % 1000);
	pr_info("clocksource: tsc: %lu.%03lu MHz, calibrated against PIT channel 2 over %d ms\n",
		khz / 1000, khz % 1000, CAL_MS);
}

uint64_t local_clock(void)
{
	if (!tsc_khz)
		return (uint64_t)jiffies * (NSEC_PER_SEC / HZ);
	return cycles_2_ns(rdtsc() - tsc_base, tsc_khz);
}
