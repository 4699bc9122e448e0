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


def background(p, command):
    """Start a guest command with & and wait until it has bound."""
    p.g.send(command + " &\r")
    p.g.wait_for(r"# ")
    time.sleep(1)


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


def test_poll_wakes_when_a_datagram_arrives_and_times_out_otherwise(netpeer):
    p = netpeer()
    p.g.send("udptest poll 5002 20000\r")
    p.g.wait_for(r"polling on 5002")
    time.sleep(0.5)
    host_py(p, f"""
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.sendto(b"wake", ({p.guest_ip!r}, 5002))
""")
    m = p.g.wait_for(r"poll (-?\d+) revents (0x[0-9a-f]+)")
    assert m.group(1) == b"1"
    assert int(m.group(2), 16) & 0x1  # POLLIN
    p.g.wait_for(r"read 4: wake")
    p.g.wait_for(r"# ")
    out = p.sh("udptest poll 5003 300")
    assert "poll 0 revents 0x0" in out, out


def test_proc_net_udp_lists_a_bound_socket_in_linux_layout(netpeer):
    p = netpeer()
    background(p, "udptest sink 5001 100000 4 > /tmp/sink.out")
    text = p.read("/proc/net/udp")
    lines = text.splitlines()
    assert lines[0].startswith("   sl  local_address rem_address   st "
                               "tx_queue rx_queue tr tm->when retrnsmt   uid"
                               "  timeout inode ref pointer drops")
    assert len(lines[0]) == 127, repr(lines[0])
    row = [l for l in lines[1:] if " 00000000:1389 " in l]
    assert row, text
    f = row[0].split()
    assert f[0] == f"{5001 % 256}:"
    assert f[2] == "00000000:0000" and f[3] == "07"  # unconnected: TCP_CLOSE
    assert f[4] == "00000000:00000000"
    assert int(f[9]) > 0  # inode
    assert len(row[0]) == 127
    time.sleep(4)


def test_guest_to_its_own_address_goes_through_the_stack(netpeer):
    p = netpeer()
    background(p, "udptest recv 5004 1 > /tmp/self.out")
    p.g.send(f"udptest send {p.guest_ip} 5004 to-myself\r")
    p.g.wait_for(r"sent 1")
    p.g.wait_for(r"Done")  # the backgrounded reader got it and exited
    p.g.wait_for(r"# ")
    got = p.read("/tmp/self.out")
    assert re.search(rf"from {re.escape(p.guest_ip)}:\d+ len 9: to-myself",
                     got), got


# ---- nc -u ---------------------------------------------------------------------


def test_nc_listener_prints_what_the_host_sends_and_answers_it(netpeer):
    p = netpeer()
    p.g.send("nc -u -l -v -w 5 -p 5005\r")
    p.g.wait_for(r"Bound on 0.0.0.0 5005")
    out = host_py(p, f"""
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(({p.host_ip!r}, 41000)); s.settimeout(20)
s.sendto(b"hello nc\\n", ({p.guest_ip!r}, 5005))
time.sleep(0.5)
print("ok")
""")
    assert out.strip() == "ok"
    p.g.wait_for(rf"Connection received on {re.escape(p.host_ip)} 41000")
    p.g.wait_for(r"hello nc")
    p.g.wait_for(r"# ", timeout=30)  # -w 5: idle, exits


def test_nc_client_sends_stdin_as_a_datagram(netpeer):
    p = netpeer()
    srv = p.ns_popen(PYTHON, "-c", f"""
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(({p.host_ip!r}, 6001)); s.settimeout(60)
print("ready", flush=True)
data, addr = s.recvfrom(2048)
s.sendto(b"reply\\n", addr)
print(repr(data), flush=True)
""", stdout=subprocess.PIPE, text=True)
    try:
        assert srv.stdout.readline().strip() == "ready"
        out = p.sh(f"echo ping-line | nc -u -w 2 {p.host_ip} 6001")
        assert "reply" in out, out
        assert srv.stdout.readline().strip() == repr(b"ping-line\n")
    finally:
        srv.kill()
        srv.wait()


def test_nc_without_u_or_with_a_bad_port_says_why(netpeer):
    p = netpeer()
    assert "only UDP (-u) is supported" in p.sh("nc 10.0.0.1 80")
    assert "port number invalid: 99999" in p.sh("nc -u 10.0.0.1 99999")
    assert "not a numeric IPv4 address" in p.sh("nc -u nosuchhost 80")


def test_ip_ttl_socket_option_sets_the_ttl_of_sent_datagrams(netpeer):
    p = netpeer()
    srv = p.ns_popen(PYTHON, "-c", f"""
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.setsockopt(socket.IPPROTO_IP, 12, 1)  # IP_RECVTTL
s.bind(({p.host_ip!r}, 6002)); s.settimeout(60)
print("ready", flush=True)
for _ in range(2):
    data, anc, flags, addr = s.recvmsg(100, 64)
    print(data.decode(), int.from_bytes(anc[0][2], "little"), flush=True)
""", stdout=subprocess.PIPE, text=True)
    try:
        assert srv.stdout.readline().strip() == "ready"
        p.sh(f"udptest send {p.host_ip} 6002 default")
        p.sh(f"udptest send {p.host_ip} 6002 seventeen 1 17")
        assert srv.stdout.readline().split() == ["default", "64"]
        assert srv.stdout.readline().split() == ["seventeen", "17"]
    finally:
        srv.kill()
        srv.wait()


def test_subnet_broadcast_reaches_a_wildcard_socket_without_icmp(netpeer):
    p = netpeer()
    bcast = p.subnet + ".255"
    p.g.send("udptest recv 5006 1\r")
    p.g.wait_for(r"listening on 5006")
    host_py(p, f"""
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
s.sendto(b"to-all", ({bcast!r}, 5006))
""")
    p.g.wait_for(rf"from {re.escape(p.host_ip)}:\d+ len 6: to-all")
    p.g.wait_for(r"# ")
    before = udp_row(p)
    host_py(p, f"""
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
s.sendto(b"nobody", ({bcast!r}, 5007))
time.sleep(0.5)
""")
    after = udp_row(p)
    assert after["IgnoredMulti"] - before["IgnoredMulti"] == 1
    assert after["NoPorts"] == before["NoPorts"]
