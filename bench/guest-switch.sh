#!/usr/bin/env bash
# Benchmark (not a test): what a guest switch costs, in guest instructions
# (QEMU -icount shift=0: 1 ns of guest time each). guests/spin does a fixed
# amount of integer work that never traps, from a set counter value on,
# timed by the virtual counter, and counts the gaps in the counter that are
# another guest's turn:
#  - natively;
#  - alone under the `multi` build (MULTI_HYP_ELF): the work plus the
#    hypervisor's ticks;
#  - two copies at once at equal priority, taking turns on each tick.
# The pair's time from the common start to the last end, less twice the
# time of one alone, divided by the switches in between (the gaps both saw),
# is the cost of one switch: the hypervisor's scheduling and the saving and
# loading of a guest's state, both ways counted once each.
# Writes $BUILD/bench/guest-switch.txt and guest-switch.dat. Settings come
# from the Makefile.
set -u
. bench/lib.sh
result=$out_dir/guest-switch.txt data=$out_dir/guest-switch.dat
spin=$BUILD/guests/spin.elf
ram_base=${GUEST_RAM%%:*}

[ -f "$spin" ] || fail "$spin not built (make guests)"
need_multi

# counters FILE: "start end gaps" of each spin run in FILE, times in instructions (1 ns each), one line each.
counters() {
	tr -d '\r' < "$1" |
		sed -n 's/.*timing: spin: counter start \([0-9]*\) end \([0-9]*\) gaps \([0-9]*\) counter Hz: \([0-9]*\)$/\1 \2 \3 \4/p' |
		awk '{ printf "%d %d %d\n", $1 * 1e9 / $4, $2 * 1e9 / $4, $3 }'
}

# shellcheck disable=SC2086
board_qemu "" /dev/null --guest "$spin" --timeout 300 -- $QEMU_BOARD_ARGS "${icount[@]}" \
	</dev/null > "$out_dir/switch-native.out" 2>/dev/null || fail "the native run failed"
cat > "$out_dir/switch-alone.dts" <<DTS
/dts-v1/;
/ { spin { image = "spin"; ram-size = <0x4000000>; ram-host = <$ram_base>; devices; }; };
DTS
cat > "$out_dir/switch-pair.dts" <<DTS
/dts-v1/;
/ {
	spin_a { image = "spin"; ram-size = <0x4000000>; ram-host = <$ram_base>; devices; };
	spin_b { image = "spin"; ram-size = <0x4000000>; ram-host = <$((ram_base + 0x4000000))>; };
};
DTS
multi_guests switch-alone "$out_dir/switch-alone.dts"
multi_guests switch-pair "$out_dir/switch-pair.dts"

native=$(counters "$out_dir/switch-native.out")
alone=$(counters "$out_dir/switch-alone.out")
pair=$({ counters "$out_dir/switch-pair.out"; counters "$out_dir/switch-pair.log"; })
switches=$(echo "$pair" | awk '{ n += $3 } END { print n + 0 }')
[ "$(echo "$pair" | wc -l)" = 2 ] && [ -n "$native" ] && [ -n "$alone" ] && [ "$switches" -gt 0 ] ||
	fail "missing figures in $out_dir/switch-*.out/log"

{
	echo "# scenario instructions (native, alone, pair from the start to the last end), switches, per switch"
	echo "$native" | awk '{ printf "native %d\n", $2 - $1 }'
	echo "$alone" | awk '{ printf "alone %d\n", $2 - $1 }'
	echo "$pair" | awk -v alone="$alone" -v sw="$switches" '
		NR == 1 { s = $1; e = $2 } { if ($1 < s) s = $1; if ($2 > e) e = $2 }
		END { split(alone, a, " "); one = a[2] - a[1]; t = e - s
		      printf "pair %d\nswitches %d\nper_switch %d\n", t, sw, (t - 2 * one) / sw }'
} > "$data"

{
	echo "guest switch cost, $(date -u +%Y-%m-%dT%H:%M:%SZ), QEMU -icount shift=0"
	echo "guests/spin: $(sed -n 's/^#define ITERATIONS *\([0-9]*\)u.*/\1/p' guests/spin/main.c) iterations of integer work, in guest instructions:"
	awk '!/^#/ { printf "  %-11s %12s\n", $1, $2 }' "$data"
	echo "  (native: natively; alone: one copy under the multi build, ticks included; pair: two copies"
	echo "   at equal priority, from their common start to the last end; switches: the turns each lost"
	echo "   to the other while working; per_switch: (pair - 2 x alone) / switches)"
} | tee "$result"
echo "bench: written to $result and $data"
