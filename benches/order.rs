//! Ordering and checking at scale: a generated corpus of stories, each told
//! by five articles of ten dated events, with order words, durations and
//! cross-article tellings of the same events. Sizes ×1, ×10, ×100 (1,000,
//! 10,000 and 100,000 events); the target is 100,000 events in under 2 s on
//! one core. Memory is the peak of bytes allocated during one run, counted
//! by a wrapping global allocator and printed beside criterion's times.
//!
//! Run: `cargo bench --bench order` (one core: `taskset -c 0 cargo bench --bench order`).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use chronology::anchor::{Anchor, Status};
use chronology::ingest::Document;
use chronology::order::{build_chronology as order, DocInput};
use chronology::resolve::{Resolved, Tense};
use chronology::timex::{Timex, TimexType};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};

struct Counting;

static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards to the system allocator; only counts.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let n = NOW.fetch_add(l.size(), Ordering::Relaxed) + l.size();
        PEAK.fetch_max(n, Ordering::Relaxed);
        // SAFETY: same layout contract as the caller's.
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        NOW.fetch_sub(l.size(), Ordering::Relaxed);
        // SAFETY: p was allocated by System.alloc with l.
        unsafe { System.dealloc(p, l) }
    }
}

#[global_allocator]
static A: Counting = Counting;

/// A pronounceable word for a number (content words carry no digits).
fn name(mut n: usize) -> String {
    let syl = ["ka", "lo", "mi", "nu", "pe", "ra", "si", "to", "va", "ze"];
    let mut s = String::from("qu");
    loop {
        s.push_str(syl[n % 10]);
        n /= 10;
        if n == 0 {
            break s;
        }
    }
}

struct Corpus {
    docs: Vec<Document>,
    anchors: Vec<Anchor>,
    resolved: Vec<Vec<Resolved>>,
}

fn mention(
    start: usize,
    text: &str,
    value: String,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
    kind: TimexType,
) -> Resolved {
    Resolved {
        start,
        end: start + text.len(),
        text: text.to_string(),
        timex: Timex {
            kind,
            value,
            modifier: None,
            from: Some(from),
            to: Some(to),
            why: String::new(),
            ambiguous: false,
        },
        range: None,
        tense: Tense::Past,
        weekday: None,
        partial: None,
    }
}

/// At least `events` events (16 dated mentions an article, the first told by five): stories of five
/// articles telling the same ten events, five order-word pairs and a
/// "three days later" each; one article in fifty puts two dates in an order they
/// do not allow.
fn corpus(events: usize) -> Corpus {
    let mut c = Corpus {
        docs: Vec::new(),
        anchors: Vec::new(),
        resolved: Vec::new(),
    };
    let ndocs = events.div_ceil(15);
    for d in 0..ndocs {
        let story = d / 5;
        let base = chrono::NaiveDate::from_ymd_opt(2000 + (story % 25) as i32, 1, 1).expect("valid");
        let mut text = String::new();
        let mut res = Vec::new();
        for k in 0..10 {
            let day = base + chrono::Duration::days((k * 30 + story % 17) as i64);
            let expr = day.format("%B %-d, %Y").to_string();
            // The first event of each story is told by all five articles
            // (and merged); the others are each article's own.
            let who = if k == 0 { name(story * 10) } else { name(d * 10 + k) };
            // Every other sentence puts two dated events in order.
            if k % 2 == 1 {
                // One article in fifty contradicts itself: a conflict to explain.
                let prev = if d % 50 == 0 && k == 1 {
                    day + chrono::Duration::days(3)
                } else {
                    day - chrono::Duration::days(3)
                };
                let e1 = format!("{}", prev.format("%B %-d, %Y"));
                text.push_str(&format!("The {who} delegation arrived on "));
                let a = text.len();
                text.push_str(&e1);
                res.push(mention(a, &e1, prev.to_string(), prev, prev, TimexType::Date));
                text.push_str(" ahead of the ");
            } else {
                let place = if k == 0 {
                    format!(" in {} with {}", name(story + 7), name(story + 9))
                } else {
                    String::new()
                };
                text.push_str(&format!(
                    "Officials of {who} signed the {} accord{place} on ",
                    name(story)
                ));
            }
            let at = text.len();
            text.push_str(&expr);
            res.push(mention(at, &expr, day.to_string(), day, day, TimexType::Date));
            text.push_str(". ");
            if k == 9 {
                let at = text.len();
                text.push_str("Three days later, on ");
                let later = day + chrono::Duration::days(3);
                res.push(mention(
                    at,
                    "Three days",
                    "P3D".into(),
                    later,
                    later,
                    TimexType::Duration,
                ));
                let e = format!("{}", later.format("%B %-d, %Y"));
                let a = text.len();
                text.push_str(&e);
                res.push(mention(a, &e, later.to_string(), later, later, TimexType::Date));
                text.push_str(", the talks resumed. ");
            }
        }
        for r in &mut res {
            if r.timex.kind == TimexType::Duration {
                r.timex.from = None;
                r.timex.to = None;
            }
        }
        let id = format!("doc{d:06}");
        let dct = base + chrono::Duration::days(400);
        c.docs.push(Document::from_text(&id, &text));
        c.anchors.push(Anchor {
            doc: id,
            earliest: Some(dct),
            latest: Some(dct),
            best: Some(dct),
            confidence: None,
            status: Status::Pinned,
            reason: None,
            text_earliest: None,
            text_latest: None,
            evidence: Vec::new(),
            conflicts: Vec::new(),
        });
        c.resolved.push(res);
    }
    c
}

fn inputs(c: &Corpus) -> Vec<DocInput<'_>> {
    (0..c.docs.len())
        .map(|i| DocInput {
            doc: &c.docs[i],
            anchor: &c.anchors[i],
            resolved: &c.resolved[i],
            furniture: &[],
        })
        .collect()
}

fn bench(cr: &mut Criterion) {
    let mut g = cr.benchmark_group("order_and_check");
    g.sample_size(10);
    for n in [1_000usize, 10_000, 100_000] {
        let c = corpus(n);
        let inp = inputs(&c);
        let before = NOW.load(Ordering::Relaxed);
        PEAK.store(before, Ordering::Relaxed);
        let out = order(&inp);
        let peak = PEAK.load(Ordering::Relaxed) - before;
        let told: usize = c
            .resolved
            .iter()
            .map(|r| r.iter().filter(|m| m.timex.kind == TimexType::Date).count())
            .sum();
        eprintln!(
            "order: {told} dated mentions in {} articles → {} events (merged), {} conflicts; peak memory {:.1} MiB",
            c.docs.len(),
            out.events.len(),
            out.conflicts.len(),
            peak as f64 / (1024.0 * 1024.0)
        );
        drop(out);
        g.bench_with_input(BenchmarkId::from_parameter(n), &inp, |b, inp| b.iter(|| order(inp)));
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
