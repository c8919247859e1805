/* One access to a test frame at PL1 or PL0, checked and printed. */
#ifndef ACCESS_H
#define ACCESS_H

#include <stdint.h>

#include "permtest.h"

/* The data word of each frame; the routine is at offset 0. */
#define DATA_OFFSET     0x100u

/* Filled by the abort handlers (vectors.S) while armed. */
struct fault_rec {
	uint32_t armed;
	uint32_t kind;		/* FAULT_NONE, FAULT_DATA, FAULT_PREFETCH */
	uint32_t fsr;
	uint32_t far;
};

extern volatile struct fault_rec fault_rec;

enum access { ACC_READ, ACC_WRITE, ACC_EXEC };

struct target {
	uint32_t va;	/* the frame as mapped under test */
	uint32_t pa;	/* the same frame, through the identity map */
	uint32_t data;	/* its data word, stored before each access */
};

/* Copy the routine to offset 0 of the frame at pa and make it fetchable. */
void frame_init(uint32_t pa);

/*
 * One line per access, first at PL1 then at PL0, each access from read up to
 * `last`: "<label()> pl1 read: ok" or "...: fault dfsr=... dfar=...".
 */
void check_accesses(const struct target *t, enum access last);

/* Lines printed by check_accesses so far. */
uint32_t checks_done(void);

#endif
