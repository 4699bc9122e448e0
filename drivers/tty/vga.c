/*
 * vga.c - 80x25 text console in VGA memory at physical 0xB8000.
 *
 * Each cell is two bytes: character and attribute (0x07, grey on black).
 * Handles \n, \r, \b, \t and scrolls. The hardware cursor is moved through
 * the CRT controller's index/data ports 0x3D4/0x3D5 (registers 14 and 15).
 * Called with the printk lock held or from the tty layer; any context.
 */
#include "drivers/tty/vga.h"
#include "kernel/io.h"
#include "kernel/kernel.h"
#include "kernel/printk.h"

#define VGA_COLS 80
#define VGA_ROWS 25
#define VGA_ATTR 0x0700

static uint16_t *const vga_mem = (uint16_t *)(PAGE_OFFSET + 0xB8000);
static int row, col;

static void vga_scroll(void)
{
	for (int i = 0; i < (VGA_ROWS - 1) * VGA_COLS; i++)
		vga_mem[i] = vga_mem[i + VGA_COLS];
	for (int i = 0; i < VGA_COLS; i++)
		vga_mem[(VGA_ROWS - 1) * VGA_COLS + i] = VGA_ATTR | ' ';
	row = VGA_ROWS - 1;
}

static void vga_set_cursor(void)
{
	uint16_t pos = (uint16_t)(row * VGA_COLS + col);

	outb(0x3D4, 14);
	outb(0x3D5, pos >> 8);
	outb(0x3D4, 15);
	outb(0x3D5, pos & 0xFF);
}

static void vga_putc(char c)
{
	switch (c) {
	case '\n': col = 0; row++; break;
	case '\r': col = 0; break;
	case '\b': if (col) col--; break;
	case '\t': col = (col + 8) & ~7; break;
	default:
		vga_mem[row * VGA_COLS + col] = VGA_ATTR | (uint8_t)c;
		col++;
	}
	if (col >= VGA_COLS) {
		col = 0;
		row++;
	}
	if (row >= VGA_ROWS)
		vga_scroll();
}

void vga_write(const char *s, unsigned int n)
{
	for (unsigned int i = 0; i < n; i++)
		vga_putc(s[i]);
	vga_set_cursor();
}

static void vga_console_write(struct console *con, const char *s, unsigned int n)
{
	(void)con;
	vga_write(s, n);
}

static struct console vga_console = {
	.name = "tty0",
	.write = vga_console_write,
};

void vga_console_init(void)
{
	for (int i = 0; i < VGA_ROWS * VGA_COLS; i++)
		vga_mem[i] = VGA_ATTR | ' ';
	row = col = 0;
	register_console(&vga_console);
}
