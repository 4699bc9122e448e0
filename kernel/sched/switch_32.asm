; switch_32.asm - the stack switch between two tasks, and where new tasks
; start (Linux: arch/x86/entry/entry_32.S, __switch_to_asm, ret_from_fork).
;
; Called by: context_switch() in kernel/sched/core.c, interrupts off.
;
; A task that is not running has, on top of its kernel stack, the frame
; that __switch_to_asm pushed when it last switched away:
;
;     thread.sp -> esi edi ebx ebp  return-address
;
; Switching = push that frame for prev, save esp in prev->thread.sp, load
; next->thread.sp, pop next's frame and return into next. The other
; registers need no saving: the C caller already treats them as clobbered.
;
; A new task (copy_thread in kernel/fork.c) gets a made-up frame whose
; return address is ret_from_fork, with ebx = the kernel thread function
; (0 for a forked user process) and edi = its argument; above the frame
; sits the struct pt_regs it will return to user mode with.

TASK_threadsp equ 0                ; offsetof(struct task_struct, thread.sp)

section .text

; struct task_struct *__switch_to_asm(struct task_struct *prev,
;                                     struct task_struct *next)
global __switch_to_asm
extern __switch_to
__switch_to_asm:
	mov eax, [esp + 4]              ; prev
	mov edx, [esp + 8]              ; next
	push ebp
	push ebx
	push edi
	push esi
	mov [eax + TASK_threadsp], esp  ; prev->thread.sp = esp
	mov esp, [edx + TASK_threadsp]  ; now on next's stack
	pop esi
	pop edi
	pop ebx
	pop ebp
	push edx
	push eax
	call __switch_to                ; TSS, FPU, current = next; eax = prev
	add esp, 8
	ret                             ; into next: after its own switch, or
	                                ; to ret_from_fork the first time

; First instructions of every new task. eax = the task we switched from.
; Leaves through entry.asm's ret_from_exception, as a system call does:
; prepare_exit_to_usermode() (signals, reschedule), pop pt_regs, iret.
global ret_from_fork
extern schedule_tail
extern ret_from_exception
ret_from_fork:
	push eax
	call schedule_tail              ; release the run queue lock, irqs on
	add esp, 4
	test ebx, ebx
	jz .to_user
	push edi
	call ebx                        ; kernel thread: fn(arg)
	add esp, 4
	; Only a kernel thread that has exec'd a program returns (kernel_init
	; running /sbin/init): its pt_regs now describe the user program.
.to_user:
	jmp ret_from_exception
