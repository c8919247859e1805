/* Coprocessor access control register bits, ARM DDI 0406C B4.1.40. */
#ifndef ARCH_ARM_CPACR_BITS_H
#define ARCH_ARM_CPACR_BITS_H

#define CPACR_CP10           (3u << 20)         /* full access to CP10 (VFP) */
#define CPACR_CP10_CP11_FULL (0xfu << 20)       /* full access to CP10 and CP11 */

#endif
