# BeagleBoard and BeagleBoard-xM (RAM at 0x80000000), booted by Debian's
# U-Boot from an SD card: `make sdcard` writes the image. No QEMU machine
# runs it, so `make run` and the QEMU tests are not offered for this board.
BOARD_RAM_BASE := 0x80000000
BOARD_HYP_CONSOLE := uart

obj-y += board/beagleboard/board.o
obj-y += board/drivers/omap3_intc.o board/drivers/omap3_gptimer.o board/drivers/uart16550.o
obj-y += board/drivers/uart16550_watch.o

# The guest on the card: Debian's kernel with this device tree (omap3-beagle-xm.dtb for the xM).
LINUX_DTB ?= omap3-beagle.dtb
LINUX_CONSOLE := ttyS2
# Debian's U-Boot for the board (u-boot-omap, fetched with the kernel), which
# loads the FIT at its loadaddr.
BOARD_SDCARD_UBOOT := usr/lib/u-boot/omap3_beagle
BOARD_FIT_ADDR := 0x82000000
