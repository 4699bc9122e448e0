"""route and arp (user/bin/route.c, arp.c) against net-tools on this host.

Both flavours read the host kernel's /proc/net/route and /proc/net/arp
(the i386 build under qemu-i386), so their output must equal what the
host's own net-tools prints for the same files: the same columns and
widths a student sees on a Linux box. Changing the table needs the rxos
kernel (tests/integration/test_ipv4.py); here only the argument errors,
which are caught before any ioctl.
"""
import shutil
import subprocess

import pytest


def net_tools(name):
    path = shutil.which(name, path="/usr/sbin:/sbin:/usr/bin")
    if not path:
        pytest.skip(f"net-tools' {name} is not installed on this host")
    return subprocess.run([path, "-n"], capture_output=True, text=True).stdout


def test_route_n_prints_as_net_tools(run):
    want = net_tools("route")
    got = run("route", "-n")
    assert got.returncode == 0, got.stderr
    assert got.stdout == want


def test_arp_n_prints_as_net_tools(run):
    want = net_tools("arp")
    got = run("arp", "-n")
    assert got.returncode == 0, got.stderr
    assert got.stdout == want


@pytest.mark.parametrize("argv,message", [
    (["route", "add", "-net", "10.0.0.1", "netmask", "255.0.0.0", "dev", "eth0"],
     "route: netmask doesn't match route address"),
    (["route", "add", "-net", "10.0.0.0/40", "dev", "eth0"], "route: bogus netmask 40"),
    (["route", "add", "default", "gw", "10.0.x.2"], "10.0.x.2: Unknown host"),
    (["route", "frob"], "Usage: route"),
    (["arp", "-s", "10.0.2.9", "52:54:zz:00:00:01"], "arp: invalid hardware address"),
    (["arp", "-s", "10.0.2.x", "52:54:00:00:00:01"], "10.0.2.x: Unknown host"),
    (["arp", "-d"], "Usage:"),
])
def test_bad_arguments_are_refused_with_net_tools_messages(run, argv, message):
    r = run(*argv)
    assert r.returncode == 1, r
    assert message in r.stderr, r.stderr
