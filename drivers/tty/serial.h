/*
 * serial.h - the 8250/16550 UART driver (Linux: drivers/tty/serial/8250/).
 *
 * ttyS0 (COM1, 0x3F8, IRQ 4) is the console; ttyS1 (COM2, 0x2F8, IRQ 3) is
 * a second port (tcpdump -w /dev/ttyS1 hands a pcap to the host).
 */
#ifndef RXOS_DRIVERS_SERIAL_H
#define RXOS_DRIVERS_SERIAL_H

#define SERIAL_NR_PORTS 2

/* First thing at boot: program the UARTs, register the console. */
void serial_early_init(void);
/* Boot, after init_IRQ, interrupts off: turn on receive interrupts. */
void serial_init(void);
/* Polled output; any context. */
void serial_putc(int port, char c);
void serial_write(int port, const char *s, unsigned int n);
/*
 * Non-blocking read: the oldest buffered byte, or -1 when there is none.
 * Any context. Returns -1 once a receive hook owns the port's input.
 */
int serial_getc(int port);
/*
 * Receive hook (the tty layer's): fn(port, c) gets every byte received,
 * in order. Context of fn: HARDIRQ (the UART's interrupt handler), except
 * that bytes buffered before registration are handed over at once from
 * the registering context, interrupts off. fn must not sleep. NULL
 * unregisters (bytes are buffered again).
 */
void serial_set_rx_handler(int port, void (*fn)(int port, char c));
/* Bytes received through the IRQ handler, and bytes dropped on a full ring. */
void serial_rx_stats(int port, unsigned long *rx, unsigned long *overrun);

#endif
