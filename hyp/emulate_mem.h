/*
 * Decoding and performing a trapped single load or store (LDR/STR/LDRB/
 * STRB/LDRH/STRH/LDRSB/LDRSH/LDRD/STRD, all addressing modes) or block
 * transfer (LDM/STM without ^) on the guest's behalf: for emulated devices,
 * unassigned addresses, the hypervisor's window and stores into scanned
 * code pages.
 */
#ifndef HYP_EMULATE_MEM_H
#define HYP_EMULATE_MEM_H

#include <stdbool.h>
#include <stdint.h>

#include "hyp/emulate.h"
#include "hyp/vcpu.h"

struct mem_access {
	uint32_t addr;
	unsigned size;          /* 1, 2, 4 or 8 (LDRD/STRD) */
	bool load, sign_extend, writeback;
	unsigned rt, rn;
	uint32_t wback_value;
};

/* Decode the ARM instruction at v->r[15]; false if it is not a single load/store. */
bool insn_decode_mem(const struct vcpu *v, uint32_t insn, struct mem_access *m);

/* Performs one access of `size` bytes (at most 4); returns 0 or a fault status. */
typedef uint32_t (*mem_access_fn)(void *ctx, uint32_t addr, unsigned size, bool write, uint32_t *value);

/* Decode and execute; the PC moves on when done. */
enum emu_result emulate_mem(struct vcpu *v, uint32_t insn, mem_access_fn access, void *ctx);

#endif
