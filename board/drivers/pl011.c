#include "board/drivers/pl011.h"

#define PL011_DR        (0x00u / 4u)
#define PL011_FR        (0x18u / 4u)
#define PL011_FR_RXFE   (1u << 4)
#define PL011_FR_TXFF   (1u << 5)
#define PL011_DR_DATA   0xffu

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
