//! Reading a chronology document of either version, and the upgrade from
//! version 1 (one event per date mention) to version 2 (merged events with
//! reports, stories, the story timeline). The emitters draw version 2 only.
//!
//! ```
//! let v1 = "version: 1\nanchors: []\nevents:\n  - {id: e-1, doc: d, expression: May 2024, value: 2024-05, \
//!           type: DATE, start: 2024-05-01, end: 2024-05-31, span: [0, 8], text: talks}\n";
//! let c = chronology::emit::upgrade::read(v1)?;
//! assert_eq!(c.version, 2);
//! assert_eq!(c.events[0].reports[0].doc, "d");
//! # Ok::<(), chronology::emit::upgrade::ReadError>(())
//! ```
//!
//! The upgrade keeps one version-2 event per version-1 event (ids unchanged):
//! its reports are the event's `sources` (or the event itself when it has
//! none), `sources` counts their distinct documents, every article goes to
//! one story (version 1 has no stories), and `salience` is derived as in
//! [`salience`]. A version-1 document has no timeline, so one is derived
//! ([`derive_timeline`]): the picture's main lane needs one.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::Deserialize;

use crate::schema::{self, v2, Statement};

/// Why a chronology document could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// Not YAML, or not a chronology of the version it says.
    #[error("{0}")]
    Yaml(#[from] serde_yaml::Error),
    /// A version this program does not read.
    #[error("chronology schema version {0} is not supported (this program reads versions 1 and 2)")]
    Version(u32),
}

impl ReadError {
    /// Line and column of a YAML error (1-based), when known.
    pub fn location(&self) -> Option<(usize, usize)> {
        match self {
            ReadError::Yaml(e) => e.location().map(|l| (l.line(), l.column())),
            ReadError::Version(_) => None,
        }
    }
}

#[derive(Deserialize)]
struct VersionOnly {
    version: u32,
}

/// Read a chronology document of version 1 or 2 as version 2.
pub fn read(text: &str) -> Result<v2::Chronology, ReadError> {
    let v: VersionOnly = serde_yaml::from_str(text)?;
    match v.version {
        schema::SCHEMA_VERSION => Ok(upgrade(&serde_yaml::from_str::<schema::Chronology>(text)?)),
        v2::VERSION => {
            let mut c: v2::Chronology = serde_yaml::from_str(text)?;
            if c.timeline.is_empty() {
                c.timeline = derive_timeline(&c);
            }
            Ok(c)
        }
        other => Err(ReadError::Version(other)),
    }
}

/// Anything the emitters can draw: a chronology of either version.
pub trait AsV2 {
    /// The chronology as version 2 (borrowed when it already is).
    fn as_v2(&self) -> Cow<'_, v2::Chronology>;
}

impl AsV2 for v2::Chronology {
    fn as_v2(&self) -> Cow<'_, v2::Chronology> {
        Cow::Borrowed(self)
    }
}

impl AsV2 for schema::Chronology {
    fn as_v2(&self) -> Cow<'_, v2::Chronology> {
        Cow::Owned(upgrade(self))
    }
}

/// The one story of an upgraded version-1 chronology.
pub const V1_STORY: &str = "s-1";

/// Version 1 → version 2 (see the module documentation).
pub fn upgrade(c: &schema::Chronology) -> v2::Chronology {
    let mut events: Vec<v2::Event> = c.events.iter().map(event).collect();
    let max_sources = events.iter().map(|e| e.sources).max().unwrap_or(1);
    for e in &mut events {
        e.salience = salience(e.sources, max_sources, e.when.start, e.when.end);
    }
    let mut docs: BTreeSet<String> = c.anchors.iter().map(|a| a.doc.clone()).collect();
    docs.extend(events.iter().flat_map(|e| e.reports.iter().map(|r| r.doc.clone())));
    docs.remove("");
    let anchors = c
        .anchors
        .iter()
        .map(|a| v2::AnchorSummary::from_v1(a, Some(V1_STORY.to_string())))
        .collect();
    let mut out = v2::Chronology {
        version: v2::VERSION,
        stories: vec![v2::Story {
            id: V1_STORY.to_string(),
            label: String::new(),
            docs: docs.into_iter().collect(),
        }],
        anchors,
        events,
        unplaced: Vec::new(),
        timeline: Vec::new(),
        conflicts: c.conflicts.clone(),
    };
    out.timeline = derive_timeline(&out);
    out
}

/// One version-1 event as a version-2 event (salience filled in later).
fn event(e: &schema::Event) -> v2::Event {
    let report = |st: &Statement| v2::Report {
        doc: st.doc.clone(),
        span: st.span,
        expression: e.expression.clone(),
        value: e.value.clone(),
        kind: e.kind,
        modifier: e.modifier,
        start: Some(e.start),
        end: Some(e.end),
        sentence: st.clone(),
    };
    let mut reports: Vec<v2::Report> = if e.sources.is_empty() {
        let mut docs: Vec<&str> = Vec::new();
        for d in e.docs.iter().map(String::as_str).chain(e.doc.as_deref()) {
            if !docs.contains(&d) {
                docs.push(d);
            }
        }
        if docs.is_empty() {
            docs.push("");
        }
        docs.iter()
            .map(|d| {
                report(&Statement {
                    doc: (*d).to_string(),
                    span: e.span,
                    text: e.text.clone(),
                })
            })
            .collect()
    } else {
        e.sources.iter().map(report).collect()
    };
    reports.sort_by(|a, b| (a.doc.as_str(), a.span).cmp(&(b.doc.as_str(), b.span)));
    let sources = reports
        .iter()
        .filter(|r| !r.doc.is_empty())
        .map(|r| r.doc.as_str())
        .collect::<BTreeSet<_>>()
        .len();
    v2::Event {
        id: e.id.clone(),
        story: V1_STORY.to_string(),
        when: v2::When {
            start: e.start,
            end: e.end,
            earliest: e.earliest,
            latest: e.latest,
        },
        what: e.text.split_whitespace().collect::<Vec<_>>().join(" "),
        kind: e.kind,
        value: e.value.clone(),
        sources,
        salience: 0.0,
        reports,
        links: Vec::new(),
        conflicts: e.conflicts.clone(),
    }
}

/// Weight of the number of sources in [`salience`]; the rest is how specific the date is.
pub const SALIENCE_SOURCES_WEIGHT: f64 = 0.6;

/// A derived salience, 0..=1, for events that carry none: how many articles
/// report it, on a log scale against the most reported event (weight
/// [`SALIENCE_SOURCES_WEIGHT`]), and how specific its date is (a day 1, a
/// week 0.7, a month 0.5, a year 0.25, longer 0.1).
pub fn salience(sources: usize, max_sources: usize, start: NaiveDate, end: NaiveDate) -> f64 {
    let days = (end - start).num_days().abs() + 1;
    let specific = match days {
        1 => 1.0,
        2..=7 => 0.7,
        8..=31 => 0.5,
        32..=366 => 0.25,
        _ => 0.1,
    };
    let share = ((1 + sources) as f64).ln() / ((1 + max_sources.max(1)) as f64).ln();
    let s = SALIENCE_SOURCES_WEIGHT * share.clamp(0.0, 1.0) + (1.0 - SALIENCE_SOURCES_WEIGHT) * specific;
    (s * 1000.0).round() / 1000.0
}

/// A derived timeline has at least this many entries …
pub const TIMELINE_MIN_ENTRIES: usize = 10;
/// … and about one entry per this many articles.
pub const ARTICLES_PER_ENTRY: usize = 10;
/// Sentences kept per derived entry.
pub const SENTENCES_PER_ENTRY: usize = 2;

/// A timeline for a chronology that has none: the days (events dated to one
/// day) reported by the most distinct articles, ties broken by the highest
/// event salience, then by date; about one entry per [`ARTICLES_PER_ENTRY`]
/// articles and at least [`TIMELINE_MIN_ENTRIES`]. Each entry's sentences
/// are the headlines of its most salient events, without repeats; its
/// salience is its number of sources against the best day's.
pub fn derive_timeline(c: &v2::Chronology) -> Vec<v2::TimelineEntry> {
    struct Day<'a> {
        docs: BTreeSet<&'a str>,
        events: Vec<&'a v2::Event>,
    }
    let mut days: BTreeMap<NaiveDate, Day> = BTreeMap::new();
    for e in c.events.iter().filter(|e| e.when.start == e.when.end) {
        let d = days.entry(e.when.start).or_insert_with(|| Day {
            docs: BTreeSet::new(),
            events: Vec::new(),
        });
        d.docs
            .extend(e.reports.iter().map(|r| r.doc.as_str()).filter(|d| !d.is_empty()));
        d.events.push(e);
    }
    let articles = c.anchors.len().max(c.stories.iter().map(|s| s.docs.len()).sum());
    let n = TIMELINE_MIN_ENTRIES.max(articles / ARTICLES_PER_ENTRY);
    let best_salience = |d: &Day| d.events.iter().map(|e| e.salience).fold(0.0, f64::max);
    let mut ranked: Vec<(&NaiveDate, &Day)> = days.iter().collect();
    ranked.sort_by(|a, b| {
        b.1.docs
            .len()
            .cmp(&a.1.docs.len())
            .then(best_salience(b.1).total_cmp(&best_salience(a.1)))
            .then(a.0.cmp(b.0))
    });
    ranked.truncate(n);
    ranked.sort_by_key(|(d, _)| **d);
    let top = ranked.iter().map(|(_, d)| d.docs.len()).max().unwrap_or(1).max(1);
    ranked
        .into_iter()
        .map(|(date, d)| {
            let mut evs = d.events.clone();
            evs.sort_by(|a, b| b.salience.total_cmp(&a.salience).then(a.id.cmp(&b.id)));
            let mut sentences: Vec<String> = Vec::new();
            for e in &evs {
                if sentences.len() < SENTENCES_PER_ENTRY && !e.what.is_empty() && !sentences.contains(&e.what) {
                    sentences.push(e.what.clone());
                }
            }
            v2::TimelineEntry {
                date: *date,
                sentences,
                salience: ((d.docs.len() as f64 / top as f64) * 1000.0).round() / 1000.0,
                events: evs.iter().map(|e| e.id.clone()).collect(),
                docs: d.docs.iter().map(|s| (*s).to_string()).collect(),
                sources: d.docs.len(),
                features: None,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const V1: &str = "version: 1\nanchors:\n  - {doc: a, title: Talks, earliest: 2024-05-02, latest: 2024-05-02, \
                      best: 2024-05-02, status: pinned}\nevents:\n  - {id: e-1, doc: a, expression: May 1, \
                      value: 2024-05-01, type: DATE, start: 2024-05-01, end: 2024-05-01, span: [0, 5], text: talks began}\n  \
                      - {id: e-2, docs: [a, b], expression: May 2, value: 2024-05-02, type: DATE, start: 2024-05-02, \
                      end: 2024-05-02, span: [9, 14], text: a deal, sources: [{doc: b, span: [3, 8], text: a deal was made}, \
                      {doc: a, span: [9, 14], text: they made a deal}]}\n";

    #[test]
    fn one_event_per_v1_event_with_reports_from_sources() {
        let c = read(V1).expect("reads");
        assert_eq!(c.events.len(), 2);
        assert_eq!(c.events[1].sources, 2);
        let docs: Vec<&str> = c.events[1].reports.iter().map(|r| r.doc.as_str()).collect();
        assert_eq!(docs, ["a", "b"]);
        assert_eq!(c.events[0].reports[0].sentence.text, "talks began");
        assert_eq!(c.stories[0].docs, ["a", "b"]);
        assert!(c.events[1].salience > c.events[0].salience);
    }

    #[test]
    fn a_timeline_is_derived_from_the_events() {
        let c = read(V1).expect("reads");
        assert_eq!(c.timeline.len(), 2);
        assert_eq!(c.timeline[1].sources, 2);
        assert_eq!(c.timeline[1].sentences, ["a deal"]);
        assert!((c.timeline[1].salience - 1.0).abs() < 1e-9);
    }

    #[test]
    fn unknown_versions_are_refused() {
        let e = read("version: 7\nanchors: []\nevents: []\n").expect_err("version 7");
        assert!(e.to_string().contains("version 7"), "{e}");
        assert!(read("version: [").is_err());
    }
}
