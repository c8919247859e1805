/*
 * Architectural constants for the tests, written down from ARM DDI 0406C
 * (B1.3.1 mode encodings, B1.3.3 PSR format, B4.1.130 SCTLR) rather than
 * taken from arch/arm/, so that the tests check those headers too.
 */
#ifndef TESTS_HOST_ARM_ARCH_H
#define TESTS_HOST_ARM_ARCH_H

#define MODE_USR        0x10u
#define MODE_FIQ        0x11u
#define MODE_IRQ        0x12u
#define MODE_SVC        0x13u
#define MODE_MON        0x16u
#define MODE_ABT        0x17u
#define MODE_HYP        0x1au
#define MODE_UND        0x1bu
#define MODE_SYS        0x1fu

#define CPSR_T          (1u << 5)
#define CPSR_F          (1u << 6)
#define CPSR_I          (1u << 7)
#define CPSR_A          (1u << 8)
#define CPSR_E          (1u << 9)
#define CPSR_IT         0x0600fc00u     /* IT[1:0] in 26:25, IT[7:2] in 15:10 */
#define CPSR_RESERVED   0x00f00000u     /* bits 23:20 */
#define CPSR_J          (1u << 24)
#define CPSR_Q          (1u << 27)
#define CPSR_V          (1u << 28)
#define CPSR_C          (1u << 29)
#define CPSR_Z          (1u << 30)
#define CPSR_N          (1u << 31)

#define SCTLR_V         (1u << 13)
#define SCTLR_EE        (1u << 25)
#define SCTLR_TE        (1u << 30)

/* DFSR (short-descriptor): FS[3:0], WnR bit 11; FS 0b00001 alignment, 0b01000 external abort. */
#define DFSR_WNR        (1u << 11)
#define FS_ALIGN        0x001u
#define FS_EXT_ABORT    0x008u

#endif
