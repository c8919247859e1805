/*
 * Live table edits in a running space (EDIT_SPACE) and in others, each with
 * the maintenance the architecture requires, then DACR changes on the user
 * domain.  Every step reads through PL1 and User mode.
 */
#include <stdbool.h>
#include <stdint.h>

#include "check.h"
#include "cp15.h"
#include "edits.h"
#include "spaces.h"

#define EDIT_SPACE      5u
#define REMOTE_SPACE    9u

/* Pages of EDIT_SPACE, one per test. */
#define PG_REMAP        1u
#define PG_UNMAP_PL1    2u
#define PG_UNMAP_PL0    3u
#define PG_PERM         4u
#define PG_STALE        5u
#define PG_AP_NONE      6u
#define PG_NEW_ASID     7u

#define WORD_PL1        0x11110001u
#define WORD_PL0        0x22220002u
#define WORD_PL1_AGAIN  0x33330003u

#define PL1 false
#define PL0 true

#define SECTION_PAGES   (SECTION_SIZE / PAGE_SIZE)

static uint32_t page_va(uint32_t page)
{
	return USER_VA + page * PAGE_SIZE;
}

/* Where page's marker is read. */
static uint32_t uva(uint32_t page)
{
	return page_va(page) + MARK_OFF;
}

static uint32_t own(uint32_t page)
{
	return marker(frame_pa(EDIT_SPACE, page));
}

static void set_page(uint32_t space, uint32_t page, uint32_t desc)
{
	space_l2[space][page] = desc;
}

/* 3a: a valid entry to another frame, by TLBIMVA then by TLBIASID. */
static void remap(uint32_t asid)
{
	check_value("remap before", uva(PG_REMAP), PL1, own(PG_REMAP));
	check_value("remap before pl0", uva(PG_REMAP), PL0, own(PG_REMAP));
	set_page(EDIT_SPACE, PG_REMAP, user_page_desc(alt_pa(0), AP_RW_ALL));
	flush_page(page_va(PG_REMAP), asid);
	check_value("remap tlbimva", uva(PG_REMAP), PL1, marker(alt_pa(0)));
	check_value("remap tlbimva pl0", uva(PG_REMAP), PL0, marker(alt_pa(0)));
	set_page(EDIT_SPACE, PG_REMAP, user_page_desc(alt_pa(1), AP_RW_ALL));
	flush_asid(asid);
	check_value("remap tlbiasid", uva(PG_REMAP), PL1, marker(alt_pa(1)));
	check_value("remap tlbiasid pl0", uva(PG_REMAP), PL0, marker(alt_pa(1)));
}

/*
 * 3a, 3b: valid -> invalid with TLBIMVA must abort; invalid -> valid needs
 * no TLB maintenance, as a faulting entry is never cached.  Once with a PL1
 * access first, once with a User one.
 */
static void unmap_map(uint32_t asid)
{
	check_value("unmap before", uva(PG_UNMAP_PL1), PL1, own(PG_UNMAP_PL1));
	set_page(EDIT_SPACE, PG_UNMAP_PL1, L2_TYPE_FAULT);
	flush_page(page_va(PG_UNMAP_PL1), asid);
	check_fault("unmap read", ACC_READ, uva(PG_UNMAP_PL1), PL1, FS_TRANS_PAGE);
	check_fault("unmap write", ACC_WRITE, uva(PG_UNMAP_PL1), PL1, FS_TRANS_PAGE);
	check_fault("unmap read pl0", ACC_READ, uva(PG_UNMAP_PL1), PL0, FS_TRANS_PAGE);
	set_page(EDIT_SPACE, PG_UNMAP_PL1, user_page_desc(alt_pa(2), AP_RW_ALL));
	table_written();
	check_value("map without tlbi", uva(PG_UNMAP_PL1), PL1, marker(alt_pa(2)));
	check_value("map without tlbi pl0", uva(PG_UNMAP_PL1), PL0, marker(alt_pa(2)));

	check_value("unmap before pl0", uva(PG_UNMAP_PL0), PL0, own(PG_UNMAP_PL0));
	set_page(EDIT_SPACE, PG_UNMAP_PL0, L2_TYPE_FAULT);
	flush_page(page_va(PG_UNMAP_PL0), asid);
	check_fault("unmap pl0 first", ACC_READ, uva(PG_UNMAP_PL0), PL0, FS_TRANS_PAGE);
	set_page(EDIT_SPACE, PG_UNMAP_PL0, user_page_desc(alt_pa(3), AP_RW_ALL));
	table_written();
	check_value("map without tlbi pl0 first", uva(PG_UNMAP_PL0), PL0, marker(alt_pa(3)));
	check_value("map without tlbi then pl1", uva(PG_UNMAP_PL0), PL1, marker(alt_pa(3)));
}

/* Every page of SECT_VA at PL1, every 16th from User mode too. */
static void read_section(struct tally *t, uint32_t pa)
{
	for (uint32_t i = 0; i < SECTION_PAGES; i++) {
		uint32_t off = i * PAGE_SIZE + MARK_OFF;

		tally_read(t, SECT_VA + off, PL1, marker(pa + i * PAGE_SIZE));
		if (i % 16 == 0)
			tally_read(t, SECT_VA + off, PL0, marker(pa + i * PAGE_SIZE));
	}
}

/* 3c: one TLBIMVA anywhere in a section invalidates the whole section. */
static void section_change(uint32_t asid)
{
	uint32_t *entry = &space_l1[EDIT_SPACE][L1_INDEX(SECT_VA)];
	struct tally a = { 0, 0 }, b = { 0, 0 };

	check_fault("section unmapped", ACC_READ, SECT_VA + MARK_OFF, PL1, FS_TRANS_SECTION);
	*entry = user_section_desc(SECT_A_PA);
	table_written();
	read_section(&a, SECT_A_PA);
	check_tally("section a", &a);
	*entry = user_section_desc(SECT_B_PA);
	flush_page(SECT_VA + SECTION_SIZE / 2, asid);
	read_section(&b, SECT_B_PA);
	check_tally("section b after one tlbimva", &b);
	*entry = L1_TYPE_FAULT;
	flush_page(SECT_VA + SECTION_SIZE - PAGE_SIZE, asid);
	check_fault("section removed", ACC_READ, SECT_VA + MARK_OFF, PL1, FS_TRANS_SECTION);
	check_fault("section removed pl0", ACC_READ, SECT_VA + SECTION_SIZE / 2 + MARK_OFF, PL0,
		    FS_TRANS_SECTION);
}

/*
 * 3c again, with TLBIALL, in the running space, at an address whose L1
 * entry is in another page of the table than the stubs' window (just
 * below guest RAM), which the hypervisor keeps write-protected: after the
 * store that traps the hypervisor stops watching the page, and only the
 * TLBIALL finds the later changes. names: the four checks'.
 */
#define TLBIALL_SECT_VA (SECT_VA ^ 0x80000000u)

static void read_section_at(struct tally *t, uint32_t pa)
{
	for (uint32_t i = 0; i < SECTION_PAGES; i += 8)
		tally_read(t, TLBIALL_SECT_VA + i * PAGE_SIZE + MARK_OFF, PL1, marker(pa + i * PAGE_SIZE));
}

static void section_change_tlbiall(uint32_t space, const char *const names[4])
{
	uint32_t *entry = &space_l1[space][L1_INDEX(TLBIALL_SECT_VA)];
	struct tally a = { 0, 0 }, b = { 0, 0 }, again = { 0, 0 };

	*entry = user_section_desc(SECT_A_PA);
	table_written();
	read_section_at(&a, SECT_A_PA);
	check_tally(names[0], &a);
	*entry = user_section_desc(SECT_B_PA);
	flush_all();
	read_section_at(&b, SECT_B_PA);
	check_tally(names[1], &b);
	*entry = user_section_desc(SECT_A_PA);
	flush_all();
	read_section_at(&again, SECT_A_PA);
	check_tally(names[2], &again);
	*entry = L1_TYPE_FAULT;
	flush_all();
	check_fault(names[3], ACC_READ, TLBIALL_SECT_VA + MARK_OFF, PL1, FS_TRANS_SECTION);
}

/* 3d: full access -> read-only (TLBIMVA) -> PL0 read-only (TLBIASID). */
static void permission_change(uint32_t asid)
{
	uint32_t va = uva(PG_PERM), pa = frame_pa(EDIT_SPACE, PG_PERM) + MARK_OFF;

	check_write("rw write", va, PL1, WORD_PL1, pa);
	check_write("rw write pl0", va, PL0, WORD_PL0, pa);
	set_page(EDIT_SPACE, PG_PERM, user_page_desc(frame_pa(EDIT_SPACE, PG_PERM), AP_RO_ALL));
	flush_page(page_va(PG_PERM), asid);
	check_fault("ro write", ACC_WRITE, va, PL1, FS_PERM_PAGE);
	check_fault("ro write pl0", ACC_WRITE, va, PL0, FS_PERM_PAGE);
	check_value("ro read", va, PL1, WORD_PL0);
	check_value("ro read pl0", va, PL0, WORD_PL0);
	set_page(EDIT_SPACE, PG_PERM, user_page_desc(frame_pa(EDIT_SPACE, PG_PERM), AP_PL0_RO));
	flush_asid(asid);
	check_write("pl0-ro write", va, PL1, WORD_PL1_AGAIN, pa);
	check_fault("pl0-ro write pl0", ACC_WRITE, va, PL0, FS_PERM_PAGE);
	check_value("pl0-ro read pl0", va, PL0, WORD_PL1_AGAIN);
	*(volatile uint32_t *)pa = marker(frame_pa(EDIT_SPACE, PG_PERM));	/* bulk_rewrite maps it */
}

/*
 * 3e: a valid entry changed without TLB maintenance: either frame may be
 * read (not checked), until TLBIMVA.
 */
static void stale_change(uint32_t asid)
{
	check_value("stale before", uva(PG_STALE), PL1, own(PG_STALE));
	check_value("stale before pl0", uva(PG_STALE), PL0, own(PG_STALE));
	set_page(EDIT_SPACE, PG_STALE, user_page_desc(alt_pa(4), AP_RW_ALL));
	table_written();
	touch(uva(PG_STALE), PL1);
	touch(uva(PG_STALE), PL0);
	flush_page(page_va(PG_STALE), asid);
	check_value("stale then tlbimva", uva(PG_STALE), PL1, marker(alt_pa(4)));
	check_value("stale then tlbimva pl0", uva(PG_STALE), PL0, marker(alt_pa(4)));
}

static uint32_t bulk_first(uint32_t i)
{
	return frame_pa(i % SPACES, i / SPACES % USER_PAGES);
}

static uint32_t bulk_second(uint32_t i)
{
	return frame_pa((i * 5 + 1) % SPACES, i % USER_PAGES);
}

/*
 * 3f: all 256 entries of the L2 table rewritten, then one TLB operation;
 * the space's own pages are read first, so the TLB may hold them.
 */
static void bulk_rewrite(uint32_t asid)
{
	static const struct {
		const char *name;
		uint32_t (*pa)(uint32_t i);
	} rounds[] = { { "bulk tlbiasid", bulk_first }, { "bulk tlbiall", bulk_second } };
	struct tally before = { 0, 0 };

	for (uint32_t p = 0; p < USER_PAGES; p++) {
		tally_read(&before, uva(p), PL1, own(p));
		tally_read(&before, uva(p), PL0, own(p));
	}
	check_tally("bulk before", &before);
	for (uint32_t r = 0; r < sizeof rounds / sizeof rounds[0]; r++) {
		struct tally t = { 0, 0 };

		for (uint32_t i = 0; i < L2_ENTRIES; i++)
			set_page(EDIT_SPACE, i, user_page_desc(rounds[r].pa(i), AP_RW_ALL));
		if (r == 0)
			flush_asid(asid);
		else
			flush_all();
		for (uint32_t i = 0; i < L2_ENTRIES; i++) {
			uint32_t va = USER_VA + i * PAGE_SIZE + MARK_OFF, want = marker(rounds[r].pa(i));

			tally_read(&t, va, PL1, want);
			if (i % 8 == 0)
				tally_read(&t, va, PL0, want);
		}
		check_tally(rounds[r].name, &t);
	}
}

/* 4: no access faults in the domain whatever AP says; manager ignores AP. */
static void domains(uint32_t asid)
{
	set_page(EDIT_SPACE, PG_AP_NONE, user_page_desc(frame_pa(EDIT_SPACE, PG_AP_NONE), AP_NONE));
	flush_page(page_va(PG_AP_NONE), asid);
	check_fault("client ap-none", ACC_READ, uva(PG_AP_NONE), PL1, FS_PERM_PAGE);
	check_value("client read", uva(0), PL1, own(0));
	check_value("client read pl0", uva(0), PL0, own(0));

	set_user_dacr(DACR_NOACCESS);
	check_fault("no-access read", ACC_READ, uva(0), PL1, FS_DOMAIN_PAGE);
	check_fault("no-access write", ACC_WRITE, uva(0), PL1, FS_DOMAIN_PAGE);
	check_fault("no-access read pl0", ACC_READ, uva(0), PL0, FS_DOMAIN_PAGE);
	check_fault("no-access ap-none", ACC_READ, uva(PG_AP_NONE), PL1, FS_DOMAIN_PAGE);
	check_fault("no-access section", ACC_READ, UPPER_VA + MARK_OFF, PL1, FS_DOMAIN_SECTION);
	/* Still no access in another space, and client there again. */
	switch_to(REMOTE_SPACE);
	check_fault("no-access other space", ACC_READ, uva(0), PL0, FS_DOMAIN_PAGE);
	set_user_dacr(DACR_CLIENT);
	check_value("client other space", uva(0), PL0, marker(frame_pa(REMOTE_SPACE, 0)));
	switch_to(EDIT_SPACE);

	set_user_dacr(DACR_MANAGER);
	check_value("manager ap-none", uva(PG_AP_NONE), PL1, own(PG_AP_NONE));
	check_value("manager ap-none pl0", uva(PG_AP_NONE), PL0, own(PG_AP_NONE));
	set_user_dacr(DACR_CLIENT);
	check_fault("client ap-none again", ACC_READ, uva(PG_AP_NONE), PL0, FS_PERM_PAGE);
	check_value("client read again", uva(0), PL0, own(0));
}

/*
 * 3g: REMOTE_SPACE's table edited while EDIT_SPACE runs, with TLBIMVA and
 * then TLBIASID naming REMOTE_SPACE's ASID.
 */
static void remote_edit(void)
{
	uint32_t asid = asid_of(REMOTE_SPACE);

	set_page(REMOTE_SPACE, 1, user_page_desc(alt_pa(5), AP_RW_ALL));
	flush_page(page_va(1), asid);
	switch_to(REMOTE_SPACE);
	check_value("remote tlbimva", uva(1), PL1, marker(alt_pa(5)));
	switch_to(EDIT_SPACE);
	set_page(REMOTE_SPACE, 2, user_page_desc(alt_pa(6), AP_RW_ALL));
	flush_asid(asid);
	switch_to(REMOTE_SPACE);
	check_value("remote tlbiasid pl0", uva(2), PL0, marker(alt_pa(6)));
	space_reset_user(REMOTE_SPACE);
	flush_asid(asid);
	switch_to(EDIT_SPACE);
}

/* While every space is edited: what space s maps at its user page 1, at SECT_VA. */
static uint32_t swapped_pa(uint32_t s)
{
	return frame_pa(s ^ 1, 1);
}

static uint32_t swapped_section(uint32_t s)
{
	return s & 1 ? SECT_B_PA : SECT_A_PA;
}

/* 3g: one entry in every space's L1 and L2 table, then one TLBIALL. */
static void all_spaces_edit(void)
{
	struct tally before = { 0, 0 }, after = { 0, 0 };

	for (uint32_t s = 0; s < SPACES; s++) {
		switch_to(s);
		tally_read(&before, uva(1), PL1, marker(frame_pa(s, 1)));
	}
	check_tally("all spaces before", &before);
	for (uint32_t s = 0; s < SPACES; s++) {
		set_page(s, 1, user_page_desc(swapped_pa(s), AP_RW_ALL));
		space_l1[s][L1_INDEX(SECT_VA)] = user_section_desc(swapped_section(s));
	}
	flush_all();
	/* Backwards: the spaces visited last may still have shadows cached. */
	for (uint32_t s = SPACES; s-- > 0;) {
		uint32_t off = s * PAGE_SIZE;	/* a different page of the section each */

		switch_to(s);
		tally_read(&after, uva(1), PL1, marker(swapped_pa(s)));
		tally_read(&after, uva(1), PL0, marker(swapped_pa(s)));
		tally_read(&after, SECT_VA + off + MARK_OFF, PL1, marker(swapped_section(s) + off));
	}
	check_tally("all spaces edited", &after);
	for (uint32_t s = 0; s < SPACES; s++)
		space_reset_user(s);
	flush_all();
}

/*
 * 3h: EDIT_SPACE's table changed without TLB maintenance while another
 * space runs, then run under a new ASID; switches in Linux's order: no
 * entry cached under its old ASID may serve it. REMOTE_SPACE maps nothing
 * at that page, so the pairs in between cache nothing there either.
 */
static void new_asid(void)
{
	switch_to(REMOTE_SPACE);
	set_page(REMOTE_SPACE, PG_NEW_ASID, L2_TYPE_FAULT);
	flush_page(page_va(PG_NEW_ASID), asid_of(REMOTE_SPACE));
	switch_asid_first(EDIT_SPACE);
	check_value("new asid before", uva(PG_NEW_ASID), PL1, own(PG_NEW_ASID));
	check_value("new asid before pl0", uva(PG_NEW_ASID), PL0, own(PG_NEW_ASID));
	switch_asid_first(REMOTE_SPACE);
	set_page(EDIT_SPACE, PG_NEW_ASID, user_page_desc(alt_pa(7), AP_RW_ALL));
	table_written();
	release_asid(EDIT_SPACE);
	switch_asid_first(EDIT_SPACE);
	check_value("new asid", uva(PG_NEW_ASID), PL1, marker(alt_pa(7)));
	check_value("new asid pl0", uva(PG_NEW_ASID), PL0, marker(alt_pa(7)));
	space_reset_user(EDIT_SPACE);
	space_reset_user(REMOTE_SPACE);
	flush_all();
}

/* EDIT_SPACE's user mappings as built. */
static void restore(uint32_t asid)
{
	space_reset_user(EDIT_SPACE);
	flush_asid(asid);
}

void run_edits(void)
{
	static const char *const edit_space_tlbiall[4] = {
		"section a before tlbiall", "section b after tlbiall", "section a again after tlbiall",
		"section removed by tlbiall",
	};
	static const char *const linux_space_tlbiall[4] = {
		"one root: section a before tlbiall", "one root: section b after tlbiall",
		"one root: section a again after tlbiall", "one root: section removed by tlbiall",
	};
	uint32_t asid;

	/*
	 * Fresh ASIDs for both, which they keep up to all_spaces_edit: the
	 * edits name them.  REMOTE_SPACE's entries are in the TLB.
	 */
	release_asid(REMOTE_SPACE);
	release_asid(EDIT_SPACE);
	switch_to(REMOTE_SPACE);
	check_value("remote before", uva(1), PL1, marker(frame_pa(REMOTE_SPACE, 1)));
	check_value("remote before pl0", uva(2), PL0, marker(frame_pa(REMOTE_SPACE, 2)));
	switch_to(EDIT_SPACE);
	remote_edit();

	asid = asid_of(EDIT_SPACE);
	remap(asid);
	unmap_map(asid);
	section_change(asid);
	section_change_tlbiall(EDIT_SPACE, edit_space_tlbiall);
	permission_change(asid);
	stale_change(asid);
	restore(asid);
	bulk_rewrite(asid);
	restore(asid);
	domains(asid);
	restore(asid);
	all_spaces_edit();
	new_asid();
	/* The same with one shadow root for the table: EDIT_SPACE's is held by two (switch_to()). */
	switch_asid_first(LINUX_SPACE);
	section_change_tlbiall(LINUX_SPACE, linux_space_tlbiall);
	switch_to(EDIT_SPACE);
}
