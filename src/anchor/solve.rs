//! Solving one document's constraints: intersect them strongest first
//! (intervals, then periodic windows over the years left), report what
//! would empty the set, check copyright lines and a pin against the text,
//! judge the status, and pick the best single day.

use chrono::{Datelike, NaiveDate, Weekday};

use super::cues::{body_mentions, quote};
use super::days::{date, date_day, day, Allowed, Day, DaySet};
use super::weights::Weights;
use super::work::Work;
use super::{Anchor, Evidence, Status, Strength};
use crate::ingest::Document;
use crate::page::furniture::{Copyright, PageFurniture};
use crate::resolve::{Resolved, Tense};
use crate::schema::{Conflict, Statement};
use crate::timex::TimexType;

/// Years beyond the open years that yearly windows are never expanded past,
/// whatever the dates (a guard on the work, not a heuristic).
const YEARS_GUARD: i32 = 1000;

/// A single past telling that alone lifts the lower bound more than a few
/// days above every other is set aside (and says so): a misread tense or a
/// reader's comment must not win silently. It only widens the interval.
fn set_aside_lone_latest(w: &mut Work, k: &Weights) {
    let lows: Vec<(usize, Day)> = w
        .constraints
        .iter()
        .enumerate()
        .filter(|(_, (s, _))| *s == Strength::Medium)
        .filter_map(|(k, (_, c))| match c.allowed {
            Allowed::Interval(Some(lo), None) => Some((k, lo)),
            _ => None,
        })
        .collect();
    if lows.len() < 2 {
        return;
    }
    let max = lows.iter().map(|l| l.1).max().unwrap_or(0);
    let at_max: Vec<usize> = lows.iter().filter(|l| l.1 == max).map(|l| l.0).collect();
    let second = lows.iter().map(|l| l.1).filter(|d| *d < max).max();
    // an upper bound from another statement close above it corroborates it
    // ("Saturday, 25 April 2009" under comments stamped 26th Apr 2009)
    let corroborated = |at: usize| {
        w.constraints.iter().enumerate().any(|(j, (_, c))| {
            j != at
                && matches!(c.allowed, Allowed::Interval(_, Some(hi)) if hi >= max && hi - max <= k.corroborate_days)
        })
    };
    if let ([at], Some(second)) = (at_max.as_slice(), second) {
        if max - second > k.set_aside_margin_days && !corroborated(*at) {
            let (_, c) = w.constraints.remove(*at);
            let ev = &mut w.evidence[c.evidence];
            ev.implies = format!(
                "set aside: {} (it alone would move the earliest day {} days past every other statement)",
                ev.implies,
                max - second
            );
            ev.earliest = None;
        }
    }
}

/// The days the constraints leave, and which statements set or broke them.
struct Solution {
    /// The days allowed by every constraint kept.
    set: DaySet,
    /// No constraint bounds the set from below.
    open_lo: bool,
    /// No constraint bounds the set from above.
    open_hi: bool,
    /// The evidence that last raised the lower bound.
    lo_by: Option<usize>,
    /// The evidence that last lowered the upper bound.
    hi_by: Option<usize>,
    /// Evidence whose constraint would have emptied the set, with the
    /// evidence it disagrees with.
    rejected: Vec<(usize, Vec<usize>)>,
}

impl Solution {
    fn earliest(&self) -> Option<NaiveDate> {
        if self.open_lo {
            None
        } else {
            self.set.min().and_then(date)
        }
    }

    fn latest(&self) -> Option<NaiveDate> {
        if self.open_hi {
            None
        } else {
            self.set.max().and_then(date)
        }
    }
}

/// Intersect the constraints: interval constraints first, so periodic ones
/// expand over a narrow range.
fn intersect(w: &Work, k: &Weights) -> Solution {
    let (intervals, periodic): (Vec<_>, Vec<_>) = w
        .constraints
        .iter()
        .partition(|(_, c)| matches!(c.allowed, Allowed::Interval(..)));
    let mut s = Solution {
        set: DaySet::all(),
        open_lo: false,
        open_hi: false,
        lo_by: None,
        hi_by: None,
        rejected: Vec::new(),
    };
    for (_, c) in &intervals {
        let next = s.set.intersect(&c.allowed.to_set(k.open_years()));
        if next.is_empty() {
            let against: Vec<usize> = [s.lo_by, s.hi_by].into_iter().flatten().collect();
            s.rejected.push((c.evidence, against));
            continue;
        }
        if next.min() != s.set.min() {
            s.lo_by = Some(c.evidence);
        }
        if next.max() != s.set.max() {
            s.hi_by = Some(c.evidence);
        }
        s.set = next;
    }
    let all = DaySet::all();
    s.open_lo = s.set.min() == all.min();
    s.open_hi = s.set.max() == all.max();
    let years = periodic_years(&s, k.open_years());
    let reach = k.yearless_horizon_days + k.periodic_slack_days;
    let window = Allowed::Interval(
        date_day(years.0, 1, 1).map(|d| d - reach),
        date_day(years.1, 12, 31).map(|d| d + reach),
    )
    .to_set(k.open_years());
    s.set = s.set.intersect(&window);
    for (_, c) in &periodic {
        let next = s.set.intersect(&c.allowed.to_set(years));
        if next.is_empty() {
            let against: Vec<usize> = [s.lo_by, s.hi_by].into_iter().flatten().collect();
            s.rejected.push((c.evidence, against));
            continue;
        }
        s.set = next;
    }
    s
}

/// The years periodic windows are expanded over: a year either side of what
/// the intervals allow, kept bounded whatever the dates.
fn periodic_years(s: &Solution, open: (i32, i32)) -> (i32, i32) {
    let years = (
        if s.open_lo {
            open.0
        } else {
            s.set.min().and_then(date).map(|d| d.year() - 1).unwrap_or(open.0)
        },
        if s.open_hi {
            open.1
        } else {
            s.set.max().and_then(date).map(|d| d.year() + 1).unwrap_or(open.1)
        },
    );
    (
        years.0.clamp(open.0 - YEARS_GUARD, open.1 + YEARS_GUARD),
        years.1.clamp(open.0 - YEARS_GUARD, open.1 + YEARS_GUARD),
    )
}

/// Why each rejected statement was rejected.
fn reasons(w: &Work, rejected: &[(usize, Vec<usize>)]) -> Vec<String> {
    let mut reasons = Vec::new();
    for (ev, against) in rejected {
        let e = &w.evidence[*ev];
        let others: Vec<String> = against
            .iter()
            .filter(|a| **a != *ev)
            .map(|a| quote(&w.evidence[*a].text))
            .collect();
        reasons.push(format!(
            "{} ({}) disagrees with {}",
            quote(&e.text),
            e.implies,
            if others.is_empty() {
                "the other statements".to_string()
            } else {
                others.join(" and ")
            }
        ));
    }
    reasons
}

/// Solve one document's constraints into its anchor (`pinned`: the pin's
/// day; `retrieved`: the day the page was retrieved).
pub(super) fn solve(
    doc: &Document,
    mut w: Work,
    (pinned, retrieved): (Option<NaiveDate>, Option<NaiveDate>),
    furn: &PageFurniture,
    dated_body_max: Option<Day>,
    res: &[Resolved],
    k: &Weights,
) -> Anchor {
    // strongest first; stable within a strength (text order)
    w.constraints.sort_by_key(|c| std::cmp::Reverse(c.0));
    set_aside_lone_latest(&mut w, k);
    let s = intersect(&w, k);
    let (earliest, latest) = (s.earliest(), s.latest());
    let reasons = reasons(&w, &s.rejected);
    // copyright lines: evidence, and a conflict when they contradict the body
    let body_year = dated_body_max.and_then(date).map(|d| d.year());
    let mut conflicts: Vec<Conflict> = furn
        .copyrights
        .iter()
        .filter_map(|c| copyright(doc, c, &mut w, body_year, latest, (s.lo_by, s.hi_by)))
        .collect();
    if let Some(p) = pinned {
        conflicts.extend(pin_contradicted(doc, &w, p, k));
    }
    for (n, c) in conflicts.iter_mut().enumerate() {
        c.id = format!("c-{}-{}", doc.id, n + 1);
    }
    let (text_earliest, text_latest) = if pinned.is_some() {
        (earliest, latest)
    } else {
        (None, None)
    };
    let (status, reason, earliest, latest, best) = match pinned {
        Some(p) => (Status::Pinned, None, Some(p), Some(p), Some(p)),
        None => {
            let best = best_guess(doc, &s.set, (earliest, latest), res, furn, &w.linked, k);
            let (status, reason) = if s.rejected.is_empty() {
                judge(doc, &w, furn, (earliest, latest), retrieved, k.determined_days)
            } else {
                (Status::Conflicting, Some(reasons.join("; ")))
            };
            (status, reason, earliest, latest, best)
        }
    };
    Anchor {
        doc: doc.id.clone(),
        earliest,
        latest,
        best,
        status,
        reason,
        text_earliest,
        text_latest,
        evidence: w.evidence,
        conflicts,
    }
}

/// The status of a document whose constraints agree, with what is missing
/// when it is under-determined.
fn judge(
    doc: &Document,
    w: &Work,
    furn: &PageFurniture,
    (earliest, latest): (Option<NaiveDate>, Option<NaiveDate>),
    retrieved: Option<NaiveDate>,
    determined_days: i64,
) -> (Status, Option<String>) {
    match (earliest, latest) {
        (Some(e), Some(l)) if (l - e).num_days() < determined_days => (Status::Determined, None),
        (Some(_), Some(_)) => (Status::Bounded, None),
        (e, l) => {
            let mut why = Vec::new();
            if !w.years_seen && e.is_none() && l.is_none() {
                why.push("no year is stated".to_string());
            }
            if l.is_none() {
                let stamp = furn
                    .stamps
                    .first()
                    .map(|s| quote(doc.text.get(s.range.clone()).unwrap_or("")));
                why.push(match (stamp, retrieved) {
                    (Some(s), None) => format!("nothing bounds it from above ({s} needs the retrieval date)"),
                    _ => "nothing bounds it from above".to_string(),
                });
            }
            if e.is_none() {
                why.push("nothing bounds it from below".to_string());
            }
            why.push("pin it in anchors.yaml or give --retrieved".into());
            (Status::UnderDetermined, Some(why.join("; ")))
        }
    }
}

/// A copyright line as evidence, and a conflict when its year contradicts
/// the body (after the latest day it allows, or before a year it dates).
fn copyright(
    doc: &Document,
    c: &Copyright,
    w: &mut Work,
    body_year: Option<i32>,
    latest: Option<NaiveDate>,
    (lo_by, hi_by): (Option<usize>, Option<usize>),
) -> Option<Conflict> {
    let late = latest.filter(|l| c.year > l.year());
    let early = body_year.filter(|y| c.year < *y);
    let ev_text = doc.text.get(c.range.clone()).unwrap_or("").to_string();
    let implies = match (late, early) {
        (Some(l), _) => format!(
            "nothing: the footer year {} is a year or more after the body's dating (no later than {l})",
            c.year
        ),
        (None, Some(y)) => format!(
            "nothing: the footer year {} is before events the body dates in {y}",
            c.year
        ),
        _ => format!(
            "nothing: a copyright year ({}) is a page date, not a publication date",
            c.year
        ),
    };
    w.evidence.push(Evidence {
        text: ev_text.clone(),
        span: [c.range.start, c.range.end],
        implies: implies.clone(),
        strength: Strength::Weak,
        earliest: None,
        latest: None,
    });
    if late.is_none() && early.is_none() {
        return None;
    }
    let mut statements = vec![Statement {
        doc: doc.id.clone(),
        span: [c.range.start, c.range.end],
        text: ev_text.clone(),
    }];
    let binding = if late.is_some() { hi_by } else { lo_by };
    if let Some(b) = binding {
        let e = &w.evidence[b];
        if e.span[1] > 0 {
            statements.push(Statement {
                doc: doc.id.clone(),
                span: e.span,
                text: e.text.clone(),
            });
        }
    }
    let explanation = match late {
        Some(l) => format!(
            "The footer says {}, but the body dates the article no later than {l}{}.",
            ev_text.trim(),
            binding
                .map(|b| format!(" ({})", w.evidence[b].implies))
                .unwrap_or_default()
        ),
        None => format!(
            "The footer says {}, but the body tells of events in {}.",
            ev_text.trim(),
            body_year.unwrap_or_default()
        ),
    };
    Some(Conflict {
        id: String::new(),
        kind: "copyright_vs_body".into(),
        docs: vec![doc.id.clone()],
        statements,
        explanation,
        events: Vec::new(),
    })
}

/// The firm statements that exclude a pinned date (a day either side for
/// the time zones of writer and page).
fn pin_contradicted(doc: &Document, w: &Work, p: NaiveDate, k: &Weights) -> Vec<Conflict> {
    let pd = day(p);
    let mut out = Vec::new();
    for (_, c) in w.constraints.iter().filter(|(_, c)| c.checks_pin) {
        let s = c
            .allowed
            .to_set((p.year() - k.pin_check_years, p.year() + k.pin_check_years));
        let tol = k.pin_tolerance_days;
        if !(pd - tol..=pd + tol).any(|d| s.contains(d)) {
            let e = &w.evidence[c.evidence];
            out.push(Conflict {
                id: String::new(),
                kind: "pin_contradicted".into(),
                docs: vec![doc.id.clone()],
                statements: vec![Statement {
                    doc: doc.id.clone(),
                    span: e.span,
                    text: e.text.clone(),
                }],
                explanation: format!(
                    "The publication date is pinned to {p}, but {} says the article was published {}.",
                    quote(&e.text),
                    e.implies.split(':').next().unwrap_or("otherwise")
                ),
                events: Vec::new(),
            });
        }
    }
    out
}

/// The single most likely day inside the allowed set: news tells events soon
/// after they happen, so days just after the latest dated event score high, a
/// date at the head of the article (a dateline) scores higher, and days whose
/// weekday fits the text's "Thursday"s score higher still.
fn best_guess(
    doc: &Document,
    set: &DaySet,
    (earliest, latest): (Option<NaiveDate>, Option<NaiveDate>),
    res: &[Resolved],
    furn: &PageFurniture,
    linked: &[(Day, Tense)],
    k: &Weights,
) -> Option<NaiveDate> {
    let body = body_mentions(doc, res, furn);
    // day-exact dates: stated with their year, or given one by another telling
    let mut days: Vec<(Day, Tense, usize, bool)> = Vec::new();
    let mut weekdays: Vec<(Weekday, Tense)> = Vec::new();
    for r in &body {
        let t = &r.timex;
        if let (Some(f), Some(to)) = (t.from, t.to) {
            if f == to && !t.has_unknown() && matches!(t.kind, TimexType::Date | TimexType::Time) {
                let tense = match r.tense {
                    Tense::Unknown => crate::resolve::tense_at(&doc.text, r.start, r.end).0,
                    t => t,
                };
                days.push((day(f), tense, r.start - doc.body.start, r.weekday.is_some()));
            }
        }
        if let Some(wd) = t.relative_weekday() {
            weekdays.push((wd, r.tense));
        }
    }
    days.extend(linked.iter().map(|&(d, t)| (d, t, usize::MAX, false)));
    let lo = earliest.map(day);
    let hi = latest.map(day);
    let bounded = lo.is_some() || hi.is_some();
    // the latest day told as past or without tense, inside the bounds
    let told = days
        .iter()
        .filter(|d| d.1 != Tense::Future)
        .map(|d| d.0)
        .filter(|d| lo.is_none_or(|l| *d >= l - k.told_slack_days) && hi.is_none_or(|h| *d <= h))
        .max();
    let (from, to) = match (lo, hi, told) {
        (Some(a), Some(b), _) => (a, b.min(a + k.guess_reach_days)),
        // a lower bound alone ("the early 1990s" told in the past) says nothing
        // of the day: no guess without a day told
        (Some(_), None, None) => return None,
        (Some(a), None, Some(t)) => {
            let base = t.max(a);
            ((base - k.guess_lead_days).max(a), base + k.guess_lag_days)
        }
        (None, Some(b), Some(t)) => (t.max(b - k.guess_reach_days), b),
        (None, None, Some(t)) => (t - k.guess_open_lead_days, t + k.guess_lag_days),
        (_, _, None) => return None,
    };
    // news is told soon after the latest thing it tells of
    let base = told.unwrap_or(from);
    let mut best: Option<(f64, Day)> = None;
    for d in from..=to {
        if bounded && !set.contains(d) {
            continue;
        }
        let mut score = -k.after_told_cost * (d - base).max(0) as f64 - k.before_told_cost * (base - d).max(0) as f64;
        for &(m, tense, at, with_weekday) in &days {
            let gap = d - m;
            // a date at the head of the article, stronger with its weekday
            // ("LONDON | Tue Nov 2 , 2010 2:39 pm EDT")
            let dateline = at < k.head_bytes && tense != Tense::Future;
            let head = if with_weekday {
                k.dateline_weekday_score
            } else {
                k.dateline_score
            };
            score += match gap {
                0 if dateline => head,
                1 if dateline => head * k.dateline_next_share,
                0 => k.told_day_score,
                1 => k.told_next_score,
                g if g >= 2 && g <= k.told_week_days => k.told_week_score,
                // a past event after the publication day is impossible
                i64::MIN..=-1 if tense == Tense::Past => -k.past_after_cost,
                _ => 0.0,
            };
        }
        if let Some(dd) = date(d) {
            for &(wd, tense) in &weekdays {
                let gap = (dd.weekday().num_days_from_monday() as i64 - wd.num_days_from_monday() as i64).rem_euclid(7);
                score += match (tense, gap) {
                    (Tense::Future, 6) => k.weekday_eve_score,
                    (Tense::Future, _) => 0.0,
                    (_, 0) => k.weekday_day_score,
                    (_, 1) => k.weekday_next_score,
                    _ => 0.0,
                };
            }
        }
        if best.is_none_or(|(s, _)| score > s + 1e-9) {
            best = Some((score, d));
        }
    }
    best.and_then(|(_, d)| date(d))
}
