"""NIC drivers end to end: e1000 and rtl8139 in QEMU behind a tap device.

Each test creates its own network namespace and tap (removed afterwards,
pass or fail), boots the guest with selftest=net_counters, moves the tap
into the namespace and injects frames there with nic_inject.py (scapy-built
frames, a raw socket). The guest's counters come back over the console:
the selftest prints them on 'c' (see drivers/net/net_selftest.c).

What the NIC model does matters for what can be asserted, so the tests say
it: QEMU pads short frames to 60 bytes before the NIC sees them (a runt
never reaches either driver as a runt); QEMU's e1000 drops frames over
1518 bytes itself and counts them in ROC, its rtl8139 hands them on; a
full e1000 ring makes QEMU stop reading the tap, so a flood's excess is
dropped by the host's tap queue, counted in its tx_dropped.
"""
import json
import os
import re
import subprocess

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
INJECT = os.path.join(HERE, "nic_inject.py")
PYTHON = "/usr/bin/python3"
FOREIGN = "02:00:00:00:00:99"
BROADCAST = "ff:ff:ff:ff:ff:ff"
BOOT_TIMEOUT = 180
_serial = [0]


def run(*args, check=True):
    return subprocess.run(args, check=check, capture_output=True, text=True)


def parse_kv(text):
    return {k: int(v) for k, v in re.findall(r"(\w+)=(\d+)", text)}


class Nic:
    """One guest with one NIC, its tap in a namespace of its own."""

    def __init__(self):
        _serial[0] += 1
        tag = f"{os.getpid() % 100000}{_serial[0]}"
        self.ns, self.tap, self.g = f"rxos-nic{tag}", f"rxn{tag}", None

    def start(self, boot, model, cmdline=""):
        run("ip", "tuntap", "add", "dev", self.tap, "mode", "tap")
        self.g = boot(
            "console=ttyS0 selftest=net_counters " + cmdline,
            extra=["-netdev",
                   f"tap,id=n0,ifname={self.tap},script=no,downscript=no",
                   "-device", f"{model},netdev=n0"])
        self.g.wait_for(r"net_counters: ready", timeout=BOOT_TIMEOUT)
        self.mac = re.search(r"eth0: .*?((?:[0-9a-f]{2}:){5}[0-9a-f]{2})",
                             self.g.output).group(1)
        # QEMU holds the tap open now; the namespace keeps the host's own
        # traffic (IPv6 autoconfiguration, daemons) off it.
        run("ip", "netns", "add", self.ns)
        run("ip", "link", "set", self.tap, "netns", self.ns)
        self.ip("sysctl", "-qw", f"net.ipv6.conf.{self.tap}.disable_ipv6=1")
        run("ip", "-n", self.ns, "link", "set", self.tap, "mtu", "9000", "up")

    def ip(self, *args):
        return run("ip", "netns", "exec", self.ns, *args)

    def close(self):
        """Guest, tap and namespace go, whatever state the test left."""
        if self.g:
            self.g.kill()
        # Delete the tap where it is: a persistent tap outlives its namespace
        # (it moves back to the root one, asynchronously).
        run("ip", "-n", self.ns, "tuntap", "del", "dev", self.tap, "mode",
            "tap", check=False)
        run("ip", "tuntap", "del", "dev", self.tap, "mode", "tap", check=False)
        run("ip", "netns", "del", self.ns, check=False)

    def send(self, dst, count=1, size=100, ethertype=0x88B5):
        out = self.ip(PYTHON, INJECT, "send", self.tap, dst, str(count),
                      str(size), hex(ethertype)).stdout
        return int(re.search(r"sent (\d+)", out).group(1))

    def cmd(self, c, timeout=60):
        self.g.send(c + "\n")  # the tty delivers whole lines
        self.g.wait_for(rf"net_counters: done {re.escape(c)}", timeout)

    def counters(self, timeout=60):
        """eth0's counters, the drop reasons and softnet_stat, as dicts."""
        self.g.send("c\n")
        m = self.g.wait_for(
            rb"(?s)net_counters: begin c.*?"
            rb"net_counters: eth0 ([^\r\n]*).*?net_counters: drops ([^\r\n]*)"
            rb".*?net_counters: softnet ([^\r\n]*).*?net_counters: done c",
            timeout)
        dev, drops, softnet = (parse_kv(x.decode()) for x in m.groups())
        return dev, drops, softnet

    def settle(self, timeout=120):
        """Counters once they stop moving (the guest drained its ring)."""
        prev = None
        for _ in range(int(timeout)):
            cur = self.counters()
            cur[0].pop("irqs")  # a moderation timer ticks on when idle
            if prev and cur[0] == prev[0]:
                return cur
            prev = cur
            subprocess.run(["sleep", "1"])
        pytest.fail("guest counters never settled")

    def host_tx(self):
        link = json.loads(run("ip", "-n", self.ns, "-s", "-j", "link", "show",
                              "dev", self.tap).stdout)[0]
        return link["stats64"]["tx"]


@pytest.fixture(params=["e1000", "rtl8139"])
def nic(request, boot):
    if os.geteuid() != 0 or not os.path.exists("/dev/net/tun"):
        pytest.skip("tap devices need root and /dev/net/tun")
    created = []

    def start(cmdline=""):
        n = Nic()
        created.append(n)  # cleaned up even if start() fails half way
        n.start(boot, request.param, cmdline)
        return n

    start.model = request.param
    yield start
    for n in created:
        n.close()


def test_filter_unicast_broadcast_foreign_and_promiscuous(nic):
    n = nic()
    base = n.counters()[0]["rx_packets"]
    assert n.send(n.mac, 20) == 20
    assert n.send(BROADCAST, 10) == 10
    assert n.send(FOREIGN, 15) == 15  # not for us: the NIC filters it
    dev = n.settle()[0]
    assert dev["rx_packets"] - base == 30, dev
    n.cmd("p")  # promiscuous: the NIC keeps foreign frames too
    n.send(FOREIGN, 15)
    dev = n.settle()[0]
    assert dev["promisc"] == 1 and dev["rx_packets"] - base == 45, dev
    n.cmd("P")
    n.send(FOREIGN, 15)
    n.send(n.mac, 5)
    dev = n.settle()[0]
    assert dev["promisc"] == 0 and dev["rx_packets"] - base == 50, dev


def test_runts_are_padded_and_oversized_frames_are_counted_drops(nic):
    n = nic()
    dev0, drops0, _ = n.counters()
    n.send(n.mac, 10, size=20)     # a runt; QEMU pads it to 60 bytes
    n.send(n.mac, 5, size=1516)    # over 1514: the driver drops it
    n.send(n.mac, 5, size=1600)    # over 1518: e1000's model drops it
    dev, drops, _ = n.settle()
    assert dev["rx_packets"] - dev0["rx_packets"] == 10, dev
    assert dev["rx_bytes"] - dev0["rx_bytes"] == 10 * 60, dev
    assert dev["rx_length_errors"] - dev0["rx_length_errors"] == 10, dev
    oversize = drops["rx_oversize"] - drops0["rx_oversize"]
    assert oversize == (5 if nic.model == "e1000" else 10), drops
    assert drops["rx_runt"] == drops0["rx_runt"]


def test_traffic_while_down_is_dropped_or_held_never_a_hang(nic):
    n = nic()
    base = n.counters()[0]["rx_packets"]
    n.cmd("d")
    dev = n.counters()[0]
    assert dev["up"] == 0 and dev["rx_packets"] == base
    n.send(n.mac, 20)
    drops0 = n.counters()[1]
    n.cmd("t")  # transmit while down: the core drops it, DEV_READY
    drops = n.counters()[1]
    assert drops["dev_ready"] - drops0["dev_ready"] == 1
    n.cmd("u")
    n.g.wait_for(r"eth0: (NIC Link is Up|link up)")
    mid = n.settle()[0]["rx_packets"]
    # rtl8139's model discards frames while its receiver is off; e1000's
    # stops reading the tap, so they wait in the host queue until up (all
    # but the first, which it drops).
    assert 0 <= mid - base <= (0 if nic.model == "rtl8139" else 20)
    n.send(n.mac, 10)
    assert n.settle()[0]["rx_packets"] - mid == 10


def test_transmit_reaches_the_host(nic):
    n = nic()
    sniff = subprocess.Popen(
        ["ip", "netns", "exec", n.ns, PYTHON, INJECT, "sniff", n.tap,
         "0x88b5", "20"], stdout=subprocess.PIPE, text=True)
    try:
        assert sniff.stdout.readline().strip() == "sniffing"
        n.cmd("t")
        line = sniff.stdout.readline().split()
        assert line[:2] == ["frame", n.mac] and int(line[2]) >= 60, line
    finally:
        sniff.kill()
        sniff.wait()
    assert n.settle()[0]["tx_packets"] == 1


def account(n, model, sent, before):
    """sent == received + dropped in the guest + dropped by the host."""
    dev, drops, _ = n.settle(timeout=300)
    host = n.host_tx()
    # Frames the NIC or driver lost; rx_dropped minus the stack's share
    # (core_rx_dropped: frames it received, then had no use for). QEMU's
    # rtl8139 counts a frame in MPC when the ring is full but then offers
    # the same frame again later: there MPC is not a loss.
    lost = ["rx_length_errors", "rx_dropped"]
    if model == "e1000":
        lost.append("rx_missed_errors")
    guest_drop = sum(dev[k] - before[0][k] for k in lost)
    guest_drop -= dev["core_rx_dropped"] - before[0]["core_rx_dropped"]
    got = dev["rx_packets"] - before[0]["rx_packets"]
    host_drop = host["dropped"] - before[1]["dropped"]
    assert got + guest_drop + host_drop == sent, (got, guest_drop, host_drop)
    return got, guest_drop, host_drop


@pytest.mark.parametrize("cmdline", ["", "napi=off"])
def test_flood_every_frame_accounted_kernel_responsive(nic, cmdline):
    n = nic(cmdline)
    # A long host queue, so the guest gets thousands of frames, not 1000.
    run("ip", "-n", n.ns, "link", "set", n.tap, "txqueuelen", "20000")
    before = (n.counters()[0], n.host_tx())
    flood = subprocess.Popen(
        ["ip", "netns", "exec", n.ns, PYTHON, INJECT, "send", n.tap, n.mac,
         "30000", "100"], stdout=subprocess.PIPE, text=True)
    # The console must answer while the flood is still coming in.
    n.counters(timeout=240)
    out, _ = flood.communicate(timeout=300)
    sent = int(re.search(r"sent (\d+)", out).group(1))
    got, _, _ = account(n, nic.model, sent, before)
    assert got > 0
    n.send(n.mac, 10)  # and the NIC still works afterwards
    dev = n.settle()[0]
    assert dev["rx_packets"] - before[0]["rx_packets"] == got + 10


def test_interrupt_moderation_is_settable(nic):
    n = nic()
    n.cmd("5")  # ethtool -C eth0 rx-usecs 500
    assert "refused" not in n.g.output
    n.send(n.mac, 50)
    assert n.settle()[0]["rx_packets"] == 50
    n.cmd("0")
    n.send(n.mac, 5)
    assert n.settle()[0]["rx_packets"] == 55
