//! One document's mentions resolved in text order: the date under
//! discussion carried from one to the next, a range's ends in order, a
//! weekday written with a date checked against it.

use chrono::{Datelike, NaiveDate, Weekday};

use super::env::Env;
use super::eval::{eval, Out};
use super::narrative::{is_narrative, opens_sentence};
use super::period::{ymd, Gran, Period};
use super::tense::{tense_at, tense_sensitive};
use super::{AnchorRef, Resolved, Tense};
use crate::grammar::{lexicons, Expr, Origin, Target, Unit};
use crate::tag::Mention;
use crate::time::TimeValue;
use crate::timex::{Timex, TimexMod, TimexType};

/// A calendar date as written: (year if stated, month, day if stated).
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

/// Both ends of a range against one anchor, in order: "from Thursday to Saturday"
/// is the Saturday after that Thursday. When the second end comes out before the
/// first, a clause still ahead moves the second forward; otherwise the first moves
/// back ("from October to March" told in the past: the October before that March).
fn ordered_ends(parts: &[(usize, usize, &Expr)], env: &Env) -> Option<Vec<Option<Out>>> {
    let [(_, _, e1), (_, _, e2)] = parts else {
        return None;
    };
    let a = eval(e1, env);
    let b = eval(e2, env);
    let (Some(pa), Some(pb)) = (a.as_ref().and_then(|o| o.period), b.as_ref().and_then(|o| o.period)) else {
        return Some(vec![a, b]);
    };
    if pb.start >= pa.start {
        return Some(vec![a, b]);
    }
    if env.tense == Tense::Future && tense_sensitive(e2) {
        let from_first = Env {
            anchor: Some(pa.start),
            tense: Tense::Future,
            narrative: false,
            ..*env
        };
        let b2 = eval(e2, &from_first)
            .filter(|o| o.period.is_some_and(|q| q.start >= pa.start))
            .map(|o| Out {
                why: format!("after the range's first end: {}", o.why),
                ..o
            });
        return Some(vec![a, b2.or(b)]);
    }
    if tense_sensitive(e1) {
        let from_second = Env {
            anchor: Some(pb.start),
            tense: Tense::Past,
            narrative: false,
            ..*env
        };
        let a2 = eval(e1, &from_second)
            .filter(|o| o.period.is_some_and(|q| q.start <= pb.start))
            .map(|o| Out {
                why: format!("before the range's second end: {}", o.why),
                ..o
            });
        return Some(vec![a2.or(a), b]);
    }
    Some(vec![a, b])
}

/// A resolved meaning while the walk may still change it: a [`Timex`] with
/// its value typed.
#[derive(Debug, Clone)]
struct Meaning {
    kind: TimexType,
    value: TimeValue,
    modifier: Option<TimexMod>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    why: String,
    ambiguous: bool,
}

fn meaning(o: &Out) -> Meaning {
    Meaning {
        kind: o.kind,
        value: o.value.clone(),
        modifier: o.modifier,
        from: o.period.map(|p| p.start),
        to: o.until.or(o.period).and_then(|p| p.end()),
        why: o.why.clone(),
        ambiguous: false,
    }
}

/// One mention resolved, its meaning typed ([`Meaning`]).
struct Draft {
    start: usize,
    end: usize,
    text: String,
    meaning: Meaning,
    range: Option<String>,
    tense: Tense,
    weekday: Option<Weekday>,
    partial: Option<(Option<i32>, u32, Option<u32>)>,
}

impl Draft {
    /// The mention as the later stages read it: the one place a resolved
    /// value is printed as its TIMEX3 string.
    fn finish(self) -> Resolved {
        let m = self.meaning;
        Resolved {
            start: self.start,
            end: self.end,
            text: self.text,
            timex: Timex {
                kind: m.kind,
                value: m.value.to_string(),
                modifier: m.modifier,
                from: m.from,
                to: m.to,
                why: m.why,
                ambiguous: m.ambiguous,
            },
            range: self.range,
            tense: self.tense,
            weekday: self.weekday,
            partial: self.partial,
        }
    }
}

/// The tense of a mention's clause, and the cue that gave it.
fn mention_tense(text: &str, m: &Mention) -> (Tense, Option<String>) {
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
    if this_weekend && tense == Tense::Unknown {
        (Tense::Present, cue)
    } else {
        (tense, cue)
    }
}

/// The expressions of a mention with their byte spans: a range's two ends,
/// else the mention itself.
fn parts_of(m: &Mention) -> Vec<(usize, usize, &Expr)> {
    match &m.expr {
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
    }
}

/// The walk over one document's mentions: what is under discussion so far,
/// and the mentions resolved.
struct Walk<'t> {
    text: &'t str,
    /// The anchor interval's ends (one day twice for a known anchor).
    lo: Option<NaiveDate>,
    hi: Option<NaiveDate>,
    /// A history rather than news (see `is_narrative`).
    narrative: bool,
    /// The date under discussion.
    reference: Option<Period>,
    /// Both ends of the last date mentioned, when it was a range ("the same period last year").
    range: Option<(Period, Period)>,
    /// Ranges so far (their ids are `r1`, `r2`, …).
    nrange: usize,
    out: Vec<Draft>,
}

impl Walk<'_> {
    /// What an expression is resolved against at this point, from `anchor`.
    fn env(&self, anchor: Option<NaiveDate>, tense: Tense) -> Env {
        Env {
            anchor,
            reference: self.reference,
            range: self.range,
            tense,
            narrative: self.narrative,
        }
    }

    /// Resolve one mention (both ends of a range) and move the date under discussion.
    fn mention(&mut self, m: &Mention) {
        let text = self.text;
        let (tense, cue) = mention_tense(text, m);
        let parts = parts_of(m);
        let range_id = (parts.len() > 1).then(|| {
            self.nrange += 1;
            format!("r{}", self.nrange)
        });
        // a range's ends resolved together: the second comes after the first
        let pre = if range_id.is_some() && self.hi == self.lo {
            ordered_ends(&parts, &self.env(self.lo, tense))
        } else {
            None
        };
        let mut ends: Vec<Period> = Vec::new();
        for (k, &(s, e_end, e)) in parts.iter().enumerate() {
            let (s, e_end) = (s.min(text.len()), e_end.min(text.len()));
            if s >= e_end || !text.is_char_boundary(s) || !text.is_char_boundary(e_end) {
                continue;
            }
            let a = match &pre {
                Some(p) => p.get(k).cloned().flatten(),
                None => eval(e, &self.env(self.lo, tense)),
            };
            let Some(a) = a else { continue };
            let mut t = self.timex(e, &a, tense);
            if let Some(c) = &cue {
                t.why = format!("{} (cue {c:?})", t.why);
            }
            self.apposition(e, s, &mut t);
            // the reference moves to each date with a stated or resolved period
            if !t.ambiguous && t.kind != TimexType::Duration && t.kind != TimexType::Set {
                if let Some(p) = a.period {
                    if self.reference.is_none() || self.moves_story(e, s) {
                        self.reference = Some(p);
                        ends.push(p);
                    }
                }
            }
            let partial = partial_of(e);
            self.out.push(Draft {
                start: s,
                end: e_end,
                text: text[s..e_end].to_string(),
                meaning: t,
                range: range_id.clone(),
                tense,
                weekday: if partial.is_some_and(|p| p.2.is_some()) {
                    weekday_before(text, s)
                } else {
                    None
                },
                partial,
            });
        }
        if !ends.is_empty() {
            self.range = match ends[..] {
                [a, b] if range_id.is_some() => Some((a, b)),
                _ => None,
            };
        }
    }

    /// The Timex of `a`, the value of `e` against the interval's first end: when
    /// its last end gives another value, the anchor interval spans a boundary and
    /// the Timex is the underspecified value with the hull, flagged.
    fn timex(&self, e: &Expr, a: &Out, tense: Tense) -> Meaning {
        let mut t = meaning(a);
        if self.hi == self.lo {
            return t;
        }
        let Some(b) = eval(e, &self.env(self.hi, tense)) else {
            return t;
        };
        if b.value != a.value {
            if let Some(u) = eval(e, &self.env(None, tense)) {
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
        t
    }

    /// "on 1 July 1916, the first day of the Battle of the Somme": an ordinal
    /// day (at `s`) in apposition to a day is that day.
    fn apposition(&self, e: &Expr, s: usize, t: &mut Meaning) {
        if !matches!(e, Expr::Nth { of: None, .. }) {
            return;
        }
        if let Some(p) = self.out.last().filter(|p| {
            p.meaning.kind == TimexType::Date
                && p.meaning.from.is_some()
                && p.meaning.from == p.meaning.to
                && self.text.get(p.end..s).is_some_and(|g| g.trim() == ",")
        }) {
            t.value = p.meaning.value.clone();
            t.from = p.meaning.from;
            t.to = p.meaning.to;
            t.why = "in apposition to the day before it".into();
        }
    }

    /// Does the date `e` at `s` become the one under discussion?
    fn moves_story(&self, e: &Expr, s: usize) -> bool {
        let text = self.text;
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
        let closes = self.out.last().is_some_and(|p| {
            p.meaning.kind == TimexType::Date
                && p.meaning.from.is_some()
                && text.get(p.end..s).is_some_and(|gap| {
                    let g = gap.trim();
                    g.eq_ignore_ascii_case("ended") || g.eq_ignore_ascii_case("ending")
                })
        });
        // in a history, a year in passing ("a campaign planned for 1976",
        // "declassified in 2005") leaves the story where it is; a year that
        // opens its sentence ("In 1976, …") moves it
        let aside = self.narrative
            && matches!(
                e,
                Expr::Date {
                    month: None,
                    day: None,
                    ..
                }
            )
            && self
                .reference
                .is_some_and(|r| matches!(r.gran, Gran::Day | Gran::Month))
            && !opens_sentence(text, s);
        // in a history, "this day", "this week" or "today" counted from the
        // moment of writing is not the story's date
        let from_writing = self.narrative
            && matches!(
                e,
                Expr::RelUnit { .. } | Expr::Part { day: None, .. } | Expr::Time { day: None, .. }
            );
        match shift {
            _ if matches!(e, Expr::Again { .. }) || closes || from_writing || aside => false,
            None => true,
            Some(Origin::Reference) => self.narrative,
            Some(Origin::Anchor | Origin::Comparison { .. }) => false,
        }
    }
}

/// Resolve every mention of one document, in text order. A range gives one
/// [`Resolved`] per endpoint, linked by a shared `range` id.
pub fn resolve_all(text: &str, mentions: &[Mention], anchor: Option<&AnchorRef>) -> Vec<Resolved> {
    let (lo, hi) = match anchor {
        Some(AnchorRef::Day(d)) => (Some(*d), Some(*d)),
        Some(AnchorRef::Between { earliest, latest }) => (*earliest, *latest),
        None => (None, None),
    };
    let mut walk = Walk {
        text,
        lo,
        hi,
        narrative: is_narrative(mentions, lo.or(hi)),
        reference: None,
        range: None,
        nrange: 0,
        out: Vec::with_capacity(mentions.len()),
    };
    for m in mentions {
        walk.mention(m);
    }
    let mut out = walk.out;
    written_weekdays(text, &mut out, lo);
    out.into_iter().map(Draft::finish).collect()
}

/// "Saturday, April 25": a year-less date takes a year in which that day is the
/// weekday written with it, and the weekday is that date: the date's mention
/// takes in the weekday's (one expression, as in TimeML).
fn written_weekdays(text: &str, out: &mut Vec<Draft>, lo: Option<NaiveDate>) {
    // the weekday mentions taken in, in increasing order
    let mut drop_at: Vec<usize> = Vec::new();
    for k in 0..out.len() {
        // "Saturday (June 6)": the weekday in front of the parenthesis names the date's.
        if out[k].weekday.is_none() && k > 0 && out[k].partial.is_some_and(|p| p.2.is_some()) {
            let w = &out[k - 1];
            if text.get(w.end..out[k].start).is_some_and(|g| g.trim() == "(") {
                out[k].weekday = lexicons()
                    .ok()
                    .and_then(|l| l.weekdays.longest(&w.text))
                    .filter(|(n, _)| *n == w.text.len())
                    .map(|(_, x)| *x);
            }
        }
        let (Some(wd), Some((year, m, Some(d)))) = (out[k].weekday, out[k].partial) else {
            continue;
        };
        if year.is_none() {
            let tense = out[k].tense;
            weekday_year(&mut out[k].meaning, wd, m, d, lo, tense);
        }
        if k > 0 {
            let w = &out[k - 1];
            let between = text.get(w.end..out[k].start).unwrap_or("x");
            let same_day = lexicons()
                .ok()
                .and_then(|l| l.weekdays.longest(&w.text))
                .is_some_and(|(n, x)| n == w.text.len() && *x == wd);
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
            drop_at.binary_search(&(k - 1)).is_err()
        });
    }
}

/// How far, in days, the other year of a weekday's date may lie on its
/// clause's side of the anchor (half a year: "Friday, Jan. 3" said in
/// December is the coming one; `weekday_year_bounds` pins it).
const WEEKDAY_YEAR_REACH: i64 = 183;

/// How far the other way (a week: a date line a day off, a page told just
/// before the day it names, "See Saturday's issue").
const WEEKDAY_YEAR_SLACK: i64 = 7;

/// With no tense, how far either side (a year).
const WEEKDAY_YEAR_ANY: i64 = 365;

/// A year-less day `m`-`d` resolved to a day that is not the weekday `wd`
/// written with it moves to the year next to it in which it is, when that
/// year is itself plausible for the article: on the side of the anchor the
/// clause's tense allows and within its horizon (half a year past or ahead
/// for a past or future clause, with a week's slack the other way; a year
/// either side with no cue, a plan or a target), or when there is no anchor (the weekday is then all there is).
/// Otherwise the year the article's time and tense point to stands, and a
/// weekday that does not fit it is a conflict for the order stage.
///
/// The other year is taken only when it lies on the clause's side of the
/// anchor, at most [`WEEKDAY_YEAR_REACH`] days away, or at most
/// [`WEEKDAY_YEAR_SLACK`] days the other way; with no tense, at most a year
/// either side.
fn weekday_year(t: &mut Meaning, wd: Weekday, m: u32, d: u32, lo: Option<NaiveDate>, tense: Tense) {
    let Some(f) = t.from.filter(|f| t.to == Some(*f) && f.weekday() != wd) else {
        return;
    };
    let offset = |x: &NaiveDate| lo.map_or(0, |a| (*x - a).num_days());
    let plausible = |x: &NaiveDate| {
        let o = offset(x);
        lo.is_none()
            || match tense {
                // a week the other way: a date line a day off, a page
                // told just before the day it names ("See Saturday's issue")
                Tense::Past => (-WEEKDAY_YEAR_REACH..=WEEKDAY_YEAR_SLACK).contains(&o),
                Tense::Future => (-WEEKDAY_YEAR_SLACK..=WEEKDAY_YEAR_REACH).contains(&o),
                Tense::Present | Tense::Unknown | Tense::Target => o.abs() <= WEEKDAY_YEAR_ANY,
            }
    };
    let best = [-1, 1]
        .iter()
        .filter_map(|dy| ymd(f.year() + dy, m, d))
        .filter(|x| x.weekday() == wd && plausible(x))
        .min_by_key(|x| offset(x).abs());
    let day = |x: NaiveDate| Period {
        start: x,
        gran: Gran::Day,
    };
    if let Some((x, v)) = best.and_then(|x| Some((x, day(x).value()?))) {
        t.value = v;
        t.from = Some(x);
        t.to = Some(x);
        t.why = if lo.is_some() {
            format!(
                "the year in which it is a {wd:?}: {} days from the article's date, within what the clause's tense allows",
                offset(&x)
            )
        } else {
            format!("the year in which it is a {wd:?}")
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every weekday written before its date is taken into the date's
    /// mention, however many there are (the dropped ones are found by a
    /// search over their sorted indices).
    #[test]
    fn written_weekdays_merge_every_pair() {
        let text = "Officials met on Tuesday, Feb 4 and ".repeat(500);
        let mentions = crate::tag::tag(&text, 0..text.len());
        let day = NaiveDate::from_ymd_opt(2025, 2, 10).map(AnchorRef::Day);
        let out = resolve_all(&text, &mentions, day.as_ref());
        assert_eq!(out.len(), 500);
        for (k, r) in out.iter().enumerate() {
            assert_eq!(r.text, "Tuesday, Feb 4");
            assert_eq!(r.start, k * 36 + 17);
            assert_eq!(r.timex.value, "2025-02-04");
        }
    }
}
