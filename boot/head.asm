; head.asm - the first instructions rxos runs.
;
; Who calls it: GRUB or `qemu-system-i386 -kernel` (multiboot v1) jumps to
; `_start` in 32-bit protected mode with paging off, EAX = multiboot magic and
; EBX = physical address of the multiboot info. Interrupts are off.
;
; What it does, in order (Linux: arch/x86/kernel/head_32.S):
;   1. build a boot page directory that maps the first 16 MiB of RAM twice:
;      at 0 (so the next instruction after enabling paging still exists) and
;      at PAGE_OFFSET = 0xC0000000, where the kernel is linked;
;   2. turn on 4 MiB pages (CR4.PSE) and paging (CR0.PG), jump high;
;   3. set a stack and call start_kernel(magic, mbi) in C.
; The identity map is removed later by paging_init(); 16 MiB is enough for
; the kernel image, the initramfs module and the first page tables.

MB_MAGIC    equ 0x1BADB002
MB_FLAGS    equ (1 << 0) | (1 << 1)     ; modules page-aligned, want memory map
MB_CHECKSUM equ -(MB_MAGIC + MB_FLAGS)

PAGE_OFFSET equ 0xC0000000
PDE_4M      equ 0x83                    ; present | writable | 4 MiB page
BOOT_MAPPED_MB equ 16

section .multiboot
align 4
	dd MB_MAGIC
	dd MB_FLAGS
	dd MB_CHECKSUM

section .bss
align 4096
global boot_page_dir
boot_page_dir:
	resb 4096
align 16
global boot_stack_bottom
boot_stack_bottom:
	resb 16384                      ; init task's kernel stack (THREAD_SIZE)
global boot_stack_top
boot_stack_top:

section .text.head
global _start
_start:
	cli
	mov esi, eax                    ; keep magic and mbi: C wants them
	mov edi, ebx

	; 1. fill the boot page directory (addresses are physical here)
	mov ebx, boot_page_dir - PAGE_OFFSET
	xor ecx, ecx
.fill:
	mov eax, ecx
	shl eax, 22                     ; physical base of this 4 MiB page
	or eax, PDE_4M
	mov [ebx + ecx * 4], eax                     ; identity slot
	mov [ebx + ecx * 4 + (PAGE_OFFSET >> 20)], eax ; high slot (PDE 768+)
	inc ecx
	cmp ecx, BOOT_MAPPED_MB / 4
	jne .fill

	; 2. PSE on, load CR3, paging on, then jump to the high address
	mov eax, cr4
	or eax, 0x10
	mov cr4, eax
	mov cr3, ebx
	mov eax, cr0
	or eax, 0x80010000              ; PG | WP (honour read-only pages in ring 0)
	mov cr0, eax
	lea eax, [.high]
	jmp eax
.high:
	; 3. stack, clean frame chain for backtraces, call C
	mov esp, boot_stack_top
	xor ebp, ebp
	push edi                        ; struct multiboot_info * (physical)
	push esi                        ; magic
	extern start_kernel
	call start_kernel
.hang:
	cli
	hlt
	jmp .hang
