/*
 * The guest's virtual interrupt controller, whichever its board gives it:
 * a virtual GIC (hyp/vgic.c) or a virtual Allwinner A10 interrupt
 * controller (hyp/va10_pic.c). The hypervisor drives its level lines and
 * asks whether it signals an IRQ to the virtual CPU; the guest reaches its
 * registers as emulated devices.
 * Portable: compiled for the target and for host unit tests.
 */
#ifndef HYP_VINTC_H
#define HYP_VINTC_H

#include <stdbool.h>

struct vintc_ops {
	/* Drive a hypervisor-backed line (level-sensitive). */
	void (*set_level)(void *state, unsigned irq, bool high);
	/* Should the controller signal IRQ to the CPU now (before the CPSR.I mask)? */
	bool (*signalled)(const void *state);
};

struct vintc {
	const struct vintc_ops *ops;
	void *state;
};

static inline void vintc_set_level(const struct vintc *vi, unsigned irq, bool high)
{
	vi->ops->set_level(vi->state, irq, high);
}

static inline bool vintc_signalled(const struct vintc *vi)
{
	return vi->ops->signalled(vi->state);
}

#endif
