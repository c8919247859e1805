/*
 * The guest's virtual CPU: everything a privileged ARMv7-A core would hold,
 * kept by the hypervisor while the guest really runs in User mode.
 * Portable: compiled for the target and for host unit tests.
 */
#ifndef HYP_VCPU_H
#define HYP_VCPU_H

#include <stdbool.h>
#include <stdint.h>

#include "arch/arm/psr.h"
#include "hyp/stats.h"
#include "hyp/xlate_store.h"

/* Register banks of the virtual modes (User and System share one). */
enum vbank { VBANK_USR, VBANK_FIQ, VBANK_IRQ, VBANK_SVC, VBANK_ABT, VBANK_UND, VBANK_COUNT };

struct vcpu_bank {
	uint32_t sp, lr, spsr;
};

struct vcpu_cp15 {
	uint32_t sctlr, actlr, cpacr;
	uint32_t ttbr0, ttbr1, ttbcr, dacr;
	uint32_t dfsr, ifsr, adfsr, aifsr, dfar, ifar;
	uint32_t prrr, nmrr;
	uint32_t vbar, mvbar, scr, sder, nsacr;
	/* No TPIDRURW: PL0 reads and writes it natively, so the real register is the guest's. */
	uint32_t contextidr, tpidruro, tpidrprw;
	uint32_t csselr;
	uint32_t cntkctl;        /* kept virtual: the real one follows the guest's mode */
	/* The physical timer, emulated on the real count (hyp/vptimer.h): CNTP_CTL's ENABLE and IMASK. */
	uint32_t cntp_ctl;
	uint64_t cntp_cval;
};

/* The guest's debug registers (hyp/emulate_cp14.c): kept, never programmed for real. */
#define VCPU_DEBUG_PAIRS 16u    /* DBGDIDR can name at most 16 breakpoints and watchpoints */
struct vcpu_debug {
	uint32_t dscr;
	uint32_t bvr[VCPU_DEBUG_PAIRS], bcr[VCPU_DEBUG_PAIRS];
	uint32_t wvr[VCPU_DEBUG_PAIRS], wcr[VCPU_DEBUG_PAIRS];
	uint32_t vcr;
};

/* Identification registers, read-only, with the values of the real core. */
struct vcpu_id_regs {
	uint32_t midr, ctr, tcmtr, tlbtr, mpidr, revidr;
	uint32_t id_pfr[2], id_dfr0, id_afr0, id_mmfr[4], id_isar[6];
	uint32_t clidr, aidr;
	/*
	 * A Cortex-A8's L2 Cache Auxiliary Control Register (its TRM, 3.2.50):
	 * the guest reads the real value and its writes are ignored, since the
	 * L2 cache is the board's (QEMU's model ignores them too). 0 on other cores.
	 */
	uint32_t a8_l2auxcr;
	uint32_t dbgdidr;           /* CP14 debug ID */
	uint32_t ccsidr[16];        /* indexed by CSSELR[3:0] */
};

/* The hypervisor's guest, which portable code never looks into. */
struct guest;

struct vcpu {
	/* The guest this vCPU belongs to. */
	struct guest *guest;
	/* Live registers of the current virtual mode; r[15] is the PC. */
	uint32_t r[16];
	/* The whole virtual CPSR: mode, A/I/F, E, T, IT, GE, flags. */
	uint32_t cpsr;
	/*
	 * CPSR bits no write changes: A and F for a guest in Non-secure state
	 * on a CPU with Security Extensions but no Virtualization Extensions,
	 * where SCR.AW and SCR.FW (0 at reset, Secure-only) forbid it (B1.8.6).
	 */
	uint32_t cpsr_fixed;
	/* SP/LR of the modes that are not current; SPSR of every mode. */
	struct vcpu_bank bank[VBANK_COUNT];
	/* r8-r12 of the bank (User or FIQ) that is not live. */
	uint32_t r8_12_other[5];
	struct vcpu_cp15 cp15;
	struct vcpu_debug debug;
	const struct vcpu_id_regs *id;
	/* The ARM instruction that trapped (undefined instruction, data abort), if read at entry. */
	uint32_t trap_insn;
	bool trap_insn_read;
	/* The trap was a stub's trapping word, trap_insn its site's UDF (hyp/stubs.h). */
	bool trap_insn_from_stub;
	/* Set by the emulator when an access it performed faulted. */
	uint32_t fault_fsr, fault_far;
	/* The emulated instruction's guest translations (emptied after each trap). */
	struct xlate_store xlate;
	/* Set when the guest did something the hypervisor cannot virtualize. */
	const char *stop_reason;
	/* Set by an emulated WFI: the guest waits for an interrupt (hyp/guest_set.h). */
	bool wfi;
	struct vcpu_stats stats;
};

bool vcpu_mode_valid(uint32_t mode);
/* The register bank of each mode number: Monitor, Hyp and reserved numbers are User's. */
extern const uint8_t vcpu_bank_of_mode[32];

static inline enum vbank vcpu_bank_of(uint32_t mode)
{
	return (enum vbank)vcpu_bank_of_mode[mode & PSR_MODE_MASK];
}
static inline uint32_t vcpu_mode(const struct vcpu *v)
{
	return v->cpsr & PSR_MODE_MASK;
}

/*
 * The real CPSR the guest runs with in PL0: User mode with its live bits
 * and interrupts unmasked (A, I and F are virtual), but for the A and F it
 * can never clear (cpsr_fixed), which its User-mode MRS reads as natively.
 * The hypervisor takes no FIQ and no asynchronous abort of its own.
 */
static inline uint32_t vcpu_real_cpsr(const struct vcpu *v)
{
	return (v->cpsr & (PSR_GUEST_LIVE | v->cpsr_fixed)) | PSR_MODE_USR;
}

static inline bool vcpu_privileged(const struct vcpu *v)
{
	return vcpu_mode(v) != PSR_MODE_USR;
}

/* Modes with an SPSR: all privileged modes but System. */
static inline bool vcpu_has_spsr(const struct vcpu *v)
{
	return vcpu_bank_of(vcpu_mode(v)) != VBANK_USR;
}

/* Reset to the state the ARM Linux boot protocol hands to a kernel. */
void vcpu_reset(struct vcpu *v, uint32_t entry, uint32_t r1, uint32_t r2, uint32_t cpsr);

/*
 * Change mode, banking SP, LR (and r8-r12 for FIQ) as the hardware does.
 * `r`: where the live r0-r14 are, v->r or a trap frame's (hyp/fast_trap.h).
 */
void vcpu_switch_mode_in(struct vcpu *v, uint32_t r[15], uint32_t mode);

static inline void vcpu_switch_mode(struct vcpu *v, uint32_t mode)
{
	vcpu_switch_mode_in(v, v->r, mode);
}

/* MSR-style CPSR write of the bytes in `mask` (execution state excluded). */
void vcpu_write_cpsr(struct vcpu *v, uint32_t value, uint32_t mask);

/* The CPSR an exception return to `new_cpsr` leaves (an invalid mode: the current one stays). */
uint32_t vcpu_return_cpsr(const struct vcpu *v, uint32_t new_cpsr);

/* Exception return, with the live r0-r14 in `r`: CPSR <- new_cpsr (all bits); returns the new PC. */
uint32_t vcpu_exception_return_in(struct vcpu *v, uint32_t r[15], uint32_t new_cpsr, uint32_t new_pc);

/* vcpu_exception_return_in() to User mode: `new_cpsr` as vcpu_return_cpsr() gives it, of mode User. */
static inline uint32_t vcpu_return_to_user_in(struct vcpu *v, uint32_t r[15], uint32_t new_cpsr, uint32_t new_pc)
{
	vcpu_switch_mode_in(v, r, PSR_MODE_USR);
	v->cpsr = new_cpsr;
	return new_pc & ((new_cpsr & PSR_T) ? ~1u : ~3u);
}

static inline void vcpu_exception_return(struct vcpu *v, uint32_t new_cpsr, uint32_t new_pc)
{
	v->r[15] = vcpu_exception_return_in(v, v->r, new_cpsr, new_pc);
}

/* SP of any mode, wherever it currently lives. */
uint32_t *vcpu_banked_sp(struct vcpu *v, uint32_t mode);
/* Register `n` as User mode sees it (for LDM/STM ^). */
uint32_t *vcpu_user_reg(struct vcpu *v, unsigned n);

/* All of r0-r14 as User mode sees them, with the live ones in `r`: read, and written back. */
void vcpu_user_regs_read(const struct vcpu *v, const uint32_t r[15], uint32_t user[15]);
void vcpu_user_regs_write(struct vcpu *v, uint32_t r[15], const uint32_t user[15]);

static inline uint32_t *vcpu_spsr(struct vcpu *v)
{
	return &v->bank[vcpu_bank_of(vcpu_mode(v))].spsr;
}

#endif
