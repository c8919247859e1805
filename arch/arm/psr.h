/* Program status register (CPSR/SPSR) bits. ARM DDI 0406C B1.3.3. */
#ifndef ARCH_ARM_PSR_H
#define ARCH_ARM_PSR_H

#define PSR_MODE_MASK   0x1fu
#define PSR_MODE_USR    0x10u
#define PSR_MODE_FIQ    0x11u
#define PSR_MODE_IRQ    0x12u
#define PSR_MODE_SVC    0x13u
#define PSR_MODE_MON    0x16u
#define PSR_MODE_ABT    0x17u
#define PSR_MODE_HYP    0x1au
#define PSR_MODE_UND    0x1bu
#define PSR_MODE_SYS    0x1fu

#define PSR_T           (1u << 5)
#define PSR_F           (1u << 6)
#define PSR_I           (1u << 7)
#define PSR_A           (1u << 8)
#define PSR_E           (1u << 9)
#define PSR_IT_HI_MASK  0x0000fc00u   /* IT[7:2] */
#define PSR_GE_MASK     0x000f0000u
#define PSR_J           (1u << 24)
#define PSR_IT_LO_MASK  0x06000000u   /* IT[1:0] */
#define PSR_Q           (1u << 27)
#define PSR_NZCV_MASK   0xf0000000u
#define PSR_V           (1u << 28)
#define PSR_C           (1u << 29)
#define PSR_Z           (1u << 30)
#define PSR_N           (1u << 31)

#define PSR_RESERVED_MASK 0x00f00000u  /* bits 23:20: never written */
#define PSR_IT_MASK     (PSR_IT_HI_MASK | PSR_IT_LO_MASK)
/* Execution state bits: MRS reads them as zero, MSR cannot write them. */
#define PSR_EXEC_MASK   (PSR_T | PSR_J | PSR_IT_MASK)
/* What an MSR executed in User mode may change. */
#define PSR_USER_WRITABLE (PSR_NZCV_MASK | PSR_Q | PSR_GE_MASK | PSR_E)
/* Bits that live in the real CPSR while a guest runs in PL0. */
#define PSR_GUEST_LIVE  (PSR_NZCV_MASK | PSR_Q | PSR_GE_MASK | PSR_E | PSR_EXEC_MASK)
#define PSR_AIF         (PSR_A | PSR_I | PSR_F)

/* MSR field mask bits (instruction bits 19:16). */
#define PSR_FIELD_C     0x000000ffu
#define PSR_FIELD_X     0x0000ff00u
#define PSR_FIELD_S     0x00ff0000u
#define PSR_FIELD_F     0xff000000u

#endif
