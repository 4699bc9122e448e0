/*
 * i8259.h - the legacy 8259A interrupt controller pair (Linux:
 * arch/x86/include/asm/i8259.h).
 *
 * IRQ 0-7 enter the master PIC, IRQ 8-15 the slave, whose output is wired to
 * the master's input 2 ("cascade"). Callers: irq.c (do_IRQ, request_irq,
 * disable_irq) with interrupts off.
 */
#ifndef RXOS_KERNEL_I8259_H
#define RXOS_KERNEL_I8259_H

#define PIC_CASCADE_IR 2

/* Boot: remap IRQ 0-15 to vectors 0x20-0x2f, all lines masked. */
void init_8259A(void);
void mask_8259A_irq(unsigned int irq);
void unmask_8259A_irq(unsigned int irq);
/* Start of an interrupt: mask the line, then tell the PIC we took it (EOI). */
void mask_and_ack_8259A(unsigned int irq);
/* Is irq really in service (ISR bit set)? No: it was a spurious IRQ 7/15. */
int i8259A_irq_real(unsigned int irq);
/* The EOI a spurious IRQ still needs (IRQ 15: the master saw the cascade). */
void ack_spurious_8259A(unsigned int irq);

#endif
