#!/usr/bin/env bash
# make test: host unit tests, then QEMU tests. One PASS/FAIL line per test,
# then "N passed, N failed". Exits non-zero if any test failed or none ran.
set -u
. tests/results.sh

host_out=$BUILD/host-tests.out
"$BUILD/host/unit-tests" > "$host_out" 2>&1
host_rc=$?
grep -E '^(PASS|FAIL) ' "$host_out" | tee -a "$results"
if [ "$host_rc" -ne 0 ] && ! grep -q '^FAIL ' "$host_out"; then
	echo "FAIL host/unit-tests: exited $host_rc without a failing test (crash?)" | tee -a "$results"
	tail -n 30 "$host_out"
fi
grep -vE '^(PASS|FAIL) ' "$host_out" | head -n 60

run tests/qemu/compare.sh hello sensitive exceptions usermode interrupts mmu_on permtest hostile asids cp15_ids mem_check \
	$(for g in ptimer reset_once rt_periodic vfp_keep spin; do [ -e "$BUILD/guests/$g.elf" ] && echo "$g"; done)
run tests/qemu/stubs.sh
# The guests with their own MMU again, under the baseline shadow strategy.
HYP_ELF=$FLUSH_HYP_ELF TEST_SUFFIX=-flush-all run tests/qemu/compare.sh mmu_on permtest hostile asids
# The guests with their own MMU and Linux again, with every guest TLBIALL dropping every shadow.
HYP_ELF=$TRACKED_RESET_HYP_ELF TEST_SUFFIX=-tracked-reset run tests/qemu/compare.sh mmu_on permtest hostile asids
HYP_ELF=$TRACKED_RESET_HYP_ELF TEST_SUFFIX=-tracked-reset run tests/qemu/linux.sh
# The guests that trap the most again, with each trap fast path off.
HYP_ELF=$BUILD/no-fast-cp15/hyp.elf TEST_SUFFIX=-no-fast-cp15 \
	run tests/qemu/compare.sh sensitive exceptions usermode interrupts permtest asids
HYP_ELF=$BUILD/no-fast-sensitive/hyp.elf TEST_SUFFIX=-no-fast-sensitive \
	run tests/qemu/compare.sh sensitive exceptions usermode interrupts permtest asids
HYP_ELF=$BUILD/no-fast-mode-switch/hyp.elf TEST_SUFFIX=-no-fast-mode-switch \
	run tests/qemu/compare.sh sensitive exceptions usermode interrupts permtest asids
# The C fast paths the express entries (hyp/express.S) otherwise take the usual case from, Linux's too.
HYP_ELF=$BUILD/no-express/hyp.elf TEST_SUFFIX=-no-express \
	run tests/qemu/compare.sh sensitive exceptions usermode interrupts permtest asids
HYP_ELF=$BUILD/no-express/hyp.elf TEST_SUFFIX=-no-express run tests/qemu/linux.sh
HYP_ELF=$BUILD/no-stubs/hyp.elf TEST_SUFFIX=-no-stubs \
	run tests/qemu/compare.sh sensitive exceptions usermode interrupts permtest asids
# The guests with their own MMU (aborts that need shadow entries) with each abort fast path off.
HYP_ELF=$BUILD/no-fast-dabt/hyp.elf TEST_SUFFIX=-no-fast-dabt run tests/qemu/compare.sh mmu_on permtest hostile asids
HYP_ELF=$BUILD/no-fast-pabt/hyp.elf TEST_SUFFIX=-no-fast-pabt run tests/qemu/compare.sh mmu_on permtest hostile asids
# The guest's RAM in other host memory than its guest-physical addresses, where the board has the variant.
if [ -n "${RAM_ELSEWHERE_HYP_ELF:-}" ]; then
	HYP_ELF=$RAM_ELSEWHERE_HYP_ELF QEMU_MEM_HYP=$RAM_ELSEWHERE_QEMU_MEM TEST_SUFFIX=-ram-elsewhere \
		run tests/qemu/compare.sh hello interrupts mmu_on permtest hostile asids
	HYP_ELF=$RAM_ELSEWHERE_HYP_ELF QEMU_MEM_HYP=$RAM_ELSEWHERE_QEMU_MEM TEST_SUFFIX=-ram-elsewhere \
		run tests/qemu/linux.sh
fi
# Several guests at once, where the board runs them.
[ -z "${MULTI_HYP_ELF:-}" ] || run tests/qemu/guests.sh
run tests/qemu/stop.sh
run tests/qemu/halt.sh
run tests/qemu/refuse.sh
run tests/qemu/linux.sh
run /usr/bin/python3 tests/qemu/interactive.py

summary
