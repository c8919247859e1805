/* One access (read, write or execute, in ARM or Thumb state) to an address,
 * checked against the expected outcome and printed as a check line. */
#ifndef PROBE_H
#define PROBE_H

#include <stdbool.h>
#include <stdint.h>

enum probe_op { PROBE_READ, PROBE_WRITE, PROBE_EXEC };

/* The access primitives of access.S. */
uint32_t ut_ld_arm(uintptr_t addr, uint32_t unused);
uint32_t ut_st_arm(uintptr_t addr, uint32_t value);
uint32_t ut_ld_thumb(uintptr_t addr, uint32_t unused);
uint32_t ut_st_thumb(uintptr_t addr, uint32_t value);

/* READ: value is what the read must return; WRITE: value is written and
 * then read back; EXEC: addr holds code (ARM, or Thumb when thumb) that must
 * return value. signo 0 means the access must succeed; otherwise it must
 * raise signo with si_code code (or any, with ANY_CODE), si_addr addr and
 * the PC at the access. */
void probe(const char *name, enum probe_op op, bool thumb, uintptr_t addr,
	   uint32_t value, int signo, int code);

/* Tiny functions returning a constant, to be copied into executable pages. */
#define CODE_ARM_SIZE 8
#define CODE_THUMB_SIZE 4
void code_arm(void *dst, uint8_t ret);
void code_thumb(void *dst, uint8_t ret);

#endif
