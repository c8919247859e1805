# Test guests: bare-metal ELFs for one board, $(BUILD)/guests/NAME.elf, each
# built from guests/NAME/*.{c,S} plus guests/common/*.{c,S} and the board's
# guests/boards/$(BOARD)/*.{c,S} (its addresses in board.h, its power-off).
# Include from the top-level Makefile, or run:
#   make -f guests/guests.mk BUILD=build/vexpress-a15 BOARD=vexpress-a15 BOARD_RAM_BASE=0x80000000

GUEST_MK := $(lastword $(MAKEFILE_LIST))
GUEST_STANDALONE := $(filter $(GUEST_MK),$(firstword $(MAKEFILE_LIST)))
GUEST_PREV_GOAL := $(.DEFAULT_GOAL)

BOARD ?= vexpress-a15
BUILD ?= build/$(BOARD)
BOARD_RAM_BASE ?= 0x80000000
CROSS_COMPILE ?= arm-none-eabi-

GUEST_NAMES := hello sensitive exceptions usermode mmu_on wild_jump bad_vector halt permtest churn hostile asids cp15_ids \
	mem_check
# Guests for some boards only: what only they have (a GIC and a generic timer; PSCI; the A10s).
GUEST_NAMES_vexpress-a15 := interrupts ptimer reset_once rt_periodic vfp_keep spin uart_echo uart_reset
GUEST_NAMES_virt := interrupts ptimer psci rt_periodic vfp_keep uart_reset
GUEST_NAMES_cubieboard := a10_irq
GUEST_NAMES += $(GUEST_NAMES_$(BOARD))

GUEST_DIR := $(patsubst %/,%,$(dir $(GUEST_MK)))
GUEST_OUT := $(BUILD)/guests
GUEST_CC := $(CROSS_COMPILE)gcc
GUEST_CFLAGS := -march=armv7-a -marm -mfloat-abi=soft -ffreestanding \
	-fno-builtin -nostdlib -O2 -g -std=c11 -Wall -Wextra -Werror \
	-I$(GUEST_DIR)/common -I$(GUEST_DIR)/boards/$(BOARD) -MMD -MP
GUEST_LDSCRIPT := $(GUEST_DIR)/common/guest.ld
# No libgcc: its armv7-a multilib is Thumb code (guests/common/div64.h).
GUEST_LDFLAGS := -T $(GUEST_LDSCRIPT) -nostdlib -Wl,-z,max-page-size=4096 \
	-Wl,--defsym=GUEST_RAM_BASE=$(BOARD_RAM_BASE)

# guests/X/y.c -> $(GUEST_OUT)/obj/X/y.c.o
guest_srcs = $(sort $(wildcard $(GUEST_DIR)/$(1)/*.c $(GUEST_DIR)/$(1)/*.S))
guest_objs = $(patsubst $(GUEST_DIR)/%,$(GUEST_OUT)/obj/%.o,$(1))

GUEST_COMMON_OBJS := $(call guest_objs,$(call guest_srcs,common) $(call guest_srcs,boards/$(BOARD)))
GUEST_ALL_OBJS := $(GUEST_COMMON_OBJS) \
	$(foreach g,$(GUEST_NAMES),$(call guest_objs,$(call guest_srcs,$(g))))
GUEST_ELFS := $(GUEST_NAMES:%=$(GUEST_OUT)/%.elf)

.PHONY: guests
guests: $(GUEST_ELFS)

define GUEST_ELF_RULE
$(GUEST_OUT)/$(1).elf: $(call guest_objs,$(call guest_srcs,$(1))) \
		$(GUEST_COMMON_OBJS) $(GUEST_LDSCRIPT)
	$$(GUEST_CC) $$(GUEST_CFLAGS) $$(GUEST_LDFLAGS) -o $$@ \
		$$(filter %.o,$$^)
endef
$(foreach g,$(GUEST_NAMES),$(eval $(call GUEST_ELF_RULE,$(g))))

$(filter %.c.o,$(GUEST_ALL_OBJS)): $(GUEST_OUT)/obj/%.c.o: $(GUEST_DIR)/%.c
	@mkdir -p $(@D)
	$(GUEST_CC) $(GUEST_CFLAGS) -c -o $@ $<

$(filter %.S.o,$(GUEST_ALL_OBJS)): $(GUEST_OUT)/obj/%.S.o: $(GUEST_DIR)/%.S
	@mkdir -p $(@D)
	$(GUEST_CC) $(GUEST_CFLAGS) -c -o $@ $<

-include $(GUEST_ALL_OBJS:.o=.d)

# Do not become the default goal of a Makefile that includes this file.
.DEFAULT_GOAL := $(if $(GUEST_STANDALONE),guests,$(GUEST_PREV_GOAL))
