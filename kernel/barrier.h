/*
 * barrier.h - ordering memory accesses against the compiler and devices
 * (Linux: include/asm-generic/barrier.h, arch/x86/include/asm/barrier.h,
 * include/linux/compiler.h for READ_ONCE).
 *
 * A driver shares descriptor rings with a device that reads and writes them
 * by DMA. Two things can reorder accesses: the compiler (it may keep a field
 * in a register or move a store) and the CPU. On x86 the CPU keeps stores in
 * order and loads in order with respect to DMA-coherent memory, so the
 * dma_* barriers only have to stop the compiler; mb()/rmb()/wmb() are real
 * fences for the rare case that needs them. Linux has the same split because
 * other architectures need real fences for the dma_ variants too.
 *
 * Typical use, receive side:  if (READ_ONCE(desc->status) & DD) {
 *                                     dma_rmb();  // then read length etc.
 * transmit side:               fill the descriptor; wmb(); writel(tail).
 */
#ifndef RXOS_KERNEL_BARRIER_H
#define RXOS_KERNEL_BARRIER_H

#define barrier() asm volatile("" ::: "memory")

#define mb() asm volatile("mfence" ::: "memory")
#define rmb() asm volatile("lfence" ::: "memory")
#define wmb() asm volatile("sfence" ::: "memory")

/* Between reading a DMA'd status bit and the rest of the descriptor. */
#define dma_rmb() barrier()
/* Between filling a descriptor and handing it to the device. */
#define dma_wmb() barrier()

/* One real access, not cached in a register, not torn (sizes 1, 2, 4). */
#define READ_ONCE(x) (*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, v) (*(volatile __typeof__(x) *)&(x) = (v))

#endif
