//! TIMEX3 values: the resolved meaning of a temporal expression.
//!
//! A [`Timex`] is what `resolve` produces from a tagged expression and an
//! anchor: the TIMEX3 `type`, `value` and `mod`, plus the calendar interval
//! covered (`from`..=`to`) and a short `why` naming the rule that decided.
//!
//! ```text
//! value := YYYY | YYYY-MM | YYYY-MM-DD | YYYY-Www | YYYY-Www-WE | YYYY-SP|SU|FA|WI
//!        | YYYY-Qn | YYYY-Hn | YYY (decade) | YY (century) | ...-DDTMO|AF|EV|NI
//!        | YYYY-MM-DDThh:mm | Pn[YMWD] | PTn[HMS] | PRESENT_REF | PAST_REF | FUTURE_REF
//!        | XXXX-MM-DD (year unknown) | A/B (ISO interval)
//! ```

use std::ops::RangeInclusive;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The years a value can write: the four digits of `YYYY`, and of `BCYYYY`
/// for a year before 1 AD (year 0 is `BC0001`). A resolution that lands
/// outside them gives no value: the mention is reported as out of range
/// instead (chrono would write `10000-01-01`, `-001-06-01`, `BC97923`).
pub const YEARS: RangeInclusive<i32> = 0..=9999;

/// The TIMEX3 `type` attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period.
    Date,
    /// A time of day (or part of day) on a date.
    Time,
    /// An amount of time.
    Duration,
    /// A recurrence.
    Set,
}

impl TimexType {
    /// The TIMEX3 spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// The TIMEX3 `mod` attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TimexMod {
    /// "before"
    Before,
    /// "after"
    After,
    /// "on or before"
    OnOrBefore,
    /// "on or after"
    OnOrAfter,
    /// "nearly", "almost", "less than"
    LessThan,
    /// "more than", "over"
    MoreThan,
    /// "no more than", "at most"
    EqualOrLess,
    /// "at least", "no less than"
    EqualOrMore,
    /// "early"
    Start,
    /// "mid"
    Mid,
    /// "late"
    End,
    /// "about", "around", "some"
    Approx,
}

impl TimexMod {
    /// The TIMEX3 spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexMod::Before => "BEFORE",
            TimexMod::After => "AFTER",
            TimexMod::OnOrBefore => "ON_OR_BEFORE",
            TimexMod::OnOrAfter => "ON_OR_AFTER",
            TimexMod::LessThan => "LESS_THAN",
            TimexMod::MoreThan => "MORE_THAN",
            TimexMod::EqualOrLess => "EQUAL_OR_LESS",
            TimexMod::EqualOrMore => "EQUAL_OR_MORE",
            TimexMod::Start => "START",
            TimexMod::Mid => "MID",
            TimexMod::End => "END",
            TimexMod::Approx => "APPROX",
        }
    }
}

/// A resolved temporal expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timex {
    /// TIMEX3 type.
    pub kind: TimexType,
    /// TIMEX3 value (see the module grammar).
    pub value: String,
    /// TIMEX3 mod, where the text carries one.
    pub modifier: Option<TimexMod>,
    /// First day covered (inclusive), when the value is a calendar period.
    pub from: Option<NaiveDate>,
    /// Last day covered (inclusive).
    pub to: Option<NaiveDate>,
    /// The rule that decided the value, in a few words.
    pub why: String,
    /// True when the value depends on an anchor that is still ambiguous:
    /// `from`..`to` is then the hull over every candidate anchor.
    pub ambiguous: bool,
}

/// One line of `chronology tag --format jsonl`. The strings are `String`
/// when read or kept; writing borrows them (`MentionRecord<&str>`) from the
/// document and its mentions instead of copying each one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentionRecord<S = String> {
    /// Document id.
    pub doc: S,
    /// UTF-8 byte offset of the first byte.
    pub start: usize,
    /// UTF-8 byte offset one past the last byte.
    pub end: usize,
    /// The surface text.
    pub text: S,
    /// TIMEX3 type.
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TIMEX3 value.
    pub value: S,
    /// TIMEX3 mod.
    #[serde(rename = "mod", default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<TimexMod>,
    /// First day covered.
    #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "iso_day")]
    pub from: Option<NaiveDate>,
    /// Last day covered.
    #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "iso_day")]
    pub to: Option<NaiveDate>,
    /// The deciding rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<S>,
    /// Shared by the endpoints of one range ("February 4-5").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range: Option<S>,
    /// Set when the value depends on an ambiguous anchor (from/to are a hull).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ambiguous: bool,
}

impl MentionRecord<&str> {
    /// The same record with its strings copied.
    pub fn to_owned(&self) -> MentionRecord {
        MentionRecord {
            doc: self.doc.to_string(),
            start: self.start,
            end: self.end,
            text: self.text.to_string(),
            kind: self.kind,
            value: self.value.to_string(),
            modifier: self.modifier,
            from: self.from,
            to: self.to,
            why: self.why.map(str::to_string),
            range: self.range.map(str::to_string),
            ambiguous: self.ambiguous,
        }
    }
}

/// A day as `YYYY-MM-DD`, as chrono writes it, without going through a
/// formatter: every JSONL mention writes two (the tag benchmark's hot path).
/// Years outside [`YEARS`] are left to chrono (`+12345-01-01`).
fn iso_day<S: serde::Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
    use chrono::Datelike;
    match d {
        Some(d) if YEARS.contains(&d.year()) => {
            let (y, m, day) = (d.year() as u32, d.month(), d.day());
            let digit = |v: u32| b'0' + (v % 10) as u8;
            let b = [
                digit(y / 1000),
                digit(y / 100),
                digit(y / 10),
                digit(y),
                b'-',
                digit(m / 10),
                digit(m),
                b'-',
                digit(day / 10),
                digit(day),
            ];
            s.serialize_str(std::str::from_utf8(&b).unwrap_or_default())
        }
        _ => serde::Serialize::serialize(d, s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_day_writes_what_chrono_writes() {
        for (y, m, d) in [
            (2026, 2, 4),
            (5, 1, 1),
            (0, 12, 31),
            (9999, 12, 31),
            (10000, 1, 1),
            (-1, 6, 30),
        ] {
            let day = NaiveDate::from_ymd_opt(y, m, d).expect("valid day");
            let mut ours = Vec::new();
            iso_day(&Some(day), &mut serde_json::Serializer::new(&mut ours)).expect("serialises");
            let theirs = serde_json::to_vec(&Some(day)).expect("serialises");
            assert_eq!(
                String::from_utf8_lossy(&ours),
                String::from_utf8_lossy(&theirs),
                "{y}-{m}-{d}"
            );
        }
    }
}
