/*
 * The guest's interrupt controller: a GICv2 distributor and CPU interface
 * (ARM IHI 0048B) for one CPU, emulated at the board's GIC addresses. The
 * state is modelled for every interrupt ID; what can become pending is what
 * the hypervisor backs: SGIs the guest sends itself, and the lines the
 * hypervisor drives with vgic_set_level() (the virtual timer, and the
 * interrupts of passed-through devices).
 * Portable: compiled for the target and for host unit tests.
 */
#ifndef HYP_VGIC_H
#define HYP_VGIC_H

#include <stdbool.h>
#include <stdint.h>

#include "hyp/vintc.h"

#define VGIC_MAX_IRQS   1020u
#define VGIC_NR_SGIS    16u
#define VGIC_SPURIOUS   1023u
#define VGIC_WORDS      ((VGIC_MAX_IRQS + 31u) / 32u)
#define VGIC_PREEMPTION_WORDS 4u        /* 128 preemption levels: priority bits 7:1 */

/* What the virtual GIC reports of itself: the board's GIC's identification registers. */
#define VGIC_ID_REGS    12u             /* GICD 0xfd0-0xffc: peripheral ID 4-7, 0-3, component ID 0-3 */
struct vgic_ident {
	uint32_t typer, iidr;           /* GICD_TYPER, GICD_IIDR */
	uint32_t cpu_iidr;              /* GICC_IIDR */
	uint32_t id[VGIC_ID_REGS];
};

struct vgic {
	struct vgic_ident ident;        /* the board's GIC's */
	uint32_t dist_ctlr, cpu_ctlr, pmr, bpr, abpr;
	uint32_t group[VGIC_WORDS];
	uint32_t enabled[VGIC_WORDS];
	uint32_t pending_latch[VGIC_WORDS]; /* edge, software or SGI pending */
	uint32_t level[VGIC_WORDS];         /* lines driven by the hypervisor */
	uint32_t active[VGIC_WORDS];
	uint32_t active_priorities[VGIC_PREEMPTION_WORDS];  /* by preemption level (hyp/vgic.c) */
	uint32_t config[VGIC_WORDS * 2];
	uint8_t priority[VGIC_MAX_IRQS];
	/* The interrupt the CPU interface signals, worked out at each change: asked at every return to the guest. */
	unsigned signalled;
};

void vgic_init(struct vgic *vg, const struct vgic_ident *ident);

/* A virtual GIC as the guest's virtual interrupt controller (state: its struct vgic). */
extern const struct vintc_ops vgic_vintc_ops;

/* Drive a hypervisor-backed line (level-sensitive). */
void vgic_set_level(struct vgic *vg, unsigned irq, bool high);

/* Should the CPU interface signal IRQ now (before the CPSR.I mask)? */
bool vgic_irq_signalled(const struct vgic *vg);

/* Register accesses; offsets from the distributor / CPU interface base. */
void vgic_dist_read(struct vgic *vg, uint32_t offset, unsigned size, uint32_t *value);
void vgic_dist_write(struct vgic *vg, uint32_t offset, unsigned size, uint32_t value);
void vgic_cpu_read(struct vgic *vg, uint32_t offset, unsigned size, uint32_t *value);
void vgic_cpu_write(struct vgic *vg, uint32_t offset, unsigned size, uint32_t value);

#endif
