#include "board/drivers/uart16550.h"
#include "board/drivers/mmio.h"
#include "board/drivers/uart16550_regs.h"

/* LSR reads before sending anyway: over 100 ms, a full 64-byte FIFO draining at 9600 baud. */
#define THRE_POLLS          1000000u

static uintptr_t regs;
static unsigned shift;

void uart16550_init(uintptr_t base, unsigned reg_shift)
{
	regs = base;
	shift = reg_shift;
}

static uintptr_t reg(unsigned index)
{
	return regs + ((uintptr_t)index << shift);
}

/* A character that finds THRE never set is sent all the same: lost at worst, as when dropped. */
static void transmit(char c)
{
	for (unsigned polls = 0; polls < THRE_POLLS; polls++)
		if (mmio_read32(reg(UART_LSR)) & UART_LSR_THRE)
			break;
	mmio_write32(reg(UART_THR), (uint8_t)c);
}

void uart16550_putc(char c)
{
	if (!regs)
		return;                 /* a panic before the board mapped its console */
	/*
	 * The guest may be stopped between programming steps with DLAB set;
	 * register 0 is then its divisor latch, not THR. Leave the latch alone:
	 * clear DLAB around the character and give the guest its LCR back.
	 */
	uint32_t lcr = mmio_read32(reg(UART_LCR));
	if (lcr & UART_LCR_DLAB)
		mmio_write32(reg(UART_LCR), lcr & ~UART_LCR_DLAB);
	if (c == '\n')
		transmit('\r');         /* a serial terminal's line end */
	transmit(c);
	if (lcr & UART_LCR_DLAB)
		mmio_write32(reg(UART_LCR), lcr);
}
