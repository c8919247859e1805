/*
 * The A10's system control page (0x01C20000) as the guest sees it. The
 * guest's interrupt controller there is virtual (hyp/va10_pic.c) and timer
 * 5 is the hypervisor's tick, so the whole page traps: the clock and pin
 * controllers and the rest are the real registers, reached through the
 * hypervisor; the timer block is the real one but for timer 5 and its bits
 * in the interrupt enable and status registers, which are the guest's own
 * registers there and drive nothing.
 */
#ifndef BOARD_CUBIEBOARD_GUEST_SYS_H
#define BOARD_CUBIEBOARD_GUEST_SYS_H

#include <stdint.h>

#include "board/board.h"

#define A10_SYS_PAGE        0x01c20000u
#define A10_CCU_OFFSET      0x000u
#define A10_PIC_OFFSET      0x400u
#define A10_PIO_OFFSET      0x800u
#define A10_TIMER_OFFSET    0xc00u
#define A10_SYS_PART        0x400u          /* each of the four parts */

/* A guest's timer 5 and its enable and status bits. */
struct guest_hidden_timer {
	uint32_t irq_en, irq_sta;
	uint32_t ctrl, intv, count;
};

/* Map the real page; `hidden` is the timer channel the hypervisor keeps. */
void guest_sys_init(unsigned hidden);

/* The clock and pin controllers and the rest: the real registers (ctx unused). */
enum mmio_result guest_sys_real_read(void *ctx, uint32_t offset, unsigned size, uint32_t *value);
enum mmio_result guest_sys_real_write(void *ctx, uint32_t offset, unsigned size, uint32_t value);

/* The timer block (offsets from A10_TIMER_OFFSET; ctx: the guest's struct guest_hidden_timer). */
enum mmio_result guest_sys_timer_read(void *ctx, uint32_t offset, unsigned size, uint32_t *value);
enum mmio_result guest_sys_timer_write(void *ctx, uint32_t offset, unsigned size, uint32_t value);

#endif
