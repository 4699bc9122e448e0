"""The small programs of user/bin, built for the host.

Where coreutils/procps/GNU grep define the expected output, the system's
own tool is run on the same input and the outputs must be identical.
"""
import os
import re
import shutil
import subprocess
import time

import pytest

TEXT = "hello world\nfoo bar baz\n\n  Foo.Bar\nlast line without newline"


def system(argv, cwd, stdin=None):
    return subprocess.run(argv, input=stdin, cwd=cwd, capture_output=True,
                          text=True, env={"LC_ALL": "C", "TZ": "UTC",
                                          "PATH": "/usr/bin:/bin"})


@pytest.fixture
def files(tmp_path):
    (tmp_path / "t.txt").write_text(TEXT)
    (tmp_path / "u.txt").write_text("one\ntwo\nthree\n" * 5)
    return tmp_path


# ---- true, false, echo, cat --------------------------------------------------

def test_true_and_false(run):
    assert run("true").returncode == 0
    assert run("false").returncode == 1


@pytest.mark.parametrize("args,expect", [
    (["a", "b"], "a b\n"),
    (["-n", "a"], "a"),
    (["-e", r"t\tn\nx\\"], "t\tn\nx\\\n"),
    (["-ne", r"\x41\0102\101"], "AB\\101"),
    (["-e", r"stop\chere"], "stop"),
    (["-E", r"a\tb"], "a\\tb\n"),
    (["-x", "-n"], "-x -n\n"),
    (["--", "x"], "-- x\n"),
    ([], "\n"),
])
def test_echo_options_and_escapes(run, args, expect):
    assert run("echo", *args).stdout == expect


def test_cat_concatenates_files_and_stdin(run, files):
    r = run("cat", "u.txt", "-", "t.txt", stdin="middle\n")
    assert r.stdout == (files / "u.txt").read_text() + "middle\n" + TEXT
    r = run("cat", "missing", "t.txt")
    assert r.returncode == 1 and r.stdout == TEXT
    assert "cat: missing: No such file or directory" in r.stderr


# ---- wc, head: same output as coreutils -----------------------------------------

@pytest.mark.parametrize("args", [[], ["-l"], ["-w"], ["-c"], ["-l", "-c"], ["-lw"]])
def test_wc_matches_coreutils(run, files, args):
    for operands in (["t.txt"], ["t.txt", "u.txt"], []):
        mine = run("wc", *args, *operands, stdin=TEXT)
        ref = system(["wc", *args, *operands], files, stdin=TEXT)
        assert mine.stdout == ref.stdout, (args, operands)


def test_wc_counts_from_a_pipe(sh):
    assert sh("echo one two | wc").stdout == "      1       2       8\n"


@pytest.mark.parametrize("args", [[], ["-n", "3"], ["-2"], ["-n1"], ["-n", "0"]])
def test_head_matches_coreutils(run, files, args):
    for operands in (["u.txt"], ["t.txt", "u.txt"]):
        mine = run("head", *args, *operands)
        assert mine.stdout == system(["head", *args, *operands], files).stdout


def test_head_reads_stdin_and_rejects_bad_counts(run):
    assert run("head", "-n", "2", stdin="1\n2\n3\n").stdout == "1\n2\n"
    r = run("head", "-n", "x")
    assert r.returncode == 1 and "invalid number" in r.stderr


# ---- grep -------------------------------------------------------------------------

def test_grep_options(run, files):
    assert run("grep", "foo", "t.txt").stdout == "foo bar baz\n"
    assert run("grep", "-i", "foo", "t.txt").stdout == "foo bar baz\n  Foo.Bar\n"
    assert run("grep", "-c", "o", "t.txt").stdout == "4\n"
    assert run("grep", "-v", "o", "t.txt").stdout == "\n"
    assert run("grep", "-n", "line", "t.txt").stdout == "5:last line without newline\n"
    assert run("grep", "-in", "bar", "t.txt").stdout == "2:foo bar baz\n4:  Foo.Bar\n"
    r = run("grep", "-q", "foo", "t.txt")
    assert r.returncode == 0 and r.stdout == ""


def test_grep_exit_status(run, files):
    assert run("grep", "zzz", "t.txt").returncode == 1
    assert run("grep", "-q", "zzz", "t.txt").returncode == 1
    r = run("grep", "foo", "missing")
    assert r.returncode == 2 and "missing" in r.stderr
    # POSIX: with -q, a selected line means 0 even after an error
    assert run("grep", "-q", "foo", "missing", "t.txt").returncode == 0
    assert run("grep", "-q", "zzz", "missing", "t.txt").returncode == 2
    assert run("grep", "-q", "foo", "t.txt", "missing").returncode == 0
    assert run("grep").returncode == 2


def test_grep_names_files_when_there_are_several(run, files):
    r = run("grep", "-c", "o", "t.txt", "u.txt")
    assert r.stdout == "t.txt:4\nu.txt:10\n"
    assert run("grep", "-h", "two", "u.txt", "u.txt").stdout == "two\n" * 10


def test_grep_fixed_strings_take_regex_characters_literally(run):
    r = run("grep", "-F", "a.c", stdin="abc\na.c\n")
    assert r.stdout == "a.c\n"
    assert run("grep", "-Fi", "A.C", stdin="abc\na.c\n").stdout == "a.c\n"
    assert run("grep", "-e", "x", "-e", "y", stdin="a\nx\ny\n").stdout == "x\ny\n"


REGEX_LINES = "abc\naXc\nac\nabbbc\n^lit\nend$\nx*y\n[br]\nFOO bar\n123\n\nfoo.bar\n"


@pytest.mark.parametrize("pattern", [
    "a.c", "ab*c", "^a", "c$", "^$", "^ab*c$", "[0-9]", "[^a-z]", "[a-cX]",
    "[[:upper:]]", "[[:digit:]][[:digit:]]", "x\\*y", "\\[br]", "[]b]",
    "^\\^", "d\\$", "o\\.b", "*y", "a.*c$", ".",
])
def test_grep_regex_matches_gnu_grep(run, tmp_path, pattern):
    mine = run("grep", "-n", pattern, stdin=REGEX_LINES)
    ref = system(["grep", "-n", pattern], tmp_path, stdin=REGEX_LINES)
    assert mine.stdout == ref.stdout and mine.returncode == ref.returncode


# ---- ls, mkdir, rm ----------------------------------------------------------------

@pytest.fixture
def tree(tmp_path):
    d = tmp_path / "d"
    (d / "sub").mkdir(parents=True)
    for name in ("b", "A", ".hidden", "c.txt"):
        (d / name).write_text(name)
    (d / "x").write_text("x" * 5000)
    (d / "x").chmod(0o750)
    os.symlink("b", d / "link")
    return tmp_path


@pytest.mark.parametrize("args", [[], ["-a"], ["-1"], ["-l"], ["-la"], ["-l", "-a"]])
def test_ls_matches_coreutils(run, tree, args):
    for operands in (["d"], ["d/b", "d/sub", "d"], ["d/x", "d/link"]):
        mine = run("ls", *args, *operands)
        ref = system(["ls", *args, *operands], tree)
        assert mine.stdout == ref.stdout, (args, operands)


def test_ls_reports_missing_paths(run):
    r = run("ls", "nope")
    assert r.returncode == 2 and "cannot access 'nope'" in r.stderr


def test_mkdir_p_and_rm_r(run, tmp_path):
    assert run("mkdir", "-p", "a/b//c/").returncode == 0
    assert (tmp_path / "a/b/c").is_dir()
    assert run("mkdir", "-p", "a/b").returncode == 0  # exists: fine with -p
    r = run("mkdir", "a")
    assert r.returncode == 1 and "File exists" in r.stderr
    r = run("mkdir", "x/y")
    assert r.returncode == 1 and "No such file" in r.stderr
    (tmp_path / "a/b/c/f").write_text("f")
    os.symlink("/", tmp_path / "a/root-link")  # must not be followed
    r = run("rm", "a")
    assert r.returncode == 1 and "Is a directory" in r.stderr
    assert run("rm", "-r", "a").returncode == 0
    assert not (tmp_path / "a").exists()


def test_rm_files_and_force(run, tmp_path):
    (tmp_path / "f").write_text("")
    assert run("rm", "f").returncode == 0 and not (tmp_path / "f").exists()
    r = run("rm", "f")
    assert r.returncode == 1 and "No such file" in r.stderr
    assert run("rm", "-f", "f").returncode == 0
    (tmp_path / "d").mkdir()
    assert run("rm", "-rf", "d", "gone").returncode == 0


# ---- kill, sleep -------------------------------------------------------------------

def test_kill_l_lists_linux_signal_names(run):
    names = run("kill", "-l").stdout.split()
    assert names[:15] == ["HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE",
                          "KILL", "USR1", "SEGV", "USR2", "PIPE", "ALRM", "TERM"]
    assert len(names) == 31 and names[-1] == "SYS"
    assert run("kill", "-l", "9").stdout == "KILL\n"
    assert run("kill", "-l", "SIGTERM").stdout == "15\n"
    assert run("kill", "-l", "143").stdout == "TERM\n"
    assert run("kill", "-l", "BOGUS").returncode == 1


@pytest.mark.parametrize("sigarg,expect", [([], -15), (["-9"], -9), (["-KILL"], -9),
                                           (["-s", "INT"], -2), (["-SIGUSR1"], -10)])
def test_kill_sends_the_named_signal(run, sigarg, expect):
    victim = subprocess.Popen(["sleep", "30"])
    try:
        assert run("kill", *sigarg, str(victim.pid)).returncode == 0
        assert victim.wait(timeout=10) == expect
    finally:
        victim.kill()


def test_kill_errors(run):
    r = run("kill", "-NOPE", "1")
    assert r.returncode == 1 and "unknown signal" in r.stderr
    r = run("kill", "notapid")
    assert r.returncode == 1
    r = run("kill", "-0", "999999")
    assert r.returncode == 1 and "No such process" in r.stderr


def test_sleep_accepts_fractions_and_rejects_garbage(run):
    assert run("sleep", "0.05", "0.05s").returncode == 0
    assert run("sleep", "1x").returncode == 1
    assert run("sleep").returncode == 1


# ---- uname, ps, dmesg, poweroff ---------------------------------------------------

@pytest.mark.parametrize("args", [[], ["-s"], ["-n"], ["-r"], ["-m"], ["-s", "-r"], ["-snrvm"]])
def test_uname_matches_coreutils(run, tmp_path, flavour, args):
    # An i386 process gets the i386 personality: machine "i686".
    arch = ["setarch", "i686"] if flavour == "i386" else []
    assert run("uname", *args).stdout == system([*arch, "uname", *args], tmp_path).stdout


def test_uname_a_is_all_five_fields(run, tmp_path, flavour):
    arch = ["setarch", "i686"] if flavour == "i386" else []
    assert run("uname", "-a").stdout == system([*arch, "uname", "-snrvm"], tmp_path).stdout


def write_proc(root, pid, comm, ppid, tty, utime, start, cmdline):
    d = root / str(pid)
    d.mkdir()
    fields = ["S", ppid, pid, pid, tty, -1, 0, 0, 0, 0, 0, utime, 0, 0, 0, 20, 0, 1, 0, start]
    (d / "stat").write_text(f"{pid} ({comm}) " + " ".join(map(str, fields)) + " 0 0\n")
    (d / "cmdline").write_bytes(cmdline)


@pytest.fixture
def fake_proc(tmp_path):
    root = tmp_path / "proc"
    root.mkdir()
    (root / "uptime").write_text("1000.50 900.00\n")
    (root / "stat").write_text("cpu 1 2 3\nbtime 1700000000\n")
    write_proc(root, 1, "init", 0, 0, 150, 1, b"/bin/init\0")
    write_proc(root, 2, "ksoftirqd/0", 0, 0, 0, 2, b"")
    write_proc(root, 12, "sh", 1, 0x440, 5, 200, b"sh\0-c\0echo a b\0")
    write_proc(root, 9, "we(ird) name", 1, 0, 360000 + 6100, 300, b"")
    (root / "self").mkdir()
    return root


def test_ps_ef_in_procps_layout(run, fake_proc):
    r = run("ps", "-ef", env={"PROCFS": str(fake_proc)})
    user = re.escape(__import__("pwd").getpwuid(os.getuid()).pw_name[:8].ljust(8))
    lines = r.stdout.splitlines()
    assert lines[0] == "UID        PID  PPID  C STIME TTY          TIME CMD"
    assert re.fullmatch(user + r"     1     0  0 Nov14 \?        00:00:01 /bin/init", lines[1])
    assert lines[2].endswith(" 0  0 Nov14 ?        00:00:00 [ksoftirqd/0]")
    assert lines[3].endswith(" 1 99 Nov14 ?        01:01:01 [we(ird) name]")
    assert lines[4].endswith(" 1  0 Nov14 ttyS0    00:00:00 sh -c echo a b")
    assert len(lines) == 5


def test_ps_start_time_is_clock_time_for_recent_processes(run, fake_proc):
    btime = int(time.time()) - 500
    (fake_proc / "stat").write_text(f"btime {btime}\n")
    r = run("ps", "-f", "-e", env={"PROCFS": str(fake_proc)})
    expect = time.strftime("%H:%M", time.gmtime(btime + 200 // 100))
    assert f" 12     1  0 {expect} ttyS0 " in r.stdout


def test_ps_e_shows_names_and_plain_ps_only_our_terminal(run, fake_proc):
    r = run("ps", "-e", env={"PROCFS": str(fake_proc)})
    assert r.stdout.splitlines() == [
        "  PID TTY          TIME CMD",
        "    1 ?        00:00:01 init",
        "    2 ?        00:00:00 ksoftirqd/0",
        "    9 ?        01:01:01 we(ird) name",
        "   12 ttyS0    00:00:00 sh",
    ]


def test_ps_on_the_real_proc_lists_itself(run):
    r = run("ps", "-ef")
    assert r.returncode == 0
    assert re.search(r"^\S+\s+\d+\s+\d+\s+\d+ \d\d:\d\d \S+\s+\d\d:\d\d:\d\d .*ps -ef$",
                     r.stdout, re.M)


def test_dmesg_strips_level_prefixes(run):
    r = run("dmesg")
    if r.returncode != 0:
        pytest.skip("no access to the host's kernel log: " + r.stderr.strip())
    assert not re.search(r"^<\d+>", r.stdout, re.M)


@pytest.mark.parametrize("flavour", ["host"])  # never the real one, see conftest
@pytest.mark.parametrize("prog", ["poweroff", "reboot"])
def test_host_build_of_poweroff_and_reboot_never_acts(run, prog):
    r = run(prog)
    assert r.returncode == 0 and "host build" in r.stdout


# ---- init ----------------------------------------------------------------------

def test_init_runs_rc_then_keeps_a_shell_alive(tmp_path):
    """init.c built for the host with its two paths redirected: it must run
    the rc script, then start sh, and start a new one each time it exits."""
    from conftest import HOST_BIN, ROOT, host_env
    exe = tmp_path / "init"
    subprocess.run(["cc", "-std=gnu11", "-Wall", "-Werror", "-D_GNU_SOURCE",
                    f'-DINIT_RC="{tmp_path}/rc"', f'-DINIT_SHELL="{HOST_BIN}/sh"',
                    os.path.join(ROOT, "user/bin/init.c"), "-o", str(exe)], check=True)
    (tmp_path / "rc").write_text("echo rc ran\n")
    # Each shell reads one line from the shared stdin pipe and exits.
    p = subprocess.Popen([str(exe)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, env=host_env(), cwd=tmp_path)
    try:
        p.stdin.write(b"echo first shell; exit 3\necho second shell; kill -9 $$\n"
                      b"echo third shell\n")
        p.stdin.flush()
        seen = b""
        deadline = time.monotonic() + 20
        while b"third shell" not in seen and time.monotonic() < deadline:
            seen += os.read(p.stdout.fileno(), 4096)
        text = seen.decode()
        assert text.index("rc ran") < text.index("first shell")
        assert "shell exited with status 3, restarting" in text
        assert "shell killed by signal 9, restarting" in text
        assert "third shell" in text
    finally:
        p.kill()
        p.wait()
