/*
 * board/drivers/mmio.h for host tests: each access goes to the register
 * model mapped at that address (a word access at `offset` into it); an
 * access where no model is mapped fails the test.
 */
#ifndef TESTS_HOST_FAKE_MMIO_H
#define TESTS_HOST_FAKE_MMIO_H

#include <stdint.h>

struct mmio_model {
	uint32_t (*read)(void *ctx, uint32_t offset);
	void (*write)(void *ctx, uint32_t offset, uint32_t value);
	void *ctx;
};

/* Map `model` at [base, base + size), replacing every earlier mapping. */
void fake_mmio_map(uintptr_t base, uint32_t size, const struct mmio_model *model);

#endif
