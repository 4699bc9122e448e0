"""A real Linux peer for the guest: a network namespace with a tap in it.

Shared by the network tests (IPv4, ICMP, UDP, iptables, tools). One
`NetPeer` is one guest with one NIC whose tap lives in a namespace of its
own, so nothing of the host's traffic reaches it and concurrent runs by
other developers never collide (names carry the pid and a serial number):

    guest eth0 10.<a>.<b>.2/24  <-- tap -->  rxtN (in netns rxos-ipN = p.netns) 10.<a>.<b>.1/24

Use it through the `netpeer` fixture (`from netpeer import netpeer` in the
test module brings the fixtures in):

    def test_ping(netpeer):
        p = netpeer("e1000")            # boots, waits for the shell prompt
        p.ns("ping", "-c", "3", p.guest_ip)   # a command inside the namespace
        print(p.sh("cat /proc/net/arp"))      # a guest shell command's output
        p.drop_reasons()["IP_CSUM"], p.skb_live(), p.snmp()["Ip"]["InReceives"]

or parametrised over both NIC models with `netpeer_models` (a fixture that
is a `netpeer` with `.model` set by pytest's params). The guest boots with
ip=<guest>::<host>:255.255.255.0::eth0:off, so the host side is its default
gateway. Everything created (QEMU, tap, namespace) goes when the test ends,
pass or fail; only processes this file started are killed, by process group.
"""
import os
import re
import subprocess
import time

import pytest

PYTHON = "/usr/bin/python3"
BOOT_TIMEOUT = 180
PROMPT = "# "
_serial = [0]


def run(*args, check=True, timeout=120):
    return subprocess.run(args, check=check, capture_output=True, text=True,
                          timeout=timeout)


class NetPeer:
    """One guest, one NIC, its tap in a namespace configured as the peer."""

    def __init__(self, model="e1000"):
        _serial[0] += 1
        pid = os.getpid()
        tag = f"{pid % 100000}{_serial[0]}"
        self.model = model
        self.netns, self.tap, self.g = f"rxos-ip{tag}", f"rxt{tag}", None
        # 10.a.b.0/24: distinct per run, though namespaces would isolate
        # even equal subnets; a avoids 0 (10.0.2.0/24 is QEMU's user net).
        a, b = 100 + pid % 150, _serial[0] % 250
        self.subnet = f"10.{a}.{b}"
        self.host_ip, self.guest_ip = f"{self.subnet}.1", f"{self.subnet}.2"
        self.mac = None
        self._seq = 0

    # ---- life cycle ----

    def cmdline(self, extra=""):
        return (f"console=ttyS0 loglevel=7 ip={self.guest_ip}::{self.host_ip}"
                f":255.255.255.0::eth0:off {extra}").strip()

    def start(self, boot, extra_cmdline="", guest_ip=True):
        run("ip", "tuntap", "add", "dev", self.tap, "mode", "tap")
        cmdline = self.cmdline(extra_cmdline) if guest_ip else \
            f"console=ttyS0 loglevel=7 {extra_cmdline}".strip()
        self.g = boot(cmdline, extra=[
            "-netdev", f"tap,id=n0,ifname={self.tap},script=no,downscript=no",
            "-device", f"{self.model},netdev=n0"])
        self.g.wait_for(PROMPT, timeout=BOOT_TIMEOUT)
        m = re.search(r"eth0: .*?((?:[0-9a-f]{2}:){5}[0-9a-f]{2})",
                      self.g.output)
        self.mac = m.group(1) if m else None
        # QEMU holds the tap open now: move it into the namespace.
        run("ip", "netns", "add", self.netns)
        run("ip", "link", "set", self.tap, "netns", self.netns)
        self.ns("sysctl", "-qw", f"net.ipv6.conf.{self.tap}.disable_ipv6=1")
        self.ns("ip", "addr", "add", f"{self.host_ip}/24", "dev", self.tap)
        self.ns("ip", "link", "set", self.tap, "up")
        self.ns("ip", "link", "set", "lo", "up")
        return self

    def close(self):
        """Guest, tap and namespace go, whatever state the test left."""
        if self.g:
            self.g.kill()
        # A persistent tap outlives its namespace (it moves back to the
        # root one, asynchronously): delete it where it is, then there.
        run("ip", "-n", self.netns, "tuntap", "del", "dev", self.tap, "mode",
            "tap", check=False)
        run("ip", "tuntap", "del", "dev", self.tap, "mode", "tap",
            check=False)
        run("ip", "netns", "del", self.netns, check=False)

    # ---- the host side ----

    def ns(self, *args, check=True, timeout=120):
        """Run a command inside the namespace; CompletedProcess."""
        return run("ip", "netns", "exec", self.netns, *args, check=check,
                   timeout=timeout)

    def ns_popen(self, *args, **kw):
        """A long-running command in the namespace (sniffer); the caller
        must kill it (p.kill(); p.wait())."""
        return subprocess.Popen(("ip", "netns", "exec", self.netns) + args,
                                **kw)

    def ping(self, count=3, timeout=60, dst=None):
        """ping from the namespace; True when every reply came."""
        r = self.ns("ping", "-c", str(count), "-W", "5", "-i", "0.5",
                    dst or self.guest_ip, check=False, timeout=timeout)
        return r.returncode == 0, r.stdout + r.stderr

    def scapy(self, script, timeout=120):
        """Run a scapy snippet in the namespace. The snippet sees IFACE (the
        tap), GUEST_IP, HOST_IP, GUEST_MAC, and `from scapy.all import *`."""
        head = ("from scapy.all import *\nconf.verb = 0\n"
                f"IFACE={self.tap!r}\nGUEST_IP={self.guest_ip!r}\n"
                f"HOST_IP={self.host_ip!r}\nGUEST_MAC={self.mac!r}\n")
        return self.ns(PYTHON, "-c", head + script, timeout=timeout)

    # ---- the guest side ----

    def sh(self, command, timeout=60):
        """Run one guest shell command line; its output (CRLF -> LF)."""
        self._seq += 1
        end = f"__rxos_end_{self._seq}__"
        # The echo of the typed line shows the marker after "echo ", the
        # output at the start of a line: match only the latter.
        self.g.send(f"{command}; echo {end}\r")
        m = self.g.wait_for(
            rf"(?s){re.escape(command)}; echo {end}\r\n(?:(.*?)\r?\n)?{end}\r\n"
            # job notices ("[1]+  Done ...") may come before the prompt
            r"(?:\[\d+\][^\r\n]*\r\n)*# ",
            timeout)
        out = m.group(1) or b""  # a command without output: no line at all
        return out.decode("utf-8", "replace").replace("\r\n", "\n")

    def read(self, path):
        return self.sh(f"cat {path}")

    def drop_reasons(self):
        """/proc/net/drop_reasons as {"IP_CSUM": n, ...}."""
        return {k: int(v) for k, v in
                re.findall(r"^(\w+) (\d+)$", self.read("/proc/net/drop_reasons"),
                           re.M)}

    def skb_live(self):
        return int(re.search(r"^live (\d+)", self.read("/proc/net/skb_stats"),
                             re.M).group(1))

    def skb_live_settled(self, baseline, timeout=30):
        """The live skb count once it is back to baseline (or the last)."""
        deadline = time.monotonic() + timeout
        live = self.skb_live()
        while live != baseline and time.monotonic() < deadline:
            time.sleep(1)
            live = self.skb_live()
        return live

    def snmp(self):
        """/proc/net/snmp as {"Ip": {"InReceives": n, ...}, "Icmp": ...}."""
        rows, out = {}, {}
        for line in self.read("/proc/net/snmp").splitlines():
            if ":" not in line:
                continue
            name, rest = line.split(":", 1)
            if name in rows:
                out[name] = dict(zip(rows.pop(name),
                                     (int(v) for v in rest.split())))
            else:
                rows[name] = rest.split()
        return out

    def arp_table(self):
        """Guest /proc/net/arp rows as dicts keyed by IP address."""
        lines = self.read("/proc/net/arp").splitlines()[1:]
        cols = ("ip", "hwtype", "flags", "mac", "mask", "dev")
        return {l.split()[0]: dict(zip(cols, l.split())) for l in lines
                if l.strip()}


def _need_tap():
    if os.geteuid() != 0 or not os.path.exists("/dev/net/tun"):
        pytest.skip("tap devices need root and /dev/net/tun")


def _fixture(request, boot, default_model):
    _need_tap()
    created = []

    def start(model=None, extra_cmdline="", guest_ip=True):
        p = NetPeer(model or default_model)
        created.append(p)  # cleaned up even if start() fails half way
        p.start(boot, extra_cmdline, guest_ip)
        return p

    start.model = default_model
    return start, created


@pytest.fixture
def netpeer(request, boot):
    """netpeer(model="e1000", extra_cmdline="") -> a started NetPeer."""
    start, created = _fixture(request, boot, "e1000")
    yield start
    for p in created:
        p.close()


@pytest.fixture(params=["e1000", "rtl8139"])
def netpeer_models(request, boot):
    """The same, once per NIC model (netpeer_models.model says which)."""
    start, created = _fixture(request, boot, request.param)
    yield start
    for p in created:
        p.close()
