/*
 * tty.h - terminals: the tty core and the n_tty line discipline
 * (Linux: include/linux/tty.h, drivers/tty/n_tty.c, drivers/tty/tty_io.c).
 *
 * A tty joins three parties:
 *   driver  (serial UART, VGA+keyboard) - pushes typed bytes in with
 *           tty_insert_chars() from its interrupt handler, and writes bytes
 *           out through tty->ops->write();
 *   n_tty   - the line discipline: line editing (erase, kill), echo, ^C/^\
 *           to signals, ^D as end of file, CR/NL translation, all steered by
 *           struct termios exactly as on Linux;
 *   readers - processes blocked in read() on tty->read_wait until a line
 *           (canonical mode) or a byte (raw mode) is there.
 *
 * Locking: the input buffer is shared between the hardirq that receives and
 * the process that reads; both sides hold tty->lock with interrupts off.
 */
#ifndef RXOS_DRIVERS_TTY_TTY_H
#define RXOS_DRIVERS_TTY_TTY_H

#include "drivers/tty/termios.h"
#ifndef RXOS_HOST_TEST /* host unit tests bring their own wait-queue shim */
#include "kernel/sched/wait.h"
#endif
#include "kernel/spinlock.h"

#define N_TTY_BUF_SIZE 4096 /* power of two: indices wrap with a mask */

struct tty_struct;

struct tty_operations {
	/* Send n bytes to the device. Any context; must not sleep. */
	void (*write)(struct tty_struct *tty, const char *buf, int n);
};

struct tty_struct {
	const char *name; /* "ttyS0", "tty1" */
	int index;
	const struct tty_operations *ops;
	struct termios termios;
	struct winsize winsize;
	int pgrp;    /* foreground process group (0: none) */
	int session; /* session leader's pid for which this is the ctty */

	/* --- n_tty input state, protected by lock with IRQs off --- */
	spinlock_t lock;
	char read_buf[N_TTY_BUF_SIZE];
	unsigned char read_flags[N_TTY_BUF_SIZE / 8]; /* 1 = ends a line */
	unsigned int read_tail;  /* next byte a reader takes */
	unsigned int canon_head; /* end of complete lines (canonical mode) */
	unsigned int read_head;  /* end of everything typed */
	unsigned int column;     /* output column, for erasing tabs */
	unsigned long rx_overruns; /* bytes dropped: buffer full */

	wait_queue_head_t read_wait;
};

/* Bring up the serial and VGA ttys and their /dev nodes (start_kernel). */
void tty_init_devices(void);

/* Set up a tty with Linux's default termios (cooked, echo, ^C = SIGINT). */
void tty_init(struct tty_struct *tty, const char *name, int index,
	      const struct tty_operations *ops);

/* Driver side, any context (normally hardirq): bytes typed by the user. */
void tty_insert_chars(struct tty_struct *tty, const char *cp, int count);

/*
 * Reader side, process context; may sleep. Copies into a KERNEL buffer.
 * Returns bytes read, 0 at end of file (^D on an empty line), -EAGAIN when
 * nonblock and nothing is ready, -EINTR when a signal interrupted the wait.
 */
int n_tty_read(struct tty_struct *tty, char *buf, int nr, int nonblock);
/* Output with OPOST processing (\n -> \r\n under ONLCR). Any context. */
int n_tty_write(struct tty_struct *tty, const char *buf, int nr);
/* Bytes a read would return now (FIONREAD, poll). */
int n_tty_input_available(struct tty_struct *tty);
/* TCGETS, TCSETS*, TIOCGPGRP, TIOCSPGRP, TIOCGWINSZ, ... on KERNEL memory
 * (the caller copies arg from/to user). -ENOTTY for unknown requests. */
long tty_mode_ioctl(struct tty_struct *tty, unsigned int cmd, void *arg);

/* Provided by the signal code: send sig to every process in group pgrp. */
int kill_pgrp(int pgrp, int sig);

#endif
