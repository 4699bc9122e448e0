; crt0.asm - the first user instructions of every rxos program.
;
; The kernel's execve enters _start in ring 3 with the stack the i386 SysV
; ABI prescribes (what Linux's create_elf_tables builds):
;
;   esp -> argc
;          argv[0] .. argv[argc-1], NULL
;          envp[0] .. NULL
;          auxv pairs .. AT_NULL          (ignored here)
;          the strings themselves
;
; Registers other than esp hold nothing we may rely on. _start finds argv
; and envp, aligns the stack to 16 bytes as gcc expects at a call, and calls
; __libc_start (user/lib/start.c), which runs main and exits with its value.

bits 32
section .text
global _start
extern __libc_start

_start:
	xor ebp, ebp			; outermost frame: gdb backtraces stop here
	mov eax, [esp]			; argc
	lea ebx, [esp + 4]		; argv
	lea ecx, [ebx + eax * 4 + 4]	; envp: just past argv's NULL
	and esp, -16
	sub esp, 4			; 3 pushes + 4 = 16: aligned at the call
	push ecx
	push ebx
	push eax
	call __libc_start		; never returns
	hlt				; a fault here means it did
