/*
 * Everything the guest does that the hardware will not let it do in PL0
 * arrives here: hyp_trap() is called by arch/arm/vectors.S with the saved
 * User-mode registers. It updates the vCPU, handles the trap, and returns
 * to the (possibly changed) guest state.
 */
#include <stddef.h>

#include "arch/arm/cp15.h"
#include "arch/arm/cpacr_bits.h"
#include "arch/arm/fsr_bits.h"
#include "arch/arm/guest_word.h"
#include "arch/arm/pgtable_bits.h"
#include "arch/arm/psr.h"
#include "arch/arm/trap_frame.h"
#include "board/board.h"
#include "generated/config.h"
#include "hyp/code_pages.h"
#include "hyp/cp15_hooks.h"
#include "hyp/emulate.h"
#include "hyp/emulate_mem.h"
#include "hyp/emulate_psci.h"
#include "hyp/fast_trap.h"
#include "hyp/guest.h"
#include "hyp/guest_halt.h"
#include "hyp/guest_mmu.h"
#include "hyp/guest_set.h"
#include "hyp/guest_tables.h"
#include "hyp/irq_forward.h"
#include "hyp/log.h"
#include "hyp/panic.h"
#include "hyp/patch.h"
#include "hyp/vcpu_frame.h"
#include "hyp/vexc.h"
#include "hyp/vfp_owner.h"
#include "hyp/vmem.h"
#include "hyp/vtimer.h"
#include "shadow_pt/flat.h"

#define INSN_COPROC(i)          (((i) >> 8) & 0xfu)
#define INSN_IS_SMC(i)          (((i) & 0x0ff000f0u) == 0x01600070u)
#define INSN_SEMIHOSTING        0xef123456u     /* SVC 0x123456 (ARM state, AL): ARM DUI 0471 */
#define SEMIHOSTING_SYS_EXIT    0x18u
#define ADP_STOPPED_APPLICATION_EXIT 0x20026u

/*
 * The guest-physical address of the instruction at the PC, which trapped:
 * where the shadow says the fetch went, else by a walk of the guest's
 * tables. False outside guest RAM.
 */
static bool pc_gpa(struct guest *g, uint32_t *gpa)
{
	struct vcpu *v = &g->vcpu;

	if (!guest_mmu_fetched_from(g, v->r[15], gpa) &&
	    vmem_translate(v, v->r[15], GUEST_EXEC, gpa))
		return false;
	return shadow_flat_is_ram(&g->flat, *gpa, 4);
}

/*
 * The ARM instruction at `pc` that just trapped or faulted on its data
 * access, read at trap entry, as the guest fetched it: guest_load_word()
 * through the translation the guest runs with (its fetch needed PL0 read
 * permission there, B3.7.1), with no walk of the guest's tables and no
 * mapping of guest RAM. QEMU 7.2 can run code whose translation it was
 * told to forget (TLBIMVA, page offsets 0x400-0xfff): that load then
 * faults, and the guest's tables are walked instead. False outside guest
 * RAM.
 */
static bool read_trapped_insn(struct guest *g, uint32_t pc, uint32_t *insn)
{
	uint32_t gpa;

	if (guest_load_word(pc, insn))
		return true;
	return !vmem_translate(&g->vcpu, pc, GUEST_EXEC, &gpa) && guest_ram_read_word(&g->flat, gpa, insn);
}

/* The ARM instruction that trapped, read at entry; false in Thumb state or outside guest RAM. */
static bool fetch_arm_insn(const struct guest *g, uint32_t *insn)
{
	*insn = g->vcpu.trap_insn;
	return g->vcpu.trap_insn_read;
}

static void deliver_data_abort(struct vcpu *v, uint32_t fsr, uint32_t far)
{
	v->cp15.dfsr = fsr;
	v->cp15.dfar = far;
	vexc_take(v, VEXC_DABT, v->r[15]);
}

/* Act on an emulator's verdict for the instruction at v->r[15]. */
static void finish_emulation(struct vcpu *v, enum emu_result r, const char *what)
{
	switch (r) {
	case EMU_DONE:
		break;
	case EMU_UNDEF:
		vexc_take(v, VEXC_UNDEF, v->r[15]);
		break;
	case EMU_DATA_ABORT:
		deliver_data_abort(v, v->fault_fsr, v->fault_far);
		break;
	case EMU_UNSUPPORTED:
		if (!v->stop_reason)
			v->stop_reason = what;
		break;
	}
}

/* A guest's HVC: a PSCI call (hyp/emulate_psci.h), and what it asks of the guest's life. */
static void psci_call(struct guest *g, uint32_t insn)
{
	enum psci_request request;

	finish_emulation(&g->vcpu, emulate_psci(&g->vcpu, insn, &request), "PSCI call not emulated");
	if (request == PSCI_REQ_SYSTEM_OFF)
		guest_end(g, "powered off");
	if (request == PSCI_REQ_SYSTEM_RESET)
		guest_reset(g);
	if (request == PSCI_REQ_CPU_OFF)
		guest_end(g, "turned its only CPU off");
}

/*
 * A guest's semihosting SYS_EXIT from a virtual privileged mode, on boards
 * whose guests end that way: the guest ends. False for every other SVC
 * (the guest's own).
 */
static bool semihosting_exit(struct guest *g)
{
	struct vcpu *v = &g->vcpu;
	uint32_t insn;

	if (!board.guest_semihosting_exit || (v->cpsr & PSR_T) || !vcpu_privileged(v) ||
	    v->r[0] != SEMIHOSTING_SYS_EXIT || !guest_load_word(v->r[15], &insn) || insn != INSN_SEMIHOSTING)
		return false;
	if (v->r[1] == ADP_STOPPED_APPLICATION_EXIT)
		guest_end(g, "exited (semihosting SYS_EXIT)");
	v->stop_reason = "exited with a failure (semihosting SYS_EXIT)";
	return true;
}

/*
 * A floating-point instruction (or, in Thumb code, any undefined one) in a
 * guest that granted itself CP10/CP11 but does not hold the registers: they
 * change hands, and the instruction runs again (hyp/vfp_owner.h).
 */
static bool vfp_handover(struct guest *g)
{
	return (g->vcpu.cp15.cpacr & CPACR_CP10_CP11_FULL) && vfp_take(g);
}

static void handle_undef(struct guest *g)
{
	struct vcpu *v = &g->vcpu;
	uint32_t insn;
	const struct patch_entry *p;
	enum emu_result r;

	v->stats.traps_undef++;
	if (v->cpsr & PSR_T) {
		if (vcpu_privileged(v))
			v->stop_reason = "Thumb code in a privileged mode is not supported";
		else if (!vfp_handover(g))
			vexc_take(v, VEXC_UNDEF, v->r[15]);
		return;
	}
	if (!fetch_arm_insn(g, &insn)) {
		v->stop_reason = "undefined instruction outside guest RAM";
		return;
	}
	if (insn_uses_vfp_arm(insn) && vfp_handover(g))
		return;
	if ((p = patch_lookup(&g->patches, insn))) {
		finish_emulation(v, emulate_sensitive(v, p->orig, p->cls), "sensitive instruction not emulated");
	} else if (insn_is_coproc(insn) && INSN_COPROC(insn) == 15 && insn_cond(insn) != 0xfu) {
		finish_emulation(v, emulate_cp15(v, insn), "CP15 operation not emulated");
	} else if (insn_is_coproc(insn) && INSN_COPROC(insn) == 10 &&
		   (r = emulate_vfp_sysreg(v, insn)) != EMU_UNSUPPORTED) {
		finish_emulation(v, r, "VFP system register access not emulated");
	} else if (insn_is_coproc(insn) && INSN_COPROC(insn) == 14) {
		finish_emulation(v, emulate_cp14(v, insn), "CP14 operation not emulated");
	} else if (board.guest_psci && (insn & INSN_HVC_MASK) == INSN_HVC) {
		psci_call(g, insn);
	} else if (vcpu_privileged(v) && INSN_IS_SMC(insn)) {
		v->stop_reason = "SMC (secure monitor call) is not emulated";
	} else {
		vexc_take(v, VEXC_UNDEF, v->r[15]);     /* undefined natively too */
	}
}

/* First execution of a guest RAM page: scan and patch it (false: the guest must stop). */
static bool first_exec(struct vcpu *v, uint32_t gpa)
{
	if ((v->cpsr & PSR_T) && vcpu_privileged(v)) {
		v->stop_reason = "Thumb code in a privileged mode is not supported";
		return false;
	}
	return code_page_first_exec(v, gpa);
}

/* Prefetch abort with the guest's MMU on. */
static bool guest_mmu_pabt(struct guest *g, uint32_t va)
{
	struct vcpu *v = &g->vcpu;
	struct guest_walk_result w;
	uint32_t fsr = guest_mmu_check(v, va, GUEST_EXEC, &w);

	if (v->stop_reason)
		return false;
	if (fsr && va == vexc_vector(v, VEXC_PABT)) {
		/* Natively the core would take this abort at this same address forever. */
		v->stop_reason = "its prefetch abort vector cannot be fetched (it would abort forever)";
		return false;
	}
	if (fsr) {
		v->cp15.ifsr = fsr;
		v->cp15.ifar = va;
		vexc_take(v, VEXC_PABT, v->r[15]);
		return false;
	}
	if (!shadow_flat_is_ram(&g->flat, w.pa, 4)) {
		v->stop_reason = "executes outside guest RAM";
		return false;
	}
	if (shadow_flat_page_is_data(&g->flat, w.pa)) {
		if (first_exec(v, w.pa))
			guest_mmu_forget_frame(g, w.pa);        /* mapped execute-never as data */
		return true;
	}
	if (!guest_mmu_fill(g, va, &w, false))
		v->stop_reason = "executes in the hypervisor's virtual window";
	return true;
}

/* Returns true when the fault was the hypervisor's own business (resolved silently). */
static bool handle_pabt(struct guest *g)
{
	struct vcpu *v = &g->vcpu;
	uint32_t ifsr = cp15_read_ifsr(), ifar = cp15_read_ifar();

	v->stats.traps_pabt++;
	if (fsr_status(ifsr) == FS_DEBUG) {             /* BKPT: the guest's own debug event */
		v->cp15.ifsr = ifsr;
		v->cp15.ifar = ifar;
		vexc_take(v, VEXC_PABT, v->r[15]);
		return false;
	}
	if (guest_mmu_on(v))
		return guest_mmu_pabt(g, ifar);
	if (!shadow_flat_is_ram(&g->flat, ifar, 4)) {
		/* Natively the core would fetch zeros from the bus forever: stop instead. */
		v->stop_reason = "executes outside guest RAM";
		return false;
	}
	if (fsr_status(ifsr) == FS_PERM_PAGE && shadow_flat_page_is_data(&g->flat, ifar)) {
		first_exec(v, ifar);
		return true;
	}
	v->stop_reason = "unexpected prefetch abort in guest RAM";
	return false;
}

struct bus_ctx {
	struct guest *g;
	enum mmio_result result;
};

/*
 * An access the hypervisor performs for the guest: through the guest's MMU,
 * then to an emulated device, to RAM, or to nothing (as the board does:
 * reads as zero, or a synchronous external abort).
 */
static uint32_t bus_access(void *opaque, uint32_t va, unsigned size, bool write, uint32_t *value)
{
	struct bus_ctx *ctx = opaque;
	struct vcpu *v = &ctx->g->vcpu;
	const struct guest_mmio_device *dev;
	uint32_t gpa, fsr;

	if ((fsr = vmem_translate(v, va, write ? GUEST_WRITE : GUEST_READ, &gpa)))
		return fsr;
	if ((dev = guest_find_device(ctx->g, gpa))) {
		v->stats.emulated_mmio++;
		ctx->result = write ? dev->write(dev->ctx, gpa - dev->base, size, *value)
				    : dev->read(dev->ctx, gpa - dev->base, size, value);
		return 0;
	}
	if (board.unassigned_aborts && !shadow_flat_is_ram(&ctx->g->flat, gpa, size))
		return fsr_make(FS_SYNC_EXTERNAL);
	return write ? vmem_write(v, va, size, *value) : vmem_read(v, va, size, value);
}

/* Perform the faulting load or store for the guest (devices, unassigned addresses). */
static void emulate_access(struct guest *g)
{
	struct vcpu *v = &g->vcpu;
	struct bus_ctx ctx = { .g = g, .result = MMIO_DONE };
	uint32_t insn;

	if (!fetch_arm_insn(g, &insn)) {
		v->stop_reason = "device or unassigned access from Thumb code";
		return;
	}
	finish_emulation(v, emulate_mem(v, insn, bus_access, &ctx),
			 "device or unassigned access by an instruction that is not emulated");
	if (ctx.result == MMIO_GUEST_POWEROFF)
		guest_end(g, "powered off");
	if (ctx.result == MMIO_GUEST_RESET)
		guest_reset(g);
}

/* A write to a scanned code page at `target_gpa`. */
static void code_write(struct guest *g, uint32_t target_gpa)
{
	struct vcpu *v = &g->vcpu;
	uint32_t insn = 0, writer_gpa;

	if (!pc_gpa(g, &writer_gpa)) {
		v->stop_reason = "store to a code page from outside guest RAM";
		return;
	}
	/* Only a store from a patched page into itself is performed here, so only then is it decoded. */
	if ((writer_gpa & PAGE_MASK) == (target_gpa & PAGE_MASK) && shadow_flat_page_is_code(&g->flat, target_gpa) &&
	    !fetch_arm_insn(g, &insn)) {
		v->stop_reason = "store into its own code page from Thumb code";
		return;
	}
	finish_emulation(v, code_page_write(v, insn, writer_gpa, target_gpa),
			 "store into its own code page by an instruction that is not emulated");
	if (!shadow_flat_page_catches_writes(&g->flat, target_gpa))
		guest_mmu_forget_frame(g, target_gpa);  /* mapped read-only or executable */
}

/* The walk for a data abort at `va`, in g->dabt_walk, unless the fast path did it in this trap. */
static const struct dabt_walk *dabt_walk(struct guest *g, uint32_t va, enum guest_access access)
{
	struct dabt_walk *d = &g->dabt_walk;

	if (!d->valid || d->va != va) {
		d->fsr = guest_mmu_check(&g->vcpu, va, access, &d->w);
		d->va = va;
	}
	return d;
}

/* Data abort with the guest's MMU on. Returns true when resolved silently; false: continue. */
static bool guest_mmu_dabt(struct guest *g, uint32_t va, bool write, bool *emulate)
{
	struct vcpu *v = &g->vcpu;
	enum guest_access access = write ? GUEST_WRITE : GUEST_READ;
	const struct dabt_walk *d = dabt_walk(g, va, access);
	const struct guest_walk_result *w = &d->w;
	uint32_t fsr = d->fsr;

	/* Emulating the access below finds this translation instead of walking again. */
	xlate_store_add(&v->xlate, va, access, w->pa, fsr);
	*emulate = false;
	if (v->stop_reason)
		return false;
	if (fsr) {
		deliver_data_abort(v, fsr | (write ? FSR_WNR : 0u), va);
		return false;
	}
	if (shadow_flat_in_ram(&g->flat, w->pa)) {
		if (write && shadow_flat_page_catches_writes(&g->flat, w->pa)) {
			code_write(g, w->pa);
			return true;
		}
		if (write && guest_tables_protected(g, w->pa) && !guest_tables_unprotect(g, w->pa)) {
			emulate_access(g);      /* the store, then the shadow it changes is forgotten */
			return false;
		}
		if (guest_mmu_fill(g, va, w, false))
			return true;
	} else if (guest_is_passthrough(g, w->pa) && guest_mmu_fill(g, va, w, true)) {
		return true;
	}
	*emulate = true;        /* a device, nothing, or the hypervisor's window */
	return false;
}

static bool handle_dabt(struct guest *g, uint32_t dfsr, uint32_t dfar)
{
	struct vcpu *v = &g->vcpu;
	uint32_t status = fsr_status(dfsr);
	bool emulate;

	v->stats.traps_dabt++;
	if (status == FS_ALIGNMENT) {
		deliver_data_abort(v, dfsr & (FSR_FS_LOW_MASK | FSR_FS4 | FSR_WNR), dfar);
		return false;
	}
	if (guest_mmu_on(v)) {
		if (guest_mmu_dabt(g, dfar, dfsr & FSR_WNR, &emulate))
			return true;
		if (emulate)
			emulate_access(g);
		return false;
	}
	if (shadow_flat_in_ram(&g->flat, dfar)) {
		if (status == FS_PERM_PAGE && (dfsr & FSR_WNR) && shadow_flat_page_catches_writes(&g->flat, dfar)) {
			code_write(g, dfar);
			return true;
		}
		v->stop_reason = "unexpected data abort in guest RAM";
		return false;
	}
	/*
	 * An emulated device, or nothing for the guest (no RAM, no device, or
	 * the hypervisor's window): nothing there behaves as natively on the
	 * board (bus_access), without ever touching what the hypervisor maps.
	 */
	emulate_access(g);
	return false;
}

/*
 * On the hypervisor's tick: has the guest halted (hyp/guest_halt.h)? Its
 * PC and CPSR are the interrupted instruction's.
 */
static bool halted(struct guest *g)
{
	struct vcpu *v = &g->vcpu;
	uint32_t pc = v->r[15], insn, second = 0;

	if (!(v->cpsr & PSR_I))
		return false;
	if (!(v->cpsr & PSR_T))
		return !vmem_read(v, pc, 4, &insn) && insn_branches_to_itself(insn, false);
	if (vmem_read(v, pc, 2, &insn))
		return false;
	vmem_read(v, pc + 2u, 2, &second);      /* past the end of guest RAM: a 16-bit B decides */
	return insn_branches_to_itself(insn | second << 16, true);
}

bool hyp_take_irq(struct guest_set *s)
{
	uint32_t token;
	unsigned id = board.irqchip->ack(&token);
	struct guest *owner;
	bool tick = false;

	if (id == BOARD_IRQ_NONE)
		return false;
	if (id == board.tick.irq) {
		tick = board.tick.rearm();      /* else a guest's timer deadline (guest_set.c) */
	} else if (board.guest_vtimer_irq && id == board.guest_vtimer_irq && s->running) {
		vtimer_interrupt(s->running);   /* the real virtual timer is the running guest's */
	} else if (!(owner = guest_set_device_owner(s)) || !irq_forward_interrupt(owner, id)) {
		log_warn("unexpected interrupt %u", id);
	}
	board.irqchip->end(token);
	return tick;
}

/* An interrupt while `g` ran: the guest that runs next, `g` or another one (hyp/guest_set.h). */
static struct guest *handle_irq(struct guest *g)
{
	g->vcpu.stats.traps_irq++;
	if (!hyp_take_irq(g->set))
		return guest_set_interrupted(g);
	if (halted(g))
		guest_halted(g, g->vcpu.r[15]);
	return guest_set_tick(g);
}

/* After an emulated WFI: `g` goes on if an interrupt is signalled for it, else waits for one. */
static struct guest *wait_for_interrupt(struct guest *g)
{
	g->vcpu.wfi = false;
	return vintc_signalled(&g->vintc) ? g : guest_set_wait(g);
}

/* Before resuming the guest: take a virtual IRQ if its GIC signals one and CPSR.I allows. */
static void deliver_pending_irq(struct guest *g)
{
	struct vcpu *v = &g->vcpu;

	vtimer_sync(g);
	irq_forward_sync(g);
	if (!(v->cpsr & PSR_I) && vintc_signalled(&g->vintc)) {
		v->stats.virtual_irqs++;
		vexc_take(v, VEXC_IRQ, v->r[15]);
	}
}

/* Whether a fault at `pc` and `far` repeats one of the last two silently resolved ones. */
static bool fault_seen(const struct guest *g, uint32_t pc, uint32_t far)
{
	return pc == g->last_fault_pc && (far == g->last_fault_far || far == g->prev_fault_far);
}

/*
 * Stop a guest that takes the same silently resolved faults again and
 * again: one PC (`pc`: where the guest resumes), and an address it faulted
 * on just before (one address, or two that evict each other). A loop
 * filling page after page faults at one PC too, but at a new address each
 * time.
 */
static void note_fault(struct guest *g, uint32_t pc, bool silent, uint32_t far)
{
	if (!silent || !fault_seen(g, pc, far))
		g->fault_repeats = 0;
	else if (++g->fault_repeats >= CONFIG_FAULT_LOOP_LIMIT)
		g->vcpu.stop_reason = "loops in faults at one PC (no progress)";
	g->last_fault_pc = silent ? pc : ~0u;
	if (far != g->last_fault_far) {
		g->prev_fault_far = g->last_fault_far;
		g->last_fault_far = far;
	}
}

#if defined(CONFIG_FAST_TRAP_DATA_ABORT) || defined(CONFIG_FAST_TRAP_PREFETCH_ABORT)
/* Would a silently resolved fault at `pc` and `far` make note_fault() stop the guest? (The general path's.) */
static bool fault_would_stop(const struct guest *g, uint32_t pc, uint32_t far)
{
	return fault_seen(g, pc, far) && g->fault_repeats + 1u >= CONFIG_FAULT_LOOP_LIMIT;
}
#endif

#ifdef CONFIG_FAST_TRAP_CP15
/*
 * The guest's TLB maintenance MCR on the CP15 fast path. It may find the
 * guest mapping a stub window, and then every stub goes
 * (stubs_settle()). A guest that changes a translation and faults on it
 * again at one PC makes progress: the fault loop count (note_fault())
 * starts again.
 */
static __attribute__((noinline)) void tlb_maintenance(struct guest *g, struct trap_frame *f)
{
	struct vcpu *v = &g->vcpu;

	cp15_hook_tlb(v, emulate_cp15_tlb_op_of(v->trap_insn), f->r[INSN_RT(v->trap_insn)]);
	stubs_settle(g, &g->stubs, v, f, TRAP_UNDEF);
	g->fault_repeats = 0;
}

static bool fast_cp15(struct guest *g, struct trap_frame *f)
{
	struct vcpu *v = &g->vcpu;
	uint32_t insn = v->trap_insn;
	enum fast_trap fast = fast_trap_undef(v, f, insn);

	if (fast == FAST_TRAP_NONE)
		return false;
	v->stats.emulated_cp15++;
	v->stats.traps_undef++;
	if (fast == FAST_TRAP_DACR_WRITTEN) {
		guest_mmu_dacr_written(g);
		stubs_cp15_written(&g->stubs, STUB_DATA_DACR, v->cp15.dacr);
	} else if (fast == FAST_TRAP_DONE && !(insn & INSN_MRC) && INSN_CRN(insn) != 7u) {
		stubs_cp15_copies(&g->stubs, v);       /* TPIDRPRW or a fault register: written fast too */
	}
	if (fast == FAST_TRAP_TPIDRURO_WRITTEN)
		cp15_hook_tpidruro_changed(v);
	if (fast == FAST_TRAP_ICACHE_INVALIDATED)
		cp15_hook_icache_invalidate(v);
	if (fast == FAST_TRAP_TLB_MAINTENANCE)
		tlb_maintenance(g, f);
	/* A read the data page holds, or data cache maintenance: a stub at the site from now on. */
	if (fast == FAST_TRAP_DONE &&
	    ((insn & INSN_MRC) ? stub_cp15_read_word(insn) != 0 : stub_cp15_nothing_to_do(insn)))
		stubs_try_make_cp15(g, insn, f->pc - 4u, f->cpsr);
	return true;
}
#endif

/* Which patched instructions the fast paths take, by the configuration. */
static bool fast_sensitive_class(enum sens_class cls)
{
	bool eret = cls == SENS_DP_ERET;

	(void)eret;
#ifdef CONFIG_FAST_TRAP_MODE_SWITCH
	if (eret)
		return true;
#endif
#ifdef CONFIG_FAST_TRAP_SENSITIVE
	if (!eret)
		return true;
#endif
	return false;
}

/* The patch entry `p` of the trapping UDF (NULL: not a patch's). */
static bool fast_sensitive(struct guest *g, struct trap_frame *f, const struct patch_entry *p)
{
	struct vcpu *v = &g->vcpu;
	uint32_t site_va = f->pc - 4u;

	if (!p || !fast_sensitive_class(p->cls))
		return false;
	if (p->cls == SENS_LDM_USER || p->cls == SENS_STM_USER) {
		/* Its words are accessed through the translation the guest runs with: the current mode's? */
		if (!guest_mmu_runs_mode(g, vcpu_privileged(v)) ||
		    fast_trap_user_regs(v, f, p->orig, p->cls) == FAST_TRAP_NONE)
			return false;
	} else if (fast_trap_sensitive(v, f, p->orig, p->cls, &g->vintc) == FAST_TRAP_NONE) {
		return false;
	}
	v->stats.emulated_sensitive[p->cls]++;
	if (!v->trap_insn_from_stub && stub_supported(p->orig, (enum sens_class)p->cls))
		stubs_try_make(g, p, site_va, f->cpsr);
	return true;
}

/* The fast paths (hyp/fast_trap.h), on the frame; false: the general path handles it. */
static bool fast_coproc(struct guest *g, struct trap_frame *f)
{
#ifdef CONFIG_FAST_TRAP_CP15
	return fast_cp15(g, f);
#else
	(void)g, (void)f;
	return false;
#endif
}

static bool fast_undef(struct guest *g, struct trap_frame *f, const struct patch_entry *p)
{
	if (!fast_sensitive(g, f, p))   /* a patch is a UDF */
		return false;
	g->vcpu.stats.traps_undef++;
	return true;
}

static bool fast_svc(struct guest *g, struct trap_frame *f)
{
#ifdef CONFIG_FAST_TRAP_MODE_SWITCH
	if (fast_trap_svc(&g->vcpu, f) == FAST_TRAP_NONE)
		return false;
	g->vcpu.stats.traps_svc++;
	return true;
#else
	(void)g, (void)f;
	return false;
#endif
}

/* After a trap: the shadow view and the guest's timer access follow a change of privilege. */
static void follow_privilege(struct guest *g, bool was_privileged)
{
	if (vcpu_privileged(&g->vcpu) != was_privileged) {
		guest_mmu_sync(g);
		vtimer_follow_mode(g);
	}
}

/* The running vCPU: PL1's thread register, which guests never see (theirs is virtual). */
static struct vcpu *running_vcpu(void)
{
	return (struct vcpu *)(uintptr_t)cp15_read_tpidrprw();
}

void hyp_trap(struct trap_frame *f, unsigned kind);

#ifdef CONFIG_FAST_TRAP_DATA_ABORT
bool hyp_dabt_fast(struct trap_frame *f);

/* The guest's own tables fault its access (`fsr`, at `far`): it takes its data abort here. */
static bool data_abort_for_guest(struct guest *g, struct trap_frame *f, uint32_t fsr, uint32_t far)
{
	struct vcpu *v = &g->vcpu;
	bool privileged = vcpu_privileged(v);   /* the mode the shadow view and CNTKCTL follow */
	uint32_t unused;

	stubs_enter(&g->stubs, v, f, TRAP_DABT, &unused);      /* not in a window: syncs the CPSR only */
	if (fast_trap_data_abort(v, f, fsr, far) == FAST_TRAP_NONE)
		return false;
	g->dabt_walk.valid = false;
	follow_privilege(g, privileged);
	stubs_cp15_copies(&g->stubs, v);       /* DFSR and DFAR */
	stubs_leave(g, &g->stubs, v);
	v->stats.traps_dabt++;
	note_fault(g, f->pc, false, far);
	return true;
}

/*
 * A data abort that only needs a shadow entry, as most do: a translation
 * fault where the guest's tables allow the access, to RAM the hypervisor
 * does not watch for writes; or a translation, permission or domain fault
 * that the guest's tables give too (a page fault, a copy-on-write fault
 * for the guest's kernel), which the guest takes at once. Every other
 * case is the general path's, which uses the walk done here
 * (g->dabt_walk), and so is the repeated fault that makes note_fault()
 * stop the guest. Called by arch/arm/vectors.S first for every Data Abort
 * trap from the guest.
 */
bool hyp_dabt_fast(struct trap_frame *f)
{
	struct vcpu *v = running_vcpu();
	struct guest *g = v->guest;
	struct dabt_walk *d = &g->dabt_walk;
	uint32_t dfsr = cp15_read_dfsr(), va = cp15_read_dfar(), status = fsr_status(dfsr);
	bool write = dfsr & FSR_WNR;
	bool translation = status == FS_TRANS_SECTION || status == FS_TRANS_PAGE;
	bool permission = status == FS_PERM_SECTION || status == FS_PERM_PAGE || status == FS_DOMAIN_SECTION ||
			  status == FS_DOMAIN_PAGE;     /* the guest's, or the hypervisor's restriction */

	if (!guest_mmu_on(v) || !(translation || permission) || stubs_pc_in_window(&g->stubs, f->pc) ||
	    fault_would_stop(g, f->pc, va))
		return false;
	d->fsr = guest_mmu_check(v, va, write ? GUEST_WRITE : GUEST_READ, &d->w);
	d->va = va;
	d->valid = true;
	if (v->stop_reason)
		return false;
	if (d->fsr)
		return data_abort_for_guest(g, f, d->fsr | (write ? FSR_WNR : 0u), va);
	if (!translation || !shadow_flat_in_ram(&g->flat, d->w.pa) ||
	    (write && (shadow_flat_page_catches_writes(&g->flat, d->w.pa) || guest_tables_protected(g, d->w.pa))))
		return false;
	if (!guest_mmu_fill(g, va, &d->w, false))
		return false;
	d->valid = false;
	stubs_settle(g, &g->stubs, v, f, TRAP_DABT);
	v->stats.traps_dabt++;
	note_fault(g, f->pc, true, va);
	return true;
}
#endif

#ifdef CONFIG_FAST_TRAP_PREFETCH_ABORT
bool hyp_pabt_fast(struct trap_frame *f);

/*
 * A prefetch abort that only needs a shadow entry: a translation fault
 * where the guest's tables allow the fetch, on a page already scanned as
 * code (a new process running code the page cache holds, say). Every other
 * case is the general path's (guest_mmu_pabt()): a page run for the first
 * time, a fault for the guest, a fetch from the stubs' window, and the
 * repeated fault that makes note_fault() stop the guest. Called by
 * arch/arm/vectors.S first for every Prefetch Abort trap from the guest.
 */
bool hyp_pabt_fast(struct trap_frame *f)
{
	struct vcpu *v = running_vcpu();
	struct guest *g = v->guest;
	struct guest_walk_result w;
	uint32_t ifsr = cp15_read_ifsr(), va = cp15_read_ifar(), status = fsr_status(ifsr);

	if (!guest_mmu_on(v) || (status != FS_TRANS_SECTION && status != FS_TRANS_PAGE) ||
	    stubs_pc_in_window(&g->stubs, f->pc) ||
	    fault_would_stop(g, f->pc, va))
		return false;
	if (guest_mmu_check(v, va, GUEST_EXEC, &w) || v->stop_reason || !shadow_flat_is_ram(&g->flat, w.pa, 4) ||
	    shadow_flat_page_is_data(&g->flat, w.pa))
		return false;
	if (!guest_mmu_fill(g, va, &w, false))
		return false;
	stubs_settle(g, &g->stubs, v, f, TRAP_PABT);
	v->stats.traps_pabt++;
	note_fault(g, f->pc, true, va);
	return true;
}
#endif

/*
 * The fast paths for a patched instruction's UDF (whose word is in
 * v->trap_insn, its patch entry `p`, looked up by the caller) or an SVC
 * (`p` NULL): these need the virtual CPSR and SPSR the stubs keep, and may
 * change the mode.
 */
static __attribute__((noinline)) bool fast_patched_or_svc(struct vcpu *v, struct trap_frame *f, unsigned kind,
							   const struct patch_entry *p)
{
	struct guest *g = v->guest;
	bool privileged = vcpu_privileged(v), done;   /* the mode the shadow view and CNTKCTL follow */

	v->trap_insn_from_stub = stubs_enter(&g->stubs, v, f, kind, &v->trap_insn);
	if (v->trap_insn_from_stub)     /* a stub's trapping word: its site's UDF now */
		p = patch_lookup(&g->patches, v->trap_insn);
	if (kind == TRAP_SVC)
		done = !(board.guest_semihosting_exit && f->r[0] == SEMIHOSTING_SYS_EXIT) && fast_svc(g, f);
	else
		done = fast_undef(g, f, p);
	if (done) {
		follow_privilege(g, privileged);
		stubs_leave(g, &g->stubs, v);
		/* Only for the trap it came with: an interrupt's hyp_trap() must sync from the data page. */
		v->trap_insn_from_stub = false;
	}
	return done;     /* the frame names the guest's next instruction */
}

#ifdef CONFIG_FAST_TRAP_MODE_SWITCH
/*
 * A patched exception return (entry `p`), Linux's return from every system
 * call and interrupt, without the other patched classes' dispatch.
 */
static bool fast_exception_return(struct vcpu *v, struct trap_frame *f, const struct patch_entry *p)
{
	struct guest *g = v->guest;
	bool privileged = vcpu_privileged(v);   /* the mode the shadow view and CNTKCTL follow */

	/* No stub holds an exception return's UDF (stub_supported()): a stub's trapping word is another's. */
	if (stubs_enter(&g->stubs, v, f, TRAP_UNDEF, &v->trap_insn)) {
		v->trap_insn_from_stub = true;
		return false;
	}
	if (fast_trap_sensitive(v, f, p->orig, SENS_DP_ERET, &g->vintc) == FAST_TRAP_NONE)
		return false;
	v->stats.emulated_sensitive[SENS_DP_ERET]++;
	v->stats.traps_undef++;
	follow_privilege(g, privileged);
	if (vcpu_privileged(v))
		stubs_leave(g, &g->stubs, v);
	else    /* a return to user space: the data page's bank known */
		stubs_leave_in_bank(g, &g->stubs, v, VBANK_USR);
	return true;
}

#endif

bool hyp_svc_fast(struct trap_frame *f);
bool hyp_coproc_fast(struct trap_frame *f);
bool hyp_undef_fast(struct trap_frame *f);

/*
 * Called by arch/arm/vectors.S first for an SVC trap from the guest (after
 * the express entry, if configured). A system call from virtual User mode,
 * the most frequent kind, goes straight to the guest's SVC vector: it
 * needs nothing from the stubs' data page (stubs_leave() wrote it as User
 * mode was entered, and no stub runs there), and no semihosting call comes
 * from User mode. False: hyp_trap() follows.
 */
bool hyp_svc_fast(struct trap_frame *f)
{
	struct vcpu *v = running_vcpu();

	v->trap_insn_from_stub = false;
	if (vcpu_privileged(v))
		return fast_patched_or_svc(v, f, TRAP_SVC, NULL);
	if (!fast_svc(v->guest, f))
		return false;
	follow_privilege(v->guest, false);
	stubs_leave_in_bank(v->guest, &v->guest->stubs, v, VBANK_SVC);
	return true;
}

/*
 * Called by arch/arm/vectors.S first for an Undefined Instruction trap
 * from the guest in ARM state, the instruction read into v->trap_insn: a
 * coprocessor instruction here, every other one at hyp_undef_fast() (after
 * the express entry, if configured). False: hyp_trap() follows. Apart from
 * hyp_trap() so that the frequent traps pay only for what they use, and
 * kept small, so that the most frequent, a CP15 access, pays for no more.
 */
bool hyp_coproc_fast(struct trap_frame *f)
{
	struct vcpu *v = running_vcpu();

	v->trap_insn_from_stub = false;
	/* No stub holds a coprocessor instruction, and the CP15 fast path needs no CPSR bit they keep. */
	return fast_coproc(v->guest, f);
}

bool hyp_undef_fast(struct trap_frame *f)
{
	struct vcpu *v = running_vcpu();

	const struct patch_entry *p = patch_lookup(&v->guest->patches, v->trap_insn);

	v->trap_insn_from_stub = false;
#ifdef CONFIG_FAST_TRAP_MODE_SWITCH
	if (p && p->cls == SENS_DP_ERET)
		return fast_exception_return(v, f, p);
#endif
	return fast_patched_or_svc(v, f, TRAP_UNDEF, p);
}

/* Called by arch/arm/vectors.S for every exception taken from the guest (User mode). */
void hyp_trap(struct trap_frame *f, unsigned kind)
{
	struct vcpu *v = running_vcpu();
	struct guest *g = v->guest;

	/* Unless a fast path did (and took the frame to the site). */
	if (!v->trap_insn_from_stub && stubs_enter(&g->stubs, v, f, kind, &v->trap_insn)) {
		v->trap_insn_from_stub = true;
		kind = TRAP_UNDEF;
	}
	uint32_t pc = f->pc;
	if (kind == TRAP_UNDEF || kind == TRAP_SVC)
		pc -= (f->cpsr & PSR_T) ? 2u : 4u;     /* hardware LR: the next instruction */
	uint32_t dfsr = 0, dfar = 0;
	if (kind == TRAP_DABT) {
		dfsr = cp15_read_dfsr();        /* before the load below can change them */
		dfar = cp15_read_dfar();
	}
	v->trap_insn_read = v->trap_insn_from_stub ||
			    ((kind == TRAP_UNDEF || kind == TRAP_DABT) && !(f->cpsr & PSR_T) &&
			     read_trapped_insn(g, pc, &v->trap_insn));
	v->trap_insn_from_stub = false;
	bool privileged = vcpu_privileged(v);
	vcpu_from_frame(v, f, pc);

	switch (kind) {
	case TRAP_UNDEF:
		handle_undef(g);
		note_fault(g, g->vcpu.r[15], false, 0);
		if (v->wfi && !v->stop_reason)
			g = wait_for_interrupt(g);
		break;
	case TRAP_SVC:
		v->stats.traps_svc++;
		if (!semihosting_exit(g))
			vexc_take(v, VEXC_SVC, v->r[15]);
		note_fault(g, g->vcpu.r[15], false, 0);
		break;
	case TRAP_PABT:
		note_fault(g, g->vcpu.r[15], handle_pabt(g), cp15_read_ifar());
		break;
	case TRAP_DABT:
		note_fault(g, g->vcpu.r[15], handle_dabt(g, dfsr, dfar), dfar);
		g->dabt_walk.valid = false;     /* used by this trap only */
		break;
	case TRAP_IRQ:
		g = handle_irq(g);
		break;
	case TRAP_FIQ:
		v->stats.traps_fiq++;
		log_warn("unexpected FIQ");
		break;
	default:
		hyp_panic("exception %u from the guest has no handler", kind);
	}
	if (g != v->guest) {    /* another guest has the core now (hyp/guest_set.h) */
		v = &g->vcpu;
		privileged = vcpu_privileged(v);
	}
	if (!v->stop_reason && (v->cpsr & PSR_T) && vcpu_privileged(v))
		v->stop_reason = "entered Thumb state in a privileged mode (not supported)";
	if (v->stop_reason)
		guest_stop(g, v->stop_reason, pc);
	xlate_store_clear(&v->xlate);         /* the instruction is done */
	deliver_pending_irq(g);
	follow_privilege(g, privileged);
	stubs_leave_general(g, &g->stubs, v, &g->vintc);
	vcpu_to_frame(v, f);
}
