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
