#!/usr/bin/env bash
# Boards booted by U-Boot: the FIT scripts/run-qemu.sh writes lists the
# hypervisor and its guest, and U-Boot refuses, with its message, a FIT
# whose hypervisor image is corrupt or that has no hypervisor at all;
# QEMU then ends (U-Boot powers off) instead of hanging.
set -u
. tests/qemu/lib.sh

image=$BUILD/guests/hello.elf
good=$WORK/fit-good.out

# expect_refused NAME FIT MESSAGE: U-Boot prints MESSAGE, the hypervisor never starts, QEMU ends.
expect_refused() {
	local name=$1 fit=$2 message=$3 out=$WORK/fit-$1.out test_name=qemu/fit/$1
	run_hyp "$image" "$out" "$out.log" 60 --fit "$fit"
	local rc=$?
	if [ "$rc" -eq 124 ]; then
		fail "$test_name" "QEMU did not end (timeout)" "$out.uboot"
	elif ! grep -qF "$message" "$out.uboot"; then
		fail "$test_name" "U-Boot did not say '$message'" "$out.uboot"
	elif ! grep -q 'boot: U-Boot did not start the hypervisor' "$out.uboot"; then
		fail "$test_name" "U-Boot's boot command did not fail" "$out.uboot"
	elif [ -s "$out.log" ]; then
		fail "$test_name" "the hypervisor ran" "$out.log"
	else
		pass "$test_name"
	fi
}

run_hyp "$image" "$good" "$good.log"
rc=$?
listing=$WORK/fit-good.listing
dumpimage -l "$good.fit/hyp.itb" > "$listing" 2>&1
if [ "$rc" -ne 0 ] || ! grep -qx 'hello: done' "$good"; then
	fail qemu/fit/boots "the hypervisor booted by U-Boot did not run hello to the end ($rc)" "$good.uboot" "$good.log"
elif ! grep -q "Image 0 (hypervisor)" "$listing" || ! grep -q "Image 3 (guest-image)" "$listing"; then
	fail qemu/fit/boots "the FIT does not list the hypervisor and the guest" "$listing"
else
	pass qemu/fit/boots
fi

# One byte of the hypervisor's data flipped: its hash no longer matches.
python3 - "$good.fit/hyp.itb" "$good.fit/hyp.bin" "$WORK/fit-corrupt.itb" <<'PY'
import sys
fit, hyp = open(sys.argv[1], 'rb').read(), open(sys.argv[2], 'rb').read()
at = fit.find(hyp[:256]) + len(hyp) // 2
open(sys.argv[3], 'wb').write(fit[:at] + bytes([fit[at] ^ 0xff]) + fit[at + 1:])
PY
expect_refused corrupt "$WORK/fit-corrupt.itb" "Bad Data Hash"

# The same FIT without the hypervisor in its configuration.
sed '/kernel = "hypervisor";/d' "$good.fit/hyp.its" > "$good.fit/no-hyp.its"
mkimage -f "$good.fit/no-hyp.its" "$WORK/fit-no-hyp.itb" >/dev/null
expect_refused no-hypervisor "$WORK/fit-no-hyp.itb" "Could not find subimage node type 'kernel'"
