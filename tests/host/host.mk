# Host unit tests: the portable sources built for this machine with sanitizers.
HOST_CC ?= gcc
HOST_TEST_BIN := $(BUILD)/host/unit-tests
HOST_CFLAGS := -std=c11 -O1 -g -Wall -Wextra -Werror -fsanitize=address,undefined -DHOST_MMIO_MODELS \
	-fno-omit-frame-pointer -fno-sanitize-recover=all -I. -I$(BUILD)/include -Itests/host
HOST_PORTABLE := hyp/insn_class.c hyp/fast_trap.c hyp/vcpu.c hyp/vexc.c hyp/emulate_sensitive.c \
	hyp/emulate_cp15.c hyp/emulate_vfp.c hyp/emulate_cp14.c hyp/emulate_psci.c hyp/va10_pic.c hyp/vomap3_intc.c hyp/emulate_mem.c hyp/page_scan.c hyp/patch.c hyp/stub_gen.c hyp/guest_image.c hyp/uimage.c \
	hyp/format.c hyp/console_tail.c hyp/guest_config.c hyp/guest_state.c hyp/sched.c hyp/vpl011.c hyp/guest_halt.c hyp/xlate_store.c hyp/vgic.c dacr/dacr_map.c shadow_pt/guest_access.c shadow_pt/guest_walk.c \
	shadow_pt/shadow.c shadow_pt/modified_tables.c \
	board/drivers/omap3_intc.c board/drivers/omap3_gptimer.c board/drivers/uart16550.c
HOST_TESTS := $(sort $(wildcard tests/host/*.c))
# Every header the sources may include: a change to an inline function rebuilds the tests too.
HOST_HEADERS := $(wildcard hyp/*.h shadow_pt/*.h dacr/*.h arch/arm/*.h board/*.h board/drivers/*.h tests/host/*.h)

.PHONY: host-test-bin
host-test-bin: $(HOST_TEST_BIN)

$(HOST_TEST_BIN): $(HOST_PORTABLE) $(HOST_TESTS) $(HOST_HEADERS) $(CONFIG_H)
	@mkdir -p $(@D)
	$(HOST_CC) $(HOST_CFLAGS) -o $@ $(HOST_PORTABLE) $(HOST_TESTS)
