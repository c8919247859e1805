/* Board addresses of the BeagleBoard and BeagleBoard-xM (TI OMAP3) used by the test guests. */
#ifndef GUEST_BOARD_H
#define GUEST_BOARD_H

#define RAM_BASE        0x80000000u
/* The MiB that holds the console UART, for guests with their own tables. */
#define DEVICE_BASE     0x49000000u
/* Free virtual space (no RAM, no devices) where guests with their own tables map their tests. */
#define TEST_VA_BASE    0x10000000u
/* TTBCR.N that gives TTBR1 RAM_BASE and up (the guest's code and data) and TTBR0 the rest. */
#define RAM_TTBCR_N     1u

/* UART3 (the serial header), 16550-compatible with its registers 4 bytes apart */
#define UART0_BASE      0x49020000u
#define UART_DATA       0x00u   /* THR */
#define UART_STATUS     0x14u   /* LSR */
#define UART_TX_FULL(lsr) (!((lsr) & (1u << 5)))        /* THRE clear */

#endif
