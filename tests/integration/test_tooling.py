"""The commands README promises: `make iso`, `make run`, `make debug` with
gdb, the dependency check and tools/install-deps.sh, tools/bench-boot.sh.

Each test runs the real command from the top of the tree, as a student
would, and kills what it started by process group. Ports come from the
kernel (bind to port 0) so parallel runs and a user's own `make run` on
5555 do not collide.
"""
import os
import re
import shutil
import socket
import subprocess
import time

import pytest

from conftest import BUILD, ROOT

ISO = os.path.join(BUILD, "rxos.iso")
BANNER = r"Linux version \S+-rxos"
GDB_TIMEOUT = 240


def make_env():
    """The environment without the outer `make test`'s MAKEFLAGS: its
    jobserver and variable overrides are not meant for these makes."""
    env = dict(os.environ)
    for k in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES"):
        env.pop(k, None)
    return env


def make(*args, check=True, **kw):
    r = subprocess.run(["make", "--no-print-directory", *args], cwd=ROOT,
                       env=make_env(), stdin=subprocess.DEVNULL,
                       capture_output=True, text=True, timeout=600, **kw)
    if check and r.returncode != 0:
        pytest.fail(f"make {' '.join(args)} failed:\n{r.stdout}\n{r.stderr}")
    return r


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def bound(port, proto="tcp"):
    """Is something bound to 127.0.0.1:port (TCP: listening)?"""
    want = f"0100007F:{port:04X}"
    with open(f"/proc/net/{proto}") as f:
        for line in f.readlines()[1:]:
            cols = line.split()
            if cols[1] == want and (proto != "tcp" or cols[3] == "0A"):
                return True
    return False


def wait_bound(port, proto="tcp", timeout=60):
    deadline = time.monotonic() + timeout
    while not bound(port, proto):
        if time.monotonic() > deadline:
            pytest.fail(f"nothing bound to 127.0.0.1:{port}/{proto}")
        time.sleep(0.2)


@pytest.fixture(scope="module")
def iso():
    make("iso")
    return ISO


# ---- make iso -------------------------------------------------------------

def test_iso_boots_through_grub_with_serial_console(boot, iso):
    g = boot(argv=["qemu-system-i386", "-cdrom", iso, "-serial", "stdio",
                   "-display", "none", "-monitor", "none", "-no-reboot",
                   "-m", "256M"])
    g.wait_for(r"GNU GRUB +version")          # GRUB itself on the serial port
    g.wait_for(r"Booting `rxos'")
    g.wait_for(BANNER)
    # up to the end of the line: the serial port may deliver half a line
    m = g.wait_for(r"Kernel command line: ([^\r\n]*)\r?\n")
    args = m.group(1).decode().split()
    assert "console=ttyS0" in args
    # GRUB passes "/boot/kernel.elf ..." first; the kernel must skip it
    assert not any(a.startswith("/boot/") for a in args), args


def test_iso_is_rebuilt_when_cmdline_changes(iso):
    cfg = os.path.join(BUILD, "iso", "boot", "grub", "grub.cfg")
    make("iso", "CMDLINE=console=ttyS0 loglevel=3")
    with open(cfg) as f:
        assert re.search(r"multiboot /boot/kernel.elf console=ttyS0 loglevel=3$",
                         f.read(), re.M)
    make("iso")
    with open(cfg) as f:
        assert "loglevel=3" not in f.read()


# ---- make run ---------------------------------------------------------------

def test_make_run_defaults_forward_host_5555_and_log_ttyS1():
    out = make("-n", "run").stdout
    assert "-device e1000,netdev=n0" in out
    assert "hostfwd=tcp:127.0.0.1:5555-:5555" in out
    assert "hostfwd=udp:127.0.0.1:5555-:5555" in out
    assert "-serial mon:stdio" in out
    assert "-serial file:build/ttyS1.out" in out


def test_make_run_boots_iso_with_e1000_port_forward_and_capture(boot, iso, tmp_path):
    port = free_port()
    ttys1 = tmp_path / "ttyS1.out"
    pcap = tmp_path / "net.pcap"
    g = boot(argv=["make", "--no-print-directory", "run",
                   f"HOST_PORT={port}", f"TTYS1_OUT={ttys1}", f"PCAP={pcap}",
                   "CMDLINE=console=ttyS0 loglevel=7 from_make_run"],
             env=make_env())
    g.wait_for(r"-device e1000,netdev=n0", timeout=300)
    g.wait_for(r"GNU GRUB +version")
    g.wait_for(BANNER)
    g.wait_for(r'Unknown kernel command line parameter "from_make_run"')
    # QEMU's user network listens on the host side of both forwards
    wait_bound(port, "tcp")
    wait_bound(port, "udp")
    assert ttys1.exists()
    # PCAP= starts a capture of the e1000's traffic: a pcap file header
    assert pcap.read_bytes()[:4] == b"\xd4\xc3\xb2\xa1"


# ---- make debug / make gdb -----------------------------------------------

def start_debug(boot, tmp_path):
    """`make debug` on free ports; returns (guest, gdbinit, port) once QEMU's
    stub listens (probing it with a connection would let the guest run)."""
    port = free_port()
    gdbinit = tmp_path / "gdbinit"
    g = boot(argv=["make", "--no-print-directory", "debug",
                   f"GDBPORT={port}", f"GDBINIT={gdbinit}",
                   f"HOST_PORT={free_port()}",
                   f"TTYS1_OUT={tmp_path / 'ttyS1.out'}"], env=make_env())
    g.wait_for(rf"gdb stub on 127\.0\.0\.1:{port}", timeout=300)
    wait_bound(port)
    assert f"target remote 127.0.0.1:{port}" in gdbinit.read_text()
    return g, gdbinit, port


def test_make_debug_stops_in_start_kernel_under_gdb(boot, tmp_path):
    g, gdbinit, _ = start_debug(boot, tmp_path)
    cmds = ["break start_kernel", "continue", "bt",
            "break parse_boot_command_line", "continue", "finish", "kill"]
    r = subprocess.run(
        ["gdb", "-nx", "-q", "-batch", "-x", str(gdbinit)]
        + [a for c in cmds for a in ("-ex", c)],
        cwd=ROOT, stdin=subprocess.DEVNULL, capture_output=True, text=True,
        timeout=GDB_TIMEOUT)
    out = r.stdout + r.stderr
    assert re.search(r"Breakpoint 1, start_kernel \(.*\) at kernel/main\.c", out), out
    assert re.search(r"^#0 +start_kernel \(", out, re.M), out      # bt
    assert "Breakpoint 2, parse_boot_command_line (" in out, out
    # `finish` came back into the caller
    assert re.search(r"^start_kernel \(.*\) at kernel/main\.c", out, re.M), out
    assert "killed" in out, out
    g.wait_for(BANNER)          # the guest really ran up to there
    g.wait_exit()               # `kill` ends QEMU, and so `make debug`


def test_make_gdb_attaches_with_symbols(boot, tmp_path):
    g, gdbinit, port = start_debug(boot, tmp_path)
    r = subprocess.run(
        ["make", "--no-print-directory", "gdb", f"GDBINIT={gdbinit}",
         f"GDBPORT={port}"],
        cwd=ROOT, env=make_env(), capture_output=True, text=True,
        input="break start_kernel\ncontinue\ninfo symbol $pc\nkill\nquit\n",
        timeout=GDB_TIMEOUT)
    assert "start_kernel in section .text" in r.stdout, r.stdout + r.stderr
    assert "declined" not in r.stderr       # no auto-load safe-path warning
    g.wait_exit()


# ---- dependencies ---------------------------------------------------------

def install_deps(*args, path=None):
    env = dict(os.environ)
    if path:
        env["PATH"] = path
    return subprocess.run(["bash", "tools/install-deps.sh", *args], cwd=ROOT,
                          env=env, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=300)


def test_install_deps_check_reports_all_present():
    r = install_deps("--check")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "install-deps: all packages present" in r.stdout


def path_without(tmp_path, hidden, fakes):
    """A PATH with every command of this machine except `hidden`, and
    `fakes` (apt-get, ...) replaced by scripts that only log their args."""
    bindir = tmp_path / "bin"
    bindir.mkdir()
    log = tmp_path / "calls.log"
    for d in ("/usr/local/bin", "/usr/bin", "/bin", "/usr/sbin", "/sbin"):
        for name in os.listdir(d) if os.path.isdir(d) else ():
            link = bindir / name
            if name != hidden and not os.path.lexists(link):
                link.symlink_to(os.path.join(d, name))
    for name in fakes:
        f = bindir / name
        if f.exists() or f.is_symlink():
            f.unlink()
        f.write_text(f'#!/bin/sh\necho "{name} $*" >> {log}\n')
        f.chmod(0o755)
    return str(bindir), log


def test_install_deps_check_names_what_is_missing_and_installs_nothing(tmp_path):
    path, log = path_without(tmp_path, "nasm", ["apt-get", "sudo"])
    r = install_deps("--check", path=path)
    assert r.returncode == 1
    assert "install-deps: missing: nasm" in r.stdout
    assert "command nasm not found" in r.stderr
    assert not log.exists()


def test_install_deps_runs_apt_get_for_the_missing_package(tmp_path):
    path, log = path_without(tmp_path, "nasm",
                             ["apt-get", "sudo", "debconf-set-selections"])
    r = install_deps(path=path)
    calls = log.read_text()
    assert "running:" in r.stdout and "apt-get install -y nasm" in r.stdout
    assert "apt-get update" in calls
    assert re.search(r"apt-get install .*\bnasm$", calls, re.M), calls
    # the fake apt-get installed nothing, and the script notices
    assert "still missing after install: nasm" in r.stdout
    assert r.returncode == 1


def test_make_runs_install_deps_when_a_tool_is_missing():
    make(os.path.relpath(os.path.join(BUILD, ".deps-ok"), ROOT))
    assert "install-deps" not in make("-n", "all").stdout
    out = make("-n", "all", "NEEDED_TOOLS=nasm rxos-no-such-tool").stdout
    assert "tools/install-deps.sh --check" in out
    assert "rxos-no-such-tool" in out


# ---- other tools ----------------------------------------------------------

def test_bench_boot_reports_median_time_to_banner():
    r = subprocess.run(["bash", "tools/bench-boot.sh", "-n", "2"], cwd=ROOT,
                       stdin=subprocess.DEVNULL, capture_output=True,
                       text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    assert len(re.findall(r"^run \d+: \d+\.\d+ s$", r.stdout, re.M)) == 2
    assert re.search(r"^median of 2: \d+\.\d+ s", r.stdout, re.M), r.stdout


def test_bench_boot_fails_clearly_when_line_never_appears():
    r = subprocess.run(["bash", "tools/bench-boot.sh", "-n", "1", "-t", "5",
                        "-p", "no such line ever"], cwd=ROOT,
                       stdin=subprocess.DEVNULL, capture_output=True,
                       text=True, timeout=120)
    assert r.returncode == 1
    assert "did not see" in r.stderr


@pytest.mark.skipif(not shutil.which("clang-format"),
                    reason="clang-format not installed (optional)")
def test_clang_format_config_is_linux_style():
    r = subprocess.run(["clang-format", "--dump-config", "kernel/main.c"],
                       cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    for opt in ("UseTab: +Always", "IndentWidth: +8", "TabWidth: +8",
                "ColumnLimit: +80", "AfterFunction: +true"):
        assert re.search(rf"^\s*{opt}$", r.stdout, re.M), opt


def docs_check(*files):
    return subprocess.run(["/usr/bin/python3",
                           "tools/docs-check.py", *map(str, files)],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)


def test_docs_point_at_files_that_exist():
    r = docs_check()
    assert r.returncode == 0, r.stdout
    assert re.search(r"^docs-check: \d+ files, 0 missing paths, \d+ anchors, "
                     r"0 anchor errors$", r.stdout, re.M)


def test_docs_check_catches_a_stale_path(tmp_path):
    doc = tmp_path / "stale.md"
    doc.write_text("see `kernel/no_such_file.c`\n"
                   "`net/core/dev.c` (coming)\n"
                   "planned in *kernel/main.c*\n")
    r = docs_check(doc)
    assert r.returncode == 1
    assert "`kernel/no_such_file.c` does not exist" in r.stdout
    assert "net/core/dev.c" not in r.stdout
    assert "*kernel/main.c* exists now" in r.stdout


def test_docs_check_catches_dangling_and_doubled_anchors(tmp_path):
    doc = tmp_path / "cites.md"
    doc.write_text("the walk: `DOC:nf_hook_slow`\n"
                   "gone: `DOC:no-such-anchor`\n")
    r = docs_check(doc)
    assert r.returncode == 1
    assert "`DOC:no-such-anchor` names no anchor" in r.stdout
    assert "nf_hook_slow" not in r.stdout.split("docs-check: 1 files")[0]


def test_docs_check_resolves_citations_to_file_and_line(tmp_path):
    doc = os.path.join("docs", "architecture.md")
    r = subprocess.run(["/usr/bin/python3", "tools/docs-check.py", "--resolve",
                        str(tmp_path), doc], cwd=ROOT, capture_output=True,
                       text=True, timeout=60)
    assert r.returncode == 0, r.stdout
    out = (tmp_path / doc).read_text()
    m = re.search(r"`DOC:nf_hook_slow` \(`(net/netfilter/core\.c):(\d+)`\)", out)
    assert m, out[:2000]
    with open(os.path.join(ROOT, m.group(1))) as f:
        assert "DOC: nf_hook_slow" in f.read().splitlines()[int(m.group(2)) - 1]


def test_docs_check_fails_on_an_anchor_no_doc_cites(tmp_path):
    (tmp_path / "tools").mkdir()
    shutil.copy(os.path.join(ROOT, "tools", "docs-check.py"), tmp_path / "tools")
    (tmp_path / "kernel").mkdir()
    (tmp_path / "kernel" / "x.c").write_text("/* DOC: lonely */\nint x;\n"
                                             "/* DOC: cited */\nint y;\n")
    (tmp_path / "README.md").write_text("see `DOC:cited`\n")
    r = subprocess.run(["/usr/bin/python3", "tools/docs-check.py"], cwd=tmp_path,
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 1
    assert "kernel/x.c:1: anchor DOC: lonely is cited by no doc" in r.stdout
    assert "cited is cited by no doc" not in r.stdout
