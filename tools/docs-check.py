#!/usr/bin/env python3
"""docs-check.py [FILE.md...] - do README.md and docs/*.md (or the FILEs)
point at files that exist?

`make docs-check` runs it; so does an integration test. A path in backticks
that starts with one of the tree's top directories (`kernel/printk.c`,
`tools/`, `tests/unit/test_NAME.c` as a pattern) must exist, unless its
line says "(coming)". Paths written in
italics (*net/core/dev.c*) are the planned files of docs/architecture.md:
they are not checked, but one that exists by now is named, so its row can
be updated. Prints one line per problem and a closing count; exit 1 if a
backticked path is missing.
"""
import glob
import os
import re
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
TOP = ("boot/", "kernel/", "lib/", "drivers/", "net/", "user/", "tests/",
       "docs/", "tools/", ".ci/")
TICKED = re.compile(r"`([^`\s]+)`")
ITALIC = re.compile(r"(?<![*\w])\*([\w./-]+/[\w.-]+)\*(?![*\w])")


def tree_path(word):
    return word.startswith(TOP) and not any(c in word for c in "<>$")


def exists(word):
    """`tests/unit/test_NAME.c` and `test_*.py` stand for any match."""
    return bool(glob.glob(os.path.join(ROOT, word.replace("NAME", "*"))))


def check_file(rel):
    missing, landed = [], []
    with open(os.path.join(ROOT, rel), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            for word in TICKED.findall(line):
                if (tree_path(word) and "(coming)" not in line
                        and not exists(word)):
                    missing.append(f"{rel}:{n}: `{word}` does not exist")
            for word in ITALIC.findall(line):
                if tree_path(word) and exists(word):
                    landed.append(f"{rel}:{n}: *{word}* exists now")
    return missing, landed


def main(args):
    docs = args or ["README.md"] + sorted(
        os.path.relpath(p, ROOT) for p in glob.glob(os.path.join(ROOT, "docs", "*.md")))
    missing, landed = [], []
    for rel in docs:
        if os.path.exists(os.path.join(ROOT, rel)):
            m, l = check_file(rel)
            missing += m
            landed += l
    for line in missing:
        print("docs-check: " + line)
    for line in landed:
        print("docs-check: note: " + line + " (drop the italics, update the row)")
    print(f"docs-check: {len(docs)} files, {len(missing)} missing paths")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
