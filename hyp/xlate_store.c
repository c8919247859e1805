#include "arch/arm/pgtable_bits.h"
#include "hyp/xlate_store.h"

void xlate_store_clear(struct xlate_store *s)
{
	s->count = 0;
}

bool xlate_store_find(struct xlate_store *s, uint32_t va, unsigned access, uint32_t *gpa, uint32_t *fsr)
{
	for (unsigned i = 0; i < s->count; i++) {
		const struct xlate_entry *e = &s->entry[i];
		if (e->va_page != (va & PAGE_MASK) || e->access != access)
			continue;
		*fsr = e->fsr;
		*gpa = e->gpa_page | (va & ~PAGE_MASK);
		s->hits++;
		return true;
	}
	s->misses++;
	return false;
}

void xlate_store_add(struct xlate_store *s, uint32_t va, unsigned access, uint32_t gpa, uint32_t fsr)
{
	/* Full: the oldest entry goes (one instruction never needs more). */
	if (s->count == XLATE_STORE_ENTRIES) {
		for (unsigned i = 1; i < XLATE_STORE_ENTRIES; i++)
			s->entry[i - 1] = s->entry[i];
		s->count--;
	}
	s->entry[s->count++] = (struct xlate_entry){
		.va_page = va & PAGE_MASK, .gpa_page = gpa & PAGE_MASK, .fsr = fsr, .access = (uint8_t)access,
	};
}
