# The default Linux guest: Debian's armmp kernel and busybox, fetched through
# apt by scripts/fetch-debian.sh into DEBIAN_CACHE (kept across `make clean`),
# and an initramfs built from guests/linux/rootfs, busybox, the user-space
# test program and the tools in guests/linux/tools (one static program per
# .c file). Included by the top-level Makefile.

DEBIAN_CACHE ?= .cache/debian
# Read when used, so that it names the kernel fetched earlier in the same run.
LINUX_VERSION = $(shell sed -n 's/^LINUX_VERSION=//p' $(DEBIAN_CACHE)/linux.env 2>/dev/null)
LINUX_ROOT := $(DEBIAN_CACHE)/root
LINUX_KERNEL = $(LINUX_ROOT)/boot/vmlinuz-$(LINUX_VERSION)
LINUX_DTB_FILE ?= $(LINUX_ROOT)/usr/lib/linux-image-$(LINUX_VERSION)/$(LINUX_DTB)
INITRAMFS := $(BUILD)/linux/initramfs.cpio.gz
ROOTFS_DIR := guests/linux/rootfs
ROOTFS_FILES := $(shell find $(ROOTFS_DIR) -type f)

include guests/linux/usertest/usertest.mk

LINUX_TOOLS := $(patsubst guests/linux/tools/%.c,$(BUILD)/linux/tools/%,$(wildcard guests/linux/tools/*.c))

$(LINUX_TOOLS): $(BUILD)/linux/tools/%: guests/linux/tools/%.c
	@mkdir -p $(@D)
	$(LINUX_CC) $(USERTEST_CFLAGS) -static -o $@ $<

.PHONY: linux-guest
linux-guest: $(INITRAMFS)

$(DEBIAN_CACHE)/linux.env:
	@scripts/fetch-debian.sh $(DEBIAN_CACHE)

$(INITRAMFS): $(DEBIAN_CACHE)/linux.env scripts/mkinitramfs.py $(ROOTFS_FILES) $(USERTEST_BIN) \
		$(LINUX_TOOLS)
	@mkdir -p $(@D)
	$(PYTHON) scripts/mkinitramfs.py $@ dir:/proc dir:/sys dir:/dev dir:/tmp dir:/root \
		dir:/sbin dir:/usr/sbin char:/dev/console=5,1 \
		file:/bin/busybox=$(LINUX_ROOT)/bin/busybox:755 symlink:/bin/sh=busybox \
		tree:/=$(ROOTFS_DIR) file:/usr/bin/usertest=$(USERTEST_BIN):755 \
		$(foreach t,$(LINUX_TOOLS),file:/usr/bin/$(notdir $(t))=$(t):755)
-include $(LINUX_TOOLS:=.d)
