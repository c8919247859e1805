#!/usr/bin/env bash
# Benchmark (not a test): guests/churn natively and under the hypervisor built
# with each shadow strategy, with each trap fast path off and without
# trap-free stubs, in one run,
# with QEMU counting instructions (-icount shift=0: one instruction per
# nanosecond of guest time). Prints the
# cost per operation in instructions and the hypervisor's shadow statistics,
# and writes them to $BUILD/bench/churn.txt. Settings come from the Makefile.
set -u
. bench/lib.sh
result=$out_dir/churn.txt
guest=$BUILD/guests/churn.elf

# run NAME [HYP_ELF]: the guest's output in $out_dir/NAME.out, hypervisor log in NAME.log,
# run-qemu.sh's and QEMU's messages in NAME.err (shown if the run fails).
run() {
	local name=$1 hyp=${2:-}
	# shellcheck disable=SC2086
	board_qemu "$hyp" "$out_dir/$name.log" --guest "$guest" --timeout 300 \
		-- $QEMU_BOARD_ARGS "${icount[@]}" > "$out_dir/$name.out" 2> "$out_dir/$name.err" ||
		{ echo "bench: the $name run failed:" >&2; tail -n 5 "$out_dir/$name.err" >&2; exit 1; }
}

# instructions NAME OP: instructions per iteration of OP in run NAME.
instructions() {
	awk -v op="$2" '
		/^churn: cntfrq:/ { freq = $3 }
		$1 == "churn:" && $2 == op { iters = $4; ticks = $6 }
		END { if (freq && iters) printf "%.0f", ticks * (1e9 / freq) / iters }' "$out_dir/$1.out"
}

run native
run l1-iterate "$HYP_ELF"
run flush-all "$FLUSH_HYP_ELF"
run no-fast-cp15 "$NO_FAST_CP15_HYP_ELF"
run no-fast-sensitive "$NO_FAST_SENSITIVE_HYP_ELF"
run no-fast-mode-switch "$NO_FAST_MODE_SWITCH_HYP_ELF"
run no-fast-dabt "$NO_FAST_DABT_HYP_ELF"
run no-express "$NO_EXPRESS_HYP_ELF"
run no-stubs "$NO_STUBS_HYP_ELF"

{
	echo "churn benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ), QEMU -icount shift=0"
	echo "instructions per iteration (dacr: two DACR writes and a read; mode: User and back; table: PTE change, TLBIMVA, read; irqsave: MRS CPSR, CPSID i, MSR CPSR_c; syscall: a system call entered and left as Debian 6.1 does)"
	echo "(l1-iterate: the default build; flush-all: the baseline shadow strategy;"
	echo " no-fast-cp15, no-fast-sensitive, no-fast-mode-switch, no-fast-dabt: the default with that trap"
	echo " fast path off; no-express: without the express entries; no-stubs: without trap-free stubs)"
	printf "%-8s %8s %11s %10s %13s %18s %20s %13s %11s %9s\n" op native l1-iterate flush-all no-fast-cp15 \
		no-fast-sensitive no-fast-mode-switch no-fast-dabt no-express no-stubs
	for op in dacr mode table irqsave syscall; do
		printf "%-8s %8s %11s %10s %13s %18s %20s %13s %11s %9s\n" "$op" "$(instructions native $op)" \
			"$(instructions l1-iterate $op)" "$(instructions flush-all $op)" \
			"$(instructions no-fast-cp15 $op)" "$(instructions no-fast-sensitive $op)" \
			"$(instructions no-fast-mode-switch $op)" "$(instructions no-fast-dabt $op)" \
			"$(instructions no-express $op)" "$(instructions no-stubs $op)"
	done
	for name in l1-iterate flush-all; do
		echo "$name: $(grep -o 'shadow fills=.*' "$out_dir/$name.log")"
	done
} | tee "$result"
echo "bench: written to $result"
