/*
 * The literal guard: words that a PC-relative load in the page (or in a
 * neighbouring page) reads as data are never classified, whatever they hold.
 */
#include "hyp/page_scan.h"
#include "test.h"

#define PAGE            0x80002000u
#define FILLER          0xe1a00000u     /* mov r0, r0 */
#define MRS_R0_CPSR     0xe10f0000u
#define MOVS_PC_LR      0xe1b0f00eu

static uint32_t page[PAGE_WORDS];
static struct page_scan scan;

static void fill_page(void)
{
	for (unsigned i = 0; i < PAGE_WORDS; i++)
		page[i] = FILLER;
}

static unsigned scan_page_only(void)
{
	page_scan_begin(&scan, PAGE);
	page_scan_literals(&scan, page, PAGE, PAGE_WORDS);
	return page_scan_classify(&scan, page);
}

TEST(scan_classifies_each_word)
{
	fill_page();
	page[0] = 0xf10c0080;           /* cpsid i */
	page[1023] = MOVS_PC_LR;
	CHECK_EQ(scan_page_only(), 2);
	CHECK_EQ(scan.cls[0], SENS_CPS);
	CHECK_EQ(scan.cls[1], SENS_NONE);
	CHECK_EQ(scan.cls[1023], SENS_DP_ERET);
}

TEST(scan_literal_not_classified)
{
	fill_page();
	page[10] = 0xe59f0020;          /* ldr r0, [pc, #32]: loads word 20 */
	page[20] = MRS_R0_CPSR;         /* data that looks like mrs r0, cpsr */
	page[30] = MRS_R0_CPSR;         /* the real instruction */
	CHECK_EQ(scan_page_only(), 1);
	CHECK_EQ(scan.cls[20], SENS_NONE);
	CHECK_EQ(scan.cls[30], SENS_MRS);
}

TEST(scan_literal_negative_offset)
{
	fill_page();
	page[50] = 0xe51f0030;          /* ldr r0, [pc, #-48]: loads word 40 */
	page[40] = MOVS_PC_LR;
	page[41] = MOVS_PC_LR;
	CHECK_EQ(scan_page_only(), 1);
	CHECK_EQ(scan.cls[40], SENS_NONE);
	CHECK_EQ(scan.cls[41], SENS_DP_ERET);
}

TEST(scan_literal_doubleword_loads)
{
	fill_page();
	page[100] = 0xe1cf41d0;         /* ldrd r4, r5, [pc, #16]: words 106 and 107 */
	page[300] = 0xed9f0b02;         /* vldr d0, [pc, #8]: words 304 and 305 */
	for (unsigned i = 106; i <= 108; i++)
		page[i] = MRS_R0_CPSR;
	for (unsigned i = 304; i <= 306; i++)
		page[i] = MRS_R0_CPSR;
	CHECK_EQ(scan_page_only(), 2);
	CHECK_EQ(scan.cls[106], SENS_NONE);
	CHECK_EQ(scan.cls[107], SENS_NONE);
	CHECK_EQ(scan.cls[108], SENS_MRS);
	CHECK_EQ(scan.cls[304], SENS_NONE);
	CHECK_EQ(scan.cls[305], SENS_NONE);
	CHECK_EQ(scan.cls[306], SENS_MRS);
}

TEST(scan_literal_byte_and_halfword)
{
	fill_page();
	page[200] = 0xe5df2005;         /* ldrb r2, [pc, #5]: byte 1 of word 203 */
	page[400] = 0xe1df60b6;         /* ldrh r6, [pc, #6]: bytes 2-3 of word 403 */
	page[203] = page[204] = MRS_R0_CPSR;
	page[403] = page[404] = MRS_R0_CPSR;
	CHECK_EQ(scan_page_only(), 2);
	CHECK_EQ(scan.cls[203], SENS_NONE);
	CHECK_EQ(scan.cls[204], SENS_MRS);
	CHECK_EQ(scan.cls[403], SENS_NONE);
	CHECK_EQ(scan.cls[404], SENS_MRS);
}

TEST(scan_literal_from_neighbour_pages)
{
	static const uint32_t prev[4] = { FILLER, FILLER, FILLER,
					  0xe59f0010 };  /* at PAGE-4: ldr r0, [pc, #16] -> word 5 */
	static const uint32_t next[2] = { 0xe51f1068,    /* at PAGE+4096: ldr r1, [pc, #-104] -> word 1000 */
					  FILLER };

	fill_page();
	page[5] = page[6] = MRS_R0_CPSR;
	page[1000] = page[1001] = MRS_R0_CPSR;
	page_scan_begin(&scan, PAGE);
	page_scan_literals(&scan, prev, PAGE - 16u, 4);
	page_scan_literals(&scan, page, PAGE, PAGE_WORDS);
	page_scan_literals(&scan, next, PAGE + 4096u, 2);
	CHECK_EQ(page_scan_classify(&scan, page), 2);
	CHECK_EQ(scan.cls[5], SENS_NONE);
	CHECK_EQ(scan.cls[6], SENS_MRS);
	CHECK_EQ(scan.cls[1000], SENS_NONE);
	CHECK_EQ(scan.cls[1001], SENS_MRS);
}

/* Loads whose literal lies (partly) outside the page mark only what is inside it. */
TEST(scan_literal_outside_page_ignored)
{
	fill_page();
	page[1020] = 0xe59f0fff;        /* ldr r0, [pc, #4095]: next page */
	page[1] = 0xe51f0fff;           /* ldr r0, [pc, #-4095]: previous page */
	page[1021] = 0xe1cf40d0;        /* ldrd r4, r5, [pc, #0]: words 1023 and (next page) 1024 */
	page[1022] = MRS_R0_CPSR;
	page[1023] = MRS_R0_CPSR;
	CHECK_EQ(scan_page_only(), 1);
	CHECK_EQ(scan.cls[1022], SENS_MRS);
	CHECK_EQ(scan.cls[1023], SENS_NONE);
}

TEST(scan_begin_forgets_previous_literals)
{
	fill_page();
	page[10] = 0xe59f0020;
	page[20] = MRS_R0_CPSR;
	CHECK_EQ(scan_page_only(), 0);
	page_scan_begin(&scan, PAGE);
	CHECK_EQ(page_scan_classify(&scan, page), 1);
	CHECK_EQ(scan.cls[20], SENS_MRS);
}
