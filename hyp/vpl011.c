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
#define FR_RXFF         (1u << 6)
#define FR_TXFE         (1u << 7)
#define LCR_H_FEN       (1u << 4)
#define CR_UARTEN       (1u << 0)
#define CR_RXE          (1u << 9)
#define INT_RX          (1u << 4)
#define INT_TX          (1u << 5)

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

void vpl011_init(struct vpl011 *u, void (*emit)(void *ctx, const char *line), void (*irq)(void *ctx, bool high),
		 void *ctx, struct console_tail *tail)
{
	*u = (struct vpl011){
		.emit = emit, .irq = irq, .ctx = ctx, .tail = tail, .cr = CR_RESET, .ifls = IFLS_RESET,
	};
}

static void update_irq(struct vpl011 *u)
{
	u->irq(u->ctx, (u->ris & u->imsc) != 0);
}

static unsigned rx_depth(const struct vpl011 *u)
{
	return (u->lcr_h & LCR_H_FEN) ? VPL011_RX_FIFO : 1u;
}

/* A real PL011 receives only with the UART and its receiver enabled (QEMU's ignores both). */
bool vpl011_can_receive(const struct vpl011 *u)
{
	return (u->cr & (CR_UARTEN | CR_RXE)) == (CR_UARTEN | CR_RXE) && u->rx_count < rx_depth(u);
}

bool vpl011_receive(struct vpl011 *u, uint8_t c)
{
	if (!vpl011_can_receive(u))
		return false;
	u->rx[(u->rx_pos + u->rx_count++) % VPL011_RX_FIFO] = c;
	u->ris |= INT_RX;
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
			u->ris &= ~INT_RX;
			update_irq(u);
		}
	}
	return c;
}

static uint32_t flags(const struct vpl011 *u)
{
	return FR_TXFE | (u->rx_count ? 0u : FR_RXFE) | (u->rx_count == rx_depth(u) ? FR_RXFF : 0u);
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
	u->ris |= INT_TX;
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
	if (offset - UARTPERIPHID0 < 4u * sizeof(ident))
		return ident[(offset - UARTPERIPHID0) / 4u];
	switch (offset) {
	case UARTDR:    return (covered & DR_DATA) ? take_received(u) : 0u;
	case UARTFR:    return flags(u);
	case UARTILPR:  return u->ilpr;
	case UARTIBRD:  return u->ibrd;
	case UARTFBRD:  return u->fbrd;
	case UARTLCR_H: return u->lcr_h;
	case UARTCR:    return u->cr;
	case UARTIFLS:  return u->ifls;
	case UARTIMSC:  return u->imsc;
	case UARTDMACR: return u->dmacr;
	case UARTRIS:   return u->ris;
	case UARTMIS:   return u->ris & u->imsc;
	case UARTRSR:                   /* no receive error is ever recorded */
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
	case UARTLCR_H: {
		uint32_t lcr_h = merge(u->lcr_h, value, lanes, LCR_H_BITS);

		if ((lcr_h ^ u->lcr_h) & LCR_H_FEN)
			u->rx_pos = u->rx_count = 0;        /* FIFOs on or off: emptied */
		u->lcr_h = lcr_h;
		break;
	}
	case UARTCR:    u->cr = merge(u->cr, value, lanes, CR_BITS); break;
	case UARTIFLS:  u->ifls = merge(u->ifls, value, lanes, IFLS_BITS); break;
	case UARTIMSC:
		u->imsc = merge(u->imsc, value, lanes, IMSC_BITS);
		update_irq(u);
		break;
	case UARTICR:
		u->ris &= ~value;
		update_irq(u);
		break;
	case UARTDMACR: u->dmacr = merge(u->dmacr, value, lanes, DMACR_BITS); break;
	case UARTRSR:                   /* ECR: clears receive errors, never recorded */
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
