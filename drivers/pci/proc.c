/*
 * proc.c - the device list as text (Linux: drivers/pci/proc.c, and the
 * line format of pciutils' `lspci -n`).
 *
 * pci_devices_show() writes what Linux's /proc/bus/pci/devices holds, one
 * line per function, tab-separated:
 *
 *   bus devfn | vendor device | irq | 7 x (base | flag bits) | 7 x size | driver
 *
 * all in hex; lspci and other tools parse exactly this layout.
 * pci_lspci_show() writes "00:03.0 0200: 8086:100e (rev 03)" lines, what
 * `lspci -n` prints. Process context (the procfs read handler).
 */
#include "drivers/pci/pci.h"
#include "lib/vsprintf.h"

static resource_size_t pci_resource_size(const struct resource *res)
{
	return res->start < res->end ? res->end - res->start + 1 : 0;
}

/* One line of /proc/bus/pci/devices at buf; returns its length. */
static int pci_show_device(const struct pci_dev *dev, char *buf, int len)
{
	int n = scnprintf(buf, len, "%02x%02x\t%04x%04x\t%x", dev->bus->number,
			  dev->devfn, dev->vendor, dev->device, dev->irq);

	for (int i = 0; i < PCI_NUM_RESOURCES; i++)
		n += scnprintf(buf + n, len - n, "\t%16llx",
			       (unsigned long long)(dev->resource[i].start |
						    (dev->resource[i].flags &
						     PCI_REGION_FLAG_MASK)));
	for (int i = 0; i < PCI_NUM_RESOURCES; i++)
		n += scnprintf(buf + n, len - n, "\t%16llx",
			       (unsigned long long)pci_resource_size(
				       &dev->resource[i]));
	n += scnprintf(buf + n, len - n, "\t%s\n",
		       dev->driver ? dev->driver->name : "");
	return n;
}

/* One "lspci -n" line at buf; returns its length. */
static int pci_lspci_line(const struct pci_dev *dev, char *buf, int len)
{
	int n = scnprintf(buf, len, "%02x:%02x.%d %04x: %04x:%04x",
			  dev->bus->number, PCI_SLOT(dev->devfn),
			  PCI_FUNC(dev->devfn), dev->class >> 8, dev->vendor,
			  dev->device);

	if (dev->revision)
		n += scnprintf(buf + n, len - n, " (rev %02x)", dev->revision);
	n += scnprintf(buf + n, len - n, "\n");
	return n;
}

/* One line per device, in enumeration (bus) order. */
static int pci_show_each(char *buf, int len,
			 int (*line)(const struct pci_dev *, char *, int))
{
	struct pci_dev *dev = NULL;
	int n = 0;

	if (len <= 0)
		return 0;
	buf[0] = '\0';
	for_each_pci_dev(dev) n += line(dev, buf + n, len - n);
	return n;
}

int pci_devices_show(char *buf, int len)
{
	return pci_show_each(buf, len, pci_show_device);
}

int pci_lspci_show(char *buf, int len)
{
	return pci_show_each(buf, len, pci_lspci_line);
}
