/*
 * iomap.h - device register access: MMIO (readl/writel) and the
 * port-or-memory cookies of ioread32/iowrite32 (Linux: arch/x86/include/
 * asm/io.h for readl/writel, lib/iomap.c for ioread/iowrite/ioport_map).
 *
 * A PCI device exposes its registers in a BAR, either as memory (map it with
 * ioremap(), then readl/writel on the returned address) or as I/O ports
 * (inb/outb). ioport_map() turns a port range into an address-like cookie so
 * that one driver can use ioread16()/iowrite16() whichever kind it got, as
 * Linux's pci_iomap() allows: cookies below IOMAP_PIO_LIMIT are ports, the
 * rest are memory addresses. Host unit tests point a cookie at an array in
 * host memory and see every register write the driver makes.
 *
 * Any context. The accesses are volatile: the compiler neither drops nor
 * merges them. MMIO from ioremap() is uncached, so on x86 each access
 * reaches the device in program order.
 */
#ifndef RXOS_KERNEL_IOMAP_H
#define RXOS_KERNEL_IOMAP_H

#include <stdint.h>

#include "kernel/io.h"

#define __iomem /* marks device addresses; Linux's sparse checks it */

static inline uint8_t readb(const volatile void __iomem *addr)
{
	return *(const volatile uint8_t *)addr;
}

static inline uint16_t readw(const volatile void __iomem *addr)
{
	return *(const volatile uint16_t *)addr;
}

static inline uint32_t readl(const volatile void __iomem *addr)
{
	return *(const volatile uint32_t *)addr;
}

static inline void writeb(uint8_t v, volatile void __iomem *addr)
{
	*(volatile uint8_t *)addr = v;
}

static inline void writew(uint16_t v, volatile void __iomem *addr)
{
	*(volatile uint16_t *)addr = v;
}

static inline void writel(uint32_t v, volatile void __iomem *addr)
{
	*(volatile uint32_t *)addr = v;
}

/* ---- port-or-memory cookies ----------------------------------------------- */
/* Linux uses PIO_OFFSET 0x10000 and PIO_RESERVED 0x40000 the same way. */
#define IOMAP_PIO_OFFSET 0x10000UL
#define IOMAP_PIO_LIMIT 0x20000UL

static inline void __iomem *ioport_map(unsigned long port, unsigned int nr)
{
	(void)nr;
	return (void __iomem *)(port + IOMAP_PIO_OFFSET);
}

static inline int iomap_is_pio(const volatile void __iomem *addr)
{
	unsigned long a = (unsigned long)addr;

	return a >= IOMAP_PIO_OFFSET && a < IOMAP_PIO_LIMIT;
}

#define IOMAP_PORT(addr) ((uint16_t)((unsigned long)(addr)-IOMAP_PIO_OFFSET))

static inline uint8_t ioread8(const volatile void __iomem *addr)
{
	return iomap_is_pio(addr) ? inb(IOMAP_PORT(addr)) : readb(addr);
}

static inline uint16_t ioread16(const volatile void __iomem *addr)
{
	return iomap_is_pio(addr) ? inw(IOMAP_PORT(addr)) : readw(addr);
}

static inline uint32_t ioread32(const volatile void __iomem *addr)
{
	return iomap_is_pio(addr) ? inl(IOMAP_PORT(addr)) : readl(addr);
}

static inline void iowrite8(uint8_t v, volatile void __iomem *addr)
{
	if (iomap_is_pio(addr))
		outb(IOMAP_PORT(addr), v);
	else
		writeb(v, addr);
}

static inline void iowrite16(uint16_t v, volatile void __iomem *addr)
{
	if (iomap_is_pio(addr))
		outw(IOMAP_PORT(addr), v);
	else
		writew(v, addr);
}

static inline void iowrite32(uint32_t v, volatile void __iomem *addr)
{
	if (iomap_is_pio(addr))
		outl(IOMAP_PORT(addr), v);
	else
		writel(v, addr);
}

#endif
