/*
 * tty_io.c - terminals as files: /dev/ttyS0, /dev/ttyS1, /dev/tty1 (VGA),
 * /dev/console and /dev/tty (Linux: drivers/tty/tty_io.c).
 *
 * Who calls what:
 *   tty_init_devices()  start_kernel, process context: sets up the ttys,
 *                       hooks the UART receive interrupt and the keyboard,
 *                       registers the /dev nodes.
 *   serial_rx()         hardirq (IRQ 4/3): one received byte -> n_tty.
 *   tty_read/write/...  process context, through the VFS on behalf of
 *                       read(2), write(2), poll(2), ioctl(2).
 *
 * The VFS hands read/write KERNEL buffers (the syscall layer copies to and
 * from user space); ioctl gets the raw user argument, so tty_ioctl copies it.
 * Controlling terminal: as on Linux, a session leader that opens a tty
 * without O_NOCTTY, and has none, acquires it (or asks with TIOCSCTTY); its
 * foreground process group is then the one ^C signals. Linux adds hangup,
 * job-control stops and pseudo-terminals; rxos leaves them out.
 */
#include "drivers/tty/keyboard.h"
#include "drivers/tty/serial.h"
#include "drivers/tty/tty.h"
#include "drivers/tty/vga.h"
#include "kernel/errno.h"
#include "kernel/fs/fs.h"
#include "kernel/poll.h"
#include "kernel/printk.h"
#include "kernel/sched/sched.h"
#include "kernel/uaccess.h"
#include "lib/string.h"

#define TTY_MAJOR 4
#define TTYAUX_MAJOR 5
#define TTYS_MINOR_BASE 64
#define VGA_TTY_MINOR 1

static struct tty_struct serial_ttys[SERIAL_NR_PORTS];
static struct tty_struct vga_tty;

/* ---- drivers' output and input --------------------------------------- */

/* Raw bytes: n_tty already turned \n into \r\n under ONLCR. */
static void serial_tty_write(struct tty_struct *tty, const char *buf, int n)
{
	for (int i = 0; i < n; i++)
		serial_putc(tty->index, buf[i]);
}

static const struct tty_operations serial_tty_ops = {
	.write = serial_tty_write,
};

static void vga_tty_write(struct tty_struct *tty, const char *buf, int n)
{
	vga_write(buf, (unsigned int)n);
}

static const struct tty_operations vga_tty_ops = {
	.write = vga_tty_write,
};

/* Hardirq context: the UART's receive interrupt handed us a byte. */
static void serial_rx(int port, char c)
{
	tty_insert_chars(&serial_ttys[port], &c, 1);
}

/* ---- which tty a device node means ------------------------------------ */

static struct tty_struct *tty_by_name(const char *name)
{
	if (!strcmp(name, "ttyS0"))
		return &serial_ttys[0];
	if (!strcmp(name, "ttyS1"))
		return &serial_ttys[1];
	if (!strcmp(name, "tty0") || !strcmp(name, "tty1"))
		return &vga_tty;
	return NULL;
}

/* /dev/console is the last console= named (Linux: the preferred console). */
static struct tty_struct *console_tty(void)
{
	struct tty_struct *tty = tty_by_name(preferred_console());

	return tty ? tty : &serial_ttys[0];
}

static struct tty_struct *tty_lookup(dev_t dev)
{
	unsigned int major = MAJOR(dev), minor = MINOR(dev);

	if (major == TTY_MAJOR && minor >= TTYS_MINOR_BASE &&
	    minor < TTYS_MINOR_BASE + SERIAL_NR_PORTS)
		return &serial_ttys[minor - TTYS_MINOR_BASE];
	if (major == TTY_MAJOR && minor <= VGA_TTY_MINOR)
		return &vga_tty;
	if (major == TTYAUX_MAJOR && minor == 1)
		return console_tty();
	if (major == TTYAUX_MAJOR && minor == 0) /* /dev/tty: our ctty */
		return current->tty;
	return NULL;
}

/* ---- file operations ---------------------------------------------------- */

/* A session leader without a terminal acquires this one (Linux's rule). */
static void tty_maybe_set_ctty(struct tty_struct *tty, struct file *file)
{
	struct task_struct *p = current;

	if (file->f_flags & O_NOCTTY)
		return;
	if (p->pid != p->session || p->tty || tty->session)
		return;
	p->tty = tty;
	tty->session = p->session;
	tty->pgrp = p->pgrp;
}

static int tty_open(struct inode *inode, struct file *file)
{
	struct tty_struct *tty = tty_lookup(inode->i_rdev);

	if (!tty)
		return -ENXIO;
	file->private_data = tty;
	tty_maybe_set_ctty(tty, file);
	return 0;
}

static ssize_t tty_read(struct file *file, char *buf, size_t count, loff_t *pos)
{
	struct tty_struct *tty = file->private_data;
	int nr = count > 0x7fffffff ? 0x7fffffff : (int)count;

	return n_tty_read(tty, buf, nr, file->f_flags & O_NONBLOCK);
}

static ssize_t tty_write(struct file *file, const char *buf, size_t count,
			 loff_t *pos)
{
	struct tty_struct *tty = file->private_data;

	return n_tty_write(tty, buf, (int)count);
}

static unsigned int tty_poll(struct file *file, poll_table *pt)
{
	struct tty_struct *tty = file->private_data;
	unsigned int mask = POLLOUT | POLLWRNORM; /* output never blocks */

	poll_wait(file, &tty->read_wait, pt);
	if (n_tty_input_available(tty) > 0)
		mask |= POLLIN | POLLRDNORM;
	return mask;
}

/* How many bytes each ioctl moves, and in which direction. */
static int tty_ioctl_size(unsigned int cmd, int *to_user)
{
	*to_user = 1;
	switch (cmd) {
	case TCGETS: return sizeof(struct termios);
	case TIOCGWINSZ: return sizeof(struct winsize);
	case TIOCGPGRP: case TIOCGSID: case FIONREAD: return sizeof(int);
	}
	*to_user = 0;
	switch (cmd) {
	case TCSETS: case TCSETSW: case TCSETSF: return sizeof(struct termios);
	case TIOCSWINSZ: return sizeof(struct winsize);
	case TIOCSPGRP: return sizeof(int);
	}
	return -1;
}

/* TIOCSCTTY / TIOCNOTTY: take or give up the controlling terminal. */
static long tty_ctty_ioctl(struct tty_struct *tty, unsigned int cmd)
{
	struct task_struct *p = current;

	if (cmd == TIOCNOTTY) {
		if (p->tty != tty)
			return -ENOTTY;
		p->tty = NULL;
		return 0;
	}
	if (p->pid != p->session)
		return -EPERM; /* only a session leader may */
	if (p->tty == tty)
		return 0;
	p->tty = tty;
	tty->session = p->session;
	tty->pgrp = p->pgrp;
	return 0;
}

static long tty_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct tty_struct *tty = file->private_data;
	char kbuf[sizeof(struct termios)];
	int to_user, size;
	long ret;

	if (cmd == TIOCSCTTY || cmd == TIOCNOTTY)
		return tty_ctty_ioctl(tty, cmd);
	size = tty_ioctl_size(cmd, &to_user);
	if (size < 0)
		return -ENOTTY;
	if (!to_user && copy_from_user(kbuf, (const void __user *)arg, size))
		return -EFAULT;
	ret = tty_mode_ioctl(tty, cmd, kbuf);
	if (ret == 0 && to_user && copy_to_user((void __user *)arg, kbuf, size))
		return -EFAULT;
	return ret;
}

static const struct file_operations tty_fops = {
	.open = tty_open,
	.read = tty_read,
	.write = tty_write,
	.poll = tty_poll,
	.unlocked_ioctl = tty_ioctl,
};

/* ---- bring-up -------------------------------------------------------------- */

static void tty_register_nodes(void)
{
	register_chrdev_node("ttyS0", 0620, MKDEV(TTY_MAJOR, TTYS_MINOR_BASE), &tty_fops);
	register_chrdev_node("ttyS1", 0620, MKDEV(TTY_MAJOR, TTYS_MINOR_BASE + 1), &tty_fops);
	register_chrdev_node("tty0", 0620, MKDEV(TTY_MAJOR, 0), &tty_fops);
	register_chrdev_node("tty1", 0620, MKDEV(TTY_MAJOR, VGA_TTY_MINOR), &tty_fops);
	register_chrdev_node("tty", 0666, MKDEV(TTYAUX_MAJOR, 0), &tty_fops);
	register_chrdev_node("console", 0600, MKDEV(TTYAUX_MAJOR, 1), &tty_fops);
}

/* Process context, at boot, after the VFS and the interrupt code are up. */
void tty_init_devices(void)
{
	static const char *const names[SERIAL_NR_PORTS] = { "ttyS0", "ttyS1" };

	for (int i = 0; i < SERIAL_NR_PORTS; i++) {
		tty_init(&serial_ttys[i], names[i], i, &serial_tty_ops);
		serial_set_rx_handler(i, serial_rx);
	}
	tty_init(&vga_tty, "tty1", 0, &vga_tty_ops);
	i8042_kbd_init(&vga_tty);
	tty_register_nodes();
	pr_info("tty: ttyS0 ttyS1 tty1; console is %s\n", preferred_console());
}
