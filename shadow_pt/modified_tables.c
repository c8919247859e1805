#include <string.h>

#include "shadow_pt/modified_tables.h"

void modified_tables_init(struct modified_tables *t)
{
	for (unsigned e = 0; e < t->capacity; e++)
		t->page_gpa[e] = 0;
	t->count = 0;
	t->clock = 0;
}

int modified_tables_find(const struct modified_tables *t, uint32_t gpa)
{
	uint32_t page = gpa & PAGE_MASK;

	if (!t->count || !page)
		return -1;
	for (unsigned e = 0; e < t->capacity; e++)
		if (t->page_gpa[e] == page)
			return (int)e;
	return -1;
}

unsigned modified_tables_add(struct modified_tables *t, uint32_t gpa, const uint32_t *words)
{
	unsigned e = 0;

	while (t->page_gpa[e])
		e++;
	t->page_gpa[e] = gpa & PAGE_MASK;
	memcpy(t->snapshot[e], words, sizeof(t->snapshot[e]));
	t->listed_at[e] = ++t->clock;
	t->count++;
	return e;
}

unsigned modified_tables_oldest(const struct modified_tables *t)
{
	unsigned oldest = 0;
	bool found = false;

	for (unsigned e = 0; e < t->capacity; e++) {
		if (t->page_gpa[e] && (!found || t->listed_at[e] < t->listed_at[oldest])) {
			oldest = e;
			found = true;
		}
	}
	return oldest;
}

unsigned modified_tables_resync(struct modified_tables *t, unsigned e, unsigned first, unsigned count,
				const struct modified_tables_ops *ops)
{
	const uint32_t *now = ops->page(ops->ctx, t->page_gpa[e]);
	uint32_t *snap = t->snapshot[e];
	unsigned changed = 0;

	for (unsigned i = first; i < first + count && i < PAGE_DESCRIPTORS; i++) {
		if (now[i] == snap[i])
			continue;
		snap[i] = now[i];
		ops->descriptor_changed(ops->ctx, t->page_gpa[e] + 4u * i);
		changed++;
	}
	return changed;
}

void modified_tables_remove(struct modified_tables *t, unsigned e)
{
	t->page_gpa[e] = 0;
	t->count--;
}

void modified_tables_note_used(struct modified_tables *t, uint32_t desc_gpa, uint32_t value)
{
	int e = modified_tables_find(t, desc_gpa);

	if (e >= 0)
		t->snapshot[e][(desc_gpa & ~PAGE_MASK) / 4u] = value;
}
