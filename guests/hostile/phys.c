/*
 * Attempt 1, MMU off: physical addresses are the hypervisor's RAM, its staging
 * area, and the numbers of its virtual window; every access width.
 */
#include <stdint.h>

#include "attempts.h"
#include "hostile.h"
#include "probe.h"
#include "report.h"

#define PHYS_PATTERN    0xbad0f001u

void run_phys(void)
{
	static const uint32_t targets[] = {
		HYP_PA, HYP_PA_RODATA, HYP_PA_LAST, STAGE_PA, HYP_VA, HYP_IO_VA, HYP_SLOT_VA,
	};

	for (uint32_t i = 0; i < sizeof targets / sizeof targets[0]; i++)
		write_read("phys", targets[i], PHYS_PATTERN + i);
	attempt("phys", OP_WRITE_HALF, HYP_PA + 2, PHYS_PATTERN, SHOW_ALL);
	attempt("phys", OP_READ_BYTE, HYP_PA + 3, 0, SHOW_ALL);
	attempt("phys", OP_WRITE_DUAL, HYP_PA_RODATA + 8, PHYS_PATTERN, SHOW_ALL);
	attempt("phys", OP_READ_DUAL, HYP_PA_RODATA + 8, 0, SHOW_ALL);
	sweep("phys", HYP_PA);
}
