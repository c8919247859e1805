/*
 * Loading a staged guest image: ELF32 executables (headers written here
 * from the ELF specification), Linux zImages and device trees; refusals
 * name the problem and leave guest RAM untouched.
 */
#include <stdbool.h>
#include <stddef.h>

#include "hyp/guest_image.h"
#include "hyp/uimage.h"
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
	hdr = (struct stage_header){ .magic = STAGE_MAGIC, .image_size = DATA_OFFSET + 24 };
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
	hdr = (struct stage_header){ .magic = STAGE_MAGIC, .image_size = size };
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
	check_refused("neither an ELF executable, a U-Boot uImage nor a Linux zImage");
	make_zimage(3);                 /* too short for any magic */
	check_refused("neither an ELF executable, a U-Boot uImage nor a Linux zImage");
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

/*
 * U-Boot legacy images (uImage): a 64-byte big-endian header, laid out as
 * U-Boot's include/image.h documents it, then `size` bytes of data.
 */
#define UIMAGE_LOAD     (RAM_BASE + 0x8000u)
#define UIMAGE_SIZE     0x100u
#define UIMAGE_OS       28
#define UIMAGE_ARCH     29
#define UIMAGE_TYPE     30
#define UIMAGE_COMP     31

static void put_be32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

/* The header CRC, over the header with its own field zero; again after each change. */
static void seal_uimage(void)
{
	put_be32(image + 4, 0);
	put_be32(image + 4, uimage_crc32(image, UIMAGE_HEADER_SIZE));
}

/* An uncompressed ARM Linux kernel image, as mkimage -T kernel -C none makes one. */
static void make_uimage(uint32_t load, uint32_t entry, uint32_t size)
{
	uint8_t *data = image + UIMAGE_HEADER_SIZE;

	memset(image, 0, sizeof(image));
	memset(ram, RAM_FILL, sizeof(ram));
	memset(&boot, 0, sizeof(boot));
	for (uint32_t i = 0; i < size; i++)
		data[i] = (uint8_t)(0x30 + 7 * i);
	put_be32(image, 0x27051956u);
	put_be32(image + 12, size);
	put_be32(image + 16, load);
	put_be32(image + 20, entry);
	put_be32(image + 24, uimage_crc32(data, size));
	image[UIMAGE_OS] = 5;           /* IH_OS_LINUX */
	image[UIMAGE_ARCH] = 2;         /* IH_ARCH_ARM */
	image[UIMAGE_TYPE] = 2;         /* IH_TYPE_KERNEL */
	image[UIMAGE_COMP] = 0;         /* IH_COMP_NONE */
	memcpy(image + 32, "test kernel", 11);
	seal_uimage();
	hdr = (struct stage_header){ .magic = STAGE_MAGIC, .image_size = UIMAGE_HEADER_SIZE + size };
}

TEST(image_uimage_loads_at_its_addresses)
{
	make_uimage(UIMAGE_LOAD, UIMAGE_LOAD + 0x40u, UIMAGE_SIZE);
	CHECK(load() == NULL);
	CHECK_STR(boot.kind, "uImage");
	CHECK_EQ(boot.entry, UIMAGE_LOAD + 0x40u);
	CHECK_EQ(boot.image_start, UIMAGE_LOAD);
	CHECK_EQ(boot.image_end, UIMAGE_LOAD + UIMAGE_SIZE);
	CHECK(!memcmp(&ram[0x8000], image + UIMAGE_HEADER_SIZE, UIMAGE_SIZE));
	/* Only the data: not the header, nothing around it. */
	CHECK_EQ(ram[0x7fff], RAM_FILL);
	CHECK_EQ(ram[0x8000 + UIMAGE_SIZE], RAM_FILL);
}

/* A zImage in a uImage goes where the header says, not where a bare zImage would. */
TEST(image_uimage_wrapping_zimage)
{
	make_uimage(UIMAGE_LOAD, UIMAGE_LOAD, UIMAGE_SIZE);
	put_be32(image + UIMAGE_HEADER_SIZE + 0x24, 0x18286f01u);      /* zImage magic, LE */
	put_be32(image + 24, uimage_crc32(image + UIMAGE_HEADER_SIZE, UIMAGE_SIZE));
	seal_uimage();
	CHECK(load() == NULL);
	CHECK_STR(boot.kind, "uImage");
	CHECK_EQ(boot.entry, UIMAGE_LOAD);
	CHECK(!memcmp(&ram[0x8000], image + UIMAGE_HEADER_SIZE, UIMAGE_SIZE));
	CHECK_EQ(ram[0x10000], RAM_FILL);
}

TEST(image_refuse_uimage_truncated)
{
	make_uimage(UIMAGE_LOAD, UIMAGE_LOAD, UIMAGE_SIZE);
	hdr.image_size = UIMAGE_HEADER_SIZE - 1;
	check_refused("uImage shorter than its 64-byte header");
	make_uimage(UIMAGE_LOAD, UIMAGE_LOAD, UIMAGE_SIZE);
	hdr.image_size--;
	check_refused("uImage shorter than its header's data size");
}

TEST(image_refuse_uimage_bad_checksums)
{
	make_uimage(UIMAGE_LOAD, UIMAGE_LOAD, UIMAGE_SIZE);
	image[32] ^= 1;                 /* the name */
	check_refused("uImage header checksum mismatch");
	make_uimage(UIMAGE_LOAD, UIMAGE_LOAD, UIMAGE_SIZE);
	image[UIMAGE_HEADER_SIZE + UIMAGE_SIZE - 1] ^= 1;
	check_refused("uImage data checksum mismatch");
}

TEST(image_refuse_uimage_not_kernel)
{
	make_uimage(UIMAGE_LOAD, UIMAGE_LOAD, UIMAGE_SIZE);
	image[UIMAGE_TYPE] = 3;         /* IH_TYPE_RAMDISK */
	seal_uimage();
	check_refused("uImage is not a kernel image (type 3)");
	make_uimage(UIMAGE_LOAD, UIMAGE_LOAD, UIMAGE_SIZE);
	image[UIMAGE_TYPE] = 14;        /* IH_TYPE_KERNEL_NOLOAD */
	seal_uimage();
	check_refused("uImage is not a kernel image (type 14)");
}

TEST(image_refuse_uimage_multi_file)
{
	make_uimage(UIMAGE_LOAD, UIMAGE_LOAD, UIMAGE_SIZE);
	image[UIMAGE_TYPE] = 4;         /* IH_TYPE_MULTI */
	seal_uimage();
	check_refused("uImage is a multi-file image");
}

TEST(image_refuse_uimage_not_arm)
{
	make_uimage(UIMAGE_LOAD, UIMAGE_LOAD, UIMAGE_SIZE);
	image[UIMAGE_ARCH] = 22;        /* IH_ARCH_ARM64 */
	seal_uimage();
	check_refused("uImage is not for 32-bit ARM (architecture 22)");
}

TEST(image_refuse_uimage_not_linux)
{
	make_uimage(UIMAGE_LOAD, UIMAGE_LOAD, UIMAGE_SIZE);
	image[UIMAGE_OS] = 17;          /* IH_OS_U_BOOT */
	seal_uimage();
	check_refused("uImage is not a Linux kernel (OS 17)");
}

TEST(image_refuse_uimage_compressed)
{
	make_uimage(UIMAGE_LOAD, UIMAGE_LOAD, UIMAGE_SIZE);
	image[UIMAGE_COMP] = 1;         /* IH_COMP_GZIP */
	seal_uimage();
	check_refused("uImage data is compressed (gzip)");
	make_uimage(UIMAGE_LOAD, UIMAGE_LOAD, UIMAGE_SIZE);
	image[UIMAGE_COMP] = 6;         /* IH_COMP_ZSTD */
	seal_uimage();
	check_refused("uImage data is compressed (zstd)");
	make_uimage(UIMAGE_LOAD, UIMAGE_LOAD, UIMAGE_SIZE);
	image[UIMAGE_COMP] = 9;         /* no name known */
	seal_uimage();
	check_refused("uImage data is compressed (method 9)");
}

TEST(image_refuse_uimage_entry_outside_data)
{
	make_uimage(UIMAGE_LOAD, UIMAGE_LOAD + UIMAGE_SIZE, UIMAGE_SIZE);
	check_refused("uImage entry point lies outside its data");
	make_uimage(UIMAGE_LOAD, UIMAGE_LOAD - 4u, UIMAGE_SIZE);
	check_refused("uImage entry point lies outside its data");
	make_uimage(UIMAGE_LOAD, UIMAGE_LOAD, 0);
	check_refused("uImage entry point lies outside its data");
}

TEST(image_refuse_uimage_outside_ram)
{
	make_uimage(0x70000000u, 0x70000000u, UIMAGE_SIZE);
	check_refused("uImage 0x70000000-0x700000ff is outside guest RAM");
	make_uimage(RAM_BASE + RAM_SIZE - 0x80u, RAM_BASE + RAM_SIZE - 0x80u, UIMAGE_SIZE);
	check_refused("uImage 0x803fff80-0x8040007f is too large for guest RAM");
}

TEST(image_refuse_uimage_overlapping_hypervisor)
{
	make_uimage(HYP_BASE + 0x1000u, HYP_BASE + 0x1000u, UIMAGE_SIZE);
	check_refused("uImage 0x8f001000-0x8f0010ff overlaps the hypervisor");
}

/* The loaded extent is the uImage's data, so an initrd on it is refused. */
TEST(image_refuse_initrd_over_uimage)
{
	make_uimage(UIMAGE_LOAD, UIMAGE_LOAD, UIMAGE_SIZE);
	hdr.initrd_size = 0x10;
	hdr.initrd_gpa = UIMAGE_LOAD + UIMAGE_SIZE - 8u;
	check_refused("initrd 0x800080f8-0x80008107 overlaps the kernel image");
}
