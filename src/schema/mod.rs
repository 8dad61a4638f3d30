//! The chronology document, version 1 (this module, still read by `render`)
//! and version 2 ([`v2`], what `build` writes to `out/chronology.yaml`: merged
//! events with reports, stories, unplaced events, the timeline; docs/chronology-schema.md).
//!
//! This is the contract between `build` (which writes it) and `render` and
//! other tools (which read it): everything needed to draw the timeline is here.
//!
//! ```text
//! version: 1
//! anchors:   [{doc, title?, earliest, latest, best, status}]
//! events:    [{id, doc | docs, expression, value, type, mod?, start, end,
//!              earliest?, latest?, span, text, sources?, conflicts?}]   # time order
//! conflicts: [{id, kind, docs, statements: [{doc, span, text}], explanation, events?}]
//! ```

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::timex::{TimexMod, TimexType};

/// The schema version this code writes and reads.
pub const SCHEMA_VERSION: u32 = 1;

/// A whole chronology.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Chronology {
    /// Schema version ([`SCHEMA_VERSION`]).
    pub version: u32,
    /// One per document, in document-id order.
    pub anchors: Vec<AnchorSummary>,
    /// Events in time order.
    pub events: Vec<Event>,
    /// Contradictions found.
    #[serde(default)]
    pub conflicts: Vec<Conflict>,
}

/// A document's publication date as the engine sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnchorSummary {
    /// Document id.
    pub doc: String,
    /// Title, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// First possible publication day (None: unbounded).
    pub earliest: Option<NaiveDate>,
    /// Last possible publication day (None: unbounded).
    pub latest: Option<NaiveDate>,
    /// Best single guess.
    pub best: Option<NaiveDate>,
    /// `pinned`, `determined`, `bounded`, `under-determined` or `conflicting`.
    pub status: String,
    /// For a pinned document: the first day its text alone allows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_earliest: Option<NaiveDate>,
    /// For a pinned document: the last day its text alone allows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_latest: Option<NaiveDate>,
}

/// One dated event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// Stable id (`e-` + hash of doc, span and text): the same input gives the same id.
    pub id: String,
    /// The document that tells it (when told by one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc: Option<String>,
    /// The documents that tell it (when merged from several).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub docs: Vec<String>,
    /// The temporal expression as written (a whole range for a range).
    pub expression: String,
    /// TIMEX3 value.
    pub value: String,
    /// TIMEX3 type.
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TIMEX3 mod.
    #[serde(rename = "mod", default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<TimexMod>,
    /// First day of the event (inclusive).
    pub start: NaiveDate,
    /// Last day of the event (inclusive).
    pub end: NaiveDate,
    /// Earliest possible start when the anchor is uncertain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub earliest: Option<NaiveDate>,
    /// Latest possible end when the anchor is uncertain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest: Option<NaiveDate>,
    /// Byte span of the expression in its document.
    pub span: [usize; 2],
    /// The event phrase.
    pub text: String,
    /// Every telling of a merged event.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Statement>,
    /// Ids of the conflicts this event takes part in.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<String>,
}

/// A contradiction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    /// Stable id (`c-…`).
    pub id: String,
    /// `event_dates`, `duration_arithmetic`, `weekday_mismatch`, `pin_contradicted`,
    /// `copyright_vs_body`, `inverted_range`, …
    pub kind: String,
    /// The documents involved.
    pub docs: Vec<String>,
    /// The statements that cannot all be true.
    pub statements: Vec<Statement>,
    /// One sentence a person understands.
    pub explanation: String,
    /// Ids of the events involved.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<String>,
}

/// A piece of text in a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    /// Document id.
    pub doc: String,
    /// Byte span.
    pub span: [usize; 2],
    /// The text.
    pub text: String,
}

pub mod v2;
