/*
 * 16550-compatible UART registers (the A10's DesignWare UART, the OMAP3's),
 * by index: a register every 2^reg_shift bytes.
 */
#ifndef BOARD_DRIVERS_UART16550_REGS_H
#define BOARD_DRIVERS_UART16550_REGS_H

#define UART_THR            0u          /* transmit holding (write, DLAB clear); receive buffer (read) */
#define UART_LCR            3u          /* line control */
#define UART_LCR_DLAB       (1u << 7)   /* registers 0, 1: the divisor latch (OMAP3: a configuration mode) */
#define UART_LSR            5u          /* line status */
#define UART_LSR_THRE       (1u << 5)   /* transmit holding register (OMAP3: transmit FIFO) empty */

#endif
