/*
 * Host tests for kernel/softirq.c: when softirqs run (irq_exit,
 * local_bh_enable), in which context, and when they are handed to
 * ksoftirqd (restart and time limits); the /proc/softirqs layout.
 */
#include "tests/unit/unit.h"
#include "tests/unit/shim_irq.h"
#include "kernel/softirq.c"

static int runs[NR_SOFTIRQS], bad_context, reraise_left;
static char order[32];
static uint64_t ns_per_run;

static void action(struct softirq_action *h)
{
	int nr = (int)(h - softirq_vec);

	if (!in_serving_softirq() || in_irq() || irqs_disabled())
		bad_context = 1;
	runs[nr]++;
	if (strlen(order) + strlen(softirq_to_name[nr]) < sizeof(order))
		strcat(order, softirq_to_name[nr]);
	host_clock_ns += ns_per_run;
	if (reraise_left > 0) {
		reraise_left--;
		raise_softirq(nr); /* comes back, like a busy NIC */
	}
}

static void reset(void)
{
	memset(runs, 0, sizeof(runs));
	memset(softirq_count, 0, sizeof(softirq_count));
	order[0] = '\0';
	bad_context = reraise_left = 0;
	ns_per_run = 0;
	softirq_pending = 0;
	softirqd_wakeups = 0;
	__preempt_count = 0;
	host_clock_ns = 0;
	for (int i = 0; i < NR_SOFTIRQS; i++)
		open_softirq(i, action);
}

/* A hard IRQ whose handler raises nr (interrupts off, as the CPU does it). */
static void hardirq_raising(int nr)
{
	local_irq_disable();
	irq_enter();
	raise_softirq_irqoff(nr);
	irq_exit();
	local_irq_enable();
}

TEST(softirq_raised_in_hardirq_runs_in_irq_exit_with_irqs_on)
{
	reset();
	hardirq_raising(NET_RX_SOFTIRQ);
	CHECK_EQ(runs[NET_RX_SOFTIRQ], 1);
	CHECK(!bad_context);
	CHECK_EQ(kstat_softirqs(NET_RX_SOFTIRQ), 1);
	CHECK_EQ(local_softirq_pending(), 0);
	CHECK_EQ(preempt_count(), 0);
	CHECK(!irqs_disabled());
	CHECK_EQ(softirqd_wakeups, 0);
}

TEST(nested_irq_exit_leaves_softirqs_to_the_outer_one)
{
	reset();
	local_irq_disable();
	irq_enter();
	irq_enter(); /* a second hard IRQ level */
	raise_softirq_irqoff(TIMER_SOFTIRQ);
	irq_exit();
	CHECK_EQ(runs[TIMER_SOFTIRQ], 0);
	irq_exit();
	local_irq_enable();
	CHECK_EQ(runs[TIMER_SOFTIRQ], 1);
}

TEST(pending_softirqs_run_lowest_number_first)
{
	reset();
	local_irq_disable();
	irq_enter();
	raise_softirq_irqoff(NET_RX_SOFTIRQ);
	raise_softirq_irqoff(HI_SOFTIRQ);
	raise_softirq_irqoff(TIMER_SOFTIRQ);
	irq_exit();
	local_irq_enable();
	CHECK_STR(order, "HITIMERNET_RX");
}

TEST(process_context_raise_asks_ksoftirqd_and_waits)
{
	reset();
	raise_softirq(NET_TX_SOFTIRQ);
	CHECK_EQ(runs[NET_TX_SOFTIRQ], 0);
	CHECK_EQ(softirqd_wakeups, 1);
	CHECK_EQ(local_softirq_pending(), 1u << NET_TX_SOFTIRQ);
	hardirq_raising(TIMER_SOFTIRQ); /* the next interrupt serves both */
	CHECK_EQ(runs[NET_TX_SOFTIRQ], 1);
}

TEST(restart_limit_hands_over_to_ksoftirqd)
{
	reset();
	reraise_left = 1000;
	hardirq_raising(NET_RX_SOFTIRQ);
	CHECK_EQ(runs[NET_RX_SOFTIRQ], MAX_SOFTIRQ_RESTART);
	CHECK_EQ(softirqd_wakeups, 1);
	CHECK_EQ(local_softirq_pending(), 1u << NET_RX_SOFTIRQ); /* left for it */
	CHECK_EQ(preempt_count(), 0);
}

TEST(two_ms_time_limit_hands_over_before_the_restart_limit)
{
	reset();
	reraise_left = 1000;
	ns_per_run = 700 * 1000; /* 0.7 ms a round: the 3rd crosses 2 ms */
	hardirq_raising(NET_RX_SOFTIRQ);
	CHECK_EQ(runs[NET_RX_SOFTIRQ], 3);
	CHECK_EQ(softirqd_wakeups, 1);
}

TEST(few_restarts_finish_without_handover)
{
	reset();
	reraise_left = 3;
	hardirq_raising(NET_RX_SOFTIRQ);
	CHECK_EQ(runs[NET_RX_SOFTIRQ], 4);
	CHECK_EQ(softirqd_wakeups, 0);
	CHECK_EQ(local_softirq_pending(), 0);
}

TEST(bh_disabled_section_defers_softirqs_to_local_bh_enable)
{
	reset();
	local_bh_disable();
	CHECK(in_softirq() && !in_serving_softirq());
	hardirq_raising(NET_RX_SOFTIRQ);
	CHECK_EQ(runs[NET_RX_SOFTIRQ], 0);
	local_bh_enable();
	CHECK_EQ(runs[NET_RX_SOFTIRQ], 1);
	CHECK(!bad_context);
	CHECK_EQ(preempt_count(), 0);
}

TEST(local_bh_enable_with_irqs_off_leaves_softirqs_pending)
{
	reset();
	local_bh_disable();
	hardirq_raising(BLOCK_SOFTIRQ);
	local_irq_disable();
	local_bh_enable();
	CHECK_EQ(runs[BLOCK_SOFTIRQ], 0);
	CHECK(irqs_disabled());
	local_irq_enable();
	do_softirq();
	CHECK_EQ(runs[BLOCK_SOFTIRQ], 1);
}

TEST(unopened_softirq_is_reported_not_called)
{
	reset();
	open_softirq(RCU_SOFTIRQ, NULL);
	host_log_clear();
	hardirq_raising(RCU_SOFTIRQ);
	CHECK(host_log_has("softirq RCU raised but never opened"));
	CHECK_EQ(kstat_softirqs(RCU_SOFTIRQ), 1);
}

TEST(proc_softirqs_layout_matches_linux)
{
	char buf[1024];
	const char *expect =
		"                    CPU0       \n"
		"          HI:          0\n"
		"       TIMER:          2\n"
		"      NET_TX:          0\n"
		"      NET_RX:          1\n"
		"       BLOCK:          0\n"
		"    IRQ_POLL:          0\n"
		"     TASKLET:          0\n"
		"       SCHED:          0\n"
		"     HRTIMER:          0\n"
		"         RCU:          0\n";
	int n;

	reset();
	hardirq_raising(TIMER_SOFTIRQ);
	hardirq_raising(TIMER_SOFTIRQ);
	hardirq_raising(NET_RX_SOFTIRQ);
	n = show_softirqs(buf, sizeof(buf));
	CHECK_STR(buf, expect);
	CHECK_EQ(n, (int)strlen(expect));
	CHECK_EQ(show_softirqs(buf, 10), 9);
	CHECK_EQ(show_softirqs(buf, 0), 0);
}

RUN_TESTS()
