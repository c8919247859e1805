/*
 * Short-descriptor translation table format, ARM DDI 0406C B3.5.
 * Every bit the hypervisor sets or tests is named here and nowhere else.
 */
#ifndef ARCH_ARM_PGTABLE_BITS_H
#define ARCH_ARM_PGTABLE_BITS_H

#define L1_ENTRIES          4096u
#define L1_TABLE_SIZE       (L1_ENTRIES * 4u)   /* 16 KiB, 16 KiB aligned */
#define L2_ENTRIES          256u
#define L2_TABLE_SIZE       (L2_ENTRIES * 4u)   /* 1 KiB, 1 KiB aligned */
#define SECTION_SHIFT       20u
#define SECTION_SIZE        (1u << SECTION_SHIFT)
#define SECTION_MASK        (~(SECTION_SIZE - 1u))
#define PAGE_SHIFT          12u
#define PAGE_SIZE           (1u << PAGE_SHIFT)
#define PAGE_MASK           (~(PAGE_SIZE - 1u))
#define SUPERSECTION_SHIFT  24u
#define SUPERSECTION_MASK   (~((1u << SUPERSECTION_SHIFT) - 1u))
#define LARGE_PAGE_SHIFT    16u
#define LARGE_PAGE_MASK     (~((1u << LARGE_PAGE_SHIFT) - 1u))

/* L1 descriptor types, bits[1:0]. */
#define L1_TYPE_MASK        0x3u
#define L1_TYPE_FAULT       0x0u
#define L1_TYPE_TABLE       0x1u
#define L1_TYPE_SECTION     0x2u

/* L1 page-table (pointer to L2) descriptor. */
#define L1_TABLE_PXN        (1u << 2)
#define L1_TABLE_NS         (1u << 3)
#define L1_TABLE_ADDR_MASK  0xfffffc00u

/* L1 section descriptor. */
#define L1_SECT_PXN         (1u << 0)   /* bits[1:0] = 0b11; only with PXN support */
#define L1_SECT_B           (1u << 2)
#define L1_SECT_C           (1u << 3)
#define L1_SECT_XN          (1u << 4)
#define L1_SECT_AP0         (1u << 10)
#define L1_SECT_AP1         (1u << 11)
#define L1_SECT_TEX_SHIFT   12u
#define L1_SECT_TEX(x)      ((uint32_t)(x) << 12)
#define L1_SECT_AP2         (1u << 15)
#define L1_SECT_S           (1u << 16)
#define L1_SECT_NG          (1u << 17)
#define L1_SECT_SUPER       (1u << 18)
#define L1_SECT_NS          (1u << 19)
#define L1_SECT_ADDR_MASK   SECTION_MASK
#define L1_SUPER_ADDR_MASK  SUPERSECTION_MASK
/* Supersection extended base address PA[35:32] and PA[39:36]. */
#define L1_SUPER_PA_35_32   (0xfu << 20)
#define L1_SUPER_PA_39_36   (0xfu << 5)

/* Domain field, shared by L1 table and section descriptors, bits[8:5]. */
#define L1_DOMAIN_SHIFT     5u
#define L1_DOMAIN(d)        ((uint32_t)(d) << L1_DOMAIN_SHIFT)

/* L2 small page descriptor (bit 1 set; bit 0 is XN). */
#define L2_TYPE_MASK        0x3u
#define L2_TYPE_FAULT       0x0u
#define L2_TYPE_LARGE       0x1u
#define L2_SMALL            (1u << 1)
#define L2_SMALL_XN         (1u << 0)
#define L2_SMALL_B          (1u << 2)
#define L2_SMALL_C          (1u << 3)
#define L2_SMALL_AP0        (1u << 4)
#define L2_SMALL_AP1        (1u << 5)
#define L2_SMALL_TEX_SHIFT  6u
#define L2_SMALL_TEX(x)     ((uint32_t)(x) << 6)
#define L2_SMALL_AP2        (1u << 9)
#define L2_SMALL_S          (1u << 10)
#define L2_SMALL_NG         (1u << 11)
#define L2_SMALL_ADDR_MASK  PAGE_MASK

/* L2 large page descriptor (bits[1:0] = 0b01): B, C, AP, S, nG as a small page. */
#define L2_LARGE_TEX_SHIFT  12u
#define L2_LARGE_TEX(x)     ((uint32_t)(x) << 12)
#define L2_LARGE_XN         (1u << 15)
#define L2_LARGE_ADDR_MASK  LARGE_PAGE_MASK

/*
 * Access permissions AP[2:0] (SCTLR.AFE = 0), B3.7.1:
 *   000 no access   001 PL1 RW        010 PL1 RW, PL0 RO   011 RW both
 *   101 PL1 RO      110/111 RO both (111 deprecated encoding of 110)
 */
#define AP_NONE             0x0u
#define AP_PL1_RW           0x1u
#define AP_PL1_RW_PL0_RO    0x2u
#define AP_RW               0x3u
#define AP_PL1_RO           0x5u
#define AP_RO               0x6u

#define L1_SECT_AP(ap)      ((((ap) & 3u) << 10) | ((((ap) >> 2) & 1u) << 15))
#define L2_SMALL_AP(ap)     ((((ap) & 3u) << 4) | ((((ap) >> 2) & 1u) << 9))

/* Memory types (TEX remap off). */
#define L1_SECT_NORMAL_WBWA (L1_SECT_TEX(1) | L1_SECT_C | L1_SECT_B)
#define L1_SECT_DEVICE      L1_SECT_B                 /* shareable device */
#define L2_SMALL_NORMAL_WBWA (L2_SMALL_TEX(1) | L2_SMALL_C | L2_SMALL_B)
#define L2_SMALL_DEVICE     L2_SMALL_B

/* Domain access control register values, B4.1.43. */
#define DACR_NO_ACCESS      0x0u
#define DACR_CLIENT         0x1u
#define DACR_MANAGER        0x3u
#define DACR_FIELD(dom, v)  ((uint32_t)(v) << (2u * (dom)))

/* TTBR0/1 walk attributes: inner and outer write-back write-allocate. */
#define TTBR_IRGN_WBWA      (1u << 6)
#define TTBR_RGN_WBWA       (1u << 3)

/* Translation table base control register, B4.1.153. */
#define TTBCR_N_MASK        0x7u
#define TTBCR_PD0           (1u << 4)
#define TTBCR_PD1           (1u << 5)
#define TTBCR_EAE           (1u << 31)

/* ID_MMFR0 VMSA support, bits[3:0], B4.1.89: 4 and above have PXN. */
#define ID_MMFR0_VMSA_MASK  0xfu
#define ID_MMFR0_VMSA_PXN   4u

#endif
