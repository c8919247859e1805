#include "arch/arm/psr.h"
#include "hyp/vcpu_frame.h"

/* r0-r14 (15 words), in two block transfers each way: every trap copies them in and out. */
static inline void copy_r0_r14(uint32_t *dst, const uint32_t *src)
{
	__asm__ volatile("ldmia	%[s]!, {r4-r11}\n\t"
			 "stmia	%[d]!, {r4-r11}\n\t"
			 "ldmia	%[s], {r4-r10}\n\t"
			 "stmia	%[d], {r4-r10}"
			 : [s] "+r"(src), [d] "+r"(dst)
			 :
			 : "r4", "r5", "r6", "r7", "r8", "r9", "r10", "r11", "memory");
}

_Static_assert(sizeof(((struct trap_frame *)0)->r) == 15 * sizeof(uint32_t), "r0-r14 in the frame");

void vcpu_from_frame(struct vcpu *v, const struct trap_frame *f, uint32_t pc)
{
	copy_r0_r14(v->r, f->r);
	v->r[15] = pc;
	v->cpsr = (v->cpsr & ~PSR_GUEST_LIVE) | (f->cpsr & PSR_GUEST_LIVE);
}

void vcpu_to_frame(const struct vcpu *v, struct trap_frame *f)
{
	copy_r0_r14(f->r, v->r);
	f->pc = v->r[15];
	f->cpsr = vcpu_real_cpsr(v);
}
