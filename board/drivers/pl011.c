#include "board/drivers/pl011.h"

#define PL011_DR        (0x00u / 4u)
#define PL011_ECR       (0x04u / 4u)
#define PL011_FR        (0x18u / 4u)
#define PL011_ILPR      (0x20u / 4u)
#define PL011_IBRD      (0x24u / 4u)
#define PL011_FBRD      (0x28u / 4u)
#define PL011_LCR_H     (0x2cu / 4u)
#define PL011_CR        (0x30u / 4u)
#define PL011_IFLS      (0x34u / 4u)
#define PL011_IMSC      (0x38u / 4u)
#define PL011_ICR       (0x44u / 4u)
#define PL011_DMACR     (0x48u / 4u)
#define PL011_FR_BUSY   (1u << 3)
#define PL011_FR_RXFE   (1u << 4)
#define PL011_FR_TXFF   (1u << 5)
#define PL011_DR_DATA   0xffu
#define PL011_CR_RESET  0x0300u         /* TXE, RXE; the UART disabled */
#define PL011_IFLS_RESET 0x12u
#define PL011_INT_ALL   0x7ffu
#define PL011_FIFO_MAX  32u             /* the deepest FIFO of any PL011 revision */
#define PL011_DRAIN_POLLS 1000000u      /* a UART that never finishes sending is not waited for */

static volatile uint32_t *uart;

void pl011_init(volatile uint32_t *regs)
{
	uart = regs;
}

static void transmit(char c)
{
	while (uart[PL011_FR] & PL011_FR_TXFF)
		;
	uart[PL011_DR] = (uint8_t)c;
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
	if (!uart || (uart[PL011_FR] & PL011_FR_RXFE))
		return -1;
	return (int)(uart[PL011_DR] & PL011_DR_DATA);
}

void pl011_reset(volatile uint32_t *regs)
{
	for (uint32_t n = 0; n < PL011_DRAIN_POLLS && (regs[PL011_FR] & PL011_FR_BUSY); n++)
		;
	regs[PL011_IMSC] = 0;
	regs[PL011_CR] = 0;
	regs[PL011_LCR_H] = 0;          /* FIFOs off */
	for (uint32_t n = 0; n < PL011_FIFO_MAX && !(regs[PL011_FR] & PL011_FR_RXFE); n++)
		(void)regs[PL011_DR];
	regs[PL011_ECR] = 0;
	regs[PL011_ICR] = PL011_INT_ALL;
	regs[PL011_DMACR] = 0;
	regs[PL011_ILPR] = 0;
	regs[PL011_IBRD] = 0;
	regs[PL011_FBRD] = 0;
	regs[PL011_IFLS] = PL011_IFLS_RESET;
	regs[PL011_CR] = PL011_CR_RESET;
}
