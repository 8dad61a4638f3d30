//! The neighbour graph: each article linked to the few most like it in
//! wording, found through an inverted index over each article's heaviest
//! words, never by comparing all pairs.
//!
//! For an article, every other article that lists one of its
//! [`Params::probe_terms`] heaviest words among its own (one of the
//! [`Params::posting_cap`] heaviest users of that word) is a candidate; the
//! [`Params::candidates`] best by that partial score are compared in full,
//! and the [`Params::neighbours`] most similar at [`Params::min_sim`] or more
//! are kept. The links are made symmetric. The work is
//! `N × probe_terms × posting_cap` at most: linear in the collection.

use rayon::prelude::*;

use super::terms::{dot, KeyMap, Profile};
use super::Params;

/// Each article's neighbours `(article, similarity)`, sorted by article,
/// symmetric: `j` is in `i`'s list exactly when `i` is in `j`'s.
pub(super) type Graph = Vec<Vec<(usize, f64)>>;

/// The inverted index: word key → its heaviest users `(weight, article)`,
/// heaviest first, at most `cap`.
fn postings(profiles: &[Profile], cap: usize) -> KeyMap<Vec<(f64, usize)>> {
    let mut index: KeyMap<Vec<(f64, usize)>> = KeyMap::default();
    for (i, p) in profiles.iter().enumerate() {
        for &(k, w) in &p.top {
            index.entry(k).or_default().push((w, i));
        }
    }
    for list in index.values_mut() {
        list.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        list.truncate(cap);
    }
    index
}

/// One article's nearest neighbours: `(article, similarity)`, most similar
/// first. `scratch` is a zeroed score per article, left zeroed.
fn nearest(
    i: usize,
    profiles: &[Profile],
    index: &KeyMap<Vec<(f64, usize)>>,
    p: &Params,
    scratch: &mut (Vec<f64>, Vec<usize>),
) -> Vec<(usize, f64)> {
    let (score, touched) = scratch;
    for &(k, w) in &profiles[i].top {
        for &(v, j) in index.get(&k).map_or(&[][..], Vec::as_slice) {
            if j == i {
                continue;
            }
            if score[j] == 0.0 {
                touched.push(j);
            }
            score[j] += w * v;
        }
    }
    let mut cands: Vec<(usize, f64)> = touched.iter().map(|&j| (j, score[j])).collect();
    for &j in touched.iter() {
        score[j] = 0.0;
    }
    touched.clear();
    let by_score = |a: &(usize, f64), b: &(usize, f64)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
    if cands.len() > p.candidates && p.candidates > 0 {
        cands.select_nth_unstable_by(p.candidates - 1, by_score);
    }
    cands.truncate(p.candidates);
    let mut out: Vec<(usize, f64)> = cands
        .into_iter()
        .map(|(j, _)| (j, dot(&profiles[i].terms, &profiles[j].terms)))
        .filter(|x| x.1 >= p.min_sim)
        .collect();
    out.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    out.truncate(p.neighbours);
    out
}

/// The symmetric neighbour graph of the articles' profiles.
pub(super) fn build(profiles: &[Profile], p: &Params) -> Graph {
    let n = profiles.len();
    let index = postings(profiles, p.posting_cap);
    let knn: Vec<Vec<(usize, f64)>> = (0..n)
        .into_par_iter()
        .map_init(
            || (vec![0.0; n], Vec::new()),
            |scratch, i| nearest(i, profiles, &index, p, scratch),
        )
        .collect();
    let mut graph: Graph = vec![Vec::new(); n];
    for (i, list) in knn.iter().enumerate() {
        for &(j, s) in list {
            graph[i].push((j, s));
            graph[j].push((i, s));
        }
    }
    for list in &mut graph {
        list.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
        list.dedup_by_key(|x| x.0);
    }
    graph
}
