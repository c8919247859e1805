/*
 * Loading a staged guest image: ELF32 executables (headers written here
 * from the ELF specification), Linux zImages and device trees; refusals
 * name the problem and leave guest RAM untouched.
 */
#include <stdbool.h>
#include <stddef.h>

#include "hyp/guest_image.h"
#include "test.h"

#define RAM_BASE        0x80000000u
#define RAM_SIZE        0x00400000u
#define HYP_BASE        0x8f000000u
#define HYP_SIZE        0x01000000u
#define RAM_FILL        0xa5u
#define DATA_OFFSET     0x100u

struct ehdr {
	uint8_t ident[16];
	uint16_t type, machine;
	uint32_t version, entry, phoff, shoff, flags;
	uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};

struct phdr {
	uint32_t type, offset, vaddr, paddr, filesz, memsz, flags, align;
};

static uint8_t ram[RAM_SIZE];
static uint8_t image[0x4000];
static struct stage_header hdr;
static struct guest_boot boot;
static const struct guest_image_limits limits = { RAM_BASE, RAM_SIZE, HYP_BASE, HYP_SIZE };

static void *ram_ptr(uint32_t gpa)
{
	if (gpa < RAM_BASE || gpa - RAM_BASE >= RAM_SIZE)
		FAIL("ram_ptr(0x%08x) outside guest RAM", gpa);
	return &ram[gpa - RAM_BASE];
}

static const char *load(void)
{
	return guest_image_load(&hdr, image, &limits, ram_ptr, &boot);
}

static bool ram_untouched(void)
{
	for (size_t i = 0; i < sizeof(ram); i++)
		if (ram[i] != RAM_FILL)
			return false;
	return true;
}

static struct ehdr *elf_header(void)
{
	return (struct ehdr *)image;
}

static struct phdr *elf_phdr(unsigned i)
{
	return (struct phdr *)(image + sizeof(struct ehdr)) + i;
}

/*
 * A valid ARM executable: a 16-byte code segment at 0x80008000 (the entry)
 * and a data segment at 0x80010000 with 8 bytes of data and 0x18 of bss.
 */
static void make_elf(void)
{
	static const uint8_t ident[16] = { 0x7f, 'E', 'L', 'F', 1, 1, 1 };
	struct ehdr *eh = elf_header();

	memset(image, 0, sizeof(image));
	memset(ram, RAM_FILL, sizeof(ram));
	memset(&boot, 0, sizeof(boot));
	memcpy(eh->ident, ident, sizeof(ident));
	eh->type = 2;                   /* ET_EXEC */
	eh->machine = 40;               /* EM_ARM */
	eh->version = 1;
	eh->entry = 0x80008000u;
	eh->phoff = sizeof(struct ehdr);
	eh->ehsize = sizeof(struct ehdr);
	eh->phentsize = sizeof(struct phdr);
	eh->phnum = 3;
	*elf_phdr(0) = (struct phdr){ 1, DATA_OFFSET, 0x80008000u, 0x80008000u, 16, 16, 5, 4 };
	*elf_phdr(1) = (struct phdr){ 4, DATA_OFFSET, 0, 0, 16, 16, 4, 4 };    /* PT_NOTE */
	*elf_phdr(2) = (struct phdr){ 1, DATA_OFFSET + 16, 0x80010000u, 0x80010000u, 8, 0x20, 6, 4 };
	for (unsigned i = 0; i < 24; i++)
		image[DATA_OFFSET + i] = (uint8_t)(0x10 + i);
	hdr = (struct stage_header){ STAGE_MAGIC, DATA_OFFSET + 24, 0 };
}

static void make_zimage(uint32_t size)
{
	memset(image, 0, sizeof(image));
	memset(ram, RAM_FILL, sizeof(ram));
	memset(&boot, 0, sizeof(boot));
	for (unsigned i = 0; i < 0x200; i++)
		image[i] = (uint8_t)i;
	/* Documentation/arch/arm/booting.rst: magic 0x016f2818 at offset 0x24. */
	image[0x24] = 0x18;
	image[0x25] = 0x28;
	image[0x26] = 0x6f;
	image[0x27] = 0x01;
	hdr = (struct stage_header){ STAGE_MAGIC, size, 0 };
}

/* A device tree of `size` bytes after the image, at its next 4 KiB boundary. */
static uint8_t *add_dtb(uint32_t size, bool magic)
{
	uint8_t *dtb = image + ((hdr.image_size + 0xfffu) & ~0xfffu);

	for (uint32_t i = 0; i < size; i++)
		dtb[i] = (uint8_t)(0x40 + i);
	if (magic)
		memcpy(dtb, "\xd0\x0d\xfe\xed", 4);
	hdr.dtb_size = size;
	return dtb;
}

TEST(image_elf_loads_segments)
{
	make_elf();
	CHECK(load() == NULL);
	CHECK_STR(boot.kind, "ELF");
	CHECK_EQ(boot.entry, 0x80008000u);
	CHECK_EQ(boot.dtb, 0);
	CHECK(!memcmp(&ram[0x8000], &image[DATA_OFFSET], 16));
	CHECK(!memcmp(&ram[0x10000], &image[DATA_OFFSET + 16], 8));
	for (unsigned i = 8; i < 0x20; i++)
		CHECK_EQ(ram[0x10000 + i], 0);          /* bss */
	/* Nothing else was written. */
	CHECK_EQ(ram[0x7fff], RAM_FILL);
	CHECK_EQ(ram[0x8010], RAM_FILL);
	CHECK_EQ(ram[0x10020], RAM_FILL);
	CHECK_EQ(ram[0], RAM_FILL);
}

TEST(image_zimage_loads_at_offset)
{
	make_zimage(0x200);
	CHECK(load() == NULL);
	CHECK_STR(boot.kind, "zImage");
	CHECK_EQ(boot.entry, RAM_BASE + 0x10000u);
	CHECK(!memcmp(&ram[0x10000], image, 0x200));
	CHECK_EQ(ram[0xffff], RAM_FILL);
	CHECK_EQ(ram[0x10200], RAM_FILL);
}

TEST(image_dtb_copied)
{
	make_elf();
	uint8_t *dtb = add_dtb(0x40, true);
	CHECK(load() == NULL);
	CHECK_EQ(boot.dtb, RAM_BASE + RAM_SIZE - 0x200000u);
	CHECK(!memcmp(&ram[boot.dtb - RAM_BASE], dtb, 0x40));
}

/* Refused: the reason names the problem and guest RAM is left as it was. */
static void check_refused(const char *part)
{
	CHECK_CONTAINS(load(), part);
	if (!ram_untouched())
		FAIL("refused (\"%s\") but guest RAM was written", part);
}

TEST(image_refuse_bad_stage_magic)
{
	make_elf();
	hdr.magic = 0x12345678u;
	check_refused("no guest image staged");
}

TEST(image_refuse_empty)
{
	make_elf();
	hdr.image_size = 0;
	check_refused("empty");
}

TEST(image_refuse_unknown_format)
{
	make_zimage(0x200);
	image[0x24] = 0;
	check_refused("neither an ELF executable nor a Linux zImage");
	make_zimage(3);                 /* too short for any magic */
	check_refused("neither an ELF executable nor a Linux zImage");
}

TEST(image_refuse_truncated_elf_header)
{
	make_elf();
	hdr.image_size = 20;
	check_refused("shorter than its header");
}

TEST(image_refuse_elf64_and_big_endian)
{
	make_elf();
	elf_header()->ident[4] = 2;     /* ELFCLASS64 */
	check_refused("not 32-bit little-endian");
	make_elf();
	elf_header()->ident[5] = 2;     /* ELFDATA2MSB */
	check_refused("not 32-bit little-endian");
}

TEST(image_refuse_not_arm_executable)
{
	make_elf();
	elf_header()->machine = 3;      /* EM_386 */
	check_refused("not an ARM executable");
	make_elf();
	elf_header()->type = 3;         /* ET_DYN */
	check_refused("not an ARM executable");
}

TEST(image_refuse_program_headers_outside_file)
{
	make_elf();
	elf_header()->phoff = hdr.image_size - 40u;
	check_refused("program headers lie outside the image");
	make_elf();
	elf_header()->phnum = 0xffff;
	check_refused("program headers lie outside the image");
}

TEST(image_refuse_segment_data_outside_file)
{
	make_elf();
	elf_phdr(2)->offset = hdr.image_size - 4u;
	check_refused("segment data lies outside the image");
}

TEST(image_refuse_filesz_above_memsz)
{
	make_elf();
	elf_phdr(2)->filesz = 0x21;
	check_refused("segment data lies outside the image");
}

TEST(image_refuse_segment_outside_ram)
{
	make_elf();
	elf_phdr(2)->paddr = 0x70000000u;
	check_refused("ELF segment 0x70000000-0x7000001f is outside guest RAM");
}

TEST(image_refuse_segment_too_large)
{
	make_elf();
	elf_phdr(2)->paddr = RAM_BASE + RAM_SIZE - 0x10u;
	check_refused("ELF segment 0x803ffff0-0x8040000f is too large for guest RAM");
	make_elf();
	elf_phdr(2)->memsz = RAM_SIZE;
	check_refused("too large for guest RAM");
}

TEST(image_refuse_segment_overlapping_hypervisor)
{
	make_elf();
	elf_phdr(2)->paddr = HYP_BASE + 0x1000u;
	check_refused("overlaps the hypervisor");
}

TEST(image_refuse_no_loadable_segment)
{
	make_elf();
	elf_phdr(0)->type = 4;
	elf_phdr(2)->memsz = 0;
	check_refused("no loadable segment");
}

TEST(image_refuse_zimage_too_large)
{
	make_zimage(RAM_SIZE);
	check_refused("zImage 0x80010000-0x8040ffff is too large for guest RAM");
}

TEST(image_refuse_entry_outside_ram)
{
	make_elf();
	elf_header()->entry = 0x70000000u;
	CHECK_CONTAINS(load(), "ELF entry point 0x70000000-0x70000003 is outside guest RAM");
}

TEST(image_refuse_dtb_without_magic)
{
	make_elf();
	add_dtb(0x40, false);
	CHECK_CONTAINS(load(), "no FDT magic");
}

/* The source promises that a refusal leaves RAM untouched; these are refused late. */
TEST(image_refused_entry_leaves_ram_untouched)
{
	make_elf();
	elf_header()->entry = 0x70000000u;
	check_refused("entry point");
}

TEST(image_refused_dtb_leaves_ram_untouched)
{
	make_elf();
	add_dtb(0x40, false);
	check_refused("no FDT magic");
}
