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

use super::terms::{KeyMap, Profile};
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
    scratch: &mut (Vec<f64>, Vec<usize>, KeyMap<f64>),
) -> Vec<(usize, f64)> {
    let (score, touched, mine) = scratch;
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
    // The article's words looked up by key: each candidate's full cosine is
    // one pass over its words, summed in key order as `terms::dot` sums them.
    mine.clear();
    mine.extend(profiles[i].terms.iter().copied());
    let mut out: Vec<(usize, f64)> = cands
        .into_iter()
        .map(|(j, _)| (j, dot_with(mine, &profiles[j].terms)))
        .filter(|x| x.1 >= p.min_sim)
        .collect();
    out.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    out.truncate(p.neighbours);
    out
}

/// `terms::dot(a, b)` with `a` as a map: the same products added in the same
/// (key) order, so the same sum to the last bit (weights are positive, so
/// adding the `0.0` of a word `a` lacks changes nothing).
fn dot_with(a: &KeyMap<f64>, b: &[(u64, f64)]) -> f64 {
    let mut s = 0.0;
    for (k, w) in b {
        s += a.get(k).map_or(0.0, |v| v * w);
    }
    s
}

/// The symmetric neighbour graph of the articles' profiles.
pub(super) fn build(profiles: &[Profile], p: &Params) -> Graph {
    let n = profiles.len();
    let index = postings(profiles, p.posting_cap);
    let knn: Vec<Vec<(usize, f64)>> = (0..n)
        .into_par_iter()
        .map_init(
            || (vec![0.0; n], Vec::new(), KeyMap::default()),
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

#[cfg(test)]
mod tests {
    use super::super::terms::dot;
    use super::*;

    #[test]
    fn dot_with_a_map_is_the_merged_dot_to_the_last_bit() {
        let a = [(1, 0.1), (3, 0.7), (8, 0.3), (9, 1e-9)];
        let b = [(2, 0.5), (3, 0.2), (8, 0.9), (9, 3.3), (12, 0.4)];
        let m: KeyMap<f64> = a.iter().copied().collect();
        assert_eq!(dot_with(&m, &b).to_bits(), dot(&a, &b).to_bits());
        assert_eq!(dot_with(&m, &[]), 0.0);
    }
}
