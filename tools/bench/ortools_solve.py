"""Solves a `mentorat match solve` instance with OR-Tools' SimpleMinCostFlow.

Same model: each porteur has one unit to send, through a candidate mentor (cost
-score) or straight to the sink (cost 0, unmatched); mentors pass at most their
capacity. The minimum cost is minus the best total score. With --matches-first the
skip arcs cost a large constant, so the number of pairs comes first.

The build is as fast as we know how to make it, so that the comparison measures the
solvers rather than Python: the files are parsed by NumPy in one call each, ids are
renumbered with NumPy, and the arcs go in through OR-Tools' vectorised calls.

Prints `total_score=… matched=… build_s=… solve_s=…` on stdout.
"""
import sys
import time

import numpy as np
from ortools.graph.python import min_cost_flow


def integers(path, columns):
    """The rows of a CSV file of integers after its header line, as an (n, columns)
    array."""
    with open(path, "rb") as f:
        f.readline()
        text = f.read().replace(b"\n", b",").replace(b"\r", b"")
    values = np.fromstring(text.decode(), dtype=np.int64, sep=",")
    return values.reshape(-1, columns)


def main(pairs_path, caps_path, matches_first):
    started = time.perf_counter()
    pairs = integers(pairs_path, 3)
    caps = integers(caps_path, 2)
    mentees, mentee_index = np.unique(pairs[:, 0], return_inverse=True)
    order = np.argsort(caps[:, 0], kind="stable")
    cap_ids, cap_values = caps[order, 0], caps[order, 1]
    at = np.searchsorted(cap_ids, pairs[:, 1])
    known = (at < len(cap_ids)) & (cap_ids[np.minimum(at, len(cap_ids) - 1)] == pairs[:, 1])
    n, k = len(mentees), len(cap_ids)
    source, sink = n + k, n + k + 1
    scores = pairs[known, 2]
    tails = mentee_index[known]
    heads = n + at[known]
    big = 1 + int(scores.max(initial=0)) * (n + 1)
    smcf = min_cost_flow.SimpleMinCostFlow()
    arcs = smcf.add_arcs_with_capacity_and_unit_cost(
        tails, heads, np.ones(len(tails), dtype=np.int64), -scores
    )
    porteurs = np.arange(n, dtype=np.int64)
    smcf.add_arcs_with_capacity_and_unit_cost(
        np.full(n, source), porteurs, np.ones(n, dtype=np.int64), np.zeros(n, dtype=np.int64)
    )
    smcf.add_arcs_with_capacity_and_unit_cost(
        porteurs,
        np.full(n, sink),
        np.ones(n, dtype=np.int64),
        np.full(n, big if matches_first else 0, dtype=np.int64),
    )
    smcf.add_arcs_with_capacity_and_unit_cost(
        n + np.arange(k, dtype=np.int64), np.full(k, sink), cap_values, np.zeros(k, dtype=np.int64)
    )
    smcf.set_node_supply(source, n)
    smcf.set_node_supply(sink, -n)
    built = time.perf_counter()
    status = smcf.solve()
    solved = time.perf_counter()
    if status != smcf.OPTIMAL:
        sys.exit(f"OR-Tools status {status}")
    flows = smcf.flows(arcs)
    matched = int((flows > 0).sum())
    total = int(scores[flows > 0].sum())
    print(f"total_score={total} matched={matched} build_s={built - started:.3f} solve_s={solved - built:.3f}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], "--matches-first" in sys.argv[3:])
