//! Lanes: the articles of a chronology (version 2), each with its reports,
//! for the per-article rows of the picture and the groups of TimelineJS.
//!
//! One lane per article, in the order of `anchors`; a document named by a
//! report but missing from `anchors` gets a lane after them (sorted by id),
//! and reports naming no document share a last lane. A merged event thus
//! appears in the lane of every article that reports it, once per report.
//!
//! An article is named by its title (front matter, else the first line, as
//! `build` writes it); a chronology without titles (version 1 had them from
//! front matter only) names it by its first report's sentence, the nearest
//! thing to a first line the document holds; only then by its id.

use std::collections::BTreeMap;

use crate::schema::v2::{AnchorSummary, Chronology, Event};

/// What a lane stands for.
#[derive(Debug, Clone, PartialEq)]
pub enum LaneKind {
    /// The reports of one article.
    Article {
        /// Document id.
        doc: String,
        /// Its anchor, when the chronology has one.
        anchor: Option<AnchorSummary>,
    },
    /// Reports that name no document.
    Unattributed,
}

/// One report in a lane: indices into `Chronology::events` and that event's `reports`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportRef {
    /// Index of the event.
    pub event: usize,
    /// Index of the report in the event.
    pub report: usize,
}

/// One lane and its reports, in event (time) order.
#[derive(Debug, Clone, PartialEq)]
pub struct Lane {
    /// What the lane stands for.
    pub kind: LaneKind,
    /// Its reports.
    pub reports: Vec<ReportRef>,
    /// Its name (see the module documentation).
    pub name: String,
}

impl Lane {
    /// The document id, for an article lane.
    pub fn doc(&self) -> Option<&str> {
        match &self.kind {
            LaneKind::Article { doc, .. } => Some(doc),
            LaneKind::Unattributed => None,
        }
    }

    /// The number of distinct events in the lane.
    pub fn events(&self) -> usize {
        let mut v: Vec<usize> = self.reports.iter().map(|r| r.event).collect();
        v.dedup();
        v.len()
    }
}

/// The distinct documents of an event's reports, in report order.
pub fn event_docs(e: &Event) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for r in &e.reports {
        if !r.doc.is_empty() && !out.contains(&r.doc.as_str()) {
            out.push(&r.doc);
        }
    }
    out
}

/// The name of an article: title, else its first report's sentence, else its id.
pub fn article_name(doc: &str, anchor: Option<&AnchorSummary>, first_sentence: Option<&str>) -> String {
    let clean = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    match anchor.and_then(|a| a.title.as_deref()).map(clean) {
        Some(t) if !t.is_empty() => t,
        _ => match first_sentence.map(clean) {
            Some(t) if !t.is_empty() => short(&t),
            _ => doc.to_string(),
        },
    }
}

/// A sentence standing for a title: at most [`NAME_WORDS`] words, with "…" when cut.
fn short(s: &str) -> String {
    let words: Vec<&str> = s.split(' ').collect();
    if words.len() <= NAME_WORDS {
        return s.to_string();
    }
    format!("{}…", words[..NAME_WORDS].join(" "))
}

/// A sentence standing for a title keeps this many words.
pub const NAME_WORDS: usize = 12;

/// Every article's lane (see the module documentation).
pub fn lanes(c: &Chronology) -> Vec<Lane> {
    let mut order: Vec<&str> = Vec::new();
    let mut anchor_of: BTreeMap<&str, &AnchorSummary> = BTreeMap::new();
    for a in &c.anchors {
        if !anchor_of.contains_key(a.doc.as_str()) {
            anchor_of.insert(&a.doc, a);
            order.push(&a.doc);
        }
    }
    let mut reports: BTreeMap<&str, Vec<ReportRef>> = BTreeMap::new();
    // The sentence of each document's report with the lowest span.
    let mut first: BTreeMap<&str, (usize, &str)> = BTreeMap::new();
    for (ei, e) in c.events.iter().enumerate() {
        for (ri, r) in e.reports.iter().enumerate() {
            reports
                .entry(r.doc.as_str())
                .or_default()
                .push(ReportRef { event: ei, report: ri });
            let at = r.sentence.span[0];
            let slot = first.entry(r.doc.as_str()).or_insert((at, &r.sentence.text));
            if at < slot.0 {
                *slot = (at, &r.sentence.text);
            }
        }
    }
    let mut extra: Vec<&str> = reports
        .keys()
        .copied()
        .filter(|d| !d.is_empty() && !anchor_of.contains_key(d))
        .collect();
    extra.sort_unstable();
    order.extend(extra);
    let mut out: Vec<Lane> = order
        .into_iter()
        .map(|d| {
            let anchor = anchor_of.get(d).copied();
            Lane {
                name: article_name(d, anchor, first.get(d).map(|f| f.1)),
                kind: LaneKind::Article {
                    doc: d.to_string(),
                    anchor: anchor.cloned(),
                },
                reports: reports.get(d).cloned().unwrap_or_default(),
            }
        })
        .collect();
    if let Some(rs) = reports.get("") {
        out.push(Lane {
            kind: LaneKind::Unattributed,
            reports: rs.clone(),
            name: "Reports without a document".to_string(),
        });
    }
    out
}
