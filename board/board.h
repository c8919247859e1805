/*
 * The board interface: everything the rest of the hypervisor may know about
 * a board. One `board` descriptor per board (board/<name>/board.c), chosen
 * by Kconfig; nothing outside board/ names a board address.
 */
#ifndef BOARD_BOARD_H
#define BOARD_BOARD_H

#include <stdbool.h>
#include <stdint.h>

/* What a guest's access to an emulated device asks of the hypervisor. */
enum mmio_result {
	MMIO_DONE,              /* access performed, guest continues */
	MMIO_GUEST_POWEROFF,    /* guest asked the board to power off */
	MMIO_GUEST_RESET,       /* guest asked the board to reset */
};

/*
 * A device the hypervisor emulates for the guest. `ctx` is the handlers'
 * own state (the guest's virtual GIC, say), given back on every access.
 */
struct guest_mmio_device {
	const char *name;
	uint32_t base;          /* guest-physical */
	uint32_t size;
	enum mmio_result (*read)(void *ctx, uint32_t offset, unsigned size, uint32_t *value);
	enum mmio_result (*write)(void *ctx, uint32_t offset, unsigned size, uint32_t value);
	void *ctx;
	/* Not 0: each guest gets this many bytes of state of its own, zeroed, as `ctx`. */
	uint32_t guest_state_size;
};

/* A device the guest reaches directly. */
struct guest_passthrough_device {
	uint32_t base;
	uint32_t size;
	/*
	 * When its guest stops running (it ended, crashed or asked for a
	 * reset): put the device back as after reset, quiet (no interrupt,
	 * nothing in flight), before anyone has it again. NULL: nothing to do.
	 */
	void (*reset)(void);
};

#define BOARD_IRQ_NONE (~0u)

/* The interrupt controller the hypervisor takes every interrupt from. */
struct board_irqchip {
	/* Acknowledge the highest-priority pending interrupt: its number, or BOARD_IRQ_NONE. */
	unsigned (*ack)(uint32_t *token);
	/* End the interrupt acknowledged with `token`. */
	void (*end)(uint32_t token);
	void (*enable)(unsigned irq);
	void (*disable)(unsigned irq);
	/* Pending at the controller; a level-sensitive interrupt is pending while its line is high. */
	bool (*pending)(unsigned irq);
};

/* The hypervisor's own periodic tick. */
struct board_tick {
	void (*start)(uint32_t hz);
	/* On each of its interrupts: acknowledge, arm the next; true if a tick is due (false: a wake_at deadline). */
	bool (*rearm)(void);
	/*
	 * Where the timer can: interrupt too, between ticks, when the generic
	 * timer's virtual count reaches `virtual_count` (0: no such deadline).
	 * NULL: guests' timers are watched at tick granularity only.
	 */
	void (*wake_at)(uint64_t virtual_count);
	/*
	 * The count of a clock that only goes forward, for charging guests
	 * their budgets by the time they used, and how many counts a tick
	 * lasts (once started). NULL: whole ticks are charged, to the guest
	 * running when each comes.
	 */
	uint64_t (*now)(void);
	uint32_t (*now_per_tick)(void);
	unsigned irq;
};

struct vgic_ident;

/* The virtual GIC the guest gets: where it finds it, and what it reports (the board's GIC's identification). */
struct board_vgic {
	uint32_t dist, cpu;
	void (*ident)(struct vgic_ident *ident);
};

/*
 * A board: the hypervisor's own devices (console, interrupt controller,
 * tick, power-off) as operations, and what the guest sees as data.
 */
struct board_desc {
	const char *name;
	uint32_t ram_base;              /* the guest sees its RAM here too */
	uint32_t machine_type;          /* Linux machine number, r1 at guest boot */
	/* Map the board's registers, the console's first; called once the MMU is on. */
	void (*init)(void);
	/* One character of the hypervisor's own messages. */
	void (*console_putc)(char c);
	const struct board_irqchip *irqchip;
	struct board_tick tick;
	/*
	 * A character typed on the hypervisor's console, or -1 (none waiting,
	 * or this console has no input: NULL too). Goes to the guest with the
	 * console input focus (hyp/console_input.h).
	 */
	int (*console_getc)(void);
	/* Power the board off. Does not return. */
	void (*poweroff)(void) __attribute__((noreturn));

	/*
	 * An access to an address with nothing there: a synchronous external
	 * abort (true: QEMU virt), or read as zero, writes ignored (false:
	 * vexpress), as the board behaves natively.
	 */
	bool unassigned_aborts;
	/*
	 * The guest ends the run with semihosting SYS_EXIT, as it must
	 * natively on a board QEMU cannot power off (cubieboard).
	 */
	bool guest_semihosting_exit;
	/* PSCI for the guest through HVC, as the board's device tree offers it (hyp/emulate_psci.h). */
	bool guest_psci;
	/*
	 * The guest's virtual GIC (none when `guest_vgic.ident` is NULL) or
	 * virtual A10 interrupt controller, and its generic timer's virtual
	 * timer interrupt (0: no generic timer).
	 */
	struct board_vgic guest_vgic;
	/* Where the guest finds a virtual A10 interrupt controller instead (0: none; hyp/va10_pic.h). */
	uint32_t guest_a10_pic;
	/* Where the guest finds a virtual OMAP3 interrupt controller instead (0: none; hyp/vomap3_intc.h). */
	uint32_t guest_omap3_intc;
	unsigned guest_vtimer_irq;
	/*
	 * Interrupts of devices that are the guest's, forwarded into its
	 * virtual interrupt controller under the same numbers.
	 */
	const unsigned *guest_irqs;
	unsigned guest_irq_count;
	/* Devices the guest reaches directly (mapped for PL0). */
	const struct guest_passthrough_device *guest_passthrough;
	unsigned guest_passthrough_count;
	/* Devices the hypervisor emulates for the guest. */
	const struct guest_mmio_device *guest_emulated;
	unsigned guest_emulated_count;
	/*
	 * The guest's console UART where the hypervisor watches it (no `read`:
	 * not watched): on boards it cannot power off a guest ends by halting,
	 * and what the guest wrote last tells whether it asked to. Every access
	 * is forwarded to the real UART; `ctx` is the core's, the guest's
	 * struct console_tail, which the handlers give what it transmits.
	 */
	struct guest_mmio_device guest_console;
	/*
	 * Where a guest finds its console PL011 (0: the board's console is
	 * not one), and its interrupt. The guest that owns the board's devices
	 * reaches the real one; the others each get an emulated PL011 there
	 * (hyp/vpl011.h), on the same interrupt of their virtual controller.
	 */
	uint32_t guest_console_pl011;
	unsigned guest_console_pl011_irq;
};

extern const struct board_desc board;

#endif
