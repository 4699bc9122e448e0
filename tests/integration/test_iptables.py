"""iptables on the booted kernel (net/ipv4/netfilter/, user/bin/iptables),
with the host's Linux stack as the peer (netpeer.py: a namespace + tap).

Rules on INPUT and OUTPUT with exact counters in `iptables -L -v -n -x`
after pings and datagrams from the namespace; DROP, REJECT (ICMP port
unreachable, TCP reset), LOG (the dmesg line), policies, user chains; the
seed article's command verbatim; bad command lines with iptables' messages
and exit codes; broken blobs from a guest program (user/bin/iptblob).
"""
import os
import re

import pytest

from netpeer import PYTHON, NetPeer, _need_tap, _serial, netpeer  # noqa: F401
from netpeer import run

PROMPT = "# "


def ipt(p, args):
    """Run iptables in the guest: (exit status, output)."""
    out = p.sh(f"iptables {args} 2>&1; echo rc=$?")
    m = re.search(r"rc=(\d+)\s*$", out)
    return int(m.group(1)), out[:m.start()]


def ok(p, args):
    rc, out = ipt(p, args)
    assert rc == 0, f"iptables {args}: {out}"
    return out


def rules(p, chain):
    """The rule lines of `iptables -L chain -v -n -x`, split in columns."""
    out = ok(p, f"-L {chain} -v -n -x")
    lines = out.splitlines()
    return [l.split() for l in lines[2:] if l.strip()], lines[0]


def udp_from_ns(p, dst, port, payload=b"x" * 12, src=None, count=1,
                expect_refused=False):
    """Send UDP datagrams from the namespace; with expect_refused, report
    whether a connected socket saw ECONNREFUSED (an ICMP unreachable)."""
    script = f"""
import socket, time, errno
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
{"s.bind((%r, 0))" % src if src else ""}
s.connect(({dst!r}, {port}))
s.settimeout(3)
for i in range({count}):
    s.send({payload!r})
    time.sleep(0.2)
try:
    s.recv(100)
    print("reply")
except ConnectionRefusedError:
    print("refused")
except socket.timeout:
    print("timeout")
"""
    r = p.ns(PYTHON, "-c", script, timeout=60)
    return r.stdout.strip()


def test_bad_commands_give_iptables_messages_and_exit_codes(netpeer):
    p = netpeer()
    cases = [
        ("-t nat -L", 3, "iptables v1.8.9 (legacy): can't initialize "
         "iptables table `nat': Table does not exist (do you need to "
         "insmod?)"),
        ("-A NOPE -j ACCEPT", 1,
         "iptables: No chain/target/match by that name."),
        ("-A INPUT -j NOPE", 2, "Couldn't load target `NOPE'"),
        ("-A INPUT bogus", 2, "iptables v1.8.9 (legacy): Bad argument "
         "`bogus'"),
        ("-A INPUT --dport 53 -j DROP", 2, "unknown option \"--dport\""),
        ("-A INPUT -p udp --dport 70000", 2,
         "invalid port/service `70000' specified"),
        ("-A INPUT -s 10.0.0.0/33", 2, "invalid mask `33' specified"),
        ("-A OUTPUT -i eth0 -j DROP", 2, "Can't use -i with OUTPUT"),
        ("-D INPUT 9", 1, "iptables: Index of deletion too big."),
        ("-I INPUT 5 -j ACCEPT", 1, "iptables: Index of insertion too big."),
        ("-P INPUT MAYBE", 1, "iptables: Bad policy name."),
        ("", 2, "no command specified"),
        # the kernel refuses it: REJECT's tcp-reset needs -p tcp
        ("-A INPUT -p udp -j REJECT --reject-with tcp-reset", 1,
         "iptables: Invalid argument. Run `dmesg' for more information."),
    ]
    for args, want_rc, want_msg in cases:
        rc, out = ipt(p, args)
        assert rc == want_rc, (args, rc, out)
        assert want_msg in out, (args, out)
    assert "REJECT: TCP_RESET invalid for non-tcp" in p.sh("dmesg")
    ok(p, "-N a")
    ok(p, "-N b")
    ok(p, "-A a -p udp -j b")
    rc, out = ipt(p, "-A b -p udp -j a")  # a loop: the kernel says ELOOP
    assert rc == 1 and "iptables: Too many levels of symbolic links." in out
    rc, out = ipt(p, "-N a")
    assert rc == 1 and "iptables: Chain already exists." in out
    rc, out = ipt(p, "-X b")
    assert rc == 1 and "iptables: Too many links." in out
    ok(p, "-F a")
    ok(p, "-X a")
    ok(p, "-X b")
    # nothing above left a rule behind
    for chain in ("INPUT", "FORWARD", "OUTPUT"):
        assert rules(p, chain)[0] == [], chain


def test_kernel_refuses_broken_blobs_from_a_guest_program(netpeer):
    p = netpeer()
    ok(p, "-A INPUT -p udp --dport 7 -j DROP")
    out = p.sh("iptblob")
    assert "iptblob: 0 failed" in out, out
    for name in ("truncated", "bad_next_offset", "bad_hook_offset",
                 "underflow_out_of_range", "jump_into_a_chain", "loop",
                 "header_inside_chain", "stale_counters", "random_bytes",
                 "table_unchanged"):
        assert f"ok {name}" in out, name
    assert rules(p, "INPUT")[0][0][2] == "DROP"


def test_seed_command_drops_udp_53_from_172_16_and_counts_it(netpeer):
    # the guest lives in 172.16.0.0/16 (inside our namespace only)
    p = netpeer(extra_cmdline="ip=172.16.0.2::172.16.0.1:255.255.0.0::eth0:off",
                guest_ip=False)
    p.ns("ip", "addr", "add", "172.16.0.1/16", "dev", p.tap)
    base = p.drop_reasons().get("NETFILTER_DROP", 0)
    out = p.sh("iptables -t filter -A INPUT -s 172.16.0.0/16 -p udp "
               "--dport 53 -j DROP; echo rc=$?")
    assert "rc=0" in out, out
    # port 53 is closed on the guest: without the rule it would answer
    # with a port unreachable; with it, nothing comes back
    assert udp_from_ns(p, "172.16.0.2", 53, src="172.16.0.1",
                       count=2) == "timeout"
    assert udp_from_ns(p, "172.16.0.2", 54, src="172.16.0.1") == "refused"
    lines, head = rules(p, "INPUT")
    assert lines[0][:4] == ["2", str(2 * (20 + 8 + 12)), "DROP", "udp"]
    assert lines[0][7:] == ["172.16.0.0/16", "0.0.0.0/0", "udp", "dpt:53"]
    assert p.drop_reasons()["NETFILTER_DROP"] == base + 2
    # the layout, column for column, as iptables-legacy prints it
    out = ok(p, "-L INPUT -v -n")
    assert out.splitlines()[1] == (" pkts bytes target     prot opt in     "
                                   "out     source               "
                                   "destination         ")
    assert out.splitlines()[2] == ("    2    80 DROP       udp  --  *      "
                                   "*       172.16.0.0/16        0.0.0.0/0 "
                                   "           udp dpt:53")


def test_input_drop_stops_ping_and_counts_exactly(netpeer):
    p = netpeer()
    assert p.ping(count=1)[0]
    ok(p, "-Z")
    base = p.drop_reasons().get("NETFILTER_DROP", 0)
    ok(p, f"-A INPUT -s {p.host_ip}/32 -p icmp --icmp-type echo-request "
          "-j DROP")
    good, _ = p.ping(count=3)
    assert not good
    lines, head = rules(p, "INPUT")
    assert lines[0][:3] == ["3", str(3 * 84), "DROP"]
    assert lines[0][7:] == [p.host_ip, "0.0.0.0/0", "icmptype", "8"]
    assert p.drop_reasons()["NETFILTER_DROP"] == base + 3
    # delete by specification: pings get through again, policy counts them
    ok(p, f"-D INPUT -s {p.host_ip}/32 -p icmp --icmp-type echo-request "
          "-j DROP")
    ok(p, "-Z INPUT")
    assert p.ping(count=2)[0]
    lines, head = rules(p, "INPUT")
    assert lines == []
    assert head == "Chain INPUT (policy ACCEPT 2 packets, 168 bytes)"


def test_policy_drop_with_an_accept_rule_and_a_user_chain(netpeer):
    p = netpeer()
    ok(p, "-N pings")
    ok(p, "-A pings -p icmp --icmp-type echo-request -j ACCEPT")
    ok(p, f"-A INPUT -i eth+ -s {p.subnet}.0/24 -p icmp -j pings")
    ok(p, "-P INPUT DROP")
    assert p.ping(count=2)[0]
    # UDP is not let in: the policy drops it (no port unreachable back)
    assert udp_from_ns(p, p.guest_ip, 4444) == "timeout"
    lines, head = rules(p, "INPUT")
    assert head == "Chain INPUT (policy DROP 1 packets, 40 bytes)"
    assert lines[0][:3] == ["2", "168", "pings"]
    assert lines[0][5] == "eth+"
    plines, phead = rules(p, "pings")
    assert phead == "Chain pings (1 references)"
    assert plines[0][:3] == ["2", "168", "ACCEPT"]
    ok(p, "-P INPUT ACCEPT")
    assert udp_from_ns(p, p.guest_ip, 4444) == "refused"


def test_reject_answers_with_port_unreachable_and_tcp_reset(netpeer):
    p = netpeer()
    ok(p, "-A INPUT -p udp --dport 5353 -j REJECT")
    ok(p, "-A INPUT -p tcp --dport 8080 -j REJECT --reject-with tcp-reset")
    # udp 5353 has no socket either; what proves REJECT is the counter
    assert udp_from_ns(p, p.guest_ip, 5353) == "refused"
    script = f"""
import socket
s = socket.socket()
s.settimeout(5)
try:
    s.connect(({p.guest_ip!r}, 8080))
    print("connected")
except ConnectionRefusedError:
    print("refused")
except socket.timeout:
    print("timeout")
"""
    assert p.ns(PYTHON, "-c", script).stdout.strip() == "refused"
    lines, _ = rules(p, "INPUT")
    assert lines[0][:3] == ["1", "40", "REJECT"]
    assert lines[0][-2:] == ["reject-with", "icmp-port-unreachable"]
    assert lines[1][0] == "1" and lines[1][2] == "REJECT"
    assert lines[1][-2:] == ["reject-with", "tcp-reset"]


def test_output_rule_drops_our_echo_replies(netpeer):
    p = netpeer()
    ok(p, f"-A OUTPUT -o eth0 -d {p.host_ip} -p icmp --icmp-type 0 -j DROP")
    assert not p.ping(count=2)[0]
    lines, head = rules(p, "OUTPUT")
    assert lines[0][:4] == ["2", "168", "DROP", "icmp"]
    assert lines[0][5:7] == ["*", "eth0"]
    inp, inhead = rules(p, "INPUT")
    assert inhead == "Chain INPUT (policy ACCEPT 2 packets, 168 bytes)"


def test_log_writes_the_nf_log_line_to_dmesg(netpeer):
    p = netpeer()
    ok(p, "-A INPUT -p icmp -j LOG --log-prefix \"rxping: \"")
    assert p.ping(count=1)[0]  # LOG does not stop the packet
    log = p.sh("dmesg | grep rxping")
    mac = p.ns("cat", f"/sys/class/net/{p.tap}/address").stdout.strip()
    m = re.search(r"rxping: IN=eth0 OUT= MAC=([0-9a-f:]{41}) "
                  rf"SRC={re.escape(p.host_ip)} DST={re.escape(p.guest_ip)} "
                  r"LEN=84 TOS=0x00 PREC=0x00 TTL=64 ID=\d+ DF PROTO=ICMP "
                  r"TYPE=8 CODE=0 ID=\d+ SEQ=1 ", log)
    assert m, log
    assert m.group(1) == f"{p.mac}:{mac}:08:00"
    out = ok(p, "-L INPUT -n")
    assert 'LOG flags 0 level 4 prefix "rxping: "' in out
    out = ok(p, "-L INPUT")
    assert re.search(r'LOG +icmp -- +anywhere +anywhere +LOG level warn '
                     r'prefix "rxping: "', out), out


# ---- forwarding: two namespaces, the guest routes between them -----------

class Router:
    """Guest with an e1000 (eth0) and an RTL8139 (eth1), one tap each, each
    tap in a namespace of its own; the guest forwards between them.

        ns1 10.a.b.1 --tap1-- eth0 10.a.b.2 [guest] eth1 10.a.c.2 --tap2-- ns2 10.a.c.1
    """

    def __init__(self):
        _serial[0] += 1
        tag = f"{os.getpid() % 100000}{_serial[0]}"
        a = 100 + os.getpid() % 150
        b = (2 * _serial[0]) % 250
        self.nets = [f"10.{a}.{b}", f"10.{a}.{b + 1}"]
        self.netns = [f"rxos-fw{tag}a", f"rxos-fw{tag}b"]
        self.taps = [f"rxf{tag}a", f"rxf{tag}b"]
        self.g = None
        self.peer = NetPeer()  # for its sh() and drop_reasons() helpers

    def start(self, boot):
        for tap in self.taps:
            run("ip", "tuntap", "add", "dev", tap, "mode", "tap")
        n1, n2 = self.nets
        self.g = boot(
            f"console=ttyS0 loglevel=4 ip={n1}.2::{n1}.1:255.255.255.0::eth0:off",
            extra=["-netdev", f"tap,id=n0,ifname={self.taps[0]},script=no,"
                   "downscript=no", "-device", "e1000,netdev=n0",
                   "-netdev", f"tap,id=n1,ifname={self.taps[1]},script=no,"
                   "downscript=no", "-device", "rtl8139,netdev=n1"])
        self.g.wait_for(PROMPT, timeout=180)
        self.peer.g = self.g
        for i, (ns, tap, net) in enumerate(zip(self.netns, self.taps,
                                               self.nets)):
            other = self.nets[1 - i]
            run("ip", "netns", "add", ns)
            run("ip", "link", "set", tap, "netns", ns)
            self.ns(i, "sysctl", "-qw", f"net.ipv6.conf.{tap}.disable_ipv6=1")
            self.ns(i, "ip", "addr", "add", f"{net}.1/24", "dev", tap)
            self.ns(i, "ip", "link", "set", tap, "up")
            self.ns(i, "ip", "route", "add", f"{other}.0/24", "via",
                    f"{net}.2")
        out = self.sh(f"ifconfig eth1 {n2}.2 netmask 255.255.255.0 up; "
                      "echo 1 > /proc/sys/net/ipv4/ip_forward; "
                      "cat /proc/sys/net/ipv4/ip_forward")
        assert out.strip() == "1", out
        return self

    def ns(self, i, *args, check=True, timeout=120):
        return run("ip", "netns", "exec", self.netns[i], *args, check=check,
                   timeout=timeout)

    def sh(self, command, timeout=60):
        return self.peer.sh(command, timeout)

    def ping(self, count):
        r = self.ns(0, "ping", "-c", str(count), "-W", "5", "-i", "0.5",
                    f"{self.nets[1]}.1", check=False, timeout=60)
        return r.returncode == 0

    def close(self):
        if self.g:
            self.g.kill()
        for ns, tap in zip(self.netns, self.taps):
            run("ip", "-n", ns, "tuntap", "del", "dev", tap, "mode", "tap",
                check=False)
            run("ip", "tuntap", "del", "dev", tap, "mode", "tap", check=False)
            run("ip", "netns", "del", ns, check=False)


@pytest.fixture
def router(boot):
    _need_tap()
    r = Router()
    try:
        yield r.start(boot)
    finally:
        r.close()


def test_forward_chain_counts_and_drops_between_two_namespaces(router):
    p = router.peer
    assert router.ping(3)
    lines, head = rules(p, "FORWARD")
    # 3 requests one way, 3 replies the other, 84 bytes each
    assert head == "Chain FORWARD (policy ACCEPT 6 packets, 504 bytes)"
    ok(p, "-Z FORWARD")
    n1, n2 = router.nets
    ok(p, f"-A FORWARD -i eth0 -o eth1 -s {n1}.0/24 -d {n2}.1 -p icmp "
          "-j DROP")
    base = p.drop_reasons().get("NETFILTER_DROP", 0)
    assert not router.ping(2)
    lines, head = rules(p, "FORWARD")
    assert lines[0][:7] == ["2", "168", "DROP", "icmp", "--", "eth0", "eth1"]
    assert lines[0][7:9] == [f"{n1}.0/24", f"{n2}.1"]
    assert head == "Chain FORWARD (policy ACCEPT 0 packets, 0 bytes)"
    assert p.drop_reasons()["NETFILTER_DROP"] == base + 2
    # the other direction is not matched by the rule: policy DROP stops it
    ok(p, "-F FORWARD")
    ok(p, "-P FORWARD DROP")
    ok(p, f"-A FORWARD -i eth0 -o eth1 -j ACCEPT")
    assert not router.ping(1)  # the reply, eth1 -> eth0, meets the policy
    lines, head = rules(p, "FORWARD")
    assert lines[0][:3] == ["1", "84", "ACCEPT"]
    assert head == "Chain FORWARD (policy DROP 1 packets, 84 bytes)"
    ok(p, "-P FORWARD ACCEPT")
    assert router.ping(1)


def test_output_drop_and_reject_fail_the_guest_sender_with_eperm(netpeer):
    p = netpeer()
    live = p.skb_live()
    ok(p, f"-A OUTPUT -d {p.host_ip} -p udp --dport 7000 -j DROP")
    ok(p, f"-A OUTPUT -d {p.host_ip} -p udp --dport 7001 -j REJECT")
    for port in (7000, 7001):
        out = p.sh(f"udptest send {p.host_ip} {port} hello 2")
        # NF_HOOK's -EPERM comes back from sendto, as on Linux
        assert "udptest: sendto: Operation not permitted" in out, out
    lines, _ = rules(p, "OUTPUT")
    assert lines[0][:3] == ["1", str(20 + 8 + 5), "DROP"]
    assert lines[1][:3] == ["1", str(20 + 8 + 5), "REJECT"]
    # the guest still answers and nothing leaked
    assert p.ping(count=1)[0]
    assert p.skb_live_settled(live) == live
