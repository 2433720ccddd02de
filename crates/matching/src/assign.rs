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
    /// While building: the tail of each arc. Arcs `2k` and `2k + 1` are a pair.
    from: Vec<usize>,
    to: Vec<usize>,
    cap: Vec<i64>,
    cost: Vec<i64>,
    /// After `freeze`: the arcs, node `u`'s being `start[u]..start[u + 1]`.
    arcs: Vec<Arc>,
    start: Vec<usize>,
    /// After `freeze`: the paired arc of each arc.
    rev: Vec<u32>,
    /// After `freeze`: where the arc numbered `k` by `add` went.
    pos: Vec<usize>,
}

impl Graph {
    fn new(nodes: usize) -> Graph {
        Graph {
            nodes,
            from: Vec::new(),
            to: Vec::new(),
            cap: Vec::new(),
            cost: Vec::new(),
            arcs: Vec::new(),
            start: Vec::new(),
            rev: Vec::new(),
            pos: Vec::new(),
        }
    }

    fn add(&mut self, from: usize, to: usize, cap: i64, cost: i64) -> usize {
        let e = self.to.len();
        for (a, b, c, k) in [(from, to, cap, cost), (to, from, 0, -cost)] {
            self.from.push(a);
            self.to.push(b);
            self.cap.push(c);
            self.cost.push(k);
        }
        e
    }

    /// Lays the arcs out node by node (a counting sort on their tails).
    fn freeze(&mut self) {
        let mut start = vec![0usize; self.nodes + 1];
        for &a in &self.from {
            start[a + 1] += 1;
        }
        for u in 0..self.nodes {
            start[u + 1] += start[u];
        }
        let mut slot = start.clone();
        let mut pos = vec![0usize; self.from.len()];
        for (k, &a) in self.from.iter().enumerate() {
            pos[k] = slot[a];
            slot[a] += 1;
        }
        self.arcs = vec![Arc::default(); pos.len()];
        self.rev = vec![0; pos.len()];
        for (k, &at) in pos.iter().enumerate() {
            // No arc carries more than every porteur: the bound loses nothing.
            let cap = |k: usize| self.cap[k].min(i64::from(i32::MAX / 2)) as i32;
            self.arcs[at] = Arc {
                to: self.to[k] as u32,
                cap: cap(k),
                total: cap(k) + cap(k ^ 1),
                cost: self.cost[k],
            };
            self.rev[at] = pos[k ^ 1] as u32;
        }
        self.start = start;
        self.pos = pos;
        (self.from, self.to, self.cap, self.cost) = Default::default();
    }

    /// The residual capacity of the arc numbered `k` by `add` (after solving).
    fn residual(&self, k: usize) -> i64 {
        i64::from(self.arcs[self.pos[k]].cap)
    }

    /// Successive shortest paths from `s` to `t`; stops when no path is left or, if
    /// `stop_at` is given, when the next path costs at least that much. Costs must be
    /// non-negative on the initial graph.
    fn min_cost_flow(&mut self, s: usize, t: usize, stop_at: Option<i64>) {
        self.freeze();
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

/// Union-find over porteurs and mentors, to split the problem into components.
/// `edges` are sorted by porteur; no hashing (it dominated the run time).
#[inline(never)]
/// `mentors` holds every mentor of `edges`, sorted.
fn components(edges: &[(u64, u64, i64)], mentors: &[u64]) -> Vec<Vec<(u64, u64, i64)>> {
    // Porteur k (in order of appearance) is node k; mentor j is node porteurs + j.
    let mut porteur_of_edge = Vec::with_capacity(edges.len());
    let mut count = 0usize;
    for (i, e) in edges.iter().enumerate() {
        if i > 0 && edges[i - 1].0 != e.0 {
            count += 1;
        }
        porteur_of_edge.push(count);
    }
    let porteurs = if edges.is_empty() { 0 } else { count + 1 };
    let mut parent: Vec<usize> = (0..porteurs + mentors.len()).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    let mentor_node: Vec<usize> = edges
        .iter()
        .map(|e| porteurs + mentors.binary_search(&e.1).expect("listed"))
        .collect();
    for (k, e) in mentor_node.iter().enumerate() {
        let (a, b) = (find(&mut parent, porteur_of_edge[k]), find(&mut parent, *e));
        if a != b {
            parent[a.max(b)] = a.min(b);
        }
    }
    let mut group_of_root = vec![usize::MAX; parent.len()];
    let mut groups: Vec<Vec<(u64, u64, i64)>> = Vec::new();
    for (k, e) in edges.iter().enumerate() {
        let root = find(&mut parent, porteur_of_edge[k]);
        if group_of_root[root] == usize::MAX {
            group_of_root[root] = groups.len();
            groups.push(Vec::new());
        }
        groups[group_of_root[root]].push(*e);
    }
    groups
}

/// What the blocking-pair count needs to know of the whole problem.
struct Context<'a> {
    /// Places left after the locked pairs.
    capacities: &'a BTreeMap<u64, i64>,
    /// Places as given.
    original: &'a BTreeMap<u64, i64>,
    /// Mentor → (locked pairs, weakest locked score).
    locked: &'a BTreeMap<u64, (usize, i64)>,
    matches_first: bool,
}

/// Solves one component exactly; returns its pairs and its blocking pairs.
#[inline(never)]
fn solve_component(edges: &[(u64, u64, i64)], ctx: &Context<'_>) -> (Vec<(u64, u64, i64)>, usize) {
    let (capacities, matches_first) = (ctx.capacities, ctx.matches_first);
    let porteurs: Vec<u64> = edges
        .iter()
        .map(|e| e.0)
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let mentors: Vec<u64> = edges
        .iter()
        .map(|e| e.1)
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let max_score = edges.iter().map(|e| e.2).max().unwrap_or(0).max(0) + 1;
    let (s, t) = (0, 1);
    let p_node = |p: u64| 2 + porteurs.binary_search(&p).expect("known porteur");
    let m_node = |m: u64| 2 + porteurs.len() + mentors.binary_search(&m).expect("known mentor");
    let mut g = Graph::new(2 + porteurs.len() + mentors.len());
    for p in &porteurs {
        g.add(s, p_node(*p), 1, 0);
    }
    // cost = max_score − score ≥ 0: each path crosses one more porteur→mentor edge than
    // it uncrosses, so the offset adds the same constant per pair.
    let pair_edges: Vec<(usize, usize, usize, i64)> = edges
        .iter()
        .map(|(p, m, sc)| {
            let (u, v) = (p_node(*p), m_node(*m));
            (g.add(u, v, 1, max_score - sc), u, v, *sc)
        })
        .collect();
    for m in &mentors {
        let c = capacities.get(m).copied().unwrap_or(0).max(0);
        if c > 0 {
            g.add(m_node(*m), t, c, 0);
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
    let mut best: Vec<(u64, u64, i64)> = problem.edges.clone();
    let key = |e: &(u64, u64, i64)| (e.0, e.1, Reverse(e.2));
    // Files are often written in order already: checking costs one pass.
    if !best.is_sorted_by_key(key) {
        best.sort_unstable_by_key(key);
    }
    best.dedup_by_key(|e| (e.0, e.1));
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
    // Mentors with a place left, sorted, for a binary search per pair (cheaper than a
    // tree walk over a million pairs).
    let open: Vec<u64> = capacities
        .iter()
        .filter(|(_, c)| **c > 0)
        .map(|(m, _)| *m)
        .collect();
    let edges: Vec<(u64, u64, i64)> = best
        .iter()
        .copied()
        .filter(|(p, m, _)| {
            (locked_porteurs.is_empty() || !locked_porteurs.contains(p))
                && (options.forbidden.is_empty() || !options.forbidden.contains(&(*p, *m)))
                && open.binary_search(m).is_ok()
        })
        .collect();
    // Components are independent: solve them on every core (each answer is exact and
    // the union is sorted below, so the result does not depend on the threads).
    let parts = components(&edges, &open);
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(parts.len().max(1));
    let ctx = Context {
        capacities: &capacities,
        original: &problem.capacities,
        locked: &locked,
        matches_first: options.matches_first,
    };
    type Solved = (Vec<(u64, u64, i64)>, usize);
    let solved: Vec<Solved> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|w| {
                let (parts, ctx) = (&parts, &ctx);
                scope.spawn(move || {
                    let mut pairs = Vec::new();
                    let mut blocking = 0;
                    for c in parts.iter().skip(w).step_by(workers) {
                        let (p, b) = solve_component(c, ctx);
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
