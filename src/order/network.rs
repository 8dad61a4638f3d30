//! A Simple Temporal Network on petgraph: time points joined by difference
//! constraints, solved incrementally.
//!
//! Every point holds a day number (days from the common era, as
//! `NaiveDate::num_days_from_ce`). A fixed origin is day 0. A constraint
//! "b − a ≤ w" is an edge a → b of weight w; a unary bound "lo ≤ x ≤ hi" is an
//! edge origin → x of weight hi and an edge x → origin of weight −lo.
//!
//! ```text
//! consistent  ⇔ no negative cycle
//! hi(x)       = shortest path origin → x     (none: unbounded above)
//! lo(x)       = − shortest path x → origin   (none: unbounded below)
//! ```
//!
//! Constraints are added one at a time, highest priority first (ties in the
//! order they were given), each checked incrementally against those already
//! accepted: only the points whose upper bound moves are visited. One that
//! would close a negative cycle is reported with the cycle's edges (each
//! carries the caller's reason) and set aside, so it is the lowest-priority
//! edge of its cycle, the last added among equals, and one conflict never
//! hides the bounds of everything else. The lower bounds come last, by one
//! Dijkstra pass over the reversed edges.
//!
//! [`Network::components`] gives the connected components over the edges
//! that do not touch the origin (a story's events).

use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::unionfind::UnionFind;
use petgraph::visit::EdgeRef;

/// A day number (days from the common era).
pub type Day = i64;

/// One constraint edge: "target − source ≤ weight".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Constraint {
    /// The bound in days.
    pub weight: Day,
    /// The caller's reason (an index into its own table of statements).
    pub why: usize,
    /// Which edge of a conflict is set aside first: the lowest priority.
    pub priority: u8,
}

/// The network: points (node 0 is the origin) and constraints.
#[derive(Debug, Clone)]
pub struct Network {
    graph: DiGraph<(), Constraint>,
    origin: NodeIndex,
}

impl Default for Network {
    fn default() -> Self {
        Network::new()
    }
}

/// The tightest bounds of every point, and the conflicts found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Solution {
    /// Lower bound of each point (by node index; the origin's is 0).
    pub lo: Vec<Option<Day>>,
    /// Upper bound of each point.
    pub hi: Vec<Option<Day>>,
    /// Each negative cycle found, as its edges in path order.
    pub cycles: Vec<Vec<EdgeIndex>>,
    /// The edges set aside to make the network consistent.
    pub dropped: Vec<EdgeIndex>,
}

impl Network {
    /// An empty network with its origin.
    pub fn new() -> Network {
        let mut graph = DiGraph::new();
        let origin = graph.add_node(());
        Network { graph, origin }
    }

    /// An empty network with room for `points` points and `edges` edges.
    pub fn with_capacity(points: usize, edges: usize) -> Network {
        let mut graph = DiGraph::with_capacity(points + 1, edges);
        let origin = graph.add_node(());
        Network { graph, origin }
    }

    /// The fixed origin (day 0).
    pub fn origin(&self) -> NodeIndex {
        self.origin
    }

    /// A new time point.
    pub fn point(&mut self) -> NodeIndex {
        self.graph.add_node(())
    }

    /// Number of points, the origin included.
    pub fn len(&self) -> usize {
        self.graph.node_count()
    }

    /// True when there is nothing but the origin.
    pub fn is_empty(&self) -> bool {
        self.graph.node_count() <= 1
    }

    /// "b − a ≤ w".
    pub fn at_most(&mut self, a: NodeIndex, b: NodeIndex, w: Day, why: usize, priority: u8) -> EdgeIndex {
        self.graph.add_edge(
            a,
            b,
            Constraint {
                weight: w,
                why,
                priority,
            },
        )
    }

    /// "lo ≤ b − a ≤ hi" (either side open).
    pub fn between(&mut self, a: NodeIndex, b: NodeIndex, lo: Option<Day>, hi: Option<Day>, why: usize, priority: u8) {
        if let Some(hi) = hi {
            self.at_most(a, b, hi, why, priority);
        }
        if let Some(lo) = lo {
            self.at_most(b, a, -lo, why, priority);
        }
    }

    /// "lo ≤ x ≤ hi" (either side open).
    pub fn bound(&mut self, x: NodeIndex, lo: Option<Day>, hi: Option<Day>, why: usize, priority: u8) {
        let o = self.origin;
        self.between(o, x, lo, hi, why, priority);
    }

    /// The constraint on an edge.
    pub fn constraint(&self, e: EdgeIndex) -> Option<Constraint> {
        self.graph.edge_weight(e).copied()
    }

    /// The endpoints of an edge.
    pub fn endpoints(&self, e: EdgeIndex) -> Option<(NodeIndex, NodeIndex)> {
        self.graph.edge_endpoints(e)
    }

    /// The connected components over the edges that do not touch the origin,
    /// as lists of points in index order, the components in order of their
    /// first point.
    pub fn components(&self) -> Vec<Vec<NodeIndex>> {
        let n = self.graph.node_count();
        let mut uf = UnionFind::<usize>::new(n);
        for e in self.graph.edge_references() {
            let (a, b) = (e.source(), e.target());
            if a != self.origin && b != self.origin {
                uf.union(a.index(), b.index());
            }
        }
        let mut slot = vec![usize::MAX; n];
        let mut comps: Vec<Vec<NodeIndex>> = Vec::new();
        for i in 1..n {
            let r = uf.find(i);
            if slot[r] == usize::MAX {
                slot[r] = comps.len();
                comps.push(Vec::new());
            }
            comps[slot[r]].push(NodeIndex::new(i));
        }
        comps
    }

    /// Solve the network: bounds of every point, negative cycles, and the
    /// edges set aside.
    ///
    /// Edges are added one at a time, highest priority first and, among
    /// equals, in the order they were added to the network; an edge that
    /// would close a negative cycle is set aside and the cycle reported, so
    /// the edge dropped from each conflict is its lowest-priority one, the
    /// last added among equals.
    pub fn solve(&self) -> Solution {
        let n = self.graph.node_count();
        let mut inc = Incremental::new(n, self.origin.index());
        let mut order: Vec<(u8, usize)> = self
            .graph
            .edge_references()
            .map(|e| (e.weight().priority, e.id().index()))
            .collect();
        order.sort_by_key(|&(p, j)| (std::cmp::Reverse(p), j));
        let mut cycles = Vec::new();
        let mut dropped = Vec::new();
        for (_, j) in order {
            let e = EdgeIndex::new(j);
            let (Some((a, b)), Some(c)) = (self.graph.edge_endpoints(e), self.graph.edge_weight(e)) else {
                continue;
            };
            if let Err(cycle) = inc.add(a.index(), b.index(), clamp(c.weight), j) {
                cycles.push(cycle.into_iter().map(EdgeIndex::new).collect());
                dropped.push(e);
            }
        }
        let (lo, hi) = inc.bounds();
        Solution {
            lo,
            hi,
            cycles,
            dropped,
        }
    }
}

/// Potential of a point no path from the origin reaches yet: far above any
/// day, so a path from it never tightens the origin.
const FAR: Day = i64::MAX / 4;
/// Weights are clamped to ±2^40 days (three billion years): a larger
/// difference bounds nothing, and path sums stay far from `FAR`.
const MAX_WEIGHT: Day = 1 << 40;

fn clamp(w: Day) -> Day {
    w.clamp(-MAX_WEIGHT, MAX_WEIGHT)
}

/// The edge a point was last tightened by: (its source, its id).
type Pred = (usize, usize);
/// A point to expand: (gain over its old potential, the point, its new potential).
type Pending = (Day, std::cmp::Reverse<usize>, Day);

/// Incremental consistency of a difference-constraint network (in the manner
/// of Cotton and Maler's propagation): every point keeps its shortest
/// distance from a virtual source joined to the origin by 0 and to every
/// other point by `FAR`, so a point the origin reaches holds its upper bound.
/// Adding an edge u → v that tightens v propagates in order of decreasing
/// gain over the edges already accepted (whose reduced costs are ≥ 0), and
/// touches only the points whose bound moves. Coming back to tighten u, or
/// the origin (which only a negative cycle can do), proves a negative cycle
/// through the new edge: the predecessors walked back give it, the changes
/// are undone and the edge is rejected.
struct Incremental {
    origin: usize,
    /// Distance from the virtual source.
    pot: Vec<Day>,
    /// The accepted edge that last tightened each point: (source, edge id).
    pred: Vec<Option<Pred>>,
    /// Accepted edges out of each point: (target, weight, edge id).
    out: Vec<Vec<(usize, Day, usize)>>,
    /// Accepted edges into each point: (source, weight).
    inc: Vec<Vec<(usize, Day)>>,
    /// Changes of the propagation under way: (point, old potential, old predecessor).
    undo: Vec<(usize, Day, Option<Pred>)>,
    /// Each point's potential before the propagation under way, valid
    /// where `mark` holds the current `round`.
    orig: Vec<Day>,
    mark: Vec<u32>,
    round: u32,
    /// Points to expand, largest gain first.
    heap: std::collections::BinaryHeap<Pending>,
    /// Marks for walking a cycle: the step at which a point was met, by stamp.
    seen: Vec<(u32, usize)>,
    stamp: u32,
}

impl Incremental {
    fn new(n: usize, origin: usize) -> Incremental {
        let mut pot = vec![FAR; n];
        if let Some(x) = pot.get_mut(origin) {
            *x = 0;
        }
        Incremental {
            origin,
            pot,
            pred: vec![None; n],
            out: vec![Vec::new(); n],
            inc: vec![Vec::new(); n],
            undo: Vec::new(),
            orig: vec![0; n],
            mark: vec![0; n],
            round: 0,
            heap: std::collections::BinaryHeap::new(),
            seen: vec![(0, 0); n],
            stamp: 0,
        }
    }

    /// Set a point's potential and predecessor, remembering the old ones.
    fn set(&mut self, x: usize, d: Day, pred: (usize, usize)) {
        if self.mark[x] != self.round {
            self.mark[x] = self.round;
            self.orig[x] = self.pot[x];
        }
        self.undo.push((x, self.pot[x], self.pred[x]));
        self.pot[x] = d;
        self.pred[x] = Some(pred);
    }

    fn rollback(&mut self) {
        while let Some((x, d, p)) = self.undo.pop() {
            self.pot[x] = d;
            self.pred[x] = p;
        }
        self.heap.clear();
    }

    /// Accept edge `j` (v − u ≤ w), or return the negative cycle it would
    /// close as edge ids in path order, starting with `j`.
    fn add(&mut self, u: usize, v: usize, w: Day, j: usize) -> Result<(), Vec<usize>> {
        let cand = self.pot[u].saturating_add(w);
        if cand < self.pot[v] {
            self.undo.clear();
            self.round = self.round.wrapping_add(1);
            if self.round == 0 {
                self.mark.iter_mut().for_each(|m| *m = 0);
                self.round = 1;
            }
            self.set(v, cand, (u, j));
            if v == u || v == self.origin {
                return Err(self.reject(v, j));
            }
            self.heap
                .push((self.orig[v].saturating_sub(cand), std::cmp::Reverse(v), cand));
            while let Some((_, std::cmp::Reverse(x), d)) = self.heap.pop() {
                if self.pot[x] != d {
                    continue;
                }
                for k in 0..self.out[x].len() {
                    let (y, wy, jy) = self.out[x][k];
                    let c = d.saturating_add(wy);
                    if c >= self.pot[y] {
                        continue;
                    }
                    self.set(y, c, (x, jy));
                    let gain = self.orig[y].saturating_sub(c);
                    if y == u || y == self.origin {
                        return Err(self.reject(y, j));
                    }
                    self.heap.push((gain, std::cmp::Reverse(y), c));
                }
            }
            self.undo.clear();
        }
        self.out[u].push((v, w, j));
        self.inc[v].push((u, w));
        Ok(())
    }

    /// The cycle through the point just tightened, then undo the propagation.
    fn reject(&mut self, from: usize, j: usize) -> Vec<usize> {
        let cycle = self.walk(from, j);
        self.rollback();
        cycle
    }

    /// Walk predecessors back from `from` until a point repeats: the loop
    /// closed is the cycle (a loop among predecessors is a negative cycle).
    fn walk(&mut self, from: usize, j: usize) -> Vec<usize> {
        self.stamp = self.stamp.wrapping_add(1);
        if self.stamp == 0 {
            self.seen.iter_mut().for_each(|s| *s = (0, 0));
            self.stamp = 1;
        }
        let mut edges: Vec<usize> = Vec::new();
        let mut x = from;
        loop {
            if self.seen[x].0 == self.stamp {
                let first = self.seen[x].1;
                let mut cycle: Vec<usize> = edges.split_off(first);
                cycle.reverse();
                // Start at the rejected edge.
                if let Some(i) = cycle.iter().position(|&e| e == j) {
                    cycle.rotate_left(i);
                }
                return cycle;
            }
            self.seen[x] = (self.stamp, edges.len());
            match self.pred[x] {
                Some((s, e)) => {
                    edges.push(e);
                    x = s;
                }
                // Cannot happen (the walk starts on a fresh predecessor and
                // every fresh one leads back to the new edge); report it alone.
                None => return vec![j],
            }
        }
    }

    /// Lower and upper bounds of every point over the accepted edges.
    /// Upper: the potential of a point the origin reaches. Lower: minus the
    /// shortest path to the origin, by Dijkstra on the reversed edges with
    /// the reduced costs `w + pot(u) − pot(v)`, which are ≥ 0.
    fn bounds(&self) -> (Vec<Option<Day>>, Vec<Option<Day>>) {
        let n = self.pot.len();
        let hi: Vec<Option<Day>> = self.pot.iter().map(|&d| (d < FAR / 2).then_some(d)).collect();
        let mut reach: Vec<Option<Day>> = vec![None; n];
        let mut heap = std::collections::BinaryHeap::new();
        if self.origin < n {
            reach[self.origin] = Some(0);
            heap.push(std::cmp::Reverse((0, self.origin)));
        }
        while let Some(std::cmp::Reverse((r, v))) = heap.pop() {
            if reach[v] != Some(r) {
                continue;
            }
            for &(u, w) in &self.inc[v] {
                let c = r.saturating_add(w.saturating_add(self.pot[u]).saturating_sub(self.pot[v]));
                if reach[u].is_none_or(|ru| c < ru) {
                    reach[u] = Some(c);
                    heap.push(std::cmp::Reverse((c, u)));
                }
            }
        }
        let lo = reach
            .iter()
            .zip(&self.pot)
            .map(|(r, &p)| r.map(|r| p.saturating_sub(r)))
            .collect();
        (lo, hi)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_propagate_along_edges() {
        let mut n = Network::new();
        let a = n.point();
        let b = n.point();
        n.bound(a, Some(10), Some(20), 0, 1);
        // b is 3 to 5 days after a
        n.between(a, b, Some(3), Some(5), 1, 1);
        let s = n.solve();
        assert!(s.cycles.is_empty());
        assert_eq!((s.lo[b.index()], s.hi[b.index()]), (Some(13), Some(25)));
        assert_eq!((s.lo[a.index()], s.hi[a.index()]), (Some(10), Some(20)));
    }

    #[test]
    fn unbounded_sides_stay_open() {
        let mut n = Network::new();
        let a = n.point();
        let b = n.point();
        n.bound(a, Some(10), None, 0, 1);
        n.at_most(b, a, 0, 1, 1); // a ≤ b
        let s = n.solve();
        assert_eq!((s.lo[b.index()], s.hi[b.index()]), (Some(10), None));
        assert_eq!(s.hi[a.index()], None);
    }

    #[test]
    fn a_negative_cycle_is_reported_with_its_edges_and_the_weakest_is_dropped() {
        let mut n = Network::new();
        let a = n.point();
        let b = n.point();
        n.bound(a, Some(10), Some(10), 0, 3);
        n.bound(b, Some(12), Some(12), 1, 3);
        // "b before a" (weak): b − a ≤ 0, contradicts the dates.
        let weak = n.at_most(a, b, 0, 2, 1);
        let s = n.solve();
        assert_eq!(s.cycles.len(), 1);
        let whys: Vec<usize> = s.cycles[0]
            .iter()
            .filter_map(|&e| n.constraint(e))
            .map(|c| c.why)
            .collect();
        assert!(whys.contains(&2) && whys.contains(&1) && whys.contains(&0), "{whys:?}");
        assert_eq!(s.dropped, vec![weak]);
        // The dates keep their bounds once the weak edge is set aside.
        assert_eq!(s.lo[b.index()], Some(12));
        assert_eq!(s.hi[a.index()], Some(10));
    }

    #[test]
    fn a_cycle_away_from_the_origin_is_found() {
        let mut n = Network::new();
        let a = n.point();
        let b = n.point();
        n.at_most(a, b, -1, 0, 1); // b ≤ a − 1
        n.at_most(b, a, -1, 1, 1); // a ≤ b − 1
        let s = n.solve();
        assert_eq!(s.cycles.len(), 1);
        assert_eq!(s.cycles[0].len(), 2);
    }

    #[test]
    fn components_do_not_join_through_the_origin() {
        let mut n = Network::new();
        let a = n.point();
        let b = n.point();
        let c = n.point();
        n.bound(a, Some(1), Some(2), 0, 1);
        n.bound(c, Some(1), Some(2), 0, 1);
        n.at_most(a, b, 1, 1, 1);
        let comps = n.components();
        assert_eq!(comps, vec![vec![a, b], vec![c]]);
    }

    /// Shortest distances from `s` over `edges` by plain Bellman-Ford, or
    /// None when a negative cycle is reachable: the reference for the tests.
    fn bellman_ford(k: usize, edges: &[(usize, usize, Day)], s: usize) -> Option<Vec<Option<Day>>> {
        let mut d: Vec<Option<Day>> = vec![None; k];
        d[s] = Some(0);
        for round in 0..=k {
            let mut changed = false;
            for &(a, b, w) in edges {
                if let Some(da) = d[a] {
                    if d[b].is_none_or(|db| da + w < db) {
                        d[b] = Some(da + w);
                        changed = true;
                    }
                }
            }
            if !changed {
                return Some(d);
            }
            if round == k {
                return None;
            }
        }
        Some(d)
    }

    #[test]
    fn random_networks_match_bellman_ford_and_every_dropped_edge_closes_a_negative_cycle() {
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |m: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % m
        };
        for _ in 0..300 {
            let mut n = Network::new();
            let k = 2 + next(8) as usize;
            let pts: Vec<NodeIndex> = (0..k).map(|_| n.point()).collect();
            for _ in 0..next(25) {
                let a = if next(4) == 0 {
                    n.origin()
                } else {
                    pts[next(k as u64) as usize]
                };
                let b = if next(4) == 0 {
                    n.origin()
                } else {
                    pts[next(k as u64) as usize]
                };
                let w = next(41) as Day - 15;
                n.at_most(a, b, w, 0, next(4) as u8);
            }
            let s = n.solve();
            let all: Vec<(usize, usize, Day, EdgeIndex)> = n
                .graph
                .edge_references()
                .map(|e| (e.source().index(), e.target().index(), e.weight().weight, e.id()))
                .collect();
            let kept: Vec<(usize, usize, Day)> = all
                .iter()
                .filter(|e| !s.dropped.contains(&e.3))
                .map(|&(a, b, w, _)| (a, b, w))
                .collect();
            let fwd = bellman_ford(k + 1, &kept, 0).expect("what is kept is consistent");
            let rev: Vec<(usize, usize, Day)> = kept.iter().map(|&(a, b, w)| (b, a, w)).collect();
            let back = bellman_ford(k + 1, &rev, 0).expect("consistent");
            for x in 0..=k {
                assert_eq!(s.hi[x], fwd[x]);
                assert_eq!(s.lo[x], back[x].map(|d| -d));
            }
            assert_eq!(s.cycles.len(), s.dropped.len());
            for (cycle, &gone) in s.cycles.iter().zip(&s.dropped) {
                // A closed walk of negative weight that starts with the dropped
                // edge, whose other edges are kept and rank at least as high.
                assert_eq!(cycle.first(), Some(&gone));
                let mut total = 0;
                for (i, &e) in cycle.iter().enumerate() {
                    let (_, b) = n.endpoints(e).expect("edge");
                    let (a2, _) = n.endpoints(cycle[(i + 1) % cycle.len()]).expect("edge");
                    assert_eq!(b, a2, "the edges chain");
                    total += n.constraint(e).expect("edge").weight;
                    if e != gone {
                        assert!(!s.dropped.contains(&e));
                        let (pe, pg) = (
                            n.constraint(e).expect("e").priority,
                            n.constraint(gone).expect("g").priority,
                        );
                        assert!(pe > pg || (pe == pg && e.index() < gone.index()));
                    }
                }
                assert!(total < 0, "{cycle:?}");
            }
            // Every dropped edge would close a negative cycle with what is kept.
            for &gone in &s.dropped {
                let (a, b) = n.endpoints(gone).expect("edge");
                let w = n.constraint(gone).expect("edge").weight;
                let d = bellman_ford(k + 1, &kept, b.index()).expect("consistent");
                assert!(d[a.index()].is_some_and(|d| d + w < 0));
            }
        }
    }

    #[test]
    fn a_long_chain_is_solved_exactly_from_either_end() {
        // 3,000 points a day apart, the date known at one end only: the
        // bound reaches the other end through the whole chain. (Pinned last,
        // every edge first moves the whole unbounded chain behind it: the
        // cost grows with the square of the chain, hence the modest size.)
        for pinned_first in [true, false] {
            let mut n = Network::new();
            let pts: Vec<NodeIndex> = (0..3_000).map(|_| n.point()).collect();
            let (end, day) = if pinned_first { (0, 100) } else { (2_999, 100 + 2_999) };
            n.bound(pts[end], Some(day), Some(day), 0, 3);
            for w in pts.windows(2) {
                n.between(w[0], w[1], Some(1), Some(1), 1, 2);
            }
            let s = n.solve();
            assert!(s.cycles.is_empty());
            for (i, p) in [(0, pts[0]), (2_999, pts[2_999])] {
                assert_eq!((s.lo[p.index()], s.hi[p.index()]), (Some(100 + i), Some(100 + i)));
            }
        }
    }
}
