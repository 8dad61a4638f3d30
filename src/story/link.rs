//! Which reports tell one happening. Conservative and explainable: two
//! reports of different articles of one story are joined when
//!
//! * the order stage joined them (shared event words, dates that agree), or
//! * they are dated the same day (±1 for time zones) and their sentences are
//!   alike, content words weighted by rarity in the collection (IDF cosine
//!   at least [`SAME_DAY`]), sharing a participant (a name) or a kind of
//!   happening (`grammar/story_events.txt`), or very alike ([`CLOSE`]);
//! * or they say the same thing word for word, years written, on days more
//!   than one apart: one event whose reports disagree (a conflict, not two
//!   events).
//!
//! Each link keeps its reason.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use petgraph::unionfind::UnionFind;
use rayon::prelude::*;

use super::reports::Rep;
use super::words::{cosine, Vocab};
use crate::order::events::day;

/// IDF cosine of two same-day reports that share a name or a kind of happening.
pub const SAME_DAY: f64 = 0.25;

/// IDF cosine of two same-day reports alike enough on their own.
pub const CLOSE: f64 = 0.5;

/// Content words two reports must share at least.
const MIN_SHARED: usize = 2;

/// A word told by more of a day's reports than this is no evidence of sameness.
const MAX_POSTING: usize = 300;

/// Content words a sentence needs for its word-for-word twin on another day
/// to count as the same event.
const TWIN_WORDS: usize = 6;

/// A same-day bucket larger than this is compared only within its first
/// reports of each article (a bound on the pairs: quadratic otherwise).
const MAX_BUCKET: usize = 4000;

/// A group of reports: one event.
#[derive(Debug, Clone, Default)]
pub struct Group {
    /// Indices of its reports.
    pub members: Vec<usize>,
    /// Why pairs were joined: (report, report, reason).
    pub links: Vec<(usize, usize, String)>,
    /// Pairs joined although their days disagree.
    pub disagree: Vec<(usize, usize)>,
}

/// Group the reports into events; `story_of` gives each document's story.
pub fn group(reps: &[Rep], story_of: &[usize], idf: &[f64], vocab: &Vocab) -> Vec<Group> {
    let mut uf = UnionFind::<usize>::new(reps.len());
    let mut links: Vec<(usize, usize, String)> = Vec::new();
    let mut disagree: Vec<(usize, usize)> = Vec::new();
    let story = |r: &Rep| story_of.get(r.doc).copied().unwrap_or(0);
    // The order stage's links.
    let mut first_of: HashMap<usize, usize> = HashMap::new();
    for (i, r) in reps.iter().enumerate() {
        if r.dateline {
            continue;
        }
        if let Some(p) = r.prior {
            match first_of.get(&p) {
                Some(&f) if reps[f].doc != r.doc && story(&reps[f]) == story(r) => {
                    uf.union(f, i);
                    links.push((
                        f,
                        i,
                        "joined by the order stage: shared event words, dates agree".into(),
                    ));
                }
                Some(_) => {}
                None => {
                    first_of.insert(p, i);
                }
            }
        }
    }
    // One sentence of one article dating one day several times ("Thu Jun 11,
    // 2009 … said on Thursday"): one statement.
    let mut same: HashMap<(usize, usize, NaiveDate), usize> = HashMap::new();
    for (i, r) in reps.iter().enumerate().filter(|(_, r)| !r.dateline) {
        if let Some(d) = r.day {
            match same.get(&(r.doc, r.sentence.start, d)) {
                Some(&f) => {
                    if uf.union(f, i) {
                        links.push((f, i, "the same sentence of one article, the same day".into()));
                    }
                }
                None => {
                    same.insert((r.doc, r.sentence.start, d), i);
                }
            }
        }
    }
    // Same day, alike sentences.
    let mut buckets: BTreeMap<(usize, i64), Vec<usize>> = BTreeMap::new();
    for (i, r) in reps.iter().enumerate().filter(|(_, r)| !r.dateline) {
        if let Some(d) = r.day {
            buckets.entry((story(r), day(d))).or_default().push(i);
        }
    }
    // Each day's pairs are found in parallel, then joined in day order.
    let days: Vec<(&(usize, i64), &Vec<usize>)> = buckets.iter().collect();
    let alike_pairs: Vec<Vec<(usize, usize, String)>> = days
        .par_iter()
        .map(|&(&(s, d), list)| {
            let list = capped(list, reps);
            let next = buckets.get(&(s, d + 1)).map(|n| capped(n, reps)).unwrap_or_default();
            sharing(&list, &next, reps)
                .into_iter()
                .filter_map(|(a, b)| Some((a, b, alike(&reps[a], &reps[b], idf, vocab)?)))
                .collect()
        })
        .collect();
    for (a, b, why) in alike_pairs.into_iter().flatten() {
        if uf.union(a, b) {
            links.push((a, b, why));
        }
    }
    // Word for word the same, on days that disagree.
    let mut twins: HashMap<(usize, &[u32]), Vec<usize>> = HashMap::new();
    for (i, r) in reps.iter().enumerate() {
        if r.day.is_some() && r.year && !r.dateline && r.words.len() >= TWIN_WORDS {
            twins.entry((story(r), r.words.as_slice())).or_default().push(i);
        }
    }
    let mut keys: Vec<_> = twins.keys().copied().collect();
    keys.sort();
    for k in keys {
        let list = &twins[&k];
        for (x, &a) in list.iter().enumerate() {
            for &b in &list[x + 1..] {
                let (ra, rb) = (&reps[a], &reps[b]);
                let apart = match (ra.day, rb.day) {
                    (Some(p), Some(q)) => (day(p) - day(q)).abs() > 1,
                    _ => false,
                };
                if ra.doc != rb.doc && apart {
                    uf.union(a, b);
                    links.push((a, b, "the same sentence word for word, dated differently".into()));
                    disagree.push((a, b));
                }
            }
        }
    }
    let mut groups: BTreeMap<usize, Group> = BTreeMap::new();
    for i in 0..reps.len() {
        groups.entry(uf.find(i)).or_default().members.push(i);
    }
    for (a, b, why) in links {
        if let Some(g) = groups.get_mut(&uf.find(a)) {
            g.links.push((a, b, why));
        }
    }
    for (a, b) in disagree {
        if let Some(g) = groups.get_mut(&uf.find(a)) {
            g.disagree.push((a, b));
        }
    }
    groups.into_values().collect()
}

/// The pairs of reports of a day (`list`) and of it and the next (`next`)
/// that share at least [`MIN_SHARED`] words a day's reports do not all use
/// (a word in more than [`MAX_POSTING`] of them tells nothing apart), in order.
///
/// Each report of the day counts its shared words with every later report
/// in one dense tally (the reports are numbered within the two days), so
/// the work is the postings walked, with no map of pairs.
fn sharing(list: &[usize], next: &[usize], reps: &[Rep]) -> Vec<(usize, usize)> {
    let all: Vec<usize> = list.iter().chain(next).copied().collect();
    // Each word's reports, by their number here, ascending.
    let mut index: HashMap<u32, Vec<u32>> = HashMap::new();
    for (k, &i) in all.iter().enumerate() {
        for &w in &reps[i].words {
            index.entry(w).or_default().push(k as u32);
        }
    }
    let mut count = vec![0u32; all.len()];
    let mut touched: Vec<u32> = Vec::new();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    // A pair needs one report of the day: the first of the two is one.
    for (a, &ra) in all.iter().enumerate().take(list.len()) {
        let doc = reps[ra].doc;
        for w in &reps[ra].words {
            let Some(posting) = index.get(w).filter(|p| p.len() <= MAX_POSTING) else {
                continue;
            };
            let from = posting.partition_point(|&b| b as usize <= a);
            for &b in &posting[from..] {
                if reps[all[b as usize]].doc != doc {
                    let c = &mut count[b as usize];
                    if *c == 0 {
                        touched.push(b);
                    }
                    *c += 1;
                }
            }
        }
        for &b in &touched {
            if count[b as usize] as usize >= MIN_SHARED {
                let rb = all[b as usize];
                pairs.push((ra.min(rb), ra.max(rb)));
            }
            count[b as usize] = 0;
        }
        touched.clear();
    }
    pairs.sort_unstable();
    pairs
}

/// A bucket, or when too large its lead reports (the first few of each article).
fn capped(list: &[usize], reps: &[Rep]) -> Vec<usize> {
    if list.len() <= MAX_BUCKET {
        return list.to_vec();
    }
    list.iter()
        .copied()
        .filter(|&i| reps[i].lead)
        .take(MAX_BUCKET)
        .collect()
}

/// Why two same-day reports tell one happening, if they do.
fn alike(a: &Rep, b: &Rep, idf: &[f64], vocab: &Vocab) -> Option<String> {
    if a.doc == b.doc {
        return None;
    }
    let (sim, shared) = cosine(&a.words, &b.words, idf);
    if shared.len() < MIN_SHARED || sim < SAME_DAY {
        return None;
    }
    let names: Vec<u32> = shared
        .iter()
        .copied()
        .filter(|w| a.names.binary_search(w).is_ok() && b.names.binary_search(w).is_ok())
        .collect();
    let kind = a.kinds.iter().any(|k| b.kinds.binary_search(k).is_ok());
    if names.is_empty() && !kind && sim < CLOSE {
        return None;
    }
    // A name in one that the other lacks, with nothing of the happening shared: two events.
    let mut top: Vec<u32> = shared.clone();
    top.sort_by(|x, y| {
        let w = |i: u32| idf.get(i as usize).copied().unwrap_or(0.0);
        w(*y).total_cmp(&w(*x)).then(x.cmp(y))
    });
    let words: Vec<&str> = top.iter().take(5).map(|&w| vocab.word(w)).collect();
    let mut why = format!("same day; similarity {sim:.2}; shared: {}", words.join(", "));
    if !names.is_empty() {
        let n: Vec<&str> = names.iter().take(3).map(|&w| vocab.word(w)).collect();
        why.push_str(&format!("; participants: {}", n.join(", ")));
    }
    if kind {
        why.push_str("; same kind of happening");
    }
    Some(why)
}
