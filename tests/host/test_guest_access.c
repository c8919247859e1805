/* The guest MMU's domain and permission check against the reference model. */
#include <stdint.h>

#include "shadow_pt/guest_access.h"
#include "ref_perm.h"
#include "test.h"

/* Fault status codes, B3.13.3 table B3-23 (short-descriptor format). */
#define DOMAIN_SECTION  0x009u
#define DOMAIN_PAGE     0x00bu
#define PERM_SECTION    0x00du
#define PERM_PAGE       0x00fu

static const enum guest_access accesses[] = { GUEST_READ, GUEST_WRITE, GUEST_EXEC };
static const enum ref_access ref_accesses[] = { REF_READ, REF_WRITE, REF_EXEC };

TEST(guest_access_every_dacr_ap_xn_mode_kind)
{
	static const enum walk_kind kinds[] = { WALK_SECTION, WALK_SUPERSECTION, WALK_SMALL_PAGE, WALK_LARGE_PAGE };

	for (unsigned k = 0; k < 4; k++)
	for (unsigned domain = 0; domain < 16; domain += 5)
	for (uint32_t dv = 0; dv < 4; dv++)
	for (unsigned ap = 0; ap < 8; ap++)
	for (int xn = 0; xn < 2; xn++)
	for (int priv = 0; priv < 2; priv++)
	for (unsigned a = 0; a < 3; a++) {
		struct guest_walk_result w = { .ok = true, .kind = kinds[k], .ap = ap, .xn = xn, .domain = domain };
		bool section = kinds[k] == WALK_SECTION || kinds[k] == WALK_SUPERSECTION;
		uint32_t fsr = guest_access_fault(&w, dv << (2u * domain), priv, accesses[a]);
		bool want = ref_access_allowed(dv, ap, xn, priv, ref_accesses[a]);
		uint32_t want_fsr = want ? 0 :
			((dv == 0 || dv == 2) ? (section ? DOMAIN_SECTION : DOMAIN_PAGE)
					      : (section ? PERM_SECTION : PERM_PAGE)) | (domain << 4);
		if (fsr != want_fsr)
			FAIL("kind %u domain %u dv %u ap %u xn %d priv %d access %u: fsr 0x%x, expected 0x%x",
			     k, domain, dv, ap, xn, priv, a, fsr, want_fsr);
	}
}

/* PXN (B3.7.2): execute-never for PL1 only, in client domains only. */
TEST(guest_access_pxn)
{
	struct guest_walk_result w = { .ok = true, .kind = WALK_SMALL_PAGE, .ap = 3, .pxn = true, .domain = 2 };

	CHECK_EQ(guest_access_fault(&w, 1u << 4, true, GUEST_EXEC), PERM_PAGE | (2u << 4));
	CHECK_EQ(guest_access_fault(&w, 1u << 4, false, GUEST_EXEC), 0);
	CHECK_EQ(guest_access_fault(&w, 1u << 4, true, GUEST_READ), 0);
	CHECK_EQ(guest_access_fault(&w, 3u << 4, true, GUEST_EXEC), 0);
}
