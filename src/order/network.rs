//! A Simple Temporal Network on petgraph: time points joined by difference
//! constraints, solved per connected component.
//!
//! Every point holds a day number (days from the common era, as
//! `NaiveDate::num_days_from_ce`). A fixed origin is day 0. A constraint
//! "b − a ≤ w" is an edge a → b of weight w; a unary bound "lo ≤ x ≤ hi" is an
//! edge origin → x of weight hi and an edge x → origin of weight −lo.
//!
//! ```text
//! consistent  ⇔ no negative cycle            (SPFA with path-length counting)
//! hi(x)       = shortest path origin → x     (none: unbounded above)
//! lo(x)       = − shortest path x → origin   (none: unbounded below)
//! ```
//!
//! The origin joins everything, so components are taken over the edges that
//! do not touch it: a story's events form one component, and the cost grows
//! with the largest story, not the corpus. A negative cycle is reported with
//! its edges (each carries the caller's reason), the edge of lowest priority
//! in it is set aside, and the component is solved again, so one conflict
//! never hides the bounds of everything else.

use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::unionfind::UnionFind;
use petgraph::visit::EdgeRef;
use petgraph::Direction;

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

    /// Solve every component: bounds of every point, negative cycles, and
    /// the edges set aside.
    pub fn solve(&self) -> Solution {
        let n = self.graph.node_count();
        let mut sol = Solution {
            lo: vec![None; n],
            hi: vec![None; n],
            cycles: Vec::new(),
            dropped: Vec::new(),
        };
        if let Some(x) = sol.lo.first_mut() {
            *x = Some(0);
        }
        if let Some(x) = sol.hi.first_mut() {
            *x = Some(0);
        }
        let mut local = vec![usize::MAX; n];
        for comp in self.components() {
            self.solve_component(&comp, &mut local, &mut sol);
        }
        sol
    }

    fn solve_component(&self, comp: &[NodeIndex], local: &mut [usize], sol: &mut Solution) {
        // Local numbering: 0 is the origin, then the component's points.
        for (i, p) in comp.iter().enumerate() {
            local[p.index()] = i + 1;
        }
        let k = comp.len() + 1;
        let mut edges: Vec<(usize, usize, Day, EdgeIndex, u8)> = Vec::new();
        for p in comp {
            for e in self.graph.edges_directed(*p, Direction::Outgoing) {
                let t = e.target();
                let lt = if t == self.origin { 0 } else { local[t.index()] };
                edges.push((local[p.index()], lt, e.weight().weight, e.id(), e.weight().priority));
            }
            for e in self.graph.edges_directed(*p, Direction::Incoming) {
                if e.source() == self.origin {
                    edges.push((0, local[p.index()], e.weight().weight, e.id(), e.weight().priority));
                }
            }
        }
        let mut enabled = vec![true; edges.len()];
        // Each round either proves consistency or sets one edge aside.
        for _ in 0..=edges.len() {
            let adj = adjacency(k, &edges, &enabled, false);
            match spfa(&adj, None) {
                Ok(_) => break,
                Err(cycle) => {
                    let ids: Vec<EdgeIndex> = cycle.iter().map(|&j| edges[j].3).collect();
                    // Set aside the lowest priority edge; among equals, the last added.
                    let worst = cycle
                        .iter()
                        .copied()
                        .min_by_key(|&j| (edges[j].4, std::cmp::Reverse(edges[j].3.index())));
                    sol.cycles.push(ids);
                    match worst {
                        Some(j) => {
                            enabled[j] = false;
                            sol.dropped.push(edges[j].3);
                        }
                        None => break,
                    }
                }
            }
        }
        let fwd = adjacency(k, &edges, &enabled, false);
        let rev = adjacency(k, &edges, &enabled, true);
        // OK because the detection pass above left no negative cycle; should
        // one remain (it cannot), the bounds stay open rather than wrong.
        let hi = spfa(&fwd, Some(0)).unwrap_or_else(|_| vec![None; k]);
        let lo = spfa(&rev, Some(0)).unwrap_or_else(|_| vec![None; k]);
        for p in comp {
            let l = local[p.index()];
            sol.hi[p.index()] = hi[l];
            sol.lo[p.index()] = lo[l].map(|d| -d);
        }
    }
}

type Adj = Vec<Vec<(usize, Day, usize)>>;

fn adjacency(k: usize, edges: &[(usize, usize, Day, EdgeIndex, u8)], enabled: &[bool], reverse: bool) -> Adj {
    let mut adj: Adj = vec![Vec::new(); k];
    for (j, &(a, b, w, _, _)) in edges.iter().enumerate() {
        if enabled[j] {
            if reverse {
                adj[b].push((a, w, j));
            } else {
                adj[a].push((b, w, j));
            }
        }
    }
    adj
}

/// Shortest paths by SPFA. With a source: distances from it (None:
/// unreachable). Without one: every point starts at 0, which finds any
/// negative cycle. A negative cycle is returned as its edge ids in path order.
fn spfa(adj: &Adj, source: Option<usize>) -> Result<Vec<Option<Day>>, Vec<usize>> {
    let k = adj.len();
    let mut dist: Vec<Option<Day>> = vec![None; k];
    let mut pred: Vec<Option<(usize, usize)>> = vec![None; k];
    let mut len = vec![0usize; k];
    let mut queued = vec![false; k];
    let mut queue = std::collections::VecDeque::with_capacity(k);
    match source {
        Some(s) => {
            dist[s] = Some(0);
            queue.push_back(s);
            queued[s] = true;
        }
        None => {
            for (v, d) in dist.iter_mut().enumerate() {
                *d = Some(0);
                queue.push_back(v);
                queued[v] = true;
            }
        }
    }
    while let Some(u) = queue.pop_front() {
        queued[u] = false;
        let Some(du) = dist[u] else { continue };
        for &(v, w, j) in &adj[u] {
            let nd = du.saturating_add(w);
            if dist[v].is_none_or(|dv| nd < dv) {
                dist[v] = Some(nd);
                pred[v] = Some((u, j));
                len[v] = len[u] + 1;
                if len[v] >= k {
                    return Err(cycle_from(v, &pred, k));
                }
                if !queued[v] {
                    queued[v] = true;
                    queue.push_back(v);
                }
            }
        }
    }
    Ok(dist)
}

/// Walk predecessors back from a point whose path is too long: after k steps
/// we stand on the cycle; collect it once around.
fn cycle_from(v: usize, pred: &[Option<(usize, usize)>], k: usize) -> Vec<usize> {
    let mut x = v;
    for _ in 0..k {
        match pred[x] {
            Some((u, _)) => x = u,
            None => return Vec::new(),
        }
    }
    let start = x;
    let mut out = Vec::new();
    while let Some((u, j)) = pred[x] {
        out.push(j);
        x = u;
        if x == start || out.len() > k {
            break;
        }
    }
    out.reverse();
    out
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
}
