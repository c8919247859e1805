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
# are staged for it (hyp/guest_image.h). The device tree gets what QEMU gives
# a kernel it boots natively: its /memory node set to the guest's RAM,
# --append as /chosen/bootargs, and the initrd's place in /chosen, which is
# where QEMU puts it: RAM base + min(RAM size / 2, 128 MiB).
#
# With --uboot, the board boots that U-Boot (-bios) instead of the
# hypervisor itself, and U-Boot boots one FIT image that the script writes
# to --fit-dir (an .its, the .itb, U-Boot's environment): the hypervisor as
# its kernel, the machine's own device tree (QEMU's) as its fdt, and the
# staged guest (header, image, device tree, initrd) as loadables at their
# staging addresses. QEMU places the FIT at --fit-addr; U-Boot's
# environment (a pflash image) runs bootm on it, and powers off if bootm
# returns. --fit boots that FIT instead of writing one.
set -u
# With stdin closed, the next file opened would become fd 0: give it /dev/null first.
( exec 3<&0 ) 2>/dev/null || exec </dev/null

machine="" mem="" stage="" stage_size="" hyp="" guest="" dtb="" initrd="" guest_ram=""
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
	--dtb) dtb=$2; shift 2 ;;
	--initrd) initrd=$2; shift 2 ;;
	--guest-ram) guest_ram=$2; shift 2 ;;
	--append) append=$2; shift 2 ;;
	--hyp-log) hyp_log=$2; shift 2 ;;
	--hyp-console) hyp_console=$2; shift 2 ;;
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
patched=""     # the device tree as the guest gets it, a temporary file
trap '[ -z "$patched" ] || rm -f "$patched"' EXIT

# need_file WHAT PATH: PATH must be a readable regular file.
need_file() {
	[ -e "$2" ] || die "$1 '$2' does not exist"
	[ -f "$2" ] || die "$1 '$2' is not a regular file"
	[ -r "$2" ] || die "$1 '$2' is not readable"
	[ -s "$2" ] || die "$1 '$2' is empty"
}

# le32 VALUE...: each value as 4 little-endian bytes, on stdout.
le32() {
	local v
	for v in "$@"; do
		v=$((v))
		printf "$(printf '\\%03o\\%03o\\%03o\\%03o' $((v & 255)) $((v >> 8 & 255)) \
			$((v >> 16 & 255)) $((v >> 24 & 255)))"
	done
}

# fit_image NAME DESCRIPTION FILE TYPE LOAD: one image node of the .its.
fit_image() {
	printf '\t\t%s {\n\t\t\tdescription = "%s";\n\t\t\tdata = /incbin/("%s");\n' "$1" "$2" "$3"
	printf '\t\t\ttype = "%s";\n\t\t\tarch = "arm";\n\t\t\tos = "linux";\n' "$4"
	printf '\t\t\tcompression = "none";\n'
	[ -n "$5" ] && printf '\t\t\tload = <0x%08x>;\n' "$5"
	[ "$4" = kernel ] && [ "$1" = hypervisor ] && printf '\t\t\tentry = <0x%08x>;\n' "$5"
	printf '\t\t\thash-1 { algo = "sha1"; };\n\t\t};\n'
}

# write_fit: the FIT in $fit_dir, for QEMU to place.
write_fit() {
	local cross=${CROSS_COMPILE:-arm-none-eabi-} hyp_load loadables='"stage-header", "guest-image"'
	mkdir -p "$fit_dir" || die "cannot create --fit-dir '$fit_dir'"
	"${cross}objcopy" -O binary "$hyp" "$fit_dir/hyp.bin" || die "cannot make a binary of '$hyp'"
	hyp_load=$("${cross}readelf" -h "$hyp" | sed -n 's/.*Entry point address: *//p')
	[ -n "$hyp_load" ] || die "'$hyp' has no entry point"
	le32 "${header[@]}" > "$fit_dir/stage-header.bin"
	cp "$guest" "$fit_dir/guest-image" || die "cannot copy '$guest'"
	[ -n "$dtb" ] && cp "$dtb" "$fit_dir/guest.dtb" && loadables+=', "guest-dtb"'
	[ -n "$initrd" ] && cp "$initrd" "$fit_dir/guest-initrd" && loadables+=', "guest-initrd"'
	# The machine's own device tree, as U-Boot would find it: QEMU's for these settings.
	qemu-system-arm -M "$machine,dumpdtb=$fit_dir/machine.dtb.padded" -m "$mem" -display none "$@" \
		>/dev/null 2>&1 && dtc -q -I dtb -O dtb -o "$fit_dir/machine.dtb" "$fit_dir/machine.dtb.padded" &&
		rm -f "$fit_dir/machine.dtb.padded" || die "cannot dump QEMU's device tree for $machine"
	{
		printf '/dts-v1/;\n/ {\n\tdescription = "hypervisor and its guest";\n'
		printf '\t#address-cells = <1>;\n\timages {\n'
		fit_image hypervisor "hypervisor" hyp.bin kernel "$hyp_load"
		printf '\t\tmachine-fdt {\n\t\t\tdescription = "the machine";\n'
		printf '\t\t\tdata = /incbin/("machine.dtb");\n\t\t\ttype = "flat_dt";\n'
		printf '\t\t\tarch = "arm";\n\t\t\tcompression = "none";\n'
		printf '\t\t\thash-1 { algo = "sha1"; };\n\t\t};\n'
		fit_image stage-header "guest stage header (hyp/guest_image.h)" stage-header.bin firmware "$stage"
		fit_image guest-image "guest image" guest-image kernel_noload "$image_at"
		[ -n "$dtb" ] && fit_image guest-dtb "guest device tree" guest.dtb flat_dt "$dtb_at"
		[ -n "$initrd" ] && fit_image guest-initrd "guest initrd" guest-initrd ramdisk "$initrd_stage_at"
		printf '\t};\n\tconfigurations {\n\t\tdefault = "hypervisor";\n\t\thypervisor {\n'
		printf '\t\t\tdescription = "the hypervisor with its guest";\n'
		printf '\t\t\tkernel = "hypervisor";\n\t\t\tfdt = "machine-fdt";\n'
		printf '\t\t\tloadables = %s;\n\t\t};\n\t};\n};\n' "$loadables"
	} > "$fit_dir/hyp.its"
	mkimage -f "$fit_dir/hyp.its" "$fit_dir/hyp.itb" >/dev/null || die "mkimage could not build $fit_dir/hyp.itb"
}

# write_uboot_env: U-Boot's environment in $fit_dir, as a pflash image: boot the FIT, else power off.
write_uboot_env() {
	{
		echo "bootcmd=bootm $fit_addr#hypervisor; echo boot: U-Boot did not start the hypervisor; poweroff"
		echo "bootdelay=0"
	} > "$fit_dir/uboot-env.txt"
	mkenvimage -s 0x40000 -o "$fit_dir/uboot-env.bin" "$fit_dir/uboot-env.txt" &&
		truncate -s 64M "$fit_dir/uboot-env.bin" || die "cannot write U-Boot's environment"
}

# An initrd is a cpio archive, plain or compressed as the kernel can unpack it.
check_initrd() {
	local magic
	magic=$(od -An -tx1 -N6 "$1" | tr -d ' \n')
	case "$magic" in
	303730373031*|303730373032*) ;;        # "070701"/"070702": cpio newc
	1f8b*|1f9e*) ;;                         # gzip
	fd377a585a00) ;;                        # xz
	28b52ffd*) ;;                           # zstd
	425a68*) ;;                             # bzip2
	5d0000*) ;;                             # lzma
	894c5a4f*) ;;                           # lzop
	02214c18*|04224d18*) ;;                 # lz4 (legacy, frame)
	*) die "initrd '$1' is neither a cpio archive nor one compressed as Linux can unpack (gzip, xz, zstd, bzip2, lzma, lzo, lz4)" ;;
	esac
}

# prepare_dtb IN OUT: a copy of IN with what QEMU sets for a natively booted kernel.
prepare_dtb() {
	local acells scells node reg=()
	fdtget "$1" / '#address-cells' >/dev/null 2>&1 ||
		die "device tree '$1' is not a valid flattened device tree"
	cp "$1" "$2" || die "cannot copy device tree '$1'"
	acells=$(fdtget -d 2 "$2" / '#address-cells')
	scells=$(fdtget -d 1 "$2" / '#size-cells')
	[ "$acells" = 2 ] && reg+=(0)
	reg+=("$(printf %x "$ram_base")")
	[ "$scells" = 2 ] && reg+=(0)
	reg+=("$(printf %x "$ram_size")")
	# As QEMU does: the tree's memory nodes go, one for the guest's RAM takes their place
	# (some boards' trees have none: their boot loader adds it).
	for node in $(fdtget -l "$2" /); do
		case "$node" in
		memory|memory@*) fdtput -r "$2" "/$node" || die "cannot remove /$node from the device tree" ;;
		esac
	done
	node=/memory@$(printf %x "$ram_base")
	fdtput -c "$2" "$node" && fdtput -t s "$2" "$node" device_type memory &&
		fdtput -t x "$2" "$node" reg "${reg[@]}" || die "cannot add $node to the device tree"
	fdtput -c "$2" /chosen 2>/dev/null
	if [ -n "$append" ]; then
		fdtput -t s "$2" /chosen bootargs "$append" || die "cannot set /chosen/bootargs"
	fi
	if [ -n "$initrd" ]; then
		fdtput -t x "$2" /chosen linux,initrd-start "$(printf %x "$initrd_at")" &&
			fdtput -t x "$2" /chosen linux,initrd-end "$(printf %x $((initrd_at + initrd_size)))" ||
			die "cannot set the initrd in /chosen"
	fi
}

[ -n "$machine" ] && [ -n "$mem" ] || die "--machine and --mem are required"
[ -n "$guest" ] || die "no guest image given (GUEST=path/to/image)"
need_file "guest image" "$guest"
[ -z "$dtb" ] || need_file "device tree" "$dtb"
if [ -n "$initrd" ]; then
	need_file initrd "$initrd"
	check_initrd "$initrd"
fi

qemu=(qemu-system-arm -M "$machine" -m "$mem" -display none -monitor none)
if [ -t 0 ]; then
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
	ram_base=$((${guest_ram%%:*}))
	ram=${guest_ram##*:}
	case "$ram" in
	[1-9]*[0-9]M|[1-9]M) ram_size=$((${ram%M} << 20)) ;;
	[1-9]G) ram_size=$((${ram%G} << 30)) ;;
	0x[0-9a-fA-F]*|[1-9]*[0-9]) ram_size=$((ram)) ;;
	*) die "GUEST_RAM='$ram' is not a size (e.g. 256M)" ;;
	esac 2>/dev/null || die "GUEST_RAM='$ram' is not a size (e.g. 256M)"
	[ $((ram_size % (1 << 20))) -eq 0 ] && [ "$ram_size" -gt 0 ] ||
		die "GUEST_RAM='$ram' is not a whole number of MiB"
	page=4096
	pages() { echo $((($1 + page - 1) / page * page)); }
	size=$(stat -c %s "$guest")
	initrd_size=0 initrd_at=0 dtb_size=0
	if [ -n "$initrd" ]; then
		initrd_size=$(stat -c %s "$initrd")
		half=$((ram_size / 2))
		initrd_at=$((ram_base + (half < 0x8000000 ? half : 0x8000000)))
		[ $((initrd_at + initrd_size)) -le $((ram_base + ram_size)) ] ||
			die "initrd '$initrd' ($initrd_size bytes) does not fit guest RAM above $(printf 0x%08x "$initrd_at") (GUEST_RAM=$((ram_size >> 20))M)"
	fi
	[ "$size" -le "$ram_size" ] || die "guest image '$guest' ($size bytes) is larger than guest RAM (GUEST_RAM=$((ram_size >> 20))M)"
	if [ -n "$dtb" ]; then
		patched=$(mktemp --suffix=.dtb)
		prepare_dtb "$dtb" "$patched"
		dtb=$patched
		dtb_size=$(stat -c %s "$dtb")
	fi
	image_at=$((stage + page))
	dtb_at=$((image_at + $(pages "$size")))
	initrd_stage_at=$((dtb_at + $(pages "$dtb_size")))
	if [ $((initrd_stage_at - stage + initrd_size)) -gt $((stage_size)) ]; then
		die "guest image, device tree and initrd ($((initrd_stage_at - stage - page + initrd_size)) bytes) do not fit the staging area ($((stage_size)) bytes, GUEST_STAGE_SIZE)"
	fi
	: > "$hyp_log"
	# struct stage_header: magic "HYPG", image, dtb and initrd sizes, initrd address, RAM size.
	header=(0x47505948 "$size" "$dtb_size" "$initrd_size" "$initrd_at" "$ram_size")
	case "$hyp_console" in
	serial) qemu+=(-serial "file:$hyp_log") ;;
	semihosting) qemu+=(-chardev "file,id=hyplog,path=$hyp_log"
			    -semihosting-config "enable=on,target=native,chardev=hyplog") ;;
	*) die "--hyp-console '$hyp_console': serial or semihosting" ;;
	esac
	if [ -n "$uboot" ]; then
		need_file U-Boot "$uboot"
		[ -n "$fit_addr" ] || die "--uboot needs --fit-addr"
		[ -n "$fit_dir" ] || { fit_dir=$(mktemp -d) && fit_tmp=$fit_dir; }
		if [ -n "$fit" ]; then
			need_file FIT "$fit"
			mkdir -p "$fit_dir" || die "cannot create --fit-dir '$fit_dir'"
		else
			write_fit "$@"
			fit=$fit_dir/hyp.itb
		fi
		write_uboot_env
		qemu+=(-bios "$uboot" -device "loader,file=$fit,addr=$((fit_addr)),force-raw=on"
		       -drive "if=pflash,unit=1,format=raw,file=$fit_dir/uboot-env.bin")
	else
		qemu+=(-kernel "$hyp")
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
tail_pid=""
if [ "$native" = 0 ]; then
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
