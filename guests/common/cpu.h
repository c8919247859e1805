/* ARMv7-A PSR encodings and CP15 helpers; the #defines are usable from .S. */
#ifndef CPU_H
#define CPU_H

#define PSR_MODE_MASK   0x1f
#define MODE_USR        0x10
#define MODE_FIQ        0x11
#define MODE_IRQ        0x12
#define MODE_SVC        0x13
#define MODE_ABT        0x17
#define MODE_UND        0x1b
#define MODE_SYS        0x1f

#define PSR_F           (1 << 6)
#define PSR_I           (1 << 7)
#define PSR_A           (1 << 8)

/* What the psci guest's undefined-instruction handler leaves in r0. */
#define HVC_UNDEFINED   0x0badc0de

#ifndef __ASSEMBLER__
#include <stdint.h>

static inline uint32_t cpu_cpsr(void)
{
	uint32_t v;

	__asm__ volatile("mrs %0, cpsr" : "=r"(v));
	return v;
}

static inline uint32_t cpu_spsr(void)
{
	uint32_t v;

	__asm__ volatile("mrs %0, spsr" : "=r"(v));
	return v;
}

static inline uint32_t cpu_sp(void)
{
	uint32_t v;

	__asm__ volatile("mov %0, sp" : "=r"(v));
	return v;
}

static inline void cpu_set_vbar(uint32_t v)
{
	__asm__ volatile("mcr p15, 0, %0, c12, c0, 0\n\tisb" : : "r"(v) : "memory");
}

static inline uint32_t cpu_vbar(void)
{
	uint32_t v;

	__asm__ volatile("mrc p15, 0, %0, c12, c0, 0" : "=r"(v));
	return v;
}

/* Set the banked SP of a privileged or User/System mode (modes.S). */
void cpu_set_mode_sp(uint32_t mode, uint32_t sp);
#endif

#endif
