/* The register model board drivers reach in host tests (fake_mmio.h). */
#include "board/drivers/mmio.h"
#include "fake_mmio.h"
#include "test.h"

static uintptr_t mapped_base;
static uint32_t mapped_size;
static struct mmio_model mapped;

void fake_mmio_map(uintptr_t base, uint32_t size, const struct mmio_model *model)
{
	mapped_base = base;
	mapped_size = size;
	mapped = *model;
}

static uint32_t offset_of(uintptr_t addr)
{
	if (addr - mapped_base >= mapped_size || addr % 4u) {
		FAIL("MMIO access at 0x%lx: no register model there", (unsigned long)addr);
		return 0;
	}
	return (uint32_t)(addr - mapped_base);
}

uint32_t mmio_read32(uintptr_t addr)
{
	uint32_t offset = offset_of(addr);

	return mapped.read ? mapped.read(mapped.ctx, offset) : 0u;
}

void mmio_write32(uintptr_t addr, uint32_t value)
{
	uint32_t offset = offset_of(addr);

	if (mapped.write)
		mapped.write(mapped.ctx, offset, value);
}
