/*
 * shim_printk.h - printk for host unit tests: lines go to a buffer the test
 * can search (host_log_has), and to stdout when host_log_echo is set.
 * Include after lib/vsprintf.c (it formats with the kernel's vsnprintf).
 */
#ifndef RXOS_TESTS_UNIT_SHIM_PRINTK_H
#define RXOS_TESTS_UNIT_SHIM_PRINTK_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static char host_log[1 << 16];
static size_t host_log_len;
static int host_log_echo;

int printk(const char *fmt, ...)
{
	char line[1024];
	va_list ap;
	int n;

	/* drop the KERN_<level> prefix ("\001" + digit) */
	if (fmt[0] == '\001' && fmt[1])
		fmt += 2;
	va_start(ap, fmt);
	n = vscnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (host_log_len + n + 1 > sizeof(host_log))
		host_log_len = 0;
	memcpy(host_log + host_log_len, line, n + 1);
	host_log_len += n;
	if (host_log_echo)
		fputs(line, stdout);
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

#endif
