//! Top-10 suggestions over 10,000 mentors, text relevance included.
//!
//! `cargo bench -p mentorat-matching --bench suggest` builds a [`MentorIndex`] of 10,000
//! synthetic mentors once, then times one `MentorIndex::suggest` call (the project's
//! text analysed, candidates filtered, scored, ranked and explained) for each of 2,000
//! projects drawn with a fixed seed, and prints p50/p99/max. Two populations:
//!
//! - *network*: mentors in 300 circles spread over France, 1–3 of the 17 fields of the
//!   taxonomy, bios of 15–40 words from a 160-word vocabulary with a few very common
//!   words, a third accepting remote mentoring; porteurs in a random circle;
//! - *dense*: the worst case for pruning, every mentor reachable by every porteur
//!   (same circle), 8 fields, bios of 12 words from 20 words (the earlier benchmark).
//!
//! It also times the plain reference [`suggest`] (which analyses every candidate at each
//! call) on the network population, for comparison. Results go in docs/BENCHMARKS.md.

use mentorat_matching::score::Candidate;
use mentorat_matching::{
    IndexedMentor, MenteeProfile, MentorIndex, MentorProfile, PlaceKeys, Seeker, SplitMix64,
    Weights, suggest,
};
use std::hint::black_box;
use std::time::{Duration, Instant};

const FIELDS: &[(&str, &[&str])] = &[
    ("creation-entreprise", &["entrepreneuriat", "start"]),
    ("emploi-reconversion", &["reconversion", "cv", "entretien"]),
    ("orientation-etudes", &["orientation", "etudes", "concours"]),
    (
        "artisanat",
        &["artisan", "atelier", "boulangerie", "menuiserie"],
    ),
    ("commerce", &["boutique", "magasin", "vente", "epicerie"]),
    (
        "numerique",
        &["informatique", "site", "application", "code"],
    ),
    (
        "vie-associative",
        &["association", "benevolat", "benevoles"],
    ),
    (
        "culture",
        &["art", "musique", "theatre", "edition", "ecriture"],
    ),
    ("sport", &["club", "entrainement"]),
    ("sante-social", &["sante", "soin", "infirmier"]),
    ("droit", &["juridique", "contrat", "statut"]),
    (
        "finances-personnelles",
        &["budget", "epargne", "credit", "dettes"],
    ),
    (
        "financement-projet",
        &["financement", "subvention", "pret", "banque"],
    ),
    ("logement", &["logement", "location", "habitat"]),
    ("agriculture", &["agriculture", "maraichage", "elevage"]),
    ("industrie", &["industrie", "production", "usine"]),
    ("communication", &["communication", "marketing", "presse"]),
];

/// Words of bios and projects, most common first.
const VOCABULARY: &str = "entreprise accompagner projet création financement clients \
    formation métier association emploi budget réseau commerce atelier local quartier \
    jeunes conseil gestion comptabilité banque marketing communication vente boutique \
    restaurant cuisine boulangerie pâtisserie épicerie marché producteurs agriculture \
    maraîchage bio circuit court artisan menuiserie couture textile mode création \
    numérique site internet application développement code informatique données \
    réseaux sociaux photographie vidéo musique théâtre danse écriture édition livre \
    patrimoine tourisme hébergement gîte événementiel sport club entraînement santé \
    soin infirmier aide personne âgée handicap social insertion logement location \
    habitat immobilier travaux bâtiment énergie solaire recyclage environnement vélo \
    mobilité transport livraison logistique import export juridique contrat statut \
    droit travail subvention prêt microcrédit épargne dettes crédit assurance impôts \
    orientation études concours apprentissage reconversion cv entretien embauche \
    recrutement management équipe leadership négociation partenaires mairie \
    collectivité europe international anglais arabe traduction enfants école \
    parentalité crèche garde animation bénévolat bénévoles solidarité alimentaire \
    épicerie-solidaire ressourcerie réparation garage mécanique coiffure esthétique \
    beauté bien-être yoga nutrition";

struct Population {
    mentors: Vec<IndexedMentor>,
    seekers: Vec<Seeker>,
    synonyms: Vec<(String, Vec<String>)>,
}

/// A word drawn with a skew towards the first ones (about Zipf-like).
fn skewed<'a>(rng: &mut SplitMix64, words: &[&'a str]) -> &'a str {
    let u = rng.below(1 << 20) as f64 / f64::from(1 << 20);
    words[((u * u * u) * words.len() as f64) as usize]
}

fn sentence(rng: &mut SplitMix64, words: &[&str], from: usize, spread: u64) -> String {
    let n = from + rng.below(spread) as usize;
    (0..n)
        .map(|_| skewed(rng, words))
        .collect::<Vec<_>>()
        .join(" ")
}

fn circle_place(c: u64) -> PlaceKeys {
    // 300 circles on a grid over metropolitan France; 4 communes each.
    let (row, col) = (c / 20, c % 20);
    PlaceKeys {
        country: "fr".into(),
        commune: String::new(),
        epci: Some(format!("epci-{c}")),
        departement: format!("dep-{}", c / 3),
        region: format!("reg-{}", c / 25),
        lat: 43.0 + row as f64 * 0.5,
        lon: -1.0 + col as f64 * 0.4,
    }
}

fn network(rng: &mut SplitMix64) -> Population {
    let words: Vec<&str> = VOCABULARY.split_whitespace().collect();
    let fields: Vec<&str> = FIELDS.iter().map(|(f, _)| *f).collect();
    let place = |rng: &mut SplitMix64| {
        let c = rng.below(300);
        let n = rng.below(4);
        let mut p = circle_place(c);
        p.commune = format!("{c}-{n}");
        p.lat += n as f64 * 0.03;
        p.lon += n as f64 * 0.02;
        (p, format!("circle-{c}"))
    };
    let mentors = (0..10_000)
        .map(|_| {
            let (place, circle) = place(rng);
            let n_fields = 1 + rng.below(3) as usize;
            IndexedMentor {
                profile: MentorProfile {
                    fields: (0..n_fields)
                        .map(|_| (skewed(rng, &fields).to_owned(), rng.below(30) as i64))
                        .collect(),
                    text: sentence(rng, &words, 15, 26),
                    languages: if rng.below(5) == 0 {
                        vec!["fr".into(), "en".into()]
                    } else {
                        vec!["fr".into()]
                    },
                    remote: rng.below(3) == 0,
                    travel_km: 10.0 + rng.below(40) as f64,
                    active: rng.below(3) as i64,
                    capacity: 1 + rng.below(3) as i64,
                    availability: (*rng.pick(&["soir", "week-end", "matin", "soir week-end"]))
                        .to_owned(),
                },
                place,
                circle: Some(circle),
            }
        })
        .collect();
    let seekers = (0..2_000)
        .map(|_| {
            let (place, circle) = place(rng);
            Seeker {
                profile: MenteeProfile {
                    fields: (0..1 + rng.below(2))
                        .map(|_| skewed(rng, &fields).to_owned())
                        .collect(),
                    text: sentence(rng, &words, 15, 26),
                    languages: vec!["fr".into()],
                    remote: rng.below(3) == 0,
                    availability: (*rng.pick(&["soir", "week-end", ""])).to_owned(),
                },
                place,
                circle: Some(circle),
                excluded: vec![rng.below(10_000) as usize],
            }
        })
        .collect();
    Population {
        mentors,
        seekers,
        synonyms: FIELDS
            .iter()
            .map(|(f, s)| (f.to_string(), s.iter().map(|w| w.to_string()).collect()))
            .collect(),
    }
}

fn dense(rng: &mut SplitMix64) -> Population {
    let fields = &[
        "creation-entreprise",
        "numerique",
        "artisanat",
        "commerce",
        "droit",
        "culture",
        "sport",
        "sante-social",
    ];
    let words = &[
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
    let pick = |rng: &mut SplitMix64, n: usize| {
        (0..n)
            .map(|_| *rng.pick(words))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut home = circle_place(0);
    home.commune = "0-0".into();
    let mentors = (0..10_000)
        .map(|i| {
            let mut place = home.clone();
            // Four levels of closeness, all reachable (same circle).
            match i % 4 {
                0 => {}
                1 => place.commune = format!("0-{i}"),
                2 => (place.commune, place.epci) = (format!("0-{i}"), None),
                _ => (place.commune, place.departement) = (format!("0-{i}"), "other".into()),
            }
            IndexedMentor {
                profile: MentorProfile {
                    fields: vec![(rng.pick(fields).to_string(), rng.below(30) as i64)],
                    text: pick(rng, 12),
                    languages: vec!["fr".into()],
                    travel_km: 30.0,
                    capacity: 3,
                    ..Default::default()
                },
                place,
                circle: Some("circle-0".into()),
            }
        })
        .collect();
    let seekers = (0..2_000)
        .map(|_| Seeker {
            profile: MenteeProfile {
                fields: vec![rng.pick(fields).to_string()],
                text: pick(rng, 15),
                languages: vec!["fr".into()],
                ..Default::default()
            },
            place: home.clone(),
            circle: Some("circle-0".into()),
            excluded: Vec::new(),
        })
        .collect();
    Population {
        mentors,
        seekers,
        synonyms: Vec::new(),
    }
}

/// Timed rounds over all the projects: on a shared machine a call now and then waits
/// for the processor, so each project's fastest round tells what the code costs.
const ROUNDS: usize = 5;

fn report(name: &str, mut timings: Vec<Duration>) {
    timings.sort_unstable();
    let at = |p: f64| timings[((timings.len() - 1) as f64 * p) as usize];
    let us = |d: Duration| d.as_secs_f64() * 1e6;
    println!(
        "{name}: {} calls, p50 {:.1} µs, p99 {:.1} µs, max {:.1} µs",
        timings.len(),
        us(at(0.5)),
        us(at(0.99)),
        us(*timings.last().unwrap())
    );
}

fn main() {
    let weights = Weights::default();
    for (name, population) in [
        ("network", network(&mut SplitMix64(7))),
        ("dense", dense(&mut SplitMix64(8))),
    ] {
        let start = Instant::now();
        let index = MentorIndex::new(&population.mentors, &population.synonyms);
        println!(
            "{name}: index of {} mentors built in {:.1} ms",
            index.len(),
            start.elapsed().as_secs_f64() * 1e3
        );
        // `SUGGEST_PROFILE=network` (or `dense`) only loops over the population's
        // projects, for `perf record`.
        if let Ok(which) = std::env::var("SUGGEST_PROFILE") {
            // `remote` loops over the network's porteurs accepting remote mentoring.
            let remote_only = which == "remote" && name == "network";
            if which == name || remote_only {
                for _ in 0..30 {
                    for s in &population.seekers {
                        if remote_only && !s.profile.remote {
                            continue;
                        }
                        black_box(index.suggest(s, &weights, 10));
                    }
                }
                std::process::exit(0);
            }
            continue;
        }
        // One warm-up round, then ROUNDS timed ones.
        for s in &population.seekers {
            black_box(index.suggest(s, &weights, 10));
        }
        let mut calls: Vec<Vec<Duration>> = vec![Vec::new(); population.seekers.len()];
        let mut found = 0;
        for _ in 0..ROUNDS {
            for (s, times) in population.seekers.iter().zip(&mut calls) {
                let start = Instant::now();
                let top = black_box(index.suggest(s, &weights, 10));
                times.push(start.elapsed());
                found += top.len();
            }
        }
        let fastest = |remote: Option<bool>| -> Vec<Duration> {
            population
                .seekers
                .iter()
                .zip(&calls)
                .filter(|(s, _)| remote.is_none_or(|r| s.profile.remote == r))
                .map(|(_, times)| *times.iter().min().expect("timed"))
                .collect()
        };
        report(
            &format!("{name}, every call ({ROUNDS} rounds)"),
            calls.iter().flatten().copied().collect(),
        );
        report(
            &format!("{name}, each project's fastest of {ROUNDS}"),
            fastest(None),
        );
        for remote in [false, true] {
            let timings = fastest(Some(remote));
            if !timings.is_empty() {
                report(
                    &format!("{name}, porteurs accepting remote: {remote}, fastest of {ROUNDS}"),
                    timings,
                );
            }
        }
        let analyzer = mentorat_matching::Analyzer::default();
        let mut timings = Vec::new();
        for s in &population.seekers {
            let start = Instant::now();
            black_box(analyzer.words(&s.profile.text));
            timings.push(start.elapsed());
        }
        report(
            &format!("{name}, analysing the project's text alone"),
            timings,
        );
        println!(
            "{name}: {:.1} suggestions per project on average",
            found as f64 / (ROUNDS * population.seekers.len()) as f64
        );
    }
    // The plain reference on the network population, a few projects only.
    let population = network(&mut SplitMix64(7));
    let mut timings = Vec::new();
    for s in population.seekers.iter().take(20) {
        let candidates: Vec<Candidate<'_>> = population
            .mentors
            .iter()
            .enumerate()
            .map(|(i, m)| Candidate {
                mentor: &m.profile,
                level: s.place.level(&m.place),
                distance_km: s.place.distance_km(&m.place),
                same_circle: m.circle == s.circle,
                synonyms: Vec::new(),
                history: s.excluded.contains(&i),
            })
            .collect();
        let start = Instant::now();
        black_box(suggest(&s.profile, &candidates, &weights, 10));
        timings.push(start.elapsed());
    }
    report("network, plain suggest (reference)", timings);
}
