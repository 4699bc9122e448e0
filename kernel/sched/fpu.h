/*
 * fpu.h - keeping each task's x87 FPU registers its own
 * (Linux: arch/x86/kernel/fpu/core.c).
 *
 * The kernel itself never touches the FPU (-mgeneral-regs-only), but user
 * programs may, so every switch between user tasks saves the registers of
 * the old task (fnsave, 108 bytes) and loads those of the new (frstor).
 * Kernel threads skip both. Linux switches lazily with XSAVE and also saves
 * SSE/AVX state; rxos user programs are built for the x87 only.
 */
#ifndef RXOS_KERNEL_SCHED_FPU_H
#define RXOS_KERNEL_SCHED_FPU_H

#include <stdint.h>

struct task_struct;

/* Boot: take a snapshot of the reset state (fninit) for new programs. */
void fpu_init(void);
/* From __switch_to, interrupts off. */
void fpu_switch(struct task_struct *prev, struct task_struct *next);
/* fork: the child starts with the parent's current registers. */
void fpu_clone(struct task_struct *dst);
/* execve, signal handler entry: start from the reset state. */
void fpu_reset(void);
/* Signal frames: current's live registers to/from a 108-byte image. */
void fpu_save_live(uint8_t *state);
void fpu_load_live(const uint8_t *state);

#define FPU_STATE_SIZE 108

#endif
