#include "hyp/vpl011.h"

/* Register offsets (DDI 0183, "Summary of registers"). */
#define UARTDR          0x000u
#define UARTRSR         0x004u          /* UARTECR when written */
#define UARTFR          0x018u
#define UARTILPR        0x020u
#define UARTIBRD        0x024u
#define UARTFBRD        0x028u
#define UARTLCR_H       0x02cu
#define UARTCR          0x030u
#define UARTIFLS        0x034u
#define UARTIMSC        0x038u
#define UARTRIS         0x03cu
#define UARTMIS         0x040u
#define UARTICR         0x044u
#define UARTDMACR       0x048u
#define UARTPERIPHID0   0xfe0u          /* then PeriphID1-3 and PCellID0-3, a word apart */

#define DR_DATA         0xffu
#define FR_RXFE         (1u << 4)
#define FR_TXFE         (1u << 7)

/* The bits each register keeps. */
#define ILPR_BITS       0xffu
#define IBRD_BITS       0xffffu
#define FBRD_BITS       0x3fu
#define LCR_H_BITS      0xffu
#define CR_BITS         0xffffu
#define IFLS_BITS       0x3fu
#define IMSC_BITS       0x7ffu
#define DMACR_BITS      0x7u

#define CR_RESET        0x0300u         /* TXE and RXE set, UARTEN clear */
#define IFLS_RESET      0x12u           /* both FIFOs' interrupt levels at half full */

/* PeriphID0-3 (part 0x011, designer 0x41: ARM, revision 1), then PCellID0-3. */
static const uint8_t ident[] = { 0x11, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1 };

void vpl011_init(struct vpl011 *u, void (*emit)(void *ctx, const char *line), void *ctx,
		 struct console_tail *tail)
{
	*u = (struct vpl011){
		.emit = emit, .ctx = ctx, .tail = tail, .cr = CR_RESET, .ifls = IFLS_RESET,
	};
}

static void end_line(struct vpl011 *u)
{
	u->line[u->len] = 0;
	u->emit(u->ctx, u->line);
	u->len = 0;
}

/*
 * One character the guest wrote to DR. CR's enables do not gate it: a real
 * UART would hold it in its FIFO until enabled, and a guest's early console
 * may write before anything has enabled the UART.
 */
static void transmit(struct vpl011 *u, char c)
{
	if (u->tail)
		console_tail_putc(u->tail, c);
	if (c == '\n') {
		end_line(u);
	} else if (c != '\r') {
		if (u->len == VPL011_LINE_LEN)
			end_line(u);
		u->line[u->len++] = c;
	}
}

static uint32_t read_word(const struct vpl011 *u, uint32_t offset)
{
	if (offset - UARTPERIPHID0 < 4u * sizeof(ident))
		return ident[(offset - UARTPERIPHID0) / 4u];
	switch (offset) {
	case UARTFR:    return FR_TXFE | FR_RXFE;
	case UARTILPR:  return u->ilpr;
	case UARTIBRD:  return u->ibrd;
	case UARTFBRD:  return u->fbrd;
	case UARTLCR_H: return u->lcr_h;
	case UARTCR:    return u->cr;
	case UARTIFLS:  return u->ifls;
	case UARTIMSC:  return u->imsc;
	case UARTDMACR: return u->dmacr;
	case UARTDR:                    /* nothing is ever received */
	case UARTRSR:
	/*
	 * No interrupt is ever raised: the transmit interrupt, which the always
	 * empty FIFO would keep asserted, would need an interrupt line the
	 * guest does not get.
	 */
	case UARTRIS:
	case UARTMIS:
	case UARTICR:                   /* write-only */
	default:
		return 0;
	}
}

/* A register after a write of `value`, in its place in the bytes `lanes` selects. */
static uint32_t merge(uint32_t old, uint32_t value, uint32_t lanes, uint32_t bits)
{
	return ((old & ~lanes) | value) & bits;
}

static void write_word(struct vpl011 *u, uint32_t offset, uint32_t value, uint32_t lanes)
{
	switch (offset) {
	case UARTDR:
		if (lanes & DR_DATA)
			transmit(u, (char)(value & DR_DATA));
		break;
	case UARTILPR:  u->ilpr = merge(u->ilpr, value, lanes, ILPR_BITS); break;
	case UARTIBRD:  u->ibrd = merge(u->ibrd, value, lanes, IBRD_BITS); break;
	case UARTFBRD:  u->fbrd = merge(u->fbrd, value, lanes, FBRD_BITS); break;
	case UARTLCR_H: u->lcr_h = merge(u->lcr_h, value, lanes, LCR_H_BITS); break;
	case UARTCR:    u->cr = merge(u->cr, value, lanes, CR_BITS); break;
	case UARTIFLS:  u->ifls = merge(u->ifls, value, lanes, IFLS_BITS); break;
	case UARTIMSC:  u->imsc = merge(u->imsc, value, lanes, IMSC_BITS); break;
	case UARTDMACR: u->dmacr = merge(u->dmacr, value, lanes, DMACR_BITS); break;
	case UARTRSR:                   /* ECR: clears receive errors, never recorded */
	case UARTICR:                   /* clears interrupts, never raised */
	default:                        /* FR, RIS, MIS and the IDs are read-only */
		break;
	}
}

/* The bytes a `size`-byte access at `offset` covers of the word at offset & ~3 (little-endian). */
static uint32_t lanes(uint32_t offset, unsigned size)
{
	return size == 4 ? ~0u : ((1u << (8u * size)) - 1u) << (8u * (offset & 3u));
}

enum mmio_result vpl011_read(void *ctx, uint32_t offset, unsigned size, uint32_t *value)
{
	*value = (read_word(ctx, offset & ~3u) & lanes(offset, size)) >> (8u * (offset & 3u));
	return MMIO_DONE;
}

enum mmio_result vpl011_write(void *ctx, uint32_t offset, unsigned size, uint32_t value)
{
	uint32_t covered = lanes(offset, size);

	write_word(ctx, offset & ~3u, (value << (8u * (offset & 3u))) & covered, covered);
	return MMIO_DONE;
}
