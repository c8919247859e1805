#!/usr/bin/env bash
# A guest that halts (interrupts masked, a branch to itself) spins for ever
# natively; under the hypervisor the run ends: the hypervisor reports where
# it halted, and the status says whether the guest asked to (the last line
# of its console, on boards where the hypervisor watches it: those QEMU
# cannot power off, which set NATIVE_HALT_LINE).
#  - guests/halt halts in User mode, Thumb state, after naming the loop;
#  - where the board runs Linux, a zImage whose xz payload has one byte
#    changed: its decompressor fails and halts (ARM state, MMU on).
set -u
. tests/qemu/lib.sh

NATIVE_SPIN_TIMEOUT=${NATIVE_SPIN_TIMEOUT:-10}
LINUX_TIMEOUT=${LINUX_TIMEOUT:-600}

# check_halt NAME NATIVE_RC HYP_RC NATIVE HYP LOG PC: the verdict on one halting guest.
check_halt() {
	local test_name=qemu/halt/$1 native_rc=$2 hyp_rc=$3 native=$4 hyp=$5 log=$6 pc=$7
	if [ "$native_rc" -ne 124 ]; then
		fail "$test_name" "natively the guest should spin until the timeout (124), got $native_rc" \
			"$native" "$native.stderr"
	elif [ "$hyp_rc" -ne 1 ]; then
		fail "$test_name" "expected the failed status (1): the guest did not say it halted; got $hyp_rc" \
			"$hyp" "$log"
	elif ! grep -q "halted at pc=$pc (a branch to itself with interrupts masked)" "$log"; then
		fail "$test_name" "no 'halted at pc=$pc' report" "$log"
	elif [ -n "${NATIVE_HALT_LINE:-}" ] && ! grep -q 'stopped: halted without saying' "$log"; then
		fail "$test_name" "the board watches the guest's console, but no verdict from its last line" "$log"
	elif [ -z "${NATIVE_HALT_LINE:-}" ] && ! grep -q 'stopped: halted (its console is not watched' "$log"; then
		fail "$test_name" "no 'console is not watched' verdict" "$log"
	elif ! cmp -s <(tr -d '\r' < "$native") <(tr -d '\r' < "$hyp"); then
		fail "$test_name" "outputs differ" "$native" "$hyp"
	else
		pass "$test_name"
	fi
}

image=$BUILD/guests/halt.elf
native=$WORK/halt.native.out hyp=$WORK/halt.hyp.out log=$WORK/halt.hyp.log
run_native "$image" "$native" "$NATIVE_SPIN_TIMEOUT"
native_rc=$?
run_hyp "$image" "$hyp" "$log"
hyp_rc=$?
pc=$(tr -d '\r' < "$native" | sed -n 's/^halt: spinning at \(0x[0-9a-f]\{8\}\) .*/\1/p')
check_halt guest "$native_rc" "$hyp_rc" "$native" "$hyp" "$log" "${pc:-unknown}"
if [ -n "${NATIVE_HALT_LINE:-}" ] &&
	! grep -q "its last console line: \"halt: spinning at $pc in User mode" "$log"; then
	fail qemu/halt/guest-last-line "the report lacks the guest's last console line" "$log"
elif [ -n "${NATIVE_HALT_LINE:-}" ]; then
	pass qemu/halt/guest-last-line
fi

[ "${BOARD_RUNS_LINUX:-}" = yes ] || exit 0
# One byte of the xz payload, 64 KiB in, changed: the stream's check fails at its end.
corrupt=$WORK/vmlinuz.corrupt
python3 - "$LINUX_KERNEL" "$corrupt" <<'PY' || { echo "FAIL qemu/halt/linux-corrupt-zimage: no xz payload found"; exit 0; }
import sys
data = bytearray(open(sys.argv[1], "rb").read())
at = data.find(b"\xfd7zXZ\x00")
if at < 0:
    sys.exit(1)
data[at + 65536] ^= 0xff
open(sys.argv[2], "wb").write(data)
PY
linux_args=(--dtb "$LINUX_DTB_FILE" --initrd "$INITRAMFS" --append "console=$LINUX_CONSOLE")
native=$WORK/linux-corrupt.native.out hyp=$WORK/linux-corrupt.hyp.out log=$WORK/linux-corrupt.hyp.log
run_native "$corrupt" "$native" "$NATIVE_SPIN_TIMEOUT" "${linux_args[@]}"
native_rc=$?
run_hyp "$corrupt" "$hyp" "$log" "$LINUX_TIMEOUT" "${linux_args[@]}"
hyp_rc=$?
check_halt linux-corrupt-zimage "$native_rc" "$hyp_rc" "$native" "$hyp" "$log" '0x[0-9a-f]\{8\}'
