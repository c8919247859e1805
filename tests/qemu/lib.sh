# Shared by the QEMU tests. Settings come from the Makefile's environment:
# BUILD QEMU_MACHINE QEMU_MEM_NATIVE QEMU_MEM_HYP QEMU_BOARD_ARGS GUEST_STAGE
# GUEST_STAGE_SIZE HYP_ELF. Every QEMU run has a timeout and is ended by PID
# (scripts/run-qemu.sh).

QEMU_TIMEOUT=${QEMU_TIMEOUT:-60}
WORK=$BUILD/tests
mkdir -p "$WORK"

# run_native IMAGE OUT [TIMEOUT]: guest console in OUT; returns QEMU's status.
run_native() {
	# shellcheck disable=SC2086
	scripts/run-qemu.sh --machine "$QEMU_MACHINE" --mem "$QEMU_MEM_NATIVE" --native \
		--guest "$1" --timeout "${3:-$QEMU_TIMEOUT}" -- $QEMU_BOARD_ARGS >"$2" 2>"$2.stderr"
}

# run_hyp IMAGE OUT LOG [TIMEOUT]: guest console in OUT, hypervisor messages in LOG.
run_hyp() {
	# shellcheck disable=SC2086
	scripts/run-qemu.sh --machine "$QEMU_MACHINE" --mem "$QEMU_MEM_HYP" \
		--stage "$GUEST_STAGE" --stage-size "$GUEST_STAGE_SIZE" --guest-ram "$GUEST_RAM" --hyp "$HYP_ELF" \
		--guest "$1" --hyp-log "$3" --timeout "${4:-$QEMU_TIMEOUT}" -- $QEMU_BOARD_ARGS \
		>"$2" 2>"$2.stderr"
}

pass() { echo "PASS $1"; }

# fail NAME REASON [FILE...]: the reason, then the files' last lines, indented.
fail() {
	local name=$1 reason=$2
	shift 2
	echo "FAIL $name: $reason"
	for f in "$@"; do
		[ -f "$f" ] || continue
		echo "    --- $f"
		tail -n 15 "$f" | sed 's/^/    /'
	done
}
