"""usertests (user/bin/usertests.c) on the booted kernel: the system call
layer as a program sees it, typed at the shell on ttyS0.

`usertests -l` names every test; the run must then print one "NAME: ok"
line for each of them and end with "usertests: N passed, 0 failed", so a
test that silently did not run cannot pass. A failure shows its own line.
"""
import re

PROMPT = r"# "
# Under TCG, with other QEMU runs on the same cores, the memory tests
# (hundreds of MiB zeroed, then copied by fork) take minutes.
RUN_TIMEOUT = 1500

LINE = re.compile(r"^usertests: (\S+): (ok|FAIL.*)$", re.M)
# Everything printed from the command to the count line.
RESULTS = r"(?s)(.*?)usertests: (\d+) passed, (\d+) failed\r?\n"


def shell(boot):
    g = boot("console=ttyS0 loglevel=4")
    g.wait_for(PROMPT, timeout=120)
    return g


def listed_names(g):
    g.send("usertests -l\r")
    m = g.wait_for(r"(?s)usertests -l\r\n(.*?)# ", timeout=60)
    names = m.group(1).decode().split()
    assert len(names) >= 30, names
    return names


def run(g, args=""):
    """Run usertests; the per-test lines and the two counts."""
    g.send(f"usertests {args}".rstrip() + "\r")
    m = g.wait_for(RESULTS, timeout=RUN_TIMEOUT)
    text = m.group(1).decode("utf-8", "replace").replace("\r\n", "\n")
    return dict(LINE.findall(text)), int(m.group(2)), int(m.group(3))


def test_usertests_pass_every_listed_test(boot):
    g = shell(boot)
    names = listed_names(g)
    results, passed, failed = run(g)
    failures = [f"{n}: {r}" for n, r in results.items() if r != "ok"]
    missing = [n for n in names if n not in results]
    assert failed == 0 and not failures, "\n".join(failures)
    assert not missing, f"listed but not run: {missing}"
    assert passed == len(names)
    g.send("echo rc=$?\r")
    g.wait_for(r"rc=0")


def test_usertests_runs_only_the_named_tests_and_rejects_unknown_ones(boot):
    g = shell(boot)
    results, passed, failed = run(g, "uname_describes_the_system pipe_carries_bytes_in_order")
    assert results == {"uname_describes_the_system": "ok",
                       "pipe_carries_bytes_in_order": "ok"}
    assert (passed, failed) == (2, 0)
    g.wait_for(PROMPT)
    g.send("usertests no_such_test; echo rc=$?\r")
    g.wait_for(r"no test named no_such_test")
    g.wait_for(r"rc=2")
