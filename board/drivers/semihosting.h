/*
 * The hypervisor's console through semihosting (ARM DUI 0471, "SVC
 * 0x123456" in ARM state): the debugger or emulator (QEMU
 * -semihosting-config enable=on) writes it out, so the board's only UART
 * stays the guest's. Without semihosting enabled the call would be an SVC
 * taken by the hypervisor itself: only boards run that way use it.
 */
#ifndef BOARD_DRIVERS_SEMIHOSTING_H
#define BOARD_DRIVERS_SEMIHOSTING_H

/* One character of a console, sent a line at a time. */
void semihosting_putc(char c);

/* End the emulator's run (SYS_EXIT, ADP_Stopped_ApplicationExit): a board power-off. */
void semihosting_exit(void) __attribute__((noreturn));

#endif
