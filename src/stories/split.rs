//! Cutting the neighbour graph into stories.
//!
//! Articles with no path of links between them are never one story (the
//! graph's connected components). A component is then cut in two where the
//! cut is clean: the spectral cut (the graph's Fiedler vector, by power
//! iteration, then the best sweep cut over it) is taken only when its
//! conductance (the weight of the links cut over the weight of links of the
//! smaller side) is below [`Params::max_conductance`], and each side then
//! goes through the same test. One story told by many articles has no
//! clean cut and stays whole; two stories linked only by a few articles that
//! touch both come apart. Everything runs in a fixed order (floating sums
//! included), so the result does not depend on the number of threads.
//!
//! Cost: one cut tried costs [`Params::iterations`] passes over the links
//! of its part (the graph has at most `N × neighbours × 2` links). Every
//! final story of [`Params::min_story`] × 2 articles or more is tried once
//! and refused, and every accepted cut adds one try per side, so the work
//! is `iterations × links × (1 + depth of the accepted cuts)`: linear in the
//! collection for a fixed number of stories.

use rayon::prelude::*;

use super::graph::Graph;
use super::Params;

/// No position: the article is outside the part being looked at.
const OUT: usize = usize::MAX;

/// The connected components of the articles in `nodes` (links to articles
/// outside it ignored), each sorted, in order of their smallest article.
/// `pos` is `OUT` everywhere and is left so.
fn components(nodes: &[usize], graph: &Graph, pos: &mut [usize]) -> Vec<Vec<usize>> {
    for (k, &n) in nodes.iter().enumerate() {
        pos[n] = k;
    }
    let mut seen = vec![false; nodes.len()];
    let mut out = Vec::new();
    for (k, &start) in nodes.iter().enumerate() {
        if seen[k] {
            continue;
        }
        seen[k] = true;
        let mut stack = vec![start];
        let mut comp = Vec::new();
        while let Some(x) = stack.pop() {
            comp.push(x);
            for &(y, _) in &graph[x] {
                let py = pos[y];
                if py != OUT && !seen[py] {
                    seen[py] = true;
                    stack.push(y);
                }
            }
        }
        comp.sort_unstable();
        out.push(comp);
    }
    for &n in nodes {
        pos[n] = OUT;
    }
    out
}

/// The best clean cut of one connected part: `(conductance, one side, the
/// other)`, each side at least [`Params::min_story`] articles; `None` when
/// the part is too small or the iteration gives nothing usable.
fn spectral_cut(
    nodes: &[usize],
    graph: &Graph,
    seeds: &[f64],
    p: &Params,
    pos: &mut [usize],
) -> Option<(f64, Vec<usize>, Vec<usize>)> {
    let n = nodes.len();
    if n < 2 * p.min_story.max(1) {
        return None;
    }
    for (k, &x) in nodes.iter().enumerate() {
        pos[x] = k;
    }
    let nbr: Vec<Vec<(usize, f64)>> = nodes
        .iter()
        .map(|&x| {
            graph[x]
                .iter()
                .filter(|(y, _)| pos[*y] != OUT)
                .map(|&(y, w)| (pos[y], w))
                .collect()
        })
        .collect();
    for &x in nodes {
        pos[x] = OUT;
    }
    let deg: Vec<f64> = nbr.iter().map(|r| r.iter().map(|x| x.1).sum()).collect();
    let vol: f64 = deg.iter().sum();
    if deg.iter().any(|&d| d <= 0.0) || vol <= 0.0 {
        return None;
    }
    let sd: Vec<f64> = deg.iter().map(|d| d.sqrt()).collect();
    let v = fiedler(&nbr, &sd, vol, nodes.iter().map(|&x| seeds[x]).collect(), p.iterations)?;
    // sweep: articles by their coordinate, the best prefix by conductance
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_unstable_by(|&a, &b| (v[a] / sd[a]).total_cmp(&(v[b] / sd[b])).then(a.cmp(&b)));
    let mut inside = vec![false; n];
    let (mut cut, mut left) = (0.0, 0.0);
    let mut best: Option<(f64, usize)> = None;
    for (k, &i) in order.iter().enumerate().take(n - 1) {
        inside[i] = true;
        left += deg[i];
        for &(j, w) in &nbr[i] {
            if j != i {
                cut += if inside[j] { -w } else { w };
            }
        }
        let size = k + 1;
        if size < p.min_story || n - size < p.min_story {
            continue;
        }
        let phi = cut.max(0.0) / left.min(vol - left);
        if phi.is_finite() && best.is_none_or(|(b, _)| phi < b) {
            best = Some((phi, size));
        }
    }
    let (phi, size) = best?;
    let mut a: Vec<usize> = order[..size].iter().map(|&i| nodes[i]).collect();
    let mut b: Vec<usize> = order[size..].iter().map(|&i| nodes[i]).collect();
    a.sort_unstable();
    b.sort_unstable();
    Some((phi, a, b))
}

/// The second eigenvector of the normalised adjacency (lazy: `(I + D^-½ A
/// D^-½) / 2`), by power iteration from `v` with the first
/// (`D^½ 1`) projected out; `None` if it vanishes.
fn fiedler(nbr: &[Vec<(usize, f64)>], sd: &[f64], vol: f64, mut v: Vec<f64>, iterations: usize) -> Option<Vec<f64>> {
    let root = vol.sqrt();
    let first: Vec<f64> = sd.iter().map(|s| s / root).collect();
    for _ in 0..iterations {
        let along: f64 = v.iter().zip(&first).map(|(a, b)| a * b).sum();
        v.iter_mut().zip(&first).for_each(|(a, b)| *a -= along * b);
        let next: Vec<f64> = (0..v.len())
            .into_par_iter()
            .map(|i| {
                let spread: f64 = nbr[i].iter().map(|&(j, w)| w * v[j] / (sd[i] * sd[j])).sum();
                0.5 * v[i] + 0.5 * spread
            })
            .collect();
        let norm = next.iter().map(|x| x * x).sum::<f64>().sqrt();
        if !(norm.is_finite() && norm > 0.0) {
            return None;
        }
        v = next.into_iter().map(|x| x / norm).collect();
    }
    Some(v)
}

/// The stories of a graph over `n` articles: sets of articles, each sorted.
/// `seeds` gives each article a fixed starting value for the iteration
/// (from its id, so that it does not depend on input order).
pub(super) fn split(graph: &Graph, seeds: &[f64], p: &Params) -> Vec<Vec<usize>> {
    let n = graph.len();
    let mut pos = vec![OUT; n];
    let all: Vec<usize> = (0..n).collect();
    let mut work = components(&all, graph, &mut pos);
    let mut done = Vec::new();
    while let Some(part) = work.pop() {
        match spectral_cut(&part, graph, seeds, p, &mut pos) {
            Some((phi, a, b)) if phi < p.max_conductance => {
                work.extend(components(&a, graph, &mut pos));
                work.extend(components(&b, graph, &mut pos));
            }
            _ => done.push(part),
        }
    }
    done.sort_unstable();
    done
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two cliques of `k` joined by one weak link.
    fn barbell(k: usize, bridge: f64) -> Graph {
        let mut g: Graph = vec![Vec::new(); 2 * k];
        for side in 0..2 {
            for a in 0..k {
                for b in 0..k {
                    if a != b {
                        g[side * k + a].push((side * k + b, 0.5));
                    }
                }
            }
        }
        g[0].push((k, bridge));
        g[k].push((0, bridge));
        g.iter_mut().for_each(|l| l.sort_unstable_by_key(|x| x.0));
        g
    }

    fn seeds(n: usize) -> Vec<f64> {
        (0..n).map(|i| ((i * 7919) % 101) as f64 / 101.0 - 0.5).collect()
    }

    #[test]
    fn a_weak_bridge_is_cut_a_strong_one_is_not() {
        let p = Params::default();
        let g = barbell(8, 0.05);
        assert_eq!(
            split(&g, &seeds(16), &p),
            vec![(0..8).collect::<Vec<_>>(), (8..16).collect()]
        );
        // a clique is one story
        let g: Graph = (0..12)
            .map(|a| (0..12).filter(|&b| b != a).map(|b| (b, 0.3)).collect())
            .collect();
        assert_eq!(split(&g, &seeds(12), &p), vec![(0..12).collect::<Vec<_>>()]);
    }

    #[test]
    fn unlinked_articles_are_apart_and_nothing_is_no_story() {
        let p = Params::default();
        let g: Graph = vec![Vec::new(); 3];
        assert_eq!(split(&g, &seeds(3), &p), vec![vec![0], vec![1], vec![2]]);
        assert!(split(&Vec::new(), &[], &p).is_empty());
    }
}
