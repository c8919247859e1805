/* Board addresses of the QEMU vexpress-a15 machine used by the test guests. */
#ifndef VEXPRESS_H
#define VEXPRESS_H

/* PL011 UART0 */
#define UART0_BASE      0x1c090000u
#define UART_DR         0x00u
#define UART_FR         0x18u
#define UART_FR_TXFF    (1u << 5)

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

/* Generic timer interrupt: virtual timer PPI */
#define VTIMER_PPI      27u

#endif
