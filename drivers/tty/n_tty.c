/*
 * n_tty.c - the default line discipline (Linux: drivers/tty/n_tty.c).
 *
 * Input path (hardirq, from the UART or keyboard interrupt):
 *   tty_insert_chars -> n_tty_receive_char -> input translation (ICRNL...)
 *     -> ISIG: ^C/^\/^Z become SIGINT/SIGQUIT/SIGTSTP to the foreground group
 *     -> ICANON: erase/kill/werase edit the current line; \n, EOL and ^D
 *        complete it (canon_head moves up) and wake the readers
 *     -> raw: every byte is readable at once
 *   echo goes back out through tty->ops->write as it happens.
 * Read path (process context): n_tty_read sleeps on read_wait until input is
 * available, then copies at most one line (canonical) or what is there (raw).
 *
 * The buffer is a ring of N_TTY_BUF_SIZE bytes with three indices:
 *     read_tail <= canon_head <= read_head     (all counting up, masked)
 * [read_tail, canon_head) are finished lines, [canon_head, read_head) the
 * line being edited. A set bit in read_flags marks a byte that ends a line;
 * an end-of-file mark is the VEOF byte itself and is not copied to readers.
 * Simplified from Linux: no job-control stops (SIGTTIN/SIGTTOU), no IXON flow
 * control, no VLNEXT/VREPRINT/VDISCARD, no PARMRK.
 */
#include "drivers/tty/tty.h"
#include "kernel/errno.h"
#include "lib/string.h"

#define SIGINT 2
#define SIGQUIT 3
#define SIGTSTP 20
#define MASK(x) ((x) & (N_TTY_BUF_SIZE - 1))
#define L_FLAG(tty, f) ((tty)->termios.c_lflag & (f))
#define I_FLAG(tty, f) ((tty)->termios.c_iflag & (f))
#define O_FLAG(tty, f) ((tty)->termios.c_oflag & (f))
#define CC(tty, v) ((tty)->termios.c_cc[v])

void tty_init(struct tty_struct *tty, const char *name, int index,
	      const struct tty_operations *ops)
{
	memset(tty, 0, sizeof(*tty));
	tty->name = name;
	tty->index = index;
	tty->ops = ops;
	tty->termios.c_iflag = ICRNL | IXON;
	tty->termios.c_oflag = OPOST | ONLCR;
	tty->termios.c_cflag = B38400 | CS8 | CREAD | HUPCL;
	tty->termios.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL |
			       ECHOKE | IEXTEN;
	memcpy(tty->termios.c_cc, INIT_C_CC, NCCS);
	tty->winsize.ws_row = 24;
	tty->winsize.ws_col = 80;
	spin_lock_init(&tty->lock);
	init_waitqueue_head(&tty->read_wait);
}

/* ---- output ------------------------------------------------------------ */

static void tty_put(struct tty_struct *tty, const char *s, int n)
{
	for (int i = 0; i < n; i++) {
		if (s[i] == '\n' || s[i] == '\r')
			tty->column = 0;
		else if (s[i] == '\b')
			tty->column -= tty->column > 0;
		else if (s[i] == '\t')
			tty->column = (tty->column | 7) + 1;
		else
			tty->column++;
	}
	tty->ops->write(tty, s, n);
}

/* One output byte with OPOST/ONLCR/OCRNL applied. */
static void do_output_char(struct tty_struct *tty, char c)
{
	if (O_FLAG(tty, OPOST)) {
		if (c == '\n' && O_FLAG(tty, ONLCR)) {
			tty_put(tty, "\r\n", 2);
			return;
		}
		if (c == '\r' && O_FLAG(tty, OCRNL))
			c = '\n';
	}
	tty_put(tty, &c, 1);
}

int n_tty_write(struct tty_struct *tty, const char *buf, int nr)
{
	for (int i = 0; i < nr; i++)
		do_output_char(tty, buf[i]);
	return nr;
}

/* Echo a typed byte; control characters as ^X under ECHOCTL. */
static void echo_char(struct tty_struct *tty, unsigned char c)
{
	if (!L_FLAG(tty, ECHO))
		return;
	if (L_FLAG(tty, ECHOCTL) && c < 32 && c != '\n' && c != '\t') {
		char s[2] = { '^', (char)(c + '@') };
		tty_put(tty, s, 2);
		return;
	}
	do_output_char(tty, (char)c);
}

/* ---- input ------------------------------------------------------------- */

static int is_line_end(struct tty_struct *tty, unsigned int i)
{
	i = MASK(i);
	return tty->read_flags[i / 8] & (1 << (i % 8));
}

static void set_line_end(struct tty_struct *tty, unsigned int i, int on)
{
	i = MASK(i);
	if (on)
		tty->read_flags[i / 8] |= (unsigned char)(1 << (i % 8));
	else
		tty->read_flags[i / 8] &= (unsigned char)~(1 << (i % 8));
}

/* Queue one byte; a full buffer drops it and counts an overrun. */
static int put_tty_queue(struct tty_struct *tty, char c, int line_end)
{
	/* keep one slot so a line terminator always fits when editing */
	if (tty->read_head - tty->read_tail >= N_TTY_BUF_SIZE - 1) {
		tty->rx_overruns++;
		return -1;
	}
	tty->read_buf[MASK(tty->read_head)] = c;
	set_line_end(tty, tty->read_head, line_end);
	tty->read_head++;
	return 0;
}

/* Finished a line (or raw byte): readers may take up to read_head. */
static void commit_input(struct tty_struct *tty)
{
	tty->canon_head = tty->read_head;
	wake_up_interruptible(&tty->read_wait);
}

/* Remove the last typed byte of the current line; echo the erase. */
static int erase_one(struct tty_struct *tty)
{
	unsigned char c;

	if (tty->read_head == tty->canon_head)
		return 0;
	tty->read_head--;
	c = (unsigned char)tty->read_buf[MASK(tty->read_head)];
	if (L_FLAG(tty, ECHO) && L_FLAG(tty, ECHOE)) {
		int width = (c < 32 && L_FLAG(tty, ECHOCTL) && c != '\t') ? 2 : 1;
		for (int i = 0; i < width; i++)
			tty_put(tty, "\b \b", 3);
	}
	return 1;
}

static int is_word_char(char c)
{
	return c != ' ' && c != '\t';
}

/* VERASE, VWERASE, VKILL in canonical mode. */
static void eraser(struct tty_struct *tty, unsigned char c)
{
	if (c == CC(tty, VERASE)) {
		erase_one(tty);
	} else if (c == CC(tty, VWERASE) && L_FLAG(tty, IEXTEN)) {
		while (tty->read_head != tty->canon_head &&
		       !is_word_char(tty->read_buf[MASK(tty->read_head - 1)]))
			erase_one(tty);
		while (tty->read_head != tty->canon_head &&
		       is_word_char(tty->read_buf[MASK(tty->read_head - 1)]))
			erase_one(tty);
	} else { /* VKILL */
		while (erase_one(tty))
			;
	}
}

/* ^C and friends: flush typed input, echo, signal the foreground group. */
static void isig(struct tty_struct *tty, int sig, unsigned char c)
{
	if (!L_FLAG(tty, NOFLSH))
		tty->read_head = tty->canon_head = tty->read_tail;
	echo_char(tty, c); /* "^C"; the shell starts the new line itself */
	if (tty->pgrp > 0)
		kill_pgrp(tty->pgrp, sig);
	/* a reader that now has nothing must re-check (signal or not) */
	wake_up_interruptible(&tty->read_wait);
}

static int handle_isig(struct tty_struct *tty, unsigned char c)
{
	int sig = 0;

	if (!L_FLAG(tty, ISIG))
		return 0;
	if (c == CC(tty, VINTR))
		sig = SIGINT;
	else if (c == CC(tty, VQUIT))
		sig = SIGQUIT;
	else if (c == CC(tty, VSUSP))
		sig = SIGTSTP;
	if (!sig || c == 0) /* c_cc value 0 means "disabled" */
		return 0;
	isig(tty, sig, c);
	return 1;
}

static int is_eraser(struct tty_struct *tty, unsigned char c)
{
	return c == CC(tty, VERASE) || c == CC(tty, VKILL) ||
	       (c == CC(tty, VWERASE) && L_FLAG(tty, IEXTEN));
}

/* Canonical mode: returns 1 when the byte was consumed by line editing. */
static int receive_canon(struct tty_struct *tty, unsigned char c)
{
	if (c && is_eraser(tty, c)) {
		eraser(tty, c);
		return 1;
	}
	if (c == '\n' || (c && (c == CC(tty, VEOL) || c == CC(tty, VEOL2)))) {
		if (put_tty_queue(tty, (char)c, 1) == 0) {
			if (c == '\n' ? L_FLAG(tty, ECHO | ECHONL) : L_FLAG(tty, ECHO))
				do_output_char(tty, (char)c);
			commit_input(tty);
		}
		return 1;
	}
	if (c && c == CC(tty, VEOF)) {
		/* ^D: the line so far becomes readable; on an empty line, EOF */
		if (put_tty_queue(tty, (char)c, 1) == 0)
			commit_input(tty);
		return 1;
	}
	return 0;
}

/* Input translation: ISTRIP, IGNCR, ICRNL, INLCR. Returns -1 to drop. */
static int translate_input(struct tty_struct *tty, unsigned char c)
{
	if (I_FLAG(tty, ISTRIP))
		c &= 0x7f;
	if (c == '\r') {
		if (I_FLAG(tty, IGNCR))
			return -1;
		if (I_FLAG(tty, ICRNL))
			return '\n';
	} else if (c == '\n' && I_FLAG(tty, INLCR)) {
		return '\r';
	}
	return c;
}

static void n_tty_receive_char(struct tty_struct *tty, unsigned char raw)
{
	int t = translate_input(tty, raw);
	unsigned char c = (unsigned char)t;

	if (t < 0 || handle_isig(tty, c))
		return;
	if (L_FLAG(tty, ICANON)) {
		if (receive_canon(tty, c))
			return;
		/* keep the last slot free for the line terminator */
		if (tty->read_head - tty->read_tail >= N_TTY_BUF_SIZE - 2) {
			tty->rx_overruns++;
			return;
		}
		if (put_tty_queue(tty, (char)c, 0) == 0)
			echo_char(tty, c);
		return;
	}
	if (put_tty_queue(tty, (char)c, 0) == 0) {
		echo_char(tty, c);
		commit_input(tty);
	}
}

void tty_insert_chars(struct tty_struct *tty, const char *cp, int count)
{
	unsigned long flags;

	spin_lock_irqsave(&tty->lock, flags);
	for (int i = 0; i < count; i++)
		n_tty_receive_char(tty, (unsigned char)cp[i]);
	spin_unlock_irqrestore(&tty->lock, flags);
}

/* ---- read -------------------------------------------------------------- */

static int input_available_locked(struct tty_struct *tty)
{
	if (L_FLAG(tty, ICANON))
		return tty->canon_head != tty->read_tail;
	return tty->read_head != tty->read_tail;
}

int n_tty_input_available(struct tty_struct *tty)
{
	unsigned long flags;
	int n;

	spin_lock_irqsave(&tty->lock, flags);
	n = (int)((L_FLAG(tty, ICANON) ? tty->canon_head : tty->read_head) -
		  tty->read_tail);
	spin_unlock_irqrestore(&tty->lock, flags);
	return n;
}

/* Canonical: copy up to and including one line end; EOF byte not copied. */
static int copy_canon(struct tty_struct *tty, char *buf, int nr)
{
	int n = 0;

	while (n < nr && tty->read_tail != tty->canon_head) {
		char c = tty->read_buf[MASK(tty->read_tail)];
		int end = is_line_end(tty, tty->read_tail);

		tty->read_tail++;
		if (end && c == (char)CC(tty, VEOF) && c != '\n')
			break; /* ^D: return what we have (0 = end of file) */
		buf[n++] = c;
		if (end)
			break;
	}
	return n;
}

static int copy_raw(struct tty_struct *tty, char *buf, int nr)
{
	int n = 0;

	while (n < nr && tty->read_tail != tty->read_head)
		buf[n++] = tty->read_buf[MASK(tty->read_tail++)];
	/* leaving raw mode mid-line must not strand bytes before canon_head */
	tty->canon_head = tty->read_tail > tty->canon_head ? tty->read_tail
							    : tty->canon_head;
	return n;
}

int n_tty_read(struct tty_struct *tty, char *buf, int nr, int nonblock)
{
	unsigned long flags;
	int n;

	if (nr <= 0)
		return 0;
	for (;;) {
		spin_lock_irqsave(&tty->lock, flags);
		if (input_available_locked(tty))
			break;
		spin_unlock_irqrestore(&tty->lock, flags);
		/* raw mode with VMIN == 0: a poll, return at once */
		if (nonblock || (!L_FLAG(tty, ICANON) && CC(tty, VMIN) == 0))
			return nonblock ? -EAGAIN : 0;
		/* an EOF mark counts as available input, so ^D wakes us */
		if (wait_event_interruptible(tty->read_wait,
					     n_tty_input_available(tty) > 0))
			return -EINTR;
	}
	n = L_FLAG(tty, ICANON) ? copy_canon(tty, buf, nr) : copy_raw(tty, buf, nr);
	spin_unlock_irqrestore(&tty->lock, flags);
	return n;
}

/* ---- ioctl on kernel copies of the argument ------------------------------ */

long tty_mode_ioctl(struct tty_struct *tty, unsigned int cmd, void *arg)
{
	unsigned long flags;

	switch (cmd) {
	case TCGETS:
		memcpy(arg, &tty->termios, sizeof(struct termios));
		return 0;
	case TCSETSF: /* flush input, then set */
		spin_lock_irqsave(&tty->lock, flags);
		tty->read_head = tty->canon_head = tty->read_tail;
		spin_unlock_irqrestore(&tty->lock, flags);
		/* fall through */
	case TCSETS:
	case TCSETSW: /* output is synchronous here: nothing to drain */
		spin_lock_irqsave(&tty->lock, flags);
		memcpy(&tty->termios, arg, sizeof(struct termios));
		/* leaving canonical mode: the partial line becomes readable */
		if (!L_FLAG(tty, ICANON))
			tty->canon_head = tty->read_head;
		spin_unlock_irqrestore(&tty->lock, flags);
		wake_up_interruptible(&tty->read_wait);
		return 0;
	case TIOCGWINSZ:
		memcpy(arg, &tty->winsize, sizeof(struct winsize));
		return 0;
	case TIOCSWINSZ:
		memcpy(&tty->winsize, arg, sizeof(struct winsize));
		return 0;
	case TIOCGPGRP:
		*(int *)arg = tty->pgrp;
		return 0;
	case TIOCSPGRP:
		if (*(int *)arg <= 0)
			return -EINVAL;
		tty->pgrp = *(int *)arg;
		return 0;
	case TIOCGSID:
		if (!tty->session)
			return -ENOTTY;
		*(int *)arg = tty->session;
		return 0;
	case FIONREAD:
		*(int *)arg = n_tty_input_available(tty);
		return 0;
	default:
		return -ENOTTY;
	}
}
