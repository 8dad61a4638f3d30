#!/usr/bin/env python3
"""Learn the day-salience weights of `chronology timeline` on development stories.

    fit_timeline.py --tasks DIR --timelines DIR --engine BIN [--train PREFIX...] [--test PREFIX...]
                    [--write grammar/timeline_weights.txt] [--tls-eval ../shared/eval/tls_eval.py]

DIR holds the task inputs `tls_eval.py --keep DIR` leaves (`TOPIC.NAME.jsonl`, one per
reference timeline). For each task the engine is run as
    BIN timeline TASK.jsonl --top 100000 --from FIRST --to LAST --explain --format jsonl
and every candidate day with its features becomes one example, labelled 1 when the
reference timeline has that day. The weights (see fit) are fitted on the tasks whose name starts with a --train prefix (default: all) and
scored as tls_eval.py scores date selection (top L days, P/R averaged over tasks) on the
--test tasks (default: the training ones). Weights are learned on stories pooled, never
per story. With --write the fitted weights replace the values of the weights file.

With --tls-eval (the path of tls_eval.py) the test tasks are also scored as tls_eval.py
scores them, ROUGE included: the engine is run with the task's K sentences, its days
ranked by the fitted weights and the top L kept, which is what an engine built with
those weights prints; so a held-out fold is scored without building it.
"""
import argparse, collections, importlib.util, json, math, os, subprocess, sys

FEATURES = ["docs", "lead", "published", "later", "spread", "self", "explicit", "multi", "mentions", "pub0", "told"]

# The feature whose weight stays 1: the scale of the others. `told` (the articles
# that report the day, a week later counting three) is the count the others adjust.
ANCHOR = "told"


def reference(path):
    days = collections.Counter()
    for e in json.load(open(path, encoding="utf-8")):
        d = str(e["date"])[:10]
        if len(d) == 10:
            days[d] += 1
    return set(days)


def tasks(args, tls=None):
    out = []
    for name in sorted(os.listdir(args.tasks)):
        if not name.endswith(".jsonl"):
            continue
        topic, rest = name.split(".", 1)
        path = os.path.join(args.timelines, topic, rest[: -len(".jsonl")])
        ref = reference(path)
        lo, hi = min(ref), max(ref)
        cmd = [args.engine, "timeline", os.path.join(args.tasks, name), "--top", "100000",
               "--from", lo, "--to", hi, "--explain", "--format", "jsonl", "--quiet"]
        if tls:
            cmd += ["--sentences", str(tls.ref_k(path))]
        p = subprocess.run(cmd, capture_output=True, text=True)
        days = [json.loads(l) for l in p.stdout.splitlines() if l.startswith("{")]
        xs = [[d["features"][f] for f in FEATURES] for d in days]
        ys = [1 if d["date"] in ref else 0 for d in days]
        out.append({"name": topic + "/" + rest, "xs": xs, "ys": ys, "dates": [d["date"] for d in days], "ref": ref,
                    "texts": [" ".join(d["sentences"]) for d in days],
                    "ref_text": tls.load_reference(path) if tls else None})
    return out


GRID = [-1, -0.5, -0.25, -0.1, 0, 0.1, 0.25, 0.5, 1]


def fit(ts, rounds=3):
    """Coordinate search on the date F1 itself (what tls_eval.py scores): ANCHOR
    fixed at 1, each other weight in turn set to the best value of GRID (a change
    is kept only when it scores better, so tasks that cannot tell the days apart
    leave the weights at ANCHOR alone). The bias only shifts the salience scale,
    not the ranking: it stays as the file has it."""
    a = FEATURES.index(ANCHOR)
    w = [0.0] * len(FEATURES)
    w[a] = 1.0
    best = score(ts, 0, w)
    for _ in range(rounds):
        for j in [j for j in range(len(FEATURES)) if j != a]:
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


def read_weights(path):
    """The feature weights of a weights file (features it lacks weigh 0)."""
    w = dict.fromkeys(FEATURES, 0.0)
    for line in open(path, encoding="utf-8"):
        fields = [x.strip() for x in line.split("|")]
        if not line.startswith("#") and len(fields) == 4 and fields[0] in w:
            w[fields[0]] = float(fields[1])
    return [w[f] for f in FEATURES]


def pick_days(t, w):
    """The top L days of a task by the weights: what the engine would print."""
    L = len(t["ref"])
    return sorted(range(len(t["xs"])), key=lambda i: (-sum(a * c for a, c in zip(w, t["xs"][i])), t["dates"][i]))[:L]


def tls_figures(tls, ts, w):
    """date F1, concat ROUGE-1 and -2, align ROUGE-1 as tls_eval.py computes them."""
    acc = collections.defaultdict(list)
    for t in ts:
        sys_tl = {t["dates"][i]: t["texts"][i] for i in pick_days(t, w)}
        ref = t["ref_text"]
        hit = len(set(sys_tl) & set(ref))
        acc["p"].append(hit / len(sys_tl) if sys_tl else 0.0)
        acc["r"].append(hit / len(ref))
        for n in (1, 2):
            h, ns, nr = tls.rouge_counts(" ".join(sys_tl.values()), " ".join(ref.values()), n)
            acc[f"r{n}p"].append(h / ns if ns else 0)
            acc[f"r{n}r"].append(h / nr if nr else 0)
        ap, ar = tls.align_r1(sys_tl, ref) if sys_tl else (0.0, 0.0)
        acc["ap"].append(ap)
        acc["ar"].append(ar)
    m = lambda k: sum(acc[k]) / len(acc[k])
    return {"date F1": tls.f(m("p"), m("r")), "concat R1": tls.f(m("r1p"), m("r1r")),
            "R2": tls.f(m("r2p"), m("r2r")), "align R1": tls.f(m("ap"), m("ar"))}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tasks", required=True)
    ap.add_argument("--timelines", required=True)
    ap.add_argument("--engine", required=True)
    ap.add_argument("--train", nargs="*", default=[])
    ap.add_argument("--test", nargs="*", default=[])
    ap.add_argument("--write")
    ap.add_argument("--weights", help="score the weights of this file instead of fitting them")
    ap.add_argument("--tls-eval", help="path of tls_eval.py: also print its figures on the test tasks")
    args = ap.parse_args()
    tls = None
    if args.tls_eval:
        spec = importlib.util.spec_from_file_location("tls_eval", args.tls_eval)
        tls = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(tls)
    ts = tasks(args, tls)
    pick = lambda pre: [t for t in ts if not pre or any(t["name"].startswith(p) for p in pre)]
    train, test = pick(args.train), pick(args.test or args.train)
    if args.weights:
        w = read_weights(args.weights)
        print(f"weights of {args.weights}; date F1 on {len(test)} tasks: {score(test, 0, w):.3f}")
    else:
        _, w = fit(train)
        print(f"trained on {len(train)} tasks, {sum(len(t['xs']) for t in train)} days; "
              f"date F1 on {len(test)} tasks: {score(test, 0, w):.3f} (training tasks: {score(train, 0, w):.3f})")
    print({f: round(x, 4) for f, x in zip(FEATURES, w)})
    if tls:
        figs = tls_figures(tls, test, w)
        print(f"tls_eval figures on the {len(test)} test tasks: " + "  ".join(f"{k} {v:.3f}" for k, v in figs.items()))
    if args.write:
        src = (f"fitted on {','.join(args.train) if args.train else 'all'} T17 dev tasks ({len(train)}) by "
               f"eval/fit_timeline.py, date F1 {score(train, 0, w):.3f} on them")
        lines = []
        for line in open(args.write, encoding="utf-8"):
            name = line.split("|")[0].strip()
            if not line.startswith("#") and "|" in line:
                reason = line.rsplit("|", 1)[1].strip()
                if name == ANCHOR:
                    line = f"{name} | 1.0 | fixed by eval/fit_timeline.py: the scale of the fitted weights | {reason}\n"
                elif name in FEATURES:
                    line = f"{name} | {round(w[FEATURES.index(name)], 4)} | {src} | {reason}\n"
            lines.append(line)
        open(args.write, "w", encoding="utf-8").writelines(lines)


if __name__ == "__main__":
    main()
