#!/usr/bin/env python3
"""Score the story grouping (src/stories) against the corpora's topics.

Gold: the `topic` field, with T17's timeline-source suffix dropped
(`bpoil_bbc` and `bpoil_guardian` are one story, `bpoil`). Scores: purity,
inverse purity, adjusted Rand index and B-cubed F1, and the number of stories.

    cargo build --release --example stories
    python3 eval/stories.py --bin target/release/examples/stories \
        --t17 ../shared/corpora/t17-dev/articles.jsonl \
        --entities ../shared/corpora/entities-dev/articles.jsonl

runs T17 dev alone, Entities dev alone and both mixed (8 stories) with the
default settings, then the held-out check of `max_conductance`: the value
that scores best on one corpus (over --grid), scored on the other.
`--set NAME=VALUE` (repeatable) passes settings to every run.
No corpus text is written anywhere: the texts go to the binary through a
temporary file that is deleted.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile


def gold_topic(t):
    head = t.split("_")[0]
    return head if head in ("bpoil", "H1N1") else t


def read(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def scores(gold, pred):
    n = len(gold)
    if n == 0:
        return {}
    cl, gl = collections.defaultdict(list), collections.defaultdict(list)
    for g, c in zip(gold, pred):
        cl[c].append(g)
        gl[g].append(c)
    pur = sum(max(collections.Counter(v).values()) for v in cl.values()) / n
    ipur = sum(max(collections.Counter(v).values()) for v in gl.values()) / n
    cont = collections.Counter(zip(gold, pred))

    def c2(x):
        return x * (x - 1) / 2

    a = sum(c2(x) for x in cont.values())
    b = sum(c2(len(v)) for v in gl.values())
    c = sum(c2(len(v)) for v in cl.values())
    e = b * c / c2(n) if n > 1 else 0
    den = 0.5 * (b + c) - e
    ari = (a - e) / den if den else 1.0
    p = sum(k ** 2 / len(cl[cc]) for (g, cc), k in cont.items()) / n
    r = sum(k ** 2 / len(gl[g]) for (g, cc), k in cont.items()) / n
    f = 2 * p * r / (p + r) if p + r else 0
    big = sum(1 for v in cl.values() if len(v) >= 5)
    return {"purity": round(pur, 3), "inv_purity": round(ipur, 3), "ARI": round(ari, 3),
            "B3_F1": round(f, 3), "stories": len(cl), "stories>=5": big}


def run(binary, rows, sets):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as tmp:
        for r in rows:
            tmp.write(json.dumps({"doc": r["doc"], "text": r["text"]}) + "\n")
        name = tmp.name
    try:
        cmd = [binary, name] + [x for s in sets for x in ("--set", s)]
        out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    finally:
        os.unlink(name)
    story = {}
    for line in out.stdout.splitlines():
        rec = json.loads(line)
        story[rec["doc"]] = rec["story"]
    return [story[r["doc"]] for r in rows], out.stderr.strip()


def score(binary, rows, sets):
    pred, log = run(binary, rows, sets)
    return scores([gold_topic(r["topic"]) for r in rows], pred), log


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", required=True)
    ap.add_argument("--t17", required=True)
    ap.add_argument("--entities", required=True)
    ap.add_argument("--set", action="append", default=[])
    ap.add_argument("--grid", default="0.02,0.025,0.03,0.035,0.04,0.045,0.05,0.06,0.08,0.1,0.12,0.15")
    a = ap.parse_args()
    sets = {"T17 dev": read(a.t17), "Entities dev": read(a.entities)}
    sets["T17+Entities"] = sets["T17 dev"] + sets["Entities dev"]
    print("== default settings", " ".join(a.set))
    for name, rows in sets.items():
        s, log = score(a.bin, rows, a.set)
        print(f"{name:14} {json.dumps(s)}\n{'':14} {log}")
    grid = [float(x) for x in a.grid.split(",")]
    print("== held out: max_conductance chosen on one corpus (the middle of the values within 0.01 of its best B3_F1), scored on the other")
    table = {}
    for name in ("T17 dev", "Entities dev"):
        for g in grid:
            table[(name, g)] = score(a.bin, sets[name], a.set + [f"max_conductance={g}"])[0]
            print(f"{name:14} max_conductance={g:<6} {json.dumps(table[(name, g)])}")
    for tune, test in (("T17 dev", "Entities dev"), ("Entities dev", "T17 dev")):
        # the geometric middle of the values within 0.01 of the best B3_F1:
        # the widest margin on both sides, not the edge of a plateau
        top = max(table[(tune, g)]["B3_F1"] for g in grid)
        near = [g for g in grid if table[(tune, g)]["B3_F1"] >= top - 0.01]
        mid = (min(near) * max(near)) ** 0.5
        best = min(near, key=lambda g: (abs(g - mid), g))
        print(f"tuned on {tune}: max_conductance={best} ({json.dumps(table[(tune, best)])}); "
              f"on {test}: {json.dumps(table[(test, best)])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
