/* Guest lifecycle: created from the staged image, run, ended. */
#ifndef HYP_GUEST_H
#define HYP_GUEST_H

#include <stdbool.h>
#include <stdint.h>

#include "arch/arm/pgtable_bits.h"
#include "arch/arm/vfp_state.h"
#include "board/board.h"
#include "board/drivers/generic_timer.h"
#include "generated/config.h"
#include "dacr/dacr_map.h"
#include "hyp/console_tail.h"
#include "hyp/guest_config.h"
#include "hyp/guest_image.h"
#include "hyp/guest_state.h"
#include "hyp/patch.h"
#include "hyp/stubs.h"
#include "hyp/vcpu.h"
#include "hyp/va10_pic.h"
#include "hyp/vomap3_intc.h"
#include "hyp/vgic.h"
#include "hyp/vpl011.h"
#include "shadow_pt/flat.h"
#include "shadow_pt/guest_walk.h"
#include "shadow_pt/modified_tables.h"
#include "shadow_pt/shadow.h"

#define GUEST_MAX_DEVICES 8u
#define GUEST_DEVICE_STATE_WORDS 8u     /* per emulated board device: struct guest_mmio_device.guest_state_size */
#define GUEST_MAX_FORWARDED_IRQS 128u

#define GUEST_RAM_PAGES (CONFIG_GUEST_RAM_SIZE / PAGE_SIZE)

/*
 * Where each guest RAM page has been mapped in the shadows since the
 * hypervisor last changed its restrictions on it: the virtual addresses of
 * its fills, up to FRAME_VAS of them, or a mark that there were more
 * (hyp/guest_mmu.c). Lets a change of restrictions (a page found to hold
 * tables, code pages changing state) forget one entry per address and root
 * instead of every shadow. Two addresses cover Linux's kernel pages:
 * written through the decompressor's identity map, run through the
 * kernel's linear map.
 */
#define FRAME_VAS 2u
#define L1_PAGE_SEVERAL 0xffu

#define SHADOW_ROOTS CONFIG_SHADOW_ROOTS
/* The cached roots, then one scratch root for half-written context switches that fault. */
#define SHADOW_ROOT_SLOTS (SHADOW_ROOTS + 1u)
/* Storage for the modified table list (hyp/guest_tables.c): one entry even when the list is off. */
#define MODIFIED_TABLES_CAPACITY (CONFIG_SHADOW_MODIFIED_TABLES ? CONFIG_SHADOW_MODIFIED_TABLES : 1u)
#define SHADOW_SCRATCH_ROOT SHADOW_ROOTS
#define NO_TRANSIENT_ASID 0xffffffffu     /* outside the 8-bit ASIDs */
/* Words of a bit map with a bit per root slot. */
#define SHADOW_ROOT_WORDS ((SHADOW_ROOT_SLOTS + 31u) / 32u)

/*
 * One cached shadow address space, for one guest TTBR0/TTBR1/TTBCR/ASID,
 * its two views running under processor ASIDs of their own.
 */
struct shadow_root {
	struct shadow_space s;
	struct dacr_map map;
	bool tables_ready;      /* its L1 tables and L2 index cleared since the shadow started (done on first use) */
	uint32_t ttbr0, ttbr1, ttbcr, asid;
	/* Each view's processor TTBR0 and ASID, fixed when the shadow starts (the express entries read them). */
	uint32_t view_ttbr0[SHADOW_VIEWS], view_asid[SHADOW_VIEWS];
	uint32_t l1_base[2], l1_size[2];        /* its guest L1 tables (note_l1_tables()) */
	unsigned l1_tables;
	uint8_t stub_windows_checked;   /* a bit per stub window its L1 entry was found empty for (hyp/stubs.c) */
	uint32_t last_used;
};

/* The guest's own MMU (hyp/guest_mmu.c). */
/* The hot fields first, the large tables last: offsets stay small where the trap path reads. */
struct guest_mmu_state {
	bool on;                        /* shadow tables in use */
	struct shadow_pool pool;        /* the L2 tables of every root */
	struct shadow_root root[SHADOW_ROOT_SLOTS];
	/* The roots that hold an address space, a bit each: the per-root loops visit only those. */
	uint32_t valid_roots[SHADOW_ROOT_WORDS];
	struct shadow_root *cur;
	struct shadow_root *previous;   /* the root that ran before cur (NULL: none): a new table's likely donor */
	enum shadow_view view;          /* cur's view in use */
	bool half_switched;             /* cur kept for a half-written context switch */
	uint32_t asid_written[2];       /* the last two ASIDs the guest wrote, the latest first */
	uint32_t transient_asid;        /* the one taken for its reserved ASID (note_asid_written()) */
	uint32_t clock, root_hits, root_retags, root_switches, view_switches, half_switches, scratch_uses;
	uint32_t processor_dacr;
	uint32_t asid_base;             /* its processor ASIDs: the flat map's, then two per root */
	struct modified_tables modified;  /* unprotected table pages (hyp/guest_tables.c) */
	struct modified_tables_ops modified_ops;    /* its view of guest RAM (hyp/guest_tables.c) */
	uint32_t tracked_pages, tracked_writes;
	uint32_t tables_unprotected, tables_protected_again, resynced_descriptors;
	uint32_t frame_forget_one, frame_forget_all;    /* by their addresses in each root; everything */
	uint32_t frame_records_reused;                  /* frame_va records whose mapping had gone */
	uint32_t tlb_all_kept, tlb_all_dropped;         /* guest TLBIALLs that kept the roots, that dropped them */
	uint32_t frame_va[GUEST_RAM_PAGES][FRAME_VAS];
	/* Guest RAM pages the guest's tables were read from, and those of them listed (hyp/guest_tables.c). */
	uint32_t table_pages[GUEST_RAM_PAGES / 32u], listed_pages[GUEST_RAM_PAGES / 32u];
	/*
	 * Per guest RAM page, the valid root whose L1 table it holds (index + 1;
	 * 0: none; L1_PAGE_SEVERAL: more than one): only a write there changes
	 * an L1 entry a root uses.
	 */
	uint8_t l1_page_root[GUEST_RAM_PAGES];
	/* The registers the shadow was last checked against. */
	uint32_t sctlr, ttbr0, ttbr1, ttbcr, contextidr;
	/* Storage of the modified table list. */
	uint32_t modified_gpa[MODIFIED_TABLES_CAPACITY], modified_listed_at[MODIFIED_TABLES_CAPACITY];
	uint32_t modified_snapshots[MODIFIED_TABLES_CAPACITY][PAGE_DESCRIPTORS];
	/* Per MiB and view, the root that last got a table of global pages there: a likely donor. */
	uint8_t latest_global_table[L1_ENTRIES][SHADOW_VIEWS];
	/* Each cached root's tables: an L1 table and an L2 index per view; the L2 tables are pooled. */
	int16_t root_l2_of_mb[SHADOW_ROOT_SLOTS][L1_ENTRIES][SHADOW_VIEWS];
	/* The pool's storage: its L2 tables, what each holds, and per MiB the roots with one there. */
	struct shadow_l2_info pool_info[CONFIG_SHADOW_L2_TABLES];
	uint32_t pool_mb_roots[L1_ENTRIES][SHADOW_ROOT_WORDS];
	uint32_t pool_l2[CONFIG_SHADOW_L2_TABLES][L2_ENTRIES] __attribute__((aligned(L2_TABLE_SIZE)));
	uint32_t root_l1[SHADOW_ROOT_SLOTS][SHADOW_VIEWS][L1_ENTRIES] __attribute__((aligned(L1_TABLE_SIZE)));
};

/* Whether cached root `i` holds an address space. */
static inline bool guest_mmu_root_valid(const struct guest_mmu_state *m, unsigned i)
{
	return (m->valid_roots[i / 32u] >> (i % 32u)) & 1u;
}

/*
 * For each index `i` of a root of `m` that holds an address space: a few
 * instructions a root, as cheap as testing a flag in each when nearly all
 * hold one (Linux's processes), and nothing for the others. Two loops: a
 * `break` leaves only the inner one.
 */
#define for_each_valid_root(m, i) for_each_root_in((m)->valid_roots, i)

/* For each index `i` of a root in `mask`, a bit map of SHADOW_ROOT_WORDS words: as above. */
#define for_each_root_in(mask, i)                                                              \
	for (unsigned word_ = 0; word_ < SHADOW_ROOT_WORDS; word_++)                            \
		for (uint32_t bits_ = (mask)[word_], i;                                          \
		     bits_ && (i = word_ * 32u + (uint32_t)__builtin_ctz(bits_), true); bits_ &= bits_ - 1u)

struct guest_set;

/* What stays in real registers while the guest runs, kept here while another guest has the core. */
struct guest_real_state {
	uint32_t tpidrurw;
	struct generic_vtimer_state vtimer;
	struct vfp_state vfp;
};

struct guest {
	struct vcpu vcpu;
	struct guest_set *set;          /* the guests it shares the core with (hyp/guest_set.h) */
	unsigned index;                 /* in the set, and its scheduling entity's */
	enum guest_state state;
	bool owns_devices;              /* the board's passed-through devices, interrupts and console */
	bool waiting;                   /* executed WFI: not scheduled until an interrupt wakes it */
	struct guest_memmap ram;
	struct vgic vgic;
	struct va10_pic va10_pic;
	struct vomap3_intc vomap3_intc;
	struct vintc vintc;             /* its interrupt controller: vgic, va10_pic or vomap3_intc, as its board has it */
	bool vtimer_forwarded;
	bool ptimer_line;       /* its physical timer's line is high in its interrupt controller (hyp/vtimer.c) */
	uint32_t real_cntkctl;          /* last written to the real CNTKCTL (hyp/vtimer.c) */
	/* board.guest_irqs (by index) whose line is raised (hyp/irq_forward.c) */
	uint32_t irq_forwarded[GUEST_MAX_FORWARDED_IRQS / 32u];
	/* Emulated devices: the board's and the virtual GIC. */
	struct guest_mmio_device devices[GUEST_MAX_DEVICES];
	unsigned device_count;
	/* What it last wrote to its console, where the board has the hypervisor watch it. */
	struct console_tail console_tail;
	/* Repeated silently-resolved faults at one PC and address(es): no progress. */
	uint32_t last_fault_pc, last_fault_far, prev_fault_far;
	unsigned fault_repeats;
	/* A data abort's walk by the fast path, for the general path of the same trap (hyp/trap.c). */
	struct dabt_walk {
		bool valid;
		uint32_t va, fsr;
		struct guest_walk_result w;
	} dabt_walk;
	char name[GUEST_NAME_SIZE];
	struct guest_dir_entry config;  /* as staged: loaded from it again on a restart */
	uint32_t restarts;              /* times it was loaded again after a stop */
	uint32_t switched_in;           /* times it got the core from another guest */
	uint32_t vfp_loads;             /* times it took the floating-point registers (hyp/vfp_owner.h) */
	struct stub_area stubs;         /* trap-free stubs (hyp/stubs.h), kept in stub_store */
	/* The large parts last, so that the fields above sit at small offsets. */
	struct guest_mmu_state mmu;
	struct patch_table patches;     /* the sensitive instructions patched in its code */
	struct shadow_flat flat;        /* its memory while its MMU is off */
	/* Used at guest switches and by emulated devices only: out of the way of the hot fields. */
	uint32_t device_state[GUEST_MAX_DEVICES][GUEST_DEVICE_STATE_WORDS];
	/* Its console UART where it does not own the board's (board.guest_console_pl011). */
	struct vpl011 console_uart;
	struct guest_real_state real;
	struct stub_store stub_store;
};

/*
 * Load guest `g`'s staged image (its header at `hdr`, `stage_size` bytes
 * from there its files, its RAM at host address `ram_host`) and prepare its vCPU and devices; refuses bad images
 * with a message and returns false.
 */
bool guest_create(struct guest *g, const struct stage_header *hdr, uint32_t stage_size, uint32_t ram_host,
		  uint32_t boot_sctlr, const struct vcpu_id_regs *id);
const struct guest_mmio_device *guest_find_device(const struct guest *g, uint32_t gpa);
/* Is `gpa` in a device the guest reaches directly? */
bool guest_is_passthrough(const struct guest *g, uint32_t gpa);

/* Give the core to `g`: its vCPU, translation and real registers (hyp/guest_set.c saves the last one's). */
void guest_load(struct guest *g);
/* Start or resume running `g`, loaded, in PL0 through `frame`. Does not return. */
void guest_enter(struct guest *g) __attribute__((noreturn));

/*
 * A guest ends normally (`how`: powered off, reset), or is stopped because
 * it did something that cannot be virtualized at instruction `pc`. The
 * other guests go on; with none left the board is powered off. Neither
 * returns.
 */
void guest_end(struct guest *g, const char *how) __attribute__((noreturn));
void guest_stop(struct guest *g, const char *reason, uint32_t pc) __attribute__((noreturn));
/* The guest asked the board to reset: it is loaded and started again. */
void guest_reset(struct guest *g) __attribute__((noreturn));

/*
 * The guest halted at `pc` (hyp/guest_halt.h): it ends normally if its
 * console's last line says it halted (Kconfig GUEST_HALT_LINE), and is
 * stopped otherwise. Does not return.
 */
void guest_halted(struct guest *g, uint32_t pc) __attribute__((noreturn));


#endif
