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
/* proc_pid.c, proc_stat.c: /proc/PID/... and /proc/stat, uptime... */
void proc_pid_init(void);
void proc_stat_init(void);
struct file;

#endif
