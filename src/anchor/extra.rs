//! Cues that bound nothing by themselves but move the model (issue 13):
//! relative weekdays, dates in the page's furniture (sidebars, teasers,
//! related stories, comments), and the year the article mentions most.

use std::collections::BTreeMap;

use chrono::Datelike;

use super::cues::quote;
use super::days::{date_day, day, Day};
use super::model::{weekday_number, Kind, Shape};
use super::work::{evidence, Work};
use super::Strength;
use crate::ingest::Document;
use crate::page::furniture::{self, PageFurniture};
use crate::resolve::{Resolved, Tense};
use crate::timex::TimexType;

/// Relative weekdays told in the past or without tense ("said on Tuesday"):
/// the article is most likely that day or soon after.
pub(super) fn read_weekdays(doc: &Document, body: &[&Resolved], w: &mut Work) {
    for r in body {
        if r.tense == Tense::Future {
            continue;
        }
        let Some(wd) = r.timex.relative_weekday() else {
            continue;
        };
        let ev = evidence(
            doc,
            r.start..r.end,
            format!("a {wd:?} told as past: the article is most likely that day or soon after"),
            Strength::Weak,
        );
        w.evidence.push(ev);
        w.cue(Kind::Weekday, Shape::Weekday(weekday_number(wd)));
    }
}

/// Dates in the page's furniture that are not stamps (a sidebar, a teaser
/// of another post, a related story, a reader's comment): never body
/// evidence, a cue of their own kind.
pub(super) fn read_sidebars(doc: &Document, res: &[Resolved], furn: &PageFurniture, w: &mut Work) {
    for r in res
        .iter()
        .filter(|r| r.start >= doc.body.start && r.end <= doc.body.end)
    {
        let span = r.start..r.end;
        if !furn.covers(&span) || furniture::is_stamp(&doc.text, &span) {
            continue;
        }
        let t = &r.timex;
        let (Some(f), Some(to)) = (t.from, t.to) else {
            continue;
        };
        if t.has_unknown() || !matches!(t.kind, TimexType::Date | TimexType::Time) {
            continue;
        }
        let ev = evidence(
            doc,
            span,
            format!(
                "near {f}: {} is in the page's furniture, not the article's body",
                quote(&r.text)
            ),
            Strength::Weak,
        );
        w.span(ev, Kind::Sidebar, day(f), day(to));
    }
}

/// The year the body mentions most often (at least twice, more often than
/// any other; a year told ahead is not counted), as its evidence entry: the
/// year, the entry, its first and last day (its cue is made with the
/// bare years', `Work::finish_years`).
pub(super) fn read_top_year(doc: &Document, body: &[&Resolved], w: &mut Work) -> Option<(i32, usize, Day, Day)> {
    let mut years: BTreeMap<i32, (usize, usize)> = BTreeMap::new();
    for (k, r) in body.iter().enumerate() {
        let t = &r.timex;
        if t.has_unknown() || !matches!(t.kind, TimexType::Date | TimexType::Time) || w.ahead.contains(&r.start) {
            continue;
        }
        if let (Some(f), Some(to)) = (t.from, t.to) {
            if f.year() == to.year() {
                years.entry(f.year()).or_insert((0, k)).0 += 1;
            }
        }
    }
    let mut ranked: Vec<(i32, usize, usize)> = years.into_iter().map(|(y, (n, k))| (y, n, k)).collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)));
    let &(y, n, k) = ranked.first()?;
    if n < 2 || ranked.get(1).is_some_and(|s| s.1 == n) {
        return None;
    }
    let (a, b) = (date_day(y, 1, 1)?, date_day(y, 12, 31)?);
    let r = body[k];
    let ev = evidence(
        doc,
        r.start..r.end,
        format!("near {y}: the year the article mentions most ({n} times)"),
        Strength::Weak,
    );
    w.evidence.push(ev);
    Some((y, w.evidence.len() - 1, a, b))
}

/// Office holders named with their titles: the term of office
/// (`grammar/offices.txt`).
pub(super) fn read_offices(doc: &Document, w: &mut Work) {
    for (span, t) in super::offices::terms_in(doc.body_text(), doc.body.start) {
        let ev = evidence(
            doc,
            span,
            format!(
                "between {} and {}: {} held the title {} then",
                super::days::fmt(Some(t.from)),
                super::days::fmt(Some(t.to)),
                t.name,
                quote(t.titles.first().map(String::as_str).unwrap_or(""))
            ),
            Strength::Weak,
        );
        w.span(ev, Kind::Office, t.from, t.to);
    }
}

/// The latest year the body tells of as past or present (a date whose
/// clause gives no tense may be a deadline or a maturity years ahead, "due
/// March 1, 2011"): news is most often told within a year or two of it.
/// `tense` reads a stated date's tense (`infer::stated_tense`); a year told
/// ahead is not counted. Its evidence entry, as [`read_top_year`]'s.
pub(super) fn read_latest_year(
    doc: &Document,
    body: &[&Resolved],
    tense: &dyn Fn(&Resolved) -> Tense,
    w: &mut Work,
) -> Option<(i32, usize, Day, Day)> {
    let latest = body
        .iter()
        .filter(|r| !r.timex.has_unknown() && matches!(r.timex.kind, TimexType::Date | TimexType::Time))
        .filter(|r| !w.ahead.contains(&r.start))
        .filter(|r| matches!(tense(r), Tense::Past | Tense::Present))
        .filter_map(|r| r.timex.to.map(|t| (t.year(), *r)))
        .max_by_key(|(y, r)| (*y, std::cmp::Reverse(r.start)));
    let (y, r) = latest?;
    let (a, b) = (date_day(y, 1, 1)?, date_day(y, 12, 31)?);
    let ev = evidence(
        doc,
        r.start..r.end,
        format!("near {y}: the latest year the article tells of"),
        Strength::Weak,
    );
    w.evidence.push(ev);
    Some((y, w.evidence.len() - 1, a, b))
}
