/*
 * PSCI through HVC against what QEMU virt answers a natively-run guest
 * (its results recorded by the psci test guest): PSCI 1.1, one CPU.
 */
#include "fixture.h"
#include "hyp/emulate_psci.h"
#include "hyp/psci_ids.h"

#define HVC0            0xe1400070u
#define MPIDR_CPU0      0x80000000u     /* multiprocessor format, affinity 0.0.0 */

static const struct vcpu_id_regs ids = { .mpidr = MPIDR_CPU0 };

static uint32_t psci_call(uint32_t mode, uint32_t fn, uint32_t a1, uint32_t a2, enum psci_request *req,
			  enum emu_result *result)
{
	struct vcpu v;

	fixture_vcpu(&v, mode);
	v.id = &ids;
	v.r[0] = fn;
	v.r[1] = a1;
	v.r[2] = a2;
	v.r[3] = 0x33u;
	*result = emulate_psci(&v, HVC0, req);
	if (*result == EMU_DONE) {
		CHECK_EQ(v.r[15], FIXTURE_PC + 4u);
		CHECK_EQ(v.r[1], a1);
		CHECK_EQ(v.r[2], a2);
		CHECK_EQ(v.r[3], 0x33u);
	} else {
		CHECK_EQ(v.r[15], FIXTURE_PC);
		CHECK_EQ(v.r[0], fn);
	}
	return v.r[0];
}

TEST(psci_answers_as_qemu_virt)
{
	static const struct { uint32_t fn, a1, a2, r0; } calls[] = {
		{ PSCI_FN_VERSION, 0x11, 0x22, 0x00010001u },
		{ PSCI_FN_MIGRATE_INFO_TYPE, 0, 0, 2u },
		{ PSCI_FN_AFFINITY_INFO, 0, 0, 0u },
		{ PSCI_FN_AFFINITY_INFO, 1, 0, PSCI_INVALID_PARAMETERS },
		{ PSCI_FN_CPU_ON, 1, 0x40010000u, PSCI_INVALID_PARAMETERS },
		{ PSCI_FN_MIGRATE, 0, 0, PSCI_NOT_SUPPORTED },
		{ PSCI_FN_MIGRATE_INFO_UP_CPU, 0, 0, PSCI_NOT_SUPPORTED },
		{ PSCI_FN64_BASE, 0, 0, PSCI_NOT_SUPPORTED },
		{ 0x12345678u, 1, 2, PSCI_NOT_SUPPORTED },
	};
	enum psci_request req;
	enum emu_result result;

	for (unsigned i = 0; i < sizeof(calls) / sizeof(calls[0]); i++) {
		CHECK_EQ(psci_call(PSR_MODE_SVC, calls[i].fn, calls[i].a1, calls[i].a2, &req, &result),
			 calls[i].r0);
		CHECK_EQ(result, EMU_DONE);
		CHECK_EQ(req, PSCI_REQ_NONE);
	}
}

TEST(psci_features_lists_what_qemu_virt_implements)
{
	enum psci_request req;
	enum emu_result result;

	for (uint32_t n = 0; n < PSCI_FN_COUNT; n++) {
		bool yes = n <= 4 || n == 6 || n == 8 || n == 9 || n == 0xa;
		CHECK_EQ(psci_call(PSR_MODE_SVC, PSCI_FN_FEATURES, PSCI_FN_BASE + n, 0, &req, &result),
			 yes ? PSCI_SUCCESS : PSCI_NOT_SUPPORTED);
		CHECK_EQ(psci_call(PSR_MODE_SVC, PSCI_FN_FEATURES, PSCI_FN64_BASE + n, 0, &req, &result),
			 PSCI_NOT_SUPPORTED);
	}
}

TEST(psci_power_requests)
{
	enum psci_request req;
	enum emu_result result;

	CHECK_EQ(psci_call(PSR_MODE_SVC, PSCI_FN_SYSTEM_OFF, 0, 0, &req, &result), PSCI_SUCCESS);
	CHECK_EQ(req, PSCI_REQ_SYSTEM_OFF);
	CHECK_EQ(psci_call(PSR_MODE_SVC, PSCI_FN_SYSTEM_RESET, 0, 0, &req, &result), PSCI_SUCCESS);
	CHECK_EQ(req, PSCI_REQ_SYSTEM_RESET);
	CHECK_EQ(psci_call(PSR_MODE_SVC, PSCI_FN_CPU_OFF, 0, 0, &req, &result), PSCI_SUCCESS);
	CHECK_EQ(req, PSCI_REQ_CPU_OFF);
	CHECK_EQ(psci_call(PSR_MODE_SVC, PSCI_FN_CPU_ON, 0, 0, &req, &result), (uint32_t)-4);
	CHECK_EQ(req, PSCI_REQ_NONE);
}

TEST(hvc_is_undefined_in_user_mode_and_when_conditional)
{
	enum psci_request req;
	enum emu_result result;
	struct vcpu v;

	psci_call(PSR_MODE_USR, PSCI_FN_SYSTEM_OFF, 0, 0, &req, &result);
	CHECK_EQ(result, EMU_UNDEF);
	CHECK_EQ(req, PSCI_REQ_NONE);
	fixture_vcpu(&v, PSR_MODE_SVC);
	v.id = &ids;
	v.r[0] = PSCI_FN_SYSTEM_OFF;
	CHECK_EQ(emulate_psci(&v, 0x01400070u, &req), EMU_UNDEF);       /* HVCEQ */
	CHECK_EQ(emulate_psci(&v, 0xe1600070u, &req), EMU_UNDEF);       /* SMC */
	CHECK_EQ(req, PSCI_REQ_NONE);
}
