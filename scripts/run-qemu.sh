#!/usr/bin/env bash
# Run a guest on QEMU, natively or under the hypervisor.
#
#   run-qemu.sh --machine M --mem SIZE --native --guest IMAGE
#               [--dtb FILE] [--initrd FILE] [--append ARGS] [--halt-line TEXT]
#               [--timeout S] [-- QEMU-ARGS]
#   run-qemu.sh --machine M --mem SIZE --stage ADDR --stage-size SIZE --hyp HYP.elf
#               --guest IMAGE --guest-ram BASE:SIZE[M|G] [--dtb FILE] [--initrd FILE]
#               [--append ARGS] [--hyp-log FILE] [--hyp-console serial|semihosting]
#               [--uboot U-BOOT.bin --fit-addr ADDR [--fit-dir DIR] [--fit FILE]]
#               [--timeout S] [-- QEMU-ARGS]
#   run-qemu.sh --machine M --mem SIZE --stage ADDR --stage-size SIZE --hyp HYP.elf
#               --guests CONFIG.dts --guest-dir DIR --guest-ram BASE:0 [--hyp-log FILE]
#               [--linux KERNEL,DTB,INITRD] [--hyp-input FILE]
#               [--uboot U-BOOT.bin --fit-addr ADDR [--fit-dir DIR]]
#               [--timeout S] [-- QEMU-ARGS]
#
# The guest's console (first UART) is this script's stdout, and its input is
# stdin (on a terminal, Ctrl-A X quits QEMU). Under the hypervisor, its own
# messages (the second UART, or semihosting on boards with one UART) go to
# --hyp-log and are copied to stderr as they come. Exit status: 0 when the
# guest ended normally, 1 when the hypervisor reported a failure, 2 on usage
# or input errors, 124 on timeout, 3 when QEMU ended without the
# hypervisor's final status line.
#
# --halt-line, for native runs on boards QEMU cannot power off: when a line
# of the guest's console contains TEXT (Linux's "reboot: System halted"),
# the guest has halted and spins for ever; the script ends QEMU and exits 0.
#
# Under the hypervisor the guest's RAM size, image, device tree and initrd
# are staged for it (hyp/guest_image.h, scripts/stage-lib.sh). The device
# tree gets what QEMU gives a kernel it boots natively: its /memory node set
# to the guest's RAM, --append as /chosen/bootargs, and the initrd's place in
# /chosen, which is where QEMU puts it: RAM base + min(RAM size / 2, 128 MiB).
#
# With --guests, several guests run at once as CONFIG.dts describes them
# (scripts/stage-guests.sh); the one with `devices` has the console above,
# the others' lines come with the hypervisor's messages, each under its
# name. --guest-ram gives only the board's RAM base then. What is typed on
# the hypervisor's console goes to the guest with the input focus among the
# others (Ctrl-] passes it on): on a terminal, the hypervisor's console (a
# second UART) shares it with the first and has the input first; Ctrl-A C
# switches the input between them (--hyp-log then gets everything the
# terminal shows); otherwise --hyp-input FILE is typed on it.
#
# With --uboot, the board boots that U-Boot (-bios) instead of the
# hypervisor itself, and U-Boot boots one FIT image that the script writes
# to --fit-dir (an .its, the .itb, U-Boot's environment): the hypervisor as
# its kernel, the machine's own device tree (QEMU's) as its fdt, and the
# staged guest (header, image, device tree, initrd) as loadables at their
# staging addresses, or with --guests the whole staging area as one
# loadable. QEMU places the FIT at --fit-addr; U-Boot's
# environment (a pflash image) runs bootm on it, and powers off if bootm
# returns. --fit boots that FIT instead of writing one.
set -u
# With stdin closed, the next file opened would become fd 0: give it /dev/null first.
( exec 3<&0 ) 2>/dev/null || exec </dev/null

machine="" mem="" stage="" stage_size="" hyp="" guest="" dtb="" initrd="" guest_ram=""
guests="" guest_dir="" linux="" hyp_input=""
append="" hyp_log="" timeout=0 native=0 halt_line="" hyp_console=serial uboot="" fit_addr="" fit_dir="" fit=""
fit_tmp=""
while [ $# -gt 0 ]; do
	case "$1" in
	--machine) machine=$2; shift 2 ;;
	--mem) mem=$2; shift 2 ;;
	--stage) stage=$2; shift 2 ;;
	--stage-size) stage_size=$2; shift 2 ;;
	--hyp) hyp=$2; shift 2 ;;
	--guest) guest=$2; shift 2 ;;
	--guests) guests=$2; shift 2 ;;
	--guest-dir) guest_dir=$2; shift 2 ;;
	--linux) linux=$2; shift 2 ;;
	--dtb) dtb=$2; shift 2 ;;
	--initrd) initrd=$2; shift 2 ;;
	--guest-ram) guest_ram=$2; shift 2 ;;
	--append) append=$2; shift 2 ;;
	--hyp-log) hyp_log=$2; shift 2 ;;
	--hyp-console) hyp_console=$2; shift 2 ;;
	--hyp-input) hyp_input=$2; shift 2 ;;
	--uboot) uboot=$2; shift 2 ;;
	--fit-addr) fit_addr=$2; shift 2 ;;
	--fit-dir) fit_dir=$2; shift 2 ;;
	--fit) fit=$2; shift 2 ;;
	--timeout) timeout=$2; shift 2 ;;
	--native) native=1; shift ;;
	--halt-line) halt_line=$2; shift 2 ;;
	--) shift; break ;;
	*) echo "run-qemu.sh: unknown argument '$1'" >&2; exit 2 ;;
	esac
done

die() { echo "run-qemu.sh: $*" >&2; exit 2; }
# shellcheck source=scripts/stage-lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/stage-lib.sh"
# shellcheck source=scripts/stage-guests.sh
. "$(dirname "${BASH_SOURCE[0]}")/stage-guests.sh"
patched=""     # the device tree as the guest gets it, a temporary file
work=""        # the staged guests' files, with --guests
fifo_dir=""    # the hypervisor console's pipes, with --hyp-input
trap '[ -z "$patched" ] || rm -f "$patched"; [ -z "$work" ] || rm -rf "$work"; [ -z "$fifo_dir" ] || rm -rf "$fifo_dir"' EXIT

# write_uboot_env: U-Boot's environment in $fit_dir, as a pflash image: boot the FIT, else power off.
write_uboot_env() {
	{
		echo "bootcmd=bootm $fit_addr#hypervisor; echo boot: U-Boot did not start the hypervisor; poweroff"
		echo "bootdelay=0"
	} > "$fit_dir/uboot-env.txt"
	mkenvimage -s 0x40000 -o "$fit_dir/uboot-env.bin" "$fit_dir/uboot-env.txt" &&
		truncate -s 64M "$fit_dir/uboot-env.bin" || die "cannot write U-Boot's environment"
}

[ -n "$machine" ] && [ -n "$mem" ] || die "--machine and --mem are required"
if [ -n "$guests" ]; then
	[ "$native" = 0 ] || die "--guests runs under the hypervisor"
	[ -z "$guest" ] || die "--guests and --guest: one or the other"
else
	[ -n "$guest" ] || die "no guest image given (GUEST=path/to/image)"
	need_file "guest image" "$guest"
fi
[ -z "$dtb" ] || need_file "device tree" "$dtb"
if [ -n "$initrd" ]; then
	need_file initrd "$initrd"
	check_initrd "$initrd"
fi

if [ -n "$hyp_input" ]; then
	[ -n "$guests" ] && [ "$hyp_console" = serial ] ||
		die "--hyp-input is for --guests with the hypervisor's console on a serial port"
	need_file "hypervisor console input" "$hyp_input"
fi
# Several guests on a terminal: the hypervisor's console (the second UART) is on it too.
hyp_console_on_terminal=0
[ -t 0 ] && [ -n "$guests" ] && [ "$hyp_console" = serial ] && hyp_console_on_terminal=1

qemu=(qemu-system-arm -M "$machine" -m "$mem" -display none -monitor none)
if [ "$hyp_console_on_terminal" = 1 ]; then
	# QEMU gives the input to the UART attached last, the hypervisor's; Ctrl-A C switches it
	# between the two (no monitor in between), Ctrl-A X quits.
	[ -n "$hyp_log" ] || hyp_log=$(mktemp)
	qemu+=(-chardev "stdio,id=console,mux=on,signal=off,logfile=$hyp_log"
	       -serial chardev:console -serial chardev:console)
elif [ -t 0 ]; then
	# Interactive: Ctrl-C and Ctrl-Z reach the guest's shell, Ctrl-A X quits.
	qemu+=(-chardev stdio,id=console,mux=on,signal=off -serial chardev:console -mon chardev=console)
else
	qemu+=(-serial stdio)
fi
qemu+=("$@")

if [ "$native" = 1 ]; then
	qemu+=(-kernel "$guest")
	[ -n "$dtb" ] && qemu+=(-dtb "$dtb")
	[ -n "$initrd" ] && qemu+=(-initrd "$initrd")
	[ -n "$append" ] && qemu+=(-append "$append")
else
	[ -n "$hyp" ] && [ -f "$hyp" ] || die "hypervisor image '$hyp' not found (run make)"
	[ -n "$stage" ] && [ -n "$stage_size" ] || die "--stage and --stage-size are required"
	[ -n "$guest_ram" ] || die "--guest-ram BASE:SIZE is required"
	[ -n "$hyp_log" ] || hyp_log=$(mktemp)
	if [ -n "$guests" ]; then
		work=$(mktemp -d)
		stage_guests "$guests"
	else
		[ -z "$dtb" ] || patched=$(mktemp --suffix=.dtb)
		stage_layout "$patched"
	fi
	: > "$hyp_log"
	case "$hyp_console" in
	serial)
		if [ -n "$hyp_input" ]; then
			# A pipe pair: what QEMU reads from console.in, what it writes to console.out.
			fifo_dir=$(mktemp -d)
			mkfifo "$fifo_dir/console.in" "$fifo_dir/console.out" || die "cannot create pipes in $fifo_dir"
			qemu+=(-chardev "pipe,id=hypconsole,path=$fifo_dir/console" -serial chardev:hypconsole)
		elif [ "$hyp_console_on_terminal" = 0 ]; then
			qemu+=(-serial "file:$hyp_log")
		fi ;;
	semihosting) qemu+=(-chardev "file,id=hyplog,path=$hyp_log"
			    -semihosting-config "enable=on,target=native,chardev=hyplog") ;;
	*) die "--hyp-console '$hyp_console': serial or semihosting" ;;
	esac
	if [ -n "$uboot" ]; then
		need_file U-Boot "$uboot"
		[ -n "$fit_addr" ] || die "--uboot needs --fit-addr"
		[ -n "$fit_dir" ] || { fit_dir=$(mktemp -d) && fit_tmp=$fit_dir; }
		[ -z "$fit" ] || need_file FIT "$fit"
		mkdir -p "$fit_dir" || die "cannot create --fit-dir '$fit_dir'"
		if [ -z "$fit" ]; then
			# The machine's own device tree, as U-Boot would find it: QEMU's for these settings.
			qemu-system-arm -M "$machine,dumpdtb=$fit_dir/machine.dtb.padded" -m "$mem" -display none "$@" \
				>/dev/null 2>&1 && dtc -q -I dtb -O dtb -o "$fit_dir/machine.dtb" "$fit_dir/machine.dtb.padded" &&
				rm -f "$fit_dir/machine.dtb.padded" || die "cannot dump QEMU's device tree for $machine"
			write_fit "$fit_dir/machine.dtb"
			fit=$fit_dir/hyp.itb
		fi
		write_uboot_env
		qemu+=(-bios "$uboot" -device "loader,file=$fit,addr=$((fit_addr)),force-raw=on"
		       -drive "if=pflash,unit=1,format=raw,file=$fit_dir/uboot-env.bin")
	else
		qemu+=(-kernel "$hyp")
	fi
	if [ -n "$guests" ] && [ -z "$uboot" ]; then
		qemu+=(-device "loader,file=$stage_blob,addr=$stage,force-raw=on")
	elif [ -z "$uboot" ]; then
		for i in "${!header[@]}"; do
			qemu+=(-device "loader,addr=$((stage + 4 * i)),data=$((header[i])),data-len=4")
		done
		qemu+=(-device "loader,file=$guest,addr=$image_at,force-raw=on")
		[ -n "$dtb" ] && qemu+=(-device "loader,file=$dtb,addr=$dtb_at,force-raw=on")
		[ -n "$initrd" ] && qemu+=(-device "loader,file=$initrd,addr=$initrd_stage_at,force-raw=on")
	fi
fi

# A background command's stdin would be /dev/null: hand QEMU ours.
halted=""
if [ -n "$halt_line" ]; then
	[ "$native" = 1 ] || die "--halt-line is for native runs (the hypervisor sees a halt itself)"
	halted=$(mktemp -u)
	# The console as it comes, line by line; the halt line leaves a mark for the loop below.
	"${qemu[@]}" <&0 > >(while IFS= read -r line || [ -n "$line" ]; do
		printf '%s\n' "$line"
		case "$line" in *"$halt_line"*) : > "$halted" ;; esac
	done) &
else
	"${qemu[@]}" <&0 &
fi
qemu_pid=$!
# Whatever ends this script ends its QEMU too.
trap 'kill "$qemu_pid" 2>/dev/null; exit 143' TERM INT HUP
fifo_pids=()
if [ -n "$fifo_dir" ]; then
	cat "$fifo_dir/console.out" >> "$hyp_log" &
	fifo_pids+=($!)
	cat "$hyp_input" > "$fifo_dir/console.in" &
	fifo_pids+=($!)
fi
tail_pid=""
if [ "$native" = 0 ] && [ "$hyp_console_on_terminal" = 0 ]; then
	tail -n +1 -f --pid="$qemu_pid" "$hyp_log" >&2 &
	tail_pid=$!
fi

timed_out=0 guest_halted=0
if [ "$timeout" -gt 0 ] || [ -n "$halted" ]; then
	deadline=$((SECONDS + timeout))
	while kill -0 "$qemu_pid" 2>/dev/null; do
		if [ -n "$halted" ] && [ -e "$halted" ]; then
			guest_halted=1
			kill "$qemu_pid" 2>/dev/null
			break
		fi
		if [ "$timeout" -gt 0 ] && [ $SECONDS -ge $deadline ]; then
			timed_out=1
			kill "$qemu_pid" 2>/dev/null
			break
		fi
		sleep 0.2
	done
fi
wait "$qemu_pid"
qemu_status=$?
if [ -n "$halted" ]; then
	wait     # the console's last lines
	rm -f "$halted"
fi
[ -n "$fit_tmp" ] && rm -rf "$fit_tmp"
if [ "${#fifo_pids[@]}" -gt 0 ]; then
	# The console's reader ends once QEMU has gone; input QEMU never took is dropped.
	kill "${fifo_pids[1]}" 2>/dev/null
	wait "${fifo_pids[@]}" 2>/dev/null
fi
[ -n "$tail_pid" ] && wait "$tail_pid" 2>/dev/null

if [ "$timed_out" = 1 ]; then
	echo "run-qemu.sh: timeout after ${timeout}s: QEMU (pid $qemu_pid) killed" >&2
	exit 124
fi
if [ "$native" = 1 ]; then
	[ "$guest_halted" = 1 ] && exit 0
	exit "$qemu_status"
fi
if grep -q 'status=ok' "$hyp_log"; then
	exit 0
elif grep -q 'status=failed' "$hyp_log"; then
	exit 1
fi
echo "run-qemu.sh: QEMU exited ($qemu_status) without the hypervisor's final status line" >&2
exit 3
