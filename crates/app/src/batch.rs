//! Batch matching for a circle (or the whole network): the engine's suggestions become
//! the candidate pairs, the exact solver picks the best assignment under the mentors'
//! free places, and the result is a draft that coordinators review pair by pair, then
//! publish as requests to the mentors (who accept or decline as usual).

use crate::email::Mail;
use crate::mentoring::ReasonNote;
use crate::{App, AppError, invalid};
use mentorat_matching::assign::Unmatched;
use mentorat_matching::{Options, Problem, Weights, solve};
use mentorat_store::{CircleWeights, ProposalRecord, ProposedPair, RequestRecord};
use std::collections::{BTreeMap, HashMap};
use uuid::Uuid;

pub use mentorat_store::{ProposalRecord as Proposal, ProposedPair as Pair};

/// What a recomputed draft takes from the draft it replaces.
#[derive(Debug, Default)]
struct Review {
    /// The draft replaced.
    replaces: Option<Uuid>,
    /// The pairs the coordinators kept: they stay as they are (with their score and
    /// reasons) while their mentor is still available with a free place.
    kept: Vec<ProposedPair>,
    /// The (project, mentor) pairs they removed, from this draft and the ones before:
    /// never proposed again.
    excluded: Vec<(Uuid, Uuid)>,
}

/// The mentors of a batch, numbered for the solver as they come, each with their free
/// places as capacity.
#[derive(Default)]
struct Numbering {
    ids: Vec<Uuid>,
    numbers: HashMap<Uuid, u64>,
}

impl Numbering {
    fn number(&mut self, mentor: Uuid, free_places: i64, problem: &mut Problem) -> u64 {
        *self.numbers.entry(mentor).or_insert_with(|| {
            self.ids.push(mentor);
            let m = self.ids.len() as u64 - 1;
            problem.capacities.insert(m, free_places);
            m
        })
    }
}

impl App {
    /// Computes a draft proposal for the circle's matchable projects (all circles for
    /// `None`) and returns its id: the best total score, or with `matches_first` as
    /// many pairs as possible, then the best total score among those.
    pub async fn propose_matches(
        &self,
        actor: Uuid,
        circle_id: Option<Uuid>,
        matches_first: bool,
    ) -> Result<Uuid, AppError> {
        self.propose_matches_for(actor, circle_id.as_slice(), matches_first)
            .await
    }

    /// [`App::propose_matches`] for a set of circles at once (every circle for none):
    /// their porteurs share out the mentors' places in one assignment.
    pub async fn propose_matches_for(
        &self,
        actor: Uuid,
        circles: &[Uuid],
        matches_first: bool,
    ) -> Result<Uuid, AppError> {
        let mut circles = circles.to_vec();
        circles.sort_unstable();
        circles.dedup();
        self.draft_proposal(actor, circles, matches_first, Review::default())
            .await
    }

    /// The circles a proposal is for: one, several, or none for the whole network.
    pub async fn proposal_circles(&self, proposal: &Proposal) -> Result<Vec<Uuid>, AppError> {
        Ok(match proposal.circle_id {
            Some(c) => vec![c],
            None => self.store.proposal_circles(proposal.id).await?,
        })
    }

    /// Recomputes a draft around its review and returns the new draft's id: the pairs
    /// kept stay, the pairs removed (here or in the drafts before) are never proposed
    /// again, and the porteurs they freed get the best of what is left. The draft
    /// recomputed is replaced: it can no longer be changed or published.
    pub async fn recompute_proposal(
        &self,
        actor: Uuid,
        proposal: &Proposal,
    ) -> Result<Uuid, AppError> {
        Self::still_open(proposal)?;
        let pairs = self.store.proposal_pairs(proposal.id, None).await?;
        let mut excluded = self.store.proposal_exclusions(proposal.id).await?;
        let (removed, kept): (Vec<_>, Vec<_>) = pairs.into_iter().partition(|p| p.removed);
        excluded.extend(removed.iter().map(|p| (p.project_id, p.mentor_id)));
        excluded.sort_unstable();
        excluded.dedup();
        let review = Review {
            replaces: Some(proposal.id),
            kept,
            excluded,
        };
        let circles = self.proposal_circles(proposal).await?;
        self.draft_proposal(actor, circles, proposal.matches_first, review)
            .await
    }

    /// A draft may still be changed: neither published nor replaced.
    fn still_open(proposal: &Proposal) -> Result<(), AppError> {
        if proposal.status != mentorat_domain::ProposalStatus::Draft {
            Err(invalid("proposal", "error-proposal-published"))
        } else if proposal.replaced_by.is_some() {
            Err(invalid("proposal", "error-proposal-replaced"))
        } else {
            Ok(())
        }
    }

    /// A draft for the matchable projects of `circles` (sorted, each once; every circle
    /// for none) around `review`.
    async fn draft_proposal(
        &self,
        actor: Uuid,
        circles: Vec<Uuid>,
        matches_first: bool,
        review: Review,
    ) -> Result<Uuid, AppError> {
        let circle_id = match circles.as_slice() {
            [one] => Some(*one),
            _ => None,
        };
        let matchable: Vec<_> = self
            .store
            .projects_of_circles(&circles, Some(mentorat_domain::ProjectStatus::Validated))
            .await?
            .into_iter()
            .filter(|p| self.project_is_matchable(p))
            .collect();
        // A porteur whose request still waits for an answer is not proposed another
        // mentor meanwhile.
        let waiting = self
            .store
            .mentees_with_open_requests(&matchable.iter().map(|p| p.mentee_id).collect::<Vec<_>>())
            .await?;
        let projects: Vec<_> = matchable
            .into_iter()
            .filter(|p| !waiting.contains(&p.mentee_id))
            .collect();
        let mut problem = Problem::default();
        let mut mentors = Numbering::default();
        let mut reasons: BTreeMap<(u64, u64), String> = BTreeMap::new();
        // Every available mentor indexed once for all the projects.
        let pool = self.mentor_pool().await?;
        // The projects' fields and the mentors their porteurs asked, read at once.
        let ids: Vec<Uuid> = projects.iter().map(|p| p.id).collect();
        let mut fields = self.store.project_domains_of(&ids).await?;
        let porteurs: Vec<Uuid> = projects.iter().map(|p| p.mentee_id).collect();
        let asked = self.store.asked_mentors_of(&porteurs).await?;
        for (p, project) in projects.iter().enumerate() {
            let w = pool.weights_for(project.circle_id);
            let suggestions = Self::suggest_with(
                &pool,
                project,
                fields.remove(&project.id).unwrap_or_default(),
                asked.get(&project.mentee_id).map_or(&[], Vec::as_slice),
                &[],
                &w,
            );
            // Kept untranslated: each reader's page puts them in their language.
            let notes = self.reason_notes(project, &suggestions);
            for (s, notes) in suggestions.into_iter().zip(notes) {
                let m = mentors.number(s.card.user_id, s.free_places, &mut problem);
                problem.edges.push((p as u64, m, s.points));
                reasons.insert((p as u64, m), ReasonNote::encode(&notes));
            }
        }
        let mut options = Options {
            matches_first,
            ..Options::default()
        };
        // The review: kept pairs are locked while their project still waits and their
        // mentor still has the place (never more locks than places); removed pairs
        // are forbidden.
        let number_of: HashMap<Uuid, u64> = projects
            .iter()
            .enumerate()
            .map(|(p, project)| (project.id, p as u64))
            .collect();
        let mut places: HashMap<Uuid, i64> = HashMap::new();
        for pair in &review.kept {
            let (Some(&p), Some(free)) = (
                number_of.get(&pair.project_id),
                pool.free_places(pair.mentor_id),
            ) else {
                continue;
            };
            let taken = places.entry(pair.mentor_id).or_insert(0);
            if *taken >= free {
                continue;
            }
            *taken += 1;
            let m = mentors.number(pair.mentor_id, free, &mut problem);
            reasons.entry((p, m)).or_insert_with(|| {
                problem.edges.push((p, m, pair.score));
                pair.reasons.clone()
            });
            options.locks.push((p, m));
        }
        // Pairs removed by a coordinator, in this review or in any proposal before.
        let removed_before = self.store.removed_pairs_of(&ids).await?;
        for (project, mentor) in review.excluded.iter().chain(&removed_before) {
            if let (Some(&p), Some(&m)) = (number_of.get(project), mentors.numbers.get(mentor)) {
                options.forbidden.insert((p, m));
            }
        }
        let assignment = solve(&problem, &options);
        let record = ProposalRecord {
            id: Uuid::new_v4(),
            circle_id,
            status: mentorat_domain::ProposalStatus::Draft,
            total_score: assignment.total_score,
            matched: assignment.matched() as i64,
            unmatched: (projects.len() - assignment.matched()) as i64,
            blocking_pairs: assignment.blocking_pairs as i64,
            created_at: self.now(),
            matches_first,
            replaced_by: None,
        };
        let pairs: Vec<ProposedPair> = assignment
            .pairs
            .iter()
            .map(|(p, m, score)| ProposedPair {
                project_id: projects[*p as usize].id,
                mentor_id: mentors.ids[*m as usize],
                score: *score,
                reasons: reasons.get(&(*p, *m)).cloned().unwrap_or_default(),
                removed: false,
            })
            .collect();
        // Who stays without a mentor, and why: the solver says it of the porteurs it
        // saw; a project with no candidate pair at all never reached it.
        let mut unmatched: BTreeMap<u64, &str> = (0..projects.len() as u64)
            .map(|p| (p, "no_candidate"))
            .collect();
        for (p, _, _) in &assignment.pairs {
            unmatched.remove(p);
        }
        for (p, why) in &assignment.unmatched {
            if let Unmatched::CandidatesFull = why {
                unmatched.insert(*p, "candidates_full");
            }
        }
        let mut tx = self.store.begin().await?;
        tx.insert_proposal(&record, actor, &pairs).await?;
        if circles.len() > 1 {
            tx.insert_proposal_circles(record.id, &circles).await?;
        }
        for (p, reason) in unmatched {
            tx.insert_unmatched(record.id, projects[p as usize].id, reason)
                .await?;
        }
        tx.insert_exclusions(record.id, &review.excluded).await?;
        let (action, detail) = match review.replaces {
            Some(old) => {
                // A draft replaced meanwhile (or published) stays as it is.
                if !tx.replace_proposal(old, record.id).await? {
                    return Err(invalid("proposal", "error-proposal-replaced"));
                }
                (
                    "matching_recomputed",
                    format!(
                        "{} pairs, {} kept, {} excluded",
                        pairs.len(),
                        options.locks.len(),
                        review.excluded.len()
                    ),
                )
            }
            None => ("matching_proposed", format!("{} pairs", pairs.len())),
        };
        let rule = if matches_first { ", matches first" } else { "" };
        let set = if circles.len() > 1 {
            format!(", {} circles", circles.len())
        } else {
            String::new()
        };
        tx.audit(
            Some(actor),
            action,
            circle_id,
            &format!("{detail}{set}{rule}"),
        )
        .await?;
        tx.commit().await?;
        Ok(record.id)
    }

    /// A proposal's record alone (its counts, rule and status).
    pub async fn proposal_record(&self, id: Uuid) -> Result<Proposal, AppError> {
        self.store.proposal(id).await?.ok_or(AppError::NotFound)
    }

    /// The (project, mentor) pairs a draft never proposes (removed by earlier reviews).
    pub async fn proposal_exclusions(&self, id: Uuid) -> Result<Vec<(Uuid, Uuid)>, AppError> {
        Ok(self.store.proposal_exclusions(id).await?)
    }

    /// A proposal with all its pairs.
    pub async fn proposal(&self, id: Uuid) -> Result<(Proposal, Vec<Pair>), AppError> {
        let record = self.proposal_record(id).await?;
        Ok((record, self.store.proposal_pairs(id, None).await?))
    }

    /// `limit` of a proposal's pairs and of the porteurs it leaves without a mentor
    /// ((project, `no_candidate` or `candidates_full`)), from `offset` in each.
    pub async fn proposal_page(
        &self,
        id: Uuid,
        offset: u64,
        limit: u64,
    ) -> Result<(Vec<Pair>, Vec<(Uuid, String)>), AppError> {
        let page = Some((offset, limit));
        Ok((
            self.store.proposal_pairs(id, page).await?,
            self.store.proposal_unmatched(id, page).await?,
        ))
    }

    pub async fn remove_proposed_pair(
        &self,
        proposal: &Proposal,
        project_id: Uuid,
    ) -> Result<(), AppError> {
        Self::still_open(proposal)?;
        let mut tx = self.store.begin().await?;
        if !tx.remove_proposed_pair(proposal.id, project_id).await? {
            return Err(AppError::NotFound);
        }
        tx.commit().await?;
        Ok(())
    }

    /// Publishes a draft: each kept pair becomes a request to the mentor (who is told by
    /// e-mail and answers as usual). Returns how many requests were made.
    pub async fn publish_proposal(
        &self,
        actor: Uuid,
        proposal: &Proposal,
    ) -> Result<Published, AppError> {
        Self::still_open(proposal)?;
        let pairs: Vec<ProposedPair> = self
            .store
            .proposal_pairs(proposal.id, None)
            .await?
            .into_iter()
            .filter(|p| !p.removed)
            .collect();
        // A draft may be days old: its projects and mentors as they are now, read
        // at once.
        let ids: Vec<Uuid> = pairs.iter().map(|p| p.project_id).collect();
        let projects = self.store.projects_by_ids(&ids).await?;
        let mentors: Vec<Uuid> = pairs.iter().map(|p| p.mentor_id).collect();
        let recipients = self.store.recipients(&mentors).await?;
        let fields = self.store.project_domains_of(&ids).await?;
        let pool = self.mentor_pool().await?;
        let mut given: HashMap<Uuid, i64> = HashMap::new();
        let mut tx = self.store.begin().await?;
        if !tx.publish_proposal(proposal.id, self.now()).await? {
            return Err(invalid("proposal", "error-proposal-published"));
        }
        let mut published = Published::default();
        for pair in &pairs {
            // The project still waits for a mentor (not matched since, nor closed)
            // and the mentor is still available with a place for it.
            let project = projects
                .get(&pair.project_id)
                .filter(|p| self.project_is_matchable(p));
            let free = pool.free_places(pair.mentor_id).unwrap_or(0);
            let taken = given.entry(pair.mentor_id).or_insert(0);
            let Some(project) = project.filter(|_| *taken < free) else {
                published.skipped += 1;
                continue;
            };
            if tx.pair_history(project.mentee_id, pair.mentor_id).await? > 0
                || tx.open_requests_of_mentee(project.mentee_id).await? >= 3
            {
                published.skipped += 1;
                continue;
            }
            *taken += 1;
            let request = RequestRecord {
                id: Uuid::new_v4(),
                project_id: project.id,
                mentee_id: project.mentee_id,
                mentor_id: pair.mentor_id,
                // No message: pages say where it comes from, in the reader's language.
                message: String::new(),
                status: mentorat_domain::RequestStatus::Open,
                decline_reason: None,
                decline_text: String::new(),
                created_at: self.now(),
                // Why the coordinators' proposal paired them, shown to the mentor.
                reasons: pair.reasons.clone(),
            };
            tx.insert_request(&request).await?;
            if let Some(mentor) = recipients.get(&pair.mentor_id) {
                let mail = Mail::RequestReceived {
                    name: mentor.first_name.clone(),
                    link: self.link(&format!("/demandes/{}", request.id)),
                    facts: self.request_facts(
                        mentor.locale,
                        project,
                        fields.get(&project.id).map_or(&[], Vec::as_slice),
                        &ReasonNote::decode(&pair.reasons),
                        pool.domains(),
                    ),
                };
                self.queue_mail(&mut tx, mentor.email.as_str(), mentor.locale, &mail)
                    .await?;
            }
            published.requests += 1;
        }
        tx.audit(
            Some(actor),
            "matching_published",
            proposal.circle_id,
            &published.requests.to_string(),
        )
        .await?;
        tx.commit().await?;
        self.mail_queued();
        Ok(published)
    }
}

/// What publishing a proposal did: the requests sent, and the pairs no longer
/// possible (the project matched or closed since the draft, the mentor without a
/// place or no longer available, the porteur with three open requests or an
/// earlier request to this mentor).
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Published {
    pub requests: usize,
    pub skipped: usize,
}

/// The parts of the score, in the order of the form and of `docs/MATCHING.md`.
pub const WEIGHT_PARTS: [&str; 6] = Weights::PARTS;

/// The defaults of docs/MATCHING.md, as whole numbers.
pub fn default_weights() -> CircleWeights {
    CircleWeights::from_parts(
        Weights::default()
            .parts()
            .map(|x| (x * 100.0).round() as i64),
    )
}

/// The engine's weights from a circle's whole numbers.
pub fn engine_weights(w: &CircleWeights) -> Weights {
    Weights::from_parts(w.parts().map(|v| v as f64 / 100.0))
}

impl App {
    /// A circle's weights and whether they are the defaults.
    pub async fn circle_weights(&self, circle_id: Uuid) -> Result<(CircleWeights, bool), AppError> {
        Ok(match self.store.circle_weights(circle_id).await? {
            Some(w) => (w, false),
            None => (default_weights(), true),
        })
    }

    /// Saves a circle's weights from the form: one whole number from 0 to 100 per part
    /// (in `WEIGHT_PARTS` order), not all zero.
    pub async fn set_circle_weights(
        &self,
        actor: Uuid,
        circle_id: Uuid,
        raw: [&str; 6],
    ) -> Result<CircleWeights, AppError> {
        let mut values = [0i64; 6];
        for ((value, text), part) in values.iter_mut().zip(raw).zip(WEIGHT_PARTS) {
            *value = text
                .trim()
                .parse()
                .ok()
                .filter(|v| (0..=100).contains(v))
                .ok_or(invalid(part, "error-weight-range"))?;
        }
        if values.iter().all(|v| *v == 0) {
            return Err(invalid("field", "error-weights-all-zero"));
        }
        let w = CircleWeights::from_parts(values);
        let mut tx = self.store.begin().await?;
        tx.set_circle_weights(circle_id, &w, actor).await?;
        tx.audit(
            Some(actor),
            "matching_weights_set",
            Some(circle_id),
            &values.map(|v| v.to_string()).join(","),
        )
        .await?;
        tx.commit().await?;
        Ok(w)
    }

    /// Back to the defaults of docs/MATCHING.md.
    pub async fn reset_circle_weights(&self, actor: Uuid, circle_id: Uuid) -> Result<(), AppError> {
        let mut tx = self.store.begin().await?;
        tx.clear_circle_weights(circle_id).await?;
        tx.audit(Some(actor), "matching_weights_reset", Some(circle_id), "")
            .await?;
        tx.commit().await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A number typed in the form's box for a part is the weight of that very part in
    /// the engine (the store's record and the engine name their parts each their way).
    #[test]
    fn each_box_of_the_weights_form_sets_its_own_part() {
        for i in 0..WEIGHT_PARTS.len() {
            let mut typed = [0i64; 6];
            typed[i] = 40;
            let engine = engine_weights(&CircleWeights::from_parts(typed));
            let mut expected = [0.0; 6];
            expected[i] = 0.4;
            assert_eq!(engine.parts(), expected, "{}", WEIGHT_PARTS[i]);
        }
        assert_eq!(
            engine_weights(&default_weights()),
            Weights::default(),
            "the defaults survive whole numbers"
        );
    }
}
