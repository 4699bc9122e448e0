/*
 * console_fallback.c - a bare serial console file for init when there is
 * no /dev/console (no tty layer linked in yet).
 *
 * kernel_init opens /dev/console as init's stdin/stdout/stderr. If that
 * fails, it gets this file instead: writes go straight to ttyS0 (with
 * "\n" -> "\r\n"), and typed bytes come from the UART's receive hook, are
 * echoed, edited (backspace) and handed to read() a line at a time - just
 * enough of a terminal for a shell prompt. The real tty layer
 * (drivers/tty, n_tty) replaces it as soon as it registers /dev/console:
 * no termios, no signals from ^C, no job control here.
 *
 * Context: the receive hook runs in hardirq context; read/write/poll in
 * process context. cons.lock (interrupts off) guards the buffers.
 */
#include "drivers/tty/serial.h"
#include "kernel/errno.h"
#include "kernel/fs/fs.h"
#include "kernel/poll.h"
#include "kernel/sched/sched.h"
#include "kernel/uaccess.h"
#include "lib/string.h"

#define CONS_PORT 0
#define LINE_MAX_LEN 256
#define READY_SIZE 1024 /* power of two */
#define TCGETS 0x5401
#define TIOCGPGRP 0x540F
#define TIOCSPGRP 0x5410
#define TIOCGWINSZ 0x5413

static struct {
	spinlock_t lock;
	char line[LINE_MAX_LEN]; /* being typed */
	unsigned int len;
	char ready[READY_SIZE]; /* finished lines, for read() */
	unsigned int head, tail;
	int pgrp; /* TIOCSPGRP's, echoed back by TIOCGPGRP */
	wait_queue_head_t wait;
} cons = { .lock = __SPIN_LOCK_UNLOCKED(cons.lock),
	   .wait = __WAIT_QUEUE_HEAD_INITIALIZER(cons.wait) };

static void cons_echo(const char *s, unsigned int n)
{
	for (unsigned int i = 0; i < n; i++) {
		if (s[i] == '\n')
			serial_putc(CONS_PORT, '\r');
		serial_putc(CONS_PORT, s[i]);
	}
}

/* A finished line moves to the ready ring (dropped if it is full). */
static void cons_commit_line(void)
{
	for (unsigned int i = 0; i < cons.len; i++)
		if (cons.head - cons.tail < READY_SIZE)
			cons.ready[cons.head++ % READY_SIZE] = cons.line[i];
	cons.len = 0;
	wake_up_interruptible(&cons.wait);
}

/* The UART's receive hook: hardirq, interrupts off. */
static void cons_rx(int port, char c)
{
	if (c == '\r')
		c = '\n';
	if (c == 0x7f || c == '\b') {
		if (cons.len) {
			cons.len--;
			serial_write(CONS_PORT, "\b \b", 3);
		}
		return;
	}
	cons_echo(&c, 1);
	cons.line[cons.len++] = c;
	if (c == '\n' || cons.len == LINE_MAX_LEN)
		cons_commit_line();
}

static int cons_has_input(void)
{
	return cons.head != cons.tail;
}

/* One line at most per read, as a canonical terminal gives. */
static ssize_t cons_read(struct file *file, char *buf, size_t count,
			 loff_t *pos)
{
	unsigned long flags;
	size_t n = 0;

	if (!count)
		return 0;
	if (wait_event_interruptible(cons.wait, cons_has_input()))
		return -ERESTARTSYS;
	spin_lock_irqsave(&cons.lock, flags);
	while (n < count && cons_has_input()) {
		buf[n] = cons.ready[cons.tail++ % READY_SIZE];
		if (buf[n++] == '\n')
			break;
	}
	spin_unlock_irqrestore(&cons.lock, flags);
	return n;
}

static ssize_t cons_write(struct file *file, const char *buf, size_t count,
			  loff_t *pos)
{
	cons_echo(buf, count);
	return count;
}

static unsigned int cons_poll(struct file *file, poll_table *pt)
{
	poll_wait(file, &cons.wait, pt);
	return EPOLLOUT | EPOLLWRNORM | (cons_has_input() ? EPOLLIN | EPOLLRDNORM : 0);
}

/* Enough for isatty() and a shell's job control calls to succeed. */
static long cons_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	static const unsigned int termios[9] = {
		0x0100, /* c_iflag ICRNL */
		0x0005, /* c_oflag OPOST|ONLCR */
		0x00bf, /* c_cflag B38400|CS8|CREAD */
		0x803b, /* c_lflag ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN */
	};
	static const unsigned short winsize[4] = { 24, 80, 0, 0 };
	void __user *up = (void __user *)arg;

	switch (cmd) {
	case TCGETS:
		return copy_to_user(up, termios, 36) ? -EFAULT : 0;
	case TIOCGWINSZ:
		return copy_to_user(up, winsize, sizeof(winsize)) ? -EFAULT : 0;
	case TIOCGPGRP:
		return put_user(cons.pgrp ? cons.pgrp : current->pgrp, (int *)up);
	case TIOCSPGRP:
		return get_user(cons.pgrp, (int *)up);
	default:
		return cmd >= 0x5402 && cmd <= 0x5404 ? 0 : -ENOTTY; /* TCSETS* */
	}
}

static const struct file_operations console_fallback_fops = {
	.read = cons_read,
	.write = cons_write,
	.poll = cons_poll,
	.unlocked_ioctl = cons_ioctl,
};

/* kernel_init: a console file when /dev/console cannot be opened. */
int open_console_fallback(struct file **res)
{
	int err = alloc_file_pseudo(S_IFCHR | 0600, O_RDWR,
				    &console_fallback_fops, NULL, res);

	if (!err)
		serial_set_rx_handler(CONS_PORT, cons_rx);
	return err;
}
