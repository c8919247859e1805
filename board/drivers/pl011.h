/* ARM PrimeCell UART (PL011), transmit side only. */
#ifndef BOARD_DRIVERS_PL011_H
#define BOARD_DRIVERS_PL011_H

#include <stdint.h>

void pl011_init(volatile uint32_t *regs);
/* One character of a console: a line feed goes out as CR LF. */
void pl011_putc(char c);

#endif
