# shellcheck shell=bash
# Sourced by tests/run-all.sh and tests/run-board.sh: every PASS/FAIL line
# goes to the terminal and to $BUILD/test-results.txt.
results=$BUILD/test-results.txt
mkdir -p "$BUILD"
: > "$results"

# run COMMAND...: a test script, its lines recorded.
run() {
	"$@" | tee -a "$results"
}

# summary [LABEL]: "LABEL: N passed, N failed"; true if none failed and some passed.
summary() {
	local passed failed
	passed=$(grep -c '^PASS ' "$results")
	failed=$(grep -c '^FAIL ' "$results")
	echo "${1:+$1: }$passed passed, $failed failed"
	[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
}
