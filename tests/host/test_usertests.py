"""usertests on this machine's Linux: the proof that what it asserts is
Linux behaviour, so a pass on rxos means rxos behaves like Linux.

host  the glibc build runs every test it has (its list leaves out the
      rxos-only fork_fails_cleanly_when_memory_runs_out).
i386  the rxos build (our libc) under qemu-i386, which hands its system
      calls to this kernel: a check of the libc. Some tests are left out,
      each for its reason in QEMU_USER_SKIPS.
"""
import os
import re
import subprocess

import pytest

from conftest import HOST_BIN, QEMU, USER_BIN

LINE = re.compile(r"^usertests: (\S+): (ok|FAIL.*)$", re.M)
COUNT = re.compile(r"^usertests: (\d+) passed, (\d+) failed$", re.M)

QEMU_USER_SKIPS = {
    # rxos-only: a copying fork that runs out of memory
    "fork_fails_cleanly_when_memory_runs_out",
    # the i386 build does not cap memory (only the glibc build knows it is on
    # Linux): growth until failure would take gigabytes of this machine
    "brk_fails_with_enomem_and_shrinking_gives_memory_back",
    "mmap_fails_with_enomem_and_munmap_gives_memory_back",
    "memory_of_an_exited_process_is_given_back",
    # qemu-user leaks the two descriptors of a pipe() whose result it cannot
    # store (Linux closes them); the rest of that test passes
    "bad_result_pointers_give_efault",
    # the rxos build expects init to adopt orphans; here a subreaper may
    "orphans_are_adopted_by_init",
}


def usertests(argv, tmp_path, timeout=300):
    r = subprocess.run(argv, cwd=tmp_path, capture_output=True, text=True,
                       timeout=timeout, env={"PATH": "/usr/bin:/bin",
                                             "TMPDIR": str(tmp_path)})
    return r


def names(*argv):
    r = subprocess.run([*argv, "-l"], capture_output=True, text=True, check=True)
    return r.stdout.split()


def check(r, expected):
    results = dict(LINE.findall(r.stdout))
    failures = [f"{n}: {v}" for n, v in results.items() if v != "ok"]
    assert not failures, "\n".join(failures)
    assert sorted(results) == sorted(expected), "a test did not run"
    m = COUNT.search(r.stdout)
    assert m and (int(m.group(1)), int(m.group(2))) == (len(expected), 0), r.stdout
    assert r.stdout.rstrip("\n").endswith(m.group(0))
    assert r.returncode == 0


def test_usertests_pass_on_linux(tmp_path):
    binary = os.path.join(HOST_BIN, "usertests")
    listed = names(binary)
    assert "pipe_carries_bytes_in_order" in listed
    assert "fork_fails_cleanly_when_memory_runs_out" not in listed
    check(usertests([binary], tmp_path), listed)


@pytest.mark.skipif(not QEMU, reason="qemu-i386 (Debian qemu-user) is not installed")
def test_usertests_of_the_rxos_libc_pass_under_qemu_user(tmp_path):
    binary = os.path.join(USER_BIN, "usertests")
    listed = names(QEMU, binary)
    chosen = [n for n in listed if n not in QEMU_USER_SKIPS]
    assert QEMU_USER_SKIPS <= set(listed)
    check(usertests([QEMU, binary, *chosen], tmp_path), chosen)


def test_usertests_lists_and_rejects_names(tmp_path):
    binary = os.path.join(HOST_BIN, "usertests")
    r = usertests([binary, "uname_describes_the_system"], tmp_path)
    check(r, ["uname_describes_the_system"])
    r = usertests([binary, "no_such_test"], tmp_path)
    assert r.returncode == 2 and "no test named no_such_test" in r.stdout
