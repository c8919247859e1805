/*
 * A guest's floating-point registers while another guest has the core
 * (ARM DDI 0406C B1.11.1, VFPv3): guests reach the real ones directly from
 * PL0, so each guest switch moves them (arch/arm/vfp_state.S).
 */
#ifndef ARCH_ARM_VFP_STATE_H
#define ARCH_ARM_VFP_STATE_H

#include <stdint.h>

struct vfp_state {
	uint32_t fpexc, fpscr;
	uint64_t d[32];         /* d16-d31 only where MVFR0 says the core has 32 */
};

/* Does the core have VFP registers (CPACR grants CP10 when asked to)? Leaves CPACR as it was. */
int vfp_present(void);
/* Save the real registers into `s` / load them from it. Both leave CPACR as they found it. */
void vfp_state_save(struct vfp_state *s);
void vfp_state_restore(const struct vfp_state *s);

#endif
