/* The groups of attempts, in the order main() runs them. */
#ifndef ATTEMPTS_H
#define ATTEMPTS_H

#include "board.h"
#include <stdint.h>

/* Guest RAM the tests use through their mappings, away from the image. */
#define WINDOW_FRAME    (RAM_BASE + 0x00400000u)	/* what HYP_VA maps in "window" */
#define BELOW_FRAME     (RAM_BASE + 0x00500000u)	/* what BELOW_HYP_VA maps in "straddle" */
#define ABOVE_FRAME     (RAM_BASE + 0x00600000u)	/* what HYP_VA maps in "straddle" */
#define FRAME_A         (RAM_BASE + 0x01000000u)
#define FRAME_B         (RAM_BASE + 0x01100000u)

void run_phys(void);		/* 1: MMU off */
void run_mapped(void);		/* 2: sections, pages, supersections onto the hypervisor */
void run_window(void);		/* 3: the hypervisor's virtual window */
void run_manager(void);		/* 4: every domain manager */
void run_walks(void);		/* 5, 6: translation tables in the hypervisor's memory */
void run_stale(void);		/* 7, 8: descriptor changes without, then with, TLB maintenance */
void run_maintenance(void);	/* 9: cache and TLB maintenance aimed at the hypervisor */

/*
 * Write a distinct word to each 4 KiB page of the hypervisor's 16 MiB as seen
 * at va, then read them all back: one line with the count of non-zero reads
 * and of faults.
 */
void sweep(const char *what, uint32_t va);

/* A plain store to guest RAM through the identity map, not an attempt. */
void ram_store(uint32_t pa, uint32_t value);

/* An STR of value to va, then an LDR of va. */
void write_read(const char *what, uint32_t va, uint32_t value);

#endif
