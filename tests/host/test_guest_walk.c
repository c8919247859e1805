/*
 * The guest translation table walk, short-descriptor format (ARM DDI 0406C
 * B3.5). Descriptors are written out in hex and every expected value is
 * worked out by hand from the descriptor formats (B3.5.1), the TTBR0/TTBR1
 * split (B3.5.4), TTBCR (B4.1.153) and the short-descriptor fault status
 * encodings (B3.13.3).
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "arch/arm/fsr_bits.h"
#include "arch/arm/pgtable_bits.h"
#include "arch/arm/sctlr_bits.h"
#include "shadow_pt/guest_walk.h"
#include "test.h"

/* Fake guest RAM: two L1 tables, then room for L2 tables. Nothing else is RAM. */
#define RAM_BASE        0x80000000u
#define RAM_SIZE        0x10000u
#define TTB0            0x80000000u
#define TTB1            0x80004000u
#define L2T_A           0x80008400u
#define L2T_B           0x80008800u
#define NO_RAM          0x40000000u

#define ID_MMFR0_A15    0x10201105u     /* VMSA 5: PXN and LPAE */
#define ID_MMFR0_A8     0x31100003u     /* VMSA 3: no PXN */

static struct {
	uint32_t words[RAM_SIZE / 4];
	unsigned reads;
} ram;

static bool ram_read(void *ctx, uint32_t gpa, uint32_t *value)
{
	CHECK(ctx == &ram);
	CHECK_EQ(gpa & 3u, 0);
	ram.reads++;
	if (gpa < RAM_BASE || gpa - RAM_BASE >= RAM_SIZE)
		return false;
	*value = ram.words[(gpa - RAM_BASE) / 4];
	return true;
}

static void put(uint32_t gpa, uint32_t desc)
{
	ram.words[(gpa - RAM_BASE) / 4] = desc;
}

/* Empty RAM and the registers of a Cortex-A15 guest with TTBCR.N = 0. */
static struct guest_walk_regs fresh(void)
{
	memset(&ram, 0, sizeof(ram));
	return (struct guest_walk_regs){ .ttbr0 = TTB0, .ttbr1 = TTB1, .ttbcr = 0,
					 .sctlr = SCTLR_M, .id_mmfr0 = ID_MMFR0_A15 };
}

static struct guest_walk_result walk(const struct guest_walk_regs *regs, uint32_t va)
{
	struct guest_walk_result r;

	ram.reads = 0;
	guest_walk(regs, va, ram_read, &ram, &r);
	return r;
}

static void check_fault(const struct guest_walk_result *r, uint32_t status, enum walk_level level)
{
	CHECK(!r->ok);
	CHECK(!r->unsupported);
	CHECK_EQ(r->fault_status, status);
	CHECK_EQ(r->level, level);
}

static void check_unsupported(const struct guest_walk_result *r)
{
	CHECK(!r->ok);
	CHECK(r->unsupported != NULL);
	CHECK_EQ(r->fault_status, 0);
}

/* Domain 0, AP 000, and every attribute bit clear. */
static void check_no_attributes(const struct guest_walk_result *r)
{
	CHECK_EQ(r->domain, 0);
	CHECK_EQ(r->ap, 0);
	CHECK(!r->xn && !r->pxn && !r->ng && !r->s && !r->ns);
	CHECK_EQ(r->tex, 0);
	CHECK_EQ(r->c, 0);
	CHECK_EQ(r->b, 0);
}

/* The codes the walk reports, against the short-descriptor FSR encodings (FS[4:0]). */
TEST(guest_walk_fault_status_codes)
{
	CHECK_EQ(FS_TRANS_SECTION, 0x05u);      /* 0b00101 translation, first level */
	CHECK_EQ(FS_TRANS_PAGE, 0x07u);         /* 0b00111 translation, second level */
	CHECK_EQ(FS_ACCESS_SECTION, 0x03u);     /* 0b00011 access flag, first level */
	CHECK_EQ(FS_ACCESS_PAGE, 0x06u);        /* 0b00110 access flag, second level */
	CHECK_EQ(FS_SYNC_EXT_WALK_L1, 0x0cu);   /* 0b01100 external abort on walk, first level */
	CHECK_EQ(FS_SYNC_EXT_WALK_L2, 0x0eu);   /* 0b01110 external abort on walk, second level */
}

/*
 * 0xabcbd55e: base 0xabc, NS(19) nG(17) S(16) AP[2](15) TEX 0b101(14:12)
 * AP[1:0] 0b01(11:10) domain 0xa(8:5) XN(4) C(3) B(2), type 0b10.
 */
TEST(guest_walk_section_all_attributes)
{
	struct guest_walk_regs regs = fresh();
	struct guest_walk_result r;

	put(TTB0 + 0x123 * 4, 0xabcbd55eu);
	r = walk(&regs, 0x12345678u);
	CHECK(r.ok);
	CHECK(!r.unsupported);
	CHECK_EQ(r.level, WALK_L1);
	CHECK_EQ(r.kind, WALK_SECTION);
	CHECK_EQ(r.pa, 0xabc45678u);
	CHECK_EQ(r.domain, 0xa);
	CHECK_EQ(r.ap, 5);
	CHECK(r.xn && !r.pxn && r.ng && r.s && r.ns);
	CHECK_EQ(r.tex, 5);
	CHECK_EQ(r.c, 1);
	CHECK_EQ(r.b, 1);
	CHECK_EQ(r.l1_desc_gpa, TTB0 + 0x48cu);
	CHECK_EQ(r.l1_desc, 0xabcbd55eu);
	CHECK_EQ(r.l2_desc_gpa, 0);
	CHECK_EQ(r.l2_desc, 0);
	CHECK_EQ(ram.reads, 1);
}

/* 0xfff00202: only the type and the IMPLEMENTATION DEFINED bit 9; every attribute clear. */
TEST(guest_walk_section_no_attributes)
{
	struct guest_walk_regs regs = fresh();
	struct guest_walk_result r;

	put(TTB0 + 0xfff * 4, 0xfff00202u);
	r = walk(&regs, 0xfff12345u);
	CHECK(r.ok);
	CHECK_EQ(r.kind, WALK_SECTION);
	CHECK_EQ(r.pa, 0xfff12345u);
	check_no_attributes(&r);
}

/* Type 0b11 is a section with PXN where PXN exists, and reserved (a translation fault) where not. */
TEST(guest_walk_section_pxn_type_3)
{
	struct guest_walk_regs regs = fresh();
	struct guest_walk_result r;

	put(TTB0 + 0x002 * 4, 0x00700c03u);     /* base 0x007, AP 0b011 */
	r = walk(&regs, 0x00234567u);
	CHECK(r.ok);
	CHECK_EQ(r.kind, WALK_SECTION);
	CHECK_EQ(r.pa, 0x00734567u);
	CHECK_EQ(r.ap, 3);
	CHECK(r.pxn && !r.xn);

	regs.id_mmfr0 = ID_MMFR0_A8;
	r = walk(&regs, 0x00234567u);
	check_fault(&r, FS_TRANS_SECTION, WALK_L1);
	CHECK_EQ(r.l1_desc_gpa, TTB0 + 0x8u);
	CHECK_EQ(r.l1_desc, 0x00700c03u);
}

/* bits[1:0] = 0b00: whatever else the entry holds is ignored. */
TEST(guest_walk_l1_fault_entry)
{
	struct guest_walk_regs regs = fresh();
	struct guest_walk_result r;

	put(TTB0 + 0x800 * 4, 0xfffffffcu);
	r = walk(&regs, 0x80000000u);
	check_fault(&r, FS_TRANS_SECTION, WALK_L1);
	CHECK_EQ(r.l1_desc_gpa, TTB0 + 0x2000u);
	CHECK_EQ(r.l1_desc, 0xfffffffcu);
	CHECK_EQ(r.l2_desc_gpa, 0);
	CHECK_EQ(ram.reads, 1);
	r = walk(&regs, 0x00000000u);          /* an all-zero entry */
	check_fault(&r, FS_TRANS_SECTION, WALK_L1);
}

/*
 * 0xcd071c1e: base PA[31:24] 0xcd, supersection(18) nG S TEX 0b001
 * AP[1:0] 0b11 XN C B, type 0b10; repeated in the 16 entries 0x5a0-0x5af.
 */
TEST(guest_walk_supersection)
{
	struct guest_walk_regs regs = fresh();
	struct guest_walk_result r;

	for (uint32_t i = 0; i < 16; i++)
		put(TTB0 + (0x5a0 + i) * 4, 0xcd071c1eu);
	r = walk(&regs, 0x5a7b1234u);
	CHECK(r.ok);
	CHECK_EQ(r.level, WALK_L1);
	CHECK_EQ(r.kind, WALK_SUPERSECTION);
	CHECK_EQ(r.pa, 0xcd7b1234u);
	CHECK_EQ(r.domain, 0);
	CHECK_EQ(r.ap, 3);
	CHECK(r.xn && !r.pxn && r.ng && r.s && !r.ns);
	CHECK_EQ(r.tex, 1);
	CHECK_EQ(r.c, 1);
	CHECK_EQ(r.b, 1);
	CHECK_EQ(r.l1_desc_gpa, TTB0 + 0x169cu);
	r = walk(&regs, 0x5a000000u);
	CHECK_EQ(r.pa, 0xcd000000u);
	CHECK_EQ(r.l1_desc_gpa, TTB0 + 0x1680u);
	r = walk(&regs, 0x5affffffu);
	CHECK_EQ(r.pa, 0xcdffffffu);
	CHECK_EQ(r.l1_desc_gpa, TTB0 + 0x16bcu);
}

/* Extended base address PA[35:32] (bits 23:20) or PA[39:36] (bits 8:5): not emulated. */
TEST(guest_walk_supersection_above_4g_unsupported)
{
	struct guest_walk_regs regs = fresh();
	struct guest_walk_result r;

	put(TTB0 + 0x5a0 * 4, 0xcd141c02u);     /* PA[35:32] = 1 */
	r = walk(&regs, 0x5a000000u);
	check_unsupported(&r);
	put(TTB0 + 0x5a0 * 4, 0xcd041c22u);     /* PA[39:36] = 1 */
	r = walk(&regs, 0x5a000000u);
	check_unsupported(&r);
}

/*
 * L1 0x800084ed: L2 table at 0x80008400, domain 7, NS(3), PXN(2), type 0b01.
 * L2 0x9abcdfaf: base 0x9abcd, nG(11) S(10) AP[2](9) TEX 0b110(8:6)
 * AP[1:0] 0b10(5:4) C B, small page with XN (bits[1:0] = 0b11).
 */
TEST(guest_walk_small_page_all_attributes)
{
	struct guest_walk_regs regs = fresh();
	struct guest_walk_result r;

	put(TTB0 + 0x003 * 4, 0x800084edu);
	put(L2T_A + 0x45 * 4, 0x9abcdfafu);
	r = walk(&regs, 0x00345678u);
	CHECK(r.ok);
	CHECK_EQ(r.level, WALK_L2);
	CHECK_EQ(r.kind, WALK_SMALL_PAGE);
	CHECK_EQ(r.pa, 0x9abcd678u);
	CHECK_EQ(r.domain, 7);
	CHECK_EQ(r.ap, 6);
	CHECK(r.xn && r.pxn && r.ng && r.s && r.ns);
	CHECK_EQ(r.tex, 6);
	CHECK_EQ(r.c, 1);
	CHECK_EQ(r.b, 1);
	CHECK_EQ(r.l1_desc_gpa, TTB0 + 0xcu);
	CHECK_EQ(r.l1_desc, 0x800084edu);
	CHECK_EQ(r.l2_desc_gpa, 0x80008514u);
	CHECK_EQ(r.l2_desc, 0x9abcdfafu);
	CHECK_EQ(ram.reads, 2);

	/* L1 0x80008401: domain 0, no PXN or NS; L2 0x12345002: no attributes, no XN. */
	put(TTB0 + 0x003 * 4, 0x80008401u);
	put(L2T_A + 0x45 * 4, 0x12345002u);
	r = walk(&regs, 0x00345678u);
	CHECK(r.ok);
	CHECK_EQ(r.kind, WALK_SMALL_PAGE);
	CHECK_EQ(r.pa, 0x12345678u);
	check_no_attributes(&r);
}

/* Bit 2 of a page table descriptor is PXN only where PXN exists (B3.5.1). */
TEST(guest_walk_table_pxn_needs_pxn_support)
{
	struct guest_walk_regs regs = fresh();
	struct guest_walk_result r;

	regs.id_mmfr0 = ID_MMFR0_A8;
	put(TTB0 + 0x003 * 4, 0x800084edu);
	put(L2T_A + 0x45 * 4, 0x9abcdfafu);
	r = walk(&regs, 0x00345678u);
	CHECK(r.ok);
	CHECK(!r.pxn);
	CHECK(r.ns);
	CHECK_EQ(r.domain, 7);
}

/*
 * L1 0x800089e1: L2 table at 0x80008800, domain 15, type 0b01.
 * L2 0x7654b415: base 0x7654, XN(15) TEX 0b011(14:12) S(10) AP[1:0] 0b01
 * B, type 0b01, in the 16 entries 0x50-0x5f as a large page must be.
 */
TEST(guest_walk_large_page_replicated)
{
	struct guest_walk_regs regs = fresh();
	struct guest_walk_result r;

	put(TTB0 + 0x00a * 4, 0x800089e1u);
	for (uint32_t i = 0; i < 16; i++)
		put(L2T_B + (0x50 + i) * 4, 0x7654b415u);
	for (uint32_t i = 0; i < 16; i++) {
		r = walk(&regs, 0x00a50321u | i << 12);
		CHECK(r.ok);
		CHECK_EQ(r.level, WALK_L2);
		CHECK_EQ(r.kind, WALK_LARGE_PAGE);
		CHECK_EQ(r.pa, 0x76540321u | i << 12);
		CHECK_EQ(r.l2_desc_gpa, L2T_B + (0x50 + i) * 4);
		CHECK_EQ(r.domain, 15);
		CHECK_EQ(r.ap, 1);
		CHECK(r.xn && !r.pxn && !r.ng && r.s && !r.ns);
		CHECK_EQ(r.tex, 3);
		CHECK_EQ(r.c, 0);
		CHECK_EQ(r.b, 1);
	}
}

TEST(guest_walk_l2_fault_entry)
{
	struct guest_walk_regs regs = fresh();
	struct guest_walk_result r;

	put(TTB0 + 0x003 * 4, 0x800084edu);
	put(L2T_A + 0x45 * 4, 0xfffffffcu);     /* bits[1:0] = 0b00, the rest ignored */
	r = walk(&regs, 0x00345678u);
	check_fault(&r, FS_TRANS_PAGE, WALK_L2);
	CHECK_EQ(r.domain, 7);
	CHECK_EQ(r.l2_desc_gpa, 0x80008514u);
	CHECK_EQ(r.l2_desc, 0xfffffffcu);
	CHECK_EQ(ram.reads, 2);
}

/* N = 0: TTBR0 translates every VA; TTBR1 and PD1 play no part. */
TEST(guest_walk_ttbcr_n0)
{
	struct guest_walk_regs regs = fresh();
	struct guest_walk_result r;

	regs.ttbcr = TTBCR_PD1;
	put(TTB0 + 0x3ffc, 0x00100002u);
	put(TTB1 + 0x3ffc, 0x00200002u);
	r = walk(&regs, 0xffffffffu);
	CHECK(r.ok);
	CHECK_EQ(r.pa, 0x001fffffu);
	CHECK_EQ(r.l1_desc_gpa, TTB0 + 0x3ffcu);
}

/* The last VA below the split and the first at it, for N = 1, 2, 7. */
TEST(guest_walk_ttbcr_n_split)
{
	static const struct {
		uint32_t n, below, at, ttb0_off, ttb1_off;
	} cases[] = {
		{ 1, 0x7fffffffu, 0x80000000u, 0x1ffcu, 0x2000u },
		{ 2, 0x3fffffffu, 0x40000000u, 0x0ffcu, 0x1000u },
		{ 7, 0x01ffffffu, 0x02000000u, 0x007cu, 0x0080u },
	};

	for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct guest_walk_regs regs = fresh();
		struct guest_walk_result r;

		regs.ttbcr = cases[i].n;
		put(TTB0 + cases[i].ttb0_off, 0x00100002u);
		put(TTB1 + cases[i].ttb1_off, 0x00200002u);
		r = walk(&regs, cases[i].below);
		CHECK(r.ok);
		CHECK_EQ(r.l1_desc_gpa, TTB0 + cases[i].ttb0_off);
		CHECK_EQ(r.pa, 0x00100000u | (cases[i].below & 0xfffffu));
		r = walk(&regs, cases[i].at);
		CHECK(r.ok);
		CHECK_EQ(r.l1_desc_gpa, TTB1 + cases[i].ttb1_off);
		CHECK_EQ(r.pa, 0x00200000u);
	}
}

/*
 * TTBR0's base is bits[31:14-N]: a table of 16 KiB >> N, placed at
 * TTB0 + (16 KiB >> N) for N > 0, with every lower TTBR0 bit set.
 */
TEST(guest_walk_ttbr0_base_mask_each_n)
{
	for (uint32_t n = 0; n < 8; n++) {
		struct guest_walk_regs regs = fresh();
		uint32_t size = 0x4000u >> n;
		uint32_t base = n ? TTB0 + size : TTB0;
		uint32_t last_va = n ? (1u << (32 - n)) - 1u : 0xffffffffu;
		struct guest_walk_result r;

		regs.ttbcr = n;
		regs.ttbr0 = base | (size - 1u);
		put(base, 0x00300002u);
		put(base + size - 4u, 0x00400002u);
		r = walk(&regs, 0);
		CHECK(r.ok);
		CHECK_EQ(r.l1_desc_gpa, base);
		CHECK_EQ(r.pa, 0x00300000u);
		r = walk(&regs, last_va);
		CHECK(r.ok);
		CHECK_EQ(r.l1_desc_gpa, base + size - 4u);
		CHECK_EQ(r.pa, 0x00400000u | (last_va & 0xfffffu));
	}
}

/* TTBR1's base is bits[31:14] whatever N is. */
TEST(guest_walk_ttbr1_base_mask)
{
	struct guest_walk_regs regs = fresh();
	struct guest_walk_result r;

	regs.ttbcr = 1;
	regs.ttbr1 = TTB1 | 0x3fffu;
	put(TTB1 + 0x3ffc, 0x00500002u);
	r = walk(&regs, 0xfff00001u);
	CHECK(r.ok);
	CHECK_EQ(r.l1_desc_gpa, TTB1 + 0x3ffcu);
	CHECK_EQ(r.pa, 0x00500001u);
}

/* PD0/PD1: a first-level translation fault without any table read. */
TEST(guest_walk_pd0_pd1)
{
	struct guest_walk_regs regs = fresh();
	struct guest_walk_result r;

	put(TTB0, 0x00100002u);
	put(TTB1 + 0x2000, 0x00200002u);
	regs.ttbcr = 1 | TTBCR_PD0;
	r = walk(&regs, 0x00000000u);
	check_fault(&r, FS_TRANS_SECTION, WALK_L1);
	CHECK_EQ(ram.reads, 0);
	CHECK_EQ(r.l1_desc_gpa, 0);
	r = walk(&regs, 0x80000000u);
	CHECK(r.ok);
	CHECK_EQ(r.pa, 0x00200000u);

	regs.ttbcr = 1 | TTBCR_PD1;
	r = walk(&regs, 0x80000000u);
	check_fault(&r, FS_TRANS_SECTION, WALK_L1);
	CHECK_EQ(ram.reads, 0);
	r = walk(&regs, 0x00000000u);
	CHECK(r.ok);
	CHECK_EQ(r.pa, 0x00100000u);
}

/* Long descriptors (TTBCR.EAE = 1, bit 31) are refused before any read. */
TEST(guest_walk_eae_unsupported)
{
	struct guest_walk_regs regs = fresh();
	struct guest_walk_result r;

	put(TTB0, 0x00100002u);
	regs.ttbcr = 0x80000000u;
	r = walk(&regs, 0);
	check_unsupported(&r);
	CHECK_EQ(ram.reads, 0);
}

TEST(guest_walk_l1_read_outside_ram)
{
	struct guest_walk_regs regs = fresh();
	struct guest_walk_result r;

	regs.ttbr0 = NO_RAM;
	r = walk(&regs, 0x00345678u);
	check_fault(&r, FS_SYNC_EXT_WALK_L1, WALK_L1);
	CHECK_EQ(r.l1_desc_gpa, NO_RAM + 0xcu);
}

TEST(guest_walk_l2_read_outside_ram)
{
	struct guest_walk_regs regs = fresh();
	struct guest_walk_result r;

	put(TTB0 + 0x003 * 4, 0x400004a1u);     /* L2 table at 0x40000400, domain 5 */
	r = walk(&regs, 0x00345678u);
	check_fault(&r, FS_SYNC_EXT_WALK_L2, WALK_L2);
	CHECK_EQ(r.domain, 5);
	CHECK_EQ(r.l2_desc_gpa, 0x40000514u);
}

/* With SCTLR.AFE = 1, AP[0] = 0 is an access flag fault; with AFE = 0 it is a permission. */
TEST(guest_walk_access_flag_section)
{
	struct guest_walk_regs regs = fresh();
	struct guest_walk_result r;

	put(TTB0 + 0x003 * 4, 0x00300822u);     /* AP 0b010, domain 1 */
	put(TTB0 + 0x004 * 4, 0x00400c02u);     /* AP 0b011 */
	put(TTB0 + 0x5a0 * 4, 0xcd040802u);     /* supersection, AP 0b010 */
	r = walk(&regs, 0x00312345u);
	CHECK(r.ok);
	CHECK_EQ(r.ap, 2);

	regs.sctlr |= SCTLR_AFE;
	r = walk(&regs, 0x00312345u);
	check_fault(&r, FS_ACCESS_SECTION, WALK_L1);
	CHECK_EQ(r.domain, 1);
	CHECK_EQ(r.ap, 2);
	CHECK_EQ(r.pa, 0x00312345u);
	r = walk(&regs, 0x00412345u);
	CHECK(r.ok);
	r = walk(&regs, 0x5a000000u);
	check_fault(&r, FS_ACCESS_SECTION, WALK_L1);
}

TEST(guest_walk_access_flag_pages)
{
	struct guest_walk_regs regs = fresh();
	struct guest_walk_result r;

	regs.sctlr |= SCTLR_AFE;
	put(TTB0 + 0x003 * 4, 0x800084edu);
	put(L2T_A + 0x45 * 4, 0x9abcdfafu);     /* small page, AP 0b110 */
	put(L2T_A + 0x46 * 4, 0x9abce03eu);     /* small page, AP 0b011 */
	put(TTB0 + 0x00a * 4, 0x800089e1u);
	put(L2T_B + 0x50 * 4, 0x76540005u);     /* large page, AP 0b000 */
	r = walk(&regs, 0x00345678u);
	check_fault(&r, FS_ACCESS_PAGE, WALK_L2);
	CHECK_EQ(r.domain, 7);
	CHECK_EQ(r.kind, WALK_SMALL_PAGE);
	CHECK_EQ(r.pa, 0x9abcd678u);
	r = walk(&regs, 0x00346000u);
	CHECK(r.ok);
	CHECK_EQ(r.pa, 0x9abce000u);
	CHECK_EQ(r.ap, 3);
	r = walk(&regs, 0x00a50000u);
	check_fault(&r, FS_ACCESS_PAGE, WALK_L2);
	CHECK_EQ(r.kind, WALK_LARGE_PAGE);
	CHECK_EQ(r.domain, 15);
}

TEST(guest_walk_domain_field)
{
	struct guest_walk_regs regs = fresh();
	struct guest_walk_result r;

	for (uint32_t d = 0; d < 16; d++) {
		put(TTB0 + 0x100 * 4, 0x10000002u | d << 5);    /* section */
		put(TTB0 + 0x200 * 4, 0x80008401u | d << 5);    /* page table */
		put(L2T_A, 0x30000002u);
		r = walk(&regs, 0x10000000u);
		CHECK(r.ok);
		CHECK_EQ(r.domain, d);
		r = walk(&regs, 0x20000000u);
		CHECK(r.ok);
		CHECK_EQ(r.domain, d);
		CHECK_EQ(r.pa, 0x30000000u);
	}
}

/* SCTLR.EE = 1: the tables are big-endian (B4.1.130). */
TEST(guest_walk_big_endian_tables)
{
	struct guest_walk_regs regs = fresh();
	struct guest_walk_result r;

	regs.sctlr |= SCTLR_EE;
	put(TTB0 + 0x003 * 4, 0xed840080u);     /* 0x800084ed */
	put(L2T_A + 0x45 * 4, 0xafdfbc9au);     /* 0x9abcdfaf */
	r = walk(&regs, 0x00345678u);
	CHECK(r.ok);
	CHECK_EQ(r.pa, 0x9abcd678u);
	CHECK_EQ(r.domain, 7);
	CHECK_EQ(r.l1_desc, 0x800084edu);
	CHECK_EQ(r.l2_desc, 0x9abcdfafu);
}
