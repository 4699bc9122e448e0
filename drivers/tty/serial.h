/*
 * serial.h - the 8250/16550 UART driver (Linux: drivers/tty/serial/8250/).
 *
 * ttyS0 (COM1, 0x3F8, IRQ 4) is the console; ttyS1 (COM2, 0x2F8, IRQ 3) is
 * a second port (tcpdump -w /dev/ttyS1 hands a pcap to the host).
 */
#ifndef RXOS_DRIVERS_SERIAL_H
#define RXOS_DRIVERS_SERIAL_H

#define SERIAL_NR_PORTS 2

void serial_early_init(void);
void serial_putc(int port, char c);
void serial_write(int port, const char *s, unsigned int n);
/* Non-blocking read: a byte, or -1 when the receive FIFO is empty. */
int serial_getc(int port);

#endif
