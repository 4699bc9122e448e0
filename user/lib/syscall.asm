; syscall.asm - the only place user code enters the kernel: int 0x80.
;
; Linux i386 convention: eax = system call number; arguments in ebx, ecx,
; edx, esi, edi, ebp; result in eax, where -4095..-1 means -errno.
; The i386 C ABI makes ebx, esi, edi and ebp callee-saved, so they are
; saved around the trap.
;
; __syscall0 .. __syscall6 are one routine: it always loads six argument
; registers from the stack. A call with fewer arguments loads words of the
; caller's frame that the kernel ignores for that system call.

bits 32
section .text
global __syscall0, __syscall1, __syscall2, __syscall3
global __syscall4, __syscall5, __syscall6
global __restore_rt, __restore, vfork
extern __syscall_ret

__syscall0:
__syscall1:
__syscall2:
__syscall3:
__syscall4:
__syscall5:
__syscall6:
	push ebp
	push edi
	push esi
	push ebx
	mov eax, [esp + 20]		; nr (4 saved registers + return address)
	mov ebx, [esp + 24]
	mov ecx, [esp + 28]
	mov edx, [esp + 32]
	mov esi, [esp + 36]
	mov edi, [esp + 40]
	mov ebp, [esp + 44]
	int 0x80
	pop ebx
	pop esi
	pop edi
	pop ebp
	ret

; Signal return trampolines: sigaction() stores one as sa_restorer (with
; SA_RESTORER), and a handler returns into it. Linux i386 builds two kinds
; of frame, so there are two, as in glibc: an SA_SIGINFO handler gets an
; rt frame, undone by rt_sigreturn; any other handler the old frame, whose
; signal-number argument is popped before sigreturn (the kernel finds the
; frame at esp - 8). gdb recognises these exact sequences as trampolines.
__restore_rt:
	mov eax, 173			; rt_sigreturn
	int 0x80
	hlt

__restore:
	pop eax
	mov eax, 119			; sigreturn
	int 0x80
	hlt

; vfork: the child runs on the parent's stack until it execs or exits, so
; the return address must not stay on that stack where the child's calls
; would overwrite it: keep it in edx (each process has its own registers).
vfork:
	pop edx
	mov eax, 190			; vfork
	int 0x80
	push edx
	push eax
	call __syscall_ret		; -errno -> -1 and errno
	add esp, 4
	ret
