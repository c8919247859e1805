#!/usr/bin/env bash
# Bad guest images are refused before anything runs, with a message naming
# the problem, and the hypervisor powers off with a failed status.
set -u
. tests/qemu/lib.sh

CC=${CROSS_COMPILE:-arm-none-eabi-}gcc
IMAGES=$WORK/images
mkdir -p "$IMAGES"

# link OUT SOURCE ADDRESS
link() {
	$CC -march=armv7-a -marm -nostdlib -static -Wl,-Ttext="$3" -Wl,--no-warn-rwx-segments \
		-o "$1" "$2" || exit 1
}

# expect_refusal NAME IMAGE MESSAGE
expect_refusal() {
	local test_name=qemu/refuse/$1 image=$2 message=$3
	local out=$WORK/refuse-$1.out log=$WORK/refuse-$1.log
	run_hyp "$image" "$out" "$log"
	local rc=$?
	if [ "$rc" -ne 1 ]; then
		fail "$test_name" "expected the failed status (1), got $rc" "$log"
	elif ! grep -q "guest image refused: .*$message" "$log"; then
		fail "$test_name" "no refusal naming '$message'" "$log"
	elif [ -s "$out" ]; then
		fail "$test_name" "the guest printed something" "$out"
	else
		pass "$test_name"
	fi
}

printf 'this is not a guest image\n' > "$IMAGES/not_an_image.bin"
expect_refusal not-an-image "$IMAGES/not_an_image.bin" "neither an ELF executable, a U-Boot uImage nor a Linux zImage"

link "$IMAGES/outside_ram.elf" tests/qemu/images/spin.S 0x60000000
expect_refusal outside-ram "$IMAGES/outside_ram.elf" "outside guest RAM"

link "$IMAGES/too_large.elf" tests/qemu/images/big_bss.S 0x80010000
expect_refusal too-large "$IMAGES/too_large.elf" "too large for guest RAM"

link "$IMAGES/over_hyp.elf" tests/qemu/images/spin.S "$HYP_LOAD_ADDR"
expect_refusal overlaps-hypervisor "$IMAGES/over_hyp.elf" "overlaps the hypervisor"

# expect_script_refusal NAME MESSAGE IMAGE [RUN-QEMU-ARGS...]: the run script says MESSAGE, QEMU never starts.
expect_script_refusal() {
	local test_name=qemu/refuse/$1 message=$2 image=$3 out=$WORK/refuse-$1.out log=$WORK/refuse-$1.log
	shift 3
	run_hyp "$image" "$out" "$log" "$QEMU_TIMEOUT" "$@"
	local rc=$?
	if [ "$rc" -ne 2 ]; then
		fail "$test_name" "expected the run script to refuse (2), got $rc" "$out.stderr"
	elif ! grep -q "$message" "$out.stderr"; then
		fail "$test_name" "no message naming '$message'" "$out.stderr"
	elif [ -e "$log" ]; then
		fail "$test_name" "QEMU ran" "$log"
	else
		pass "$test_name"
	fi
}

hello=$BUILD/guests/hello.elf
rm -f "$WORK"/refuse-*.log
truncate -s "$((GUEST_STAGE_SIZE))" "$IMAGES/huge.bin"
expect_script_refusal larger-than-staging-area "do not fit the staging area" "$IMAGES/huge.bin"
rm -f "$IMAGES/huge.bin"

expect_script_refusal missing-image "guest image '$IMAGES/missing.elf' does not exist" "$IMAGES/missing.elf"
expect_script_refusal missing-initrd "initrd '$IMAGES/missing.cpio' does not exist" "$hello" \
	--initrd "$IMAGES/missing.cpio"
cp tests/qemu/images/spin.S "$IMAGES/text.dtb"
expect_script_refusal invalid-dtb "is not a valid flattened device tree" "$hello" --dtb "$IMAGES/text.dtb"
expect_script_refusal initrd-not-cpio "neither a cpio archive" "$hello" --initrd "$IMAGES/text.dtb"
# A (sparse) gzip file larger than the guest RAM above the initrd's place.
printf '\037\213\010\000' > "$IMAGES/huge.cpio.gz"
truncate -s 400M "$IMAGES/huge.cpio.gz"
expect_script_refusal initrd-too-large "does not fit guest RAM" "$hello" --initrd "$IMAGES/huge.cpio.gz"
rm -f "$IMAGES/huge.cpio.gz"

# U-Boot uImages the hypervisor refuses: not a kernel, and a corrupt payload.
$CROSS_COMPILE"objcopy" -O binary "$hello" "$IMAGES/hello.bin" || exit 1
mkimage -A arm -O linux -T ramdisk -C none -a 0x80010000 -e 0x80010000 \
	-d "$IMAGES/hello.bin" "$IMAGES/ramdisk.uImage" >/dev/null || exit 1
expect_refusal uimage-not-kernel "$IMAGES/ramdisk.uImage" "uImage is not a kernel image"
mkimage -A arm -O linux -T kernel -C none -a 0x80010000 -e 0x80010000 \
	-d "$IMAGES/hello.bin" "$IMAGES/corrupt.uImage" >/dev/null || exit 1
printf '\377' | dd of="$IMAGES/corrupt.uImage" bs=1 seek=100 conv=notrunc 2>/dev/null
expect_refusal uimage-corrupt "$IMAGES/corrupt.uImage" "uImage data checksum mismatch"
