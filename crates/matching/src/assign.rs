//! Exact batch assignment: porteurs (each at most one mentor) to mentors (each at most
//! their capacity), maximising the total integer score, optionally after maximising
//! the number of pairs. It is a min-cost flow on the bipartite graph
//! source → porteur → mentor → sink, solved by successive shortest paths with Dijkstra
//! and node potentials, on each connected component separately. See docs/MATCHING.md.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap, HashSet};

/// Porteurs and mentors are numbered by the caller (any `u64`).
#[derive(Debug, Clone, Default)]
pub struct Problem {
    /// (porteur, mentor, score ≥ 0)
    pub edges: Vec<(u64, u64, i64)>,
    /// mentor → capacity
    pub capacities: BTreeMap<u64, i64>,
}

#[derive(Debug, Clone, Default)]
pub struct Options {
    /// As many pairs as possible first, then the best total score.
    pub matches_first: bool,
    /// Pairs kept as they are (they take a place and count in the totals).
    pub locks: Vec<(u64, u64)>,
    /// Pairs that must not be made.
    pub forbidden: HashSet<(u64, u64)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unmatched {
    /// No candidate mentor at all.
    NoCandidate,
    /// Candidates exist but their places went to better or necessary pairs.
    CandidatesFull,
}

#[derive(Debug, Clone, Default)]
pub struct Assignment {
    /// (porteur, mentor, score), sorted.
    pub pairs: Vec<(u64, u64, i64)>,
    pub total_score: i64,
    pub unmatched: Vec<(u64, Unmatched)>,
    /// Pairs (porteur, mentor) who would both rather be together than with what they got.
    pub blocking_pairs: usize,
}

impl Assignment {
    pub fn matched(&self) -> usize {
        self.pairs.len()
    }
}

/// A residual graph with integer costs. Arcs are added in any order, then laid out
/// node by node (compressed sparse rows) before solving: the solver walks each node's
/// arcs in one contiguous run of memory, which made it several times faster than
/// linked adjacency lists on the national instance.
struct Graph {
    nodes: usize,
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
    fn new(degrees: &[usize]) -> Graph {
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
    fn add(&mut self, from: usize, to: usize, cap: i64, cost: i64) -> usize {
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
    fn residual(&self, e: usize) -> i64 {
        i64::from(self.arcs[e].cap)
    }

    /// Successive shortest paths from `s` to `t`; stops when no path is left or, if
    /// `stop_at` is given, when the next path costs at least that much. Costs must be
    /// non-negative on the initial graph.
    fn min_cost_flow(&mut self, s: usize, t: usize, stop_at: Option<i64>) {
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

/// Mentor ids to their rank among the mentors with a place: a table when the ids are
/// small numbers (the usual case), a binary search otherwise.
struct Mentors {
    sorted: Vec<u64>,
    table: Vec<u32>,
}

impl Mentors {
    fn new(sorted: Vec<u64>) -> Mentors {
        let largest = sorted.last().copied().unwrap_or(0);
        let mut table = Vec::new();
        if largest < 4 * sorted.len() as u64 + (1 << 16) {
            table = vec![0u32; largest as usize + 1];
            for (rank, &id) in sorted.iter().enumerate() {
                table[id as usize] = rank as u32 + 1;
            }
        }
        Mentors { sorted, table }
    }

    fn rank(&self, id: u64) -> Option<usize> {
        if self.table.is_empty() {
            self.sorted.binary_search(&id).ok()
        } else {
            let r = *self.table.get(id as usize)?;
            (r > 0).then(|| r as usize - 1)
        }
    }

    fn len(&self) -> usize {
        self.sorted.len()
    }
}

/// Union-find over porteurs and mentors, to split the problem into components.
/// `edges` are sorted by porteur; no hashing (it dominated the run time). `mentors`
/// holds every mentor of `edges`.
#[inline(never)]
fn components(edges: &[(u64, u64, i64)], mentors: &Mentors) -> Components {
    // Porteur k (in order of appearance) is node k; mentor j is node porteurs + j.
    let mut porteur_of_edge: Vec<u32> = Vec::with_capacity(edges.len());
    let mut count = 0u32;
    for (i, e) in edges.iter().enumerate() {
        if i > 0 && edges[i - 1].0 != e.0 {
            count += 1;
        }
        porteur_of_edge.push(count);
    }
    let porteurs = if edges.is_empty() { 0 } else { count + 1 };
    let mut parent: Vec<u32> = (0..porteurs + mentors.len() as u32).collect();
    fn find(parent: &mut [u32], mut x: u32) -> u32 {
        while parent[x as usize] != x {
            parent[x as usize] = parent[parent[x as usize] as usize];
            x = parent[x as usize];
        }
        x
    }
    // Edges come by porteur: the porteur's root is kept from one edge to the next.
    let mut root = u32::MAX;
    for (k, e) in edges.iter().enumerate() {
        if k == 0 || porteur_of_edge[k - 1] != porteur_of_edge[k] {
            root = find(&mut parent, porteur_of_edge[k]);
        }
        let mentor = porteurs + mentors.rank(e.1).expect("listed") as u32;
        let other = find(&mut parent, mentor);
        if other != root {
            let (low, high) = (root.min(other), root.max(other));
            parent[high as usize] = low;
            root = low;
        }
    }
    // Each edge's group, numbered by first appearance; then the edges laid out group by
    // group in one buffer (a counting sort, which keeps their order within a group).
    let mut group_of_root = vec![u32::MAX; parent.len()];
    let mut sizes: Vec<usize> = Vec::new();
    let mut last = (u32::MAX, 0u32);
    for p in porteur_of_edge.iter_mut() {
        if *p != last.0 {
            let root = find(&mut parent, *p) as usize;
            if group_of_root[root] == u32::MAX {
                group_of_root[root] = sizes.len() as u32;
                sizes.push(0);
            }
            last = (*p, group_of_root[root]);
        }
        *p = last.1;
        sizes[*p as usize] += 1;
    }
    let mut ranges = Vec::with_capacity(sizes.len());
    let mut next = Vec::with_capacity(sizes.len());
    let mut at = 0;
    for size in sizes {
        ranges.push(at..at + size);
        next.push(at);
        at += size;
    }
    let mut order = vec![0u32; edges.len()];
    for (k, g) in porteur_of_edge.iter().enumerate() {
        order[next[*g as usize]] = k as u32;
        next[*g as usize] += 1;
    }
    Components { order, ranges }
}

/// Connected components: the numbers of each one's edges, one component after another.
struct Components {
    order: Vec<u32>,
    ranges: Vec<std::ops::Range<usize>>,
}

impl Components {
    fn len(&self) -> usize {
        self.ranges.len()
    }

    /// The edges of component `i`, in their order in `edges`.
    fn edges(&self, i: usize, edges: &[(u64, u64, i64)]) -> Vec<(u64, u64, i64)> {
        self.order[self.ranges[i].clone()]
            .iter()
            .map(|&k| edges[k as usize])
            .collect()
    }
}

/// What each component needs to know of the whole problem.
struct Context<'a> {
    /// The mentors with a place.
    mentors: &'a Mentors,
    /// Places left after the locked pairs.
    capacities: &'a BTreeMap<u64, i64>,
    /// Places as given.
    original: &'a BTreeMap<u64, i64>,
    /// Mentor → (locked pairs, weakest locked score).
    locked: &'a BTreeMap<u64, (usize, i64)>,
    matches_first: bool,
}

/// Solves one component exactly; returns its pairs and its blocking pairs. `local` is
/// a worker's table from a mentor's rank to their node, all `u32::MAX` between calls
/// (set for this component's mentors, then reset: one table serves every component).
#[inline(never)]
fn solve_component(
    edges: &[(u64, u64, i64)],
    ctx: &Context<'_>,
    local: &mut [u32],
) -> (Vec<(u64, u64, i64)>, usize) {
    let (capacities, matches_first) = (ctx.capacities, ctx.matches_first);
    // Nodes: s, t, the porteurs (the edges come sorted by porteur), the mentors in
    // order of their ids (found through the whole problem's table, not a search).
    let (s, t) = (0, 1);
    let mut porteurs: Vec<u64> = edges.iter().map(|e| e.0).collect();
    porteurs.dedup();
    let ranks: Vec<usize> = edges
        .iter()
        .map(|e| ctx.mentors.rank(e.1).expect("an open mentor"))
        .collect();
    let mut mentors: Vec<(u64, usize)> = Vec::new();
    for (e, &r) in edges.iter().zip(&ranks) {
        if local[r] == u32::MAX {
            local[r] = 0;
            mentors.push((e.1, r));
        }
    }
    mentors.sort_unstable();
    let first_mentor = 2 + porteurs.len();
    for (j, &(_, r)) in mentors.iter().enumerate() {
        local[r] = (first_mentor + j) as u32;
    }
    // Each edge's mentor node, found once.
    let nodes: Vec<usize> = ranks.iter().map(|&r| local[r] as usize).collect();
    for &(_, r) in &mentors {
        local[r] = u32::MAX;
    }
    let mentors: Vec<u64> = mentors.into_iter().map(|(m, _)| m).collect();
    let open_places = |m: &u64| capacities.get(m).copied().unwrap_or(0).max(0);
    let mut degrees = vec![0usize; first_mentor + mentors.len()];
    degrees[s] = porteurs.len();
    let mut u = 1;
    for (k, e) in edges.iter().enumerate() {
        if k == 0 || edges[k - 1].0 != e.0 {
            u += 1;
            degrees[u] += 1;
        }
        degrees[u] += 1;
        degrees[nodes[k]] += 1;
    }
    for (j, m) in mentors.iter().enumerate() {
        if open_places(m) > 0 {
            degrees[first_mentor + j] += 1;
            degrees[t] += 1;
        }
    }
    let max_score = edges.iter().map(|e| e.2).max().unwrap_or(0).max(0) + 1;
    let mut g = Graph::new(&degrees);
    for p in 0..porteurs.len() {
        g.add(s, 2 + p, 1, 0);
    }
    // cost = max_score − score ≥ 0: each path crosses one more porteur→mentor edge than
    // it uncrosses, so the offset adds the same constant per pair.
    let mut u = 1;
    let pair_edges: Vec<(usize, usize, usize, i64)> = edges
        .iter()
        .enumerate()
        .map(|(k, (p, _, sc))| {
            if k == 0 || edges[k - 1].0 != *p {
                u += 1;
            }
            let v = nodes[k];
            (g.add(u, v, 1, max_score - sc), u, v, *sc)
        })
        .collect();
    for (j, m) in mentors.iter().enumerate() {
        let c = open_places(m);
        if c > 0 {
            g.add(first_mentor + j, t, c, 0);
        }
    }
    // Maximise the score alone: stop when a path no longer gains (costs ≥ the offset).
    g.min_cost_flow(s, t, if matches_first { None } else { Some(max_score) });
    // Each porteur's pair; each mentor's places taken and weakest pair, locked ones
    // included. A pair blocks when the porteur scores it above their own pair (or has
    // none) and the mentor has a free place or a weaker pair.
    let mut own: Vec<Option<(usize, i64)>> = vec![None; g.nodes];
    let mut taken = vec![0usize; g.nodes];
    let mut weakest = vec![i64::MAX; g.nodes];
    let mut pairs = Vec::new();
    for &(e, u, v, sc) in &pair_edges {
        if g.residual(e) == 0 {
            own[u] = Some((v, sc));
            taken[v] += 1;
            weakest[v] = weakest[v].min(sc);
            pairs.push((porteurs[u - 2], mentors[v - 2 - porteurs.len()], sc));
        }
    }
    let mut places = vec![0i64; g.nodes];
    for (j, m) in mentors.iter().enumerate() {
        let v = 2 + porteurs.len() + j;
        if let Some((count, score)) = ctx.locked.get(m) {
            taken[v] += count;
            weakest[v] = weakest[v].min(*score);
        }
        places[v] = ctx.original.get(m).copied().unwrap_or(0);
    }
    let blocking = pair_edges
        .iter()
        .filter(|&&(_, u, v, sc)| match own[u] {
            Some((w, _)) if w == v => false,
            mine => {
                mine.is_none_or(|(_, own_score)| sc > own_score)
                    && ((taken[v] as i64) < places[v]
                        || (weakest[v] != i64::MAX && sc > weakest[v]))
            }
        })
        .count();
    (pairs, blocking)
}

/// The optimal assignment; deterministic for equal inputs.
pub fn solve(problem: &Problem, options: &Options) -> Assignment {
    let mut capacities = problem.capacities.clone();
    let mut pairs: Vec<(u64, u64, i64)> = Vec::new();
    let mut locked_porteurs = HashSet::new();
    let mut locked: BTreeMap<u64, (usize, i64)> = BTreeMap::new();
    // One edge per pair (the best score if a pair is given twice), sorted.
    // Files are often written in order already: checking costs one pass, and spares
    // a copy and a sort.
    let in_order = problem
        .edges
        .windows(2)
        .all(|w| (w[0].0, w[0].1) < (w[1].0, w[1].1));
    let best: std::borrow::Cow<'_, [(u64, u64, i64)]> = if in_order {
        std::borrow::Cow::Borrowed(&problem.edges)
    } else {
        let mut best = problem.edges.clone();
        best.sort_unstable_by_key(|e| (e.0, e.1, Reverse(e.2)));
        best.dedup_by_key(|e| (e.0, e.1));
        std::borrow::Cow::Owned(best)
    };
    for (p, m) in &options.locks {
        if locked_porteurs.insert(*p) {
            let c = capacities.entry(*m).or_insert(0);
            *c -= 1;
            let score = best
                .binary_search_by(|e| (e.0, e.1).cmp(&(*p, *m)))
                .map(|i| best[i].2)
                .unwrap_or(0);
            pairs.push((*p, *m, score));
            let l = locked.entry(*m).or_insert((0, i64::MAX));
            *l = (l.0 + 1, l.1.min(score));
        }
    }
    // Mentors with a place left, found by a table rather than a tree walk per pair.
    let open = Mentors::new(
        capacities
            .iter()
            .filter(|(_, c)| **c > 0)
            .map(|(m, _)| *m)
            .collect(),
    );
    let keep = |(p, m, _): &(u64, u64, i64)| {
        (locked_porteurs.is_empty() || !locked_porteurs.contains(p))
            && (options.forbidden.is_empty() || !options.forbidden.contains(&(*p, *m)))
            && open.rank(*m).is_some()
    };
    // Usually every pair stays: then no copy either.
    let edges: std::borrow::Cow<'_, [(u64, u64, i64)]> = if best.iter().all(keep) {
        std::borrow::Cow::Borrowed(&best[..])
    } else {
        std::borrow::Cow::Owned(best.iter().copied().filter(keep).collect())
    };
    // Components are independent: solve them on every core (each answer is exact and
    // the union is sorted below, so the result does not depend on the threads).
    let parts = components(&edges, &open);
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(parts.len().max(1));
    let ctx = Context {
        mentors: &open,
        capacities: &capacities,
        original: &problem.capacities,
        locked: &locked,
        matches_first: options.matches_first,
    };
    type Solved = (Vec<(u64, u64, i64)>, usize);
    let solved: Vec<Solved> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|w| {
                let (parts, ctx, edges) = (&parts, &ctx, &edges);
                scope.spawn(move || {
                    let mut pairs = Vec::new();
                    let mut blocking = 0;
                    let mut local = vec![u32::MAX; ctx.mentors.len()];
                    for c in (w..parts.len()).step_by(workers) {
                        let (p, b) = solve_component(&parts.edges(c, edges), ctx, &mut local);
                        pairs.extend(p);
                        blocking += b;
                    }
                    (pairs, blocking)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a solver thread does not panic"))
            .collect()
    });
    let mut blocking_pairs = 0;
    for (p, b) in solved {
        pairs.extend(p);
        blocking_pairs += b;
    }
    pairs.sort_unstable();
    // Porteurs are in order in `best`, `edges` and `pairs`: walk them together.
    let mut porteurs: Vec<u64> = best.iter().map(|e| e.0).collect();
    porteurs.dedup();
    let (mut in_edges, mut in_pairs) = (edges.iter().peekable(), pairs.iter().peekable());
    let mut unmatched: Vec<(u64, Unmatched)> = Vec::new();
    for p in porteurs {
        while in_edges.next_if(|e| e.0 < p).is_some() {}
        while in_pairs.next_if(|e| e.0 < p).is_some() {}
        if in_pairs.peek().is_some_and(|e| e.0 == p) {
            continue;
        }
        let why = if in_edges.peek().is_some_and(|e| e.0 == p) {
            Unmatched::CandidatesFull
        } else {
            Unmatched::NoCandidate
        };
        unmatched.push((p, why));
    }
    Assignment {
        total_score: pairs.iter().map(|p| p.2).sum(),
        pairs,
        unmatched,
        blocking_pairs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The plain reference for blocking pairs: a pair blocks when the porteur scores it above their own pair (or has none) and the
    /// mentor has a free place or a weaker pair. `pairs` are sorted by (porteur, mentor).
    fn count_blocking(
        pairs: &[(u64, u64, i64)],
        edges: &[(u64, u64, i64)],
        capacities: &BTreeMap<u64, i64>,
    ) -> usize {
        // Each mentor's places taken and weakest pair, by mentor.
        let mut by_mentor: Vec<(u64, i64)> = pairs.iter().map(|p| (p.1, p.2)).collect();
        by_mentor.sort_unstable();
        let mentor_view = |m: u64| {
            let start = by_mentor.partition_point(|x| x.0 < m);
            let end = by_mentor.partition_point(|x| x.0 <= m);
            (
                end - start,
                by_mentor.get(start).filter(|x| x.0 == m).map(|x| x.1),
            )
        };
        let own = |p: u64| {
            let i = pairs.partition_point(|x| x.0 < p);
            pairs.get(i).filter(|x| x.0 == p).copied()
        };
        edges
            .iter()
            .filter(|(p, m, s)| {
                let mine = own(*p);
                if mine.is_some_and(|(_, mm, _)| mm == *m) {
                    return false;
                }
                let porteur_prefers = mine.is_none_or(|(_, _, sc)| *s > sc);
                let (taken, weakest) = mentor_view(*m);
                let mentor_prefers = (taken as i64) < capacities.get(m).copied().unwrap_or(0)
                    || weakest.is_some_and(|w| *s > w);
                porteur_prefers && mentor_prefers
            })
            .count()
    }

    /// The pairs the blocking count looks at: one per pair (best score), not forbidden,
    /// not of a locked porteur, of a mentor with a place left after the locks.
    fn open_edges(problem: &Problem, options: &Options) -> Vec<(u64, u64, i64)> {
        let mut places = problem.capacities.clone();
        let mut locked = HashSet::new();
        for (p, m) in &options.locks {
            if locked.insert(*p) {
                *places.entry(*m).or_insert(0) -= 1;
            }
        }
        let mut edges = problem.edges.clone();
        edges.sort_unstable_by_key(|e| (e.0, e.1, Reverse(e.2)));
        edges.dedup_by_key(|e| (e.0, e.1));
        edges.retain(|(p, m, _)| {
            !locked.contains(p)
                && !options.forbidden.contains(&(*p, *m))
                && places.get(m).copied().unwrap_or(0) > 0
        });
        edges
    }

    /// Every assignment, by brute force: (pairs, score) of the best, lexicographic on
    /// (pairs, score) when `matches_first`.
    fn brute_force(
        problem: &Problem,
        forbidden: &HashSet<(u64, u64)>,
        matches_first: bool,
    ) -> (usize, i64) {
        let porteurs: Vec<u64> = problem
            .edges
            .iter()
            .map(|e| e.0)
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let mut best = (0usize, 0i64);
        #[allow(clippy::too_many_arguments)] // a plain recursive enumeration, for tests only
        fn go(
            i: usize,
            porteurs: &[u64],
            problem: &Problem,
            forbidden: &HashSet<(u64, u64)>,
            used: &mut BTreeMap<u64, i64>,
            acc: (usize, i64),
            best: &mut (usize, i64),
            matches_first: bool,
        ) {
            if i == porteurs.len() {
                let better = if matches_first {
                    acc > *best
                } else {
                    acc.1 > best.1
                };
                if better {
                    *best = acc;
                }
                return;
            }
            go(
                i + 1,
                porteurs,
                problem,
                forbidden,
                used,
                acc,
                best,
                matches_first,
            );
            for (p, m, s) in &problem.edges {
                if *p != porteurs[i] || forbidden.contains(&(*p, *m)) {
                    continue;
                }
                let cap = problem.capacities.get(m).copied().unwrap_or(0);
                let u = used.entry(*m).or_insert(0);
                if *u < cap {
                    *u += 1;
                    go(
                        i + 1,
                        porteurs,
                        problem,
                        forbidden,
                        used,
                        (acc.0 + 1, acc.1 + s),
                        best,
                        matches_first,
                    );
                    *used.get_mut(m).unwrap() -= 1;
                }
            }
        }
        go(
            0,
            &porteurs,
            problem,
            forbidden,
            &mut BTreeMap::new(),
            (0, 0),
            &mut best,
            matches_first,
        );
        best
    }

    fn problem_strategy() -> impl Strategy<Value = Problem> {
        (1usize..6, 1usize..4)
            .prop_flat_map(|(n, m)| {
                (
                    proptest::collection::vec((0..n as u64, 0..m as u64, 1i64..20), 0..12),
                    proptest::collection::vec(0i64..3, m),
                )
            })
            .prop_map(|(edges, caps)| Problem {
                edges,
                capacities: caps
                    .into_iter()
                    .enumerate()
                    .map(|(i, c)| (i as u64, c))
                    .collect(),
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn the_optimum_equals_brute_force_and_respects_capacities(problem in problem_strategy(), matches_first in any::<bool>(), forbid in any::<bool>()) {
            let mut options = Options { matches_first, ..Default::default() };
            if forbid && let Some(e) = problem.edges.first() {
                options.forbidden.insert((e.0, e.1));
            }
            let got = solve(&problem, &options);
            let (pairs, score) = brute_force(&problem, &options.forbidden, matches_first);
            prop_assert_eq!(got.total_score, score);
            let edges = open_edges(&problem, &options);
            prop_assert_eq!(got.blocking_pairs, count_blocking(&got.pairs, &edges, &problem.capacities));
            if matches_first {
                prop_assert_eq!(got.matched(), pairs);
            }
            let mut load: BTreeMap<u64, i64> = BTreeMap::new();
            let mut seen = HashSet::new();
            for (p, m, _) in &got.pairs {
                *load.entry(*m).or_default() += 1;
                prop_assert!(seen.insert(*p), "a porteur has one mentor");
                prop_assert!(!options.forbidden.contains(&(*p, *m)));
            }
            for (m, l) in load {
                prop_assert!(l <= problem.capacities.get(&m).copied().unwrap_or(0), "capacity of {}", m);
            }
        }

        #[test]
        fn locked_pairs_are_kept_and_the_rest_is_optimal(problem in problem_strategy()) {
            let Some(&(p, m, _)) = problem.edges.iter().find(|e| problem.capacities.get(&e.1).copied().unwrap_or(0) > 0) else {
                return Ok(());
            };
            let options = Options { locks: vec![(p, m)], ..Default::default() };
            let got = solve(&problem, &options);
            prop_assert!(got.pairs.iter().any(|q| q.0 == p && q.1 == m));
            let edges = open_edges(&problem, &options);
            prop_assert_eq!(got.blocking_pairs, count_blocking(&got.pairs, &edges, &problem.capacities));
            // The rest equals the optimum of the problem without that porteur and with one
            // place fewer at that mentor.
            let mut rest = problem.clone();
            rest.edges.retain(|e| e.0 != p);
            *rest.capacities.get_mut(&m).unwrap() -= 1;
            let (_, score) = brute_force(&rest, &HashSet::new(), false);
            let locked = problem.edges.iter().filter(|e| e.0 == p && e.1 == m).map(|e| e.2).max().unwrap();
            prop_assert_eq!(got.total_score, score + locked);
        }

        #[test]
        fn equal_inputs_give_equal_answers(problem in problem_strategy()) {
            let a = solve(&problem, &Options::default());
            let mut shuffled = problem.clone();
            shuffled.edges.reverse();
            let b = solve(&shuffled, &Options::default());
            prop_assert_eq!(a.pairs, b.pairs);
        }
    }

    #[test]
    fn matches_first_trades_score_for_pairs() {
        // One mentor place each; porteur 1 likes both mentors, porteur 2 only mentor A.
        let problem = Problem {
            edges: vec![(1, 10, 10), (1, 11, 1), (2, 10, 2)],
            capacities: [(10, 1), (11, 1)].into_iter().collect(),
        };
        let best_score = solve(&problem, &Options::default());
        assert_eq!(
            (best_score.matched(), best_score.total_score),
            (1, 10),
            "the best score leaves porteur 2 out"
        );
        let first = solve(
            &problem,
            &Options {
                matches_first: true,
                ..Default::default()
            },
        );
        assert_eq!((first.matched(), first.total_score), (2, 3));
    }

    #[test]
    fn unmatched_porteurs_say_why_and_blocking_pairs_are_counted() {
        let problem = Problem {
            edges: vec![(1, 10, 5), (2, 10, 4), (3, 99, 1)],
            capacities: [(10, 1)].into_iter().collect(),
        };
        let got = solve(&problem, &Options::default());
        assert_eq!(got.pairs, vec![(1, 10, 5)]);
        assert_eq!(
            got.unmatched,
            vec![(2, Unmatched::CandidatesFull), (3, Unmatched::NoCandidate)]
        );
        assert_eq!(got.blocking_pairs, 0, "the mentor prefers who they got");
    }
}
