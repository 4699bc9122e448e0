/*
 * keyboard.h - the PS/2 keyboard behind the i8042 controller.
 *
 * Scancodes (set 1, which the i8042 translates to by default) become bytes
 * for the VGA console's tty: a US layout, Shift, Ctrl, Caps Lock, and the
 * arrow keys as the escape sequences a VT100 sends (ESC [ A ...).
 */
#ifndef RXOS_DRIVERS_TTY_KEYBOARD_H
#define RXOS_DRIVERS_TTY_KEYBOARD_H

struct tty_struct;

/* Request IRQ 1 and deliver keys to tty. Process context, at boot. */
int i8042_kbd_init(struct tty_struct *tty);

/*
 * Translate one scancode to bytes (pure: no I/O). Returns how many bytes
 * were written to out (0 for key releases and modifier keys, up to 3).
 */
int kbd_translate(unsigned char scancode, char out[4]);

#endif
