"""The userland as a student meets it on the serial console.

The host tests (tests/host) check each program against Linux on this
machine; these run the i386 builds inside the guest, through the real
kernel: the seed article's `ps -ef | grep ksoftirqd`, /proc files read with
cat, pipes, files, jobs, init respawning the shell, and poweroff ending
QEMU.
"""
import re

PROMPT = r"# $"
CMDLINE = "console=ttyS0 loglevel=4"


def shell(boot, cmdline=CMDLINE):
    g = boot(cmdline)
    g.wait_for(r"# ", timeout=90)
    return g


def run(g, line, timeout=30):
    """Type a line; return what it printed (between the echo and the prompt)."""
    g.send(line + "\r")
    m = g.wait_for(re.escape(line) + r"\r\n(?s:(.*?))# $", timeout=timeout)
    return m.group(1).decode(errors="replace").replace("\r\n", "\n")


def test_ps_ef_grep_ksoftirqd_shows_the_kernel_thread(boot):
    g = shell(boot)
    out = run(g, "ps -ef | grep ksoftirqd")
    line = [l for l in out.splitlines() if "[ksoftirqd/0]" in l]
    assert line, out
    # procps layout: UID PID PPID C STIME TTY TIME CMD; a kthread has TTY ?
    assert re.match(r"root\s+\d+\s+2\s+\d+ \S+ \?\s+\d\d:\d\d:\d\d \[ksoftirqd/0\]$",
                    line[0]), line[0]


def test_proc_softirqs_has_linux_rows_and_net_rx(boot):
    g = shell(boot)
    out = run(g, "cat /proc/softirqs")
    lines = out.splitlines()
    assert lines[0].split() == ["CPU0"]
    names = [l.split(":")[0].strip() for l in lines[1:]]
    assert names == ["HI", "TIMER", "NET_TX", "NET_RX", "BLOCK", "IRQ_POLL",
                     "TASKLET", "SCHED", "HRTIMER", "RCU"], names
    before = int(lines[2].split()[1])
    run(g, "sleep 1")  # nanosleep arms a kernel timer: TIMER_SOFTIRQ runs
    after = int(run(g, "cat /proc/softirqs").splitlines()[2].split()[1])
    assert after > before, (before, after)


def test_proc_cmdline_version_and_meminfo(boot):
    g = shell(boot)
    assert run(g, "cat /proc/cmdline").strip() == CMDLINE
    assert run(g, "cat /proc/version").startswith("Linux version ")
    mem = run(g, "head -n 3 /proc/meminfo").splitlines()
    assert [l.split(":")[0] for l in mem] == ["MemTotal", "MemFree",
                                             "MemAvailable"], mem
    assert re.match(r"MemTotal:\s+\d+ kB$", mem[0])


def test_pipes_files_and_grep_in_the_guest(boot):
    g = shell(boot)
    assert run(g, "echo one two three | wc -w").strip() == "3"
    run(g, "echo alpha > /f; echo beta >> /f")
    assert run(g, "cat /f") == "alpha\nbeta\n"
    assert run(g, "grep -c a /f").strip() == "2"
    assert run(g, "grep -v alpha < /f").strip() == "beta"
    run(g, "rm /f")
    assert "No such file" in run(g, "cat /f")


def test_background_job_is_listed_by_ps_and_killed(boot):
    g = shell(boot)
    run(g, "sleep 100 &")
    out = run(g, "ps")
    m = re.search(r"^\s*(\d+) \S+\s+\d\d:\d\d:\d\d sleep$", out, re.M)
    assert m, out
    run(g, f"kill {m.group(1)}")
    out = run(g, "ps")
    assert not re.search(r" sleep$", out, re.M), out


def test_dmesg_has_timestamped_boot_lines(boot):
    g = shell(boot)
    out = run(g, "dmesg | head -n 2")
    assert re.match(r"\[    0\.\d{6}\] Linux version ", out), out


def test_exiting_the_shell_makes_init_start_another(boot):
    g = shell(boot)
    g.send("exit\r")
    g.wait_for(r"exit\r\n", timeout=30)
    g.wait_for(r"# ", timeout=60)  # init respawned sh
    assert run(g, "echo still-here").strip() == "still-here"


def test_poweroff_ends_qemu_cleanly(boot):
    g = shell(boot)
    g.send("poweroff\r")
    rc = g.wait_exit(timeout=60)
    assert rc in (0, 1), rc  # ACPI-less poweroff: isa-debug-exit(0) -> 1
