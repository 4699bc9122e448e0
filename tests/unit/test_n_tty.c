/*
 * Host tests for drivers/tty/n_tty.c: the line discipline's editing, echo,
 * signals and end-of-file, driven byte by byte as the UART interrupt would.
 */
#include "tests/unit/unit.h"

/* wait-queue and signal shims: record what n_tty asks for */
typedef struct { int wakeups; } wait_queue_head_t;
static void init_waitqueue_head(wait_queue_head_t *q) { q->wakeups = 0; }
#define wake_up_interruptible(q) ((q)->wakeups++)
/* A reader in these tests never sleeps: no input means "interrupted". */
#define wait_event_interruptible(q, cond) ((cond) ? 0 : -512)

static int last_sig, last_pgrp;
int kill_pgrp(int pgrp, int sig) { last_pgrp = pgrp; last_sig = sig; return 0; }

#include "lib/string.c"
#include "drivers/tty/n_tty.c"

static char out[4096];
static int outlen;
static void fake_write(struct tty_struct *t, const char *b, int n)
{
	memcpy(out + outlen, b, n);
	outlen += n;
	out[outlen] = 0;
}
static const struct tty_operations ops = { .write = fake_write };
static struct tty_struct tty;

static void setup(void)
{
	tty_init(&tty, "ttyS0", 0, &ops);
	outlen = 0;
	out[0] = 0;
	last_sig = last_pgrp = 0;
}

static void type(const char *s)
{
	tty_insert_chars(&tty, s, (int)strlen(s));
}

static const char *readstr(void)
{
	static char buf[256];
	int n = n_tty_read(&tty, buf, sizeof(buf) - 1, 1);
	buf[n < 0 ? 0 : n] = 0;
	return n < 0 ? "<EAGAIN>" : buf;
}

TEST(canonical_line_is_readable_only_after_enter)
{
	setup();
	type("ls");
	CHECK_EQ(n_tty_input_available(&tty), 0);
	CHECK_STR(readstr(), "<EAGAIN>");
	type("\r"); /* the terminal sends CR; ICRNL makes it NL */
	CHECK_STR(readstr(), "ls\n");
	CHECK_STR(out, "ls\r\n"); /* echo with ONLCR */
	CHECK(tty.read_wait.wakeups > 0);
}

TEST(one_read_returns_one_line)
{
	setup();
	type("a\rb\r");
	CHECK_STR(readstr(), "a\n");
	CHECK_STR(readstr(), "b\n");
	CHECK_STR(readstr(), "<EAGAIN>");
}

TEST(backspace_erases_and_echoes_rubout)
{
	setup();
	type("lx\177s\r");
	CHECK_STR(readstr(), "ls\n");
	CHECK_STR(out, "lx\b \bs\r\n");
}

TEST(erase_stops_at_start_of_line)
{
	setup();
	type("a\r\177\177b\r");
	CHECK_STR(readstr(), "a\n");
	CHECK_STR(readstr(), "b\n");
}

TEST(kill_and_word_erase)
{
	setup();
	type("hello world\027x\r"); /* ^W erases "world" */
	CHECK_STR(readstr(), "hello x\n");
	type("junk\025ok\r"); /* ^U erases the line */
	CHECK_STR(readstr(), "ok\n");
}

TEST(ctrl_c_signals_foreground_group_and_flushes)
{
	setup();
	tty.pgrp = 42;
	type("sleep 10\003");
	CHECK_EQ(last_sig, 2);
	CHECK_EQ(last_pgrp, 42);
	CHECK_EQ(n_tty_input_available(&tty), 0);
	CHECK(strstr(out, "^C") != NULL);
}

TEST(ctrl_c_with_isig_off_is_data)
{
	setup();
	tty.termios.c_lflag &= ~(ISIG | ICANON);
	type("\003");
	CHECK_EQ(last_sig, 0);
	CHECK_STR(readstr(), "\003");
}

TEST(ctrl_d_on_empty_line_is_end_of_file)
{
	char buf[16];

	setup();
	type("\004");
	CHECK_EQ(n_tty_read(&tty, buf, sizeof(buf), 1), 0);
	/* and the EOF is consumed: next read has nothing */
	CHECK_EQ(n_tty_read(&tty, buf, sizeof(buf), 1), -EAGAIN);
}

TEST(ctrl_d_mid_line_returns_partial_line)
{
	setup();
	type("abc\004");
	CHECK_STR(readstr(), "abc");
}

TEST(raw_mode_bytes_are_immediate_and_not_translated_by_editing)
{
	setup();
	tty.termios.c_lflag &= ~(ICANON | ECHO);
	type("x\177");
	CHECK_STR(readstr(), "x\177");
	CHECK_STR(out, "");
}

TEST(switching_to_raw_releases_partial_line)
{
	struct termios t;

	setup();
	type("par");
	tty_mode_ioctl(&tty, TCGETS, &t);
	t.c_lflag &= ~ICANON;
	CHECK_EQ(tty_mode_ioctl(&tty, TCSETS, &t), 0);
	CHECK_STR(readstr(), "par");
}

TEST(full_buffer_counts_overruns_and_keeps_room_for_newline)
{
	static char big[N_TTY_BUF_SIZE + 100];

	setup();
	tty.termios.c_lflag &= ~ECHO;
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = 0;
	type(big);
	CHECK(tty.rx_overruns > 0);
	type("\r");
	CHECK_EQ(n_tty_input_available(&tty), N_TTY_BUF_SIZE - 1);
}

TEST(ioctl_termios_pgrp_winsize_and_unknown)
{
	struct termios t;
	struct winsize ws;
	int pg = 7;

	setup();
	CHECK_EQ(sizeof(struct termios), 36); /* Linux i386 layout */
	CHECK_EQ(tty_mode_ioctl(&tty, TCGETS, &t), 0);
	CHECK_EQ(t.c_cc[VINTR], 3);
	CHECK(t.c_lflag & ICANON);
	CHECK_EQ(tty_mode_ioctl(&tty, TIOCSPGRP, &pg), 0);
	pg = 0;
	CHECK_EQ(tty_mode_ioctl(&tty, TIOCGPGRP, &pg), 0);
	CHECK_EQ(pg, 7);
	pg = -3;
	CHECK_EQ(tty_mode_ioctl(&tty, TIOCSPGRP, &pg), -EINVAL);
	CHECK_EQ(tty_mode_ioctl(&tty, TIOCGWINSZ, &ws), 0);
	CHECK_EQ(ws.ws_col, 80);
	CHECK_EQ(tty_mode_ioctl(&tty, 0x1234, &ws), -ENOTTY);
}

TEST(output_translates_newlines_only_with_opost)
{
	setup();
	n_tty_write(&tty, "a\nb", 3);
	CHECK_STR(out, "a\r\nb");
	outlen = 0;
	tty.termios.c_oflag &= ~OPOST;
	n_tty_write(&tty, "a\nb", 3);
	CHECK_STR(out, "a\nb");
}

RUN_TESTS()
