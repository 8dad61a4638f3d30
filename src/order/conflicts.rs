//! Conflicts: the network's negative cycles explained as statements that
//! cannot all hold, weekdays that do not fit their dates, and the anchors'
//! own contradictions; each with a stable id and one sentence a person reads.

use std::collections::{BTreeMap, BTreeSet};

use chrono::Datelike;

use super::events::{self, day, Telling};
use super::merge::Keyed;
use super::relations::{Cue, End, Relation};
use super::{fnv1a, statement, DocInput, Reason, Solved};
use crate::schema::{Conflict, Statement};

/// How near the publication date a weekday must fit, the same day a year
/// either side, for a mismatch to count as a misread year rather than a conflict.
const YEAR_SLIP_DAYS: i64 = 183;

/// Days a weekday's fitting date may lie on the wrong side of the
/// article's date for its tense (a day told in the past may be the
/// article's own or, across time zones, the next). eval/conflicts-heldout
/// pin_text 05.
const TENSE_SLACK_DAYS: i64 = 1;

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
        conflicts.extend(anchor_conflicts(d));
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

/// The anchor stage's conflicts of one document, one per contradiction: the
/// conflicts of one kind (every later teaser against the pin) become one
/// that lists all their statements; a statement given without its text is
/// quoted from the document; and an anchor `conflicting` with no conflict
/// of its own gets one, quoting the statements that bound it.
fn anchor_conflicts(d: &DocInput<'_>) -> Vec<Conflict> {
    let text_of = |st: &mut Statement| {
        if st.text.trim().is_empty() {
            let r = crate::text::sentence(&d.doc.text, st.span[0]..st.span[1]);
            st.text = d.doc.text.get(r).unwrap_or("").trim().to_string();
        }
    };
    let mut by_kind: BTreeMap<String, (Conflict, bool)> = BTreeMap::new();
    for c in &d.anchor.conflicts {
        let mut c = c.clone();
        c.statements.iter_mut().for_each(text_of);
        match by_kind.get_mut(&c.kind) {
            None => {
                by_kind.insert(c.kind.clone(), (c, false));
            }
            Some((one, merged)) => {
                *merged = true;
                for st in c.statements {
                    if !one.statements.iter().any(|s| s.doc == st.doc && s.span == st.span) {
                        one.statements.push(st);
                    }
                }
                for e in c.events {
                    if !one.events.contains(&e) {
                        one.events.push(e);
                    }
                }
                for doc in c.docs {
                    if !one.docs.contains(&doc) {
                        one.docs.push(doc);
                    }
                }
            }
        }
    }
    let mut out: Vec<Conflict> = Vec::with_capacity(by_kind.len());
    for (mut c, merged) in by_kind.into_values() {
        if merged {
            c.statements.sort_by_key(|s| s.span);
            c.id = conflict_id(&c.kind, &c.statements);
            c.explanation = format!(
                "{} ({} statements in all disagree with it.)",
                c.explanation.trim_end(),
                c.statements.len()
            );
        }
        out.push(c);
    }
    if out.is_empty() && d.anchor.status == crate::anchor::Status::Conflicting {
        out.extend(conflicting_anchor(d));
    }
    out
}

/// An anchor `conflicting` whose stage reported no conflict: the statements
/// that bound its date, quoted, and its reason.
fn conflicting_anchor(d: &DocInput<'_>) -> Option<Conflict> {
    let mut statements: Vec<Statement> = Vec::new();
    for ev in d
        .anchor
        .evidence
        .iter()
        .filter(|e| e.earliest.is_some() || e.latest.is_some())
    {
        let mut st = Statement {
            doc: d.doc.id.clone(),
            span: ev.span,
            text: ev.text.trim().to_string(),
        };
        if st.text.is_empty() {
            let r = crate::text::sentence(&d.doc.text, ev.span[0]..ev.span[1]);
            st.text = d.doc.text.get(r).unwrap_or("").trim().to_string();
        }
        if !st.text.is_empty() && !statements.iter().any(|s| s.span == st.span) {
            statements.push(st);
        }
    }
    if statements.is_empty() {
        return None;
    }
    let explanation = d
        .anchor
        .reason
        .clone()
        .filter(|r| !r.trim().is_empty() && !r.contains("\"\""))
        .unwrap_or_else(|| {
            let quoted: Vec<String> = statements.iter().map(|s| quote(&s.text)).collect();
            format!(
                "The statements that date {} cannot all hold: {}.",
                d.doc.id,
                quoted.join(", ")
            )
        });
    Some(Conflict {
        id: conflict_id("anchor_conflicting", &statements),
        kind: "anchor_conflicting".to_string(),
        docs: vec![d.doc.id.clone()],
        statements,
        explanation,
        events: Vec::new(),
    })
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
    // A relation told in another article than its tellings' (a duration
    // measured from another article's date): its sentence is a statement too.
    let mut told_elsewhere: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
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
                let (d, r) = (rels[k].0, &rels[k].1);
                let own = (r.a.1 != End::Origin && tellings[r.a.0].doc == d) || tellings[r.b.0].doc == d;
                if !own {
                    told_elsewhere.push((d, r.span.clone()));
                }
                if r.a.1 != End::Origin {
                    involved.insert(r.a.0);
                }
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
        explain_relation(inputs, tellings, &rels[k])
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
            .chain(
                told_elsewhere
                    .iter()
                    .filter_map(|(d, span)| cue_statement(inputs, *d, span)),
            )
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

/// The sentence of a relation's cue in its article, as a statement.
fn cue_statement(inputs: &[DocInput<'_>], d: usize, span: &std::ops::Range<usize>) -> Option<Statement> {
    let doc = inputs.get(d)?.doc;
    let r = crate::text::sentence(&doc.text, span.clone());
    let raw = doc.text.get(r.clone())?;
    let lead = raw.len() - raw.trim_start().len();
    let text = raw.trim();
    Some(Statement {
        doc: doc.id.clone(),
        span: [r.start + lead, r.start + lead + text.len()],
        text: text.to_string(),
    })
}

/// The kind and the sentence of a conflict that runs through a relation
/// (with the index of the article that tells it).
fn explain_relation(
    inputs: &[DocInput<'_>],
    tellings: &[Telling],
    (told_in, r): &(usize, Relation),
) -> (&'static str, String) {
    let when = |t: &Telling| {
        if t.first.0 == t.last.1 {
            t.first.0.to_string()
        } else {
            format!("{} to {}", t.first.0, t.last.1)
        }
    };
    let b = &tellings[r.b.0];
    if r.a.1 == End::Origin {
        // measured from the article's date: "45" years old, "now, ten years after"
        // the article that measures: the relation's own (another than
        // the reference's for a duration measured from another article's date)
        let anchor = inputs.get(*told_in).unwrap_or(&inputs[b.doc]).anchor;
        let (words, date) = match &r.cue {
            Cue::Duration(w) | Cue::Order(w) | Cue::Same(w) | Cue::Range(w) => (w, anchor.best),
        };
        let date = date.map_or_else(|| "unknown".to_string(), |d| d.to_string());
        (
            "duration_arithmetic",
            format!(
                "{} does not add up: the article is dated {} and {} ({}) is {} before it.",
                quote(words),
                date,
                quote(&b.expression),
                when(b),
                anchor.best.map_or_else(String::new, |d| gap_to(b, d))
            ),
        )
    } else {
        let a = &tellings[r.a.0];
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
            Cue::Same(words) => (
                "event_dates",
                format!(
                    "{} tells one time twice, on dates that do not overlap: {} ({}) and {} ({}).",
                    quote(words),
                    quote(&a.expression),
                    when(a),
                    quote(&b.expression),
                    when(b)
                ),
            ),
            Cue::Range(words) => (
                "inverted_range",
                format!("{} ends ({}) before it starts ({}).", quote(words), when(b), when(a)),
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
    }
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

/// How far before a day a telling starts, in words: "51 to 52 years".
fn gap_to(t: &Telling, d: chrono::NaiveDate) -> String {
    let lo = (day(d) - day(t.first.1)).abs();
    let hi = (day(d) - day(t.last.1).min(day(t.first.0))).abs().max(lo);
    let y = |n: i64| (n as f64 / 365.25).floor() as i64;
    if y(lo) == y(hi) {
        format!("{} years", y(lo))
    } else {
        format!("{} to {} years", y(lo), y(hi))
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
    // The year that fits must fit the tense too: a day told in the past
    // after the article's date, or in the future before it, is no misread
    // year but a contradiction ("the company said on Tuesday, 12 February"
    // in an article of 1 February 2019: 12 February 2019 was a Tuesday,
    // but it had not come yet; eval/conflicts-heldout pin_text 05).
    let mut wrong_side = None;
    if !year_written {
        let anchor = inputs[t.doc].anchor.best;
        let side_ok = |d: chrono::NaiveDate| {
            anchor.is_none_or(|a| match t.tense {
                crate::resolve::Tense::Past => (d - a).num_days() <= TENSE_SLACK_DAYS,
                crate::resolve::Tense::Future => (a - d).num_days() <= TENSE_SLACK_DAYS,
                _ => true,
            })
        };
        let fitting: Vec<chrono::NaiveDate> = [-1i32, 1]
            .iter()
            .filter_map(|dy| t.first.0.with_year(t.first.0.year() + dy))
            .filter(|d| d.weekday() == stated && anchor.is_none_or(|a| (*d - a).num_days().abs() <= YEAR_SLIP_DAYS))
            .collect();
        if fitting.iter().any(|&d| side_ok(d)) {
            return None;
        }
        wrong_side = fitting.first().copied();
    }
    let st = statement(inputs, t);
    let side = match (wrong_side, t.tense) {
        (Some(d), crate::resolve::Tense::Past) => {
            format!(
                " ({} was one, but it is told in the past and comes after the article's date)",
                d.format("%B %-d, %Y")
            )
        }
        (Some(d), _) => {
            format!(
                " ({} was one, but it is told as ahead and comes before the article's date)",
                d.format("%B %-d, %Y")
            )
        }
        (None, _) => String::new(),
    };
    let explanation = format!(
        "{} names a {}, but {} was a {}{side}.",
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
