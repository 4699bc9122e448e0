/*
 * serial.c - the 8250/16550 UART: polled output, interrupt-driven input,
 * and the serial console (Linux: drivers/tty/serial/8250/8250_core.c,
 * 8250_port.c).
 *
 * Output: serial_early_init() runs first thing in start_kernel so that even
 * a crash in early boot is visible on the terminal running QEMU. Output
 * polls the Line Status Register's "transmit holding register empty" bit
 * (LSR bit 5); slow, but safe in any context, panic included.
 *
 * Input: serial_init() (boot, after init_IRQ) enables the receive
 * interrupt of every UART that answers: ttyS0 on IRQ 4, ttyS1 on IRQ 3.
 *
 *   byte arrives -> IRQ 4 -> do_IRQ -> serial8250_interrupt()   [hardirq]
 *     -> serial8250_rx_chars(): drain the FIFO into the port's rx ring
 *     -> the receive hook, if one is registered, gets every byte
 *
 * Until the tty layer registers its hook (serial_set_rx_handler), bytes
 * wait in the ring and serial_getc() hands them out; afterwards input
 * belongs to the hook and serial_getc() returns -1.
 *
 * Protection: the ring, the hook pointer and the counters are touched only
 * with interrupts off (the IRQ handler, or local_irq_save elsewhere).
 * Registers (offsets from the base port, 16550 datasheet): 0 RBR/THR (DLL
 * when DLAB=1), 1 IER (DLM), 2 IIR/FCR, 3 LCR, 4 MCR, 5 LSR, 7 SCR.
 * Linux adds flow control, break/parity error flags, the THRE interrupt for
 * buffered output and autodetection of a dozen UART variants.
 */
#include "drivers/tty/serial.h"
#include "kernel/interrupt.h"
#include "kernel/io.h"
#include "kernel/irqflags.h"
#include "kernel/printk.h"
#include "kernel/selftest.h"
#include "kernel/time.h"
#include "kernel/timer.h"

#define UART_RX 0
#define UART_TX 0
#define UART_DLL 0
#define UART_IER 1
#define UART_DLM 1
#define UART_IIR 2
#define UART_FCR 2
#define UART_LCR 3
#define UART_MCR 4
#define UART_LSR 5
#define UART_SCR 7
#define UART_IER_RDI 0x01    /* interrupt when received data is available */
#define UART_IIR_NO_INT 0x01 /* no interrupt pending in this UART */
#define UART_IIR_FIFO 0xC0   /* FIFOs enabled and working: a 16550A */
#define UART_LSR_DR 0x01     /* receive data ready */
#define UART_LSR_THRE 0x20   /* transmit holding register empty */

#define SERIAL_RX_RING 256 /* bytes; a power of two */
#define RX_BUDGET 256	   /* bytes per interrupt, as Linux's 8250 */

struct uart_8250_port {
	unsigned short base;
	int irq;
	const char *name;
	int irq_enabled; /* serial_init() found the UART and got its IRQ */
	/* --- interrupts off for all below --- */
	unsigned char rx_ring[SERIAL_RX_RING];
	unsigned int rx_head, rx_tail; /* free-running; head - tail = bytes */
	unsigned long rx_count;	       /* bytes taken by the IRQ handler */
	unsigned long rx_overrun;      /* bytes dropped: ring full */
	void (*rx_handler)(int port, char c);
};

static struct uart_8250_port serial_ports[SERIAL_NR_PORTS] = {
	{ .base = 0x3F8, .irq = 4, .name = "ttyS0" },
	{ .base = 0x2F8, .irq = 3, .name = "ttyS1" },
};

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
	unsigned short base = serial_ports[port].base;
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

/* ---- input --------------------------------------------------------------------- */

static int rx_ring_empty(struct uart_8250_port *up)
{
	return up->rx_head == up->rx_tail;
}

static void rx_ring_put(struct uart_8250_port *up, unsigned char c)
{
	if (up->rx_head - up->rx_tail == SERIAL_RX_RING) {
		up->rx_overrun++;
		return;
	}
	up->rx_ring[up->rx_head++ % SERIAL_RX_RING] = c;
}

static unsigned char rx_ring_get(struct uart_8250_port *up)
{
	return up->rx_ring[up->rx_tail++ % SERIAL_RX_RING];
}

/* Interrupts off. Hands the ring's bytes to the hook, oldest first. */
static void serial_deliver_rx(struct uart_8250_port *up)
{
	int port = (int)(up - serial_ports);

	while (up->rx_handler && !rx_ring_empty(up))
		up->rx_handler(port, (char)rx_ring_get(up));
}

/* Linux: serial8250_rx_chars(). The budget keeps a babbling line finite. */
static void serial8250_rx_chars(struct uart_8250_port *up)
{
	int budget = RX_BUDGET;

	while ((inb(up->base + UART_LSR) & UART_LSR_DR) && budget--) {
		rx_ring_put(up, inb(up->base + UART_RX));
		up->rx_count++;
	}
	serial_deliver_rx(up);
}

/*
 * Hardirq. IIR bit 0 clear means this UART is asking; reading RBR until
 * LSR.DR drops clears both the "data available" and the "character
 * timeout" interrupt (the FIFO held fewer bytes than the trigger level).
 */
static irqreturn_t serial8250_interrupt(int irq, void *dev_id)
{
	struct uart_8250_port *up = dev_id;

	BUG_ON(!in_irq());
	if (inb(up->base + UART_IIR) & UART_IIR_NO_INT)
		return IRQ_NONE;
	serial8250_rx_chars(up);
	return IRQ_HANDLED;
}

int serial_getc(int port)
{
	struct uart_8250_port *up = &serial_ports[port];
	unsigned long flags;
	int c = -1;

	local_irq_save(flags);
	if (up->rx_handler)
		; /* the hook owns the input */
	else if (!rx_ring_empty(up))
		c = rx_ring_get(up);
	else if (inb(up->base + UART_LSR) & UART_LSR_DR)
		c = inb(up->base + UART_RX); /* IRQ not on yet, or not taken yet */
	local_irq_restore(flags);
	return c;
}

void serial_set_rx_handler(int port, void (*fn)(int port, char c))
{
	struct uart_8250_port *up = &serial_ports[port];
	unsigned long flags;

	local_irq_save(flags);
	up->rx_handler = fn;
	serial_deliver_rx(up); /* what arrived before the hook */
	local_irq_restore(flags);
}

void serial_rx_stats(int port, unsigned long *rx, unsigned long *overrun)
{
	*rx = serial_ports[port].rx_count;
	*overrun = serial_ports[port].rx_overrun;
}

/* ---- boot ---------------------------------------------------------------------- */

/* A missing UART reads back 0xFF; a present one keeps what we store in SCR. */
static int serial_port_present(unsigned short base)
{
	outb(base + UART_SCR, 0x5A);
	if (inb(base + UART_SCR) != 0x5A)
		return 0;
	outb(base + UART_SCR, 0xA5);
	return inb(base + UART_SCR) == 0xA5;
}

static void serial_startup(struct uart_8250_port *up)
{
	int err;

	while (inb(up->base + UART_LSR) & UART_LSR_DR) /* stale input */
		rx_ring_put(up, inb(up->base + UART_RX));
	err = request_irq(up->irq, serial8250_interrupt, 0, up->name, up);
	if (err) {
		pr_err("serial8250: %s: cannot get IRQ %d (%d), input stays polled\n",
		       up->name, up->irq, err);
		return;
	}
	up->irq_enabled = 1;
	outb(up->base + UART_IER, UART_IER_RDI);
	pr_info("serial8250: %s at I/O 0x%x (irq = %d, base_baud = 115200) is a %s\n",
		up->name, up->base, up->irq,
		(inb(up->base + UART_IIR) & UART_IIR_FIFO) == UART_IIR_FIFO ?
			"16550A" : "8250");
}

void serial_init(void)
{
	pr_info("Serial: 8250/16550 driver, %d ports, IRQ sharing disabled\n",
		SERIAL_NR_PORTS);
	for (int i = 0; i < SERIAL_NR_PORTS; i++) {
		if (serial_port_present(serial_ports[i].base))
			serial_startup(&serial_ports[i]);
		else
			pr_info("serial8250: %s: no UART at I/O 0x%x\n",
				serial_ports[i].name, serial_ports[i].base);
	}
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
		serial_init_port(serial_ports[i].base);
	register_console(&serial_console);
}

/* ---- selftest ------------------------------------------------------------------ */

/*
 * The integration test types into QEMU's stdin once it sees the "waiting"
 * line; the byte must arrive through the IRQ 4 handler (rx_count only
 * grows there), not through polling. Needs that input: only by name.
 */
SELFTEST_BY_NAME(serial_rx_echo)
{
	struct uart_8250_port *up = &serial_ports[0];
	unsigned long rx0 = up->rx_count, irqs0 = kstat_irqs(up->irq);
	unsigned long deadline = jiffies + 10 * HZ;
	int c;

	if (!up->irq_enabled) {
		pr_err("serial_rx_echo: ttyS0 has no IRQ\n");
		return 1;
	}
	pr_info("serial_rx_echo: waiting for input on ttyS0\n");
	while (up->rx_count == rx0 && time_before(jiffies, deadline))
		halt();
	c = serial_getc(0);
	if (up->rx_count == rx0 || c < 0) {
		pr_err("serial_rx_echo: nothing arrived in 10 s\n");
		return 1;
	}
	pr_info("serial_rx_echo: got 0x%02x '%c' via IRQ %d (%lu bytes in %lu interrupts)\n",
		c, c >= 0x20 && c < 0x7F ? c : '.', up->irq, up->rx_count - rx0,
		kstat_irqs(up->irq) - irqs0);
	return 0;
}
