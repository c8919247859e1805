#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include "arch/arm/cp15.h"
#include "arch/arm/id_pfr1_bits.h"
#include "arch/arm/mmu.h"
#include "arch/arm/pgtable_bits.h"
#include "arch/arm/psr.h"
#include "arch/arm/trap_frame.h"
#include "board/board.h"
#include "dacr/domains.h"
#include "generated/config.h"
#include "hyp/cp15_hooks.h"
#include "hyp/format.h"
#include "hyp/guest.h"
#include "hyp/guest_image.h"
#include "hyp/guest_mmu.h"
#include "hyp/guest_set.h"
#include "hyp/irq_forward.h"
#include "hyp/log.h"
#include "hyp/patch.h"
#include "hyp/vcpu_frame.h"
#include "hyp/vgic_mmio.h"
#include "hyp/vmem.h"
#include "hyp/vtimer.h"

/* The ARM Linux boot protocol, as QEMU -kernel starts an image natively. */
#define GUEST_BOOT_CPSR (PSR_MODE_SVC | PSR_A | PSR_I | PSR_F)

void trap_enter_guest(const struct trap_frame *frame) __attribute__((noreturn));

const struct guest_mmio_device *guest_find_device(const struct guest *g, uint32_t gpa)
{
	for (unsigned i = 0; i < g->device_count; i++)
		if (gpa - g->devices[i].base < g->devices[i].size)
			return &g->devices[i];
	return NULL;
}

bool guest_is_passthrough(const struct guest *g, uint32_t gpa)
{
	if (!g->owns_devices)
		return false;
	for (unsigned i = 0; i < board.guest_passthrough_count; i++)
		if (gpa - board.guest_passthrough[i].base < board.guest_passthrough[i].size)
			return true;
	return false;
}

static void add_device(struct guest *g, const struct guest_mmio_device *dev)
{
	BUG_ON(g->device_count == GUEST_MAX_DEVICES);
	g->devices[g->device_count++] = *dev;
}

/* A board device whose state is each guest's own gets it here, zeroed. */
static void add_board_device(struct guest *g, const struct guest_mmio_device *dev)
{
	unsigned i = g->device_count;

	add_device(g, dev);
	if (dev->guest_state_size) {
		BUG_ON(dev->guest_state_size > sizeof(g->device_state[i]));
		memset(g->device_state[i], 0, sizeof(g->device_state[i]));
		g->devices[i].ctx = g->device_state[i];
	}
}

/* A line the guest wrote on its emulated console UART: the hypervisor's console, under its name. */
static void console_uart_line(void *ctx, const char *text)
{
	const struct guest *g = ctx;

	log_guest_line(g->name, text);
}

/* The emulated console UART's interrupt line, on the guest's interrupt controller. */
static void console_uart_irq(void *ctx, bool high)
{
	const struct guest *g = ctx;

	vintc_set_level(&g->vintc, board.guest_console_pl011_irq, high);
}

/*
 * The board's emulated devices, and its virtual interrupt controller where
 * the board puts it. A guest that does not own the board's devices gets an
 * emulated PL011 where the board's console UART is.
 */
static void setup_devices(struct guest *g)
{
	struct vgic_ident ident = { 0 };

	for (unsigned i = 0; i < board.guest_emulated_count; i++)
		add_board_device(g, &board.guest_emulated[i]);
	if (!g->owns_devices && board.guest_console_pl011) {
		console_tail_init(&g->console_tail);
		vpl011_init(&g->console_uart, console_uart_line, console_uart_irq, g, &g->console_tail);
		add_device(g, &(struct guest_mmio_device){
			.name = "pl011 (emulated)", .base = board.guest_console_pl011, .size = VPL011_SIZE,
			.read = vpl011_read, .write = vpl011_write, .ctx = &g->console_uart });
	}
	if (board.guest_a10_pic) {
		va10_pic_init(&g->va10_pic);
		add_device(g, &(struct guest_mmio_device){
			.name = "a10-pic", .base = board.guest_a10_pic, .size = VA10_PIC_SIZE,
			.read = va10_pic_read, .write = va10_pic_write, .ctx = &g->va10_pic });
		g->vintc = (struct vintc){ .ops = &va10_pic_vintc_ops, .state = &g->va10_pic };
	} else if (board.guest_omap3_intc) {
		vomap3_intc_init(&g->vomap3_intc);
		add_device(g, &(struct guest_mmio_device){
			.name = "omap3-intc", .base = board.guest_omap3_intc, .size = VOMAP3_INTC_SIZE,
			.read = vomap3_intc_read, .write = vomap3_intc_write, .ctx = &g->vomap3_intc });
		g->vintc = (struct vintc){ .ops = &vomap3_intc_vintc_ops, .state = &g->vomap3_intc };
	} else {
		if (board.guest_vgic.ident) {
			add_device(g, &(struct guest_mmio_device){
				.name = "vgic-dist", .base = board.guest_vgic.dist, .size = VGIC_DIST_SIZE,
				.read = vgic_mmio_dist_read, .write = vgic_mmio_dist_write, .ctx = &g->vgic });
			add_device(g, &(struct guest_mmio_device){
				.name = "vgic-cpu", .base = board.guest_vgic.cpu, .size = VGIC_CPU_SIZE,
				.read = vgic_mmio_cpu_read, .write = vgic_mmio_cpu_write, .ctx = &g->vgic });
			board.guest_vgic.ident(&ident);
		}
		vgic_init(&g->vgic, &ident);    /* without a virtual GIC, one that never signals */
		g->vintc = (struct vintc){ .ops = &vgic_vintc_ops, .state = &g->vgic };
	}
	if (board.guest_console.read && g->owns_devices) {
		struct guest_mmio_device console = board.guest_console;
		console_tail_init(&g->console_tail);
		console.ctx = &g->console_tail;
		add_device(g, &console);
	}
	vtimer_init(g);
	if (g->owns_devices)
		irq_forward_init(g);
}

/* While the image loads, the hypervisor's own table maps guest RAM at its guest-physical addresses. */
static void *guest_ram_ptr(uint32_t gpa)
{
	return (void *)(uintptr_t)gpa;
}

static uint64_t stage_pages(uint32_t size)
{
	return ((uint64_t)size + PAGE_SIZE - 1) & ~(uint64_t)(PAGE_SIZE - 1);
}

/* The guest's RAM size the stage asks for (0: the configured size), or why not. */
static const char *staged_ram_size(const struct stage_header *hdr, uint32_t *size)
{
	*size = hdr->magic == STAGE_MAGIC && hdr->ram_size ? hdr->ram_size : CONFIG_GUEST_RAM_SIZE;
	if (*size > CONFIG_GUEST_RAM_SIZE)
		return "guest RAM larger than this build allows (Kconfig GUEST_RAM_SIZE)";
	if (*size < SECTION_SIZE || *size % SECTION_SIZE)
		return "guest RAM size is not a whole number of MiB";
	return NULL;
}

/*
 * Is there RAM at host address `hpa`? A misplaced GUEST_RAM_HOST_ADDR (or
 * too little memory given to QEMU) would otherwise leave the guest running
 * on memory that forgets what it is told.
 */
static bool host_ram_holds(uint32_t hpa)
{
	volatile uint32_t *word = mmu_map_phys_page(hpa & PAGE_MASK);
	uint32_t saved = *word;
	bool holds;

	*word = ~saved;
	holds = *word == ~saved;
	*word = saved;
	return holds;
}

/*
 * Set up the guest's RAM at host address `ram_host` and load the image
 * staged at `hdr` (`stage_size` bytes from it are the guest's) into it.
 * The caller maps the staging area for the hypervisor while it is read.
 */
static const char *load_staged_image(struct guest *g, const struct stage_header *hdr, uint32_t stage_size,
				     uint32_t ram_host, struct guest_boot *boot)
{
	uint32_t hyp_base = hyp_virt_to_phys((void *)CONFIG_HYP_VA_BASE);
	const char *err;

	g->ram = (struct guest_memmap){ .gpa_base = board.ram_base, .hpa_base = ram_host };
	if ((err = staged_ram_size(hdr, &g->ram.size)))
		return err;
	if (!host_ram_holds(g->ram.hpa_base) || !host_ram_holds(g->ram.hpa_base + g->ram.size - 1))
		hyp_panic("%s: no RAM behind the guest's: host memory 0x%08x-0x%08x", g->name,
			  g->ram.hpa_base, g->ram.hpa_base + g->ram.size - 1);
	shadow_flat_init(&g->flat, &g->ram);
	mmu_map_hyp_at(g->ram.gpa_base, g->ram.hpa_base, g->ram.size);
	struct guest_image_limits lim = {
		.ram_base = g->ram.gpa_base,
		.ram_size = g->ram.size,
		.hyp_base = hyp_base,
		.hyp_size = CONFIG_HYP_RAM_SIZE,
	};
	if (hdr->magic == STAGE_MAGIC &&
	    STAGE_IMAGE_OFFSET + stage_pages(hdr->image_size) + stage_pages(hdr->dtb_size) +
	    (uint64_t)hdr->initrd_size > stage_size)
		err = "guest image, device tree and initrd larger than the staging area (GUEST_STAGE_SIZE)";
	else
		err = guest_image_load(hdr, (const uint8_t *)hdr + STAGE_IMAGE_OFFSET, &lim,
				       guest_ram_ptr, boot);
	mmu_unmap(g->ram.gpa_base, g->ram.size);
	return err;
}

/*
 * QEMU starts a Linux kernel in Non-secure state where the CPU has the
 * Security Extensions, an ELF image in Secure state. Non-secure without
 * the Virtualization Extensions, SCR.AW and SCR.FW (0 at reset, set only
 * from Secure state) keep CPSR.A and CPSR.F as they are: set, for good
 * (QEMU's Cortex-A8 runs Linux's user code so).
 */
static uint32_t fixed_cpsr_bits(const struct guest_boot *boot, const struct vcpu_id_regs *id)
{
	bool security = id->id_pfr[1] & ID_PFR1_SECURITY, virtualization = id->id_pfr[1] & ID_PFR1_VIRTUALIZATION;

	return boot->linux_kernel && security && !virtualization ? PSR_A | PSR_F : 0u;
}

/* `g` goes through `event` (hyp/guest_state.h); one its state does not allow is a hypervisor bug. */
static void guest_event(struct guest *g, enum guest_event event)
{
	enum guest_state next = guest_state_next(g->state, event, g->restarts, g->config.restarts);

	BUG_ON(next == g->state);
	g->state = next;
	/* The board's devices it owns are quiesced when it leaves running: their interrupts off, reset. */
	if (g->owns_devices && !guest_state_has_devices(next)) {
		irq_forward_release(g);
		for (unsigned i = 0; i < board.guest_passthrough_count; i++)
			if (board.guest_passthrough[i].reset)
				board.guest_passthrough[i].reset();
	}
}

bool guest_create(struct guest *g, const struct stage_header *hdr, uint32_t stage_size, uint32_t ram_host,
		  uint32_t boot_sctlr, const struct vcpu_id_regs *id)
{
	struct guest_boot boot;
	const char *err;

	guest_event(g, GUEST_EV_LOAD);
	if ((err = load_staged_image(g, hdr, stage_size, ram_host, &boot))) {
		log_error("%s: guest image refused: %s", g->name, err);
		guest_event(g, GUEST_EV_REFUSED);
		return false;
	}
	if (g->owns_devices)
		for (unsigned i = 0; i < board.guest_passthrough_count; i++)
			shadow_flat_map_device(&g->flat, board.guest_passthrough[i].base,
					       board.guest_passthrough[i].size);
	setup_devices(g);
	patch_table_reset(&g->patches);
	stubs_reset(g, &g->stub_store);
	guest_mmu_init(g);

	struct vcpu *v = &g->vcpu;
	vcpu_reset(v, boot.entry, board.machine_type, boot.dtb, GUEST_BOOT_CPSR);
	v->id = id;
	v->cpsr_fixed = fixed_cpsr_bits(&boot, id);
	v->debug = (struct vcpu_debug){ 0 };
	v->cp15 = (struct vcpu_cp15){
		.sctlr = boot_sctlr,
		.actlr = cp15_read_actlr(),
		.cpacr = cp15_read_cpacr(),
		.prrr = cp15_read_prrr(),
		.nmrr = cp15_read_nmrr(),
	};
	g->real = (struct guest_real_state){ 0 };       /* FPEXC.EN clear, the timer stopped: as at reset */
	log_info("%s: %s image, entry 0x%08x, RAM 0x%08x-0x%08x, dtb 0x%08x", g->name, boot.kind,
		 boot.entry, g->ram.gpa_base, g->ram.gpa_base + g->ram.size - 1, boot.dtb);
	if (g->ram.hpa_base != g->ram.gpa_base)
		log_info("%s: its RAM is host memory 0x%08x-0x%08x", g->name, g->ram.hpa_base,
			 g->ram.hpa_base + g->ram.size - 1);
	v->guest = g;
	guest_event(g, GUEST_EV_LOADED);
	return true;
}

void guest_load(struct guest *g)
{
	struct vcpu *v = &g->vcpu;

	cp15_write_tpidrprw((uint32_t)(uintptr_t)v);     /* hyp_trap()'s running vCPU */
	cp15_write_tpidrurw(g->real.tpidrurw);
	cp15_hook_tpidruro_changed(v);
	cp15_hook_cpacr_changed(v);     /* shut unless it holds the floating-point registers */
	vtimer_switch_in(g);
	guest_mmu_resume(g);
}

void guest_enter(struct guest *g)
{
	static struct trap_frame entry;

	vcpu_to_frame(&g->vcpu, &entry);
	trap_enter_guest(&entry);
}

/* One log line built piece by piece. */
static char line[160];
static unsigned line_len;

static void line_putc(char c)
{
	if (line_len < sizeof(line) - 1)
		line[line_len++] = c;
	line[line_len] = 0;
}

static void line_append(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	format_v(line_putc, fmt, ap);
	va_end(ap);
}

static void print_stats(const struct guest *g)
{
	const struct vcpu_stats *s = &g->vcpu.stats;

	log_info("%s: traps undef=%u svc=%u pabt=%u dabt=%u irq=%u fiq=%u; got the core %u times, "
		 "the floating-point registers %u times", g->name, s->traps_undef, s->traps_svc, s->traps_pabt,
		 s->traps_dabt, s->traps_irq, s->traps_fiq, g->switched_in, g->vfp_loads);
	line_len = 0;
	for (unsigned c = SENS_NONE + 1; c < SENS_CLASS_COUNT; c++)
		line_append(" %s=%u", sens_class_name(c), s->patches[c]);
	log_info("%s: patches%s", g->name, line);
	line_len = 0;
	for (unsigned c = SENS_NONE + 1; c < SENS_CLASS_COUNT; c++)
		line_append(" %s=%u", sens_class_name(c), s->emulated_sensitive[c]);
	log_info("%s: emulated by class%s", g->name, line);
	uint32_t emulated = 0;
	for (unsigned c = 0; c < SENS_CLASS_COUNT; c++)
		emulated += s->emulated_sensitive[c];
	log_info("%s: emulated sensitive=%u cp15=%u mmio=%u code_stores=%u; "
		 "pages scanned=%u made_writable=%u; virtual exceptions=%u (irq %u)", g->name, emulated,
		 s->emulated_cp15, s->emulated_mmio, s->emulated_code_stores,
		 s->pages_scanned, s->code_pages_made_writable, s->virtual_exceptions, s->virtual_irqs);
#ifdef CONFIG_TRAP_FREE_STUBS
	const struct stub_stats *st = &g->stubs.stats;
	log_info("%s: stubs made=%u (at copies of patched words=%u) reverted=%u%s windows=%u window conflicts=%u "
		 "alias pages=%u out of range=%u user-mode runs=%u aborts=%u", g->name, st->made, st->copies,
		 st->reverted, g->stubs.full ? " (full)" : "", st->windows, st->conflicts, st->alias_pages,
		 st->out_of_range, st->user_mode_runs, st->aborts);
#endif
	struct shadow_stats sh = { 0 };
	for (unsigned i = 0; i < SHADOW_ROOT_SLOTS; i++) {
		const struct shadow_stats *r = &g->mmu.root[i].s.stats;
		sh.fills += r->fills;
		sh.l2_allocs += r->l2_allocs;
		sh.l2_evictions += r->l2_evictions;
		sh.l2_drops += r->l2_drops;
		sh.l1_iterations += r->l1_iterations;
		sh.class_conversions += r->class_conversions;
		sh.seeded += r->seeded;
	}
	if (sh.fills)
		log_info("%s: shadow fills=%u l2 allocs=%u evictions=%u drops=%u l1 iterations=%u "
			 "class conversions=%u seeded tables=%u; roots switches=%u hits=%u retagged=%u half-switches=%u scratch=%u view switches=%u; table pages tracked=%u "
			 "writes=%u unprotected=%u protected again=%u resynced=%u; frame forgets one=%u all=%u "
			 "(records reused=%u); TLBIALL kept the roots=%u dropped them=%u; "
			 "translation store hits=%u misses=%u",
			 g->name, sh.fills,
			 sh.l2_allocs, sh.l2_evictions, sh.l2_drops, sh.l1_iterations,
			 sh.class_conversions, sh.seeded, g->mmu.root_switches, g->mmu.root_hits, g->mmu.root_retags, g->mmu.half_switches, g->mmu.scratch_uses,
			 g->mmu.view_switches,
			 g->mmu.tracked_pages, g->mmu.tracked_writes, g->mmu.tables_unprotected,
			 g->mmu.tables_protected_again, g->mmu.resynced_descriptors, g->mmu.frame_forget_one,
			 g->mmu.frame_forget_all, g->mmu.frame_records_reused, g->mmu.tlb_all_kept, g->mmu.tlb_all_dropped,
			 g->vcpu.xlate.hits,
			 g->vcpu.xlate.misses);
}

void guest_end(struct guest *g, const char *how)
{
	log_info("%s: ended: %s", g->name, how);
	print_stats(g);
	guest_event(g, GUEST_EV_POWER_OFF);
	guest_set_leave(g);
}

void guest_reset(struct guest *g)
{
	log_info("%s: reset requested", g->name);
	print_stats(g);
	guest_event(g, GUEST_EV_RESET);
	guest_set_leave(g);
}

void guest_stop(struct guest *g, const char *reason, uint32_t pc)
{
	uint32_t insn, gpa;

	log_error("%s: stopped: %s", g->name, reason);
	if (!guest_mmu_translate(&g->vcpu, pc & ~1u, GUEST_READ, &gpa) && shadow_flat_is_ram(&g->flat, gpa, 4) &&
	    !vmem_read(&g->vcpu, pc & ~1u, 4, &insn))
		log_error("%s: pc=0x%08x insn=0x%08x cpsr=0x%08x", g->name, pc, insn, g->vcpu.cpsr);
	else
		log_error("%s: pc=0x%08x (not in guest RAM) cpsr=0x%08x", g->name, pc, g->vcpu.cpsr);
	print_stats(g);
	guest_event(g, GUEST_EV_STOP);
	guest_set_leave(g);
}

void guest_halted(struct guest *g, uint32_t pc)
{
	/* Its console is watched where the board has it so, or where it is the emulated PL011. */
	bool watched = g->owns_devices ? board.guest_console.read != NULL : board.guest_console_pl011 != 0;

	log_info("%s: halted at pc=0x%08x (a branch to itself with interrupts masked)", g->name, pc);
	if (!watched)
		guest_stop(g, "halted (its console is not watched on this board: whether it asked to is not known)",
			   pc);
	const char *line = console_tail_line(&g->console_tail);
	if (line[0])
		log_info("%s: its last console line: \"%s\"", g->name, line);
	else
		log_info("%s: it wrote nothing on its console", g->name);
	if (console_tail_ends_with(&g->console_tail, CONFIG_GUEST_HALT_LINE))
		guest_end(g, "halted");
	guest_stop(g, "halted without saying \"" CONFIG_GUEST_HALT_LINE "\" first", pc);
}
