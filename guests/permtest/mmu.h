/* Translation tables of the permtest guest: an identity map plus the test region. */
#ifndef MMU_H
#define MMU_H

#include "board.h"
#include <stdint.h>

#include "pgtable.h"

/* The test region: VA with nothing else around, and the RAM reserved for it. */
#define TEST_VA         TEST_VA_BASE
#define FRAME_A         (RAM_BASE + 0x01000000u)	/* 16 MiB aligned: a supersection's base too */
#define FRAME_B         (RAM_BASE + 0x01100000u)	/* what the second L1 table maps at TEST_VA */
#define TEST_L2_INDEX   ((TEST_VA >> L2_SHIFT) % L2_ENTRIES)

/* Test mappings are non-global, so their TLB entries carry the ASID. */
#define ASID_RESERVED   0u	/* only while TTBR0 changes: no non-global entry uses it */
#define ASID_MAIN       1u
#define ASID_ALT        2u

enum map_kind { MAP_SECTION, MAP_SUPERSECTION, MAP_SMALL, MAP_LARGE };

struct prot {
	uint32_t domain;	/* not in a supersection: that is always domain 0 */
	uint32_t ap;		/* AP[2:0] */
	uint32_t xn;
};

/* Both map guest RAM and the board's devices identically (domain 0, global). */
extern uint32_t l1_main[], l1_alt[];

/* l1_main, DACR, ASID_MAIN; then MMU and caches on. */
void mmu_init(void);
uint32_t ttbr0_for(const uint32_t *l1);

/* DACR: domain 0 client, `domain` set to `value`, all others no access; ISB. */
void set_dacr(uint32_t domain, uint32_t value);

uint32_t section_desc(uint32_t pa, const struct prot *p);
uint32_t small_desc(uint32_t pa, const struct prot *p);
/* L1 entry for the test region's page table. */
uint32_t test_table_desc(uint32_t domain);

/* Store n copies of desc from TEST_VA's L1 slot / from the test page table's
 * entry index, each cleaned to the point of coherency; no barrier. */
void set_test_l1(uint32_t *l1, uint32_t n, uint32_t desc);
void set_test_l2(uint32_t index, uint32_t n, uint32_t desc);

/* Store the descriptor(s) of one mapping of TEST_VA to pa, of the given kind,
 * over entries of the same kind; no barrier, no TLB maintenance. */
void write_test_mapping(uint32_t *l1, enum map_kind kind, uint32_t pa, const struct prot *p);

/* Break-before-make: unmap TEST_VA, TLBIALL, clear the test page table (shared
 * by both L1 tables: only l1_main uses page kinds), then map TEST_VA as
 * write_test_mapping does; ends with DSB and ISB. */
void map_test(uint32_t *l1, enum map_kind kind, uint32_t pa, const struct prot *p);

#endif
