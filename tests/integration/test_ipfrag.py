"""IPv4 fragments, ICMP and forwarding against a real Linux peer.

The peer is a network namespace behind a tap (netpeer.py). Big pings make
both sides fragment: the guest reassembles the request (ip_defrag) and
fragments its reply (ip_do_fragment). Hostile fragments come from scapy;
each test asserts the named drop reason in /proc/net/drop_reasons, the
counters in /proc/net/snmp, that the guest still answers, and that no skb
was leaked (/proc/net/skb_stats). The 30 s reassembly timeout is shortened
through /proc/sys/net/ipv4/ipfrag_time, as one would on Linux.
"""
import re
import time

import pytest

from netpeer import netpeer, netpeer_models  # noqa: F401 (fixtures)


def counters(p):
    return p.snmp(), p.drop_reasons()


def delta(before, after, row, name):
    return after[row].get(name, 0) - before[row].get(name, 0)


def dropped(before, after, reason):
    return after.get(reason, 0) - before.get(reason, 0)


def still_answers(p, baseline_live):
    ok, out = p.ping(count=2)
    assert ok, out
    assert p.skb_live_settled(baseline_live) == baseline_live


def test_big_ping_reassembled_and_answered_in_fragments(netpeer_models):
    p = netpeer_models()
    live = p.skb_live()
    s0 = p.snmp()
    r = p.ns("ping", "-c", "3", "-s", "4000", "-W", "5", "-i", "0.5",
             p.guest_ip, check=False, timeout=60)
    assert r.returncode == 0, r.stdout
    assert "3 received" in r.stdout
    s1 = p.snmp()
    # 4008 bytes of ICMP in 1500-byte frames: 3 fragments each way
    assert delta(s0, s1, "Ip", "ReasmOKs") == 3
    assert delta(s0, s1, "Ip", "ReasmReqds") == 9
    assert delta(s0, s1, "Ip", "FragOKs") == 3
    assert delta(s0, s1, "Ip", "FragCreates") == 9
    assert delta(s0, s1, "Ip", "ReasmFails") == 0
    assert delta(s0, s1, "Icmp", "OutEchoReps") == 3
    assert p.skb_live_settled(live) == live


def test_largest_ping_65507_bytes(netpeer):
    p = netpeer()
    live = p.skb_live()
    r = p.ns("ping", "-c", "1", "-s", "65507", "-W", "20", p.guest_ip,
             check=False, timeout=90)
    assert r.returncode == 0, r.stdout
    assert p.skb_live_settled(live) == live


# scapy: one echo request split by hand, so each rule can be broken.
FRAGS = """
def echo_payload(n, ident):  # an echo request of n bytes, checksum right
    body = (bytes(range(256)) * (n // 256 + 1))[:n - 8]
    return bytes(ICMP(type=8, id=ident, seq=1) / Raw(body))
def frag(ident, off, data, mf, proto=1):
    return IP(src=HOST_IP, dst=GUEST_IP, id=ident, proto=proto,
              flags="MF" if mf else 0, frag=off // 8) / Raw(data)
"""


# scapy: the ICMP messages the guest sends while `action` runs (and `wait`
# seconds after).
SNIFF = """
import time
def sniff_during(action, wait):
    t = AsyncSniffer(iface=IFACE, filter="icmp and src host " + GUEST_IP)
    t.start()
    time.sleep(1)
    action()
    time.sleep(wait)
    return [r for r in t.stop() if ICMP in r]
"""


def test_overlapping_fragments_discard_the_datagram(netpeer):
    p = netpeer()
    live = p.skb_live()
    s0, d0 = counters(p)
    p.scapy(FRAGS + """
data = echo_payload(64, 0x4242)
send(frag(0x4242, 0, data[:32], True))
send(frag(0x4242, 24, data[24:], False))   # over bytes 24..31
""")
    s1, d1 = counters(p)
    assert dropped(d0, d1, "IP_FRAG_OVERLAP") == 2
    assert delta(s0, s1, "Ip", "ReasmFails") == 1
    assert delta(s0, s1, "Ip", "ReasmOKs") == 0
    assert delta(s0, s1, "Icmp", "OutEchoReps") == 0
    still_answers(p, live)


def test_duplicate_fragment_is_ignored_and_datagram_completes(netpeer):
    p = netpeer()
    live = p.skb_live()
    s0, d0 = counters(p)
    p.scapy(FRAGS + """
data = echo_payload(64, 0x4343)
send(frag(0x4343, 0, data[:32], True))
send(frag(0x4343, 0, data[:32], True))
send(frag(0x4343, 32, data[32:], False))
""")
    s1, d1 = counters(p)
    assert dropped(d0, d1, "DUP_FRAG") == 1
    assert delta(s0, s1, "Ip", "ReasmOKs") == 1
    assert delta(s0, s1, "Icmp", "OutEchoReps") == 1
    still_answers(p, live)


def test_tiny_tcp_fragment_at_offset_8_is_refused(netpeer):
    p = netpeer()
    live = p.skb_live()
    s0, d0 = counters(p)
    p.scapy(FRAGS + """
send(frag(0x4444, 0, b"\\x12\\x34\\x00\\x50" + bytes(4), True, proto=6))
send(frag(0x4444, 8, bytes(32), False, proto=6))
""")
    s1, d1 = counters(p)
    assert dropped(d0, d1, "IP_FRAG_OVERLAP") == 2
    assert delta(s0, s1, "Ip", "ReasmFails") == 1
    still_answers(p, live)


def test_odd_sized_fragment_with_mf_is_refused(netpeer):
    p = netpeer()
    live = p.skb_live()
    s0, d0 = counters(p)
    p.scapy(FRAGS + """
send(frag(0x4545, 0, echo_payload(13, 0x4545), True))
""")
    s1, d1 = counters(p)
    assert dropped(d0, d1, "IP_INHDR") == 1
    assert delta(s0, s1, "Ip", "ReasmFails") == 1
    still_answers(p, live)


def test_oversized_datagram_ping_of_death_is_refused(netpeer):
    p = netpeer()
    live = p.skb_live()
    s0, d0 = counters(p)
    p.scapy(FRAGS + """
data = echo_payload(1480, 0x4646)
send(frag(0x4646, 0, data, True))
send(frag(0x4646, 65528, bytes(64), False))   # ends past 65535
""")
    s1, d1 = counters(p)
    assert dropped(d0, d1, "PKT_TOO_BIG") == 2
    assert delta(s0, s1, "Ip", "ReasmFails") == 1
    still_answers(p, live)


def test_incomplete_datagram_times_out_with_icmp_time_exceeded(netpeer):
    p = netpeer()
    live = p.skb_live()
    p.sh("echo 2 > /proc/sys/net/ipv4/ipfrag_time")
    assert p.read("/proc/sys/net/ipv4/ipfrag_time").strip() == "2"
    s0, d0 = counters(p)
    out = p.scapy(FRAGS + SNIFF + """
data = echo_payload(64, 0x4747)
got = sniff_during(lambda: send(frag(0x4747, 0, data[:32], True)), 6)
for r in got:
    print("GOT", r[ICMP].type, r[ICMP].code, r[IPerror].id)
""").stdout
    # time exceeded, fragment reassembly, quoting our first fragment
    assert "GOT 11 1 18247" in out, out
    s1, d1 = counters(p)
    assert delta(s0, s1, "Ip", "ReasmTimeout") == 1
    assert delta(s0, s1, "Ip", "ReasmFails") == 1
    assert dropped(d0, d1, "FRAG_REASM_TIMEOUT") == 1
    assert delta(s0, s1, "Icmp", "OutTimeExcds") == 1
    still_answers(p, live)


def test_fragment_flood_is_capped_and_nothing_leaks(netpeer):
    p = netpeer()
    live = p.skb_live()
    p.sh("echo 2 > /proc/sys/net/ipv4/ipfrag_time")
    p.sh("echo 60000 > /proc/sys/net/ipv4/ipfrag_high_thresh")
    p.sh("echo 40000 > /proc/sys/net/ipv4/ipfrag_low_thresh")
    s0, d0 = counters(p)
    # 200 datagrams that never complete, a first fragment each
    p.scapy(FRAGS + """
pkts = [frag(0x5000 + i, 0, echo_payload(1024, 0x5000 + i), True)
        for i in range(200)]
sendp([Ether(dst=GUEST_MAC) / x for x in pkts], iface=IFACE)
""")
    s1, d1 = counters(p)
    assert dropped(d0, d1, "PROTO_MEM") > 0
    assert delta(s0, s1, "Ip", "ReasmReqds") == 200
    # the guest still reassembles and answers while under attack
    r = p.ns("ping", "-c", "1", "-s", "3000", "-W", "5", p.guest_ip,
             check=False)
    assert r.returncode == 0, r.stdout
    time.sleep(3)  # the rest time out
    s2, d2 = counters(p)
    assert delta(s0, s2, "Ip", "ReasmFails") == 200
    still_answers(p, live)


# ---- ICMP errors and their rate limit ----

def test_unknown_protocol_gets_protocol_unreachable(netpeer):
    p = netpeer()
    s0 = p.snmp()
    out = p.scapy(SNIFF + """
got = sniff_during(lambda: send(IP(dst=GUEST_IP, proto=253) / Raw(b"hello rxos")), 2)
for r in got:
    print("GOT", r[ICMP].type, r[ICMP].code, r[IPerror].proto)
""").stdout
    assert "GOT 3 2 253" in out, out
    s1 = p.snmp()
    assert delta(s0, s1, "Icmp", "OutDestUnreachs") == 1
    assert delta(s0, s1, "Ip", "InUnknownProtos") == 1


def test_icmp_errors_are_rate_limited_per_host(netpeer):
    p = netpeer()
    s0 = p.snmp()
    out = p.scapy(SNIFF + """
got = sniff_during(lambda: send([IP(dst=GUEST_IP, proto=253) / Raw(b"x" * 8)
                                 for _ in range(40)]), 2)
print("REPLIES", len([r for r in got if r[ICMP].type == 3]))
""").stdout
    n = int(re.search(r"REPLIES (\d+)", out).group(1))
    s1 = p.snmp()
    sent = delta(s0, s1, "Icmp", "OutDestUnreachs")
    limited = delta(s0, s1, "Icmp", "OutRateLimitHost")
    # a burst of 6, then one a second: far fewer than 40
    assert 6 <= n <= 9, out
    assert sent == n
    assert sent + limited == 40
    ok, _ = p.ping(count=3)  # echo replies are not limited
    assert ok


# ---- forwarding: one guest, an e1000 and an rtl8139, a namespace behind each

@pytest.fixture
def router(boot):
    """Guest with eth on each of two taps in two namespaces:
    nsA 10.x.1.1 <-> guest 10.x.1.2 | guest 10.x.2.2 <-> 10.x.2.1 nsB."""
    from netpeer import run, _need_tap
    import os
    _need_tap()
    tag = f"{os.getpid() % 100000}f"
    x = 100 + os.getpid() % 150
    sides = {"A": ("e1000", "52:54:00:aa:00:01", f"10.{x}.251"),
             "B": ("rtl8139", "52:54:00:bb:00:02", f"10.{x}.252")}
    made, g = [], None
    try:
        extra = []
        for i, (k, (model, mac, _)) in enumerate(sides.items()):
            tap = f"rxf{tag}{k}"
            run("ip", "tuntap", "add", "dev", tap, "mode", "tap")
            made.append(k)
            extra += ["-netdev", f"tap,id=n{i},ifname={tap},script=no,downscript=no",
                      "-device", f"{model},netdev=n{i},mac={mac}"]
        g = boot("console=ttyS0 loglevel=6", extra=extra)
        peer = type("R", (), {})()
        peer.g, peer._seq = g, 0
        from netpeer import NetPeer
        peer.sh = lambda c, timeout=60: NetPeer.sh(peer, c, timeout)
        g.wait_for("# ", timeout=180)
        out = peer.sh("ifconfig -a")
        for k, (model, mac, net) in sides.items():
            ns, tap = f"rxos-f{tag}{k}", f"rxf{tag}{k}"
            run("ip", "netns", "add", ns)
            run("ip", "link", "set", tap, "netns", ns)
            for c in (["ip", "addr", "add", f"{net}.1/24", "dev", tap],
                      ["ip", "link", "set", tap, "up"],
                      ["ip", "route", "add", "default", "via", f"{net}.2"]):
                run("ip", "netns", "exec", ns, *c)
            dev = [re.match(r"(eth\d)", b).group(1)
                   for b in re.split(r"\n\s*\n", out)
                   if mac in b.lower() and re.match(r"eth\d", b)][0]
            peer.sh(f"ifconfig {dev} {net}.2 netmask 255.255.255.0 up")
        peer.ns = {k: f"rxos-f{tag}{k}" for k in sides}
        peer.net = {k: sides[k][2] for k in sides}
        yield peer
    finally:
        if g:
            g.kill()
        for k in made:
            ns, tap = f"rxos-f{tag}{k}", f"rxf{tag}{k}"
            run("ip", "-n", ns, "tuntap", "del", "dev", tap, "mode", "tap",
                check=False)
            run("ip", "tuntap", "del", "dev", tap, "mode", "tap", check=False)
            run("ip", "netns", "del", ns, check=False)


def ns_ping(r, side, dst, *args):
    from netpeer import run
    return run("ip", "netns", "exec", r.ns[side], "ping", "-c", "3", "-i",
               "0.5", "-W", "5", *args, dst, check=False, timeout=60)


def test_forwarding_between_e1000_and_rtl8139(router):
    r = router
    dst = f"{r.net['B']}.1"
    off = ns_ping(r, "A", dst)
    assert "0 received" in off.stdout, off.stdout  # ip_forward is 0
    r.sh("echo 1 > /proc/sys/net/ipv4/ip_forward")
    assert r.sh("cat /proc/sys/net/ipv4/ip_forward").strip() == "1"
    r.sh("echo 7 > /proc/sys/net/ipv4/ip_forward")  # -EINVAL: unchanged
    assert r.sh("cat /proc/sys/net/ipv4/ip_forward").strip() == "1"
    on = ns_ping(r, "A", dst)
    assert on.returncode == 0 and "3 received" in on.stdout, \
        on.stdout + r.sh("cat /proc/net/snmp /proc/net/arp /proc/net/route")
    big = ns_ping(r, "B", f"{r.net['A']}.1", "-s", "3000")
    assert big.returncode == 0, big.stdout
    snmp = r.sh("cat /proc/net/snmp")
    names, vals = [l.split()[1:] for l in snmp.splitlines()
                   if l.startswith("Ip:")][:2]
    ip = dict(zip(names, map(int, vals)))
    assert ip["Forwarding"] == 1
    assert ip["ForwDatagrams"] >= 6 + 12  # 3 pings each way, big ones in 2+
    ttl1 = ns_ping(r, "A", dst, "-t", "1")
    assert re.search(rf"From {re.escape(r.net['A'])}\.2 icmp_seq=1 Time to "
                     r"live exceeded", ttl1.stdout), ttl1.stdout
