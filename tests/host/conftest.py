"""Fixtures for the host tests of rxos user space (user/).

The programs in user/bin are plain POSIX C. `make host-user` builds them
against the host's glibc into build/host/bin, so their logic is tested here
natively; the i386 build (build/user/bin) cannot run on this machine, and is
checked by inspecting the ELF files instead.

`run(cmd, ...)` runs one host-built program (or `sh -c` script) with PATH
set to build/host/bin only, in a fresh temporary directory, and returns the
CompletedProcess.
"""
import os
import subprocess

import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
HOST_BIN = os.path.join(ROOT, "build", "host", "bin")
USER_BIN = os.path.join(ROOT, "build", "user", "bin")
PROGRAMS = sorted(os.path.splitext(f)[0]
                  for f in os.listdir(os.path.join(ROOT, "user", "bin"))
                  if f.endswith(".c"))


@pytest.fixture(scope="session", autouse=True)
def built():
    """Build both flavours once (a no-op when make already did)."""
    subprocess.run(["make", "-s", "host-user", "user"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)


def host_env(extra=None):
    env = {"PATH": HOST_BIN, "HOME": "/nonexistent-home", "LC_ALL": "C",
           "TZ": "UTC"}
    env.update(extra or {})
    return env


@pytest.fixture
def run(tmp_path):
    def _run(*argv, stdin=None, env=None, timeout=20, cwd=None):
        prog = argv[0] if os.path.isabs(argv[0]) else os.path.join(HOST_BIN, argv[0])
        return subprocess.run([prog, *argv[1:]], input=stdin, env=host_env(env),
                              cwd=cwd or tmp_path, capture_output=True,
                              text=True, timeout=timeout)
    return _run


@pytest.fixture
def sh(run):
    """sh(script) runs `sh -c script`; returns the CompletedProcess."""
    def _sh(script, **kw):
        return run("sh", "-c", script, **kw)
    return _sh
