#!/usr/bin/env python3
"""kallsyms.py - turn `nm -n kernel` output into the kernel's symbol table.

Usage: nm -n build/kernel.tmp.elf | tools/kallsyms.py > build/kallsyms.S
With empty input it emits an empty table (first link pass). Only text
symbols (t/T) are kept: backtraces name functions. The table goes into its
own section, placed after .bss by kernel/kernel.ld, so adding it on the
second link moves no other symbol.
"""
import sys


def main():
    syms = []
    for line in sys.stdin:
        parts = line.split()
        if len(parts) != 3 or parts[1] not in "tTwW":
            continue
        addr, name = int(parts[0], 16), parts[2]
        if name.startswith(".") or name.startswith("__kstrtab"):
            continue
        syms.append((addr, name))
    out = ['\t.section .kallsyms, "a"', "\t.balign 4",
           "\t.globl kallsyms_num", "kallsyms_num:", f"\t.long {len(syms)}",
           "\t.globl kallsyms_addresses", "kallsyms_addresses:"]
    out += [f"\t.long 0x{a:08x}" for a, _ in syms]
    out += ["\t.globl kallsyms_names", "kallsyms_names:"]
    off = 0
    for _, name in syms:
        out.append(f"\t.long {off}")
        off += len(name) + 1
    out += ["\t.globl kallsyms_strings", "kallsyms_strings:"]
    out += [f'\t.asciz "{name}"' for _, name in syms]
    out.append("\t.byte 0")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
