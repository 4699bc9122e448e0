"""TCP on the booted kernel against the host's Linux TCP (net/ipv4/tcp*.c),
driven by user/bin/tcptest in the guest and python sockets / scapy in the
peer namespace (netpeer.py).

Data is checked end to end: the guest echo server returns every byte
(compared on the host), the guest sender's pattern is regenerated on the
host and its FNV-1a hash compared, the host's data is hashed by the guest.
"""
import re
import subprocess
import time

import pytest

from netpeer import PYTHON, netpeer  # noqa: F401

PATTERN = """
def pattern(n):
    return bytes(((i * 131 + (i >> 11)) & 0xff) for i in range(n))
def fnv(data):
    h = 2166136261
    for b in data:
        h = ((h ^ b) * 16777619) & 0xffffffff
    return "%08x" % h
"""


def host_py(p, code, timeout=120):
    r = p.ns(PYTHON, "-c", "import socket, sys, time, hashlib\n" + PATTERN +
             code, timeout=timeout, check=False)
    assert r.returncode == 0, r.stdout + r.stderr
    return r.stdout


def tcp_row(p):
    return p.snmp()["Tcp"]


def netstat(p):
    rows, out = {}, {}
    for line in p.read("/proc/net/netstat").splitlines():
        name, rest = line.split(":", 1)
        if name in rows:
            out[name] = dict(zip(rows.pop(name), (int(v) for v in rest.split())))
        else:
            rows[name] = rest.split()
    return out


def echo_roundtrip(p, port, nbytes, timeout=120):
    return host_py(p, f"""
data = hashlib.sha256(b"seed").digest() * ({nbytes} // 32)
s = socket.create_connection(({p.guest_ip!r}, {port}), timeout=60)
import threading
got = bytearray()
def rd():
    while True:
        b = s.recv(65536)
        if not b: break
        got.extend(b)
t = threading.Thread(target=rd); t.start()
s.sendall(data); s.shutdown(socket.SHUT_WR)
t.join(); s.close()
print(len(data), len(got), hashlib.sha256(got).hexdigest() == hashlib.sha256(data).hexdigest())
""", timeout=timeout)


def test_host_connects_and_a_megabyte_echoes_back_intact(netpeer):
    p = netpeer()
    before = tcp_row(p)
    p.g.send("tcptest echo 5000 1\r")
    p.g.wait_for(r"listening on 5000")
    out = echo_roundtrip(p, 5000, 1 << 20)
    assert out.split() == [str(1 << 20), str(1 << 20), "True"], out
    p.g.wait_for(r"echoed 1048576", timeout=60)
    p.g.wait_for(r"# ")
    after = tcp_row(p)
    assert after["PassiveOpens"] - before["PassiveOpens"] == 1
    assert after["InErrs"] == before["InErrs"]


def test_guest_connects_and_sends_four_megabytes_checked_by_hash(netpeer):
    p = netpeer()
    n = 4 << 20
    srv = p.ns_popen(PYTHON, "-c", PATTERN + f"""
import socket
l = socket.socket(); l.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
l.bind(({p.host_ip!r}, 6000)); l.listen(1); l.settimeout(120)
print("ready", flush=True)
c, a = l.accept(); c.settimeout(120)
got = bytearray()
while True:
    b = c.recv(65536)
    if not b: break
    got.extend(b)
c.sendall(b"thanks"); c.close()
print(len(got), fnv(bytes(got)), bytes(got) == pattern({n}), flush=True)
""", stdout=subprocess.PIPE, text=True)
    try:
        assert srv.stdout.readline().strip() == "ready"
        before = tcp_row(p)
        out = p.sh(f"tcptest send {p.host_ip} 6000 {n}", timeout=300)
        m = re.search(r"sent (\d+) fnv (\w+) read (\d+)", out)
        assert m, out
        line = srv.stdout.readline().split()
        assert line == [str(n), m.group(2), "True"], line
        assert m.group(3) == "6"
        assert tcp_row(p)["ActiveOpens"] - before["ActiveOpens"] == 1
    finally:
        srv.kill()
        srv.wait()


def test_host_sends_four_megabytes_the_guest_hashes_them(netpeer):
    p = netpeer()
    n = 4 << 20
    p.g.send("tcptest sink 5001\r")
    p.g.wait_for(r"listening on 5001")
    out = host_py(p, f"""
data = pattern({n})
s = socket.create_connection(({p.guest_ip!r}, 5001), timeout=60)
s.sendall(data); s.close()
print(fnv(data))
""", timeout=300)
    m = p.g.wait_for(rb"got (\d+) fnv (\w+)", timeout=120)
    assert m.group(1) == str(n).encode()
    assert m.group(2).decode() == out.strip()


def test_closed_port_answers_rst_and_the_host_gets_econnrefused(netpeer):
    p = netpeer()
    before, drops = tcp_row(p), p.drop_reasons()
    out = host_py(p, f"""
s = socket.socket(); s.settimeout(10)
try:
    s.connect(({p.guest_ip!r}, 7)); print("connected")
except ConnectionRefusedError:
    print("refused")
""")
    assert out.strip() == "refused"
    assert tcp_row(p)["OutRsts"] - before["OutRsts"] == 1
    assert p.drop_reasons()["NO_SOCKET"] - drops.get("NO_SOCKET", 0) == 1


def test_guest_connect_to_a_closed_host_port_is_econnrefused(netpeer):
    p = netpeer()
    out = p.sh(f"tcptest connect {p.host_ip} 9", timeout=60)
    assert "connect: Connection refused" in out, out
    out = p.sh(f"tcptest nbconnect {p.host_ip} 9", timeout=60)
    assert "connect: Operation now in progress" in out, out
    assert "so_error Connection refused" in out, out


def test_twenty_concurrent_connections_all_echo(netpeer):
    p = netpeer()
    p.g.send("tcptest echo 5002 20\r")
    p.g.wait_for(r"listening on 5002")
    out = host_py(p, f"""
import threading
socks = [socket.create_connection(({p.guest_ip!r}, 5002), timeout=60) for _ in range(20)]
ok = []
def run(i, s):
    msg = (b"conn%02d-" % i) * 2000
    s.sendall(msg); s.shutdown(socket.SHUT_WR)
    got = b""
    while True:
        b = s.recv(65536)
        if not b: break
        got += b
    ok.append(got == msg)
ts = [threading.Thread(target=run, args=(i, s)) for i, s in enumerate(socks)]
[t.start() for t in ts]; [t.join() for t in ts]
print(len(ok), all(ok))
""", timeout=300)
    assert out.split() == ["20", "True"], out
    p.g.wait_for(r"# ", timeout=60)


def test_half_close_host_shuts_write_guest_still_sends(netpeer):
    p = netpeer()
    p.g.send("tcptest echo 5003 1\r")
    p.g.wait_for(r"listening on 5003")
    # the host sends, half-closes at once, then reads everything back:
    # the guest reads our FIN (CLOSE_WAIT) and keeps sending
    out = echo_roundtrip(p, 5003, 200000)
    assert out.split() == ["200000", "200000", "True"], out


def test_proc_net_tcp_shows_listener_and_connection_states(netpeer):
    p = netpeer()
    p.g.send("tcptest hold 5004 8 &\r")
    p.g.wait_for(r"listening on 5004")
    srv = p.ns_popen(PYTHON, "-c", f"""
import socket, time
s = socket.create_connection(({p.guest_ip!r}, 5004), timeout=30)
s.sendall(b"x" * 1000); time.sleep(20)
""")
    try:
        time.sleep(2)
        text = p.read("/proc/net/tcp")
        lines = text.splitlines()
        assert lines[0].startswith("  sl  local_address rem_address   st")
        assert all(len(l) == 149 for l in lines), [len(l) for l in lines]
        # 0.0.0.0:5004 LISTEN (0A), and the connection ESTABLISHED (01)
        assert re.search(r"00000000:138C 00000000:0000 0A", text), text
        assert re.search(r":138C [0-9A-F]{8}:[0-9A-F]{4} 01 00000000:000003E8", text), text
    finally:
        srv.kill()
        srv.wait()
    p.g.wait_for(rb"got 1000 ", timeout=60)


def test_listen_backlog_overflow_is_counted(netpeer):
    p = netpeer()
    before = netstat(p)["TcpExt"]
    p.g.send("tcptest backlog 5005 1 12\r")
    p.g.wait_for(r"listening on 5005")
    host_py(p, f"""
socks = []
for i in range(6):
    s = socket.socket(); s.setblocking(False)
    s.connect_ex(({p.guest_ip!r}, 5005)); socks.append(s)
time.sleep(4)
""")
    m = p.g.wait_for(rb"accepted (\d+)", timeout=60)
    assert 1 <= int(m.group(1)) <= 2  # backlog 1: Linux accepts backlog + 1
    after = netstat(p)["TcpExt"]
    assert after["ListenOverflows"] > before["ListenOverflows"]
    assert after["ListenDrops"] >= after["ListenOverflows"] - before["ListenOverflows"]


def _netem(p, spec):
    r = p.ns("tc", "qdisc", "add", "dev", p.tap, "root", "netem", *spec.split(),
             check=False)
    if r.returncode:
        pytest.skip("netem unavailable (sch_netem module?): " + r.stderr.strip())


def test_loss_delay_reorder_duplication_data_intact_and_retransmitted(netpeer):
    p = netpeer()
    _netem(p, "loss 10% delay 20ms reorder 25% duplicate 5%")
    before = tcp_row(p)
    n = 1 << 20
    p.g.send("tcptest sink 5006\r")
    p.g.wait_for(r"listening on 5006")
    t0 = time.monotonic()
    out = host_py(p, f"""
data = pattern({n})
s = socket.create_connection(({p.guest_ip!r}, 5006), timeout=60)
s.sendall(data); s.close()
print(fnv(data))
""", timeout=300)
    m = p.g.wait_for(rb"got (\d+) fnv (\w+)", timeout=300)
    assert m.group(1) == str(n).encode()
    assert m.group(2).decode() == out.strip()
    # the guest's own sending under loss: its RetransSegs must grow
    srv = p.ns_popen(PYTHON, "-c", PATTERN + f"""
import socket
l = socket.socket(); l.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
l.bind(({p.host_ip!r}, 6001)); l.listen(1); l.settimeout(200)
print("ready", flush=True)
c, a = l.accept(); c.settimeout(200)
got = bytearray()
while True:
    b = c.recv(65536)
    if not b: break
    got.extend(b)
c.close()
print(len(got), bytes(got) == pattern({n}), flush=True)
""", stdout=subprocess.PIPE, text=True)
    try:
        assert srv.stdout.readline().strip() == "ready"
        out = p.sh(f"tcptest send {p.host_ip} 6001 {n}", timeout=300)
        assert f"sent {n}" in out, out
        assert srv.stdout.readline().split() == [str(n), "True"]
    finally:
        srv.kill()
        srv.wait()
    assert time.monotonic() - t0 < 280
    assert tcp_row(p)["RetransSegs"] > before["RetransSegs"]


def test_no_skb_leak_after_connections(netpeer):
    p = netpeer()
    base = p.skb_live()
    p.g.send("tcptest echo 5007 3\r")
    p.g.wait_for(r"listening on 5007")
    for _ in range(3):
        out = echo_roundtrip(p, 5007, 50000)
        assert out.split()[2] == "True"
    p.g.wait_for(r"# ", timeout=30)
    assert p.skb_live_settled(base) == base
