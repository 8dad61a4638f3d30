//! A synthetic story chronology (schema version 2) for testing the picture:
//! N articles (default 1,500) with bursty coverage — a main burst, a second
//! one, an anniversary, a thin background, an empty winter and a few stray
//! historical dates — and merged events reported by many articles.
//!
//! ```text
//! cargo run --example gen_story -- [ARTICLES] [SEED] > story.yaml
//! chronology render story.yaml -o story.svg
//! ```
//!
//! Deterministic: the same arguments give the same bytes. The empty winter
//! (1 December 2010 to 15 March 2011, before publication-day offsets) is
//! where the picture must put an axis break.

#[allow(dead_code)] // the news and dated-sentence halves are for the other generators
#[path = "../benches/common/gen_news.rs"]
mod gen_news;

use chrono::{Duration, NaiveDate};
use chronology::emit::upgrade::derive_timeline;
use chronology::schema::v2::{AnchorSummary, Chronology, Event, Report, Story, When, VERSION};
use chronology::schema::Statement;
use chronology::timex::TimexType;
use gen_news::Rng;

const WHO: [&str; 10] = [
    "BP",
    "The coast guard",
    "The White House",
    "Engineers",
    "Fishermen",
    "The Senate panel",
    "Louisiana officials",
    "Transocean",
    "The EPA",
    "Investigators",
];
const DID: [&str; 10] = [
    "capped the leaking well",
    "announced a claims fund",
    "widened the fishing ban",
    "tested a new containment dome",
    "questioned executives over safety",
    "reported oil reaching the marshes",
    "began a relief well",
    "cleared dispersant use",
    "published a damage estimate",
    "halted drilling in deep water",
];

/// The day an article is published: mostly in bursts.
fn publication(rng: &mut Rng, base: NaiveDate) -> NaiveDate {
    let u = rng.unit();
    let (from, len) = if u < 0.6 {
        (0, 85) // the main burst: 20 Apr – mid July
    } else if u < 0.75 {
        (135, 25) // September hearings
    } else if u < 0.85 {
        (360, 10) // the anniversary
    } else {
        // a thin background, with nothing from December to mid-March
        let d = rng.below(420) as i64;
        if (225..330).contains(&d) {
            (d - 110, 1)
        } else {
            (d, 1)
        }
    };
    // Within a burst, most articles come early.
    let off = (rng.unit().powi(2) * len as f64) as i64;
    base + Duration::days(from + off)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let articles: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(1500);
    let seed: u64 = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(17);
    match serde_yaml::to_string(&story(articles, seed)) {
        Ok(y) => print!("{y}"),
        Err(e) => eprintln!("cannot write YAML: {e}"),
    }
}

/// The synthetic story (tests include this file to use it).
pub fn story(articles: usize, seed: u64) -> Chronology {
    let articles = articles.max(1);
    let mut rng = Rng::new(seed);
    let base = NaiveDate::from_ymd_opt(2010, 4, 20).unwrap_or_default();
    let docs: Vec<(String, NaiveDate)> = (0..articles)
        .map(|i| (format!("syn-{i:05}"), publication(&mut rng, base)))
        .collect();
    let anchors: Vec<AnchorSummary> = docs
        .iter()
        .enumerate()
        .map(|(i, (doc, day))| AnchorSummary {
            doc: doc.clone(),
            title: Some(format!(
                "{} {} ({} report {i})",
                WHO[i % WHO.len()],
                DID[(i / 3) % DID.len()],
                ["Wire", "Gazette", "Herald"][i % 3]
            )),
            story: Some("s-oil".to_string()),
            earliest: Some(*day),
            latest: Some(*day),
            best: Some(*day),
            status: "determined".to_string(),
            confidence: None,
            text_earliest: None,
            text_latest: None,
        })
        .collect();
    // Events: each on a day near some article's publication, reported by
    // that article and by others published on or after it.
    let mut events: Vec<Event> = Vec::new();
    let n_events = articles * 2 / 5;
    for k in 0..n_events {
        let (_, pub_day) = &docs[rng.below(articles)];
        let day = *pub_day - Duration::days(rng.below(3) as i64);
        // Heavy tail: a few events reported by dozens of articles.
        let sources = 1 + (1.0 / (1.0 - rng.unit() * 0.97)).powf(1.3) as usize;
        let what = format!("{} {}", WHO[k % WHO.len()], DID[(k * 7 + 3) % DID.len()]);
        let mut reports: Vec<Report> = (0..sources.min(60))
            .map(|_| {
                let d = rng.below(articles);
                let at = rng.below(4000);
                Report {
                    doc: docs[d].0.clone(),
                    span: [at, at + 8],
                    expression: "on Tuesday".to_string(),
                    value: day.to_string(),
                    kind: TimexType::Date,
                    modifier: None,
                    start: Some(day),
                    end: Some(day),
                    sentence: Statement {
                        doc: docs[d].0.clone(),
                        span: [at, at + 60],
                        text: format!("{what}, officials said on Tuesday."),
                    },
                }
            })
            .collect();
        reports.sort_by(|a, b| (a.doc.as_str(), a.span).cmp(&(b.doc.as_str(), b.span)));
        reports.dedup_by(|a, b| a.doc == b.doc);
        let n = reports.len();
        events.push(Event {
            id: format!("ev-{k:05}"),
            story: "s-oil".to_string(),
            when: When {
                start: day,
                end: day,
                earliest: None,
                latest: None,
            },
            what: format!("{what} ({})", day.format("%b %-d")),
            kind: TimexType::Date,
            value: day.to_string(),
            sources: n,
            salience: (n as f64 / 60.0).min(1.0),
            reports,
            links: Vec::new(),
            conflicts: Vec::new(),
        });
    }
    // A few stray historical dates, as real articles have.
    for (k, y) in [1051, 1989, 1989, 1979, 2005].iter().enumerate() {
        let d = NaiveDate::from_ymd_opt(*y, 3, 24).unwrap_or_default();
        let doc = docs[k % articles.max(1)].0.clone();
        events.push(Event {
            id: format!("ev-old-{k}"),
            story: "s-oil".to_string(),
            when: When {
                start: d,
                end: d,
                earliest: None,
                latest: None,
            },
            what: "an earlier spill".to_string(),
            kind: TimexType::Date,
            value: d.to_string(),
            sources: 1,
            salience: 0.05,
            reports: vec![Report {
                doc: doc.clone(),
                span: [0, 4],
                expression: y.to_string(),
                value: y.to_string(),
                kind: TimexType::Date,
                modifier: None,
                start: Some(d),
                end: Some(d),
                sentence: Statement {
                    doc,
                    span: [0, 40],
                    text: "the worst spill since 1989".to_string(),
                },
            }],
            links: Vec::new(),
            conflicts: Vec::new(),
        });
    }
    events.sort_by(|a, b| (a.when.start, &a.id).cmp(&(b.when.start, &b.id)));
    let mut c = Chronology {
        version: VERSION,
        stories: vec![Story {
            id: "s-oil".to_string(),
            label: "oil, spill, BP, Gulf".to_string(),
            docs: docs.iter().map(|d| d.0.clone()).collect(),
        }],
        anchors,
        events,
        unplaced: Vec::new(),
        timeline: Vec::new(),
        conflicts: Vec::new(),
    };
    c.timeline = derive_timeline(&c);
    c
}
