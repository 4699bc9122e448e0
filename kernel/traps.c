/*
 * traps.c - CPU exceptions: decide, report, die (Linux:
 * arch/x86/kernel/traps.c, arch/x86/mm/fault.c, arch/x86/kernel/dumpstack.c).
 *
 * Called from entry.asm (common_exception -> do_exception) with interrupts
 * off and a struct pt_regs of the interrupted code. The path:
 *
 *   do_exception(regs, trapnr)
 *     #PF  -> exc_page_fault(): read CR2 first (a nested fault would
 *             overwrite it), then the hooks, then page_fault_oops()
 *     else -> do_error_trap(): the hooks, then die()
 *   hooks:  user mode   -> handle_user_fault()   (process layer)
 *           kernel mode -> fixup_exception()     (uaccess fixups)
 *   die():  "Oops"/"divide error: 0000 [#1]", regs, code, Call Trace, panic
 *
 * The oops mimics Linux's so a student can hold the two side by side. Where
 * Linux would kill only the current task (make_task_dead) and keep running,
 * rxos panics: it has no task to kill yet. The weak hooks at the end are the
 * documented extension points (see traps.h).
 */
#include "kernel/traps.h"
#include "kernel/desc.h"
#include "kernel/errno.h"
#include "kernel/io.h"
#include "kernel/irqflags.h"
#include "kernel/kallsyms.h"
#include "kernel/preempt.h"
#include "kernel/printk.h"
#include "kernel/stacktrace.h"
#include "lib/vsprintf.h"

/* entry.asm hard-codes these offsets. */
_Static_assert(offsetof(struct pt_regs, gs) == 40, "PT_GS in entry.asm");
_Static_assert(offsetof(struct pt_regs, cs) == 52, "PT_CS in entry.asm");
_Static_assert(sizeof(struct pt_regs) == 68, "i386 pt_regs is 17 words");

struct trap_info {
	const char *mnemonic;
	const char *name; /* the string Linux's die() prints */
};

static const struct trap_info trap_info[NR_EXCEPTION_VECTORS] = {
	[X86_TRAP_DE] = { "#DE", "divide error" },
	[X86_TRAP_DB] = { "#DB", "debug" },
	[X86_TRAP_NMI] = { "NMI", "nmi" },
	[X86_TRAP_BP] = { "#BP", "int3" },
	[X86_TRAP_OF] = { "#OF", "overflow" },
	[X86_TRAP_BR] = { "#BR", "bounds" },
	[X86_TRAP_UD] = { "#UD", "invalid opcode" },
	[X86_TRAP_NM] = { "#NM", "device not available" },
	[X86_TRAP_DF] = { "#DF", "double fault" },
	[X86_TRAP_OLD_MF] = { "#MF", "coprocessor segment overrun" },
	[X86_TRAP_TS] = { "#TS", "invalid TSS" },
	[X86_TRAP_NP] = { "#NP", "segment not present" },
	[X86_TRAP_SS] = { "#SS", "stack segment" },
	[X86_TRAP_GP] = { "#GP", "general protection fault" },
	[X86_TRAP_PF] = { "#PF", "page fault" },
	[X86_TRAP_SPURIOUS] = { "#SPV", "spurious interrupt bug" },
	[X86_TRAP_MF] = { "#MF", "coprocessor error" },
	[X86_TRAP_AC] = { "#AC", "alignment check" },
	[X86_TRAP_MC] = { "#MC", "machine check" },
	[X86_TRAP_XF] = { "#XF", "SIMD coprocessor error" },
	[X86_TRAP_VE] = { "#VE", "virtualization exception" },
	[X86_TRAP_CP] = { "#CP", "control protection fault" },
};

static const struct trap_info *get_trap_info(int trapnr)
{
	static const struct trap_info reserved = { "#RSV", "reserved" };

	if (trapnr < 0 || trapnr >= NR_EXCEPTION_VECTORS || !trap_info[trapnr].name)
		return &reserved;
	return &trap_info[trapnr];
}

static inline unsigned long read_cr0(void)
{
	unsigned long v;
	asm volatile("mov %%cr0, %0" : "=r"(v));
	return v;
}

static inline unsigned long read_cr4(void)
{
	unsigned long v;
	asm volatile("mov %%cr4, %0" : "=r"(v));
	return v;
}

const char *context_name(void)
{
	if (in_irq())
		return "hardirq";
	if (in_serving_softirq())
		return "softirq";
	return "process";
}

void trap_init(void)
{
	idt_setup();
	pr_info("IDT loaded: exceptions 0x00-0x1f, IRQs 0x%02x-0x%02x, int 0x%02x (DPL 3 trap gate)\n",
		FIRST_EXTERNAL_VECTOR, FIRST_EXTERNAL_VECTOR + 15,
		IA32_SYSCALL_VECTOR);
}

/* ---- the report ------------------------------------------------------------ */

/*
 * "Code:" - the bytes around the faulting instruction, the faulting byte in
 * <>, as Linux prints them (scripts/decodecode turns them into assembly).
 * Only inside kernel text: a wild EIP must not fault again here.
 */
static void show_code(struct pt_regs *regs)
{
	const unsigned char *ip = (const unsigned char *)regs->ip;
	char line[160];
	int n = 0;

	if (regs->ip < (unsigned long)_text + 16 ||
	    regs->ip + 16 > (unsigned long)_etext) {
		printk(KERN_EMERG "Code: Unable to access opcode bytes at %08lx.\n",
		       regs->ip);
		return;
	}
	for (int i = -16; i < 16; i++)
		n += scnprintf(line + n, sizeof(line) - n, i ? " %02x" : " <%02x>",
			       ip[i]);
	printk(KERN_EMERG "Code:%s\n", line);
}

static unsigned short read_ss(void)
{
	unsigned short ss;

	asm volatile("movw %%ss, %0" : "=r"(ss));
	return ss;
}

void show_regs(struct pt_regs *regs)
{
	char sym[96];
	unsigned short ss = user_mode(regs) ? regs->ss : read_ss();

	sprint_symbol(sym, sizeof(sym), regs->ip);
	printk(KERN_EMERG "EIP: %s\n", sym);
	show_code(regs);
	printk(KERN_EMERG "EAX: %08lx EBX: %08lx ECX: %08lx EDX: %08lx\n",
	       regs->ax, regs->bx, regs->cx, regs->dx);
	printk(KERN_EMERG "ESI: %08lx EDI: %08lx EBP: %08lx ESP: %08lx\n",
	       regs->si, regs->di, regs->bp, kernel_stack_pointer(regs));
	printk(KERN_EMERG "DS: %04x ES: %04x FS: %04x GS: %04x SS: %04x EFLAGS: %08lx\n",
	       regs->ds, regs->es, regs->fs, regs->gs, ss, regs->flags);
	printk(KERN_EMERG "CR0: %08lx CR2: %08lx CR3: %08lx CR4: %08lx\n",
	       read_cr0(), (unsigned long)read_cr2(), (unsigned long)read_cr3(),
	       read_cr4());
}

static int die_counter;

__noreturn void die(const char *str, struct pt_regs *regs, long err, int trapnr)
{
	const struct trap_info *ti = get_trap_info(trapnr);

	local_irq_disable();
	if (oops_in_progress++) /* faulted while printing an oops */
		panic("Recursive fault while printing an oops");
	printk(KERN_EMERG "%s: %04lx [#%d]\n", str, err & 0xffff, ++die_counter);
	printk(KERN_EMERG "Trap: vector %d (%s %s), error code 0x%lx, in %s mode\n",
	       trapnr, ti->mnemonic, ti->name, (unsigned long)err,
	       user_mode(regs) ? "user" : "kernel");
	printk(KERN_EMERG "CPU: 0 Context: %s (preempt_count %08x)\n",
	       context_name(), preempt_count());
	show_regs(regs);
	if (!user_mode(regs))
		show_stack_from(regs->bp, regs->ip);
	printk(KERN_EMERG "---[ end trace 0000000000000000 ]---\n");
	panic(in_interrupt() ? "Fatal exception in interrupt" : "Fatal exception");
}

/* ---- page faults --------------------------------------------------------------- */

/*
 * "*pde = ... *pte = ..." for the faulting address, read through the
 * current page directory (CR3). Page tables live in low memory, which the
 * kernel maps at PAGE_OFFSET; a table above that is not followed.
 */
#define LOWMEM_LIMIT 0x38000000UL /* 896 MiB, as Linux i386 */

static void dump_pagetable(unsigned long address)
{
	unsigned long *pgd = __va(read_cr3() & ~0xFFFUL);
	unsigned long pde = pgd[address >> 22], *pt;

	if (!(pde & 1) || (pde & 0x80) || (pde & ~0xFFFUL) >= LOWMEM_LIMIT) {
		printk(KERN_ALERT "*pde = %08lx\n", pde);
		return;
	}
	pt = __va(pde & ~0xFFFUL);
	printk(KERN_ALERT "*pde = %08lx *pte = %08lx\n", pde,
	       pt[(address >> 12) & 0x3FF]);
}

static const char *pf_access(unsigned long error_code)
{
	if (error_code & X86_PF_INSTR)
		return "instruction fetch";
	return (error_code & X86_PF_WRITE) ? "write access" : "read access";
}

static const char *pf_reason(unsigned long error_code)
{
	if (!(error_code & X86_PF_PROT))
		return "not-present page";
	if (error_code & X86_PF_RSVD)
		return "reserved bit violation";
	return "permissions violation";
}

/* Linux: show_fault_oops() then die("Oops", ...). */
static __noreturn void page_fault_oops(struct pt_regs *regs,
				       unsigned long error_code,
				       unsigned long address)
{
	if (address < PAGE_SIZE)
		printk(KERN_ALERT "BUG: kernel NULL pointer dereference, address: %08lx\n",
		       address);
	else
		printk(KERN_ALERT "BUG: unable to handle page fault for address: %08lx\n",
		       address);
	printk(KERN_ALERT "#PF: %s %s in %s mode\n",
	       (error_code & X86_PF_USER) ? "user" : "supervisor",
	       pf_access(error_code), user_mode(regs) ? "user" : "kernel");
	printk(KERN_ALERT "#PF: error_code(0x%04lx) - %s\n", error_code,
	       pf_reason(error_code));
	dump_pagetable(address);
	die("Oops", regs, (long)error_code, X86_TRAP_PF);
}

void exc_page_fault(struct pt_regs *regs, unsigned long error_code)
{
	unsigned long address = read_cr2();

	if (user_mode(regs) && handle_user_fault(regs, X86_TRAP_PF, address))
		return;
	if (!user_mode(regs) && fixup_exception(regs, X86_TRAP_PF, address))
		return;
	page_fault_oops(regs, error_code, address);
}

/* Every other exception. Linux: do_error_trap() and friends. */
static void do_error_trap(struct pt_regs *regs, int trapnr)
{
	if (user_mode(regs) && handle_user_fault(regs, trapnr, regs->ip))
		return;
	if (!user_mode(regs) && fixup_exception(regs, trapnr, regs->ip))
		return;
	die(get_trap_info(trapnr)->name, regs, (long)regs->orig_ax, trapnr);
}

void do_exception(struct pt_regs *regs, int trapnr)
{
	if (trapnr == X86_TRAP_PF)
		exc_page_fault(regs, regs->orig_ax);
	else
		do_error_trap(regs, trapnr);
}

/* ---- weak defaults of the hooks (contracts in traps.h) ------------------------ */

__attribute__((weak)) int handle_user_fault(struct pt_regs *regs, int trapnr,
					    unsigned long address)
{
	return 0; /* no processes yet: every user fault is fatal */
}

__attribute__((weak)) int fixup_exception(struct pt_regs *regs, int trapnr,
					  unsigned long address)
{
	return 0; /* no exception table yet */
}

__attribute__((weak)) void do_int80_syscall_32(struct pt_regs *regs)
{
	pr_warn("int 0x80: system call %lu from %s mode: not implemented\n",
		regs->orig_ax, user_mode(regs) ? "user" : "kernel");
	regs->ax = (unsigned long)-ENOSYS;
}

__attribute__((weak)) void prepare_exit_to_usermode(struct pt_regs *regs)
{
}
