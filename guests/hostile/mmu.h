/* The guest's translation table: an identity map plus the regions under test. */
#ifndef MMU_H
#define MMU_H

#include <stdint.h>

#include "board.h"
#include "pgtable.h"

/* Test mappings use their own domain, so that FSR domain fields show it. */
#define TEST_DOMAIN     2u

/* Virtual addresses the tests map; nothing else is mapped around them. */
#define TEST_VA         TEST_VA_BASE
#define TARGET_VA       (TEST_VA_BASE + 0x10000000u)
#define ALIAS_VA        (TEST_VA_BASE + 0x20000000u)
#define BELOW_HYP_VA    0xeff00000u	/* the MiB just below the window */

extern uint32_t l1_table[L1_ENTRIES];

/* Identity map of RAM (Normal) and the UART/system registers (Device) in domain 0;
 * DACR: domain 0 and TEST_DOMAIN client; then MMU and caches on. */
void mmu_on(void);

/* DACR with domain 0 client and TEST_DOMAIN set to `value`; ISB. */
void set_test_dacr(uint32_t value);
uint32_t ttbr_for(const uint32_t *l1);

uint32_t section_desc(uint32_t pa, uint32_t domain, uint32_t ap);
uint32_t table_desc(uint32_t l2_pa, uint32_t domain);

/* Store an L1 descriptor for va's MiB and clean it to the point of coherency. */
void set_l1(uint32_t va, uint32_t desc);
/* Clean va's L1 entry, after it was written through another mapping. */
void clean_l1(uint32_t va);
/* 16 supersection entries from va (16 MiB aligned), domain 0 by definition. */
void map_supersection(uint32_t va, uint32_t pa, uint32_t ap);
/* A small or large page through the L2 table kept for va's MiB (TEST_VA or HYP_VA). */
void map_small(uint32_t va, uint32_t pa, uint32_t ap);
void map_large(uint32_t va, uint32_t pa, uint32_t ap);
/* Fault entries in the L1 slots of `mbs` MiB from va, and in its L2 table if any. */
void unmap(uint32_t va, uint32_t mbs);

/* After descriptor changes: DSB, TLBIALL, DSB, ISB. */
void tlb_sync(void);
/* Descriptor changes visible to walks, but no TLB maintenance: DSB, ISB. */
void tables_visible(void);

#endif
