/*
 * shim_irq.h - host stand-ins for what the interrupt/time core calls
 * outside the files under test: printk (into a buffer the test can search),
 * local_clock (a variable the test moves), jiffies and sprint_symbol; and
 * the kernel's own lib/ string and printf code, which /proc formatting uses.
 * Include after unit.h and before the kernel .c files.
 */
#ifndef RXOS_TESTS_SHIM_IRQ_H
#define RXOS_TESTS_SHIM_IRQ_H

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "lib/string.c"
#include "lib/vsprintf.c"

static char host_log[65536];
static size_t host_log_len;

int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	if (fmt[0] == '\001' && fmt[1])
		fmt += 2; /* the KERN_<level> prefix */
	va_start(ap, fmt);
	n = vsnprintf(host_log + host_log_len, sizeof(host_log) - host_log_len,
		      fmt, ap);
	va_end(ap);
	if (n > 0 && host_log_len + n < sizeof(host_log))
		host_log_len += n;
	return n;
}

static void host_log_clear(void)
{
	host_log_len = 0;
	host_log[0] = '\0';
}

static int host_log_has(const char *s)
{
	return strstr(host_log, s) != NULL;
}

#ifndef SHIM_NO_CLOCK
volatile unsigned long jiffies;
static uint64_t host_clock_ns;

uint64_t local_clock(void)
{
	return host_clock_ns;
}
#endif

int sprint_symbol(char *buf, size_t len, unsigned long addr)
{
	return snprintf(buf, len, "handler_%lx", addr & 0xff);
}

#endif
