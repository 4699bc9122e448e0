"""echod (user/bin/echod.c), the epoll echo server, with a real Linux peer.

`echod -u 7` in the guest sleeps in epoll_wait on one UDP socket; a Linux
socket in the test's namespace sends datagrams to port 7 and must get each
one back, from port 7. Every datagram therefore takes the whole receive
spine up to stage 14 - NIC, NAPI, ip_rcv, udp_rcv, sock_def_readable,
ep_poll_callback - and wakes epoll_wait (see the walk in echod.c's header).
"""
import re

from netpeer import PYTHON, netpeer  # noqa: F401
from test_userland import run as guest_run, shell

MESSAGES = [b"hello", b"x" * 1400, b"third and last"]


def host_echo_client(p, messages, timeout=10):
    """Send each message to guest port 7 from a namespace socket; return
    what came back and from where, one line per message."""
    code = f"""
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(({p.host_ip!r}, 40007)); s.settimeout({timeout})
for m in {messages!r}:
    s.sendto(m, ({p.guest_ip!r}, 7))
    data, addr = s.recvfrom(65536)
    print(data == m, len(data), addr[0], addr[1], flush=True)
"""
    r = p.ns(PYTHON, "-c", code, timeout=120, check=False)
    assert r.returncode == 0, r.stdout + r.stderr
    return r.stdout.splitlines()


def test_echod_udp_returns_every_datagram_to_its_sender(netpeer):
    p = netpeer()
    live = p.skb_live()
    before = p.snmp()["Udp"]
    p.g.send("echod -u -v -n 3 7\r")
    p.g.wait_for(r"echod: udp port 7 ready")
    lines = host_echo_client(p, MESSAGES)
    assert lines == [f"True {len(m)} {p.guest_ip} 7" for m in MESSAGES], lines
    for m in MESSAGES:
        p.g.wait_for(rf"echod: {len(m)} bytes echoed to "
                     rf"{re.escape(p.host_ip)}:40007")
    p.g.wait_for(r"echod: 3 datagrams echoed\r\n# ")
    after = p.snmp()["Udp"]
    assert after["InDatagrams"] - before["InDatagrams"] == 3
    assert after["OutDatagrams"] - before["OutDatagrams"] == 3
    assert after["InErrors"] == before["InErrors"]
    assert p.skb_live_settled(live) == live  # every skb freed


def test_echod_keeps_serving_in_the_background(netpeer):
    """Two rounds against one long-running echod: its epoll set stays
    armed between wakeups (level-triggered, drained with EAGAIN)."""
    p = netpeer()
    p.g.send("echod -u 7 &\r")
    p.g.wait_for(r"echod: udp port 7 ready")
    for _ in range(2):
        lines = host_echo_client(p, [b"ping", b"pong"])
        assert lines == [f"True 4 {p.guest_ip} 7"] * 2, lines


def test_echod_refuses_bad_arguments(boot):
    # (echod's TCP path now meets a real TCP; its peer test is still to come)
    g = shell(boot)
    assert "usage: echod" in guest_run(g, "echod -u")
    assert guest_run(g, "echod -u 70000").strip() == "echod: bad port: 70000"
