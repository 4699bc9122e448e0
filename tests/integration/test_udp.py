"""UDP sockets on the booted kernel (net/socket.c, net/core/sock.c,
net/ipv4/af_inet.c, net/ipv4/udp.c), driven by user/bin/udptest.

Without a peer: the socket calls' argument errors from a guest program.
With a Linux peer in a namespace (netpeer.py): datagrams both ways, ICMP
port unreachable for a closed port (and ECONNREFUSED on a connected
socket), a bad checksum dropped as UDP_CSUM, a full receive buffer counted.
"""
PROMPT = "# "


def shell(boot, cmdline="console=ttyS0 loglevel=4"):
    g = boot(cmdline)
    g.wait_for(PROMPT, timeout=120)
    return g


def test_socket_calls_reject_bad_arguments_as_linux(boot):
    g = shell(boot)
    g.send("udptest args\r")
    m = g.wait_for(r"udptest args: (\d+) failed", timeout=60)
    out = g.output
    assert "FAIL" not in out, out[-3000:]
    assert m.group(1) == b"0"
    for name in ("bind_ebadf", "bind_enotsock", "bind_efault",
                 "socket_bad_family", "socketcall_bad_call",
                 "socketcall_efault", "ioctl_fionread"):
        assert f"ok {name}" in out, name


# ---- with a Linux peer ------------------------------------------------------

import re  # noqa: E402
import subprocess  # noqa: E402
import time  # noqa: E402

from netpeer import PYTHON, netpeer  # noqa: E402,F401


def udp_row(p):
    return p.snmp()["Udp"]


def host_py(p, code, timeout=60):
    """A python snippet in the namespace (the host side); its stdout."""
    r = p.ns(PYTHON, "-c", "import socket, sys, time\n" + code,
             timeout=timeout, check=False)
    assert r.returncode == 0, r.stdout + r.stderr
    return r.stdout


def test_host_datagrams_reach_a_guest_reader_with_their_source(netpeer):
    p = netpeer()
    before = udp_row(p)
    p.g.send("udptest recv 5000 2\r")
    p.g.wait_for(r"listening on 5000")
    host_py(p, f"""
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(({p.host_ip!r}, 40123))
for m in (b"hello", b"second datagram"):
    s.sendto(m, ({p.guest_ip!r}, 5000)); time.sleep(0.2)
""")
    p.g.wait_for(rf"from {re.escape(p.host_ip)}:40123 len 5: hello")
    p.g.wait_for(rf"from {re.escape(p.host_ip)}:40123 len 15: second datagram")
    p.g.wait_for(r"# ")
    after = udp_row(p)
    assert after["InDatagrams"] - before["InDatagrams"] == 2
    assert after["InErrors"] == before["InErrors"]


def test_guest_datagram_reaches_a_host_socket(netpeer):
    p = netpeer()
    srv = p.ns_popen(PYTHON, "-c", f"""
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(({p.host_ip!r}, 6000)); s.settimeout(60)
print("ready", flush=True)
data, addr = s.recvfrom(2048)
print(data.decode(), addr[0], addr[1] >= 32768 and addr[1] <= 60999, flush=True)
""", stdout=subprocess.PIPE, text=True)
    try:
        assert srv.stdout.readline().strip() == "ready"
        before = udp_row(p)
        out = p.sh(f"udptest send {p.host_ip} 6000 hi-from-rxos")
        assert "sent 1" in out
        line = srv.stdout.readline().split()
        assert line == ["hi-from-rxos", p.guest_ip, "True"], line
        assert udp_row(p)["OutDatagrams"] - before["OutDatagrams"] == 1
    finally:
        srv.kill()
        srv.wait()


def test_closed_guest_port_answers_icmp_port_unreachable(netpeer):
    p = netpeer()
    before, drops = udp_row(p), p.drop_reasons()
    out = host_py(p, f"""
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.connect(({p.guest_ip!r}, 7)); s.settimeout(10)
s.send(b"anyone?")
try:
    s.recv(100); print("data")
except ConnectionRefusedError:
    print("refused")
""")
    assert out.strip() == "refused"
    after = udp_row(p)
    assert after["NoPorts"] - before["NoPorts"] == 1
    assert p.drop_reasons()["NO_SOCKET"] - drops.get("NO_SOCKET", 0) == 1


def test_icmp_port_unreachable_gives_econnrefused_on_a_connected_guest_socket(
        netpeer):
    p = netpeer()
    out = p.sh(f"udptest refused {p.host_ip} 9", timeout=60)
    assert "recv: Connection refused" in out, out


def test_bad_checksum_is_dropped_as_udp_csum_and_counted(netpeer):
    p = netpeer()
    before, drops = udp_row(p), p.drop_reasons()
    p.scapy("""
pkt = Ether(dst=GUEST_MAC)/IP(src=HOST_IP, dst=GUEST_IP)/UDP(sport=1234, dport=5000, chksum=0x1234)/b"corrupt"
sendp(pkt, iface=IFACE)
time.sleep(0.5)
""".replace("time.sleep", "__import__('time').sleep"))
    time.sleep(1)
    after = udp_row(p)
    assert after["InCsumErrors"] - before["InCsumErrors"] == 1
    assert after["InErrors"] - before["InErrors"] == 1
    assert after["NoPorts"] == before["NoPorts"]  # checked before lookup
    assert p.drop_reasons()["UDP_CSUM"] - drops.get("UDP_CSUM", 0) == 1


def test_full_receive_buffer_drops_are_counted(netpeer):
    p = netpeer()
    before, drops = udp_row(p), p.drop_reasons()
    p.g.send("udptest sink 5001 1 6\r")
    p.g.wait_for(r"ready rcvbuf (\d+)")
    host_py(p, f"""
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for i in range(10):
    s.sendto(b"x" * 1000, ({p.guest_ip!r}, 5001)); time.sleep(0.05)
""")
    drained = int(p.g.wait_for(r"drained (\d+)", timeout=60).group(1))
    p.g.wait_for(r"# ")
    after = udp_row(p)
    assert 1 <= drained < 10
    lost = 10 - drained
    assert after["RcvbufErrors"] - before["RcvbufErrors"] == lost
    assert after["InErrors"] - before["InErrors"] == lost
    assert p.drop_reasons()["SOCKET_RCVBUFF"] - drops.get("SOCKET_RCVBUFF", 0) \
        == lost
