/*
 * fpu.c - save and restore the x87 state on task switches (see fpu.h).
 *
 * Context: fpu_switch runs inside the scheduler with interrupts off; the
 * others in process context on behalf of current.
 * Note that fnsave also resets the FPU, so after saving the live state of
 * current (fork) it must be loaded again.
 */
#include "kernel/sched/fpu.h"
#include "kernel/sched/sched.h"
#include "lib/string.h"

static uint8_t init_fpstate[108] __aligned(16);

static inline void fnsave(uint8_t *state)
{
	asm volatile("fnsave %0" : "=m"(*(uint8_t(*)[108])state));
}

static inline void frstor(const uint8_t *state)
{
	asm volatile("frstor %0" : : "m"(*(const uint8_t(*)[108])state));
}

#define X86_CR0_MP 0x02
#define X86_CR0_EM 0x04
#define X86_CR0_NE 0x20 /* x87 errors as exception 16, not IRQ 13 */

void fpu_init(void)
{
	unsigned long cr0;

	asm volatile("mov %%cr0, %0" : "=r"(cr0));
	cr0 = (cr0 | X86_CR0_MP | X86_CR0_NE) & ~X86_CR0_EM;
	asm volatile("mov %0, %%cr0; clts; fninit" : : "r"(cr0) : "memory");
	fnsave(init_fpstate);
}

void fpu_switch(struct task_struct *prev, struct task_struct *next)
{
	if (!(prev->flags & PF_KTHREAD))
		fnsave(prev->thread.fpu_state);
	if (!(next->flags & PF_KTHREAD))
		frstor(next->thread.fpu_state);
}

void fpu_clone(struct task_struct *dst)
{
	if (current->flags & PF_KTHREAD) {
		memcpy(dst->thread.fpu_state, init_fpstate, sizeof(init_fpstate));
		return;
	}
	fnsave(current->thread.fpu_state);
	frstor(current->thread.fpu_state);
	memcpy(dst->thread.fpu_state, current->thread.fpu_state,
	       sizeof(init_fpstate));
}

/* fnclex first: frstor waits for pending x87 errors of the old state,
 * which would raise #MF here in the kernel. */
void fpu_load_live(const uint8_t *state)
{
	asm volatile("fnclex");
	frstor(state);
}

void fpu_save_live(uint8_t *state)
{
	fnsave(state);
	frstor(state);
}

void fpu_reset(void)
{
	memcpy(current->thread.fpu_state, init_fpstate, sizeof(init_fpstate));
	fpu_load_live(current->thread.fpu_state);
}
