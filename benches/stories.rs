//! Story grouping (`stories::group`) as the collection grows from 100 to
//! 1,866 articles: real articles when `STORIES_CORPUS` (default: the T17 dev
//! corpus at `../shared/corpora/t17-dev/articles.jsonl`) can be read, else
//! generated news. The articles are taken in a fixed shuffled order, so each
//! size mixes both stories. Criterion prints the time and the throughput in
//! articles per second of each size: constant throughput is linear time.
//!
//! ```text
//! cargo bench --bench stories -- --warm-up-time 1 --measurement-time 3
//! ```

#[allow(dead_code)] // the shared generator has parts for the other benches
#[path = "common/gen_news.rs"]
mod gen_news;

use std::hint::black_box;
use std::path::PathBuf;

use chronology::ingest::Document;
use chronology::stories::group;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

const SIZES: [usize; 6] = [100, 200, 400, 800, 1600, 1866];

fn corpus() -> Vec<Document> {
    let path = std::env::var("STORIES_CORPUS").map(PathBuf::from).unwrap_or_else(|_| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpora/t17-dev/articles.jsonl")
    });
    let mut docs = match chronology::ingest::read_all(&[path]) {
        Ok((d, _)) if d.len() >= 100 => d,
        _ => gen_news::corpus(7, 1866 * 5000)
            .into_iter()
            .map(|(id, text, _)| Document::from_text(&id, &text))
            .collect(),
    };
    // a fixed shuffle (Fisher-Yates over an LCG)
    let mut s: u64 = 17;
    for i in (1..docs.len()).rev() {
        s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        docs.swap(i, ((s >> 33) as usize) % (i + 1));
    }
    docs
}

fn stories_growth(c: &mut Criterion) {
    let docs = corpus();
    let mut g = c.benchmark_group("stories");
    g.sample_size(10);
    for n in SIZES {
        let part = &docs[..n.min(docs.len())];
        g.throughput(Throughput::Elements(part.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(part.len()), part, |b, part| {
            b.iter(|| black_box(group(black_box(part))))
        });
    }
    g.finish();
}

criterion_group!(benches, stories_growth);
criterion_main!(benches);
