#!/usr/bin/env bash
# Fetch Debian's armhf packages the default Linux guest needs, without touching
# the machine's dpkg configuration: apt runs with a private state and cache
# directory (APT::Architecture=armhf) and the machine's own sources and keys,
# so every package is verified as apt verifies it (signed Release, hashes).
#
#   fetch-debian.sh CACHE_DIR
#
# Leaves in CACHE_DIR/root the unpacked packages (boot/vmlinuz-*,
# usr/lib/linux-image-*/*.dtb, bin/busybox) and CACHE_DIR/linux.env naming
# the kernel version. Once that file exists nothing is fetched again: a second
# run needs no network (remove CACHE_DIR to fetch the archive's newest).
set -euo pipefail

cache=${1:?usage: fetch-debian.sh CACHE_DIR}
packages=(linux-image-armmp busybox-static)

[ -f "$cache/linux.env" ] && exit 0

die() { echo "fetch-debian: $*" >&2; exit 1; }
for tool in apt-get apt-cache dpkg-deb; do
	command -v "$tool" >/dev/null || die "'$tool' not found: this needs a Debian machine"
done

mkdir -p "$cache"
cache=$(cd "$cache" && pwd)
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

# Resolve the metapackage to the kernel of the archive's current ABI.
kernel_pkg=$(apt-cache "${apt_opts[@]}" depends linux-image-armmp 2>/dev/null |
	sed -n 's/^ *Depends: \(linux-image-[0-9][^ ]*-armmp\)$/\1/p' | head -n 1)
[ -n "$kernel_pkg" ] || die "no armhf linux-image-armmp in the package lists (network? see $apt_dir/update.log)"
apt-cache "${apt_opts[@]}" show busybox-static >/dev/null 2>&1 || die "no armhf busybox-static in the package lists"

echo "fetch-debian: downloading $kernel_pkg and busybox-static (armhf)" >&2
rm -f "$cache/debs"/*.deb
(cd "$cache/debs" && apt-get "${apt_opts[@]}" download "$kernel_pkg" busybox-static) >&2 ||
	die "apt-get download failed"

rm -rf "$cache/root.tmp"
mkdir -p "$cache/root.tmp"
for deb in "$cache/debs"/*.deb; do
	dpkg-deb -x "$deb" "$cache/root.tmp" || die "cannot unpack $deb"
done
version=${kernel_pkg#linux-image-}
[ -f "$cache/root.tmp/boot/vmlinuz-$version" ] || die "$kernel_pkg has no /boot/vmlinuz-$version"
[ -x "$cache/root.tmp/bin/busybox" ] || die "busybox-static has no /bin/busybox"
rm -rf "$cache/root"
mv "$cache/root.tmp" "$cache/root"
printf 'LINUX_VERSION=%s\n' "$version" > "$cache/linux.env.tmp"
mv "$cache/linux.env.tmp" "$cache/linux.env"
echo "fetch-debian: kernel $version and busybox ready in $cache/root" >&2
