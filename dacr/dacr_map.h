/*
 * Mapping the guest's memory protection onto the processor's
 * (seed: US 8,832,351, "L1 iterate and L2 drop/repopulate").
 *
 * The guest always runs in PL0, so a shadow entry's AP bits are read by the
 * MMU with PL0 rights only. What the guest asked for - its DACR value for
 * the entry's domain, the entry's AP[2:0] and XN, and whether the guest is
 * in a privileged mode - is encoded as:
 *   - the shadow AP/XN: the permission the guest has (in the mode the
 *     entry was derived in, where that matters);
 *   - a processor domain per (guest domain, class of entry), whose DACR
 *     field carries the guest's DACR value and, for kernel-only entries,
 *     the guest's mode.
 * A guest DACR write or kernel/user switch then only recomputes the
 * processor DACR, unless a guest domain changes to or from "manager": that
 * guest domain's shadow entries are derived again (L1 iterate, L2
 * drop/repopulate). Entries whose permissions differ between modes in a way
 * no DACR value can express (AP = 010), and MiBs that mix classes, are kept
 * in a shadow view per mode (shadow_pt/shadow.h), switched by TTBR0.
 * Portable: compiled for the target and for host unit tests.
 */
#ifndef DACR_DACR_MAP_H
#define DACR_DACR_MAP_H

#include <stdbool.h>
#include <stdint.h>

#define GUEST_DOMAINS   16u
#define PROC_DOMAINS    16u

/* Guest DACR field values (ARM DDI 0406C B4.1.43). */
#define GUEST_DV_NO_ACCESS  0u
#define GUEST_DV_CLIENT     1u
#define GUEST_DV_RESERVED   2u      /* behaves as no access */
#define GUEST_DV_MANAGER    3u

enum perm { PERM_NONE, PERM_RO, PERM_RW };

enum dom_class {
	DOM_CLASS_SAME,         /* the same permission in both guest modes */
	DOM_CLASS_KERNEL_ONLY,  /* no access in guest User mode */
	DOM_CLASS_CURRENT_MODE, /* derived per guest mode (in a view table of its own) */
	DOM_CLASS_COUNT
};

/* Restrictions the hypervisor adds for its own reasons (write tracking, code scanning). */
struct shadow_overlay {
	bool no_write;
	bool no_exec;
};

struct shadow_perm {
	uint32_t ap;            /* shadow AP[2:0], as PL0 sees it */
	bool xn;
	enum dom_class cls;
};

/* The permission AP[2:0] gives a guest mode (SCTLR.AFE = 0; B3.7.1). */
enum perm dacr_ap_perm(uint32_t ap, bool privileged);

/* The shadow AP/XN and class for a guest entry, in guest mode `privileged`. */
struct shadow_perm dacr_shadow_perm(uint32_t guest_dv, uint32_t ap, bool xn, bool privileged,
				    struct shadow_overlay overlay);

struct dacr_map_previous {
	bool valid;
	uint32_t guest_dacr, written;
	uint32_t mode_dacr[2];
};

struct dacr_map {
	uint32_t guest_dacr;
	bool privileged;
	int8_t proc[GUEST_DOMAINS][DOM_CLASS_COUNT];   /* processor domain, -1 if none */
	uint16_t procs_of[GUEST_DOMAINS];               /* the processor domains proc[d] names, as bits */
	uint8_t owner_domain[PROC_DOMAINS], owner_class[PROC_DOMAINS];
	uint32_t used;                                  /* bit per processor domain */
	/*
	 * The processor DACR in each guest mode (index: privileged), derived
	 * field by field whenever the above change: a kernel/user switch only
	 * picks the other (the trap paths' express entries read them too).
	 */
	uint32_t mode_dacr[2];
	/*
	 * The guest DACR before the last write that changed no domain to or
	 * from manager, the processor DACRs it had, and the value written: a
	 * write back to it from that value (Linux's software PAN toggles
	 * between two) takes those again. Forgotten when a processor domain
	 * is handed out.
	 */
	struct dacr_map_previous previous;
};

/* Forget all processor domain assignments (every shadow entry is derived anew). */
void dacr_map_reset(struct dacr_map *m, uint32_t guest_dacr, bool privileged);

/* The processor domain for entries of (guest domain, class); -1 when none is left. */
int dacr_map_domain(struct dacr_map *m, unsigned guest_domain, enum dom_class cls);

/* The processor DACR for the current guest DACR and mode. */
static inline uint32_t dacr_map_processor_dacr(const struct dacr_map *m)
{
	return m->mode_dacr[m->privileged];
}

/* dacr_map_set_guest_dacr() for a value the map does not remember. */
uint32_t dacr_map_derive_guest_dacr(struct dacr_map *m, uint32_t guest_dacr);

/*
 * A guest DACR write. Returns a mask of guest domains whose shadow entries
 * must be derived again (to or from manager); 0 means the processor DACR
 * alone now expresses what the guest asked for. Inline: Linux's software
 * PAN writes a remembered value around every user access.
 */
static inline uint32_t dacr_map_set_guest_dacr(struct dacr_map *m, uint32_t guest_dacr)
{
	struct dacr_map_previous *previous = &m->previous;
	uint32_t old = m->guest_dacr, old_user = m->mode_dacr[0], old_kernel = m->mode_dacr[1];

	if (!previous->valid || previous->guest_dacr != guest_dacr || previous->written != old)
		return dacr_map_derive_guest_dacr(m, guest_dacr);
	previous->guest_dacr = old;
	previous->written = guest_dacr;
	m->guest_dacr = guest_dacr;
	m->mode_dacr[0] = previous->mode_dacr[0];
	m->mode_dacr[1] = previous->mode_dacr[1];
	previous->mode_dacr[0] = old_user;
	previous->mode_dacr[1] = old_kernel;
	return 0;
}

/*
 * A guest kernel/user switch: the processor DACR alone follows it (with the
 * shadow's view for the new mode, which holds the current-mode entries).
 */
static inline void dacr_map_set_mode(struct dacr_map *m, bool privileged)
{
	m->privileged = privileged;
}

#endif
