"""Solves a `mentorat match solve` instance with OR-Tools' SimpleMinCostFlow.

Same model: each porteur has one unit to send, through a candidate mentor (cost
-score) or straight to the sink (cost 0, unmatched); mentors pass at most their
capacity. The minimum cost is minus the best total score. With --matches-first the
skip arcs cost a large constant, so the number of pairs comes first.

Prints `total_score=… matched=… build_s=… solve_s=…` on stdout.
"""
import sys
import time

from ortools.graph.python import min_cost_flow


def main(pairs_path, caps_path, matches_first):
    started = time.perf_counter()
    mentees, mentors, tails, heads, costs = {}, {}, [], [], []
    with open(pairs_path) as f:
        next(f)
        rows = [line.split(",") for line in f if line.strip()]
    with open(caps_path) as f:
        next(f)
        caps = [line.split(",") for line in f if line.strip()]
    for p, m, _ in rows:
        mentees.setdefault(int(p), len(mentees))
    for m, _ in caps:
        mentors.setdefault(int(m), len(mentors))
    n, k = len(mentees), len(mentors)
    source, sink = n + k, n + k + 1
    big = 1 + max((int(s) for _, _, s in rows), default=0) * (n + 1)
    smcf = min_cost_flow.SimpleMinCostFlow()
    for p, m, s in rows:
        if int(m) in mentors:
            tails.append(mentees[int(p)])
            heads.append(n + mentors[int(m)])
            costs.append(-int(s))
    caps_list = [0] * len(tails)
    for i in range(len(tails)):
        caps_list[i] = 1
    smcf.add_arcs_with_capacity_and_unit_cost(tails, heads, caps_list, costs)
    for i in range(n):
        smcf.add_arc_with_capacity_and_unit_cost(source, i, 1, 0)
        smcf.add_arc_with_capacity_and_unit_cost(i, sink, 1, big if matches_first else 0)
    for m, c in caps:
        smcf.add_arc_with_capacity_and_unit_cost(n + mentors[int(m)], sink, int(c), 0)
    smcf.set_node_supply(source, n)
    smcf.set_node_supply(sink, -n)
    built = time.perf_counter()
    status = smcf.solve()
    solved = time.perf_counter()
    if status != smcf.OPTIMAL:
        sys.exit(f"OR-Tools status {status}")
    matched = sum(1 for a in range(len(tails)) if smcf.flow(a) > 0)
    total = -sum(costs[a] for a in range(len(tails)) if smcf.flow(a) > 0)
    print(f"total_score={total} matched={matched} build_s={built - started:.3f} solve_s={solved - built:.3f}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], "--matches-first" in sys.argv[3:])
