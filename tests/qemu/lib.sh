# Shared by the QEMU tests. Settings come from the Makefile's environment:
# BUILD QEMU_MACHINE QEMU_MEM_NATIVE QEMU_MEM_HYP QEMU_BOARD_ARGS GUEST_STAGE
# GUEST_STAGE_SIZE HYP_ELF HYP_CONSOLE, UBOOT FIT_ADDR on boards where U-Boot
# boots the hypervisor, NATIVE_HALT_LINE on boards QEMU cannot power off.
# Every QEMU run has a timeout and is ended by PID
# (scripts/run-qemu.sh).

QEMU_TIMEOUT=${QEMU_TIMEOUT:-60}
WORK=$BUILD/tests
mkdir -p "$WORK"

# run_native IMAGE OUT [TIMEOUT [RUN-QEMU-ARGS...]]: guest console in OUT; returns QEMU's status
# (0 too when the guest said NATIVE_HALT_LINE, on boards that cannot power off). NATIVE_INPUT: a
# file to type on its console.
run_native() {
	local image=$1 out=$2 timeout=${3:-$QEMU_TIMEOUT} halt=()
	shift $(($# < 3 ? $# : 3))
	[ -n "${NATIVE_HALT_LINE:-}" ] && halt=(--halt-line "$NATIVE_HALT_LINE")
	# shellcheck disable=SC2086
	scripts/run-qemu.sh --machine "$QEMU_MACHINE" --mem "$QEMU_MEM_NATIVE" --native \
		--guest "$image" --timeout "$timeout" "${halt[@]}" "$@" -- $QEMU_BOARD_ARGS \
		<"${NATIVE_INPUT:-/dev/null}" >"$out" 2>"$out.stderr"
}

# after_uboot OUT: booted by U-Boot, OUT keeps what follows U-Boot's "Starting kernel ..." (all of
# it in OUT.uboot).
after_uboot() {
	[ -n "${UBOOT:-}" ] || return 0
	mv "$1" "$1.uboot"
	sed -e '1,/^Starting kernel \.\.\.\r$/d' "$1.uboot" | sed -e '1{/^\r$/d}' > "$1"
}

# run_hyp IMAGE OUT LOG [TIMEOUT [RUN-QEMU-ARGS...]]: guest console in OUT, hypervisor messages in LOG
# (after_uboot).
run_hyp() {
	local image=$1 out=$2 log=$3 timeout=${4:-$QEMU_TIMEOUT} rc boot=()
	shift $(($# < 4 ? $# : 4))
	[ -n "${UBOOT:-}" ] && boot=(--uboot "$UBOOT" --fit-addr "$FIT_ADDR" --fit-dir "$out.fit")
	# shellcheck disable=SC2086
	scripts/run-qemu.sh --machine "$QEMU_MACHINE" --mem "$QEMU_MEM_HYP" \
		--stage "$GUEST_STAGE" --stage-size "$GUEST_STAGE_SIZE" --guest-ram "$GUEST_RAM" --hyp "$HYP_ELF" \
		--hyp-console "$HYP_CONSOLE" "${boot[@]}" --guest "$image" --hyp-log "$log" --timeout "$timeout" \
		"$@" -- $QEMU_BOARD_ARGS </dev/null >"$out" 2>"$out.stderr"
	rc=$?
	after_uboot "$out"
	return $rc
}

# What a program run by Linux's initramfs (autorun=) printed, kernel messages and CRs left out.
autorun_output() {
	tr -d '\r' < "$1" | sed -n '/^autorun: start$/,/^autorun: exit status/p' |
		grep -v '^\[ *[0-9]*\.[0-9]*\]'
}

# A guest's output without the lines that measure time ("timing: ...").
untimed() {
	grep -v '^timing: ' || true
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
