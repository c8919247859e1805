/*
 * A guest's 16550-compatible console UART (the A10's DesignWare UART, the
 * OMAP3's) watched by the hypervisor: the guest's accesses trap and are
 * forwarded to the real UART at their own width (a read of the receive
 * register pops a character once, as natively), and each character written
 * to the transmit holding register goes to the guest's console tail
 * (hyp/console_tail.h, the handlers' ctx). Registers are 2^reg_shift bytes
 * apart; the page mapped holds the UART.
 */
#ifndef BOARD_DRIVERS_UART16550_WATCH_H
#define BOARD_DRIVERS_UART16550_WATCH_H

#include <stdint.h>

#include "board/board.h"

/* Map the UART page at `pa` (4 KiB aligned). */
void uart16550_watch_init(uint32_t pa, unsigned reg_shift);

enum mmio_result uart16550_watch_read(void *ctx, uint32_t offset, unsigned size, uint32_t *value);
enum mmio_result uart16550_watch_write(void *ctx, uint32_t offset, unsigned size, uint32_t value);

#endif
