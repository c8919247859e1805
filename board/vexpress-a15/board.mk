# QEMU settings for vexpress-a15: native runs get the guest's RAM size, the
# hypervisor gets the board's full RAM (its own memory sits above the guest's).
QEMU_MACHINE := vexpress-a15
QEMU_MEM_NATIVE := 128M
QEMU_MEM_HYP := 256M
# The board's sound device gets a silent backend instead of probing host audio.
QEMU_BOARD_ARGS := -audiodev none,id=snd0 -global pl041.audiodev=snd0

obj-y += board/vexpress-a15/board.o
obj-y += board/vexpress-a15/v2m_sysreg.o
