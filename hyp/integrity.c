#include <stdint.h>

#include "hyp/integrity.h"
#include "hyp/log.h"

extern const uint8_t hyp_image_start[], hyp_rodata_end[];

static uint32_t at_boot;

/* FNV-1a over the text and read-only data. */
static uint32_t checksum(void)
{
	uint32_t h = 2166136261u;

	for (const uint8_t *p = hyp_image_start; p < hyp_rodata_end; p++)
		h = (h ^ *p) * 16777619u;
	return h;
}

void integrity_record(void)
{
	at_boot = checksum();
}

void integrity_report(void)
{
	uint32_t now = checksum();

	if (now == at_boot)
		log_info("integrity: unchanged (text and rodata checksum 0x%08x)", now);
	else
		log_error("integrity: CHANGED (text and rodata checksum 0x%08x at boot, 0x%08x now)",
			  at_boot, now);
}
