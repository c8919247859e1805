# QEMU settings for vexpress-a15 (RAM at 0x80000000): native runs get the
# guest's RAM size; under the hypervisor QEMU's RAM reaches the end of the
# hypervisor's memory or of the host memory behind the guest's RAM,
# whichever is higher (by default the hypervisor, above the guest's RAM).
QEMU_MACHINE := vexpress-a15
BOARD_RAM_BASE := 0x80000000
host_ram_end = $(if $(1),$(shell h=$$(( $(1) + $(2) )); g=$$(( $(3) + $(4) )); echo $$(( ((h > g ? h : g) - $(BOARD_RAM_BASE)) >> 20 ))M))
QEMU_MEM_HYP = $(call host_ram_end,$(CONFIG_HYP_LOAD_ADDR),$(CONFIG_HYP_RAM_SIZE),$(CONFIG_GUEST_RAM_HOST_ADDR),$(CONFIG_GUEST_RAM_SIZE))
# make test also runs a hypervisor whose guest RAM is other host memory (`make hyp-ram-elsewhere`).
RAM_ELSEWHERE_ADDR := 0xB0000000
RAM_ELSEWHERE_QEMU_MEM = $(call host_ram_end,$(CONFIG_HYP_LOAD_ADDR),$(CONFIG_HYP_RAM_SIZE),$(RAM_ELSEWHERE_ADDR),$(CONFIG_GUEST_RAM_SIZE))
# The board's sound device gets a silent backend instead of probing host audio.
QEMU_BOARD_ARGS := -audiodev none,id=snd0 -global pl041.audiodev=snd0
# The hypervisor's messages: the second UART.
BOARD_HYP_CONSOLE := serial

obj-y += board/vexpress-a15/board.o board/vexpress-a15/v2m_sysreg.o
obj-y += board/drivers/gicv2.o board/drivers/generic_timer.o board/drivers/pl011.o

# The default Linux guest: Debian's device tree for this board and its console.
LINUX_DTB := vexpress-v2p-ca15-tc1.dtb
LINUX_CONSOLE := ttyAMA0
BOARD_RUNS_LINUX := yes
# Several guests at once (`make run GUESTS=...`; make test runs tests/qemu/guests.sh).
BOARD_RUNS_GUESTS := yes
