/*
 * The permission matrix.  For each kind of descriptor, test domain, value of
 * that domain's DACR field, AP[2:0] and XN, one descriptor maps TEST_VA to
 * FRAME_A; read, write and execute are tried at PL1 and at PL0.
 *
 * A supersection has no domain field and is always in domain 0, which stays
 * client: for it the test domain's DACR field must make no difference.
 */
#include <stdint.h>

#include "access.h"
#include "label.h"
#include "mmu.h"
#include "suite.h"

#define DATA_MATRIX     0x0da7a000u
#define DACR_VALUES     4u
#define XN_VALUES       2u

const char *const kind_names[] = {
	[MAP_SECTION] = "section",
	[MAP_SUPERSECTION] = "supersection",
	[MAP_SMALL] = "smallpage",
	[MAP_LARGE] = "largepage",
};

static const uint32_t domains[] = { 3, 15 };

static void run_domain(enum map_kind kind, uint32_t domain)
{
	const struct target t = { TEST_VA, FRAME_A, DATA_MATRIX };

	for (uint32_t dacr = 0; dacr < DACR_VALUES; dacr++) {
		set_dacr(domain, dacr);
		for (uint32_t ap = 0; ap < AP_VALUES; ap++) {
			for (uint32_t xn = 0; xn < XN_VALUES; xn++) {
				const struct prot p = { domain, ap, xn };

				map_test(l1_main, kind, FRAME_A, &p);
				label_start(kind_names[kind]);
				label_str(" d");
				label_dec(domain);
				label_str("=");
				label_bits(dacr, 2);
				label_str(" ap");
				label_bits(ap, 3);
				label_str(" xn");
				label_dec(xn);
				check_accesses(&t, ACC_EXEC);
			}
		}
	}
}

void run_matrix(void)
{
	for (enum map_kind kind = MAP_SECTION; kind <= MAP_LARGE; kind++)
		for (unsigned d = 0; d < sizeof domains / sizeof domains[0]; d++)
			run_domain(kind, domains[d]);
}
