/*
 * A guest's trap-free stubs (hyp/stub_gen.h) on the target.
 *
 * Where: up to STUB_WINDOWS windows, each a MiB of the guest's address
 * space that its tables leave empty, within branch range (32 MiB) of the
 * sites whose stubs it holds: the first stub out of reach of every open
 * window opens one at the nearest free MiB below its site, else above it
 * (Linux: one beside its kernel, one beside its vector page at 0xffff0000,
 * whose exception entries read and write the SPSR). Only the kernel view
 * of each shadow root maps them (shadow_pt/shadow.h), in the hypervisor's
 * domain (always client): even pages hold stub code (PL0 read-only,
 * executable), taken from one pool of code pages as each window needs
 * them, odd pages all map the one data page (PL0 read/write,
 * execute-never), so every stub reaches the data words with a PC-relative
 * load. Guest User mode finds nothing there, as natively.
 *
 * When: lazily. A patched instruction that stub_supported() covers, an
 * MRC that stub_cp15_read_word() names, or a data cache maintenance MCR
 * (stub_cp15_nothing_to_do()), becomes a stub the first time its
 * trap takes the fast path from a virtual privileged mode, at the address
 * it ran from: only instructions that run are given one, and each is built
 * for the one address its page runs at. The site's trapping word (the
 * patch's UDF, or the MRC or MCR itself) is kept to give back.
 *
 * Kept exact:
 *  - The data page's virtual CPSR bits, SPSR and User SP and LR are taken
 *    back into the vCPU on every trap but a CP15 access (stubs_enter()),
 *    and written out, with the CP15 copies and the signalled-IRQ word after
 *    the general path, before the guest resumes (stubs_leave(),
 *    stubs_leave_general()).
 *  - A trap inside a stub (an interrupt) rewinds the guest to the site,
 *    its borrowed registers given back (and the User SP and LR words an
 *    LDM ^ stub may have written left out), unless it came at the stub's
 *    branch back: then the stub is done and the guest resumes after the
 *    site. The stub's trapping word, the site's branch run in virtual User
 *    mode and an access of an LDM or STM ^ stub that aborts are handled as
 *    the site's trapping word at the site. So the guest never sees a stub
 *    address.
 *  - If the guest maps a window's MiB itself, every stub goes: the sites
 *    get their trapping words back, and windows are chosen anew from the
 *    next stub on. A root is checked each time it starts to run, and while
 *    it runs the L1 table pages with its entries for the windows stay
 *    write-protected.
 *  - A code page with stubs that the guest maps executable at another
 *    address gets its trapping words back for good (a branch is
 *    position-dependent).
 *  - Turning the guest's MMU off removes every stub.
 * Not covered: a guest that copies privileged code it has run, with its
 * stub branches, and runs the copy elsewhere; a privileged read of the
 * window, which natively faults, reads stub code or data; and a guest that
 * switches its data to big-endian (SETEND BE) around a stubbed site (no
 * stub is made while CPSR.E or SCTLR.EE is set).
 */
#ifndef HYP_STUBS_H
#define HYP_STUBS_H

#include <stdbool.h>
#include <stdint.h>

#include "arch/arm/pgtable_bits.h"
#include "arch/arm/trap_frame.h"
#include "generated/config.h"
#include "hyp/patch.h"
#include "hyp/stub_gen.h"
#include "hyp/vcpu.h"
#include "hyp/vintc.h"
#include "shadow_pt/shadow.h"

struct guest;

#ifdef CONFIG_TRAP_FREE_STUBS

#define STUB_CODE_PAGES         CONFIG_STUB_CODE_PAGES
#define STUB_RECORDS            (STUB_CODE_PAGES * 100u)   /* Linux's average stub: 40 bytes */
#define STUB_WINDOWS            SHADOW_STUB_WINDOWS
#define STUB_WINDOW_SEARCHES    4u      /* searches for a free MiB that may fail before no more are made */
#define STUB_SITE_PAGES         512u    /* guest code pages holding stubs */
#define STUB_PAGE_NONE          1u      /* stub_site_page.va: no stubs here any more */

struct stub_record {
	uint32_t stub_va, site_va, site_gpa;
	uint32_t branch;        /* the site's word while the stub lives */
	uint32_t trap_word;     /* the patch's UDF it replaced */
	uint8_t words;
	uint8_t spill[2];
	uint8_t back_at;        /* struct stub's */
	bool live;
};

/* A guest code page with stubs, and the one virtual page it runs at; sorted by gpa. */
struct stub_site_page {
	uint32_t gpa, va;
};

struct stub_stats {
	uint32_t made, reverted, windows, conflicts, alias_pages, out_of_range, user_mode_runs, aborts;
	uint32_t copies;                /* made at a copy the guest made of a patched word */
};

/* An open window's code pages and where its L1 entry lies while a root runs. */
struct stub_window {
	uint32_t pinned;                /* the running root's L1 table page with its entry for the MiB; 0: none */
	uint32_t used;                  /* bytes of stub code handed out in its last code page */
	unsigned pages;                 /* its code pages, at its even pages in order: */
	uint8_t page[STUB_CODE_PAGES];  /* which of the store's each is */
};

/* Where the stubs live: large and page-aligned, at the end of struct guest. */
struct stub_store {
	struct stub_record rec[STUB_RECORDS];   /* sorted by stub_va */
	struct stub_site_page site_page[STUB_SITE_PAGES];
	struct stub_window win[STUB_WINDOWS];
	uint32_t l2[STUB_WINDOWS][L2_ENTRIES] __attribute__((aligned(L2_TABLE_SIZE)));
	uint32_t data[PAGE_SIZE / 4u] __attribute__((aligned(PAGE_SIZE)));
	uint32_t code[STUB_CODE_PAGES][PAGE_SIZE / 4u] __attribute__((aligned(PAGE_SIZE)));
};

/* What every trap reads: small, near the start of struct guest. */
struct stub_area {
	bool conflict;                  /* the guest mapped a window: remove them before resuming */
	bool full;                      /* no room for another stub until they all go */
	unsigned windows;               /* open: window_va[0 .. windows - 1]; the data page is live with any */
	uint32_t window_va[STUB_WINDOWS];
	unsigned failed_searches;       /* for a free MiB near a site; reset when the MMU turns on */
	unsigned code_pages;            /* of the store's, handed to windows */
	uint32_t cpsr_taken;            /* the data page's CPSR bits the vCPU takes: A, I, F but the fixed */
	uint32_t *spsr;                 /* the vCPU's SPSR the data page's stands for; NULL: its mode has none */
	struct vcpu_bank *usr_bank;     /* User's SP and LR the data page's stand for; NULL: FIQ, System, User */
	unsigned count, site_pages;
	uint32_t *data;                 /* store->data */
	struct stub_store *store;
	struct stub_stats stats;
};

/* A guest being created: no stubs, in `store`. */
void stubs_reset(struct guest *g, struct stub_store *store);

/* User's SP and LR from the data page, where they are kept there. */
static inline void stubs_take_usr_bank(struct stub_area *a)
{
	if (a->usr_bank) {
		a->usr_bank->sp = a->data[STUB_DATA_USR_SP / 4u];
		a->usr_bank->lr = a->data[STUB_DATA_USR_LR / 4u];
	}
}

/* Whether a window is open: mapped in every root's kernel view, the data page live. */
static inline bool stubs_active(const struct stub_area *a)
{
	return a->windows != 0;
}

/* A trap from inside a window (see stubs_enter()). */
bool stubs_enter_window(struct stub_area *a, struct trap_frame *f, unsigned kind, uint32_t *trap_word);
/* The guest mapped a window: every stub goes. */
void stubs_resolve_conflict(struct guest *g);

/* Whether a trap at frame PC `pc` came from inside a window (pc - 4 for an Undefined Instruction: <=). */
static inline bool stubs_pc_in_window(const struct stub_area *a, uint32_t pc)
{
	for (unsigned w = 0; w < a->windows; w++)
		if (pc - a->window_va[w] <= SECTION_SIZE)
			return true;
	return false;
}

/*
 * Every trap from the guest, first: the virtual CPSR's A, I and F from the
 * data page; a guest interrupted inside a stub is rewound to its site. If
 * the trap is a stub's trapping word (an Undefined Instruction), or a
 * site's branch run in virtual User mode (a Prefetch Abort on the stub:
 * the windows are empty there), returns true with the frame's PC after the
 * site and `*trap_word` the site's trapping word: the caller handles it as
 * that word's Undefined Instruction trap at the site.
 * Inline, as is stubs_leave(): every trap pays for them.
 */
static inline bool stubs_enter(struct stub_area *a, struct vcpu *v, struct trap_frame *f, unsigned kind,
			       uint32_t *trap_word)
{
	if (!stubs_active(a))
		return false;
	v->cpsr = (v->cpsr & ~a->cpsr_taken) | (a->data[STUB_DATA_CPSR / 4u] & a->cpsr_taken);
	if (a->spsr)
		*a->spsr = a->data[STUB_DATA_SPSR / 4u];
	if (stubs_pc_in_window(a, f->pc))
		return stubs_enter_window(a, f, kind, trap_word);
	stubs_take_usr_bank(a);
	return false;
}

/* The CP15 fast path wrote the register whose copy is data word `offset`: the copy follows. */
static inline void stubs_cp15_written(struct stub_area *a, uint32_t offset, uint32_t value)
{
	if (stubs_active(a))
		a->data[offset / 4u] = value;
}

/* The data page's copies of the virtual CP15 registers the stubs read (stub_cp15_read_word()). */
static inline void stubs_cp15_copies(struct stub_area *a, const struct vcpu *v)
{
	if (!stubs_active(a))
		return;
	a->data[STUB_DATA_DACR / 4u] = v->cp15.dacr;
	a->data[STUB_DATA_TPIDRPRW / 4u] = v->cp15.tpidrprw;
	a->data[STUB_DATA_SCTLR / 4u] = v->cp15.sctlr;
	a->data[STUB_DATA_DFSR / 4u] = v->cp15.dfsr;
	a->data[STUB_DATA_IFSR / 4u] = v->cp15.ifsr;
	a->data[STUB_DATA_DFAR / 4u] = v->cp15.dfar;
	a->data[STUB_DATA_IFAR / 4u] = v->cp15.ifar;
}

/*
 * Before the guest resumes from a fast path, in a mode of register bank
 * `bank`: the data page's virtual CPSR, SPSR and User SP and LR from the
 * vCPU. (A fast path changes neither the virtual GIC
 * nor a CP15 register the stubs read but through stubs_cp15_written() or
 * stubs_cp15_copies().)
 */
static inline void stubs_leave_in_bank(struct guest *g, struct stub_area *a, struct vcpu *v, enum vbank bank)
{
	if (a->conflict)
		stubs_resolve_conflict(g);
	if (!stubs_active(a))
		return;
	a->data[STUB_DATA_CPSR / 4u] = v->cpsr & STUB_CPSR_BITS;
	a->spsr = bank != VBANK_USR ? &v->bank[bank].spsr : 0;
	a->data[STUB_DATA_SPSR / 4u] = a->spsr ? *a->spsr : 0u;
	/* FIQ mode banks r8-r12 too, System mode none: LDM and STM ^ stubs trap there. */
	a->usr_bank = bank != VBANK_USR && bank != VBANK_FIQ ? &v->bank[VBANK_USR] : 0;
	a->data[STUB_DATA_NO_USR_BANK / 4u] = !a->usr_bank;
	if (a->usr_bank) {
		a->data[STUB_DATA_USR_SP / 4u] = a->usr_bank->sp;
		a->data[STUB_DATA_USR_LR / 4u] = a->usr_bank->lr;
	}
}

/* stubs_leave_in_bank() in the bank of the vCPU's mode. */
static inline void stubs_leave(struct guest *g, struct stub_area *a, struct vcpu *v)
{
	stubs_leave_in_bank(g, a, v, vcpu_bank_of(vcpu_mode(v)));
}

/*
 * After a fast path that changes nothing the data page holds (a shadow
 * fill, TLB maintenance), for a trap of `kind` not from inside a window,
 * instead of stubs_enter() before it and stubs_leave() after: the data
 * page stays the copy that counts, and only if the path found the guest
 * mapping a window do the stubs go, the vCPU taking the data page's values
 * first.
 */
static inline void stubs_settle(struct guest *g, struct stub_area *a, struct vcpu *v, struct trap_frame *f,
				unsigned kind)
{
	uint32_t unused;

	if (!a->conflict)
		return;
	stubs_enter(a, v, f, kind, &unused);
	stubs_leave(g, a, v);
}

/*
 * Before the guest resumes from the general path: also the CP15 copies
 * and the signalled-IRQ word (`vi`: the virtual interrupt controller). A
 * guest resumes with IRQs unmasked only if none is signalled (the general
 * path delivers it first), so that word matters, and is asked for, only
 * while IRQs are masked.
 */
static inline void stubs_leave_general(struct guest *g, struct stub_area *a, struct vcpu *v,
				       const struct vintc *vi)
{
	stubs_leave(g, a, v);
	if (!stubs_active(a))
		return;
	stubs_cp15_copies(a, v);
	a->data[STUB_DATA_WAKE / 4u] = (v->cpsr & PSR_I) && vintc_signalled(vi) ? PSR_I : 0u;
}

/*
 * Patch `p`'s UDF trapped at `site_va` in a virtual privileged mode and
 * took the fast path, and stub_supported() covers it: give the site a
 * stub if it may have one. `live_cpsr`: the trap frame's CPSR.
 */
void stubs_try_make(struct guest *g, const struct patch_entry *p, uint32_t site_va, uint32_t live_cpsr);
/* The same for an MRC that stub_cp15_read_word() or an MCR that stub_cp15_nothing_to_do() names. */
void stubs_try_make_cp15(struct guest *g, uint32_t insn, uint32_t site_va, uint32_t live_cpsr);


/* The guest's MMU goes off: every stub goes. */
void stubs_remove_all(struct guest *g);

struct shadow_root;
/*
 * Root `root` of the guest's shadow runs now (or its table pages are
 * tracked afresh): check its L1 entries for the windows and keep them
 * write-protected while it runs.
 */
void stubs_root_runs(struct guest *g, struct shadow_root *root);

/* Must the table page `gpa` stay write-protected (it holds a root's L1 entry for a window)? */
bool stubs_pinned(const struct guest *g, uint32_t gpa);

/* The guest wrote the L1 descriptor of MiB `mb` in some root's tables. */
void stubs_l1_written(struct guest *g, uint32_t mb);

/* Guest code page `gpa` is mapped executable at `va`. */
void stubs_code_mapped(struct guest *g, uint32_t gpa, uint32_t va);

#else

struct stub_area {
	char none;
};
struct stub_store {
	char none;
};

static inline void stubs_reset(struct guest *g, struct stub_store *store) { (void)g, (void)store; }
static inline bool stubs_pc_in_window(const struct stub_area *a, uint32_t pc) { (void)a, (void)pc; return false; }
static inline bool stubs_enter(struct stub_area *a, struct vcpu *v, struct trap_frame *f, unsigned kind,
			       uint32_t *trap_word)
{
	(void)a, (void)v, (void)f, (void)kind, (void)trap_word;
	return false;
}
static inline void stubs_leave_in_bank(struct guest *g, struct stub_area *a, struct vcpu *v, enum vbank bank)
{
	(void)g, (void)a, (void)v, (void)bank;
}
static inline void stubs_leave(struct guest *g, struct stub_area *a, struct vcpu *v)
{
	(void)g, (void)a, (void)v;
}
static inline void stubs_settle(struct guest *g, struct stub_area *a, struct vcpu *v, struct trap_frame *f,
				unsigned kind)
{
	(void)g, (void)a, (void)v, (void)f, (void)kind;
}
static inline void stubs_leave_general(struct guest *g, struct stub_area *a, struct vcpu *v,
				       const struct vintc *vi)
{
	(void)g, (void)a, (void)v, (void)vi;
}
static inline void stubs_try_make(struct guest *g, const struct patch_entry *p, uint32_t site_va,
				  uint32_t live_cpsr)
{
	(void)g, (void)p, (void)site_va, (void)live_cpsr;
}
static inline void stubs_try_make_cp15(struct guest *g, uint32_t insn, uint32_t site_va, uint32_t live_cpsr)
{
	(void)g, (void)insn, (void)site_va, (void)live_cpsr;
}
static inline void stubs_cp15_written(struct stub_area *a, uint32_t offset, uint32_t value)
{
	(void)a, (void)offset, (void)value;
}
static inline void stubs_cp15_copies(struct stub_area *a, const struct vcpu *v) { (void)a, (void)v; }
static inline void stubs_remove_all(struct guest *g) { (void)g; }
struct shadow_root;
static inline void stubs_root_runs(struct guest *g, struct shadow_root *root) { (void)g, (void)root; }
static inline bool stubs_pinned(const struct guest *g, uint32_t gpa) { (void)g, (void)gpa; return false; }
static inline void stubs_l1_written(struct guest *g, uint32_t mb) { (void)g, (void)mb; }
static inline void stubs_code_mapped(struct guest *g, uint32_t gpa, uint32_t va) { (void)g, (void)gpa, (void)va; }

#endif

#endif
