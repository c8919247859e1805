# QEMU settings for virt (RAM at 0x40000000). The hypervisor sits above the
# guest's RAM; under the hypervisor QEMU gets 1 GiB so that U-Boot, which
# moves itself to the top of RAM, stays clear of it.
QEMU_MACHINE := virt
BOARD_RAM_BASE := 0x40000000
QEMU_MEM_HYP := 1024M
QEMU_CPU ?= cortex-a15
# No network (U-Boot would try it); the hypervisor's messages go through semihosting.
QEMU_BOARD_ARGS := -cpu $(QEMU_CPU) -nic none
BOARD_HYP_CONSOLE := semihosting
# The hypervisor is booted by Debian's U-Boot from a FIT that QEMU places in RAM.
BOARD_UBOOT := /usr/lib/u-boot/qemu_arm/u-boot.bin
BOARD_FIT_ADDR := 0x4a000000

obj-y += board/virt/board.o board/virt/virtio_absent.o
obj-y += board/drivers/gicv2.o board/drivers/generic_timer.o board/drivers/semihosting.o board/drivers/psci.o
obj-y += board/drivers/pl011.o

# The default Linux guest: QEMU's own device tree for this machine (as QEMU gives
# a kernel it boots natively, with the guest's RAM), and its console.
LINUX_DTB_FILE = $(BUILD)/linux/qemu-virt.dtb
LINUX_CONSOLE := ttyAMA0
BOARD_RUNS_LINUX := yes
# Several guests at once (`make run GUESTS=...`, booted by U-Boot as one FIT; make test runs tests/qemu/guests.sh).
BOARD_RUNS_GUESTS := yes
linux-guest: $(LINUX_DTB_FILE)
# QEMU dumps it padded to 1 MiB, which the zImage's decompressor cannot take: dtc compacts it.
$(BUILD)/linux/qemu-virt.dtb: $(KCONFIG_CONFIG)
	@mkdir -p $(@D)
	qemu-system-arm -M virt,dumpdtb=$@.padded -m $(QEMU_MEM_NATIVE) $(QEMU_BOARD_ARGS) -display none >/dev/null
	dtc -q -I dtb -O dtb -o $@ $@.padded && rm -f $@.padded
