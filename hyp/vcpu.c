#include "arch/arm/psr.h"
#include "hyp/vcpu.h"

bool vcpu_mode_valid(uint32_t mode)
{
	switch (mode) {
	case PSR_MODE_USR: case PSR_MODE_FIQ: case PSR_MODE_IRQ: case PSR_MODE_SVC:
	case PSR_MODE_ABT: case PSR_MODE_UND: case PSR_MODE_SYS:
		return true;
	default:
		return false;   /* Monitor and Hyp are not virtualized */
	}
}

_Static_assert(VBANK_USR == 0, "modes not listed below bank as User mode");
const uint8_t vcpu_bank_of_mode[32] = {
	[PSR_MODE_FIQ] = VBANK_FIQ, [PSR_MODE_IRQ] = VBANK_IRQ, [PSR_MODE_SVC] = VBANK_SVC,
	[PSR_MODE_ABT] = VBANK_ABT, [PSR_MODE_UND] = VBANK_UND,   /* the others: VBANK_USR (0) */
};

void vcpu_reset(struct vcpu *v, uint32_t entry, uint32_t r1, uint32_t r2, uint32_t cpsr)
{
	for (unsigned i = 0; i < 16; i++)
		v->r[i] = 0;
	for (unsigned b = 0; b < VBANK_COUNT; b++)
		v->bank[b].sp = v->bank[b].lr = v->bank[b].spsr = 0;
	for (unsigned i = 0; i < 5; i++)
		v->r8_12_other[i] = 0;
	v->r[1] = r1;
	v->r[2] = r2;
	v->r[15] = entry;
	v->cpsr = cpsr;
	v->cpsr_fixed = 0;
}

/* Inlined where it is called (link-time optimization): most callers know one of the modes. */
__attribute__((always_inline)) inline void vcpu_switch_mode_in(struct vcpu *v, uint32_t r[15], uint32_t mode)
{
	enum vbank from = vcpu_bank_of(vcpu_mode(v)), to = vcpu_bank_of(mode);

	if (from != to) {
		v->bank[from].sp = r[13];
		v->bank[from].lr = r[14];
		r[13] = v->bank[to].sp;
		r[14] = v->bank[to].lr;
	}
	if ((from == VBANK_FIQ) != (to == VBANK_FIQ)) {
		for (unsigned i = 0; i < 5; i++) {
			uint32_t t = r[8 + i];
			r[8 + i] = v->r8_12_other[i];
			v->r8_12_other[i] = t;
		}
	}
	v->cpsr = (v->cpsr & ~PSR_MODE_MASK) | mode;
}

void vcpu_write_cpsr(struct vcpu *v, uint32_t value, uint32_t mask)
{
	uint32_t mode = value & PSR_MODE_MASK;

	mask &= ~(PSR_EXEC_MASK | PSR_RESERVED_MASK | v->cpsr_fixed);
	if (!vcpu_privileged(v))
		mask &= PSR_USER_WRITABLE;
	/* An invalid mode is ignored, as QEMU does for this UNPREDICTABLE case. */
	if ((mask & PSR_MODE_MASK) && mode != vcpu_mode(v) && vcpu_mode_valid(mode))
		vcpu_switch_mode(v, mode);
	mask &= ~PSR_MODE_MASK;
	v->cpsr = (v->cpsr & ~mask) | (value & mask);
}

uint32_t vcpu_return_cpsr(const struct vcpu *v, uint32_t new_cpsr)
{
	new_cpsr = (new_cpsr & ~(PSR_RESERVED_MASK | v->cpsr_fixed)) | (v->cpsr & v->cpsr_fixed);
	if (!vcpu_mode_valid(new_cpsr & PSR_MODE_MASK))
		new_cpsr = (new_cpsr & ~PSR_MODE_MASK) | vcpu_mode(v);
	return new_cpsr;
}

uint32_t vcpu_exception_return_in(struct vcpu *v, uint32_t r[15], uint32_t new_cpsr, uint32_t new_pc)
{
	new_cpsr = vcpu_return_cpsr(v, new_cpsr);
	vcpu_switch_mode_in(v, r, new_cpsr & PSR_MODE_MASK);
	v->cpsr = new_cpsr;
	return new_pc & ((new_cpsr & PSR_T) ? ~1u : ~3u);
}

uint32_t *vcpu_banked_sp(struct vcpu *v, uint32_t mode)
{
	enum vbank b = vcpu_bank_of(mode);

	return b == vcpu_bank_of(vcpu_mode(v)) ? &v->r[13] : &v->bank[b].sp;
}

/* A fixed number of words, copied inline (the hypervisor is built with -fno-builtin). */
#define COPY_WORDS(dst, src, n) __builtin_memcpy((dst), (src), (n) * sizeof(uint32_t))

/* Where User mode's r8-r12, and sp and lr, live while the vCPU is in the current mode. */
static bool user_r8_12_banked(const struct vcpu *v)
{
	return vcpu_bank_of(vcpu_mode(v)) == VBANK_FIQ;
}

static bool user_sp_lr_banked(const struct vcpu *v)
{
	return vcpu_bank_of(vcpu_mode(v)) != VBANK_USR;
}

void vcpu_user_regs_read(const struct vcpu *v, const uint32_t r[15], uint32_t user[15])
{
	const uint32_t *r8_12 = user_r8_12_banked(v) ? v->r8_12_other : &r[8];

	COPY_WORDS(user, r, 8);
	COPY_WORDS(&user[8], r8_12, 5);
	user[13] = user_sp_lr_banked(v) ? v->bank[VBANK_USR].sp : r[13];
	user[14] = user_sp_lr_banked(v) ? v->bank[VBANK_USR].lr : r[14];
}

void vcpu_user_regs_write(struct vcpu *v, uint32_t r[15], const uint32_t user[15])
{
	uint32_t *r8_12 = user_r8_12_banked(v) ? v->r8_12_other : &r[8];
	uint32_t *sp = user_sp_lr_banked(v) ? &v->bank[VBANK_USR].sp : &r[13];
	uint32_t *lr = user_sp_lr_banked(v) ? &v->bank[VBANK_USR].lr : &r[14];

	COPY_WORDS(r, user, 8);
	COPY_WORDS(r8_12, &user[8], 5);
	*sp = user[13];
	*lr = user[14];
}

uint32_t *vcpu_user_reg(struct vcpu *v, unsigned n)
{
	if (n >= 8 && n <= 12 && user_r8_12_banked(v))
		return &v->r8_12_other[n - 8];
	if (n == 13 && user_sp_lr_banked(v))
		return &v->bank[VBANK_USR].sp;
	if (n == 14 && user_sp_lr_banked(v))
		return &v->bank[VBANK_USR].lr;
	return &v->r[n];
}
