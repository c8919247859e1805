#!/usr/bin/env bash
# Guests that do what the hypervisor cannot virtualize are stopped with
# their PC, instruction and reason; the hypervisor then powers off with a
# failed status instead of hanging. What the guest printed before that must
# match the start of its native output.
set -u
. tests/qemu/lib.sh

NATIVE_HANG_TIMEOUT=5

# expect_stop NAME REASON: REASON must appear in the "stopped:" line.
expect_stop() {
	local name=$1 reason=$2
	local image=$BUILD/guests/$name.elf test_name=qemu/stop/$name
	local native=$WORK/$name.native.out hyp=$WORK/$name.hyp.out log=$WORK/$name.hyp.log
	run_native "$image" "$native" "$NATIVE_HANG_TIMEOUT"
	run_hyp "$image" "$hyp" "$log"
	local hyp_rc=$?
	if [ "$hyp_rc" -ne 1 ]; then
		fail "$test_name" "expected the failed status (1), got $hyp_rc" "$hyp" "$log"
	elif ! grep -q "stopped: $reason" "$log"; then
		fail "$test_name" "no 'stopped: $reason' line" "$log"
	elif ! grep -q 'pc=0x[0-9a-f]\{8\}' "$log"; then
		fail "$test_name" "stop report lacks the PC" "$log"
	elif [ ! -s "$hyp" ] || [ "$(head -c "$(stat -c %s "$hyp")" "$native")" != "$(cat "$hyp")" ]; then
		fail "$test_name" "output under the hypervisor is not a prefix of the native output" "$native" "$hyp"
	else
		pass "$test_name"
	fi
}

expect_stop wild_jump "executes outside guest RAM"
expect_stop bad_vector "its prefetch abort vector cannot be fetched"
