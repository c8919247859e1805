#include <string.h>

#include "hyp/page_scan.h"

#define PAGE_BYTES (PAGE_WORDS * 4u)

void page_scan_begin(struct page_scan *s, uint32_t page_addr)
{
	s->page_addr = page_addr;
	for (unsigned i = 0; i < PAGE_WORDS / 32u; i++)
		s->literal[i] = 0;
}

void page_scan_literals(struct page_scan *s, const uint32_t *words, uint32_t addr, unsigned count)
{
	for (unsigned i = 0; i < count; i++) {
		uint32_t target, len;
		/* Most words are not PC-relative loads: the quick test first (three pages of words a scan). */
		if (!insn_may_load_literal(words[i]) || !insn_literal_target(words[i], addr + 4u * i, &target, &len))
			continue;
		for (uint32_t a = target & ~3u; a < target + len; a += 4u) {
			uint32_t off = a - s->page_addr;
			if (off < PAGE_BYTES)
				s->literal[off / 128u] |= 1u << ((off / 4u) % 32u);
		}
	}
}

unsigned page_scan_classify(struct page_scan *s, const uint32_t *page)
{
	unsigned found = 0;

	memset(s->cls, SENS_NONE, sizeof(s->cls));
	for (unsigned i = 0; i < PAGE_WORDS; i++) {
		/* Most words fail the quick test: it comes first. */
		if (!insn_maybe_sensitive_arm(page[i]) || (s->literal[i / 32u] & (1u << (i % 32u))))
			continue;
		s->cls[i] = (uint8_t)insn_classify_arm(page[i]);
		if (s->cls[i] != SENS_NONE)
			found++;
	}
	return found;
}
