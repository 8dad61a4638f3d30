//! The chronology document, version 2: events as things that happened, each
//! with the reports of it across articles, grouped by story.
//!
//! Version 1 ([`super::Chronology`]) had one event per date mention. Version
//! 2 merges the mentions of one happening into one [`Event`] with its
//! [`Report`]s, keeps what cannot be placed yet in [`Unplaced`], and carries
//! the story [`TimelineEntry`]s that `chronology timeline` prints.
//!
//! ```text
//! version: 2
//! stories:   [{id, label, docs}]
//! anchors:   [{doc, title?, story?, earliest, latest, best, status, confidence?,
//!              text_earliest?, text_latest?}]
//! events:    [{id, story, when: {start, end, earliest?, latest?}, what, type, value,
//!              sources, salience, reports: [Report], links?: [Link], conflicts?}]   # time order
//! unplaced:  [{id, story, doc, what, relative, offset: {from, to}, reports: [Report]}]
//! timeline:  [{date, sentences, salience, events, docs, sources, features?}]         # date order
//! conflicts: [{id, kind, docs, statements: [{doc, span, text}], explanation, events?}]
//! Report:    {doc, span, expression, value, type, mod?, start?, end?, sentence: {doc, span, text}}
//! Link:      {a, b, why}     # indices into reports, and the reason the two were joined
//! ```

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Conflict, Statement};
use crate::timex::{TimexMod, TimexType};

/// The version number this module's [`Chronology`] carries.
pub const VERSION: u32 = 2;

/// A whole chronology, version 2.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Chronology {
    /// Schema version ([`VERSION`]).
    pub version: u32,
    /// The stories of the collection (articles grouped by content).
    #[serde(default)]
    pub stories: Vec<Story>,
    /// One per document, in document-id order.
    pub anchors: Vec<AnchorSummary>,
    /// Merged events, in time order.
    pub events: Vec<Event>,
    /// Events whose date hangs on an anchor still open, kept relative to it.
    #[serde(default)]
    pub unplaced: Vec<Unplaced>,
    /// The story timeline: the most salient days, in date order.
    #[serde(default)]
    pub timeline: Vec<TimelineEntry>,
    /// Contradictions found.
    #[serde(default)]
    pub conflicts: Vec<Conflict>,
}

/// One story: articles about one subject.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Story {
    /// Stable id (`s-…`), from what the story is about.
    pub id: String,
    /// A few characteristic words or names.
    pub label: String,
    /// Its documents' ids, sorted.
    pub docs: Vec<String>,
}

/// A document's publication date as the engine sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnchorSummary {
    /// Document id.
    pub doc: String,
    /// Title, when known (front matter, else the first line).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The story it belongs to ([`Story::id`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub story: Option<String>,
    /// First possible publication day (None: unbounded).
    pub earliest: Option<NaiveDate>,
    /// Last possible publication day (None: unbounded).
    pub latest: Option<NaiveDate>,
    /// Best single guess.
    pub best: Option<NaiveDate>,
    /// `pinned`, `determined`, `bounded`, `under-determined` or `conflicting`.
    pub status: String,
    /// The probability that `earliest..=latest` holds the true date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
    /// For a pinned document: the first day its text alone allows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_earliest: Option<NaiveDate>,
    /// For a pinned document: the last day its text alone allows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_latest: Option<NaiveDate>,
}

impl AnchorSummary {
    /// A version-1 anchor summary in version 2, in the story `story`
    /// (no stated confidence: version 1 had none).
    pub fn from_v1(a: &super::AnchorSummary, story: Option<String>) -> AnchorSummary {
        AnchorSummary {
            doc: a.doc.clone(),
            title: a.title.clone(),
            story,
            earliest: a.earliest,
            latest: a.latest,
            best: a.best,
            status: a.status.clone(),
            confidence: None,
            text_earliest: a.text_earliest,
            text_latest: a.text_latest,
        }
    }
}

/// When an event happened: the interval all its reports allow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct When {
    /// First day (inclusive).
    pub start: NaiveDate,
    /// Last day (inclusive).
    pub end: NaiveDate,
    /// Earliest possible start, when an anchor is uncertain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub earliest: Option<NaiveDate>,
    /// Latest possible end, when an anchor is uncertain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest: Option<NaiveDate>,
}

/// One happening, with every report of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Stable id (`ev-…`), from what the event is, not from its position.
    pub id: String,
    /// The story it belongs to ([`Story::id`]).
    pub story: String,
    /// When it happened.
    pub when: When,
    /// A short readable headline from its clearest report.
    pub what: String,
    /// TIMEX3 type of the agreed date.
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TIMEX3 value of the agreed date, at the granularity the reports give.
    pub value: String,
    /// The number of distinct articles that report it.
    pub sources: usize,
    /// How salient it is in the collection, 0..=1.
    pub salience: f64,
    /// Every report, in (doc, span) order.
    pub reports: Vec<Report>,
    /// Why reports were joined into this event.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    /// Ids of the conflicts this event takes part in.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<String>,
}

/// One statement in one article about an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// Document id.
    pub doc: String,
    /// Byte span of the time expression.
    pub span: [usize; 2],
    /// The time expression as written.
    pub expression: String,
    /// TIMEX3 value, resolved against the document's anchor.
    pub value: String,
    /// TIMEX3 type.
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TIMEX3 mod.
    #[serde(rename = "mod", default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<TimexMod>,
    /// First day it allows (absent when it hangs on an open anchor).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<NaiveDate>,
    /// Last day it allows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<NaiveDate>,
    /// Its sentence.
    pub sentence: Statement,
}

/// Why two reports were joined.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    /// Index of one report in [`Event::reports`].
    pub a: usize,
    /// Index of the other.
    pub b: usize,
    /// The evidence, in words ("same day; shared: WHO, pandemic, declared").
    pub why: String,
}

/// An event whose date depends on an anchor that is still open.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unplaced {
    /// Stable id (`ev-…`).
    pub id: String,
    /// The story it belongs to.
    pub story: String,
    /// The document whose publication date it hangs on.
    pub doc: String,
    /// A short readable headline.
    pub what: String,
    /// In words: "3 days before 002's publication".
    pub relative: String,
    /// Days from the publication date (negative: before), as a range.
    pub offset: Offset,
    /// Its reports.
    pub reports: Vec<Report>,
}

/// Days from a publication date, `from..=to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Offset {
    /// Fewest days after publication (negative: before).
    pub from: i64,
    /// Most days after publication.
    pub to: i64,
}

/// One day of the story timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {
    /// The day.
    pub date: NaiveDate,
    /// Up to K sentences that say what happened.
    pub sentences: Vec<String>,
    /// Salience of the day, 0..=1.
    pub salience: f64,
    /// Ids of the events of the day.
    pub events: Vec<String>,
    /// Ids of the documents that report them.
    pub docs: Vec<String>,
    /// The number of distinct articles.
    pub sources: usize,
    /// The day's salience features (`--explain`), by name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub features: Option<std::collections::BTreeMap<String, f64>>,
}
