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
 *
 * pci_proc_init() publishes, as Linux does:
 *   /proc/bus/pci/devices     the table above
 *   /proc/bus/pci/BB/DD.F     each function's configuration space, 256
 *                             bytes, binary (class and revision live
 *                             there: user/bin/lspci reads them as
 *                             pciutils' lspci does)
 * Linux hands each config file its pci_dev through pde->data; rxos's
 * procfs show functions take no argument, so each of the first
 * PCI_PROC_MAX_CONFIG devices gets a small trampoline that knows its index.
 */
#include "drivers/pci/pci.h"
#include "kernel/errno.h"
#include "kernel/fs/proc_fs.h"
#include "kernel/printk.h"
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

/* ---- the files ---- */

#define PCI_CONFIG_SIZE 256 /* type-0 header + capabilities, no PCIe */

/* The idx-th device in enumeration order, or NULL. */
static struct pci_dev *pci_dev_by_index(int idx)
{
	struct pci_dev *dev = NULL;

	for_each_pci_dev(dev)
		if (idx-- == 0)
			return dev;
	return NULL;
}

/* 256 bytes of config space, read a dword at a time, little-endian. */
static int pci_config_show(int idx, char *buf, int len)
{
	struct pci_dev *dev = pci_dev_by_index(idx);
	int n = 0;

	if (!dev)
		return -ENODEV;
	for (int where = 0; where < PCI_CONFIG_SIZE && n + 4 <= len;
	     where += 4) {
		uint32_t v = 0xffffffff;

		pci_read_config_dword(dev, where, &v);
		for (int b = 0; b < 4; b++)
			buf[n++] = (char)(v >> (8 * b));
	}
	return n;
}

#define PCI_CONFIG_THUNK(i)                                  \
	static int pci_config_show_##i(char *buf, int len)   \
	{                                                    \
		return pci_config_show(i, buf, len);         \
	}
PCI_CONFIG_THUNK(0) PCI_CONFIG_THUNK(1) PCI_CONFIG_THUNK(2)
PCI_CONFIG_THUNK(3) PCI_CONFIG_THUNK(4) PCI_CONFIG_THUNK(5)
PCI_CONFIG_THUNK(6) PCI_CONFIG_THUNK(7) PCI_CONFIG_THUNK(8)
PCI_CONFIG_THUNK(9) PCI_CONFIG_THUNK(10) PCI_CONFIG_THUNK(11)
PCI_CONFIG_THUNK(12) PCI_CONFIG_THUNK(13) PCI_CONFIG_THUNK(14)
PCI_CONFIG_THUNK(15)

static int (*const pci_config_thunk[])(char *, int) = {
	pci_config_show_0,  pci_config_show_1,	pci_config_show_2,
	pci_config_show_3,  pci_config_show_4,	pci_config_show_5,
	pci_config_show_6,  pci_config_show_7,	pci_config_show_8,
	pci_config_show_9,  pci_config_show_10, pci_config_show_11,
	pci_config_show_12, pci_config_show_13, pci_config_show_14,
	pci_config_show_15,
};
#define PCI_PROC_MAX_CONFIG ((int)ARRAY_SIZE(pci_config_thunk))

/* Boot, process context, after enumeration (Linux: pci_proc_init). */
int pci_proc_init(void)
{
	struct pci_dev *dev = NULL;
	char path[PROC_PATH_MAX];
	int idx = 0, err;

	err = proc_create_single("bus/pci/devices", pci_devices_show);
	for_each_pci_dev(dev) {
		if (err)
			break;
		if (idx >= PCI_PROC_MAX_CONFIG) {
			printk(KERN_WARNING
			       "pci: no /proc/bus/pci config file past %d devices\n",
			       PCI_PROC_MAX_CONFIG);
			break;
		}
		snprintf(path, sizeof(path), "bus/pci/%02x/%02x.%x",
			 dev->bus->number, PCI_SLOT(dev->devfn),
			 PCI_FUNC(dev->devfn));
		err = proc_create_single(path, pci_config_thunk[idx++]);
	}
	if (err)
		printk(KERN_ERR "pci: cannot create /proc/bus/pci files (%d)\n",
		       err);
	return err;
}
