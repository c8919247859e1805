/* The console PL011 as the guests that program it use it (ARM DDI 0183). */
#ifndef PL011_H
#define PL011_H

#include <stdint.h>

#include "board.h"

#define UARTFR          0x18u
#define UARTIBRD        0x24u
#define UARTFBRD        0x28u
#define UARTLCR_H       0x2cu
#define UARTCR          0x30u
#define UARTIFLS        0x34u
#define UARTIMSC        0x38u

#define FR_RXFE         (1u << 4)
#define LCR_H_FEN_8BITS 0x70u           /* FIFOs on, 8-bit words */
#define CR_UARTEN_TXE_RXE 0x301u
#define IMSC_RXIM       (1u << 4)
#define DR_DATA         0xffu

/* A register of the board's console UART. */
static inline volatile uint32_t *pl011(uint32_t offset)
{
	return (volatile uint32_t *)(UART0_BASE + offset);
}

#endif
