/*
 * A virtual TI OMAP3 interrupt controller (INTCPS: OMAP35x and AM/DM37x
 * Technical Reference Manuals, "Interrupt Controller"; the same INTC,
 * with more lines, is the AM335x TRM's (SPRUH73) chapter 6, whose
 * sections are cited here), for guests of boards whose controller it is:
 * 96 level-sensitive lines, which the hypervisor drives.
 *
 * A line is raised (ITR) while the hypervisor holds it high or its
 * ISR_SET bit is set. It is pending for IRQ (PENDING_IRQ) while raised,
 * unmasked (MIR), routed to IRQ (ILR FIQNIRQ clear) and above the
 * priority threshold: THRESHOLD masks every line whose priority is
 * numerically at or above it, but never priority 0 (a threshold of 0 acts
 * as 1), and 0xff, its reset value, disables it (6.1.1.2.2); a value the
 * TRM forbids (0x40-0xfe) masks nothing here. The controller signals IRQ
 * while a line is pending. The priority sort picks the highest priority
 * (lowest ILR PRIORITY), the highest-numbered line on a tie (6.1.1.3); it
 * runs at the first read of SIR_IRQ or IRQ_PRIORITY, and its result is
 * held until the guest writes NEWIRQAGR (on the chip the sort ends within
 * 10 cycles of the IRQ and a read of SIR_IRQ waits for it, 6.1.5).
 * If no line is pending then, both read spurious, as at reset (SIR_IRQ
 * 0xffffff80, IRQ_PRIORITY 0xffffffc0: SPURIOUSIRQFLAG, bits 31:7, all
 * ones; 6.2.5 and 6.6.1), and nothing is held. Unlike the chip, which
 * keeps IRQ asserted until NEWIRQAGR, the output follows the lines: a
 * line the hypervisor lowers is not signalled any more, and a guest
 * reading SIR_IRQ then is told spurious, as the chip tells it when the
 * line drops during the sort.
 *
 * SOFTRESET resets every register but not the lines; SYSSTATUS always
 * says the reset is done; REVISION reads 0x40 (4.0, what OMAP3 chips
 * report); PROTECTION is kept but not enforced. FIQs are not virtualized:
 * a line routed to FIQ shows in PENDING_FIQ but never signals the vCPU,
 * SIR_FIQ and FIQ_PRIORITY always read spurious and NEWFIQAGR does
 * nothing. Registers are modelled as words: a narrower access reads or
 * writes the bytes of the word at that offset. Reserved offsets (the
 * fourth bank, ILRs past line 95) read 0 and ignore writes.
 * Portable: compiled for the target and for host unit tests.
 */
#ifndef HYP_VOMAP3_INTC_H
#define HYP_VOMAP3_INTC_H

#include <stdbool.h>
#include <stdint.h>

#include "board/board.h"
#include "hyp/vintc.h"

#define VOMAP3_INTC_LINES       96u
#define VOMAP3_INTC_BANKS       (VOMAP3_INTC_LINES / 32u)
#define VOMAP3_INTC_SIZE        0x1000u

struct vomap3_intc {
	uint32_t sysconfig, protection, idle, threshold;
	uint32_t level[VOMAP3_INTC_BANKS];      /* the lines the hypervisor drives */
	uint32_t software[VOMAP3_INTC_BANKS];   /* ISR_SET */
	uint32_t mask[VOMAP3_INTC_BANKS];       /* MIR */
	uint32_t ilr[VOMAP3_INTC_LINES];
	/* The IRQ the last sort picked, held until NEWIRQAGR. */
	bool irq_sorted;
	unsigned active_irq, active_priority;
};

/* The controller after reset: every line low and masked, at priority 0 and routed to IRQ. */
void vomap3_intc_init(struct vomap3_intc *c);

/* Register accesses (struct guest_mmio_device handlers; `ctx` is the struct vomap3_intc). */
enum mmio_result vomap3_intc_read(void *ctx, uint32_t offset, unsigned size, uint32_t *value);
enum mmio_result vomap3_intc_write(void *ctx, uint32_t offset, unsigned size, uint32_t value);

/* As the guest's virtual interrupt controller (state: its struct vomap3_intc). */
extern const struct vintc_ops vomap3_intc_vintc_ops;

#endif
