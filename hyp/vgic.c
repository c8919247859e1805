#include <string.h>

#include "hyp/vgic.h"

/* Distributor registers (ARM IHI 0048B 4.3). */
#define GICD_CTLR       0x000u
#define GICD_TYPER      0x004u
#define GICD_IIDR       0x008u
#define GICD_IGROUPR    0x080u
#define GICD_ISENABLER  0x100u
#define GICD_ICENABLER  0x180u
#define GICD_ISPENDR    0x200u
#define GICD_ICPENDR    0x280u
#define GICD_ISACTIVER  0x300u
#define GICD_ICACTIVER  0x380u
#define GICD_IPRIORITYR 0x400u
#define GICD_ICFGR      0xc00u
#define GICD_SGIR       0xf00u
#define GICD_ID_REGS    0xfd0u          /* to 0xffc */
#define BITMAP_BYTES    0x80u           /* one bit per interrupt */
#define BYTEMAP_BYTES   0x400u          /* one byte per interrupt */
#define CFGMAP_BYTES    0x100u          /* two bits per interrupt */

#define SGIR_FILTER_SHIFT   24u
#define SGIR_FILTER_LIST    0u
#define SGIR_FILTER_SELF    2u
#define SGIR_CPU0           (1u << 16)
#define SGIR_ID_MASK        0xfu

/* CPU interface registers (4.4). */
#define GICC_CTLR       0x00u
#define GICC_PMR        0x04u
#define GICC_BPR        0x08u
#define GICC_IAR        0x0cu
#define GICC_EOIR       0x10u
#define GICC_RPR        0x14u
#define GICC_HPPIR      0x18u
#define GICC_ABPR       0x1cu
#define GICC_IIDR       0xfcu

#define CTLR_CBPR           (1u << 4)   /* GICC_CTLR: BPR for both groups */
#define BPR_MASK            7u
#define ABPR_MIN            1u          /* the Group 1 binary point: reset and least value */

#define CTLR_ENABLE_GRP0    1u
#define CTLR_DIST_MASK      3u          /* EnableGrp0, EnableGrp1 (Secure view) */
#define CTLR_CPU_MASK       0x1ffu
#define IRQ_ID_MASK         0x3ffu
#define IDLE_PRIORITY       0x100u      /* above any 8-bit priority */
#define SGI_CONFIG          0xaaaaaaaau /* SGIs are edge-triggered, read-only */
#define SGI_ENABLES         0xffffu     /* and always enabled (RAO/WI), as on QEMU's GIC and the GIC-400 */
#define CONFIG_WRITABLE     0xaaaaaaaau /* Int_config[1] of each interrupt; [0] is reserved in GICv2 */
#define PREEMPTION_SHIFT    1u          /* binary point 0: priority bits 7:1 preempt */

static bool test(const uint32_t *map, unsigned irq)
{
	return (map[irq / 32u] >> (irq % 32u)) & 1u;
}

static void assign(uint32_t *map, unsigned irq, bool on)
{
	if (on)
		map[irq / 32u] |= 1u << (irq % 32u);
	else
		map[irq / 32u] &= ~(1u << (irq % 32u));
}

static unsigned nr_irqs(const struct vgic *vg)
{
	unsigned n = 32u * ((vg->ident.typer & 0x1fu) + 1u);

	return n < VGIC_MAX_IRQS ? n : VGIC_MAX_IRQS;
}

void vgic_init(struct vgic *vg, const struct vgic_ident *ident)
{
	memset(vg, 0, sizeof(*vg));
	vg->ident = *ident;
	vg->enabled[0] = SGI_ENABLES;
	vg->config[0] = SGI_CONFIG;
	vg->signalled = VGIC_SPURIOUS;          /* both interfaces disabled */
	vg->abpr = ABPR_MIN;
}

static bool pending(const struct vgic *vg, unsigned irq)
{
	return test(vg->pending_latch, irq) || test(vg->level, irq);
}

/*
 * The group priority of `irq`: its priority bits above the binary point
 * of its group (IHI 0048B 3.3.3), which alone decide preemption. Group 1
 * takes GICC_ABPR less one unless GICC_CTLR.CBPR says GICC_BPR.
 */
static unsigned group_priority(const struct vgic *vg, unsigned irq)
{
	unsigned bpr = test(vg->group, irq) && !(vg->cpu_ctlr & CTLR_CBPR) ? vg->abpr - 1u : vg->bpr;

	return vg->priority[irq] & (0xffu << (bpr + 1u)) & 0xffu;
}

/*
 * The running priority: the highest of the group priorities acknowledged
 * and not yet ended (3.3.5, kept as the active priorities registers keep
 * them, by preemption level): an active state set through GICD_ISACTIVER
 * does not raise it, as on QEMU's GIC. Checked before every return to a
 * guest with interrupts unmasked.
 */
static unsigned running_priority(const struct vgic *vg)
{
	for (unsigned w = 0; w < VGIC_PREEMPTION_WORDS; w++)
		if (vg->active_priorities[w])
			return (32u * w + (unsigned)__builtin_ctz(vg->active_priorities[w])) << PREEMPTION_SHIFT;
	return IDLE_PRIORITY;
}

/* Ending the interrupt drops the running priority: the highest preemption level active goes. */
static void drop_running_priority(struct vgic *vg)
{
	for (unsigned w = 0; w < VGIC_PREEMPTION_WORDS; w++)
		if (vg->active_priorities[w]) {
			vg->active_priorities[w] &= vg->active_priorities[w] - 1u;
			return;
		}
}

/* Highest-priority enabled, pending, inactive interrupt (lowest ID on ties). */
static unsigned highest_pending(const struct vgic *vg)
{
	unsigned best = VGIC_SPURIOUS;

	for (unsigned w = 0; w < (nr_irqs(vg) + 31u) / 32u; w++) {
		uint32_t candidates = vg->enabled[w] & (vg->pending_latch[w] | vg->level[w]) & ~vg->active[w];
		for (; candidates; candidates &= candidates - 1u) {
			unsigned irq = 32u * w + (unsigned)__builtin_ctz(candidates);
			if (best == VGIC_SPURIOUS || vg->priority[irq] < vg->priority[best])
				best = irq;
		}
	}
	return best;
}

/*
 * The highest priority pending interrupt past the priority mask, with both
 * interfaces enabled, or VGIC_SPURIOUS: what GICC_HPPIR reads (as on QEMU's
 * GIC), whether or not it may preempt.
 */
static unsigned presented_irq(const struct vgic *vg)
{
	unsigned irq;

	if (!(vg->dist_ctlr & CTLR_ENABLE_GRP0) || !(vg->cpu_ctlr & CTLR_ENABLE_GRP0))
		return VGIC_SPURIOUS;
	irq = highest_pending(vg);
	return irq == VGIC_SPURIOUS || vg->priority[irq] >= vg->pmr ? VGIC_SPURIOUS : irq;
}

/* The interrupt the CPU interface would signal: the presented one if it preempts, or VGIC_SPURIOUS. */
static unsigned signalled_irq(const struct vgic *vg)
{
	unsigned irq = presented_irq(vg);

	return irq == VGIC_SPURIOUS || vg->priority[irq] >= running_priority(vg) ? VGIC_SPURIOUS : irq;
}

/* After any change to what signalled_irq() reads. */
static void update_signalled(struct vgic *vg)
{
	vg->signalled = signalled_irq(vg);
}

bool vgic_irq_signalled(const struct vgic *vg)
{
	return vg->signalled != VGIC_SPURIOUS;
}

void vgic_set_level(struct vgic *vg, unsigned irq, bool high)
{
	if (irq < nr_irqs(vg) && test(vg->level, irq) != high) {
		assign(vg->level, irq, high);
		update_signalled(vg);
	}
}

static uint32_t read_bits(const uint32_t *map, uint32_t offset)
{
	return map[offset / 4u];
}

/* Write-1-to-set / write-1-to-clear over one bitmap word. */
static void change_bits(const struct vgic *vg, uint32_t *map, uint32_t offset, uint32_t value, bool set)
{
	for (unsigned bit = 0; bit < 32u; bit++) {
		unsigned irq = (offset / 4u) * 32u + bit;
		if ((value >> bit) & 1u && irq < nr_irqs(vg))
			assign(map, irq, set);
	}
}

static uint32_t dist_word(struct vgic *vg, uint32_t offset)
{
	uint32_t word = 0;

	if (offset == GICD_CTLR)
		return vg->dist_ctlr;
	if (offset == GICD_TYPER)
		return vg->ident.typer;
	if (offset == GICD_IIDR)
		return vg->ident.iidr;
	if (offset - GICD_ID_REGS < 4u * VGIC_ID_REGS)
		return vg->ident.id[(offset - GICD_ID_REGS) / 4u];
	if (offset - GICD_IGROUPR < BITMAP_BYTES)
		return read_bits(vg->group, offset - GICD_IGROUPR);
	if (offset - GICD_ISENABLER < 2u * BITMAP_BYTES)
		return read_bits(vg->enabled, (offset - GICD_ISENABLER) % BITMAP_BYTES);
	if (offset - GICD_ISPENDR < 2u * BITMAP_BYTES) {
		uint32_t base = ((offset - GICD_ISPENDR) % BITMAP_BYTES) / 4u * 32u;
		for (unsigned bit = 0; bit < 32u; bit++)
			if (base + bit < nr_irqs(vg) && pending(vg, base + bit))
				word |= 1u << bit;
		return word;
	}
	if (offset - GICD_ISACTIVER < 2u * BITMAP_BYTES)
		return read_bits(vg->active, (offset - GICD_ISACTIVER) % BITMAP_BYTES);
	if (offset - GICD_IPRIORITYR < BYTEMAP_BYTES) {
		memcpy(&word, &vg->priority[offset - GICD_IPRIORITYR], 4);
		return word;
	}
	/* One processor: GICD_ITARGETSRn (0x800-0xbfc) are RAZ/WI (IHI 0048B 4.3.12). */
	if (offset - GICD_ICFGR < CFGMAP_BYTES)
		return vg->config[(offset - GICD_ICFGR) / 4u];
	return 0;       /* reserved, SGI pending and identification registers: RAZ */
}

void vgic_dist_read(struct vgic *vg, uint32_t offset, unsigned size, uint32_t *value)
{
	uint32_t word = dist_word(vg, offset & ~3u);

	*value = size == 4 ? word : (word >> (8u * (offset & 3u))) & ((1u << (8u * size)) - 1u);
}

static void send_sgi(struct vgic *vg, uint32_t value)
{
	uint32_t filter = value >> SGIR_FILTER_SHIFT & 3u;

	if (filter == SGIR_FILTER_SELF || (filter == SGIR_FILTER_LIST && (value & SGIR_CPU0)))
		assign(vg->pending_latch, value & SGIR_ID_MASK, true);
}

static void dist_write(struct vgic *vg, uint32_t offset, unsigned size, uint32_t value)
{
	if (offset - GICD_IPRIORITYR < BYTEMAP_BYTES) {
		uint32_t index = offset - GICD_IPRIORITYR;
		for (unsigned i = 0; i < size && index + i < nr_irqs(vg); i++)
			vg->priority[index + i] = (uint8_t)(value >> (8u * i));
		return;
	}
	if (size != 4)
		return;         /* the other registers are word-accessible only */
	if (offset == GICD_CTLR)
		vg->dist_ctlr = value & CTLR_DIST_MASK;
	else if (offset - GICD_IGROUPR < BITMAP_BYTES)
		vg->group[(offset - GICD_IGROUPR) / 4u] = value;
	else if (offset - GICD_ISENABLER < BITMAP_BYTES)
		change_bits(vg, vg->enabled, offset - GICD_ISENABLER, value, true);
	else if (offset - GICD_ICENABLER < BITMAP_BYTES)
		change_bits(vg, vg->enabled, offset - GICD_ICENABLER, offset == GICD_ICENABLER ? value & ~SGI_ENABLES : value,
			    false);
	else if (offset - GICD_ISPENDR < BITMAP_BYTES)
		change_bits(vg, vg->pending_latch, offset - GICD_ISPENDR,
			    offset == GICD_ISPENDR ? value & ~0xffffu : value, true);
	else if (offset - GICD_ICPENDR < BITMAP_BYTES)
		change_bits(vg, vg->pending_latch, offset - GICD_ICPENDR,
			    offset == GICD_ICPENDR ? value & ~0xffffu : value, false);
	else if (offset - GICD_ISACTIVER < BITMAP_BYTES)
		change_bits(vg, vg->active, offset - GICD_ISACTIVER, value, true);
	else if (offset - GICD_ICACTIVER < BITMAP_BYTES)
		change_bits(vg, vg->active, offset - GICD_ICACTIVER, value, false);
	else if (offset - GICD_ICFGR < CFGMAP_BYTES && offset != GICD_ICFGR)
		vg->config[(offset - GICD_ICFGR) / 4u] = value & CONFIG_WRITABLE;
	else if (offset == GICD_SGIR)
		send_sgi(vg, value);
}

void vgic_dist_write(struct vgic *vg, uint32_t offset, unsigned size, uint32_t value)
{
	dist_write(vg, offset, size, value);
	update_signalled(vg);
}

/* Acknowledge: the signalled interrupt becomes active (ID 1023 if none). */
static uint32_t acknowledge(struct vgic *vg)
{
	unsigned irq = vg->signalled;

	if (irq == VGIC_SPURIOUS)
		return VGIC_SPURIOUS;
	assign(vg->pending_latch, irq, false);
	assign(vg->active, irq, true);
	assign(vg->active_priorities, group_priority(vg, irq) >> PREEMPTION_SHIFT, true);
	update_signalled(vg);
	return irq;     /* SGIs: source CPU 0 in bits 12:10 */
}

void vgic_cpu_read(struct vgic *vg, uint32_t offset, unsigned size, uint32_t *value)
{
	*value = 0;
	if (size != 4)
		return;
	switch (offset) {
	case GICC_CTLR: *value = vg->cpu_ctlr; break;
	case GICC_PMR: *value = vg->pmr; break;
	case GICC_BPR: *value = vg->bpr; break;
	case GICC_ABPR: *value = vg->abpr; break;
	case GICC_IIDR: *value = vg->ident.cpu_iidr; break;
	case GICC_IAR: *value = acknowledge(vg); break;
	case GICC_RPR: *value = running_priority(vg) == IDLE_PRIORITY ? 0xffu : running_priority(vg); break;
	case GICC_HPPIR: *value = presented_irq(vg); break;
	default: break;
	}
}

void vgic_cpu_write(struct vgic *vg, uint32_t offset, unsigned size, uint32_t value)
{
	if (size != 4)
		return;
	switch (offset) {
	case GICC_CTLR: vg->cpu_ctlr = value & CTLR_CPU_MASK; break;
	case GICC_PMR: vg->pmr = value & 0xffu; break;
	case GICC_BPR: vg->bpr = value & BPR_MASK; break;
	case GICC_ABPR: vg->abpr = (value & BPR_MASK) > ABPR_MIN ? value & BPR_MASK : ABPR_MIN; break;
	case GICC_EOIR:         /* priority drop and deactivation; a spurious ID is ignored */
		if ((value & IRQ_ID_MASK) < nr_irqs(vg)) {
			drop_running_priority(vg);
			assign(vg->active, value & IRQ_ID_MASK, false);
		}
		break;
	default: break;
	}
	update_signalled(vg);
}

static void set_level_op(void *state, unsigned irq, bool high)
{
	vgic_set_level(state, irq, high);
}

static bool signalled_op(const void *state)
{
	return vgic_irq_signalled(state);
}

const struct vintc_ops vgic_vintc_ops = {
	.set_level = set_level_op,
	.signalled = signalled_op,
};
