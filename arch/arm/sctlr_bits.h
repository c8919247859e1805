/* System control register bits, ARM DDI 0406C B4.1.130. */
#ifndef ARCH_ARM_SCTLR_BITS_H
#define ARCH_ARM_SCTLR_BITS_H

#define SCTLR_M     (1u << 0)
#define SCTLR_A     (1u << 1)
#define SCTLR_C     (1u << 2)
#define SCTLR_Z     (1u << 11)
#define SCTLR_I     (1u << 12)
#define SCTLR_V     (1u << 13)
#define SCTLR_EE    (1u << 25)
#define SCTLR_TRE   (1u << 28)
#define SCTLR_AFE   (1u << 29)
#define SCTLR_TE    (1u << 30)

#endif
