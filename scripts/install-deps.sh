#!/usr/bin/env bash
# Install the Debian packages the build, the tests and `make run` need, if any
# is missing. Uses sudo when not root; says clearly what to do when it cannot.
set -u

# package : how we tell it is there
checks=(
	"gcc-arm-none-eabi:command -v arm-none-eabi-gcc"
	"libnewlib-arm-none-eabi:test -f /usr/lib/arm-none-eabi/lib/libc.a"
	"qemu-system-arm:command -v qemu-system-arm"
	"device-tree-compiler:command -v fdtput"
	"python3-kconfiglib:/usr/bin/python3 -c 'import kconfiglib'"
	"gcc-arm-linux-gnueabihf:command -v arm-linux-gnueabihf-gcc"
	"libc6-dev-armhf-cross:test -f /usr/arm-linux-gnueabihf/lib/libc.a"
	"u-boot-tools:command -v mkimage"
	"u-boot-qemu:test -f /usr/lib/u-boot/qemu_arm/u-boot.bin"
	"mtools:command -v mcopy"
	"gnuplot-nox:command -v gnuplot"
	"gcc:command -v gcc"
	"make:command -v make"
)

missing=()
for entry in "${checks[@]}"; do
	pkg=${entry%%:*}
	test_cmd=${entry#*:}
	bash -c "$test_cmd" >/dev/null 2>&1 || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-deps: missing Debian packages: ${missing[*]}"
if ! command -v apt-get >/dev/null 2>&1; then
	echo "install-deps: no apt-get here; install the packages above by hand (Debian/Ubuntu names)." >&2
	exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
	sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	sudo=(sudo -n)
elif command -v sudo >/dev/null 2>&1 && [ -t 0 ]; then
	sudo=(sudo)
else
	echo "install-deps: need root to install them; run: sudo apt-get install ${missing[*]}" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q || { echo "install-deps: apt-get update failed" >&2; exit 1; }
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" ||
	{ echo "install-deps: apt-get install failed" >&2; exit 1; }
