//! Scores and suggestions: hard filters first (a pair that fails one is never shown),
//! then a weighted sum of explainable parts, each in [0, 1], with the reasons a person
//! can read.

use crate::text::{Analyzer, Bm25};
use std::collections::HashSet;
use std::sync::Arc;

/// How close the porteur and the mentor live, from closest to farthest.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    SameCommune,
    SameIntercommunality,
    SameDepartement,
    SameRegion,
    SameCountry,
    #[default]
    Other,
}

/// The weights of the parts; they need not sum to one (the score is normalised).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weights {
    pub field: f64,
    pub text: f64,
    pub proximity: f64,
    pub years: f64,
    pub load: f64,
    pub availability: f64,
}

impl Weights {
    /// The names of the parts, in the order of [`Weights::parts`], of the coordinators'
    /// form and of docs/MATCHING.md.
    pub const PARTS: [&'static str; 6] = [
        "field",
        "text",
        "proximity",
        "years",
        "load",
        "availability",
    ];

    /// The weights in [`Weights::PARTS`] order.
    pub fn parts(&self) -> [f64; 6] {
        [
            self.field,
            self.text,
            self.proximity,
            self.years,
            self.load,
            self.availability,
        ]
    }

    /// The weights from their values in [`Weights::PARTS`] order.
    pub fn from_parts([field, text, proximity, years, load, availability]: [f64; 6]) -> Weights {
        Weights {
            field,
            text,
            proximity,
            years,
            load,
            availability,
        }
    }

    /// What a score divides by: the sum of the weights (never zero).
    pub(crate) fn total(&self) -> f64 {
        (self.field + self.text + self.proximity + self.years + self.load + self.availability)
            .max(f64::EPSILON)
    }

    /// The score of these parts (each in [0, 1]); `total` is [`Weights::total`],
    /// computed once for many scores. The one place a score is computed: the index and
    /// the reference get the same bits.
    pub(crate) fn score(&self, total: f64, parts: [f64; 6]) -> f64 {
        let [field, text, proximity, years, load, availability] = parts;
        (self.field * field
            + self.text * text
            + self.proximity * proximity
            + self.years * years
            + self.load * load
            + self.availability * availability)
            / total
    }
}

impl Default for Weights {
    /// Field and proximity first: the network pairs people of the same territory with
    /// experience in the project's field; words and years refine; load spreads work.
    fn default() -> Self {
        Weights {
            field: 0.30,
            text: 0.20,
            proximity: 0.25,
            years: 0.10,
            load: 0.10,
            availability: 0.05,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct MentorProfile {
    /// (field code, years of experience)
    pub fields: Vec<(String, i64)>,
    /// Bio and the labels of the fields.
    pub text: String,
    pub languages: Vec<String>,
    pub remote: bool,
    pub travel_km: f64,
    pub active: i64,
    pub capacity: i64,
    pub availability: String,
}

#[derive(Debug, Clone, Default)]
pub struct MenteeProfile {
    pub fields: Vec<String>,
    pub text: String,
    pub languages: Vec<String>,
    pub remote: bool,
    pub availability: String,
}

/// One candidate for a porteur: the mentor and what links them.
#[derive(Debug, Clone)]
pub struct Candidate<'a> {
    pub mentor: &'a MentorProfile,
    pub level: Level,
    pub distance_km: f64,
    pub same_circle: bool,
    /// Synonyms (folded words) of each of the mentor's fields, from the taxonomy.
    pub synonyms: Vec<(String, Vec<String>)>,
    /// An earlier declined, withdrawn, expired or closed request between them.
    pub history: bool,
}

/// Why a mentor is suggested, for the sentence shown next to them.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    SameField(Arc<str>),
    SynonymField(Arc<str>),
    Proximity(Level),
    Years(Arc<str>, i64),
    CommonWords(Vec<Arc<str>>),
    Remote,
}

#[derive(Debug, Clone)]
pub struct Suggestion {
    /// The index of the candidate in the slice given.
    pub index: usize,
    /// In [0, 1].
    pub score: f64,
    pub reasons: Vec<Reason>,
}

impl Suggestion {
    /// The integer score of batch matching (0–100).
    pub fn points(&self) -> i64 {
        (self.score * 100.0).round() as i64
    }
}

/// Below this text relevance, a mentor without a shared field is not a candidate.
pub const TEXT_THRESHOLD: f64 = 0.15;

/// The field part of a mentor who has the project's field, or a field its words name.
pub(crate) const SAME_FIELD: f64 = 1.0;
pub(crate) const SYNONYM_FIELD: f64 = 0.7;

/// The years part of so many years in a field (full at 20).
pub(crate) fn years_part(years: i64) -> f64 {
    (years as f64 / 20.0).min(1.0)
}

/// The load part: the share of a mentor's places still free.
pub(crate) fn load_part(active: i64, capacity: i64) -> f64 {
    if capacity > 0 {
        1.0 - active as f64 / capacity as f64
    } else {
        0.0
    }
}

/// The availability part: `common` words of the porteur's `theirs` and the mentor's
/// `ours`; a half when either said none.
pub(crate) fn availability_part(common: usize, theirs: usize, ours: usize) -> f64 {
    if theirs == 0 || ours == 0 {
        0.5
    } else {
        common as f64 / theirs.min(ours) as f64
    }
}

pub(crate) fn proximity_part(level: Level, distance_km: f64) -> f64 {
    match level {
        Level::SameCommune => 1.0,
        Level::SameIntercommunality => 0.85,
        Level::SameDepartement => 0.6,
        Level::SameRegion => 0.35,
        _ => 0.3 * (-distance_km / 100.0).exp(),
    }
}

/// What `score` needs of the project's text, analysed once per suggestion run rather
/// than once per candidate.
struct Query {
    /// (stem, folded word) pairs of the project's text.
    words: Vec<(String, String)>,
    stems: Vec<String>,
    folded: HashSet<String>,
    availability: HashSet<String>,
}

impl Query {
    fn new(analyzer: &Analyzer, mentee: &MenteeProfile) -> Query {
        let words = analyzer.words(&mentee.text);
        Query {
            stems: words.iter().map(|(s, _)| s.clone()).collect(),
            folded: words.iter().map(|(_, w)| w.clone()).collect(),
            availability: analyzer.stems(&mentee.availability).into_iter().collect(),
            words,
        }
    }
}

/// The score of one candidate, or `None` when a hard filter excludes it. `doc` is the
/// candidate's document in `index` and `mentor_stems` its analysed text.
#[allow(clippy::too_many_arguments)]
fn score(
    analyzer: &Analyzer,
    index: &Bm25,
    doc: usize,
    mentor_stems: &[String],
    q: &Query,
    mentee: &MenteeProfile,
    c: &Candidate<'_>,
    w: &Weights,
) -> Option<Suggestion> {
    let m = c.mentor;
    if c.history || m.active >= m.capacity {
        return None;
    }
    if !mentee.languages.iter().any(|l| m.languages.contains(l)) {
        return None;
    }
    let reachable = c.same_circle || c.distance_km <= m.travel_km || (m.remote && mentee.remote);
    if !reachable {
        return None;
    }
    let mut reasons = Vec::new();
    // Field: shared field, else a synonym of one of the mentor's fields in the project.
    let shared = m.fields.iter().find(|(f, _)| mentee.fields.contains(f));
    let synonym = c
        .synonyms
        .iter()
        .find(|(_, syns)| syns.iter().any(|s| q.folded.contains(s)));
    let field = match (shared, synonym) {
        (Some((f, _)), _) => {
            reasons.push(Reason::SameField(f.as_str().into()));
            SAME_FIELD
        }
        (None, Some((f, _))) => {
            reasons.push(Reason::SynonymField(f.as_str().into()));
            SYNONYM_FIELD
        }
        _ => 0.0,
    };
    let text = index.relevance(&q.stems, doc);
    if field == 0.0 && text < TEXT_THRESHOLD {
        return None;
    }
    let mut common: Vec<Arc<str>> = Vec::new();
    for (stem, word) in &q.words {
        if mentor_stems.contains(stem) && !common.iter().any(|c| **c == **word) {
            common.push(word.as_str().into());
        }
    }
    if !common.is_empty() {
        common.truncate(3);
        reasons.push(Reason::CommonWords(common));
    }
    let proximity = proximity_part(c.level, c.distance_km);
    if c.level <= Level::SameDepartement {
        reasons.push(Reason::Proximity(c.level));
    } else if m.remote && mentee.remote {
        reasons.push(Reason::Remote);
    }
    let best_years = m
        .fields
        .iter()
        .filter(|(f, _)| mentee.fields.contains(f) || synonym.is_some_and(|(s, _)| s == f))
        .max_by_key(|(_, y)| *y);
    let years = best_years.map_or(0.0, |(_, y)| years_part(*y));
    if let Some((f, y)) = best_years
        && *y > 0
    {
        reasons.push(Reason::Years(f.as_str().into(), *y));
    }
    let load = load_part(m.active, m.capacity);
    let availability = {
        let a = &q.availability;
        let b: HashSet<String> = analyzer.stems(&m.availability).into_iter().collect();
        availability_part(a.intersection(&b).count(), a.len(), b.len())
    };
    let score = w.score(
        w.total(),
        [field, text, proximity, years, load, availability],
    );
    Some(Suggestion {
        index: doc,
        score,
        reasons,
    })
}

/// The `k` best candidates for a porteur, best first (ties by candidate order). This is
/// the plain reference: it analyses every candidate's text at each call. For many
/// mentors, build a [`crate::MentorIndex`] once and ask it instead (same answers).
pub fn suggest(
    mentee: &MenteeProfile,
    candidates: &[Candidate<'_>],
    weights: &Weights,
    k: usize,
) -> Vec<Suggestion> {
    let analyzer = Analyzer::default();
    let docs: Vec<Vec<String>> = candidates
        .iter()
        .map(|c| analyzer.stems(&c.mentor.text))
        .collect();
    let index = Bm25::new(&docs);
    let query = Query::new(&analyzer, mentee);
    let mut out: Vec<Suggestion> = candidates
        .iter()
        .enumerate()
        .filter_map(|(i, c)| score(&analyzer, &index, i, &docs[i], &query, mentee, c, weights))
        .collect();
    out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.index.cmp(&b.index)));
    out.truncate(k);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mentor(fields: &[(&str, i64)], text: &str) -> MentorProfile {
        MentorProfile {
            fields: fields.iter().map(|(f, y)| (f.to_string(), *y)).collect(),
            text: text.into(),
            languages: vec!["fr".into()],
            travel_km: 20.0,
            capacity: 2,
            ..Default::default()
        }
    }

    fn candidate(m: &MentorProfile, level: Level, km: f64) -> Candidate<'_> {
        Candidate {
            mentor: m,
            level,
            distance_km: km,
            same_circle: true,
            synonyms: Vec::new(),
            history: false,
        }
    }

    #[test]
    fn the_closest_mentor_of_the_field_comes_first_with_true_reasons() {
        let near = mentor(
            &[("creation-entreprise", 12)],
            "Création d'entreprise, commerce, financement",
        );
        let far = mentor(&[("creation-entreprise", 25)], "Création d'entreprise");
        let other = mentor(&[("numerique", 10)], "Développeur web");
        let mentee = MenteeProfile {
            fields: vec!["creation-entreprise".into()],
            text: "Je veux créer mon entreprise : une boulangerie, j'ai besoin d'aide pour le financement".into(),
            languages: vec!["fr".into()],
            ..Default::default()
        };
        let candidates = [
            candidate(&far, Level::SameRegion, 60.0),
            candidate(&near, Level::SameIntercommunality, 4.0),
            candidate(&other, Level::SameCommune, 0.0),
        ];
        let top = suggest(&mentee, &candidates, &Weights::default(), 10);
        assert_eq!(top[0].index, 1, "{top:?}");
        assert!(
            top[0]
                .reasons
                .contains(&Reason::SameField("creation-entreprise".into()))
        );
        assert!(
            top[0]
                .reasons
                .contains(&Reason::Proximity(Level::SameIntercommunality))
        );
        assert!(
            top[0]
                .reasons
                .contains(&Reason::Years("creation-entreprise".into(), 12))
        );
        assert!(top[0].reasons.iter().any(
            |r| matches!(r, Reason::CommonWords(w) if w.iter().any(|w| &**w == "financement"))
        ));
        assert!(
            top.iter().all(|s| s.index != 2),
            "no shared field and no common words: filtered out"
        );
    }

    #[test]
    fn hard_filters_exclude_full_far_foreign_and_refused_pairs() {
        let mentee = MenteeProfile {
            fields: vec!["droit".into()],
            text: "droit".into(),
            languages: vec!["fr".into()],
            ..Default::default()
        };
        let mut full = mentor(&[("droit", 5)], "juriste");
        full.active = 2;
        let english = MentorProfile {
            languages: vec!["en".into()],
            ..mentor(&[("droit", 5)], "juriste")
        };
        let far = mentor(&[("droit", 5)], "juriste");
        let ok = mentor(&[("droit", 5)], "juriste");
        let mut refused = candidate(&ok, Level::SameCommune, 0.0);
        refused.history = true;
        let mut too_far = candidate(&far, Level::Other, 300.0);
        too_far.same_circle = false;
        let candidates = [
            candidate(&full, Level::SameCommune, 0.0),
            candidate(&english, Level::SameCommune, 0.0),
            too_far,
            refused,
        ];
        assert!(suggest(&mentee, &candidates, &Weights::default(), 10).is_empty());
    }
}
