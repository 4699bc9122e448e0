#!/usr/bin/env bash
# bench-boot.sh - how long does rxos take to boot? (a benchmark, not a test)
#
#   tools/bench-boot.sh [-n RUNS] [-p REGEX] [-t SECONDS] [--iso]
#
# Boots QEMU RUNS times (default 5) and prints, for each run and as the
# median, the wall-clock seconds from starting QEMU to the first console
# line matching REGEX (bash =~ syntax, matched against the line so far, so
# a prompt without a newline counts). Default REGEX: the kernel banner;
# once there is a shell, -p '^# ' times the way to the prompt.
#
#   default  qemu-system-i386 -kernel build/kernel.elf, as the integration
#            tests boot it (no firmware menu in the way)
#   --iso    build/rxos.iso through GRUB with an e1000, as `make run` does
#            (includes GRUB's 1 s menu timeout)
#
# QEMU runs under TCG here, so numbers compare runs on one machine only.
# Exit status 1 if a run times out (-t, default 60 s) without the line.
set -u
cd "$(dirname "$0")/.." || exit 1

runs=5
pattern='Linux version .*-rxos'
timeout=60
iso=0
usage() {
	sed -n '4p' "$0" | sed 's/^#  */usage: /' >&2
	exit 2
}
while [ $# -gt 0 ]; do
	case "$1" in
	-n) runs=${2:-}; shift ;;
	-p) pattern=${2:-}; shift ;;
	-t) timeout=${2:-}; shift ;;
	--iso) iso=1 ;;
	*) usage ;;
	esac
	shift
done
[[ $runs =~ ^[1-9][0-9]*$ && $timeout =~ ^[1-9][0-9]*$ ]] || usage

qemu=(qemu-system-i386 -m 256M -display none -no-reboot -monitor none
	-serial stdio -device isa-debug-exit,iobase=0xf4,iosize=0x04)
if [ $iso = 1 ]; then
	make -s --no-print-directory iso >&2 || exit 1
	qemu+=(-cdrom build/rxos.iso -boot d
		-netdev user,id=n0 -device e1000,netdev=n0)
else
	make -s --no-print-directory all >&2 || exit 1
	qemu+=(-kernel build/kernel.elf -initrd build/initramfs.cpio
		-append "console=ttyS0")
fi

# Seconds (bash's $EPOCHREALTIME) from the start of one QEMU to the line;
# prints the elapsed time, or fails after $timeout seconds of silence or in all.
time_one_boot() {
	local start line="" c found=1 deadline
	start=$EPOCHREALTIME
	deadline=$((${start%.*} + timeout))
	coproc QEMU { exec "${qemu[@]}" 2>&1; }
	while IFS= read -r -N 1 -t "$timeout" -u "${QEMU[0]}" c; do
		case "$c" in
		$'\r') continue ;;
		$'\n')
			line=""
			[ "${EPOCHREALTIME%.*}" -lt "$deadline" ] || break
			continue ;;
		esac
		line+=$c
		if [[ $line =~ $pattern ]]; then
			found=0
			break
		fi
	done
	local end=$EPOCHREALTIME
	kill "$QEMU_PID" 2>/dev/null
	wait "$QEMU_PID" 2>/dev/null
	[ $found = 0 ] && awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f\n", e - s }'
}

times=()
for i in $(seq "$runs"); do
	t=$(time_one_boot) || {
		echo "bench-boot: run $i: did not see /$pattern/ within ${timeout} s" >&2
		exit 1
	}
	echo "run $i: $t s"
	times+=("$t")
done
printf '%s\n' "${times[@]}" | sort -n | awk -v pat="$pattern" '
	{ t[NR] = $1 }
	END {
		m = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
		printf "median of %d: %.3f s (min %.3f, max %.3f) to /%s/\n",
		       NR, m, t[1], t[NR], pat
	}'
