/*
 * probe.c - find every PCI function and read what it needs (Linux:
 * drivers/pci/probe.c, arch/x86/pci/legacy.c).
 *
 * pci_subsys_init (start_kernel, process context, interrupts off, once):
 *
 *   pci_scan_root_bus(0)
 *     pci_scan_child_bus(bus)          every slot 0..31 of the bus
 *       pci_scan_slot(bus, devfn)      function 0; 1..7 if multi-function
 *         pci_scan_device              vendor id 0xffff: nothing there
 *           pci_setup_device           ids, class, BARs, interrupt pin/line
 *       pci_scan_bridge(bus, dev, ..)  for each PCI-to-PCI bridge found:
 *         pci_scan_child_bus(child)    the bus behind it, recursively
 *   pci_bus_add_device(dev)            bind drivers already registered
 *
 * BAR sizing: a BAR's address bits below the window size are hardwired to
 * zero. Write all ones, read back, restore: the lowest set bit of what
 * reads back is the size. Decoding is off meanwhile, so the device never
 * answers at the bogus all-ones address.
 *
 * Invariants: devices and buses live in static tables (nothing here
 * allocates); a bus number is used once, so a bridge that claims a number
 * already seen is renumbered rather than scanned twice - bad firmware
 * cannot make the scan loop.
 */
#include "drivers/pci/pci.h"
#include "kernel/printk.h"
#include "kernel/selftest.h"
#include "lib/string.h"
#include "lib/vsprintf.h"

static struct pci_dev pci_dev_table[PCI_MAX_DEVICES];
static int pci_dev_count;
static struct pci_bus pci_bus_table[PCI_MAX_BUSES];
static int pci_bus_count;

static struct pci_bus *pci_find_bus(unsigned int nr)
{
	for (int i = 0; i < pci_bus_count; i++)
		if (pci_bus_table[i].number == nr)
			return &pci_bus_table[i];
	return NULL;
}

static struct pci_bus *pci_add_new_bus(struct pci_bus *parent,
				       struct pci_dev *bridge, unsigned int nr)
{
	struct pci_bus *child;

	if (pci_bus_count == PCI_MAX_BUSES) {
		printk(KERN_WARNING
		       "pci: bus table full, not scanning bus %02x\n",
		       nr);
		return NULL;
	}
	child = &pci_bus_table[pci_bus_count++];
	child->parent = parent;
	child->self = bridge;
	child->number = child->busn_end = nr;
	child->primary = parent ? parent->number : 0;
	return child;
}

/* A function answers if its vendor/device dword is not all ones or zero. */
static bool pci_bus_read_dev_vendor_id(struct pci_bus *bus, unsigned int devfn,
				       uint32_t *l)
{
	pci_bus_read_config_dword(bus, devfn, PCI_VENDOR_ID, l);
	return !(*l == 0xffffffff || *l == 0 || *l == 0x0000ffff ||
		 *l == 0xffff0000);
}

/* ---- BARs ---- */

/* Write all ones (within mask), read back, put the old value back. */
static uint32_t pci_bar_probe(struct pci_dev *dev, int pos, uint32_t mask,
			      uint32_t *orig)
{
	uint32_t sz;

	pci_read_config_dword(dev, pos, orig);
	pci_write_config_dword(dev, pos, *orig | mask);
	pci_read_config_dword(dev, pos, &sz);
	pci_write_config_dword(dev, pos, *orig);
	return sz;
}

/* The type bits of a BAR as resource flags (low 4 bits kept verbatim). */
static unsigned long pci_bar_flags(uint32_t bar, bool rom)
{
	unsigned long flags;

	if (rom)
		return IORESOURCE_MEM | IORESOURCE_PREFETCH |
		       IORESOURCE_READONLY | (bar & PCI_ROM_ADDRESS_ENABLE);
	if (bar & PCI_BASE_ADDRESS_SPACE_IO)
		return IORESOURCE_IO | (bar & ~PCI_BASE_ADDRESS_IO_MASK);
	flags = IORESOURCE_MEM | (bar & ~PCI_BASE_ADDRESS_MEM_MASK);
	if (bar & PCI_BASE_ADDRESS_MEM_PREFETCH)
		flags |= IORESOURCE_PREFETCH;
	if ((bar & PCI_BASE_ADDRESS_MEM_TYPE_MASK) ==
	    PCI_BASE_ADDRESS_MEM_TYPE_64)
		flags |= IORESOURCE_MEM_64;
	return flags;
}

static uint32_t pci_bar_addr_mask(unsigned long flags, bool rom)
{
	if (rom)
		return PCI_ROM_ADDRESS_MASK;
	return (flags & IORESOURCE_IO) ? PCI_BASE_ADDRESS_IO_MASK :
					 PCI_BASE_ADDRESS_MEM_MASK;
}

static void pci_log_bar(struct pci_dev *dev, int pos,
			const struct resource *res)
{
	bool io = res->flags & IORESOURCE_IO;

	pci_info(dev, "reg 0x%x: [%s %#0*llx-%#0*llx%s%s]\n", pos,
		 io ? "io " : "mem", io ? 6 : 10,
		 (unsigned long long)res->start, io ? 6 : 10,
		 (unsigned long long)res->end,
		 (res->flags & IORESOURCE_MEM_64) ? " 64bit" : "",
		 (res->flags & IORESOURCE_PREFETCH) ? " pref" : "");
}

/*
 * Read and size the BAR at config offset pos into res. Returns 1 if it was
 * a 64-bit BAR (it used the next BAR slot as its upper half), else 0.
 * Linux: __pci_read_base.
 */
static int __pci_read_base(struct pci_dev *dev, bool rom, struct resource *res,
			   int pos)
{
	uint32_t l, sz, lh = 0, szh = 0;
	uint64_t base, size;
	uint16_t cmd;

	pci_read_config_word(dev, PCI_COMMAND, &cmd);
	if (cmd & (PCI_COMMAND_IO | PCI_COMMAND_MEMORY))
		pci_write_config_word(dev, PCI_COMMAND,
				      cmd & ~(PCI_COMMAND_IO |
					      PCI_COMMAND_MEMORY));
	sz = pci_bar_probe(dev, pos, rom ? PCI_ROM_ADDRESS_MASK : ~0u, &l);
	res->flags = pci_bar_flags(l, rom);
	if (res->flags & IORESOURCE_MEM_64)
		szh = pci_bar_probe(dev, pos + 4, ~0u, &lh);
	pci_write_config_word(dev, PCI_COMMAND, cmd);

	size = ((uint64_t)szh << 32) |
	       (sz & pci_bar_addr_mask(res->flags, rom));
	if (sz == 0xffffffff || size == 0) { /* not implemented */
		memset(res, 0, sizeof(*res));
		return 0;
	}
	size &= ~(size - 1); /* lowest writable bit = window size */
	base = ((uint64_t)lh << 32) | (l & pci_bar_addr_mask(res->flags, rom));
	res->start = base;
	res->end = base + size - 1;
	pci_log_bar(dev, pos, res);
	return (res->flags & IORESOURCE_MEM_64) ? 1 : 0;
}

static void pci_read_bases(struct pci_dev *dev, int howmany, int rom)
{
	for (int i = 0; i < howmany; i++)
		i += __pci_read_base(dev, false, &dev->resource[i],
				     PCI_BASE_ADDRESS_0 + 4 * i);
	__pci_read_base(dev, true, &dev->resource[PCI_ROM_RESOURCE], rom);
}

/*
 * The interrupt line register holds what the BIOS routed INTx to (on a PC
 * an 8259 input); 0xff means "not routed". Linux asks ACPI instead and
 * logs "PCI INT A -> GSI 11 (level, low) -> IRQ 11" at enable time.
 */
static void pci_read_irq(struct pci_dev *dev)
{
	uint8_t line;

	pci_read_config_byte(dev, PCI_INTERRUPT_PIN, &dev->pin);
	if (dev->pin > 4)
		dev->pin = 0;
	dev->irq = 0;
	if (!dev->pin)
		return;
	pci_read_config_byte(dev, PCI_INTERRUPT_LINE, &line);
	if (line == 0xff || line == 0) {
		pci_info(dev, "PCI INT %c: no IRQ routed\n",
			 'A' + dev->pin - 1);
		return;
	}
	dev->irq = line;
	pci_info(dev, "PCI INT %c -> IRQ %u\n", 'A' + dev->pin - 1, dev->irq);
}

/* ---- devices ---- */

static const char *pci_type_str(const struct pci_dev *dev)
{
	switch (dev->hdr_type) {
	case PCI_HEADER_TYPE_NORMAL:
		return "conventional PCI endpoint";
	case PCI_HEADER_TYPE_BRIDGE:
		return "PCI bridge";
	case PCI_HEADER_TYPE_CARDBUS:
		return "CardBus bridge";
	}
	return "unknown header type";
}

/* Fill dev from its config header. -EIO for a header layout we don't know. */
static int pci_setup_device(struct pci_dev *dev)
{
	uint32_t class;
	uint8_t hdr;

	pci_read_config_byte(dev, PCI_HEADER_TYPE, &hdr);
	dev->hdr_type = hdr & PCI_HEADER_TYPE_MASK;
	dev->multifunction = !!(hdr & PCI_HEADER_TYPE_MFD);
	pci_read_config_dword(dev, PCI_CLASS_REVISION, &class);
	dev->revision = class & 0xff;
	dev->class = class >> 8;
	pci_info(dev, "[%04x:%04x] type %02x class %#08x %s\n", dev->vendor,
		 dev->device, dev->hdr_type, dev->class, pci_type_str(dev));

	switch (dev->hdr_type) {
	case PCI_HEADER_TYPE_NORMAL:
		pci_read_bases(dev, PCI_STD_NUM_BARS, PCI_ROM_ADDRESS);
		pci_read_irq(dev);
		pci_read_config_word(dev, PCI_SUBSYSTEM_VENDOR_ID,
				     &dev->subsystem_vendor);
		pci_read_config_word(dev, PCI_SUBSYSTEM_ID,
				     &dev->subsystem_device);
		return 0;
	case PCI_HEADER_TYPE_BRIDGE:
		pci_read_bases(dev, 2, PCI_ROM_ADDRESS1);
		pci_read_irq(dev);
		return 0;
	case PCI_HEADER_TYPE_CARDBUS: /* Linux reads its socket registers */
		pci_read_irq(dev);
		return 0;
	}
	pci_err(dev, "ignoring device (unknown header type %02x)\n",
		dev->hdr_type);
	return -1;
}

static struct pci_dev *pci_scan_device(struct pci_bus *bus, unsigned int devfn)
{
	struct pci_dev *dev;
	uint32_t l;

	if (!pci_bus_read_dev_vendor_id(bus, devfn, &l))
		return NULL;
	if (pci_dev_count == PCI_MAX_DEVICES) {
		printk(KERN_WARNING
		       "pci 0000:%02x:%02x.%d: device table full, ignored\n",
		       bus->number, PCI_SLOT(devfn), PCI_FUNC(devfn));
		return NULL;
	}
	dev = &pci_dev_table[pci_dev_count];
	memset(dev, 0, sizeof(*dev));
	dev->bus = bus;
	dev->devfn = devfn;
	dev->vendor = l & 0xffff;
	dev->device = l >> 16;
	snprintf(dev->name, sizeof(dev->name), "0000:%02x:%02x.%d", bus->number,
		 PCI_SLOT(devfn), PCI_FUNC(devfn));
	if (pci_setup_device(dev))
		return NULL;
	pci_dev_count++; /* Linux: pci_device_add, via pci_scan_single_device */
	return dev;
}

/*
 * Function 0 must exist for a slot to hold anything; functions 1..7 are
 * looked at only when function 0's header says "multi-function". (Some
 * single-function devices answer on every function number: reading them
 * would list the same card eight times.) Returns the functions found.
 */
static int pci_scan_slot(struct pci_bus *bus, unsigned int devfn)
{
	struct pci_dev *dev = pci_scan_device(bus, devfn);
	int nr = 0;

	if (!dev)
		return 0;
	nr++;
	if (!dev->multifunction)
		return nr;
	for (unsigned int fn = 1; fn < 8; fn++) {
		struct pci_dev *f = pci_scan_device(bus, devfn + fn);

		if (f) {
			f->multifunction = true;
			nr++;
		}
	}
	return nr;
}

/* ---- bridges ---- */

static void pci_bridge_read_buses(struct pci_dev *dev, unsigned int *primary,
				  unsigned int *secondary,
				  unsigned int *subordinate)
{
	uint32_t buses;

	pci_read_config_dword(dev, PCI_PRIMARY_BUS, &buses);
	*primary = buses & 0xff;
	*secondary = (buses >> 8) & 0xff;
	*subordinate = (buses >> 16) & 0xff;
}

/* Firmware numbered it sensibly: behind us, unused so far. */
static bool pci_bridge_configured(struct pci_bus *bus, struct pci_dev *dev,
				  unsigned int *secondary)
{
	unsigned int primary, subordinate;

	pci_bridge_read_buses(dev, &primary, secondary, &subordinate);
	return *secondary > bus->number && primary == bus->number &&
	       !pci_find_bus(*secondary);
}

static void pci_bridge_write_buses(struct pci_dev *dev, unsigned int primary,
				   unsigned int secondary,
				   unsigned int subordinate)
{
	pci_write_config_byte(dev, PCI_PRIMARY_BUS, primary);
	pci_write_config_byte(dev, PCI_SECONDARY_BUS, secondary);
	pci_write_config_byte(dev, PCI_SUBORDINATE_BUS, subordinate);
}

static unsigned int pci_scan_child_bus(struct pci_bus *bus);

/*
 * Scan the bus behind bridge dev. Pass 0 takes bridges the BIOS already
 * numbered; pass 1 gives the others numbers above every one in use (max),
 * so the two kinds never collide. Returns the new highest bus number.
 */
static unsigned int pci_scan_bridge(struct pci_bus *bus, struct pci_dev *dev,
				    unsigned int max, int pass)
{
	unsigned int secondary;
	struct pci_bus *child;

	if (dev->subordinate ||
	    pci_bridge_configured(bus, dev, &secondary) != (pass == 0))
		return max;
	if (pass == 1) {
		if (max >= 255)
			return max;
		secondary = max + 1;
		/* subordinate 0xff: forward everything until we know better */
		pci_bridge_write_buses(dev, bus->number, secondary, 0xff);
	}
	child = pci_add_new_bus(bus, dev, secondary);
	if (!child)
		return max;
	dev->subordinate = child;
	child->busn_end = pci_scan_child_bus(child);
	if (pass == 1)
		pci_write_config_byte(dev, PCI_SUBORDINATE_BUS,
				      child->busn_end);
	pci_info(dev, "PCI bridge to [bus %02x-%02x]\n", child->number,
		 child->busn_end);
	return max > child->busn_end ? max : child->busn_end;
}

/* Scan all 32 slots, then the buses behind bridges. Returns the highest bus. */
static unsigned int pci_scan_child_bus(struct pci_bus *bus)
{
	unsigned int max = bus->number;

	for (unsigned int devfn = 0; devfn < 0x100; devfn += 8)
		pci_scan_slot(bus, devfn);
	for (int pass = 0; pass < 2; pass++) {
		/* the table grows as we recurse: re-read the count each time */
		for (int i = 0; i < pci_dev_count; i++) {
			struct pci_dev *dev = &pci_dev_table[i];

			if (dev->bus == bus &&
			    dev->hdr_type == PCI_HEADER_TYPE_BRIDGE)
				max = pci_scan_bridge(bus, dev, max, pass);
		}
	}
	return max;
}

/* ---- lookup ---- */

struct pci_dev *pci_get_device(unsigned int vendor, unsigned int device,
			       struct pci_dev *from)
{
	int i = from ? (int)(from - pci_dev_table) + 1 : 0;

	for (; i < pci_dev_count; i++) {
		struct pci_dev *dev = &pci_dev_table[i];

		if ((vendor == PCI_ANY_ID || vendor == dev->vendor) &&
		    (device == PCI_ANY_ID || device == dev->device))
			return dev;
	}
	return NULL;
}

struct pci_dev *pci_get_domain_bus_and_slot(int domain, unsigned int bus,
					    unsigned int devfn)
{
	struct pci_dev *dev = NULL;

	if (domain != 0)
		return NULL;
	for_each_pci_dev(dev) if (dev->bus->number == bus &&
				  dev->devfn == devfn) return dev;
	return NULL;
}

/*
 * Boot-time entry (Linux: pci_subsys_init -> pci_legacy_init ->
 * pcibios_scan_root). Process context, once; allocates nothing.
 */
void pci_subsys_init(void)
{
	struct pci_bus *root;
	struct pci_dev *dev = NULL;

	if (!pci_check_type1()) {
		printk(KERN_INFO
		       "PCI: no configuration mechanism #1, no PCI\n");
		return;
	}
	printk(KERN_INFO "PCI: Using configuration type 1 for base access\n");
	printk(KERN_INFO "PCI: Probing PCI hardware (bus 00)\n");
	root = pci_add_new_bus(NULL, NULL, 0);
	root->busn_end = pci_scan_child_bus(root);
	printk(KERN_INFO "PCI: %d devices on %d buses\n", pci_dev_count,
	       pci_bus_count);
	for_each_pci_dev(dev) pci_bus_add_device(dev);
	pci_proc_init();
}

/*
 * An empty slot reads as all ones at every width, and enumeration did not
 * list it. Uses the first empty slot on bus 0 (QEMU's PC leaves most empty).
 */
SELFTEST(pci_absent_slot_reads_ones)
{
	struct pci_bus *bus0 = pci_find_bus(0);
	uint16_t vendor, device;
	uint32_t dword;
	uint8_t hdr;

	for (unsigned int devfn = 0; bus0 && devfn < 0x100; devfn += 8) {
		pci_bus_read_config_word(bus0, devfn, PCI_VENDOR_ID, &vendor);
		if (vendor != 0xffff)
			continue;
		pci_bus_read_config_word(bus0, devfn, PCI_DEVICE_ID, &device);
		pci_bus_read_config_dword(bus0, devfn, PCI_CLASS_REVISION,
					  &dword);
		pci_bus_read_config_byte(bus0, devfn, PCI_HEADER_TYPE, &hdr);
		printk(KERN_INFO
		       "pci: slot 00:%02x.0 empty: device %04x class/rev %08x header %02x\n",
		       PCI_SLOT(devfn), device, dword, hdr);
		if (device != 0xffff || dword != 0xffffffff || hdr != 0xff)
			return 1;
		return pci_get_domain_bus_and_slot(0, 0, devfn) != NULL;
	}
	printk(KERN_ERR "pci: no bus 0 or no empty slot to test\n");
	return 1;
}
