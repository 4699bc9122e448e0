/*
 * i8259.c - programming the two 8259A PICs (Linux: arch/x86/kernel/i8259.c).
 *
 * At power-on the master PIC delivers IRQ 0-7 on vectors 8-15, which are
 * also CPU exception vectors (8 is a double fault). init_8259A() sends the
 * four Initialization Command Words to move them to 0x20-0x2f; the IDT has
 * an irq_entry for each. Called at boot with interrupts off; the rest is
 * called by irq.c with interrupts off (hardirq or process context).
 *
 * Registers (8259A datasheet): command port (ICW1, OCW2 = EOI, OCW3 = read
 * IRR/ISR) and data port (ICW2-4, then OCW1 = the interrupt mask, IMR).
 * Invariant: cached_irq_mask always equals what the two IMRs hold, so a
 * mask change is one write without reading the chip back.
 *
 * Linux today prefers the IO-APIC and uses this chip only when there is
 * none; it also detects a missing PIC and can run in auto-EOI mode.
 */
#include "kernel/i8259.h"
#include "kernel/desc.h"
#include "kernel/io.h"
#include "kernel/printk.h"

#define PIC_MASTER_CMD 0x20
#define PIC_MASTER_IMR 0x21
#define PIC_SLAVE_CMD 0xA0
#define PIC_SLAVE_IMR 0xA1

#define ICW1_INIT_ICW4 0x11 /* edge triggered, cascaded, ICW4 follows */
#define ICW4_8086 0x01	    /* 8086 mode, normal (not automatic) EOI */
#define OCW2_SPECIFIC_EOI 0x60
#define OCW3_READ_IRR 0x0A
#define OCW3_READ_ISR 0x0B

static unsigned int cached_irq_mask = 0xFFFF; /* bit set = line masked */

static void write_imr(unsigned int irq)
{
	if (irq & 8)
		outb(PIC_SLAVE_IMR, cached_irq_mask >> 8);
	else
		outb(PIC_MASTER_IMR, cached_irq_mask & 0xFF);
}

void mask_8259A_irq(unsigned int irq)
{
	cached_irq_mask |= 1u << irq;
	write_imr(irq);
}

void unmask_8259A_irq(unsigned int irq)
{
	cached_irq_mask &= ~(1u << irq);
	write_imr(irq);
}

/*
 * Specific EOI clears exactly this line's In-Service bit. A slave IRQ was
 * also in service at the master, as IRQ 2, so both chips get one.
 */
void mask_and_ack_8259A(unsigned int irq)
{
	mask_8259A_irq(irq);
	if (irq & 8) {
		outb(PIC_SLAVE_CMD, OCW2_SPECIFIC_EOI | (irq & 7));
		outb(PIC_MASTER_CMD, OCW2_SPECIFIC_EOI | PIC_CASCADE_IR);
	} else {
		outb(PIC_MASTER_CMD, OCW2_SPECIFIC_EOI | irq);
	}
}

/*
 * A line that drops before the CPU acknowledges it makes the PIC answer with
 * its lowest-priority vector (IRQ 7, or 15 on the slave) without setting the
 * In-Service bit. Reading the ISR tells a real IRQ 7/15 from such a ghost.
 */
int i8259A_irq_real(unsigned int irq)
{
	unsigned short cmd = (irq & 8) ? PIC_SLAVE_CMD : PIC_MASTER_CMD;
	int real;

	outb(cmd, OCW3_READ_ISR);
	real = inb(cmd) & (1u << (irq & 7));
	outb(cmd, OCW3_READ_IRR); /* the power-on default */
	return real != 0;
}

/* No EOI to the chip that made up the IRQ; the master did see IRQ 2. */
void ack_spurious_8259A(unsigned int irq)
{
	if (irq & 8)
		outb(PIC_MASTER_CMD, OCW2_SPECIFIC_EOI | PIC_CASCADE_IR);
}

/* io_delay between writes: old PICs need time to digest each ICW. */
static void outb_pic(unsigned short port, unsigned char v)
{
	outb(port, v);
	io_delay();
}

void init_8259A(void)
{
	outb(PIC_MASTER_IMR, 0xFF); /* everything masked while we reprogram */
	outb(PIC_SLAVE_IMR, 0xFF);
	outb_pic(PIC_MASTER_CMD, ICW1_INIT_ICW4);
	outb_pic(PIC_MASTER_IMR, FIRST_EXTERNAL_VECTOR);     /* ICW2: base */
	outb_pic(PIC_MASTER_IMR, 1u << PIC_CASCADE_IR);      /* ICW3: slave on IR2 */
	outb_pic(PIC_MASTER_IMR, ICW4_8086);
	outb_pic(PIC_SLAVE_CMD, ICW1_INIT_ICW4);
	outb_pic(PIC_SLAVE_IMR, FIRST_EXTERNAL_VECTOR + 8); /* ICW2: base */
	outb_pic(PIC_SLAVE_IMR, PIC_CASCADE_IR);	    /* ICW3: my id */
	outb_pic(PIC_SLAVE_IMR, ICW4_8086);
	cached_irq_mask = 0xFFFF;
	outb(PIC_MASTER_IMR, 0xFF);
	outb(PIC_SLAVE_IMR, 0xFF);
	pr_info("PIC: 8259A pair remapped: IRQ 0-7 -> vectors 0x%02x-0x%02x, IRQ 8-15 -> 0x%02x-0x%02x\n",
		FIRST_EXTERNAL_VECTOR, FIRST_EXTERNAL_VECTOR + 7,
		FIRST_EXTERNAL_VECTOR + 8, FIRST_EXTERNAL_VECTOR + 15);
}
