/*
 * printk.h - the kernel log (Linux: include/linux/printk.h, kern_levels.h).
 *
 * printk(KERN_INFO "eth0: link up\n") formats into the log buffer with a
 * Linux-style "[    1.234567] " timestamp and, when the level is below
 * console_loglevel, writes the line to every registered console. Callable from
 * any context: it takes the log lock with interrupts off.
 */
#ifndef RXOS_KERNEL_PRINTK_H
#define RXOS_KERNEL_PRINTK_H

#include "kernel/kernel.h"

#define KERN_SOH "\001"
#define KERN_EMERG KERN_SOH "0"
#define KERN_ALERT KERN_SOH "1"
#define KERN_CRIT KERN_SOH "2"
#define KERN_ERR KERN_SOH "3"
#define KERN_WARNING KERN_SOH "4"
#define KERN_NOTICE KERN_SOH "5"
#define KERN_INFO KERN_SOH "6"
#define KERN_DEBUG KERN_SOH "7"
#define KERN_CONT KERN_SOH "c"

#define MESSAGE_LOGLEVEL_DEFAULT 4
#define CONSOLE_LOGLEVEL_DEFAULT 7

/* A console is any device printk lines go to (serial, VGA). */
struct console {
	const char *name;
	void (*write)(struct console *con, const char *s, unsigned int n);
	struct console *next;
};

extern int console_loglevel;

__printf(1, 2) int printk(const char *fmt, ...);
int vprintk(const char *fmt, va_list ap);
void register_console(struct console *con);
void unregister_console(struct console *con);

/*
 * Copy the log (oldest first) into buf as "<level>[ts] text\n" lines, as
 * syslog(SYSLOG_ACTION_READ_ALL) does on Linux. Returns bytes copied.
 */
int log_buf_read_all(char *buf, int len);
int log_buf_len(void);
/* After command-line parsing: keep only the consoles console= named. */
void console_cmdline_apply(void);
/* Name of the console /dev/console refers to ("ttyS0" by default). */
const char *preferred_console(void);
/* Write straight to the consoles, bypassing the lock: for panic only. */
void console_emergency_write(const char *s);

#define pr_emerg(fmt, ...) printk(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...) printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...) printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice(fmt, ...) printk(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...) printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_debug(fmt, ...) printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_cont(fmt, ...) printk(KERN_CONT fmt, ##__VA_ARGS__)
#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif

#endif
