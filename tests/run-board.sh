#!/usr/bin/env bash
# What make test runs on every board besides the one it tests in full
# (tests/run-all.sh): the comparison guests, natively and under the
# hypervisor booted as on that board (by U-Boot from a FIT where the board
# has U-Boot), the FIT refusals there, guests that halt, the Linux
# user-space and interactive-shell tests where the board runs Linux, and
# several guests at once where it runs them (MULTI_HYP_ELF). One
# PASS/FAIL line per test, then "board B: N passed, N failed".
set -u
. tests/results.sh

guests=$(cd "$BUILD/guests" && ls ./*.elf | sed 's|^\./||; s|\.elf$||' |
	grep -vxE 'churn|wild_jump|bad_vector|halt|uart_echo|uart_reset' | tr '\n' ' ')
# shellcheck disable=SC2086
run tests/qemu/compare.sh $guests
run tests/qemu/stubs.sh
[ -n "${UBOOT:-}" ] && run tests/qemu/fit.sh
run tests/qemu/halt.sh
if [ "${BOARD_RUNS_LINUX:-}" = yes ]; then
	run tests/qemu/linux.sh
	run /usr/bin/python3 tests/qemu/interactive.py
fi
[ -n "${MULTI_HYP_ELF:-}" ] && run tests/qemu/guests.sh

summary "board $BOARD"
