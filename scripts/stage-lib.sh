# shellcheck shell=bash disable=SC2154 # the variables the caller sets (below)
# The guest's staging, shared by scripts/run-qemu.sh and scripts/mksdcard.sh:
# sourced, not run.
#
# The guest's RAM size, image, device tree and initrd are staged for the
# hypervisor (hyp/guest_image.h): a one-page header at the staging area's
# start, then the image, the device tree and the initrd, each starting on a
# page. The device tree gets what QEMU gives a kernel it boots natively: its
# /memory node set to the guest's RAM, the command line as /chosen/bootargs,
# and the initrd's place in /chosen, which is where QEMU puts it: RAM base +
# min(RAM size / 2, 128 MiB).
#
# The script that sources this defines die MESSAGE (print MESSAGE prefixed
# with its name, exit 2) and sets, before calling stage_layout:
#   guest       the guest image
#   dtb         the guest's device tree, or empty
#   initrd      the initrd, or empty
#   append      the kernel command line, or empty
#   guest_ram   the guest's RAM, BASE:SIZE[M|G]
#   stage       the staging area's address
#   stage_size  its size
# stage_layout then sets ram_base, ram_size, size (the image's), dtb_size,
# initrd_size, initrd_at (the initrd's place in guest RAM), image_at,
# dtb_at, initrd_stage_at (the places in the staging area) and header (the
# header's words); dtb then names the prepared copy.
# write_fit also reads hyp (the hypervisor ELF), fit_dir (an existing
# directory) and CROSS_COMPILE (default arm-none-eabi-), and sets hyp_load
# (the hypervisor's load address and entry, from its ELF header).

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

# check_initrd FILE: an initrd is a cpio archive, plain or compressed as the kernel can unpack it.
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

# stage_layout PREPARED_DTB: check that the guest fits its RAM and the staging area, and
# lay it out there; a device tree is prepared (prepare_dtb) into PREPARED_DTB.
stage_layout() {
	local ram half page=4096
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
		prepare_dtb "$dtb" "$1"
		dtb=$1
		dtb_size=$(stat -c %s "$dtb")
	fi
	# Each part starts on a page.
	image_at=$((stage + page))
	dtb_at=$((image_at + (size + page - 1) / page * page))
	initrd_stage_at=$((dtb_at + (dtb_size + page - 1) / page * page))
	if [ $((initrd_stage_at - stage + initrd_size)) -gt $((stage_size)) ]; then
		die "guest image, device tree and initrd ($((initrd_stage_at - stage - page + initrd_size)) bytes) do not fit the staging area ($((stage_size)) bytes, GUEST_STAGE_SIZE)"
	fi
	# struct stage_header: magic "HYPG", image, dtb and initrd sizes, initrd address, RAM size.
	header=(0x47505948 "$size" "$dtb_size" "$initrd_size" "$initrd_at" "$ram_size")
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

# write_fit MACHINE_DTB: $fit_dir/hyp.its and hyp.itb, the hypervisor as the FIT's kernel,
# MACHINE_DTB (the device tree the boot loader would pass) as its fdt, the staged guest
# (stage_layout) as loadables at their staging addresses, or with several guests the
# whole staging area (stage_blob, scripts/stage-guests.sh) as one; the files they hold
# beside them.
write_fit() {
	local cross=${CROSS_COMPILE:-arm-none-eabi-} loadables='"stage-header", "guest-image"'
	"${cross}objcopy" -O binary "$hyp" "$fit_dir/hyp.bin" || die "cannot make a binary of '$hyp'"
	hyp_load=$("${cross}readelf" -h "$hyp" | sed -n 's/.*Entry point address: *//p')
	[ -n "$hyp_load" ] || die "'$hyp' has no entry point"
	if [ -n "${stage_blob:-}" ]; then
		cp "$stage_blob" "$fit_dir/guests-stage" || die "cannot copy '$stage_blob'"
		loadables='"guests-stage"'
	else
		le32 "${header[@]}" > "$fit_dir/stage-header.bin"
		cp "$guest" "$fit_dir/guest-image" || die "cannot copy '$guest'"
		[ -n "$dtb" ] && cp "$dtb" "$fit_dir/guest.dtb" && loadables+=', "guest-dtb"'
		[ -n "$initrd" ] && cp "$initrd" "$fit_dir/guest-initrd" && loadables+=', "guest-initrd"'
	fi
	[ "$1" -ef "$fit_dir/machine.dtb" ] || cp "$1" "$fit_dir/machine.dtb" ||
		die "cannot copy the machine's device tree '$1'"
	{
		printf '/dts-v1/;\n/ {\n\tdescription = "hypervisor and its guest";\n'
		printf '\t#address-cells = <1>;\n\timages {\n'
		fit_image hypervisor "hypervisor" hyp.bin kernel "$hyp_load"
		printf '\t\tmachine-fdt {\n\t\t\tdescription = "the machine";\n'
		printf '\t\t\tdata = /incbin/("machine.dtb");\n\t\t\ttype = "flat_dt";\n'
		printf '\t\t\tarch = "arm";\n\t\t\tcompression = "none";\n'
		printf '\t\t\thash-1 { algo = "sha1"; };\n\t\t};\n'
		if [ -n "${stage_blob:-}" ]; then
			fit_image guests-stage "the guests' staging area (hyp/guest_config.h)" guests-stage firmware "$stage"
		else
			fit_image stage-header "guest stage header (hyp/guest_image.h)" stage-header.bin firmware "$stage"
			fit_image guest-image "guest image" guest-image kernel_noload "$image_at"
			[ -n "$dtb" ] && fit_image guest-dtb "guest device tree" guest.dtb flat_dt "$dtb_at"
			[ -n "$initrd" ] && fit_image guest-initrd "guest initrd" guest-initrd ramdisk "$initrd_stage_at"
		fi
		printf '\t};\n\tconfigurations {\n\t\tdefault = "hypervisor";\n\t\thypervisor {\n'
		printf '\t\t\tdescription = "the hypervisor with its guest";\n'
		printf '\t\t\tkernel = "hypervisor";\n\t\t\tfdt = "machine-fdt";\n'
		printf '\t\t\tloadables = %s;\n\t\t};\n\t};\n};\n' "$loadables"
	} > "$fit_dir/hyp.its"
	mkimage -f "$fit_dir/hyp.its" "$fit_dir/hyp.itb" >/dev/null || die "mkimage could not build $fit_dir/hyp.itb"
}
