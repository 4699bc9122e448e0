"""IPv4 and ARP end to end: the guest against a real Linux peer.

Each test boots a guest whose eth0 is configured by ip= (netpeer.py: the
peer is 10.a.b.1 in a namespace, the guest 10.a.b.2) and talks to it from
the namespace: ping, ARP requests and replies made with scapy, and
deliberately broken IPv4 headers. What the guest did is read back from its
/proc files: /proc/net/arp, /proc/net/route, /proc/net/snmp,
/proc/net/netstat (IpExt), /proc/net/drop_reasons, /proc/net/skb_stats.
"""
import re
import subprocess
import time

import pytest

from netpeer import netpeer, netpeer_models  # noqa: F401  (fixtures)


def netstat(p):
    """/proc/net/netstat's IpExt row as a dict."""
    rows = [l.split() for l in p.read("/proc/net/netstat").splitlines()
            if l.startswith("IpExt:")]
    return dict(zip(rows[0][1:], (int(v) for v in rows[1][1:])))


def hexaddr(ip):
    """10.0.2.0 as /proc/net/route prints it: the raw value, 0002000A."""
    return "".join(f"{int(x):02X}" for x in reversed(ip.split(".")))


def test_ping_is_answered_on_both_nics(netpeer_models):
    p = netpeer_models()
    ok, out = p.ping(3)
    assert ok, out
    assert "3 received" in out, out
    snmp = p.snmp()
    assert snmp["Icmp"]["InEchos"] >= 3, snmp
    assert snmp["Icmp"]["OutEchoReps"] >= 3, snmp
    assert snmp["Ip"]["InDelivers"] >= 3, snmp
    host_mac = p.ns("cat", f"/sys/class/net/{p.tap}/address").stdout.strip()
    entry = p.arp_table()[p.host_ip]
    assert entry["mac"] == host_mac and entry["flags"] == "0x2", entry
    assert entry["hwtype"] == "0x1" and entry["dev"] == "eth0", entry


ARP_PROBE = """
r = srp1(Ether(dst="ff:ff:ff:ff:ff:ff")/ARP(op=1, pdst=TARGET, psrc=HOST_IP),
         iface=IFACE, timeout=3)
print("reply", r[ARP].hwsrc, r[ARP].psrc if r else "") if r else print("none")
"""


def arp_probe(p, target):
    out = p.scapy(f"TARGET={target!r}\n" + ARP_PROBE).stdout
    return out.split()


def test_arp_answers_for_its_own_address_only(netpeer):
    p = netpeer()
    assert arp_probe(p, p.guest_ip) == ["reply", p.mac, p.guest_ip]
    assert arp_probe(p, p.subnet + ".77") == ["none"]
    # the request taught the guest the asker's address (STALE: flags 0x2)
    host_mac = p.ns("cat", f"/sys/class/net/{p.tap}/address").stdout.strip()
    table = p.arp_table()
    assert table[p.host_ip]["mac"] == host_mac, table
    assert table[p.host_ip]["flags"] == "0x2", table
    assert p.subnet + ".77" not in table


def test_unsolicited_reply_creates_no_entry(netpeer):
    p = netpeer()
    stranger = p.subnet + ".50"
    p.scapy(f"""
sendp(Ether(dst=GUEST_MAC)/ARP(op=2, psrc={stranger!r}, hwsrc="02:00:00:00:00:50",
                              pdst=GUEST_IP, hwdst=GUEST_MAC), iface=IFACE, count=3)
""")
    assert arp_probe(p, p.guest_ip)[0] == "reply"  # it was processed by now
    assert stranger not in p.arp_table()


def test_unresolved_neighbour_gets_three_probes_then_fails(netpeer):
    """An echo request from an on-link address nobody owns: the guest's
    reply waits for ARP (INCOMPLETE, flags 0x0, zero address), three
    broadcast requests a second apart, then FAILED and the reply dropped
    as NEIGH_FAILED."""
    p = netpeer()
    ghost = p.subnet + ".99"
    drops0 = p.drop_reasons()
    sniff = p.ns_popen(
        "/usr/bin/python3", "-c",
        "from scapy.all import *\nconf.verb=0\n"
        f"pk=sniff(iface={p.tap!r}, timeout=8, lfilter=lambda x: ARP in x and "
        f"x[ARP].op==1 and x[ARP].pdst=={ghost!r})\nprint(len(pk))",
        stdout=subprocess.PIPE, text=True)
    try:
        time.sleep(1)
        p.scapy(f"sendp(Ether(dst=GUEST_MAC)/IP(src={ghost!r}, dst=GUEST_IP)"
                "/ICMP(), iface=IFACE)")
        time.sleep(0.5)
        row = p.arp_table().get(ghost)
        assert row and row["flags"] == "0x0" and \
            row["mac"] == "00:00:00:00:00:00", row
        probes = int(sniff.communicate(timeout=30)[0].strip())
    finally:
        sniff.kill()
        sniff.wait()
    assert probes == 3, probes
    assert p.drop_reasons()["NEIGH_FAILED"] - drops0["NEIGH_FAILED"] == 1
    assert p.arp_table()[ghost]["flags"] == "0x0"  # FAILED, still listed


BAD_HEADERS = """
def frame(ip_bytes):
    return Ether(dst=GUEST_MAC, type=0x0800)/Raw(ip_bytes)
good = bytes(IP(src=HOST_IP, dst=GUEST_IP)/ICMP())
def fix(b):                     # recompute the header checksum of bytes b
    ihl = (b[0] & 15) * 4
    b = bytearray(b); b[10:12] = b"\\0\\0"
    s = sum(int.from_bytes(b[i:i+2], "big") for i in range(0, min(ihl, len(b)) & ~1, 2))
    while s > 0xffff: s = (s & 0xffff) + (s >> 16)
    b[10:12] = (~s & 0xffff).to_bytes(2, "big"); return bytes(b)
b = bytearray(good); b[10] ^= 0xff                      # bad checksum
sendp(frame(bytes(b)), iface=IFACE)
b = bytearray(good); b[0] = 0x65                        # version 6
sendp(frame(fix(b)), iface=IFACE)
b = bytearray(good); b[0] = 0x44                        # ihl 4
sendp(frame(fix(b)), iface=IFACE)
b = bytearray(good); b[2:4] = (400).to_bytes(2, "big")  # tot_len > frame
sendp(frame(fix(b)), iface=IFACE)
b = bytearray(good); b[0] = 0x4f                        # ihl 15: header cut off
sendp(frame(bytes(b)), iface=IFACE)
"""


@pytest.mark.parametrize("model", ["e1000", "rtl8139"])
def test_bad_ipv4_headers_are_counted_drops_and_ping_survives(netpeer, model):
    p = netpeer(model)
    assert p.ping(1)[0]
    time.sleep(0.5)
    live0 = p.skb_live()
    drops0, snmp0, ext0 = p.drop_reasons(), p.snmp()["Ip"], netstat(p)
    p.scapy(BAD_HEADERS)
    time.sleep(0.5)
    drops, snmp, ext = p.drop_reasons(), p.snmp()["Ip"], netstat(p)
    d = {k: drops[k] - drops0[k] for k in drops if drops[k] != drops0[k]}
    assert d == {"IP_CSUM": 1, "IP_INHDR": 3, "PKT_TOO_SMALL": 1}, d
    assert snmp["InReceives"] - snmp0["InReceives"] == 5, snmp
    assert snmp["InHdrErrors"] - snmp0["InHdrErrors"] == 4, snmp
    assert ext["InCsumErrors"] - ext0["InCsumErrors"] == 1, ext
    assert ext["InTruncatedPkts"] - ext0["InTruncatedPkts"] == 1, ext
    ok, out = p.ping(3)
    assert ok, out
    assert p.skb_live_settled(live0) == live0
    # every rtable the packets took went with them (route.c's count)
    assert re.search(r"^live 0$", p.read("/proc/net/dst_stats"), re.M)


def test_proc_net_route_after_ip_config(netpeer):
    p = netpeer()
    lines = p.read("/proc/net/route").split("\n")
    head = ("Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\t"
            "Mask\t\tMTU\tWindow\tIRTT")
    assert lines[0] == head.ljust(127), repr(lines[0])
    assert lines[1] == (f"eth0\t00000000\t{hexaddr(p.host_ip)}\t0003\t0\t0\t0"
                        "\t00000000\t0\t0\t0").ljust(127), repr(lines[1])
    assert lines[2] == (f"eth0\t{hexaddr(p.subnet + '.0')}\t00000000\t0001\t0"
                        "\t0\t0\t00FFFFFF\t0\t0\t0").ljust(127), repr(lines[2])
    assert len(lines) == 3, lines
    # the log line Linux prints for ip=
    assert re.search(rf"IP-Config: Complete:\s*\n.*device=eth0, hwaddr={p.mac}, "
                     rf"ipaddr={p.guest_ip}, mask=255.255.255.0, gw={p.host_ip}",
                     p.g.output), p.g.output[-2000:]


def test_guest_reaches_an_off_link_host_through_the_gateway(netpeer):
    """Ping from a second address in the namespace behind the host (on lo
    there): the guest's reply leaves via its default route, so it ARPs for
    the gateway and the packet is addressed to the gateway's MAC."""
    p = netpeer()
    far = "192.0.2.7"
    p.ns("ip", "addr", "add", f"{far}/32", "dev", "lo")
    r = p.ns("ping", "-c", "2", "-W", "5", "-I", far, p.guest_ip, check=False)
    assert r.returncode == 0, r.stdout + r.stderr
    assert p.host_ip in p.arp_table()


def test_loopback_and_own_address_are_delivered_through_lo(netpeer):
    """127.0.0.1 is lo's (given at boot, as Linux's NETDEV_UP does) and
    the guest's own address routes through lo too: datagrams to either
    come back in through ip_rcv on lo. /proc/net/route shows neither
    (they are in the local table)."""
    p = netpeer()
    route = p.read("/proc/net/route")
    assert "lo\t" not in route and "0000007F" not in route
    p.sh("udptest recv 7000 2 > /tmp/u & true")
    p.sh("sleep 1")
    p.sh("udptest send 127.0.0.1 7000 hi")
    p.sh(f"udptest send {p.guest_ip} 7000 ho")
    out = p.sh("sleep 1; cat /tmp/u")
    assert re.search(r"from 127\.0\.0\.1:\d+ len 2: hi", out), out
    assert re.search(rf"from {re.escape(p.guest_ip)}:\d+ len 2: ho", out), out


def test_route_tool_shows_adds_and_deletes_routes(netpeer):
    p = netpeer()
    out = p.sh("route -n")
    assert out == (
        "Kernel IP routing table\n"
        "Destination     Gateway         Genmask         Flags Metric Ref    Use Iface\n"
        f"{'0.0.0.0':<15} {p.host_ip:<15} {'0.0.0.0':<15} UG    0      0        0 eth0\n"
        f"{p.subnet + '.0':<15} {'0.0.0.0':<15} {'255.255.255.0':<15} U     0      0        0 eth0"), out
    assert p.sh(f"route add -net 10.250.0.0 netmask 255.255.0.0 gw {p.host_ip} "
                "metric 5; echo rc=$?") == "rc=0"
    assert (f"10.250.0.0      {p.host_ip:<15} 255.255.0.0     UG    5      0        0 eth0"
            in p.sh("route -n"))
    assert f"\t0000FA0A\t{hexaddr(p.host_ip)}\t0003\t0\t0\t5\t0000FFFF" in \
        p.read("/proc/net/route")
    # the same route again; a gateway off every link; delete; delete again
    assert "SIOCADDRT: File exists" in p.sh(
        f"route add -net 10.250.0.0 netmask 255.255.0.0 gw {p.host_ip} metric 5")
    assert "SIOCADDRT: Network is unreachable" in p.sh(
        "route add -net 10.251.0.0 netmask 255.255.0.0 gw 172.31.0.1")
    assert p.sh("route del -net 10.250.0.0 netmask 255.255.0.0; echo rc=$?") == "rc=0"
    assert "No such process" in p.sh("route del -net 10.250.0.0 netmask 255.255.0.0")
    assert "10.250.0.0" not in p.sh("route -n")
    # route del default, then the peer can't reach a far address of ours
    assert p.sh("route del default; echo rc=$?") == "rc=0"
    assert "UG" not in p.sh("route -n")
    assert p.sh(f"route add default gw {p.host_ip}; echo rc=$?") == "rc=0"
    assert p.ping(1)[0]


def test_arp_tool_lists_sets_and_deletes_entries(netpeer):
    p = netpeer()
    assert p.ping(1)[0]
    host_mac = p.ns("cat", f"/sys/class/net/{p.tap}/address").stdout.strip()
    out = p.sh("arp -n")
    assert out == (
        "Address                  HWtype  HWaddress           Flags Mask            Iface\n"
        f"{p.host_ip:<23}  ether   {host_mac}   C                     eth0"), out
    static = p.subnet + ".9"
    assert p.sh(f"arp -s {static} 02:00:00:00:00:09; echo rc=$?") == "rc=0"
    assert (f"{static:<23}  ether   02:00:00:00:00:09   CM                    eth0"
            in p.sh("arp -n"))
    assert p.arp_table()[static]["flags"] == "0x6"
    assert p.sh(f"arp -d {static}; echo rc=$?") == "rc=0"
    assert static not in p.sh("arp -n")
    assert p.sh(f"arp -d {static}") == f"No ARP entry for {static}"
    # an entry we set is used: the guest's echo replies go to that MAC
    p.sh(f"arp -s {p.host_ip} 02:00:00:00:00:01")
    assert not p.ping(1)[0]
    p.sh(f"arp -s {p.host_ip} {host_mac}")
    assert p.ping(1)[0]


def test_make_run_default_cmdline_configures_qemu_user_networking(boot):
    """The Makefile's default CMDLINE (what `make run` boots) puts eth0 on
    QEMU's user network as 10.0.2.15/24 via 10.0.2.2. A datagram from the
    host through the port forward makes QEMU's gateway ARP for 10.0.2.15:
    the guest answers and learns the gateway, as /proc/net/arp shows."""
    import os
    import socket
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
    with open(os.path.join(root, "Makefile")) as f:
        cmdline = re.search(r"^CMDLINE \?= (.*)$", f.read(), re.M).group(1)
    assert "ip=10.0.2.15::10.0.2.2:255.255.255.0::eth0:off" in cmdline
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    g = boot(cmdline, extra=[
        "-netdev", f"user,id=n0,hostfwd=udp:127.0.0.1:{port}-:5555",
        "-device", "e1000,netdev=n0"])
    g.wait_for(r"IP-Config: Complete:[^\n]*\n[^\n]*device=eth0, hwaddr=52:54:00:12:34:56, "
               r"ipaddr=10\.0\.2\.15, mask=255\.255\.255\.0, gw=10\.0\.2\.2", 120)
    g.wait_for(r"# ", 120)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as u:
        u.sendto(b"hello", ("127.0.0.1", port))
    time.sleep(1)
    g.send("cat /proc/net/arp\r")
    g.wait_for(r"10\.0\.2\.2         0x1         0x2         52:55:0a:00:02:02     "
               r"\*      eth0", 30)
