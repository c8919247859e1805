#!/usr/bin/env bash
# What make test checks of a board QEMU cannot run: its SD-card image
# (tests/sdcard.sh, given the image and the files it was made from). One
# PASS/FAIL line per check, then "board B: N passed, N failed".
set -u
. tests/results.sh

run tests/sdcard.sh "$@"
summary "board $BOARD"
