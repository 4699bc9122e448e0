/*
 * Host tests for kernel/irq.c: request_irq rules, dispatch to shared
 * handlers, the PIC mask/ack/unmask sequence, spurious IRQ 7/15, the
 * "nobody cared" detector and the /proc/interrupts layout. The 8259 is
 * replaced by a recorder of the calls irq.c makes to it.
 */
#include "tests/unit/unit.h"
#include "tests/unit/shim_irq.h"
#include "kernel/softirq.c"
#include "kernel/irq.c"

/* ---- fake 8259: a transcript of calls, and the mask it would hold ---- */
static char pic_log[4096];
static unsigned int pic_mask = 0xFFFF;
static int pic_in_service = 1; /* i8259A_irq_real() answer */

static void pic_note(const char *what, unsigned int irq)
{
	char s[32];

	snprintf(s, sizeof(s), "%s%u ", what, irq);
	strcat(pic_log, s);
}

void init_8259A(void) { pic_mask = 0xFFFF; }
void mask_8259A_irq(unsigned int irq) { pic_mask |= 1u << irq; pic_note("mask", irq); }
void unmask_8259A_irq(unsigned int irq) { pic_mask &= ~(1u << irq); pic_note("unmask", irq); }
void mask_and_ack_8259A(unsigned int irq) { pic_mask |= 1u << irq; pic_note("ack", irq); }
int i8259A_irq_real(unsigned int irq) { return pic_in_service; }
void ack_spurious_8259A(unsigned int irq) { pic_note("spurious", irq); }

/* ---- handlers ---- */
static int calls_a, calls_b;
static irqreturn_t ret_a = IRQ_HANDLED, ret_b = IRQ_NONE;
static int a_cookie, b_cookie, c_cookie;

static irqreturn_t handler_a(int irq, void *dev_id)
{
	CHECK(dev_id == &a_cookie);
	CHECK(in_irq() && irqs_disabled());
	calls_a++;
	return ret_a;
}

static irqreturn_t handler_b(int irq, void *dev_id)
{
	calls_b++;
	return ret_b;
}

static void reset(void)
{
	memset(irq_desc, 0, sizeof(irq_desc));
	memset(irqaction_pool, 0, sizeof(irqaction_pool));
	irq_err_count = 0;
	pic_log[0] = '\0';
	pic_in_service = 1;
	calls_a = calls_b = 0;
	ret_a = IRQ_HANDLED;
	ret_b = IRQ_NONE;
	__preempt_count = 0;
	init_IRQ();
	pic_log[0] = '\0';
	host_log_clear();
}

static void fire(unsigned int irq)
{
	struct pt_regs regs = { .orig_ax = ~(unsigned long)irq };

	local_irq_disable();
	do_IRQ(&regs);
	local_irq_enable();
}

TEST(first_request_unmasks_line_and_last_free_masks_it)
{
	reset();
	CHECK_EQ(request_irq(5, handler_a, 0, "eth0", &a_cookie), 0);
	CHECK_STR(pic_log, "unmask5 ");
	free_irq(5, &a_cookie);
	CHECK_STR(pic_log, "unmask5 mask5 ");
	CHECK(irq_desc[5].action == NULL);
	CHECK_EQ(request_irq(5, handler_a, 0, "eth0", &a_cookie), 0); /* slot reused */
}

TEST(exclusive_line_refuses_second_handler_with_ebusy)
{
	reset();
	CHECK_EQ(request_irq(5, handler_a, 0, "eth0", &a_cookie), 0);
	CHECK_EQ(request_irq(5, handler_b, 0, "eth1", &b_cookie), -EBUSY);
	CHECK_EQ(request_irq(5, handler_b, IRQF_SHARED, "eth1", &b_cookie), -EBUSY);
	CHECK(host_log_has("genirq: Flags mismatch irq 5"));
	CHECK_EQ(request_irq(2, handler_b, 0, "x", &b_cookie), -EBUSY); /* cascade */
}

TEST(bad_arguments_get_einval)
{
	reset();
	CHECK_EQ(request_irq(16, handler_a, 0, "x", &a_cookie), -EINVAL);
	CHECK_EQ(request_irq(3, NULL, 0, "x", &a_cookie), -EINVAL);
	CHECK_EQ(request_irq(3, handler_a, IRQF_SHARED, "x", NULL), -EINVAL);
}

TEST(action_pool_exhaustion_gets_enomem)
{
	static int cookies[NR_IRQACTIONS];
	int err = 0, i;

	reset(); /* the cascade already holds one */
	for (i = 0; i < NR_IRQACTIONS && !err; i++)
		err = request_irq(9, handler_b, IRQF_SHARED, "n", &cookies[i]);
	CHECK_EQ(err, -ENOMEM);
	CHECK_EQ(i, NR_IRQACTIONS);
}

TEST(shared_line_runs_every_handler_in_request_order)
{
	reset();
	CHECK_EQ(request_irq(11, handler_a, IRQF_SHARED, "eth0", &a_cookie), 0);
	CHECK_EQ(request_irq(11, handler_b, IRQF_SHARED, "uhci", &b_cookie), 0);
	CHECK_EQ(request_irq(11, handler_b, 0, "x", &c_cookie), -EBUSY);
	pic_log[0] = '\0';
	fire(11);
	CHECK_EQ(calls_a, 1);
	CHECK_EQ(calls_b, 1);
	CHECK_EQ(kstat_irqs(11), 1);
	CHECK_STR(pic_log, "ack11 unmask11 ");
	free_irq(11, &a_cookie);
	fire(11);
	CHECK_EQ(calls_a, 1);
	CHECK_EQ(calls_b, 2);
}

TEST(free_irq_of_unknown_dev_id_warns_and_keeps_others)
{
	reset();
	request_irq(11, handler_a, IRQF_SHARED, "eth0", &a_cookie);
	free_irq(11, &c_cookie);
	CHECK(host_log_has("Trying to free already-free IRQ 11"));
	CHECK(irq_desc[11].action != NULL);
}

TEST(disable_irq_nests_and_keeps_line_masked_after_handler)
{
	reset();
	request_irq(4, handler_a, 0, "ttyS0", &a_cookie);
	disable_irq(4);
	disable_irq(4);
	enable_irq(4);
	CHECK(pic_mask & (1u << 4));
	pic_log[0] = '\0';
	fire(4); /* a late edge: handled, but the line stays masked */
	CHECK_STR(pic_log, "ack4 ");
	enable_irq(4);
	CHECK(!(pic_mask & (1u << 4)));
	enable_irq(4);
	CHECK(host_log_has("Unbalanced enable for IRQ 4"));
}

TEST(spurious_irq7_and_irq15_are_counted_and_not_dispatched)
{
	reset();
	request_irq(7, handler_a, 0, "parport0", &a_cookie);
	request_irq(15, handler_b, 0, "ata2", &b_cookie);
	pic_log[0] = '\0';
	pic_in_service = 0;
	fire(7);
	fire(15);
	CHECK_EQ(calls_a + calls_b, 0);
	CHECK_EQ(irq_err_count, 2);
	CHECK_EQ(kstat_irqs(7) + kstat_irqs(15), 0);
	CHECK_STR(pic_log, "spurious7 spurious15 ");
	CHECK(host_log_has("spurious 8259A interrupt: IRQ7."));
	pic_in_service = 1;
	fire(7);
	CHECK_EQ(calls_a, 1);
}

TEST(line_nobody_claims_is_disabled_after_99900_of_100000)
{
	reset();
	ret_b = IRQ_NONE;
	request_irq(9, handler_b, 0, "acpi", &b_cookie);
	for (int i = 0; i < IRQ_SPURIOUS_WINDOW - 1; i++)
		fire(9);
	CHECK_EQ(irq_desc[9].depth, 0);
	pic_log[0] = '\0';
	fire(9);
	CHECK(host_log_has("irq 9: nobody cared"));
	CHECK(host_log_has("Disabling IRQ #9"));
	CHECK_STR(pic_log, "ack9 "); /* left masked */
	CHECK(irq_desc[9].depth > 0);
}

TEST(line_that_is_mostly_claimed_stays_enabled)
{
	reset();
	ret_a = IRQ_HANDLED;
	request_irq(9, handler_a, 0, "acpi", &a_cookie);
	for (int i = 0; i < IRQ_SPURIOUS_WINDOW; i++)
		fire(9);
	CHECK(!host_log_has("nobody cared"));
	CHECK_EQ(irq_desc[9].depth, 0);
}

static int softirq_ran_with_irq_regs;

static void net_rx_test_action(struct softirq_action *h)
{
	softirq_ran_with_irq_regs = get_irq_regs() != NULL && in_serving_softirq();
}

static irqreturn_t raising_handler(int irq, void *dev_id)
{
	raise_softirq_irqoff(NET_RX_SOFTIRQ);
	return IRQ_HANDLED;
}

TEST(softirq_raised_by_handler_runs_before_do_irq_returns)
{
	reset();
	open_softirq(NET_RX_SOFTIRQ, net_rx_test_action);
	request_irq(11, raising_handler, 0, "eth0", &a_cookie);
	fire(11);
	CHECK(softirq_ran_with_irq_regs);
	CHECK(get_irq_regs() == NULL);
	CHECK_EQ(preempt_count(), 0);
}

TEST(proc_interrupts_layout_matches_linux)
{
	char buf[1024];
	const char *expect =
		"           CPU0       \n"
		"  0:          3    XT-PIC      timer\n"
		"  2:          0    XT-PIC      cascade\n"
		" 11:          1    XT-PIC      eth0, uhci\n"
		" 14:          1    XT-PIC    \n"
		"ERR:          0\n";
	int n;

	reset();
	request_irq(0, handler_b, 0, "timer", &b_cookie);
	request_irq(11, handler_a, IRQF_SHARED, "eth0", &a_cookie);
	request_irq(11, handler_b, IRQF_SHARED, "uhci", &b_cookie);
	request_irq(14, handler_b, 0, "ata1", &c_cookie);
	for (int i = 0; i < 3; i++)
		fire(0);
	fire(11);
	fire(14);
	free_irq(14, &c_cookie); /* counted before: still listed */
	n = show_interrupts(buf, sizeof(buf));
	CHECK_STR(buf, expect);
	CHECK_EQ(n, (int)strlen(expect));
	CHECK_EQ(show_interrupts(buf, 20), 19);
	CHECK_EQ((int)strlen(buf), 19);
}

RUN_TESTS()
