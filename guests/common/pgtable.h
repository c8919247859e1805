/*
 * Short-descriptor translation table formats (ARM DDI 0406C B3.5.1), with
 * SCTLR.AFE = 0 and TRE = 0: AP[2:0] are access permissions and TEX/C/B
 * are memory types. For the test guests that build their own tables.
 */
#ifndef PGTABLE_H
#define PGTABLE_H

/* First level: 4096 entries, one per MiB, table 16 KiB aligned. */
#define L1_ENTRIES      4096u
#define L1_ALIGN        16384
#define L1_SHIFT        20
#define SECTION_SIZE    (1u << 20)
#define SECTION_MASK    (SECTION_SIZE - 1u)

#define L1_TYPE_FAULT   0x0u
#define L1_TYPE_TABLE   0x1u
#define L1_TYPE_SECTION 0x2u	/* also a supersection, with L1_SUPERSECTION */

#define L1_SECT_B       (1u << 2)
#define L1_SECT_C       (1u << 3)
#define L1_SECT_XN      (1u << 4)
#define L1_DOMAIN_SHIFT 5	/* sections and page tables; supersections are domain 0 */
#define L1_SECT_AP01_SHIFT 10	/* AP[1:0] */
#define L1_SECT_TEX_SHIFT 12
#define L1_SECT_AP2     (1u << 15)
#define L1_SECT_NG      (1u << 17)
#define L1_SUPERSECTION (1u << 18)

#define L1_SECTION_BASE 0xfff00000u
#define L1_SUPER_BASE   0xff000000u	/* PA[31:24]; PA[39:32] fields left 0 */
#define L1_TABLE_BASE   0xfffffc00u

/* A supersection is 16 identical entries, 16-entry aligned. */
#define SUPER_REPLICAS  16u

/* Second level: 256 entries, one per 4 KiB, table 1 KiB aligned. */
#define L2_ENTRIES      256u
#define L2_ALIGN        1024
#define L2_SHIFT        12
#define PAGE_SIZE       (1u << 12)

#define L2_TYPE_FAULT   0x0u
#define L2_TYPE_LARGE   0x1u
#define L2_TYPE_SMALL   0x2u	/* bit 0 is then the small page's XN */

#define L2_SMALL_XN     (1u << 0)
#define L2_B            (1u << 2)
#define L2_C            (1u << 3)
#define L2_AP01_SHIFT   4	/* AP[1:0] */
#define L2_SMALL_TEX_SHIFT 6
#define L2_AP2          (1u << 9)
#define L2_NG           (1u << 11)
#define L2_LARGE_TEX_SHIFT 12
#define L2_LARGE_XN     (1u << 15)

#define L2_SMALL_BASE   0xfffff000u
#define L2_LARGE_BASE   0xffff0000u

/* A large page is 16 identical entries, 16-entry aligned. */
#define LARGE_REPLICAS  16u

/* AP[2:0] as one 3-bit value, split into the descriptor's two fields. */
#define AP_NONE         0u	/* 0b000: no access */
#define AP_PL1_RW       1u	/* 0b001: PL1 read/write, PL0 no access */
#define AP_PL0_RO       2u	/* 0b010: PL1 read/write, PL0 read-only */
#define AP_RW_ALL       3u	/* 0b011: full access */
#define AP_PL1_RO       5u	/* 0b101: PL1 read-only, PL0 no access */
#define AP_RO_ALL       7u	/* 0b111: read-only at PL1 and PL0 */
#define AP_VALUES       8u
#define AP01(ap)        ((ap) & 3u)
#define AP2(ap)         (((ap) >> 2) & 1u)

/* TEX = 0b001 with C = B = 1: Normal, inner and outer write-back write-allocate. */
#define TEX_NORMAL_WBWA 1u
/* TEX = 0b000, C = 0, B = 1: Shareable Device. */
#define TEX_DEVICE      0u

#endif
