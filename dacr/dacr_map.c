#include "arch/arm/pgtable_bits.h"
#include "dacr/dacr_map.h"
#include "dacr/domains.h"

/* Shadow AP encodings by the permission PL0 gets (B3.7.1). */
#define SHADOW_AP_NONE  AP_NONE
#define SHADOW_AP_RO    AP_RO
#define SHADOW_AP_RW    AP_RW

static uint32_t guest_dv(uint32_t dacr, unsigned domain)
{
	return (dacr >> (2u * domain)) & 3u;
}

/* Entries are derived as for "client" unless the domain is "manager". */
static bool derived_as_manager(uint32_t dv)
{
	return dv == GUEST_DV_MANAGER;
}

enum perm dacr_ap_perm(uint32_t ap, bool privileged)
{
	switch (ap & 7u) {
	case 1: return privileged ? PERM_RW : PERM_NONE;
	case 2: return privileged ? PERM_RW : PERM_RO;
	case 3: return PERM_RW;
	case 5: return privileged ? PERM_RO : PERM_NONE;
	case 6: case 7: return PERM_RO;
	default: return PERM_NONE;      /* 000, and the reserved 100 */
	}
}

struct shadow_perm dacr_shadow_perm(uint32_t guest_dv, uint32_t ap, bool xn, bool privileged,
				    struct shadow_overlay overlay)
{
	struct shadow_perm sp = { .cls = DOM_CLASS_SAME, .xn = xn };
	enum perm perm;

	if (derived_as_manager(guest_dv)) {
		perm = PERM_RW;         /* manager: no permission checks, XN included */
		sp.xn = false;
	} else {
		/* No access and reserved are derived as client: the DACR field alone then switches. */
		enum perm k = dacr_ap_perm(ap, true), u = dacr_ap_perm(ap, false);
		if (k == u) {
			perm = k;
		} else if (u == PERM_NONE) {
			perm = k;
			sp.cls = DOM_CLASS_KERNEL_ONLY;
		} else {
			perm = privileged ? k : u;
			sp.cls = DOM_CLASS_CURRENT_MODE;
		}
	}
	if (overlay.no_write && perm == PERM_RW)
		perm = PERM_RO;
	sp.xn = sp.xn || overlay.no_exec;
	sp.ap = perm == PERM_RW ? SHADOW_AP_RW : perm == PERM_RO ? SHADOW_AP_RO : SHADOW_AP_NONE;
	return sp;
}

/* Processor domain p's DACR field in guest mode `privileged`. */
static uint32_t processor_field(const struct dacr_map *m, unsigned p, bool privileged)
{
	uint32_t dv = guest_dv(m->guest_dacr, m->owner_domain[p]);

	if (dv == GUEST_DV_NO_ACCESS || dv == GUEST_DV_RESERVED)
		return DACR_NO_ACCESS;
	if (m->owner_class[p] == DOM_CLASS_KERNEL_ONLY && !privileged && !derived_as_manager(dv))
		return DACR_NO_ACCESS;
	/* Never "manager": the hypervisor's own restrictions live in the AP bits. */
	return DACR_CLIENT;
}

/* Derive processor domain p's DACR field again, in both guest modes. */
static void update_field(struct dacr_map *m, unsigned p)
{
	for (unsigned privileged = 0; privileged < 2; privileged++)
		m->mode_dacr[privileged] = (m->mode_dacr[privileged] & ~DACR_FIELD(p, DACR_MANAGER)) |
					   DACR_FIELD(p, processor_field(m, p, privileged));
}

/* Derive the fields of every processor domain given in the bit mask `procs`. */
static void update_fields(struct dacr_map *m, uint32_t procs)
{
	for (; procs; procs &= procs - 1u)
		update_field(m, (unsigned)__builtin_ctz(procs));
}

void dacr_map_reset(struct dacr_map *m, uint32_t guest_dacr, bool privileged)
{
	m->guest_dacr = guest_dacr;
	m->privileged = privileged;
	m->used = 1u << DOMAIN_HYP;
	for (unsigned d = 0; d < GUEST_DOMAINS; d++) {
		m->procs_of[d] = 0;
		for (unsigned c = 0; c < DOM_CLASS_COUNT; c++)
			m->proc[d][c] = -1;
	}
	m->mode_dacr[0] = m->mode_dacr[1] = DACR_FIELD(DOMAIN_HYP, DACR_CLIENT);
	m->previous.valid = false;
}

int dacr_map_domain(struct dacr_map *m, unsigned guest_domain, enum dom_class cls)
{
	if (m->proc[guest_domain][cls] >= 0)
		return m->proc[guest_domain][cls];
	for (unsigned p = 0; p < PROC_DOMAINS; p++) {
		if (m->used & (1u << p))
			continue;
		m->used |= 1u << p;
		m->owner_domain[p] = (uint8_t)guest_domain;
		m->owner_class[p] = (uint8_t)cls;
		m->proc[guest_domain][cls] = (int8_t)p;
		m->procs_of[guest_domain] |= (uint16_t)(1u << p);
		update_field(m, p);
		m->previous.valid = false;
		return (int)p;
	}
	return -1;
}

uint32_t dacr_map_derive_guest_dacr(struct dacr_map *m, uint32_t guest_dacr)
{
	uint32_t rederive = 0, procs = 0, old = m->guest_dacr, old_user = m->mode_dacr[0], old_kernel = m->mode_dacr[1];

	m->guest_dacr = guest_dacr;
	/* Only the guest domains whose field changed: one for Linux's software PAN. */
	for (uint32_t diff = old ^ guest_dacr; diff; diff &= ~(3u << (__builtin_ctz(diff) & ~1u))) {
		unsigned d = (unsigned)__builtin_ctz(diff) / 2u;
		uint32_t used = m->procs_of[d];
		if (used && derived_as_manager(guest_dv(old, d)) != derived_as_manager(guest_dv(guest_dacr, d)))
			rederive |= 1u << d;
		procs |= used;
	}
	update_fields(m, procs);
	m->previous = (struct dacr_map_previous){
		.valid = !rederive, .guest_dacr = old, .written = guest_dacr, .mode_dacr = { old_user, old_kernel },
	};
	return rederive;
}
