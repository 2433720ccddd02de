//! Suggestions: the shared pool of indexed mentors, the engine's answers and their reasons in words.

use super::*;
use mentorat_matching::Weights;
use std::collections::HashMap;

pub use mentorat_matching::Reason;

/// A suggested mentor: the card, the score (0–100) and the reasons.
#[derive(Debug, Clone)]
pub struct SuggestedMentor {
    pub card: MentorCard,
    pub points: i64,
    pub reasons: Vec<Reason>,
    pub free_places: i64,
}

/// Why a directory shows nobody.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoSuggestion {
    /// The porteur already asked every mentor who would be suggested.
    AllAsked,
    /// The filters chosen leave nobody.
    Filters,
    /// No available mentor matches the project for now.
    NobodyYet,
}

/// Approved mentors indexed once for many suggestions: their cards and what the
/// directory's filters read, and the engine's index over them (the same order), which
/// follows their places taken.
pub struct MentorPool {
    cards: Vec<(MentorCard, Whereabouts)>,
    index: MentorIndex,
    /// The fields of experience the index was built with (their labels and synonyms).
    domains: Vec<Domain>,
    /// A mentor's place in `cards` (and in the index).
    numbers: HashMap<Uuid, usize>,
    /// Every circle's weights but the defaults' (they follow their generation).
    weights: std::sync::Mutex<Arc<HashMap<Uuid, Weights>>>,
}

/// What the directory's filters read of a mentor besides their card: their commune
/// and languages (the rest of their record is in the index).
struct Whereabouts {
    commune_code: String,
    languages: String,
}

impl MentorPool {
    pub fn domains(&self) -> &[Domain] {
        &self.domains
    }

    /// How many mentors it holds.
    pub fn len(&self) -> usize {
        self.cards.len()
    }

    pub fn is_empty(&self) -> bool {
        self.cards.is_empty()
    }

    /// A mentor's free places now, if they are in the pool (approved).
    pub fn free_places(&self, mentor: Uuid) -> Option<i64> {
        Some(self.free_places_at(*self.numbers.get(&mentor)?))
    }

    /// The free places of the pool's mentor number `i`.
    fn free_places_at(&self, i: usize) -> i64 {
        self.index.free_places(i)
    }

    /// The weights of the circle `circle` (the defaults without one).
    pub fn weights_for(&self, circle: Option<Uuid>) -> Weights {
        let weights = self
            .weights
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        circle
            .and_then(|c| weights.get(&c).copied())
            .unwrap_or_default()
    }

    fn set_weights(&self, weights: HashMap<Uuid, Weights>) {
        *self.weights.lock().unwrap_or_else(|p| p.into_inner()) = Arc::new(weights);
    }

    /// A mentor of the pool now has `active` mentees of `capacity`: their suggestions
    /// and free places follow at once, for every page sharing the pool.
    fn set_places(&self, mentor: Uuid, active: i64, capacity: i64) {
        if let Some(&i) = self.numbers.get(&mentor) {
            self.index.set_places(i, active, capacity);
        }
    }

    /// `mentor` scored for `project` (with these `fields`) as the directory would score
    /// them, with their reasons: `None` when the engine's hard filters leave them out
    /// (or they are not in the pool: not approved, paused).
    pub fn assess(
        &self,
        project: &ProjectRecord,
        fields: Vec<String>,
        mentor: Uuid,
    ) -> Option<SuggestedMentor> {
        let i = *self.numbers.get(&mentor)?;
        let weights = self.weights_for(project.circle_id);
        let seeker = App::seeker(self, project, fields, &[], &[]);
        let s = self.index.assess(&seeker, &weights, i)?;
        Some(SuggestedMentor {
            points: s.points(),
            card: self.cards[i].0.clone(),
            free_places: self.free_places_at(i),
            reasons: s.reasons,
        })
    }

    /// The mentors (by their number) the directory's filters leave out for `project`:
    /// without the field `domain`, further than `max_level`, or not speaking `language`.
    pub fn left_out(
        &self,
        project: &ProjectRecord,
        domain: Option<&str>,
        max_level: Option<Proximity>,
        language: Option<&str>,
    ) -> Vec<usize> {
        let domain = domain.filter(|d| !d.is_empty());
        if domain.is_none() && max_level.is_none() && language.is_none() {
            return Vec::new();
        }
        let t = territories();
        let home = t.commune(&project.commune_code);
        // An unknown commune on either side is as far as can be.
        let level = |code: &str| match (home, t.commune(code)) {
            (Some(h), Some(c)) => proximity(h, c),
            _ => Proximity::Other,
        };
        self.cards
            .iter()
            .enumerate()
            .filter(|(_, (card, m))| {
                domain.is_some_and(|d| !card.domains.iter().any(|(f, _)| f == d))
                    || max_level.is_some_and(|max| level(&m.commune_code) > max)
                    || language.is_some_and(|l| !m.languages.split(',').any(|x| x == l))
            })
            .map(|(i, _)| i)
            .collect()
    }
}

/// An index of the approved mentors, with the generations it follows (see
/// [`App::mentor_pool`]).
pub(crate) struct KeptPool {
    /// The mentors' generation it was read at.
    generation: i64,
    /// The places' generation whose changes it holds.
    places: i64,
    /// The weights' generation whose weights it holds.
    weights: i64,
    pool: Arc<MentorPool>,
    /// Whether a newer one is being built aside.
    rebuilding: bool,
}

/// An index of this many mentors or more is rebuilt aside (see [`App::mentor_pool`]).
const REBUILT_ASIDE_FROM: usize = 2_000;

impl App {
    /// The ten best mentors for a project, with their reasons (the matching engine's
    /// hard filters and score on the directory's candidates).
    pub async fn suggestions(
        &self,
        project: &ProjectRecord,
        domain: Option<&str>,
        max_level: Option<Proximity>,
        language: Option<&str>,
    ) -> Result<Vec<SuggestedMentor>, AppError> {
        let pool = self.mentor_pool().await?;
        self.suggestions_in(&pool, project, domain, max_level, language, false)
            .await
    }

    /// [`App::suggestions`] from `pool` (see [`App::mentor_pool`]) with each one's
    /// reasons in `locale`, worded with the fields' labels the index was built with (no
    /// other read).
    pub async fn explained_suggestions(
        &self,
        pool: &MentorPool,
        locale: mentorat_domain::Locale,
        project: &ProjectRecord,
        domain: Option<&str>,
        max_level: Option<Proximity>,
        language: Option<&str>,
    ) -> Result<Vec<(SuggestedMentor, Vec<String>)>, AppError> {
        let found = self
            .suggestions_in(pool, project, domain, max_level, language, false)
            .await?;
        let texts = self.reason_texts(locale, project, &found, pool.domains());
        Ok(found.into_iter().zip(texts).collect())
    }

    /// Why the directory is empty for `project` with these filters: every mentor who
    /// would match was already asked, or the filters leave nobody, or nobody matches yet.
    /// Only read when the directory is empty.
    pub async fn why_no_suggestion(
        &self,
        pool: &MentorPool,
        project: &ProjectRecord,
        domain: Option<&str>,
        max_level: Option<Proximity>,
        language: Option<&str>,
    ) -> Result<NoSuggestion, AppError> {
        let unasked = self
            .suggestions_in(pool, project, domain, max_level, language, true)
            .await?;
        Ok(if !unasked.is_empty() {
            NoSuggestion::AllAsked
        } else if domain.is_some() || max_level.is_some() || language.is_some() {
            NoSuggestion::Filters
        } else {
            NoSuggestion::NobodyYet
        })
    }

    /// The suggestions for `project` with these filters; `even_asked`: the mentors the
    /// porteur already asked too (to tell why the directory is empty).
    async fn suggestions_in(
        &self,
        pool: &MentorPool,
        project: &ProjectRecord,
        domain: Option<&str>,
        max_level: Option<Proximity>,
        language: Option<&str>,
        even_asked: bool,
    ) -> Result<Vec<SuggestedMentor>, AppError> {
        let weights = pool.weights_for(project.circle_id);
        let asked = if even_asked {
            Vec::new()
        } else {
            self.store.asked_mentors(project.mentee_id).await?
        };
        let fields = self.store.project_domains(project.id).await?;
        // The filters leave mentors out of the index every page shares: a mentor's
        // score is the same, filtered or not.
        let left_out = pool.left_out(project, domain, max_level, language);
        Ok(Self::suggest_with(
            pool, project, fields, &asked, &left_out, &weights,
        ))
    }

    /// Every approved mentor, indexed, kept between requests so that the directory and
    /// batch proposals read and index the mentors once per change, not once per page.
    ///
    /// Three generations in the database follow the mentors (triggers move them,
    /// whoever writes; migrations 0012, 0014 and 0017). When the weights' one moved,
    /// every circle's weights are read again. When only the places' one moved (requests
    /// accepted, relationships closed: many a day), the mentors changed since are read
    /// by the mark their change left and their places changed in the index in place.
    /// When the other moved (a mentor approved, their profile, fields or name), the
    /// index is built anew: while a large one is built (a third of a second at
    /// national scale), pages go on with the one they have, whose places still follow;
    /// a small one is built before answering. Generations are read before the mentors:
    /// what is read after them is at least as new.
    pub async fn mentor_pool(&self) -> Result<Arc<MentorPool>, AppError> {
        let [generation, places, weights] = self.store.mentor_generations().await?;
        // One reader builds or updates; the others wait for it and share its index.
        let mut kept = self.pool.lock().await;
        if let Some(k) = kept.as_mut() {
            let stale = k.generation < generation;
            if !stale || k.pool.len() >= REBUILT_ASIDE_FROM {
                if stale && !k.rebuilding {
                    k.rebuilding = true;
                    let app = self.clone();
                    tokio::spawn(async move { app.rebuild_pool_aside().await });
                }
                if k.places < places {
                    for (mentor, active, capacity) in
                        self.store.mentor_places_since(k.places).await?
                    {
                        k.pool.set_places(mentor, active, capacity);
                    }
                    k.places = places;
                }
                if k.weights < weights {
                    k.pool.set_weights(self.weights_by_circle().await?);
                    k.weights = weights;
                }
                return Ok(k.pool.clone());
            }
        }
        let pool = Arc::new(self.build_pool().await?);
        *kept = Some(KeptPool {
            generation,
            places,
            weights,
            pool: pool.clone(),
            rebuilding: false,
        });
        Ok(pool)
    }

    /// Builds the index anew while pages use the one kept, then puts it in its place.
    async fn rebuild_pool_aside(&self) {
        let built = async {
            let generations = self.store.mentor_generations().await?;
            Ok::<_, AppError>((generations, self.build_pool().await?))
        }
        .await;
        let mut kept = self.pool.lock().await;
        let Some(k) = kept.as_mut() else {
            return;
        };
        k.rebuilding = false;
        match built {
            Ok(([generation, places, weights], pool)) if generation > k.generation => {
                *k = KeptPool {
                    generation,
                    places,
                    weights,
                    pool: Arc::new(pool),
                    rebuilding: false,
                };
            }
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "the mentors' index could not be rebuilt"),
        }
    }

    async fn build_pool(&self) -> Result<MentorPool, AppError> {
        let cards = self.approved_cards().await?;
        let pool = self.pool_of(cards).await?;
        pool.set_weights(self.weights_by_circle().await?);
        Ok(pool)
    }

    /// Every circle's weights but the defaults', for the engine.
    async fn weights_by_circle(&self) -> Result<HashMap<Uuid, Weights>, AppError> {
        Ok(self
            .store
            .all_circle_weights()
            .await?
            .into_iter()
            .map(|(circle, w)| (circle, crate::batch::engine_weights(&w)))
            .collect())
    }

    async fn pool_of(
        &self,
        cards: Vec<(MentorCard, mentorat_store::MentorProfile)>,
    ) -> Result<MentorPool, AppError> {
        let domains = self.store.domains().await?;
        let label = |code: &str| {
            domains
                .iter()
                .find(|d| d.code == code)
                .map(|d| d.label_fr.clone())
                .unwrap_or_default()
        };
        let synonyms: Vec<(String, Vec<String>)> = domains
            .iter()
            .map(|d| {
                (
                    d.code.clone(),
                    d.synonyms_fr
                        .split(',')
                        .map(|s| mentorat_domain::territory::fold(s.trim()).trim().to_owned())
                        .filter(|s| !s.is_empty())
                        .collect(),
                )
            })
            .collect();
        let mentors: Vec<IndexedMentor> = cards
            .iter()
            .map(|(card, m)| IndexedMentor {
                profile: mentorat_matching::MentorProfile {
                    fields: card.domains.clone(),
                    text: std::iter::once(card.bio.clone())
                        .chain(card.domains.iter().map(|(f, _)| label(f)))
                        .collect::<Vec<_>>()
                        .join(" "),
                    languages: m.languages.split(',').map(str::to_owned).collect(),
                    remote: m.remote,
                    travel_km: m.travel_km as f64,
                    active: m.active_mentees,
                    capacity: m.capacity,
                    availability: m.availability.clone(),
                },
                place: place_keys(&m.commune_code, Side::Mentor),
                circle: m.circle_id.map(|c| c.to_string()),
            })
            .collect();
        // Tens of milliseconds a thousand mentors: off the threads that serve requests.
        let started = std::time::Instant::now();
        let index = tokio::task::spawn_blocking(move || MentorIndex::new(&mentors, &synonyms))
            .await
            .map_err(|e| AppError::Internal(e.into()))?;
        self.stats
            .index_built(cards.len(), started.elapsed().as_secs_f64());
        tracing::info!(
            mentors = cards.len(),
            index_kib = index.heap_bytes().iter().map(|(_, b)| b).sum::<usize>() / 1024,
            "mentors' index built"
        );
        Ok(MentorPool {
            index,
            numbers: cards
                .iter()
                .enumerate()
                .map(|(i, (card, _))| (card.user_id, i))
                .collect(),
            weights: Default::default(),
            cards: cards
                .into_iter()
                .map(|(card, m)| {
                    let whereabouts = Whereabouts {
                        commune_code: m.commune_code,
                        languages: m.languages,
                    };
                    (card, whereabouts)
                })
                .collect(),
            domains,
        })
    }

    /// The ten best mentors of `pool` for a project with these `fields`, under `weights`
    /// (its circle's): never the porteur themself, a mentor they already `asked`, nor
    /// one `left_out` (by their number in the pool).
    pub fn suggest_with(
        pool: &MentorPool,
        project: &ProjectRecord,
        fields: Vec<String>,
        asked: &[Uuid],
        left_out: &[usize],
        weights: &mentorat_matching::Weights,
    ) -> Vec<SuggestedMentor> {
        let seeker = Self::seeker(pool, project, fields, asked, left_out);
        pool.index
            .suggest(&seeker, weights, 10)
            .into_iter()
            .map(|s| SuggestedMentor {
                points: s.points(),
                card: pool.cards[s.index].0.clone(),
                free_places: pool.free_places_at(s.index),
                reasons: s.reasons,
            })
            .collect()
    }

    /// The engine's view of a porteur: the project with these `fields`, never the
    /// porteur themself, a mentor they `asked`, nor one `left_out`.
    fn seeker(
        pool: &MentorPool,
        project: &ProjectRecord,
        fields: Vec<String>,
        asked: &[Uuid],
        left_out: &[usize],
    ) -> Seeker {
        Seeker {
            profile: mentorat_matching::MenteeProfile {
                fields,
                text: format!(
                    "{} {} {}",
                    project.title, project.description, project.help_wanted
                ),
                languages: project.languages.split(',').map(str::to_owned).collect(),
                remote: project.remote,
                availability: String::new(),
            },
            place: place_keys(&project.commune_code, Side::Project),
            circle: project.circle_id.map(|c| c.to_string()),
            excluded: asked
                .iter()
                .chain([&project.mentee_id])
                .filter_map(|id| pool.numbers.get(id).copied())
                .chain(left_out.iter().copied())
                .collect(),
        }
    }
}

/// A commune's place for the matching engine. An unknown code (`side` says whose) is
/// far from everything: mentors' at one pole, projects' at the other.
fn place_keys(code: &str, side: Side) -> PlaceKeys {
    match territories().commune(code) {
        Some(c) => PlaceKeys {
            country: c.country.key(""),
            commune: c.key(),
            epci: c.epci.as_deref().map(|e| c.country.key(e)),
            departement: c.country.key(&c.departement),
            region: c.country.key(&c.region),
            lat: c.position.lat,
            lon: c.position.lon,
        },
        None => PlaceKeys {
            country: format!("unknown {side:?}"),
            lat: if side == Side::Mentor { 90.0 } else { -90.0 },
            ..PlaceKeys::default()
        },
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Side {
    Mentor,
    Project,
}

#[cfg(test)]
mod tests {
    use super::*;
    use mentorat_matching::Level;

    /// The matching engine ranks places with its own copy of the proximity rule (it has
    /// no territories): it must agree with the domain's for every pair of the demo
    /// circles' towns and of the communes of Oise (same town, intercommunality,
    /// département, région, country, and Belgium).
    #[test]
    fn the_engine_and_the_domain_agree_on_every_proximity_level() {
        let t = territories();
        let mut codes: Vec<String> = crate::demo::circles::CIRCLES
            .iter()
            .map(|c| c.commune.to_owned())
            .collect();
        codes.extend(
            t.communes()
                .iter()
                .filter(|c| c.departement == "60")
                .map(|c| c.key()),
        );
        let places: Vec<_> = codes
            .iter()
            .map(|code| (t.commune(code).unwrap(), place_keys(code, Side::Project)))
            .collect();
        let mut seen = std::collections::BTreeSet::new();
        for (a, a_keys) in &places {
            for (b, b_keys) in &places {
                let expected = match proximity(a, b) {
                    Proximity::SameCommune => Level::SameCommune,
                    Proximity::SameIntercommunality => Level::SameIntercommunality,
                    Proximity::SameDepartement => Level::SameDepartement,
                    Proximity::SameRegion => Level::SameRegion,
                    Proximity::SameCountry => Level::SameCountry,
                    Proximity::Other => Level::Other,
                };
                assert_eq!(a_keys.level(b_keys), expected, "{} / {}", a.name, b.name);
                seen.insert(expected);
            }
        }
        assert_eq!(seen.len(), 6, "every level met: {seen:?}");
    }
}
