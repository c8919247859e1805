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
expect_refusal not-an-image "$IMAGES/not_an_image.bin" "neither an ELF executable nor a Linux zImage"

link "$IMAGES/outside_ram.elf" tests/qemu/images/spin.S 0x60000000
expect_refusal outside-ram "$IMAGES/outside_ram.elf" "outside guest RAM"

link "$IMAGES/too_large.elf" tests/qemu/images/big_bss.S 0x80010000
expect_refusal too-large "$IMAGES/too_large.elf" "too large for guest RAM"

link "$IMAGES/over_hyp.elf" tests/qemu/images/spin.S "$HYP_LOAD_ADDR"
expect_refusal overlaps-hypervisor "$IMAGES/over_hyp.elf" "overlaps the hypervisor"

# Larger than the staging area: refused by the run script before QEMU starts.
truncate -s "$((GUEST_STAGE_SIZE))" "$IMAGES/huge.bin"
out=$WORK/refuse-staging.out
run_hyp "$IMAGES/huge.bin" "$out" "$WORK/refuse-staging.log"
rc=$?
if [ "$rc" -eq 2 ] && grep -q "do not fit the staging area" "$out.stderr"; then
	pass qemu/refuse/larger-than-staging-area
else
	fail qemu/refuse/larger-than-staging-area "expected the run script to refuse it (2), got $rc" "$out.stderr"
fi
rm -f "$IMAGES/huge.bin"
