/*
 * Runs each access with the abort handlers armed, then prints the outcome.
 * A successful access is also checked against memory as seen through the
 * identity map; a mismatch is appended to the line.
 */
#include <stdint.h>

#include "access.h"
#include "cp15.h"
#include "label.h"
#include "out.h"

/* FSR fields the short-descriptor format defines (ARM DDI 0406C B4.1.52, B4.1.96). */
#define FSR_FS_LOW      0x0000000fu	/* FS[3:0] */
#define DFSR_DOMAIN     0x000000f0u
#define FSR_LPAE        (1u << 9)
#define FSR_FS4         (1u << 10)
#define DFSR_WNR        (1u << 11)
#define FSR_EXT         (1u << 12)
#define DFSR_CM         (1u << 13)
#define DFSR_DEFINED    (FSR_FS_LOW | DFSR_DOMAIN | FSR_LPAE | FSR_FS4 | DFSR_WNR | \
			 FSR_EXT | DFSR_CM)
#define IFSR_DEFINED    (FSR_FS_LOW | FSR_LPAE | FSR_FS4 | FSR_EXT)

#define DATA_WRITTEN    0x5707e0d1u

typedef uint32_t probe_fn(uint32_t addr, uint32_t value);

probe_fn probe_read, probe_write, probe_exec;
uint32_t user_call(probe_fn *fn, uint32_t a0, uint32_t a1);
extern const uint32_t exec_routine[], exec_routine_end[];

volatile struct fault_rec fault_rec;
_Static_assert(__builtin_offsetof(struct fault_rec, armed) == FAULT_ARMED, "layout");
_Static_assert(__builtin_offsetof(struct fault_rec, kind) == FAULT_KIND, "layout");
_Static_assert(__builtin_offsetof(struct fault_rec, fsr) == FAULT_FSR, "layout");
_Static_assert(__builtin_offsetof(struct fault_rec, far) == FAULT_FAR, "layout");

static uint32_t checks;

void frame_init(uint32_t pa)
{
	uint32_t *dst = (uint32_t *)pa;

	for (const uint32_t *src = exec_routine; src < exec_routine_end; src++, dst++) {
		*dst = *src;
		dccmvau(dst);
	}
	dsb();
	iciallu();
	bpiall();
	dsb();
	isb();
}

static void check(uint32_t pl, enum access acc, const struct target *t)
{
	static probe_fn *const probes[] = {
		[ACC_READ] = probe_read, [ACC_WRITE] = probe_write, [ACC_EXEC] = probe_exec,
	};
	static const char *const names[] = {
		[ACC_READ] = "read", [ACC_WRITE] = "write", [ACC_EXEC] = "exec",
	};
	volatile uint32_t *data = (volatile uint32_t *)(t->pa + DATA_OFFSET);
	uint32_t addr = acc == ACC_EXEC ? t->va : t->va + DATA_OFFSET;
	uint32_t result, memory;

	*data = t->data;
	fault_rec.kind = FAULT_NONE;
	fault_rec.armed = 1;
	if (pl == 0)
		result = user_call(probes[acc], addr, DATA_WRITTEN);
	else
		result = probes[acc](addr, DATA_WRITTEN);
	fault_rec.armed = 0;
	memory = *data;

	out_puts(label());
	out_puts(pl == 0 ? " pl0 " : " pl1 ");
	out_puts(names[acc]);
	if (fault_rec.kind == FAULT_DATA) {
		out_puts(": fault dfsr=");
		out_hex(fault_rec.fsr & DFSR_DEFINED);
		out_puts(" dfar=");
		out_hex(fault_rec.far);
	} else if (fault_rec.kind == FAULT_PREFETCH) {
		out_puts(": fault ifsr=");
		out_hex(fault_rec.fsr & IFSR_DEFINED);
		out_puts(" ifar=");
		out_hex(fault_rec.far);
	} else {
		out_puts(": ok");
		if (acc == ACC_READ && result != t->data) {
			out_puts(" value=");
			out_hex(result);
		} else if (acc == ACC_EXEC && result != EXEC_MAGIC) {
			out_puts(" r0=");
			out_hex(result);
		}
	}
	/* A write lands exactly when it did not fault; nothing else writes. */
	if (memory != (acc == ACC_WRITE && fault_rec.kind == FAULT_NONE ? DATA_WRITTEN : t->data)) {
		out_puts(" memory=");
		out_hex(memory);
	}
	out_putc('\n');
	checks++;
}

void check_accesses(const struct target *t, enum access last)
{
	static const uint32_t levels[] = { 1, 0 };

	for (unsigned i = 0; i < sizeof levels / sizeof levels[0]; i++)
		for (enum access acc = ACC_READ; acc <= last; acc++)
			check(levels[i], acc, t);
}

uint32_t checks_done(void)
{
	return checks;
}
