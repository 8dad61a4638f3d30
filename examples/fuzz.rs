//! The long run of the property tests (issue 14): the generators of
//! `tests/prop_gen` in a fast loop with a seeded RNG, no shrinking. Every
//! case runs under `catch_unwind`; a panic prints its input, the seed and the
//! case number, and the run exits 1. Checks that fail without a panic (a span
//! off a char boundary, a value that does not parse, an error without its
//! file:line) are counted by kind and shown once each.
//!
//! ```text
//! cargo run --release --example fuzz -- --cases 1000000 [--seed N] [--from K]
//! cargo run --release --example fuzz -- --seed N --show K   # one case, with its backtrace
//! ```

#[path = "../tests/prop_gen/mod.rs"]
mod prop_gen;

use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Instant;

use chronology::ingest::Document;
use prop_gen::*;
use proptest::strategy::{BoxedStrategy, Strategy, Union, ValueTree};
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

/// One generated input, tagged with what it is fed to.
#[derive(Debug, Clone)]
enum Input {
    Tag(String, Option<chrono::NaiveDate>),
    Edge(String, Option<chrono::NaiveDate>),
    Infer(String),
    Build(Vec<String>),
    FrontMatter(Vec<u8>),
    Jsonl(Vec<u8>),
    TimeMl(Vec<u8>),
    Anchors(String),
}

/// The generators, by weight: the tagger gets most of the cases.
fn generators() -> Vec<(u32, BoxedStrategy<Input>)> {
    vec![
        (30, (any_text(), any_dct()).prop_map(|(t, d)| Input::Tag(t, d)).boxed()),
        (
            10,
            (absurd_phrase(), any_dct()).prop_map(|(t, d)| Input::Tag(t, d)).boxed(),
        ),
        (
            10,
            (mutated_sentence(), any_dct())
                .prop_map(|(t, d)| Input::Tag(t, d))
                .boxed(),
        ),
        (3, (any_text(), edge_dct()).prop_map(|(t, d)| Input::Edge(t, d)).boxed()),
        (8, any_text().prop_map(Input::Infer).boxed()),
        (
            2,
            proptest::collection::vec(any_text(), 1..4)
                .prop_map(Input::Build)
                .boxed(),
        ),
        (8, front_matter_file().prop_map(Input::FrontMatter).boxed()),
        (8, jsonl_file().prop_map(Input::Jsonl).boxed()),
        (8, timeml_file().prop_map(Input::TimeMl).boxed()),
        (8, anchors_file().prop_map(Input::Anchors).boxed()),
    ]
}

fn fail(kind: &'static str) -> impl Fn(String) -> (String, String) {
    move |e| (kind.to_string(), e)
}

/// Run one input; `Err` is a check that failed (the kind, then the detail).
fn run(input: &Input) -> Result<(), (String, String)> {
    match input {
        Input::Tag(t, d) => {
            let (m, r) = tag_resolve(t, *d);
            check_mentions(t, 0..t.len(), &m).map_err(fail("tag: mention"))?;
            check_resolved(t, &r).map_err(fail("resolve: value"))?;
            if tag_resolve(t, *d) != (m, r) {
                return Err(fail("determinism")("tag_resolve differs".into()));
            }
        }
        Input::Edge(t, d) => {
            let (m, _) = tag_resolve(t, *d);
            check_mentions(t, 0..t.len(), &m).map_err(fail("tag: mention"))?;
        }
        Input::Infer(t) => {
            let doc = Document::from_text("f", t);
            let (m, r, a) = tag_infer(&doc);
            check_mentions(t, 0..t.len(), &m).map_err(fail("tag: mention"))?;
            check_resolved(t, &r).map_err(fail("resolve: value (inferred anchor)"))?;
            check_anchors(t, &a).map_err(fail("anchor"))?;
        }
        Input::Build(ts) => {
            let docs: Vec<Document> = ts
                .iter()
                .enumerate()
                .map(|(i, t)| Document::from_text(&format!("d{i}"), t))
                .collect();
            let b = build(&docs);
            for e in &b.chronology.events {
                if !value_ok(&e.value) {
                    return Err(fail("build: event value")(format!("{:?}", e.value)));
                }
            }
        }
        Input::FrontMatter(b) => readers_ok("md", b, read_front_matter(b), true)?,
        Input::Jsonl(b) => readers_ok("jsonl", b, read_jsonl(b), true)?,
        Input::TimeMl(b) => {
            readers_ok("tml", b, read_timeml(b), false)?;
            let _ = timeml_plain(&String::from_utf8_lossy(b));
        }
        Input::Anchors(t) => {
            if let Err(e) = read_anchors(t) {
                let msg = e.to_string();
                names_place(&msg, "anchors.yaml", Some(line_count(t.as_bytes()))).map_err(fail("anchors: error"))?;
            }
        }
    }
    Ok(())
}

fn readers_ok(
    ext: &str,
    bytes: &[u8],
    out: Vec<Result<Document, chronology::ingest::IngestError>>,
    lines: bool,
) -> Result<(), (String, String)> {
    let file = scratch_name(ext);
    for r in out {
        match r {
            Ok(d) => {
                let ok = d.body.start <= d.body.end
                    && d.text.get(d.body.clone()).is_some()
                    && d.line >= 1
                    && d.line <= line_count(bytes);
                if !ok {
                    return Err((format!("{ext}: document"), format!("body {:?} line {}", d.body, d.line)));
                }
                let m = chronology::tag::tag(&d.text, d.body.clone());
                check_mentions(&d.text, d.body.clone(), &m).map_err(|e| (format!("{ext}: mention"), e))?;
            }
            Err(e) => {
                let msg = e.to_string();
                let bound = if lines && !msg.contains("no closing") {
                    Some(line_count(bytes))
                } else {
                    None
                };
                // "opening `---` has no closing `---`" names line 1, in bounds
                names_place(&msg, &file, bound.or(Some(line_count(bytes))).filter(|_| lines))
                    .map_err(|e| (format!("{ext}: error"), e))?;
            }
        }
    }
    Ok(())
}

/// What makes two failed checks the same: the kind and the detail up to its
/// first parenthesis, digits folded, at most 60 characters.
fn shape(kind: &str, detail: &str) -> String {
    let head = detail.split(" (").next().unwrap_or(detail);
    let folded: String = head
        .chars()
        .map(|c| if c.is_ascii_digit() { '9' } else { c })
        .take(60)
        .collect();
    let mut folded = folded;
    while folded.contains("99") {
        folded = folded.replace("99", "9");
    }
    format!("{kind}: {folded}")
}

fn case_rng(seed: u64, i: u64) -> TestRng {
    let mut bytes = [0u8; 32];
    bytes[..8].copy_from_slice(&seed.to_le_bytes());
    bytes[8..16].copy_from_slice(&i.to_le_bytes());
    bytes[16..24].copy_from_slice(&(seed ^ 0x9e37_79b9_7f4a_7c15).rotate_left(17).to_le_bytes());
    TestRng::from_seed(RngAlgorithm::ChaCha, &bytes)
}

fn generate(all: &Union<BoxedStrategy<Input>>, seed: u64, i: u64) -> Option<Input> {
    let mut runner = TestRunner::new_with_rng(Config::default(), case_rng(seed, i));
    all.new_tree(&mut runner).ok().map(|t| t.current())
}

struct Args {
    cases: u64,
    seed: u64,
    from: u64,
    show: Option<u64>,
}

fn args() -> Result<Args, String> {
    let mut a = Args {
        cases: 100_000,
        seed: 14,
        from: 0,
        show: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(k) = it.next() {
        let v = it.next().ok_or(format!("{k} needs a value"))?;
        let n: u64 = v
            .replace('_', "")
            .parse()
            .map_err(|_| format!("{k}: not a number: {v}"))?;
        match k.as_str() {
            "--cases" => a.cases = n,
            "--seed" => a.seed = n,
            "--from" => a.from = n,
            "--show" => a.show = Some(n),
            _ => return Err(format!("unknown argument {k}")),
        }
    }
    Ok(a)
}

thread_local! {
    static LAST_PANIC: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

fn main() -> std::process::ExitCode {
    let a = match args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("fuzz: {e}\nusage: fuzz [--cases N] [--seed N] [--from K] [--show K]");
            return std::process::ExitCode::from(2);
        }
    };
    let gens = Union::new_weighted(generators());
    if let Some(k) = a.show {
        let input = generate(&gens, a.seed, k);
        println!("case {k} of seed {}: {input:#?}", a.seed);
        // no catch_unwind here: a panic shows its backtrace
        let r = input.as_ref().map(run);
        println!("result: {r:?}");
        return std::process::ExitCode::SUCCESS;
    }
    std::panic::set_hook(Box::new(|info| {
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let at = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        LAST_PANIC.with(|p| *p.borrow_mut() = format!("{msg} at {at}"));
    }));
    let t0 = Instant::now();
    let mut panics: BTreeMap<String, (u64, u64, Input)> = BTreeMap::new();
    let mut failed: BTreeMap<String, (u64, u64, String, Input)> = BTreeMap::new();
    let mut ran = 0u64;
    for i in a.from..a.from + a.cases {
        let Some(input) = generate(&gens, a.seed, i) else {
            continue;
        };
        ran += 1;
        match catch_unwind(AssertUnwindSafe(|| run(&input))) {
            Ok(Ok(())) => {}
            Ok(Err((kind, detail))) => {
                let kind = match detail.split("known: ").nth(1) {
                    Some(k) => format!("{kind} [known: {}]", k.trim_end_matches(')')),
                    None => kind,
                };
                let e = failed
                    .entry(shape(&kind, &detail))
                    .or_insert_with(|| (i, 0, detail, input.clone()));
                e.1 += 1;
            }
            Err(_) => {
                let where_ = LAST_PANIC.with(|p| p.borrow().clone());
                let e = panics.entry(where_).or_insert_with(|| (i, 0, input.clone()));
                e.1 += 1;
            }
        }
        if ran % 100_000 == 0 {
            eprintln!("  {ran} cases, {:.1} s", t0.elapsed().as_secs_f64());
        }
    }
    let secs = t0.elapsed().as_secs_f64();
    println!(
        "fuzz: {ran} cases (seed {}, cases {}..{}) in {secs:.1} s: {} distinct panics, {} kinds of failed checks",
        a.seed,
        a.from,
        a.from + a.cases,
        panics.len(),
        failed.len()
    );
    for (kind, (first, n, detail, input)) in &failed {
        println!("check failed: {kind} ({n} cases; first: case {first}): {detail}\n  input: {input:?}");
    }
    for (where_, (first, n, input)) in &panics {
        println!(
            "PANIC: {where_} ({n} cases; first: case {first}, rerun with --seed {} --show {first})\n  input: {input:?}",
            a.seed
        );
    }
    if panics.is_empty() {
        std::process::ExitCode::SUCCESS
    } else {
        std::process::ExitCode::from(1)
    }
}
