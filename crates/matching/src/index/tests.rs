//! Property tests of the index against the plain reference, and examples.

use super::*;
use crate::score::{Candidate, Reason, Suggestion, Weights, suggest};
use proptest::prelude::*;

/// Communes of two countries, with intercommunalities, départements and régions
/// shared in different ways.
fn place(n: usize) -> PlaceKeys {
    let at = |country: &str, commune: &str, epci: Option<&str>, dep: &str, lat, lon| PlaceKeys {
        country: country.into(),
        commune: commune.into(),
        epci: epci.map(str::to_owned),
        departement: dep.into(),
        region: match dep {
            "60" | "80" => "hdf",
            "75" => "idf",
            _ => "wal",
        }
        .into(),
        lat,
        lon,
    };
    match n % 6 {
        0 => at("fr", "60159", Some("cc-compiegne"), "60", 49.41, 2.82),
        1 => at("fr", "60414", Some("cc-compiegne"), "60", 49.38, 2.80),
        2 => at("fr", "60057", Some("ca-beauvais"), "60", 49.43, 2.08),
        3 => at("fr", "80021", None, "80", 49.89, 2.30),
        4 => at("fr", "75056", Some("mgp"), "75", 48.86, 2.35),
        _ => at("be", "57081", None, "hainaut", 50.61, 3.39),
    }
}

const FIELDS: [&str; 4] = ["creation-entreprise", "numerique", "droit", "culture"];
const WORDS: [&str; 10] = [
    "boulangerie",
    "créer",
    "création",
    "entreprise",
    "financement",
    "théâtre",
    "juriste",
    "web",
    "le",
    "budget",
];
const LANGUAGES: [&str; 3] = ["fr", "en", "ar"];
const SLOTS: [&str; 3] = ["soir", "week-end", "matin"];

/// The pools instances draw from: the small ones above, or (`wide`) with 70
/// fields (past the 64 bits of a field mask), 120 words (past the 64 bits of a
/// text signature) and 40 availability words (past their 31 bits).
fn field(i: usize, wide: bool) -> String {
    match i % if wide { 70 } else { 4 } {
        i if i < FIELDS.len() => FIELDS[i].to_owned(),
        i => format!("f{i}"),
    }
}

fn word(i: usize, wide: bool) -> String {
    match i % if wide { 120 } else { 10 } {
        i if i < WORDS.len() => WORDS[i].to_owned(),
        i => format!("mot{i}"),
    }
}

fn slot(i: usize, wide: bool) -> String {
    match i % if wide { 40 } else { 3 } {
        i if i < SLOTS.len() => SLOTS[i].to_owned(),
        i => format!("creneau{i}"),
    }
}

fn words(picks: &[usize], wide: bool, from: fn(usize, bool) -> String) -> String {
    picks
        .iter()
        .map(|&i| from(i, wide))
        .collect::<Vec<_>>()
        .join(" ")
}

prop_compose! {
    fn arb_mentor(wide: bool)(
        fields in prop::collection::vec((0..1000usize, 0..30i64), 0..if wide { 6 } else { 3 }),
        text in prop::collection::vec(0..1000usize, 0..if wide { 30 } else { 8 }),
        languages in prop::collection::vec(0..3usize, 1..3),
        remote in any::<bool>(),
        travel in 0..200u32,
        capacity in 0..3i64,
        active in 0..3i64,
        availability in prop::collection::vec(0..1000usize, 0..if wide { 8 } else { 3 }),
        place in 0..6usize,
        circle in prop::option::of(0..2u8),
    ) -> IndexedMentor {
        IndexedMentor {
            profile: MentorProfile {
                fields: fields.iter().map(|(f, y)| (field(*f, wide), *y)).collect(),
                text: words(&text, wide, word),
                languages: languages.iter().map(|&l| LANGUAGES[l].to_owned()).collect(),
                remote,
                travel_km: f64::from(travel),
                active,
                capacity,
                availability: words(&availability, wide, slot),
            },
            place: place_keys_of(place),
            circle: circle.map(|c| format!("circle-{c}")),
        }
    }
}

prop_compose! {
    fn arb_seeker(mentors: usize, wide: bool)(
        fields in prop::collection::vec(0..1000usize, 0..3),
        unheard in prop::option::weighted(0.2, Just("sport")),
        text in prop::collection::vec(0..1000usize, 0..if wide { 40 } else { 10 }),
        languages in prop::collection::vec(0..3usize, 1..3),
        remote in any::<bool>(),
        availability in prop::collection::vec(0..1000usize, 0..3),
        place in 0..7usize,
        circle in prop::option::of(0..3u8),
        excluded in prop::collection::vec(0..mentors.max(1), 0..3),
    ) -> Seeker {
        Seeker {
            profile: MenteeProfile {
                // Sometimes with a field no mentor has.
                fields: fields.iter().map(|&f| field(f, wide)).chain(unheard.map(str::to_owned)).collect(),
                text: words(&text, wide, word),
                languages: languages.iter().map(|&l| LANGUAGES[l].to_owned()).collect(),
                remote,
                availability: words(&availability, wide, slot),
            },
            // Place 6 is a commune no mentor lives in.
            place: if place == 6 {
                PlaceKeys { commune: "99999".into(), lat: 43.3, lon: 5.4, ..place_keys_of(0) }
            } else {
                place_keys_of(place)
            },
            circle: circle.map(|c| format!("circle-{c}")),
            excluded,
        }
    }
}

fn place_keys_of(n: usize) -> PlaceKeys {
    place(n)
}

fn synonyms() -> Vec<(String, Vec<String>)> {
    vec![
        ("creation-entreprise".into(), vec!["boulangerie".into()]),
        ("culture".into(), vec!["theatre".into()]),
        ("f5".into(), vec!["mot15".into(), "budget".into()]),
        ("f66".into(), vec!["mot100".into()]),
    ]
}

/// What the plain reference says for the same mentors.
fn reference(mentors: &[IndexedMentor], seeker: &Seeker, w: &Weights, k: usize) -> Vec<Suggestion> {
    let all = synonyms();
    let candidates: Vec<Candidate<'_>> = mentors
        .iter()
        .enumerate()
        .map(|(i, m)| Candidate {
            mentor: &m.profile,
            level: seeker.place.level(&m.place),
            distance_km: seeker.place.distance_km(&m.place),
            same_circle: m.circle.is_some() && m.circle == seeker.circle,
            synonyms: m
                .profile
                .fields
                .iter()
                .filter_map(|(f, _)| all.iter().find(|(s, _)| s == f).cloned())
                .collect(),
            history: seeker.excluded.contains(&i),
        })
        .collect();
    suggest(&seeker.profile, &candidates, w, k)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(6000))]

    /// Small pools (many ties), wide ones (masks and signatures overflowing), and
    /// postings on lists of every length.
    #[test]
    fn the_index_answers_exactly_as_the_reference(
        (mentors, seeker) in any::<bool>().prop_flat_map(|wide| {
            prop::collection::vec(arb_mentor(wide), 0..60)
                .prop_flat_map(move |m| { let n = m.len(); (Just(m), arb_seeker(n, wide)) })
        }),
        weights in prop::collection::vec(0..5u8, 6),
        k in 0..6usize,
        long_list in prop::sample::select(vec![1usize, 4, LONG_LIST]),
    ) {
        let w = Weights {
            field: f64::from(weights[0]) / 4.0,
            text: f64::from(weights[1]) / 4.0,
            proximity: f64::from(weights[2]) / 4.0,
            years: f64::from(weights[3]) / 4.0,
            load: f64::from(weights[4]) / 4.0,
            availability: f64::from(weights[5]) / 4.0,
        };
        let index = MentorIndex::build(&mentors, &synonyms(), long_list);
        let fast = index.suggest(&seeker, &w, k);
        let plain = reference(&mentors, &seeker, &w, k);
        let key = |s: &[Suggestion]| s.iter().map(|x| (x.index, x.score.to_bits(), x.reasons.clone())).collect::<Vec<_>>();
        prop_assert_eq!(key(&fast), key(&plain));
    }

    /// One mentor assessed alone (a request checked on the server) passes exactly when
    /// the reference scores them, with the same score and reasons.
    #[test]
    fn one_mentor_assessed_alone_answers_as_the_reference(
        (mentors, seeker) in any::<bool>().prop_flat_map(|wide| {
            prop::collection::vec(arb_mentor(wide), 1..40)
                .prop_flat_map(move |m| { let n = m.len(); (Just(m), arb_seeker(n, wide)) })
        }),
        long_list in prop::sample::select(vec![1usize, 4, LONG_LIST]),
    ) {
        let w = Weights::default();
        let index = MentorIndex::build(&mentors, &synonyms(), long_list);
        let every = reference(&mentors, &seeker, &w, mentors.len());
        for i in 0..mentors.len() {
            let alone = index.assess(&seeker, &w, i).map(|x| (x.score.to_bits(), x.reasons));
            let plain = every.iter().find(|x| x.index == i).map(|x| (x.score.to_bits(), x.reasons.clone()));
            prop_assert_eq!(alone, plain, "mentor {}", i);
        }
    }

    /// Places taken and freed after the index is built (a request accepted, a
    /// relationship closed, a mentor full or free again) change its answers in place,
    /// exactly as an index built anew over the mentors as they now are.
    #[test]
    fn places_taken_or_freed_in_place_answer_as_a_new_index(
        (mut mentors, seeker, changes) in any::<bool>().prop_flat_map(|wide| {
            prop::collection::vec(arb_mentor(wide), 1..60).prop_flat_map(move |m| {
                let n = m.len();
                (Just(m), arb_seeker(n, wide), prop::collection::vec((0..n, 0..4i64), 0..12))
            })
        }),
        k in 1..6usize,
        long_list in prop::sample::select(vec![1usize, 4, LONG_LIST]),
    ) {
        let w = Weights::default();
        let index = MentorIndex::build(&mentors, &synonyms(), long_list);
        for (mentor, active) in changes {
            let capacity = mentors[mentor].profile.capacity;
            index.set_places(mentor, active, capacity);
            mentors[mentor].profile.active = active;
        }
        let key = |s: &[Suggestion]| s.iter().map(|x| (x.index, x.score.to_bits(), x.reasons.clone())).collect::<Vec<_>>();
        prop_assert_eq!(key(&index.suggest(&seeker, &w, k)), key(&reference(&mentors, &seeker, &w, k)));
    }
}

/// A French-speaking mentor of circle 0 with one free place.
fn in_circle(fields: Vec<(String, i64)>, availability: &str) -> IndexedMentor {
    IndexedMentor {
        profile: MentorProfile {
            fields,
            languages: vec!["fr".into()],
            capacity: 1,
            availability: availability.into(),
            ..Default::default()
        },
        place: place(0),
        circle: Some("circle-0".into()),
    }
}

/// A French-speaking porteur of circle 0 with a project in `field`.
fn seeking_in_circle(field: &str, availability: &str) -> Seeker {
    Seeker {
        profile: MenteeProfile {
            fields: vec![field.into()],
            languages: vec!["fr".into()],
            availability: availability.into(),
            ..Default::default()
        },
        place: place(0),
        circle: Some("circle-0".into()),
        ..Default::default()
    }
}

#[test]
fn years_past_32_bits_or_below_zero_come_back_whole_in_the_reasons() {
    let mentors: Vec<IndexedMentor> = [5_000_000_000, -3]
        .into_iter()
        .map(|years| in_circle(vec![("droit".into(), 1), ("commerce".into(), years)], ""))
        .collect();
    let seeker = seeking_in_circle("commerce", "");
    let top = MentorIndex::new(&mentors, &[]).suggest(&seeker, &Weights::default(), 2);
    assert_eq!(top[0].index, 0);
    assert!(
        top[0]
            .reasons
            .contains(&Reason::Years("commerce".into(), 5_000_000_000)),
        "{top:?}"
    );
    // Negative years give no reason, and the lowest score.
    assert_eq!(top[1].index, 1);
    assert!(top[1].score < top[0].score);
}

#[test]
fn a_mentor_whose_availability_words_overflow_their_bits_still_comes_first() {
    // Forty availability words: the last ones share the overflow bit.
    let mentors: Vec<IndexedMentor> = (0..40)
        .map(|i| {
            let years = if i == 39 { 0 } else { 10 };
            in_circle(vec![("droit".into(), years)], &format!("creneau{i}"))
        })
        .collect();
    let seeker = seeking_in_circle("droit", "creneau39");
    let weights = Weights {
        field: 0.0,
        text: 0.0,
        proximity: 0.0,
        years: 0.5,
        load: 0.0,
        availability: 1.0,
    };
    let top = MentorIndex::new(&mentors, &[]).suggest(&seeker, &weights, 1);
    assert_eq!(top[0].index, 39, "{top:?}");
}

#[test]
fn a_mentor_of_another_field_comes_in_on_words_alone_when_few_share_the_field() {
    let mentors = vec![
        IndexedMentor {
            profile: MentorProfile {
                fields: vec![("numerique".into(), 5)],
                text: "boulangerie financement levain".into(),
                languages: vec!["fr".into()],
                travel_km: 50.0,
                capacity: 1,
                ..Default::default()
            },
            place: place(0),
            circle: None,
        };
        1
    ];
    let seeker = Seeker {
        profile: MenteeProfile {
            fields: vec!["creation-entreprise".into()],
            text: "financement de ma boulangerie au levain".into(),
            languages: vec!["fr".into()],
            ..Default::default()
        },
        place: place(1),
        ..Default::default()
    };
    let index = MentorIndex::new(&mentors, &[]);
    let top = index.suggest(&seeker, &Weights::default(), 10);
    assert_eq!(top.len(), 1);
    assert!(
        matches!(&top[0].reasons[0], Reason::CommonWords(w) if w.iter().any(|w| &**w == "boulangerie")),
        "{top:?}"
    );
}
