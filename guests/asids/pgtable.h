/*
 * The short-descriptor formats this guest writes (ARM DDI 0406C B3.5.1),
 * with SCTLR.AFE = 0 and TRE = 0: AP[2:0] are permissions, TEX/C/B types.
 */
#ifndef PGTABLE_H
#define PGTABLE_H

#define L1_ENTRIES      4096u
#define L1_ALIGN        16384
#define L1_SHIFT        20
#define SECTION_SIZE    (1u << L1_SHIFT)

#define L1_TYPE_FAULT   0x0u
#define L1_TYPE_TABLE   0x1u
#define L1_TYPE_SECTION 0x2u

#define L1_SECT_B       (1u << 2)
#define L1_SECT_C       (1u << 3)
#define L1_SECT_XN      (1u << 4)
#define L1_DOMAIN_SHIFT 5
#define L1_SECT_AP01_SHIFT 10
#define L1_SECT_AP2     (1u << 15)
#define L1_SECT_NG      (1u << 17)

#define L1_SECTION_BASE 0xfff00000u
#define L1_TABLE_BASE   0xfffffc00u

#define L2_ENTRIES      256u
#define L2_ALIGN        1024
#define L2_SHIFT        12
#define PAGE_SIZE       (1u << L2_SHIFT)

#define L2_TYPE_FAULT   0x0u
#define L2_TYPE_SMALL   0x2u

#define L2_B            (1u << 2)
#define L2_C            (1u << 3)
#define L2_AP01_SHIFT   4
#define L2_AP2          (1u << 9)
#define L2_NG           (1u << 11)

#define L2_SMALL_BASE   0xfffff000u

/* AP[2:0] as one value, split into the descriptor's AP[1:0] and AP[2]. */
#define AP_NONE         0u	/* no access, unless the domain is manager */
#define AP_PL0_RO       2u	/* PL1 read/write, PL0 read-only */
#define AP_RW_ALL       3u
#define AP_RO_ALL       7u
#define AP01(ap)        ((ap) & 3u)
#define AP2(ap)         (((ap) >> 2) & 1u)

#endif
