#!/usr/bin/env bash
# Fetch Debian's armhf packages the default Linux guest and the BeagleBoard's
# SD card need, without touching the machine's dpkg configuration: apt runs
# with a private state and cache directory (APT::Architecture=armhf) and the
# machine's own sources and keys, so every package is verified as apt
# verifies it (signed Release, hashes).
#
#   fetch-debian.sh CACHE_DIR
#
# Leaves in CACHE_DIR/root the unpacked packages (boot/vmlinuz-*,
# usr/lib/linux-image-*/*.dtb, bin/busybox from linux-image-armmp and
# busybox-static; usr/lib/u-boot/omap3_beagle/MLO and u-boot.img from
# u-boot-omap), CACHE_DIR/linux.env naming the kernel version and
# CACHE_DIR/u-boot-omap.env naming u-boot-omap's. What those files name is
# not fetched again: once both exist a run needs no network (remove
# CACHE_DIR to fetch the archive's newest). A cache that has the kernel but
# not the boot loader (from before it was fetched) gets u-boot-omap alone,
# its kernel kept. Exit status: 0 when everything is there, 1 when not.
set -euo pipefail

cache=${1:?usage: fetch-debian.sh CACHE_DIR}

[ -f "$cache/linux.env" ] && [ -f "$cache/u-boot-omap.env" ] && exit 0

die() { echo "fetch-debian: $*" >&2; exit 1; }
for tool in apt-get apt-cache dpkg-deb; do
	command -v "$tool" >/dev/null || die "'$tool' not found: this needs a Debian machine"
done

mkdir -p "$cache"
cache=$(cd "$cache" && pwd)
# Without the kernel, root is unpacked anew: the boot loader too.
with_kernel=0
if [ ! -f "$cache/linux.env" ]; then
	with_kernel=1
	rm -f "$cache/u-boot-omap.env"
fi
apt_dir=$cache/apt
mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$cache/debs"
: > "$apt_dir/status"
apt_opts=(-q -o APT::Architecture=armhf -o APT::Architectures::=armhf
	-o Dir::State="$apt_dir" -o Dir::State::Lists="$apt_dir/lists"
	-o Dir::State::status="$apt_dir/status" -o Dir::Cache="$apt_dir/cache"
	-o Debug::NoLocking=1)
# apt drops privileges to _apt for downloads, which cannot write our directory.
[ "$(id -u)" -eq 0 ] && apt_opts+=(-o APT::Sandbox::User=root)

echo "fetch-debian: reading Debian's armhf package lists (private apt state in $apt_dir)" >&2
if ! apt-get "${apt_opts[@]}" update >"$apt_dir/update.log" 2>&1; then
	# One unreachable or half-synced suite is not fatal if the packages are still known.
	grep -E '^(E|W):' "$apt_dir/update.log" >&2 || true
	echo "fetch-debian: apt-get update reported errors; using the lists it did get" >&2
fi

packages=()
if [ "$with_kernel" = 1 ]; then
	# Resolve the metapackage to the kernel of the archive's current ABI.
	kernel_pkg=$(apt-cache "${apt_opts[@]}" depends linux-image-armmp 2>/dev/null |
		sed -n 's/^ *Depends: \(linux-image-[0-9][^ ]*-armmp\)$/\1/p' | head -n 1)
	[ -n "$kernel_pkg" ] || die "no armhf linux-image-armmp in the package lists (network? see $apt_dir/update.log)"
	packages+=("$kernel_pkg" busybox-static)
fi
packages+=(u-boot-omap)
for pkg in "${packages[@]}"; do
	apt-cache "${apt_opts[@]}" show "$pkg" >/dev/null 2>&1 || die "no armhf $pkg in the package lists"
done

# Downloaded apart, so that only these are unpacked; kept in debs afterwards.
echo "fetch-debian: downloading ${packages[*]} (armhf)" >&2
rm -rf "$cache/debs.new"
mkdir -p "$cache/debs.new"
(cd "$cache/debs.new" && apt-get "${apt_opts[@]}" download "${packages[@]}") >&2 ||
	die "apt-get download failed"

rm -rf "$cache/root.tmp"
mkdir -p "$cache/root.tmp"
for deb in "$cache/debs.new"/*.deb; do
	dpkg-deb -x "$deb" "$cache/root.tmp" || die "cannot unpack $deb"
done
for file in MLO u-boot.img; do
	[ -f "$cache/root.tmp/usr/lib/u-boot/omap3_beagle/$file" ] ||
		die "u-boot-omap has no /usr/lib/u-boot/omap3_beagle/$file"
done
uboot_version=$(dpkg-deb -f "$cache/debs.new"/u-boot-omap_*.deb Version)
if [ "$with_kernel" = 1 ]; then
	version=${kernel_pkg#linux-image-}
	[ -f "$cache/root.tmp/boot/vmlinuz-$version" ] || die "$kernel_pkg has no /boot/vmlinuz-$version"
	[ -x "$cache/root.tmp/bin/busybox" ] || die "busybox-static has no /bin/busybox"
	rm -f "$cache/debs"/*.deb
	rm -rf "$cache/root"
	mv "$cache/root.tmp" "$cache/root"
else
	cp -a "$cache/root.tmp/." "$cache/root/" || die "cannot add u-boot-omap to $cache/root"
	rm -rf "$cache/root.tmp"
	rm -f "$cache/debs"/u-boot-omap_*.deb
fi
mv "$cache/debs.new"/*.deb "$cache/debs/"
rmdir "$cache/debs.new"
printf 'UBOOT_OMAP_VERSION=%s\n' "$uboot_version" > "$cache/u-boot-omap.env.tmp"
mv "$cache/u-boot-omap.env.tmp" "$cache/u-boot-omap.env"
if [ "$with_kernel" = 1 ]; then
	printf 'LINUX_VERSION=%s\n' "$version" > "$cache/linux.env.tmp"
	mv "$cache/linux.env.tmp" "$cache/linux.env"
	echo "fetch-debian: kernel $version and busybox ready in $cache/root" >&2
fi
echo "fetch-debian: u-boot-omap $uboot_version (omap3_beagle MLO, u-boot.img) ready in $cache/root" >&2
