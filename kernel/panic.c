/*
 * panic.c - stop the machine with as much information as we have.
 *
 * panic() prints the message and a backtrace, then halts (or, under the test
 * harness, tells QEMU to exit with QEMU_EXIT_PANIC so a test fails fast
 * instead of timing out). Any context. Interrupts stay off afterwards.
 *
 * The backtrace follows the frame-pointer chain: every function built with
 * -fno-omit-frame-pointer starts with "push %ebp; mov %esp,%ebp", so [ebp]
 * is the caller's ebp and [ebp+4] the return address. head.asm starts the
 * chain with ebp = 0. Linux: show_stack() / dump_stack() in arch/x86.
 */
#include "kernel/kallsyms.h"
#include "kernel/kernel.h"
#include "kernel/printk.h"
#include "kernel/reboot.h"
#include "kernel/io.h"
#include "kernel/irqflags.h"
#include "kernel/stacktrace.h"
#include "lib/vsprintf.h"

/* Frames must lie in kernel memory and go up the stack. */
static int frame_ok(unsigned long ebp, unsigned long prev)
{
	return ebp >= PAGE_OFFSET && !(ebp & 3) && ebp > prev &&
	       ebp - prev < 64 * 1024;
}

void show_stack_from(unsigned long ebp, unsigned long eip)
{
	char sym[96];
	unsigned long prev = ebp - 1;

	printk(KERN_EMERG "Call Trace:\n");
	if (eip) {
		sprint_symbol(sym, sizeof(sym), eip);
		printk(KERN_EMERG " [<%08lx>] %s\n", eip, sym);
	}
	for (int depth = 0; depth < 32 && frame_ok(ebp, prev); depth++) {
		unsigned long ret = ((unsigned long *)ebp)[1];

		if (ret < PAGE_OFFSET)
			break;
		/* ret points after the call; ret-1 is inside the caller */
		sprint_symbol(sym, sizeof(sym), ret - 1);
		printk(KERN_EMERG " [<%08lx>] %s\n", ret, sym);
		prev = ebp;
		ebp = ((unsigned long *)ebp)[0];
	}
}

void dump_stack(void)
{
	show_stack_from((unsigned long)__builtin_frame_address(0), 0);
}

/* Set by die() (traps.c): the oops already printed registers and a trace. */
int oops_in_progress;

__noreturn void panic(const char *fmt, ...)
{
	static int in_panic;
	char buf[256];
	va_list ap;

	local_irq_disable();
	if (in_panic++) /* panic while panicking: just stop */
		for (;;)
			halt();
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	printk(KERN_EMERG "Kernel panic - not syncing: %s\n", buf);
	if (!oops_in_progress)
		dump_stack();
	printk(KERN_EMERG "---[ end Kernel panic - not syncing: %s ]---\n", buf);
	qemu_debug_exit(QEMU_EXIT_PANIC);
	for (;;)
		halt();
}
