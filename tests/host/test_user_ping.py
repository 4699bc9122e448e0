"""ping (user/bin/ping.c) on this machine's loopback, against iputils.

Raw ICMP sockets need root. The output must match the system's iputils
ping line for line once the measured times are masked out. Loopback only:
no packet leaves the machine.
"""
import os
import re
import shutil
import subprocess

import pytest

pytestmark = pytest.mark.skipif(
    os.geteuid() != 0, reason="raw ICMP sockets need root")

SYSTEM_PING = shutil.which("ping", path="/usr/bin:/bin")


def mask(text):
    """Times vary: replace every measured number with T."""
    text = re.sub(r"time=[\d.]+ ms", "time=T ms", text)
    text = re.sub(r"time \d+ms", "time Tms", text)
    return re.sub(r"= [\d.]+/[\d.]+/[\d.]+/[\d.]+ ms", "= T/T/T/T ms", text)


def system_ping(*args):
    return subprocess.run(["ping", *args], executable=SYSTEM_PING,
                          capture_output=True,
                          text=True, timeout=30, env={"LC_ALL": "C"})


@pytest.mark.parametrize("args", [
    ["-c", "3", "-i", "0.2", "127.0.0.1"],
    ["-c", "2", "-i", "0.2", "-s", "4000", "127.0.0.1"],
    ["-c", "2", "-i", "0.2", "-s", "4", "127.0.0.1"],   # no room for a time
    ["-q", "-c", "2", "-i", "0.2", "127.0.0.1"],
    ["-c", "1", "-t", "3", "-W", "2", "127.0.0.1"],
])
def test_ping_output_is_iputils(run, args):
    ours = run("ping", *args)
    assert ours.returncode == 0, ours.stderr
    lines = ours.stdout.splitlines()
    assert re.fullmatch(r"rtt min/avg/max/mdev = \d+\.\d{3}/\d+\.\d{3}/"
                        r"\d+\.\d{3}/\d+\.\d{3} ms", lines[-1]) or \
        "-s" in args
    if SYSTEM_PING:
        theirs = system_ping(*args)
        assert mask(ours.stdout) == mask(theirs.stdout)


def test_ping_statistics_count_what_was_sent(run):
    out = run("ping", "-c", "3", "-i", "0.2", "127.0.0.1").stdout
    assert "PING 127.0.0.1 (127.0.0.1) 56(84) bytes of data." in out
    for seq in (1, 2, 3):
        assert re.search(rf"^64 bytes from 127\.0\.0\.1: icmp_seq={seq} "
                         rf"ttl=64 time=\d+\.\d+ ms$", out, re.M), out
    assert re.search(r"^--- 127\.0\.0\.1 ping statistics ---\n3 packets "
                     r"transmitted, 3 received, 0% packet loss, time \d+ms$",
                     out, re.M), out


@pytest.mark.parametrize("args,err", [
    (["-c", "0", "127.0.0.1"], "ping: invalid argument: '0': out of range: "
                               "1 <= value <= 9223372036854775807"),
    (["-s", "70000", "127.0.0.1"], "ping: invalid argument: '70000': out of "
                                   "range: 0 <= value <= 65507"),
    (["-t", "256", "127.0.0.1"], "ping: invalid argument: '256': out of "
                                 "range: 0 <= value <= 255"),
    (["-c", "x", "127.0.0.1"], "ping: invalid argument: 'x'"),
])
def test_ping_rejects_bad_arguments_as_iputils(run, args, err):
    r = run("ping", *args)
    assert r.returncode == 1
    assert r.stderr.splitlines()[0] == err
    # (iputils lets root send more than 65507 bytes and fail at sendmsg;
    # rxos refuses it up front, like iputils does for other users)
    if SYSTEM_PING and "-s" not in args:
        assert system_ping(*args).stderr.splitlines()[0] == err


def test_ping_needs_a_destination(run):
    r = run("ping")
    assert r.returncode == 2
    assert "ping: usage error: Destination address required" in r.stderr


def test_ping_unknown_host(run):
    r = run("ping", "-c", "1", "no.such.host.invalid")
    assert r.returncode == 2
    assert "ping: no.such.host.invalid: Name or service not known" in r.stderr
