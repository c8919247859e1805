# shellcheck shell=bash disable=SC2154 # the variables the caller sets (below)
# Several guests at once, staged for the hypervisor from the user's
# configuration: sourced by scripts/run-qemu.sh after stage-lib.sh, not run.
#
# The configuration is a device-tree source (configs/guests/*.dts): one node
# per guest under the root, named as the guest (at most 15 characters):
#   image = "hello";        a test guest (GUEST_DIR/<name>.elf), "linux" (the Debian kernel
#                           `make` fetches, with its device tree and our initramfs unless
#                           dtb/initrd say otherwise: --linux), or a file's path
#   dtb, initrd, bootargs   optional, as DTB, INITRD and APPEND for one guest
#   ram-size = <0x2000000>; its RAM, whole MiB; it sees it at the board's RAM base
#   ram-host = <0x80000000>; the host memory behind it
#   priority = <1>;         higher runs first (default 1)
#   budget-ms, period-ms    optional: it runs at most budget-ms in every period-ms
#   hard-budget;            out of budget it waits for its next period even if the core idles
#   restarts = <2>;         after a stop (a crash) it is loaded and started again, at most
#                           this many times (default 0: it stays stopped); a reset it asks for
#                           always starts it again, as the board would
#   devices;                it owns the board's devices (its console UART is the real one);
#                           the others' console is an emulated UART, their lines on the
#                           hypervisor's console as "<name>| <text>"
# The hypervisor checks what this stages (hyp/guest_config.h) before it
# loads any guest: overlapping RAM, two owners of the devices and the like
# are refused there, with the guest named.
#
# stage_guests CONFIG sets stage_blob, a file of the whole staging area's
# contents (the directory, then each guest's header, image, device tree and
# initrd) to load at $stage. The caller sets stage, stage_size, guest_dir,
# guest_ram (BASE:... for the board's RAM base), work (a directory for
# temporary files) and linux (KERNEL,DTB,INITRD for image "linux", or empty).

# The hypervisor's tick (hyp/main.c HYP_TICK_HZ): budgets and periods are counted in ticks.
GUEST_TICK_MS=10
GUEST_DIR_MAGIC=0x53505948      # "HYPS"
GUEST_OWNS_DEVICES=1
GUEST_HARD_BUDGET=2
GUEST_NAME_SIZE=16

# cfg_u32 NODE PROPERTY DEFAULT: a one-cell property, or DEFAULT when it is absent.
cfg_u32() {
	local v
	if v=$(fdtget -t u "$cfg_dtb" "/$1" "$2" 2>/dev/null); then
		case "$v" in *' '*|'') die "guest '$1': '$2' must be one number" ;; esac
		echo "$v"
	elif [ -n "$3" ]; then
		echo "$3"
	else
		die "guest '$1': '$2' is missing"
	fi
}

# cfg_ticks NODE PROPERTY: a time in ms (default 0), in the hypervisor's ticks.
cfg_ticks() {
	local ms
	ms=$(cfg_u32 "$1" "$2" 0) || exit 2
	[ $((ms % GUEST_TICK_MS)) -eq 0 ] || die "guest '$1': $2 must be a multiple of $GUEST_TICK_MS (the hypervisor's tick)"
	echo $((ms / GUEST_TICK_MS))
}

# cfg_str NODE PROPERTY: a string property, or nothing.
cfg_str() {
	fdtget -t s "$cfg_dtb" "/$1" "$2" 2>/dev/null
}

# cfg_flag NODE PROPERTY: true if the property is there.
cfg_flag() {
	fdtget -l -p "$cfg_dtb" "/$1" 2>/dev/null | grep -qx "$2"
}

# blob_put OFFSET FILE: FILE's bytes at OFFSET in the stage blob.
blob_put() {
	dd if="$2" of="$stage_blob" bs=4096 seek=$(($1 / 4096)) conv=notrunc status=none ||
		die "cannot write the staging area"
}

stage_guests() {
	local node name image offset=4096 entries=() count=0 flags budget period page=4096 base
	local ram_base_arg=${guest_ram%%:*} words linux_dtb linux_initrd ram_size_cfg ram_host priority restarts
	[ -f "$1" ] || die "guest configuration '$1' does not exist"
	cfg_dtb=$work/guests.dtb stage_blob=$work/stage.bin
	dtc -q -I dts -O dtb -o "$cfg_dtb" "$1" || die "guest configuration '$1' is not a valid device-tree source (dtc says so above)"
	: > "$stage_blob"
	for node in $(fdtget -l "$cfg_dtb" /); do
		name=$node
		[ ${#name} -lt $GUEST_NAME_SIZE ] || die "guest '$name': names have at most $((GUEST_NAME_SIZE - 1)) characters"
		image=$(cfg_str "$node" image) || die "guest '$name': no image"
		dtb=$(cfg_str "$node" dtb) initrd=$(cfg_str "$node" initrd) append=$(cfg_str "$node" bootargs)
		case "$image" in
		*/*) guest=$image ;;
		linux)
			[ -n "$linux" ] || die "guest '$name': image \"linux\" but no --linux KERNEL,DTB,INITRD"
			IFS=, read -r guest linux_dtb linux_initrd <<< "$linux"
			dtb=${dtb:-$linux_dtb} initrd=${initrd:-$linux_initrd} ;;
		*) guest=$guest_dir/$image.elf ;;
		esac
		need_file "guest '$name': image" "$guest"
		[ -z "$dtb" ] || need_file "guest '$name': device tree" "$dtb"
		if [ -n "$initrd" ]; then
			need_file "guest '$name': initrd" "$initrd"
			check_initrd "$initrd"
		fi
		# cfg_u32 and cfg_ticks run in a subshell: its die() ends only that, so each status is checked.
		ram_size_cfg=$(cfg_u32 "$node" ram-size "") && ram_host=$(cfg_u32 "$node" ram-host "") &&
			priority=$(cfg_u32 "$node" priority 1) && restarts=$(cfg_u32 "$node" restarts 0) || exit 2
		guest_ram=$ram_base_arg:$ram_size_cfg
		flags=0
		cfg_flag "$node" devices && flags=$((flags | GUEST_OWNS_DEVICES))
		cfg_flag "$node" hard-budget && flags=$((flags | GUEST_HARD_BUDGET))
		budget=$(cfg_ticks "$node" budget-ms) && period=$(cfg_ticks "$node" period-ms) || exit 2
		# Its files: stage_layout places them from its own page on, checked against what is left.
		base=$stage
		stage=$((base + offset)) stage_size=$((stage_size - offset))
		stage_layout "$work/$name.dtb"
		stage=$base stage_size=$((stage_size + offset))
		le32 "${header[@]}" > "$work/header.bin"
		blob_put "$offset" "$work/header.bin"
		blob_put $((image_at - stage)) "$guest"
		[ -z "$dtb" ] || blob_put $((dtb_at - stage)) "$dtb"
		[ -z "$initrd" ] || blob_put $((initrd_stage_at - stage)) "$initrd"
		local end=$(((initrd_stage_at - stage + initrd_size + page - 1) / page * page))
		# struct guest_dir_entry: name, stage offset and size, RAM host address, priority, budget,
		# period, flags, restarts.
		entries+=("$name" "$offset" $((end - offset)) "$ram_host" "$priority" "$budget" "$period" "$flags"
			  "$restarts")
		offset=$end count=$((count + 1))
	done
	[ "$count" -gt 0 ] || die "guest configuration '$1' has no guest"
	{
		le32 "$GUEST_DIR_MAGIC" "$count"
		set -- "${entries[@]}"
		while [ $# -gt 0 ]; do
			printf '%s' "$1"
			head -c $((GUEST_NAME_SIZE - ${#1})) /dev/zero
			shift
			words=("$@")
			le32 "${words[@]:0:8}"
			shift 8
		done
	} > "$work/dir.bin"
	dd if="$work/dir.bin" of="$stage_blob" conv=notrunc status=none || die "cannot write the guest directory"
}
