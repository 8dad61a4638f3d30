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

use std::collections::BTreeMap;

use petgraph::graph::{EdgeIndex, NodeIndex};
use rayon::prelude::*;

use crate::anchor::Anchor;
use crate::ingest::Document;
use crate::page::furniture::Furniture;
use crate::resolve::Resolved;
use crate::schema::{AnchorSummary, Chronology, Statement, SCHEMA_VERSION};

mod across;
pub mod conflicts;
pub mod events;
pub mod lexicon;
pub mod merge;
pub mod network;
pub mod relations;

use conflicts::{conflicts_of, link_conflicts};
use events::{day, Telling};
use merge::{candidate_links, events_of};
use network::{Network, Solution};
use relations::{Cue, End, Relation};

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
pub(crate) enum Reason {
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

/// What the order stage hands to the next one: the chronology of dated
/// mentions (schema version 1), and the tellings it was made from with the
/// event (an index into `chronology.events`) each joined.
#[derive(Debug, Clone)]
pub struct Ordered {
    /// The chronology, one event per telling or per group of linked tellings.
    pub chronology: Chronology,
    /// Every telling, documents in input order, each in text order.
    pub tellings: Vec<Telling>,
    /// For each telling, the index of its event in `chronology.events`.
    pub event_of: Vec<usize>,
}

/// Order and check a corpus: the whole chronology. The steps: tellings,
/// relations and links, the network and its solution, events, conflicts.
pub fn build_chronology(inputs: &[DocInput<'_>]) -> Chronology {
    order(inputs).chronology
}

/// [`build_chronology`], keeping the tellings and which event each joined
/// (what the story stage groups into events with reports).
pub fn order(inputs: &[DocInput<'_>]) -> Ordered {
    let lex = lexicon::get();
    let tellings = tellings_of(inputs, lex);
    let rels = relations_of(inputs, &tellings, lex);
    // Articles whose publication day is given: their relative dates are sure.
    let pinned: Vec<bool> = inputs
        .iter()
        .map(|d| {
            d.anchor.status == crate::anchor::Status::Pinned
                && d.anchor.earliest.is_some()
                && d.anchor.earliest == d.anchor.latest
        })
        .collect();
    let mut rels = rels;
    let elsewhere = across::durations(inputs, &tellings, &rels, &pinned, lex);
    rels.extend(elsewhere);
    let texts: Vec<&str> = inputs.iter().map(|d| d.doc.text.as_str()).collect();
    let links = candidate_links(&tellings, &pinned, &texts);
    let solved = solve(&tellings, &rels, &links);
    let ids: Vec<String> = tellings
        .iter()
        .map(|t| event_id(&inputs[t.doc].doc.id, t.span, &t.expression))
        .collect();
    let (mut events, event_of) = events_of(inputs, &tellings, &solved, &ids);
    let mut conflicts = conflicts_of(inputs, &tellings, &rels, &solved, &ids);
    link_conflicts(&mut events, &mut conflicts, &ids, &event_of);
    let mut order: Vec<usize> = (0..events.len()).collect();
    order.sort_by(|&a, &b| events[a].1.cmp(&events[b].1));
    let mut rank = vec![0usize; events.len()];
    for (r, &i) in order.iter().enumerate() {
        rank[i] = r;
    }
    let event_of = event_of.into_iter().map(|e| rank[e]).collect();
    let mut slots: Vec<Option<merge::Keyed>> = events.into_iter().map(Some).collect();
    let events = order.iter().filter_map(|&i| slots[i].take()).map(|(e, _)| e).collect();
    Ordered {
        chronology: Chronology {
            version: SCHEMA_VERSION,
            anchors: anchor_summaries(inputs),
            events,
            conflicts,
        },
        tellings,
        event_of,
    }
}

/// Tellings, documents in input order, each in text order.
/// Each document's are read on its own, in parallel (pure per document).
fn tellings_of(inputs: &[DocInput<'_>], lex: &lexicon::Lexicon) -> Vec<Telling> {
    let per_doc: Vec<Vec<Telling>> = inputs
        .par_iter()
        .enumerate()
        .map(|(i, d)| events::extract(i, d.doc, d.resolved, d.furniture, lex))
        .collect();
    per_doc.into_iter().flatten().collect()
}

/// Relations within each document, with the document's index.
fn relations_of(inputs: &[DocInput<'_>], tellings: &[Telling], lex: &lexicon::Lexicon) -> Vec<(usize, Relation)> {
    let mut rels: Vec<(usize, Relation)> = Vec::new();
    let mut by_doc: BTreeMap<usize, Vec<(usize, &Telling)>> = BTreeMap::new();
    for (i, t) in tellings.iter().enumerate() {
        by_doc.entry(t.doc).or_default().push((i, t));
    }
    // Each document's on its own, in parallel (pure per document), kept in document order.
    let docs: Vec<(&usize, &Vec<(usize, &Telling)>)> = by_doc.iter().collect();
    let per_doc: Vec<(usize, Vec<Relation>)> = docs
        .par_iter()
        .map(|&(d, ts)| {
            let inp = &inputs[*d];
            (
                *d,
                relations::relations(&inp.doc.text, inp.resolved, ts, relations::published(inp.anchor), lex),
            )
        })
        .collect();
    for (d, list) in per_doc {
        rels.extend(list.into_iter().map(|r| (d, r)));
    }
    rels
}

/// The network of a corpus, solved.
pub(crate) struct Solved {
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
    let origin = net.origin();
    let point = |(i, end): (usize, End)| match end {
        End::Start => points[i].0,
        End::End => points[i].1,
        End::Origin => origin,
    };
    for (k, (_, r)) in rels.iter().enumerate() {
        let why = reasons.len();
        reasons.push(Reason::Relation(k));
        let prio = match r.cue {
            Cue::Order(_) | Cue::Range(_) | Cue::Same(_) => P_ORDER,
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
pub(crate) fn statement(inputs: &[DocInput<'_>], t: &Telling) -> Statement {
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

#[cfg(test)]
mod tests;
