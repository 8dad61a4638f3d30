//! Days as numbers, sets of days, and what one constraint allows: the
//! arithmetic the inference of publication dates works in.

use chrono::{Datelike, NaiveDate, Weekday};

// The horizon of year-less dates, the width still called determined and the
// years yearly windows are expanded over are weights (grammar/weights.txt).

pub(super) type Day = i64;

pub(super) fn day(d: NaiveDate) -> Day {
    crate::time::day_number(d)
}

pub(super) fn date(d: Day) -> Option<NaiveDate> {
    crate::time::day_date(d)
}

/// A sorted set of disjoint closed day intervals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct DaySet(pub(super) Vec<(Day, Day)>);

impl DaySet {
    pub(super) fn all() -> DaySet {
        DaySet(vec![(Day::MIN / 4, Day::MAX / 4)])
    }
    pub(super) fn contains(&self, d: Day) -> bool {
        self.0.iter().any(|&(a, b)| a <= d && d <= b)
    }
}

/// What one constraint allows.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum Allowed {
    /// `lo..=hi`, either side open.
    Interval(Option<Day>, Option<Day>),
    /// Every year Y (whose `weekday` matches, when given): the days from
    /// `month/day of Y + before` to `month/day of Y + after`.
    Periodic {
        month: u32,
        day: u32,
        before: i64,
        after: i64,
        weekday: Option<Weekday>,
    },
}

impl Allowed {
    pub(super) fn to_set(&self, years: (i32, i32)) -> DaySet {
        match *self {
            Allowed::Interval(lo, hi) => {
                let all = DaySet::all();
                let lo = lo.unwrap_or(all.0[0].0);
                let hi = hi.unwrap_or(all.0[0].1);
                if lo > hi {
                    DaySet(Vec::new())
                } else {
                    DaySet(vec![(lo, hi)])
                }
            }
            Allowed::Periodic {
                month,
                day: dom,
                before,
                after,
                weekday,
            } => {
                let mut v = Vec::new();
                for y in years.0..=years.1 {
                    let Some(d) = NaiveDate::from_ymd_opt(y, month, dom) else {
                        continue; // February 29 in a common year
                    };
                    if weekday.is_some_and(|w| d.weekday() != w) {
                        continue;
                    }
                    let c = day(d);
                    v.push((c + before, c + after));
                }
                // merge overlaps (windows longer than a year)
                let mut merged: Vec<(Day, Day)> = Vec::new();
                for (a, b) in v {
                    match merged.last_mut() {
                        Some(last) if a <= last.1 + 1 => last.1 = last.1.max(b),
                        _ => merged.push((a, b)),
                    }
                }
                DaySet(merged)
            }
        }
    }
}

/// `d` plus `units` units of `per` days; years and months go by the calendar
/// (whole months with chrono's checked arithmetic, the rest in days), rounded
/// outwards (`up` for an upper bound).
pub(super) fn shift(d: Day, units: f64, per: f64, up: bool) -> Option<Day> {
    let round = |x: f64| if up { x.ceil() } else { x.floor() };
    let months = if per > 360.0 {
        units * 12.0
    } else if per > 28.0 {
        units
    } else {
        return Some(d + round(units * per) as i64);
    };
    let whole = months.trunc();
    let rest_days = round((months - whole) * 30.44) as i64;
    let base = date(d)?;
    let m = chrono::Months::new(u32::try_from(whole as i64).ok()?);
    let moved = base.checked_add_months(m)?;
    Some(day(moved) + rest_days)
}

pub(super) fn fmt(d: Option<Day>) -> String {
    d.and_then(date).map(|d| d.to_string()).unwrap_or_else(|| "?".into())
}

pub(super) fn date_day(y: i32, m: u32, d: u32) -> Option<Day> {
    NaiveDate::from_ymd_opt(y, m, d).map(day)
}
