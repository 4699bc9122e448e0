"""Shared fixtures for rxos integration tests.

`boot(cmdline=..., extra=[...])` starts QEMU on build/kernel.elf with the
initramfs as a multiboot module and the serial console on a pipe, and returns
a `Guest`: read what the kernel printed (`wait_for`), type into the console
(`send`, `sh`), and see how QEMU exited. Every guest started by a test is
killed when the test ends, pass or fail, by its own process group.

QEMU runs under TCG (no KVM): allow generous timeouts; never assert timing.
"""
import os
import re
import signal
import subprocess
import threading
import time

import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BUILD = os.path.join(ROOT, "build")
KERNEL = os.path.join(BUILD, "kernel.elf")
INITRAMFS = os.path.join(BUILD, "initramfs.cpio")
# isa-debug-exit: the guest writes v to port 0xf4, QEMU exits (v << 1) | 1.
PANIC_EXIT = (0x21 << 1) | 1
DEFAULT_TIMEOUT = float(os.environ.get("RXOS_TEST_TIMEOUT", "60"))


class Guest:
    """One QEMU process and everything its serial console printed."""

    def __init__(self, cmdline, extra, memory, initrd):
        args = ["qemu-system-i386", "-m", memory, "-kernel", KERNEL,
                "-append", cmdline, "-display", "none", "-no-reboot",
                "-serial", "stdio", "-monitor", "none",
                "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"]
        if initrd:
            args += ["-initrd", initrd]
        args += list(extra)
        self._spawn(args)

    @classmethod
    def command(cls, argv, env=None):
        """Any command that boots rxos (`make run`, QEMU on the ISO), read
        and killed (by process group) like a guest."""
        g = cls.__new__(cls)
        g._spawn(list(argv), env)
        return g

    def _spawn(self, args, env=None):
        self.args = args
        self.proc = subprocess.Popen(
            args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, start_new_session=True, cwd=ROOT,
            env=env)
        self._buf = bytearray()
        self._lock = threading.Condition()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.mark = 0  # wait_for() searches from here on

    def _read(self):
        while True:
            chunk = self.proc.stdout.read1(4096)
            if not chunk:
                break
            with self._lock:
                self._buf += chunk
                self._lock.notify_all()
        with self._lock:
            self._lock.notify_all()

    @property
    def output(self):
        with self._lock:
            return self._buf.decode("utf-8", "replace").replace("\r\n", "\n")

    def wait_for(self, pattern, timeout=DEFAULT_TIMEOUT):
        """Wait until `pattern` (regex) appears after the mark; return the
        match and move the mark past it. Fails with the console log."""
        rx = re.compile(pattern.encode() if isinstance(pattern, str) else pattern)
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                m = rx.search(self._buf, self.mark)
                if m and m.end() == len(self._buf):
                    m = self._settle(rx)
                if m:
                    self.mark = m.end()
                    return m
                left = deadline - time.monotonic()
                if left <= 0 or (self.proc.poll() is not None
                                 and not self._reader.is_alive()):
                    break
                self._lock.wait(min(left, 0.5))
        pytest.fail(f"timed out waiting for {pattern!r}; console:\n"
                    + self.output[-4000:])

    def _settle(self, rx, quiet=0.3):
        """A match that reaches the end of what arrived may be cut short
        ("to 1" of "to 15"): wait until no byte comes for `quiet` seconds,
        then match again. Called with the lock held."""
        while True:
            size = len(self._buf)
            self._lock.wait(quiet)
            if len(self._buf) == size:
                return rx.search(self._buf, self.mark)

    def send(self, text):
        self.proc.stdin.write(text.encode())
        self.proc.stdin.flush()

    def wait_exit(self, timeout=DEFAULT_TIMEOUT):
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            pytest.fail("QEMU did not exit; console:\n" + self.output[-4000:])

    def kill(self):
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.proc.wait()
        self._reader.join(timeout=5)


@pytest.fixture
def boot(request):
    guests = []

    def start(cmdline="console=ttyS0", extra=(), memory="256M",
              initrd=INITRAMFS, argv=None, env=None):
        if argv:  # a whole command instead: boot(argv=["make", "run"])
            g = Guest.command(argv, env)
        else:
            g = Guest(cmdline, extra, memory, initrd)
        guests.append(g)
        return g

    yield start
    for g in guests:
        g.kill()
        # keep the console of a failed test for the report
        if request.node.rep_call.failed if hasattr(request.node, "rep_call") else False:
            print(f"--- console of {' '.join(g.args)}\n{g.output[-3000:]}")


@pytest.hookimpl(tryfirst=True, hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    rep = outcome.get_result()
    setattr(item, "rep_" + rep.when, rep)
