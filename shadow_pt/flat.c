#include <string.h>

#include "arch/arm/barrier.h"
#include "arch/arm/mmu.h"
#include "arch/arm/pgtable_bits.h"
#include "dacr/domains.h"
#include "generated/config.h"
#include "hyp/log.h"
#include "shadow_pt/flat.h"

#define RAM_L2_TABLES   (CONFIG_GUEST_RAM_SIZE / SECTION_SIZE)
#define DEVICE_L2_TABLES 4u

_Static_assert(CONFIG_GUEST_RAM_SIZE % SECTION_SIZE == 0, "GUEST_RAM_SIZE must be whole MiB");

static uint32_t ram_l2[RAM_L2_TABLES][L2_ENTRIES] __attribute__((aligned(L2_TABLE_SIZE)));
static uint32_t device_l2[DEVICE_L2_TABLES][L2_ENTRIES] __attribute__((aligned(L2_TABLE_SIZE)));
static unsigned device_l2_used;
static struct guest_memmap guest_ram;
/* Executable pages that are user code (never patched), by page index in guest RAM. */
static uint32_t user_code[CONFIG_GUEST_RAM_SIZE / PAGE_SIZE / 32u];

#define PAGE_DATA_BITS  (L2_SMALL | L2_SMALL_XN | L2_SMALL_NORMAL_WBWA | L2_SMALL_AP(AP_RW))
#define PAGE_CODE_BITS  (L2_SMALL | L2_SMALL_NORMAL_WBWA | L2_SMALL_AP(AP_PL1_RW_PL0_RO))
#define PAGE_USER_CODE_RW_BITS (L2_SMALL | L2_SMALL_NORMAL_WBWA | L2_SMALL_AP(AP_RW))
#define PAGE_DEVICE_BITS (L2_SMALL | L2_SMALL_XN | L2_SMALL_DEVICE | L2_SMALL_AP(AP_RW))

static uint32_t l1_table_desc(const uint32_t *l2)
{
	return hyp_virt_to_phys(l2) | L1_TYPE_TABLE | L1_DOMAIN(DOMAIN_GUEST);
}

void shadow_flat_init(const struct guest_memmap *ram)
{
	BUG_ON(ram->size > CONFIG_GUEST_RAM_SIZE || (ram->gpa_base | ram->hpa_base) & ~SECTION_MASK);
	guest_ram = *ram;
	for (unsigned i = 0; i < sizeof(user_code) / sizeof(user_code[0]); i++)
		user_code[i] = 0;
	for (uint32_t mb = 0; mb < ram->size >> SECTION_SHIFT; mb++) {
		for (uint32_t p = 0; p < L2_ENTRIES; p++)
			ram_l2[mb][p] = (ram->hpa_base + (mb << SECTION_SHIFT) + (p << PAGE_SHIFT)) |
				PAGE_DATA_BITS;
		mmu_set_l1(ram->gpa_base + (mb << SECTION_SHIFT), l1_table_desc(ram_l2[mb]));
	}
	tlb_invalidate_all();
}

void shadow_flat_map_device(uint32_t pa, uint32_t size)
{
	for (uint32_t a = pa & PAGE_MASK; a < pa + size; a += PAGE_SIZE) {
		uint32_t l1 = mmu_get_l1(a);
		uint32_t *l2;
		if ((l1 & L1_TYPE_MASK) == L1_TYPE_TABLE) {
			l2 = device_l2[0];
			for (unsigned i = 0; i < device_l2_used; i++)
				if (hyp_virt_to_phys(device_l2[i]) == (l1 & L1_TABLE_ADDR_MASK))
					l2 = device_l2[i];
		} else {
			if (device_l2_used == DEVICE_L2_TABLES)
				hyp_panic("no L2 table left for guest device at 0x%08x", a);
			l2 = device_l2[device_l2_used++];
			mmu_set_l1(a, l1_table_desc(l2));
		}
		l2[(a >> PAGE_SHIFT) % L2_ENTRIES] = a | PAGE_DEVICE_BITS;
	}
	tlb_invalidate_all();
}

bool shadow_flat_is_ram(uint32_t gpa, uint32_t size)
{
	return gpa >= guest_ram.gpa_base && size <= guest_ram.size &&
	       gpa - guest_ram.gpa_base <= guest_ram.size - size;
}

void *shadow_flat_hyp_ptr(uint32_t gpa)
{
	/* The guest's mapping is also the hypervisor's: PL1 may write every RAM page. */
	return (void *)(uintptr_t)gpa;
}

void *guest_ram_page_ptr(uint32_t gpa)
{
	BUG_ON(!shadow_flat_is_ram(gpa, 1));
	return mmu_map_phys_page(gpa - guest_ram.gpa_base + guest_ram.hpa_base);
}

bool guest_ram_read_word(void *ctx, uint32_t gpa, uint32_t *value)
{
	(void)ctx;
	if (!shadow_flat_is_ram(gpa, 4))
		return false;
	memcpy(value, guest_ram_page_ptr(gpa), sizeof(*value));
	return true;
}

static uint32_t *ram_pte(uint32_t gpa)
{
	uint32_t off = gpa - guest_ram.gpa_base;

	BUG_ON(!shadow_flat_is_ram(gpa, 1));
	return &ram_l2[off >> SECTION_SHIFT][(off >> PAGE_SHIFT) % L2_ENTRIES];
}

bool shadow_flat_page_is_data(uint32_t gpa)
{
	return *ram_pte(gpa) & L2_SMALL_XN;
}

static bool user_code_bit(uint32_t gpa)
{
	uint32_t page = (gpa - guest_ram.gpa_base) >> PAGE_SHIFT;

	return (user_code[page / 32u] >> (page % 32u)) & 1u;
}

static void set_user_code_bit(uint32_t gpa, bool set)
{
	uint32_t page = (gpa - guest_ram.gpa_base) >> PAGE_SHIFT;

	if (set)
		user_code[page / 32u] |= 1u << (page % 32u);
	else
		user_code[page / 32u] &= ~(1u << (page % 32u));
}

bool shadow_flat_page_is_code(uint32_t gpa)
{
	return shadow_flat_page_catches_writes(gpa) && !user_code_bit(gpa);
}

bool shadow_flat_page_is_user_code(uint32_t gpa)
{
	return !shadow_flat_page_is_data(gpa) && user_code_bit(gpa);
}

bool shadow_flat_page_catches_writes(uint32_t gpa)
{
	return (*ram_pte(gpa) & ~L2_SMALL_ADDR_MASK) == PAGE_CODE_BITS;
}

/*
 * Permission changes use TLBIALL: QEMU 7.2 invalidates only 1 KiB per
 * TLBIMVA and can keep the rest of a 4 KiB page executable.
 */
static void set_page_bits(uint32_t gpa, uint32_t bits)
{
	uint32_t *pte = ram_pte(gpa);

	*pte = (*pte & L2_SMALL_ADDR_MASK) | bits;
	tlb_invalidate_all();
}

void shadow_flat_make_code(uint32_t gpa)
{
	set_user_code_bit(gpa, false);
	set_page_bits(gpa, PAGE_CODE_BITS);
}

/* Read-only like code, so that writes are seen, but never patched. */
void shadow_flat_make_user_code(uint32_t gpa)
{
	set_user_code_bit(gpa, true);
	set_page_bits(gpa, PAGE_CODE_BITS);
}

void shadow_flat_make_user_code_writable(uint32_t gpa)
{
	set_user_code_bit(gpa, true);
	set_page_bits(gpa, PAGE_USER_CODE_RW_BITS);
}

void shadow_flat_make_data(uint32_t gpa)
{
	set_user_code_bit(gpa, false);
	set_page_bits(gpa, PAGE_DATA_BITS);
}
