"""ifconfig, ethtool, lspci and netdevtest against this machine's Linux.

The host build asks the host kernel the same ioctls and reads the same
/proc files as the guest build asks rxos, so on the host's `lo` our
ifconfig must print what net-tools' ifconfig prints, and netdevtest's
errno expectations must be Linux's. Only reads and refused requests are
made here: nothing may change the host's interfaces. lspci reads a fake
/proc/bus/pci made by the test (pciutils' -O proc.path=DIR).
"""
import os
import re
import shutil
import struct
import subprocess

import pytest

NET_TOOLS = shutil.which("ifconfig", path="/usr/sbin:/sbin:/usr/bin:/bin")


@pytest.fixture
def host_run(run, flavour):
    if flavour != "host":
        pytest.skip("asks the host kernel ioctls qemu-user may not translate")
    return run


def stable(text):
    """ifconfig text without IPv6 lines (rxos has no IPv6) and counters."""
    lines = [x for x in text.splitlines() if not x.strip().startswith("inet6")]
    return [re.sub(r"\d+", "N", x) if re.match(r"\s+[RT]X packets", x) else x
            for x in lines]


@pytest.mark.skipif(not NET_TOOLS, reason="net-tools' ifconfig not installed")
def test_ifconfig_lo_reads_like_net_tools(host_run):
    ours = host_run("ifconfig", "lo")
    theirs = subprocess.run([NET_TOOLS, "lo"], capture_output=True, text=True)
    assert ours.returncode == 0, ours.stderr
    assert stable(ours.stdout) == stable(theirs.stdout)
    assert ours.stdout.startswith("lo: flags=73<UP,LOOPBACK,RUNNING>  mtu ")


def test_ifconfig_unknown_interface_is_an_error(run):
    r = run("ifconfig", "nosuchif9")
    assert r.returncode == 1
    assert r.stderr == ("nosuchif9: error fetching interface information: "
                        "Device not found\n")
    r = run("ifconfig", "nosuchif9", "up")
    assert r.returncode == 1 and "Device not found" in r.stderr


def test_ifconfig_bad_options_and_values(host_run):
    r = host_run("ifconfig", "-z")
    assert r.returncode == 1 and "option `-z' not recognised" in r.stderr
    # refused before any request reaches the kernel
    for args, msg in [(["lo", "mtu"], "invalid mtu"),
                      (["lo", "mtu", "12x"], "invalid mtu"),
                      (["lo", "netmask"], "Unknown host"),
                      (["lo", "999.1.2.3"], "999.1.2.3: Unknown host")]:
        r = host_run("ifconfig", *args)
        assert r.returncode == 1 and msg in r.stderr, (args, r.stderr)


def test_ethtool_argument_errors(run):
    for args, rc, msg in [
        ([], 1, "ethtool: bad command line argument(s)\n"
                "For more information run ethtool -h\n"),
        (["-C", "lo"], 1, "bad command line argument(s)"),
        (["-x", "lo"], 1, "bad command line argument(s)"),
        (["-i", "lo", "extra"], 1, "bad command line argument(s)"),
        (["x" * 20], 1, "device names must be less than 16 characters"),
    ]:
        r = run("ethtool", *args)
        assert r.returncode == rc and msg in r.stderr, (args, r.stderr)


def test_ethtool_on_the_host_lo(host_run):
    r = host_run("ethtool", "lo")
    assert r.returncode == 0
    assert r.stdout.startswith("Settings for lo:\n")
    assert "\tLink detected: yes\n" in r.stdout
    r = host_run("ethtool", "-i", "nosuchif9")
    assert r.returncode == 71
    assert r.stderr == "Cannot get driver information: No such device\n"
    r = host_run("ethtool", "-C", "lo", "rx-usecs", "-1")
    assert r.returncode == 1 and "bad command line" in r.stderr


def test_netdevtest_errnos_are_linuxs(host_run):
    r = host_run("netdevtest", "lo")
    assert r.returncode == 0, r.stdout
    assert "FAIL" not in r.stdout and "netdevtest: 0 failed" in r.stdout


# ---- lspci on a fake /proc/bus/pci ------------------------------------------------

QEMU_PC = [  # bus devfn vendor device class revision driver
    (0, 0x00, 0x8086, 0x1237, 0x0600, 0x02, ""),
    (0, 0x08, 0x8086, 0x7000, 0x0601, 0x00, ""),
    (0, 0x18, 0x8086, 0x100e, 0x0200, 0x03, "e1000"),
    (0, 0x20, 0x10ec, 0x8139, 0x0200, 0x20, "8139too"),
    (0, 0x28, 0x1234, 0x5678, 0x0880, 0x00, ""),
]


def fake_proc_pci(root):
    lines = []
    for bus, devfn, ven, dev, cls, rev, drv in QEMU_PC:
        lines.append(f"{bus:02x}{devfn:02x}\t{ven:04x}{dev:04x}\t0" +
                     "\t" * 14 + f"\t{drv}\n")
        cfg = struct.pack("<HHHHBBH", ven, dev, 0, 0, rev, 0, cls)
        os.makedirs(root / f"{bus:02x}", exist_ok=True)
        (root / f"{bus:02x}" / f"{devfn >> 3:02x}.{devfn & 7:x}").write_bytes(
            cfg + bytes(256 - len(cfg)))
    (root / "devices").write_text("".join(lines))


def test_lspci_n_and_names_from_proc_bus_pci(run, tmp_path):
    fake_proc_pci(tmp_path)
    r = run("lspci", "-n", "-O", f"proc.path={tmp_path}")
    assert r.returncode == 0, r.stderr
    assert r.stdout == ("00:00.0 0600: 8086:1237 (rev 02)\n"
                        "00:01.0 0601: 8086:7000\n"
                        "00:03.0 0200: 8086:100e (rev 03)\n"
                        "00:04.0 0200: 10ec:8139 (rev 20)\n"
                        "00:05.0 0880: 1234:5678\n")
    r = run("lspci", "-O", f"proc.path={tmp_path}")
    assert r.stdout.splitlines() == [
        "00:00.0 Host bridge: Intel Corporation 440FX - 82441FX PMC [Natoma] (rev 02)",
        "00:01.0 ISA bridge: Intel Corporation 82371SB PIIX3 ISA [Natoma/Triton II]",
        "00:03.0 Ethernet controller: Intel Corporation 82540EM Gigabit Ethernet Controller (rev 03)",
        "00:04.0 Ethernet controller: Realtek Semiconductor Co., Ltd. RTL-8100/8101L/8139 PCI Fast Ethernet Adapter (rev 20)",
        "00:05.0 Class 0880: Technical Corp. Device 5678",
    ]
    r = run("lspci", "-nn", "-O", f"proc.path={tmp_path}")
    assert r.stdout.splitlines()[2] == (
        "00:03.0 Ethernet controller [0200]: Intel Corporation 82540EM "
        "Gigabit Ethernet Controller [8086:100e] (rev 03)")


def test_lspci_errors(run, tmp_path):
    r = run("lspci", "-O", f"proc.path={tmp_path}/none")
    assert r.returncode == 1 and "Cannot open" in r.stderr
    r = run("lspci", "-k")
    assert r.returncode == 2 and "invalid option" in r.stderr
    # a devices line whose config file is missing: named, but said so
    (tmp_path / "devices").write_text("0018\t8086100e\t0\n")
    r = run("lspci", "-n", "-O", f"proc.path={tmp_path}")
    assert r.returncode == 0
    assert "Unable to read the config space of 00:03.0" in r.stderr
    assert r.stdout == "00:03.0 0000: 8086:100e\n"
