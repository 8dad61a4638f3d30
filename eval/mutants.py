#!/usr/bin/env python3
"""Are the named numbers pinned? Change each one by one step and run the tests.

For every `const NAME: <number type> = <literal>;` outside `#[cfg(test)]`
modules in the given files or folders, the value is changed by one step (an
integer n -> n + 1, a float x -> x * 1.25, 0.0 -> 0.1), the test command runs,
and the file is restored. A value is *pinned* when some test fails with it
changed, *unpinned* when every test still passes, *invalid* when the change
does not build (an array length, a type bound). Prints one line a value and
the totals; exits 0.

    python3 eval/mutants.py [--sample N] [--seed S] [--list] [--test "cargo test -q"] PATH...

Run it from a checkout of its own (it edits and restores files there) with a
target directory of its own; each value costs one incremental build and one
test run (1-3 minutes on 2 cores). Standard library only.
"""
import argparse, os, random, re, subprocess, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from word_literals import code_lines, files  # noqa: E402  (the same reading of test modules)

CONST = re.compile(
    r"^(?P<lead>\s*(?:pub(?:\([a-z]+\))?\s+)?const\s+(?P<name>[A-Z][A-Z0-9_]*)\s*:\s*"
    r"(?P<ty>u8|u16|u32|u64|usize|i8|i16|i32|i64|isize|f32|f64)\s*=\s*)"
    r"(?P<val>-?[0-9][0-9_]*(?:\.[0-9_]+)?(?:e-?[0-9]+)?)(?P<tail>\s*;.*)$"
)


def constants(path):
    """(line index, name, type, value) of each numeric const outside test modules."""
    out = []
    for n, code in code_lines(path):
        m = CONST.match(code.rstrip("\n"))
        if m:
            out.append((n - 1, m.group("name"), m.group("ty"), m.group("val")))
    return out


def mutated(ty, val):
    v = val.replace("_", "")
    if ty.startswith("f"):
        x = float(v)
        y = 0.1 if x == 0 else x * 1.25
        return repr(y)
    return str(int(v) + 1)


def run(cmd, env):
    t = time.time()
    r = subprocess.run(cmd, shell=True, capture_output=True, text=True, env=env)
    out = r.stdout + r.stderr
    if r.returncode == 0:
        return "unpinned", time.time() - t
    # a build error is an invalid mutant; a failed test pins the value
    if "error[E" in out or "could not compile" in out:
        return "invalid", time.time() - t
    return "pinned", time.time() - t


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--sample", type=int, default=0, help="change only N values, drawn with --seed")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--list", action="store_true", help="list the values, change nothing")
    ap.add_argument("--test", default="cargo test -q --no-fail-fast")
    a = ap.parse_args()
    found = [(f, *c) for f in files(a.paths) for c in constants(f)]
    if a.sample and a.sample < len(found):
        found = sorted(random.Random(a.seed).sample(found, a.sample))
    if a.list:
        for f, n, name, ty, val in found:
            print(f"{f}:{n + 1}\t{name}\t{ty}\t{val}")
        print(f"{len(found)} values")
        return
    env = dict(os.environ)
    tally = {"pinned": 0, "unpinned": 0, "invalid": 0}
    for f, n, name, ty, val in found:
        lines = open(f, encoding="utf-8").read().split("\n")
        orig = lines[n]
        m = CONST.match(orig)
        new = mutated(ty, val)
        lines[n] = m.group("lead") + new + m.group("tail")
        open(f, "w", encoding="utf-8").write("\n".join(lines))
        try:
            verdict, secs = run(a.test, env)
        finally:
            lines[n] = orig
            open(f, "w", encoding="utf-8").write("\n".join(lines))
        tally[verdict] += 1
        print(f"{verdict:9s} {f}:{n + 1} {name} {val} -> {new} ({secs:.0f} s)", flush=True)
    done = tally["pinned"] + tally["unpinned"]
    print(
        f"{len(found)} values changed: {tally['pinned']} pinned, {tally['unpinned']} left every test green, "
        f"{tally['invalid']} did not build" + (f" ({tally['pinned'] / done:.0%} pinned)" if done else "")
    )


if __name__ == "__main__":
    sys.exit(main())
