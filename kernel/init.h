/*
 * init.h - the end of boot (Linux: include/linux/init.h, init/main.c).
 */
#ifndef RXOS_KERNEL_INIT_H
#define RXOS_KERNEL_INIT_H

#include "kernel/kernel.h"

/* The last call of start_kernel: create pid 1 and pid 2, become idle. */
__noreturn void rest_init(void);

/* Called by kernel_init (pid 1), in process context. */
void spawn_ksoftirqd(void);	/* ksoftirqd.c */
void timekeeping_init(void);	/* sys_time.c: the wall clock from the RTC */
struct file;
/* console_fallback.c: ttyS0 as a file, for when there is no tty layer. */
int open_console_fallback(struct file **res);

#endif
