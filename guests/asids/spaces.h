/*
 * The guest's address spaces.  Every space has its own L1 table mapping the
 * guest's RAM and devices identically (global, domain 0) and, non-global in
 * USER_DOMAIN, its own frames at USER_VA through its own L2 table.  Spaces
 * run under ASIDs handed out round robin; an ASID that served another space
 * is invalidated with TLBIASID before its reuse.
 */
#ifndef SPACES_H
#define SPACES_H

#include "board.h"
#include <stdint.h>

#include "pgtable.h"

#define SPACES          48u	/* more than the hypervisor caches shadows of (32) */
/* One more, only ever switched to in Linux's order (edits.c): one shadow root holds its table. */
#define LINUX_SPACE     SPACES
#define ALL_SPACES      (SPACES + 1u)
#define ASIDS           56u	/* 1..ASIDS */
#define ASID_RESERVED   0u	/* only while TTBR0 changes: no non-global entry is used under it */

#define USER_DOMAIN     1u
#define USER_VA         TEST_VA_BASE
#define USER_PAGES      8u	/* of the L2 table's 256: the rest are faults */
/* A fault in every space, but while a test maps a section there. */
#define SECT_VA         (TEST_VA_BASE + 0x00100000u)
/*
 * A non-global section of SECT_B_PA in every space; with TTBCR.N = 1
 * (enter_split) TTBR1's table maps it instead, globally, to SECT_A_PA.
 */
#define UPPER_VA        0x90000000u

/* The frames, in guest RAM above the image: each page holds marker(pa) at MARK_OFF. */
#define FRAMES_PA       (RAM_BASE + 0x01000000u)	/* ALL_SPACES * USER_PAGES pages */
#define ALT_PA          (RAM_BASE + 0x01400000u)	/* ALT_FRAMES pages that tests map instead */
#define ALT_FRAMES      8u
#define SECT_A_PA       (RAM_BASE + 0x01500000u)
#define SECT_B_PA       (RAM_BASE + 0x01600000u)
#define MARK_OFF        0x100u

#define L1_INDEX(va)    ((va) >> L1_SHIFT)

extern uint32_t space_l1[ALL_SPACES][L1_ENTRIES];
extern uint32_t space_l2[ALL_SPACES][L2_ENTRIES];

uint32_t frame_pa(uint32_t space, uint32_t page);
uint32_t alt_pa(uint32_t n);
uint32_t marker(uint32_t pa);

/* Non-global descriptors of the user domain. */
uint32_t user_page_desc(uint32_t pa, uint32_t ap);
uint32_t user_section_desc(uint32_t pa);

/* A space's user mappings as built: its frames, full access; no barrier. */
void space_reset_user(uint32_t space);

/* Build every table, turn the MMU on with a table of only the identity map. */
void mmu_init(void);

/* Reserved ASID, TTBR0, [TLBIASID of a reused ASID,] the space's ASID (B3.10.4). */
void switch_to(uint32_t space);
/*
 * Linux's order: the space's ASID, then TTBR0. The pair in between (the
 * old table, the new ASID) may cache the old table's entries under the
 * new ASID: only for what the old table maps.
 */
void switch_asid_first(uint32_t space);
uint32_t asid_of(uint32_t space);	/* 0: none at the moment */
/* The space gives its ASID back: it gets another at its next switch_to. */
void release_asid(uint32_t space);
uint32_t asid_reuses(void);

/* From the kernel table: TTBR1 maps from 2 GiB up, TTBR0 below (TTBCR.N = 1). */
void enter_split(void);

/* Domain 0 client, USER_DOMAIN `value`; ISB. */
void set_user_dacr(uint32_t value);

/* After table stores: DSB, the TLB operation, DSB, ISB. */
void flush_page(uint32_t va, uint32_t asid);
void flush_asid(uint32_t asid);
void flush_all(void);
/* After table stores that only made faulting entries valid: DSB, ISB, no TLB operation. */
void table_written(void);

#endif
