//! Top-10 suggestions over 10,000 mentors, text relevance included.
//!
//! `cargo bench -p mentorat-matching --bench suggest` prints p50/p99 of one call of
//! `suggest` (which builds its BM25 index over the candidates each time) for 200
//! projects drawn with a fixed seed. Results go in docs/BENCHMARKS.md.

use mentorat_matching::score::Candidate;
use mentorat_matching::{Level, MenteeProfile, MentorProfile, SplitMix64, Weights, suggest};
use std::hint::black_box;
use std::time::{Duration, Instant};

const FIELDS: &[&str] = &[
    "creation-entreprise",
    "numerique",
    "artisanat",
    "commerce",
    "droit",
    "culture",
    "sport",
    "sante-social",
];
const WORDS: &[&str] = &[
    "boulangerie",
    "financement",
    "formation",
    "entreprise",
    "association",
    "emploi",
    "reconversion",
    "numérique",
    "atelier",
    "commerce",
    "épicerie",
    "restaurant",
    "théâtre",
    "musique",
    "soin",
    "contrat",
    "banque",
    "budget",
    "local",
    "clients",
];

fn main() {
    let mut rng = SplitMix64(7);
    let mentors: Vec<MentorProfile> = (0..10_000)
        .map(|_| MentorProfile {
            fields: vec![(rng.pick(FIELDS).to_string(), rng.below(30) as i64)],
            text: (0..12)
                .map(|_| *rng.pick(WORDS))
                .collect::<Vec<_>>()
                .join(" "),
            languages: vec!["fr".into()],
            travel_km: 30.0,
            capacity: 3,
            ..Default::default()
        })
        .collect();
    let levels = [
        Level::SameCommune,
        Level::SameIntercommunality,
        Level::SameDepartement,
        Level::SameRegion,
    ];
    let candidates: Vec<Candidate<'_>> = mentors
        .iter()
        .enumerate()
        .map(|(i, m)| Candidate {
            mentor: m,
            level: levels[i % 4],
            distance_km: (i % 50) as f64,
            same_circle: true,
            synonyms: Vec::new(),
            history: false,
        })
        .collect();
    let mut timings = Vec::new();
    for _ in 0..200 {
        let mentee = MenteeProfile {
            fields: vec![rng.pick(FIELDS).to_string()],
            text: (0..15)
                .map(|_| *rng.pick(WORDS))
                .collect::<Vec<_>>()
                .join(" "),
            languages: vec!["fr".into()],
            ..Default::default()
        };
        let start = Instant::now();
        black_box(suggest(&mentee, &candidates, &Weights::default(), 10));
        timings.push(start.elapsed());
    }
    timings.sort_unstable();
    let at = |p: f64| timings[((timings.len() - 1) as f64 * p) as usize];
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "suggest, 10,000 mentors, 200 projects: p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        ms(at(0.5)),
        ms(at(0.99)),
        ms(*timings.last().unwrap())
    );
}
