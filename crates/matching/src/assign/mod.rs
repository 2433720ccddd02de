//! Exact batch assignment: porteurs (each at most one mentor) to mentors (each at most
//! their capacity), maximising the total integer score, optionally after maximising
//! the number of pairs. It is a min-cost flow on the bipartite graph
//! source → porteur → mentor → sink, solved by successive shortest paths with Dijkstra
//! and node potentials, on each connected component separately. See docs/MATCHING.md.
//!
//! This module holds the public problem and answer and [`solve`], which splits the
//! problem into components (`components`) and solves each one as a flow (`flow`).

mod components;
mod flow;
#[cfg(test)]
mod tests;

use components::{Context, Mentors, components, solve_component};
use std::cmp::Reverse;
use std::collections::{BTreeMap, HashSet};

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
