//! Ordering: the constraint network over every event of every article, its
//! solution, the conflicts it finds, and the chronology's total order.
//!
//! Each telling of an event (see [`events`]) gives two time points, its start
//! and end, bounded by its calendar interval (`first ≤ start ≤ end ≤ last`).
//! Order words and measured durations in a sentence ([`relations`]) and
//! tellings of one event in several articles (shared content words and
//! overlapping dates) join points by difference constraints. The network
//! ([`network`]) is solved incrementally, strongest constraint first; a negative cycle is a
//! conflict, explained by the statements its edges came from.
//!
//! ```text
//! telling  t:  first.0 ≤ S_t ≤ first.1,  last.0 ≤ E_t ≤ last.1,  S_t ≤ E_t
//! same event:  S_a ≤ E_b + 1,  S_b ≤ E_a + 1          (they share a day, ±1 for time zones)
//! relation:    lo ≤ P_b − P_a ≤ hi                     (order words, durations)
//! conflict kinds: inverted_range · event_dates · duration_arithmetic · event_order
//!                 · weekday_mismatch (checked on the calendar, not in the network)
//! ```
//!
//! The total order sorts events by the tightest lower bound of their start
//! (then latest end, document, position). Every constraint "A starts k ≥ 0
//! days before B" raises B's lower bound to at least A's plus k, so this sort
//! is a topological order of the precedence the network implies, with ties
//! broken stably.

use std::collections::{BTreeMap, BTreeSet};

use chrono::Datelike;
use petgraph::graph::{EdgeIndex, NodeIndex};
use petgraph::unionfind::UnionFind;

use crate::anchor::Anchor;
use crate::ingest::Document;
use crate::page::furniture::Furniture;
use crate::resolve::Resolved;
use crate::schema::{AnchorSummary, Chronology, Conflict, Event, Statement, SCHEMA_VERSION};

pub mod events;
pub mod lexicon;
pub mod network;
pub mod relations;

use events::{date, day, Telling};
use network::{Network, Solution};
use relations::{Cue, End, Relation};

/// Link two tellings from different articles when they share this many
/// content words (lexicon groups count) …
const LINK_SHARED: usize = 3;
/// … and this share of the smaller one's words.
const LINK_OVERLAP: f64 = 0.5;
/// Report two tellings whose dates disagree only when they share this share
/// of the larger one's words too, and the same names: real articles tell
/// many different events in the same words ("condemned the bombings of the
/// U.S. embassies" by Iran on Saturday, by the Security Council on Thursday).
const CONFLICT_OVERLAP: f64 = 0.6;
/// A word told by more tellings than this is no evidence of sameness.
const LINK_MAX_DF: usize = 50;

/// How near the publication date a weekday must fit, the same day a year
/// either side, for a mismatch to count as a misread year rather than a conflict.
const YEAR_SLIP_DAYS: i64 = 183;

/// Edge priorities: the weakest edge of a conflict is set aside first.
const P_DATE: u8 = 3;
const P_DURATION: u8 = 2;
const P_ORDER: u8 = 1;
const P_LINK: u8 = 0;

/// A fixed FNV-1a 64-bit hash (stable across runs and platforms, unlike
/// std's RandomState): the ids of events and conflicts.
pub fn fnv1a(parts: &[&[u8]]) -> u64 {
    let mut h = crate::text::Fnv1a::new();
    for p in parts {
        for &b in p.iter() {
            h.push(u64::from(b));
        }
        // A separator, so ("ab","c") and ("a","bc") differ.
        h.push(0xff);
    }
    h.finish()
}

/// Stable id of an event: `e-` and 12 hex digits of the hash of its doc,
/// span and expression text. Neither the anchor nor the event phrase enters
/// it, so a pin or a better phrase moves an event without renaming it.
pub fn event_id(doc: &str, span: [usize; 2], text: &str) -> String {
    let h = fnv1a(&[
        doc.as_bytes(),
        span[0].to_string().as_bytes(),
        span[1].to_string().as_bytes(),
        text.as_bytes(),
    ]);
    format!("e-{:012x}", h >> 16)
}

/// Why an edge is in the network.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Reason {
    /// A telling's own dates.
    Date(usize),
    /// Two tellings of one event; `true` when sure enough to report a disagreement.
    Link(usize, usize, bool),
    /// An order word or a duration.
    Relation(usize),
}

/// Everything the order stage needs about one document.
#[derive(Debug, Clone, Copy)]
pub struct DocInput<'a> {
    /// The document.
    pub doc: &'a Document,
    /// Its anchor.
    pub anchor: &'a Anchor,
    /// Its mentions, resolved against the anchor, in text order.
    pub resolved: &'a [Resolved],
    /// Its page furniture (dates there are not events).
    pub furniture: &'a [Furniture],
}

/// Order and check a corpus: the whole chronology. The steps: tellings,
/// relations and links, the network and its solution, events, conflicts.
pub fn build_chronology(inputs: &[DocInput<'_>]) -> Chronology {
    let lex = lexicon::get();
    let tellings = tellings_of(inputs, lex);
    let rels = relations_of(inputs, &tellings, lex);
    let links = candidate_links(&tellings);
    let solved = solve(&tellings, &rels, &links);
    let ids: Vec<String> = tellings
        .iter()
        .map(|t| event_id(&inputs[t.doc].doc.id, t.span, &t.expression))
        .collect();
    let (mut events, event_of) = events_of(inputs, &tellings, &solved, &ids);
    let mut conflicts = conflicts_of(inputs, &tellings, &rels, &solved, &ids);
    link_conflicts(&mut events, &mut conflicts, &ids, &event_of);
    events.sort_by(|a, b| a.1.cmp(&b.1));
    Chronology {
        version: SCHEMA_VERSION,
        anchors: anchor_summaries(inputs),
        events: events.into_iter().map(|(e, _)| e).collect(),
        conflicts,
    }
}

/// Tellings, documents in input order, each in text order.
fn tellings_of(inputs: &[DocInput<'_>], lex: &lexicon::Lexicon) -> Vec<Telling> {
    let mut tellings: Vec<Telling> = Vec::new();
    for (i, d) in inputs.iter().enumerate() {
        tellings.extend(events::extract(i, d.doc, d.resolved, d.furniture, lex));
    }
    tellings
}

/// Relations within each document, with the document's index.
fn relations_of(inputs: &[DocInput<'_>], tellings: &[Telling], lex: &lexicon::Lexicon) -> Vec<(usize, Relation)> {
    let mut rels: Vec<(usize, Relation)> = Vec::new();
    let mut by_doc: BTreeMap<usize, Vec<(usize, &Telling)>> = BTreeMap::new();
    for (i, t) in tellings.iter().enumerate() {
        by_doc.entry(t.doc).or_default().push((i, t));
    }
    for (d, ts) in &by_doc {
        let inp = &inputs[*d];
        for r in relations::relations(&inp.doc.text, inp.resolved, ts, lex) {
            rels.push((*d, r));
        }
    }
    rels
}

/// The network of a corpus, solved.
struct Solved {
    /// The network.
    net: Network,
    /// Why each edge is there (by the edge's `why`).
    reasons: Vec<Reason>,
    /// Start and end point of each telling.
    points: Vec<(NodeIndex, NodeIndex)>,
    /// Each link: its two tellings and its two edges.
    link_edges: Vec<(usize, usize, EdgeIndex, EdgeIndex)>,
    /// The solution.
    sol: Solution,
}

/// Build the network over the tellings, their relations and links, and solve it.
fn solve(tellings: &[Telling], rels: &[(usize, Relation)], links: &[(usize, usize, bool)]) -> Solved {
    let mut net = Network::with_capacity(tellings.len() * 2, tellings.len() * 5 + rels.len() + links.len() * 2);
    let mut reasons: Vec<Reason> = Vec::new();
    let mut points: Vec<(NodeIndex, NodeIndex)> = Vec::with_capacity(tellings.len());
    for (i, t) in tellings.iter().enumerate() {
        let s = net.point();
        let e = net.point();
        let why = reasons.len();
        reasons.push(Reason::Date(i));
        net.bound(s, Some(day(t.first.0)), Some(day(t.first.1)), why, P_DATE);
        net.bound(e, Some(day(t.last.0)), Some(day(t.last.1)), why, P_DATE);
        net.at_most(e, s, 0, why, P_DATE);
        points.push((s, e));
    }
    let point = |(i, end): (usize, End)| match end {
        End::Start => points[i].0,
        End::End => points[i].1,
    };
    for (k, (_, r)) in rels.iter().enumerate() {
        let why = reasons.len();
        reasons.push(Reason::Relation(k));
        let prio = match r.cue {
            Cue::Order(_) => P_ORDER,
            Cue::Duration(_) => P_DURATION,
        };
        net.between(point(r.a), point(r.b), r.lo, r.hi, why, prio);
    }
    let mut link_edges = Vec::with_capacity(links.len());
    for &(a, b, sure) in links {
        let why = reasons.len();
        reasons.push(Reason::Link(a, b, sure));
        let e1 = net.at_most(points[b].1, points[a].0, 1, why, P_LINK);
        let e2 = net.at_most(points[a].1, points[b].0, 1, why, P_LINK);
        link_edges.push((a, b, e1, e2));
    }
    let sol = net.solve();
    Solved {
        net,
        reasons,
        points,
        link_edges,
        sol,
    }
}

/// An event with its sort key: (lowest start, highest end, document, position).
type Keyed = (Event, (i64, i64, String, usize));

/// Events: tellings joined by the links that held, in the order of their
/// first telling, and the event of each telling.
fn events_of(
    inputs: &[DocInput<'_>],
    tellings: &[Telling],
    solved: &Solved,
    ids: &[String],
) -> (Vec<Keyed>, Vec<usize>) {
    let dropped: BTreeSet<_> = solved.sol.dropped.iter().copied().collect();
    let mut uf = UnionFind::<usize>::new(tellings.len());
    for &(a, b, e1, e2) in &solved.link_edges {
        if !dropped.contains(&e1) && !dropped.contains(&e2) {
            uf.union(a, b);
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..tellings.len() {
        groups.entry(uf.find(i)).or_default().push(i);
    }
    let mut event_of = vec![0usize; tellings.len()];
    let mut events: Vec<Keyed> = Vec::new();
    for members in groups.values() {
        for &m in members {
            event_of[m] = events.len();
        }
        events.push(event(inputs, tellings, solved, ids, members));
    }
    (events, event_of)
}

/// One event from its tellings (`members`, the first one leading).
fn event(inputs: &[DocInput<'_>], tellings: &[Telling], solved: &Solved, ids: &[String], members: &[usize]) -> Keyed {
    let (sol, points) = (&solved.sol, &solved.points);
    let lead = members[0];
    let t = &tellings[lead];
    let lo_s = members
        .iter()
        .filter_map(|&m| sol.lo[points[m].0.index()])
        .max()
        .unwrap_or(day(t.first.0));
    let hi_e = members
        .iter()
        .filter_map(|&m| sol.hi[points[m].1.index()])
        .min()
        .unwrap_or(day(t.last.1));
    let (lo_s, hi_e) = if lo_s <= hi_e {
        (lo_s, hi_e)
    } else {
        (
            sol.lo[points[lead].0.index()].unwrap_or(day(t.first.0)),
            sol.hi[points[lead].1.index()].unwrap_or(day(t.last.1)),
        )
    };
    let start = date(lo_s).unwrap_or(t.first.0);
    let end = date(hi_e).unwrap_or(t.last.1);
    let ambiguous = members.iter().any(|&m| tellings[m].ambiguous);
    let docs: Vec<String> = {
        let set: BTreeSet<&str> = members
            .iter()
            .map(|&m| inputs[tellings[m].doc].doc.id.as_str())
            .collect();
        set.into_iter().map(str::to_string).collect()
    };
    let merged = docs.len() > 1;
    let ev = Event {
        id: ids[lead].clone(),
        doc: if merged {
            None
        } else {
            Some(inputs[t.doc].doc.id.clone())
        },
        docs: if merged { docs } else { Vec::new() },
        expression: t.expression.clone(),
        value: t.value.clone(),
        kind: t.kind,
        modifier: t.modifier,
        start,
        end,
        earliest: if ambiguous { Some(start) } else { None },
        latest: if ambiguous { Some(end) } else { None },
        span: t.span,
        text: t.text.clone(),
        sources: if merged {
            members.iter().map(|&m| statement(inputs, &tellings[m])).collect()
        } else {
            Vec::new()
        },
        conflicts: Vec::new(),
    };
    let key = (lo_s, hi_e, inputs[t.doc].doc.id.clone(), t.span[0]);
    (ev, key)
}

/// Every conflict: the network's cycles explained, weekdays that do not
/// fit, the anchors' own; sorted by first statement, deduplicated.
fn conflicts_of(
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
fn link_conflicts(events: &mut [Keyed], conflicts: &mut [Conflict], ids: &[String], event_of: &[usize]) {
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

/// Each document's anchor, summarised, by document id.
fn anchor_summaries(inputs: &[DocInput<'_>]) -> Vec<AnchorSummary> {
    let mut anchors: Vec<AnchorSummary> = inputs
        .iter()
        .map(|d| AnchorSummary {
            doc: d.doc.id.clone(),
            title: d.doc.meta.title.clone(),
            earliest: d.anchor.earliest,
            latest: d.anchor.latest,
            best: d.anchor.best,
            status: status_name(d.anchor.status).to_string(),
            text_earliest: d.anchor.text_earliest,
            text_latest: d.anchor.text_latest,
        })
        .collect();
    anchors.sort_by(|a, b| a.doc.cmp(&b.doc));
    anchors
}

/// The kebab-case name of an anchor status, as serialised.
pub fn status_name(s: crate::anchor::Status) -> &'static str {
    use crate::anchor::Status;
    match s {
        Status::Pinned => "pinned",
        Status::Determined => "determined",
        Status::Bounded => "bounded",
        Status::UnderDetermined => "under-determined",
        Status::Conflicting => "conflicting",
    }
}

/// The sentence of a telling as a statement.
fn statement(inputs: &[DocInput<'_>], t: &Telling) -> Statement {
    let doc = inputs[t.doc].doc;
    let raw = doc.text.get(t.sentence.clone()).unwrap_or("");
    let lead = raw.len() - raw.trim_start().len();
    let text = raw.trim();
    let start = t.sentence.start + lead;
    Statement {
        doc: doc.id.clone(),
        span: [start, start + text.len()],
        text: text.to_string(),
    }
}

/// Pairs of tellings from different articles that tell the same event:
/// enough shared content words (rare ones: a word told by many tellings is
/// no evidence), each the only dated telling of its sentence (a sentence
/// with several dates does not say which one its words go with). Dates that
/// cannot overlap link only when the pair is sure enough to report
/// (`true`): much the same words both ways and the same names.
fn candidate_links(tellings: &[Telling]) -> Vec<(usize, usize, bool)> {
    let mut per_sentence: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for t in tellings {
        *per_sentence.entry((t.doc, t.sentence.start)).or_default() += 1;
    }
    let mut index: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, t) in tellings.iter().enumerate() {
        if t.ambiguous || per_sentence.get(&(t.doc, t.sentence.start)).copied() != Some(1) {
            continue;
        }
        for w in &t.words {
            index.entry(w.as_str()).or_default().push(i);
        }
    }
    let mut shared: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for list in index.values() {
        if list.len() > LINK_MAX_DF {
            continue;
        }
        for (x, &a) in list.iter().enumerate() {
            for &b in &list[x + 1..] {
                if tellings[a].doc != tellings[b].doc {
                    *shared.entry((a, b)).or_default() += 1;
                }
            }
        }
    }
    let mut out = Vec::new();
    for ((a, b), n) in shared {
        let (ta, tb) = (&tellings[a], &tellings[b]);
        let smaller = ta.words.len().min(tb.words.len()).max(1);
        let larger = ta.words.len().max(tb.words.len()).max(1);
        if n < LINK_SHARED || (n as f64) / (smaller as f64) < LINK_OVERLAP {
            continue;
        }
        // The same names, but for a sentence opener that may be one.
        let same_names = ta
            .names
            .symmetric_difference(&tb.names)
            .all(|w| *w == ta.opener || *w == tb.opener);
        // Two relative dates ("today", "Thursday", "July 6") resolved against different
        // articles' dates disagree whenever a sentence is quoted or reprinted:
        // that says something of the anchors, not of the event. One side
        // must write its date out, year included (a year-less "July 6" takes
        // its year from each article's date too).
        let explicit = |t: &Telling| events::has_year(&t.expression);
        // Word for word the same phrase on other dates is a template (a
        // reused photo caption, "This discussion is now closed"), not one
        // event told twice.
        let template = ta.text == tb.text;
        // Photo captions and comment stamps carry their dates without a
        // preposition; prose tells "on May 16".
        let sure = !template
            && ta.prepositional
            && tb.prepositional
            && (n as f64) / (larger as f64) >= CONFLICT_OVERLAP
            && !ta.names.is_empty()
            && same_names
            && (explicit(ta) || explicit(tb));
        let next = |d: chrono::NaiveDate| d.succ_opt().unwrap_or(d);
        let overlap = ta.first.0 <= next(tb.last.1) && tb.first.0 <= next(ta.last.1);
        if sure || overlap {
            out.push((a, b, sure));
        }
    }
    out
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

#[cfg(test)]
mod tests;
