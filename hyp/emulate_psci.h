/*
 * PSCI calls of a guest whose device tree offers PSCI through HVC (QEMU
 * virt): one CPU, PSCI 1.1 answered as QEMU answers its natively-run guests
 * (the psci test guest compares). Portable: compiled for host unit tests.
 */
#ifndef HYP_EMULATE_PSCI_H
#define HYP_EMULATE_PSCI_H

#include <stdbool.h>
#include <stdint.h>

#include "hyp/emulate.h"
#include "hyp/vcpu.h"

/* HVC #imm16 (A8.8.65): cond 0001 0100 imm12 0111 imm4. */
#define INSN_HVC_MASK   0x0ff000f0u
#define INSN_HVC        0x01400070u

/* What a call asks of the hypervisor beyond its result in r0. */
enum psci_request {
	PSCI_REQ_NONE,
	PSCI_REQ_SYSTEM_OFF,
	PSCI_REQ_SYSTEM_RESET,
	PSCI_REQ_CPU_OFF,       /* the guest's only CPU turns itself off */
};

/*
 * The HVC `insn` at v->r[15], from any mode: UNDEF in User mode or when
 * conditional (UNPREDICTABLE), else the PSCI function in r0 with its result
 * in r0 (r1-r3 kept) and the PC past the HVC.
 */
enum emu_result emulate_psci(struct vcpu *v, uint32_t insn, enum psci_request *request);

#endif
