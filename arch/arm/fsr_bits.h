/* Fault status registers (short-descriptor format), ARM DDI 0406C B4.1.52, B3.13.3. */
#ifndef ARCH_ARM_FSR_BITS_H
#define ARCH_ARM_FSR_BITS_H

#include <stdint.h>

#define FSR_FS_LOW_MASK     0xfu
#define FSR_FS4             (1u << 10)
#define FSR_DOMAIN_SHIFT    4u
#define FSR_DOMAIN_MASK     (0xfu << FSR_DOMAIN_SHIFT)
#define FSR_WNR             (1u << 11)      /* DFSR only */
#define FSR_EXT             (1u << 12)

/* Fault status codes FS[4:0]. */
#define FS_ALIGNMENT        0x01u
#define FS_DEBUG            0x02u
#define FS_ACCESS_SECTION   0x03u
#define FS_ICACHE_MAINT     0x04u
#define FS_TRANS_SECTION    0x05u
#define FS_ACCESS_PAGE      0x06u
#define FS_TRANS_PAGE       0x07u
#define FS_SYNC_EXTERNAL    0x08u
#define FS_DOMAIN_SECTION   0x09u
#define FS_DOMAIN_PAGE      0x0bu
#define FS_SYNC_EXT_WALK_L1 0x0cu       /* external abort on translation table walk */
#define FS_PERM_SECTION     0x0du
#define FS_SYNC_EXT_WALK_L2 0x0eu
#define FS_PERM_PAGE        0x0fu

static inline uint32_t fsr_status(uint32_t fsr)
{
	return (fsr & FSR_FS_LOW_MASK) | ((fsr & FSR_FS4) ? 0x10u : 0u);
}

static inline uint32_t fsr_make(uint32_t status)
{
	return (status & FSR_FS_LOW_MASK) | ((status & 0x10u) ? FSR_FS4 : 0u);
}

#endif
