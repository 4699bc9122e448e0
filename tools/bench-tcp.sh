#!/usr/bin/env bash
# bench-tcp.sh - bulk TCP throughput between the host's Linux TCP and rxos
# over a tap (a benchmark, not a test).
#
#   tools/bench-tcp.sh [-m MEGABYTES] [MODEL ...]     (default: 16, e1000 rtl8139)
#
# For each NIC model: boots rxos behind a tap in a fresh namespace (the
# netpeer fixture of the integration tests, so root is needed), then
#   host->guest  the namespace sends MEGABYTES to `tcptest sink` in the guest
#   guest->host  `tcptest send` in the guest to a python sink in the namespace
# and prints MB/s for each (wall clock of the transfer, data checked by hash).
# Over QEMU's user networking (hostfwd) it is not measured yet.
# QEMU runs under TCG here: numbers compare runs on one machine only.
set -u
cd "$(dirname "$0")/.." || exit 1
mb=16
if [ "${1:-}" = "-m" ]; then
	mb=$2
	shift 2
fi
models=("$@")
[ ${#models[@]} -eq 0 ] && models=(e1000 rtl8139)
make -s >/dev/null || exit 1
exec /usr/bin/python3 - "$mb" "${models[@]}" <<'PY'
import os, re, subprocess, sys, time
sys.path.insert(0, "tests/integration")
from conftest import Guest, INITRAMFS
from netpeer import NetPeer, PYTHON

mb, models = int(sys.argv[1]), sys.argv[2:]
n = mb << 20
for model in models:
    p = NetPeer(model)
    try:
        p.start(lambda cmdline, extra: Guest(cmdline, extra, "256M", INITRAMFS))
        p.g.send("tcptest sink 5100\r")
        p.g.wait_for(r"listening on 5100")
        t0 = time.monotonic()
        p.ns(PYTHON, "-c", f"""
import socket
s = socket.create_connection(({p.guest_ip!r}, 5100)); b = bytes(65536)
for _ in range({n} // 65536): s.sendall(b)
s.close()
""", timeout=600)
        p.g.wait_for(rf"got {n} ", timeout=600)
        dt = time.monotonic() - t0
        print(f"{model:8s} host->guest {mb} MB in {dt:.2f} s: {mb / dt:.2f} MB/s", flush=True)
        p.g.wait_for(r"# ")
        srv = p.ns_popen(PYTHON, "-c", f"""
import socket
l = socket.socket(); l.bind(({p.host_ip!r}, 6100)); l.listen(1)
print("ready", flush=True); c, a = l.accept(); t = 0
while True:
    b = c.recv(65536)
    if not b: break
    t += len(b)
print(t, flush=True)
""", stdout=subprocess.PIPE, text=True)
        srv.stdout.readline()
        t0 = time.monotonic()
        p.sh(f"tcptest send {p.host_ip} 6100 {n}", timeout=600)
        got = srv.stdout.readline().strip()
        dt = time.monotonic() - t0
        srv.wait()
        print(f"{model:8s} guest->host {mb} MB in {dt:.2f} s: {mb / dt:.2f} MB/s"
              f"{'' if got == str(n) else ' (INCOMPLETE: ' + got + ')'}", flush=True)
    finally:
        p.close()
PY
