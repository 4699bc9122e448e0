; entry.asm - how the CPU enters the kernel: exceptions, hardware
; interrupts and the int $0x80 system call (Linux: arch/x86/entry/entry_32.S).
;
; Who jumps here: the CPU, through the IDT that idt.c fills from the two
; tables at the end of this file (exception_entries, irq_entries) and
; entry_INT80_32. Context on arrival:
;   - exceptions and IRQs come through interrupt gates: IF is already 0;
;   - int $0x80 comes through a trap gate: IF stays as it was (1 in user space);
;   - from ring 3 the CPU has switched to TSS.ss0:esp0 and pushed ss, esp
;     first; from ring 0 it stays on the current stack and pushes neither.
; The CPU then pushes eflags, cs, eip and, for some exceptions, an error code.
;
; Every path completes a struct pt_regs (kernel/ptrace.h) on the stack,
; loads the kernel data segment, calls one C function with a pointer to it,
; and leaves through ret_from_intr/restore_all, which pops it and irets.
;
;      higher addresses
;      [ ss      ]  \ only from ring 3
;      [ esp     ]  /
;      [ eflags  ]  \
;      [ cs      ]   > pushed by the CPU
;      [ eip     ]  /
;      [ orig_ax ]  error code / ~irq / syscall nr (stub pushes if the CPU did not)
;      [ gs ] [ fs ] [ es ] [ ds ]
;      [ eax ] [ ebp ] [ edi ] [ esi ] [ edx ] [ ecx ]
;      [ ebx     ]  <- esp = struct pt_regs *
;
; Linux 32-bit has the same frame; it adds ESPFIX (16-bit stack segments),
; SYSENTER, the kernel/user page-table switch (PTI) and tracing hooks.

__KERNEL_DS	equ 0x68	; kernel/segment.h
PT_GS		equ 40		; offsetof(struct pt_regs, gs)
PT_CS		equ 52		; offsetof(struct pt_regs, cs)

extern do_exception
extern do_IRQ
extern do_int80_syscall_32
extern prepare_exit_to_usermode

section .text

; Push fs..ebx (the gs slot is already filled), then switch ds/es to the
; kernel segment: from ring 3 they hold user selectors. cld: the C ABI
; expects the direction flag clear, and user space may have set it.
%macro SAVE_REGS_BELOW_GS 0
	push fs
	push es
	push ds
	push eax
	push ebp
	push edi
	push esi
	push edx
	push ecx
	push ebx
	cld
	mov eax, __KERNEL_DS
	mov ds, eax
	mov es, eax
%endmacro

; ---- exceptions 0-31 ---------------------------------------------------------
; A stub per vector makes every frame the same shape: when the CPU pushed no
; error code the stub pushes 0 in its place. It then parks the vector number
; in the slot where gs goes (Linux 2.6 parked the handler address there) and
; jumps to the common code, which swaps the real gs in.

%macro EXCEPTION 2		; vector, name: the CPU pushes no error code
global %2
%2:
	push 0
	push %1
	jmp common_exception
%endmacro

%macro EXCEPTION_ERRCODE 2	; vector, name: the CPU pushed an error code
global %2
%2:
	push %1
	jmp common_exception
%endmacro

EXCEPTION		0, asm_exc_divide_error
EXCEPTION		1, asm_exc_debug
EXCEPTION		2, asm_exc_nmi
EXCEPTION		3, asm_exc_int3
EXCEPTION		4, asm_exc_overflow
EXCEPTION		5, asm_exc_bounds
EXCEPTION		6, asm_exc_invalid_op
EXCEPTION		7, asm_exc_device_not_available
EXCEPTION_ERRCODE	8, asm_exc_double_fault
EXCEPTION		9, asm_exc_coproc_segment_overrun
EXCEPTION_ERRCODE	10, asm_exc_invalid_tss
EXCEPTION_ERRCODE	11, asm_exc_segment_not_present
EXCEPTION_ERRCODE	12, asm_exc_stack_segment
EXCEPTION_ERRCODE	13, asm_exc_general_protection
EXCEPTION_ERRCODE	14, asm_exc_page_fault
EXCEPTION		15, asm_exc_spurious_interrupt_bug
EXCEPTION		16, asm_exc_coprocessor_error
EXCEPTION_ERRCODE	17, asm_exc_alignment_check
EXCEPTION		18, asm_exc_machine_check
EXCEPTION		19, asm_exc_simd_coprocessor_error
EXCEPTION		20, asm_exc_virtualization
EXCEPTION_ERRCODE	21, asm_exc_control_protection
%assign v 22
%rep 10				; 22-31 are reserved by Intel
	%if v == 29 || v == 30	; #VC and #SX push an error code
		EXCEPTION_ERRCODE v, asm_exc_reserved_ %+ v
	%else
		EXCEPTION v, asm_exc_reserved_ %+ v
	%endif
	%assign v v + 1
%endrep

common_exception:
	SAVE_REGS_BELOW_GS
	mov edx, [esp + PT_GS]		; the vector the stub parked...
	mov [esp + PT_GS], gs		; ...gives way to the real gs
	mov eax, esp
	push edx			; int trapnr
	push eax			; struct pt_regs *regs
	call do_exception
	add esp, 8
	jmp ret_from_exception

; ---- hardware interrupts: IRQ 0-15 at vectors 0x20-0x2f ------------------------
; orig_ax = ~irq, negative, so it can never be taken for a syscall number
; (Linux i386 did the same); do_IRQ() recovers irq = ~regs->orig_ax.

%assign i 0
%rep 16
irq_entry_ %+ i:
	push ~i
	jmp common_interrupt
	%assign i i + 1
%endrep

global common_interrupt
common_interrupt:
	push gs
	SAVE_REGS_BELOW_GS
	mov eax, esp
	push eax
	call do_IRQ
	add esp, 4
	jmp ret_from_intr

; ---- int $0x80: the i386 system call -------------------------------------------
; eax = syscall number, arguments in ebx ecx edx esi edi ebp. orig_ax keeps
; the number; the C side stores the return value in regs->ax, which
; restore_all puts back into eax for user space.

global entry_INT80_32
entry_INT80_32:
	push eax
	push gs
	SAVE_REGS_BELOW_GS
	mov eax, esp
	push eax
	call do_int80_syscall_32
	add esp, 4
	jmp ret_from_exception

; ---- the way out ----------------------------------------------------------------
; Interrupts off from here to iret. Returning to ring 3 first runs
; prepare_exit_to_usermode(regs): where the process code will deliver
; signals and reschedule (Linux: exit_to_user_mode_prepare()). It may
; enable interrupts but must return with them off; the cli after it is
; belt and braces. restore_all is also the tail a new task can jump to with
; a prepared pt_regs on its stack (Linux: ret_from_fork).

global ret_from_exception
global ret_from_intr
global restore_all
ret_from_exception:
ret_from_intr:
	cli
	test byte [esp + PT_CS], 3
	jz restore_all
	mov eax, esp
	push eax
	call prepare_exit_to_usermode
	add esp, 4
	cli
restore_all:
	pop ebx
	pop ecx
	pop edx
	pop esi
	pop edi
	pop ebp
	pop eax
	pop ds
	pop es
	pop fs
	pop gs
	add esp, 4			; orig_ax
	iret

; ---- tables idt.c installs ---------------------------------------------------------
section .rodata
align 4
global exception_entries
exception_entries:
	dd asm_exc_divide_error, asm_exc_debug, asm_exc_nmi, asm_exc_int3
	dd asm_exc_overflow, asm_exc_bounds, asm_exc_invalid_op
	dd asm_exc_device_not_available, asm_exc_double_fault
	dd asm_exc_coproc_segment_overrun, asm_exc_invalid_tss
	dd asm_exc_segment_not_present, asm_exc_stack_segment
	dd asm_exc_general_protection, asm_exc_page_fault
	dd asm_exc_spurious_interrupt_bug, asm_exc_coprocessor_error
	dd asm_exc_alignment_check, asm_exc_machine_check
	dd asm_exc_simd_coprocessor_error, asm_exc_virtualization
	dd asm_exc_control_protection
%assign v 22
%rep 10
	dd asm_exc_reserved_ %+ v
	%assign v v + 1
%endrep

global irq_entries
irq_entries:
%assign i 0
%rep 16
	dd irq_entry_ %+ i
	%assign i i + 1
%endrep
