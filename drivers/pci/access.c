/*
 * access.c - reading and writing configuration space (Linux:
 * drivers/pci/access.c).
 *
 * Two layers, as in Linux: pci_bus_*_config_*() address a function by bus
 * and devfn (enumeration uses them before a struct pci_dev exists);
 * pci_*_config_*() take the pci_dev a driver holds. Both check the
 * register offset and alignment, then call raw_pci_read/raw_pci_write.
 *
 * A failed read stores all ones, as the hardware does for an absent
 * function, so callers that only look at the value see "no device".
 * Any context.
 */
#include "drivers/pci/pci.h"

/* where must be inside the 256 bytes and aligned to the access size. */
static int pci_bad_register(int where, int len)
{
	return where < 0 || where + len > 256 || (where & (len - 1));
}

static int pci_bus_read_config(struct pci_bus *bus, unsigned int devfn,
			       int where, int len, uint32_t *val)
{
	if (pci_bad_register(where, len)) {
		*val = ~0u;
		return PCIBIOS_BAD_REGISTER_NUMBER;
	}
	if (raw_pci_read(bus->number, devfn, where, len, val)) {
		*val = ~0u;
		return PCIBIOS_DEVICE_NOT_FOUND;
	}
	return PCIBIOS_SUCCESSFUL;
}

static int pci_bus_write_config(struct pci_bus *bus, unsigned int devfn,
				int where, int len, uint32_t val)
{
	if (pci_bad_register(where, len))
		return PCIBIOS_BAD_REGISTER_NUMBER;
	if (raw_pci_write(bus->number, devfn, where, len, val))
		return PCIBIOS_DEVICE_NOT_FOUND;
	return PCIBIOS_SUCCESSFUL;
}

int pci_bus_read_config_byte(struct pci_bus *bus, unsigned int devfn, int where,
			     uint8_t *val)
{
	uint32_t v;
	int rc = pci_bus_read_config(bus, devfn, where, 1, &v);

	*val = (uint8_t)v;
	return rc;
}

int pci_bus_read_config_word(struct pci_bus *bus, unsigned int devfn, int where,
			     uint16_t *val)
{
	uint32_t v;
	int rc = pci_bus_read_config(bus, devfn, where, 2, &v);

	*val = (uint16_t)v;
	return rc;
}

int pci_bus_read_config_dword(struct pci_bus *bus, unsigned int devfn,
			      int where, uint32_t *val)
{
	return pci_bus_read_config(bus, devfn, where, 4, val);
}

int pci_bus_write_config_byte(struct pci_bus *bus, unsigned int devfn,
			      int where, uint8_t val)
{
	return pci_bus_write_config(bus, devfn, where, 1, val);
}

int pci_bus_write_config_word(struct pci_bus *bus, unsigned int devfn,
			      int where, uint16_t val)
{
	return pci_bus_write_config(bus, devfn, where, 2, val);
}

int pci_bus_write_config_dword(struct pci_bus *bus, unsigned int devfn,
			       int where, uint32_t val)
{
	return pci_bus_write_config(bus, devfn, where, 4, val);
}

int pci_read_config_byte(const struct pci_dev *dev, int where, uint8_t *val)
{
	return pci_bus_read_config_byte(dev->bus, dev->devfn, where, val);
}

int pci_read_config_word(const struct pci_dev *dev, int where, uint16_t *val)
{
	return pci_bus_read_config_word(dev->bus, dev->devfn, where, val);
}

int pci_read_config_dword(const struct pci_dev *dev, int where, uint32_t *val)
{
	return pci_bus_read_config_dword(dev->bus, dev->devfn, where, val);
}

int pci_write_config_byte(const struct pci_dev *dev, int where, uint8_t val)
{
	return pci_bus_write_config_byte(dev->bus, dev->devfn, where, val);
}

int pci_write_config_word(const struct pci_dev *dev, int where, uint16_t val)
{
	return pci_bus_write_config_word(dev->bus, dev->devfn, where, val);
}

int pci_write_config_dword(const struct pci_dev *dev, int where, uint32_t val)
{
	return pci_bus_write_config_dword(dev->bus, dev->devfn, where, val);
}
