#!/usr/bin/env python3
"""docs-check.py [--resolve DIR] [FILE.md...] - do README.md and docs/
(or the FILEs) point at files and code that exist?

`make docs-check` runs it; so does an integration test. A path in backticks
that starts with one of the tree's top directories (`kernel/printk.c`,
`tools/`, `tests/unit/test_NAME.c` as a pattern) must exist, unless its
line says "(coming)". Paths written in
italics (*net/core/dev.c*) are the planned files of docs/architecture.md:
they are not checked, but one that exists by now is named, so its row can
be updated.

Code anchors: a comment in the source holding `DOC: tag` marks the code
that follows it; a doc cites it as `DOC:tag` in backticks. Every citation
must name exactly one anchor (a dangling or doubled one is an error), and,
when the whole doc set is checked, every anchor must be cited (an unused
one is an error too: the doc that explained it went away). --resolve DIR
writes each doc to DIR with each citation followed by its file:line, so the
docs never carry line numbers that go stale.

Prints one line per problem and a closing count; exit 1 on any error.
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
ANCHOR = re.compile(r"(?:/\*|\*|//|#|;)\s*DOC:\s*([\w-]+)")
CITE = re.compile(r"`DOC:([\w-]+)`")
SOURCE_DIRS = ("boot", "kernel", "lib", "drivers", "net", "user", "tools")
SOURCE_EXT = (".c", ".h", ".asm", ".py", ".S")


def find_anchors():
    """tag -> [file:line, ...] over the source tree."""
    anchors = {}
    for top in SOURCE_DIRS:
        for dirpath, _, names in os.walk(os.path.join(ROOT, top)):
            for name in sorted(names):
                if not name.endswith(SOURCE_EXT):
                    continue
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, ROOT)
                if rel == "tools/docs-check.py":
                    continue
                with open(path, encoding="utf-8", errors="replace") as f:
                    for n, line in enumerate(f, 1):
                        for tag in ANCHOR.findall(line):
                            anchors.setdefault(tag, []).append(f"{rel}:{n}")
    return anchors


def check_citations(rel, anchors, cited):
    errors = []
    with open(os.path.join(ROOT, rel), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            for tag in CITE.findall(line):
                cited.add(tag)
                where = anchors.get(tag, [])
                if not where:
                    errors.append(f"{rel}:{n}: `DOC:{tag}` names no anchor")
                elif len(where) > 1:
                    errors.append(f"{rel}:{n}: `DOC:{tag}` is anchored twice: "
                                  + ", ".join(where))
    return errors


def resolve(rel, anchors, outdir):
    with open(os.path.join(ROOT, rel), encoding="utf-8") as f:
        text = f.read()

    def place(m):
        where = anchors.get(m.group(1))
        return f"{m.group(0)} (`{where[0]}`)" if where else m.group(0)
    out = os.path.join(outdir, rel)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        f.write(CITE.sub(place, text))


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


def all_docs():
    found = glob.glob(os.path.join(ROOT, "docs", "**", "*.md"), recursive=True)
    return ["README.md"] + sorted(os.path.relpath(p, ROOT) for p in found)


def main(args):
    outdir = None
    if args[:1] == ["--resolve"]:
        outdir, args = args[1], args[2:]
    whole_set = not args
    docs = args or all_docs()
    anchors = find_anchors()
    missing, landed, bad, cited = [], [], [], set()
    for rel in docs:
        if os.path.exists(os.path.join(ROOT, rel)):
            m, l = check_file(rel)
            missing += m
            landed += l
            bad += check_citations(rel, anchors, cited)
            if outdir:
                resolve(rel, anchors, outdir)
    if whole_set:
        bad += [f"{anchors[t][0]}: anchor DOC: {t} is cited by no doc"
                for t in sorted(anchors) if t not in cited]
    for line in missing + bad:
        print("docs-check: " + line)
    for line in landed:
        print("docs-check: note: " + line + " (drop the italics, update the row)")
    print(f"docs-check: {len(docs)} files, {len(missing)} missing paths, "
          f"{len(anchors)} anchors, {len(bad)} anchor errors")
    return 1 if missing or bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
