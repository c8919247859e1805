/*
 * An emulated ARM PrimeCell UART (PL011, ARM DDI 0183) for a guest that
 * does not own the board's console UART: several guests run at once, one
 * reaches the real UART, the others each get this device where their device
 * tree puts it. What such a guest transmits goes to the hypervisor's own
 * console a line at a time, through `emit` (whose `ctx` tells the guest,
 * for its prefix). Transmission is instantaneous: the transmit FIFO is
 * always empty and never busy. Nothing is ever received (the receive FIFO
 * is always empty) and no interrupt is raised.
 * The control registers keep what the guest writes, to their widths, and
 * do not change what it sees otherwise. Registers are modelled as words: a
 * byte or halfword access reads or writes those bytes of the word at that
 * offset; any access covering DR's low byte transmits it.
 * Portable: compiled for the target and for host unit tests.
 */
#ifndef HYP_VPL011_H
#define HYP_VPL011_H

#include <stdint.h>

#include "board/board.h"
#include "hyp/console_tail.h"

#define VPL011_SIZE     0x1000u
#define VPL011_LINE_LEN 160u    /* longer lines are emitted in pieces this long */

struct vpl011 {
	/* A completed line of output, without its newline; NUL-terminated. */
	void (*emit)(void *ctx, const char *line);
	void *ctx;
	struct console_tail *tail;      /* also given every character written; may be NULL */
	char line[VPL011_LINE_LEN + 1]; /* the line being written */
	unsigned len;
	uint32_t ilpr, ibrd, fbrd, lcr_h, cr, ifls, imsc, dmacr;
};

/* The UART after reset (CR and IFLS at their reset values), no line begun. */
void vpl011_init(struct vpl011 *u, void (*emit)(void *ctx, const char *line), void *ctx,
		 struct console_tail *tail);

/* Register accesses (struct guest_mmio_device handlers; `ctx` is the struct vpl011). */
enum mmio_result vpl011_read(void *ctx, uint32_t offset, unsigned size, uint32_t *value);
enum mmio_result vpl011_write(void *ctx, uint32_t offset, unsigned size, uint32_t value);

#endif
