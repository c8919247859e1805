/* The guest directory's check (hyp/guest_config.h). Portable: also built for host tests. */
#include <stddef.h>
#include <string.h>

#include "arch/arm/pgtable_bits.h"
#include "hyp/guest_config.h"
#include "hyp/guest_image.h"
#include "hyp/ranges.h"

#define GUEST_KNOWN_FLAGS (GUEST_OWNS_DEVICES | GUEST_HARD_BUDGET)

static bool refuse(struct guest_config_error *err, const char *why, unsigned guest, unsigned other)
{
	*err = (struct guest_config_error){ .why = why, .guest = guest, .other = other };
	return false;
}

static struct stage_header header_at(const uint8_t *stage, const struct guest_dir_entry *e)
{
	struct stage_header hdr;

	memcpy(&hdr, stage + e->stage_offset, sizeof(hdr));
	return hdr;
}

uint32_t guest_config_ram_size(const uint8_t *stage, const struct guest_dir_entry *e, uint32_t ram_max)
{
	uint32_t size = header_at(stage, e).ram_size;

	return size ? size : ram_max;
}

static bool name_ok(const struct guest_dir_entry *e)
{
	return e->name[0] && memchr(e->name, 0, GUEST_NAME_SIZE);
}

/* One entry on its own; the entries' placement in the area is checked first, so its header can be read. */
static const char *entry_problem(const uint8_t *stage, const struct guest_dir_entry *e, uint32_t dir_end,
				 const struct guest_config_limits *lim)
{
	if (!name_ok(e))
		return "no name (or one longer than 15 characters)";
	if (e->stage_offset % PAGE_SIZE || e->stage_offset < dir_end)
		return "its staged files are not on a page of their own after the directory";
	if (e->stage_size < sizeof(struct stage_header) ||
	    (uint64_t)e->stage_offset + e->stage_size > lim->stage_size)
		return "its staged files do not fit the staging area (GUEST_STAGE_SIZE)";
	if (header_at(stage, e).magic != STAGE_MAGIC)
		return "no guest image staged for it";

	uint32_t ram = guest_config_ram_size(stage, e, lim->ram_max);
	if (ram > lim->ram_max)
		return "its RAM is larger than this build allows (Kconfig GUEST_RAM_SIZE)";
	if (ram < SECTION_SIZE || ram % SECTION_SIZE || e->ram_host % SECTION_SIZE)
		return "its RAM (size and host address) is not in whole MiB";
	if ((uint64_t)e->ram_host + ram > 0x100000000ull)
		return "its RAM ends past 4 GiB of host memory";
	if (ranges_overlap(e->ram_host, ram, lim->stage_addr, lim->stage_size))
		return "its RAM overlaps the staging area (GUEST_STAGE_ADDR/SIZE)";
	if (ranges_overlap(e->ram_host, ram, lim->hyp_base, lim->hyp_size))
		return "its RAM overlaps the hypervisor";
	if (e->budget_ticks && (!e->period_ticks || e->budget_ticks > e->period_ticks))
		return "its budget is longer than its period";
	if (e->flags & ~GUEST_KNOWN_FLAGS)
		return "unknown flags";
	return NULL;
}

bool guest_config_check(const uint8_t *stage, const struct guest_config_limits *lim,
			struct guest_config_error *err)
{
	struct guest_dir dir;
	const struct guest_dir_entry *e = (const void *)(stage + offsetof(struct guest_dir, guest));
	const char *why;

	memcpy(&dir, stage, sizeof(dir));
	if (dir.magic != GUEST_DIR_MAGIC)
		return refuse(err, "no guest directory staged", ~0u, ~0u);
	if (!dir.count || dir.count > lim->guests_max)
		return refuse(err, dir.count ? "more guests than this build runs (Kconfig GUESTS_MAX)" : "no guest in it",
			      ~0u, ~0u);
	uint64_t dir_end = sizeof(dir) + (uint64_t)dir.count * sizeof(*e);
	if (dir_end > lim->stage_size)
		return refuse(err, "the directory is larger than the staging area", ~0u, ~0u);
	for (unsigned i = 0; i < dir.count; i++)
		if ((why = entry_problem(stage, &e[i], (uint32_t)dir_end, lim)))
			return refuse(err, why, i, ~0u);
	for (unsigned i = 0; i < dir.count; i++) {
		for (unsigned j = 0; j < i; j++) {
			if (!strcmp(e[i].name, e[j].name))
				return refuse(err, "has the same name as another guest", i, j);
			if (ranges_overlap(e[i].stage_offset, e[i].stage_size, e[j].stage_offset, e[j].stage_size))
				return refuse(err, "its staged files overlap another guest's", i, j);
			if (ranges_overlap(e[i].ram_host, guest_config_ram_size(stage, &e[i], lim->ram_max),
					   e[j].ram_host, guest_config_ram_size(stage, &e[j], lim->ram_max)))
				return refuse(err, "its RAM overlaps another guest's", i, j);
			if (e[i].flags & e[j].flags & GUEST_OWNS_DEVICES)
				return refuse(err, "the board's devices are given to another guest too", i, j);
		}
	}
	return true;
}
