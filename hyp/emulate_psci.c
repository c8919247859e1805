#include "hyp/emulate_psci.h"
#include "hyp/psci_ids.h"

#define PSCI_VERSION_1_1        0x00010001u
#define PSCI_TOS_NOT_PRESENT    2u      /* MIGRATE_INFO_TYPE: no Trusted OS to migrate */
#define PSCI_ALREADY_ON         ((uint32_t)-4)
#define AFFINITY_INFO_ON        0u
#define MPIDR_AFFINITY_MASK     0x00ffffffu
#define COND_ALWAYS             0xeu

/* The functions PSCI_FEATURES reports as implemented (QEMU's set for an AArch32 CPU). */
static bool implemented(uint32_t fn)
{
	switch (fn) {
	case PSCI_FN_VERSION: case PSCI_FN_CPU_SUSPEND: case PSCI_FN_CPU_OFF: case PSCI_FN_CPU_ON:
	case PSCI_FN_AFFINITY_INFO: case PSCI_FN_MIGRATE_INFO_TYPE: case PSCI_FN_SYSTEM_OFF:
	case PSCI_FN_SYSTEM_RESET: case PSCI_FN_FEATURES:
		return true;
	default:
		return false;
	}
}

/* Is `target` (an MPIDR's affinity fields) the guest's one CPU? */
static bool is_self(const struct vcpu *v, uint32_t target)
{
	return (target & MPIDR_AFFINITY_MASK) == (v->id->mpidr & MPIDR_AFFINITY_MASK);
}

static uint32_t call(const struct vcpu *v, uint32_t fn, enum psci_request *request)
{
	uint32_t a1 = v->r[1], a2 = v->r[2];

	switch (fn) {
	case PSCI_FN_VERSION:
		return PSCI_VERSION_1_1;
	case PSCI_FN_FEATURES:
		return implemented(a1) ? PSCI_SUCCESS : PSCI_NOT_SUPPORTED;
	case PSCI_FN_MIGRATE_INFO_TYPE:
		return PSCI_TOS_NOT_PRESENT;
	case PSCI_FN_AFFINITY_INFO:
		return is_self(v, a1) && a2 == 0 ? AFFINITY_INFO_ON : PSCI_INVALID_PARAMETERS;
	case PSCI_FN_CPU_ON:
		return is_self(v, a1) ? PSCI_ALREADY_ON : PSCI_INVALID_PARAMETERS;
	case PSCI_FN_CPU_SUSPEND:
		return PSCI_SUCCESS;    /* a wake-up may come at any time (DEN 0022D 5.4) */
	case PSCI_FN_CPU_OFF:
		*request = PSCI_REQ_CPU_OFF;
		return PSCI_SUCCESS;
	case PSCI_FN_SYSTEM_OFF:
		*request = PSCI_REQ_SYSTEM_OFF;
		return PSCI_SUCCESS;
	case PSCI_FN_SYSTEM_RESET:
		*request = PSCI_REQ_SYSTEM_RESET;
		return PSCI_SUCCESS;
	default:
		return PSCI_NOT_SUPPORTED;      /* MIGRATE, SMC64 calls, anything else */
	}
}

enum emu_result emulate_psci(struct vcpu *v, uint32_t insn, enum psci_request *request)
{
	*request = PSCI_REQ_NONE;
	if ((insn & INSN_HVC_MASK) != INSN_HVC || insn_cond(insn) != COND_ALWAYS || !vcpu_privileged(v))
		return EMU_UNDEF;
	v->r[0] = call(v, v->r[0], request);
	v->r[15] += 4u;
	return EMU_DONE;
}
