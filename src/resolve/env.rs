//! What the resolver knows at one point of a document: the anchor, the date
//! under discussion, the tense of the clause and whether the text is a history.
//! Shared by evaluation and the narrative rules, so neither imports the other.

use chrono::NaiveDate;

use super::period::Period;
use super::Tense;

/// What the resolver knows while it walks one document.
#[derive(Debug, Clone, Copy)]
pub(super) struct Env {
    /// The anchor day (None: unknown).
    pub(super) anchor: Option<NaiveDate>,
    /// The last date mentioned.
    pub(super) reference: Option<Period>,
    /// Both ends of the last date mentioned when it was a range.
    pub(super) range: Option<(Period, Period)>,
    pub(super) tense: Tense,
    /// A history rather than news (see `is_narrative`).
    pub(super) narrative: bool,
}
