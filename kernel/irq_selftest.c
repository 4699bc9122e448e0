/*
 * irq_selftest.c - in-kernel tests of the interrupt and time core, chosen
 * with selftest=NAME (see selftest.h; tests/integration/test_irq.py boots
 * them). They run in process context with interrupts on, at the end of
 * start_kernel.
 *
 *   page_fault_oops, divide_error_oops   (destructive) an oops and a panic
 *   user_mode_fault_oops    (destructive) a fault taken from ring 3
 *   timer_list_order        timers fire in expiry order, in softirq context
 *   softirq_from_hardirq    RTC IRQ 8 raises a softirq; it runs in irq_exit
 *   softirq_bh_disable      a softirq waits for local_bh_enable()
 *   request_irq_conflict    -EBUSY / -EINVAL rules, shared lines
 *   irq_spurious_7          a ghost IRQ 7 is counted, no handler runs
 *   proc_interrupts         /proc/interrupts and /proc/softirqs text
 *   int80_enosys            int $0x80 round trip, registers preserved
 *   local_clock_subtick     local_clock() moves within one jiffy
 */
#include "kernel/desc.h"
#include "kernel/errno.h"
#include "kernel/interrupt.h"
#include "kernel/io.h"
#include "kernel/irq.h"
#include "kernel/irqflags.h"
#include "kernel/printk.h"
#include "kernel/selftest.h"
#include "kernel/time.h"
#include "kernel/timer.h"
#include "lib/string.h"

#define FAIL(...)                                \
	do {                                     \
		pr_err("selftest: " __VA_ARGS__); \
		return 1;                        \
	} while (0)

/* Sleep until cond or `secs` seconds of jiffies; interrupts must be on. */
#define WAIT_UNTIL(cond, secs)                                         \
	do {                                                           \
		unsigned long until_ = jiffies + (secs) * HZ;           \
		while (!(cond) && time_before(jiffies, until_))       \
			halt();                                        \
	} while (0)

/* ---- exceptions (destructive) -------------------------------------------------- */

/*
 * 0xdeadbeef lies in kernel space above the memory QEMU gives the tests
 * (256 MiB, mapped at 0xC0000000-0xD0000000) and below nothing else: no
 * page maps it, so the write takes a not-present page fault.
 */
SELFTEST_DESTRUCTIVE(page_fault_oops)
{
	volatile int *bad = (volatile int *)0xdeadbeef;

	pr_info("page_fault_oops: writing to %p\n", (void *)bad);
	*bad = 42;
	return 1; /* not reached */
}

SELFTEST_DESTRUCTIVE(divide_error_oops)
{
	volatile int zero = 0, x;

	pr_info("divide_error_oops: dividing by zero\n");
	x = 100 / zero;
	return x;
}

/*
 * The ring 3 entry path without any user memory: iret to ring 3 at a kernel
 * address. The kernel's pages are supervisor-only, so the very first
 * instruction fetch faults (error code: present | user), and the CPU must
 * switch to TSS.esp0 and push the user ss:esp. Until the process layer
 * handles user faults, that is an oops "in user mode" and a panic.
 */
static char ring0_test_stack[4096] __aligned(16);

static void ring3_target(void)
{
}

SELFTEST_DESTRUCTIVE(user_mode_fault_oops)
{
	tss_set_kernel_stack((unsigned long)ring0_test_stack +
			     sizeof(ring0_test_stack));
	pr_info("user_mode_fault_oops: iret to ring 3 at %p\n", ring3_target);
	asm volatile("pushl %0\n\t" /* ss */
		     "pushl %1\n\t" /* esp */
		     "pushl $0x2\n\t" /* eflags: interrupts off */
		     "pushl %2\n\t" /* cs */
		     "pushl %3\n\t" /* eip */
		     "iret"
		     : : "i"(__USER_DS), "i"(0xBFFFF000), "i"(__USER_CS),
		       "r"(ring3_target) : "memory");
	return 1; /* not reached */
}

/* ---- timers ----------------------------------------------------------------------- */

struct test_timer {
	struct timer_list timer;
	char name;
	int bad_context;
};

static char fired[8];
static int nr_fired;

static void test_timer_fn(struct timer_list *t)
{
	struct test_timer *tt = container_of(t, struct test_timer, timer);

	tt->bad_context = !in_serving_softirq() || in_irq() || irqs_disabled() ||
			  time_before(jiffies, t->expires);
	if (nr_fired < (int)sizeof(fired) - 1)
		fired[nr_fired++] = tt->name;
}

static struct test_timer tt_a = { .name = 'A' }, tt_b = { .name = 'B' },
			 tt_c = { .name = 'C' }, tt_d = { .name = 'D' },
			 tt_del = { .name = 'X' };

static void arm(struct test_timer *tt, unsigned long expires)
{
	timer_setup(&tt->timer, test_timer_fn, 0);
	tt->timer.expires = expires;
	add_timer(&tt->timer);
}

/* A at +8 then moved to +4, B +1, C +2, D +2 (armed after C), X deleted. */
SELFTEST(timer_list_order)
{
	struct test_timer *all[] = { &tt_a, &tt_b, &tt_c, &tt_d };
	unsigned long now = jiffies;

	nr_fired = 0;
	arm(&tt_a, now + 8);
	arm(&tt_b, now + 1);
	arm(&tt_c, now + 2);
	arm(&tt_d, now + 2);
	arm(&tt_del, now + 3);
	if (mod_timer(&tt_a.timer, now + 4) != 1 || !timer_pending(&tt_a.timer))
		FAIL("mod_timer of a pending timer must return 1\n");
	if (del_timer(&tt_del.timer) != 1 || del_timer(&tt_del.timer) != 0)
		FAIL("del_timer must return 1, then 0\n");
	WAIT_UNTIL(nr_fired == 4, 5);
	pr_info("timer_list_order: fired \"%s\" from jiffies %lu to %lu\n", fired,
		now, jiffies);
	if (strcmp(fired, "BCDA"))
		FAIL("expected order BCDA\n");
	for (unsigned int i = 0; i < ARRAY_SIZE(all); i++)
		if (all[i]->bad_context || timer_pending(&all[i]->timer))
			FAIL("timer %c: wrong context, early, or still pending\n",
			     all[i]->name);
	return 0;
}

/* ---- softirqs ------------------------------------------------------------------------ */

/* The softirq the tests borrow: HI (Linux's tasklets), unused in rxos. */
#define TEST_SOFTIRQ HI_SOFTIRQ

static volatile int sirq_runs, sirq_bad_context, sirq_from_irq;

/* in_irq_exit: do_IRQ still has the interrupted registers (see irq.c). */
static void test_softirq_action(struct softirq_action *h)
{
	struct pt_regs *regs = get_irq_regs();

	if (!in_serving_softirq() || in_irq() || irqs_disabled())
		sirq_bad_context = 1;
	sirq_from_irq = regs ? (int)~regs->orig_ax : -1;
	sirq_runs++;
}

/* The MC146818 RTC's periodic interrupt: a real device on IRQ 8. */
#define RTC_INDEX 0x70
#define RTC_DATA 0x71
#define RTC_REG_A 0x0A
#define RTC_REG_B 0x0B
#define RTC_REG_C 0x0C
#define RTC_PIE 0x40	 /* register B: periodic interrupt enable */
#define RTC_RATE_64HZ 10 /* 32768 >> (rate - 1) */

static unsigned char cmos_read(unsigned char reg)
{
	outb(RTC_INDEX, reg);
	return inb(RTC_DATA);
}

static void cmos_write(unsigned char reg, unsigned char v)
{
	outb(RTC_INDEX, reg);
	outb(RTC_DATA, v);
}

static volatile int rtc_irqs, rtc_bad_context;

static irqreturn_t rtc_test_interrupt(int irq, void *dev_id)
{
	cmos_read(RTC_REG_C); /* acknowledge, or the RTC never fires again */
	if (!in_irq() || !irqs_disabled() || in_serving_softirq())
		rtc_bad_context = 1;
	rtc_irqs++;
	raise_softirq_irqoff(TEST_SOFTIRQ);
	return IRQ_HANDLED;
}

static void rtc_periodic(int on)
{
	unsigned char b = cmos_read(RTC_REG_B) & ~RTC_PIE;

	cmos_write(RTC_REG_A, (cmos_read(RTC_REG_A) & 0xF0) | RTC_RATE_64HZ);
	cmos_write(RTC_REG_B, on ? b | RTC_PIE : b);
	cmos_read(RTC_REG_C);
}

SELFTEST(softirq_from_hardirq)
{
	unsigned long before = kstat_softirqs(TEST_SOFTIRQ);
	static int cookie;

	open_softirq(TEST_SOFTIRQ, test_softirq_action);
	sirq_runs = sirq_bad_context = rtc_irqs = rtc_bad_context = 0;
	if (request_irq(8, rtc_test_interrupt, 0, "rtc0", &cookie))
		FAIL("IRQ 8 busy\n");
	rtc_periodic(1);
	WAIT_UNTIL(sirq_runs >= 5, 5);
	rtc_periodic(0);
	free_irq(8, &cookie);
	open_softirq(TEST_SOFTIRQ, NULL);
	pr_info("softirq_from_hardirq: %d RTC interrupts, %d softirq runs, last in irq_exit of IRQ %d\n",
		rtc_irqs, sirq_runs, sirq_from_irq);
	if (sirq_runs < 5 || rtc_bad_context || sirq_bad_context)
		FAIL("softirq did not run, or ran in the wrong context\n");
	if (sirq_from_irq != 8 || kstat_softirqs(TEST_SOFTIRQ) - before < 5)
		FAIL("softirq should run in irq_exit() of IRQ 8, and be counted\n");
	return 0;
}

/*
 * Raised from process context: ksoftirqd is asked, and it (or, until it
 * exists, the next irq_exit) serves the bit. Raised under local_bh_disable(): interrupts come
 * and go, it waits, then local_bh_enable() runs it on the spot.
 */
SELFTEST(softirq_bh_disable)
{
	unsigned long wakeups = softirqd_wakeups, t;

	open_softirq(TEST_SOFTIRQ, test_softirq_action);
	sirq_runs = sirq_bad_context = 0;
	raise_softirq(TEST_SOFTIRQ);
	WAIT_UNTIL(sirq_runs == 1, 2);
	if (sirq_runs != 1 || softirqd_wakeups == wakeups)
		FAIL("process-context raise: %d runs, ksoftirqd asked %lu times\n",
		     sirq_runs, softirqd_wakeups - wakeups);
	local_bh_disable();
	raise_softirq(TEST_SOFTIRQ);
	t = jiffies;
	WAIT_UNTIL(jiffies - t >= 3, 1); /* three ticks exit without running it */
	if (sirq_runs != 1 || !(local_softirq_pending() & (1u << TEST_SOFTIRQ)))
		FAIL("softirq ran while bottom halves were disabled\n");
	local_bh_enable();
	open_softirq(TEST_SOFTIRQ, NULL);
	if (sirq_runs != 2 || sirq_from_irq != -1 || sirq_bad_context)
		FAIL("local_bh_enable() should run it in place\n");
	return 0;
}

/* ---- request_irq ---------------------------------------------------------------------- */

static irqreturn_t dummy_handler(int irq, void *dev_id)
{
	return IRQ_NONE;
}

static int check_shared_line(unsigned int irq)
{
	static int a, b, c;

	if (request_irq(irq, dummy_handler, IRQF_SHARED, "test-a", &a) ||
	    request_irq(irq, dummy_handler, IRQF_SHARED, "test-b", &b))
		FAIL("two IRQF_SHARED handlers must share IRQ %u\n", irq);
	if (request_irq(irq, dummy_handler, 0, "test-c", &c) != -EBUSY)
		FAIL("an exclusive handler on a shared line must get -EBUSY\n");
	free_irq(irq, &a);
	free_irq(irq, &b);
	if (request_irq(irq, dummy_handler, 0, "test-c", &c))
		FAIL("IRQ %u must be free again after free_irq\n", irq);
	if (request_irq(irq, dummy_handler, IRQF_SHARED, "test-a", &a) != -EBUSY)
		FAIL("a shared handler on an exclusive line must get -EBUSY\n");
	free_irq(irq, &c);
	return 0;
}

SELFTEST(request_irq_conflict)
{
	static int x;
	int err;

	err = request_irq(0, dummy_handler, 0, "test", &x);
	pr_info("request_irq_conflict: request_irq(0) while the timer owns it: %d\n", err);
	if (err != -EBUSY)
		FAIL("expected -EBUSY (%d)\n", -EBUSY);
	if (request_irq(0, dummy_handler, IRQF_SHARED, "test", &x) != -EBUSY)
		FAIL("IRQF_SHARED alone does not share with an exclusive owner\n");
	if (request_irq(NR_IRQS, dummy_handler, 0, "test", &x) != -EINVAL ||
	    request_irq(10, NULL, 0, "test", &x) != -EINVAL ||
	    request_irq(10, dummy_handler, IRQF_SHARED, "test", NULL) != -EINVAL)
		FAIL("bad arguments must give -EINVAL\n");
	return check_shared_line(10);
}

/* ---- spurious IRQ 7 --------------------------------------------------------------------- */

static volatile int irq7_calls;

static irqreturn_t irq7_handler(int irq, void *dev_id)
{
	irq7_calls++;
	return IRQ_HANDLED;
}

/*
 * `int $0x27` delivers vector 0x27 exactly as a spurious IRQ 7 does: the
 * CPU enters irq_entry_7 while the PIC has no IRQ 7 in service.
 */
SELFTEST(irq_spurious_7)
{
	unsigned long err0 = irq_err_count, count0;
	static int cookie;

	if (request_irq(7, irq7_handler, 0, "parport0", &cookie))
		FAIL("IRQ 7 busy\n");
	count0 = kstat_irqs(7);
	asm volatile("int $0x27" ::: "memory");
	free_irq(7, &cookie);
	pr_info("irq_spurious_7: ERR %lu -> %lu, IRQ 7 count %lu -> %lu, handler calls %d\n",
		err0, irq_err_count, count0, kstat_irqs(7), irq7_calls);
	if (irq_err_count != err0 + 1 || kstat_irqs(7) != count0 || irq7_calls)
		FAIL("a spurious IRQ 7 must be counted in ERR and run no handler\n");
	return 0;
}

/* ---- /proc/interrupts, /proc/softirqs ------------------------------------------------- */

static char proc_buf[2048];

/* printk takes one line at a time. */
static void print_lines(char *buf)
{
	for (char *line = buf, *nl; *line; line = nl + 1) {
		nl = strchr(line, '\n');
		if (!nl)
			break;
		*nl = '\0';
		printk(KERN_INFO "%s\n", line);
	}
}

static int dump_interrupts(const char *title)
{
	int n = show_interrupts(proc_buf, sizeof(proc_buf));

	pr_info("proc_interrupts: %s (%d bytes)\n", title, n);
	print_lines(proc_buf);
	return n;
}

SELFTEST(proc_interrupts)
{
	unsigned long t0 = kstat_irqs(0);
	char tiny[16];

	dump_interrupts("/proc/interrupts, first read");
	WAIT_UNTIL(kstat_irqs(0) >= t0 + 5, 2);
	dump_interrupts("/proc/interrupts, 5 ticks later");
	pr_info("proc_interrupts: /proc/softirqs\n");
	show_softirqs(proc_buf, sizeof(proc_buf));
	print_lines(proc_buf);
	if (kstat_irqs(0) < t0 + 5)
		FAIL("the timer IRQ count did not grow\n");
	if (show_interrupts(tiny, sizeof(tiny)) != (int)sizeof(tiny) - 1 ||
	    tiny[sizeof(tiny) - 1])
		FAIL("a small buffer must be filled and terminated\n");
	return 0;
}

/* ---- int $0x80 ------------------------------------------------------------------------------ */

SELFTEST(int80_enosys)
{
	long ret, nr = 9999;
	unsigned long b = 0x11111111, c = 0x22222222, d = 0x33333333;
	unsigned long b2, c2, d2;

	asm volatile("int $0x80"
		     : "=a"(ret), "=b"(b2), "=c"(c2), "=d"(d2)
		     : "a"(nr), "b"(b), "c"(c), "d"(d)
		     : "memory");
	pr_info("int80_enosys: syscall %ld returned %ld\n", nr, ret);
	if (ret != -ENOSYS)
		FAIL("expected -ENOSYS (%d)\n", -ENOSYS);
	if (b2 != b || c2 != c || d2 != d)
		FAIL("argument registers were not restored\n");
	return 0;
}

/* ---- local_clock ------------------------------------------------------------------------------ */

SELFTEST(local_clock_subtick)
{
	unsigned long j;
	uint64_t t1, t2;
	int tries = 0;

	if (!tsc_khz)
		FAIL("no calibrated TSC\n");
	do { /* two readings inside the same tick */
		j = jiffies;
		t1 = local_clock();
		t2 = local_clock();
	} while (j != jiffies && ++tries < 10);
	pr_info("local_clock_subtick: %llu ns then %llu ns within jiffy %lu\n",
		(unsigned long long)t1, (unsigned long long)t2, j);
	if (t2 <= t1)
		FAIL("local_clock() did not advance within a tick\n");
	return 0;
}
