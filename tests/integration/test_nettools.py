"""ifconfig, ethtool, lspci and the network /proc files, in the guest.

Each test boots rxos to its shell with one NIC (e1000 or rtl8139, both
for most tests) behind a tap device in a network namespace of the test's
own, types commands into the guest shell, and injects frames from the
namespace with nic_inject.py (scapy-built frames on a raw socket). The
counters ifconfig prints must move by exactly the frames injected.

The MAC is chosen here and handed to QEMU (-device ...,mac=), so the test
knows what ifconfig must print. Everything created goes when the test
ends, pass or fail; only processes the test started are killed.
"""
import os
import re
import subprocess
import time

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
INJECT = os.path.join(HERE, "nic_inject.py")
PYTHON = "/usr/bin/python3"
BOOT_TIMEOUT = 180
FOREIGN = "02:00:00:00:00:99"
BROADCAST = "ff:ff:ff:ff:ff:ff"
_serial = [0]

# What each QEMU model is, as the guest should report it.
MODELS = {
    "e1000": dict(driver="e1000", ids="8086:100e", cls="0200", rev="03",
                  speed="1000Mb/s", name="Intel Corporation 82540EM Gigabit "
                  "Ethernet Controller (rev 03)"),
    "rtl8139": dict(driver="8139too", ids="10ec:8139", cls="0200", rev="20",
                    speed="100Mb/s", name="Realtek Semiconductor Co., Ltd. "
                    "RTL-8100/8101L/8139 PCI Fast Ethernet Adapter (rev 20)"),
}


def run(*args, check=True):
    return subprocess.run(args, check=check, capture_output=True, text=True)


class Box:
    """One guest at its shell prompt, one NIC, its tap in a namespace."""

    def __init__(self, model):
        _serial[0] += 1
        tag = f"{os.getpid() % 100000}{_serial[0]}"
        self.model, self.g = model, None
        self.ns, self.tap = f"rxos-nt{tag}", f"rxnt{tag}"
        self.mac = f"52:54:00:{_serial[0] % 256:02x}:{os.getpid() % 256:02x}:56"

    def start(self, boot):
        run("ip", "tuntap", "add", "dev", self.tap, "mode", "tap")
        self.g = boot(
            "console=ttyS0 loglevel=4",
            extra=["-netdev",
                   f"tap,id=n0,ifname={self.tap},script=no,downscript=no",
                   "-device", f"{self.model},netdev=n0,mac={self.mac}"])
        self.g.wait_for(r"# ", timeout=BOOT_TIMEOUT)
        run("ip", "netns", "add", self.ns)
        run("ip", "link", "set", self.tap, "netns", self.ns)
        self.ip("sysctl", "-qw", f"net.ipv6.conf.{self.tap}.disable_ipv6=1")
        run("ip", "-n", self.ns, "link", "set", self.tap, "up")

    def ip(self, *args):
        return run("ip", "netns", "exec", self.ns, *args)

    def close(self):
        if self.g:
            self.g.kill()
        run("ip", "-n", self.ns, "tuntap", "del", "dev", self.tap, "mode",
            "tap", check=False)
        run("ip", "tuntap", "del", "dev", self.tap, "mode", "tap", check=False)
        run("ip", "netns", "del", self.ns, check=False)

    def sh(self, line, timeout=60):
        """Type a line; return (its output, its exit status)."""
        self.g.send(line + "; echo rc=$?\r")
        m = self.g.wait_for(re.escape(line) + r"; echo rc=\$\?\r\n(?s:(.*?))"
                            r"rc=(\d+)\r\n# $", timeout=timeout)
        out = m.group(1).decode(errors="replace").replace("\r\n", "\n")
        return out, int(m.group(2))

    def ok(self, line, timeout=60):
        out, rc = self.sh(line, timeout)
        assert rc == 0, (line, out)
        return out

    def send(self, dst, count=1, size=100, ethertype=0x88B5):
        out = self.ip(PYTHON, INJECT, "send", self.tap, dst, str(count),
                      str(size), hex(ethertype)).stdout
        return int(re.search(r"sent (\d+)", out).group(1))

    def rx_packets(self, dev="eth0"):
        """RX packets as ifconfig shows them."""
        out = self.ok(f"ifconfig {dev}")
        return int(re.search(r"RX packets (\d+)", out).group(1))

    def settle_rx(self, want, timeout=60):
        """ifconfig's RX count once it reaches want (or stops moving)."""
        end, last = time.monotonic() + timeout, None
        while time.monotonic() < end:
            cur = self.rx_packets()
            if cur == want or (cur == last and cur > want):
                return cur
            last = cur
            time.sleep(1)
        return self.rx_packets()

    def wait_carrier(self, timeout=60):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if "RUNNING" in self.ok("ifconfig eth0").splitlines()[0]:
                return
            time.sleep(1)
        pytest.fail("eth0 never got a carrier")


@pytest.fixture
def box(request, boot):
    if os.geteuid() != 0 or not os.path.exists("/dev/net/tun"):
        pytest.skip("tap devices need root and /dev/net/tun")
    made = []

    def start(model):
        b = Box(model)
        made.append(b)
        b.start(boot)
        return b

    yield start
    for b in made:
        b.close()


both = pytest.mark.parametrize("model", ["e1000", "rtl8139"])


def up(b):
    b.ok("ifconfig eth0 up")
    b.wait_carrier()


# ---- ifconfig -----------------------------------------------------------------

@both
def test_ifconfig_shows_mac_flags_and_device_line(box, model):
    b = box(model)
    out = b.ok("ifconfig -a")
    assert out.startswith("lo: flags=73<UP,LOOPBACK,RUNNING>  mtu 65536\n"), out
    assert "        loop  txqueuelen 1000  (Local Loopback)\n" in out
    eth = out[out.index("eth0: "):]
    assert eth.startswith("eth0: flags=4098<BROADCAST,MULTICAST>  mtu 1500\n")
    assert f"        ether {b.mac}  txqueuelen 1000  (Ethernet)\n" in eth
    assert "        RX errors 0  dropped 0  overruns 0  frame 0\n" in eth
    assert re.search(r"\n        device interrupt \d+  "
                     + (r"memory 0x[0-9a-f]+-[0-9a-f]+  \n" if model == "e1000"
                        else r"base 0x[0-9a-f]{4}  \n"), eth), eth
    # plain ifconfig lists only what is up
    assert "eth0" not in b.ok("ifconfig")
    up(b)
    head = b.ok("ifconfig eth0").splitlines()[0]
    assert head == "eth0: flags=4163<UP,BROADCAST,RUNNING,MULTICAST>  mtu 1500"
    assert "eth0: flags=4163" in b.ok("ifconfig")


@both
def test_ifconfig_rx_counters_move_by_the_frames_injected(box, model):
    b = box(model)
    up(b)
    base = b.rx_packets()
    assert b.send(b.mac, 20) == 20
    assert b.send(BROADCAST, 10) == 10
    assert b.send(FOREIGN, 15) == 15  # filtered by the NIC
    assert b.settle_rx(base + 30) == base + 30
    out = b.ok("cat /proc/net/dev")
    line = [x for x in out.splitlines() if x.startswith("  eth0:")][0]
    assert int(line.split()[2]) == base + 30  # packets column
    # promisc: foreign unicast now counts
    b.ok("ifconfig eth0 promisc")
    assert "PROMISC" in b.ok("ifconfig eth0").splitlines()[0]
    b.send(FOREIGN, 15)
    assert b.settle_rx(base + 45) == base + 45
    b.ok("ifconfig eth0 -promisc")
    assert "PROMISC" not in b.ok("ifconfig eth0").splitlines()[0]
    b.send(FOREIGN, 15)
    b.send(b.mac, 5)
    assert b.settle_rx(base + 50) == base + 50


@both
def test_ifconfig_down_stops_counting_received_frames(box, model):
    b = box(model)
    up(b)
    base = b.rx_packets()
    b.ok("ifconfig eth0 down")
    assert b.ok("ifconfig eth0").splitlines()[0] == \
        "eth0: flags=4098<BROADCAST,MULTICAST>  mtu 1500"
    b.send(b.mac, 20)
    time.sleep(3)
    assert b.rx_packets() == base
    assert "eth0" not in b.ok("ifconfig")


@both
def test_ifconfig_mtu_and_allmulti(box, model):
    b = box(model)
    out, rc = b.sh("ifconfig eth0 mtu 9000")  # no jumbo frames in the drivers
    assert rc == 1 and "SIOCSIFMTU: Invalid argument" in out, out
    b.ok("ifconfig eth0 mtu 1400")
    assert b.ok("ifconfig eth0").splitlines()[0].endswith("  mtu 1400")
    out, rc = b.sh("ifconfig eth0 mtu 67")
    assert rc == 1 and "SIOCSIFMTU: Invalid argument" in out, out
    b.ok("ifconfig eth0 allmulti")
    assert "ALLMULTI" in b.ok("ifconfig eth0").splitlines()[0]
    b.ok("ifconfig eth0 -allmulti")
    assert "ALLMULTI" not in b.ok("ifconfig eth0").splitlines()[0]


def test_ifconfig_bad_arguments_are_errors_not_crashes(box):
    b = box("e1000")
    for line, msg in [
        ("ifconfig eth9", "eth9: error fetching interface information: "
                          "Device not found"),
        ("ifconfig eth9 up", "eth9: error fetching interface information: "
                             "Device not found"),
        ("ifconfig eth0 mtu", "ifconfig: invalid mtu"),
        ("ifconfig eth0 mtu abc", "ifconfig: invalid mtu"),
        ("ifconfig eth0 not-an-address", "not-an-address: Unknown host"),
        ("ifconfig -z", "ifconfig: option `-z' not recognised."),
        ("ifconfig " + "x" * 40, "error fetching interface information"),
    ]:
        out, rc = b.sh(line)
        assert rc == 1 and msg in out, (line, out)
    # the kernel is still fine
    assert "lo: flags=73" in b.ok("ifconfig lo")


# ---- ethtool --------------------------------------------------------------------

@both
def test_ethtool_settings_driver_and_ring(box, model):
    m = MODELS[model]
    b = box(model)
    up(b)
    out = b.ok("ethtool eth0")
    assert out.startswith("Settings for eth0:\n")
    assert f"\tSpeed: {m['speed']}\n" in out and "\tDuplex: Full\n" in out
    assert "\tLink detected: yes\n" in out
    out = b.ok("ethtool -i eth0")
    assert out.startswith(f"driver: {m['driver']}\n")
    assert "bus-info: 0000:00:03.0\n" in out
    assert "supports-statistics: yes\n" in out
    out, rc = b.sh("ethtool -g eth0")
    if model == "e1000":
        assert rc == 0 and "Current hardware settings:\nRX:\t\t256\n" in out
    else:  # 8139too has no descriptor ring, as on Linux
        assert rc == 76 and "Operation not supported" in out
    b.ok("ifconfig eth0 down")
    assert "\tLink detected: no\n" in b.ok("ethtool eth0")


@both
def test_ethtool_coalesce_round_trip(box, model):
    b = box(model)
    out = b.ok("ethtool -c eth0")
    assert out.startswith("Coalesce parameters for eth0:\nAdaptive RX: off  TX: off\n")
    assert "\nrx-usecs: 0\n" in out
    b.ok("ethtool -C eth0 rx-usecs 500")
    out = b.ok("ethtool -c eth0")
    assert "\nrx-usecs: 500\n" in out, out
    # unchanged: ethtool's "nothing to do"
    out, rc = b.sh("ethtool -C eth0 rx-usecs 500")
    assert rc == 80 and "no coalesce parameters changed, aborting" in out
    # out of range: the driver's -EINVAL
    out, rc = b.sh("ethtool -C eth0 rx-usecs 200000")
    assert rc == 81 and "Cannot set device coalesce parameters: " \
        "Invalid argument" in out, out
    # a parameter the NIC cannot do
    out, rc = b.sh("ethtool -C eth0 tx-usecs 5")
    assert rc == 81 and "Operation not supported" in out, out
    out, rc = b.sh("ethtool -C eth0 rx-frames 8")
    assert rc == 81 and "Operation not supported" in out, out
    assert "\nrx-usecs: 500\n" in b.ok("ethtool -c eth0")
    # frames still arrive with moderation on
    up(b)
    base = b.rx_packets()
    b.send(b.mac, 25)
    assert b.settle_rx(base + 25) == base + 25
    b.ok("ethtool -C eth0 rx-usecs 0")
    assert "\nrx-usecs: 0\n" in b.ok("ethtool -c eth0")


@both
def test_ethtool_S_counts_the_frames_received(box, model):
    b = box(model)
    up(b)
    b.send(b.mac, 12)
    b.settle_rx(12)

    def stats():
        out = b.ok("ethtool -S eth0")
        assert out.startswith("NIC statistics:\n")
        return {k: int(v) for k, v in re.findall(r"^     (\w+): (\d+)$", out, re.M)}
    s = stats()
    assert s["rx_packets"] == 12, s
    assert s["rx_bytes"] == 12 * 100, s
    if model == "e1000":
        assert s["rx_missed_errors"] == 0 and s["rx_no_buffer_count"] == 0
    else:
        assert list(s)[:4] == ["early_rx", "tx_buf_mapped", "tx_timeouts",
                               "rx_lost_in_ring"]
    b.send(b.mac, 3)
    b.settle_rx(15)
    assert stats()["rx_packets"] == 15


def test_ethtool_bad_arguments_are_errors_not_crashes(box):
    b = box("e1000")
    for line, rc, msg in [
        ("ethtool", 1, "ethtool: bad command line argument(s)"),
        ("ethtool -C eth0", 1, "bad command line argument(s)"),
        ("ethtool -C eth0 rx-usecs", 1, "bad command line argument(s)"),
        ("ethtool -C eth0 rx-usecs -5", 1, "bad command line argument(s)"),
        ("ethtool -C eth0 bogus 1", 1, "bad command line argument(s)"),
        ("ethtool -x eth0", 1, "bad command line argument(s)"),
        ("ethtool -i eth9", 71, "Cannot get driver information: No such device"),
        ("ethtool -S lo", 96, "Cannot get stats strings information"),
        ("ethtool -c lo", 82, "Cannot get device coalesce settings"),
    ]:
        out, got = b.sh(line)
        assert got == rc and msg in out, (line, got, out)
    assert "Link detected" in b.ok("ethtool lo")


# ---- lspci and /proc --------------------------------------------------------------

@both
def test_lspci_lists_the_host_bridge_and_the_nic(box, model):
    m = MODELS[model]
    b = box(model)
    out = b.ok("lspci -n")
    assert "00:00.0 0600: 8086:1237 (rev 02)\n" in out, out
    assert f"00:03.0 {m['cls']}: {m['ids']} (rev {m['rev']})\n" in out, out
    out = b.ok("lspci")
    assert "00:00.0 Host bridge: Intel Corporation 440FX - 82441FX PMC " \
        "[Natoma] (rev 02)\n" in out, out
    assert f"00:03.0 Ethernet controller: {m['name']}\n" in out, out
    devices = b.ok("cat /proc/bus/pci/devices")
    row = [x for x in devices.splitlines() if x.startswith("0018\t")][0]
    assert row.split("\t")[1] == m["ids"].replace(":", "")
    assert row.split("\t")[-1] == m["driver"]
    out, rc = b.sh("lspci -q")
    assert rc == 2 and "invalid option" in out


def test_proc_net_files_in_linux_layout(box):
    b = box("e1000")
    up(b)
    dev = b.ok("cat /proc/net/dev").splitlines()
    assert dev[0] == ("Inter-|   Receive                                   "
                      "             |  Transmit")
    assert dev[1] == (" face |bytes    packets errs drop fifo frame compressed"
                      " multicast|bytes    packets errs drop fifo colls carrier"
                      " compressed")
    assert dev[2].startswith("    lo:") and dev[3].startswith("  eth0:")
    assert len(dev[3].split()) == 17
    sn = b.ok("cat /proc/net/softnet_stat").splitlines()
    assert len(sn) == 1 and re.fullmatch(r"([0-9a-f]{8} ){14}[0-9a-f]{8}", sn[0])
    irq = b.ok("cat /proc/interrupts")
    assert re.search(r"\n +\d+: +\d+ +XT-PIC +eth0\n", irq), irq
    soft = b.ok("cat /proc/softirqs")
    assert re.search(r"\n +NET_TX: +\d+\n +NET_RX: +\d+\n", soft), soft
    stats = b.ok("cat /proc/net/skb_stats")
    assert re.match(r"live \d+\nallocated \d+\n", stats), stats
    assert "UNHANDLED_PROTO " in b.ok("cat /proc/net/drop_reasons")


def test_netdev_budget_reads_300_and_takes_a_new_value(box):
    b = box("e1000")
    assert b.ok("cat /proc/sys/net/core/netdev_budget") == "300\n"
    b.ok("echo 64 > /proc/sys/net/core/netdev_budget")
    assert b.ok("cat /proc/sys/net/core/netdev_budget") == "64\n"
    out, rc = b.sh("echo lots > /proc/sys/net/core/netdev_budget")
    assert rc != 0, out
    assert b.ok("cat /proc/sys/net/core/netdev_budget") == "64\n"
    # still receives with a small budget
    up(b)
    b.send(b.mac, 200)
    assert b.settle_rx(200) == 200


def test_ifconfig_sets_and_shows_the_ipv4_address(box):
    b = box("e1000")
    assert "inet " not in b.ok("ifconfig eth0")
    b.ok("ifconfig eth0 10.77.3.2 netmask 255.255.255.0 up")
    out = b.ok("ifconfig eth0")
    assert "        inet 10.77.3.2  netmask 255.255.255.0  broadcast " \
        "10.77.3.255\n" in out, out
    assert "UP" in out.splitlines()[0]
    b.ok("ifconfig eth0 netmask 255.255.0.0")
    assert "inet 10.77.3.2  netmask 255.255.0.0  broadcast 10.77.255.255" \
        in b.ok("ifconfig eth0")
    b.ok("ifconfig eth0 broadcast 10.77.3.255")
    assert "broadcast 10.77.3.255\n" in b.ok("ifconfig eth0")
    out, rc = b.sh("ifconfig eth0 netmask 255.0.255.0")
    assert rc == 1 and "SIOCSIFNETMASK: Invalid argument" in out, out
    # the peer can reach the address: the guest answers ARP for it
    b.ip("ip", "addr", "add", "10.77.3.1/24", "dev", b.tap)
    r = b.ip("ping", "-c", "1", "-W", "5", "10.77.3.2")
    assert r.returncode == 0, r.stdout + r.stderr
