/*
 * Host tests for drivers/pci: enumeration, BAR sizing, bridges,
 * multi-function devices, driver binding and the /proc text, on a fake
 * PCI bus that stands in for drivers/pci/direct.c (raw_pci_read/write).
 *
 * The fake models what sizing relies on: each config dword has a mask of
 * writable bits; a write changes only those, so writing all ones to a BAR
 * reads back ~(size - 1) plus its read-only type bits. Buses behind a
 * bridge are reached through the bridge's secondary bus register, so an
 * unconfigured bridge's devices appear only after enumeration numbers it.
 */
#include "tests/unit/unit.h"
#include "lib/string.c"
#include "lib/vsprintf.c"
#include "tests/unit/shim_printk.h"
#include "tests/unit/shim_procfs.h"
#include "drivers/pci/access.c"
#include "drivers/pci/probe.c"
#include "drivers/pci/pci.c"
#define proc_create_single shim_proc_create_single
#include "drivers/pci/proc.c"
#undef proc_create_single

struct fake_fn {
	int parent;	   /* index of the bridge in front, -1 for bus 0 */
	unsigned int devfn;
	bool ghost;	   /* answers on all 8 function numbers of its slot */
	uint8_t cfg[256];
	uint32_t wmask[64]; /* writable bits of each dword */
};

static struct fake_fn fakes[300];
static int nfakes, fake_type1 = 1;

static uint32_t cfg_dword(const struct fake_fn *f, int reg)
{
	uint32_t v;

	memcpy(&v, f->cfg + (reg & ~3), 4);
	return v;
}

static void set_cfg_dword(struct fake_fn *f, int reg, uint32_t v)
{
	memcpy(f->cfg + (reg & ~3), &v, 4);
}

static int fake_bus_of(const struct fake_fn *f)
{
	return f->parent < 0 ? 0 : fakes[f->parent].cfg[PCI_SECONDARY_BUS];
}

static struct fake_fn *fake_find(unsigned int bus, unsigned int devfn)
{
	for (int i = 0; i < nfakes; i++) {
		struct fake_fn *f = &fakes[i];

		if (fake_bus_of(f) != (int)bus)
			continue;
		if (f->parent >= 0 && bus == 0)
			continue; /* unconfigured bridge: forwards nothing */
		if (f->devfn == devfn ||
		    (f->ghost && PCI_SLOT(f->devfn) == PCI_SLOT(devfn)))
			return f;
	}
	return NULL;
}

int raw_pci_read(unsigned int bus, unsigned int devfn, int reg, int len,
		 uint32_t *val)
{
	struct fake_fn *f = fake_find(bus, devfn);
	int shift = (reg & 3) * 8;

	if (!f) {
		*val = len == 4 ? 0xffffffff : (1u << (len * 8)) - 1;
		return 0;
	}
	*val = cfg_dword(f, reg) >> shift;
	if (len < 4)
		*val &= (1u << (len * 8)) - 1;
	return 0;
}

int raw_pci_write(unsigned int bus, unsigned int devfn, int reg, int len,
		  uint32_t val)
{
	struct fake_fn *f = fake_find(bus, devfn);
	uint32_t lanes = len == 4 ? ~0u : ((1u << (len * 8)) - 1) << ((reg & 3) * 8);
	uint32_t m, old;

	if (!f)
		return 0;
	m = f->wmask[reg / 4] & lanes;
	old = cfg_dword(f, reg);
	set_cfg_dword(f, reg, (old & ~m) | ((val << ((reg & 3) * 8)) & m));
	return 0;
}

int pci_check_type1(void)
{
	return fake_type1;
}

/* ---- building the fake machine ---- */

static int fake_add(int parent, int slot, int fn, uint16_t vendor,
		    uint16_t device, uint32_t class, uint8_t hdr)
{
	struct fake_fn *f = &fakes[nfakes];

	memset(f, 0, sizeof(*f));
	f->parent = parent;
	f->devfn = PCI_DEVFN(slot, fn);
	set_cfg_dword(f, PCI_VENDOR_ID, vendor | (uint32_t)device << 16);
	set_cfg_dword(f, PCI_CLASS_REVISION, class << 8);
	f->cfg[PCI_HEADER_TYPE] = hdr;
	f->wmask[PCI_COMMAND / 4] = 0x0000ffff;
	f->wmask[PCI_CACHE_LINE_SIZE / 4] = 0x0000ff00; /* latency timer */
	f->wmask[PCI_INTERRUPT_LINE / 4] = 0x000000ff;
	if ((hdr & 0x7f) == PCI_HEADER_TYPE_BRIDGE)
		f->wmask[PCI_PRIMARY_BUS / 4] = 0x00ffffff;
	return nfakes++;
}

/* A BAR of `size` bytes at `base`; type: 1 = I/O, else memory type bits. */
static void fake_bar(int i, int reg, uint64_t size, uint32_t type, uint64_t base)
{
	struct fake_fn *f = &fakes[i];
	uint32_t low = (type & 1) ? 3 : 15;

	set_cfg_dword(f, reg, (uint32_t)base | type);
	f->wmask[reg / 4] = (uint32_t)~(size - 1) & ~low;
	if (type & PCI_BASE_ADDRESS_MEM_TYPE_64) {
		set_cfg_dword(f, reg + 4, (uint32_t)(base >> 32));
		f->wmask[reg / 4 + 1] = (uint32_t)(~(size - 1) >> 32);
	}
}

static void fake_rom(int i, int reg, uint32_t size, uint32_t base)
{
	set_cfg_dword(&fakes[i], reg, base);
	fakes[i].wmask[reg / 4] = (~(size - 1) & PCI_ROM_ADDRESS_MASK) | 1;
}

static void fake_irq(int i, uint8_t pin, uint8_t line)
{
	fakes[i].cfg[PCI_INTERRUPT_PIN] = pin;
	fakes[i].cfg[PCI_INTERRUPT_LINE] = line;
}

static void fake_set_revision(int i, uint8_t rev)
{
	fakes[i].cfg[PCI_REVISION_ID] = rev;
}

static void pci_reset(void)
{
	memset(pci_dev_table, 0, sizeof(pci_dev_table));
	memset(pci_bus_table, 0, sizeof(pci_bus_table));
	pci_dev_count = pci_bus_count = 0;
	INIT_LIST_HEAD(&pci_drivers);
	nfakes = 0;
	fake_type1 = 1;
	host_log_clear();
}

static int e1000_fn, bridge_cfg_fn, bridge_new_fn, behind_cfg_fn;

/*
 * Bus 0: host bridge; PIIX3 at slot 1 (functions 0, 1, 3); a VGA card at
 * slot 2 that answers on every function number but is single-function;
 * e1000 at slot 3; a firmware-numbered bridge at 5 (bus 1: a device with a
 * 64-bit BAR); an unnumbered bridge at 6 (an rtl8139 behind it).
 */
static void build_machine(void)
{
	int f;

	pci_reset();
	fake_add(-1, 0, 0, 0x8086, 0x1237, 0x060000, 0);
	fake_add(-1, 1, 0, 0x8086, 0x7000, 0x060100, PCI_HEADER_TYPE_MFD);
	f = fake_add(-1, 1, 1, 0x8086, 0x7010, 0x010180, 0);
	fake_bar(f, 0x20, 16, 1, 0xc040);
	f = fake_add(-1, 1, 3, 0x8086, 0x7113, 0x068000, 0);
	fake_irq(f, 1, 9);
	f = fake_add(-1, 2, 0, 0x1234, 0x1111, 0x030000, 0);
	fakes[f].ghost = true;
	fake_bar(f, 0x10, 16 << 20, PCI_BASE_ADDRESS_MEM_PREFETCH, 0xfd000000);

	e1000_fn = f = fake_add(-1, 3, 0, 0x8086, 0x100e, 0x020000, 0);
	fake_set_revision(f, 3);
	fake_bar(f, 0x10, 128 << 10, 0, 0xfebc0000);
	fake_bar(f, 0x14, 64, 1, 0xc000);
	fake_rom(f, 0x30, 256 << 10, 0xfeb80000);
	fake_irq(f, 1, 11);

	bridge_cfg_fn = fake_add(-1, 5, 0, 0x1b36, 0x0001, 0x060400, 1);
	fakes[bridge_cfg_fn].cfg[PCI_SECONDARY_BUS] = 1;
	fakes[bridge_cfg_fn].cfg[PCI_SUBORDINATE_BUS] = 1;
	behind_cfg_fn = f = fake_add(bridge_cfg_fn, 0, 0, 0x1af4, 0x1000,
				     0x020000, 0);
	fake_bar(f, 0x10, 16 << 10,
		 PCI_BASE_ADDRESS_MEM_TYPE_64 | PCI_BASE_ADDRESS_MEM_PREFETCH,
		 0x800000000ULL);
	fake_bar(f, 0x18, 256, 1, 0xe000);

	bridge_new_fn = fake_add(-1, 6, 0, 0x1b36, 0x0001, 0x060400, 1);
	f = fake_add(bridge_new_fn, 0, 0, 0x10ec, 0x8139, 0x020000, 0);
	fake_bar(f, 0x10, 256, 1, 0xd000);
	fake_bar(f, 0x14, 256, 0, 0xfeb00000);
	fake_irq(f, 1, 10);
}

static char text[8192];

TEST(enumeration_lists_every_function_in_bus_order)
{
	build_machine();
	pci_subsys_init();
	pci_lspci_show(text, sizeof(text));
	CHECK_STR(text, "00:00.0 0600: 8086:1237\n"
			"00:01.0 0601: 8086:7000\n"
			"00:01.1 0101: 8086:7010\n"
			"00:01.3 0680: 8086:7113\n"
			"00:02.0 0300: 1234:1111\n"
			"00:03.0 0200: 8086:100e (rev 03)\n"
			"00:05.0 0604: 1b36:0001\n"
			"00:06.0 0604: 1b36:0001\n"
			"01:00.0 0200: 1af4:1000\n"
			"02:00.0 0200: 10ec:8139\n");
	CHECK(host_log_has("pci 0000:00:03.0: [8086:100e] type 00 class 0x020000"));
	CHECK(host_log_has("PCI: 10 devices on 3 buses"));
}

TEST(single_function_device_is_listed_once_though_it_answers_on_all)
{
	build_machine();
	pci_subsys_init();
	CHECK(pci_get_domain_bus_and_slot(0, 0, PCI_DEVFN(2, 0)) != NULL);
	CHECK(pci_get_domain_bus_and_slot(0, 0, PCI_DEVFN(2, 1)) == NULL);
	CHECK(pci_get_domain_bus_and_slot(0, 0, PCI_DEVFN(1, 2)) == NULL);
	CHECK(pci_get_domain_bus_and_slot(0, 0, PCI_DEVFN(1, 3))->multifunction);
}

TEST(bar_sizing_finds_memory_io_and_rom_windows)
{
	struct pci_dev *e1000;

	build_machine();
	pci_subsys_init();
	e1000 = pci_get_device(0x8086, 0x100e, NULL);
	CHECK(e1000 != NULL);
	CHECK_EQ(pci_resource_start(e1000, 0), 0xfebc0000);
	CHECK_EQ(pci_resource_len(e1000, 0), 128 << 10);
	CHECK_EQ(pci_resource_flags(e1000, 0), IORESOURCE_MEM);
	CHECK_EQ(pci_resource_start(e1000, 1), 0xc000);
	CHECK_EQ(pci_resource_len(e1000, 1), 64);
	CHECK_EQ(pci_resource_flags(e1000, 1), IORESOURCE_IO | 1);
	CHECK_EQ(pci_resource_len(e1000, 2), 0);
	CHECK_EQ(pci_resource_start(e1000, PCI_ROM_RESOURCE), 0xfeb80000);
	CHECK_EQ(pci_resource_len(e1000, PCI_ROM_RESOURCE), 256 << 10);
	CHECK_EQ(e1000->irq, 11);
	CHECK_EQ(e1000->pin, 1);
	CHECK_EQ(e1000->revision, 3);
	CHECK(host_log_has("pci 0000:00:03.0: reg 0x10: [mem 0xfebc0000-0xfebdffff]\n"));
	CHECK(host_log_has("pci 0000:00:03.0: reg 0x14: [io  0xc000-0xc03f]\n"));
	CHECK(host_log_has("pci 0000:00:03.0: reg 0x30: [mem 0xfeb80000-0xfebbffff pref]\n"));
	CHECK(host_log_has("pci 0000:00:03.0: PCI INT A -> IRQ 11\n"));
}

TEST(bar_sizing_restores_bars_and_command_register)
{
	build_machine();
	set_cfg_dword(&fakes[e1000_fn], PCI_COMMAND, 0x0007);
	pci_subsys_init();
	CHECK_EQ(cfg_dword(&fakes[e1000_fn], 0x10), 0xfebc0000);
	CHECK_EQ(cfg_dword(&fakes[e1000_fn], 0x14), 0xc001);
	CHECK_EQ(cfg_dword(&fakes[e1000_fn], 0x30), 0xfeb80000);
	CHECK_EQ(cfg_dword(&fakes[e1000_fn], PCI_COMMAND) & 0xffff, 0x0007);
}

TEST(sixty_four_bit_bar_uses_two_slots)
{
	struct pci_dev *d;

	build_machine();
	pci_subsys_init();
	d = pci_get_device(0x1af4, 0x1000, NULL);
	CHECK(d != NULL);
	CHECK_EQ(pci_resource_start(d, 0), 0x800000000ULL);
	CHECK_EQ(pci_resource_len(d, 0), 16 << 10);
	CHECK_EQ(pci_resource_flags(d, 0), IORESOURCE_MEM | IORESOURCE_MEM_64 |
						   IORESOURCE_PREFETCH | 0xc);
	CHECK_EQ(pci_resource_flags(d, 1), 0); /* the upper half, not a BAR */
	CHECK_EQ(pci_resource_start(d, 2), 0xe000);
	CHECK_EQ(pci_resource_len(d, 2), 256);
	CHECK(host_log_has("reg 0x10: [mem 0x800000000-0x800003fff 64bit pref]"));
}

TEST(firmware_numbered_bridge_is_scanned_at_its_bus)
{
	struct pci_dev *d;

	build_machine();
	pci_subsys_init();
	d = pci_get_device(0x1af4, 0x1000, NULL);
	CHECK_EQ(d->bus->number, 1);
	CHECK(d->bus->self == pci_get_domain_bus_and_slot(0, 0, PCI_DEVFN(5, 0)));
	CHECK(host_log_has("pci 0000:00:05.0: PCI bridge to [bus 01-01]"));
}

TEST(unnumbered_bridge_gets_the_next_bus_number)
{
	struct pci_dev *rtl;

	build_machine();
	pci_subsys_init();
	rtl = pci_get_device(0x10ec, 0x8139, NULL);
	CHECK(rtl != NULL);
	CHECK_EQ(rtl->bus->number, 2);
	CHECK_EQ(fakes[bridge_new_fn].cfg[PCI_PRIMARY_BUS], 0);
	CHECK_EQ(fakes[bridge_new_fn].cfg[PCI_SECONDARY_BUS], 2);
	CHECK_EQ(fakes[bridge_new_fn].cfg[PCI_SUBORDINATE_BUS], 2);
	CHECK(host_log_has("pci 0000:00:06.0: PCI bridge to [bus 02-02]"));
}

TEST(absent_slot_reads_all_ones_and_is_not_listed)
{
	build_machine();
	pci_subsys_init();
	CHECK_EQ(selftest_pci_absent_slot_reads_ones(), 0);
	CHECK(host_log_has("pci: slot 00:04.0 empty: device ffff class/rev ffffffff header ff"));
}

TEST(bad_config_offsets_are_refused_with_all_ones)
{
	struct pci_dev *e1000;
	uint32_t d = 0;
	uint16_t w = 0;

	build_machine();
	pci_subsys_init();
	e1000 = pci_get_device(0x8086, 0x100e, NULL);
	CHECK_EQ(pci_read_config_word(e1000, 1, &w), PCIBIOS_BAD_REGISTER_NUMBER);
	CHECK_EQ(w, 0xffff);
	CHECK_EQ(pci_read_config_dword(e1000, 0x102, &d), PCIBIOS_BAD_REGISTER_NUMBER);
	CHECK_EQ(d, 0xffffffff);
	CHECK_EQ(pci_read_config_dword(e1000, 256, &d), PCIBIOS_BAD_REGISTER_NUMBER);
	CHECK_EQ(pci_write_config_word(e1000, -2, 0), PCIBIOS_BAD_REGISTER_NUMBER);
	CHECK_EQ(pci_read_config_word(e1000, PCI_DEVICE_ID, &w), PCIBIOS_SUCCESSFUL);
	CHECK_EQ(w, 0x100e);
}

TEST(no_config_mechanism_means_no_devices)
{
	build_machine();
	fake_type1 = 0;
	pci_subsys_init();
	CHECK(pci_get_device(PCI_ANY_ID, PCI_ANY_ID, NULL) == NULL);
	CHECK(host_log_has("no configuration mechanism #1"));
}

TEST(full_device_table_drops_extra_functions_without_overflow)
{
	pci_reset();
	for (int slot = 0; slot < 32; slot++)
		for (int fn = 0; fn < 8; fn++)
			fake_add(-1, slot, fn, 0x1234, 0x5678, 0xff0000,
				 PCI_HEADER_TYPE_MFD);
	pci_subsys_init();
	CHECK_EQ(pci_dev_count, PCI_MAX_DEVICES);
	CHECK(host_log_has("pci 0000:00:08.0: device table full, ignored"));
}

TEST(bridge_claiming_a_used_bus_number_is_renumbered)
{
	int b, f;

	build_machine();
	/* a second bridge that also says "bus 1 is behind me" */
	b = fake_add(-1, 7, 0, 0x1b36, 0x0001, 0x060400, 1);
	fakes[b].cfg[PCI_SECONDARY_BUS] = 1;
	fakes[b].cfg[PCI_SUBORDINATE_BUS] = 1;
	f = fake_add(b, 0, 0, 0xabcd, 0x0001, 0x020000, 0);
	(void)f;
	pci_subsys_init();
	CHECK_EQ(fakes[b].cfg[PCI_SECONDARY_BUS], 3);
	CHECK_EQ(pci_get_device(0xabcd, 0x0001, NULL)->bus->number, 3);
	CHECK_EQ(pci_bus_count, 4);
}

/* ---- drivers ---- */

static int probes, removes, probe_rc;
static struct pci_dev *probed;
static const struct pci_device_id *probed_id;

static int fake_probe(struct pci_dev *dev, const struct pci_device_id *id)
{
	probes++;
	probed = dev;
	probed_id = id;
	if (probe_rc)
		return probe_rc;
	pci_enable_device(dev);
	pci_set_master(dev);
	return 0;
}

static void fake_remove(struct pci_dev *dev)
{
	removes++;
	pci_disable_device(dev);
}

static const struct pci_device_id nic_ids[] = {
	{ PCI_DEVICE(0x8086, 0x1004) },
	{ PCI_DEVICE(0x8086, 0x100e), .driver_data = 7 },
	{ 0 }
};

static struct pci_driver nic_driver = {
	.name = "e1000", .id_table = nic_ids,
	.probe = fake_probe, .remove = fake_remove,
};

static void reset_driver(void)
{
	probes = removes = probe_rc = 0;
	probed = NULL;
	probed_id = NULL;
}

TEST(driver_registered_after_enumeration_is_probed_for_matches_only)
{
	build_machine();
	reset_driver();
	pci_subsys_init();
	CHECK_EQ(pci_register_driver(&nic_driver), 0);
	CHECK_EQ(probes, 1);
	CHECK(probed == pci_get_device(0x8086, 0x100e, NULL));
	CHECK(probed_id == &nic_ids[1]);
	CHECK(probed->driver == &nic_driver);
	pci_unregister_driver(&nic_driver);
	CHECK_EQ(removes, 1);
	CHECK(probed->driver == NULL);
}

TEST(driver_registered_before_enumeration_is_probed_by_the_scan)
{
	build_machine();
	reset_driver();
	CHECK_EQ(pci_register_driver(&nic_driver), 0);
	CHECK_EQ(probes, 0);
	pci_subsys_init();
	CHECK_EQ(probes, 1);
	CHECK(probed->driver == &nic_driver);
}

TEST(enable_device_turns_on_decoding_and_set_master_dma)
{
	uint32_t cmd;

	build_machine();
	reset_driver();
	pci_subsys_init();
	pci_register_driver(&nic_driver);
	cmd = cfg_dword(&fakes[e1000_fn], PCI_COMMAND) & 0xffff;
	CHECK_EQ(cmd, PCI_COMMAND_IO | PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER);
	CHECK_EQ(fakes[e1000_fn].cfg[PCI_LATENCY_TIMER], 64);
	CHECK(probed->is_busmaster);
	CHECK(host_log_has("e1000 0000:00:03.0: enabling device (0000 -> 0003)"));
	pci_unregister_driver(&nic_driver); /* remove disables: DMA off */
	cmd = cfg_dword(&fakes[e1000_fn], PCI_COMMAND) & 0xffff;
	CHECK_EQ(cmd, PCI_COMMAND_IO | PCI_COMMAND_MEMORY);
}

TEST(failed_probe_leaves_device_free_and_logs_the_error)
{
	build_machine();
	reset_driver();
	pci_subsys_init();
	probe_rc = -12;
	pci_register_driver(&nic_driver);
	CHECK_EQ(probes, 1);
	CHECK(probed->driver == NULL);
	CHECK(host_log_has("pci 0000:00:03.0: probe with driver e1000 failed with error -12"));
}

TEST(driver_without_probe_is_refused)
{
	struct pci_driver bad = { .name = "bad", .id_table = nic_ids };

	pci_reset();
	CHECK_EQ(pci_register_driver(&bad), -EINVAL);
	CHECK(list_empty(&pci_drivers));
}

TEST(class_match_with_mask)
{
	static const struct pci_device_id by_class[] = {
		{ .vendor = PCI_ANY_ID, .device = PCI_ANY_ID,
		  .subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID,
		  .class = 0x060400, .class_mask = 0xffff00 },
		{ 0 }
	};
	struct pci_dev *d = NULL;
	int bridges = 0;

	build_machine();
	pci_subsys_init();
	for_each_pci_dev(d)
		bridges += pci_match_id(by_class, d) != NULL;
	CHECK_EQ(bridges, 2);
}

/* ---- /proc/bus/pci/devices ---- */

TEST(proc_bus_pci_devices_line_matches_linux_layout)
{
	char *line;

	build_machine();
	reset_driver();
	pci_subsys_init();
	pci_register_driver(&nic_driver);
	pci_devices_show(text, sizeof(text));
	line = strstr(text, "0018\t");
	CHECK(line != NULL);
	if (!line)
		return;
	*strchr(line, '\n') = '\0';
	CHECK_STR(line, "0018\t8086100e\tb"
			"\t        febc0000\t            c001\t               0"
			"\t               0\t               0\t               0"
			"\t        feb80000"
			"\t           20000\t              40\t               0"
			"\t               0\t               0\t               0"
			"\t           40000"
			"\te1000");
	/* a device without driver ends in an empty field */
	CHECK(strstr(text, "0000\t80861237\t0\t") == text);
	CHECK(strstr(text, "\t\n") != NULL);
}

TEST(proc_text_is_truncated_not_overflowed)
{
	char small[40];

	build_machine();
	pci_subsys_init();
	memset(small, 'x', sizeof(small));
	CHECK_EQ(pci_devices_show(small, 32), 31);
	CHECK_EQ(small[31], '\0');
	CHECK_EQ(small[32], 'x');
	CHECK_EQ(pci_lspci_show(small, 0), 0);
}

RUN_TESTS()
