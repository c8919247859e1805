#!/usr/bin/env bash
# Benchmark (not a test): Debian's armmp kernel booted to user space (the
# initramfs's autorun program, where the shell would start), natively and
# under the hypervisor, in one run:
#  - guest instructions with QEMU counting them (-icount shift=0: the guest's
#    /proc/uptime is then its instruction count in ns);
#  - wall time of the whole run (boot and power-off), as a ratio.
# Writes $BUILD/bench/linux-boot.txt. Settings come from the Makefile.
set -u
. bench/lib.sh
result=$out_dir/linux-boot.txt
linux_autorun /usr/bin/since-reset

# run NAME native|hyp [QEMU-ARGS...]: console in NAME.out; prints the wall seconds.
run() {
	local name=$1 how=$2 start hyp=
	shift 2
	start=$(date +%s.%N)
	[ "$how" = hyp ] && hyp=$HYP_ELF
	# shellcheck disable=SC2086
	board_qemu "$hyp" "$out_dir/$name.log" "${linux[@]}" \
		-- $QEMU_BOARD_ARGS "$@" </dev/null > "$out_dir/$name.out" 2>/dev/null ||
		{ echo "bench: the $name run failed" >&2; exit 1; }
	awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { print b - a }'
}

# ratio A B: A / B.
ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'
}

# seconds NAME: the guest time at which user space ran.
seconds() {
	tr -d "\r" < "$out_dir/$1.out" | sed -n "s/^since-reset: \([0-9.]*\) s$/\1/p"
}

run native-icount native "${icount[@]}" >/dev/null
run hyp-icount hyp "${icount[@]}" >/dev/null
native_wall=$(run native-wall native)
hyp_wall=$(run hyp-wall hyp)

{
	echo "Linux boot benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(basename "$LINUX_KERNEL")"
	echo "boot to user space, guest instructions (QEMU -icount shift=0):"
	printf "  native %.2fe9  hypervisor %.2fe9  ratio %s\n" "$(seconds native-icount)" \
		"$(seconds hyp-icount)" "$(ratio "$(seconds hyp-icount)" "$(seconds native-icount)")"
	echo "boot and power-off, wall seconds (no icount):"
	printf "  native %.1f  hypervisor %.1f  ratio %s\n" "$native_wall" "$hyp_wall" \
		"$(ratio "$hyp_wall" "$native_wall")"
	echo "hypervisor statistics (icount run):"
	grep -E 'traps|emulated|shadow' "$out_dir/hyp-icount.log" | sed 's/^hyp: /  /'
} | tee "$result"
echo "bench: written to $result"
