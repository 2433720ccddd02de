//! The min-cost-flow solver: a residual graph in compressed sparse rows, successive
//! shortest paths (Dijkstra with node potentials) and blocking flows on the arcs of
//! zero reduced cost.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// A residual graph with integer costs. Arcs are added in any order, then laid out
/// node by node (compressed sparse rows) before solving: the solver walks each node's
/// arcs in one contiguous run of memory, which made it several times faster than
/// linked adjacency lists on the national instance.
pub(super) struct Graph {
    pub(super) nodes: usize,
    /// The arcs, node `u`'s being `start[u]..start[u + 1]`, in the order they were
    /// added; arc `rev[e]` is the pair of arc `e`.
    arcs: Vec<Arc>,
    start: Vec<usize>,
    rev: Vec<u32>,
    /// Where each node's next arc goes while building.
    next: Vec<usize>,
}

impl Graph {
    /// A graph whose node `u` will have `degrees[u]` arcs (pairs counted at both ends).
    pub(super) fn new(degrees: &[usize]) -> Graph {
        let mut start = Vec::with_capacity(degrees.len() + 1);
        start.push(0);
        for d in degrees {
            start.push(start.last().copied().unwrap_or(0) + d);
        }
        let arcs = start.last().copied().unwrap_or(0);
        Graph {
            nodes: degrees.len(),
            arcs: vec![Arc::default(); arcs],
            rev: vec![0; arcs],
            next: start[..degrees.len()].to_vec(),
            start,
        }
    }

    /// Adds an arc and its empty pair; returns where the arc is.
    #[inline]
    pub(super) fn add(&mut self, from: usize, to: usize, cap: i64, cost: i64) -> usize {
        let (e, r) = (self.next[from], self.next[to]);
        self.next[from] += 1;
        self.next[to] += 1;
        // No arc carries more than every porteur: the bound loses nothing.
        let cap = cap.min(i64::from(i32::MAX / 2)) as i32;
        self.arcs[e] = Arc {
            to: to as u32,
            cap,
            total: cap,
            cost,
        };
        self.arcs[r] = Arc {
            to: from as u32,
            cap: 0,
            total: cap,
            cost: -cost,
        };
        (self.rev[e], self.rev[r]) = (r as u32, e as u32);
        e
    }

    /// The residual capacity of the arc at `e` (after solving).
    #[inline]
    pub(super) fn residual(&self, e: usize) -> i64 {
        i64::from(self.arcs[e].cap)
    }

    /// Successive shortest paths from `s` to `t`; stops when no path is left or, if
    /// `stop_at` is given, when the next path costs at least that much. Costs must be
    /// non-negative on the initial graph.
    pub(super) fn min_cost_flow(&mut self, s: usize, t: usize, stop_at: Option<i64>) {
        let n = self.nodes;
        let mut potential = vec![0i64; n];
        let mut dist = vec![i64::MAX; n];
        let mut heap = BinaryHeap::new();
        loop {
            dist.iter_mut().for_each(|d| *d = i64::MAX);
            dist[s] = 0;
            heap.clear();
            heap.push(Reverse((0i64, s)));
            while let Some(Reverse((d, u))) = heap.pop() {
                if d > dist[u] {
                    continue;
                }
                if u == t {
                    // Every node still in the heap is at least as far as `t`; the
                    // potential update below caps them at dist[t], which keeps every
                    // reduced cost non-negative. Stopping here skips most of the graph.
                    break;
                }
                for e in self.start[u]..self.start[u + 1] {
                    let a = self.arcs[e];
                    if a.cap > 0 {
                        let v = a.to as usize;
                        let nd = d + a.cost + potential[u] - potential[v];
                        if nd < dist[v] {
                            dist[v] = nd;
                            heap.push(Reverse((nd, v)));
                        }
                    }
                }
            }
            if dist[t] == i64::MAX {
                return;
            }
            let path_cost = dist[t] + potential[t] - potential[s];
            if stop_at.is_some_and(|limit| path_cost >= limit) {
                return;
            }
            for v in 0..n {
                // Nodes Dijkstra did not reach keep a potential at least as large.
                potential[v] += if dist[v] == i64::MAX {
                    dist[t]
                } else {
                    dist[v].min(dist[t])
                };
            }
            // Primal-dual step: push as much flow as possible along every shortest path
            // at once (a blocking flow on the edges of zero reduced cost), so that one
            // Dijkstra serves many augmentations.
            self.augment_admissible(s, t, &potential);
        }
    }

    /// Dinic's blocking flows restricted to edges of zero reduced cost.
    fn augment_admissible(&mut self, s: usize, t: usize, potential: &[i64]) {
        let n = self.nodes;
        let admissible = |g: &Graph, e: usize, u: usize| {
            let a = g.arcs[e];
            a.cap > 0 && a.cost + potential[u] - potential[a.to as usize] == 0
        };
        let mut level = vec![usize::MAX; n];
        let mut arc = vec![0usize; n];
        let mut queue = std::collections::VecDeque::new();
        let mut path: Vec<usize> = Vec::new();
        loop {
            // Levels are distances to `t`, found backwards from `t`: late in a phase
            // few mentors have a free place, and the search stays among them instead
            // of setting out from every porteur still without a mentor.
            level.iter_mut().for_each(|l| *l = usize::MAX);
            level[t] = 0;
            queue.clear();
            queue.push_back(t);
            while let Some(v) = queue.pop_front() {
                if level[v] >= level[s] {
                    // Breadth-first: every node left is at least as far as `s`, so
                    // none can be on a shortest augmenting path.
                    break;
                }
                // Arc `e` goes v → u; its pair u → v is the one that must be usable.
                for e in self.start[v]..self.start[v + 1] {
                    let a = self.arcs[e];
                    let u = a.to as usize;
                    if level[u] == usize::MAX
                        && a.total > a.cap
                        && potential[u] - a.cost - potential[v] == 0
                    {
                        level[u] = level[v] + 1;
                        queue.push_back(u);
                    }
                }
            }
            if level[s] == usize::MAX {
                return;
            }
            arc.copy_from_slice(&self.start[..n]);
            // Unit augmentations by iterative depth-first search with current arcs.
            loop {
                path.clear();
                let mut u = s;
                while u != t {
                    let mut advanced = false;
                    while arc[u] < self.start[u + 1] {
                        let e = arc[u];
                        let v = self.arcs[e].to as usize;
                        if level[v] != usize::MAX
                            && level[v] + 1 == level[u]
                            && admissible(self, e, u)
                        {
                            path.push(e);
                            u = v;
                            advanced = true;
                            break;
                        }
                        arc[u] += 1;
                    }
                    if !advanced {
                        // Dead end: retreat and never try this node again in this phase.
                        level[u] = usize::MAX;
                        match path.pop() {
                            Some(e) => {
                                u = self.arcs[self.rev[e] as usize].to as usize;
                                arc[u] += 1;
                            }
                            None => break,
                        }
                    }
                }
                if u != t {
                    break;
                }
                for &e in &path {
                    self.arcs[e].cap -= 1;
                    self.arcs[self.rev[e] as usize].cap += 1;
                }
            }
        }
    }
}

/// One residual arc, 16 bytes: the solver's scans read arcs one after another, so the
/// narrower they are, the fewer cache lines each phase pulls in.
#[derive(Debug, Clone, Copy, Default)]
struct Arc {
    to: u32,
    /// Residual capacity, and that of the arc and its pair together (a constant).
    cap: i32,
    total: i32,
    cost: i64,
}
