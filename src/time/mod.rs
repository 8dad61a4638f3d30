//! Time as the later stages read it: day numbers, spans of days with their
//! granularity, and a typed reading of TIMEX3 values ([`TimeValue`]).
//!
//! A TIMEX3 value string is what the resolver writes and TimeML carries; the
//! stages after it (anchor, order) ask it questions ("is the year unknown?",
//! "which weekday?", "how many days?") through [`TimeValue`] instead of
//! reading the string themselves. `TimeValue::parse` and its `Display` are
//! inverse on every value form of the grammar in [`crate::timex`].
//!
//! A low layer: it uses only `text` and `timex`.

mod value;

pub use value::{Duration, Gran, PartOfDay, Qty, Ref, Season, TimeOfDay, TimeValue, Unit, ValueError, WeekPart};

use chrono::NaiveDate;

/// Day number of a date: days from the common era (0001-01-01 is 1), wide
/// enough that `+ 1` never overflows. The one converter every stage uses.
pub fn day_number(d: NaiveDate) -> i64 {
    i64::from(chrono::Datelike::num_days_from_ce(&d))
}

/// The date of a day number (None outside chrono's range).
pub fn day_date(n: i64) -> Option<NaiveDate> {
    i32::try_from(n).ok().and_then(NaiveDate::from_num_days_from_ce_opt)
}

/// A closed span of days and the granularity it was stated in
/// (`2024-02` is February 1–29 2024, by month).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DaySpan {
    /// First day (inclusive).
    pub from: NaiveDate,
    /// Last day (inclusive).
    pub to: NaiveDate,
    /// What the value names: a day, a month, a year.
    pub gran: Gran,
}

#[cfg(test)]
mod tests;
