/*
 * lspci - list PCI devices, as pciutils' lspci does in its default
 * (non-verbose) mode.
 *
 *   lspci        00:03.0 Ethernet controller: Intel Corporation 82540EM ...
 *   lspci -n     00:03.0 0200: 8086:100e (rev 03)
 *   lspci -nn    both: ... Ethernet controller [0200]: Intel ... [8086:100e]
 *
 * Where it reads, as pciutils' "linux-proc" access method:
 *   /proc/bus/pci/devices   one line per function: bus+devfn, vendor+device
 *                           (drivers/pci/proc.c writes it)
 *   /proc/bus/pci/BB/DD.F   that function's configuration space; the class
 *                           (bytes 0x0a-0x0b) and revision (0x08) come from
 *                           here, because the devices file has neither
 * `-O proc.path=DIR` reads DIR instead of /proc/bus/pci (pciutils' option;
 * the host tests use it).
 *
 * Names come from a small built-in table of what QEMU's PC offers; pciutils
 * reads the full pci.ids database instead. Unknown IDs print as pciutils
 * prints them without a database ("Device 1234:5678").
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *proc_path = "/proc/bus/pci";

struct pci_dev {
	unsigned int bus, devfn, vendor, device;
	unsigned int class;    /* base class << 8 | subclass */
	unsigned int revision; /* 0: none printed */
};

/* ---- names (pci.ids excerpts) ----------------------------------------------- */

static const struct {
	unsigned int id;
	const char *name;
} vendors[] = {
	{ 0x8086, "Intel Corporation" },
	{ 0x10ec, "Realtek Semiconductor Co., Ltd." },
	{ 0x1234, "Technical Corp." },
	{ 0x1af4, "Red Hat, Inc." },
	{ 0x1b36, "Red Hat, Inc." },
};

static const struct {
	unsigned int vendor, device;
	const char *name;
} devices[] = {
	{ 0x8086, 0x1237, "440FX - 82441FX PMC [Natoma]" },
	{ 0x8086, 0x7000, "82371SB PIIX3 ISA [Natoma/Triton II]" },
	{ 0x8086, 0x7010, "82371SB PIIX3 IDE [Natoma/Triton II]" },
	{ 0x8086, 0x7113, "82371AB/EB/MB PIIX4 ACPI" },
	{ 0x8086, 0x100e, "82540EM Gigabit Ethernet Controller" },
	{ 0x10ec, 0x8139, "RTL-8100/8101L/8139 PCI Fast Ethernet Adapter" },
	{ 0x1234, 0x1111, "QEMU Virtual Video Controller" },
};

static const struct {
	unsigned int class;
	const char *name;
} classes[] = {
	{ 0x0000, "Non-VGA unclassified device" },
	{ 0x0100, "SCSI storage controller" },
	{ 0x0101, "IDE interface" },
	{ 0x0106, "SATA controller" },
	{ 0x0200, "Ethernet controller" },
	{ 0x0280, "Network controller" },
	{ 0x0300, "VGA compatible controller" },
	{ 0x0401, "Multimedia audio controller" },
	{ 0x0600, "Host bridge" },
	{ 0x0601, "ISA bridge" },
	{ 0x0604, "PCI bridge" },
	{ 0x0680, "Bridge" },
	{ 0x0c03, "USB controller" },
	{ 0x0c05, "SMBus" },
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const char *vendor_name(unsigned int v)
{
	for (size_t i = 0; i < N(vendors); i++)
		if (vendors[i].id == v)
			return vendors[i].name;
	return NULL;
}

static const char *device_name(unsigned int v, unsigned int d)
{
	for (size_t i = 0; i < N(devices); i++)
		if (devices[i].vendor == v && devices[i].device == d)
			return devices[i].name;
	return NULL;
}

static void print_class(const struct pci_dev *p, int numeric)
{
	const char *name = NULL;

	for (size_t i = 0; i < N(classes); i++)
		if (classes[i].class == p->class)
			name = classes[i].name;
	if (numeric == 1)
		printf("%04x", p->class);
	else if (name)
		printf(numeric ? "%s [%04x]" : "%s", name, p->class);
	else
		printf(numeric ? "Class [%04x]" : "Class %04x", p->class);
}

/* pciutils' pci_lookup_name for vendor+device, without pci.ids fallbacks */
static void print_ids(const struct pci_dev *p, int numeric)
{
	const char *vn = vendor_name(p->vendor);
	const char *dn = device_name(p->vendor, p->device);

	if (numeric == 1) {
		printf("%04x:%04x", p->vendor, p->device);
		return;
	}
	if (vn && dn)
		printf("%s %s", vn, dn);
	else if (vn)
		printf("%s Device %04x", vn, p->device);
	else
		printf("Device %04x:%04x", p->vendor, p->device);
	if (numeric)
		printf(" [%04x:%04x]", p->vendor, p->device);
}

/* ---- reading ------------------------------------------------------------------ */

/* Class and revision from the config file; 0 or -1 if it cannot be read. */
static int read_config(struct pci_dev *p)
{
	unsigned char cfg[12];
	char path[256];
	int fd, n;

	snprintf(path, sizeof(path), "%s/%02x/%02x.%x", proc_path, p->bus,
		 p->devfn >> 3, p->devfn & 7);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	n = read(fd, cfg, sizeof(cfg));
	close(fd);
	if (n != (int)sizeof(cfg))
		return -1;
	p->revision = cfg[8];
	p->class = cfg[0x0b] << 8 | cfg[0x0a];
	return 0;
}

/* "0018\t8086100e\t..." -> bus 0, devfn 0x18, 8086:100e. */
static int parse_devices_line(const char *line, struct pci_dev *p)
{
	char *end;
	unsigned long bdf = strtoul(line, &end, 16), ids;

	if (end == line || (*end != '\t' && *end != ' '))
		return -1;
	ids = strtoul(end, &end, 16);
	if (*end != '\t' && *end != ' ')
		return -1;
	memset(p, 0, sizeof(*p));
	p->bus = bdf >> 8;
	p->devfn = bdf & 0xff;
	p->vendor = ids >> 16;
	p->device = ids & 0xffff;
	return 0;
}

static void show_device(const struct pci_dev *p, int numeric)
{
	printf("%02x:%02x.%d ", p->bus, p->devfn >> 3, p->devfn & 7);
	print_class(p, numeric);
	printf(": ");
	print_ids(p, numeric);
	if (p->revision)
		printf(" (rev %02x)", p->revision);
	printf("\n");
}

static void usage(void)
{
	fprintf(stderr, "Usage: lspci [-n] [-nn] [-O proc.path=DIR]\n"
			"-n\t\tShow numeric IDs\n"
			"-nn\t\tShow both textual and numeric IDs (names & numbers)\n");
}

int main(int argc, char **argv)
{
	char path[256], line[512];
	struct pci_dev p;
	int numeric = 0;
	FILE *f;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-n")) {
			numeric++;
		} else if (!strcmp(argv[i], "-nn")) {
			numeric += 2;
		} else if (!strcmp(argv[i], "-O") && i + 1 < argc &&
			   !strncmp(argv[i + 1], "proc.path=", 10)) {
			proc_path = argv[++i] + 10;
		} else {
			fprintf(stderr, "lspci: invalid option -- '%s'\n",
				argv[i][0] == '-' ? argv[i] + 1 : argv[i]);
			usage();
			return 2;
		}
	}
	if (numeric > 2)
		numeric = 2;
	snprintf(path, sizeof(path), "%s/devices", proc_path);
	f = fopen(path, "r");
	if (!f) {
		fprintf(stderr, "lspci: Cannot open %s: %s\n", path,
			strerror(errno));
		return 1;
	}
	while (fgets(line, sizeof(line), f)) {
		if (parse_devices_line(line, &p))
			continue;
		if (read_config(&p))
			fprintf(stderr, "lspci: Unable to read the config space of %02x:%02x.%d\n",
				p.bus, p.devfn >> 3, p.devfn & 7);
		show_device(&p, numeric);
	}
	fclose(f);
	return 0;
}
