//! Time as the later stages read it: day numbers, spans of days with their
//! granularity, and a typed reading of TIMEX3 values ([`TimeValue`]).
//!
//! The resolver computes [`TimeValue`]s (never strings) and prints each one
//! as its TIMEX3 string once, where it hands a mention on; TimeML carries
//! that string. The stages after it (anchor, order) ask it questions ("is
//! the year unknown?", "which weekday?", "how many days?") through
//! [`TimeValue`] instead of reading the string themselves. `TimeValue::parse` and its `Display` are
//! inverse on every value form of the grammar in [`crate::timex`].
//!
//! A low layer: it uses only `text` and `timex`.

mod amount;
mod value;

pub use amount::{bounds, nearly, part, Vague, NEARLY_SHORTFALL_UNITS};

pub use value::{
    Duration, Gran, PartOfDay, Qty, Ref, Season, TimeOfDay, TimeValue, Unit, UnitDays, ValueError, WeekPart,
};

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

/// What the stages after the resolver ask of a resolved value: through its
/// reading ([`TimeValue`]), never its string.
impl crate::timex::Timex {
    /// The value read; None when it is not of the grammar.
    pub fn reading(&self) -> Option<TimeValue> {
        TimeValue::parse(&self.value).ok()
    }

    /// Does the value leave a part unknown (`XXXX-02-04`, `PXY`)? See
    /// [`TimeValue::has_unknown`].
    pub fn has_unknown(&self) -> bool {
        self.reading().is_some_and(|v| v.has_unknown())
    }

    /// Month and day of a year-less date; see [`TimeValue::yearless`].
    pub fn yearless(&self) -> Option<(u32, Option<u32>)> {
        self.reading()?.yearless()
    }

    /// The weekday of a relative weekday (`XXXX-WXX-4`); see [`TimeValue::weekday`].
    pub fn relative_weekday(&self) -> Option<chrono::Weekday> {
        self.reading()?.weekday()
    }

    /// Amount and unit of a duration of one known component (`P3Y`, `PT5H`).
    pub fn amount(&self) -> Option<(f64, Unit)> {
        self.reading()?.duration()?.single()
    }
}
