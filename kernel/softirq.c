/*
 * softirq.c - deferred work after a hard interrupt (Linux: kernel/softirq.c,
 * fs/proc/softirqs.c).
 *
 * A hard IRQ handler does the minimum and raises a softirq: one bit in
 * softirq_pending. The bits are served
 *   - by irq_exit(), when the outermost hard IRQ ends (the common case:
 *     receive-path stage 5, irq_exit -> do_softirq -> net_rx_action);
 *   - by local_bh_enable(), when process context re-enables bottom halves;
 *   - by ksoftirqd/0, when they keep coming back (see __do_softirq).
 * Handlers run in softirq context: interrupts ON, in_serving_softirq() true,
 * no sleeping. A softirq never interrupts another softirq: while one runs,
 * in_interrupt() is true, so a hard IRQ that arrives meanwhile raises its
 * bit and returns, and the running loop picks the bit up.
 *
 * preempt_count (preempt.h) is the context: irq_enter() adds HARDIRQ_OFFSET,
 * __do_softirq() SOFTIRQ_OFFSET, local_bh_disable() SOFTIRQ_DISABLE_OFFSET.
 * softirq_pending is changed only with interrupts off.
 * Linux keeps all of this per CPU and adds tasklets on top (HI/TASKLET).
 */
#include "kernel/interrupt.h"
#include "kernel/irqflags.h"
#include "kernel/printk.h"
#include "kernel/time.h"
#include "lib/vsprintf.h"

#define MAX_SOFTIRQ_RESTART 10
#define MAX_SOFTIRQ_TIME_NS (2 * 1000 * 1000ULL) /* 2 ms, as Linux */

volatile unsigned int __preempt_count;

const char *const softirq_to_name[NR_SOFTIRQS] = {
	"HI", "TIMER", "NET_TX", "NET_RX", "BLOCK",
	"IRQ_POLL", "TASKLET", "SCHED", "HRTIMER", "RCU",
};

static struct softirq_action softirq_vec[NR_SOFTIRQS];
static unsigned long softirq_pending;
static unsigned long softirq_count[NR_SOFTIRQS]; /* /proc/softirqs */

unsigned long local_softirq_pending(void)
{
	return softirq_pending;
}

unsigned long kstat_softirqs(unsigned int nr)
{
	return nr < NR_SOFTIRQS ? softirq_count[nr] : 0;
}

/* Boot time, before the softirq can be raised. */
void open_softirq(int nr, void (*action)(struct softirq_action *))
{
	softirq_vec[nr].action = action;
}

/* ---- raising ------------------------------------------------------------------ */

void __raise_softirq_irqoff(unsigned int nr)
{
	softirq_pending |= 1ul << nr;
}

/* Counted here, so tests see the handovers whoever implements the thread. */
unsigned long softirqd_wakeups;

static void softirqd_handover(void)
{
	softirqd_wakeups++;
	wakeup_softirqd();
}

/*
 * In a hard IRQ or softirq the bit is served on the way out. In process
 * context nothing would serve it soon, so ksoftirqd is woken (Linux does
 * the same).
 */
void raise_softirq_irqoff(unsigned int nr)
{
	__raise_softirq_irqoff(nr);
	if (!in_interrupt())
		softirqd_handover();
}

void raise_softirq(unsigned int nr)
{
	unsigned long flags;

	local_irq_save(flags);
	raise_softirq_irqoff(nr);
	local_irq_restore(flags);
}

/*
 * Weak default until the process code provides ksoftirqd/0: the bits stay
 * pending and the next irq_exit() (the timer tick at the latest, 10 ms)
 * serves them; softirqd_wakeups has recorded the request.
 */
__attribute__((weak)) void wakeup_softirqd(void)
{
}

/* ---- running ------------------------------------------------------------------- */

static void handle_softirqs(unsigned long pending)
{
	for (unsigned int nr = 0; pending; nr++, pending >>= 1) {
		struct softirq_action *h = &softirq_vec[nr];

		if (!(pending & 1))
			continue;
		softirq_count[nr]++;
		if (h->action)
			h->action(h);
		else
			pr_err("softirq %s raised but never opened\n",
			       softirq_to_name[nr]);
	}
}

/*
 * Serve the pending bits, lowest number first, with interrupts on. Bits
 * raised meanwhile get another round, up to MAX_SOFTIRQ_RESTART rounds or
 * 2 ms; whatever is left then goes to ksoftirqd, so a flood of packets
 * cannot starve processes (the `time_squeeze` story of the receive path).
 * Called with interrupts off; returns with them off.
 *
 * DOC: __do_softirq
 */
void __do_softirq(void)
{
	uint64_t end = local_clock() + MAX_SOFTIRQ_TIME_NS;
	int max_restart = MAX_SOFTIRQ_RESTART;
	unsigned long pending;

	preempt_count_add(SOFTIRQ_OFFSET);
	for (;;) {
		pending = softirq_pending;
		softirq_pending = 0;
		local_irq_enable();
		handle_softirqs(pending);
		local_irq_disable();
		if (!softirq_pending)
			break;
		if (local_clock() >= end || --max_restart == 0) {
			softirqd_handover();
			break;
		}
	}
	preempt_count_sub(SOFTIRQ_OFFSET);
}

/* Linux runs this on a separate softirq stack; rxos uses the current one. */
void do_softirq(void)
{
	unsigned long flags;

	if (in_interrupt())
		return;
	local_irq_save(flags);
	if (softirq_pending)
		__do_softirq();
	local_irq_restore(flags);
}

/* ---- hard IRQ entry and exit --------------------------------------------------- */

void irq_enter(void)
{
	preempt_count_add(HARDIRQ_OFFSET);
}

/*
 * The end of a hard IRQ, interrupts still off. Only the outermost exit that
 * is not inside a softirq already runs softirqs (Linux: invoke_softirq()).
 *
 * DOC: irq_exit
 */
void irq_exit(void)
{
	BUG_ON(!in_irq() || !irqs_disabled());
	preempt_count_sub(HARDIRQ_OFFSET);
	if (!in_interrupt() && softirq_pending)
		__do_softirq();
}

/* ---- bottom-half disabling (process context) ----------------------------------- */

/* Keeps softirqs from running here; hard IRQs still come in and raise them. */
void local_bh_disable(void)
{
	preempt_count_add(SOFTIRQ_DISABLE_OFFSET);
}

/*
 * Pending softirqs run right here, which turns interrupts on: so only when
 * the caller has them on. With interrupts off (boot code before
 * start_kernel enables them) the bits wait for the next irq_exit(); Linux
 * warns about that case instead.
 */
void local_bh_enable(void)
{
	BUG_ON(in_irq());
	preempt_count_sub(SOFTIRQ_DISABLE_OFFSET);
	if (!in_interrupt() && softirq_pending && !irqs_disabled())
		do_softirq();
}

/* ---- /proc/softirqs --------------------------------------------------------------- */

int show_softirqs(char *buf, int len)
{
	int n;

	if (len <= 0)
		return 0;
	n = scnprintf(buf, len, "%20s", "");
	n += scnprintf(buf + n, len - n, "CPU%-8d\n", 0);
	for (int i = 0; i < NR_SOFTIRQS; i++)
		n += scnprintf(buf + n, len - n, "%12s: %10lu\n",
			       softirq_to_name[i], softirq_count[i]);
	return n;
}
