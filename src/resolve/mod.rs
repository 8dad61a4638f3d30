//! Resolution: turn tagged expressions into TIMEX3 values against an anchor.
//!
//! SCAFFOLD: owned by the tagger work (issue 2); replaced there.

use chrono::NaiveDate;

use crate::tag::Mention;
use crate::timex::Timex;

/// What a document's relative expressions are resolved against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnchorRef {
    /// A known publication day.
    Day(NaiveDate),
    /// An inferred interval (either side may be unbounded): values that
    /// depend on it carry the hull over the candidates, flagged ambiguous.
    Between {
        /// First possible day.
        earliest: Option<NaiveDate>,
        /// Last possible day.
        latest: Option<NaiveDate>,
    },
}

/// Grammatical time of the clause around an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tense {
    /// Reported as having happened.
    Past,
    /// Ongoing or habitual.
    Present,
    /// Scheduled, expected, planned.
    Future,
    /// No cue.
    Unknown,
}

/// A mention with its meaning resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The surface text.
    pub text: String,
    /// The TIMEX3 meaning.
    pub timex: Timex,
    /// Shared id of the endpoints of one range.
    pub range: Option<String>,
    /// The tense of its clause.
    pub tense: Tense,
    /// A weekday stated with a date ("Tuesday, Feb. 4"), for anchor checks.
    pub weekday: Option<chrono::Weekday>,
}

/// Resolve every mention of one document, in text order.
pub fn resolve_all(_text: &str, _mentions: &[Mention], _anchor: Option<&AnchorRef>) -> Vec<Resolved> {
    Vec::new()
}
