/*
 * Register accesses of the board drivers that are unit-tested on the host
 * (the OMAP3 ones): on the target, volatile word accesses at the address
 * ioremap() gave; in host tests (HOST_MMIO_MODELS), calls into register
 * models written from the SoC's documentation (tests/host/fake_mmio.h).
 */
#ifndef BOARD_DRIVERS_MMIO_H
#define BOARD_DRIVERS_MMIO_H

#include <stdint.h>

#ifdef HOST_MMIO_MODELS
uint32_t mmio_read32(uintptr_t addr);
void mmio_write32(uintptr_t addr, uint32_t value);
#else
static inline uint32_t mmio_read32(uintptr_t addr)
{
	return *(volatile uint32_t *)addr;
}

static inline void mmio_write32(uintptr_t addr, uint32_t value)
{
	*(volatile uint32_t *)addr = value;
}
#endif

#endif
