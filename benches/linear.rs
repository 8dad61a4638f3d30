//! Linear time (issue 14): input doubled from 100 KB up, as one document,
//! with and without sentence punctuation, through `tag` (tag + resolve) and
//! through the whole build pipeline; and one document of 1,000 dates up
//! (varied "On March 3, 2011, the council voted …" sentences) through anchor
//! inference and through check/order. Criterion prints the throughput of
//! each size: constant throughput is linear time.
//!
//! The largest sizes are behind `LINEAR_MAX_KB` (default 800) and
//! `LINEAR_MAX_DATES` (default 8000), so one run does not take hours while
//! the code is still quadratic somewhere:
//!
//! ```text
//! LINEAR_MAX_KB=6400 LINEAR_MAX_DATES=64000 cargo bench --bench linear -- --warm-up-time 1 --measurement-time 2
//! ```

#[allow(dead_code)] // the shared generator has parts for the other benches
#[path = "common/gen_news.rs"]
mod gen_news;

use std::hint::black_box;

use chrono::NaiveDate;
use chronology::anchor::Pins;
use chronology::ingest::Document;
use chronology::pipeline::Pipeline;
use chronology::resolve::{resolve_all, AnchorRef};
use chronology::tag::tag;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

fn limit(var: &str, default: usize) -> usize {
    std::env::var(var).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// About `kb` KB of generated news as one text.
fn news(kb: usize) -> String {
    let mut rng = gen_news::Rng::new(7);
    gen_news::article(&mut rng, kb * 1000)
}

/// The same without sentence punctuation or newlines: one endless sentence.
fn unpunctuated(s: &str) -> String {
    s.chars()
        .map(|c| if matches!(c, '\n' | '\r') { ' ' } else { c })
        .filter(|c| !matches!(c, '.' | '!' | '?' | ';' | ':'))
        .collect()
}

fn sizes() -> Vec<usize> {
    let max = limit("LINEAR_MAX_KB", 800);
    let mut v = Vec::new();
    let mut kb = 100;
    while kb <= max {
        v.push(kb);
        kb *= 2;
    }
    v
}

fn text_linear(c: &mut Criterion) {
    let dct = NaiveDate::from_ymd_opt(2025, 2, 10).map(AnchorRef::Day);
    for (name, strip) in [("punctuated", false), ("unpunctuated", true)] {
        let mut g = c.benchmark_group(format!("linear_tag_{name}"));
        g.sample_size(10);
        let mut g2_docs = Vec::new();
        for kb in sizes() {
            let t = news(kb);
            let t = if strip { unpunctuated(&t) } else { t };
            g.throughput(Throughput::Bytes(t.len() as u64));
            g.bench_with_input(BenchmarkId::from_parameter(format!("{kb}KB")), &t, |b, t| {
                b.iter(|| {
                    let m = tag(t, 0..t.len());
                    black_box(resolve_all(t, &m, dct.as_ref()))
                })
            });
            g2_docs.push((kb, t));
        }
        g.finish();
        let mut g = c.benchmark_group(format!("linear_build_{name}"));
        g.sample_size(10);
        for (kb, t) in &g2_docs {
            let docs = vec![Document::from_text("big", t)];
            g.throughput(Throughput::Bytes(t.len() as u64));
            g.bench_with_input(BenchmarkId::from_parameter(format!("{kb}KB")), &docs, |b, docs| {
                b.iter(|| {
                    let built = pipeline().build(docs, &Pins::default(), None);
                    black_box(chronology::emit::chronology_yaml::chronology(&built.chronology).map(|s| s.len()))
                })
            });
        }
        g.finish();
    }
}

/// The pipeline, its grammar checked.
fn pipeline() -> Pipeline {
    Pipeline::new().expect("the grammar loads")
}

/// One document of `n` dated sentences, dates varied and mostly in order.
fn dated(n: usize) -> String {
    let mut rng = gen_news::Rng::new(11);
    let mut s = String::with_capacity(n * 60);
    for i in 0..n {
        let y = 1990 + (i * 30 / n.max(1)) + rng.below(2);
        let day = NaiveDate::from_ymd_opt(y as i32, 1 + rng.below(12) as u32, 1 + rng.below(28) as u32)
            .expect("a day 1-28 of a month 1-12 of 1990-2020 exists");
        s.push_str(&gen_news::on_date(&mut rng, day));
        s.push(if i % 5 == 4 { '\n' } else { ' ' });
    }
    s
}

fn dates_linear(c: &mut Criterion) {
    let max = limit("LINEAR_MAX_DATES", 8000);
    let mut ns = Vec::new();
    let mut n = 1000;
    while n <= max {
        ns.push(n);
        n *= 2;
    }
    let docs: Vec<(usize, Vec<Document>)> = ns
        .iter()
        .map(|&n| (n, vec![Document::from_text("dates", &dated(n))]))
        .collect();
    for (what, full) in [("anchors", false), ("check", true)] {
        let mut g = c.benchmark_group(format!("linear_dates_{what}"));
        g.sample_size(10);
        for (n, d) in &docs {
            g.throughput(Throughput::Elements(*n as u64));
            g.bench_with_input(BenchmarkId::from_parameter(format!("{n}dates")), d, |b, d| {
                b.iter(|| {
                    if full {
                        black_box(pipeline().build(d, &Pins::default(), None).chronology.conflicts.len())
                    } else {
                        black_box(pipeline().anchors(d, &Pins::default(), None).len())
                    }
                })
            });
        }
        g.finish();
    }
}

criterion_group!(benches, text_linear, dates_linear);
criterion_main!(benches);
