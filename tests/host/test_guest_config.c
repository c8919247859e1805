/* The guest directory's check: good directories pass, each kind of bad one is refused naming the guest. */
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "hyp/guest_config.h"
#include "hyp/guest_image.h"
#include "test.h"

#define STAGE_ADDR      0xa0000000u
#define STAGE_SIZE      0x00100000u
#define HYP_BASE        0xa6000000u
#define MIB             0x00100000u

static uint8_t stage[STAGE_SIZE];
static const struct guest_config_limits limits = {
	.guests_max = 4, .ram_max = 64 * MIB,
	.stage_addr = STAGE_ADDR, .stage_size = STAGE_SIZE,
	.hyp_base = HYP_BASE, .hyp_size = 16 * MIB,
};

static struct guest_dir *dir(void)
{
	return (struct guest_dir *)stage;
}

/* Guest i: 64 KiB of staged files from page i + 1, `ram` MiB of RAM at host 0x80000000 + i * 64 MiB. */
static void add_guest(const char *name, uint32_t ram_mib)
{
	unsigned i = dir()->count++;
	struct guest_dir_entry *e = &dir()->guest[i];
	struct stage_header hdr = { .magic = STAGE_MAGIC, .image_size = 0x100, .ram_size = ram_mib * MIB };

	*e = (struct guest_dir_entry){
		.stage_offset = (i + 1) * 0x10000u, .stage_size = 0x10000u,
		.ram_host = 0x80000000u + i * 64 * MIB, .priority = 1,
	};
	strncpy(e->name, name, GUEST_NAME_SIZE - 1);
	memcpy(stage + e->stage_offset, &hdr, sizeof(hdr));
}

static void four_guests(void)
{
	memset(stage, 0, sizeof(stage));
	dir()->magic = GUEST_DIR_MAGIC;
	add_guest("linux", 64);
	add_guest("rtos", 16);
	add_guest("hello", 0);          /* 0: the build's GUEST_RAM_SIZE */
	add_guest("permtest", 32);
	dir()->guest[0].flags = GUEST_OWNS_DEVICES;
	dir()->guest[1].budget_ticks = 2;
	dir()->guest[1].period_ticks = 10;
	dir()->guest[1].flags = GUEST_HARD_BUDGET;
}

static void check_refused(const char *why, unsigned guest, unsigned other)
{
	struct guest_config_error err = { 0 };

	CHECK(!guest_config_check(stage, &limits, &err));
	CHECK_STR(err.why, why);
	CHECK_EQ(err.guest, guest);
	CHECK_EQ(err.other, other);
}

TEST(guest_config_accepts_four_guests)
{
	struct guest_config_error err = { 0 };

	four_guests();
	CHECK(guest_config_check(stage, &limits, &err));
	CHECK_EQ(guest_config_ram_size(stage, &dir()->guest[2], limits.ram_max), 64 * MIB);
	CHECK_EQ(guest_config_ram_size(stage, &dir()->guest[1], limits.ram_max), 16 * MIB);
	dir()->guest[3].flags = GUEST_OWNS_DEVICES;
	dir()->guest[0].flags = 0;
	CHECK(guest_config_check(stage, &limits, &err));
}

TEST(guest_config_refuses_bad_directories)
{
	four_guests();
	dir()->magic = STAGE_MAGIC;
	check_refused("no guest directory staged", ~0u, ~0u);
	four_guests();
	dir()->count = 5;
	check_refused("more guests than this build runs (Kconfig GUESTS_MAX)", ~0u, ~0u);
	dir()->count = 0;
	check_refused("no guest in it", ~0u, ~0u);
}

TEST(guest_config_refuses_a_bad_guest)
{
	four_guests();
	dir()->guest[2].name[0] = 0;
	check_refused("no name (or one longer than 15 characters)", 2, ~0u);
	four_guests();
	memset(dir()->guest[1].name, 'x', GUEST_NAME_SIZE);
	check_refused("no name (or one longer than 15 characters)", 1, ~0u);
	four_guests();
	dir()->guest[0].stage_offset = 0;
	check_refused("its staged files are not on a page of their own after the directory", 0, ~0u);
	four_guests();
	dir()->guest[3].stage_offset += 4;
	check_refused("its staged files are not on a page of their own after the directory", 3, ~0u);
	four_guests();
	dir()->guest[3].stage_size = STAGE_SIZE;
	check_refused("its staged files do not fit the staging area (GUEST_STAGE_SIZE)", 3, ~0u);
	four_guests();
	memset(stage + dir()->guest[1].stage_offset, 0, 4);
	check_refused("no guest image staged for it", 1, ~0u);
	four_guests();
	((struct stage_header *)(stage + dir()->guest[3].stage_offset))->ram_size = 65 * MIB;
	check_refused("its RAM is larger than this build allows (Kconfig GUEST_RAM_SIZE)", 3, ~0u);
	four_guests();
	((struct stage_header *)(stage + dir()->guest[3].stage_offset))->ram_size = MIB + 4096;
	check_refused("its RAM (size and host address) is not in whole MiB", 3, ~0u);
	four_guests();
	dir()->guest[1].ram_host += 4096;
	check_refused("its RAM (size and host address) is not in whole MiB", 1, ~0u);
	four_guests();
	dir()->guest[1].ram_host = 0xfff00000u;
	check_refused("its RAM ends past 4 GiB of host memory", 1, ~0u);
	four_guests();
	dir()->guest[2].ram_host = STAGE_ADDR + STAGE_SIZE - MIB;
	check_refused("its RAM overlaps the staging area (GUEST_STAGE_ADDR/SIZE)", 2, ~0u);
	four_guests();
	dir()->guest[2].ram_host = HYP_BASE - 32 * MIB;
	check_refused("its RAM overlaps the hypervisor", 2, ~0u);
	four_guests();
	dir()->guest[1].budget_ticks = 11;
	check_refused("its budget is longer than its period", 1, ~0u);
	dir()->guest[1].period_ticks = 0;
	check_refused("its budget is longer than its period", 1, ~0u);
	four_guests();
	dir()->guest[0].flags |= 1u << 7;
	check_refused("unknown flags", 0, ~0u);
}

TEST(guest_config_refuses_guests_that_clash)
{
	four_guests();
	strcpy(dir()->guest[3].name, "rtos");
	check_refused("has the same name as another guest", 3, 1);
	four_guests();
	dir()->guest[2].stage_offset = dir()->guest[1].stage_offset + 0x1000u;
	memcpy(stage + dir()->guest[2].stage_offset, stage + dir()->guest[1].stage_offset,
	       sizeof(struct stage_header));
	check_refused("its staged files overlap another guest's", 2, 1);
	four_guests();
	dir()->guest[1].ram_host = 0x80000000u + 63 * MIB;      /* the last MiB of linux's */
	check_refused("its RAM overlaps another guest's", 1, 0);
	four_guests();
	dir()->guest[3].ram_host = 0x80000000u + 80 * MIB;      /* 32 MiB from there: past rtos's 16 */
	CHECK(guest_config_check(stage, &limits, &(struct guest_config_error){ 0 }));
	dir()->guest[3].ram_host = 0x80000000u + 79 * MIB;
	check_refused("its RAM overlaps another guest's", 3, 1);
	four_guests();
	dir()->guest[2].flags = GUEST_OWNS_DEVICES;
	check_refused("the board's devices are given to another guest too", 2, 0);
}
