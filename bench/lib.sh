# shellcheck shell=bash
# Sourced by the benchmark scripts; settings come from the Makefile.

# board_qemu HYP_ELF LOG RUN-QEMU-ARGS... [-- QEMU-ARGS...]: scripts/run-qemu.sh
# on the board, natively when HYP_ELF is empty, else under that hypervisor
# with its log in LOG.
board_qemu() {
	local hyp=$1 log=$2 boot=()
	shift 2
	[ -n "${UBOOT:-}" ] && boot=(--uboot "$UBOOT" --fit-addr "$FIT_ADDR")
	if [ -z "$hyp" ]; then
		scripts/run-qemu.sh --machine "$QEMU_MACHINE" --mem "$QEMU_MEM_NATIVE" --native "$@"
	else
		scripts/run-qemu.sh --machine "$QEMU_MACHINE" --mem "$QEMU_MEM_HYP" \
			--stage "$GUEST_STAGE" --stage-size "$GUEST_STAGE_SIZE" --guest-ram "$GUEST_RAM" \
			--hyp "$hyp" --hyp-console "$HYP_CONSOLE" --hyp-log "$log" "${boot[@]}" "$@"
	fi
}
