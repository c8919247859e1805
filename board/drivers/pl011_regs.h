/*
 * ARM PrimeCell UART (PL011) registers (ARM DDI 0183, "Summary of
 * registers"): byte offsets and bits, for the driver (board/drivers/pl011.c)
 * and the emulated one (hyp/vpl011.c).
 */
#ifndef BOARD_DRIVERS_PL011_REGS_H
#define BOARD_DRIVERS_PL011_REGS_H

#define PL011_DR        0x000u
#define PL011_RSR       0x004u          /* ECR when written */
#define PL011_FR        0x018u
#define PL011_ILPR      0x020u
#define PL011_IBRD      0x024u
#define PL011_FBRD      0x028u
#define PL011_LCR_H     0x02cu
#define PL011_CR        0x030u
#define PL011_IFLS      0x034u
#define PL011_IMSC      0x038u
#define PL011_RIS       0x03cu
#define PL011_MIS       0x040u
#define PL011_ICR       0x044u
#define PL011_DMACR     0x048u
#define PL011_PERIPHID0 0xfe0u          /* then PeriphID1-3 and PCellID0-3, a word apart */

#define PL011_DR_DATA   0xffu
#define PL011_FR_BUSY   (1u << 3)
#define PL011_FR_RXFE   (1u << 4)
#define PL011_FR_TXFF   (1u << 5)
#define PL011_FR_RXFF   (1u << 6)
#define PL011_FR_TXFE   (1u << 7)
#define PL011_LCR_H_FEN (1u << 4)
#define PL011_CR_UARTEN (1u << 0)
#define PL011_CR_RXE    (1u << 9)
#define PL011_INT_RX    (1u << 4)       /* in IMSC, RIS, MIS and ICR */
#define PL011_INT_TX    (1u << 5)
#define PL011_INT_ALL   0x7ffu

#define PL011_CR_RESET  0x0300u         /* TXE and RXE set, UARTEN clear */
#define PL011_IFLS_RESET 0x12u          /* both FIFOs' interrupt levels at half full */

#endif
