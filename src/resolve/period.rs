//! Calendar periods (a day, a week, a quarter, a decade …) and the TIMEX3
//! values written for them, stated or underspecified.

use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};

use crate::grammar::{Amount, DayPart, Holiday, RefKind, Season, Target, Unit};
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

/// The year of a value: `YYYY`, or `BCnnnn` for a year before 1 AD.
/// DIFFERENCE: TIMEX3 has no standard BC form; this is the TIMEX2 `BCnnnn`
/// (1 BC = year 0).
#[derive(Clone, Copy)]
struct YearField(i32);

impl YearField {
    /// `None` when the four digits cannot hold year `y` ([`YEARS`]).
    fn of(y: i32) -> Option<YearField> {
        let digits = if y <= 0 { 1i32.checked_sub(y)? } else { y };
        YEARS.contains(&digits).then_some(YearField(y))
    }
}

impl std::fmt::Display for YearField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            y if y <= 0 => write!(f, "BC{:04}", 1 - y),
            y => write!(f, "{y:04}"),
        }
    }
}

pub(super) fn season_code(s: Season) -> &'static str {
    match s {
        Season::Spring => "SP",
        Season::Summer => "SU",
        Season::Fall => "FA",
        Season::Winter => "WI",
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

    /// The TIMEX3 value of this period: the one place a resolved period is
    /// written. A year before 1 AD is written `BCnnnn` (the TIMEX2 form
    /// WikiWars uses: `BC0481-SU`), at every size but decades and centuries.
    /// `None` when the year has no four digits ([`YEARS`]): "tomorrow" said
    /// on 9999-12-31, "99999 years after" — the mention is then dropped and
    /// reported as out of range.
    pub(super) fn value(&self) -> Option<String> {
        let s = self.start;
        let year = YearField::of(s.year());
        Some(match self.gran {
            Gran::Day => format!("{}-{:02}-{:02}", year?, s.month(), s.day()),
            Gran::Week => {
                let w = s.iso_week();
                format!("{}-W{:02}", YearField::of(w.year())?, w.week())
            }
            Gran::Weekend => {
                let w = s.iso_week();
                format!("{}-W{:02}-WE", YearField::of(w.year())?, w.week())
            }
            Gran::Month => format!("{}-{:02}", year?, s.month()),
            Gran::Quarter => format!("{}-Q{}", year?, (s.month() - 1) / 3 + 1),
            Gran::Half => format!("{}-H{}", year?, (s.month() - 1) / 6 + 1),
            Gran::Season(se) => format!("{}-{}", year?, season_code(se)),
            Gran::Year => year?.to_string(),
            // (no BC form: a decade or century before 1 AD has no value)
            Gran::Decade if YEARS.contains(&s.year()) => format!("{:03}", s.year().div_euclid(10)),
            Gran::Century if YEARS.contains(&s.year()) => format!("{:02}", s.year().div_euclid(100)),
            Gran::Decade | Gran::Century => return None,
        })
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
pub(super) fn underspecified_of(g: Gran) -> &'static str {
    match g {
        Gran::Day => "XXXX-XX-XX",
        Gran::Week | Gran::Weekend => "XXXX-WXX",
        Gran::Month => "XXXX-XX",
        _ => "XXXX",
    }
}

/// The granularity of a date counted in units: "a decade ago" is a year.
pub(super) fn shift_gran(u: Unit) -> Gran {
    match u {
        Unit::Decade | Unit::Century => Gran::Year,
        u => unit_gran(u),
    }
}

pub(super) fn unit_code(u: Unit) -> (&'static str, u64, bool) {
    // (letter, multiplier, time part)
    match u {
        Unit::Second => ("S", 1, true),
        Unit::Minute => ("M", 1, true),
        Unit::Hour => ("H", 1, true),
        Unit::Day => ("D", 1, false),
        Unit::Week => ("W", 1, false),
        Unit::Weekend => ("WE", 1, false),
        Unit::Fortnight => ("W", 2, false),
        Unit::Month => ("M", 1, false),
        Unit::Quarter => ("Q", 1, false),
        Unit::Year => ("Y", 1, false),
        Unit::Decade => ("Y", 10, false),
        Unit::Century => ("Y", 100, false),
    }
}

pub(super) fn duration_value(a: Amount, u: Unit) -> String {
    let (c, mult, time) = unit_code(u);
    let t = if time { "T" } else { "" };
    let Some(n) = a.n else {
        return format!("P{t}X{c}");
    };
    let n = n.saturating_mul(mult);
    if a.half {
        let extra = match u {
            Unit::Year => "6M",
            Unit::Month => "15D",
            Unit::Day => "T12H",
            Unit::Hour => "30M",
            Unit::Minute => "30S",
            _ => "",
        };
        return format!("P{t}{n}{c}{extra}");
    }
    format!("P{t}{n}{c}")
}

pub(super) fn weekday_num(w: Weekday) -> u32 {
    w.number_from_monday()
}

pub(super) fn part_code(p: DayPart) -> &'static str {
    match p {
        DayPart::Morning => "MO",
        DayPart::Afternoon => "AF",
        DayPart::Evening => "EV",
        DayPart::Night => "NI",
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

pub(super) fn underspecified(t: Target) -> String {
    match t {
        Target::Weekday(w) => format!("XXXX-WXX-{}", weekday_num(w)),
        Target::Month(m) => format!("XXXX-{m:02}"),
        Target::MonthDay(m, d) => format!("XXXX-{m:02}-{d:02}"),
        Target::Season(s) => format!("XXXX-{}", season_code(s)),
        Target::Quarter(q) => format!("XXXX-Q{q}"),
        Target::Half(h) => format!("XXXX-H{h}"),
        Target::Holiday(Holiday::Fixed(m, d)) => format!("XXXX-{m:02}-{d:02}"),
        Target::Holiday(Holiday::NthWeekday(m, _, _)) => format!("XXXX-{m:02}"),
    }
}

pub(super) fn ref_value(k: RefKind) -> &'static str {
    match k {
        RefKind::Present => "PRESENT_REF",
        RefKind::Past => "PAST_REF",
        RefKind::Future => "FUTURE_REF",
    }
}

pub(super) fn rel_underspecified(unit: Unit, offset: i32) -> String {
    if offset == 0 && unit == Unit::Day {
        return "PRESENT_REF".into();
    }
    match unit_gran(unit) {
        Gran::Day => "XXXX-XX-XX".into(),
        Gran::Week => "XXXX-WXX".into(),
        Gran::Weekend => "XXXX-WXX-WE".into(),
        Gran::Month => "XXXX-XX".into(),
        Gran::Quarter => "XXXX-QX".into(),
        _ => "XXXX".into(),
    }
}
