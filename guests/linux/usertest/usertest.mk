# The Linux user-space test program: $(BUILD)/linux/usertest, a static ARM
# Linux executable built from guests/linux/usertest/*.{c,S}, mixing ARM and
# Thumb-2 code. Its output is compared natively and under the hypervisor.
# Include from the top-level Makefile, or run:
#   make -f guests/linux/usertest/usertest.mk BUILD=build

USERTEST_MK := $(lastword $(MAKEFILE_LIST))
USERTEST_STANDALONE := $(filter $(USERTEST_MK),$(firstword $(MAKEFILE_LIST)))
USERTEST_PREV_GOAL := $(.DEFAULT_GOAL)

BUILD ?= build
LINUX_CC ?= arm-linux-gnueabihf-gcc

USERTEST_DIR := $(patsubst %/,%,$(dir $(USERTEST_MK)))
USERTEST_OUT := $(BUILD)/linux/usertest-obj
USERTEST_BIN := $(BUILD)/linux/usertest

# Debian's armhf defaults, with Thumb-2 made explicit: ARM code is chosen per
# function (target("arm")) or written in the .S files.
USERTEST_CFLAGS := -O2 -std=gnu11 -Wall -Wextra -Werror -march=armv7-a \
	-mfpu=vfpv3-d16 -mfloat-abi=hard -mthumb -D_GNU_SOURCE -MMD -MP
USERTEST_LDFLAGS := -static -pthread -Wl,-z,noexecstack

USERTEST_SRCS := $(sort $(wildcard $(USERTEST_DIR)/*.c $(USERTEST_DIR)/*.S))
USERTEST_OBJS := $(patsubst $(USERTEST_DIR)/%,$(USERTEST_OUT)/%.o,$(USERTEST_SRCS))

.PHONY: usertest
usertest: $(USERTEST_BIN)

$(USERTEST_BIN): $(USERTEST_OBJS)
	$(LINUX_CC) $(USERTEST_CFLAGS) $(USERTEST_LDFLAGS) -o $@ $^

$(filter %.c.o,$(USERTEST_OBJS)): $(USERTEST_OUT)/%.c.o: $(USERTEST_DIR)/%.c
	@mkdir -p $(@D)
	$(LINUX_CC) $(USERTEST_CFLAGS) -c -o $@ $<

$(filter %.S.o,$(USERTEST_OBJS)): $(USERTEST_OUT)/%.S.o: $(USERTEST_DIR)/%.S
	@mkdir -p $(@D)
	$(LINUX_CC) $(USERTEST_CFLAGS) -c -o $@ $<

-include $(USERTEST_OBJS:.o=.d)

# Do not become the default goal of a Makefile that includes this file.
.DEFAULT_GOAL := $(if $(USERTEST_STANDALONE),usertest,$(USERTEST_PREV_GOAL))
