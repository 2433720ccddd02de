//! Commune search latency over the whole reference data (France + Belgium).
//!
//! `cargo bench -p mentorat-app --bench commune_search` prints p50/p90/p99/max of the
//! in-process search, one timing per query, over a fixed mix of realistic queries:
//! name prefixes of 1, 2, 3 and 5 letters, full names (accents, hyphens) and postal
//! codes of communes drawn with a fixed seed. Results go in docs/BENCHMARKS.md.

use mentorat_app::territories::territories;
use mentorat_matching::SplitMix64;
use std::hint::black_box;
use std::time::{Duration, Instant};

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn main() {
    let started = Instant::now();
    let t = territories();
    let load = started.elapsed();
    let communes = t.communes();
    let mut rng = SplitMix64(2026);
    let mut queries: Vec<String> = Vec::new();
    for _ in 0..2_000 {
        let c = rng.pick(communes);
        let chars: Vec<char> = c.name.chars().collect();
        for n in [1, 2, 3, 5] {
            queries.push(chars.iter().take(n).collect());
        }
        queries.push(c.name.clone());
        if let Some(postal) = c.postal_codes.first() {
            queries.push(postal.clone());
        }
    }
    queries.extend(["compi", "compiegne", "60200", "ath", "saint-", "s", "la"].map(str::to_owned));

    // Warm up, then time each query separately, five rounds.
    for q in &queries {
        black_box(t.search(q, 10));
    }
    let mut timings = Vec::with_capacity(queries.len() * 5);
    for _ in 0..5 {
        for q in &queries {
            let start = Instant::now();
            let hits = t.search(black_box(q), 10);
            timings.push(start.elapsed());
            black_box(hits);
        }
    }
    timings.sort_unstable();
    let us = |d: Duration| d.as_secs_f64() * 1e6;
    println!(
        "commune_search: {} communes, {} queries x 5 rounds",
        communes.len(),
        queries.len()
    );
    println!(
        "  data parse at first use: {:.1} ms",
        load.as_secs_f64() * 1e3
    );
    println!(
        "  latency p50 {:.1} µs, p90 {:.1} µs, p99 {:.1} µs, max {:.1} µs",
        us(percentile(&timings, 0.50)),
        us(percentile(&timings, 0.90)),
        us(percentile(&timings, 0.99)),
        us(*timings.last().unwrap())
    );
    for q in ["s", "saint-", "compi", "60200"] {
        let start = Instant::now();
        for _ in 0..1_000 {
            black_box(t.search(black_box(q), 10));
        }
        println!(
            "  {q:>8}: {:.1} µs per search (mean of 1000)",
            us(start.elapsed()) / 1_000.0
        );
    }
}
