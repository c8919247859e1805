#include "board/drivers/pl011_regs.h"
#include "hyp/vpl011.h"

/* The bits each register keeps. */
#define ILPR_BITS       0xffu
#define IBRD_BITS       0xffffu
#define FBRD_BITS       0x3fu
#define LCR_H_BITS      0xffu
#define CR_BITS         0xffffu
#define IFLS_BITS       0x3fu
#define IMSC_BITS       0x7ffu
#define DMACR_BITS      0x7u

/* PeriphID0-3 (part 0x011, designer 0x41: ARM, revision 1), then PCellID0-3. */
static const uint8_t ident[] = { 0x11, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1 };

void vpl011_init(struct vpl011 *u, void (*emit)(void *ctx, const char *line), void (*irq)(void *ctx, bool high),
		 void *ctx, struct console_tail *tail)
{
	*u = (struct vpl011){
		.emit = emit, .irq = irq, .ctx = ctx, .tail = tail, .cr = PL011_CR_RESET, .ifls = PL011_IFLS_RESET,
	};
}

static void update_irq(struct vpl011 *u)
{
	u->irq(u->ctx, (u->ris & u->imsc) != 0);
}

static unsigned rx_depth(const struct vpl011 *u)
{
	return (u->lcr_h & PL011_LCR_H_FEN) ? VPL011_RX_FIFO : 1u;
}

/* A real PL011 receives only with the UART and its receiver enabled (QEMU's ignores both). */
bool vpl011_can_receive(const struct vpl011 *u)
{
	return (u->cr & (PL011_CR_UARTEN | PL011_CR_RXE)) == (PL011_CR_UARTEN | PL011_CR_RXE) && u->rx_count < rx_depth(u);
}

bool vpl011_receive(struct vpl011 *u, uint8_t c)
{
	if (!vpl011_can_receive(u))
		return false;
	u->rx[(u->rx_pos + u->rx_count++) % VPL011_RX_FIFO] = c;
	u->ris |= PL011_INT_RX;
	update_irq(u);
	return true;
}

/* DR read: the oldest character; when the FIFO is empty, what the next slot held (as QEMU's). */
static uint32_t take_received(struct vpl011 *u)
{
	uint8_t c = u->rx[u->rx_pos];

	if (u->rx_count) {
		u->rx_pos = (u->rx_pos + 1u) % VPL011_RX_FIFO;
		if (--u->rx_count == 0) {
			u->ris &= ~PL011_INT_RX;
			update_irq(u);
		}
	}
	return c;
}

static uint32_t flags(const struct vpl011 *u)
{
	return PL011_FR_TXFE | (u->rx_count ? 0u : PL011_FR_RXFE) | (u->rx_count == rx_depth(u) ? PL011_FR_RXFF : 0u);
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
	u->ris |= PL011_INT_TX;
	update_irq(u);
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

/* The word at `offset`, of which bytes `covered` are read: a character is taken only through DR's low byte. */
static uint32_t read_word(struct vpl011 *u, uint32_t offset, uint32_t covered)
{
	if (offset - PL011_PERIPHID0 < 4u * sizeof(ident))
		return ident[(offset - PL011_PERIPHID0) / 4u];
	switch (offset) {
	case PL011_DR:    return (covered & PL011_DR_DATA) ? take_received(u) : 0u;
	case PL011_FR:    return flags(u);
	case PL011_ILPR:  return u->ilpr;
	case PL011_IBRD:  return u->ibrd;
	case PL011_FBRD:  return u->fbrd;
	case PL011_LCR_H: return u->lcr_h;
	case PL011_CR:    return u->cr;
	case PL011_IFLS:  return u->ifls;
	case PL011_IMSC:  return u->imsc;
	case PL011_DMACR: return u->dmacr;
	case PL011_RIS:   return u->ris;
	case PL011_MIS:   return u->ris & u->imsc;
	case PL011_RSR:                   /* no receive error is ever recorded */
	case PL011_ICR:                   /* write-only */
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
	case PL011_DR:
		if (lanes & PL011_DR_DATA)
			transmit(u, (char)(value & PL011_DR_DATA));
		break;
	case PL011_ILPR:  u->ilpr = merge(u->ilpr, value, lanes, ILPR_BITS); break;
	case PL011_IBRD:  u->ibrd = merge(u->ibrd, value, lanes, IBRD_BITS); break;
	case PL011_FBRD:  u->fbrd = merge(u->fbrd, value, lanes, FBRD_BITS); break;
	case PL011_LCR_H: {
		uint32_t lcr_h = merge(u->lcr_h, value, lanes, LCR_H_BITS);

		if ((lcr_h ^ u->lcr_h) & PL011_LCR_H_FEN)
			u->rx_pos = u->rx_count = 0;        /* FIFOs on or off: emptied */
		u->lcr_h = lcr_h;
		break;
	}
	case PL011_CR:    u->cr = merge(u->cr, value, lanes, CR_BITS); break;
	case PL011_IFLS:  u->ifls = merge(u->ifls, value, lanes, IFLS_BITS); break;
	case PL011_IMSC:
		u->imsc = merge(u->imsc, value, lanes, IMSC_BITS);
		update_irq(u);
		break;
	case PL011_ICR:
		u->ris &= ~value;
		update_irq(u);
		break;
	case PL011_DMACR: u->dmacr = merge(u->dmacr, value, lanes, DMACR_BITS); break;
	case PL011_RSR:                   /* ECR: clears receive errors, never recorded */
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
	uint32_t covered = lanes(offset, size);

	*value = (read_word(ctx, offset & ~3u, covered) & covered) >> (8u * (offset & 3u));
	return MMIO_DONE;
}

enum mmio_result vpl011_write(void *ctx, uint32_t offset, unsigned size, uint32_t value)
{
	uint32_t covered = lanes(offset, size);

	write_word(ctx, offset & ~3u, (value << (8u * (offset & 3u))) & covered, covered);
	return MMIO_DONE;
}
