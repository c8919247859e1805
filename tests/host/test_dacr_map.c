/*
 * The DACR/AP mapping against the reference model: for every guest DACR
 * value, AP[2:0], XN and guest mode, the MMU (PL0, processor DACR, shadow
 * AP/XN) must allow exactly what the guest asked for - after any guest DACR
 * change and mode switch, with the entry derived again only where the
 * mapping says it must be.
 */
#include <stdint.h>

#include "dacr/dacr_map.h"
#include "dacr/domains.h"
#include "ref_perm.h"
#include "test.h"

#define TEST_DOMAIN 5u

static uint32_t dacr_with(unsigned domain, uint32_t dv)
{
	return dv << (2u * domain);
}

static uint32_t field(uint32_t dacr, unsigned domain)
{
	return (dacr >> (2u * domain)) & 3u;
}

struct entry {
	struct shadow_perm sp;
	int proc;
};

static struct entry derive(struct dacr_map *m, uint32_t dv, unsigned ap, bool xn, bool priv,
			   struct shadow_overlay o)
{
	struct entry e;

	e.sp = dacr_shadow_perm(dv, ap, xn, priv, o);
	e.proc = dacr_map_domain(m, TEST_DOMAIN, e.sp.cls);
	return e;
}

/* What the MMU allows the guest (always PL0) for this shadow entry. */
static bool hardware_allows(const struct dacr_map *m, const struct entry *e, enum ref_access a)
{
	return ref_access_allowed(field(dacr_map_processor_dacr(m), (unsigned)e->proc), e->sp.ap,
				  e->sp.xn, false, a);
}

/*
 * Derive under (dv0, mode0), then switch to (dv1, mode1), derive again only
 * when told to, and compare every access with the reference.
 */
static void check_transition(uint32_t dv0, bool priv0, uint32_t dv1, bool priv1, unsigned ap, bool xn)
{
	static const struct shadow_overlay none;
	struct dacr_map m;

	dacr_map_reset(&m, dacr_with(TEST_DOMAIN, dv0), priv0);
	struct entry e = derive(&m, dv0, ap, xn, priv0, none);
	CHECK(e.proc >= 0 && e.proc != (int)DOMAIN_HYP);

	uint32_t again = dacr_map_set_guest_dacr(&m, dacr_with(TEST_DOMAIN, dv1));
	dacr_map_set_mode(&m, priv1);
	CHECK_EQ(again & ~(1u << TEST_DOMAIN), 0);
	/* O(1) wherever the guest's request fits the processor DACR. */
	bool manager_change = (dv0 == GUEST_DV_MANAGER) != (dv1 == GUEST_DV_MANAGER);
	if (!manager_change && again)
		FAIL("dv %u->%u ap %u xn %d mode %d->%d: re-derivation asked for without need",
		     dv0, dv1, ap, xn, priv0, priv1);
	/* A current-mode entry is served in the other mode by that mode's view, derived there. */
	bool other_view = priv0 != priv1 && e.sp.cls == DOM_CLASS_CURRENT_MODE;
	if (again || other_view)
		e = derive(&m, dv1, ap, xn, priv1, none);

	for (int a = 0; a < REF_ACCESS_COUNT; a++) {
		bool want = ref_access_allowed(dv1, ap, xn, priv1, (enum ref_access)a);
		if (hardware_allows(&m, &e, (enum ref_access)a) != want)
			FAIL("dv %u->%u ap %u xn %d mode %d->%d access %d: MMU %s, guest expects %s",
			     dv0, dv1, ap, xn, priv0, priv1, a, want ? "denies" : "allows",
			     want ? "allowed" : "denied");
	}
}

TEST(dacr_map_every_dacr_ap_xn_mode_and_transition)
{
	for (uint32_t dv0 = 0; dv0 < 4; dv0++)
		for (uint32_t dv1 = 0; dv1 < 4; dv1++)
			for (unsigned ap = 0; ap < 8; ap++)
				for (int xn = 0; xn < 2; xn++)
					for (int m0 = 0; m0 < 2; m0++)
						for (int m1 = 0; m1 < 2; m1++)
							check_transition(dv0, m0, dv1, m1, ap, xn);
}

/* The hypervisor's own restrictions only ever take rights away, and only theirs. */
TEST(dacr_map_overlays)
{
	for (unsigned ap = 0; ap < 8; ap++) {
		for (int priv = 0; priv < 2; priv++) {
			struct dacr_map m;
			dacr_map_reset(&m, dacr_with(TEST_DOMAIN, GUEST_DV_CLIENT), priv);
			struct entry w = derive(&m, GUEST_DV_CLIENT, ap, false, priv,
						(struct shadow_overlay){ .no_write = true });
			struct entry x = derive(&m, GUEST_DV_CLIENT, ap, false, priv,
						(struct shadow_overlay){ .no_exec = true });
			CHECK(!hardware_allows(&m, &w, REF_WRITE));
			CHECK(!hardware_allows(&m, &x, REF_EXEC));
			CHECK_EQ(hardware_allows(&m, &w, REF_READ),
				 ref_access_allowed(GUEST_DV_CLIENT, ap, false, priv, REF_READ));
			CHECK_EQ(hardware_allows(&m, &w, REF_EXEC),
				 ref_access_allowed(GUEST_DV_CLIENT, ap, false, priv, REF_EXEC));
			CHECK_EQ(hardware_allows(&m, &x, REF_WRITE),
				 ref_access_allowed(GUEST_DV_CLIENT, ap, false, priv, REF_WRITE));
		}
	}
}

/* Whatever the guest writes to its DACR, the hypervisor's domain stays client. */
TEST(dacr_map_hypervisor_domain_kept)
{
	static const uint32_t dacrs[] = { 0, 0xffffffffu, 0x55555555u, 0xaaaaaaaau, 0x3u };
	struct dacr_map m;

	dacr_map_reset(&m, 0, true);
	for (unsigned d = 0; d < GUEST_DOMAINS; d++)
		dacr_map_domain(&m, d, DOM_CLASS_SAME);
	for (unsigned i = 0; i < sizeof(dacrs) / sizeof(dacrs[0]); i++) {
		dacr_map_set_guest_dacr(&m, dacrs[i]);
		for (int priv = 0; priv < 2; priv++) {
			dacr_map_set_mode(&m, priv);
			uint32_t pdacr = dacr_map_processor_dacr(&m);
			CHECK_EQ(field(pdacr, DOMAIN_HYP), 1);
			for (unsigned p = 0; p < PROC_DOMAINS; p++)
				CHECK(field(pdacr, p) != 3);    /* never manager */
		}
	}
}

TEST(dacr_map_domain_budget)
{
	struct dacr_map m;
	unsigned given = 0;

	dacr_map_reset(&m, 0x55555555u, true);
	for (unsigned d = 0; d < GUEST_DOMAINS; d++)
		for (unsigned c = 0; c < DOM_CLASS_COUNT; c++) {
			int p = dacr_map_domain(&m, d, (enum dom_class)c);
			if (p < 0)
				continue;
			CHECK(p != (int)DOMAIN_HYP);
			CHECK_EQ(dacr_map_domain(&m, d, (enum dom_class)c), p);   /* stable */
			given++;
		}
	CHECK_EQ(given, PROC_DOMAINS - 1);
	dacr_map_reset(&m, 0x55555555u, true);
	CHECK(dacr_map_domain(&m, 15, DOM_CLASS_KERNEL_ONLY) >= 0);
}

/* Linux's user-domain switching (SW PAN) and kernel/user switches are O(1). */
TEST(dacr_map_linux_pattern_in_place)
{
	struct dacr_map m;

	dacr_map_reset(&m, dacr_with(0, 1) | dacr_with(1, 1), true);
	dacr_map_domain(&m, 0, dacr_shadow_perm(1, 1, false, true, (struct shadow_overlay){0}).cls);
	dacr_map_domain(&m, 1, dacr_shadow_perm(1, 3, false, true, (struct shadow_overlay){0}).cls);
	dacr_map_domain(&m, 1, dacr_shadow_perm(1, 6, true, true, (struct shadow_overlay){0}).cls);
	for (int i = 0; i < 4; i++) {
		CHECK_EQ(dacr_map_set_guest_dacr(&m, dacr_with(0, 1) | dacr_with(1, i & 1)), 0);
		dacr_map_set_mode(&m, i & 2);
		CHECK_EQ(dacr_map_processor_dacr(&m) & DACR_FIELD(DOMAIN_HYP, DACR_MANAGER),
			 DACR_FIELD(DOMAIN_HYP, DACR_CLIENT));
	}
}

/*
 * Random guest DACR writes (often back to a value just left, as Linux's
 * software PAN does), mode switches and domain assignments: after each,
 * the map's processor DACR is the one a map set up afresh - the same
 * assignments, made in the same order, under the same guest DACR and mode
 * - derives, and each write returns the guest domains that changed to or
 * from manager among those assigned.
 */
TEST(dacr_map_remembered_writes_match_a_fresh_map)
{
	static const uint32_t values[] = { 0x55555555u, 0x55555551u, 0x55555554u, 0x5555555du, 0x55555557u, 0xd5555555u };
	struct { unsigned domain; enum dom_class cls; } given[PROC_DOMAINS];
	unsigned n_given = 0, hits = 0;
	uint32_t rng = 99;
	struct dacr_map m;

	dacr_map_reset(&m, values[0], true);
	for (unsigned step = 0; step < 20000; step++) {
		rng = rng * 1103515245u + 12345u;
		unsigned r = (rng >> 8) % 100u;
		if (r < 70) {
			uint32_t old = m.guest_dacr, dacr = r < 40 && m.previous.valid ?
				m.previous.guest_dacr : values[(rng >> 16) % 6u];
			uint32_t expected = 0;
			for (unsigned d = 0; d < GUEST_DOMAINS; d++)
				if (m.procs_of[d] && (((old >> (2 * d)) & 3u) == GUEST_DV_MANAGER) !=
						     (((dacr >> (2 * d)) & 3u) == GUEST_DV_MANAGER))
					expected |= 1u << d;
			hits += m.previous.valid && m.previous.guest_dacr == dacr &&
				m.previous.written == old;
			CHECK_EQ(dacr_map_set_guest_dacr(&m, dacr), expected);
		} else if (r < 90) {
			dacr_map_set_mode(&m, (rng >> 12) & 1u);
		} else if (n_given < PROC_DOMAINS - 1u && (rng >> 20) % 4u == 0) {
			unsigned d = (rng >> 13) % 3u;
			enum dom_class cls = (enum dom_class)((rng >> 17) % DOM_CLASS_COUNT);
			if (m.proc[d][cls] < 0) {
				given[n_given].domain = d;
				given[n_given++].cls = cls;
			}
			CHECK(dacr_map_domain(&m, d, cls) >= 0);
		}
		struct dacr_map fresh;
		dacr_map_reset(&fresh, m.guest_dacr, m.privileged);
		for (unsigned i = 0; i < n_given; i++)
			dacr_map_domain(&fresh, given[i].domain, given[i].cls);
		CHECK_EQ(dacr_map_processor_dacr(&m), dacr_map_processor_dacr(&fresh));
		dacr_map_set_mode(&fresh, !m.privileged);       /* the other mode's, kept alongside */
		CHECK_EQ(m.mode_dacr[!m.privileged], dacr_map_processor_dacr(&fresh));
	}
	CHECK(hits > 3000);
	CHECK(n_given >= 6);
}
