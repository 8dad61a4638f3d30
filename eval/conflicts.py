#!/usr/bin/env python3
"""Score `chronology check` on a conflict corpus (default: eval/conflicts-heldout).

Each case is a folder with 1-3 articles and an expected.yaml (`kind`,
`conflict`, `docs`). A contradiction counts as found when `check` exits 1 and
one reported conflict names every expected doc; a twin stays clean when `check`
exits 0. Prints one line per kind and the totals.

    python3 eval/conflicts.py [--bin target/release/chronology] [CORPUS_DIR] [--verbose]

Standard library only (expected.yaml is read by a four-key line parser).
"""
import argparse, collections, json, os, subprocess, sys


def expected(path):
    out = {}
    for line in open(path, encoding="utf-8"):
        if ":" not in line or line.startswith("#"):
            continue
        k, v = line.split(":", 1)
        v = v.split(" #")[0].strip()
        if k == "docs":
            out[k] = [d.strip() for d in v.strip("[]").split(",") if d.strip()]
        elif k == "conflict":
            out[k] = v == "true"
        else:
            out[k] = v.strip('"')
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=os.path.join(os.path.dirname(__file__), "conflicts-heldout"))
    ap.add_argument("--bin", default="target/release/chronology")
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    per = collections.defaultdict(lambda: [0, 0, 0, 0])  # found, contras, clean, twins
    for kind in sorted(os.listdir(a.corpus)):
        kd = os.path.join(a.corpus, kind)
        if not os.path.isdir(kd) or kind == "build":
            continue
        for case in sorted(os.listdir(kd)):
            cd = os.path.join(kd, case)
            exp = expected(os.path.join(cd, "expected.yaml"))
            r = subprocess.run([a.bin, "check", cd, "--format", "jsonl"], capture_output=True, text=True)
            conflicts = [json.loads(l) for l in r.stdout.splitlines() if l.strip().startswith("{")]
            p = per[kind]
            if exp["conflict"]:
                p[1] += 1
                ok = r.returncode == 1 and any(set(exp["docs"]) <= set(c.get("docs", [])) for c in conflicts)
                p[0] += ok
            else:
                p[3] += 1
                ok = r.returncode == 0 and not conflicts
                p[2] += ok
            if a.verbose and not ok:
                print(f"  MISS {kind}/{case} rc={r.returncode} {[c.get('kind') for c in conflicts]} {r.stderr.strip()[:200]}")
    tf = tc = tk = tt = 0
    for kind, (f, c, k, t) in sorted(per.items()):
        print(f"{kind:<16} contradictions found {f}/{c}   twins clean {k}/{t}")
        tf, tc, tk, tt = tf + f, tc + c, tk + k, tt + t
    print(f"{'all':<16} contradictions found {tf}/{tc}   twins clean {tk}/{tt}")


if __name__ == "__main__":
    sys.exit(main())
