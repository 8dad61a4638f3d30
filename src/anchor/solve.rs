//! Solving one document: combine its cues into the posterior of the model
//! ([`super::model`]), state the interval at the table's confidence and the
//! best day, report the statements the result goes against, check
//! copyright lines and a pin against the text, and judge the status.

use chrono::{Datelike, NaiveDate};

use super::cues::quote;
use super::days::{date, date_day, day, Allowed, Day};
use super::model::{estimate, pull, Kind, Shape, Summary, Table};
use super::weights::Weights;
use super::work::Work;
use super::{Anchor, Evidence, Figure, Status, Strength};
use crate::ingest::Document;
use crate::page::furniture::{Copyright, PageFurniture};
use crate::schema::{Conflict, Statement};

/// The firm statements (those that may contradict a pin) whose days the
/// result holds with a probability below `1 - confidence`: the result goes
/// against them, and they are named.
fn overruled(w: &Work, s: &Summary, confidence: f64) -> Vec<usize> {
    w.constraints
        .iter()
        .filter(|(_, c)| c.checks_pin)
        .filter_map(|(_, c)| match c.allowed {
            Allowed::Interval(lo, hi) => (s.mass(lo, hi) < 1.0 - confidence).then_some(c.evidence),
            _ => None,
        })
        .collect()
}

/// Two firm statements that cannot both hold: the one that puts the
/// earliest day latest and the one that puts the latest day earliest, when
/// those days cross by more than the pin tolerance (the same slack of time
/// zones as a pin contradiction). One linear pass over the constraints.
fn crossed(w: &Work, tolerance: i64) -> Option<(usize, usize)> {
    let mut lo: Option<(Day, usize)> = None;
    let mut hi: Option<(Day, usize)> = None;
    for (_, c) in w.constraints.iter().filter(|(_, c)| c.checks_pin) {
        if let Allowed::Interval(l, h) = c.allowed {
            if let Some(l) = l.filter(|l| lo.is_none_or(|(x, _)| *l > x)) {
                lo = Some((l, c.evidence));
            }
            if let Some(h) = h.filter(|h| hi.is_none_or(|(x, _)| *h < x)) {
                hi = Some((h, c.evidence));
            }
        }
    }
    match (lo, hi) {
        (Some((l, a)), Some((h, b))) if a != b && l > h + tolerance => Some((a, b)),
        _ => None,
    }
}

/// Why each overruled statement was overruled: the statements that pull
/// hardest toward the best day.
fn reasons(w: &Work, overruled: &[usize], pulls: &[(usize, f64)]) -> Vec<String> {
    let mut strongest: Vec<&(usize, f64)> = pulls.iter().filter(|p| p.1 > 0.0).collect();
    strongest.sort_by(|a, b| b.1.total_cmp(&a.1));
    overruled
        .iter()
        .map(|ev| {
            let e = &w.evidence[*ev];
            let others: Vec<String> = strongest
                .iter()
                .filter(|p| p.0 != *ev)
                .take(2)
                .map(|p| quote(&w.evidence[p.0].text))
                .collect();
            format!(
                "{} ({}) disagrees with {}",
                quote(&e.text),
                e.implies,
                if others.is_empty() {
                    "the other statements".to_string()
                } else {
                    others.join(" and ")
                }
            )
        })
        .collect()
}

/// Solve one document's cues into its anchor (`pinned`: the pin's day;
/// `retrieved`: the day the page was retrieved).
pub(super) fn solve(
    doc: &Document,
    mut w: Work,
    (pinned, retrieved): (Option<NaiveDate>, Option<NaiveDate>),
    furn: &PageFurniture,
    dated_body_max: Option<Day>,
    (k, t): (&Weights, &Table),
) -> Anchor {
    let copyrights: Vec<usize> = furn.copyrights.iter().map(|c| copyright_cue(doc, c, &mut w)).collect();
    let s = estimate(&w.cues, t, t.confidence);
    let (earliest, latest) = (s.earliest.and_then(date), s.latest.and_then(date));
    let best = s.best.and_then(date);
    let pulls: Vec<(usize, f64)> = match s.best {
        Some(b) => w.cues.iter().map(|c| (c.evidence, pull(c, b, t))).collect(),
        None => Vec::new(),
    };
    for (ev, p) in &pulls {
        if let Some(e) = w.evidence.get_mut(*ev) {
            e.moved = Some(Figure::new(*p));
        }
    }
    for c in &w.cues {
        if let Some(e) = w.evidence.get_mut(c.evidence) {
            e.kind = Some(c.kind.name().to_string());
        }
    }
    let overruled = overruled(&w, &s, t.confidence);
    let reasons = reasons(&w, &overruled, &pulls);
    // copyright lines: a conflict when they contradict the body
    let body_year = dated_body_max.and_then(date).map(|d| d.year());
    // the statement that pulls hardest toward the best day, a copyright
    // line aside (it is what the conflict is about, never what binds it)
    let bound_by = || -> Option<usize> {
        let mut v: Vec<&(usize, f64)> = pulls
            .iter()
            .filter(|p| p.1 > 0.0 && !copyrights.contains(&p.0))
            .collect();
        v.sort_by(|a, b| b.1.total_cmp(&a.1));
        v.first().map(|p| p.0)
    };
    // an open upper side still ends the body's dating where the interval
    // would have (the hull holding the stated confidence): a footer years
    // after it contradicts the body whether or not the side is cut open
    let dated_to = latest.or_else(|| date(s.hull.1));
    let mut conflicts: Vec<Conflict> = furn
        .copyrights
        .iter()
        .zip(&copyrights)
        .filter_map(|(c, ev)| copyright(doc, c, *ev, &mut w, body_year, dated_to, bound_by()))
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
            let (status, reason) =
                if let Some((a, b)) = crossed(&w, k.pin_tolerance_days).filter(|_| overruled.is_empty()) {
                    let (ea, eb) = (&w.evidence[a], &w.evidence[b]);
                    let why = format!(
                        "{} ({}) disagrees with {} ({})",
                        quote(&ea.text),
                        ea.implies,
                        quote(&eb.text),
                        eb.implies
                    );
                    (Status::Conflicting, Some(why))
                } else if overruled.is_empty() {
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
        confidence: pinned.is_none().then_some(Figure::new(t.confidence)),
        status,
        reason,
        text_earliest,
        text_latest,
        evidence: w.evidence,
        conflicts,
    }
}

/// A copyright line as evidence and as a cue of its own kind; returns its
/// evidence entry.
fn copyright_cue(doc: &Document, c: &Copyright, w: &mut Work) -> usize {
    w.evidence.push(Evidence {
        text: doc.text.get(c.range.clone()).unwrap_or("").to_string(),
        span: [c.range.start, c.range.end],
        implies: format!(
            "nothing: a copyright year ({}) is a page date, not a publication date",
            c.year
        ),
        strength: Strength::Weak,
        earliest: None,
        latest: None,
        kind: None,
        moved: None,
    });
    if let (Some(a), Some(b)) = (date_day(c.year, 1, 1), date_day(c.year, 12, 31)) {
        w.cue(Kind::Copyright, Shape::Span(a, b));
    }
    w.evidence.len() - 1
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
    ev: usize,
    w: &mut Work,
    body_year: Option<i32>,
    latest: Option<NaiveDate>,
    bound_by: Option<usize>,
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
    if let Some(e) = w.evidence.get_mut(ev) {
        e.implies = implies;
    }
    if late.is_none() && early.is_none() {
        return None;
    }
    let mut statements = vec![Statement {
        doc: doc.id.clone(),
        span: [c.range.start, c.range.end],
        text: ev_text.clone(),
    }];
    let binding = bound_by;
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
    // the years whose year-less windows can reach the pin's days: a window
    // lies at most the horizon from its day of the year
    let years = ((k.yearless_horizon_days + k.pin_tolerance_days).max(0) / 365 + 1) as i32;
    for (_, c) in w.constraints.iter().filter(|(_, c)| c.checks_pin) {
        let s = c.allowed.to_set((p.year() - years, p.year() + years));
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
