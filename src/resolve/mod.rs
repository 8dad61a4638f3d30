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

use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};

use crate::grammar::{
    lexicons, AgainYear, Amount, DayPart, Dir, Expr, Holiday, Origin, RefKind, Season, Target, TenseCue, Unit,
};
use crate::tag::Mention;
use crate::timex::{Timex, TimexMod, TimexType};

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

/// The granularity of a resolved calendar period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gran {
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
struct Period {
    start: NaiveDate,
    gran: Gran,
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn season_code(s: Season) -> &'static str {
    match s {
        Season::Spring => "SP",
        Season::Summer => "SU",
        Season::Fall => "FA",
        Season::Winter => "WI",
    }
}

fn season_start_month(s: Season) -> u32 {
    match s {
        Season::Spring => 3,
        Season::Summer => 6,
        Season::Fall => 9,
        Season::Winter => 12,
    }
}

impl Period {
    fn of(d: NaiveDate, gran: Gran) -> Option<Period> {
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
    fn end(&self) -> Option<NaiveDate> {
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

    fn value(&self) -> String {
        let s = self.start;
        match self.gran {
            Gran::Day => format!("{:04}-{:02}-{:02}", s.year(), s.month(), s.day()),
            Gran::Week => {
                let w = s.iso_week();
                format!("{:04}-W{:02}", w.year(), w.week())
            }
            Gran::Weekend => {
                let w = s.iso_week();
                format!("{:04}-W{:02}-WE", w.year(), w.week())
            }
            Gran::Month => format!("{:04}-{:02}", s.year(), s.month()),
            Gran::Quarter => format!("{:04}-Q{}", s.year(), (s.month() - 1) / 3 + 1),
            Gran::Half => format!("{:04}-H{}", s.year(), (s.month() - 1) / 6 + 1),
            Gran::Season(se) => format!("{:04}-{}", s.year(), season_code(se)),
            // DIFFERENCE: TIMEX3 has no standard BC form; this is the TIMEX2 `BCnnnn` (1 BC = year 0)
            Gran::Year if s.year() <= 0 => format!("BC{:04}", 1 - s.year()),
            Gran::Year => format!("{:04}", s.year()),
            Gran::Decade => format!("{:03}", s.year().div_euclid(10)),
            Gran::Century => format!("{:02}", s.year().div_euclid(100)),
        }
    }

    /// Shift by `n` units, keeping this period's granularity.
    fn shift(&self, n: i64, unit: Unit) -> Option<Period> {
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

fn unit_gran(u: Unit) -> Gran {
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

/// The granularity of a date counted in units: "a decade ago" is a year.
/// Sizes of periods, smallest first.
fn gran_rank(g: Gran) -> u8 {
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
fn coarse_ok(g: Gran, unit: Unit) -> bool {
    matches!((g, unit), (Gran::Quarter | Gran::Half | Gran::Season(_), Unit::Year))
}

/// The underspecified value of a period of this size.
fn underspecified_of(g: Gran) -> &'static str {
    match g {
        Gran::Day => "XXXX-XX-XX",
        Gran::Week | Gran::Weekend => "XXXX-WXX",
        Gran::Month => "XXXX-XX",
        _ => "XXXX",
    }
}

fn shift_gran(u: Unit) -> Gran {
    match u {
        Unit::Decade | Unit::Century => Gran::Year,
        u => unit_gran(u),
    }
}

fn unit_code(u: Unit) -> (&'static str, u64, bool) {
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

fn duration_value(a: Amount, u: Unit) -> String {
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

fn weekday_num(w: Weekday) -> u32 {
    w.number_from_monday()
}

fn part_code(p: DayPart) -> &'static str {
    match p {
        DayPart::Morning => "MO",
        DayPart::Afternoon => "AF",
        DayPart::Evening => "EV",
        DayPart::Night => "NI",
    }
}

/// What the resolver knows while it walks one document.
#[derive(Debug, Clone, Copy)]
struct Env {
    /// The anchor day (None: unknown).
    anchor: Option<NaiveDate>,
    /// The last date mentioned.
    reference: Option<Period>,
    /// Both ends of the last date mentioned when it was a range.
    range: Option<(Period, Period)>,
    tense: Tense,
    /// A history rather than news (see `is_narrative`).
    narrative: bool,
}

/// One resolution outcome (before it is turned into a Timex).
#[derive(Debug, Clone)]
struct Out {
    kind: TimexType,
    value: String,
    modifier: Option<TimexMod>,
    period: Option<Period>,
    /// The last period of an interval value ("2023-09/2023-11"), when there is one.
    until: Option<Period>,
    why: String,
}

impl Out {
    fn date(p: Period, why: impl Into<String>) -> Out {
        Out {
            kind: TimexType::Date,
            value: p.value(),
            modifier: None,
            period: Some(p),
            until: None,
            why: why.into(),
        }
    }
    fn plain(kind: TimexType, value: String, why: impl Into<String>) -> Out {
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

fn nth_weekday(y: i32, m: u32, n: u32, w: Weekday) -> Option<NaiveDate> {
    if n >= 5 {
        let last = if m == 12 { ymd(y + 1, 1, 1)? } else { ymd(y, m + 1, 1)? }.pred_opt()?;
        let back = (7 + last.weekday().num_days_from_monday() - w.num_days_from_monday()) % 7;
        return last.checked_sub_signed(Duration::days(i64::from(back)));
    }
    NaiveDate::from_weekday_of_month_opt(y, m, w, u8::try_from(n).ok()?)
}

/// The period of a target within year `y`.
fn target_in_year(t: Target, y: i32) -> Option<Period> {
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

fn underspecified(t: Target) -> String {
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

/// With no tense cue, a year-less date ahead of the anchor is taken only when it
/// lies at most this many days ahead: news mostly reports what happened, and the
/// dates it announces ahead (meetings, deadlines, record dates) are near.
const AHEAD_DAYS: i64 = 60;

/// Pick among yearly candidates by direction: candidates are this target in years y-1, y, y+1.
fn nearest_yearly(t: Target, a: NaiveDate, dir: Dir, tense: Tense) -> Option<(Period, String)> {
    let y = a.year();
    let cands: Vec<Period> = [y - 1, y, y + 1]
        .iter()
        .filter_map(|&yy| target_in_year(t, yy))
        .collect();
    let contains = |p: &Period| p.start <= a && p.end().is_some_and(|e| e >= a);
    let before: Option<&Period> = cands.iter().rfind(|p| p.start <= a);
    let after_incl: Option<&Period> = cands.iter().find(|p| p.end().is_some_and(|e| e >= a));
    match dir {
        Dir::This => target_in_year(t, y).map(|p| (p, "this: in the anchor's year".into())),
        Dir::Last => cands
            .iter()
            .rfind(|p| p.end().is_some_and(|e| e < a))
            .map(|p| (*p, "last: the most recent one before the anchor".into())),
        Dir::Next => cands
            .iter()
            .find(|p| p.start > a)
            .map(|p| (*p, "next: the first one after the anchor".into())),
        Dir::Tense => match tense {
            Tense::Past => before.map(|p| (*p, "past tense: the most recent one on or before the anchor".into())),
            Tense::Future => after_incl.map(|p| (*p, "future tense: the next one on or after the anchor".into())),
            Tense::Present | Tense::Unknown | Tense::Target => {
                if let Some(p) = cands.iter().find(|p| contains(p)) {
                    return Some((*p, "no tense cue: the one containing the anchor".into()));
                }
                let dist = |p: &Period| -> i64 {
                    if p.start > a {
                        (p.start - a).num_days()
                    } else {
                        (a - p.end().unwrap_or(p.start)).num_days()
                    }
                };
                let b = cands.iter().rfind(|p| p.start <= a);
                let f = cands.iter().find(|p| p.start > a);
                let head = if tense == Tense::Target {
                    "a target or deadline"
                } else {
                    "no tense cue"
                };
                match (b, f) {
                    // news reports the past: a later one wins only when it is both
                    // nearer and close ahead (an announced date, a deadline)
                    (Some(b), Some(f)) if dist(f) < dist(b) && (dist(f) <= AHEAD_DAYS || tense == Tense::Target) => {
                        Some((*f, format!("{head}: the nearest one (after the anchor)")))
                    }
                    (Some(b), _) => Some((*b, format!("{head}: the nearest one (before the anchor)"))),
                    (None, Some(f)) => Some((*f, format!("{head}: the nearest one"))),
                    _ => None,
                }
            }
        },
    }
}

fn nearest_weekday(w: Weekday, a: NaiveDate, dir: Dir, tense: Tense) -> Option<(Period, String)> {
    let aw = i64::from(a.weekday().num_days_from_monday());
    let ww = i64::from(w.num_days_from_monday());
    let back = (aw - ww).rem_euclid(7); // days back to the one on or before
    let fwd = (ww - aw).rem_euclid(7); // days forward to the one on or after
    let day = |k: i64| {
        a.checked_add_signed(Duration::days(k)).map(|d| Period {
            start: d,
            gran: Gran::Day,
        })
    };
    match dir {
        Dir::This => day(ww - aw).map(|p| (p, "this: in the anchor's week".into())),
        Dir::Last => day(-(if back == 0 { 7 } else { back })).map(|p| (p, "last: the one before the anchor".into())),
        Dir::Next => day(if fwd == 0 { 7 } else { fwd }).map(|p| (p, "next: the one after the anchor".into())),
        Dir::Tense => match tense {
            Tense::Past => day(-back).map(|p| (p, "past tense: the most recent one on or before the anchor".into())),
            Tense::Future => day(fwd).map(|p| (p, "future tense: the next one on or after the anchor".into())),
            // a target: the nearer one, a later one on a tie
            Tense::Target => {
                let k = if fwd <= back { fwd } else { -back };
                day(k).map(|p| (p, "a target or deadline: the nearest one".into()))
            }
            // news reports what happened: a weekday with no cue is the most recent one
            _ => day(-back).map(|p| (p, "no tense cue: the most recent one (news reports the past)".into())),
        },
    }
}

/// Narrative text: year-less dates take the year of the date mentioned before.
/// A future clause ("will visit in July") points from the writer's present,
/// not from the story's past.
/// Can a date of this size be the one a history is at (not a decade, a century
/// or a half year)?
fn story_gran(g: Gran) -> bool {
    matches!(
        g,
        Gran::Day | Gran::Week | Gran::Weekend | Gran::Month | Gran::Year | Gran::Season(_) | Gran::Quarter
    )
}

fn narrative_year(env: &Env) -> Option<i32> {
    if !env.narrative || env.tense == Tense::Future {
        return None;
    }
    let r = env.reference?;
    if !story_gran(r.gran) {
        return None;
    }
    Some(r.start.year())
}

/// Does this expression point from the moment of writing ("yesterday", "on
/// Wednesday", "last week", "two days ago")? News is full of them; a history has few.
fn deictic(e: &Expr) -> bool {
    match e {
        Expr::Nearest {
            target: Target::Weekday(_),
            ..
        } => true,
        Expr::Nearest { dir, .. } => *dir != Dir::Tense,
        Expr::RelUnit { .. } => true,
        Expr::Shift {
            origin: Origin::Anchor, ..
        } => true,
        Expr::Part { day: Some(d), .. } | Expr::Time { day: Some(d), .. } => deictic(d),
        Expr::Mod { inner, .. } => deictic(inner),
        _ => false,
    }
}

/// Without an anchor, a text stating at least this many years is read as a history.
const NARRATIVE_YEARS: usize = 3;

/// The year a date or a range's start states outright.
fn stated_year(e: &Expr) -> Option<i32> {
    match e {
        Expr::Date { year, .. } => Some(*year),
        Expr::Range { first, .. } => match first.as_ref() {
            Expr::Date { year, .. } => Some(*year),
            _ => None,
        },
        _ => None,
    }
}

/// Is this document a narrative (a history) rather than news? Yes when, with
/// no anchor, it states at least three years, or when most years it states lie more than two years before the
/// anchor's and it hardly ever points from the moment of writing.
fn is_narrative(mentions: &[Mention], anchor: Option<NaiveDate>) -> bool {
    let (mut far, mut near) = (0usize, 0usize);
    let pointing = mentions.iter().filter(|m| deictic(&m.expr)).count();
    if pointing * 10 > mentions.len() {
        return false;
    }
    // no anchor: a history states years, a news article with one year in a
    // list of past disasters is not one
    let Some(a) = anchor else {
        let years = mentions.iter().filter(|m| stated_year(&m.expr).is_some()).count();
        return years >= NARRATIVE_YEARS;
    };
    for m in mentions {
        let Some(y) = stated_year(&m.expr) else { continue };
        if a.year() - y > 2 {
            far += 1;
        } else {
            near += 1;
        }
    }
    far >= 3 && far > 2 * near
}

fn eval(e: &Expr, env: &Env) -> Option<Out> {
    match e {
        Expr::Date { year, month, day } => {
            let p = match (month, day) {
                (Some(m), Some(d)) => Period {
                    start: ymd(*year, *m, *d)?,
                    gran: Gran::Day,
                },
                (Some(m), None) => Period {
                    start: ymd(*year, *m, 1)?,
                    gran: Gran::Month,
                },
                _ => Period {
                    start: ymd(*year, 1, 1)?,
                    gran: Gran::Year,
                },
            };
            Some(Out::date(p, "explicit date"))
        }
        Expr::Decade(d) => Some(Out::date(
            Period {
                start: ymd(d.checked_mul(10)?, 1, 1)?,
                gran: Gran::Decade,
            },
            "explicit decade",
        )),
        Expr::Century(c) => Some(Out::date(
            Period {
                start: ymd(c.checked_mul(100)?, 1, 1)?,
                gran: Gran::Century,
            },
            "explicit century",
        )),
        Expr::Nearest { target, dir } => {
            if let (Some(y), Dir::Tense) = (narrative_year(env), dir) {
                if let Some(p) = target_in_year(*target, y) {
                    return Some(Out::date(p, "narrative: the year of the date mentioned before"));
                }
            }
            // in a history, "the previous April" and "next spring" count from the date
            // under discussion, not from the moment of writing (a weekday only from a
            // day); a future clause ("the museum will reopen in July") still speaks of
            // the time of writing
            let future_clause = *dir == Dir::Tense && env.tense == Tense::Future;
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
                    underspecified(*target),
                    "no anchor: year unknown",
                ));
            };
            let (p, why) = match target {
                Target::Weekday(w) => nearest_weekday(*w, a, *dir, env.tense)?,
                _ => nearest_yearly(*target, a, *dir, env.tense)?,
            };
            if story.is_some() {
                return Some(Out::date(
                    p,
                    format!("narrative, from the date mentioned before: {why}"),
                ));
            }
            Some(Out::date(p, why))
        }
        Expr::In { target, year } => {
            let y = eval(year, env)?;
            let Some(yp) = y.period else {
                return Some(Out::plain(TimexType::Date, underspecified(*target), y.why));
            };
            let p = target_in_year(*target, yp.start.year())?;
            Some(Out::date(p, format!("in the year of: {}", y.why)))
        }
        Expr::RelUnit { unit, offset } => {
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
                    rel_underspecified(*unit, *offset),
                    "no anchor",
                ));
            };
            let mut p = Period::of(a, unit_gran(*unit))?.shift(i64::from(*offset), *unit)?;
            if *unit == Unit::Weekend {
                // "next weekend" on a Monday is the coming one, not the one after;
                // "last weekend" is the one just past (seed 001: 2025-02-10 → 2025-W07-WE)
                let this = Period::of(a, Gran::Weekend)?;
                p = match offset {
                    o if *o > 0 && a < this.start => this,
                    o if *o < 0 && a > this.end()? => this,
                    // "the weekend" in a past clause, said on a weekday: the one just past;
                    // with no cue the nearer one, the past one on a tie ("said over the
                    // weekend" on a Monday is the one two days before)
                    0 if a < this.start
                        && (env.tense == Tense::Past
                            || (env.tense == Tense::Unknown
                                && (a - p.shift(-1, Unit::Week)?.end()?).num_days()
                                    <= (this.start - a).num_days())) =>
                    {
                        p.shift(-1, Unit::Week)?
                    }
                    _ => p,
                };
            }
            let why = match offset {
                0 => "the anchor's period",
                o if *o < 0 => "the period before the anchor's",
                _ => "the period after the anchor's",
            };
            Some(Out::date(p, why))
        }
        Expr::Shift {
            amount,
            unit,
            sign,
            origin,
        } => {
            let Some(n) = amount.n else {
                let k = if *sign < 0 { RefKind::Past } else { RefKind::Future };
                return Some(Out::plain(TimexType::Date, ref_value(k).into(), "vague amount"));
            };
            let n = i64::try_from(n).ok()?.checked_mul(i64::from(*sign))?;
            // "a year ago" while a quarter is under discussion is that quarter a year back
            let origin = match (origin, unit, env.reference) {
                (Origin::Anchor, Unit::Year, Some(r)) if matches!(r.gran, Gran::Quarter) => &Origin::Reference,
                _ => origin,
            };
            let (base, why) = match origin {
                Origin::Anchor => (
                    env.anchor.and_then(|a| Period::of(a, shift_gran(*unit))),
                    "counted from the anchor",
                ),
                Origin::Comparison { quarter } => {
                    let a = env.anchor;
                    let gran = |r: &Period| match r.gran {
                        _ if *quarter => Gran::Quarter,
                        Gran::Quarter | Gran::Half | Gran::Season(_) => r.gran,
                        _ => Gran::Year,
                    };
                    // the period under report is the date mentioned before, brought to
                    // the latest such period that has begun by the anchor and ended at
                    // most half a year before it: after "the 1988 period", "the year-ago
                    // results" are 1988 again, not 1987; after "the third quarter of
                    // 1990", "the year-ago period" is 1988-Q3
                    let base = match (env.reference, a) {
                        (Some(r), Some(a)) => {
                            let mut p = Period::of(r.start, gran(&r));
                            let mut guard = 0;
                            while let Some(q) = p.filter(|q| q.start > a && guard < 200) {
                                p = q.shift(-1, Unit::Year);
                                guard += 1;
                            }
                            let recent = a.checked_sub_signed(Duration::days(183));
                            while let Some(q) =
                                p.filter(|q| guard < 200 && q.end().is_some_and(|e| recent.is_some_and(|r| e < r)))
                            {
                                p = q.shift(1, Unit::Year);
                                guard += 1;
                            }
                            p
                        }
                        (Some(r), None) => Period::of(r.start, gran(&r)),
                        (None, Some(a)) => Period::of(a, if *quarter { Gran::Quarter } else { Gran::Year }),
                        (None, None) => None,
                    };
                    (base, "a year before the period under report")
                }
                Origin::Reference => match env.reference {
                    // "the next day" after "the 20th century" or "In March": the date
                    // before is too coarse to count days from
                    Some(r) if gran_rank(r.gran) > gran_rank(shift_gran(*unit)) && !coarse_ok(r.gran, *unit) => {
                        return Some(Out::plain(
                            TimexType::Date,
                            underspecified_of(shift_gran(*unit)).into(),
                            "the date mentioned before is too coarse to count from",
                        ));
                    }
                    Some(r) => {
                        // a year from a quarter stays a quarter ("a year earlier" after "the third quarter")
                        let g = if coarse_ok(r.gran, *unit) {
                            r.gran
                        } else {
                            shift_gran(*unit)
                        };
                        (Period::of(r.start, g), "counted from the date mentioned before")
                    }
                    None => (
                        env.anchor.and_then(|a| Period::of(a, shift_gran(*unit))),
                        "no date mentioned before: counted from the anchor",
                    ),
                },
            };
            let Some(base) = base else {
                return Some(Out::plain(TimexType::Date, "XXXX-XX-XX".into(), "no anchor"));
            };
            let p = base.shift(n, *unit)?;
            Some(Out::date(p, why))
        }
        Expr::Time {
            day,
            hour,
            minute,
            zone,
        } => {
            // a clock time with no day is on the day under discussion ("On Friday …
            // at 10:35 a.m."), when that is a day within a week of the anchor
            // (in a history, whenever that day is)
            let recent_day = match (env.reference, env.anchor) {
                (Some(r), _) if r.gran == Gran::Day && env.narrative => Some(r),
                (Some(r), Some(a)) if r.gran == Gran::Day && (a - r.start).num_days().abs() <= 7 => Some(r),
                _ => None,
            };
            let d = match (day, recent_day) {
                (Some(d), _) => eval(d, env)?,
                (None, Some(r)) => Out::date(r, "the day mentioned before"),
                (None, None) if env.narrative => Out::plain(
                    TimexType::Date,
                    "XXXX-XX-XX".into(),
                    "a history: not the day of writing",
                ),
                (None, None) => match env.anchor {
                    Some(a) => Out::date(
                        Period {
                            start: a,
                            gran: Gran::Day,
                        },
                        "the anchor's day",
                    ),
                    None => Out::plain(TimexType::Date, "XXXX-XX-XX".into(), "no anchor"),
                },
            };
            let date = match d.period {
                Some(p) if p.gran == Gran::Day => p.value(),
                _ => d.value.clone(),
            };
            let mut why = d.why;
            if let Some(z) = zone {
                why.push_str(&format!("; time zone {z}"));
            }
            Some(Out {
                kind: TimexType::Time,
                value: format!("{date}T{hour:02}:{minute:02}"),
                modifier: None,
                period: d.period,
                until: None,
                why,
            })
        }
        Expr::Part { day, part } => {
            let d = match day {
                Some(d) => eval(d, env)?,
                None => match env.anchor {
                    Some(a) => Out::date(
                        Period {
                            start: a,
                            gran: Gran::Day,
                        },
                        "the anchor's day",
                    ),
                    None => Out::plain(TimexType::Date, "XXXX-XX-XX".into(), "no anchor"),
                },
            };
            Some(Out {
                kind: TimexType::Time,
                value: format!("{}T{}", d.value, part_code(*part)),
                modifier: None,
                period: d.period,
                until: None,
                why: d.why,
            })
        }
        Expr::Duration { amount, unit } => Some(Out::plain(
            TimexType::Duration,
            duration_value(*amount, *unit),
            "an amount of time",
        )),
        Expr::Ref(k) => Some(Out::plain(TimexType::Date, ref_value(*k).into(), "a vague reference")),
        Expr::Nth { n, unit, of } => {
            let day = |d: NaiveDate| Period {
                start: d,
                gran: Gran::Day,
            };
            let (first, last, why) = match of {
                Some(inner) => {
                    let o = eval(inner, env)?;
                    let Some(p) = o.period else {
                        let v = if *unit == Unit::Week { "XXXX-WXX" } else { "XXXX-XX-XX" };
                        return Some(Out::plain(TimexType::Date, v.into(), o.why));
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
                            "XXXX-XX-XX".into(),
                            "a day of something not dated before",
                        ))
                    }
                },
            };
            let len = if *unit == Unit::Week { 7 } else { 1 };
            let (s, e) = if *n < 0 {
                (last.checked_sub_signed(Duration::days(len - 1))?.max(first), last)
            } else {
                let k = i64::from(*n).checked_sub(1)?.checked_mul(len)?;
                let s = first.checked_add_signed(Duration::try_days(k)?)?;
                (s, s.checked_add_signed(Duration::days(len - 1))?.min(last))
            };
            if s > last {
                // "the fifth day" of a two-day range: not inside it
                return if of.is_none() {
                    Some(Out::plain(
                        TimexType::Date,
                        "XXXX-XX-XX".into(),
                        "past the end of the range mentioned before",
                    ))
                } else {
                    None
                };
            }
            if s == e {
                return Some(Out::date(day(s), why));
            }
            Some(Out {
                kind: TimexType::Date,
                value: format!("{}/{}", day(s).value(), day(e).value()),
                modifier: None,
                period: Some(day(s)),
                until: Some(day(e)),
                why,
            })
        }
        Expr::Again { size, year } => {
            let moved = |p: Period| match year {
                AgainYear::Back(n) => p.shift(-i64::from(*n), Unit::Year),
                AgainYear::In(y) => p.shift(i64::from(*y) - i64::from(p.start.year()), Unit::Year),
            };
            if let (None, Some((a, b))) = (size, env.range) {
                let (a, b) = (moved(a)?, moved(b)?);
                return Some(Out {
                    kind: TimexType::Date,
                    value: format!("{}/{}", a.value(), b.value()),
                    modifier: None,
                    period: Some(a),
                    until: Some(b),
                    why: "the range mentioned before, in another year".into(),
                });
            }
            let (base, why) = match (env.reference, size) {
                (Some(r), None) => (Some(r), "the period mentioned before, in another year"),
                (Some(r), Some(u)) => (
                    Period::of(r.start, unit_gran(*u)),
                    "the period mentioned before, in another year",
                ),
                (None, Some(u)) => (
                    env.anchor.and_then(|a| Period::of(a, unit_gran(*u))),
                    "no date mentioned before: the anchor's period, in another year",
                ),
                (None, None) => (
                    env.anchor.and_then(|a| Period::of(a, Gran::Year)),
                    "no date mentioned before: the anchor's year, in another year",
                ),
            };
            match base {
                Some(b) => Some(Out::date(moved(b)?, why)),
                None => Some(Out::plain(TimexType::Date, "XXXX".into(), "no anchor")),
            }
        }
        Expr::Set { unit, weekday } => Some(Out::plain(
            TimexType::Set,
            match weekday {
                Some(w) => format!("XXXX-WXX-{}", weekday_num(*w)),
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

fn ref_value(k: RefKind) -> &'static str {
    match k {
        RefKind::Present => "PRESENT_REF",
        RefKind::Past => "PAST_REF",
        RefKind::Future => "FUTURE_REF",
    }
}

fn rel_underspecified(unit: Unit, offset: i32) -> String {
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

/// An article, a possessive or a demonstrative: what stands before a noun
/// ("the Jan. 14 deadline", "a predicted spring offensive").
fn determiner(w: &str) -> bool {
    matches!(
        w,
        "the" | "a" | "an" | "its" | "his" | "her" | "their" | "our" | "this" | "that"
    )
}

/// The tense of the clause around `start..end`: the nearest cue word before it
/// in the same sentence, else one just after it.
pub fn tense_at(text: &str, start: usize, end: usize) -> (Tense, Option<String>) {
    let Ok(l) = lexicons() else {
        return (Tense::Unknown, None);
    };
    let b = text.as_bytes();
    let mut lo = start.saturating_sub(120);
    while lo > 0 && !text.is_char_boundary(lo) {
        lo -= 1;
    }
    // stop at the sentence start
    let before = &text[lo..start];
    let cut = before
        .char_indices()
        .rev()
        .find(|&(k, _)| sentence_end(before, k))
        .map(|(k, _)| k + 1)
        .unwrap_or(0);
    let before = &before[cut..];
    // the words as written and lower-cased (ASCII lower-casing keeps every
    // offset, so one span indexes both), on the stack
    // (`before` is at most 123 bytes: `Lowered` keeps it whole)
    let low = Lowered::new(before);
    let low_text = low.text();
    let words: WordList = low.spans().map(|(s, e)| &before[s..e]).collect();
    let lows: WordList = low.spans().map(|(s, e)| &low_text[s..e]).collect();
    // a cue word from grammar/tense.txt (given lower-cased); `None` in the inner
    // option is a reporting verb
    let listed = |lw: &str| -> Option<Option<Tense>> {
        let (n, cue) = l.tense.longest(lw)?;
        (n == lw.len()).then_some(match cue {
            TenseCue::Past => Some(Tense::Past),
            TenseCue::Future => Some(Tense::Future),
            // a plan made before: its event the nearer one, on either side
            TenseCue::Either => Some(Tense::Target),
            TenseCue::Skip => None,
        })
    };
    // "as soon as Tuesday", "as early as next week": a date still ahead
    if let [.., a1, w, a2] = &lows[..] {
        if *a1 == "as" && *a2 == "as" && matches!(*w, "soon" | "early") {
            return (Tense::Future, Some(format!("as {w} as")));
        }
    }
    // "a predicted spring offensive", "the upcoming March vote": the thing is still ahead
    if let [.., det, adj] = &lows[..] {
        if crate::grammar::ahead_word(adj) && determiner(det) {
            return (Tense::Future, Some((*adj).to_string()));
        }
    }
    // right after a past reporting verb ("a spokesman said Thursday that troops will
    // stay", "said on Tuesday that") the date is when it was said, whatever the
    // reported clause's tense
    if let Some(&lw) = lows.iter().rev().find(|w| !matches!(**w, "on" | "early" | "late")) {
        if listed(lw) == Some(None)
            && (lw == "said" || lw == "told" || lw.ends_with("ed"))
            && !matches!(lw, "preferred" | "alleged")
        {
            return (Tense::Past, Some(lw.to_string()));
        }
    }
    // a date naming a deadline ("the Jan. 14 deadline") lies where the deadline
    // lies, whatever the verb of the clause ("gave no reason for the Jan. 14 deadline")
    if lows.last().is_some_and(|w| determiner(w)) {
        let next = text[end..]
            .trim_start()
            .split(|c: char| !c.is_ascii_alphabetic())
            .next()
            .unwrap_or("");
        if crate::grammar::deadline_word(next) {
            return (Tense::Target, None);
        }
    }
    // a date right after "to", "by", "until", "payable" is a target or a deadline: a
    // past verb before it ("extended to Nov. 20") says nothing about the date's side of
    // the anchor, but a future one ("will double its flights by August") still holds
    let mut deadline = false;
    // where that word is: a two-word cue ending in it ("postponed until") speaks
    // of the date itself
    let mut deadline_at = usize::MAX;
    for (k, &lw) in lows.iter().enumerate().rev() {
        if matches!(lw, "on" | "in" | "at" | "of" | "the" | "early" | "late" | "mid") {
            continue;
        }
        if listed(lw) == Some(None) {
            continue;
        }
        if matches!(
            lw,
            "to" | "by"
                | "until"
                | "till"
                | "through"
                | "before"
                | "payable"
                | "effective"
                | "expire"
                | "expires"
                | "record"
        ) {
            deadline = true;
            deadline_at = k;
        }
        // "since March": the start of something still going on, so not ahead
        if lw == "since" {
            return (Tense::Past, Some("since".into()));
        }
        break;
    }
    // a past form guessed from its ending: lower case, not hyphenated
    // ("lower-than-expected"), not a negated adjective ("unspecified")
    let guessed = |w: &str| {
        w.len() > 4
            && w.ends_with("ed")
            && !w.starts_with("un")
            && !w.ends_with("ceed")
            && w.bytes().all(|b| b.is_ascii_lowercase())
            && listed(w).is_none()
    };
    let lower = |i: usize| lows.get(i).copied().unwrap_or("");
    // one buffer for two-word cues ("is to", "set to", "plans to")
    let mut pair = String::new();
    // the cue of word `i`, reading it with the words before it
    let mut cue_at = |i: usize| -> Option<(Tense, String)> {
        let w = words[i];
        let lw = lows[i];
        let prev = if i > 0 { lower(i - 1) } else { "" };
        if i > 0 {
            pair.clear();
            pair.push_str(prev);
            pair.push(' ');
            pair.push_str(lw);
            if let Some(Some(t)) = listed(&pair) {
                return Some((t, pair.clone()));
            }
        }
        let past = listed(lw) == Some(Some(Tense::Past)) || guessed(w);
        // a participle after "will be", "to be", "would be" is a passive future:
        // "will be paid", "is to be held", "would still be held" (not "could be
        // located": "could" is as often the past of "can")
        if past && prev == "be" {
            let mut k = i - 1;
            while k > 0 && matches!(lower(k - 1), "still" | "not" | "also" | "then" | "only") {
                k -= 1;
            }
            if k > 0 && matches!(lower(k - 1), "will" | "'ll" | "shall" | "to" | "would" | "won't") {
                return Some((Tense::Future, format!("be {w}")));
            }
        }
        // an adjective after a determiner ("a detailed plan") is no verb
        if guessed(w) && matches!(prev, "a" | "an" | "the" | "its" | "his" | "her" | "their") {
            return None;
        }
        if let Some(Some(t)) = listed(lw) {
            return Some((t, w.to_string()));
        }
        if guessed(w) {
            return Some((Tense::Past, w.to_string()));
        }
        None
    };
    // 1. the nearest cue before it, listed ("will", "held") or guessed ("visited")
    for i in (0..words.len()).rev() {
        if let Some((t, cue)) = cue_at(i) {
            // before a deadline only a plain future holds ("will double by August");
            // "had been scheduled to expire at midnight Friday" does not
            if deadline
                && !(t == Tense::Future && (cue == "will" || cue == "'ll" || cue == "shall" || cue.starts_with("be ")))
                && !(i == deadline_at && cue.contains(' '))
            {
                return (Tense::Target, None);
            }
            return (t, Some(cue));
        }
    }
    if deadline {
        return (Tense::Target, None);
    }
    // 2. else the nearest after it ("On February 5, negotiations continued")
    // a date opening its sentence ("On Tuesday, the ... league plans to ...")
    // belongs to the main clause, whose verb may come after a long subject, and
    // that verb is the date's own even when it reports
    // (a preposition before it and a comma after it: "On Tuesday, ..."; a bare
    // date opening a line is more often a timeline's or a headline's)
    let fronted = !lows.is_empty()
        && lows.iter().all(|w| {
            matches!(
                *w,
                "on" | "in"
                    | "at"
                    | "during"
                    | "early"
                    | "late"
                    | "and"
                    | "but"
                    | "also"
                    | "then"
                    | "later"
                    | "earlier"
            )
        })
        && text[end..].trim_start().starts_with(',');
    // a dateline ("BEIJING, June 17 (Reuters) - China plans to …") or a timeline's
    // entry ("April 25 - The Coast Guard approves a plan to …"): what follows is
    // told from that day, so its verbs say nothing of the date's side
    let rest = text[end..].trim_start_matches([' ', ',']);
    if rest.starts_with('(')
        || rest.starts_with("-LRB-")
        || ["- ", "\u{2013} ", "\u{2014} ", "-- "]
            .iter()
            .any(|d| rest.starts_with(d))
    {
        return (Tense::Unknown, None);
    }
    let mut hi = (end + if fronted { 90 } else { 60 }).min(b.len());
    while hi < b.len() && !text.is_char_boundary(hi) {
        hi += 1;
    }
    let after = &text[end..hi];
    let stop = after
        .char_indices()
        .find(|&(k, _)| sentence_end(after, k))
        .map_or(after.len(), |(k, _)| k);
    let after = &after[..stop];
    let low_after = Lowered::new(after);
    let low_after_text = low_after.text();
    // a two-word cue is read as a pair here too, before its first word alone
    // ("the league plans to hold"; not one written with a capital: "FAILED
    // Plans to place a dome" is a noun)
    let mut spans = low_after.spans().peekable();
    while let Some((s, e)) = spans.next() {
        let (w, lw) = (&after[s..e], &low_after_text[s..e]);
        if let Some(next) = spans.peek().map(|&(s, e)| &low_after_text[s..e]) {
            pair.clear();
            pair.push_str(lw);
            pair.push(' ');
            pair.push_str(next);
            if let Some(Some(t)) = listed(&pair).filter(|_| !w.starts_with(|c: char| c.is_ascii_uppercase())) {
                // its first word is the clause's verb: a past one ("On Friday,
                // the cabinet decided to ...") says when it was decided
                let t = if lw.ends_with("ed") { Tense::Past } else { t };
                return (t, Some(pair));
            }
        }
        // a past reporting verb ("On Friday, officials said they will ...") is
        // the clause's own verb: the date is when it was said
        if fronted
            && listed(lw) == Some(None)
            && (lw == "said" || lw == "told" || lw.ends_with("ed"))
            && !matches!(lw, "preferred" | "alleged")
        {
            return (Tense::Past, Some(w.to_string()));
        }
        if let Some(Some(t)) = listed(lw) {
            return (t, Some(w.to_string()));
        }
        if guessed(w) {
            return (Tense::Past, Some(w.to_string()));
        }
    }
    (Tense::Unknown, None)
}

/// The words of a clause, kept on the stack (a clause window holds at most
/// 62 words of 123 bytes; more are dropped from the end, never read past).
struct WordList<'a> {
    words: [&'a str; 64],
    n: usize,
}

impl<'a> FromIterator<&'a str> for WordList<'a> {
    fn from_iter<I: IntoIterator<Item = &'a str>>(it: I) -> Self {
        let mut l = WordList { words: [""; 64], n: 0 };
        for w in it.into_iter().take(64) {
            l.words[l.n] = w;
            l.n += 1;
        }
        l
    }
}

impl<'a> std::ops::Deref for WordList<'a> {
    type Target = [&'a str];
    fn deref(&self) -> &[&'a str] {
        &self.words[..self.n]
    }
}

/// Up to 128 bytes of text lower-cased (ASCII), with the byte spans of its
/// words (runs of ASCII letters, digits, `'` and `-`), all on the stack:
/// `tense_at` reads one of these around every year-less date.
struct Lowered {
    buf: [u8; 128],
    len: usize,
    spans: [(u8, u8); 64],
    n: usize,
}

impl Lowered {
    /// `s` lower-cased; a longer `s` is cut to its first 128 bytes (at a char boundary).
    fn new(s: &str) -> Lowered {
        let len = crate::text::floor_boundary(s, 128);
        let mut l = Lowered {
            buf: [0; 128],
            len,
            spans: [(0, 0); 64],
            n: 0,
        };
        for (d, c) in l.buf.iter_mut().zip(s.as_bytes()[..len].iter()) {
            *d = c.to_ascii_lowercase();
        }
        let mut st = None;
        for k in 0..=len {
            let w = k < len && {
                let c = l.buf[k];
                c.is_ascii_alphanumeric() || c == b'\'' || c == b'-'
            };
            match (w, st) {
                (true, None) => st = Some(k),
                (false, Some(a)) => {
                    if l.n < l.spans.len() {
                        l.spans[l.n] = (a as u8, k as u8);
                        l.n += 1;
                    }
                    st = None;
                }
                _ => {}
            }
        }
        l
    }

    /// The lower-cased text (ASCII lower-casing keeps UTF-8 valid).
    fn text(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }

    /// The words' byte spans, in order.
    fn spans(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.spans[..self.n]
            .iter()
            .map(|&(a, b)| (usize::from(a), usize::from(b)))
    }
}

/// Titles and company suffixes written with a full stop that ends no sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "prof", "rev",
    "inc", "corp", "co", "ltd", "bros", "no", "vs", "jan", "feb", "aug", "sept", "sep", "oct", "nov", "dec",
];

/// Does the byte at `k` of `s` end a sentence? A full stop does not inside a
/// number ("$1.5 million"), after an initial ("Daniel P. Davison", "U.S.") or
/// after a title or an abbreviation ("Mr. Schwarz", "Corp.", "Feb. 1").
/// Do at most three words stand between the sentence start and `at` ("In 1976,",
/// "By early 1976", "Later in 1976")?
fn opens_sentence(text: &str, at: usize) -> bool {
    let lo = crate::text::floor_boundary(text, at.saturating_sub(60));
    let before = &text[lo..at];
    let start = before
        .char_indices()
        .rev()
        .find(|&(k, _)| sentence_end(before, k))
        .map(|(k, _)| k + 1);
    let head = match start {
        Some(k) => &before[k..],
        None if lo == 0 => before,
        None => return false,
    };
    head.split_whitespace().count() <= 3
}

fn sentence_end(s: &str, k: usize) -> bool {
    let b = s.as_bytes();
    match b[k] {
        b';' | b'\n' | b'?' | b'!' => true,
        b'.' => {
            if b.get(k + 1).is_some_and(u8::is_ascii_digit) {
                return false;
            }
            let w = s[..k].rsplit(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
            if w.len() == 1 && w.bytes().all(|c| c.is_ascii_uppercase()) {
                return false;
            }
            !(w.len() <= 4
                && w.starts_with(|c: char| c.is_ascii_uppercase())
                && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(w)))
        }
        _ => false,
    }
}

/// Does the value of this expression depend on the tense of its clause?
fn tense_sensitive(e: &Expr) -> bool {
    match e {
        Expr::Nearest { dir: Dir::Tense, .. } => true,
        Expr::RelUnit {
            unit: Unit::Weekend,
            offset: 0,
        } => true,
        Expr::Part { day: Some(d), .. } | Expr::Time { day: Some(d), .. } => tense_sensitive(d),
        Expr::Mod { inner, .. } | Expr::Nth { of: Some(inner), .. } => tense_sensitive(inner),
        Expr::Range { first, second, .. } => tense_sensitive(first) || tense_sensitive(second),
        _ => false,
    }
}

fn partial_of(e: &Expr) -> Option<(Option<i32>, u32, Option<u32>)> {
    match e {
        Expr::Date {
            year,
            month: Some(m),
            day,
        } => Some((Some(*year), *m, *day)),
        Expr::Nearest {
            target: Target::MonthDay(m, d),
            ..
        } => Some((None, *m, Some(*d))),
        Expr::Nearest {
            target: Target::Month(m),
            ..
        } => Some((None, *m, None)),
        Expr::Mod { inner, .. } => partial_of(inner),
        _ => None,
    }
}

/// The weekday written just before a date: "Tuesday, Feb. 4" (the weekday is its own mention).
fn weekday_before(text: &str, start: usize) -> Option<Weekday> {
    let l = lexicons().ok()?;
    let before = text[..start].trim_end_matches([' ', ',', '\n']);
    let word_start = before.len()
        - before
            .bytes()
            .rev()
            .take_while(|b| b.is_ascii_alphabetic() || *b == b'.')
            .count();
    let w = &before[word_start..];
    l.weekdays.longest(w).filter(|(n, _)| *n == w.len()).map(|(_, d)| *d)
}

/// Resolve one expression against one anchor day (or none); updates the reference.
fn resolve_one(
    e: &Expr,
    anchor: Option<NaiveDate>,
    reference: Option<Period>,
    range: Option<(Period, Period)>,
    tense: Tense,
    narrative: bool,
) -> Option<Out> {
    let env = Env {
        anchor,
        reference,
        range,
        tense,
        narrative,
    };
    eval(e, &env)
}

/// Both ends of a range against one anchor, in order: "from Thursday to Saturday"
/// is the Saturday after that Thursday. When the second end comes out before the
/// first, a clause still ahead moves the second forward; otherwise the first moves
/// back ("from October to March" told in the past: the October before that March).
fn ordered_ends(
    parts: &[(usize, usize, &Expr)],
    anchor: Option<NaiveDate>,
    reference: Option<Period>,
    range: Option<(Period, Period)>,
    tense: Tense,
    narrative: bool,
) -> Option<Vec<Option<Out>>> {
    let [(_, _, e1), (_, _, e2)] = parts else {
        return None;
    };
    let a = resolve_one(e1, anchor, reference, range, tense, narrative);
    let b = resolve_one(e2, anchor, reference, range, tense, narrative);
    let (Some(pa), Some(pb)) = (a.as_ref().and_then(|o| o.period), b.as_ref().and_then(|o| o.period)) else {
        return Some(vec![a, b]);
    };
    if pb.start >= pa.start {
        return Some(vec![a, b]);
    }
    if tense == Tense::Future && tense_sensitive(e2) {
        let b2 = resolve_one(e2, Some(pa.start), reference, range, Tense::Future, false)
            .filter(|o| o.period.is_some_and(|q| q.start >= pa.start))
            .map(|o| Out {
                why: format!("after the range's first end: {}", o.why),
                ..o
            });
        return Some(vec![a, b2.or(b)]);
    }
    if tense_sensitive(e1) {
        let a2 = resolve_one(e1, Some(pb.start), reference, range, Tense::Past, false)
            .filter(|o| o.period.is_some_and(|q| q.start <= pb.start))
            .map(|o| Out {
                why: format!("before the range's second end: {}", o.why),
                ..o
            });
        return Some(vec![a2.or(a), b]);
    }
    Some(vec![a, b])
}

fn to_timex(o: &Out) -> Timex {
    Timex {
        kind: o.kind,
        value: o.value.clone(),
        modifier: o.modifier,
        from: o.period.map(|p| p.start),
        to: o.until.or(o.period).and_then(|p| p.end()),
        why: o.why.clone(),
        ambiguous: false,
    }
}

/// Resolve every mention of one document, in text order. A range gives one
/// [`Resolved`] per endpoint, linked by a shared `range` id.
pub fn resolve_all(text: &str, mentions: &[Mention], anchor: Option<&AnchorRef>) -> Vec<Resolved> {
    let mut out: Vec<Resolved> = Vec::with_capacity(mentions.len());
    let mut reference: Option<Period> = None;
    // both ends of the last date mentioned, when it was a range ("the same period last year")
    let mut range: Option<(Period, Period)> = None;
    let (lo, hi) = match anchor {
        Some(AnchorRef::Day(d)) => (Some(*d), Some(*d)),
        Some(AnchorRef::Between { earliest, latest }) => (*earliest, *latest),
        None => (None, None),
    };
    let mut nrange = 0usize;
    let narrative = is_narrative(mentions, lo.or(hi));
    for m in mentions {
        let (tense, cue) = if tense_sensitive(&m.expr) {
            tense_at(text, m.start, m.end)
        } else {
            (Tense::Unknown, None)
        };
        // "this weekend" with no cue is the current week's, "the weekend" the nearer one
        let this_weekend = matches!(
            m.expr,
            Expr::RelUnit {
                unit: Unit::Weekend,
                offset: 0
            }
        ) && text
            .get(m.start..)
            .is_some_and(|t| t.get(..4).is_some_and(|w| w.eq_ignore_ascii_case("this")));
        let tense = if this_weekend && tense == Tense::Unknown {
            Tense::Present
        } else {
            tense
        };
        let parts: Vec<(usize, usize, &Expr)> = match &m.expr {
            Expr::Range {
                first,
                first_span,
                second,
                second_span,
            } => vec![
                (m.start + first_span.0, m.start + first_span.1, first.as_ref()),
                (m.start + second_span.0, m.start + second_span.1, second.as_ref()),
            ],
            e => vec![(m.start, m.end, e)],
        };
        let mut ends: Vec<Period> = Vec::new();
        let range_id = if parts.len() > 1 {
            nrange += 1;
            Some(format!("r{nrange}"))
        } else {
            None
        };
        // a range's ends resolved together: the second comes after the first
        let pre = if range_id.is_some() && hi == lo {
            ordered_ends(&parts, lo, reference, range, tense, narrative)
        } else {
            None
        };
        for (k, (s, e_end, e)) in parts.into_iter().enumerate() {
            let (s, e_end) = (s.min(text.len()), e_end.min(text.len()));
            if s >= e_end || !text.is_char_boundary(s) || !text.is_char_boundary(e_end) {
                continue;
            }
            let a = match &pre {
                Some(p) => p.get(k).cloned().flatten(),
                None => resolve_one(e, lo, reference, range, tense, narrative),
            };
            let b = if hi != lo {
                resolve_one(e, hi, reference, range, tense, narrative)
            } else {
                a.clone()
            };
            let Some(a) = a else { continue };
            let mut t = to_timex(&a);
            if let Some(b) = &b {
                if b.value != a.value {
                    // the anchor interval spans a boundary: hull, flagged
                    let u = resolve_one(e, None, reference, range, tense, narrative);
                    if let Some(u) = u {
                        t.value = u.value;
                    }
                    t.from = match (a.period, b.period) {
                        (Some(x), Some(y)) => Some(x.start.min(y.start)),
                        _ => None,
                    };
                    t.to = match (a.period.and_then(|p| p.end()), b.period.and_then(|p| p.end())) {
                        (Some(x), Some(y)) => Some(x.max(y)),
                        _ => None,
                    };
                    t.ambiguous = true;
                    t.why = format!("anchor interval: {} … {}", a.why, b.why);
                }
            }
            if let Some(c) = &cue {
                t.why = format!("{} (cue {c:?})", t.why);
            }
            // "on 1 July 1916, the first day of the Battle of the Somme": an ordinal
            // day in apposition to a day is that day
            if matches!(e, Expr::Nth { of: None, .. }) {
                if let Some(p) = out.last().filter(|p| {
                    p.timex.kind == TimexType::Date
                        && p.timex.from.is_some()
                        && p.timex.from == p.timex.to
                        && text.get(p.end..s).is_some_and(|g| g.trim() == ",")
                }) {
                    t.value = p.timex.value.clone();
                    t.from = p.timex.from;
                    t.to = p.timex.to;
                    t.why = "in apposition to the day before it".into();
                }
            }
            // the reference moves to each date with a stated or resolved period
            if !t.ambiguous && t.kind != TimexType::Duration && t.kind != TimexType::Set {
                if let Some(p) = a.period {
                    // a comparison ("a year earlier", "year-ago") does not move the story's
                    // reference; in a history "three years later" does
                    let shift = match e {
                        Expr::Shift { origin, .. } => Some(*origin),
                        Expr::Mod { inner, .. } => match inner.as_ref() {
                            Expr::Shift { origin, .. } => Some(*origin),
                            _ => None,
                        },
                        _ => None,
                    };
                    // "the third quarter ended Sept. 30": the day closes the period named
                    // before it, and the period stays the one under discussion
                    let closes = out.last().is_some_and(|p| {
                        p.timex.kind == TimexType::Date
                            && p.timex.from.is_some()
                            && text.get(p.end..s).is_some_and(|gap| {
                                let g = gap.trim();
                                g.eq_ignore_ascii_case("ended") || g.eq_ignore_ascii_case("ending")
                            })
                    });
                    // in a history, a year in passing ("a campaign planned for 1976",
                    // "declassified in 2005") leaves the story where it is; a year that
                    // opens its sentence ("In 1976, …") moves it
                    let aside = narrative
                        && matches!(
                            e,
                            Expr::Date {
                                month: None,
                                day: None,
                                ..
                            }
                        )
                        && reference.is_some_and(|r| matches!(r.gran, Gran::Day | Gran::Month))
                        && !opens_sentence(text, s);
                    // in a history, "this day", "this week" or "today" counted from the
                    // moment of writing is not the story's date
                    let from_writing = narrative
                        && matches!(
                            e,
                            Expr::RelUnit { .. } | Expr::Part { day: None, .. } | Expr::Time { day: None, .. }
                        );
                    let moves = match shift {
                        _ if matches!(e, Expr::Again { .. }) || closes || from_writing || aside => false,
                        None => true,
                        Some(Origin::Reference) => narrative,
                        Some(Origin::Anchor | Origin::Comparison { .. }) => false,
                    };
                    if moves || reference.is_none() {
                        reference = Some(p);
                        ends.push(p);
                    }
                }
            }
            let surface = &text[s..e_end];
            out.push(Resolved {
                start: s,
                end: e_end,
                text: surface.to_string(),
                timex: t,
                range: range_id.clone(),
                tense,
                weekday: if partial_of(e).is_some_and(|p| p.2.is_some()) {
                    weekday_before(text, s)
                } else {
                    None
                },
                partial: partial_of(e),
            });
        }
        if !ends.is_empty() {
            range = match ends[..] {
                [a, b] if range_id.is_some() => Some((a, b)),
                _ => None,
            };
        }
    }
    let mut drop_at: Vec<usize> = Vec::new();
    // "Saturday, April 25": a year-less date takes a year in which that day is the
    // weekday written with it, and the weekday is that date
    for k in 0..out.len() {
        let (Some(wd), Some((year, m, Some(d)))) = (out[k].weekday, out[k].partial) else {
            continue;
        };
        let f = out[k].timex.from.filter(|f| out[k].timex.to == Some(*f));
        if let Some(f) = f.filter(|f| year.is_none() && f.weekday() != wd) {
            let near = |x: &NaiveDate| lo.map_or(0, |a| (*x - a).num_days().abs());
            let best = [-1, 1]
                .iter()
                .filter_map(|dy| ymd(f.year() + dy, m, d))
                .filter(|x| x.weekday() == wd)
                .min_by_key(near);
            if let Some(x) = best {
                let t = &mut out[k].timex;
                t.value = x.format("%Y-%m-%d").to_string();
                t.from = Some(x);
                t.to = Some(x);
                t.why = format!("the year in which it is a {wd:?}");
            }
        }
        if k > 0 {
            let w = &out[k - 1];
            let between = text.get(w.end..out[k].start).unwrap_or("x");
            let same_day = lexicons()
                .ok()
                .and_then(|l| l.weekdays.longest(&w.text))
                .is_some_and(|(n, x)| n == w.text.len() && *x == wd);
            // one expression (TimeML): the date's mention takes in the weekday
            if same_day && w.range.is_none() && between.trim_matches([' ', ',']).is_empty() {
                let s0 = w.start;
                drop_at.push(k - 1);
                out[k].start = s0;
                out[k].text = text[s0..out[k].end].to_string();
            }
        }
    }
    if !drop_at.is_empty() {
        let mut k = 0;
        out.retain(|_| {
            k += 1;
            !drop_at.contains(&(k - 1))
        });
    }
    out
}
