//! Throughput of what `chronology tag --format jsonl` does to each document
//! (tag, resolve, the out-of-range scan, JSONL output) on one thread, over a
//! generated corpus of realistic news text (≥ 20 MB), and on pathological input
//! at two sizes (time must grow linearly).

#[allow(dead_code)] // the shared generator has parts for the other benches
#[path = "common/gen_news.rs"]
mod gen_news;

use std::hint::black_box;
use std::io::Write;

use chrono::NaiveDate;
use chronology::ingest::Document;
use chronology::resolve::{resolve_all, AnchorRef};
use chronology::tag::out_of_range::out_of_range;
use chronology::tag::tag;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn tag_news(c: &mut Criterion) {
    let docs: Vec<(Document, NaiveDate)> = gen_news::corpus(42, 20 * 1024 * 1024 + 1)
        .into_iter()
        .map(|(id, text, dct)| {
            let d = Document::from_text(&id, &text);
            (d, NaiveDate::parse_from_str(&dct, "%Y-%m-%d").unwrap_or_default())
        })
        .collect();
    let bytes: usize = docs.iter().map(|(d, _)| d.text.len()).sum();
    let mut g = c.benchmark_group("tag");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("news_20MB_tag_resolve_jsonl", |b| {
        let mut sink = std::io::sink();
        b.iter(|| {
            for (d, dct) in &docs {
                let m = tag(&d.text, d.body.clone());
                let r = resolve_all(&d.text, &m, Some(&AnchorRef::Day(*dct)));
                black_box(out_of_range(&d.text, d.body.clone(), &m, &r));
                chronology::emit::jsonl::write_doc(&mut sink, d, &r).unwrap_or(());
            }
            sink.flush().unwrap_or(());
        })
    });
    g.finish();
}

fn pathological(c: &mut Criterion) {
    let mut g = c.benchmark_group("pathological");
    g.sample_size(10);
    for n in [100_000usize, 200_000] {
        let last = "last ".repeat(n);
        g.throughput(Throughput::Bytes(last.len() as u64));
        g.bench_function(format!("last_x{n}"), |b| {
            b.iter(|| black_box(tag(&last, 0..last.len())))
        });
        let digits = "7".repeat(n * 15);
        g.throughput(Throughput::Bytes(digits.len() as u64));
        g.bench_function(format!("digits_{}MB", n * 15 / 1_000_000), |b| {
            b.iter(|| black_box(tag(&digits, 0..digits.len())))
        });
    }
    g.finish();
}

criterion_group!(benches, tag_news, pathological);
criterion_main!(benches);
