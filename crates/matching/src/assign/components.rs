//! The problem split into connected components (union-find over porteurs and
//! mentors), and one component solved exactly as a flow, with its blocking pairs.

use super::flow::Graph;
use std::collections::BTreeMap;

/// Mentor ids to their rank among the mentors with a place: a table when the ids are
/// small numbers (the usual case), a binary search otherwise.
pub(super) struct Mentors {
    sorted: Vec<u64>,
    table: Vec<u32>,
}

impl Mentors {
    pub(super) fn new(sorted: Vec<u64>) -> Mentors {
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

    #[inline]
    pub(super) fn rank(&self, id: u64) -> Option<usize> {
        if self.table.is_empty() {
            self.sorted.binary_search(&id).ok()
        } else {
            let r = *self.table.get(id as usize)?;
            (r > 0).then(|| r as usize - 1)
        }
    }

    #[inline]
    pub(super) fn len(&self) -> usize {
        self.sorted.len()
    }
}

/// Union-find over porteurs and mentors, to split the problem into components.
/// `edges` are sorted by porteur; no hashing (it dominated the run time). `mentors`
/// holds every mentor of `edges`.
#[inline(never)]
pub(super) fn components(edges: &[(u64, u64, i64)], mentors: &Mentors) -> Components {
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
pub(super) struct Components {
    order: Vec<u32>,
    ranges: Vec<std::ops::Range<usize>>,
}

impl Components {
    pub(super) fn len(&self) -> usize {
        self.ranges.len()
    }

    /// The edges of component `i`, in their order in `edges`.
    pub(super) fn edges(&self, i: usize, edges: &[(u64, u64, i64)]) -> Vec<(u64, u64, i64)> {
        self.order[self.ranges[i].clone()]
            .iter()
            .map(|&k| edges[k as usize])
            .collect()
    }
}

/// What each component needs to know of the whole problem.
pub(super) struct Context<'a> {
    /// The mentors with a place.
    pub(super) mentors: &'a Mentors,
    /// Places left after the locked pairs.
    pub(super) capacities: &'a BTreeMap<u64, i64>,
    /// Places as given.
    pub(super) original: &'a BTreeMap<u64, i64>,
    /// Mentor → (locked pairs, weakest locked score).
    pub(super) locked: &'a BTreeMap<u64, (usize, i64)>,
    pub(super) matches_first: bool,
}

/// Solves one component exactly; returns its pairs and its blocking pairs. `local` is
/// a worker's table from a mentor's rank to their node, all `u32::MAX` between calls
/// (set for this component's mentors, then reset: one table serves every component).
#[inline(never)]
pub(super) fn solve_component(
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
