#!/usr/bin/env python3
"""Learn the day-salience weights of `chronology timeline` on development stories.

    fit_timeline.py --tasks DIR --timelines DIR --engine BIN [--train PREFIX...] [--test PREFIX...]
                    [--write grammar/timeline_weights.txt]

DIR holds the task inputs `tls_eval.py --keep DIR` leaves (`TOPIC.NAME.jsonl`, one per
reference timeline). For each task the engine is run as
    BIN timeline TASK.jsonl --top 100000 --from FIRST --to LAST --explain --format jsonl
and every candidate day with its features becomes one example, labelled 1 when the
reference timeline has that day. The weights (see fit) are fitted on the tasks whose name starts with a --train prefix (default: all) and
scored as tls_eval.py scores date selection (top L days, P/R averaged over tasks) on the
--test tasks (default: the training ones). Weights are learned on stories pooled, never
per story. With --write the fitted weights replace the values of the weights file.
"""
import argparse, collections, json, math, os, subprocess, sys

FEATURES = ["docs", "lead", "published", "later", "spread", "self", "explicit", "multi", "mentions", "pub0"]


def reference(path):
    days = collections.Counter()
    for e in json.load(open(path, encoding="utf-8")):
        d = str(e["date"])[:10]
        if len(d) == 10:
            days[d] += 1
    return set(days)


def tasks(args):
    out = []
    for name in sorted(os.listdir(args.tasks)):
        if not name.endswith(".jsonl"):
            continue
        topic, rest = name.split(".", 1)
        ref = reference(os.path.join(args.timelines, topic, rest[: -len(".jsonl")]))
        lo, hi = min(ref), max(ref)
        cmd = [args.engine, "timeline", os.path.join(args.tasks, name), "--top", "100000",
               "--from", lo, "--to", hi, "--explain", "--format", "jsonl", "--quiet"]
        p = subprocess.run(cmd, capture_output=True, text=True)
        days = [json.loads(l) for l in p.stdout.splitlines() if l.startswith("{")]
        xs = [[d["features"][f] for f in FEATURES] for d in days]
        ys = [1 if d["date"] in ref else 0 for d in days]
        out.append({"name": topic + "/" + rest, "xs": xs, "ys": ys, "dates": [d["date"] for d in days], "ref": ref})
    return out


GRID = [-1, -0.5, -0.25, -0.1, 0, 0.1, 0.25, 0.5, 1]


def fit(ts, rounds=3):
    """Coordinate search on the date F1 itself (what tls_eval.py scores): `docs`
    fixed at 1, each other weight in turn set to the best value of GRID. The bias
    only shifts the salience scale, not the ranking: it stays as the file has it."""
    w = [0.0] * len(FEATURES)
    w[0] = 1.0
    best = score(ts, 0, w)
    for _ in range(rounds):
        for j in range(1, len(FEATURES)):
            for g in GRID:
                v = list(w)
                v[j] = g
                s = score(ts, 0, v)
                if s > best + 1e-9:
                    best, w = s, v
    return None, w


def score(ts, b, w):
    ps, rs = [], []
    for t in ts:
        L = len(t["ref"])
        s = sorted(range(len(t["xs"])), key=lambda i: (-(b + sum(a * c for a, c in zip(w, t["xs"][i]))), t["dates"][i]))[:L]
        hit = sum(1 for i in s if t["ys"][i])
        ps.append(hit / len(s) if s else 0)
        rs.append(hit / L)
    p, r = sum(ps) / len(ps), sum(rs) / len(rs)
    return 2 * p * r / (p + r) if p + r else 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tasks", required=True)
    ap.add_argument("--timelines", required=True)
    ap.add_argument("--engine", required=True)
    ap.add_argument("--train", nargs="*", default=[])
    ap.add_argument("--test", nargs="*", default=[])
    ap.add_argument("--write")
    args = ap.parse_args()
    ts = tasks(args)
    pick = lambda pre: [t for t in ts if not pre or any(t["name"].startswith(p) for p in pre)]
    train, test = pick(args.train), pick(args.test or args.train)
    _, w = fit(train)
    print(f"trained on {len(train)} tasks, {sum(len(t['xs']) for t in train)} days; "
          f"date F1 on {len(test)} tasks: {score(test, 0, w):.3f} (training tasks: {score(train, 0, w):.3f})")
    print({f: round(x, 4) for f, x in zip(FEATURES, w)})
    if args.write:
        src = "fitted on " + (",".join(args.train) if args.train else "all T17 dev tasks") + " by eval/fit_timeline.py"
        lines = []
        for line in open(args.write, encoding="utf-8"):
            name = line.split("|")[0].strip()
            if not line.startswith("#") and "|" in line:
                reason = line.rsplit("|", 1)[1].strip()
                if name != "bias":
                    line = f"{name} | {round(w[FEATURES.index(name)], 4)} | {src} | {reason}\n"
            lines.append(line)
        open(args.write, "w", encoding="utf-8").writelines(lines)


if __name__ == "__main__":
    main()
