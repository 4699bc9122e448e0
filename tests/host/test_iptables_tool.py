"""user/bin/iptables built for the host: command-line parsing, the editing
of chains (libiptc's work) and the `iptables -L` layout.

The host build keeps its table in the file $IPTABLES_RXOS_STATE instead of
the kernel (it must never touch the host's own iptables, whose ABI is
Linux's), so only the host flavour runs here; the QEMU tests
(tests/integration/test_iptables.py) run the i386 build against the rxos
kernel. Expected texts are iptables-legacy 1.8.9's.
"""
import os
import subprocess

import pytest

from conftest import HOST_BIN

IPT = os.path.join(HOST_BIN, "iptables")
HEADER_V = (" pkts bytes target     prot opt in     out     source"
            "               destination         ")
HEADER = "target     prot opt source               destination         "


@pytest.fixture
def ipt(tmp_path):
    state = str(tmp_path / "filter.state")

    def run(*args):
        return subprocess.run([IPT, *args], capture_output=True, text=True,
                              env={"IPTABLES_RXOS_STATE": state},
                              timeout=20)
    return run


def ok(ipt, *args):
    r = ipt(*args)
    assert r.returncode == 0, (args, r.stderr)
    return r.stdout


def test_seed_command_and_verbose_numeric_listing(ipt):
    ok(ipt, "-t", "filter", "-A", "INPUT", "-s", "172.16.0.0/16", "-p",
       "udp", "--dport", "53", "-j", "DROP")
    assert ok(ipt, "-L", "-v", "-n").splitlines() == [
        "Chain INPUT (policy ACCEPT 0 packets, 0 bytes)",
        HEADER_V,
        "    0     0 DROP       udp  --  *      *       172.16.0.0/16"
        "        0.0.0.0/0            udp dpt:53",
        "",
        "Chain FORWARD (policy ACCEPT 0 packets, 0 bytes)",
        HEADER_V,
        "",
        "Chain OUTPUT (policy ACCEPT 0 packets, 0 bytes)",
        HEADER_V,
    ]


def test_plain_listing_says_anywhere_and_policy_only(ipt):
    ok(ipt, "-A", "INPUT", "-p", "tcp", "--dport", "22", "-j", "ACCEPT")
    ok(ipt, "-P", "FORWARD", "DROP")
    assert ok(ipt, "-L").splitlines() == [
        "Chain INPUT (policy ACCEPT)",
        HEADER,
        "ACCEPT     tcp  --  anywhere             anywhere             "
        "tcp dpt:22",
        "",
        "Chain FORWARD (policy DROP)",
        HEADER,
        "",
        "Chain OUTPUT (policy ACCEPT)",
        HEADER,
    ]


def test_negations_interfaces_ranges_icmp_and_targets(ipt):
    ok(ipt, "-A", "FORWARD", "-i", "eth+", "!", "-o", "eth1", "!", "-s",
       "10.0.0.1", "-d", "10.1.0.0/255.255.0.0", "-j", "ACCEPT")
    ok(ipt, "-A", "FORWARD", "!", "-p", "tcp", "-j", "DROP")
    ok(ipt, "-A", "FORWARD", "-p", "tcp", "!", "--sport", "1000:2000",
       "--dport", "1024:", "-j", "REJECT", "--reject-with", "tcp-reset")
    ok(ipt, "-A", "FORWARD", "-p", "icmp", "--icmp-type", "port-unreachable",
       "-j", "LOG", "--log-prefix", "unr: ", "--log-level", "info")
    ok(ipt, "-A", "FORWARD", "-p", "udp", "-f")
    lines = ok(ipt, "-L", "FORWARD", "-v", "-n").splitlines()
    assert lines[2:] == [
        "    0     0 ACCEPT     all  --  eth+   !eth1  !10.0.0.1"
        "             10.1.0.0/16         ",
        "    0     0 DROP      !tcp  --  *      *       0.0.0.0/0"
        "            0.0.0.0/0           ",
        "    0     0 REJECT     tcp  --  *      *       0.0.0.0/0"
        "            0.0.0.0/0            tcp spts:!1000:2000 dpts:1024:65535"
        " reject-with tcp-reset",
        "    0     0 LOG        icmp --  *      *       0.0.0.0/0"
        "            0.0.0.0/0            icmptype 3 code 3 LOG flags 0 "
        "level 6 prefix \"unr: \"",
        "    0     0            udp  -f  *      *       0.0.0.0/0"
        "            0.0.0.0/0           ",
    ]
    plain = ok(ipt, "-L", "FORWARD").splitlines()
    assert plain[5].endswith("icmp port-unreachable LOG level info prefix "
                             "\"unr: \"")


def test_insert_delete_line_numbers_and_user_chains(ipt):
    ok(ipt, "-N", "web")
    ok(ipt, "-A", "web", "-p", "tcp", "--dport", "80", "-j", "ACCEPT")
    ok(ipt, "-A", "INPUT", "-j", "DROP")
    ok(ipt, "-I", "INPUT", "-p", "tcp", "-j", "web")
    ok(ipt, "-I", "INPUT", "2", "-s", "10.0.0.0/8", "-j", "RETURN")
    out = ok(ipt, "-L", "-n", "--line-numbers").splitlines()
    assert out[1] == "num  " + HEADER
    assert [l.split()[:2] for l in out[2:5]] == [
        ["1", "web"], ["2", "RETURN"], ["3", "DROP"]]
    assert "Chain web (1 references)" in out
    ok(ipt, "-D", "INPUT", "2")
    ok(ipt, "-D", "INPUT", "-j", "DROP")
    out = ok(ipt, "-L", "INPUT", "-n").splitlines()
    assert [l.split()[0] for l in out[2:]] == ["web"]
    r = ipt("-X", "web")
    assert r.returncode == 1 and r.stderr == "iptables: Too many links.\n"
    ok(ipt, "-F", "INPUT")
    r = ipt("-X", "web")
    assert r.returncode == 1
    assert r.stderr == "iptables: Directory not empty.\n"
    ok(ipt, "-F", "web")
    ok(ipt, "-X")
    assert "web" not in ok(ipt, "-L", "-n")


def test_counters_kilo_mega_exact_zero_and_kept_across_edits(ipt):
    ok(ipt, "-A", "INPUT", "-c", "123456", "7654321", "-j", "ACCEPT")
    ok(ipt, "-A", "INPUT", "-c", "99999", "100000000000", "-j", "DROP")
    ok(ipt, "-I", "INPUT", "-p", "udp")  # an edit elsewhere
    lines = ok(ipt, "-L", "INPUT", "-v", "-n").splitlines()
    assert lines[3].startswith(" 123K 7654K ACCEPT ")
    assert lines[4].startswith("99999  100G DROP ")
    lines = ok(ipt, "-L", "INPUT", "-v", "-n", "-x").splitlines()
    assert lines[1].startswith("    pkts      bytes target")
    assert lines[3].startswith("  123456  7654321 ACCEPT ")
    ok(ipt, "-Z", "INPUT")
    lines = ok(ipt, "-L", "INPUT", "-v", "-n", "-x").splitlines()
    assert lines[3].startswith("       0        0 ACCEPT ")
    assert ok(ipt, "-v", "-Z").splitlines() == [
        "Zeroing chain `INPUT'", "Zeroing chain `FORWARD'",
        "Zeroing chain `OUTPUT'"]


@pytest.mark.parametrize("args,rc,msg", [
    ([], 2, "iptables v1.8.9 (legacy): no command specified\n"
     "Try `iptables -h' or 'iptables --help' for more information.\n"),
    (["-t", "nat", "-L"], 3,
     "iptables v1.8.9 (legacy): can't initialize iptables table `nat': "
     "Table does not exist (do you need to insmod?)\n"
     "Perhaps iptables or your kernel needs to be upgraded.\n"),
    (["-A", "INPUT", "junk"], 2, "Bad argument `junk'"),
    (["-A", "NOPE", "-j", "ACCEPT"], 1,
     "iptables: No chain/target/match by that name.\n"),
    (["-L", "NOPE"], 1, "iptables: No chain/target/match by that name.\n"),
    (["-A", "INPUT", "-j", "FOO"], 2,
     "Couldn't load target `FOO':No such file or directory"),
    (["-A", "INPUT", "--sport", "1"], 2, "unknown option \"--sport\""),
    (["-A", "INPUT", "-p", "udp", "--dport", "9:1"], 2,
     "invalid portrange (min > max)"),
    (["-A", "INPUT", "-p", "icmp", "--icmp-type", "bogus"], 2,
     "Invalid ICMP type `bogus'"),
    (["-A", "INPUT", "-s", "300.1.1.1"], 2, "host/network `300.1.1.1' "
     "not found"),
    (["-A", "INPUT", "-p", "xyz"], 2, "unknown protocol \"xyz\" specified"),
    (["-A", "INPUT", "-o", "eth0"], 2, "Can't use -o with INPUT"),
    (["-A", "INPUT", "-s", "1.1.1.1", "-s", "2.2.2.2"], 2,
     "multiple -s flags not allowed"),
    (["-L", "-A", "INPUT"], 2, "Cannot use -A with -L"),
    (["-F", "-p", "tcp"], 2, "Illegal option `-p' with this command"),
    (["-D", "INPUT", "1"], 1, "iptables: Index of deletion too big.\n"),
    (["-I", "INPUT", "2", "-j", "DROP"], 1,
     "iptables: Index of insertion too big.\n"),
    (["-P", "INPUT", "REJECT"], 1, "iptables: Bad policy name."),
    (["-P", "nochain", "DROP"], 1, "iptables: Bad built-in chain name.\n"),
    (["-N", "x" * 29], 2, "too long (must be under 29 chars)"),
    (["-A", "INPUT", "-j", "LOG", "--log-prefix", "p" * 30], 2,
     "--log-prefix: maximum length 29"),
    (["-A", "INPUT", "-m", "state"], 2,
     "Couldn't load match `state':No such file or directory"),
])
def test_bad_command_lines(ipt, args, rc, msg):
    r = ipt(*args)
    assert r.returncode == rc, r.stderr
    assert msg in r.stderr


def test_host_build_needs_its_state_file():
    r = subprocess.run([IPT, "-L"], capture_output=True, text=True, env={})
    assert r.returncode == 1
    assert "IPTABLES_RXOS_STATE" in r.stderr


def test_list_rules_prints_the_commands_back(ipt):
    ok(ipt, "-t", "filter", "-A", "INPUT", "-s", "172.16.0.0/16", "-p",
       "udp", "--dport", "53", "-j", "DROP")
    ok(ipt, "-N", "my")
    ok(ipt, "-A", "my", "-p", "icmp", "!", "--icmp-type", "8", "-j", "LOG",
       "--log-prefix", "x y", "--log-level", "6")
    ok(ipt, "-A", "INPUT", "-i", "eth+", "!", "-s", "10.0.0.1", "-p", "tcp",
       "--sport", "1:100", "-j", "my")
    ok(ipt, "-P", "OUTPUT", "DROP")
    assert ok(ipt, "-S").splitlines() == [
        "-P INPUT ACCEPT",
        "-P FORWARD ACCEPT",
        "-P OUTPUT DROP",
        "-N my",
        "-A INPUT -s 172.16.0.0/16 -p udp -m udp --dport 53 -j DROP",
        "-A INPUT ! -s 10.0.0.1/32 -i eth+ -p tcp -m tcp --sport 1:100 -j my",
        "-A my -p icmp -m icmp ! --icmp-type 8 -j LOG --log-prefix \"x y\" "
        "--log-level 6",
    ]
    assert ok(ipt, "-S", "my") == "-N my\n" + ok(ipt, "-S").splitlines()[-1] + "\n"
