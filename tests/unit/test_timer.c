/*
 * Host tests for kernel/timer.c (with kernel/softirq.c, which runs the
 * TIMER_SOFTIRQ): a fake tick advances jiffies and goes through irq_enter /
 * run_local_timers / irq_exit exactly as the PIT interrupt does.
 */
#include "tests/unit/unit.h"
#include "tests/unit/shim_irq.h"
#include "kernel/softirq.c"
#include "kernel/timer.c"

#include <limits.h>

static char order[64];
static int nfired, bad_context;

struct named_timer {
	struct timer_list t;
	const char *name;
};

static void record(struct timer_list *t)
{
	const char *name = container_of(t, struct named_timer, t)->name;

	if (!in_serving_softirq() || in_irq() || irqs_disabled() ||
	    time_before(jiffies, t->expires))
		bad_context = 1;
	strcat(order, name);
	nfired++;
}

/* One timer interrupt: hardware disables interrupts, do_IRQ brackets it. */
static void tick(void)
{
	local_irq_disable();
	irq_enter();
	jiffies++;
	run_local_timers();
	irq_exit();
	local_irq_enable();
}

static void ticks(int n)
{
	while (n-- > 0)
		tick();
}

static void reset(unsigned long start)
{
	INIT_LIST_HEAD(&pending_timers);
	jiffies = start;
	order[0] = '\0';
	nfired = bad_context = 0;
	init_timers();
}

static void arm(struct named_timer *nt, const char *name, unsigned long expires)
{
	nt->name = name;
	timer_setup(&nt->t, record, 0);
	nt->t.expires = expires;
	add_timer(&nt->t);
}

TEST(timers_fire_in_expiry_order_in_softirq_context)
{
	struct named_timer a, b, c, d;

	reset(1000);
	arm(&a, "A", 1003);
	arm(&b, "B", 1001);
	arm(&c, "C", 1002);
	arm(&d, "D", 1002);
	ticks(1);
	CHECK_STR(order, "B");
	ticks(1);
	CHECK_STR(order, "BCD"); /* equal expiries: arming order */
	ticks(5);
	CHECK_STR(order, "BCDA");
	CHECK(!bad_context);
	CHECK(!timer_pending(&a.t) && list_empty(&pending_timers));
}

TEST(timer_fires_at_first_tick_at_or_after_expires)
{
	struct named_timer a;

	reset(50);
	arm(&a, "A", 40); /* already in the past: next tick */
	CHECK_EQ(nfired, 0);
	tick();
	CHECK_EQ(nfired, 1);
}

TEST(del_timer_cancels_and_reports_pending)
{
	struct named_timer a, b;

	reset(0);
	arm(&a, "A", 2);
	arm(&b, "B", 2);
	CHECK_EQ(del_timer(&a.t), 1);
	CHECK_EQ(del_timer(&a.t), 0);
	CHECK(!timer_pending(&a.t));
	ticks(3);
	CHECK_STR(order, "B");
	CHECK_EQ(del_timer(&b.t), 0); /* already ran */
}

TEST(mod_timer_moves_a_pending_timer_and_arms_an_idle_one)
{
	struct named_timer a, b;

	reset(0);
	arm(&a, "A", 1);
	arm(&b, "B", 2);
	CHECK_EQ(mod_timer(&a.t, 5), 1);
	ticks(2);
	CHECK_STR(order, "B");
	CHECK_EQ(mod_timer(&b.t, jiffies + 1), 0); /* idle: armed again */
	ticks(3);
	CHECK_STR(order, "BBA");
	CHECK(!bad_context);
}

TEST(zeroed_timer_is_not_pending)
{
	struct timer_list z;

	memset(&z, 0, sizeof(z));
	CHECK(!timer_pending(&z));
	CHECK_EQ(del_timer(&z), 0);
}

TEST(expiry_order_survives_jiffies_wraparound)
{
	struct named_timer a, b, c;

	reset(ULONG_MAX - 2);
	arm(&b, "B", 1);		  /* after the wrap */
	arm(&a, "A", ULONG_MAX - 1); /* before it */
	arm(&c, "C", ULONG_MAX + 4UL); /* == 3, also after */
	tick(); /* ULONG_MAX - 1 */
	CHECK_STR(order, "A");
	tick(); /* ULONG_MAX: nothing may fire */
	CHECK_STR(order, "A");
	ticks(2); /* 0, 1 */
	CHECK_STR(order, "AB");
	ticks(2);
	CHECK_STR(order, "ABC");
	CHECK(time_after(1UL, ULONG_MAX) && time_before(ULONG_MAX, 1UL));
	CHECK(time_after_eq(5UL, 5UL) && !time_after(5UL, 5UL));
}

static struct timer_list rearm_t;
static int rearm_runs;

static void rearm_now(struct timer_list *t)
{
	rearm_runs++;
	mod_timer(t, jiffies); /* already due: must wait for the next tick */
}

TEST(callback_rearming_in_the_past_runs_once_per_tick)
{
	reset(0);
	rearm_runs = 0;
	timer_setup(&rearm_t, rearm_now, 0);
	mod_timer(&rearm_t, 1);
	ticks(3);
	CHECK_EQ(rearm_runs, 3);
	del_timer(&rearm_t);
}

static struct named_timer victim;
static struct timer_list killer;

static void kill_victim(struct timer_list *t)
{
	CHECK_EQ(del_timer(&victim.t), 1); /* expired but not started: pending */
	strcat(order, "K");
}

TEST(callback_can_delete_another_expired_timer)
{
	reset(0);
	timer_setup(&killer, kill_victim, 0);
	mod_timer(&killer, 1);
	arm(&victim, "E", 1);
	tick();
	CHECK_STR(order, "K");
	CHECK(!timer_pending(&victim.t));
}

TEST(no_softirq_when_no_timer_is_due)
{
	struct named_timer a;
	unsigned long runs;

	reset(0);
	arm(&a, "A", 10);
	runs = kstat_softirqs(TIMER_SOFTIRQ);
	ticks(9);
	CHECK_EQ(kstat_softirqs(TIMER_SOFTIRQ), runs);
	tick();
	CHECK_EQ(kstat_softirqs(TIMER_SOFTIRQ), runs + 1);
}

TEST(msecs_to_jiffies_rounds_up)
{
	CHECK_EQ(msecs_to_jiffies(1), 1);
	CHECK_EQ(msecs_to_jiffies(10), 1);
	CHECK_EQ(msecs_to_jiffies(11), 2);
	CHECK_EQ(jiffies_to_msecs(3), 30);
}

RUN_TESTS()
