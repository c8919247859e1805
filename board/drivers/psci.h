/*
 * PSCI (ARM DEN 0022), as the hypervisor calls it on boards whose firmware
 * or emulator implements it through HVC (QEMU virt without EL2).
 */
#ifndef BOARD_DRIVERS_PSCI_H
#define BOARD_DRIVERS_PSCI_H

void psci_system_off(void) __attribute__((noreturn));

#endif
