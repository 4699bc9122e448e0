"""Fixtures for the host tests of rxos user space (user/).

The programs in user/bin are plain POSIX C, built twice:
  host  `make host-user`: against the host's glibc, in build/host/bin;
  i386  the real build (our libc, int 0x80), in build/user/bin, run here
        under qemu-i386 (QEMU's user mode: it executes i386 code and passes
        the Linux i386 system calls to the host kernel). That exercises the
        libc's syscall layer exactly as a Linux kernel answers it, which is
        the contract the rxos kernel implements.

Tests that take the `flavour` fixture (through `run`, `sh`, `bindir`) run
once per flavour. For i386, build/host/i386-wrap holds one script per
program that runs it under qemu-i386, so a shell's PATH lookups stay i386.
poweroff and reboot never get a wrapper: under qemu they would reach the
host's reboot(2).

`run(cmd, ...)` runs one program with PATH set to that flavour's directory
only, in a fresh temporary directory, and returns the CompletedProcess.
"""
import os
import shutil
import subprocess

import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
HOST_BIN = os.path.join(ROOT, "build", "host", "bin")
USER_BIN = os.path.join(ROOT, "build", "user", "bin")
WRAP_BIN = os.path.join(ROOT, "build", "host", "i386-wrap")
PROGRAMS = sorted(os.path.splitext(f)[0]
                  for f in os.listdir(os.path.join(ROOT, "user", "bin"))
                  if f.endswith(".c"))
NEVER_UNDER_QEMU = {"poweroff", "reboot"}
QEMU = shutil.which("qemu-i386")


@pytest.fixture(scope="session", autouse=True)
def built():
    """Build both flavours once (a no-op when make already did)."""
    subprocess.run(["make", "-s", "host-user", "user"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    os.makedirs(WRAP_BIN, exist_ok=True)
    for prog in set(PROGRAMS) - NEVER_UNDER_QEMU:
        path = os.path.join(WRAP_BIN, prog)
        with open(path, "w") as f:
            f.write(f'#!/bin/sh\nexec {QEMU} {USER_BIN}/{prog} "$@"\n')
        os.chmod(path, 0o755)


def host_env(extra=None, path=HOST_BIN):
    env = {"PATH": path, "HOME": "/nonexistent-home", "LC_ALL": "C",
           "TZ": "UTC"}
    env.update(extra or {})
    return env


@pytest.fixture(params=["host", pytest.param("i386", marks=pytest.mark.skipif(
    not QEMU, reason="qemu-i386 (Debian qemu-user) is not installed"))])
def flavour(request):
    return request.param


@pytest.fixture
def bindir(flavour):
    """Where this flavour's programs are found by name (PATH)."""
    return HOST_BIN if flavour == "host" else WRAP_BIN


def program(flavour, name):
    """argv prefix that runs program `name` of this flavour."""
    if flavour == "host":
        return [os.path.join(HOST_BIN, name)]
    assert name not in NEVER_UNDER_QEMU
    return [QEMU, os.path.join(USER_BIN, name)]


@pytest.fixture
def run(tmp_path, flavour, bindir):
    def _run(*argv, stdin=None, env=None, timeout=20, cwd=None):
        return subprocess.run([*program(flavour, argv[0]), *argv[1:]], input=stdin,
                              env=host_env(env, bindir), cwd=cwd or tmp_path,
                              capture_output=True, text=True, timeout=timeout)
    return _run


@pytest.fixture
def sh(run):
    """sh(script) runs `sh -c script`; returns the CompletedProcess."""
    def _sh(script, **kw):
        return run("sh", "-c", script, **kw)
    return _sh
