/* The virtual GICv2 (ARM IHI 0048B): what the guest sees through its registers. */
#include <stdint.h>

#include "hyp/vgic.h"
#include "test.h"

#define TYPER_64_IRQS   0x1u            /* ITLinesNumber 1: 64 interrupts */
#define IIDR            0x0200043bu
#define GICD_CTLR       0x000u
#define GICD_TYPER      0x004u
#define GICD_ISENABLER0 0x100u
#define GICD_ICENABLER0 0x180u
#define GICD_ISPENDR1   0x204u
#define GICD_ICPENDR1   0x284u
#define GICD_ISACTIVER0 0x300u
#define GICD_IPRIORITYR 0x400u
#define GICD_ITARGETSR  0x800u
#define GICD_SGIR       0xf00u
#define GICC_CTLR       0x00u
#define GICC_PMR        0x04u
#define GICC_IAR        0x0cu
#define GICC_EOIR       0x10u
#define GICC_RPR        0x14u
#define GICC_HPPIR      0x18u
#define GICC_BPR        0x08u
#define GICC_ABPR       0x1cu
#define GICD_IGROUPR0   0x080u
#define CTLR_CBPR       (1u << 4)
#define SGIR_SELF       (2u << 24)
#define SGIR_LIST_CPU0  (1u << 16)
#define SGIR_LIST_CPU1  (2u << 16)

static const struct vgic_ident ident = {
	.typer = TYPER_64_IRQS, .iidr = IIDR, .cpu_iidr = 0x0002043bu,
	.id = { 0x04, 0, 0, 0, 0x90, 0xb4, 0x2b, 0, 0x0d, 0xf0, 0x05, 0xb1 },
};

static uint32_t dist(struct vgic *vg, uint32_t offset)
{
	uint32_t v;

	vgic_dist_read(vg, offset, 4, &v);
	return v;
}

static uint32_t cpu(struct vgic *vg, uint32_t offset)
{
	uint32_t v;

	vgic_cpu_read(vg, offset, 4, &v);
	return v;
}

/* Distributor and CPU interface on, everything below priority 0xf0 signalled. */
static void enabled_gic(struct vgic *vg)
{
	vgic_init(vg, &ident);
	vgic_dist_write(vg, GICD_CTLR, 4, 1);
	vgic_cpu_write(vg, GICC_PMR, 4, 0xf0);
	vgic_cpu_write(vg, GICC_CTLR, 4, 1);
}

static void set_priority(struct vgic *vg, unsigned irq, uint8_t prio)
{
	vgic_dist_write(vg, GICD_IPRIORITYR + irq, 1, prio);
}

TEST(vgic_identification)
{
	struct vgic vg;

	vgic_init(&vg, &ident);
	CHECK_EQ(dist(&vg, GICD_TYPER), TYPER_64_IRQS);
	CHECK_EQ(dist(&vg, 0x008), IIDR);
	CHECK_EQ(cpu(&vg, 0xfc), 0x0002043bu);                 /* GICC_IIDR */
	CHECK_EQ(dist(&vg, 0xfd0), 0x04);                       /* peripheral ID 4 */
	CHECK_EQ(dist(&vg, 0xfe8), 0x2b);                       /* peripheral ID 2: GICv2 */
	CHECK_EQ(dist(&vg, 0xffc), 0xb1);                       /* component ID 3 */
	CHECK_EQ(cpu(&vg, GICC_IAR), VGIC_SPURIOUS);
	/* SGIs are always enabled (as on QEMU's GIC and the GIC-400). */
	CHECK_EQ(dist(&vg, GICD_ISENABLER0), 0xffffu);
	vgic_dist_write(&vg, GICD_ICENABLER0, 4, ~0u);
	CHECK_EQ(dist(&vg, GICD_ISENABLER0), 0xffffu);
	/* One processor: every target register is RAZ/WI (IHI 0048B 4.3.12). */
	vgic_dist_write(&vg, GICD_ITARGETSR + 27, 1, 0x02);
	CHECK_EQ(dist(&vg, GICD_ITARGETSR + 24), 0);
	vgic_dist_write(&vg, GICD_ITARGETSR + 40, 4, 0x01010101u);
	CHECK_EQ(dist(&vg, GICD_ITARGETSR + 40), 0);
}

TEST(vgic_sgi_to_self_acknowledge_and_eoi)
{
	struct vgic vg;

	enabled_gic(&vg);
	set_priority(&vg, 5, 0xa0);
	vgic_dist_write(&vg, GICD_ISENABLER0, 4, 1u << 5);
	CHECK(!vgic_irq_signalled(&vg));
	vgic_dist_write(&vg, GICD_SGIR, 4, SGIR_SELF | 5);
	CHECK(vgic_irq_signalled(&vg));
	CHECK_EQ(cpu(&vg, GICC_HPPIR), 5);
	CHECK_EQ(cpu(&vg, GICC_IAR), 5);
	CHECK(!vgic_irq_signalled(&vg));            /* active, no longer pending */
	CHECK_EQ(dist(&vg, GICD_ISACTIVER0), 1u << 5);
	CHECK_EQ(cpu(&vg, GICC_RPR), 0xa0);
	CHECK_EQ(cpu(&vg, GICC_IAR), VGIC_SPURIOUS);
	vgic_cpu_write(&vg, GICC_EOIR, 4, 5);
	CHECK_EQ(dist(&vg, GICD_ISACTIVER0), 0);
	CHECK_EQ(cpu(&vg, GICC_RPR), 0xff);
}

TEST(vgic_sgi_target_list)
{
	struct vgic vg;

	enabled_gic(&vg);
	vgic_dist_write(&vg, GICD_ISENABLER0, 4, 0xffff);
	vgic_dist_write(&vg, GICD_SGIR, 4, SGIR_LIST_CPU1 | 3);   /* another CPU only */
	CHECK(!vgic_irq_signalled(&vg));
	vgic_dist_write(&vg, GICD_SGIR, 4, SGIR_LIST_CPU0 | 3);
	CHECK_EQ(cpu(&vg, GICC_IAR), 3);
}

TEST(vgic_nothing_signalled_while_disabled_or_masked)
{
	struct vgic vg;

	enabled_gic(&vg);
	set_priority(&vg, 40, 0xf0);                /* not below the mask 0xf0 */
	vgic_dist_write(&vg, GICD_ISENABLER0 + 4, 4, 1u << 8);
	vgic_dist_write(&vg, GICD_ISPENDR1, 4, 1u << 8);
	CHECK(!vgic_irq_signalled(&vg));
	set_priority(&vg, 40, 0x80);
	CHECK(vgic_irq_signalled(&vg));
	vgic_cpu_write(&vg, GICC_CTLR, 4, 0);
	CHECK(!vgic_irq_signalled(&vg));
	CHECK_EQ(cpu(&vg, GICC_IAR), VGIC_SPURIOUS);
	vgic_cpu_write(&vg, GICC_CTLR, 4, 1);
	vgic_dist_write(&vg, GICD_CTLR, 4, 0);
	CHECK(!vgic_irq_signalled(&vg));
	vgic_dist_write(&vg, GICD_CTLR, 4, 1);
	vgic_dist_write(&vg, GICD_ICENABLER0 + 4, 4, 1u << 8);
	CHECK(!vgic_irq_signalled(&vg));
	vgic_dist_write(&vg, GICD_ISENABLER0 + 4, 4, 1u << 8);
	vgic_dist_write(&vg, GICD_ICPENDR1, 4, 1u << 8);
	CHECK(!vgic_irq_signalled(&vg));
}

TEST(vgic_highest_priority_first_then_lowest_id)
{
	struct vgic vg;

	enabled_gic(&vg);
	vgic_dist_write(&vg, GICD_ISENABLER0, 4, (1u << 2) | (1u << 7) | (1u << 9));
	set_priority(&vg, 2, 0x80);
	set_priority(&vg, 7, 0x40);
	set_priority(&vg, 9, 0x40);
	vgic_dist_write(&vg, GICD_SGIR, 4, SGIR_SELF | 2);
	vgic_dist_write(&vg, GICD_SGIR, 4, SGIR_SELF | 9);
	vgic_dist_write(&vg, GICD_SGIR, 4, SGIR_SELF | 7);
	CHECK_EQ(cpu(&vg, GICC_IAR), 7);
	/* 9 has the same priority as the running 7: no preemption. */
	CHECK_EQ(cpu(&vg, GICC_IAR), VGIC_SPURIOUS);
	vgic_cpu_write(&vg, GICC_EOIR, 4, 7);
	CHECK_EQ(cpu(&vg, GICC_IAR), 9);
	vgic_cpu_write(&vg, GICC_EOIR, 4, 9);
	CHECK_EQ(cpu(&vg, GICC_IAR), 2);
}

TEST(vgic_higher_priority_preempts_active)
{
	struct vgic vg;

	enabled_gic(&vg);
	vgic_dist_write(&vg, GICD_ISENABLER0, 4, (1u << 1) | (1u << 4));
	set_priority(&vg, 1, 0x80);
	set_priority(&vg, 4, 0x20);
	vgic_dist_write(&vg, GICD_SGIR, 4, SGIR_SELF | 1);
	CHECK_EQ(cpu(&vg, GICC_IAR), 1);
	vgic_dist_write(&vg, GICD_SGIR, 4, SGIR_SELF | 4);
	CHECK(vgic_irq_signalled(&vg));
	CHECK_EQ(cpu(&vg, GICC_IAR), 4);
	CHECK_EQ(cpu(&vg, GICC_RPR), 0x20);
}

/*
 * Only a higher group priority preempts: the priority bits above the
 * binary point (IHI 0048B 3.3.3). Active 0x84 and pending 0x82: apart at
 * binary points 0 and 1, one group from 2 up; at 7 nothing preempts.
 * Group 1 interrupts take GICC_ABPR less one, or GICC_BPR with CBPR.
 */
TEST(vgic_binary_point_decides_preemption)
{
	static const struct { uint32_t bpr; bool preempts; uint32_t rpr; } cases[] = {
		{ 0, true, 0x84 }, { 1, true, 0x84 }, { 2, false, 0x80 }, { 3, false, 0x80 },
		{ 7, false, 0x00 },
	};
	struct vgic vg;

	enabled_gic(&vg);
	CHECK_EQ(cpu(&vg, GICC_BPR), 0);
	CHECK_EQ(cpu(&vg, GICC_ABPR), 1);                       /* reset, and its least value */
	vgic_dist_write(&vg, GICD_ISENABLER0, 4, (1u << 1) | (1u << 2));
	set_priority(&vg, 1, 0x84);
	set_priority(&vg, 2, 0x82);
	for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		vgic_cpu_write(&vg, GICC_BPR, 4, cases[i].bpr);
		CHECK_EQ(cpu(&vg, GICC_BPR), cases[i].bpr);
		vgic_dist_write(&vg, GICD_SGIR, 4, SGIR_SELF | 1);
		CHECK_EQ(cpu(&vg, GICC_IAR), 1);
		CHECK_EQ(cpu(&vg, GICC_RPR), cases[i].rpr);
		vgic_dist_write(&vg, GICD_SGIR, 4, SGIR_SELF | 2);
		CHECK_EQ(vgic_irq_signalled(&vg), cases[i].preempts);
		CHECK_EQ(cpu(&vg, GICC_IAR), cases[i].preempts ? 2u : VGIC_SPURIOUS);
		if (cases[i].preempts)
			vgic_cpu_write(&vg, GICC_EOIR, 4, 2);
		vgic_cpu_write(&vg, GICC_EOIR, 4, 1);
		if (!cases[i].preempts)
			CHECK_EQ(cpu(&vg, GICC_IAR), 2);        /* taken once 1 is done */
		vgic_cpu_write(&vg, GICC_EOIR, 4, 2);
	}
	/*
	 * Group 1: ABPR 3 (binary point 2) keeps 0x82 out; with CBPR, BPR 0
	 * lets it in. (This model acknowledges either group: GICC_CTLR.AckCtl
	 * is not modelled.)
	 */
	vgic_cpu_write(&vg, GICC_BPR, 4, 0);
	vgic_cpu_write(&vg, GICC_ABPR, 4, 0);
	CHECK_EQ(cpu(&vg, GICC_ABPR), 1);
	vgic_cpu_write(&vg, GICC_ABPR, 4, 3);
	vgic_dist_write(&vg, GICD_IGROUPR0, 4, (1u << 1) | (1u << 2));
	vgic_dist_write(&vg, GICD_SGIR, 4, SGIR_SELF | 1);
	CHECK_EQ(cpu(&vg, GICC_IAR), 1);
	CHECK_EQ(cpu(&vg, GICC_RPR), 0x80);
	vgic_dist_write(&vg, GICD_SGIR, 4, SGIR_SELF | 2);
	CHECK(!vgic_irq_signalled(&vg));
	vgic_cpu_write(&vg, GICC_CTLR, 4, 1u | CTLR_CBPR);
	CHECK_EQ(cpu(&vg, GICC_RPR), 0x80);                    /* as acknowledged */
	CHECK(!vgic_irq_signalled(&vg));
	vgic_cpu_write(&vg, GICC_EOIR, 4, 1);
	CHECK_EQ(cpu(&vg, GICC_IAR), 2);
	vgic_cpu_write(&vg, GICC_EOIR, 4, 2);
	vgic_dist_write(&vg, GICD_SGIR, 4, SGIR_SELF | 1);
	CHECK_EQ(cpu(&vg, GICC_IAR), 1);
	CHECK_EQ(cpu(&vg, GICC_RPR), 0x84);
	vgic_dist_write(&vg, GICD_SGIR, 4, SGIR_SELF | 2);
	CHECK(vgic_irq_signalled(&vg));
}

/*
 * The running priority comes from acknowledged interrupts, at the binary
 * point they were acknowledged with; an end drops the highest. An active
 * state set through GICD_ISACTIVER leaves it alone (as on QEMU's GIC).
 */
TEST(vgic_running_priority_as_acknowledged)
{
	struct vgic vg;

	enabled_gic(&vg);
	vgic_dist_write(&vg, GICD_ISENABLER0, 4, (1u << 1) | (1u << 2) | (1u << 3));
	set_priority(&vg, 1, 0x84);
	set_priority(&vg, 2, 0x40);
	set_priority(&vg, 3, 0x20);
	vgic_dist_write(&vg, GICD_ISACTIVER0, 4, 1u << 3);
	CHECK_EQ(cpu(&vg, GICC_RPR), 0xff);
	vgic_dist_write(&vg, GICD_SGIR, 4, SGIR_SELF | 1);
	CHECK_EQ(cpu(&vg, GICC_IAR), 1);
	vgic_cpu_write(&vg, GICC_BPR, 4, 7);                    /* later: no effect on 1's */
	CHECK_EQ(cpu(&vg, GICC_RPR), 0x84);
	vgic_cpu_write(&vg, GICC_BPR, 4, 0);
	vgic_dist_write(&vg, GICD_SGIR, 4, SGIR_SELF | 2);
	CHECK_EQ(cpu(&vg, GICC_IAR), 2);
	CHECK_EQ(cpu(&vg, GICC_RPR), 0x40);
	vgic_cpu_write(&vg, GICC_EOIR, 4, 2);
	CHECK_EQ(cpu(&vg, GICC_RPR), 0x84);
	vgic_cpu_write(&vg, GICC_EOIR, 4, VGIC_SPURIOUS);       /* ignored */
	CHECK_EQ(cpu(&vg, GICC_RPR), 0x84);
	vgic_cpu_write(&vg, GICC_EOIR, 4, 1);
	CHECK_EQ(cpu(&vg, GICC_RPR), 0xff);
}

/*
 * GICC_HPPIR: the highest priority pending interrupt past the priority
 * mask with both interfaces on, whether or not it preempts (as QEMU's GIC
 * reads it); 1023 otherwise.
 */
TEST(vgic_highest_pending_register)
{
	struct vgic vg;

	enabled_gic(&vg);
	vgic_dist_write(&vg, GICD_ISENABLER0, 4, (1u << 1) | (1u << 2));
	set_priority(&vg, 1, 0x84);
	set_priority(&vg, 2, 0x82);
	vgic_cpu_write(&vg, GICC_PMR, 4, 0x84);
	vgic_dist_write(&vg, GICD_SGIR, 4, SGIR_SELF | 1);
	CHECK_EQ(cpu(&vg, GICC_HPPIR), VGIC_SPURIOUS);         /* not past the mask */
	vgic_cpu_write(&vg, GICC_PMR, 4, 0xf0);
	CHECK_EQ(cpu(&vg, GICC_HPPIR), 1);
	vgic_cpu_write(&vg, GICC_CTLR, 4, 0);
	CHECK_EQ(cpu(&vg, GICC_HPPIR), VGIC_SPURIOUS);         /* CPU interface off */
	vgic_cpu_write(&vg, GICC_CTLR, 4, 1);
	vgic_cpu_write(&vg, GICC_BPR, 4, 2);                    /* 0x82 is in 0x84's group */
	CHECK_EQ(cpu(&vg, GICC_IAR), 1);
	CHECK_EQ(cpu(&vg, GICC_HPPIR), VGIC_SPURIOUS);         /* active, no longer pending */
	vgic_dist_write(&vg, GICD_SGIR, 4, SGIR_SELF | 2);
	CHECK(!vgic_irq_signalled(&vg));
	CHECK_EQ(cpu(&vg, GICC_HPPIR), 2);                      /* presented, though it cannot preempt */
}

/* A level line: pending while high, again after EOI if still high. */
TEST(vgic_level_line)
{
	struct vgic vg;

	enabled_gic(&vg);
	set_priority(&vg, 27, 0xa0);
	vgic_dist_write(&vg, GICD_ISENABLER0, 4, 1u << 27);
	vgic_set_level(&vg, 27, true);
	CHECK_EQ(cpu(&vg, GICC_IAR), 27);
	CHECK(!vgic_irq_signalled(&vg));            /* active and pending */
	vgic_cpu_write(&vg, GICC_EOIR, 4, 27);
	CHECK(vgic_irq_signalled(&vg));             /* line still high */
	vgic_set_level(&vg, 27, false);
	CHECK(!vgic_irq_signalled(&vg));
	CHECK_EQ(cpu(&vg, GICC_IAR), VGIC_SPURIOUS);
}

TEST(vgic_out_of_range_ignored)
{
	struct vgic vg;

	enabled_gic(&vg);
	vgic_set_level(&vg, 64, true);              /* beyond ITLinesNumber */
	vgic_dist_write(&vg, GICD_ISENABLER0 + 8, 4, 0xffffffffu);
	CHECK_EQ(dist(&vg, GICD_ISENABLER0 + 8), 0);
	CHECK(!vgic_irq_signalled(&vg));
	vgic_cpu_write(&vg, GICC_EOIR, 4, 1023);    /* spurious ID: no effect */
	CHECK_EQ(cpu(&vg, GICC_IAR), VGIC_SPURIOUS);
}
