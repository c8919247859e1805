#!/usr/bin/env bash
# Check a BeagleBoard SD-card image (scripts/mksdcard.sh) as one would before
# writing it to a card: the partition table, the FAT partition's files, the
# boot script and the FIT with the hypervisor and its staged guest.
#
#   tests/sdcard.sh --image IMAGE --hyp HYP.elf --guest IMAGE --stage ADDR
#                   --mlo MLO --uboot-img u-boot.img
#                   [--machine-dtb FILE] [--initrd FILE] [--fit-addr ADDR]
#
# --hyp, --guest, --mlo, --uboot-img (and --machine-dtb, --initrd when
# given) are the files the image was made from: the card's copies must be
# byte-identical to them. The hypervisor's load address and entry are the
# ELF's entry; the guest is staged from --stage on; with --fit-addr, boot.scr
# must load the FIT there. Needs mtools, u-boot-tools, device-tree-compiler
# and $CROSS_COMPILE (default arm-none-eabi-) binutils.
#
# One line per check, "PASS name" or "FAIL name: why". Exit status: 0 when
# all passed, 1 when one failed, 2 on usage errors.
set -u

image="" hyp="" guest="" stage="" mlo="" uboot_img="" machine_dtb="" initrd="" fit_addr=""
while [ $# -gt 0 ]; do
	case "$1" in
	--image) image=$2; shift 2 ;;
	--hyp) hyp=$2; shift 2 ;;
	--guest) guest=$2; shift 2 ;;
	--stage) stage=$2; shift 2 ;;
	--mlo) mlo=$2; shift 2 ;;
	--uboot-img) uboot_img=$2; shift 2 ;;
	--machine-dtb) machine_dtb=$2; shift 2 ;;
	--initrd) initrd=$2; shift 2 ;;
	--fit-addr) fit_addr=$2; shift 2 ;;
	*) echo "sdcard.sh: unknown argument '$1'" >&2; exit 2 ;;
	esac
done
for option in image hyp guest stage mlo uboot-img; do
	var=${option//-/_}
	[ -n "${!var}" ] || { echo "sdcard.sh: --$option is required" >&2; exit 2; }
done
for file in "$image" "$hyp" "$guest" "$mlo" "$uboot_img" ${machine_dtb:+"$machine_dtb"} ${initrd:+"$initrd"}; do
	[ -f "$file" ] && [ -r "$file" ] || { echo "sdcard.sh: '$file' is not a readable file" >&2; exit 2; }
done
for number in "$stage" ${fit_addr:+"$fit_addr"}; do
	[[ "$number" =~ ^(0x[0-9a-fA-F]+|[0-9]+)$ ]] || { echo "sdcard.sh: '$number' is not a number" >&2; exit 2; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
pass() { echo "PASS $1"; }
fail() { echo "FAIL $1: $2"; failed=1; }
# bytes FILE OFFSET COUNT: the bytes there, as decimal numbers.
bytes() { od -An -tu1 -v -j "$2" -N "$3" "$1" | tr -s ' \n' ' '; }
hex() { printf 0x%08x "$1"; }
fat=$image@@1M

# The MBR: signature, one partition, bootable, FAT32 with LBA, from sector 2048 on.
mbr_check() {
	local sig entries=0 i e
	sig=$(od -An -tx1 -j 510 -N 2 "$image" | tr -d ' \n')
	[ "$sig" = 55aa ] || { echo "no MBR: bytes 510-511 are '$sig', not 55aa"; return; }
	for i in 0 1 2 3; do
		read -r -a e <<< "$(bytes "$image" $((446 + 16 * i)) 16)"
		[ "${e[4]}" = 0 ] && continue
		entries=$((entries + 1))
		[ "$i" = 0 ] || { echo "partition $((i + 1)) is used"; return; }
		[ "${e[0]}" = 128 ] || { echo "partition 1 is not bootable (status $(printf 0x%02x "${e[0]}"))"; return; }
		[ "${e[4]}" = 12 ] || { echo "partition 1 has type $(printf 0x%02x "${e[4]}"), not 0x0c (FAT32 LBA)"; return; }
		local start=$((e[8] | e[9] << 8 | e[10] << 16 | e[11] << 24))
		[ "$start" = 2048 ] || { echo "partition 1 starts at sector $start, not 2048"; return; }
	done
	[ "$entries" = 1 ] || echo "$entries partitions, not one"
}
why=$(mbr_check)
if [ -z "$why" ]; then pass sdcard/mbr; else fail sdcard/mbr "$why"; fi

# The FAT partition: FAT32, MLO first in its root directory, then the other files.
files=$(mdir -b -i "$fat" ::/ 2>&1 | tr '\n' ' ')
if ! minfo -i "$fat" :: 2>/dev/null | grep -q 'disk type="FAT32'; then
	fail sdcard/fat "the partition holds no FAT32 file system"
elif [ "$files" != "::/MLO ::/u-boot.img ::/boot.scr ::/hyp.itb " ]; then
	fail sdcard/fat "the root directory holds '${files% }', not MLO, u-boot.img, boot.scr, hyp.itb in this order"
else
	pass sdcard/fat
fi
for f in MLO u-boot.img boot.scr hyp.itb; do
	mcopy -i "$fat" "::/$f" "$work/$f" 2>/dev/null
done

# same NAME CARD_FILE GIVEN_FILE: the card's copy is byte-identical to the given file.
same() {
	if [ ! -f "$2" ]; then
		fail "$1" "not on the card"
	elif ! cmp -s "$2" "$3"; then
		fail "$1" "differs from '$3'"
	else
		pass "$1"
	fi
}
same sdcard/mlo "$work/MLO" "$mlo"
same sdcard/u-boot-img "$work/u-boot.img" "$uboot_img"

# boot.scr: a U-Boot script image that loads hyp.itb and boots it with bootm.
script=$work/boot.txt
# After its 64-byte header, a script image holds a table of part sizes (one part, then 0),
# then the text.
tail -c +73 "$work/boot.scr" > "$script" 2>/dev/null
load_at=$(sed -n 's/^[[:space:]]*if load mmc 0:1 \([0-9a-fx]*\) hyp\.itb; then$/\1/p' "$script")
if ! dumpimage -l "$work/boot.scr" 2>/dev/null | grep -q 'Image Type: *ARM Linux Script (uncompressed)'; then
	fail sdcard/boot-scr "not an uncompressed ARM U-Boot script image"
elif [ -z "$load_at" ]; then
	fail sdcard/boot-scr "it does not load hyp.itb from mmc 0:1"
elif ! grep -q "^[[:space:]]*bootm $load_at#hypervisor$" "$script"; then
	fail sdcard/boot-scr "it does not run bootm $load_at#hypervisor"
elif [ -n "$fit_addr" ] && [ $((load_at)) -ne $((fit_addr)) ]; then
	fail sdcard/boot-scr "it loads hyp.itb to $load_at, not $fit_addr"
else
	pass sdcard/boot-scr
fi

# The FIT: its images by name, in the order dumpimage numbers them.
fit=$work/hyp.itb
listing=$work/fit.listing
if [ ! -f "$fit" ]; then
	fail sdcard/fit "hyp.itb is not on the card"
	exit 1
elif ! dumpimage -l "$fit" > "$listing" 2>&1; then
	fail sdcard/fit "dumpimage cannot list hyp.itb: $(head -n 1 "$listing")"
	exit 1
fi
mapfile -t names < <(fdtget -l "$fit" /images)
# Each image's data in $work/NAME.data.
for i in "${!names[@]}"; do
	dumpimage -T flat_dt -p "$i" -o "$work/${names[i]}.data" "$fit" >/dev/null 2>&1
done
# listed NAME FIELD: FIELD ("Load Address", "Entry Point") of image NAME in the listing.
listed() {
	sed -n "/^ Image [0-9]* ($1)\$/,/^ [^ ]/s/^  $2: *//p" "$listing"
}
config=/configurations/$(fdtget "$fit" /configurations default 2>/dev/null)

# Every image's data matches its SHA-1, as U-Boot will check.
bad=""
for name in "${names[@]}"; do
	read -r -a digest < <(fdtget -t bu "$fit" "/images/$name/hash-1" value 2>/dev/null)
	want=$(printf %02x "${digest[@]}")
	have=$(sha1sum < "$work/$name.data" 2>/dev/null | cut -d' ' -f1)
	[ "$want" = "$have" ] || bad+=" $name"
done
if [ -n "$bad" ]; then fail sdcard/fit-hashes "SHA-1 mismatch:$bad"; else pass sdcard/fit-hashes; fi

# size_of NAME: the size of image NAME's data, 0 without NAME.
size_of() { if [ -f "$work/$1.data" ]; then stat -c %s "$work/$1.data"; else echo 0; fi; }

# The hypervisor: the configuration's kernel, the ELF's code, loaded and entered at its entry.
hyp_entry=$("${CROSS_COMPILE:-arm-none-eabi-}readelf" -h "$hyp" | sed -n 's/.*Entry point address: *//p')
"${CROSS_COMPILE:-arm-none-eabi-}objcopy" -O binary "$hyp" "$work/hyp.bin"
load=$(listed hypervisor "Load Address") entry=$(listed hypervisor "Entry Point")
if [ "$(fdtget "$fit" "$config" kernel 2>/dev/null)" != hypervisor ]; then
	fail sdcard/fit-hypervisor "the default configuration's kernel is not the hypervisor"
elif [ -z "$load" ] || [ $((load)) -ne $((hyp_entry)) ] || [ -z "$entry" ] || [ $((entry)) -ne $((hyp_entry)) ]; then
	fail sdcard/fit-hypervisor "load address '$load' and entry '$entry', not $hyp_entry (the ELF's entry)"
elif ! cmp -s "$work/hyp.bin" "$work/hypervisor.data"; then
	fail sdcard/fit-hypervisor "its data is not the code of '$hyp'"
else
	pass sdcard/fit-hypervisor
fi

# The machine's device tree: the configuration's fdt.
machine=$(fdtget "$fit" "$config" fdt 2>/dev/null)
if [ -z "$machine" ] || [ "$(fdtget "$fit" "/images/$machine" type)" != flat_dt ]; then
	fail sdcard/fit-machine-fdt "the default configuration has no flat_dt fdt"
elif [ -n "$machine_dtb" ] && ! cmp -s "$work/$machine.data" "$machine_dtb"; then
	fail sdcard/fit-machine-fdt "it differs from '$machine_dtb'"
else
	pass sdcard/fit-machine-fdt
fi

# The loadables: stage header, guest image, device tree and initrd (those there are), in this
# order, each from a page of the staging area on, the header on its first.
page=4096
# pages NAME: the size of image NAME's data in whole pages (0 without NAME).
pages() { echo $((($(size_of "$1") + page - 1) / page * page)); }
image_at=$((stage + page))
dtb_at=$((image_at + $(pages guest-image)))
initrd_at=$((dtb_at + $(pages guest-dtb)))
want="" why=""
for place in stage-header:$((stage)) guest-image:$image_at guest-dtb:$dtb_at guest-initrd:$initrd_at; do
	name=${place%:*} at=${place#*:}
	[ -f "$work/$name.data" ] || continue
	want+="$name "
	load=$(fdtget -t x "$fit" "/images/$name" load 2>/dev/null)
	[ -n "$load" ] && [ $((0x$load)) -eq "$at" ] || why+="$name at 0x${load:-?}, not $(hex "$at"); "
done
loadables=$(fdtget "$fit" "$config" loadables 2>/dev/null)
if [ "$loadables " != "$want" ]; then
	fail sdcard/fit-loadables "the configuration's loadables are '$loadables', not '${want% }'"
elif [ -n "$why" ]; then
	fail sdcard/fit-loadables "${why%; }"
else
	pass sdcard/fit-loadables
fi

# The stage header (hyp/guest_image.h): "HYPG", then the sizes of the image, device tree and initrd.
read -r magic image_size dtb_size initrd_size _ < <(od -An -tu4 -N24 "$work/stage-header.data" 2>/dev/null)
want="$(size_of guest-image) $(size_of guest-dtb) $(size_of guest-initrd)"
if [ "${magic:-}" != $((0x47505948)) ]; then
	fail sdcard/fit-stage-header "no HYPG magic"
elif [ "$image_size $dtb_size $initrd_size" != "$want" ]; then
	fail sdcard/fit-stage-header "sizes $image_size $dtb_size $initrd_size, not the loadables' $want"
else
	pass sdcard/fit-stage-header
fi

same sdcard/fit-guest-image "$work/guest-image.data" "$guest"
[ -z "$initrd" ] || same sdcard/fit-guest-initrd "$work/guest-initrd.data" "$initrd"
exit "$failed"
