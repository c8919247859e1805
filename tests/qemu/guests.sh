#!/usr/bin/env bash
# Several guests at once (the `multi` build, configs/guests/*.dts): each
# guest prints exactly what it prints running alone natively with as much
# RAM, whether it owns the board's console (its output is the console) or
# gets an emulated one (its lines in the hypervisor's log under its name);
# a guest that is stopped leaves the others running to their end; bad
# configurations are refused before any guest runs, naming the guest.
# MULTI_HYP_ELF names the hypervisor built for several guests.
set -u
. tests/qemu/lib.sh

MULTI_TIMEOUT=${MULTI_TIMEOUT:-120}
ram_base=$((${GUEST_RAM%%:*}))

# rebased CONFIG: a copy of CONFIG whose ram-host addresses, written for vexpress-a15 (RAM at
# 0x80000000, as in configs/guests/), are as far into this board's RAM; its name.
rebased() {
	local line out=$WORK/$(basename "$1" .dts).rebased.dts re='^(.*ram-host = <)(0x[0-9a-fA-F]+)(>.*)$'
	while IFS= read -r line; do
		if [[ $line =~ $re ]]; then
			printf '%s0x%08x%s\n' "${BASH_REMATCH[1]}" $((BASH_REMATCH[2] - 0x80000000 + ram_base)) \
				"${BASH_REMATCH[3]}"
		else
			printf '%s\n' "$line"
		fi
	done < "$1" > "$out"
	echo "$out"
}

# run_guests CONFIG OUT LOG: the guests of CONFIG under the hypervisor (booted by U-Boot where the
# board has it: OUT as after_uboot leaves it), HYP_INPUT (a file) typed on its console if set;
# returns its status.
run_guests() {
	local typed=() boot=()
	[ -n "${HYP_INPUT:-}" ] && typed=(--hyp-input "$HYP_INPUT")
	[ -n "${UBOOT:-}" ] && boot=(--uboot "$UBOOT" --fit-addr "$FIT_ADDR" --fit-dir "$2.fit")
	# shellcheck disable=SC2086
	scripts/run-qemu.sh --machine "$QEMU_MACHINE" --mem "$QEMU_MEM_HYP" \
		--stage "$GUEST_STAGE" --stage-size "$GUEST_STAGE_SIZE" --hyp "$MULTI_HYP_ELF" \
		--hyp-console "$HYP_CONSOLE" --guests "$(rebased "$1")" --guest-dir "$BUILD/guests" "${boot[@]}" \
		--guest-ram "${GUEST_RAM%%:*}:0" --hyp-log "$3" --timeout "$MULTI_TIMEOUT" \
		--linux "${LINUX_KERNEL:-},${LINUX_DTB_FILE:-},${INITRAMFS:-}" "${typed[@]}" \
		-- $QEMU_BOARD_ARGS </dev/null >"$2" 2>"$2.stderr"
	local rc=$?
	after_uboot "$2"
	return $rc
}

# guest_output NAME OWNER OUT LOG: what guest NAME printed, without carriage returns.
guest_output() {
	if [ "$2" = 1 ]; then
		tr -d '\r' < "$3"
	else
		sed -n "s/^$1| //p" "$4" | tr -d '\r'
	fi
}

# compare_guests TEST CONFIG STATUS STOPPED: run CONFIG (expecting exit STATUS); each guest but
# STOPPED must print what it prints natively, and STOPPED must be stopped with a prefix of it.
# A guest NODE with a file $WORK/guests-TEST-NODE.typed gets it as its console's input natively.
compare_guests() {
	local test_name=qemu/guests/$1 config=$2 want_rc=$3 stopped=${4:-}
	local out=$WORK/guests-$1.out log=$WORK/guests-$1.log dtb=$WORK/guests-$1.dtb rc node image ram owner
	run_guests "$config" "$out" "$log"
	rc=$?
	if [ "$rc" -ne "$want_rc" ]; then
		fail "$test_name" "exited $rc, expected $want_rc" "$out.stderr" "$log"
		return
	fi
	if ! grep -q 'integrity: unchanged' "$log"; then
		fail "$test_name" "the hypervisor's code changed, or no integrity report" "$log"
		return
	fi
	dtc -q -I dts -O dtb -o "$dtb" "$config" || { fail "$test_name" "cannot compile $config"; return; }
	for node in $(fdtget -l "$dtb" /); do
		image=$(fdtget -t s "$dtb" "/$node" image) ram=$(fdtget -t u "$dtb" "/$node" ram-size)
		owner=0
		fdtget -l -p "$dtb" "/$node" | grep -qx devices && owner=1
		local native=$WORK/guests-$1-$node.native.out mine=$WORK/guests-$1-$node.out done_line="$image: done"
		guest_output "$node" "$owner" "$out" "$log" > "$mine"
		if [ "$image" = linux ]; then
			# Debian's kernel: what its autorun= program printed, natively with as much RAM.
			QEMU_MEM_NATIVE=$((ram >> 20))M run_native "$LINUX_KERNEL" "$native" 300 --dtb "$LINUX_DTB_FILE" \
				--initrd "$INITRAMFS" --append "$(fdtget -t s "$dtb" "/$node" bootargs)"
			autorun_output "$native" > "$native.lf"
			autorun_output "$mine" > "$mine.autorun" && mv "$mine.autorun" "$mine"
			done_line="autorun: exit status 0"
		else
			local typed=/dev/null
			[ -e "$WORK/guests-$1-$node.typed" ] && typed=$WORK/guests-$1-$node.typed
			QEMU_MEM_NATIVE=$((ram >> 20))M NATIVE_INPUT=$typed run_native "$BUILD/guests/$image.elf" "$native" 30
			tr -d '\r' < "$native" | untimed > "$native.lf"
			untimed < "$mine" > "$mine.untimed" && mv "$mine.untimed" "$mine"
		fi
		local restarts
		restarts=$(fdtget -t u "$dtb" "/$node" restarts 2>/dev/null || echo 0)
		if [ "$node" = "$stopped" ]; then
			# Stopped, then loaded again `restarts` times: each run printed the same prefix of its native output.
			local runs=$((restarts + 1)) size one
			size=$(stat -c %s "$mine")
			one=$(head -c $((size / runs)) "$mine")
			if [ "$(grep -c "hyp: error: $node: stopped: " "$log")" -ne "$runs" ]; then
				fail "$test_name" "$node was not stopped $runs times" "$log"
				return
			elif [ "$(grep -c "hyp: $node: restarting ([0-9]* of $restarts)" "$log")" -ne "$restarts" ]; then
				fail "$test_name" "$node was not restarted $restarts times" "$log"
				return
			elif [ $((size % runs)) -ne 0 ] || [ "$(for _ in $(seq "$runs"); do printf '%s\n' "$one"; done)" != "$(cat "$mine")" ]; then
				fail "$test_name" "$node's $runs runs did not print the same" "$mine"
				return
			elif [ "$(head -c "$((size / runs))" "$native.lf")" != "$one" ]; then
				fail "$test_name" "$node's output is not a prefix of its native output" "$native.lf" "$mine"
				return
			fi
		elif [ "$(grep -c "hyp: $node: restarting ([0-9]* of $restarts)" "$log")" -ne "$restarts" ]; then
			fail "$test_name" "$node was not restarted $restarts times" "$log"
			return
		elif ! grep -q "hyp: $node: ended: powered off" "$log"; then
			fail "$test_name" "$node did not end normally" "$log"
			return
		elif ! grep -qx "$done_line" "$native.lf"; then
			fail "$test_name" "$node's native output lacks '$done_line'" "$native.lf"
			return
		elif ! cmp -s "$native.lf" "$mine"; then
			diff "$native.lf" "$mine" > "$WORK/guests-$1-$node.diff"
			fail "$test_name" "$node's output differs from its native run (native <, here >)" "$WORK/guests-$1-$node.diff"
			return
		fi
	done
	pass "$test_name"
}

# expect_refused TEST MESSAGE: the configuration on stdin is refused with MESSAGE before any guest runs.
expect_refused() {
	local test_name=qemu/guests/refuse-$1 config=$WORK/guests-refuse-$1.dts
	local out=$WORK/guests-refuse-$1.out log=$WORK/guests-refuse-$1.log rc
	cat > "$config"
	run_guests "$config" "$out" "$log"
	rc=$?
	if [ "$rc" -ne 1 ]; then
		fail "$test_name" "exited $rc, expected the failed status 1" "$out.stderr" "$log"
	elif ! grep -qF "hyp: error: guest directory refused: $2" "$log"; then
		fail "$test_name" "no 'guest directory refused: $2'" "$log"
	elif grep -q "ELF image" "$log" || [ -s "$out" ]; then
		fail "$test_name" "a guest was loaded or ran before the refusal" "$log" "$out"
	else
		pass "$test_name"
	fi
}

# expect_script_refused TEST MESSAGE: the run script refuses the configuration on stdin (status 2,
# MESSAGE on stderr) before QEMU starts.
expect_script_refused() {
	local test_name=qemu/guests/script-refuses-$1 config=$WORK/guests-script-$1.dts
	local out=$WORK/guests-script-$1.out log=$WORK/guests-script-$1.log rc
	cat > "$config"
	rm -f "$log"
	run_guests "$config" "$out" "$log"
	rc=$?
	if [ "$rc" -ne 2 ]; then
		fail "$test_name" "exited $rc, expected 2" "$out.stderr"
	elif ! grep -qF "run-qemu.sh: $2" "$out.stderr"; then
		fail "$test_name" "no 'run-qemu.sh: $2'" "$out.stderr"
	elif [ -s "$log" ]; then
		fail "$test_name" "the hypervisor ran" "$log"
	else
		pass "$test_name"
	fi
}

compare_guests two configs/guests/two-bare-metal.dts 0
compare_guests four configs/guests/four-bare-metal.dts 0

# A guest stopped by the hypervisor (a jump outside its RAM) beside two that go on; the
# failed status at the end says one was stopped. `hostile` probes the hypervisor's memory.
cat > "$WORK/guests-crash.dts" <<'DTS'
/dts-v1/;
/ {
	hello { image = "hello"; ram-size = <0x4000000>; ram-host = <0x80000000>; devices; };
	wild_jump { image = "wild_jump"; ram-size = <0x4000000>; ram-host = <0x84000000>; };
	hostile { image = "hostile"; ram-size = <0x4000000>; ram-host = <0x88000000>; };
};
DTS
compare_guests crash "$WORK/guests-crash.dts" 1 wild_jump

# Two guests programming their physical timers (emulated: the real one is the hypervisor's tick)
# beside one that traps all the time: each gets its own timer's interrupts, waking from WFI while
# the others run.
if [ -e "$BUILD/guests/ptimer.elf" ]; then
	cat > "$WORK/guests-ptimer.dts" <<'DTS'
/dts-v1/;
/ {
	ptimer_a { image = "ptimer"; ram-size = <0x4000000>; ram-host = <0x80000000>; devices; };
	permtest { image = "permtest"; ram-size = <0x4000000>; ram-host = <0x84000000>; };
	ptimer_b { image = "ptimer"; ram-size = <0x4000000>; ram-host = <0x88000000>; };
};
DTS
	compare_guests ptimer "$WORK/guests-ptimer.dts" 0
fi

# Three guests using the floating-point registers, switched lazily: each copy of vfp_keep finds
# the values it loaded (different ones: seeded from the counter) after every stretch of integer
# work during which the others ran.
if [ -e "$BUILD/guests/vfp_keep.elf" ]; then
	cat > "$WORK/guests-vfp.dts" <<'DTS'
/dts-v1/;
/ {
	vfp_a { image = "vfp_keep"; ram-size = <0x4000000>; ram-host = <0x80000000>; devices; };
	vfp_b { image = "vfp_keep"; ram-size = <0x4000000>; ram-host = <0x84000000>; };
	vfp_c { image = "vfp_keep"; ram-size = <0x4000000>; ram-host = <0x88000000>; };
};
DTS
	compare_guests vfp "$WORK/guests-vfp.dts" 0
	# Not vacuous: the registers changed hands back and forth between the rounds.
	few=
	for node in vfp_a vfp_b vfp_c; do
		loads=$(tr -d '\r' < "$WORK/guests-vfp.log" |
			sed -n "s/^hyp: $node: traps.* the floating-point registers \([0-9]*\) times$/\1/p")
		[ "${loads:-0}" -ge 2 ] || few="$few $node (${loads:-0})"
	done
	if [ -n "$few" ]; then
		fail qemu/guests/vfp-handovers "took the floating-point registers less than twice:$few" \
			"$WORK/guests-vfp.log"
	else
		pass qemu/guests/vfp-handovers
	fi
fi

# Console input: typed on the hypervisor's console, it goes to the guest with the focus (the first
# without the devices), Ctrl-] passing the focus on; each copy of uart_echo prints the lines it got
# as it does natively when they are typed on its UART.
if [ -e "$BUILD/guests/uart_echo.elf" ] && [ "$HYP_CONSOLE" = serial ]; then
	cat > "$WORK/guests-input.dts" <<'DTS'
/dts-v1/;
/ {
	hello { image = "hello"; ram-size = <0x4000000>; ram-host = <0x80000000>; devices; };
	echo_b { image = "uart_echo"; ram-size = <0x4000000>; ram-host = <0x84000000>; };
	echo_c { image = "uart_echo"; ram-size = <0x4000000>; ram-host = <0x88000000>; };
};
DTS
	printf 'first for b\n\035first for c\nsecond for c\n\035second for b\nthird for b\n\035third for c\n' \
		> "$WORK/guests-input.typed"
	printf 'first for b\nsecond for b\nthird for b\n' > "$WORK/guests-input-echo_b.typed"
	printf 'first for c\nsecond for c\nthird for c\n' > "$WORK/guests-input-echo_c.typed"
	HYP_INPUT=$WORK/guests-input.typed compare_guests input "$WORK/guests-input.dts" 0
fi

# Linux beside bare-metal guests, one of them stopped and restarted twice, one a real-time task
# of higher priority: Linux's user-space conformance program prints what it prints natively,
# the others too.
if [ "${BOARD_RUNS_LINUX:-}" = yes ]; then
	cat > "$WORK/guests-linux.dts" <<DTS
/dts-v1/;
/ {
	linux {
		image = "linux";
		bootargs = "console=${LINUX_CONSOLE:-ttyAMA0} quiet autorun=/usr/bin/usertest";
		ram-size = <0x10000000>;
		ram-host = <0x80000000>;
		devices;
	};
	rt_periodic { image = "rt_periodic"; ram-size = <0x4000000>; ram-host = <0x90000000>; priority = <2>; };
	wild_jump { image = "wild_jump"; ram-size = <0x4000000>; ram-host = <0x94000000>; restarts = <2>; };
	hostile { image = "hostile"; ram-size = <0x4000000>; ram-host = <0x98000000>; };
};
DTS
	MULTI_TIMEOUT=600 compare_guests linux "$WORK/guests-linux.dts" 1 wild_jump
fi

# A guest that asks for a reset (loaded again, as the board would restart), and one that
# crashes, loaded again as often as configured.
if [ -e "$BUILD/guests/reset_once.elf" ]; then
	cat > "$WORK/guests-restart.dts" <<'DTS'
/dts-v1/;
/ {
	hello { image = "hello"; ram-size = <0x4000000>; ram-host = <0x80000000>; devices; };
	reset_once { image = "reset_once"; ram-size = <0x4000000>; ram-host = <0x84000000>; };
	wild_jump { image = "wild_jump"; ram-size = <0x4000000>; ram-host = <0x88000000>; restarts = <2>; };
};
DTS
	compare_guests restart "$WORK/guests-restart.dts" 1 wild_jump
fi

# A guest that owns the devices changes its console UART and crashes: loaded again, it must find
# the UART as after reset (each run prints the same), the hypervisor having reset it.
if [ -e "$BUILD/guests/uart_reset.elf" ]; then
	cat > "$WORK/guests-device-reset.dts" <<'DTS'
/dts-v1/;
/ {
	uart_reset { image = "uart_reset"; ram-size = <0x4000000>; ram-host = <0x80000000>; devices; restarts = <1>; };
	hello { image = "hello"; ram-size = <0x4000000>; ram-host = <0x84000000>; };
};
DTS
	compare_guests device-reset "$WORK/guests-device-reset.dts" 1 uart_reset
fi

expect_refused ram-overlap "guest 1 (b): its RAM overlaps another guest's: a" <<'DTS'
/dts-v1/;
/ {
	a { image = "hello"; ram-size = <0x4000000>; ram-host = <0x80000000>; };
	b { image = "hello"; ram-size = <0x4000000>; ram-host = <0x83f00000>; };
};
DTS
expect_refused two-owners "guest 2 (c): the board's devices are given to another guest too: a" <<'DTS'
/dts-v1/;
/ {
	a { image = "hello"; ram-size = <0x4000000>; ram-host = <0x80000000>; devices; };
	b { image = "hello"; ram-size = <0x4000000>; ram-host = <0x84000000>; };
	c { image = "hello"; ram-size = <0x4000000>; ram-host = <0x88000000>; devices; };
};
DTS
expect_refused too-much-ram "guest 0 (big): its RAM is larger than this build allows (Kconfig GUEST_RAM_SIZE)" <<'DTS'
/dts-v1/;
/ {
	big { image = "hello"; ram-size = <0x20000000>; ram-host = <0x80000000>; };
};
DTS
expect_refused over-hypervisor "guest 1 (b): its RAM overlaps the hypervisor" <<'DTS'
/dts-v1/;
/ {
	a { image = "hello"; ram-size = <0x4000000>; ram-host = <0x80000000>; };
	b { image = "hello"; ram-size = <0x4000000>; ram-host = <0xa6000000>; };
};
DTS
expect_refused too-many "more guests than this build runs (Kconfig GUESTS_MAX)" <<'DTS'
/dts-v1/;
/ {
	a { image = "hello"; ram-size = <0x1000000>; ram-host = <0x80000000>; };
	b { image = "hello"; ram-size = <0x1000000>; ram-host = <0x81000000>; };
	c { image = "hello"; ram-size = <0x1000000>; ram-host = <0x82000000>; };
	d { image = "hello"; ram-size = <0x1000000>; ram-host = <0x83000000>; };
	e { image = "hello"; ram-size = <0x1000000>; ram-host = <0x84000000>; };
};
DTS
expect_script_refused no-ram-host "guest 'a': 'ram-host' is missing" <<'DTS'
/dts-v1/;
/ { a { image = "hello"; ram-size = <0x4000000>; }; };
DTS
expect_script_refused missing-image "guest 'a': image '$BUILD/guests/nosuch.elf' does not exist" <<'DTS'
/dts-v1/;
/ { a { image = "nosuch"; ram-size = <0x4000000>; ram-host = <0x80000000>; }; };
DTS
expect_script_refused budget-not-ticks "guest 'a': budget-ms must be a multiple of 10 (the hypervisor's tick)" <<'DTS'
/dts-v1/;
/ { a { image = "hello"; ram-size = <0x4000000>; ram-host = <0x80000000>; budget-ms = <15>; period-ms = <30>; }; };
DTS
# (The run script is given the copy run_guests() makes: see rebased().)
expect_script_refused not-dts "guest configuration '$WORK/guests-script-not-dts.rebased.dts' is not a valid device-tree source" <<'DTS'
/dts-v1/;
/ { a { image = "hello" ram-size = <0x4000000>; }; };
DTS
