/*
 * Host tests for kernel/tsc.c: the cycles-to-nanoseconds conversion behind
 * local_clock() (exact, and free of 64-bit overflow for centuries of uptime).
 */
#include "tests/unit/unit.h"
#define SHIM_NO_CLOCK
#include "tests/unit/shim_irq.h"
volatile unsigned long jiffies;
#include "kernel/tsc.c"

static uint64_t reference_ns(uint64_t cyc, unsigned long khz)
{
	return (uint64_t)((unsigned __int128)cyc * 1000000 / khz);
}

TEST(one_second_of_cycles_is_one_second)
{
	CHECK_EQ(cycles_2_ns(3000000000ULL, 3000000), 1000000000LL);
	CHECK_EQ(cycles_2_ns(2097727, 2097727), 1000000LL); /* 1 ms */
	CHECK_EQ(cycles_2_ns(0, 2097727), 0);
}

TEST(sub_tick_resolution_below_a_microsecond)
{
	CHECK_EQ(cycles_2_ns(3, 3000000), 1);	  /* 3 cycles at 3 GHz */
	CHECK_EQ(cycles_2_ns(2100, 2100000), 1000); /* 1 us at 2.1 GHz */
}

TEST(no_overflow_after_years_of_uptime)
{
	unsigned long khz = 2097727;
	uint64_t ten_years = 10ULL * 365 * 24 * 3600 * khz * 1000;

	CHECK(cycles_2_ns(ten_years, khz) == reference_ns(ten_years, khz));
	CHECK(cycles_2_ns(ten_years + 12345, khz) ==
	      reference_ns(ten_years + 12345, khz));
}

TEST(local_clock_falls_back_to_jiffies_without_tsc)
{
	tsc_khz = 0;
	jiffies = 250;
	CHECK_EQ(local_clock(), 2500000000LL);
}

RUN_TESTS()
