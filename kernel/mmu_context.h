/*
 * mmu_context.h - loading a process's page tables on a task switch
 * (Linux: include/linux/mmu_context.h, arch/x86/include/asm/mmu_context.h).
 */
#ifndef RXOS_KERNEL_MMU_CONTEXT_H
#define RXOS_KERNEL_MMU_CONTEXT_H

struct mm_struct;

/* Load mm's page directory into CR3. Interrupts off or process context. */
void activate_mm(struct mm_struct *mm);
/* Load the kernel-only page directory (before freeing the current mm). */
void activate_kernel_mm(void);

#endif
