#!/usr/bin/env bash
# anchor_folds.sh — publication dates on folds not fitted (issue 13).
# Fits the cue table leaving one story group out at a time (T17: bpoil, H1N1;
# Entities: each person; TBAQ: as one group), scores each group with the table
# fitted on the others, prints the calibration at 0.5/0.8/0.9/0.97, and scores
# the held-out intervals with the shared scorer, by story.
# Run from the project root:  bash eval/anchor_folds.sh [--write grammar/cues.txt]
set -eu
S=${SHARED:-../shared}; [ -d "$S" ] || S=/work/shared
t=$(mktemp -d); trap 'rm -rf $t' EXIT
mkdir -p "$t/gold" "$t/tbaq"
cp "$S"/corpora/tbaq-cleaned/{TimeBank,AQUAINT}/*.tml "$t/gold/"
python3 "$S/eval/extract_plain.py" "$t/gold" -o "$t/tbaq/articles.jsonl" >/dev/null
cargo run --release --quiet --example fit_cues -- "$@" --heldout "$t/held.jsonl" \
  "$S/corpora/t17-dev/articles.jsonl" "$S/corpora/entities-dev/articles.jsonl" "$t/tbaq/articles.jsonl"
for c in t17-dev entities-dev; do
  echo "== $c, held out (dct_score.py --by-topic)"
  python3 "$S/eval/dct_score.py" "$S/corpora/$c/articles.jsonl" "$t/held.jsonl" --by-topic --quiet | sed "s/, extra system docs [0-9]*//"
done
echo "== TBAQ, held out"
python3 "$S/eval/dct_score.py" "$t/tbaq/articles.jsonl" "$t/held.jsonl" --quiet | head -3
python3 "$S/eval/narrow_misses.py" "$t/tbaq/articles.jsonl" "$t/held.jsonl" | tail -2
