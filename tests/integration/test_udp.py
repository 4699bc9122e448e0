"""UDP sockets on the booted kernel (net/socket.c, net/core/sock.c,
net/ipv4/af_inet.c, net/ipv4/udp.c), driven by user/bin/udptest.

Without a peer: the socket calls' argument errors from a guest program.
With a Linux peer in a namespace (netpeer.py): datagrams both ways, ICMP
port unreachable for a closed port (and ECONNREFUSED on a connected
socket), a bad checksum dropped as UDP_CSUM, a full receive buffer counted.
"""
PROMPT = "# "


def shell(boot, cmdline="console=ttyS0 loglevel=4"):
    g = boot(cmdline)
    g.wait_for(PROMPT, timeout=120)
    return g


def test_socket_calls_reject_bad_arguments_as_linux(boot):
    g = shell(boot)
    g.send("udptest args\r")
    m = g.wait_for(r"udptest args: (\d+) failed", timeout=60)
    out = g.output
    assert "FAIL" not in out, out[-3000:]
    assert m.group(1) == b"0"
    for name in ("bind_ebadf", "bind_enotsock", "bind_efault",
                 "socket_bad_family", "socketcall_bad_call",
                 "socketcall_efault", "ioctl_fionread"):
        assert f"ok {name}" in out, name
