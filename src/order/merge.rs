//! Events from tellings: which tellings of different articles tell the same
//! event (candidate links, checked in the network), and the events the
//! links that held make.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rayon::prelude::*;

use petgraph::unionfind::UnionFind;

use super::events::{self, date, day, Telling};
use super::{statement, DocInput, Solved};
use crate::schema::Event;

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

/// An event with its sort key: (lowest start, highest end, document, position).
pub(super) type Keyed = (Event, (i64, i64, String, usize));

/// Events: tellings joined by the links that held, in the order of their
/// first telling, and the event of each telling.
pub(super) fn events_of(
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

/// Pairs of tellings from different articles that tell the same event:
/// enough shared content words (rare ones: a word told by many tellings is
/// no evidence), each the only dated telling of its sentence (a sentence
/// with several dates does not say which one its words go with). Dates that
/// cannot overlap link only when the pair is sure enough to report
/// (`true`): much the same words both ways and the same names, or, between
/// two articles pinned to a day, the same names and one calendar day
/// (`pinned[doc]`: the article's publication day is given).
pub(super) fn candidate_links(tellings: &[Telling], pinned: &[bool]) -> Vec<(usize, usize, bool)> {
    let mut per_sentence: HashMap<(usize, usize), usize> = HashMap::new();
    for t in tellings {
        *per_sentence.entry((t.doc, t.sentence.start)).or_default() += 1;
    }
    let linkable = |t: &Telling| !t.ambiguous && per_sentence.get(&(t.doc, t.sentence.start)).copied() == Some(1);
    // Each word's tellings, ascending.
    let mut index: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, t) in tellings.iter().enumerate().filter(|(_, t)| linkable(t)) {
        for w in &t.words {
            index.entry(w.as_str()).or_default().push(i);
        }
    }
    // For each telling, the later tellings of other articles it shares words
    // with and how many (pairs in ascending order), then the checks.
    (0..tellings.len())
        .into_par_iter()
        .flat_map_iter(|a| {
            let ta = &tellings[a];
            let mut later: Vec<usize> = Vec::new();
            if linkable(ta) {
                for w in &ta.words {
                    let Some(list) = index.get(w.as_str()).filter(|l| l.len() <= LINK_MAX_DF) else {
                        continue;
                    };
                    let from = list.partition_point(|&b| b <= a);
                    later.extend(list[from..].iter().copied().filter(|&b| tellings[b].doc != ta.doc));
                }
            }
            later.sort_unstable();
            let mut out = Vec::new();
            for run in later.chunk_by(|x, y| x == y) {
                if let Some(sure) = link(ta, &tellings[run[0]], run.len(), pinned) {
                    out.push((a, run[0], sure));
                }
            }
            out
        })
        .collect()
}

/// The figures a telling's words give besides its date ("closed at 4.10",
/// "400 visitors"): tokens with a digit outside the date expression.
fn figures(t: &Telling) -> BTreeSet<&str> {
    t.text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')'))
        .map(|w| w.trim_end_matches(['.', '%']))
        .filter(|w| w.chars().any(|c| c.is_ascii_digit()) && !t.expression.contains(*w))
        .collect()
}

/// Two tellings that both give figures and share none report two
/// measurements (a price on two days, two counts), not one happening told
/// twice: routine events ("shares closed at …") repeat in the same words.
fn different_figures(ta: &Telling, tb: &Telling) -> bool {
    let (fa, fb) = (figures(ta), figures(tb));
    !fa.is_empty() && !fb.is_empty() && fa.is_disjoint(&fb)
}

/// Whether two tellings of different articles sharing `n` content words
/// link, and whether surely (see [`candidate_links`]).
fn link(ta: &Telling, tb: &Telling, n: usize, pinned: &[bool]) -> Option<bool> {
    let smaller = ta.words.len().min(tb.words.len()).max(1);
    let larger = ta.words.len().max(tb.words.len()).max(1);
    if n < LINK_SHARED || (n as f64) / (smaller as f64) < LINK_OVERLAP {
        return None;
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
    // Between two articles whose publication days are known (pinned), a
    // relative date is as good as a written-out one: "opened yesterday" in
    // one and "opened on May 12" in the other is one happening dated twice
    // when the names are the same, one side names a calendar day (two
    // weekdays or "yesterday"s of routine events, "shares closed on
    // Friday", are different days' events), a calendar day is told as prose
    // ("on May 12", not a caption's "in London July 27, 2010") and their
    // figures do not differ.
    let calendar = |t: &Telling| t.expression.chars().any(|c| c.is_ascii_digit());
    let on_day = |t: &Telling| pinned.get(t.doc).copied().unwrap_or(false);
    let shared_names = ta
        .names
        .intersection(&tb.names)
        .filter(|w| **w != ta.opener && **w != tb.opener)
        .count();
    let sure = sure
        || (!template
            && on_day(ta)
            && on_day(tb)
            && shared_names >= 1
            && same_names
            && (calendar(ta) || calendar(tb))
            && [ta, tb].iter().all(|t| t.prepositional || !calendar(t))
            && !different_figures(ta, tb));
    let next = |d: chrono::NaiveDate| d.succ_opt().unwrap_or(d);
    let overlap = ta.first.0 <= next(tb.last.1) && tb.first.0 <= next(ta.last.1);
    (sure || overlap).then_some(sure)
}
