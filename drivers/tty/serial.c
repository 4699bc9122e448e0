/*
 * serial.c - polled output on the 8250/16550 UART, and the serial console.
 *
 * serial_early_init() runs first thing in start_kernel so that even a crash
 * in early boot is visible on the terminal running QEMU. Output polls the
 * Line Status Register's "transmit holding register empty" bit (LSR bit 5);
 * that is slow but safe in any context, including panic.
 *
 * Registers (offsets from the base port, 16550 datasheet): 0 RBR/THR (DLL
 * when DLAB=1), 1 IER (DLM), 2 IIR/FCR, 3 LCR, 4 MCR, 5 LSR.
 * Interrupt-driven input is set up by the tty layer with request_irq().
 */
#include "drivers/tty/serial.h"
#include "kernel/io.h"
#include "kernel/printk.h"

#define UART_RX 0
#define UART_TX 0
#define UART_DLL 0
#define UART_IER 1
#define UART_DLM 1
#define UART_FCR 2
#define UART_LCR 3
#define UART_MCR 4
#define UART_LSR 5
#define UART_LSR_DR 0x01   /* receive data ready */
#define UART_LSR_THRE 0x20 /* transmit holding register empty */

static const unsigned short serial_base[SERIAL_NR_PORTS] = { 0x3F8, 0x2F8 };

static void serial_init_port(unsigned short base)
{
	outb(base + UART_IER, 0x00); /* no interrupts yet */
	outb(base + UART_LCR, 0x80); /* DLAB: next two are the divisor */
	outb(base + UART_DLL, 1);    /* 115200 baud = 115200 / 1 */
	outb(base + UART_DLM, 0);
	outb(base + UART_LCR, 0x03); /* 8 data bits, no parity, 1 stop */
	outb(base + UART_FCR, 0xC7); /* FIFOs on, cleared, 14-byte trigger */
	outb(base + UART_MCR, 0x0B); /* DTR, RTS, OUT2 (routes the IRQ) */
}

void serial_putc(int port, char c)
{
	unsigned short base = serial_base[port];
	int spins = 100000; /* a missing UART must not hang the kernel */

	while (!(inb(base + UART_LSR) & UART_LSR_THRE) && --spins)
		;
	outb(base + UART_TX, c);
}

/* Console convention: "\n" goes out as "\r\n". */
void serial_write(int port, const char *s, unsigned int n)
{
	for (unsigned int i = 0; i < n; i++) {
		if (s[i] == '\n')
			serial_putc(port, '\r');
		serial_putc(port, s[i]);
	}
}

int serial_getc(int port)
{
	unsigned short base = serial_base[port];

	if (!(inb(base + UART_LSR) & UART_LSR_DR))
		return -1;
	return inb(base + UART_RX);
}

static void serial_console_write(struct console *con, const char *s,
				 unsigned int n)
{
	(void)con;
	serial_write(0, s, n);
}

static struct console serial_console = {
	.name = "ttyS0",
	.write = serial_console_write,
};

void serial_early_init(void)
{
	for (int i = 0; i < SERIAL_NR_PORTS; i++)
		serial_init_port(serial_base[i]);
	register_console(&serial_console);
}
