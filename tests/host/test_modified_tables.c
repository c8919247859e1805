/* The modified table list: listing, eviction order, and resynchronisation against snapshots. */
#include <stdint.h>
#include <string.h>

#include "shadow_pt/modified_tables.h"
#include "test.h"

#define CAPACITY 3u
#define PAGES 8u
#define BASE 0x80000000u

static uint32_t guest_pages[PAGES][PAGE_DESCRIPTORS];
static uint32_t gpas[CAPACITY], ages[CAPACITY], snaps[CAPACITY][PAGE_DESCRIPTORS];
static uint32_t changed[64];
static unsigned changed_count;

static const uint32_t *page_of(void *ctx, uint32_t page_gpa)
{
	(void)ctx;
	return guest_pages[(page_gpa - BASE) / PAGE_SIZE];
}

static void note_change(void *ctx, uint32_t desc_gpa)
{
	(void)ctx;
	if (changed_count < 64)
		changed[changed_count] = desc_gpa;
	changed_count++;
}

static bool read_word(void *ctx, uint32_t gpa, uint32_t *value)
{
	(void)ctx;
	if (gpa - BASE >= sizeof(guest_pages))
		return false;
	*value = guest_pages[(gpa - BASE) / PAGE_SIZE][(gpa & ~PAGE_MASK) / 4u];
	return true;
}

/* As the walks of a guest with SCTLR.EE set read it. */
static bool read_word_swapped(void *ctx, uint32_t gpa, uint32_t *value)
{
	if (!read_word(ctx, gpa, value))
		return false;
	*value = __builtin_bswap32(*value);
	return true;
}

static bool always(void *ctx, uint32_t gpa)
{
	(void)ctx;
	(void)gpa;
	return true;
}

static const struct modified_tables_ops ops = {
	.page = page_of, .read = read_word, .listed = always, .descriptor_changed = note_change,
};

static struct modified_tables fresh(void)
{
	struct modified_tables t = { .page_gpa = gpas, .snapshot = snaps, .listed_at = ages,
				     .capacity = CAPACITY };
	modified_tables_init(&t);
	memset(guest_pages, 0, sizeof(guest_pages));
	changed_count = 0;
	return t;
}

static uint32_t gpa_of(unsigned page, unsigned desc)
{
	return BASE + page * PAGE_SIZE + 4u * desc;
}

TEST(modified_tables_list_find_and_oldest)
{
	struct modified_tables t = fresh();

	CHECK_EQ(modified_tables_find(&t, gpa_of(1, 5)), -1);
	unsigned a = modified_tables_add(&t, gpa_of(1, 5), guest_pages[1]);
	unsigned b = modified_tables_add(&t, gpa_of(4, 0), guest_pages[4]);
	CHECK_EQ(modified_tables_find(&t, gpa_of(1, 1023)), a);
	CHECK_EQ(modified_tables_find(&t, gpa_of(4, 7)), b);
	CHECK_EQ(modified_tables_find(&t, gpa_of(2, 0)), -1);
	CHECK_EQ(modified_tables_oldest(&t), a);
	modified_tables_remove(&t, a);
	CHECK_EQ(t.count, 1);
	CHECK_EQ(modified_tables_find(&t, gpa_of(1, 5)), -1);
	CHECK_EQ(modified_tables_oldest(&t), b);
	unsigned c = modified_tables_add(&t, gpa_of(6, 0), guest_pages[6]);
	CHECK_EQ(c, a);                                         /* the free entry is reused */
	CHECK_EQ(modified_tables_oldest(&t), b);                /* by age, not by entry */
	/* The entry found last, asked first: right after its page left and another took it. */
	CHECK_EQ(modified_tables_find(&t, gpa_of(6, 3)), c);
	modified_tables_remove(&t, c);
	CHECK_EQ(modified_tables_find(&t, gpa_of(6, 3)), -1);
	CHECK_EQ(modified_tables_add(&t, gpa_of(7, 0), guest_pages[7]), c);
	CHECK_EQ(modified_tables_find(&t, gpa_of(6, 3)), -1);
	CHECK_EQ(modified_tables_find(&t, gpa_of(7, 3)), c);
	CHECK_EQ(modified_tables_find(&t, gpa_of(4, 3)), b);
}

/* Only descriptors that differ from the snapshot are reported, once, and only in the range asked. */
TEST(modified_tables_resync_reports_changes_once)
{
	struct modified_tables t = fresh();

	guest_pages[2][10] = 0x11;
	unsigned e = modified_tables_add(&t, gpa_of(2, 0), guest_pages[2]);
	guest_pages[2][10] = 0x12;
	guest_pages[2][40] = 0x13;
	CHECK_EQ(modified_tables_resync(&t, e, 0, 16, &ops), 1);       /* 40 is outside */
	CHECK_EQ(changed[0], gpa_of(2, 10));
	CHECK_EQ(modified_tables_resync(&t, e, 0, 16, &ops), 0);       /* taken into the snapshot */
	CHECK_EQ(modified_tables_resync(&t, e, 0, PAGE_DESCRIPTORS, &ops), 1);
	CHECK_EQ(changed[1], gpa_of(2, 40));
	CHECK_EQ(changed_count, 2);
}

/*
 * A descriptor that was invalid when listed, made valid (a fill used it),
 * then invalid again: the shadow reflects the valid one, so the change
 * back must still be reported.
 */
TEST(modified_tables_used_values_are_remembered)
{
	struct modified_tables t = fresh();
	unsigned e = modified_tables_add(&t, gpa_of(3, 0), guest_pages[3]);

	guest_pages[3][7] = 0x80100c02u;                        /* a section */
	modified_tables_note_used(&t, gpa_of(3, 7), guest_pages[3][7], &ops);
	modified_tables_note_used(&t, gpa_of(5, 7), 0x1234u, &ops);     /* not listed: ignored */
	CHECK_EQ(changed_count, 0);                                     /* nothing came from the invalid one */
	guest_pages[3][7] = 0;
	CHECK_EQ(modified_tables_resync(&t, e, 0, 16, &ops), 1);
	CHECK_EQ(changed[0], gpa_of(3, 7));
	CHECK_EQ(t.snapshot[e][7], 0);
}

/*
 * A listed descriptor the guest changed from one valid value to another
 * without TLB maintenance yet, then used by a fill (another root's): what
 * came from the old value is forgotten at once, since the snapshot now
 * shows the new one and a later resynchronisation could not see the change.
 */
TEST(modified_tables_a_used_change_forgets_the_old_value)
{
	struct modified_tables t = fresh();

	guest_pages[4][9] = 0x80200c02u;                        /* a section, when listed */
	unsigned e = modified_tables_add(&t, gpa_of(4, 0), guest_pages[4]);
	guest_pages[4][9] = 0x80300c02u;                        /* another, unannounced */
	modified_tables_note_used(&t, gpa_of(4, 9), guest_pages[4][9], &ops);
	CHECK_EQ(changed_count, 1);
	CHECK_EQ(changed[0], gpa_of(4, 9));
	CHECK_EQ(t.snapshot[e][9], 0x80300c02u);
	modified_tables_note_used(&t, gpa_of(4, 9), guest_pages[4][9], &ops);
	CHECK_EQ(changed_count, 1);                             /* the same value again: nothing */
	CHECK_EQ(modified_tables_resync(&t, e, 0, PAGE_DESCRIPTORS, &ops), 0);
	/* Big-endian table walks: the old value's type is read from the other end of the word. */
	struct modified_tables_ops swapped = ops;
	swapped.walks_swapped = true;
	t.snapshot[e][9] = __builtin_bswap32(0x80200c02u);
	modified_tables_note_used(&t, gpa_of(4, 9), __builtin_bswap32(0x80300c02u), &swapped);
	CHECK_EQ(changed_count, 2);
}

/* Page 0 holds an L1 table (its first 4 KiB) that points MiB 1 at an L2 table in page 5. */
#define RESYNC_MB       1u
#define RESYNC_TABLE    5u
#define RESYNC_VA(page) ((RESYNC_MB << SECTION_SHIFT) + (uint32_t)(page) * PAGE_SIZE)

static unsigned tlbimva(struct modified_tables *t, uint32_t va, const struct modified_tables_ops *o)
{
	uint32_t l2_group = 0;

	return modified_tables_resync_va(t, &l2_group, BASE, 0, 0, va, 0, o);
}

/*
 * A TLB operation by address resynchronises the descriptor that gave the
 * address its entry; a large page's entry spans 16, so all of them when
 * the descriptor was or is now one, in either byte order of table walks.
 */
TEST(modified_tables_resync_va_takes_what_translates_the_address)
{
	struct modified_tables t = fresh();
	const uint32_t small = 0x80400002u, large = 0x80410001u;

	guest_pages[0][RESYNC_MB] = gpa_of(RESYNC_TABLE, 0) | L1_TYPE_TABLE;
	for (unsigned i = 0; i < 16u; i++)
		guest_pages[RESYNC_TABLE][i] = large;
	unsigned e = modified_tables_add(&t, gpa_of(RESYNC_TABLE, 0), guest_pages[RESYNC_TABLE]);
	/* The large page becomes 16 small pages: one address names them all. */
	for (unsigned i = 0; i < 16u; i++)
		guest_pages[RESYNC_TABLE][i] = small | (i << PAGE_SHIFT);
	CHECK_EQ(tlbimva(&t, RESYNC_VA(3), &ops), 16);
	/* Two small pages change: the address names its own. */
	guest_pages[RESYNC_TABLE][3] ^= L2_SMALL_AP0;
	guest_pages[RESYNC_TABLE][5] ^= L2_SMALL_AP0;
	changed_count = 0;
	CHECK_EQ(tlbimva(&t, RESYNC_VA(3), &ops), 1);
	CHECK_EQ(changed[0], gpa_of(RESYNC_TABLE, 3));
	/* Small pages become a large one again: all 16 (5 among them). */
	for (unsigned i = 0; i < 16u; i++)
		guest_pages[RESYNC_TABLE][i] = large;
	CHECK_EQ(tlbimva(&t, RESYNC_VA(9), &ops), 16);
	CHECK_EQ(t.snapshot[e][5], large);
	/* Big-endian table walks: the same words stored byte-swapped, a large page and small ones again. */
	struct modified_tables_ops swapped = ops;
	swapped.read = read_word_swapped;
	swapped.walks_swapped = true;
	guest_pages[0][RESYNC_MB] = __builtin_bswap32(guest_pages[0][RESYNC_MB]);
	for (unsigned i = 0; i < 16u; i++)
		guest_pages[RESYNC_TABLE][i] = __builtin_bswap32(large);
	CHECK_EQ(tlbimva(&t, RESYNC_VA(0), &swapped), 16);
	for (unsigned i = 0; i < 16u; i++)
		guest_pages[RESYNC_TABLE][i] = __builtin_bswap32(small | (i << PAGE_SHIFT));
	CHECK_EQ(tlbimva(&t, RESYNC_VA(0), &swapped), 16);
	CHECK_EQ(t.snapshot[e][15], __builtin_bswap32(small | (15u << PAGE_SHIFT)));
}
