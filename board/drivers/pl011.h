/* ARM PrimeCell UART (PL011, ARM DDI 0183), polled. */
#ifndef BOARD_DRIVERS_PL011_H
#define BOARD_DRIVERS_PL011_H

#include <stdint.h>

void pl011_init(volatile uint32_t *regs);
/* One character of a console: a line feed goes out as CR LF. */
void pl011_putc(char c);
/* The next character received, or -1 if none is waiting. */
int pl011_getc(void);
/*
 * Another PL011 (a guest's), as after reset: what it was sending sent,
 * what it received dropped, interrupts masked and cleared, its registers
 * at their reset values.
 */
void pl011_reset(volatile uint32_t *regs);

#endif
