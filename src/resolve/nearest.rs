//! Nearest-match: which year's "February 4" or which week's "Tuesday" a
//! year-less date is, by its direction (last, next, this) or the tense of its
//! clause.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::period::{target_in_year, Gran, Period};
use super::Tense;
use crate::grammar::{Dir, Target};

/// With no tense cue, a year-less date ahead of the anchor is taken only when it
/// lies at most this many days ahead: news mostly reports what happened, and the
/// dates it announces ahead (meetings, deadlines, record dates) are near.
pub(super) const AHEAD_DAYS: i64 = 60;

/// Pick among yearly candidates by direction: candidates are this target in years y-1, y, y+1.
pub(super) fn nearest_yearly(t: Target, a: NaiveDate, dir: Dir, tense: Tense) -> Option<(Period, String)> {
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

pub(super) fn nearest_weekday(w: Weekday, a: NaiveDate, dir: Dir, tense: Tense) -> Option<(Period, String)> {
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
