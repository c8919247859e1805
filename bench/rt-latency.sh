#!/usr/bin/env bash
# Benchmark (not a test): interrupt latency of a real-time guest
# (guests/rt_periodic: a 1 ms task on the virtual timer, 10,000 activations;
# latency = from the timer's compare value to its handler) with QEMU
# counting instructions (-icount shift=0: 1 ns of guest time each):
#  - natively;
#  - alone under the hypervisor;
#  - beside Debian's Linux booting and running the demo (fork and exec, a
#    pipe, gzip, dd), the real-time guest at the higher priority (the
#    `multi` build, MULTI_HYP_ELF);
#  - beside a bare-metal guest that traps all the time (permtest).
# Writes $BUILD/bench/rt-latency.txt, rt-latency.dat and rt-latency.png.
# Settings come from the Makefile.
set -u
. bench/lib.sh
result=$out_dir/rt-latency.txt data=$out_dir/rt-latency.dat plot=$out_dir/rt-latency.png
rt=$BUILD/guests/rt_periodic.elf
ram_base=${GUEST_RAM%%:*}

[ -f "$rt" ] || fail "$rt not built (make guests)"
need_multi
need_gnuplot

# beside NAME CONFIG: the guests of CONFIG under the multi build; rt_periodic's lines in NAME.rt.
beside() {
	multi_guests "$1" "$2"
	sed -n 's/^rt_periodic| //p' "$out_dir/$1.log" > "$out_dir/$1.rt"
}

# shellcheck disable=SC2086
board_qemu "" /dev/null --guest "$rt" --timeout 300 -- $QEMU_BOARD_ARGS "${icount[@]}" \
	</dev/null > "$out_dir/rt-native.rt" 2>/dev/null || fail "the native run failed"
# shellcheck disable=SC2086
board_qemu "$HYP_ELF" "$out_dir/rt-alone.log" --guest "$rt" --timeout 300 -- $QEMU_BOARD_ARGS "${icount[@]}" \
	</dev/null > "$out_dir/rt-alone.rt" 2>/dev/null || fail "the run under the hypervisor failed"

cat > "$out_dir/rt-linux.dts" <<DTS
/dts-v1/;
/ {
	linux { image = "linux"; bootargs = "console=$LINUX_CONSOLE quiet autorun=/usr/bin/demo";
		ram-size = <0x10000000>; ram-host = <$ram_base>; devices; };
	rt_periodic { image = "rt_periodic"; ram-size = <0x4000000>; ram-host = <$((ram_base + 0x10000000))>;
		priority = <2>; };
};
DTS
cat > "$out_dir/rt-permtest.dts" <<DTS
/dts-v1/;
/ {
	permtest { image = "permtest"; ram-size = <0x4000000>; ram-host = <$ram_base>; devices; };
	rt_periodic { image = "rt_periodic"; ram-size = <0x4000000>; ram-host = <$((ram_base + 0x4000000))>;
		priority = <2>; };
};
DTS
beside rt-linux "$out_dir/rt-linux.dts"
beside rt-permtest "$out_dir/rt-permtest.dts"

# figures NAME: "min mean max late" in instructions (counter ticks at the counter's rate, 1 ns each).
figures() {
	tr -d '\r' < "$out_dir/$1.rt" | awk '
		/^timing: rt_periodic: latency ticks/ { min = $6; mean = $8; max = $10; hz = $NF }
		/^timing: rt_periodic: late by/ { late = $(NF - 2) + $(NF - 1) + $NF }
		END { if (!hz) exit 1; ns = 1e9 / hz; printf "%d %d %d %d\n", min * ns, mean * ns, max * ns, late }'
}

{
	echo "# scenario  min  mean  max  activations_late (latency in guest instructions)"
	for run in rt-native rt-alone rt-linux rt-permtest; do
		f=$(figures "$run") || fail "no latency figures in $out_dir/$run.rt"
		echo "$run $f"
	done
} > "$data"

switches() {
	sed -n "s/^hyp: $2: traps.*got the core \([0-9]*\) times.*/\1/p" "$out_dir/$1.log" | tail -n 1
}

{
	echo "real-time guest latency, $(date -u +%Y-%m-%dT%H:%M:%SZ), QEMU -icount shift=0"
	echo "rt_periodic: 1 ms task, 10000 activations; timer compare value to handler, guest instructions:"
	awk 'BEGIN { printf "  %-12s %9s %9s %9s %6s\n", "scenario", "min", "mean", "max", "late" }
		!/^#/ { printf "  %-12s %9s %9s %9s %6s\n", $1, $2, $3, $4, $5 }' "$data"
	echo "  (rt-native: natively; rt-alone: alone under the hypervisor; rt-linux: beside Debian's"
	echo "   Linux booting and running the demo; rt-permtest: beside a guest that traps all the time;"
	echo "   late: activations that ran a whole period or more late)"
	echo "guest switches: rt_periodic got the core $(switches rt-linux rt_periodic) times beside Linux," \
		"$(switches rt-permtest rt_periodic) times beside permtest (which ends sooner)"
} | tee "$result"

gnuplot <<-PLOT || fail "gnuplot could not draw $plot"
	set terminal pngcairo noenhanced size 900,520
	set output '$plot'
	set title "rt_periodic interrupt latency (guest instructions, QEMU icount)"
	set ylabel 'instructions (log scale)'
	set logscale y
	set yrange [10:*]
	set grid ytics
	set style data histograms
	set style histogram clustered gap 1
	set style fill solid 0.8
	set key top left
	plot '$data' using (\$2 > 0 ? \$2 : 10):xtic(1) title 'min', '' using (\$3 > 0 ? \$3 : 10) title 'mean', \
		'' using (\$4 > 0 ? \$4 : 10) title 'max'
PLOT
echo "bench: written to $result, $data and $plot"
