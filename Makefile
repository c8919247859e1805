# ARMv7-A shadow-paging hypervisor.
#   make run          build and boot Debian's armmp Linux kernel under the hypervisor
#                     on QEMU, to a shell (kernel and busybox fetched through apt)
#   make run GUEST=image [DTB=file.dtb] [INITRD=file] [APPEND="kernel args"]
#                     any other guest: ELF, zImage or uImage
#            [GUEST_RAM=256M] [ICOUNT=1]
#   make run BOARD=virt   the same on QEMU virt, booted by U-Boot from a FIT
#                     (default BOARD: vexpress-a15; builds go to build/BOARD/)
#   make demo         the default guest runs a short script and powers off
#   make test         host unit tests and QEMU tests, on every board
#   make bench        instruction counts per operation (not a test)
#   make sdcard BOARD=beagleboard   the BeagleBoard's SD-card image (not run here)
# All install missing Debian packages first (scripts/install-deps.sh).

# Each board builds in a directory of its own, with its own configuration.
BOARD ?= vexpress-a15
BUILD := build/$(BOARD)
CROSS_COMPILE ?= arm-none-eabi-
# Debian's Python: python3-kconfiglib installs there, whatever python3 is first in PATH.
PYTHON := /usr/bin/python3
KCONFIG_CONFIG := $(BUILD)/.config
DEFCONFIG ?= $(BOARD)_defconfig
export KCONFIG_CONFIG

ifeq ($(wildcard configs/$(DEFCONFIG)),)
$(error BOARD=$(BOARD): no such board (configs/ has $(patsubst %_defconfig,%,$(notdir $(wildcard configs/*_defconfig)))))
endif
-include $(KCONFIG_CONFIG)
ifneq ($(CONFIG_BOARD_NAME),)
ifneq ($(patsubst "%",%,$(CONFIG_BOARD_NAME)),$(BOARD))
$(error $(KCONFIG_CONFIG) configures board $(CONFIG_BOARD_NAME), not BOARD=$(BOARD))
endif
endif
BOARD_DIR := board/$(BOARD)
-include $(BOARD_DIR)/board.mk
# A board QEMU cannot emulate is built and checked, not run.
ifeq ($(QEMU_MACHINE),)
ifneq ($(filter run demo test bench,$(MAKECMDGOALS)),)
$(error BOARD=$(BOARD) has no QEMU machine to run on: `make sdcard BOARD=$(BOARD)` writes its SD-card image)
endif
endif

CC := $(CROSS_COMPILE)gcc
OBJCOPY := $(CROSS_COMPILE)objcopy
GEN := $(BUILD)/include/generated
CONFIG_H := $(GEN)/config.h
ASM_DEFS := $(GEN)/asm-defs.h $(GEN)/express-defs.h

ARCH_FLAGS := -march=armv7-a -marm -mfloat-abi=soft
CFLAGS := $(ARCH_FLAGS) -std=c11 -O2 -g -ffreestanding -fno-common -fno-builtin \
	-Wall -Wextra -Werror -I. -I$(BUILD)/include -MMD -MP
ASFLAGS := $(ARCH_FLAGS) -g -I. -I$(BUILD)/include -MMD -MP
LDFLAGS := $(ARCH_FLAGS) -nostdlib -static -Wl,--no-warn-rwx-segments
# The hypervisor is optimized as one program: its trap paths call small
# functions of other files (bench/: null system call 5% fewer instructions).
HYP_LTO := -flto -flto-partition=one

obj-y += arch/arm/boot.o arch/arm/vectors.o arch/arm/mmu.o arch/arm/cache.o arch/arm/memset.o arch/arm/memcmp.o
obj-y += arch/arm/id_regs.o
obj-y += arch/arm/vfp_state.o
obj-$(CONFIG_FAST_TRAP_EXPRESS) += hyp/express.o
obj-y += hyp/main.o hyp/trap.o hyp/guest.o hyp/guest_set.o hyp/console_input.o hyp/guest_config.o hyp/guest_state.o hyp/sched.o hyp/vfp_owner.o hyp/vpl011.o hyp/guest_image.o hyp/uimage.o hyp/vcpu.o hyp/vcpu_frame.o
obj-y += hyp/vexc.o hyp/fast_trap.o hyp/insn_class.o hyp/page_scan.o hyp/patch.o hyp/code_pages.o
obj-y += hyp/emulate_sensitive.o hyp/emulate_cp15.o hyp/emulate_mem.o hyp/emulate_vfp.o hyp/emulate_cp14.o hyp/emulate_psci.o hyp/cp15_hooks.o
obj-y += hyp/vmem.o hyp/xlate_store.o hyp/log.o hyp/format.o hyp/panic.o hyp/integrity.o hyp/console_tail.o hyp/guest_halt.o
obj-y += hyp/vgic.o hyp/vgic_mmio.o hyp/va10_pic.o hyp/vomap3_intc.o hyp/irq_forward.o
obj-$(CONFIG_GUEST_GENERIC_TIMER) += hyp/vtimer.o
obj-$(CONFIG_TRAP_FREE_STUBS) += hyp/stubs.o hyp/stub_gen.o
obj-y += shadow_pt/flat.o shadow_pt/guest_walk.o shadow_pt/guest_access.o shadow_pt/shadow.o
obj-y += dacr/dacr_map.o hyp/guest_mmu.o hyp/guest_tables.o shadow_pt/modified_tables.o

HYP_OBJS := $(addprefix $(BUILD)/,$(obj-y))
HYP_ELF := $(BUILD)/hyp.elf

.PHONY: all hyp run demo test bench sdcard deps menuconfig savedefconfig clean
all: hyp guests

hyp: $(HYP_ELF)

include guests/guests.mk
include guests/linux/linux.mk
include tests/host/host.mk

# Configuration ---------------------------------------------------------------
# A new Kconfig brings an existing configuration up to date (its choices kept).
$(KCONFIG_CONFIG): Kconfig board/Kconfig
	@mkdir -p $(@D)
	@if [ -f $@ ]; then $(PYTHON) -m olddefconfig Kconfig >/dev/null; \
	else $(PYTHON) -m defconfig configs/$(DEFCONFIG); fi

%_defconfig:
	@[ "$*" = "$(BOARD)" ] || { echo "make $@: run make BOARD=$* $@ (each board has its own $(BUILD)/.config)" >&2; exit 2; }
	@mkdir -p $(BUILD)
	$(PYTHON) -m defconfig configs/$@

menuconfig:
	$(PYTHON) -m menuconfig Kconfig

savedefconfig:
	$(PYTHON) -m savedefconfig --out $(BUILD)/defconfig
	@echo "minimal configuration written to $(BUILD)/defconfig"

$(CONFIG_H): $(KCONFIG_CONFIG) Kconfig board/Kconfig
	@mkdir -p $(@D)
	$(PYTHON) -m genconfig --header-path $@ Kconfig

# Struct offsets and constants for assembly, generated from C: each DEFINE a #define.
$(GEN)/%-defs.h: $(CONFIG_H)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -MT $@ -MF $(BUILD)/$*_defs.d -S -o $(BUILD)/$*_defs.s $(filter %.c,$^)
	sed -n 's/^[[:space:]]*->\([A-Za-z_0-9]*\) #\{0,1\}\(-\{0,1\}[0-9]*\).*/#define \1 \2/p' \
		$(BUILD)/$*_defs.s > $@.tmp && mv $@.tmp $@
$(GEN)/asm-defs.h: arch/arm/asm_defs.c
$(GEN)/express-defs.h: hyp/express_defs.c

# The hypervisor ----------------------------------------------------------------
# Objects follow the Makefile too: a change of flags (link-time optimization)
# must not leave objects built the old way in one link.
$(BUILD)/%.o: %.c $(CONFIG_H) Makefile
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(HYP_LTO) -c -o $@ $<

$(BUILD)/%.o: %.S $(CONFIG_H) $(ASM_DEFS) Makefile
	@mkdir -p $(@D)
	$(CC) $(ASFLAGS) -c -o $@ $<

$(BUILD)/hyp.ld: arch/arm/hyp.ld.S $(CONFIG_H)
	$(CC) -E -P -x c -I$(BUILD)/include -o $@ $<

$(HYP_ELF): $(HYP_OBJS) $(BUILD)/hyp.ld
	$(CC) $(LDFLAGS) -O2 $(HYP_LTO) -T $(BUILD)/hyp.ld -Wl,-Map,$(BUILD)/hyp.map -o $@ $(HYP_OBJS) -lc -lgcc

-include $(HYP_OBJS:.o=.d) $(BUILD)/asm_defs.d $(BUILD)/express_defs.d

# Running -----------------------------------------------------------------------
# Without GUEST, the default Linux guest (guests/linux/linux.mk).
ifeq ($(origin GUEST),undefined)
ifneq ($(BOARD_RUNS_LINUX),yes)
ifneq ($(filter run demo,$(MAKECMDGOALS)),)
$(error BOARD=$(BOARD) does not run the default Linux guest yet: give GUEST=image)
endif
endif
GUEST := $(LINUX_KERNEL)
DTB ?= $(LINUX_DTB_FILE)
INITRD ?= $(INITRAMFS)
APPEND ?= console=$(LINUX_CONSOLE)
DEFAULT_GUEST := linux
endif
DTB ?=
INITRD ?=
APPEND ?=
GUEST_RAM ?= $(if $(CONFIG_GUEST_RAM_SIZE),$(shell echo $$(( $(CONFIG_GUEST_RAM_SIZE) >> 20 )))M)
QEMU_MEM_NATIVE = $(GUEST_RAM)
ICOUNT ?=
# Deterministic instruction time for benchmarks: one instruction per nanosecond.
QEMU_ICOUNT_ARGS := -icount shift=0,sleep=off -rtc base=2025-01-01T00:00:00,clock=vm
QEMU_RUN_ARGS = $(QEMU_BOARD_ARGS) $(if $(filter 1,$(ICOUNT)),$(QEMU_ICOUNT_ARGS))

# What the run script and the QEMU tests need to know about the board and build.
QEMU_ENV = BUILD=$(BUILD) HYP_ELF=$(HYP_ELF) QEMU_MACHINE=$(QEMU_MACHINE) \
	QEMU_MEM_NATIVE=$(QEMU_MEM_NATIVE) QEMU_MEM_HYP=$(QEMU_MEM_HYP) \
	QEMU_BOARD_ARGS="$(QEMU_BOARD_ARGS)" GUEST_STAGE=$(CONFIG_GUEST_STAGE_ADDR) \
	GUEST_STAGE_SIZE=$(CONFIG_GUEST_STAGE_SIZE) HYP_LOAD_ADDR=$(CONFIG_HYP_LOAD_ADDR) \
	GUEST_RAM=$(BOARD_RAM_BASE):$(GUEST_RAM) CROSS_COMPILE=$(CROSS_COMPILE) \
	LINUX_KERNEL=$(LINUX_KERNEL) LINUX_DTB_FILE=$(LINUX_DTB_FILE) INITRAMFS=$(INITRAMFS) \
	LINUX_CONSOLE=$(LINUX_CONSOLE) QEMU_ICOUNT_ARGS="$(QEMU_ICOUNT_ARGS)" \
	HYP_CONSOLE=$(BOARD_HYP_CONSOLE) UBOOT=$(BOARD_UBOOT) FIT_ADDR=$(BOARD_FIT_ADDR) \
	BOARD_RUNS_LINUX=$(BOARD_RUNS_LINUX) NATIVE_HALT_LINE="$(NATIVE_HALT_LINE)"

deps:
	@scripts/install-deps.sh

# Each command first makes sure the packages are there, then builds in a sub-make
# (so that the configuration exists before it is read).
run: deps
	@$(MAKE) --no-print-directory $(KCONFIG_CONFIG) >&2
ifeq ($(GUESTS),)
	@$(MAKE) --no-print-directory -s all $(if $(DEFAULT_GUEST),linux-guest) >&2
	@$(MAKE) --no-print-directory -s run-built
else
	@[ -n "$(BOARD_RUNS_GUESTS)" ] || { echo "make run GUESTS=...: not on $(BOARD) yet (vexpress-a15 and virt run several guests)" >&2; exit 2; }
	@$(MAKE) --no-print-directory -s all hyp-multi $(if $(filter yes,$(BOARD_RUNS_LINUX)),linux-guest) >&2
	@$(MAKE) --no-print-directory -s run-guests-built
endif

# The default guest runs guests/linux/rootfs/usr/bin/demo instead of a shell, then powers off.
demo: deps
	@$(MAKE) --no-print-directory $(KCONFIG_CONFIG) >&2
	@$(MAKE) --no-print-directory -s all linux-guest >&2
	@$(MAKE) --no-print-directory -s run-built APPEND="console=$(LINUX_CONSOLE) quiet autorun=/usr/bin/demo"

# The whole suite on BOARD, then what every board runs (tests/run-board.sh) on the others,
# and the SD-card image of the boards QEMU cannot run, built and checked.
TEST_OTHER_BOARDS := $(filter-out $(BOARD),vexpress-a15 virt cubieboard)
TEST_SDCARD_BOARDS := beagleboard
test: deps
	@$(MAKE) --no-print-directory $(KCONFIG_CONFIG)
	@$(MAKE) --no-print-directory all host-test-bin hyp-flush-all hyp-no-fast-cp15 hyp-no-fast-sensitive hyp-no-fast-mode-switch hyp-no-fast-dabt hyp-no-fast-pabt \
		hyp-no-express hyp-no-stubs hyp-tracked-reset $(if $(RAM_ELSEWHERE_ADDR),hyp-ram-elsewhere) $(if $(BOARD_RUNS_GUESTS),hyp-multi) linux-guest
	@for b in $(TEST_OTHER_BOARDS); do \
		$(MAKE) --no-print-directory BOARD=$$b build/$$b/.config && \
		$(MAKE) --no-print-directory BOARD=$$b board-test-deps || exit 1; done
	@for b in $(TEST_SDCARD_BOARDS); do \
		$(MAKE) --no-print-directory BOARD=$$b build/$$b/.config && \
		$(MAKE) --no-print-directory -s BOARD=$$b all sdcard-deps || exit 1; done
	@rc=0; $(MAKE) --no-print-directory test-built || rc=1; \
	for b in $(TEST_OTHER_BOARDS); do $(MAKE) --no-print-directory BOARD=$$b board-test-built || rc=1; done; \
	for b in $(TEST_SDCARD_BOARDS); do $(MAKE) --no-print-directory BOARD=$$b sdcard-test-built || rc=1; done; \
	exit $$rc

# The same hypervisor with options changed, for the tests and benchmarks:
# `make hyp-NAME` builds $(BUILD)/NAME/hyp.elf with the Kconfig SETTINGS.
# $(call hyp_variant,NAME,SETTINGS)
define hyp_variant
.PHONY: hyp-$(1)
hyp-$(1): $$(KCONFIG_CONFIG)
	@mkdir -p $$(BUILD)/$(1)
	@cmp -s $$(KCONFIG_CONFIG) $$(BUILD)/$(1)/.config.base && echo '$(2)' | cmp -s - $$(BUILD)/$(1)/.settings || { \
		cp $$(KCONFIG_CONFIG) $$(BUILD)/$(1)/.config.base && cp $$(KCONFIG_CONFIG) $$(BUILD)/$(1)/.config && \
		KCONFIG_CONFIG=$$(BUILD)/$(1)/.config $$(PYTHON) -m setconfig --no-check-exists $(2) >/dev/null && \
		echo '$(2)' > $$(BUILD)/$(1)/.settings; }
	@$$(MAKE) --no-print-directory BUILD=$$(BUILD)/$(1) KCONFIG_CONFIG=$$(BUILD)/$(1)/.config hyp
endef
# The baseline shadow strategy; each trap fast path off.
$(eval $(call hyp_variant,flush-all,SHADOW_STRATEGY_FLUSH_ALL=y))
$(eval $(call hyp_variant,no-fast-cp15,FAST_TRAP_CP15=n))
$(eval $(call hyp_variant,no-fast-sensitive,FAST_TRAP_SENSITIVE=n))
$(eval $(call hyp_variant,no-fast-mode-switch,FAST_TRAP_MODE_SWITCH=n))
$(eval $(call hyp_variant,no-fast-dabt,FAST_TRAP_DATA_ABORT=n))
$(eval $(call hyp_variant,no-fast-pabt,FAST_TRAP_PREFETCH_ABORT=n))
$(eval $(call hyp_variant,no-express,FAST_TRAP_EXPRESS=n))
$(eval $(call hyp_variant,no-stubs,TRAP_FREE_STUBS=n))
# Four guests at once, each with up to 256 MiB of RAM and a smaller shadow cache.
$(eval $(call hyp_variant,multi,GUESTS_MAX=4 SHADOW_ROOTS=8 SHADOW_L2_TABLES=1024 GUEST_RAM_SIZE=0x10000000))
# Every guest TLBIALL after the first few tracked table pages drops every shadow and starts afresh.
$(eval $(call hyp_variant,tracked-reset,SHADOW_TRACKED_PAGES_LIMIT=4))
# The guest's RAM in other host memory than its guest-physical addresses, on boards
# whose board.mk says where (RAM_ELSEWHERE_ADDR) and with how much QEMU memory.
ifneq ($(RAM_ELSEWHERE_ADDR),)
$(eval $(call hyp_variant,ram-elsewhere,GUEST_RAM_HOST_ADDR=$(RAM_ELSEWHERE_ADDR)))
RAM_ELSEWHERE_ENV := RAM_ELSEWHERE_HYP_ELF=$(BUILD)/ram-elsewhere/hyp.elf \
	RAM_ELSEWHERE_QEMU_MEM=$(RAM_ELSEWHERE_QEMU_MEM)
endif
FLUSH_BUILD := $(BUILD)/flush-all

# Not a test: instruction counts per operation, natively and under the hypervisor and its variants.
bench: deps
	@$(MAKE) --no-print-directory $(KCONFIG_CONFIG)
	@$(MAKE) --no-print-directory all hyp-flush-all hyp-no-fast-cp15 hyp-no-fast-sensitive hyp-no-fast-mode-switch hyp-no-fast-dabt \
		hyp-no-express hyp-no-stubs $(if $(BOARD_RUNS_GUESTS),hyp-multi) linux-guest
	@$(QEMU_ENV) FLUSH_HYP_ELF=$(FLUSH_BUILD)/hyp.elf NO_FAST_CP15_HYP_ELF=$(BUILD)/no-fast-cp15/hyp.elf \
		NO_FAST_SENSITIVE_HYP_ELF=$(BUILD)/no-fast-sensitive/hyp.elf \
		NO_FAST_MODE_SWITCH_HYP_ELF=$(BUILD)/no-fast-mode-switch/hyp.elf \
		NO_FAST_DABT_HYP_ELF=$(BUILD)/no-fast-dabt/hyp.elf NO_EXPRESS_HYP_ELF=$(BUILD)/no-express/hyp.elf \
		NO_STUBS_HYP_ELF=$(BUILD)/no-stubs/hyp.elf bench/run.sh
	@$(QEMU_ENV) bench/linux-boot.sh
	@$(QEMU_ENV) bench/microbench.sh
	@$(if $(BOARD_RUNS_GUESTS),$(QEMU_ENV) MULTI_HYP_ELF=$(BUILD)/multi/hyp.elf bench/rt-latency.sh)
	@$(if $(BOARD_RUNS_GUESTS),$(QEMU_ENV) MULTI_HYP_ELF=$(BUILD)/multi/hyp.elf bench/guest-switch.sh)

.PHONY: run-built run-guests-built test-built board-test-deps board-test-built
run-built:
	@scripts/run-qemu.sh --machine $(QEMU_MACHINE) --mem $(QEMU_MEM_HYP) \
		--stage $(CONFIG_GUEST_STAGE_ADDR) --stage-size $(CONFIG_GUEST_STAGE_SIZE) \
		--hyp $(HYP_ELF) --hyp-console $(BOARD_HYP_CONSOLE) \
		$(if $(BOARD_UBOOT),--uboot $(BOARD_UBOOT) --fit-addr $(BOARD_FIT_ADDR) --fit-dir $(BUILD)/fit) \
		--guest "$(GUEST)" --guest-ram $(BOARD_RAM_BASE):$(GUEST_RAM) \
		$(if $(DTB),--dtb "$(DTB)") $(if $(INITRD),--initrd "$(INITRD)") \
		$(if $(APPEND),--append "$(APPEND)") \
		--hyp-log $(BUILD)/hyp.log -- $(QEMU_RUN_ARGS)

# Several guests at once, as the configuration GUESTS (configs/guests/*.dts) describes them;
# image "linux" there is the default Linux guest.
LINUX_GUEST_FILES = $(LINUX_KERNEL),$(LINUX_DTB_FILE),$(INITRAMFS)
run-guests-built:
	@scripts/run-qemu.sh --machine $(QEMU_MACHINE) --mem $(QEMU_MEM_HYP) \
		--stage $(CONFIG_GUEST_STAGE_ADDR) --stage-size $(CONFIG_GUEST_STAGE_SIZE) \
		--hyp $(BUILD)/multi/hyp.elf --hyp-console $(BOARD_HYP_CONSOLE) \
		$(if $(BOARD_UBOOT),--uboot $(BOARD_UBOOT) --fit-addr $(BOARD_FIT_ADDR) --fit-dir $(BUILD)/multi/fit) \
		--guests "$(GUESTS)" --guest-dir $(BUILD)/guests --guest-ram $(BOARD_RAM_BASE):0 \
		$(if $(filter yes,$(BOARD_RUNS_LINUX)),--linux "$(LINUX_GUEST_FILES)") \
		--hyp-log $(BUILD)/hyp.log -- $(QEMU_RUN_ARGS)

test-built:
	@$(QEMU_ENV) FLUSH_HYP_ELF=$(FLUSH_BUILD)/hyp.elf TRACKED_RESET_HYP_ELF=$(BUILD)/tracked-reset/hyp.elf \
		$(RAM_ELSEWHERE_ENV) $(if $(BOARD_RUNS_GUESTS),MULTI_HYP_ELF=$(BUILD)/multi/hyp.elf) tests/run-all.sh

# What tests/run-board.sh needs on BOARD.
board-test-deps: all $(if $(filter yes,$(BOARD_RUNS_LINUX)),linux-guest) $(if $(BOARD_RUNS_GUESTS),hyp-multi)

board-test-built:
	@$(QEMU_ENV) BOARD=$(BOARD) $(if $(BOARD_RUNS_GUESTS),MULTI_HYP_ELF=$(BUILD)/multi/hyp.elf) tests/run-board.sh

# The SD card of a board U-Boot starts from one: U-Boot's SPL and itself
# (Debian's), a boot script, and a FIT with the hypervisor and the default
# Linux guest (scripts/mksdcard.sh); tests/sdcard.sh checks what is on it.
SDCARD_IMG := $(BUILD)/sdcard.img
SDCARD_UBOOT_DIR = $(LINUX_ROOT)/$(BOARD_SDCARD_UBOOT)
SDCARD_APPEND ?= console=$(LINUX_CONSOLE),115200n8
.PHONY: sdcard-deps sdcard-built sdcard-test-built
sdcard: deps
	@$(MAKE) --no-print-directory $(KCONFIG_CONFIG) >&2
	@$(MAKE) --no-print-directory -s all sdcard-deps >&2
	@$(MAKE) --no-print-directory -s sdcard-built

sdcard-deps: linux-guest $(DEBIAN_CACHE)/u-boot-omap.env

$(DEBIAN_CACHE)/u-boot-omap.env:
	@scripts/fetch-debian.sh $(DEBIAN_CACHE)

SDCARD_CHECK_ARGS = --image $(SDCARD_IMG) --hyp $(HYP_ELF) --guest $(LINUX_KERNEL) \
	--stage $(CONFIG_GUEST_STAGE_ADDR) --mlo $(SDCARD_UBOOT_DIR)/MLO \
	--uboot-img $(SDCARD_UBOOT_DIR)/u-boot.img --machine-dtb $(LINUX_DTB_FILE) \
	--initrd $(INITRAMFS) --fit-addr $(BOARD_FIT_ADDR)
sdcard-built:
	@[ -n "$(BOARD_SDCARD_UBOOT)" ] || { echo "BOARD=$(BOARD) is not started from an SD card" >&2; exit 2; }
	@scripts/mksdcard.sh --hyp $(HYP_ELF) --guest $(LINUX_KERNEL) --dtb $(LINUX_DTB_FILE) \
		--initrd $(INITRAMFS) --append "$(SDCARD_APPEND)" \
		--guest-ram $(BOARD_RAM_BASE):$(GUEST_RAM) --stage $(CONFIG_GUEST_STAGE_ADDR) \
		--stage-size $(CONFIG_GUEST_STAGE_SIZE) --machine-dtb $(LINUX_DTB_FILE) \
		--mlo $(SDCARD_UBOOT_DIR)/MLO --uboot-img $(SDCARD_UBOOT_DIR)/u-boot.img \
		--fit-addr $(BOARD_FIT_ADDR) --out $(SDCARD_IMG)
	@echo "sdcard: $(SDCARD_IMG) (docs/boards/$(BOARD).md says how to write it to a card)"

sdcard-test-built: sdcard-built
	@BUILD=$(BUILD) BOARD=$(BOARD) tests/run-sdcard.sh $(SDCARD_CHECK_ARGS)

clean:
	rm -rf $(BUILD)
