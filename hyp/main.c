/* The hypervisor's C entry, called by arch/arm/boot.S with the MMU on. */
#include <stdint.h>

#include "arch/arm/cp15.h"
#include "arch/arm/id_regs.h"
#include "arch/arm/mmu.h"
#include "board/board.h"
#include "dacr/domains.h"
#include "generated/config.h"
#include "hyp/guest_set.h"
#include "hyp/integrity.h"
#include "hyp/log.h"

extern const uint8_t hyp_vectors[];
void hyp_main(uint32_t boot_sctlr, uint32_t phys_offset) __attribute__((noreturn));

static struct vcpu_id_regs id_regs;
static struct guest_set guests;

void hyp_main(uint32_t boot_sctlr, uint32_t phys_offset)
{
	mmu_init(phys_offset);
	cp15_write_vbar((uint32_t)(uintptr_t)hyp_vectors);
	cp15_write_dacr(DACR_HYP_GUEST_FLAT);
	board.init();
	log_info("ARMv7-A hypervisor on %s: loaded at 0x%08x, window 0x%08x-0x%08x", board.name,
		 hyp_virt_to_phys((void *)CONFIG_HYP_VA_BASE), CONFIG_HYP_VA_BASE,
		 CONFIG_HYP_VA_BASE + CONFIG_HYP_RAM_SIZE + CONFIG_HYP_IO_SIZE - 1);

	integrity_record();
	id_regs_read(&id_regs);
	board.irqchip->enable(board.tick.irq);
	board.tick.start(HYP_TICK_HZ);

	guest_set_create(&guests, boot_sctlr, &id_regs);
	guest_set_run(&guests);
}
