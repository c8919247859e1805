# The default Linux guest: Debian's armmp kernel and busybox, fetched through
# apt by scripts/fetch-debian.sh into DEBIAN_CACHE (kept across `make clean`),
# and an initramfs built from guests/linux/rootfs, busybox and the user-space
# test program. Included by the top-level Makefile.

DEBIAN_CACHE ?= .cache/debian
# Read when used, so that it names the kernel fetched earlier in the same run.
LINUX_VERSION = $(shell sed -n 's/^LINUX_VERSION=//p' $(DEBIAN_CACHE)/linux.env 2>/dev/null)
LINUX_ROOT := $(DEBIAN_CACHE)/root
LINUX_KERNEL = $(LINUX_ROOT)/boot/vmlinuz-$(LINUX_VERSION)
LINUX_DTB_FILE = $(LINUX_ROOT)/usr/lib/linux-image-$(LINUX_VERSION)/$(LINUX_DTB)
INITRAMFS := $(BUILD)/linux/initramfs.cpio.gz
ROOTFS_DIR := guests/linux/rootfs
ROOTFS_FILES := $(shell find $(ROOTFS_DIR) -type f)

-include guests/linux/usertest/usertest.mk

.PHONY: linux-guest
linux-guest: $(INITRAMFS)

$(DEBIAN_CACHE)/linux.env:
	@scripts/fetch-debian.sh $(DEBIAN_CACHE)

$(INITRAMFS): $(DEBIAN_CACHE)/linux.env scripts/mkinitramfs.py $(ROOTFS_FILES) $(USERTEST_BIN)
	@mkdir -p $(@D)
	$(PYTHON) scripts/mkinitramfs.py $@ dir:/proc dir:/sys dir:/dev dir:/tmp dir:/root \
		dir:/sbin dir:/usr/sbin char:/dev/console=5,1 \
		file:/bin/busybox=$(LINUX_ROOT)/bin/busybox:755 symlink:/bin/sh=busybox \
		tree:/=$(ROOTFS_DIR) $(if $(USERTEST_BIN),file:/usr/bin/usertest=$(USERTEST_BIN):755)
