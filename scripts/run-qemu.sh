#!/usr/bin/env bash
# Run a guest image on QEMU, natively or under the hypervisor.
#
#   run-qemu.sh --machine M --mem SIZE --native --guest IMAGE [--timeout S] [-- QEMU-ARGS]
#   run-qemu.sh --machine M --mem SIZE --stage ADDR --stage-size SIZE --hyp HYP.elf
#               --guest IMAGE [--dtb FILE --guest-ram BASE:SIZE [--append ARGS]]
#               [--hyp-log FILE] [--timeout S] [-- QEMU-ARGS]
#
# The guest's console (first UART) is this script's stdout. Under the
# hypervisor, its own messages (second UART) go to --hyp-log and are copied to
# stderr as they come. Exit status: 0 when the guest ended normally, 1 when
# the hypervisor reported a failure, 2 on usage or staging errors, 124 on
# timeout, 3 when QEMU ended without the hypervisor's final status line.
# A device tree gets its /memory node set to the guest's RAM and --append
# as /chosen/bootargs, as QEMU does for a natively booted kernel.
set -u

machine="" mem="" stage="" stage_size="" hyp="" guest="" dtb="" guest_ram="" append="" hyp_log="" timeout=0 native=0
while [ $# -gt 0 ]; do
	case "$1" in
	--machine) machine=$2; shift 2 ;;
	--mem) mem=$2; shift 2 ;;
	--stage) stage=$2; shift 2 ;;
	--stage-size) stage_size=$2; shift 2 ;;
	--hyp) hyp=$2; shift 2 ;;
	--guest) guest=$2; shift 2 ;;
	--dtb) dtb=$2; shift 2 ;;
	--guest-ram) guest_ram=$2; shift 2 ;;
	--append) append=$2; shift 2 ;;
	--hyp-log) hyp_log=$2; shift 2 ;;
	--timeout) timeout=$2; shift 2 ;;
	--native) native=1; shift ;;
	--) shift; break ;;
	*) echo "run-qemu.sh: unknown argument '$1'" >&2; exit 2 ;;
	esac
done

die() { echo "run-qemu.sh: $*" >&2; exit 2; }

# set_dtb_memory IN OUT BASE SIZE: a copy of IN whose memory nodes say BASE, SIZE.
set_dtb_memory() {
	local acells scells node reg=()
	cp "$1" "$2" || die "cannot copy device tree '$1'"
	acells=$(fdtget -d 2 "$2" / '#address-cells') || die "'$1' is not a device tree"
	scells=$(fdtget -d 1 "$2" / '#size-cells')
	[ "$acells" = 2 ] && reg+=(0)
	reg+=("$3")
	[ "$scells" = 2 ] && reg+=(0)
	reg+=("$4")
	for node in $(fdtget -l "$2" /); do
		case "$node" in
		memory|memory@*) fdtput -t x "$2" "/$node" reg "${reg[@]}" || die "cannot set /$node in the device tree" ;;
		esac
	done
}
[ -n "$machine" ] && [ -n "$mem" ] || die "--machine and --mem are required"
[ -n "$guest" ] || die "no guest image given (GUEST=path/to/image)"
[ -f "$guest" ] || die "guest image '$guest' does not exist"

qemu=(qemu-system-arm -M "$machine" -m "$mem" -display none -monitor none -serial stdio "$@")
if [ "$native" = 1 ]; then
	qemu+=(-kernel "$guest")
else
	[ -n "$hyp" ] && [ -f "$hyp" ] || die "hypervisor image '$hyp' not found (run make)"
	[ -n "$stage" ] && [ -n "$stage_size" ] || die "--stage and --stage-size are required"
	[ -n "$hyp_log" ] || hyp_log=$(mktemp)
	size=$(stat -c %s "$guest")
	page=4096
	image_at=$((stage + page))
	dtb_at=$((image_at + (size + page - 1) / page * page))
	dtb_size=0
	if [ -n "$dtb" ]; then
		[ -f "$dtb" ] || die "device tree '$dtb' does not exist"
		[ -n "$guest_ram" ] || die "--dtb needs --guest-ram BASE:SIZE"
		patched=$(mktemp --suffix=.dtb)
		set_dtb_memory "$dtb" "$patched" "${guest_ram%%:*}" "${guest_ram##*:}"
		if [ -n "$append" ]; then
			fdtput -c "$patched" /chosen 2>/dev/null
			fdtput -t s "$patched" /chosen bootargs "$append" || die "cannot set /chosen/bootargs"
		fi
		dtb=$patched
		dtb_size=$(stat -c %s "$dtb")
	fi
	if [ $((dtb_at - stage + dtb_size)) -gt $((stage_size)) ]; then
		die "guest image ($size bytes) and device tree do not fit the staging area ($((stage_size)) bytes, GUEST_STAGE_SIZE)"
	fi
	: > "$hyp_log"
	qemu+=(-serial "file:$hyp_log" -kernel "$hyp"
		-device "loader,addr=$((stage)),data=0x47505948,data-len=4"
		-device "loader,addr=$((stage + 4)),data=$size,data-len=4"
		-device "loader,addr=$((stage + 8)),data=$dtb_size,data-len=4"
		-device "loader,file=$guest,addr=$image_at,force-raw=on")
	[ -n "$dtb" ] && qemu+=(-device "loader,file=$dtb,addr=$dtb_at,force-raw=on")
fi

"${qemu[@]}" &
qemu_pid=$!
tail_pid=""
if [ "$native" = 0 ]; then
	tail -n +1 -f --pid="$qemu_pid" "$hyp_log" >&2 &
	tail_pid=$!
fi

timed_out=0
if [ "$timeout" -gt 0 ]; then
	deadline=$((SECONDS + timeout))
	while kill -0 "$qemu_pid" 2>/dev/null; do
		if [ $SECONDS -ge $deadline ]; then
			timed_out=1
			kill "$qemu_pid" 2>/dev/null
			break
		fi
		sleep 0.2
	done
fi
wait "$qemu_pid"
qemu_status=$?
[ -n "$tail_pid" ] && wait "$tail_pid" 2>/dev/null

if [ "$timed_out" = 1 ]; then
	echo "run-qemu.sh: timeout after ${timeout}s: QEMU (pid $qemu_pid) killed" >&2
	exit 124
fi
if [ "$native" = 1 ]; then
	exit "$qemu_status"
fi
if grep -q 'status=ok' "$hyp_log"; then
	exit 0
elif grep -q 'status=failed' "$hyp_log"; then
	exit 1
fi
echo "run-qemu.sh: QEMU exited ($qemu_status) without the hypervisor's final status line" >&2
exit 3
