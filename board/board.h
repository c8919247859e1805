/*
 * The board interface: everything the rest of the hypervisor may know about
 * a board. One `board` descriptor per board (board/<name>/board.c), chosen
 * by Kconfig; nothing outside board/ names a board address.
 */
#ifndef BOARD_BOARD_H
#define BOARD_BOARD_H

#include <stdint.h>

/* What a guest's access to an emulated device asks of the hypervisor. */
enum mmio_result {
	MMIO_DONE,              /* access performed, guest continues */
	MMIO_GUEST_POWEROFF,    /* guest asked the board to power off */
	MMIO_GUEST_RESET,       /* guest asked the board to reset */
};

struct guest_mmio_device {
	const char *name;
	uint32_t base;          /* guest-physical */
	uint32_t size;
	enum mmio_result (*read)(uint32_t offset, unsigned size, uint32_t *value);
	enum mmio_result (*write)(uint32_t offset, unsigned size, uint32_t value);
};

/* A device the guest reaches directly, and its interrupt, forwarded to the guest's virtual GIC. */
struct guest_passthrough_device {
	uint32_t base;
	uint32_t size;
	uint32_t irq;           /* GIC interrupt ID, 0 if none */
};

struct board_desc {
	const char *name;
	uint32_t ram_base;              /* the guest sees its RAM here too */
	uint32_t machine_type;          /* Linux machine number, r1 at guest boot */
	uint32_t gic_dist;              /* also where the guest finds its virtual GIC */
	uint32_t gic_cpu;
	uint32_t hyp_timer_ppi;         /* the hypervisor's tick (physical timer) */
	uint32_t guest_vtimer_ppi;      /* the guest's virtual timer */
	/* Devices the guest reaches directly (mapped for PL0). */
	const struct guest_passthrough_device *guest_passthrough;
	unsigned guest_passthrough_count;
	/* Devices the hypervisor emulates for the guest. */
	const struct guest_mmio_device *guest_emulated;
	unsigned guest_emulated_count;
	/* Map the board's own registers; called once the MMU is on. */
	void (*init)(void);
	/* Power the board off. Does not return. */
	void (*poweroff)(void) __attribute__((noreturn));
};

extern const struct board_desc board;

#endif
