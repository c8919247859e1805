/*
 * A virtual Allwinner A10 interrupt controller (A10 User Manual,
 * "Interrupt Controller"), for guests of boards whose interrupt controller
 * it is: 96 level-sensitive sources, which the hypervisor drives; as
 * QEMU's model of the A10 behaves (the oracle the test guests are compared
 * against): a source signals IRQ while pending and not masked (the enable
 * registers are kept but do not gate it), the vector register names the
 * first such source (0 when there is none), the pending registers ignore
 * writes and the FIQ pending registers clear where written with ones.
 * Registers are modelled as words: a narrower access reads or writes the
 * bytes of the word at that offset. FIQs are not virtualized.
 * Portable: compiled for the target and for host unit tests.
 */
#ifndef HYP_VA10_PIC_H
#define HYP_VA10_PIC_H

#include <stdbool.h>
#include <stdint.h>

#include "board/board.h"
#include "hyp/vintc.h"

#define VA10_PIC_SOURCES        96u
#define VA10_PIC_WORDS          (VA10_PIC_SOURCES / 32u)
#define VA10_PIC_SIZE           0x400u

struct va10_pic {
	uint32_t base_addr, protect, nmi;
	uint32_t pending[VA10_PIC_WORDS];       /* the sources' levels */
	uint32_t fiq_pending[VA10_PIC_WORDS];
	uint32_t select[VA10_PIC_WORDS], enable[VA10_PIC_WORDS], mask[VA10_PIC_WORDS];
};

/* The controller after reset: nothing pending, masked or enabled. */
void va10_pic_init(struct va10_pic *p);

/* Register accesses (struct guest_mmio_device handlers; `ctx` is the struct va10_pic). */
enum mmio_result va10_pic_read(void *ctx, uint32_t offset, unsigned size, uint32_t *value);
enum mmio_result va10_pic_write(void *ctx, uint32_t offset, unsigned size, uint32_t value);

/* As the guest's virtual interrupt controller (state: its struct va10_pic). */
extern const struct vintc_ops va10_pic_vintc_ops;

#endif
