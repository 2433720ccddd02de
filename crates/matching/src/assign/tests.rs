//! Property tests of the solver against a brute-force enumeration, and examples.

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
