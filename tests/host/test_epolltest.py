"""epolltest (user/bin/epolltest.c) against the host's Linux kernel.

The same program runs in the rxos guest (tests/integration/test_epoll.py);
here it proves that what it asserts is Linux's behaviour: level and edge
triggering, EPOLLONESHOT, HUP/ERR on pipes, timeouts, nesting and ELOOP,
the errors, close semantics, maxevents round robin. The i386 flavour (our
libc under qemu-i386, passing the system calls to this kernel) checks the
libc wrappers and the packed 12-byte struct epoll_event.
"""
import re

import pytest

TESTS = [
    "event_is_12_bytes_packed",
    "level_triggered_stays_ready_until_drained",
    "edge_triggered_fires_once_per_write",
    "oneshot_reports_once_until_mod",
    "epollout_on_pipe_with_room",
    "epollhup_when_the_writer_closes",
    "epollerr_when_the_reader_closes",
    "hup_is_reported_even_if_not_asked",
    "timeout_0_returns_at_once",
    "timeout_100ms_waits_then_returns_0",
    "blocking_wait_is_woken_by_a_child_write",
    "signal_ends_the_wait_with_eintr_even_with_sa_restart",
    "epoll_pwait_swaps_the_signal_mask",
    "epoll_fd_is_readable_in_poll",
    "epoll_inside_epoll",
    "nesting_deeper_than_linux_allows_is_eloop",
    "errors_are_linux_errors",
    "closed_fd_disappears_from_the_set",
    "dup_keeps_the_item_after_close",
    "maxevents_round_robins_level_triggered_items",
    "epoll_create1_cloexec",
]


def test_epolltest_passes_every_test_against_linux(run, flavour):
    names = TESTS
    r = run("epolltest", timeout=60)
    lines = r.stdout.splitlines()
    assert lines[-1] == f"{len(names)} passed, 0 failed", r.stdout
    assert lines[:-1] == [f"ok {t}" for t in names], r.stdout
    assert r.returncode == 0


def test_epolltest_lists_every_test_it_has(run, flavour):
    """The list above is the program's, so the guest test checks them all."""
    r = run("epolltest", "no_such_test")
    assert r.stdout == "0 passed, 0 failed\n"
    src = open(__file__.replace("tests/host/test_epolltest.py",
                                "user/bin/epolltest.c")).read()
    assert re.findall(r"^\tT\((\w+)\),$", src, re.M) == TESTS
