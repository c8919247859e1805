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

# multi_guests NAME CONFIG OUT_DIR: the guests of CONFIG under the `multi` build (MULTI_HYP_ELF),
# QEMU counting instructions; the console in OUT_DIR/NAME.out, the hypervisor's log (with the
# other guests' lines) in OUT_DIR/NAME.log. Fails the benchmark if the run does.
multi_guests() {
	local icount
	read -r -a icount <<< "$QEMU_ICOUNT_ARGS"
	# shellcheck disable=SC2086
	scripts/run-qemu.sh --machine "$QEMU_MACHINE" --mem "$QEMU_MEM_HYP" \
		--stage "$GUEST_STAGE" --stage-size "$GUEST_STAGE_SIZE" --hyp "$MULTI_HYP_ELF" \
		--hyp-console "$HYP_CONSOLE" --guests "$2" --guest-dir "$BUILD/guests" --guest-ram "${GUEST_RAM%%:*}:0" \
		--linux "$LINUX_KERNEL,$LINUX_DTB_FILE,$INITRAMFS" --hyp-log "$3/$1.log" --timeout 900 \
		-- $QEMU_BOARD_ARGS "${icount[@]}" </dev/null > "$3/$1.out" 2>/dev/null ||
		{ echo "bench: the $1 run failed (see $3/$1.log)" >&2; exit 1; }
}
