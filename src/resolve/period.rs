//! Calendar periods (a day, a week, a quarter, a decade …) and the TIMEX3
//! values written for them, stated or underspecified.

use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};

use crate::grammar::{Amount, DayPart, Holiday, RefKind, Season, Target, Unit};
use crate::time::{self, PartOfDay, Qty, Ref, TimeValue as TV, WeekPart};
use crate::timex::YEARS;

/// The granularity of a resolved calendar period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Gran {
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Half,
    Season(Season),
    Year,
    Decade,
    Century,
}

/// A calendar period: its first day and its size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Period {
    pub(super) start: NaiveDate,
    pub(super) gran: Gran,
}

pub(super) fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// The value of a calendar period of year `y`, `v` being its form with the
/// year written: a year before 1 AD is written in the TIMEX2 form `BCnnnn`
/// (1 BC = year 0; TIMEX3 has no standard BC form). `None` when the four
/// digits cannot hold the year ([`YEARS`]).
fn in_year(y: i32, v: impl FnOnce(Option<i32>) -> TV) -> Option<TV> {
    if y > 0 {
        return YEARS.contains(&y).then(|| v(Some(y)));
    }
    let back = 1i32.checked_sub(y)?;
    if !YEARS.contains(&back) {
        return None;
    }
    TV::bc(v(Some(back)))
}

fn date(year: Option<i32>, month: Option<Option<u32>>, day: Option<Option<u32>>) -> TV {
    TV::Date {
        year,
        month,
        day,
        time: None,
    }
}

fn week(year: Option<i32>, week: Option<u32>, part: Option<WeekPart>) -> TV {
    TV::Week {
        year,
        week,
        part,
        time: None,
    }
}

/// A day of an unknown date, `XXXX-XX-XX`.
pub(super) fn unknown_day() -> TV {
    date(None, Some(None), Some(None))
}

/// A weekday of an unknown week, `XXXX-WXX-n`.
pub(super) fn unknown_weekday(w: Weekday) -> TV {
    week(None, None, Some(WeekPart::Day(w.number_from_monday())))
}

fn season_of(s: Season) -> time::Season {
    match s {
        Season::Spring => time::Season::Spring,
        Season::Summer => time::Season::Summer,
        Season::Fall => time::Season::Fall,
        Season::Winter => time::Season::Winter,
    }
}

pub(super) fn season_start_month(s: Season) -> u32 {
    match s {
        Season::Spring => 3,
        Season::Summer => 6,
        Season::Fall => 9,
        Season::Winter => 12,
    }
}

impl Period {
    pub(super) fn of(d: NaiveDate, gran: Gran) -> Option<Period> {
        let start = match gran {
            Gran::Day => d,
            Gran::Week => d.checked_sub_signed(Duration::days(i64::from(d.weekday().num_days_from_monday())))?,
            Gran::Weekend => {
                let mon = d.checked_sub_signed(Duration::days(i64::from(d.weekday().num_days_from_monday())))?;
                mon.checked_add_signed(Duration::days(5))?
            }
            Gran::Month => ymd(d.year(), d.month(), 1)?,
            Gran::Quarter => ymd(d.year(), (d.month() - 1) / 3 * 3 + 1, 1)?,
            Gran::Half => ymd(d.year(), (d.month() - 1) / 6 * 6 + 1, 1)?,
            Gran::Season(s) => ymd(d.year(), season_start_month(s), 1)?,
            Gran::Year => ymd(d.year(), 1, 1)?,
            Gran::Decade => ymd(d.year().div_euclid(10) * 10, 1, 1)?,
            Gran::Century => ymd(d.year().div_euclid(100) * 100, 1, 1)?,
        };
        Some(Period { start, gran })
    }

    /// The last day covered.
    pub(super) fn end(&self) -> Option<NaiveDate> {
        let s = self.start;
        let next = match self.gran {
            Gran::Day => return Some(s),
            Gran::Week => return s.checked_add_signed(Duration::days(6)),
            Gran::Weekend => return s.checked_add_signed(Duration::days(1)),
            Gran::Month => s.checked_add_months(Months::new(1))?,
            Gran::Quarter | Gran::Season(_) => s.checked_add_months(Months::new(3))?,
            Gran::Half => s.checked_add_months(Months::new(6))?,
            Gran::Year => s.checked_add_months(Months::new(12))?,
            Gran::Decade => s.checked_add_months(Months::new(120))?,
            Gran::Century => s.checked_add_months(Months::new(1200))?,
        };
        next.pred_opt()
    }

    /// The value of this period: the one place a resolved period is
    /// given its value. A year before 1 AD is written `BCnnnn` (the TIMEX2
    /// form WikiWars uses: `BC0481-SU`), at every size but decades and
    /// centuries. `None` when the year has no four digits ([`YEARS`]):
    /// "tomorrow" said on 9999-12-31, "99999 years after" — the mention is
    /// then dropped and reported as out of range.
    pub(super) fn value(&self) -> Option<TV> {
        let s = self.start;
        let (m, d) = (s.month(), s.day());
        match self.gran {
            Gran::Day => in_year(s.year(), |y| date(y, Some(Some(m)), Some(Some(d)))),
            Gran::Week | Gran::Weekend => {
                let w = s.iso_week();
                let part = (self.gran == Gran::Weekend).then_some(WeekPart::Weekend);
                in_year(w.year(), |y| week(y, Some(w.week()), part))
            }
            Gran::Month => in_year(s.year(), |y| date(y, Some(Some(m)), None)),
            Gran::Quarter => in_year(s.year(), |year| TV::Quarter {
                year,
                n: Some((m - 1) / 3 + 1),
            }),
            Gran::Half => in_year(s.year(), |year| TV::Half {
                year,
                n: (m - 1) / 6 + 1,
            }),
            Gran::Season(se) => in_year(s.year(), |year| TV::Season {
                year,
                season: season_of(se),
            }),
            Gran::Year => in_year(s.year(), |y| date(y, None, None)),
            // (no BC form: a decade or century before 1 AD has no value)
            Gran::Decade | Gran::Century if !YEARS.contains(&s.year()) => None,
            Gran::Decade => Some(TV::Decade(u32::try_from(s.year().div_euclid(10)).ok()?)),
            Gran::Century => Some(TV::Century(u32::try_from(s.year().div_euclid(100)).ok()?)),
        }
    }

    /// Shift by `n` units, keeping this period's granularity.
    pub(super) fn shift(&self, n: i64, unit: Unit) -> Option<Period> {
        let d = self.start;
        let months = |k: i64| -> Option<NaiveDate> {
            let k32 = u32::try_from(k.unsigned_abs()).ok()?;
            if k >= 0 {
                d.checked_add_months(Months::new(k32))
            } else {
                d.checked_sub_months(Months::new(k32))
            }
        };
        let days = |k: i64| d.checked_add_signed(Duration::try_days(k)?);
        let nd = match unit {
            Unit::Second | Unit::Minute | Unit::Hour => days(0)?,
            Unit::Day => days(n)?,
            Unit::Week | Unit::Weekend => days(n.checked_mul(7)?)?,
            Unit::Fortnight => days(n.checked_mul(14)?)?,
            Unit::Month => months(n)?,
            Unit::Quarter => months(n.checked_mul(3)?)?,
            Unit::Year => months(n.checked_mul(12)?)?,
            Unit::Decade => months(n.checked_mul(120)?)?,
            Unit::Century => months(n.checked_mul(1200)?)?,
        };
        Period::of(nd, self.gran)
    }
}

pub(super) fn unit_gran(u: Unit) -> Gran {
    match u {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => Gran::Day,
        Unit::Week | Unit::Fortnight => Gran::Week,
        Unit::Weekend => Gran::Weekend,
        Unit::Month => Gran::Month,
        Unit::Quarter => Gran::Quarter,
        Unit::Year => Gran::Year,
        Unit::Decade => Gran::Decade,
        Unit::Century => Gran::Century,
    }
}

/// Sizes of periods, smallest first.
pub(super) fn gran_rank(g: Gran) -> u8 {
    match g {
        Gran::Day => 0,
        Gran::Week | Gran::Weekend => 1,
        Gran::Month => 2,
        Gran::Quarter | Gran::Half | Gran::Season(_) => 3,
        Gran::Year => 4,
        Gran::Decade => 5,
        Gran::Century => 6,
    }
}

/// A coarser period that still counts in `unit`: a year from a quarter, half
/// or season keeps its size ("a year earlier" after "the third quarter").
pub(super) fn coarse_ok(g: Gran, unit: Unit) -> bool {
    matches!((g, unit), (Gran::Quarter | Gran::Half | Gran::Season(_), Unit::Year))
}

/// The underspecified value of a period of this size.
pub(super) fn underspecified_of(g: Gran) -> TV {
    match g {
        Gran::Day => unknown_day(),
        Gran::Week | Gran::Weekend => week(None, None, None),
        Gran::Month => date(None, Some(None), None),
        _ => date(None, None, None),
    }
}

/// The granularity of a date counted in units: "a decade ago" is a year.
pub(super) fn shift_gran(u: Unit) -> Gran {
    match u {
        Unit::Decade | Unit::Century => Gran::Year,
        u => unit_gran(u),
    }
}

/// A value's unit of unit `u`, and how many of it one `u` is.
fn unit_code(u: Unit) -> (time::Unit, u64) {
    match u {
        Unit::Second => (time::Unit::Second, 1),
        Unit::Minute => (time::Unit::Minute, 1),
        Unit::Hour => (time::Unit::Hour, 1),
        Unit::Day => (time::Unit::Day, 1),
        Unit::Week => (time::Unit::Week, 1),
        Unit::Weekend => (time::Unit::Weekend, 1),
        Unit::Fortnight => (time::Unit::Week, 2),
        Unit::Month => (time::Unit::Month, 1),
        Unit::Quarter => (time::Unit::Quarter, 1),
        Unit::Year => (time::Unit::Year, 1),
        Unit::Decade => (time::Unit::Year, 10),
        Unit::Century => (time::Unit::Year, 100),
    }
}

/// The duration of `a` units `u` ("three and a half years": `P3Y6M`).
pub(super) fn duration_value(a: Amount, u: Unit) -> TV {
    let (unit, mult) = unit_code(u);
    let Some(n) = a.n else {
        return TV::Duration(time::Duration {
            parts: vec![(Qty::Unknown, unit)],
        });
    };
    // (amounts are at most `grammar::MAX_AMOUNT` centuries: exact in an f64)
    let mut parts = vec![(Qty::Number(n.saturating_mul(mult) as f64), unit)];
    if a.half {
        let extra = match u {
            Unit::Year => Some((6.0, time::Unit::Month)),
            Unit::Month => Some((15.0, time::Unit::Day)),
            Unit::Day => Some((12.0, time::Unit::Hour)),
            Unit::Hour => Some((30.0, time::Unit::Minute)),
            Unit::Minute => Some((30.0, time::Unit::Second)),
            _ => None,
        };
        parts.extend(extra.map(|(n, u)| (Qty::Number(n), u)));
    }
    TV::Duration(time::Duration { parts })
}

pub(super) fn part_of(p: DayPart) -> PartOfDay {
    match p {
        DayPart::Morning => PartOfDay::Morning,
        DayPart::Afternoon => PartOfDay::Afternoon,
        DayPart::Evening => PartOfDay::Evening,
        DayPart::Night => PartOfDay::Night,
    }
}

pub(super) fn nth_weekday(y: i32, m: u32, n: u32, w: Weekday) -> Option<NaiveDate> {
    if n >= 5 {
        let last = if m == 12 { ymd(y + 1, 1, 1)? } else { ymd(y, m + 1, 1)? }.pred_opt()?;
        let back = (7 + last.weekday().num_days_from_monday() - w.num_days_from_monday()) % 7;
        return last.checked_sub_signed(Duration::days(i64::from(back)));
    }
    NaiveDate::from_weekday_of_month_opt(y, m, w, u8::try_from(n).ok()?)
}

/// The period of a target within year `y`.
pub(super) fn target_in_year(t: Target, y: i32) -> Option<Period> {
    Some(match t {
        Target::Month(m) => Period {
            start: ymd(y, m, 1)?,
            gran: Gran::Month,
        },
        Target::MonthDay(m, d) => Period {
            start: ymd(y, m, d)?,
            gran: Gran::Day,
        },
        Target::Season(s) => Period {
            start: ymd(y, season_start_month(s), 1)?,
            gran: Gran::Season(s),
        },
        Target::Quarter(q) => Period {
            start: ymd(y, (q - 1) * 3 + 1, 1)?,
            gran: Gran::Quarter,
        },
        Target::Half(h) => Period {
            start: ymd(y, (h - 1) * 6 + 1, 1)?,
            gran: Gran::Half,
        },
        Target::Holiday(Holiday::Fixed(m, d)) => Period {
            start: ymd(y, m, d)?,
            gran: Gran::Day,
        },
        Target::Holiday(Holiday::NthWeekday(m, n, w)) => Period {
            start: nth_weekday(y, m, n, w)?,
            gran: Gran::Day,
        },
        Target::Weekday(_) => return None,
    })
}

/// The value of a target with its year unknown (`XXXX-02-04`, `XXXX-WXX-5`).
pub(super) fn underspecified(t: Target) -> TV {
    let month = |m: u32| date(None, Some(Some(m)), None);
    match t {
        Target::Weekday(w) => unknown_weekday(w),
        Target::Month(m) | Target::Holiday(Holiday::NthWeekday(m, _, _)) => month(m),
        Target::MonthDay(m, d) | Target::Holiday(Holiday::Fixed(m, d)) => date(None, Some(Some(m)), Some(Some(d))),
        Target::Season(s) => TV::Season {
            year: None,
            season: season_of(s),
        },
        Target::Quarter(q) => TV::Quarter { year: None, n: Some(q) },
        Target::Half(h) => TV::Half { year: None, n: h },
    }
}

pub(super) fn ref_value(k: RefKind) -> TV {
    TV::Ref(match k {
        RefKind::Present => Ref::Present,
        RefKind::Past => Ref::Past,
        RefKind::Future => Ref::Future,
    })
}

/// The value of the period `offset` units `unit` from an unknown anchor
/// ("today": `PRESENT_REF`, "next week": `XXXX-WXX`).
pub(super) fn rel_underspecified(unit: Unit, offset: i32) -> TV {
    if offset == 0 && unit == Unit::Day {
        return TV::Ref(Ref::Present);
    }
    match unit_gran(unit) {
        Gran::Day => unknown_day(),
        Gran::Week => week(None, None, None),
        Gran::Weekend => week(None, None, Some(WeekPart::Weekend)),
        Gran::Month => date(None, Some(None), None),
        Gran::Quarter => TV::Quarter { year: None, n: None },
        _ => date(None, None, None),
    }
}
