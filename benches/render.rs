//! Rendering speed (issue 5): the SVG and the TimelineJS JSON of a generated
//! chronology of 10,000 events must take under a second.
//!
//! The generated chronology looks like a big `build` output: 40 articles (a
//! quarter of them with inferred publication intervals), events over
//! 2000 … 2030 with a long empty stretch in the middle (an axis break), one in
//! four uncertain, one in twenty merged across two articles, one in fifty in a
//! conflict.
#[allow(dead_code)] // the text halves of the generator are for the other benches
#[path = "common/gen_news.rs"]
mod gen_news;

use std::hint::black_box;

use chrono::{Duration, NaiveDate};
use chronology::emit::{svg, timelinejs};
use chronology::schema::{AnchorSummary, Chronology, Conflict, Event, Statement};
use chronology::timex::TimexType;
use criterion::{criterion_group, criterion_main, Criterion};

fn generated(n: usize) -> Chronology {
    let docs = 40usize;
    let mut rng = gen_news::Rng::new(0x9e37_79b9_7f4a_7c15);
    let origin = NaiveDate::from_ymd_opt(2000, 1, 1).expect("valid date");
    let anchors: Vec<AnchorSummary> = (0..docs)
        .map(|d| {
            let best = origin + Duration::days(8000 + rng.below(2900) as i64);
            let (earliest, latest, status) = if d % 4 == 0 {
                (best - Duration::days(90), best + Duration::days(20), "bounded")
            } else {
                (best, best, "pinned")
            };
            AnchorSummary {
                doc: format!("{d:03}_generated"),
                title: Some(format!("Generated article number {d} about a long-running story")),
                earliest: Some(earliest),
                latest: Some(latest),
                best: Some(best),
                status: status.to_string(),
                text_earliest: None,
                text_latest: None,
            }
        })
        .collect();
    let mut conflicts = Vec::new();
    let mut events: Vec<Event> = (0..n)
        .map(|i| {
            // Mostly 2022 … 2030; a few around 2000 … 2003, leaving a long gap.
            let offset = if i % 50 == 0 {
                rng.below(1200)
            } else {
                8000 + rng.below(2900)
            };
            let start = origin + Duration::days(offset as i64);
            let len = [0, 0, 0, 1, 6, 30, 90][rng.below(7)];
            let end = start + Duration::days(len);
            let doc = format!("{:03}_generated", rng.below(docs));
            let id = format!("e-{i:06x}");
            let (earliest, latest) = if i % 4 == 0 {
                (
                    Some(start - Duration::days(rng.below(120) as i64)),
                    Some(end + Duration::days(rng.below(60) as i64)),
                )
            } else {
                (None, None)
            };
            let docs_merged = if i % 20 == 0 {
                vec![doc.clone(), format!("{:03}_generated", (i / 20) % docs)]
            } else {
                Vec::new()
            };
            let mut ev_conflicts = Vec::new();
            if i % 50 == 7 {
                let cid = format!("c-{i:06x}");
                conflicts.push(Conflict {
                    id: cid.clone(),
                    kind: "event_dates".to_string(),
                    docs: vec![doc.clone()],
                    statements: vec![Statement {
                        doc: doc.clone(),
                        span: [i, i + 10],
                        text: "a statement".into(),
                    }],
                    explanation: format!("Two articles date event {id} more than a month apart."),
                    events: vec![id.clone()],
                });
                ev_conflicts.push(cid);
            }
            Event {
                id,
                doc: if docs_merged.is_empty() { Some(doc) } else { None },
                docs: docs_merged,
                expression: "last week".to_string(),
                value: start.to_string(),
                kind: TimexType::Date,
                modifier: None,
                start,
                end,
                earliest,
                latest,
                span: [i * 10, i * 10 + 9],
                text: format!("something happened, as told in paragraph {i} of the article"),
                sources: Vec::new(),
                conflicts: ev_conflicts,
            }
        })
        .collect();
    events.sort_by(|a, b| a.start.cmp(&b.start).then(a.id.cmp(&b.id)));
    Chronology {
        version: 1,
        anchors,
        events,
        conflicts,
    }
}

fn render(c: &mut Criterion) {
    let chronology = generated(10_000);
    let mut g = c.benchmark_group("render");
    g.sample_size(10);
    g.bench_function("svg_10k_events", |b| {
        b.iter(|| black_box(svg::render(black_box(&chronology))))
    });
    g.bench_function("timelinejs_10k_events", |b| {
        b.iter(|| black_box(serde_json::to_string(&timelinejs::timeline(black_box(&chronology)))))
    });
    g.finish();
}

criterion_group!(benches, render);
criterion_main!(benches);
