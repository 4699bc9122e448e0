/*
 * keyboard.c - i8042 PS/2 keyboard driver (Linux: drivers/input/serio/i8042.c,
 * drivers/input/keyboard/atkbd.c and drivers/tty/vt/keyboard.c in one file).
 *
 * IRQ 1 fires for every make (press) and break (release, code | 0x80)
 * scancode. The handler reads the byte from the data port 0x60, translates
 * it with kbd_translate() and pushes the result into the console tty with
 * tty_insert_chars() - hardirq context, as the serial driver does.
 * Linux splits this into an input-event layer and a keymap loaded from user
 * space (loadkeys); rxos has one fixed US map.
 */
#include "drivers/tty/keyboard.h"
#include "drivers/tty/tty.h"
#include "kernel/interrupt.h"
#include "kernel/io.h"
#include "kernel/printk.h"

#define I8042_DATA 0x60
#define I8042_STATUS 0x64
#define I8042_STR_OBF 0x01 /* output buffer full: a byte to read */

#define SC_LSHIFT 0x2A
#define SC_RSHIFT 0x36
#define SC_CTRL 0x1D
#define SC_CAPS 0x3A
#define SC_EXTENDED 0xE0

/* Set 1 scancodes 0x00-0x39, unshifted and shifted (US layout). */
static const char keymap[0x3A] =
	"\0\0331234567890-=\b\tqwertyuiop[]\n\0asdfghjkl;'`\0\\zxcvbnm,./\0*\0 ";
static const char keymap_shift[0x3A] =
	"\0\033!@#$%^&*()_+\b\tQWERTYUIOP{}\n\0ASDFGHJKL:\"~\0|ZXCVBNM<>?\0*\0 ";

static int shift, ctrl, caps, extended;
static struct tty_struct *kbd_tty;

/* Extended (E0-prefixed) keys: arrows as VT100 sequences. */
static int translate_extended(unsigned char code, char out[4])
{
	static const struct { unsigned char code; char final; } arrows[] = {
		{ 0x48, 'A' }, { 0x50, 'B' }, { 0x4D, 'C' }, { 0x4B, 'D' },
	};

	if (code == SC_CTRL)
		return 0;
	for (unsigned int i = 0; i < sizeof(arrows) / sizeof(arrows[0]); i++) {
		if (arrows[i].code == code) {
			out[0] = '\033';
			out[1] = '[';
			out[2] = arrows[i].final;
			return 3;
		}
	}
	return 0;
}

static int is_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Apply Shift, Caps Lock and Ctrl to the key's character. */
static char apply_modifiers(unsigned char code)
{
	char c = shift ? keymap_shift[code] : keymap[code];

	if (caps && is_letter(c))
		c ^= 0x20; /* Caps Lock flips the case Shift chose */
	if (ctrl && is_letter(c))
		c &= 0x1F; /* Ctrl-C = 0x03, Ctrl-D = 0x04 */
	return c;
}

/* Track modifier state; returns 1 if the code was a modifier. */
static int update_modifiers(unsigned char code, int released)
{
	switch (code) {
	case SC_LSHIFT:
	case SC_RSHIFT:
		shift = !released;
		return 1;
	case SC_CTRL:
		ctrl = !released;
		return 1;
	case SC_CAPS:
		if (!released)
			caps = !caps;
		return 1;
	}
	return 0;
}

int kbd_translate(unsigned char scancode, char out[4])
{
	unsigned char code = scancode & 0x7F;
	int released = scancode & 0x80;
	char c;

	if (scancode == SC_EXTENDED) {
		extended = 1;
		return 0;
	}
	if (extended) {
		extended = 0;
		if (code == SC_CTRL)
			ctrl = !released;
		return released ? 0 : translate_extended(code, out);
	}
	if (update_modifiers(code, released) || released)
		return 0;
	if (code >= sizeof(keymap))
		return 0;
	c = apply_modifiers(code);
	if (!c)
		return 0;
	out[0] = c;
	return 1;
}

/* Hard IRQ 1: drain the controller, hand the bytes to the tty. */
static irqreturn_t i8042_interrupt(int irq, void *dev_id)
{
	char out[4];
	int handled = 0;

	while (inb(I8042_STATUS) & I8042_STR_OBF) {
		int n = kbd_translate(inb(I8042_DATA), out);

		handled = 1;
		if (n && kbd_tty)
			tty_insert_chars(kbd_tty, out, n);
	}
	return handled ? IRQ_HANDLED : IRQ_NONE;
}

int i8042_kbd_init(struct tty_struct *tty)
{
	int err;

	kbd_tty = tty;
	while (inb(I8042_STATUS) & I8042_STR_OBF) /* stale bytes from BIOS */
		inb(I8042_DATA);
	err = request_irq(1, i8042_interrupt, 0, "i8042", NULL);
	if (err)
		pr_err("i8042: cannot get IRQ 1 (%d), no keyboard\n", err);
	else
		pr_info("serio: i8042 KBD port at 0x60,0x64 irq 1\n");
	return err;
}
