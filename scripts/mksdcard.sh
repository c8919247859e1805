#!/usr/bin/env bash
# Write a BeagleBoard (TI OMAP3) SD-card image that boots the hypervisor and
# its guest through Debian's U-Boot (u-boot-omap, omap3_beagle).
#
#   mksdcard.sh --hyp HYP.elf --guest IMAGE [--dtb FILE] [--initrd FILE] [--append ARGS]
#               --guest-ram BASE:SIZE[M|G] --stage ADDR --stage-size SIZE
#               --machine-dtb FILE --mlo MLO --uboot-img u-boot.img --fit-addr ADDR
#               --out IMAGE
#
# The image has an MBR with one partition, bootable, FAT32 (LBA, type 0x0C),
# from sector 2048 (1 MiB) on, 64 MiB long. Its root directory holds, in
# this order:
#   MLO         U-Boot's SPL, which the OMAP3 boot ROM loads from the card's
#               first FAT partition (older ROMs want it first in the root
#               directory, so the file system has no volume label entry);
#   u-boot.img  U-Boot, which the SPL loads from the same partition;
#   boot.scr    a U-Boot script, which U-Boot's distro boot finds on mmc 0:1:
#               it loads hyp.itb to --fit-addr (U-Boot's loadaddr,
#               0x82000000) and boots it with bootm;
#   hyp.itb     a FIT (scripts/stage-lib.sh): the hypervisor as its kernel,
#               --machine-dtb (the device tree U-Boot itself would pass, the
#               board's) as its fdt, and as loadables the stage header, the
#               guest image, its device tree (prepared as scripts/run-qemu.sh
#               prepares it: /memory for --guest-ram, --append, the initrd)
#               and the initrd, at their places in the staging area.
# Exit status: 0 when IMAGE is written, 2 when it is not (bad usage or
# inputs, a tool failed); IMAGE is then left as it was.
set -u

hyp="" guest="" dtb="" initrd="" append="" guest_ram="" stage="" stage_size=""
machine_dtb="" mlo="" uboot_img="" fit_addr="" out=""
while [ $# -gt 0 ]; do
	case "$1" in
	--hyp) hyp=$2; shift 2 ;;
	--guest) guest=$2; shift 2 ;;
	--dtb) dtb=$2; shift 2 ;;
	--initrd) initrd=$2; shift 2 ;;
	--append) append=$2; shift 2 ;;
	--guest-ram) guest_ram=$2; shift 2 ;;
	--stage) stage=$2; shift 2 ;;
	--stage-size) stage_size=$2; shift 2 ;;
	--machine-dtb) machine_dtb=$2; shift 2 ;;
	--mlo) mlo=$2; shift 2 ;;
	--uboot-img) uboot_img=$2; shift 2 ;;
	--fit-addr) fit_addr=$2; shift 2 ;;
	--out) out=$2; shift 2 ;;
	*) echo "mksdcard.sh: unknown argument '$1'" >&2; exit 2 ;;
	esac
done

die() { echo "mksdcard.sh: $*" >&2; exit 2; }
# shellcheck source=scripts/stage-lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/stage-lib.sh"
work=""
trap '[ -z "$work" ] || rm -rf "$work"' EXIT

# number OPTION VALUE: VALUE must be a number (decimal or 0x hexadecimal).
number() {
	[[ "$2" =~ ^(0x[0-9a-fA-F]+|[0-9]+)$ ]] || die "$1 '$2' is not a number"
}

for option in hyp guest guest-ram stage stage-size machine-dtb mlo uboot-img fit-addr out; do
	var=${option//-/_}
	[ -n "${!var}" ] || die "--$option is required"
done
need_file "hypervisor image" "$hyp"
need_file "guest image" "$guest"
[ -z "$dtb" ] || need_file "device tree" "$dtb"
if [ -n "$initrd" ]; then
	need_file initrd "$initrd"
	check_initrd "$initrd"
fi
need_file "machine device tree" "$machine_dtb"
fdtget "$machine_dtb" / compatible >/dev/null 2>&1 ||
	die "machine device tree '$machine_dtb' is not a valid flattened device tree"
need_file MLO "$mlo"
need_file u-boot.img "$uboot_img"
number --stage "$stage"
number --stage-size "$stage_size"
number --fit-addr "$fit_addr"
for tool in mkimage mformat mcopy python3; do
	command -v "$tool" >/dev/null || die "'$tool' not found (scripts/install-deps.sh installs it)"
done

work=$(mktemp -d)
stage_layout "$work/guest-prepared.dtb"
fit_dir=$work/fit
mkdir "$fit_dir" || die "cannot create $fit_dir"
# U-Boot's CONFIG_SYS_BOOTM_LEN (8 MiB on omap3_beagle, the Kconfig default) does
# not limit the guest's kernel and initrd in this FIT. In U-Boot 2023.01 only the
# OS image, the configuration's kernel (here the hypervisor), is held to it:
# bootm_load_os (boot/bootm.c) hands it to image_decomp (boot/image.c), which
# refuses an uncompressed image only when it is longer (checked below). The
# loadables are loaded by boot_get_loadable (boot/image-board.c) through
# fit_image_load (boot/image-fit.c), which copies uncompressed data to its load
# address as it is, whatever its size (a compressed one would be unpacked to at
# most 20 times its size); it refuses only a loadable that would overwrite the
# FIT itself ("Error: ... overwritten"), checked below too.
write_fit "$machine_dtb"
bootm_len=$((8 << 20))
hyp_size=$(stat -c %s "$fit_dir/hyp.bin")
[ "$hyp_size" -le "$bootm_len" ] ||
	die "hypervisor image ($hyp_size bytes) is larger than U-Boot's CONFIG_SYS_BOOTM_LEN ($bootm_len bytes)"
fit_end=$((fit_addr + $(stat -c %s "$fit_dir/hyp.itb")))
[ "$fit_end" -le $((stage)) ] || [ $((fit_addr)) -ge $((stage + stage_size)) ] ||
	die "the FIT at $fit_addr ($((fit_end - fit_addr)) bytes) overlaps the staging area"
[ "$fit_end" -le $((hyp_load)) ] || [ $((fit_addr)) -ge $((hyp_load + hyp_size)) ] ||
	die "the FIT at $fit_addr ($((fit_end - fit_addr)) bytes) overlaps the hypervisor at $hyp_load"

fit_at=$(printf 0x%08x "$fit_addr")
cat > "$work/boot.cmd" <<EOF
echo "boot.scr: loading hyp.itb from mmc 0:1 to $fit_at"
if load mmc 0:1 $fit_at hyp.itb; then
	echo "boot.scr: bootm $fit_at#hypervisor"
	bootm $fit_at#hypervisor
	echo "boot.scr: bootm returned: U-Boot did not start the hypervisor"
else
	echo "boot.scr: cannot load hyp.itb from mmc 0:1"
fi
EOF
mkimage -A arm -O linux -T script -C none -n "boot the hypervisor" \
	-d "$work/boot.cmd" "$work/boot.scr" >/dev/null || die "mkimage could not build boot.scr"

# The card: 1 MiB for the MBR (and alignment), then the FAT32 partition.
part_start=2048 part_sectors=$((64 << 11))
image=$work/sdcard.img
truncate -s $(((part_start + part_sectors) * 512)) "$image" || die "cannot create $image"
python3 - "$image" "$part_start" "$part_sectors" <<'EOF' || die "cannot write the MBR"
import struct, sys

path, start, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])

def chs(lba):
    """Cylinder, head, sector of LBA in the usual geometry (255 heads, 63 sectors a track)."""
    cylinder, rest = divmod(lba, 255 * 63)
    if cylinder > 1023:
        return bytes([254, 255, 255])
    head, sector = divmod(rest, 63)
    return bytes([head, (cylinder >> 2 & 0xc0) | (sector + 1), cylinder & 0xff])

# One partition: bootable, FAT32 with LBA (0x0c); the other three entries stay empty.
entry = bytes([0x80]) + chs(start) + bytes([0x0c]) + chs(start + count - 1) + struct.pack('<II', start, count)
with open(path, 'r+b') as disk:
    disk.seek(446)
    disk.write(entry)
    disk.seek(510)
    disk.write(b'\x55\xaa')
EOF
at="$image@@$((part_start * 512))"
mformat -i "$at" -F -h 255 -s 63 -H "$part_start" -T "$part_sectors" :: ||
	die "mformat could not make the FAT file system"
for file in "$mlo:MLO" "$uboot_img:u-boot.img" "$work/boot.scr:boot.scr" "$fit_dir/hyp.itb:hyp.itb"; do
	mcopy -i "$at" "${file%:*}" "::/${file##*:}" || die "cannot copy ${file##*:} to the FAT partition"
done
mv -f "$image" "$out" || die "cannot write '$out'"
echo "mksdcard.sh: $out written (FIT at $fit_at: hypervisor at $hyp_load, guest staged at $(printf 0x%08x "$stage"))" >&2
