"""epoll in the guest: user/bin/epolltest run at the shell.

tests/host/test_epolltest.py runs the same program against the host's
Linux kernel, so every line here that says "ok" is Linux's behaviour,
reproduced by kernel/fs/eventpoll.c: level/edge triggering, EPOLLONESHOT,
HUP/ERR on pipes, timeouts, a blocking epoll_wait woken from another
process through ep_poll_callback, signals (-EINTR, epoll_pwait's mask),
epoll inside poll() and inside epoll, ELOOP, the error codes, close
removing the file from the set.
"""
import os
import re

from test_userland import run, shell

SRC = os.path.join(os.path.dirname(__file__), "..", "..", "user", "bin",
                   "epolltest.c")


def epolltest_names():
    """Every test the program has, from its table: none may go missing."""
    return re.findall(r"^\tT\((\w+)\),$", open(SRC).read(), re.M)


def test_epolltest_passes_every_test_in_the_guest(boot):
    names = epolltest_names()
    assert len(names) >= 20
    g = shell(boot)
    out = run(g, "epolltest", timeout=180)
    lines = out.splitlines()
    assert lines[-1] == f"{len(names)} passed, 0 failed", out
    assert lines[:-1] == [f"ok {t}" for t in names], out
    assert run(g, "echo $?").strip() == "0"


def test_typing_a_line_wakes_epoll_wait_on_the_tty(boot):
    """The hardirq path: UART interrupt -> n_tty -> ep_poll_callback."""
    g = shell(boot)
    g.send("epolltest --stdin\r")
    g.wait_for(r"waiting for stdin\r\n", timeout=30)
    g.send("hello epoll\r")
    m = g.wait_for(r"stdin readable \(events (0x[0-9a-f]+)\): (.*)\r\n", timeout=30)
    assert m.group(2) == b"hello epoll"
    assert int(m.group(1), 16) == 0x1  # EPOLLIN
