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
 * The PL011 a guest owns (passed through), mapped at `regs`; put back as
 * after reset (a struct guest_passthrough_device's reset op): what it was
 * sending sent, what it received dropped, interrupts masked and cleared,
 * its registers at their reset values.
 */
void pl011_guest_init(volatile uint32_t *regs);
void pl011_guest_reset(void);

#endif
