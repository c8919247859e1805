/*
 * hyp/vmem.h and arch/arm/guest_word.h over a small fake guest RAM (the
 * target's hyp/vmem.c with the MMU off, and LDRT/STRT).
 */
#include "arch/arm/fsr_bits.h"
#include "arch/arm/guest_word.h"
#include "fixture.h"
#include "hyp/vmem.h"

static uint8_t ram[FAKE_RAM_SIZE];

void fake_ram_reset(void)
{
	memset(ram, 0, sizeof(ram));
}

uint32_t fake_ram_access(uint32_t addr, unsigned size, bool write, uint32_t *value)
{
	if (addr < FAKE_RAM_BASE || addr - FAKE_RAM_BASE > FAKE_RAM_SIZE - size)
		return fsr_make(FS_SYNC_EXTERNAL);
	uint8_t *p = &ram[addr - FAKE_RAM_BASE];
	if (write) {
		for (unsigned i = 0; i < size; i++)
			p[i] = (uint8_t)(*value >> (8 * i));
	} else {
		*value = 0;
		for (unsigned i = 0; i < size; i++)
			*value |= (uint32_t)p[i] << (8 * i);
	}
	return 0;
}

uint32_t fake_ram_get(uint32_t addr)
{
	uint32_t value = 0;

	fake_ram_access(addr, 4, false, &value);
	return value;
}

void fake_ram_set(uint32_t addr, uint32_t value)
{
	fake_ram_access(addr, 4, true, &value);
}

uint32_t vmem_read(struct vcpu *v, uint32_t va, unsigned size, uint32_t *value)
{
	(void)v;
	return fake_ram_access(va, size, false, value);
}

uint32_t vmem_write(struct vcpu *v, uint32_t va, unsigned size, uint32_t value)
{
	(void)v;
	return fake_ram_access(va, size, true, &value);
}

/* arch/arm/guest_word.h over the same RAM: the fast paths' direct word accesses. */
bool guest_load_word(uint32_t va, uint32_t *word)
{
	uint32_t value;

	if (fake_ram_access(va, 4, false, &value))
		return false;
	*word = value;
	return true;
}

bool guest_store_word(uint32_t va, uint32_t word)
{
	return !fake_ram_access(va, 4, true, &word);
}

bool guest_load_words(uint32_t va, uint32_t *words, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		if (!guest_load_word(va + 4u * i, &words[i]))
			return false;
	return true;
}

bool guest_store_words(uint32_t va, const uint32_t *words, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		if (!guest_store_word(va + 4u * i, words[i]))
			return false;
	return true;
}
