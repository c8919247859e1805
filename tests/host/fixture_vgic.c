/* Virtual GICs for the tests that ask whether an interrupt is signalled (fixture.h). */
#include "fixture.h"
#include "hyp/vgic.h"

static struct vgic quiet, signalling;
const struct vintc fixture_quiet_vi = { &vgic_vintc_ops, &quiet };
const struct vintc fixture_signalling_vi = { &vgic_vintc_ops, &signalling };

/* Enabled, with SPI 40 enabled and, if `signalled`, pending. */
static void set_up(struct vgic *vg, bool signalled)
{
	vgic_init(vg, &(struct vgic_ident){ .typer = 0x4u, .iidr = 0x0200043bu });
	vgic_dist_write(vg, 0x000u, 4, 1u);             /* GICD_CTLR: enabled */
	vgic_cpu_write(vg, 0x00u, 4, 1u);               /* GICC_CTLR: enabled */
	vgic_cpu_write(vg, 0x04u, 4, 0xf0u);            /* GICC_PMR */
	vgic_dist_write(vg, 0x104u, 4, 1u << 8);        /* GICD_ISENABLER1: interrupt 40 */
	if (signalled)
		vgic_dist_write(vg, 0x204u, 4, 1u << 8);  /* GICD_ISPENDR1 */
}

void fixture_vgics_init(void)
{
	set_up(&quiet, false);
	set_up(&signalling, true);
	CHECK(!vintc_signalled(&fixture_quiet_vi));
	CHECK(vintc_signalled(&fixture_signalling_vi));
}
