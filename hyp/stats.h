/* Per-guest counters, printed when the guest ends; the base for benchmarks. */
#ifndef HYP_STATS_H
#define HYP_STATS_H

#include <stdint.h>

#include "hyp/insn_class.h"

struct vcpu_stats {
	uint32_t traps_undef, traps_svc, traps_pabt, traps_dabt, traps_irq, traps_fiq;
	uint32_t emulated_sensitive[SENS_CLASS_COUNT];
	uint32_t patches[SENS_CLASS_COUNT];
	uint32_t emulated_cp15, emulated_mmio, emulated_code_stores;
	uint32_t pages_scanned, code_pages_made_writable;
	uint32_t virtual_exceptions, virtual_irqs;
};

#endif
