//! The shape of a generated data set, decided before anything is written: which
//! communes get a circle, who lives where, who mentors whom, who asked whom. Only
//! indices and small facts live here; texts are drawn when rows are written.
//!
//! Everything is a function of the plan and a fixed seed, so two runs at the same
//! scale describe the same records with the same ids.

use super::plan::ScalePlan;
use super::texts::weighted_field;
use super::{CIRCLES as DEMO_CIRCLES, demo_id};
use crate::territories::territories;
use mentorat_domain::mentoring::Vetting;
use mentorat_domain::territory::{Country, CoverageLevel};
use mentorat_domain::{CircleStatus, ProjectStatus, RequestStatus, Slug};
use mentorat_matching::rng::SplitMix64;
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

const SEED: u64 = 0x6d65_6e74_6f72_6174;

/// A generator for one record: the same record always draws the same numbers,
/// whatever was drawn before it.
pub(super) fn rng_for(kind: u64, index: usize) -> SplitMix64 {
    let mut rng = SplitMix64(SEED ^ kind.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ index as u64);
    rng.next_u64();
    rng
}

/// Where the generated accounts live: `mentor.00042@national.mentorat.example`.
pub const EMAIL_DOMAIN: &str = "national.mentorat.example";

pub(super) fn email(role: &str, number: usize, width: usize) -> String {
    format!("{role}.{number:0width$}@{EMAIL_DOMAIN}")
}

pub(super) fn user_id(email: &str) -> Uuid {
    demo_id(&format!("user/{email}"))
}

pub(super) struct CircleSpec {
    pub id: Uuid,
    pub slug: String,
    pub name: String,
    pub commune: String,
    pub country: Country,
    pub level: CoverageLevel,
    pub code: String,
    /// The communes its people live in (key, name, population).
    pub members: Vec<(String, String, u64)>,
    pub status: CircleStatus,
    pub coordinator_email: String,
    pub partner: Option<usize>,
}

pub(super) struct MentorSpec {
    pub number: usize,
    pub circle: usize,
    pub status: Vetting,
    pub capacity: i64,
    pub active: i64,
    /// (index in FIELDS, years)
    pub fields: Vec<(usize, i64)>,
}

pub(super) struct PorteurSpec {
    pub number: usize,
    pub circle: usize,
    pub status: ProjectStatus,
    pub fields: Vec<usize>,
}

pub(super) struct PairSpec {
    pub mentor: usize,
    pub porteur: usize,
    /// Rank among the active pairs (meetings and goals follow it), or `None` if closed.
    pub active: Option<usize>,
}

pub(super) struct RequestSpec {
    pub porteur: usize,
    pub mentor: usize,
    pub status: RequestStatus,
}

pub(super) struct EventSpec {
    pub circle: usize,
    pub registrations: usize,
}

pub(super) struct Model {
    pub circles: Vec<CircleSpec>,
    pub partner_circles: Vec<usize>,
    pub mentors: Vec<MentorSpec>,
    pub porteurs: Vec<PorteurSpec>,
    pub pairs: Vec<PairSpec>,
    /// Requests other than the accepted ones (which follow the pairs).
    pub requests: Vec<RequestSpec>,
    pub events: Vec<EventSpec>,
}

impl Model {
    pub fn build(plan: &ScalePlan) -> Result<Model, String> {
        let circles = pick_circles(plan.circles)?;
        let weights: Vec<f64> = circles
            .iter()
            .map(|c| {
                (c.members.iter().map(|m| m.2).sum::<u64>() as f64)
                    .sqrt()
                    .max(1.0)
            })
            .collect();
        let partner_circles = (0..plan.partners)
            .map(|p| p * plan.circles / plan.partners)
            .collect::<Vec<_>>();
        let mut circles = circles;
        for (p, &c) in partner_circles.iter().enumerate() {
            circles[c].partner = Some(p);
        }

        // Mentors: the approved ones first, circle by circle, then the applications.
        let mut mentors = Vec::with_capacity(plan.mentors());
        let mut approved_of: Vec<Vec<usize>> = vec![Vec::new(); circles.len()];
        for (c, count) in apportion(plan.approved_mentors, &weights)
            .into_iter()
            .enumerate()
        {
            for _ in 0..count {
                approved_of[c].push(mentors.len());
                mentors.push(new_mentor(mentors.len(), c, Vetting::Approved));
            }
        }
        for (c, count) in apportion(plan.applicants, &weights).into_iter().enumerate() {
            for _ in 0..count {
                // By the applicant's rank in the network, so that every state shows up.
                let j = mentors.len() - plan.approved_mentors;
                let status = [
                    Vetting::Submitted,
                    Vetting::Submitted,
                    Vetting::InterviewPlanned,
                    Vetting::InterviewPlanned,
                    Vetting::Declined,
                    Vetting::Paused,
                ][j % 6];
                mentors.push(new_mentor(mentors.len(), c, status));
            }
        }

        // Porteurs, by status group then circle: the active pairs' porteurs come first.
        let places: Vec<usize> = approved_of
            .iter()
            .map(|ms| ms.iter().map(|&m| mentors[m].capacity as usize).sum())
            .collect();
        let mut active = apportion(plan.active_mentorships, &weights);
        fit(&mut active, &places)?;
        let has_mentors: Vec<usize> = approved_of
            .iter()
            .map(|ms| if ms.is_empty() { 0 } else { usize::MAX })
            .collect();
        let mut closed = apportion(plan.closed_mentorships, &weights);
        fit(&mut closed, &has_mentors)?;
        let groups: [(ProjectStatus, Vec<usize>); 5] = [
            (ProjectStatus::Matched, active),
            (ProjectStatus::Closed, closed),
            (
                ProjectStatus::Validated,
                apportion(plan.validated_projects(), &weights),
            ),
            (
                ProjectStatus::Submitted,
                apportion(plan.submitted_projects, &weights),
            ),
            (
                ProjectStatus::NeedsDetails,
                apportion(plan.needs_details_projects, &weights),
            ),
        ];
        let mut porteurs = Vec::with_capacity(plan.porteurs);
        let mut pairs = Vec::with_capacity(plan.mentorships());
        let mut cursor = vec![0usize; circles.len()];
        let mut active_rank = 0;
        for (status, counts) in groups {
            for (c, &count) in counts.iter().enumerate() {
                for _ in 0..count {
                    let index = porteurs.len();
                    let mut rng = rng_for(2, index);
                    let mut fields = vec![weighted_field(&mut rng)];
                    let paired = matches!(status, ProjectStatus::Matched | ProjectStatus::Closed);
                    if paired {
                        let ms = &approved_of[c];
                        let start = cursor[c];
                        let chosen = (0..ms.len())
                            .map(|step| (start + step) % ms.len())
                            .find(|&at| {
                                status == ProjectStatus::Closed
                                    || mentors[ms[at]].active < mentors[ms[at]].capacity
                            })
                            .ok_or("a circle has more pairs than places")?;
                        cursor[c] = chosen + 1;
                        let mentor = ms[chosen];
                        let rank = (status == ProjectStatus::Matched).then(|| {
                            mentors[mentor].active += 1;
                            active_rank += 1;
                            active_rank - 1
                        });
                        // The pair met over the mentor's main field.
                        fields[0] = mentors[mentor].fields[0].0;
                        pairs.push(PairSpec {
                            mentor,
                            porteur: index,
                            active: rank,
                        });
                    }
                    if rng.below(10) < 3 {
                        let second = weighted_field(&mut rng);
                        if second != fields[0] {
                            fields.push(second);
                        }
                    }
                    porteurs.push(PorteurSpec {
                        number: index + 1,
                        circle: c,
                        status,
                        fields,
                    });
                }
            }
        }

        let requests = requests(plan, &mentors, &approved_of, &porteurs, &pairs)?;
        let events = apportion(plan.events, &weights)
            .into_iter()
            .enumerate()
            .flat_map(|(c, n)| std::iter::repeat_n(c, n))
            .enumerate()
            .map(|(k, circle)| EventSpec {
                circle,
                registrations: registrations_of(k, plan.events, plan.registrations),
            })
            .collect();
        Ok(Model {
            circles,
            partner_circles,
            mentors,
            porteurs,
            pairs,
            requests,
            events,
        })
    }
}

fn new_mentor(index: usize, circle: usize, status: Vetting) -> MentorSpec {
    let mut rng = rng_for(1, index);
    let capacity = [1, 2, 2, 3, 3, 2, 1, 3, 2, 2][rng.below(10) as usize];
    let mut fields: Vec<(usize, i64)> = Vec::new();
    for _ in 0..1 + rng.below(3) {
        let f = weighted_field(&mut rng);
        if !fields.iter().any(|(g, _)| *g == f) {
            fields.push((f, 2 + rng.below(35) as i64));
        }
    }
    MentorSpec {
        number: index + 1,
        circle,
        status,
        capacity,
        active: 0,
        fields,
    }
}

/// Registrations of the `k`-th of `events` so that they add up to `total` exactly:
/// an even share, then ± a few in pairs so that events differ.
fn registrations_of(k: usize, events: usize, total: usize) -> usize {
    let base = total / events + usize::from(k < total % events);
    // The same swing for both events of a pair, never more than either has.
    let swing = ((k / 2) % 25).min(total / events);
    if k.is_multiple_of(2) && k + 1 < events {
        base + swing
    } else if k % 2 == 1 {
        base - swing
    } else {
        base
    }
}

/// Every request that is not an accepted one, in the states the schema allows.
fn requests(
    plan: &ScalePlan,
    mentors: &[MentorSpec],
    approved_of: &[Vec<usize>],
    porteurs: &[PorteurSpec],
    pairs: &[PairSpec],
) -> Result<Vec<RequestSpec>, String> {
    let mut out = Vec::with_capacity(plan.requests());
    let mut pointer = vec![0usize; approved_of.len()];
    let mut next_mentor = |c: usize, skip: &[usize], free_only: bool| -> Option<usize> {
        let ms = &approved_of[c];
        let found = (0..ms.len())
            .map(|step| (pointer[c] + step) % ms.len())
            .find(|&at| {
                !skip.contains(&ms[at])
                    && (!free_only || mentors[ms[at]].active < mentors[ms[at]].capacity)
            })?;
        pointer[c] = found + 1;
        Some(ms[found])
    };
    // The porteur's other requests, closed when one was accepted.
    let mut active_pairs: Vec<&PairSpec> = pairs.iter().filter(|p| p.active.is_some()).collect();
    shuffle(&mut active_pairs, 3);
    let mut closed = 0;
    for pair in active_pairs {
        if closed == plan.closed_requests {
            break;
        }
        if let Some(m) = next_mentor(porteurs[pair.porteur].circle, &[pair.mentor], false) {
            out.push(RequestSpec {
                porteur: pair.porteur,
                mentor: m,
                status: RequestStatus::Closed,
            });
            closed += 1;
        }
    }
    if closed < plan.closed_requests {
        return Err("not enough mentors for the closed requests".into());
    }
    // Porteurs waiting with a validated project: some have asked, and heard back.
    let mut waiting: Vec<usize> = (0..porteurs.len())
        .filter(|&p| porteurs[p].status == ProjectStatus::Validated)
        .collect();
    shuffle(&mut waiting, 4);
    let mut waiting = waiting.into_iter();
    let mut open = 0;
    let mut turn = 0;
    while open < plan.open_requests {
        let p = waiting
            .next()
            .ok_or("not enough validated projects for the open requests")?;
        let wanted = [3, 2, 1][turn % 3].min(plan.open_requests - open);
        let mut asked = Vec::new();
        while asked.len() < wanted {
            match next_mentor(porteurs[p].circle, &asked, true) {
                Some(m) => asked.push(m),
                None => break,
            }
        }
        turn += usize::from(!asked.is_empty());
        open += asked.len();
        out.extend(asked.into_iter().map(|mentor| RequestSpec {
            porteur: p,
            mentor,
            status: RequestStatus::Open,
        }));
    }
    for (status, count) in [
        (RequestStatus::Declined, plan.declined_requests),
        (RequestStatus::Expired, plan.expired_requests),
        (RequestStatus::Withdrawn, plan.withdrawn_requests),
    ] {
        let mut done = 0;
        while done < count {
            let p = waiting
                .next()
                .ok_or("not enough validated projects for the requests")?;
            if let Some(mentor) = next_mentor(porteurs[p].circle, &[], false) {
                out.push(RequestSpec {
                    porteur: p,
                    mentor,
                    status,
                });
                done += 1;
            }
        }
    }
    Ok(out)
}

fn shuffle<T>(items: &mut [T], kind: u64) {
    let mut rng = rng_for(kind, 0);
    for i in (1..items.len()).rev() {
        items.swap(i, rng.below(i as u64 + 1) as usize);
    }
}

/// Splits `total` in proportion to `weights` (largest remainders; ties to the first).
pub(super) fn apportion(total: usize, weights: &[f64]) -> Vec<usize> {
    let sum: f64 = weights.iter().sum();
    let quotas: Vec<f64> = weights.iter().map(|w| total as f64 * w / sum).collect();
    let mut out: Vec<usize> = quotas.iter().map(|q| q.floor() as usize).collect();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|&a, &b| {
        let fa = quotas[a] - quotas[a].floor();
        let fb = quotas[b] - quotas[b].floor();
        fb.total_cmp(&fa).then(a.cmp(&b))
    });
    let missing = total - out.iter().sum::<usize>();
    for &i in order.iter().cycle().take(missing) {
        out[i] += 1;
    }
    out
}

/// Caps each share at `caps` and gives the excess to the shares with most room.
fn fit(shares: &mut [usize], caps: &[usize]) -> Result<(), String> {
    let mut excess = 0;
    for (s, &cap) in shares.iter_mut().zip(caps) {
        if *s > cap {
            excess += *s - cap;
            *s = cap;
        }
    }
    while excess > 0 {
        let (i, room) = shares
            .iter()
            .zip(caps)
            .map(|(s, c)| c.saturating_sub(*s))
            .enumerate()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
            .ok_or("no circle")?;
        if room == 0 {
            return Err("the circles have too few mentors for the planned mentorships".into());
        }
        shares[i] += 1;
        excess -= 1;
    }
    Ok(())
}

/// The `n` circles: the most populous commune of each intercommunality, most populous
/// first (a tenth of them Belgian), then, past the intercommunalities, single communes
/// by population. The demo's circles and their territories are left out.
fn pick_circles(n: usize) -> Result<Vec<CircleSpec>, String> {
    let t = territories();
    let mut demo_epcis = HashSet::new();
    let mut taken_slugs: HashSet<String> = DEMO_CIRCLES.iter().map(|c| c.slug.to_owned()).collect();
    for demo in DEMO_CIRCLES {
        let commune = t
            .commune(demo.commune)
            .ok_or("a demo circle's commune is unknown")?;
        if let Some(epci) = &commune.epci {
            demo_epcis.insert((commune.country, epci.clone()));
        }
    }
    let mut communes: Vec<_> = t
        .communes()
        .iter()
        .filter(|c| {
            !c.epci
                .as_ref()
                .is_some_and(|e| demo_epcis.contains(&(c.country, e.clone())))
        })
        .filter(|c| !DEMO_CIRCLES.iter().any(|d| d.commune == c.key()))
        .collect();
    communes.sort_by(|a, b| b.population.cmp(&a.population).then(a.key().cmp(&b.key())));
    // Per country: the intercommunalities' first communes, then the others.
    let mut queues: HashMap<Country, Vec<(&_, bool)>> = HashMap::new();
    for country in [Country::Fr, Country::Be] {
        let mut seen = HashSet::new();
        let mut heads = Vec::new();
        let mut rest = Vec::new();
        for &c in communes.iter().filter(|c| c.country == country) {
            match &c.epci {
                Some(e) if seen.insert(e.clone()) => heads.push((c, true)),
                _ => rest.push((c, false)),
            }
        }
        heads.extend(rest);
        heads.reverse(); // popped from the end
        queues.insert(country, heads);
    }
    let mut picked = Vec::with_capacity(n);
    for i in 0..n {
        let (first, second) = if i % 10 == 9 {
            (Country::Be, Country::Fr)
        } else {
            (Country::Fr, Country::Be)
        };
        let next = match queues.get_mut(&first).and_then(Vec::pop) {
            Some(x) => x,
            None => queues
                .get_mut(&second)
                .and_then(Vec::pop)
                .ok_or("not enough communes for the circles")?,
        };
        picked.push(next);
    }
    let single: HashSet<String> = picked
        .iter()
        .filter(|(_, head)| !head)
        .map(|(c, _)| c.key())
        .collect();
    let mut out = Vec::with_capacity(n);
    for (i, (commune, head)) in picked.into_iter().enumerate() {
        let (level, code, members) = if head {
            let epci = commune
                .epci
                .as_ref()
                .expect("heads have an intercommunality");
            let members = t
                .members(commune.country, epci)
                .filter(|m| !single.contains(&m.key()))
                .map(|m| (m.key(), m.name.clone(), u64::from(m.population)))
                .collect();
            (CoverageLevel::Epci, commune.country.key(epci), members)
        } else {
            let members = vec![(
                commune.key(),
                commune.name.clone(),
                u64::from(commune.population),
            )];
            (CoverageLevel::Commune, commune.key(), members)
        };
        let base = Slug::from_name(&commune.name).map_err(|_| "a commune name makes no slug")?;
        let mut slug = base.as_str().to_owned();
        if !taken_slugs.insert(slug.clone()) {
            slug = format!("{}-{}", base.as_str(), commune.departement.to_lowercase());
            if !taken_slugs.insert(slug.clone()) {
                slug = format!("{}-{}", base.as_str(), commune.code);
                taken_slugs.insert(slug.clone());
            }
        }
        out.push(CircleSpec {
            id: demo_id(&format!("scale/circle/{i}")),
            slug,
            name: commune.name.clone(),
            commune: commune.key(),
            country: commune.country,
            level,
            code,
            members,
            status: match i % 20 {
                7 => CircleStatus::Launching,
                13 => CircleStatus::Paused,
                _ => CircleStatus::Active,
            },
            coordinator_email: email("coordination", i + 1, 4),
            partner: None,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_add_up_to_the_total() {
        let shares = apportion(1_000, &[1.0, 2.5, 0.3, 7.0]);
        assert_eq!(shares.iter().sum::<usize>(), 1_000);
        let total: usize = (0..1_000).map(|k| registrations_of(k, 1_000, 47_000)).sum();
        assert_eq!(total, 47_000);
        let odd: usize = (0..7).map(|k| registrations_of(k, 7, 333)).sum();
        assert_eq!(odd, 333);
    }

    #[test]
    fn the_model_keeps_the_invariants_the_platform_relies_on() {
        let plan = ScalePlan::for_scale(0.05).unwrap();
        let model = Model::build(&plan).unwrap();
        assert_eq!(model.circles.len(), plan.circles);
        assert_eq!(model.porteurs.len(), plan.porteurs);
        assert_eq!(model.pairs.len(), plan.mentorships());
        assert_eq!(model.requests.len() + model.pairs.len(), plan.requests());
        for pair in &model.pairs {
            assert_eq!(
                model.mentors[pair.mentor].circle,
                model.porteurs[pair.porteur].circle
            );
        }
        for m in &model.mentors {
            assert!(m.active <= m.capacity);
        }
        for r in model
            .requests
            .iter()
            .filter(|r| r.status == RequestStatus::Open)
        {
            let m = &model.mentors[r.mentor];
            assert!(m.active < m.capacity, "no open request to a full mentor");
        }
        let free = model
            .mentors
            .iter()
            .filter(|m| m.status == Vetting::Approved && m.active < m.capacity)
            .count();
        assert!(
            free * 10 > plan.approved_mentors * 8,
            "most mentors have a free place"
        );
        let mut pairs = HashSet::new();
        for (p, m) in model
            .requests
            .iter()
            .map(|r| (r.porteur, r.mentor))
            .chain(model.pairs.iter().map(|p| (p.porteur, p.mentor)))
        {
            assert!(pairs.insert((p, m)), "one request per pair");
        }
    }
}
