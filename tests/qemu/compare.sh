#!/usr/bin/env bash
# The same-binary rule: each guest runs natively on QEMU and under the
# hypervisor; both must end normally and print exactly the same (but for
# lines starting with "timing: ", which measure time), and the
# hypervisor's code must be unchanged afterwards. TEST_SUFFIX names a
# second hypervisor build (HYP_ELF) under test.
set -u
. tests/qemu/lib.sh

for name in "$@"; do
	image=$BUILD/guests/$name.elf
	native=$WORK/$name.native.out hyp=$WORK/$name${TEST_SUFFIX:-}.hyp.out log=$WORK/$name${TEST_SUFFIX:-}.hyp.log
	run_native "$image" "$native"
	native_rc=$?
	run_hyp "$image" "$hyp" "$log"
	hyp_rc=$?
	test_name=qemu/compare/$name${TEST_SUFFIX:-}
	if [ "$native_rc" -ne 0 ]; then
		fail "$test_name" "native run exited $native_rc" "$native" "$native.stderr"
	elif [ "$hyp_rc" -ne 0 ]; then
		fail "$test_name" "run under the hypervisor exited $hyp_rc" "$hyp" "$log"
	elif ! grep -qx "$name: done" "$native"; then
		fail "$test_name" "native output lacks '$name: done'" "$native"
	elif ! grep -q 'integrity: unchanged' "$log"; then
		fail "$test_name" "the hypervisor's code changed, or no integrity report" "$log"
	elif ! cmp -s <(untimed < "$native") <(untimed < "$hyp"); then
		diff <(untimed < "$native") <(untimed < "$hyp") > "$WORK/$name.diff"
		fail "$test_name" "outputs differ (native <, hypervisor >)" "$WORK/$name.diff"
	else
		pass "$test_name"
	fi
done
