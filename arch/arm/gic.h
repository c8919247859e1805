/* GICv2 distributor and CPU interface, for the hypervisor's own interrupts. */
#ifndef ARCH_ARM_GIC_H
#define ARCH_ARM_GIC_H

#include <stdbool.h>
#include <stdint.h>

#define GIC_SPURIOUS_ID 1023u

void gic_init(uint32_t dist_pa, uint32_t cpu_pa);
void gic_enable_irq(unsigned id);
void gic_disable_irq(unsigned id);
/* Pending in the distributor; a level-sensitive interrupt is pending while its line is high. */
bool gic_irq_pending(unsigned id);
/* The distributor's type and implementer registers, for the guest's virtual GIC. */
uint32_t gic_dist_typer(void);
uint32_t gic_dist_iidr(void);
/* Acknowledge the highest-priority pending interrupt; GIC_SPURIOUS_ID if none. */
unsigned gic_ack(void);
void gic_eoi(unsigned iar);

#endif
