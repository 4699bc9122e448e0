/*
 * pci.c - turning a found device on, and binding drivers to devices
 * (Linux: drivers/pci/pci.c and drivers/pci/pci-driver.c).
 *
 * After enumeration a device decodes nothing and may not DMA: firmware may
 * have left the command register at 0. A driver's probe() calls
 * pci_enable_device() (turn on I/O and/or memory decoding for the BARs it
 * has) and pci_set_master() (let it start DMA, which a NIC needs for its
 * descriptor rings).
 *
 * Binding: a registered driver is offered every device without a driver;
 * a device found later is offered to every registered driver
 * (pci_bus_add_device). The first whose id table matches and whose probe()
 * returns 0 owns the device. Process context; drivers register from
 * their init function. Linux does this through the generic driver core
 * (bus_type, driver_attach, device_attach); rxos has only the PCI bus.
 */
#include "drivers/pci/pci.h"
#include "kernel/errno.h"
#include "kernel/printk.h"
#include "kernel/selftest.h"

static LIST_HEAD(pci_drivers);

/* Decoding bits the device's BARs need (Linux: pci_enable_resources). */
static uint16_t pci_decode_bits(const struct pci_dev *dev)
{
	uint16_t cmd = 0;

	for (int i = 0; i < PCI_STD_NUM_BARS; i++) {
		if (dev->resource[i].flags & IORESOURCE_IO)
			cmd |= PCI_COMMAND_IO;
		if (dev->resource[i].flags & IORESOURCE_MEM)
			cmd |= PCI_COMMAND_MEMORY;
	}
	return cmd;
}

int pci_enable_device(struct pci_dev *dev)
{
	uint16_t old, cmd;

	if (dev->enable_cnt++ > 0)
		return 0;
	pci_read_config_word(dev, PCI_COMMAND, &old);
	cmd = old | pci_decode_bits(dev);
	if (cmd != old) {
		pci_info(dev, "enabling device (%04x -> %04x)\n", old, cmd);
		pci_write_config_word(dev, PCI_COMMAND, cmd);
	}
	return 0;
}

/* Undo pci_enable_device; the last call also stops DMA. */
void pci_disable_device(struct pci_dev *dev)
{
	if (dev->enable_cnt <= 0 || --dev->enable_cnt > 0)
		return;
	pci_clear_master(dev);
}

static void pci_set_command_bit(struct pci_dev *dev, uint16_t bit, bool on)
{
	uint16_t old, cmd;

	pci_read_config_word(dev, PCI_COMMAND, &old);
	cmd = on ? (old | bit) : (old & ~bit);
	if (cmd != old)
		pci_write_config_word(dev, PCI_COMMAND, cmd);
}

/*
 * Let the device master the bus (DMA). A latency timer below 16 clocks
 * would make a bus master give up the bus after a few words; set 64, as
 * Linux's pcibios_set_master does.
 */
void pci_set_master(struct pci_dev *dev)
{
	uint8_t lat;

	pci_dbg(dev, "enabling bus mastering\n");
	pci_set_command_bit(dev, PCI_COMMAND_MASTER, true);
	pci_read_config_byte(dev, PCI_LATENCY_TIMER, &lat);
	if (lat < 16)
		pci_write_config_byte(dev, PCI_LATENCY_TIMER, 64);
	dev->is_busmaster = true;
}

void pci_clear_master(struct pci_dev *dev)
{
	pci_set_command_bit(dev, PCI_COMMAND_MASTER, false);
	dev->is_busmaster = false;
}

/* ---- drivers ---- */

static bool pci_id_field_matches(unsigned int want, unsigned int have)
{
	return want == PCI_ANY_ID || want == have;
}

/* Linux: pci_match_one_device */
static bool pci_match_one_device(const struct pci_device_id *id,
				 const struct pci_dev *dev)
{
	return pci_id_field_matches(id->vendor, dev->vendor) &&
	       pci_id_field_matches(id->device, dev->device) &&
	       pci_id_field_matches(id->subvendor, dev->subsystem_vendor) &&
	       pci_id_field_matches(id->subdevice, dev->subsystem_device) &&
	       !((id->class ^ dev->class) & id->class_mask);
}

/* The entry of ids matching dev, or NULL. ids ends with an all-zero entry. */
const struct pci_device_id *pci_match_id(const struct pci_device_id *ids,
					 const struct pci_dev *dev)
{
	if (!ids)
		return NULL;
	for (; ids->vendor || ids->subvendor || ids->class_mask; ids++)
		if (pci_match_one_device(ids, dev))
			return ids;
	return NULL;
}

/* Offer dev to drv. 0 when drv now owns it. Linux: pci_device_probe. */
static int pci_device_probe(struct pci_driver *drv, struct pci_dev *dev)
{
	const struct pci_device_id *id = pci_match_id(drv->id_table, dev);
	int rc;

	if (!id || dev->driver)
		return -ENODEV;
	dev->driver = drv; /* before probe, so its log lines carry drv->name */
	rc = drv->probe(dev, id);
	if (rc) {
		dev->driver = NULL;
		pci_warn(dev, "probe with driver %s failed with error %d\n",
			 drv->name, rc);
	}
	return rc;
}

void pci_bus_add_device(struct pci_dev *dev)
{
	struct pci_driver *drv;

	list_for_each_entry(drv, &pci_drivers, node)
		if (!dev->driver)
			pci_device_probe(drv, dev);
}

/*
 * Register drv and probe it against every device without a driver.
 * Returns 0 even when nothing matched, as Linux: the driver waits for a
 * device that may come later.
 */
int pci_register_driver(struct pci_driver *drv)
{
	struct pci_dev *dev = NULL;

	if (!drv->name || !drv->probe)
		return -EINVAL;
	list_add_tail(&drv->node, &pci_drivers);
	for_each_pci_dev(dev) if (!dev->driver) pci_device_probe(drv, dev);
	return 0;
}

void pci_unregister_driver(struct pci_driver *drv)
{
	struct pci_dev *dev = NULL;

	for_each_pci_dev(dev)
	{
		if (dev->driver != drv)
			continue;
		if (drv->remove)
			drv->remove(dev);
		dev->driver = NULL;
		dev->driver_data = NULL;
	}
	list_del(&drv->node);
}

/* ---- in-kernel test ---- */

static int late_probes, late_removes;

static int late_probe(struct pci_dev *dev, const struct pci_device_id *id)
{
	late_probes++;
	return id->driver_data == 42 ? 0 : -EINVAL;
}

static void late_remove(struct pci_dev *dev)
{
	late_removes++;
}

static const struct pci_device_id late_ids[] = {
	{ PCI_DEVICE(0x8086, 0x1237),
	  .driver_data = 42 }, /* i440FX host bridge */
	{ 0 }
};

static struct pci_driver late_driver = {
	.name = "selftest",
	.id_table = late_ids,
	.probe = late_probe,
	.remove = late_remove,
};

/* A driver registered after enumeration still gets its device, once. */
SELFTEST(pci_late_driver_probe)
{
	struct pci_dev *host = pci_get_device(0x8086, 0x1237, NULL);
	int bound;

	if (!host || host->driver) {
		printk(KERN_ERR "pci: no free 8086:1237 host bridge to bind\n");
		return 1;
	}
	pci_register_driver(&late_driver);
	bound = host->driver == &late_driver;
	pci_unregister_driver(&late_driver);
	printk(KERN_INFO "pci: probe ran %d time(s), remove %d, bound %d\n",
	       late_probes, late_removes, bound);
	return !(late_probes == 1 && late_removes == 1 && bound &&
		 !host->driver);
}
