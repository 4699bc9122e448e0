/*
 * main.c - start_kernel(), where C begins (Linux: init/main.c).
 *
 * head.asm calls start_kernel(magic, mbi) on the boot stack with interrupts
 * off and the first 16 MiB mapped at PAGE_OFFSET. It brings the subsystems up
 * in dependency order, each logging one line, then enables interrupts and
 * calls rest_init(): pid 1 (kernel_init: selftests, then /sbin/init) and
 * pid 2 (kthreadd) are created and the boot context becomes pid 0, the
 * idle task, whose hlt sleeps until the next interrupt.
 * `break start_kernel` in gdb is the place to begin.
 */
#include "drivers/net/net_drivers.h"
#include "drivers/pci/pci.h"
#include "drivers/tty/serial.h"
#include "drivers/tty/tty.h"
#include "drivers/tty/vga.h"
#include "net/core/netdevice.h"
#include "net/core/skbuff.h"
#include "net/ipv4/af_inet.h"
#include "kernel/desc.h"
#include "kernel/init.h"
#include "kernel/io.h"
#include "kernel/irq.h"
#include "kernel/irqflags.h"
#include "kernel/kernel.h"
#include "kernel/fs/fs.h"
#include "kernel/mm/initrd.h"
#include "kernel/mm/mm.h"
#include "kernel/multiboot.h"
#include "kernel/params.h"
#include "kernel/printk.h"
#include "kernel/reboot.h"
#include "kernel/sched/sched.h"
#include "kernel/time.h"
#include "kernel/timer.h"
#include "kernel/traps.h"
#include "kernel/utsname.h"
#include "lib/string.h"

const char linux_banner[] = "Linux version " UTS_RELEASE
			    " (rxos teaching kernel) (gcc -m32) #1";
struct multiboot_info *boot_mbi;

/*
 * GRUB and QEMU put the kernel's own path first ("/boot/kernel.elf
 * console=ttyS0"); Linux's command line starts with the options, so skip it.
 */
static const char *boot_cmdline(struct multiboot_info *mbi)
{
	const char *s, *sp;

	if (!mbi || !(mbi->flags & MULTIBOOT_INFO_CMDLINE) || !mbi->cmdline)
		return "";
	s = (const char *)__va(mbi->cmdline);
	sp = strchr(s, ' ');
	if (!sp)
		sp = s + strlen(s);
	for (const char *p = s; p < sp; p++) {
		if (*p == '=')
			return s;
		if (*p == '/')
			return *sp ? sp + 1 : sp;
	}
	return s;
}

static void check_multiboot(uint32_t magic, uint32_t mbi_phys)
{
	if (magic != MULTIBOOT_BOOTLOADER_MAGIC) {
		pr_err("not started by a multiboot loader (magic %08x); no memory map or modules\n",
		       magic);
		boot_mbi = NULL;
		return;
	}
	boot_mbi = __va(mbi_phys);
}

/*
 * The root file system, as Linux's vfs_caches_init + populate_rootfs +
 * prepare_namespace: a ramfs at /, the initramfs cpio unpacked into it, its
 * pages given back, then /dev and /proc mounted.
 */
static void vfs_init(void)
{
	vfs_caches_init();
	if (initrd_start)
		populate_rootfs((void *)initrd_start, initrd_end - initrd_start);
	else
		pr_warn("VFS: no initramfs, root file system is empty\n");
	free_initrd_mem();
	prepare_namespace();
}

void start_kernel(uint32_t magic, uint32_t mbi_phys)
{
	serial_early_init();
	vga_console_init();
	check_multiboot(magic, mbi_phys);
	pr_notice("%s\n", linux_banner);
	cpu_init();  /* our GDT and TSS, before anything can fault */
	trap_init(); /* IDT: from here a fault is an oops, not a reboot */
	setup_arch(); /* memory map, paging, boot reservations */
	sched_init(); /* the boot context becomes pid 0, before any tick */
	parse_boot_command_line(boot_cmdline(boot_mbi));
	console_cmdline_apply();
	pr_notice("Kernel command line: %s\n", boot_command_line);
	mm_core_init(); /* page allocator and slab: kmalloc works */
	vfs_init();	/* root ramfs, the initramfs unpacked, /dev, /proc */
	init_IRQ();
	init_timers();
	time_init();
	serial_init();
	tty_init_devices(); /* ttyS0/1, VGA tty, /dev/console */
	local_irq_enable();
	skb_init();	/* sk_buff caches, before any driver allocates one */
	net_dev_init(); /* NET_RX/NET_TX softirqs, softnet_data */
	pci_subsys_init();
	net_drivers_init(); /* e1000, rtl8139: probe what PCI found */
	inet_init();	    /* IPv4, ARP, routes; applies ip= */
	rest_init(); /* pid 1 runs the selftests, then init */
}
