/*
 * Scanning one 4 KiB page of guest code for sensitive instructions, with the
 * literal guard: a word that some PC-relative load in this page or its
 * neighbours reads as data is never patched.
 */
#ifndef HYP_PAGE_SCAN_H
#define HYP_PAGE_SCAN_H

#include <stdint.h>

#include "hyp/insn_class.h"

#define PAGE_WORDS 1024u

struct page_scan {
	uint32_t page_addr;
	uint32_t literal[PAGE_WORDS / 32u];   /* bit set: word is loaded as data */
	uint8_t cls[PAGE_WORDS];               /* enum sens_class of each word */
};

void page_scan_begin(struct page_scan *s, uint32_t page_addr);
/* Mark literals in the page that loads in `words` (at `addr`) read. */
void page_scan_literals(struct page_scan *s, const uint32_t *words, uint32_t addr, unsigned count);
/* Classify every word of the page that is not a literal. Returns how many are sensitive. */
unsigned page_scan_classify(struct page_scan *s, const uint32_t *page);

#endif
