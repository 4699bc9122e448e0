"""Raw IPv4 sockets (net/ipv4/raw.c) on the booted kernel, through the
guest's ping (user/bin/ping.c, a SOCK_RAW IPPROTO_ICMP socket) against a
Linux peer in a namespace (netpeer.py). Each test checks the iputils-style
summary, the exit status and that no skb was leaked."""
import re

from netpeer import netpeer  # noqa: F401 (fixture)


def guest_ping(p, args, timeout=60):
    out = p.sh(f"ping {args}; echo rc=$?", timeout=timeout)
    rc = int(re.search(r"rc=(\d+)", out).group(1))
    return out, rc


def test_ping_the_peer_three_replies(netpeer):
    p = netpeer()
    live = p.skb_live()
    out, rc = guest_ping(p, f"-c 3 {p.host_ip}")
    assert rc == 0, out
    assert re.search(rf"64 bytes from {re.escape(p.host_ip)}: icmp_seq=1 "
                     r"ttl=64 time=", out), out
    assert "3 packets transmitted, 3 received, 0% packet loss" in out, out
    assert "sl  local_address rem_address" in p.read("/proc/net/raw")
    assert p.skb_live_settled(live) == live


def test_fragmented_ping_3000_bytes(netpeer):
    p = netpeer()
    live = p.skb_live()
    out, rc = guest_ping(p, f"-c 2 -s 3000 {p.host_ip}")
    assert rc == 0, out
    assert "3008 bytes from" in out, out
    assert "2 packets transmitted, 2 received, 0% packet loss" in out, out
    assert p.skb_live_settled(live) == live


def test_ping_nobody_is_total_loss_exit_1(netpeer):
    p = netpeer()
    live = p.skb_live()
    nobody = p.host_ip.rsplit(".", 1)[0] + ".77"
    out, rc = guest_ping(p, f"-c 2 -W 1 {nobody}", timeout=90)
    assert rc == 1, out
    assert "2 packets transmitted, 0 received" in out, out
    assert "100% packet loss" in out, out
    assert p.skb_live_settled(live) == live


def test_raw_socket_argument_errors(netpeer):
    p = netpeer()
    live = p.skb_live()
    out = p.sh("rawtest")
    assert "FAIL" not in out, out
    assert "rawtest: 0 failed" in out, out
    for name in ("socket_raw_icmp", "socket_raw_proto0", "sendto_short_addr",
                 "send_no_destination", "recv_dontwait_empty"):
        assert f"ok {name}" in out, out
    assert p.skb_live_settled(live) == live
