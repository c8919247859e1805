#!/usr/bin/env bash
# Benchmark (not a test): lmbench-style operations timed inside Debian's
# armmp kernel's user space (guests/linux/tools/microbench.c: system calls,
# signals, page faults, mappings, fork and exec), natively and under the
# hypervisor, in one run, both with QEMU counting instructions (-icount
# shift=0: ns per operation is guest instructions per operation, the
# hypervisor's included). Writes to $BUILD/bench:
#  - microbench.txt: the costs, their ratio, the wall time of each run and
#    the hypervisor's statistics (whole run, boot included);
#  - microbench.dat: the costs and ratios, one benchmark a line;
#  - microbench.png: the ratios, plotted by gnuplot.
# Settings come from the Makefile.
set -u
. bench/lib.sh
result=$out_dir/microbench.txt
data=$out_dir/microbench.dat
plot=$out_dir/microbench.png
# As microbench prints them.
benchmarks=(cpu_loop null_syscall read_byte write_byte pipe_roundtrip signal page_touch
	page_fault cow_fault mmap_munmap mprotect fork_exit fork_exec)
linux_autorun /usr/bin/microbench
need_gnuplot

# run NAME native|hyp: console in NAME.out (carriage returns removed), stderr in
# NAME.err, hypervisor log in NAME.log; prints the wall seconds.
run() {
	local name=$1 how=$2 start hyp=
	start=$(date +%s.%N)
	[ "$how" = hyp ] && hyp=$HYP_ELF
	# shellcheck disable=SC2086
	board_qemu "$hyp" "$out_dir/$name.log" "${linux[@]}" \
		-- $QEMU_BOARD_ARGS "${icount[@]}" </dev/null 2> "$out_dir/$name.err" |
		tr -d '\r' > "$out_dir/$name.out"
	if [ "${PIPESTATUS[0]}" != 0 ]; then
		# Its stderr also has the hypervisor's log: only run-qemu.sh's own words.
		grep '^run-qemu.sh:' "$out_dir/$name.err" >&2
		fail "the $name run failed (console in $out_dir/$name.out)"
	fi
	# The guest powers off whatever the program's exit status.
	grep -qx 'autorun: exit status 0' "$out_dir/$name.out" ||
		fail "microbench failed in the $name run (console in $out_dir/$name.out)"
	awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'
}

# cost NAME BENCHMARK: ns per operation of BENCHMARK in run NAME.
cost() {
	local value
	value=$(sed -n "s/^microbench: $2 iterations=[0-9]* ns_per_op=\([0-9.]*\)$/\1/p" "$out_dir/$1.out")
	[ -n "$value" ] || fail "no result for $2 in the $1 run ($out_dir/$1.out)"
	echo "$value"
}

native_wall=$(run microbench-native native) || exit 1
hyp_wall=$(run microbench-hyp hyp) || exit 1

{
	echo "# benchmark  native_ns_per_op  hypervisor_ns_per_op  ratio"
	for b in "${benchmarks[@]}"; do
		native=$(cost microbench-native "$b") || exit 1
		hyp=$(cost microbench-hyp "$b") || exit 1
		awk -v b="$b" -v n="$native" -v h="$hyp" 'BEGIN { printf "%s %s %s %.2f\n", b, n, h, h / n }'
	done
} > "$data" || exit 1

{
	echo "microbench, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(basename "$LINUX_KERNEL"), QEMU -icount shift=0"
	echo "ns per operation = guest instructions per operation:"
	awk 'BEGIN { printf "  %-15s %12s %14s %9s\n", "benchmark", "native", "hypervisor", "ratio" }
		!/^#/ { printf "  %-15s %12s %14s %9s\n", $1, $2, $3, $4 }' "$data"
	echo "wall seconds, boot, benchmarks and power-off: native $native_wall  hypervisor $hyp_wall"
	echo "hypervisor statistics (whole run):"
	grep -E 'traps|emulated|shadow' "$out_dir/microbench-hyp.log" | sed 's/^hyp: /  /'
} | tee "$result"

gnuplot <<-EOF || fail "gnuplot could not draw $plot"
	set terminal pngcairo noenhanced size 1000,560
	set output '$plot'
	set title "Guest instructions per operation, hypervisor / native ($(basename "$LINUX_KERNEL"))"
	set ylabel 'ratio (log scale)'
	set logscale y
	set yrange [0.5:*]
	set grid ytics
	set xtics rotate by -35 nomirror
	set style fill solid 0.8
	set boxwidth 0.7
	unset key
	plot '$data' using 0:4:xtic(1) with boxes lc rgb '#4a7ab5', \
		'' using 0:4:4 with labels offset 0,0.7 font ',9'
EOF
echo "bench: written to $result, $data and $plot"
