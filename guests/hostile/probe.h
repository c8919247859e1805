/* Single instructions that touch an address, with any data abort recorded. */
#ifndef PROBE_H
#define PROBE_H

#include <stdbool.h>
#include <stdint.h>

/* Each probe is one instruction; the order is the printed names' (report.c). */
enum op {
	OP_READ, OP_WRITE, OP_READ_BYTE, OP_WRITE_HALF, OP_READ_DUAL, OP_WRITE_DUAL,
	OP_DCIMVAC, OP_DCCIMVAC, OP_DCCMVAU, OP_ICIMVAU, OP_TLBIMVA, OP_TLBIMVAA,
	OP_DCISW, OP_DCCISW,
	OP_COUNT
};

struct outcome {
	bool faulted;
	uint32_t fsr, far;	/* DFSR and DFAR when faulted */
	uint64_t value;		/* what a read returned: low word first for LDRD */
};

/*
 * Run one op on va (a write stores `value`; LDRD/STRD use value twice).
 * Prints nothing, so it may run while the console is not mapped.
 */
struct outcome run_op(enum op op, uint32_t va, uint32_t value);

#endif
