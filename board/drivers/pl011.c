#include "board/drivers/pl011.h"
#include "board/drivers/pl011_regs.h"

#define REG(offset)     ((offset) / 4u)
#define PL011_FIFO_MAX  32u             /* the deepest FIFO of any PL011 revision */
#define PL011_DRAIN_POLLS 1000000u      /* a UART that never finishes sending is not waited for */

static volatile uint32_t *uart, *guest_uart;

void pl011_init(volatile uint32_t *regs)
{
	uart = regs;
}

static void transmit(char c)
{
	while (uart[REG(PL011_FR)] & PL011_FR_TXFF)
		;
	uart[REG(PL011_DR)] = (uint8_t)c;
}

void pl011_putc(char c)
{
	if (!uart)
		return;
	if (c == '\n')
		transmit('\r');        /* a serial terminal's line end */
	transmit(c);
}

int pl011_getc(void)
{
	if (!uart || (uart[REG(PL011_FR)] & PL011_FR_RXFE))
		return -1;
	return (int)(uart[REG(PL011_DR)] & PL011_DR_DATA);
}

/* The UART at `regs` as after reset (pl011_guest_reset()). */
static void reset(volatile uint32_t *regs)
{
	for (uint32_t n = 0; n < PL011_DRAIN_POLLS && (regs[REG(PL011_FR)] & PL011_FR_BUSY); n++)
		;
	regs[REG(PL011_IMSC)] = 0;
	regs[REG(PL011_CR)] = 0;
	regs[REG(PL011_LCR_H)] = 0;          /* FIFOs off */
	for (uint32_t n = 0; n < PL011_FIFO_MAX && !(regs[REG(PL011_FR)] & PL011_FR_RXFE); n++)
		(void)regs[REG(PL011_DR)];
	regs[REG(PL011_RSR)] = 0;
	regs[REG(PL011_ICR)] = PL011_INT_ALL;
	regs[REG(PL011_DMACR)] = 0;
	regs[REG(PL011_ILPR)] = 0;
	regs[REG(PL011_IBRD)] = 0;
	regs[REG(PL011_FBRD)] = 0;
	regs[REG(PL011_IFLS)] = PL011_IFLS_RESET;
	regs[REG(PL011_CR)] = PL011_CR_RESET;
}

void pl011_guest_init(volatile uint32_t *regs)
{
	guest_uart = regs;
}

void pl011_guest_reset(void)
{
	reset(guest_uart);
}
