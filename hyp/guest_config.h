/*
 * Several guests at once: the guest directory the run script stages from
 * the user's configuration (a .dts under configs/guests/, scripts/run-qemu.sh
 * --guests), and its check before any guest is loaded. Portable.
 *
 * With one guest the staging area starts with that guest's struct
 * stage_header (hyp/guest_image.h). With a directory it starts with a
 * struct guest_dir instead, and each guest's header, image, device tree and
 * initrd follow at the offset its entry gives.
 */
#ifndef HYP_GUEST_CONFIG_H
#define HYP_GUEST_CONFIG_H

#include <stdbool.h>
#include <stdint.h>

#define GUEST_DIR_MAGIC         0x53505948u     /* "HYPS" */
#define GUEST_NAME_SIZE         16u             /* with its NUL */

/* struct guest_dir_entry.flags */
#define GUEST_OWNS_DEVICES      (1u << 0)       /* the board's devices passed through, its console UART the real one */
#define GUEST_HARD_BUDGET       (1u << 1)       /* out of budget: waits for its next period even when the core idles */

struct guest_dir_entry {
	char name[GUEST_NAME_SIZE];
	uint32_t stage_offset;  /* its struct stage_header, from the staging area's start; page aligned */
	uint32_t stage_size;    /* header, image, device tree and initrd: where the next guest's may start */
	uint32_t ram_host;      /* host memory behind its RAM (its size: the header's ram_size) */
	uint32_t priority;      /* higher runs first */
	uint32_t budget_ticks;  /* hypervisor ticks it may run per period; 0: no limit */
	uint32_t period_ticks;
	uint32_t flags;
	uint32_t restarts;      /* times it is loaded again after a stop (a reset request always reloads it) */
};

struct guest_dir {
	uint32_t magic;
	uint32_t count;
	struct guest_dir_entry guest[];
};

/* What the directory must keep clear of, and the most it may ask. */
struct guest_config_limits {
	unsigned guests_max;
	uint32_t ram_max;                       /* per guest */
	uint32_t stage_addr, stage_size;        /* physical */
	uint32_t hyp_base, hyp_size;            /* physical */
};

/* Why a directory was refused: the guest concerned (and the other one, for a clash), or ~0u. */
struct guest_config_error {
	const char *why;
	unsigned guest, other;
};

/*
 * Check the directory at `stage`, the staging area's start, before any
 * guest is loaded: each entry names a guest header inside the area, past
 * the directory and clear of the other guests' files; no two guests' RAM
 * overlaps, nor does any with the staging area or the hypervisor; at most
 * one guest owns the board's devices; names are set and unique; budgets
 * fit their periods. True if it may be used; else `err` says why.
 */
bool guest_config_check(const uint8_t *stage, const struct guest_config_limits *lim,
			struct guest_config_error *err);

/* The RAM size guest `e` asks for: its header's, or `ram_max` when the header leaves it 0. */
uint32_t guest_config_ram_size(const uint8_t *stage, const struct guest_dir_entry *e, uint32_t ram_max);

#endif
