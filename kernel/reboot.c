/*
 * reboot.c - power off and restart.
 *
 * Power off uses ACPI as QEMU's PIIX4/ICH9 implements it: writing SLP_TYPa=0
 * with SLP_EN (0x2000) to the PM1a control register at port 0x604 turns the
 * machine off and QEMU exits with status 0. A real kernel would read the port
 * and sleep type from the ACPI FADT and DSDT; rxos trusts QEMU's defaults.
 * If that does nothing (another machine model), the isa-debug-exit port and
 * finally a halt loop follow. Restart pulses the CPU reset line through the
 * 8042 keyboard controller (command 0xFE), as Linux's reboot=k does.
 */
#include "kernel/reboot.h"
#include "kernel/io.h"
#include "kernel/irqflags.h"
#include "kernel/printk.h"

#define QEMU_ACPI_PM1A_CNT 0x604
#define ACPI_SLP_EN 0x2000
#define QEMU_DEBUG_EXIT_PORT 0xF4

void qemu_debug_exit(int code)
{
	outl(QEMU_DEBUG_EXIT_PORT, (uint32_t)code);
}

__noreturn void machine_power_off(void)
{
	pr_emerg("reboot: Power down\n");
	local_irq_disable();
	outw(QEMU_ACPI_PM1A_CNT, ACPI_SLP_EN);
	qemu_debug_exit(0);
	for (;;)
		halt();
}

__noreturn void machine_restart(void)
{
	pr_emerg("reboot: Restarting system\n");
	local_irq_disable();
	for (int i = 0; i < 100000 && (inb(0x64) & 0x02); i++)
		;
	outb(0x64, 0xFE);
	for (;;)
		halt();
}
