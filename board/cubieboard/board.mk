# QEMU settings for cubieboard (RAM at 0x40000000): native runs get the
# guest's RAM size; under the hypervisor QEMU's 1 GiB (the board's) holds the
# staging area and the hypervisor above the guest's RAM. Guests end the run
# with semihosting SYS_EXIT, natively too.
QEMU_MACHINE := cubieboard
BOARD_RAM_BASE := 0x40000000
QEMU_MEM_HYP := 1024M
QEMU_BOARD_ARGS := -nic none -semihosting-config enable=on,target=native
BOARD_HYP_CONSOLE := semihosting

obj-y += board/cubieboard/board.o board/cubieboard/guest_sys.o
obj-y += board/drivers/a10_pic.o board/drivers/a10_timer.o board/drivers/semihosting.o board/drivers/uart16550_watch.o

# The default Linux guest: Debian's device tree for this board and its console.
LINUX_DTB := sun4i-a10-cubieboard.dtb
LINUX_CONSOLE := ttyS0
BOARD_RUNS_LINUX := yes
# Natively nothing ends a guest that halts: the run scripts watch its console for this.
NATIVE_HALT_LINE = $(subst ",,$(CONFIG_GUEST_HALT_LINE))
