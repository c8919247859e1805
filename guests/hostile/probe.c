#include <stdint.h>

#include "hostile.h"
#include "probe.h"

typedef uint64_t probe_fn(uint32_t addr, uint32_t value);

probe_fn probe_read, probe_write, probe_read_byte, probe_write_half, probe_read_dual,
	probe_write_dual, probe_dcimvac, probe_dccimvac, probe_dccmvau, probe_icimvau,
	probe_tlbimva, probe_tlbimvaa, probe_dcisw, probe_dccisw;

/* Filled by the data abort handler (vectors.S) while armed. */
struct fault_rec {
	uint32_t armed;
	uint32_t taken;
	uint32_t fsr;
	uint32_t far;
};

volatile struct fault_rec fault_rec;
_Static_assert(__builtin_offsetof(struct fault_rec, armed) == FAULT_ARMED, "layout");
_Static_assert(__builtin_offsetof(struct fault_rec, taken) == FAULT_TAKEN, "layout");
_Static_assert(__builtin_offsetof(struct fault_rec, fsr) == FAULT_FSR, "layout");
_Static_assert(__builtin_offsetof(struct fault_rec, far) == FAULT_FAR, "layout");

static probe_fn *const probes[OP_COUNT] = {
	[OP_READ] = probe_read, [OP_WRITE] = probe_write,
	[OP_READ_BYTE] = probe_read_byte, [OP_WRITE_HALF] = probe_write_half,
	[OP_READ_DUAL] = probe_read_dual, [OP_WRITE_DUAL] = probe_write_dual,
	[OP_DCIMVAC] = probe_dcimvac, [OP_DCCIMVAC] = probe_dccimvac,
	[OP_DCCMVAU] = probe_dccmvau, [OP_ICIMVAU] = probe_icimvau,
	[OP_TLBIMVA] = probe_tlbimva, [OP_TLBIMVAA] = probe_tlbimvaa,
	[OP_DCISW] = probe_dcisw, [OP_DCCISW] = probe_dccisw,
};

struct outcome run_op(enum op op, uint32_t va, uint32_t value)
{
	struct outcome o;

	fault_rec.taken = 0;
	fault_rec.armed = 1;
	o.value = probes[op](va, value);
	fault_rec.armed = 0;
	o.faulted = fault_rec.taken;
	o.fsr = fault_rec.fsr;
	o.far = fault_rec.far;
	return o;
}
