/*
 * pci_regs.h - the PCI configuration space layout (Linux:
 * include/uapi/linux/pci_regs.h; PCI Local Bus Specification 3.0, ch. 6).
 *
 * Every PCI function has 256 bytes of configuration space. The first 16
 * bytes are common to all; what follows depends on the header type:
 * type 0 for ordinary devices (six BARs), type 1 for PCI-to-PCI bridges
 * (two BARs, then the bus numbers of the bus behind the bridge).
 *
 *   0x00  vendor id   | device id          0x04  command | status
 *   0x08  revision | prog-if | subclass | class
 *   0x0c  cache line | latency timer | header type | BIST
 *   0x10..0x24  BAR0..BAR5 (type 0)         0x2c  subsystem vendor | id
 *   0x30  expansion ROM BAR (type 0)        0x3c  irq line | irq pin
 *   type 1: 0x10, 0x14 BAR0..1; 0x18 primary | secondary | subordinate bus;
 *           0x38 expansion ROM BAR
 */
#ifndef RXOS_DRIVERS_PCI_PCI_REGS_H
#define RXOS_DRIVERS_PCI_PCI_REGS_H

#define PCI_VENDOR_ID 0x00
#define PCI_DEVICE_ID 0x02
#define PCI_COMMAND 0x04
#define  PCI_COMMAND_IO 0x1	     /* respond to I/O space accesses */
#define  PCI_COMMAND_MEMORY 0x2      /* respond to memory space accesses */
#define  PCI_COMMAND_MASTER 0x4      /* may start DMA (bus mastering) */
#define  PCI_COMMAND_INTX_DISABLE 0x400
#define PCI_STATUS 0x06
#define PCI_CLASS_REVISION 0x08	     /* class << 8 | revision */
#define PCI_REVISION_ID 0x08
#define PCI_CLASS_PROG 0x09
#define PCI_CLASS_DEVICE 0x0a	     /* base class << 8 | subclass */
#define PCI_CACHE_LINE_SIZE 0x0c
#define PCI_LATENCY_TIMER 0x0d
#define PCI_HEADER_TYPE 0x0e
#define  PCI_HEADER_TYPE_MASK 0x7f
#define  PCI_HEADER_TYPE_NORMAL 0
#define  PCI_HEADER_TYPE_BRIDGE 1
#define  PCI_HEADER_TYPE_CARDBUS 2
#define  PCI_HEADER_TYPE_MFD 0x80    /* function 0: other functions exist */

#define PCI_BASE_ADDRESS_0 0x10
#define PCI_BASE_ADDRESS_5 0x24
#define  PCI_BASE_ADDRESS_SPACE_IO 0x01
#define  PCI_BASE_ADDRESS_MEM_TYPE_MASK 0x06
#define  PCI_BASE_ADDRESS_MEM_TYPE_32 0x00
#define  PCI_BASE_ADDRESS_MEM_TYPE_64 0x04
#define  PCI_BASE_ADDRESS_MEM_PREFETCH 0x08
#define  PCI_BASE_ADDRESS_MEM_MASK (~0x0fU)
#define  PCI_BASE_ADDRESS_IO_MASK (~0x03U)
#define PCI_SUBSYSTEM_VENDOR_ID 0x2c
#define PCI_SUBSYSTEM_ID 0x2e
#define PCI_ROM_ADDRESS 0x30
#define  PCI_ROM_ADDRESS_ENABLE 0x01
#define  PCI_ROM_ADDRESS_MASK (~0x7ffU)
#define PCI_INTERRUPT_LINE 0x3c
#define PCI_INTERRUPT_PIN 0x3d	     /* 0 none, 1..4 = INTA#..INTD# */

/* Type 1 (bridge) header */
#define PCI_PRIMARY_BUS 0x18
#define PCI_SECONDARY_BUS 0x19
#define PCI_SUBORDINATE_BUS 0x1a
#define PCI_ROM_ADDRESS1 0x38

/* Base classes and the few full classes (class << 8 | subclass) we name */
#define PCI_CLASS_BRIDGE_HOST 0x0600
#define PCI_CLASS_BRIDGE_ISA 0x0601
#define PCI_CLASS_BRIDGE_PCI 0x0604
#define PCI_CLASS_NETWORK_ETHERNET 0x0200

/* devfn packs the slot (device, 0..31) and function (0..7) in one byte */
#define PCI_DEVFN(slot, func) ((((slot) & 0x1f) << 3) | ((func) & 0x07))
#define PCI_SLOT(devfn) (((devfn) >> 3) & 0x1f)
#define PCI_FUNC(devfn) ((devfn) & 0x07)

#endif
