/*
 * Console input for the guests that do not own the board's console UART:
 * what is typed on the hypervisor's console (board.console_getc) goes to
 * the receive FIFO of the emulated PL011 (hyp/vpl011.h) of the guest with
 * the input focus; CONSOLE_INPUT_NEXT moves the focus on to the next such
 * guest that is running. Characters wait in the real UART while the
 * focused guest's FIFO is full, or while no such guest runs. The guest
 * that owns the devices reads the board's console UART itself.
 */
#ifndef HYP_CONSOLE_INPUT_H
#define HYP_CONSOLE_INPUT_H

#include "hyp/guest_set.h"

#define CONSOLE_INPUT_NEXT 0x1du        /* Ctrl-] */

/* Give the focus to the first guest that can have it, and say so. */
void console_input_start(struct guest_set *s);
/* Pass on what was typed since (on every tick of the hypervisor). */
void console_input_poll(struct guest_set *s);

#endif
