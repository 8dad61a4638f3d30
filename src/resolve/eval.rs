//! The value of one expression against what the resolver knows at that
//! point of the document ([`Env`]): the anchor, the date under discussion,
//! the tense of the clause and whether the text is a history.

use chrono::{Datelike, Duration, NaiveDate};

use super::env::Env;
use super::narrative::{narrative_year, story_gran};
use super::nearest::{nearest_weekday, nearest_yearly};
use super::period::{
    coarse_ok, duration_value, gran_rank, part_of, ref_value, rel_underspecified, shift_gran, target_in_year,
    underspecified, underspecified_of, unit_gran, unknown_day, unknown_weekday, ymd, Gran, Period,
};
use super::Tense;
use crate::grammar::{AgainYear, Amount, DayPart, Dir, Expr, Origin, RefKind, Target, Unit};
use crate::time::{TimeOfDay, TimeValue};
use crate::timex::{TimexMod, TimexType};

/// The most years a period under report is moved to reach the anchor (a
/// bound on the loop only: 200 years is past any report's reach).
const MAX_PERIOD_SHIFTS: u32 = 200;

/// The period under report has ended at most this many days before the
/// anchor (half a year: the "year-ago period" of a report of 1988 is 1987,
/// told early in 1989 too; `year_ago_period_bounds` pins it).
const REPORT_PERIOD_AGE_DAYS: i64 = 183;

/// A clock time with no day is on the day mentioned before when that day is
/// at most this many days from the anchor (a week: "On Friday ... at 10:35
/// a.m."); further away it is the anchor's day.
const CLOCK_DAY_REACH: i64 = 7;

/// One resolution outcome (before it is turned into a Timex).
#[derive(Debug, Clone)]
pub(super) struct Out {
    pub(super) kind: TimexType,
    /// The value, printed as a TIMEX3 string only when the mention is
    /// written out (`document::to_resolved`).
    pub(super) value: TimeValue,
    pub(super) modifier: Option<TimexMod>,
    pub(super) period: Option<Period>,
    /// The last period of an interval value ("2023-09/2023-11"), when there is one.
    pub(super) until: Option<Period>,
    pub(super) why: String,
}

impl Out {
    /// The value of period `p`; `None` when it cannot be written (a year out
    /// of range, [`Period::value`]).
    pub(super) fn date(p: Period, why: impl Into<String>) -> Option<Out> {
        Some(Out {
            kind: TimexType::Date,
            value: p.value()?,
            modifier: None,
            period: Some(p),
            until: None,
            why: why.into(),
        })
    }
    pub(super) fn plain(kind: TimexType, value: TimeValue, why: impl Into<String>) -> Out {
        Out {
            kind,
            value,
            modifier: None,
            period: None,
            until: None,
            why: why.into(),
        }
    }
}

/// The value of `e` against `env`; `None` when its date does not exist or
/// falls outside the calendar.
pub(super) fn eval(e: &Expr, env: &Env) -> Option<Out> {
    match e {
        Expr::Date { year, month, day } => stated_date(*year, *month, *day),
        Expr::Decade(d) => Out::date(
            Period {
                start: ymd(d.checked_mul(10)?, 1, 1)?,
                gran: Gran::Decade,
            },
            "explicit decade",
        ),
        Expr::Century(c) => Out::date(
            Period {
                start: ymd(c.checked_mul(100)?, 1, 1)?,
                gran: Gran::Century,
            },
            "explicit century",
        ),
        Expr::Nearest { target, dir } => nearest(*target, *dir, env),
        Expr::In { target, year } => in_year(*target, year, env),
        Expr::RelUnit { unit, offset } => rel_unit(*unit, *offset, env),
        Expr::Shift {
            amount,
            unit,
            sign,
            origin,
        } => shift(*amount, *unit, *sign, *origin, env),
        Expr::Time {
            day,
            hour,
            minute,
            zone,
        } => clock_time(day.as_deref(), *hour, *minute, zone.as_deref(), env),
        Expr::Part { day, part } => day_part(day.as_deref(), *part, env),
        Expr::Duration { amount, unit } => Some(Out::plain(
            TimexType::Duration,
            duration_value(*amount, *unit),
            "an amount of time",
        )),
        Expr::Ref(k) => Some(Out::plain(TimexType::Date, ref_value(*k), "a vague reference")),
        Expr::Nth { n, unit, of } => nth(*n, *unit, of.as_deref(), env),
        Expr::Again { size, year } => again(*size, *year, env),
        Expr::Set { unit, weekday } => Some(Out::plain(
            TimexType::Set,
            match weekday {
                Some(w) => unknown_weekday(*w),
                None => duration_value(Amount::exact(1), *unit),
            },
            "a recurrence",
        )),
        Expr::Mod { modifier, inner } => {
            let mut o = eval(inner, env)?;
            o.modifier = Some(*modifier);
            Some(o)
        }
        Expr::Range { first, .. } => eval(first, env),
    }
}

/// A date as written: a day, a month or a year.
fn stated_date(year: i32, month: Option<u32>, day: Option<u32>) -> Option<Out> {
    let p = match (month, day) {
        (Some(m), Some(d)) => Period {
            start: ymd(year, m, d)?,
            gran: Gran::Day,
        },
        (Some(m), None) => Period {
            start: ymd(year, m, 1)?,
            gran: Gran::Month,
        },
        _ => Period {
            start: ymd(year, 1, 1)?,
            gran: Gran::Year,
        },
    };
    Out::date(p, "explicit date")
}

/// A year-less date ("February 4", "last Tuesday", "next spring").
fn nearest(target: Target, dir: Dir, env: &Env) -> Option<Out> {
    if let (Some(y), Dir::Tense) = (narrative_year(env), dir) {
        if let Some(p) = target_in_year(target, y) {
            return Out::date(p, "narrative: the year of the date mentioned before");
        }
    }
    // in a history, "the previous April" and "next spring" count from the date
    // under discussion, not from the moment of writing (a weekday only from a
    // day); a future clause ("the museum will reopen in July") still speaks of
    // the time of writing
    let future_clause = dir == Dir::Tense && env.tense == Tense::Future;
    let story = env.reference.filter(|r| {
        env.narrative
            && !future_clause
            && match target {
                Target::Weekday(_) => r.gran == Gran::Day,
                _ => story_gran(r.gran),
            }
    });
    let Some(a) = story.map(|r| r.start).or(env.anchor) else {
        return Some(Out::plain(
            TimexType::Date,
            underspecified(target),
            "no anchor: year unknown",
        ));
    };
    let (p, why) = match target {
        Target::Weekday(w) => nearest_weekday(w, a, dir, env.tense)?,
        _ => nearest_yearly(target, a, dir, env.tense)?,
    };
    if story.is_some() {
        return Out::date(p, format!("narrative, from the date mentioned before: {why}"));
    }
    Out::date(p, why)
}

/// A target in the year of another expression ("May of that year").
fn in_year(target: Target, year: &Expr, env: &Env) -> Option<Out> {
    let y = eval(year, env)?;
    let Some(yp) = y.period else {
        return Some(Out::plain(TimexType::Date, underspecified(target), y.why));
    };
    let p = target_in_year(target, yp.start.year())?;
    Out::date(p, format!("in the year of: {}", y.why))
}

/// The anchor's period or one next to it ("today", "last week", "next year").
fn rel_unit(unit: Unit, offset: i32, env: &Env) -> Option<Out> {
    // in a history, "the end of the month" is the month under discussion
    // ("today", "this week" in a quotation are still the anchor's)
    let coarse = matches!(
        unit,
        Unit::Month | Unit::Quarter | Unit::Year | Unit::Decade | Unit::Century
    );
    let narrative_base = if env.narrative && coarse {
        env.reference.map(|r| r.start)
    } else {
        None
    };
    let Some(a) = narrative_base.or(env.anchor) else {
        return Some(Out::plain(
            TimexType::Date,
            rel_underspecified(unit, offset),
            "no anchor",
        ));
    };
    let mut p = Period::of(a, unit_gran(unit))?.shift(i64::from(offset), unit)?;
    if unit == Unit::Weekend {
        p = weekend(p, a, offset, env.tense)?;
    }
    let why = match offset {
        0 => "the anchor's period",
        o if o < 0 => "the period before the anchor's",
        _ => "the period after the anchor's",
    };
    Out::date(p, why)
}

/// Which weekend "next weekend", "last weekend" or "the weekend" said on day
/// `a` is, `p` being the one of `a`'s week moved by `offset`.
fn weekend(p: Period, a: NaiveDate, offset: i32, tense: Tense) -> Option<Period> {
    // "next weekend" on a Monday is the coming one, not the one after;
    // "last weekend" is the one just past (seed 001: 2025-02-10 → 2025-W07-WE)
    let this = Period::of(a, Gran::Weekend)?;
    Some(match offset {
        o if o > 0 && a < this.start => this,
        o if o < 0 && a > this.end()? => this,
        // "the weekend" in a past clause, said on a weekday: the one just past;
        // with no cue the nearer one, the past one on a tie ("said over the
        // weekend" on a Monday is the one two days before)
        0 if a < this.start
            && (tense == Tense::Past
                || (tense == Tense::Unknown
                    && (a - p.shift(-1, Unit::Week)?.end()?).num_days() <= (this.start - a).num_days())) =>
        {
            p.shift(-1, Unit::Week)?
        }
        _ => p,
    })
}

/// An amount of time from an origin ("two years ago", "three days later",
/// "the year-ago quarter").
fn shift(amount: Amount, unit: Unit, sign: i32, origin: Origin, env: &Env) -> Option<Out> {
    let Some(n) = amount.n else {
        let k = if sign < 0 { RefKind::Past } else { RefKind::Future };
        return Some(Out::plain(TimexType::Date, ref_value(k), "vague amount"));
    };
    let n = i64::try_from(n).ok()?.checked_mul(i64::from(sign))?;
    // "a year ago" while a quarter is under discussion is that quarter a year back
    let origin = match (origin, unit, env.reference) {
        (Origin::Anchor, Unit::Year, Some(r)) if matches!(r.gran, Gran::Quarter) => Origin::Reference,
        _ => origin,
    };
    let (base, why) = match origin {
        Origin::Anchor => (
            env.anchor.and_then(|a| Period::of(a, shift_gran(unit))),
            "counted from the anchor",
        ),
        Origin::Comparison { quarter } => (comparison_base(quarter, env), "a year before the period under report"),
        Origin::Reference => match env.reference {
            // "the next day" after "the 20th century" or "In March": the date
            // before is too coarse to count days from
            Some(r) if gran_rank(r.gran) > gran_rank(shift_gran(unit)) && !coarse_ok(r.gran, unit) => {
                return Some(Out::plain(
                    TimexType::Date,
                    underspecified_of(shift_gran(unit)),
                    "the date mentioned before is too coarse to count from",
                ));
            }
            Some(r) => {
                // a year from a quarter stays a quarter ("a year earlier" after "the third quarter")
                let g = if coarse_ok(r.gran, unit) {
                    r.gran
                } else {
                    shift_gran(unit)
                };
                (Period::of(r.start, g), "counted from the date mentioned before")
            }
            None => (
                env.anchor.and_then(|a| Period::of(a, shift_gran(unit))),
                "no date mentioned before: counted from the anchor",
            ),
        },
    };
    let Some(base) = base else {
        return Some(Out::plain(TimexType::Date, unknown_day(), "no anchor"));
    };
    let p = base.shift(n, unit)?;
    Out::date(p, why)
}

/// The period under report that a comparison ("the year-ago quarter") counts
/// a year back from.
fn comparison_base(quarter: bool, env: &Env) -> Option<Period> {
    let gran = |r: &Period| match r.gran {
        _ if quarter => Gran::Quarter,
        Gran::Quarter | Gran::Half | Gran::Season(_) => r.gran,
        _ => Gran::Year,
    };
    // the period under report is the date mentioned before, brought to
    // the latest such period that has begun by the anchor and ended at
    // most half a year before it: after "the 1988 period", "the year-ago
    // results" are 1988 again, not 1987; after "the third quarter of
    // 1990", "the year-ago period" is 1988-Q3
    match (env.reference, env.anchor) {
        (Some(r), Some(a)) => {
            let mut p = Period::of(r.start, gran(&r));
            let mut guard = 0;
            while let Some(q) = p.filter(|q| q.start > a && guard < MAX_PERIOD_SHIFTS) {
                p = q.shift(-1, Unit::Year);
                guard += 1;
            }
            let recent = a.checked_sub_signed(Duration::days(REPORT_PERIOD_AGE_DAYS));
            while let Some(q) =
                p.filter(|q| guard < MAX_PERIOD_SHIFTS && q.end().is_some_and(|e| recent.is_some_and(|r| e < r)))
            {
                p = q.shift(1, Unit::Year);
                guard += 1;
            }
            p
        }
        (Some(r), None) => Period::of(r.start, gran(&r)),
        (None, Some(a)) => Period::of(a, if quarter { Gran::Quarter } else { Gran::Year }),
        (None, None) => None,
    }
}

/// The anchor's day, or an unknown day.
fn anchor_day(env: &Env) -> Option<Out> {
    match env.anchor {
        Some(a) => Out::date(
            Period {
                start: a,
                gran: Gran::Day,
            },
            "the anchor's day",
        ),
        None => Some(Out::plain(TimexType::Date, unknown_day(), "no anchor")),
    }
}

/// The value of a clock time or a part of day `t` on the day `d`: the day's
/// value with the time, or `XXXX-XX-XX` when the day is only a reference
/// ("tonight" with no anchor is `XXXX-XX-XXTNI`, as TimeML writes a part of
/// an unknown day, not `PRESENT_REFTNI`). `None` when `d` is no day or week.
fn at_time(d: &Out, t: TimeOfDay) -> Option<TimeValue> {
    let day = match (d.period, &d.value) {
        // the first day of an interval ("the second day" of a range)
        (Some(p), _) if p.gran == Gran::Day => p.value()?,
        (_, TimeValue::Ref(_)) => unknown_day(),
        (_, v) => v.clone(),
    };
    with_time(day, t)
}

/// `v` at time `t` of its day (of the last end of an interval).
fn with_time(v: TimeValue, t: TimeOfDay) -> Option<TimeValue> {
    match v {
        TimeValue::Date {
            year,
            month,
            day,
            time: None,
        } => Some(TimeValue::Date {
            year,
            month,
            day,
            time: Some(t),
        }),
        TimeValue::Week {
            year,
            week,
            part,
            time: None,
        } => Some(TimeValue::Week {
            year,
            week,
            part,
            time: Some(t),
        }),
        TimeValue::Interval(a, b) => Some(TimeValue::Interval(a, Box::new(with_time(*b, t)?))),
        TimeValue::Bc(v) => Some(TimeValue::Bc(Box::new(with_time(*v, t)?))),
        _ => None,
    }
}

/// A clock time ("at 10:35 a.m. EST", "Friday at noon").
fn clock_time(day: Option<&Expr>, hour: u32, minute: u32, zone: Option<&str>, env: &Env) -> Option<Out> {
    let d = match day {
        Some(d) => eval(d, env)?,
        None => day_of_clock(env)?,
    };
    let clock = TimeOfDay::Clock {
        hour,
        minute: Some(minute),
        second: None,
    };
    let value = at_time(&d, clock)?;
    let mut why = d.why;
    if let Some(z) = zone {
        why.push_str(&format!("; time zone {z}"));
    }
    Some(Out {
        kind: TimexType::Time,
        value,
        modifier: None,
        period: d.period,
        until: None,
        why,
    })
}

/// The day of a clock time written with no day.
fn day_of_clock(env: &Env) -> Option<Out> {
    // a clock time with no day is on the day under discussion ("On Friday …
    // at 10:35 a.m."), when that is a day within a week of the anchor
    // (in a history, whenever that day is)
    let recent_day = match (env.reference, env.anchor) {
        (Some(r), _) if r.gran == Gran::Day && env.narrative => Some(r),
        (Some(r), Some(a)) if r.gran == Gran::Day && (a - r.start).num_days().abs() <= CLOCK_DAY_REACH => Some(r),
        _ => None,
    };
    match recent_day {
        Some(r) => Out::date(r, "the day mentioned before"),
        None if env.narrative => Some(Out::plain(
            TimexType::Date,
            unknown_day(),
            "a history: not the day of writing",
        )),
        None => anchor_day(env),
    }
}

/// A part of a day ("Tuesday morning", "tonight").
fn day_part(day: Option<&Expr>, part: DayPart, env: &Env) -> Option<Out> {
    let d = match day {
        Some(d) => eval(d, env)?,
        None => anchor_day(env)?,
    };
    Some(Out {
        kind: TimexType::Time,
        value: at_time(&d, TimeOfDay::Part(part_of(part)))?,
        modifier: None,
        period: d.period,
        until: None,
        why: d.why,
    })
}

/// The n-th day or week of a period ("the first day of March", "the last
/// week of 2024"), or of the range mentioned before ("the second day").
fn nth(n: i32, unit: Unit, of: Option<&Expr>, env: &Env) -> Option<Out> {
    let day = |d: NaiveDate| Period {
        start: d,
        gran: Gran::Day,
    };
    let (first, last, why) = match of {
        Some(inner) => {
            let o = eval(inner, env)?;
            let Some(p) = o.period else {
                let g = if unit == Unit::Week { Gran::Week } else { Gran::Day };
                return Some(Out::plain(TimexType::Date, underspecified_of(g), o.why));
            };
            (p.start, p.end()?, format!("counted inside the period: {}", o.why))
        }
        None => match env.range {
            Some((a, b)) => (
                a.start,
                b.end()?,
                "counted inside the range mentioned before".to_string(),
            ),
            None => {
                return Some(Out::plain(
                    TimexType::Date,
                    unknown_day(),
                    "a day of something not dated before",
                ))
            }
        },
    };
    let len = if unit == Unit::Week { 7 } else { 1 };
    let (s, e) = if n < 0 {
        (last.checked_sub_signed(Duration::days(len - 1))?.max(first), last)
    } else {
        let k = i64::from(n).checked_sub(1)?.checked_mul(len)?;
        let s = first.checked_add_signed(Duration::try_days(k)?)?;
        (s, s.checked_add_signed(Duration::days(len - 1))?.min(last))
    };
    if s > last {
        // "the fifth day" of a two-day range: not inside it
        return if of.is_none() {
            Some(Out::plain(
                TimexType::Date,
                unknown_day(),
                "past the end of the range mentioned before",
            ))
        } else {
            None
        };
    }
    if s == e {
        return Out::date(day(s), why);
    }
    Some(Out {
        kind: TimexType::Date,
        value: TimeValue::Interval(Box::new(day(s).value()?), Box::new(day(e).value()?)),
        modifier: None,
        period: Some(day(s)),
        until: Some(day(e)),
        why,
    })
}

/// The period under discussion in another year ("a year earlier", "the
/// same period last year").
fn again(size: Option<Unit>, year: AgainYear, env: &Env) -> Option<Out> {
    let moved = |p: Period| match year {
        AgainYear::Back(n) => p.shift(-i64::from(n), Unit::Year),
        AgainYear::In(y) => p.shift(i64::from(y) - i64::from(p.start.year()), Unit::Year),
    };
    if let (None, Some((a, b))) = (size, env.range) {
        let (a, b) = (moved(a)?, moved(b)?);
        return Some(Out {
            kind: TimexType::Date,
            value: TimeValue::Interval(Box::new(a.value()?), Box::new(b.value()?)),
            modifier: None,
            period: Some(a),
            until: Some(b),
            why: "the range mentioned before, in another year".into(),
        });
    }
    let (base, why) = match (env.reference, size) {
        (Some(r), None) => (Some(r), "the period mentioned before, in another year"),
        (Some(r), Some(u)) => (
            Period::of(r.start, unit_gran(u)),
            "the period mentioned before, in another year",
        ),
        (None, Some(u)) => (
            env.anchor.and_then(|a| Period::of(a, unit_gran(u))),
            "no date mentioned before: the anchor's period, in another year",
        ),
        (None, None) => (
            env.anchor.and_then(|a| Period::of(a, Gran::Year)),
            "no date mentioned before: the anchor's year, in another year",
        ),
    };
    match base {
        Some(b) => Out::date(moved(b)?, why),
        None => Some(Out::plain(TimexType::Date, underspecified_of(Gran::Year), "no anchor")),
    }
}
