#!/usr/bin/env bash
# Debian's armmp kernel with the project's initramfs, natively and under the
# hypervisor (the same-binary rule):
#  - usertest, the user-space conformance program, prints exactly the same
#    (and, where the build makes stubs, the vector page's sites got some);
#  - the stock zImage wrapped in a U-Boot uImage reaches user space too.
# Settings come from the Makefile's environment (LINUX_KERNEL, LINUX_DTB_FILE,
# INITRAMFS, LINUX_CONSOLE, and those of lib.sh); TEST_SUFFIX names a variant
# of the hypervisor (HYP_ELF) in the test names and files.
set -u
. tests/qemu/lib.sh

LINUX_TIMEOUT=${LINUX_TIMEOUT:-600}
linux_args=(--dtb "$LINUX_DTB_FILE" --initrd "$INITRAMFS")

# compare_autorun NAME KERNEL PROGRAM: run PROGRAM both ways; its output must match and end well.
compare_autorun() {
	local name=$1 kernel=$2 program=$3 test_name=qemu/linux/$1${TEST_SUFFIX:-}
	local native=$WORK/linux-$name.native.out hyp=$WORK/linux-$name${TEST_SUFFIX:-}.hyp.out
	local log=$WORK/linux-$name${TEST_SUFFIX:-}.hyp.log
	local append="console=$LINUX_CONSOLE quiet autorun=$program"
	run_native "$kernel" "$native" "$LINUX_TIMEOUT" "${linux_args[@]}" --append "$append"
	local native_rc=$?
	run_hyp "$kernel" "$hyp" "$log" "$LINUX_TIMEOUT" "${linux_args[@]}" --append "$append"
	local hyp_rc=$?
	autorun_output "$native" > "$native.autorun"
	autorun_output "$hyp" > "$hyp.autorun"
	if [ "$native_rc" -ne 0 ]; then
		fail "$test_name" "native run exited $native_rc" "$native" "$native.stderr"
	elif ! grep -qx 'autorun: exit status 0' "$native.autorun"; then
		fail "$test_name" "$program did not succeed natively" "$native"
	elif [ "$hyp_rc" -ne 0 ]; then
		fail "$test_name" "run under the hypervisor exited $hyp_rc" "$hyp" "$log"
	elif ! grep -q 'integrity: unchanged' "$log"; then
		fail "$test_name" "the hypervisor's code changed, or no integrity report" "$log"
	elif ! cmp -s "$native.autorun" "$hyp.autorun"; then
		diff "$native.autorun" "$hyp.autorun" > "$WORK/linux-$name${TEST_SUFFIX:-}.diff"
		fail "$test_name" "outputs differ (native <, hypervisor >)" "$WORK/linux-$name${TEST_SUFFIX:-}.diff"
	else
		pass "$test_name"
	fi
}

compare_autorun usertest "$LINUX_KERNEL" /usr/bin/usertest

# Where the build makes stubs: Linux's exception entries in its vector page, copies of words the
# hypervisor patched in the kernel image, got stubs too (in a window of their own).
stats=$(grep -ao 'stubs made=.*' "$WORK/linux-usertest${TEST_SUFFIX:-}.hyp.log" 2>/dev/null)
copies=$(sed -n 's/.*patched words=\([0-9]*\).*/\1/p' <<< "$stats")
if [ -n "$stats" ] && [ "${copies:-0}" -lt 1 ]; then
	fail "qemu/linux/vector-stubs${TEST_SUFFIX:-}" "no stub at Linux's vector page: $stats" \
		"$WORK/linux-usertest${TEST_SUFFIX:-}.hyp.log"
elif [ -n "$stats" ]; then
	pass "qemu/linux/vector-stubs${TEST_SUFFIX:-}"
fi

# The unmodified zImage as a uImage: QEMU and the hypervisor both honour its load and entry address.
uimage=$WORK/linux.uImage
zimage_at=$(printf 0x%08x $((${GUEST_RAM%%:*} + 0x8000)))     # RAM base + 32 KiB
mkimage -A arm -O linux -T kernel -C none -a "$zimage_at" -e "$zimage_at" -n "Debian armmp" \
	-d "$LINUX_KERNEL" "$uimage" >/dev/null || { echo "FAIL qemu/linux/uimage: mkimage failed"; exit 0; }
compare_autorun uimage "$uimage" /bin/uname
