/* Board addresses of the QEMU vexpress-a15 machine used by the test guests. */
#ifndef GUEST_BOARD_H
#define GUEST_BOARD_H

#define RAM_BASE        0x80000000u
/* The MiB that holds the console UART and the power-off registers, for guests with their own tables. */
#define DEVICE_BASE     0x1c000000u
/* Free virtual space (no RAM, no devices) where guests with their own tables map their tests. */
#define TEST_VA_BASE    0x40000000u
/* TTBCR.N that gives TTBR1 RAM_BASE and up (the guest's code and data) and TTBR0 the rest. */
#define RAM_TTBCR_N     1u

/* PL011 UART0 */
#define UART0_BASE      0x1c090000u
#define UART_DATA       0x00u   /* UARTDR */
#define UART_STATUS     0x18u   /* UARTFR */
#define UART_TX_FULL(fr) ((fr) & (1u << 5))     /* TXFF */
#define UART0_IRQ       37u     /* SPI 5 */

/* V2M motherboard system registers */
#define SYSREG_BASE     0x1c010000u
#define SYS_CFGDATA     0xa0u
#define SYS_CFGCTRL     0xa4u
#define SYS_CFGSTAT     0xa8u

/* SYS_CFGCTRL fields; site/position/device are left 0 */
#define SYS_CFG_START           (1u << 31)
#define SYS_CFG_WRITE           (1u << 30)
#define SYS_CFG_FUNC_SHIFT      20
#define SYS_CFG_FUNC_SHUTDOWN   8u

/* GICv2 (Cortex-A15 MPCore private region) */
#define GICD_BASE       0x2c001000u
#define GICC_BASE       0x2c002000u

/* Generic timer interrupts: virtual timer PPI; physical timer PPI (the guest starts in Secure state, as QEMU starts an ELF: the Secure physical timer) */
#define VTIMER_PPI      27u
#define PTIMER_PPI      29u

#endif
