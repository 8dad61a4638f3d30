//! Learn the likelihood of each kind of cue to the publication date
//! (issue 13) from corpora whose dates are known, score it on stories it
//! was not fitted on, and write `grammar/cues.txt`.
//!
//! ```text
//! cargo run --release --example fit_cues -- [--write grammar/cues.txt] [--heldout FILE] \
//!     ../shared/corpora/t17-dev/articles.jsonl ../shared/corpora/entities-dev/articles.jsonl [tbaq.jsonl]
//! ```
//! Each corpus is JSON lines `{"doc","text","dct","topic"?}` (the date is
//! hidden from the engine; `topic` is the story, or the person). The folds
//! leave one story group out: T17's stories by their first word (`bpoil`,
//! `H1N1`), Entities' persons one at a time, a corpus without topics as one
//! group; each fold is fitted on every other article. The figures of each
//! held-out fold are printed with the calibration at 0.5, 0.8, 0.9 and
//! 0.97; `--heldout FILE` writes each article's held-out interval and best
//! as JSON lines for `dct_score.py --by-topic`; `--dump FILE` each
//! held-out article with its cues and their evidence (for reading misses);
//! `--only NAME` (repeatable) scores only the folds whose group contains
//! NAME. `--write` fits on everything and writes the table, each line
//! naming the corpora.

use std::collections::BTreeMap;
use std::io::{BufRead, Write};

use chronology::anchor::fit::{calibrate, count, score, Score};
use chronology::anchor::model::{estimate, Cue, Shape, Table};
use chronology::anchor::{infer_full, Anchor, Pins, Weights};
use chronology::ingest::Document;
use chronology::time::{day_date, day_number};

struct Article {
    doc: Document,
    gold: Option<i64>,
    topic: String,
    group: String,
}

fn read(path: &str) -> Result<Vec<Article>, Box<dyn std::error::Error>> {
    let f = std::io::BufReader::new(std::fs::File::open(path)?);
    let name = std::path::Path::new(path)
        .parent()
        .and_then(|p| p.file_name())
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_else(|| path.to_string());
    let mut out = Vec::new();
    for line in f.lines() {
        let v: serde_json::Value = serde_json::from_str(&line?)?;
        let id = v["doc"].as_str().unwrap_or("").to_string();
        let text = v["text"].as_str().unwrap_or("");
        let gold = v["dct"]
            .as_str()
            .and_then(|s| chrono::NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d").ok())
            .map(day_number);
        let topic = v["topic"].as_str().map(str::to_string).unwrap_or_else(|| name.clone());
        let group = if name.starts_with("t17") {
            topic.split('_').next().unwrap_or("").to_string()
        } else {
            topic.clone()
        };
        out.push(Article {
            doc: Document::from_text(&id, text),
            gold,
            topic: format!("{name}/{topic}"),
            group: format!("{name}/{group}"),
        });
    }
    Ok(out)
}

/// What every article's reading needs before the table: its mentions
/// resolved by the text alone, its page, its story (tagged once, read
/// again with each fold's table).
struct Prepared {
    docs: Vec<Document>,
    resolved: Vec<Vec<chronology::resolve::Resolved>>,
    pages: Vec<chronology::page::Page>,
    story_of: Vec<usize>,
}

/// Stories: a T17 topic is a story; an Entities topic is a person over 18
/// years, not a story, so each of its articles is a story of its own.
fn prepare(arts: &[Article]) -> Prepared {
    use rayon::prelude::*;
    let docs: Vec<Document> = arts.iter().map(|a| a.doc.clone()).collect();
    let resolved: Vec<_> = docs
        .par_iter()
        .map(|d| chronology::anchor::resolve_textual(&d.text, &chronology::tag::tag(&d.text, d.body.clone())))
        .collect();
    let pages = chronology::page::analyse_all(&docs);
    let mut ids: BTreeMap<String, usize> = BTreeMap::new();
    let story_of: Vec<usize> = arts
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let key = if a.topic.starts_with("entities") {
                format!("{}#{i}", a.topic)
            } else {
                a.topic.clone()
            };
            let n = ids.len();
            *ids.entry(key).or_insert(n)
        })
        .collect();
    Prepared {
        docs,
        resolved,
        pages,
        story_of,
    }
}

/// Every article's cues, read with the table `t` (the neighbours' votes
/// depend on which neighbours' dates are sure).
fn cues_of(p: &Prepared, t: &Table) -> (Vec<Anchor>, Vec<Vec<Cue>>) {
    let k = Weights::default_loaded().expect("grammar/weights.txt loads");
    infer_full(
        &p.docs,
        &p.resolved,
        &p.pages,
        &p.story_of,
        (&Pins::default(), None),
        (k, t),
    )
}

/// One held-out article as JSON for `--dump`: the gold day, the interval
/// and best, and each cue with its kind, what it says and its evidence.
fn dump_line(
    a: &Article,
    anchor: &Anchor,
    cues: &[Cue],
    sum: &chronology::anchor::model::Summary,
) -> serde_json::Value {
    let f = |d: Option<i64>| d.and_then(day_date).map(|x| x.to_string());
    let cs: Vec<serde_json::Value> = cues
        .iter()
        .map(|c| {
            let shape = match &c.shape {
                Shape::Span(x, y) => format!(
                    "{}..{}",
                    f(Some(*x)).unwrap_or_default(),
                    f(Some(*y)).unwrap_or_default()
                ),
                Shape::Set(_) => "set".to_string(),
                Shape::Weekday(w) => format!("weekday {w}"),
            };
            let e = anchor.evidence.get(c.evidence);
            serde_json::json!({
                "kind": c.kind.name(), "shape": shape,
                "text": e.map(|e| e.text.clone()), "implies": e.map(|e| e.implies.clone()),
                "at": e.map(|e| e.span[0]),
            })
        })
        .collect();
    serde_json::json!({
        "doc": a.doc.id, "topic": a.topic, "gold": f(a.gold), "best": f(sum.best),
        "earliest": f(sum.earliest), "latest": f(sum.latest), "cues": cs,
    })
}

fn line(name: &str, s: &Score) -> String {
    let p = |x: usize| 100.0 * x as f64 / s.n.max(1) as f64;
    format!(
        "{name:<34} n={:<5} bounded {:5.1}%  contained-if-bounded {:5.1}%  best<=1d {:5.1}%  <=7d {:5.1}%  <=30d {:5.1}%  right year {:5.1}%",
        s.n,
        p(s.bounded),
        100.0 * s.contained as f64 / s.bounded.max(1) as f64,
        p(s.within[0]),
        p(s.within[1]),
        p(s.within[2]),
        p(s.within[3])
    )
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (mut write, mut heldout, mut dump, mut corpora) = (None, None, None, Vec::new());
    let mut only: Vec<String> = Vec::new();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--write" => write = args.next(),
            "--dump" => dump = args.next(),
            "--only" => only.push(args.next().unwrap_or_default()),
            "--heldout" => heldout = args.next(),
            _ => corpora.push(a),
        }
    }
    let mut arts = Vec::new();
    for c in &corpora {
        arts.extend(read(c)?);
    }
    let loaded = Table::default_loaded().expect("grammar/cues.txt loads");
    let prepared = prepare(&arts);
    let (_, cues0) = cues_of(&prepared, loaded);
    let gold: Vec<Option<i64>> = arts.iter().map(|a| a.gold).collect();
    let groups: Vec<String> = {
        let mut g: Vec<String> = arts.iter().map(|a| a.group.clone()).collect();
        g.sort();
        g.dedup();
        g
    };
    // each article's corpus (the part of its group before the slash)
    let corpus: Vec<usize> = {
        let mut names: Vec<&str> = arts.iter().map(|a| a.group.split('/').next().unwrap_or("")).collect();
        names.sort_unstable();
        names.dedup();
        arts.iter()
            .map(|a| {
                let n = a.group.split('/').next().unwrap_or("");
                names.iter().position(|x| *x == n).unwrap_or(0)
            })
            .collect()
    };
    let base = Table::default();
    let levels = [0.5, 0.8, 0.9, 0.97];
    let mut calib = vec![(0usize, 0usize); levels.len()];
    let mut out_lines = Vec::new();
    let mut dump_lines = Vec::new();
    println!("== held-out folds (fitted on every other group, scored on the group)");
    for g in groups
        .iter()
        .filter(|g| only.is_empty() || only.iter().any(|o| g.contains(o.as_str())))
    {
        let mask = |test: bool| -> Vec<Option<i64>> {
            arts.iter()
                .zip(&gold)
                .map(|(a, d)| if (a.group == *g) == test { *d } else { None })
                .collect()
        };
        let (train, test) = (mask(false), mask(true));
        // two rounds: the neighbours' votes are read again with the table of round one
        let (t1, _) = count(&cues0, &train, &base);
        let (anchors, cues) = cues_of(&prepared, &calibrate(&t1, &cues0, &train, &corpus));
        let (t, _) = count(&cues, &train, &base);
        let t = calibrate(&t, &cues, &train, &corpus);
        let s = score(&t, &cues, &test, t.confidence);
        println!(
            "{}  (temper {}, guess temper {}, damping {})",
            line(g, &s),
            t.temper,
            t.guess_temper,
            t.damping
        );
        for (li, lv) in levels.iter().enumerate() {
            let sc = score(&t, &cues, &test, *lv);
            calib[li].0 += sc.n;
            calib[li].1 += sc.held;
        }
        for (i, a) in arts.iter().enumerate().filter(|(_, a)| a.group == *g) {
            let sum = estimate(&cues[i], &t, t.confidence);
            let f = |d: Option<i64>| d.and_then(day_date).map(|x| x.to_string());
            if dump.is_some() {
                dump_lines.push(dump_line(a, &anchors[i], &cues[i], &sum));
            }
            out_lines.push(serde_json::json!({
                "doc": a.doc.id, "earliest": f(sum.earliest), "latest": f(sum.latest), "best": f(sum.best)
            }));
        }
    }
    println!("== calibration on held-out folds (share of intervals holding the day; an open side holds it)");
    for (li, lv) in levels.iter().enumerate() {
        println!(
            "  stated {lv:.2}: held {:.3} ({} articles)",
            calib[li].1 as f64 / calib[li].0.max(1) as f64,
            calib[li].0
        );
    }
    if let Some(h) = heldout {
        let mut f = std::io::BufWriter::new(std::fs::File::create(h)?);
        for l in &out_lines {
            writeln!(f, "{l}")?;
        }
    }
    if let Some(h) = dump {
        let mut f = std::io::BufWriter::new(std::fs::File::create(h)?);
        for l in &dump_lines {
            writeln!(f, "{l}")?;
        }
    }
    if !only.is_empty() && write.is_none() {
        return Ok(()); // some folds only: no pooled fit
    }
    let (t1, _) = count(&cues0, &gold, &base);
    let (_, cues) = cues_of(&prepared, &calibrate(&t1, &cues0, &gold, &corpus));
    let (t, counts) = count(&cues, &gold, &base);
    let t = calibrate(&t, &cues, &gold, &corpus);
    println!(
        "{}",
        line(
            "== pooled (fitted and scored on all)",
            &score(&t, &cues, &gold, t.confidence)
        )
    );
    if let Some(w) = write {
        let names: Vec<String> = corpora
            .iter()
            .map(|c| {
                std::path::Path::new(c)
                    .parent()
                    .and_then(|p| p.file_name())
                    .map(|s| s.to_string_lossy().to_string())
                    .unwrap_or_else(|| c.clone())
            })
            .collect();
        let source = format!("fitted on {} ({} articles)", names.join(" + "), arts.len());
        std::fs::write(w, t.format(&counts, &source))?;
    }
    Ok(())
}
