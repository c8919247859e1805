#!/usr/bin/env bash
# Trap-free stubs (hyp/stubs.h) were really used by the sensitive guest's
# run under the hypervisor that compare.sh made just before (its log): some
# were made, its mapping of the MiB they sat in removed them all, its
# second mapping of their code page gave that page's sites back their
# traps, sites with stubs also ran in User mode, an LDM ^ stub's
# access aborted (a page its shadow did not map yet) and the hypervisor
# finished the site's instruction, and its copy of the code 64 MiB away
# (copies of patched words) got stubs in a second window. compare.sh
# checked that the output matched the native run's.
set -u
. tests/qemu/lib.sh

log=$WORK/sensitive.hyp.log
stats=$(grep -o 'stubs made=.*' "$log" 2>/dev/null)
count() { sed -n "s/.*$1=\([0-9]*\).*/\1/p" <<< "$stats"; }
name=qemu/stubs/sensitive
if [ -z "$stats" ]; then
	fail "$name" "no stub statistics in the log" "$log"
elif [ "$(count made)" -lt 1 ]; then
	fail "$name" "no stub was made: $stats" "$log"
elif [ "$(count 'window conflicts')" -lt 1 ]; then
	fail "$name" "the guest's mapping of the stubs' MiB went unnoticed: $stats" "$log"
elif [ "$(count 'alias pages')" -lt 1 ]; then
	fail "$name" "the second mapping of the stubs' code went unnoticed: $stats" "$log"
elif [ "$(count 'user-mode runs')" -lt 1 ]; then
	fail "$name" "no site with a stub ran in User mode: $stats" "$log"
elif [ "$(count aborts)" -lt 1 ]; then
	fail "$name" "no access of a stub aborted: $stats" "$log"
elif [ "$(count 'patched words')" -lt 1 ]; then
	fail "$name" "no stub at a copy of a patched word: $stats" "$log"
elif ! grep -q 'stub window 1 at' "$log"; then
	fail "$name" "no second stub window was opened" "$log"
else
	pass "$name"
fi
