/*
 * reboot.h - leaving the machine (Linux: kernel/reboot.c).
 */
#ifndef RXOS_KERNEL_REBOOT_H
#define RXOS_KERNEL_REBOOT_H

#include "kernel/kernel.h"

/* Exit codes QEMU reports through isa-debug-exit: (code << 1) | 1. */
#define QEMU_EXIT_PANIC 0x21 /* qemu exits with 67 */

__noreturn void machine_power_off(void);
__noreturn void machine_restart(void);
/* Leave QEMU with an exit status (when -device isa-debug-exit is present). */
void qemu_debug_exit(int code);

#endif
