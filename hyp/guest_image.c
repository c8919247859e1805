/* ELF32 (ARM), U-Boot uImage and Linux zImage loading. Portable: also built for host tests. */
#include <stdbool.h>
#include <string.h>

#include "hyp/guest_image.h"
#include "hyp/ranges.h"
#include "hyp/uimage.h"

#define EI_NIDENT       16
#define ELFCLASS32      1
#define ELFDATA2LSB     1
#define ET_EXEC         2
#define EM_ARM          40
#define PT_LOAD         1

struct elf32_ehdr {
	uint8_t e_ident[EI_NIDENT];
	uint16_t e_type, e_machine;
	uint32_t e_version, e_entry, e_phoff, e_shoff, e_flags;
	uint16_t e_ehsize, e_phentsize, e_phnum, e_shentsize, e_shnum, e_shstrndx;
};

struct elf32_phdr {
	uint32_t p_type, p_offset, p_vaddr, p_paddr, p_filesz, p_memsz, p_flags, p_align;
};

/* Linux zImage header, Documentation/arch/arm/booting.rst. */
#define ZIMAGE_MAGIC_OFFSET 0x24u
#define ZIMAGE_MAGIC        0x016f2818u
#define ZIMAGE_LOAD_OFFSET  0x10000u    /* where QEMU -kernel puts it natively */
#define FDT_MAGIC_BE        0xd00dfeedu

static char reason[128];

static uint32_t read32(const uint8_t *p)
{
	uint32_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

static void append(char **out, const char *end, const char *s)
{
	while (*s && *out < end)
		*(*out)++ = *s++;
}

static void append_hex(char **out, const char *end, uint32_t v)
{
	char buf[11] = "0x";

	for (int i = 0; i < 8; i++)
		buf[2 + i] = "0123456789abcdef"[(v >> (28 - 4 * i)) & 0xfu];
	buf[10] = 0;
	append(out, end, buf);
}

/* "<what> 0x<a>-0x<b> <problem>", kept in a static buffer. */
static const char *range_reason(const char *what, uint32_t a, uint32_t b, const char *problem)
{
	char *out = reason, *end = reason + sizeof(reason) - 1;

	append(&out, end, what);
	append(&out, end, " ");
	append_hex(&out, end, a);
	append(&out, end, "-");
	append_hex(&out, end, b);
	append(&out, end, " ");
	append(&out, end, problem);
	*out = 0;
	return reason;
}

/* Where [gpa, gpa+len) may not go; NULL if it fits guest RAM. */
static const char *check_range(const char *what, uint32_t gpa, uint32_t len,
			       const struct guest_image_limits *lim)
{
	uint64_t end = (uint64_t)gpa + len;

	if (ranges_overlap(gpa, len, lim->hyp_base, lim->hyp_size))
		return range_reason(what, gpa, (uint32_t)(end - 1), "overlaps the hypervisor");
	if (gpa < lim->ram_base || end > (uint64_t)lim->ram_base + lim->ram_size)
		return range_reason(what, gpa, (uint32_t)(end - 1),
				    gpa >= lim->ram_base && gpa < lim->ram_base + lim->ram_size ?
				    "is too large for guest RAM" : "is outside guest RAM");
	return NULL;
}

/* Widen [start, end) of the loaded image by [gpa, gpa + len). */
static void note_extent(struct guest_boot *boot, uint32_t gpa, uint32_t len)
{
	if (boot->image_end == 0 || gpa < boot->image_start)
		boot->image_start = gpa;
	if (gpa + len > boot->image_end)
		boot->image_end = gpa + len;
}

/*
 * Each loader runs twice: with `write` false it only checks the image and
 * fills `boot`; with `write` true it copies it into guest RAM. Everything
 * is checked before anything is written, so a refusal leaves RAM untouched.
 */
static const char *load_elf(const struct stage_header *hdr, const uint8_t *image,
			    const struct guest_image_limits *lim, void *(*ram_ptr)(uint32_t),
			    struct guest_boot *boot, bool write)
{
	struct elf32_ehdr eh;
	const char *err;

	if (hdr->image_size < sizeof(eh))
		return "ELF image shorter than its header";
	memcpy(&eh, image, sizeof(eh));
	if (eh.e_ident[4] != ELFCLASS32 || eh.e_ident[5] != ELFDATA2LSB)
		return "ELF image is not 32-bit little-endian";
	if (eh.e_machine != EM_ARM || eh.e_type != ET_EXEC)
		return "ELF image is not an ARM executable";
	if (eh.e_phentsize != sizeof(struct elf32_phdr) ||
	    (uint64_t)eh.e_phoff + (uint64_t)eh.e_phnum * sizeof(struct elf32_phdr) > hdr->image_size)
		return "ELF program headers lie outside the image";

	for (unsigned i = 0; i < eh.e_phnum; i++) {
		struct elf32_phdr ph;
		memcpy(&ph, image + eh.e_phoff + i * sizeof(ph), sizeof(ph));
		if (ph.p_type != PT_LOAD || ph.p_memsz == 0)
			continue;
		if (write) {
			uint8_t *dst = ram_ptr(ph.p_paddr);
			memcpy(dst, image + ph.p_offset, ph.p_filesz);
			memset(dst + ph.p_filesz, 0, ph.p_memsz - ph.p_filesz);
			continue;
		}
		if (ph.p_filesz > ph.p_memsz || (uint64_t)ph.p_offset + ph.p_filesz > hdr->image_size)
			return "ELF segment data lies outside the image";
		if ((err = check_range("ELF segment", ph.p_paddr, ph.p_memsz, lim)))
			return err;
		note_extent(boot, ph.p_paddr, ph.p_memsz);
	}
	if (write)
		return NULL;
	if (!boot->image_end)
		return "ELF image has no loadable segment";
	if ((err = check_range("ELF entry point", eh.e_entry, 4, lim)))
		return err;
	boot->kind = "ELF";
	boot->linux_kernel = false;
	boot->entry = eh.e_entry;
	return NULL;
}

static const char *load_zimage(const struct stage_header *hdr, const uint8_t *image,
			       const struct guest_image_limits *lim, void *(*ram_ptr)(uint32_t),
			       struct guest_boot *boot, bool write)
{
	uint32_t load = lim->ram_base + ZIMAGE_LOAD_OFFSET;
	const char *err;

	if (write) {
		memcpy(ram_ptr(load), image, hdr->image_size);
		return NULL;
	}
	if ((err = check_range("zImage", load, hdr->image_size, lim)))
		return err;
	note_extent(boot, load, hdr->image_size);
	boot->kind = "zImage";
	boot->linux_kernel = true;
	boot->entry = load;
	return NULL;
}

/* U-Boot legacy image: the data goes to its load address, entered at its entry point. */
static const char *load_uimage(const struct stage_header *hdr, const uint8_t *image,
			       const struct guest_image_limits *lim, void *(*ram_ptr)(uint32_t),
			       struct guest_boot *boot, bool write)
{
	struct uimage u;
	const char *err;

	if (write) {
		uimage_header(image, &u);
		memcpy(ram_ptr(u.load), u.data, u.size);
		return NULL;
	}
	if ((err = uimage_parse(image, hdr->image_size, &u, reason, sizeof(reason))))
		return err;
	if ((err = check_range("uImage", u.load, u.size, lim)))
		return err;
	note_extent(boot, u.load, u.size);
	boot->kind = "uImage";
	boot->linux_kernel = true;
	boot->entry = u.entry;
	return NULL;
}

typedef const char *(*image_loader)(const struct stage_header *hdr, const uint8_t *image,
				    const struct guest_image_limits *lim,
				    void *(*ram_ptr)(uint32_t), struct guest_boot *boot, bool write);

static image_loader choose_loader(const struct stage_header *hdr, const uint8_t *image)
{
	static const uint8_t elf_magic[4] = { 0x7f, 'E', 'L', 'F' };

	if (hdr->image_size >= 4 && !memcmp(image, elf_magic, 4))
		return load_elf;
	if (uimage_is(image, hdr->image_size))
		return load_uimage;
	if (hdr->image_size >= ZIMAGE_MAGIC_OFFSET + 4 &&
	    read32(image + ZIMAGE_MAGIC_OFFSET) == ZIMAGE_MAGIC)
		return load_zimage;
	return NULL;
}

static uint32_t page_up(uint32_t x)
{
	return (x + 0xfffu) & ~0xfffu;
}

const char *guest_image_load(const struct stage_header *hdr, const uint8_t *image,
			     const struct guest_image_limits *lim,
			     void *(*ram_ptr)(uint32_t gpa), struct guest_boot *boot)
{
	const uint8_t *dtb = image + page_up(hdr->image_size);
	const uint8_t *initrd = dtb + page_up(hdr->dtb_size);
	image_loader loader;
	const char *err;

	if (hdr->magic != STAGE_MAGIC)
		return "no guest image staged (run it with: make run GUEST=path/to/image)";
	if (hdr->image_size == 0)
		return "guest image is empty";
	if (!(loader = choose_loader(hdr, image)))
		return "guest image is neither an ELF executable, a U-Boot uImage nor a Linux zImage";
	*boot = (struct guest_boot){ 0 };
	if ((err = loader(hdr, image, lim, ram_ptr, boot, false)))
		return err;

	if (hdr->initrd_size) {
		if ((err = check_range("initrd", hdr->initrd_gpa, hdr->initrd_size, lim)))
			return err;
		if (ranges_overlap(hdr->initrd_gpa, hdr->initrd_size, boot->image_start,
				   boot->image_end - boot->image_start))
			return range_reason("initrd", hdr->initrd_gpa,
					    hdr->initrd_gpa + hdr->initrd_size - 1,
					    "overlaps the kernel image");
	}
	/* QEMU's place for the device tree: after the initrd, or where the initrd would go. */
	uint32_t dtb_at = lim->ram_base + (lim->ram_size / 2 < GUEST_INITRD_MAX_OFFSET ?
					   lim->ram_size / 2 : GUEST_INITRD_MAX_OFFSET);
	if (hdr->initrd_size)
		dtb_at = page_up(hdr->initrd_gpa + hdr->initrd_size);
	else if (boot->image_end > dtb_at)
		dtb_at = page_up(boot->image_end);
	if (hdr->dtb_size) {
		if (hdr->dtb_size < 4 || __builtin_bswap32(read32(dtb)) != FDT_MAGIC_BE)
			return "device tree blob has no FDT magic";
		if ((err = check_range("device tree", dtb_at, hdr->dtb_size, lim)))
			return err;
		if (ranges_overlap(dtb_at, hdr->dtb_size, boot->image_start,
				   boot->image_end - boot->image_start))
			return range_reason("device tree", dtb_at, dtb_at + hdr->dtb_size - 1,
					    "overlaps the kernel image");
		boot->dtb = dtb_at;
	}

	loader(hdr, image, lim, ram_ptr, boot, true);
	if (hdr->dtb_size)
		memcpy(ram_ptr(dtb_at), dtb, hdr->dtb_size);
	if (hdr->initrd_size)
		memcpy(ram_ptr(hdr->initrd_gpa), initrd, hdr->initrd_size);
	return NULL;
}
