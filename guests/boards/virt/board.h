/* Board addresses of the QEMU virt machine used by the test guests (hw/arm/virt.c's memory map). */
#ifndef GUEST_BOARD_H
#define GUEST_BOARD_H

#define RAM_BASE        0x40000000u
/* The MiB that holds the console UART, for guests with their own tables. */
#define DEVICE_BASE     0x09000000u
/* Free virtual space (no RAM, no devices) where guests with their own tables map their tests. */
#define TEST_VA_BASE    0x10000000u
/* TTBCR.N that gives TTBR1 RAM_BASE and up (the guest's code and data) and TTBR0 the rest. */
#define RAM_TTBCR_N     2u

/* PL011 UART */
#define UART0_BASE      0x09000000u
#define UART_DATA       0x00u   /* UARTDR */
#define UART_STATUS     0x18u   /* UARTFR */
#define UART_TX_FULL(fr) ((fr) & (1u << 5))     /* TXFF */

/* GICv2 */
#define GICD_BASE       0x08000000u
#define GICC_BASE       0x08010000u

/* Generic timer interrupts: virtual timer PPI; physical timer PPI (Non-secure, as QEMU's virt has no Secure state: the Non-secure physical timer) */
#define VTIMER_PPI      27u
#define PTIMER_PPI      30u

#endif
