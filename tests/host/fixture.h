/*
 * Shared by the tests: link-time fakes for the target-only interfaces the
 * portable sources use (hyp/vmem.h, arch/arm/guest_word.h, hyp/cp15_hooks.h)
 * and vCPU fixtures.
 */
#ifndef TESTS_HOST_FIXTURE_H
#define TESTS_HOST_FIXTURE_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "hyp/cp15_hooks.h"
#include "hyp/emulate.h"
#include "hyp/vcpu.h"
#include "hyp/vintc.h"
#include "test.h"

/* Guest RAM of the fake vmem; anything else is a synchronous external abort. */
#define FAKE_RAM_BASE 0x80000000u
#define FAKE_RAM_SIZE 0x10000u

void fake_ram_reset(void);
uint32_t fake_ram_get(uint32_t addr);
void fake_ram_set(uint32_t addr, uint32_t value);
/* One little-endian access of 1, 2 or 4 bytes: 0 or the DFSR status (no WnR). */
uint32_t fake_ram_access(uint32_t addr, unsigned size, bool write, uint32_t *value);

/* What the CP15 hooks were asked to do since fake_hooks_reset(). */
struct fake_hooks {
	unsigned tpidruro, icache, translation, tlb, cpacr, ptimer;
	uint64_t physical_count;        /* CNTPCT, as the physical timer's emulation reads it */
	enum tlb_op tlb_op;
	uint32_t tlb_value;
	uint32_t vfp_regs[16];          /* what the real VFP system registers hold */
};
extern struct fake_hooks fake_hooks;
void fake_hooks_reset(void);

#define FIXTURE_PC (FAKE_RAM_BASE + 0x1000u)

/* A zeroed vCPU in `cpsr`, executing at FIXTURE_PC inside the fake RAM. */
static inline void fixture_vcpu(struct vcpu *v, uint32_t cpsr)
{
	memset(v, 0, sizeof(*v));
	v->cpsr = cpsr;
	v->r[15] = FIXTURE_PC;
}

/* Emulate sensitive `insn` as the trap handler would: classified first. */
static inline enum emu_result run_sensitive(struct vcpu *v, uint32_t insn)
{
	enum sens_class cls = insn_classify_arm(insn);

	if (cls == SENS_NONE)
		FAIL("0x%08x is not classified as sensitive", insn);
	return emulate_sensitive(v, insn, cls);
}

/* Two virtual GICs (fixture_vgic.c): one signals an interrupt, the other does not. */
extern const struct vintc fixture_quiet_vi, fixture_signalling_vi;
void fixture_vgics_init(void);

#endif
