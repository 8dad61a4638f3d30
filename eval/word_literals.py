#!/usr/bin/env python3
"""Count the string literals that are words in non-test Rust code.

A word literal is a "..." literal made only of lower-case ASCII letters,
spaces, apostrophes and hyphens, starting with a letter ("said", "as soon").
Comments and #[cfg(test)] modules are skipped. Usage:
    python3 eval/word_literals.py [-v] src/resolve src/tag src/page ...
"""
import re, sys, os

LIT = re.compile(r'"((?:[^"\\]|\\.)*)"')
WORD = re.compile(r"^[a-z][a-z' -]*$")

def code_lines(path):
    out = []
    skip_depth = None
    pending_test = False
    depth = 0
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        s = line.strip()
        if skip_depth is None and s.startswith("#[cfg(test)]"):
            pending_test = True
            continue
        opens, closes = line.count("{"), line.count("}")
        if pending_test:
            pending_test = False
            if s.startswith("mod ") or s.startswith("pub mod ") or s.startswith("pub(crate) mod "):
                if s.endswith(";"):
                    continue
                skip_depth = depth
                depth += opens - closes
                continue
        if skip_depth is not None:
            depth += opens - closes
            if depth <= skip_depth:
                skip_depth = None
            continue
        depth += opens - closes
        # drop line comments (not inside a string: good enough for this code)
        code = re.sub(r'^\s*//.*$', '', line)
        code = re.sub(r'\s//[^"]*$', '', code)
        out.append((n, code))
    return out

def files(paths):
    for p in paths:
        if os.path.isdir(p):
            for root, _, fs in os.walk(p):
                for f in sorted(fs):
                    if f.endswith(".rs") and f != "tests.rs":
                        yield os.path.join(root, f)
        else:
            yield p

def main():
    verbose = "-v" in sys.argv
    paths = [a for a in sys.argv[1:] if a != "-v"]
    total = 0
    per = {}
    for f in files(paths):
        for n, code in code_lines(f):
            for m in LIT.finditer(code):
                if WORD.match(m.group(1)):
                    per[f] = per.get(f, 0) + 1
                    total += 1
                    if verbose:
                        print(f"{f}:{n}: {m.group(0)}")
    for f, c in sorted(per.items(), key=lambda x: -x[1]):
        print(f"{c:5} {f}")
    print(f"{total:5} total")

if __name__ == "__main__":
    main()
