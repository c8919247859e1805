/*
 * An emulated ARM PrimeCell UART (PL011, ARM DDI 0183) for a guest that
 * does not own the board's console UART: several guests run at once, one
 * reaches the real UART, the others each get this device where their device
 * tree puts it. What such a guest transmits goes to the hypervisor's own
 * console a line at a time, through `emit` (whose `ctx` tells the guest,
 * for its prefix). Transmission is instantaneous: the transmit FIFO is
 * always empty and never busy. What the hypervisor receives for the guest
 * (vpl011_receive(), the guest with the console input focus) waits in the
 * receive FIFO: 16 characters, or 1 while LCR_H.FEN is clear; changing FEN
 * empties it. As on a real PL011, nothing is received until the guest
 * enables the UART and its receiver (CR.UARTEN, CR.RXE): input typed
 * earlier waits for it.
 * Interrupts as QEMU's PL011 raises them, the oracle the guests are compared
 * with: the receive interrupt when the first character arrives, until the
 * FIFO is read empty; the transmit interrupt at every character written,
 * until cleared through ICR; no receive timeout, error or modem interrupt.
 * `irq` is given the level of the UART's interrupt line (RIS & IMSC) after
 * every change that may have changed it.
 * The other control registers keep what the guest writes, to their widths,
 * and do not change what it sees otherwise. Registers are modelled as words:
 * a byte or halfword access reads or writes those bytes of the word at that
 * offset; any access covering DR's low byte transmits or receives.
 * Portable: compiled for the target and for host unit tests.
 */
#ifndef HYP_VPL011_H
#define HYP_VPL011_H

#include <stdbool.h>
#include <stdint.h>

#include "board/board.h"
#include "hyp/console_tail.h"

#define VPL011_SIZE     0x1000u
#define VPL011_LINE_LEN 160u    /* longer lines are emitted in pieces this long */
#define VPL011_RX_FIFO  16u

struct vpl011 {
	/* A completed line of output, without its newline; NUL-terminated. */
	void (*emit)(void *ctx, const char *line);
	/* The interrupt line's level, given `ctx` too. */
	void (*irq)(void *ctx, bool high);
	void *ctx;
	struct console_tail *tail;      /* also given every character written; may be NULL */
	char line[VPL011_LINE_LEN + 1]; /* the line being written */
	unsigned len;
	uint8_t rx[VPL011_RX_FIFO];     /* received, not read yet: rx_count from rx_pos on */
	unsigned rx_pos, rx_count;
	uint32_t ris;                   /* raw interrupt status */
	uint32_t ilpr, ibrd, fbrd, lcr_h, cr, ifls, imsc, dmacr;
};

/* The UART after reset (CR and IFLS at their reset values), no line begun, nothing received. */
void vpl011_init(struct vpl011 *u, void (*emit)(void *ctx, const char *line), void (*irq)(void *ctx, bool high),
		 void *ctx, struct console_tail *tail);

/* Is the receiver enabled (CR.UARTEN and CR.RXE), with room in its FIFO? */
bool vpl011_can_receive(const struct vpl011 *u);
/* A character arrives for the guest: false, and nothing changes, if its receive FIFO is full. */
bool vpl011_receive(struct vpl011 *u, uint8_t c);

/* Register accesses (struct guest_mmio_device handlers; `ctx` is the struct vpl011). */
enum mmio_result vpl011_read(void *ctx, uint32_t offset, unsigned size, uint32_t *value);
enum mmio_result vpl011_write(void *ctx, uint32_t offset, unsigned size, uint32_t value);

#endif
