"""The i386 build of user space (build/user/bin), checked without running it.

This machine cannot execute i386 code, so the tests inspect the ELF files
the kernel will load, and compare the libc's ABI numbers and struct layouts
with the Linux/glibc i386 headers of the host (gcc -m32), by compiling both
to assembly and reading the constants gcc emitted.
"""
import os
import re
import subprocess

import pytest

from conftest import PROGRAMS, ROOT, USER_BIN


def readelf(*args):
    return subprocess.run(["readelf", *args], capture_output=True, text=True,
                          check=True).stdout


@pytest.mark.parametrize("prog", PROGRAMS)
def test_program_is_a_static_elf32_i386_executable(prog):
    path = os.path.join(USER_BIN, prog)
    info = subprocess.run(["file", "-b", path], capture_output=True, text=True).stdout
    assert info.startswith("ELF 32-bit LSB executable, Intel 80386"), info
    assert "statically linked" in info
    header = readelf("-h", path)
    entry = int(re.search(r"Entry point address:\s+0x([0-9a-f]+)", header).group(1), 16)
    assert 0x08048000 <= entry < 0x08048000 + 0x100000
    phdrs = readelf("-lW", path)
    assert "INTERP" not in phdrs and "DYNAMIC" not in phdrs
    loads = re.findall(r"LOAD\s+0x[0-9a-f]+ (0x[0-9a-f]+)", phdrs)
    assert int(loads[0], 16) == 0x08048000, "text starts at the i386 default"


@pytest.mark.parametrize("prog", PROGRAMS)
def test_program_has_no_undefined_symbols(prog):
    nm = subprocess.run(["nm", "-u", os.path.join(USER_BIN, prog)],
                        capture_output=True, text=True, check=True).stdout
    assert nm.strip() == ""


def test_entry_is_crt0_start():
    path = os.path.join(USER_BIN, "sh")
    entry = re.search(r"Entry point address:\s+(0x[0-9a-f]+)", readelf("-h", path)).group(1)
    syms = subprocess.run(["nm", path], capture_output=True, text=True).stdout
    start = re.search(r"^([0-9a-f]+) T _start$", syms, re.M).group(1)
    assert int(start, 16) == int(entry, 16)


def test_user_code_uses_no_fpu_or_sse_registers():
    """Built -mgeneral-regs-only: the kernel need not save FPU state."""
    dis = subprocess.run(["objdump", "-d", os.path.join(USER_BIN, "sh")],
                         capture_output=True, text=True, check=True).stdout
    insns = [line.split("\t")[2] for line in dis.splitlines() if line.count("\t") >= 2]
    fpu = [i for i in insns if i.startswith("f") or "%xmm" in i or "%st" in i]
    assert insns and not fpu


# ---- ABI numbers and layouts vs the host's i386 headers --------------------------

def constants(prelude, exprs, flags):
    """Evaluate integer constant expressions with gcc -m32; returns ints."""
    src = prelude + "".join(f"int v_{i} = ({e});\n" for i, e in enumerate(exprs))
    asm = subprocess.run(["gcc", "-m32", "-S", "-o", "-", "-x", "c", "-", *flags],
                         input=src, capture_output=True, text=True, cwd=ROOT)
    assert asm.returncode == 0, asm.stderr
    values = dict(re.findall(r"^v_(\d+):\n\s+\.long\s+(-?\d+)", asm.stdout, re.M))
    return [int(values.get(str(i), 0)) for i in range(len(exprs))]


MINE = ["-nostdinc", "-isystem", "user/include", "-ffreestanding"]

SYSCALLS = """exit fork read write open close waitpid unlink execve chdir time lseek
getpid access sync kill rename mkdir rmdir dup pipe brk ioctl setpgid umask dup2
getppid getpgrp setsid sigaction gettimeofday readlink reboot mmap munmap socketcall
syslog wait4 uname sigprocmask getpgid fchdir _llseek _newselect writev getsid
nanosleep poll rt_sigreturn rt_sigaction rt_sigprocmask getcwd vfork mmap2 stat64
lstat64 fstat64 getuid32 getgid32 geteuid32 getegid32 getdents64 fcntl64 gettid
exit_group epoll_create epoll_ctl epoll_wait clock_gettime epoll_create1 dup3 pipe2
socket socketpair bind connect listen accept4 getsockopt setsockopt getsockname
getpeername sendto sendmsg recvfrom recvmsg shutdown""".split()


def test_syscall_numbers_match_linux_i386():
    ref = constants("#include <asm/unistd_32.h>\n", [f"__NR_{s}" for s in SYSCALLS], [])
    mine = constants("#include <sys/syscall.h>\n", [f"SYS_{s}" for s in SYSCALLS], MINE)
    assert dict(zip(SYSCALLS, mine)) == dict(zip(SYSCALLS, ref))


HEADERS = ["errno.h", "signal.h", "fcntl.h", "sys/ioctl.h", "termios.h",
           "sys/socket.h", "netinet/in.h", "netinet/tcp.h", "sys/epoll.h", "poll.h",
           "sys/mman.h", "sys/wait.h", "sys/stat.h", "linux/reboot.h",
           "sys/reboot.h", "sys/klog.h", "time.h", "unistd.h", "dirent.h", "netdb.h"]
# Limits that are this libc's own choice, and NCCS: our struct termios is
# the kernel's (19 control chars), glibc's a larger one it converts from.
IGNORE = {"NSIG", "_NSIG", "FD_SETSIZE", "BUFSIZ", "RAND_MAX", "ARG_MAX",
          "SOMAXCONN", "EPOLLEXCLUSIVE", "SIGSTKSZ", "NCCS"}


def macro_names():
    """Every integer-valued macro my headers define (names only)."""
    names = []
    for h in HEADERS:
        text = open(os.path.join(ROOT, "user/include", h)).read()
        names += re.findall(r"^#define ([A-Z][A-Z0-9_]+) +[-(0-9]", text, re.M)
    return sorted(set(names) - IGNORE)


def test_header_constants_match_glibc_and_linux_i386():
    names = macro_names()
    assert len(names) > 300
    prelude = "#define _GNU_SOURCE\n" + "".join(
        f"#include <{h}>\n" for h in HEADERS)
    prelude += "#include <sys/syscall.h>\n#include <netdb.h>\n"
    guarded = [f"(int)({n})" for n in names]
    # glibc lacks a few names (they live in kernel headers): define them so the
    # comparison skips them rather than failing to compile.
    ref_prelude = prelude + "".join(
        f"#ifndef {n}\n#define {n} 0x7eadbeef\n#endif\n" for n in names)
    ref = constants(ref_prelude, guarded, [])
    mine = constants(prelude, guarded, MINE)
    diff = {n: (m, r) for n, m, r in zip(names, mine, ref) if r != 0x7eadbeef and m != r}
    assert diff == {}
    compared = sum(r != 0x7eadbeef for r in ref)
    assert compared > 250


LAYOUTS = [
    # (kernel type and headers, my type, members)
    ("struct stat64", "#include <asm/stat.h>\n", "struct stat", "#include <sys/stat.h>\n",
     ["st_dev", "st_mode", "st_nlink", "st_uid", "st_gid", "st_rdev", "st_size",
      "st_blksize", "st_blocks", "st_ino"]),
    ("struct termios", "#include <asm/termbits.h>\n", "struct termios", "#include <termios.h>\n",
     ["c_iflag", "c_oflag", "c_cflag", "c_lflag", "c_line", "c_cc"]),
    ("struct epoll_event", "#include <linux/eventpoll.h>\n", "struct epoll_event",
     "#include <sys/epoll.h>\n", ["events", "data"]),
    ("struct new_utsname", "#include <linux/utsname.h>\n", "struct utsname",
     "#include <sys/utsname.h>\n", ["sysname", "nodename", "release", "version", "machine"]),
    ("struct sockaddr_in", "#include <linux/in.h>\n", "struct sockaddr_in",
     "#include <netinet/in.h>\n", ["sin_family", "sin_port", "sin_addr"]),
    ("struct rtentry", "#include <linux/route.h>\n", "struct rtentry",
     "#include <net/route.h>\n", ["rt_dst", "rt_gateway", "rt_genmask", "rt_flags",
                                   "rt_metric", "rt_dev", "rt_mtu", "rt_window", "rt_irtt"]),
    ("struct arpreq", "#include <linux/if_arp.h>\n", "struct arpreq",
     "#include <net/if_arp.h>\n", ["arp_pa", "arp_ha", "arp_flags", "arp_netmask",
                                    "arp_dev"]),
    ("struct pollfd", "#include <linux/poll.h>\n", "struct pollfd", "#include <poll.h>\n",
     ["fd", "events", "revents"]),
    ("struct timespec", "#include <linux/time_types.h>\n#define timespec __kernel_old_timespec\n",
     "struct timespec", "#include <time.h>\n", ["tv_sec", "tv_nsec"]),
]


@pytest.mark.parametrize("ktype,kinc,mtype,minc,members", LAYOUTS,
                         ids=[l[0] for l in LAYOUTS])
def test_struct_layout_matches_the_kernel_abi(ktype, kinc, mtype, minc, members):
    def layout(prelude, t, flags):
        exprs = [f"sizeof({t})"] + [f"__builtin_offsetof({t}, {m})" for m in members]
        return constants(prelude, exprs, flags)
    assert layout(minc, mtype, MINE) == layout(kinc, ktype, [])
