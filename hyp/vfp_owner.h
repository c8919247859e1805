/*
 * The core's floating-point registers, switched lazily between guests
 * (ARM DDI 0406C B1.11.1, VFPv3). A guest switch moves nothing: the
 * registers keep the values of the guest that used them last, their owner,
 * and CPACR shuts every other guest out of them (no CP10/CP11 access, so
 * its floating-point instructions trap as undefined). Such a trap in a
 * guest that has granted itself CP10/CP11 hands the registers over: the
 * owner's values are saved, the guest's loaded, and the instruction runs
 * again.
 */
#ifndef HYP_VFP_OWNER_H
#define HYP_VFP_OWNER_H

#include <stdbool.h>

#include "hyp/guest.h"

/* Does `g` hold the registers (their values are its own, CPACR may open them)? */
bool vfp_owned_by(const struct guest *g);
/* Give `g` the registers if it does not hold them: true if they changed hands. */
bool vfp_take(struct guest *g);
/* `g` is loaded again: what the registers hold of it is forgotten. */
void vfp_forget(struct guest *g);

#endif
