#include "arch/arm/barrier.h"
#include "arch/arm/pgtable_bits.h"
#include "arch/arm/psr.h"
#include "hyp/code_pages.h"
#include "hyp/emulate_mem.h"
#include "hyp/guest.h"
#include "hyp/log.h"
#include "hyp/page_scan.h"
#include "hyp/patch.h"
#include "hyp/vmem.h"
#include "shadow_pt/flat.h"

static struct page_scan scan;

static void scan_neighbour_literals(const struct shadow_flat *f, uint32_t neighbour)
{
	if (shadow_flat_is_ram(f, neighbour, PAGE_SIZE))
		page_scan_literals(&scan, guest_ram_page_ptr(f, neighbour), neighbour, PAGE_WORDS);
}

/* Scan the page at `page` and patch what is sensitive; false if the patch table is full. */
static bool scan_and_patch(struct vcpu *v, uint32_t page)
{
	const struct shadow_flat *f = &v->guest->flat;
	uint32_t *words = guest_ram_page_ptr(f, page);

	page_scan_begin(&scan, page);
	scan_neighbour_literals(f, page - PAGE_SIZE);
	page_scan_literals(&scan, words, page, PAGE_WORDS);
	scan_neighbour_literals(f, page + PAGE_SIZE);
	if (page_scan_classify(&scan, words)) {
		for (unsigned i = 0; i < PAGE_WORDS; i++) {
			if (scan.cls[i] == SENS_NONE)
				continue;
			uint32_t udf = patch_insert(&v->guest->patches, page + 4u * i, words[i], scan.cls[i]);
			if (!udf) {
				v->stop_reason = "patch table full (raise PATCH_TABLE_ENTRIES)";
				return false;
			}
			words[i] = udf;
			v->stats.patches[scan.cls[i]]++;
		}
	}
	cache_sync_icache((uintptr_t)words, PAGE_SIZE);
	v->stats.pages_scanned++;
	return true;
}

bool code_page_first_exec(struct vcpu *v, uint32_t gpa)
{
	uint32_t page = gpa & PAGE_MASK;

	/*
	 * Only code first run in a virtual privileged mode (always ARM: Thumb
	 * there is stopped before) is patched. In virtual User mode nothing is
	 * sensitive: every instruction behaves in the real PL0 as it would in
	 * the guest's User mode. And user pages may hold Thumb code anywhere,
	 * even after ARM code (busybox's ARM stubs), which scanning as ARM
	 * words would corrupt. A write from another page (the kernel reusing
	 * it, say for a module) turns it back into data, so what runs there
	 * in a privileged mode is scanned first.
	 */
	if (!vcpu_privileged(v)) {
		shadow_flat_make_user_code(&v->guest->flat, page);
		return true;
	}
	if (!scan_and_patch(v, page))
		return false;
	shadow_flat_make_code(&v->guest->flat, page);
	log_debug("code page 0x%08x scanned (%u patches in table)", page, patch_count(&v->guest->patches));
	return true;
}

static uint32_t code_store(void *ctx, uint32_t addr, unsigned size, bool write, uint32_t *value)
{
	struct vcpu *v = ctx;

	return write ? vmem_write(v, addr, size, *value) : vmem_read(v, addr, size, value);
}

enum emu_result code_page_write(struct vcpu *v, uint32_t insn, uint32_t writer_gpa, uint32_t target_gpa)
{
	uint32_t page = target_gpa & PAGE_MASK;

	if ((writer_gpa & PAGE_MASK) != page) {
		shadow_flat_make_data(&v->guest->flat, page);
		v->stats.code_pages_made_writable++;
		return EMU_DONE;
	}
	if (shadow_flat_page_is_user_code(&v->guest->flat, page)) {
		/* A user program writing its own page: nothing to patch, so let it. */
		shadow_flat_make_user_code_writable(&v->guest->flat, page);
		return EMU_DONE;
	}
	enum emu_result r = emulate_mem(v, insn, code_store, v);
	if (r == EMU_DONE) {
		v->stats.emulated_code_stores++;
		if (!scan_and_patch(v, page))
			return EMU_UNSUPPORTED;
	}
	return r;
}
