#!/usr/bin/env bash
# install-deps.sh - install the Debian packages rxos needs to build, run and test.
#
# Called by `make` when a tool is missing, and by .ci/run. Idempotent: packages
# already present are skipped by apt-get. Uses sudo when not root.
set -eu

PKGS="build-essential gcc-multilib nasm binutils make cpio
qemu-system-x86 grub-pc-bin grub-common xorriso mtools
gdb python3 python3-pytest python3-scapy iproute2 tshark netcat-openbsd
qemu-user"

missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
		missing="$missing $p"
done
if [ -z "$missing" ]; then
	echo "install-deps: all packages present"
	exit 0
fi

SUDO=""
if [ "$(id -u)" != 0 ]; then
	SUDO=sudo
fi
echo "install-deps: installing:$missing"
export DEBIAN_FRONTEND=noninteractive
# tshark asks whether non-root users may capture; answer no without a prompt.
echo "wireshark-common wireshark-common/install-setuid boolean false" |
	$SUDO debconf-set-selections 2>/dev/null || true
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends $missing
