/*
 * printk.c - the kernel log buffer and console output.
 *
 * Every line is kept in log_buf as "<level>[seconds.micros] text\n" (the form
 * Linux's syslog(2) READ_ALL returns, so our dmesg parses it like util-linux
 * dmesg does), and printed to the consoles when its level is below
 * console_loglevel (set with loglevel= on the command line).
 * The buffer is a ring: when full, the oldest lines are overwritten.
 *
 * Context: any. The log lock is taken with interrupts off, so a hard IRQ
 * handler may printk while process context is printing.
 */
#include "kernel/printk.h"
#include "kernel/params.h"
#include "kernel/spinlock.h"
#include "kernel/time.h"
#include "lib/string.h"
#include "lib/vsprintf.h"

#define LOG_BUF_LEN (64 * 1024)

int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;

static char log_buf[LOG_BUF_LEN];
static unsigned int log_head;  /* total bytes ever written */
static int line_open;          /* last line had no '\n' yet */
static struct console *console_list;
static DEFINE_SPINLOCK(logbuf_lock);

static void log_store(const char *s, unsigned int n)
{
	for (unsigned int i = 0; i < n; i++)
		log_buf[log_head++ % LOG_BUF_LEN] = s[i];
}

static void console_write(const char *s, unsigned int n)
{
	for (struct console *c = console_list; c; c = c->next)
		c->write(c, s, n);
}

/* Split "\001N" off the format; returns the level, or -1 for KERN_CONT. */
static int printk_get_level(const char **fmt)
{
	const char *f = *fmt;

	if (f[0] != KERN_SOH[0] || !f[1])
		return MESSAGE_LOGLEVEL_DEFAULT;
	*fmt = f + 2;
	if (f[1] == 'c')
		return -1;
	if (f[1] >= '0' && f[1] <= '7')
		return f[1] - '0';
	return MESSAGE_LOGLEVEL_DEFAULT;
}

static int format_prefix(char *buf, size_t len, int level)
{
	uint64_t ns = local_clock();
	unsigned long sec = (unsigned long)(ns / 1000000000ULL);
	unsigned long usec = (unsigned long)(ns % 1000000000ULL) / 1000;

	return scnprintf(buf, len, "<%d>[%5lu.%06lu] ", level, sec, usec);
}

int vprintk(const char *fmt, va_list ap)
{
	static int cur_level = MESSAGE_LOGLEVEL_DEFAULT; /* of the open line */
	char line[512], prefix[32];
	unsigned long flags;
	int level = printk_get_level(&fmt);
	int plen = 0, n, tag;

	n = vscnprintf(line, sizeof(line), fmt, ap);
	spin_lock_irqsave(&logbuf_lock, flags);
	if (level >= 0 || !line_open) {
		if (line_open)
			log_store("\n", 1);
		cur_level = level >= 0 ? level : MESSAGE_LOGLEVEL_DEFAULT;
		plen = format_prefix(prefix, sizeof(prefix), cur_level);
		log_store(prefix, plen);
	}
	log_store(line, n);
	line_open = n > 0 && line[n - 1] != '\n';
	if (cur_level < console_loglevel) {
		/* the console shows "[ts] text", without the "<N>" tag */
		tag = plen ? 3 : 0;
		console_write(prefix + tag, plen - tag);
		console_write(line, n);
	}
	spin_unlock_irqrestore(&logbuf_lock, flags);
	return n;
}

int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintk(fmt, ap);
	va_end(ap);
	return n;
}

void register_console(struct console *con)
{
	unsigned long flags;

	spin_lock_irqsave(&logbuf_lock, flags);
	con->next = console_list;
	console_list = con;
	spin_unlock_irqrestore(&logbuf_lock, flags);
}

void unregister_console(struct console *con)
{
	unsigned long flags;

	spin_lock_irqsave(&logbuf_lock, flags);
	for (struct console **pp = &console_list; *pp; pp = &(*pp)->next) {
		if (*pp == con) {
			*pp = con->next;
			break;
		}
	}
	spin_unlock_irqrestore(&logbuf_lock, flags);
}

void console_emergency_write(const char *s)
{
	console_write(s, strlen(s));
}

int log_buf_len(void)
{
	return log_head < LOG_BUF_LEN ? (int)log_head : LOG_BUF_LEN;
}

int log_buf_read_all(char *buf, int len)
{
	unsigned long flags;
	unsigned int start, avail;
	int n;

	spin_lock_irqsave(&logbuf_lock, flags);
	avail = log_head < LOG_BUF_LEN ? log_head : LOG_BUF_LEN;
	n = len < (int)avail ? len : (int)avail;
	/* the newest n bytes */
	start = log_head - n;
	for (int i = 0; i < n; i++)
		buf[i] = log_buf[(start + i) % LOG_BUF_LEN];
	spin_unlock_irqrestore(&logbuf_lock, flags);
	return n;
}

static int __init loglevel_setup(char *val)
{
	unsigned long v;

	if (kstrtoul(val, 10, &v) || v > 15) {
		pr_warn("loglevel=%s: not a number 0-15, keeping %d\n", val,
			console_loglevel);
		return -1;
	}
	console_loglevel = (int)v;
	return 0;
}
__setup("loglevel=", loglevel_setup);

static int __init quiet_setup(char *val)
{
	(void)val;
	console_loglevel = 4;
	return 0;
}
__setup("quiet", quiet_setup);

/*
 * console=ttyS0 / console=tty0 (repeatable). Linux prints to every console
 * named, and the last one named becomes /dev/console; with no console= at
 * all, both of ours stay on. Options such as ",115200n8" are accepted and
 * ignored: the UART always runs at 115200 8N1.
 */
#define MAX_CMDLINE_CONSOLES 4
static char console_names[MAX_CMDLINE_CONSOLES][16];
static int console_names_nr;

static int __init console_setup(char *val)
{
	char *comma = strchr(val, ',');

	if (comma)
		*comma = '\0';
	if (console_names_nr == MAX_CMDLINE_CONSOLES) {
		pr_warn("console=%s: too many consoles, ignored\n", val);
		return -1;
	}
	strlcpy(console_names[console_names_nr++], val, sizeof(console_names[0]));
	return 0;
}
__setup("console=", console_setup);

static int console_named(const char *name)
{
	for (int i = 0; i < console_names_nr; i++)
		if (!strcmp(console_names[i], name))
			return 1;
	return 0;
}

const char *preferred_console(void)
{
	return console_names_nr ? console_names[console_names_nr - 1] : "ttyS0";
}

void console_cmdline_apply(void)
{
	struct console *c, *next;
	int known = 0;

	if (!console_names_nr)
		return;
	for (c = console_list; c; c = c->next)
		known += console_named(c->name);
	if (!known) { /* e.g. console=ttyS9: keep what works, say so */
		pr_warn("console=%s: no such console, keeping all\n",
			preferred_console());
		console_names_nr = 0;
		return;
	}
	for (c = console_list; c; c = next) {
		next = c->next;
		if (!console_named(c->name))
			unregister_console(c);
	}
}
