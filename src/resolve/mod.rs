//! Resolution: turn tagged expressions into TIMEX3 values against an anchor.
//!
//! Only this module reads an anchor. Relative expressions count from the
//! publication date ([`AnchorRef`]); `later` / `earlier` / `the previous year`
//! count from the date mentioned before (the *reference*), and so do year-less
//! dates in narrative text whose reference lies more than a year from the
//! anchor ("In 1942 … On June 4" is 1942-06-04).
//!
//! Year-less expressions (`February 4`, `in May`, `on Tuesday`) take the year
//! the tense of their clause asks for: past → the most recent one on or before
//! the anchor, future → the next one on or after it, no cue → the nearest, the
//! past winning a tie and a later one taken only within 60 days (news reports
//! the past); a target or deadline ("by August", "payable June 2") with no
//! future verb → the nearest. Each value carries a short `why`.
//!
//! Without an anchor, values that need one come out underspecified
//! (`XXXX-02-04`, `XXXX-WXX-5`), never guessed. With an anchor interval
//! ([`AnchorRef::Between`]) each value is resolved against both ends; when they
//! differ, the value is the underspecified one, `from`/`to` is the hull and
//! `ambiguous` is set.

mod clause;
mod document;
mod env;
mod eval;
mod narrative;
mod nearest;
mod period;
mod tense;

use chrono::NaiveDate;

use crate::timex::Timex;

pub use document::resolve_all;
pub use tense::{tense_at, tense_in};

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
    /// A target or deadline ("by August", "payable Jan. 2", "effective Feb. 1")
    /// with no future verb: the verb before it says nothing of the date's side
    /// of the anchor, and a later one is as likely as an earlier one.
    Target,
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
    /// For calendar dates as written: (year if stated, month, day if stated).
    /// `February 4` gives `(None, 2, Some(4))`, `February 2022` gives
    /// `(Some(2022), 2, None)`. See [`partial_date`].
    pub partial: Option<(Option<i32>, u32, Option<u32>)>,
}

impl crate::text::Spanned for Resolved {
    fn span(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

/// The month/day as written, with the year only when the text states it:
/// what the anchor inference reasons with ("held on February 4-5" says the
/// anchor is after some February 5). `None` for anything but a month or a
/// month-day date.
pub fn partial_date(r: &Resolved) -> Option<(Option<i32>, u32, Option<u32>)> {
    r.partial
}
