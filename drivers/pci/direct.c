/*
 * direct.c - PCI configuration mechanism #1 (Linux: arch/x86/pci/direct.c).
 *
 * The CPU reaches a function's 256-byte configuration space through two
 * I/O ports: write an address to CONFIG_ADDRESS (0xCF8),
 *
 *     bit 31 enable | bits 23-16 bus | 15-11 slot | 10-8 function | 7-2 reg
 *
 * then read or write CONFIG_DATA (0xCFC..0xCFF) for the dword at that
 * address. A function that is not there makes the host bridge answer all
 * ones, which is why "vendor 0xffff" means "no device".
 *
 * These are the only lines of the PCI code that touch hardware; host unit
 * tests replace this file with a fake bus. Any context: the two port
 * accesses are one step under pci_config_lock with interrupts off, so an
 * IRQ handler's config read cannot slip between them.
 */
#include "drivers/pci/pci.h"
#include "kernel/io.h"
#include "kernel/spinlock.h"

#define PCI_CONF1_ADDRESS_PORT 0xcf8
#define PCI_CONF1_DATA_PORT 0xcfc
#define PCI_CONF1_ENABLE 0x80000000u

static DEFINE_SPINLOCK(pci_config_lock);

static uint32_t pci_conf1_address(unsigned int bus, unsigned int devfn, int reg)
{
	return PCI_CONF1_ENABLE | (bus << 16) | (devfn << 8) | (reg & 0xfc);
}

int raw_pci_read(unsigned int bus, unsigned int devfn, int reg, int len,
		 uint32_t *val)
{
	uint16_t port = PCI_CONF1_DATA_PORT + (reg & 3);
	unsigned long flags;

	if (bus > 255 || devfn > 255 || reg > 255) {
		*val = ~0u;
		return -1;
	}
	spin_lock_irqsave(&pci_config_lock, flags);
	outl(PCI_CONF1_ADDRESS_PORT, pci_conf1_address(bus, devfn, reg));
	if (len == 1)
		*val = inb(port);
	else if (len == 2)
		*val = inw(port);
	else
		*val = inl(port);
	spin_unlock_irqrestore(&pci_config_lock, flags);
	return 0;
}

int raw_pci_write(unsigned int bus, unsigned int devfn, int reg, int len,
		  uint32_t val)
{
	uint16_t port = PCI_CONF1_DATA_PORT + (reg & 3);
	unsigned long flags;

	if (bus > 255 || devfn > 255 || reg > 255)
		return -1;
	spin_lock_irqsave(&pci_config_lock, flags);
	outl(PCI_CONF1_ADDRESS_PORT, pci_conf1_address(bus, devfn, reg));
	if (len == 1)
		outb(port, (uint8_t)val);
	else if (len == 2)
		outw(port, (uint16_t)val);
	else
		outl(port, val);
	spin_unlock_irqrestore(&pci_config_lock, flags);
	return 0;
}

/*
 * Mechanism #1 is there if CONFIG_ADDRESS keeps the enable bit we write
 * (a plain ISA port would not). Linux additionally checks that a host
 * bridge or VGA device answers (pci_sanity_check).
 */
int pci_check_type1(void)
{
	unsigned long flags;
	uint32_t saved, probe;

	spin_lock_irqsave(&pci_config_lock, flags);
	saved = inl(PCI_CONF1_ADDRESS_PORT);
	outl(PCI_CONF1_ADDRESS_PORT, PCI_CONF1_ENABLE);
	probe = inl(PCI_CONF1_ADDRESS_PORT);
	outl(PCI_CONF1_ADDRESS_PORT, saved);
	spin_unlock_irqrestore(&pci_config_lock, flags);
	return probe == PCI_CONF1_ENABLE;
}
