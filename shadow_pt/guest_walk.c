#include "arch/arm/fsr_bits.h"
#include "arch/arm/pgtable_bits.h"
#include "arch/arm/sctlr_bits.h"
#include "shadow_pt/guest_walk.h"

static uint32_t bit(uint32_t desc, uint32_t mask)
{
	return (desc & mask) ? 1u : 0u;
}

/* Table walks read descriptors in the endianness SCTLR.EE gives (B4.1.130). */
static bool read_desc(const struct guest_walk_regs *regs, guest_phys_read_fn read, void *ctx,
		      uint32_t gpa, uint32_t *desc)
{
	if (!read(ctx, gpa, desc))
		return false;
	if (regs->sctlr & SCTLR_EE)
		*desc = __builtin_bswap32(*desc);
	return true;
}

/* Section or supersection descriptor fields (B3.5.1); supersections are in domain 0. */
static void section(uint32_t desc, uint32_t va, struct guest_walk_result *out)
{
	bool super = desc & L1_SECT_SUPER;
	uint32_t base = super ? L1_SUPER_ADDR_MASK : L1_SECT_ADDR_MASK;

	out->kind = super ? WALK_SUPERSECTION : WALK_SECTION;
	out->pa = (desc & base) | (va & ~base);
	out->domain = super ? 0u : (desc & L1_DOMAIN(0xfu)) >> L1_DOMAIN_SHIFT;
	out->ap = bit(desc, L1_SECT_AP0) | bit(desc, L1_SECT_AP1) << 1 | bit(desc, L1_SECT_AP2) << 2;
	out->xn = desc & L1_SECT_XN;
	out->pxn = desc & L1_SECT_PXN;
	out->ng = desc & L1_SECT_NG;
	out->s = desc & L1_SECT_S;
	out->ns = desc & L1_SECT_NS;
	out->tex = (desc & L1_SECT_TEX(7u)) >> L1_SECT_TEX_SHIFT;
	out->c = bit(desc, L1_SECT_C);
	out->b = bit(desc, L1_SECT_B);
}

/*
 * Large or small page descriptor fields (B3.5.1): B, C, AP, S and nG sit in
 * the same bits in both; TEX, XN and the base address do not.
 */
static void page(uint32_t desc, uint32_t va, struct guest_walk_result *out)
{
	bool large = (desc & L2_TYPE_MASK) == L2_TYPE_LARGE;
	uint32_t base = large ? L2_LARGE_ADDR_MASK : L2_SMALL_ADDR_MASK;

	out->kind = large ? WALK_LARGE_PAGE : WALK_SMALL_PAGE;
	out->pa = (desc & base) | (va & ~base);
	out->ap = bit(desc, L2_SMALL_AP0) | bit(desc, L2_SMALL_AP1) << 1 | bit(desc, L2_SMALL_AP2) << 2;
	out->xn = desc & (large ? L2_LARGE_XN : L2_SMALL_XN);
	out->ng = desc & L2_SMALL_NG;
	out->s = desc & L2_SMALL_S;
	out->tex = large ? (desc & L2_LARGE_TEX(7u)) >> L2_LARGE_TEX_SHIFT
			 : (desc & L2_SMALL_TEX(7u)) >> L2_SMALL_TEX_SHIFT;
	out->c = bit(desc, L2_SMALL_C);
	out->b = bit(desc, L2_SMALL_B);
}

/* The walk's fault status, or 0 when it translated or found something unsupported. */
static uint32_t walk(const struct guest_walk_regs *regs, uint32_t va, guest_phys_read_fn read,
		     void *ctx, struct guest_walk_result *out)
{
	/* With SCTLR.AFE = 1, AP[0] is the Access flag (B3.7, "The Access flag"). */
	bool afe = regs->sctlr & SCTLR_AFE;
	bool has_pxn = (regs->id_mmfr0 & ID_MMFR0_VMSA_MASK) >= ID_MMFR0_VMSA_PXN;
	uint32_t l1, l2;

	out->level = WALK_L1;
	if (regs->ttbcr & TTBCR_EAE) {
		out->unsupported = "long-descriptor translation tables (TTBCR.EAE = 1)";
		return 0;
	}
	/* A disabled walk is a first-level translation fault, with no table read (B4.1.153). */
	if (!guest_walk_l1_address(regs, va, &out->l1_desc_gpa))
		return FS_TRANS_SECTION;
	if (!read_desc(regs, read, ctx, out->l1_desc_gpa, &l1))
		return FS_SYNC_EXT_WALK_L1;
	out->l1_desc = l1;

	switch (l1 & L1_TYPE_MASK) {
	case L1_TYPE_SECTION | L1_SECT_PXN:
		/* Without PXN support 0b11 is reserved and faults as 0b00 does (B3.5.1). */
		if (!has_pxn)
			return FS_TRANS_SECTION;
		/* fall through */
	case L1_TYPE_SECTION:
		if ((l1 & L1_SECT_SUPER) && (l1 & (L1_SUPER_PA_35_32 | L1_SUPER_PA_39_36))) {
			out->unsupported = "supersection above 4 GiB";
			return 0;
		}
		section(l1, va, out);
		return (afe && !(l1 & L1_SECT_AP0)) ? FS_ACCESS_SECTION : 0;
	case L1_TYPE_TABLE:
		break;
	default:
		return FS_TRANS_SECTION;
	}

	out->level = WALK_L2;
	out->domain = (l1 & L1_DOMAIN(0xfu)) >> L1_DOMAIN_SHIFT;
	out->pxn = has_pxn && (l1 & L1_TABLE_PXN);
	out->ns = l1 & L1_TABLE_NS;
	out->l2_desc_gpa = (l1 & L1_TABLE_ADDR_MASK) | ((va >> PAGE_SHIFT) % L2_ENTRIES) * 4u;
	if (!read_desc(regs, read, ctx, out->l2_desc_gpa, &l2))
		return FS_SYNC_EXT_WALK_L2;
	out->l2_desc = l2;
	if ((l2 & L2_TYPE_MASK) == L2_TYPE_FAULT)
		return FS_TRANS_PAGE;
	page(l2, va, out);
	return (afe && !(l2 & L2_SMALL_AP0)) ? FS_ACCESS_PAGE : 0;
}

void guest_walk(const struct guest_walk_regs *regs, uint32_t va, guest_phys_read_fn read,
		void *ctx, struct guest_walk_result *out)
{
	*out = (struct guest_walk_result){ 0 };
	out->fault_status = walk(regs, va, read, ctx, out);
	out->ok = !out->fault_status && !out->unsupported;
}
