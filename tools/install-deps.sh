#!/usr/bin/env bash
# install-deps.sh - install what rxos needs to build, run, debug and test.
#
#   tools/install-deps.sh           install what is missing (Debian 12, Ubuntu)
#   tools/install-deps.sh --check   only report; exit 1 when something is missing
#
# Called by `make` when its quick check finds a tool missing, and by .ci/run.
# Idempotent: when everything is there it says "all packages present" and
# changes nothing. Uses sudo when not run as root, and prints the apt-get
# command before running it.
#
# Two kinds of check, because either alone can lie: dpkg says which Debian
# packages are installed, and the functional checks ask the tools themselves
# (gcc -m32 can link, /usr/bin/python3 imports pytest) - a package can be
# installed while PATH or a virtualenv hides it, and on a distribution
# without dpkg only the functional checks apply.
set -u

# The packages, under the names Debian 12 and Ubuntu 22.04/24.04 both use
# (Ubuntu: python3-scapy is in "universe"). ipxe-qemu holds the e1000 option
# ROM that QEMU refuses to start without.
PKGS="build-essential gcc-multilib nasm binutils make cpio
qemu-system-x86 ipxe-qemu grub-pc-bin grub-common xorriso mtools
gdb python3 python3-pytest python3-scapy iproute2 tshark netcat-openbsd
iputils-ping
qemu-user"

# command -> the package that provides it, for the functional check.
TOOLS="gcc:gcc-multilib ld:binutils nm:binutils make:make nasm:nasm
cpio:cpio qemu-system-i386:qemu-system-x86 grub-mkrescue:grub-common
xorriso:xorriso mformat:mtools gdb:gdb tshark:tshark nc:netcat-openbsd
ip:iproute2 ping:iputils-ping"

say() { echo "install-deps: $*"; }

# Debian packages not installed (empty on a system without dpkg).
missing_packages() {
	command -v dpkg-query >/dev/null 2>&1 || return 0
	for p in $PKGS; do
		dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null |
			grep -q "install ok installed" || echo "$p"
	done
}

# Commands, 32-bit toolchain and Python modules that do not work, one
# "package: reason" line each.
broken_tools() {
	local t tmp
	for t in $TOOLS; do
		command -v "${t%%:*}" >/dev/null 2>&1 ||
			echo "${t#*:}: command ${t%%:*} not found"
	done
	[ -d /usr/lib/grub/i386-pc ] ||
		echo "grub-pc-bin: no BIOS GRUB (/usr/lib/grub/i386-pc) for grub-mkrescue"
	tmp=$(mktemp -d) || return 0
	echo 'int main(void) { return 0; }' > "$tmp/m32.c"
	gcc -m32 "$tmp/m32.c" -o "$tmp/m32" >/dev/null 2>&1 ||
		echo "gcc-multilib: gcc -m32 cannot link a program"
	rm -rf "$tmp"
	[ -x /usr/bin/python3 ] || { echo "python3: /usr/bin/python3 missing"; return 0; }
	/usr/bin/python3 -c 'import pytest' >/dev/null 2>&1 ||
		echo "python3-pytest: /usr/bin/python3 cannot import pytest"
	/usr/bin/python3 -c 'import scapy' >/dev/null 2>&1 ||
		echo "python3-scapy: /usr/bin/python3 cannot import scapy"
}

# Everything missing, as a unique package list; reasons go to stderr.
missing_all() {
	local broken
	broken=$(broken_tools)
	[ -n "$broken" ] && printf '%s\n' "$broken" | sed 's/^/install-deps:   /' >&2
	{ missing_packages; printf '%s\n' "$broken" | sed -n 's/^\([^:]*\):.*/\1/p'; } |
		sort -u | tr '\n' ' ' | sed 's/ $//'
}

apt_install() {
	local sudo=""
	if [ "$(id -u)" != 0 ]; then
		command -v sudo >/dev/null 2>&1 || {
			say "not root and no sudo; as root run: apt-get install $*"
			return 1
		}
		sudo=sudo
	fi
	# tshark asks whether non-root users may capture; answer no, no prompt.
	echo "wireshark-common wireshark-common/install-setuid boolean false" |
		$sudo debconf-set-selections 2>/dev/null || true
	say "running: ${sudo:+sudo }apt-get update && ${sudo:+sudo }apt-get install -y $*"
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
		$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			--no-install-recommends "$@" < /dev/null
}

main() {
	local missing
	missing=$(missing_all)
	if [ -z "$missing" ]; then
		say "all packages present"
		return 0
	fi
	say "missing: $missing"
	if [ "${1:-}" = "--check" ]; then
		return 1
	fi
	if ! command -v apt-get >/dev/null 2>&1; then
		say "no apt-get: install the equivalents of the packages above by hand"
		return 1
	fi
	# shellcheck disable=SC2086 # one word per package
	apt_install $missing || { say "apt-get failed"; return 1; }
	missing=$(missing_all)
	if [ -n "$missing" ]; then
		say "still missing after install: $missing"
		return 1
	fi
	say "all packages present"
}

case "${1:-}" in
"" | --check) main "$@" ;;
*)
	echo "usage: $0 [--check]" >&2
	exit 2
	;;
esac
