#include <string.h>

#include "shadow_pt/guest_walk.h"
#include "shadow_pt/modified_tables.h"

void modified_tables_init(struct modified_tables *t)
{
	for (unsigned e = 0; e < t->capacity; e++)
		t->page_gpa[e] = 0;
	t->count = 0;
	t->found = 0;
	t->clock = 0;
}

/* Fills and TLB operations by address look in one page after another of the same table. */
int modified_tables_find(struct modified_tables *t, uint32_t gpa)
{
	uint32_t page = gpa & PAGE_MASK;

	if (!t->count || !page)
		return -1;
	if (t->page_gpa[t->found] == page)
		return (int)t->found;
	for (unsigned e = 0; e < t->capacity; e++) {
		if (t->page_gpa[e] == page) {
			t->found = e;
			return (int)e;
		}
	}
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

/* Descriptors compared at once before looking at each: a changed one is rare. */
#define COMPARE_BLOCK 32u

unsigned modified_tables_resync(struct modified_tables *t, unsigned e, unsigned first, unsigned count,
				const struct modified_tables_ops *ops)
{
	const uint32_t *now = ops->page(ops->ctx, t->page_gpa[e]);
	uint32_t *snap = t->snapshot[e];
	unsigned changed = 0, end = first + count < PAGE_DESCRIPTORS ? first + count : PAGE_DESCRIPTORS;

	/* Whole pages are compared at every guest TLBIALL (arch/arm/memcmp.S on the target). */
	for (unsigned block = first; block < end; block += COMPARE_BLOCK) {
		unsigned stop = block + COMPARE_BLOCK < end ? block + COMPARE_BLOCK : end;
		if (!memcmp(&now[block], &snap[block], 4u * (stop - block)))
			continue;
		for (unsigned i = block; i < stop; i++) {
			if (now[i] == snap[i])
				continue;
			snap[i] = now[i];
			ops->descriptor_changed(ops->ctx, t->page_gpa[e] + 4u * i);
			changed++;
		}
	}
	return changed;
}

/* A stored descriptor as the table walks read it. */
static uint32_t walk_order(const struct modified_tables_ops *ops, uint32_t stored)
{
	return ops->walks_swapped ? __builtin_bswap32(stored) : stored;
}

/* Does `desc` stand for its whole aligned group: a large page (L2) or a supersection (L1)? */
static bool spans_group(uint32_t desc, bool l2)
{
	if (l2)
		return (desc & L2_TYPE_MASK) == L2_TYPE_LARGE;
	return (desc & L1_TYPE_SECTION) && (desc & L1_SECT_SUPER);     /* 0b1x: with or without PXN */
}

/*
 * Resynchronise descriptor `desc_gpa` (`l2`: of an L2 table) on a listed
 * page: the TLB entry it gave the address. When it was or is now a
 * large page or supersection, that entry spans the aligned group, which
 * is resynchronised whole. (The group's other descriptors translate other
 * addresses: a change there waits for their own maintenance.)
 */
static unsigned resync_translating(struct modified_tables *t, uint32_t desc_gpa, bool l2,
				   const struct modified_tables_ops *ops)
{
	int e = modified_tables_find(t, desc_gpa);

	if (e < 0)
		return 0;
	unsigned i = (desc_gpa & ~PAGE_MASK) / 4u;
	uint32_t now = ops->page(ops->ctx, t->page_gpa[e])[i], *snap = &t->snapshot[e][i];
	if (spans_group(walk_order(ops, now), l2) || spans_group(walk_order(ops, *snap), l2))
		return modified_tables_resync(t, (unsigned)e, i & ~(MODIFIED_TABLES_GROUP - 1u),
					      MODIFIED_TABLES_GROUP, ops);
	if (now == *snap)
		return 0;
	*snap = now;
	ops->descriptor_changed(ops->ctx, desc_gpa);
	return 1;
}

unsigned modified_tables_resync_va(struct modified_tables *t, uint32_t *l2_group, uint32_t ttbr0, uint32_t ttbr1,
				   uint32_t ttbcr, uint32_t va, uint32_t shadow_table,
				   const struct modified_tables_ops *ops)
{
	const struct guest_walk_regs regs = { .ttbr0 = ttbr0, .ttbr1 = ttbr1, .ttbcr = ttbcr };
	uint32_t l1_gpa, l1, table = shadow_table;

	if (!guest_walk_l1_address(&regs, va, &l1_gpa))
		return 0;       /* no walk through that TTBR: nothing in the shadow came from it */
	unsigned changed = 0;
	if (ops->listed(ops->ctx, l1_gpa)) {
		changed = resync_translating(t, l1_gpa, false, ops);
		table = ops->read(ops->ctx, l1_gpa, &l1) && (l1 & L1_TYPE_MASK) == L1_TYPE_TABLE ?
			l1 & L1_TABLE_ADDR_MASK : 0;
	}
	if (!table)
		return changed;
	uint32_t l2_gpa = table + ((va >> PAGE_SHIFT) % L2_ENTRIES) * 4u;
	uint32_t group = l2_gpa & ~(MODIFIED_TABLES_GROUP * 4u - 1u);
	if (group != *l2_group) {
		*l2_group = group;
		if (ops->listed(ops->ctx, l2_gpa))
			changed += resync_translating(t, l2_gpa, true, ops);
	}
	return changed;
}

void modified_tables_remove(struct modified_tables *t, unsigned e)
{
	t->page_gpa[e] = 0;
	t->count--;
}

void modified_tables_note_used(struct modified_tables *t, uint32_t desc_gpa, uint32_t value,
			       const struct modified_tables_ops *ops)
{
	int e = modified_tables_find(t, desc_gpa);

	if (e < 0)
		return;
	uint32_t *snap = &t->snapshot[e][(desc_gpa & ~PAGE_MASK) / 4u], old = *snap;
	_Static_assert(L1_TYPE_MASK == L2_TYPE_MASK && L1_TYPE_FAULT == L2_TYPE_FAULT, "one test for both levels");
	*snap = value;
	if (old != value && (walk_order(ops, old) & L1_TYPE_MASK) != L1_TYPE_FAULT)     /* nothing derives from a fault */
		ops->descriptor_changed(ops->ctx, desc_gpa);
}
