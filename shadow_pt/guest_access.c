#include "arch/arm/fsr_bits.h"
#include "dacr/dacr_map.h"
#include "shadow_pt/guest_access.h"

static bool is_section(const struct guest_walk_result *w)
{
	return w->kind == WALK_SECTION || w->kind == WALK_SUPERSECTION;
}

uint32_t guest_access_fault(const struct guest_walk_result *w, uint32_t guest_dacr,
			    bool privileged, enum guest_access access)
{
	uint32_t dv = (guest_dacr >> (2u * w->domain)) & 3u;
	uint32_t domain_bits = w->domain << FSR_DOMAIN_SHIFT;
	enum perm perm = dacr_ap_perm(w->ap, privileged);
	bool allowed;

	if (dv == GUEST_DV_NO_ACCESS || dv == GUEST_DV_RESERVED)
		return fsr_make(is_section(w) ? FS_DOMAIN_SECTION : FS_DOMAIN_PAGE) | domain_bits;
	if (dv == GUEST_DV_MANAGER)
		return 0;       /* no permission checks, XN and PXN included */
	switch (access) {
	case GUEST_WRITE:
		allowed = perm == PERM_RW;
		break;
	case GUEST_EXEC:
		allowed = perm != PERM_NONE && !w->xn && !(privileged && w->pxn);
		break;
	default:
		allowed = perm != PERM_NONE;
		break;
	}
	if (allowed)
		return 0;
	return fsr_make(is_section(w) ? FS_PERM_SECTION : FS_PERM_PAGE) | domain_bits;
}
