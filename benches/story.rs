//! `timeline` and `build` at story scale: the whole pipeline with the story
//! stage over the first 100, 500 and all of the T17 dev articles (1,866; BP
//! oil spill and H1N1), dates given as the tls_eval protocol gives them. The
//! corpus is read from `$CHRONOLOGY_T17` (default
//! `../shared/corpora/t17-dev/articles.jsonl`); without it the bench says so
//! and measures nothing. The target: all 1,866 in under 2 s on 2 cores.
//!
//! Run: `CHRONOLOGY_T17=/path/articles.jsonl cargo bench --bench story`
//! (two cores: `RAYON_NUM_THREADS=2`).

use std::path::PathBuf;

use chronology::anchor::Pins;
use chronology::pipeline::Pipeline;
use chronology::story::Options;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};

// The binary's allocator (src/main.rs), so the bench measures what users run.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn corpus() -> Option<Vec<chronology::ingest::Document>> {
    let path = std::env::var("CHRONOLOGY_T17").unwrap_or_else(|_| "../shared/corpora/t17-dev/articles.jsonl".into());
    let path = PathBuf::from(path);
    if !path.is_file() {
        eprintln!("story bench: {} not found; set CHRONOLOGY_T17", path.display());
        return None;
    }
    let (docs, _) = chronology::ingest::read_all(&[path]).ok()?;
    Some(docs)
}

fn bench(c: &mut Criterion) {
    let Some(docs) = corpus() else { return };
    let pipeline = Pipeline::new().expect("grammar");
    let mut g = c.benchmark_group("story");
    g.sample_size(10);
    for n in [100, 500, docs.len()] {
        let part = &docs[..n.min(docs.len())];
        g.bench_with_input(BenchmarkId::new("timeline", part.len()), part, |b, part| {
            let opts = Options {
                top: Some(50),
                sentences: Some(2),
                ..Options::default()
            };
            b.iter(|| {
                pipeline
                    .build_with(part, &Pins::default(), None, &opts)
                    .story
                    .timeline
                    .len()
            })
        });
        g.bench_with_input(BenchmarkId::new("build", part.len()), part, |b, part| {
            b.iter(|| {
                let built = pipeline.build(part, &Pins::default(), None);
                chronology::emit::chronology_yaml::chronology_v2(&built.story).map(|s| s.len())
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
