#include "board/drivers/uart16550_watch.h"
#include "arch/arm/mmu.h"
#include "board/drivers/uart16550_regs.h"
#include "hyp/console_tail.h"

static volatile uint8_t *page;
static unsigned shift;

void uart16550_watch_init(uint32_t pa, unsigned reg_shift)
{
	page = (volatile uint8_t *)ioremap(pa, 0x1000);
	shift = reg_shift;
}

enum mmio_result uart16550_watch_read(void *ctx, uint32_t offset, unsigned size, uint32_t *value)
{
	(void)ctx;
	if (size == 1)
		*value = page[offset];
	else if (size == 2)
		*value = *(volatile uint16_t *)(page + offset);
	else
		*value = *(volatile uint32_t *)(page + offset);
	return MMIO_DONE;
}

enum mmio_result uart16550_watch_write(void *ctx, uint32_t offset, unsigned size, uint32_t value)
{
	if (offset == UART_THR << shift && !(page[UART_LCR << shift] & UART_LCR_DLAB))
		console_tail_putc(ctx, (char)value);
	if (size == 1)
		page[offset] = (uint8_t)value;
	else if (size == 2)
		*(volatile uint16_t *)(page + offset) = (uint16_t)value;
	else
		*(volatile uint32_t *)(page + offset) = value;
	return MMIO_DONE;
}
