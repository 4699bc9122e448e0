/*
 * vga.h - the VGA text-mode console (Linux: drivers/video/console/vgacon.c).
 */
#ifndef RXOS_DRIVERS_VGA_H
#define RXOS_DRIVERS_VGA_H

void vga_console_init(void);
void vga_write(const char *s, unsigned int n);

#endif
