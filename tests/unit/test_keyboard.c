/* Host tests for the scancode translation in drivers/tty/keyboard.c. */
#include "tests/unit/unit.h"

typedef struct { int wakeups; } wait_queue_head_t;
#include "drivers/tty/keyboard.c"

/* keyboard.c's IRQ glue needs these; the pure translator does not */
void tty_insert_chars(struct tty_struct *t, const char *c, int n) {}
int request_irq(unsigned int irq, irq_handler_t h, unsigned long f,
		const char *name, void *dev) { return 0; }
int printk(const char *fmt, ...) { return 0; }

static char out[4];

static int press(unsigned char sc) { return kbd_translate(sc, out); }

TEST(letters_and_digits)
{
	CHECK_EQ(press(0x1E), 1); /* 'a' */
	CHECK_EQ(out[0], 'a');
	CHECK_EQ(press(0x9E), 0); /* release */
	CHECK_EQ(press(0x02), 1);
	CHECK_EQ(out[0], '1');
	CHECK_EQ(press(0x1C), 1);
	CHECK_EQ(out[0], '\n');
}

TEST(shift_gives_upper_case_and_symbols)
{
	press(0x2A);
	press(0x1E);
	CHECK_EQ(out[0], 'A');
	press(0x02);
	CHECK_EQ(out[0], '!');
	press(0xAA); /* shift released */
	press(0x1E);
	CHECK_EQ(out[0], 'a');
}

TEST(ctrl_c_gives_etx)
{
	press(0x1D);
	CHECK_EQ(press(0x2E), 1); /* 'c' */
	CHECK_EQ(out[0], 3);
	press(0x9D);
	press(0x2E);
	CHECK_EQ(out[0], 'c');
}

TEST(caps_lock_toggles_letters_only)
{
	press(0x3A);
	press(0xBA);
	press(0x1E);
	CHECK_EQ(out[0], 'A');
	press(0x02);
	CHECK_EQ(out[0], '1');
	press(0x3A);
	press(0xBA);
	press(0x1E);
	CHECK_EQ(out[0], 'a');
}

TEST(arrow_keys_are_vt100_sequences)
{
	CHECK_EQ(press(0xE0), 0);
	CHECK_EQ(press(0x48), 3);
	CHECK(!memcmp(out, "\033[A", 3));
	press(0xE0);
	CHECK_EQ(press(0xC8), 0); /* release of up arrow */
}

TEST(unknown_scancodes_produce_nothing)
{
	CHECK_EQ(press(0x58), 0); /* F12 */
	CHECK_EQ(press(0x7F), 0);
}

RUN_TESTS()
