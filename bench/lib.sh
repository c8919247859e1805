# shellcheck shell=bash
# Sourced by the benchmark scripts; settings come from the Makefile.

# Where every benchmark writes, and QEMU's instruction counting.
out_dir=$BUILD/bench
mkdir -p "$out_dir"
read -r -a icount <<< "$QEMU_ICOUNT_ARGS"

# fail MESSAGE: the benchmark stops.
fail() {
	echo "bench: $*" >&2
	exit 1
}

need_gnuplot() {
	command -v gnuplot >/dev/null || fail "gnuplot not found (Debian package gnuplot-nox: make deps)"
}

need_multi() {
	[ -n "${MULTI_HYP_ELF:-}" ] && [ -f "$MULTI_HYP_ELF" ] || fail "no MULTI_HYP_ELF (make hyp-multi)"
}

# linux_autorun PROGRAM: the arguments that run Debian's kernel with the initramfs, running PROGRAM.
linux_autorun() {
	linux=(--guest "$LINUX_KERNEL" --dtb "$LINUX_DTB_FILE" --initrd "$INITRAMFS"
	       --append "console=$LINUX_CONSOLE quiet autorun=$1" --timeout 900)
}

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

# multi_guests NAME CONFIG: the guests of CONFIG under the `multi` build (MULTI_HYP_ELF),
# QEMU counting instructions; the console in $out_dir/NAME.out, the hypervisor's log (with the
# other guests' lines) in $out_dir/NAME.log. Fails the benchmark if the run does.
multi_guests() {
	# shellcheck disable=SC2086
	scripts/run-qemu.sh --machine "$QEMU_MACHINE" --mem "$QEMU_MEM_HYP" \
		--stage "$GUEST_STAGE" --stage-size "$GUEST_STAGE_SIZE" --hyp "$MULTI_HYP_ELF" \
		--hyp-console "$HYP_CONSOLE" --guests "$2" --guest-dir "$BUILD/guests" --guest-ram "${GUEST_RAM%%:*}:0" \
		--linux "$LINUX_KERNEL,$LINUX_DTB_FILE,$INITRAMFS" --hyp-log "$out_dir/$1.log" --timeout 900 \
		-- $QEMU_BOARD_ARGS "${icount[@]}" </dev/null > "$out_dir/$1.out" 2>/dev/null ||
		fail "the $1 run failed (see $out_dir/$1.log)"
}
