/*
 * pci.h - PCI devices and the drivers that bind to them (Linux:
 * include/linux/pci.h).
 *
 * At boot pci_subsys_init() walks every bus through configuration
 * mechanism #1 and fills a static table of struct pci_dev: ids, class,
 * BARs (address and size of each register window), interrupt line. A NIC
 * driver then says which devices it handles:
 *
 *     static const struct pci_device_id e1000_pci_tbl[] = {
 *             { PCI_DEVICE(0x8086, 0x100e) },
 *             { 0 }
 *     };
 *     static struct pci_driver e1000_driver = {
 *             .name = "e1000", .id_table = e1000_pci_tbl,
 *             .probe = e1000_probe, .remove = e1000_remove,
 *     };
 *     pci_register_driver(&e1000_driver);
 *
 * and its probe() runs, in process context, once for every matching
 * device - found before or after the registration. In probe the driver
 * calls pci_enable_device(), pci_set_master() (it will DMA), reads
 * pci_resource_start(pdev, 0) and pdev->irq.
 *
 * Config space access may happen in any context (it takes a lock with
 * interrupts off). Enumeration and driver binding are process context.
 * rxos simplifies: one PCI domain (segment 0), a fixed-size device table,
 * no hotplug, no bridge windows, no MSI; Linux has all of these.
 */
#ifndef RXOS_DRIVERS_PCI_PCI_H
#define RXOS_DRIVERS_PCI_PCI_H

#include "drivers/pci/pci_regs.h"
#include "kernel/kernel.h"
#include "kernel/list.h"

#define PCI_ANY_ID (~0U)

/* Return values of the config accessors (Linux: PCIBIOS_*). */
#define PCIBIOS_SUCCESSFUL 0x00
#define PCIBIOS_DEVICE_NOT_FOUND 0x86
#define PCIBIOS_BAD_REGISTER_NUMBER 0x87

#define PCI_MAX_DEVICES 64 /* static table: enumeration must not allocate */
#define PCI_MAX_BUSES 16

/*
 * A window of I/O ports or physical memory a device decodes (Linux:
 * include/linux/ioport.h). The low 4 bits of flags keep the BAR's own type
 * bits, as Linux does, because /proc/bus/pci/devices prints them.
 */
typedef uint64_t resource_size_t;

struct resource {
	resource_size_t start;
	resource_size_t end; /* inclusive */
	unsigned long flags;
};

#define IORESOURCE_BITS 0x000000ffUL /* bus-specific: the BAR's low bits */
#define IORESOURCE_IO 0x00000100UL
#define IORESOURCE_MEM 0x00000200UL
#define IORESOURCE_PREFETCH 0x00002000UL
#define IORESOURCE_READONLY 0x00004000UL
#define IORESOURCE_MEM_64 0x00100000UL
#define PCI_REGION_FLAG_MASK 0x0fUL

/* resource[] indices: BAR0..5, then the expansion ROM. */
#define PCI_STD_NUM_BARS 6
#define PCI_ROM_RESOURCE 6
#define PCI_NUM_RESOURCES 7 /* Linux adds bridge windows after these */

struct pci_dev;

/* One bus: the root (0) or the one behind a PCI-to-PCI bridge. */
struct pci_bus {
	struct pci_bus *parent; /* NULL for the root bus */
	struct pci_dev *self;	/* the bridge leading here, NULL for root */
	unsigned char number;	/* this bus */
	unsigned char primary;	/* the bus the bridge sits on */
	unsigned char busn_end; /* subordinate: highest bus below */
};

struct pci_driver;

/*
 * One PCI function. Filled by enumeration (probe.c) and then read-only
 * except for the driver fields, which binding sets.
 */
struct pci_dev {
	struct pci_bus *bus;
	unsigned int devfn; /* slot << 3 | function */
	unsigned short vendor;
	unsigned short device;
	unsigned short subsystem_vendor;
	unsigned short subsystem_device;
	unsigned int class; /* 3 bytes: base class, subclass, prog-if */
	uint8_t revision;
	uint8_t hdr_type; /* PCI_HEADER_TYPE_* without the MFD bit */
	uint8_t pin;	  /* 0 none, 1..4 = INTA..INTD */
	bool multifunction;
	unsigned int irq; /* interrupt line set up by firmware; 0 none */
	struct resource resource[PCI_NUM_RESOURCES];
	struct pci_bus *subordinate; /* bridges: the bus behind, once scanned */
	char name[16];		     /* "0000:00:03.0", Linux: dev_name() */

	/* set when a driver binds (process context) */
	struct pci_driver *driver;
	void *driver_data;
	int enable_cnt; /* pci_enable_device nesting */
	bool is_busmaster;
};

/* A driver's table of the devices it handles; ends with an all-zero entry. */
struct pci_device_id {
	unsigned int vendor, device;	   /* or PCI_ANY_ID */
	unsigned int subvendor, subdevice; /* or PCI_ANY_ID */
	unsigned int class, class_mask; /* (dev->class ^ class) & mask == 0 */
	unsigned long driver_data;	/* for the driver's own use */
};

#define PCI_DEVICE(vend, dev)                                       \
	.vendor = (vend), .device = (dev), .subvendor = PCI_ANY_ID, \
	.subdevice = PCI_ANY_ID

struct pci_driver {
	struct list_head node; /* on the list of registered drivers */
	const char *name;
	const struct pci_device_id *id_table;
	/* 0: bound. Negative errno: not bound (the device stays free). */
	int (*probe)(struct pci_dev *dev, const struct pci_device_id *id);
	void (*remove)(struct pci_dev *dev);
};

/* ---- enumeration (probe.c) ---- */
void pci_subsys_init(void);
/* Iteration, as Linux: pci_get_device(PCI_ANY_ID, PCI_ANY_ID, prev). */
struct pci_dev *pci_get_device(unsigned int vendor, unsigned int device,
			       struct pci_dev *from);
struct pci_dev *pci_get_domain_bus_and_slot(int domain, unsigned int bus,
					    unsigned int devfn);
#define for_each_pci_dev(d) \
	while ((d = pci_get_device(PCI_ANY_ID, PCI_ANY_ID, d)) != NULL)

/* ---- configuration space (access.c; raw access in direct.c) ---- */
int pci_bus_read_config_byte(struct pci_bus *bus, unsigned int devfn, int where,
			     uint8_t *val);
int pci_bus_read_config_word(struct pci_bus *bus, unsigned int devfn, int where,
			     uint16_t *val);
int pci_bus_read_config_dword(struct pci_bus *bus, unsigned int devfn,
			      int where, uint32_t *val);
int pci_bus_write_config_byte(struct pci_bus *bus, unsigned int devfn,
			      int where, uint8_t val);
int pci_bus_write_config_word(struct pci_bus *bus, unsigned int devfn,
			      int where, uint16_t val);
int pci_bus_write_config_dword(struct pci_bus *bus, unsigned int devfn,
			       int where, uint32_t val);
int pci_read_config_byte(const struct pci_dev *dev, int where, uint8_t *val);
int pci_read_config_word(const struct pci_dev *dev, int where, uint16_t *val);
int pci_read_config_dword(const struct pci_dev *dev, int where, uint32_t *val);
int pci_write_config_byte(const struct pci_dev *dev, int where, uint8_t val);
int pci_write_config_word(const struct pci_dev *dev, int where, uint16_t val);
int pci_write_config_dword(const struct pci_dev *dev, int where, uint32_t val);

/*
 * The two functions that touch hardware (direct.c, mechanism #1 through
 * ports 0xCF8/0xCFC); host tests supply a fake bus in their place.
 * len is 1, 2 or 4; reg is aligned to len. Linux: arch/x86/pci/common.c,
 * with a domain argument first.
 */
int raw_pci_read(unsigned int bus, unsigned int devfn, int reg, int len,
		 uint32_t *val);
int raw_pci_write(unsigned int bus, unsigned int devfn, int reg, int len,
		  uint32_t val);
/* Is configuration mechanism #1 there? (Linux: pci_check_type1) */
int pci_check_type1(void);

/* ---- devices and drivers (pci.c) ---- */
int pci_enable_device(struct pci_dev *dev);
void pci_disable_device(struct pci_dev *dev);
void pci_set_master(struct pci_dev *dev);
void pci_clear_master(struct pci_dev *dev);
int pci_register_driver(struct pci_driver *drv);
void pci_unregister_driver(struct pci_driver *drv);
const struct pci_device_id *pci_match_id(const struct pci_device_id *ids,
					 const struct pci_dev *dev);
/* Called by enumeration for each new device: bind a registered driver. */
void pci_bus_add_device(struct pci_dev *dev);

static inline const char *pci_name(const struct pci_dev *dev)
{
	return dev->name;
}

static inline void pci_set_drvdata(struct pci_dev *dev, void *data)
{
	dev->driver_data = data;
}

static inline void *pci_get_drvdata(struct pci_dev *dev)
{
	return dev->driver_data;
}

#define pci_resource_start(dev, bar) ((dev)->resource[(bar)].start)
#define pci_resource_end(dev, bar) ((dev)->resource[(bar)].end)
#define pci_resource_flags(dev, bar) ((dev)->resource[(bar)].flags)
/* Size of BAR `bar` in bytes; 0 if the device does not implement it. */
static inline resource_size_t pci_resource_len(const struct pci_dev *dev,
					       int bar)
{
	const struct resource *res = &dev->resource[bar];

	return res->flags ? res->end - res->start + 1 : 0;
}

/*
 * Log with the device's name, as Linux's dev_info():
 * "pci 0000:00:03.0: ..." before a driver binds, "e1000 0000:00:03.0: ..."
 * after.
 */
#define pci_printk(level, dev, fmt, ...)                                   \
	printk(level "%s %s: " fmt,                                        \
	       (dev)->driver ? (dev)->driver->name : "pci", pci_name(dev), \
	       ##__VA_ARGS__)
#define pci_info(dev, fmt, ...) pci_printk(KERN_INFO, dev, fmt, ##__VA_ARGS__)
#define pci_warn(dev, fmt, ...) \
	pci_printk(KERN_WARNING, dev, fmt, ##__VA_ARGS__)
#define pci_err(dev, fmt, ...) pci_printk(KERN_ERR, dev, fmt, ##__VA_ARGS__)
#define pci_dbg(dev, fmt, ...) pci_printk(KERN_DEBUG, dev, fmt, ##__VA_ARGS__)

/* ---- text for /proc/bus/pci/devices and lspci -n (proc.c) ---- */
/* Both fill buf (at most len bytes, NUL-terminated) and return the length. */
int pci_devices_show(char *buf, int len);
int pci_proc_init(void); /* /proc/bus/pci/devices and BB/DD.F; boot */
int pci_lspci_show(char *buf, int len);

#endif
