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

obj-y += board/virt/board.o board/virt/virtio_absent.o
obj-y += board/drivers/gicv2.o board/drivers/generic_timer.o board/drivers/semihosting.o board/drivers/psci.o

# The default Linux guest: QEMU's own device tree for this machine and its console.
LINUX_DTB := qemu-virt
LINUX_CONSOLE := ttyAMA0
