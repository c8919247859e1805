/*
 * The transmit side of a 16550-compatible UART (the OMAP3's UART3: AM-DM37x
 * TRM, "UART/IrDA/CIR Module", UART mode) as the hypervisor's own polled
 * console. The UART is the guest's console too (uart16550_watch.h): baud
 * rate and line settings stay as the boot loader left them and the guest
 * keeps them. Registers are 2^reg_shift bytes apart and read and written
 * 32 bits wide, so reg_shift is at least 2.
 */
#ifndef BOARD_DRIVERS_UART16550_H
#define BOARD_DRIVERS_UART16550_H

#include <stdint.h>

/* Use the UART at `base` (mapped); no register is touched. */
void uart16550_init(uintptr_t base, unsigned reg_shift);
/* One character of a console: a line feed goes out as CR LF. */
void uart16550_putc(char c);

#endif
