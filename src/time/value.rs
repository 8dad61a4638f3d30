//! [`TimeValue`]: a TIMEX3 value read into its parts, and written back.

use std::fmt;

use chrono::{NaiveDate, Weekday};

use super::DaySpan;

/// A value that is not of the TIMEX3 grammar (see [`crate::timex`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a TIMEX3 value: {0:?}")]
pub struct ValueError(pub String);

/// What a calendar value names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Gran {
    /// One day (with or without a time of day).
    Day,
    /// A week or its weekend.
    Week,
    /// A month.
    Month,
    /// A season.
    Season,
    /// A quarter.
    Quarter,
    /// A half year.
    Half,
    /// A year.
    Year,
    /// A decade.
    Decade,
    /// A century.
    Century,
}

/// A season (`SP`, `SU`, `FA`, `WI`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Season {
    /// `SP`
    Spring,
    /// `SU`
    Summer,
    /// `FA`
    Fall,
    /// `WI`
    Winter,
}

/// A part of a day (`MO`, `AF`, `EV`, `NI`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PartOfDay {
    /// `MO`
    Morning,
    /// `AF`
    Afternoon,
    /// `EV`
    Evening,
    /// `NI`
    Night,
}

/// What follows the `T` of a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimeOfDay {
    /// A part of the day.
    Part(PartOfDay),
    /// `hh`, `hh:mm` or `hh:mm:ss`.
    Clock {
        /// Hour.
        hour: u32,
        /// Minute, when written.
        minute: Option<u32>,
        /// Second, when written (only after a minute).
        second: Option<u32>,
    },
}

/// The day part of a week value: `-WE` or `-1`..`-7`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WeekPart {
    /// `WE`, the weekend.
    Weekend,
    /// A day of the week, 1 (Monday) to 7.
    Day(u32),
}

/// `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Ref {
    /// `PRESENT_REF`
    Present,
    /// `PAST_REF`
    Past,
    /// `FUTURE_REF`
    Future,
}

/// The unit of a duration component.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// `Y`
    Year,
    /// `M` before the `T`
    Month,
    /// `W`
    Week,
    /// `D`
    Day,
    /// `Q`
    Quarter,
    /// `WE`
    Weekend,
    /// `DE`
    Decade,
    /// `CE`
    Century,
    /// `H` (after the `T`)
    Hour,
    /// `M` after the `T`
    Minute,
    /// `S` (after the `T`)
    Second,
}

/// Lengths of a unit in days.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct UnitDays {
    /// The shortest (a 365-day year, a 28-day month).
    pub min: f64,
    /// The mean (a year of 365.25 days, a month of 30.44).
    pub mean: f64,
    /// The longest (a 366-day year, a 31-day month).
    pub max: f64,
}

impl Unit {
    /// How many days one unit lasts, for the units durations are measured
    /// in: years, months, weeks, days, hours and minutes (None for the rest).
    pub fn days(self) -> Option<UnitDays> {
        let (min, mean, max) = match self {
            Unit::Year => (365.0, 365.25, 366.0),
            Unit::Month => (28.0, 30.44, 31.0),
            Unit::Week => (7.0, 7.0, 7.0),
            Unit::Day => (1.0, 1.0, 1.0),
            Unit::Hour => (1.0 / 24.0, 1.0 / 24.0, 1.0 / 24.0),
            Unit::Minute => (1.0 / 1440.0, 1.0 / 1440.0, 1.0 / 1440.0),
            _ => return None,
        };
        Some(UnitDays { min, mean, max })
    }

    /// Is it a unit of the clock (written after the `T`)?
    pub fn is_clock(self) -> bool {
        matches!(self, Unit::Hour | Unit::Minute | Unit::Second)
    }
    fn code(self) -> &'static str {
        match self {
            Unit::Year => "Y",
            Unit::Month | Unit::Minute => "M",
            Unit::Week => "W",
            Unit::Day => "D",
            Unit::Quarter => "Q",
            Unit::Weekend => "WE",
            Unit::Decade => "DE",
            Unit::Century => "CE",
            Unit::Hour => "H",
            Unit::Second => "S",
        }
    }
}

/// The amount of one duration component: a number or `X` (unknown).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Qty {
    /// A number (`3`, `1.5`).
    Number(f64),
    /// `X`
    Unknown,
}

/// A duration value: components in the order written (`P1Y6M`, `P1DT5H`).
#[derive(Debug, Clone, PartialEq)]
pub struct Duration {
    /// Amount and unit of each component.
    pub parts: Vec<(Qty, Unit)>,
}

impl Duration {
    /// The amount and unit of a duration of one known component (`P3Y`,
    /// `PT5H`); None for a compound (`P1Y6M`) or unknown (`PXY`) one.
    pub fn single(&self) -> Option<(f64, Unit)> {
        match self.parts.as_slice() {
            [(Qty::Number(n), u)] => Some((*n, *u)),
            _ => None,
        }
    }
}

/// A TIMEX3 value read into its parts (grammar in [`crate::timex`]).
/// Unknown fields (`XXXX`, `XX`) are `None`.
#[derive(Debug, Clone, PartialEq)]
pub enum TimeValue {
    /// `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, with a time after `T`; the year
    /// may be `XXXX` and the month and day `XX`.
    Date {
        /// Year (`None`: `XXXX`).
        year: Option<i32>,
        /// Month, when written (`Some(None)`: `XX`).
        month: Option<Option<u32>>,
        /// Day, when written (`Some(None)`: `XX`); only after a month.
        day: Option<Option<u32>>,
        /// What follows `T` (only after a day).
        time: Option<TimeOfDay>,
    },
    /// `YYYY-Www`, `YYYY-Www-WE`, `XXXX-WXX-D`, with a time after `T`
    /// (`XXXX-WXX-5TMO`, "Friday morning").
    Week {
        /// Year (`None`: `XXXX`).
        year: Option<i32>,
        /// ISO week (`None`: `XX`).
        week: Option<u32>,
        /// Weekend or weekday, when written.
        part: Option<WeekPart>,
        /// What follows `T` (only after a weekend or weekday).
        time: Option<TimeOfDay>,
    },
    /// `YYYY-SP|SU|FA|WI`.
    Season {
        /// Year (`None`: `XXXX`).
        year: Option<i32>,
        /// Which season.
        season: Season,
    },
    /// `YYYY-Qn`, `XXXX-QX`.
    Quarter {
        /// Year (`None`: `XXXX`).
        year: Option<i32>,
        /// 1 to 4 (`None`: `X`).
        n: Option<u32>,
    },
    /// `YYYY-Hn`.
    Half {
        /// Year (`None`: `XXXX`).
        year: Option<i32>,
        /// 1 or 2.
        n: u32,
    },
    /// `YYY`: the decade of years `YYY0`..`YYY9`.
    Decade(u32),
    /// `YY`: the century of years `YY00`..`YY99`.
    Century(u32),
    /// `BCYYYY`: a year before the common era.
    BcYear(u32),
    /// `BC` before a month, day, week, season, quarter or half of a year
    /// before the common era, its year counted back (`BC0481-SU`: the summer
    /// of 481 BC; TIMEX2 writes years before 1 AD so). Built by
    /// [`TimeValue::bc`]; a plain year is [`TimeValue::BcYear`].
    Bc(Box<TimeValue>),
    /// `A/B`: from A to B.
    Interval(Box<TimeValue>, Box<TimeValue>),
    /// `Pn[YMWD…]`, `PTn[HMS]`.
    Duration(Duration),
    /// `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
    Ref(Ref),
}

fn digits(s: &str, n: usize) -> Option<u32> {
    (s.len() == n && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// `n` digits, or `n` X's (`Some(None)`).
fn field(s: &str, n: usize) -> Option<Option<u32>> {
    if s.len() == n && s.bytes().all(|b| b == b'X') {
        return Some(None);
    }
    digits(s, n).map(Some)
}

/// `YYYY`, `XXXX`, or a year before 1 BC as the resolver writes it
/// (`-479`: the sign counts in the four places, as `{:04}` pads).
fn year(s: &str) -> Option<Option<i32>> {
    if let Some(neg) = s.strip_prefix('-') {
        let y = -i32::try_from(digits(neg, neg.len())?).ok()?;
        return (neg.len() >= 3 && format!("{y:04}") == s).then_some(Some(y));
    }
    field(s, 4).map(|y| y.and_then(|y| i32::try_from(y).ok()))
}

fn time_of_day(s: &str) -> Option<TimeOfDay> {
    let part = match s {
        "MO" => Some(PartOfDay::Morning),
        "AF" => Some(PartOfDay::Afternoon),
        "EV" => Some(PartOfDay::Evening),
        "NI" => Some(PartOfDay::Night),
        _ => None,
    };
    if let Some(p) = part {
        return Some(TimeOfDay::Part(p));
    }
    let mut it = s.split(':');
    let hour = digits(it.next()?, 2)?;
    let minute = it.next().map(|m| digits(m, 2)).map_or(Some(None), |m| m.map(Some))?;
    let second = it.next().map(|m| digits(m, 2)).map_or(Some(None), |m| m.map(Some))?;
    if it.next().is_some() {
        return None;
    }
    Some(TimeOfDay::Clock { hour, minute, second })
}

fn duration(body: &str) -> Option<Duration> {
    let mut parts = Vec::new();
    let mut clock = false;
    let mut rest = body;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('T') {
            if clock {
                return None;
            }
            clock = true;
            rest = r;
            continue;
        }
        let end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == 'X'))
            .unwrap_or(rest.len());
        let (num, after) = rest.split_at(end);
        let qty = if !num.is_empty() && num.bytes().all(|b| b == b'X') {
            Qty::Unknown
        } else if num.bytes().next().is_some_and(|b| b.is_ascii_digit()) && !num.contains('X') {
            Qty::Number(num.parse().ok()?)
        } else {
            return None;
        };
        let (unit, len) = match (clock, after.get(..2), after.get(..1)) {
            (false, Some("WE"), _) => (Unit::Weekend, 2),
            (false, Some("DE"), _) => (Unit::Decade, 2),
            (false, Some("CE"), _) => (Unit::Century, 2),
            (false, _, Some("Y")) => (Unit::Year, 1),
            (false, _, Some("M")) => (Unit::Month, 1),
            (false, _, Some("W")) => (Unit::Week, 1),
            (false, _, Some("D")) => (Unit::Day, 1),
            (false, _, Some("Q")) => (Unit::Quarter, 1),
            (true, _, Some("H")) => (Unit::Hour, 1),
            (true, _, Some("M")) => (Unit::Minute, 1),
            (true, _, Some("S")) => (Unit::Second, 1),
            _ => return None,
        };
        parts.push((qty, unit));
        rest = &after[len..];
    }
    (!parts.is_empty()).then_some(Duration { parts })
}

fn calendar(s: &str) -> Option<TimeValue> {
    if let Some(y) = s.strip_prefix("BC") {
        if let Some(y) = digits(y, 4) {
            return Some(TimeValue::BcYear(y));
        }
        return TimeValue::bc(calendar(y)?);
    }
    if let Some(d) = digits(s, 3) {
        return Some(TimeValue::Decade(d));
    }
    if let Some(c) = digits(s, 2) {
        return Some(TimeValue::Century(c));
    }
    // a negative year's sign is not the separator
    let sign = usize::from(s.starts_with('-'));
    let (y, rest) = match s[sign..].find('-') {
        Some(i) => (year(&s[..sign + i])?, Some(&s[sign + i + 1..])),
        None => (year(s)?, None),
    };
    let Some(rest) = rest else {
        return Some(TimeValue::Date {
            year: y,
            month: None,
            day: None,
            time: None,
        });
    };
    let season = match rest {
        "SP" => Some(Season::Spring),
        "SU" => Some(Season::Summer),
        "FA" => Some(Season::Fall),
        "WI" => Some(Season::Winter),
        _ => None,
    };
    if let Some(season) = season {
        return Some(TimeValue::Season { year: y, season });
    }
    if let Some(w) = rest.strip_prefix('W') {
        let (w, time) = match w.split_once('T') {
            Some((w, t)) if w.contains('-') => (w, Some(time_of_day(t)?)),
            Some(_) => return None,
            None => (w, None),
        };
        let (w, part) = match w.split_once('-') {
            Some((w, "WE")) => (w, Some(WeekPart::Weekend)),
            Some((w, d)) => (w, Some(WeekPart::Day(digits(d, 1).filter(|d| (1..=7).contains(d))?))),
            None => (w, None),
        };
        return Some(TimeValue::Week {
            year: y,
            week: field(w, 2)?,
            part,
            time,
        });
    }
    if let Some(q) = rest.strip_prefix('Q') {
        return Some(TimeValue::Quarter {
            year: y,
            n: field(q, 1).filter(|q| q.is_none_or(|q| (1..=4).contains(&q)))?,
        });
    }
    if let Some(h) = rest.strip_prefix('H') {
        return Some(TimeValue::Half {
            year: y,
            n: digits(h, 1).filter(|h| (1..=2).contains(h))?,
        });
    }
    let (m, rest) = match rest.split_once('-') {
        Some((m, rest)) => (field(m, 2)?, Some(rest)),
        None => (field(rest, 2)?, None),
    };
    let (day, time) = match rest {
        None => (None, None),
        Some(r) => match r.split_once('T') {
            Some((d, t)) => (Some(field(d, 2)?), Some(time_of_day(t)?)),
            None => (Some(field(r, 2)?), None),
        },
    };
    Some(TimeValue::Date {
        year: y,
        month: Some(m),
        day,
        time,
    })
}

impl TimeValue {
    /// Reads a TIMEX3 value.
    pub fn parse(s: &str) -> Result<TimeValue, ValueError> {
        Self::read(s).ok_or_else(|| ValueError(s.to_string()))
    }

    fn read(s: &str) -> Option<TimeValue> {
        match s {
            "PRESENT_REF" => return Some(TimeValue::Ref(Ref::Present)),
            "PAST_REF" => return Some(TimeValue::Ref(Ref::Past)),
            "FUTURE_REF" => return Some(TimeValue::Ref(Ref::Future)),
            _ => {}
        }
        if let Some((a, b)) = s.split_once('/') {
            return Some(TimeValue::Interval(Box::new(calendar(a)?), Box::new(calendar(b)?)));
        }
        if let Some(body) = s.strip_prefix('P') {
            return duration(body).map(TimeValue::Duration);
        }
        calendar(s)
    }

    /// The TIMEX2 form of `v` in a year before the common era, `v`'s year
    /// counted back from 1 BC (the year of `v` as written after `BC`): a
    /// plain year is [`TimeValue::BcYear`]; None unless `v` is a calendar
    /// value of a stated year (a date, week, season, quarter or half).
    pub fn bc(v: TimeValue) -> Option<TimeValue> {
        let year = match &v {
            TimeValue::Date { year, .. }
            | TimeValue::Week { year, .. }
            | TimeValue::Season { year, .. }
            | TimeValue::Quarter { year, .. }
            | TimeValue::Half { year, .. } => u32::try_from((*year)?).ok()?,
            _ => return None,
        };
        match v {
            TimeValue::Date { month: None, .. } => Some(TimeValue::BcYear(year)),
            v => Some(TimeValue::Bc(Box::new(v))),
        }
    }

    /// Does the value leave a part unknown (`XXXX-02-04`, `XXXX-WXX-4`, `PXY`)?
    pub fn has_unknown(&self) -> bool {
        match self {
            TimeValue::Date { year, month, day, .. } => {
                year.is_none() || matches!(month, Some(None)) || matches!(day, Some(None))
            }
            TimeValue::Week { year, week, .. } => year.is_none() || week.is_none(),
            TimeValue::Season { year, .. } | TimeValue::Half { year, .. } => year.is_none(),
            TimeValue::Quarter { year, n } => year.is_none() || n.is_none(),
            TimeValue::Decade(_) | TimeValue::Century(_) | TimeValue::BcYear(_) | TimeValue::Ref(_) => false,
            TimeValue::Bc(v) => v.has_unknown(),
            TimeValue::Interval(a, b) => a.has_unknown() || b.has_unknown(),
            TimeValue::Duration(d) => d.parts.iter().any(|(q, _)| *q == Qty::Unknown),
        }
    }

    /// Month and day of a date without a year (`XXXX-02-04` → (2, Some(4)),
    /// `XXXX-05` → (5, None)); of an interval, its first end.
    pub fn yearless(&self) -> Option<(u32, Option<u32>)> {
        match self {
            TimeValue::Interval(a, _) => a.yearless(),
            TimeValue::Date {
                year: None,
                month: Some(Some(m)),
                day,
                ..
            } if (1..=12).contains(m) => match day {
                None => Some((*m, None)),
                Some(Some(d)) if (1..=31).contains(d) => Some((*m, Some(*d))),
                Some(_) => None,
            },
            _ => None,
        }
    }

    /// The weekday of a relative weekday (`XXXX-WXX-4` → Thursday); of an
    /// interval, of its first end.
    pub fn weekday(&self) -> Option<Weekday> {
        match self {
            TimeValue::Interval(a, _) => a.weekday(),
            TimeValue::Week {
                year: None,
                week: None,
                part: Some(WeekPart::Day(d)),
                ..
            } => match d {
                1 => Some(Weekday::Mon),
                2 => Some(Weekday::Tue),
                3 => Some(Weekday::Wed),
                4 => Some(Weekday::Thu),
                5 => Some(Weekday::Fri),
                6 => Some(Weekday::Sat),
                7 => Some(Weekday::Sun),
                _ => None,
            },
            _ => None,
        }
    }

    /// The days of a plain calendar value (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`,
    /// no time of day); None for other forms and for days that do not exist.
    pub fn day_span(&self) -> Option<DaySpan> {
        let TimeValue::Date {
            year: Some(y),
            month,
            day,
            time: None,
        } = *self
        else {
            return None;
        };
        match (month, day) {
            (None, _) => Some(DaySpan {
                from: NaiveDate::from_ymd_opt(y, 1, 1)?,
                to: NaiveDate::from_ymd_opt(y, 12, 31)?,
                gran: Gran::Year,
            }),
            (Some(Some(m)), None) => {
                let from = NaiveDate::from_ymd_opt(y, m, 1)?;
                let to = from.checked_add_months(chrono::Months::new(1))?.pred_opt()?;
                Some(DaySpan {
                    from,
                    to,
                    gran: Gran::Month,
                })
            }
            (Some(Some(m)), Some(Some(d))) => {
                let day = NaiveDate::from_ymd_opt(y, m, d)?;
                Some(DaySpan {
                    from: day,
                    to: day,
                    gran: Gran::Day,
                })
            }
            _ => None,
        }
    }

    /// The duration, when the value is one.
    pub fn duration(&self) -> Option<&Duration> {
        match self {
            TimeValue::Duration(d) => Some(d),
            _ => None,
        }
    }
}

/// `v` in `width` digits (at most 4), zero-padded, when it fits: what
/// `{v:0width$}` prints, without the formatting machinery (every resolved
/// value is printed once; `None` when it does not fit).
fn padded(f: &mut fmt::Formatter<'_>, v: i64, width: usize) -> Option<fmt::Result> {
    let top = [1, 10, 100, 1000, 10000][width.min(4)];
    if !(0..top).contains(&v) {
        return None;
    }
    let mut b = [b'0'; 4];
    let mut x = v;
    for d in b[..width].iter_mut().rev() {
        *d = b'0' + (x % 10) as u8;
        x /= 10;
    }
    Some(f.write_str(std::str::from_utf8(&b[..width]).unwrap_or("")))
}

fn write_year(f: &mut fmt::Formatter<'_>, y: Option<i32>) -> fmt::Result {
    match y {
        Some(y) => padded(f, i64::from(y), 4).unwrap_or_else(|| write!(f, "{y:04}")),
        None => f.write_str("XXXX"),
    }
}

fn write_field(f: &mut fmt::Formatter<'_>, v: Option<u32>) -> fmt::Result {
    match v {
        Some(v) => write_two(f, v),
        None => f.write_str("XX"),
    }
}

/// `{v:02}`.
fn write_two(f: &mut fmt::Formatter<'_>, v: u32) -> fmt::Result {
    padded(f, i64::from(v), 2).unwrap_or_else(|| write!(f, "{v:02}"))
}

impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TimeOfDay::Part(p) => f.write_str(match p {
                PartOfDay::Morning => "MO",
                PartOfDay::Afternoon => "AF",
                PartOfDay::Evening => "EV",
                PartOfDay::Night => "NI",
            }),
            TimeOfDay::Clock { hour, minute, second } => {
                write_two(f, *hour)?;
                for x in [minute, second].into_iter().flatten() {
                    f.write_str(":")?;
                    write_two(f, *x)?;
                }
                Ok(())
            }
        }
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("P")?;
        let mut clock = false;
        for (q, u) in &self.parts {
            if u.is_clock() && !clock {
                f.write_str("T")?;
                clock = true;
            }
            match q {
                Qty::Number(n) => write!(f, "{n}")?,
                Qty::Unknown => f.write_str("X")?,
            }
            f.write_str(u.code())?;
        }
        Ok(())
    }
}

impl fmt::Display for TimeValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TimeValue::Date { year, month, day, time } => {
                write_year(f, *year)?;
                if let Some(m) = month {
                    f.write_str("-")?;
                    write_field(f, *m)?;
                }
                if let Some(d) = day {
                    f.write_str("-")?;
                    write_field(f, *d)?;
                }
                if let Some(t) = time {
                    f.write_str("T")?;
                    fmt::Display::fmt(t, f)?;
                }
                Ok(())
            }
            TimeValue::Week { year, week, part, time } => {
                write_year(f, *year)?;
                f.write_str("-W")?;
                write_field(f, *week)?;
                match part {
                    Some(WeekPart::Weekend) => f.write_str("-WE")?,
                    Some(WeekPart::Day(d)) => write!(f, "-{d}")?,
                    None => {}
                }
                match time {
                    Some(t) => write!(f, "T{t}"),
                    None => Ok(()),
                }
            }
            TimeValue::Season { year, season } => {
                write_year(f, *year)?;
                f.write_str(match season {
                    Season::Spring => "-SP",
                    Season::Summer => "-SU",
                    Season::Fall => "-FA",
                    Season::Winter => "-WI",
                })
            }
            TimeValue::Quarter { year, n } => {
                write_year(f, *year)?;
                match n {
                    Some(n) => write!(f, "-Q{n}"),
                    None => f.write_str("-QX"),
                }
            }
            TimeValue::Half { year, n } => {
                write_year(f, *year)?;
                write!(f, "-H{n}")
            }
            TimeValue::Decade(d) => write!(f, "{d:03}"),
            TimeValue::Century(c) => write!(f, "{c:02}"),
            TimeValue::BcYear(y) => write!(f, "BC{y:04}"),
            TimeValue::Bc(v) => write!(f, "BC{v}"),
            TimeValue::Interval(a, b) => write!(f, "{a}/{b}"),
            TimeValue::Duration(d) => write!(f, "{d}"),
            TimeValue::Ref(r) => f.write_str(match r {
                Ref::Present => "PRESENT_REF",
                Ref::Past => "PAST_REF",
                Ref::Future => "FUTURE_REF",
            }),
        }
    }
}
