#include <string.h>

#include "arch/arm/barrier.h"
#include "arch/arm/mmu.h"
#include "arch/arm/pgtable_bits.h"
#include "dacr/domains.h"
#include "generated/config.h"
#include "hyp/log.h"
#include "shadow_pt/flat.h"

_Static_assert(CONFIG_GUEST_RAM_SIZE % SECTION_SIZE == 0, "GUEST_RAM_SIZE must be whole MiB");

/* Non-global: each guest's flat map has an ASID of its own. */
#define PAGE_DATA_BITS  (L2_SMALL | L2_SMALL_NG | L2_SMALL_XN | L2_SMALL_NORMAL_WBWA | L2_SMALL_AP(AP_RW))
#define PAGE_CODE_BITS  (L2_SMALL | L2_SMALL_NG | L2_SMALL_NORMAL_WBWA | L2_SMALL_AP(AP_PL1_RW_PL0_RO))
#define PAGE_USER_CODE_RW_BITS (L2_SMALL | L2_SMALL_NG | L2_SMALL_NORMAL_WBWA | L2_SMALL_AP(AP_RW))
#define PAGE_DEVICE_BITS (L2_SMALL | L2_SMALL_NG | L2_SMALL_XN | L2_SMALL_DEVICE | L2_SMALL_AP(AP_RW))

static uint32_t l1_table_desc(const uint32_t *l2)
{
	return hyp_virt_to_phys(l2) | L1_TYPE_TABLE | L1_DOMAIN(DOMAIN_GUEST);
}

void shadow_flat_init(struct shadow_flat *f, const struct guest_memmap *ram)
{
	BUG_ON(ram->size > CONFIG_GUEST_RAM_SIZE || (ram->gpa_base | ram->hpa_base) & ~SECTION_MASK);
	memset(f->l1, 0, sizeof(f->l1));
	mmu_copy_hyp_window(f->l1);
	f->ram = *ram;
	f->device_l2_used = 0;
	memset(f->user_code, 0, sizeof(f->user_code));
	for (uint32_t mb = 0; mb < ram->size >> SECTION_SHIFT; mb++) {
		for (uint32_t p = 0; p < L2_ENTRIES; p++)
			f->ram_l2[mb][p] = (ram->hpa_base + (mb << SECTION_SHIFT) + (p << PAGE_SHIFT)) |
				PAGE_DATA_BITS;
		f->l1[(ram->gpa_base >> SECTION_SHIFT) + mb] = l1_table_desc(f->ram_l2[mb]);
	}
	tlb_invalidate_all();   /* a guest loaded again: its ASID may hold the last load's entries */
}

void shadow_flat_map_device(struct shadow_flat *f, uint32_t pa, uint32_t size)
{
	for (uint32_t a = pa & PAGE_MASK; a < pa + size; a += PAGE_SIZE) {
		uint32_t *l1 = &f->l1[a >> SECTION_SHIFT];
		uint32_t *l2 = NULL;
		BUG_ON(mmu_in_hyp_window(a, PAGE_SIZE));
		for (unsigned i = 0; i < f->device_l2_used; i++)
			if (*l1 == l1_table_desc(f->device_l2[i]))
				l2 = f->device_l2[i];
		if (!l2) {
			if (f->device_l2_used == FLAT_DEVICE_L2_TABLES)
				hyp_panic("no L2 table left for guest device at 0x%08x", a);
			l2 = f->device_l2[f->device_l2_used++];
			memset(l2, 0, L2_TABLE_SIZE);
			*l1 = l1_table_desc(l2);
		}
		l2[(a >> PAGE_SHIFT) % L2_ENTRIES] = a | PAGE_DEVICE_BITS;
	}
	dsb();
}

void shadow_flat_use(const struct shadow_flat *f, uint32_t asid)
{
	mmu_switch_shadow(mmu_ttbr0_of(f->l1), asid);
}

void *guest_ram_page_ptr(const struct shadow_flat *f, uint32_t gpa)
{
	BUG_ON(!shadow_flat_in_ram(f, gpa));
	return mmu_map_phys_page(gpa - f->ram.gpa_base + f->ram.hpa_base);
}

bool guest_ram_read_word(void *ctx, uint32_t gpa, uint32_t *value)
{
	const struct shadow_flat *f = ctx;

	if (!shadow_flat_is_ram(f, gpa, 4))
		return false;
	BUG_ON(gpa & 3u);
	*value = *(const uint32_t *)guest_ram_page_ptr(f, gpa);
	return true;
}

/* The index of the RAM page holding `gpa`: its entry in ram_l2 and its bit in user_code. */
static uint32_t page_index(const struct shadow_flat *f, uint32_t gpa)
{
	BUG_ON(!shadow_flat_in_ram(f, gpa));
	return (gpa - f->ram.gpa_base) >> PAGE_SHIFT;
}

static uint32_t page_bits(const struct shadow_flat *f, uint32_t gpa)
{
	uint32_t i = page_index(f, gpa);

	return f->ram_l2[i / L2_ENTRIES][i % L2_ENTRIES] & ~L2_SMALL_ADDR_MASK;
}

bool shadow_flat_page_is_data(const struct shadow_flat *f, uint32_t gpa)
{
	return page_bits(f, gpa) & L2_SMALL_XN;
}

static bool user_code_bit(const struct shadow_flat *f, uint32_t gpa)
{
	uint32_t i = page_index(f, gpa);

	return (f->user_code[i / 32u] >> (i % 32u)) & 1u;
}

static void set_user_code_bit(struct shadow_flat *f, uint32_t gpa, bool set)
{
	uint32_t i = page_index(f, gpa);

	if (set)
		f->user_code[i / 32u] |= 1u << (i % 32u);
	else
		f->user_code[i / 32u] &= ~(1u << (i % 32u));
}

bool shadow_flat_page_is_code(const struct shadow_flat *f, uint32_t gpa)
{
	return shadow_flat_page_catches_writes(f, gpa) && !user_code_bit(f, gpa);
}

bool shadow_flat_page_is_user_code(const struct shadow_flat *f, uint32_t gpa)
{
	return !shadow_flat_page_is_data(f, gpa) && user_code_bit(f, gpa);
}

bool shadow_flat_page_catches_writes(const struct shadow_flat *f, uint32_t gpa)
{
	return page_bits(f, gpa) == PAGE_CODE_BITS;
}

/*
 * Permission changes use TLBIALL: QEMU 7.2 invalidates only 1 KiB per
 * TLBIMVA and can keep the rest of a 4 KiB page executable.
 */
static void set_page_bits(struct shadow_flat *f, uint32_t gpa, uint32_t bits)
{
	uint32_t i = page_index(f, gpa), *pte = &f->ram_l2[i / L2_ENTRIES][i % L2_ENTRIES];

	*pte = (*pte & L2_SMALL_ADDR_MASK) | bits;
	tlb_invalidate_all();
}

void shadow_flat_make_code(struct shadow_flat *f, uint32_t gpa)
{
	set_user_code_bit(f, gpa, false);
	set_page_bits(f, gpa, PAGE_CODE_BITS);
}

/* Read-only like code, so that writes are seen, but never patched. */
void shadow_flat_make_user_code(struct shadow_flat *f, uint32_t gpa)
{
	set_user_code_bit(f, gpa, true);
	set_page_bits(f, gpa, PAGE_CODE_BITS);
}

void shadow_flat_make_user_code_writable(struct shadow_flat *f, uint32_t gpa)
{
	set_user_code_bit(f, gpa, true);
	set_page_bits(f, gpa, PAGE_USER_CODE_RW_BITS);
}

void shadow_flat_make_data(struct shadow_flat *f, uint32_t gpa)
{
	set_user_code_bit(f, gpa, false);
	set_page_bits(f, gpa, PAGE_DATA_BITS);
}
