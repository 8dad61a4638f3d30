//! Conflicts: the network's negative cycles explained as statements that
//! cannot all hold, weekdays that do not fit their dates, and the anchors'
//! own contradictions; each with a stable id and one sentence a person reads.

use std::collections::{BTreeMap, BTreeSet};

use chrono::Datelike;

use super::events::{self, day, Telling};
use super::merge::Keyed;
use super::relations::{Cue, Relation};
use super::{fnv1a, statement, DocInput, Reason, Solved};
use crate::schema::{Conflict, Statement};

/// How near the publication date a weekday must fit, the same day a year
/// either side, for a mismatch to count as a misread year rather than a conflict.
const YEAR_SLIP_DAYS: i64 = 183;

/// Every conflict: the network's cycles explained, weekdays that do not
/// fit, the anchors' own; sorted by first statement, deduplicated.
pub(super) fn conflicts_of(
    inputs: &[DocInput<'_>],
    tellings: &[Telling],
    rels: &[(usize, Relation)],
    solved: &Solved,
    ids: &[String],
) -> Vec<Conflict> {
    let mut conflicts: Vec<Conflict> = Vec::new();
    for cycle in &solved.sol.cycles {
        let whys: Vec<&Reason> = cycle
            .iter()
            .filter_map(|&e| solved.net.constraint(e))
            .map(|c| &solved.reasons[c.why])
            .collect();
        if let Some(c) = explain(inputs, tellings, rels, &whys, ids) {
            conflicts.push(c);
        }
    }
    for (i, t) in tellings.iter().enumerate() {
        if let Some(c) = weekday_mismatch(inputs, t, &ids[i]) {
            conflicts.push(c);
        }
    }
    for d in inputs {
        conflicts.extend(d.anchor.conflicts.iter().cloned());
    }
    conflicts.sort_by(|a, b| {
        let k = |c: &Conflict| {
            (
                c.statements.first().map(|s| (s.doc.clone(), s.span)),
                c.kind.clone(),
                c.id.clone(),
            )
        };
        k(a).cmp(&k(b))
    });
    conflicts.dedup_by(|a, b| a.id == b.id);
    conflicts
}

/// Point events at their conflicts (by the tellings' ids), and conflicts at
/// the merged events' ids.
pub(super) fn link_conflicts(events: &mut [Keyed], conflicts: &mut [Conflict], ids: &[String], event_of: &[usize]) {
    let pos: BTreeMap<&str, usize> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| (id.as_str(), event_of[i]))
        .collect();
    for c in conflicts.iter() {
        for eid in &c.events {
            if let Some(&k) = pos.get(eid.as_str()) {
                let list = &mut events[k].0.conflicts;
                if !list.contains(&c.id) {
                    list.push(c.id.clone());
                }
            }
        }
    }
    for c in conflicts.iter_mut() {
        for eid in &mut c.events {
            if let Some(&k) = pos.get(eid.as_str()) {
                eid.clone_from(&events[k].0.id);
            }
        }
        c.events.dedup();
    }
}

fn quote(s: &str) -> String {
    format!("\u{201c}{s}\u{201d}")
}

fn explain(
    inputs: &[DocInput<'_>],
    tellings: &[Telling],
    rels: &[(usize, Relation)],
    whys: &[&Reason],
    ids: &[String],
) -> Option<Conflict> {
    let mut involved: BTreeSet<usize> = BTreeSet::new();
    let mut link: Option<(usize, usize)> = None;
    let mut rel: Option<usize> = None;
    let mut unsure = false;
    for w in whys {
        match **w {
            Reason::Date(i) => {
                involved.insert(i);
            }
            Reason::Link(a, b, sure) => {
                if !sure {
                    // Not sure enough that these tell one event: the link is
                    // set aside without a report.
                    unsure = true;
                }
                involved.insert(a);
                involved.insert(b);
                link.get_or_insert((a, b));
            }
            Reason::Relation(k) => {
                let r = &rels[k].1;
                involved.insert(r.a.0);
                involved.insert(r.b.0);
                if rel.is_none() || matches!(r.cue, Cue::Duration(_)) {
                    rel = Some(k);
                }
            }
        }
    }
    if unsure {
        return None;
    }
    let first = *involved.iter().next()?;
    let when = |t: &Telling| {
        if t.first.0 == t.last.1 {
            t.first.0.to_string()
        } else {
            format!("{} to {}", t.first.0, t.last.1)
        }
    };
    let (kind, explanation) = if let Some(k) = rel {
        let (_, r) = &rels[k];
        let (a, b) = (&tellings[r.a.0], &tellings[r.b.0]);
        match &r.cue {
            Cue::Duration(words) => (
                "duration_arithmetic",
                format!(
                    "{} does not add up: {} ({}) and {} ({}) are {} apart.",
                    quote(words),
                    quote(&b.expression),
                    when(b),
                    quote(&a.expression),
                    when(a),
                    gap(a, b)
                ),
            ),
            Cue::Order(words) => (
                "event_order",
                format!(
                    "{} puts {} ({}) and {} ({}) in an order their dates do not allow.",
                    quote(words),
                    quote(&b.expression),
                    when(b),
                    quote(&a.expression),
                    when(a)
                ),
            ),
        }
    } else if let Some((a, b)) = link {
        let (ta, tb) = (&tellings[a], &tellings[b]);
        (
            "event_dates",
            format!(
                "{} and {} tell the same event ({}) on dates that do not overlap: {} ({}) and {} ({}).",
                inputs[ta.doc].doc.id,
                inputs[tb.doc].doc.id,
                quote(&ta.text),
                quote(&ta.expression),
                when(ta),
                quote(&tb.expression),
                when(tb)
            ),
        )
    } else {
        let t = &tellings[first];
        (
            "inverted_range",
            format!(
                "{} ends ({} to {}) before it starts ({} to {}).",
                quote(&t.expression),
                t.last.0,
                t.last.1,
                t.first.0,
                t.first.1
            ),
        )
    };
    let statements: Vec<Statement> = {
        let mut seen = BTreeSet::new();
        involved
            .iter()
            .map(|&i| statement(inputs, &tellings[i]))
            .filter(|s| seen.insert((s.doc.clone(), s.span)))
            .collect()
    };
    let docs: Vec<String> = statements
        .iter()
        .map(|s| s.doc.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    Some(Conflict {
        id: conflict_id(kind, &statements),
        kind: kind.to_string(),
        docs,
        statements,
        explanation,
        events: involved.iter().map(|&i| ids[i].clone()).collect(),
    })
}

/// How far apart two tellings' starts can be, in words: "27 to 28 years".
fn gap(a: &Telling, b: &Telling) -> String {
    let lo = (day(b.first.0) - day(a.first.1)).abs();
    let hi = (day(b.first.1) - day(a.first.0)).abs();
    let (lo, hi) = (lo.min(hi), lo.max(hi));
    let (unit, size) = if lo >= 730 {
        ("years", 365.25)
    } else if lo >= 60 {
        ("months", 30.44)
    } else {
        ("days", 1.0)
    };
    let (l, h) = ((lo as f64 / size).floor() as i64, (hi as f64 / size).floor() as i64);
    if l == h {
        format!("{l} {unit}")
    } else {
        format!("{l} to {h} {unit}")
    }
}

fn conflict_id(kind: &str, statements: &[Statement]) -> String {
    let mut parts: Vec<Vec<u8>> = vec![kind.as_bytes().to_vec()];
    for s in statements {
        parts.push(s.doc.as_bytes().to_vec());
        parts.push(format!("{}:{}", s.span[0], s.span[1]).into_bytes());
    }
    let refs: Vec<&[u8]> = parts.iter().map(Vec::as_slice).collect();
    format!("c-{:012x}", fnv1a(&refs) >> 16)
}

/// "Monday, February 6" in a year when February 6 is a Tuesday.
fn weekday_mismatch(inputs: &[DocInput<'_>], t: &Telling, id: &str) -> Option<Conflict> {
    let stated = t.weekday?;
    if t.ambiguous || t.first.0 != t.first.1 || t.first != t.last {
        return None;
    }
    let actual = t.first.0.weekday();
    if actual == stated {
        return None;
    }
    // No year written: if the weekday fits the same day a year either side,
    // close to the publication date, the year was misread, not the text.
    let year_written = events::has_year(&t.expression);
    // No year written and an anchor only bounded: the year is the
    // resolver's guess, and the weekday helps the anchor, not a conflict.
    let anchor = inputs[t.doc].anchor;
    if !year_written
        && !matches!(
            anchor.status,
            crate::anchor::Status::Pinned | crate::anchor::Status::Determined
        )
    {
        return None;
    }
    if !year_written {
        let anchor = inputs[t.doc].anchor.best;
        let fits_nearby = [-1i32, 1].iter().any(|dy| {
            t.first.0.with_year(t.first.0.year() + dy).is_some_and(|d| {
                d.weekday() == stated && anchor.is_none_or(|a| (d - a).num_days().abs() <= YEAR_SLIP_DAYS)
            })
        });
        if fits_nearby {
            return None;
        }
    }
    let st = statement(inputs, t);
    let explanation = format!(
        "{} names a {}, but {} was a {}.",
        quote(&t.expression),
        weekday_name(stated),
        t.first.0.format("%B %-d, %Y"),
        weekday_name(actual)
    );
    let statements = vec![st];
    Some(Conflict {
        id: conflict_id("weekday_mismatch", &statements),
        kind: "weekday_mismatch".into(),
        docs: vec![inputs[t.doc].doc.id.clone()],
        statements,
        explanation,
        events: vec![id.to_string()],
    })
}

fn weekday_name(w: chrono::Weekday) -> String {
    // Any ISO week has every weekday; chrono spells it.
    chrono::NaiveDate::from_isoywd_opt(2024, 1, w)
        .map(|d| d.format("%A").to_string())
        .unwrap_or_else(|| format!("{w:?}"))
}
