/* Tables, the MMU and the ASID allocator.  The data cache stays off. */
#include "board.h"
#include <stdbool.h>
#include <stdint.h>

#include "cp15.h"
#include "pgtable.h"
#include "spaces.h"

#define RAM_SIZE        0x08000000u	/* the image, its stacks and tables, the frames */
#define DEVICE_SIZE     0x01000000u

#define MARKER_XOR      0x5a5a5a5au
#define NO_SPACE        ALL_SPACES

uint32_t space_l1[ALL_SPACES][L1_ENTRIES] __attribute__((aligned(L1_ALIGN)));
uint32_t space_l2[ALL_SPACES][L2_ENTRIES] __attribute__((aligned(L2_ALIGN)));
/* The identity map only: before the first switch, and TTBR1's table once split. */
static uint32_t kernel_l1[L1_ENTRIES] __attribute__((aligned(L1_ALIGN)));

static uint32_t space_asid[ALL_SPACES];
static uint32_t asid_owner[ASIDS + 1];
static bool asid_used[ASIDS + 1];
static uint32_t next_asid = 1, reuses;

uint32_t frame_pa(uint32_t space, uint32_t page)
{
	return FRAMES_PA + (space * USER_PAGES + page) * PAGE_SIZE;
}

uint32_t alt_pa(uint32_t n)
{
	return ALT_PA + n * PAGE_SIZE;
}

uint32_t marker(uint32_t pa)
{
	return pa ^ MARKER_XOR;
}

static void mark_pages(uint32_t pa, uint32_t pages)
{
	for (uint32_t i = 0; i < pages; i++, pa += PAGE_SIZE)
		*(volatile uint32_t *)(pa + MARK_OFF) = marker(pa);
}

static void markers_init(void)
{
	mark_pages(FRAMES_PA, ALL_SPACES * USER_PAGES);
	mark_pages(ALT_PA, ALT_FRAMES);
	mark_pages(SECT_A_PA, SECTION_SIZE / PAGE_SIZE);
	mark_pages(SECT_B_PA, SECTION_SIZE / PAGE_SIZE);
}

static uint32_t l1_ap(uint32_t ap)
{
	return (AP01(ap) << L1_SECT_AP01_SHIFT) | (AP2(ap) ? L1_SECT_AP2 : 0);
}

/* Global, domain 0, full access: User mode runs the probes from the image. */
static uint32_t kernel_section(uint32_t pa, uint32_t attrs)
{
	return (pa & L1_SECTION_BASE) | L1_TYPE_SECTION | l1_ap(AP_RW_ALL) | attrs;
}

uint32_t user_section_desc(uint32_t pa)
{
	return (pa & L1_SECTION_BASE) | L1_TYPE_SECTION | L1_SECT_NG | L1_SECT_C | L1_SECT_B |
	       (USER_DOMAIN << L1_DOMAIN_SHIFT) | l1_ap(AP_RW_ALL);
}

uint32_t user_page_desc(uint32_t pa, uint32_t ap)
{
	return (pa & L2_SMALL_BASE) | L2_TYPE_SMALL | L2_NG | L2_C | L2_B |
	       (AP01(ap) << L2_AP01_SHIFT) | (AP2(ap) ? L2_AP2 : 0);
}

static void map_identity(uint32_t *l1)
{
	for (uint32_t pa = RAM_BASE; pa - RAM_BASE < RAM_SIZE; pa += SECTION_SIZE)
		l1[L1_INDEX(pa)] = kernel_section(pa, L1_SECT_C | L1_SECT_B);
	for (uint32_t pa = DEVICE_BASE; pa - DEVICE_BASE < DEVICE_SIZE; pa += SECTION_SIZE)
		l1[L1_INDEX(pa)] = kernel_section(pa, L1_SECT_B | L1_SECT_XN);
}

void space_reset_user(uint32_t space)
{
	for (uint32_t i = 0; i < L2_ENTRIES; i++)
		space_l2[space][i] = i < USER_PAGES ? user_page_desc(frame_pa(space, i), AP_RW_ALL)
						    : L2_TYPE_FAULT;
	space_l1[space][L1_INDEX(SECT_VA)] = L1_TYPE_FAULT;
}

/* Runs with the MMU off. */
void mmu_init(void)
{
	map_identity(kernel_l1);
	for (uint32_t s = 0; s < ALL_SPACES; s++) {
		map_identity(space_l1[s]);
		space_l1[s][L1_INDEX(USER_VA)] = ((uint32_t)space_l2[s] & L1_TABLE_BASE) | L1_TYPE_TABLE |
						 (USER_DOMAIN << L1_DOMAIN_SHIFT);
		space_l1[s][L1_INDEX(UPPER_VA)] = user_section_desc(SECT_B_PA);
		space_reset_user(s);
	}
	for (uint32_t a = 0; a <= ASIDS; a++)
		asid_owner[a] = NO_SPACE;
	markers_init();
	write_ttbcr(TTBCR_N0);
	write_ttbr0((uint32_t)kernel_l1);
	write_contextidr(ASID_RESERVED);
	set_user_dacr(DACR_CLIENT);
	tlbiall();
	dsb();
	isb();
	write_sctlr((read_sctlr() & ~(SCTLR_C | SCTLR_TRE | SCTLR_AFE)) | SCTLR_M);
	isb();
}

/* The space's ASID, the next one if it has none: *reused if the TLB may hold entries of its last space. */
static uint32_t take_asid(uint32_t space, bool *reused)
{
	uint32_t asid = space_asid[space];

	*reused = false;
	if (asid)
		return asid;
	asid = next_asid;
	next_asid = next_asid % ASIDS + 1;
	if (asid_owner[asid] != NO_SPACE)
		space_asid[asid_owner[asid]] = 0;
	*reused = asid_used[asid];
	reuses += *reused;
	asid_used[asid] = true;
	asid_owner[asid] = space;
	space_asid[space] = asid;
	return asid;
}

void switch_to(uint32_t space)
{
	bool reused;
	uint32_t asid = take_asid(space, &reused);

	/* Under the reserved ASID no walk can cache entries for either space's ASID. */
	write_contextidr(ASID_RESERVED);
	isb();
	write_ttbr0((uint32_t)space_l1[space]);
	isb();
	if (reused) {
		tlbiasid(asid);
		dsb();
	}
	write_contextidr(asid);
	isb();
}

void switch_asid_first(uint32_t space)
{
	bool reused;
	uint32_t asid = take_asid(space, &reused);

	if (reused) {
		tlbiasid(asid);
		dsb();
	}
	write_contextidr(asid);
	isb();
	write_ttbr0((uint32_t)space_l1[space]);
	isb();
}

uint32_t asid_of(uint32_t space)
{
	return space_asid[space];
}

void release_asid(uint32_t space)
{
	if (space_asid[space])
		asid_owner[space_asid[space]] = NO_SPACE;
	space_asid[space] = 0;
}

uint32_t asid_reuses(void)
{
	return reuses;
}

void enter_split(void)
{
	write_contextidr(ASID_RESERVED);
	isb();
	write_ttbr0((uint32_t)kernel_l1);
	isb();
	/*
	 * Under the reserved ASID the spaces' non-global UPPER_VA entries cannot
	 * match, so they do not conflict with this global one until TLBIALL.
	 */
	kernel_l1[L1_INDEX(UPPER_VA)] = kernel_section(SECT_A_PA, L1_SECT_C | L1_SECT_B);
	dsb();
	write_ttbr1((uint32_t)kernel_l1);
	write_ttbcr(TTBCR_N1);
	isb();
	tlbiall();
	dsb();
	isb();
}

void set_user_dacr(uint32_t value)
{
	write_dacr((DACR_CLIENT << DACR_SHIFT(0)) | (value << DACR_SHIFT(USER_DOMAIN)));
	isb();
}

void flush_page(uint32_t va, uint32_t asid)
{
	dsb();
	tlbimva(TLBI_MVA(va, asid));
	dsb();
	isb();
}

void flush_asid(uint32_t asid)
{
	dsb();
	tlbiasid(asid);
	dsb();
	isb();
}

void flush_all(void)
{
	dsb();
	tlbiall();
	dsb();
	isb();
}

void table_written(void)
{
	dsb();
	isb();
}
