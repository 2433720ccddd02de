//! `mentorat demo --scale`: the network's own data set (or a fraction or multiple of
//! it), on top of the demo, written through the store's bulk inserts in short
//! transactions so that other writers wait only a moment between two of them.

use super::model::{Model, email, rng_for, user_id};
use super::plan::ScalePlan;
use super::texts::{self, FIELDS, FIRST_NAMES, LAST_NAMES};
use super::{DEMO_PASSWORD, demo_id};
use crate::{App, AppError, passwords};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use mentorat_domain::mentoring::{CHARTER_VERSION, STAGES, Vetting};
use mentorat_domain::territory::Country;
use mentorat_domain::{CircleStatus, ProjectStatus, Slug};
use mentorat_matching::rng::SplitMix64;
use mentorat_store::bulk::*;
use mentorat_store::{Store, Tx};
use uuid::Uuid;

/// Records written per transaction: a few thousand rows with their dependants, so
/// that a web request waiting for the writer waits well under a second.
pub(super) const PER_TX: usize = 2_000;

/// Where a long run reports how far it is (a progress bar, a log, nothing): the same
/// as a backup's.
pub use mentorat_store::backup::{Progress, Silent};

/// A few generated accounts to try the platform with (all with the demo password).
#[derive(Debug, Clone)]
pub struct ScaleSamples {
    /// The coordinator of the first circle, and its slug.
    pub coordinator: (String, String),
    pub mentor_with_mentorship: Option<String>,
    pub porteur_with_mentorship: Option<String>,
    pub porteur_validated: Option<String>,
    pub partner: String,
}

#[derive(Debug)]
pub struct ScaleReport {
    /// The set was already complete: nothing was written.
    pub already_present: bool,
    /// Rows inserted by this run.
    pub rows: u64,
    pub samples: ScaleSamples,
}

impl App {
    /// Writes the data set of `plan` (after the demo, which it loads if absent). A
    /// second run at the same scale finds it complete and writes nothing; a run at
    /// another scale over an existing set is refused.
    pub async fn load_scale(
        &self,
        plan: &ScalePlan,
        progress: &mut dyn Progress,
    ) -> Result<ScaleReport, AppError> {
        let model = Model::build(plan).map_err(|e| anyhow::anyhow!("scale plan: {e}"))?;
        let samples = samples(&model);
        let last_registration = model
            .events
            .iter()
            .enumerate()
            .rev()
            .find(|(_, e)| e.registrations > 0)
            .map(|(k, e)| demo_id(&format!("scale/registration/{k}/{}", e.registrations - 1)));
        {
            let mut tx = self.store.begin().await?;
            let present = |i: usize| demo_id(&format!("scale/circle/{i}"));
            let first = tx.circles_present(&[present(0)]).await? == 1;
            let last = tx.circles_present(&[present(plan.circles - 1)]).await? == 1;
            let beyond = tx.circles_present(&[present(plan.circles)]).await? == 1;
            if first && (!last || beyond) {
                return Err(anyhow::anyhow!(
                    "this database holds a generated data set of another scale; use a fresh database"
                )
                .into());
            }
            if let Some(id) = last_registration
                && last
                && tx.registration_present(id).await?
            {
                return Ok(ScaleReport {
                    already_present: true,
                    rows: 0,
                    samples,
                });
            }
        }
        progress.phase("demo", 1);
        self.load_demo().await?;
        progress.finish();
        // Argon2 is deliberately slow: one hash serves every generated account.
        let hash = passwords::hash_blocking(DEMO_PASSWORD.to_owned()).await;
        let w = Writer {
            store: &self.store,
            model: &model,
            now: mentorat_store::now(),
            hash,
        };
        let mut rows = 0;
        rows += w.circles(progress).await?;
        rows += w.accounts(progress).await?;
        rows += w.mentors(progress).await?;
        rows += w.projects(progress).await?;
        rows += w.requests(progress).await?;
        rows += w.mentorships(progress).await?;
        rows += w.events(progress).await?;
        progress.phase("statistics", 1);
        self.store.refresh_statistics().await?;
        progress.advance(1);
        progress.finish();
        Ok(ScaleReport {
            already_present: false,
            rows,
            samples,
        })
    }
}

fn samples(model: &Model) -> ScaleSamples {
    let first_pair = model.pairs.iter().find(|p| p.active.is_some());
    ScaleSamples {
        coordinator: (
            model.circles[0].coordinator_email.clone(),
            model.circles[0].slug.clone(),
        ),
        mentor_with_mentorship: first_pair
            .map(|p| email("mentor", model.mentors[p.mentor].number, 5)),
        porteur_with_mentorship: first_pair
            .map(|p| email("porteur", model.porteurs[p.porteur].number, 5)),
        porteur_validated: model
            .porteurs
            .iter()
            .find(|p| p.status == ProjectStatus::Validated)
            .map(|p| email("porteur", p.number, 5)),
        partner: email("partenaire", 1, 4),
    }
}

pub(super) struct Writer<'a> {
    pub store: &'a Store,
    pub model: &'a Model,
    pub now: DateTime<Utc>,
    pub hash: String,
}

pub(super) fn name(kind: u64, index: usize) -> (String, String) {
    let mut rng = rng_for(kind, index);
    (
        (*rng.pick(FIRST_NAMES)).to_owned(),
        (*rng.pick(LAST_NAMES)).to_owned(),
    )
}

pub(super) fn days(n: u64) -> Duration {
    Duration::days(n as i64)
}

/// A commune of the circle, more often a populous one.
pub(super) fn member<'m>(
    rng: &mut SplitMix64,
    members: &'m [(String, String, u64)],
) -> &'m (String, String, u64) {
    let total: u64 = members.iter().map(|m| m.2.max(1)).sum();
    let mut ticket = rng.below(total.max(1));
    for m in members {
        if ticket < m.2.max(1) {
            return m;
        }
        ticket -= m.2.max(1);
    }
    &members[0]
}

/// When a porteur's project was created and validated (validated ones at least three
/// weeks ago, so that their requests can have expired).
pub(super) fn project_dates(
    now: DateTime<Utc>,
    index: usize,
    status: ProjectStatus,
) -> (DateTime<Utc>, DateTime<Utc>) {
    let mut rng = rng_for(5, index);
    let back = match status {
        ProjectStatus::Matched => 40 + rng.below(660),
        ProjectStatus::Closed => 420 + rng.below(400),
        ProjectStatus::Validated => 26 + rng.below(300),
        ProjectStatus::Submitted => 1 + rng.below(20),
        ProjectStatus::NeedsDetails => 5 + rng.below(40),
    };
    let created = now - days(back) - Duration::minutes(rng.below(600) as i64);
    (created, created + days(5))
}

impl Writer<'_> {
    pub(super) async fn begin(&self) -> Result<Tx, AppError> {
        Ok(self.store.begin().await?)
    }

    async fn circles(&self, progress: &mut dyn Progress) -> Result<u64, AppError> {
        let model = self.model;
        progress.phase("circles", model.circles.len());
        let mut written = 0;
        for (start, chunk) in model
            .circles
            .chunks(500)
            .enumerate()
            .map(|(i, c)| (i * 500, c))
        {
            let mut circles = Vec::new();
            let mut coverage = Vec::new();
            let mut editions = Vec::new();
            let mut partners = Vec::new();
            let mut links = Vec::new();
            for (i, c) in chunk.iter().enumerate().map(|(i, c)| (start + i, c)) {
                let mut rng = rng_for(10, i);
                let inaugurated = (c.status != CircleStatus::Launching).then(|| {
                    NaiveDate::from_ymd_opt(2017, 1, 1).expect("valid date")
                        + days(rng.below(2_900))
                });
                let area = if c.members.len() > 1 {
                    format!("{} et des communes voisines", c.name)
                } else {
                    c.name.clone()
                };
                circles.push(CircleRow {
                    id: c.id,
                    slug: c.slug.clone(),
                    name: c.name.clone(),
                    commune_code: c.commune.clone(),
                    status: c.status,
                    inaugurated_on: inaugurated,
                    description_fr: format!("Le Cercle des Mentors de {} accompagne les porteurs de projet de {area}.", c.name),
                    description_en: format!("The Cercle des Mentors of {} supports project holders from {} and nearby towns.", c.name, c.name),
                    created_at: self.now - days(3_000),
                });
                coverage.push(CoverageRow {
                    circle_id: c.id,
                    level: c.level.as_str(),
                    code: c.code.clone(),
                });
                if let Some(first) = inaugurated {
                    for number in 1..=1 + (i % 3) as i64 {
                        let held_on = first + days(240 * (number as u64 - 1));
                        if held_on >= self.now.date_naive() {
                            break;
                        }
                        editions.push(EditionRow {
                            id: demo_id(&format!("scale/edition/{i}/{number}")),
                            circle_id: c.id,
                            number,
                            held_on,
                            venue: format!("{} de {}", rng.pick(texts::VENUES), c.name),
                            new_mentors: 5 + rng.below(20) as i64,
                        });
                    }
                }
                if let Some(p) = c.partner {
                    let id = demo_id(&format!("scale/partner/{p}"));
                    let label = rng.pick(texts::PARTNER_NAMES).replace("{}", &c.name);
                    let slug =
                        Slug::from_name(&label).map_err(|_| anyhow::anyhow!("partner slug"))?;
                    partners.push(PartnerRow {
                        id,
                        slug: format!("{}-{}", slug.as_str(), p + 1),
                        name: label,
                        commune_code: c.commune.clone(),
                        contact_email: email("contact", p + 1, 4),
                        description: format!("Association de {} qui accueille les conférences du cercle et relaie ses appels à mentors.", c.name),
                        created_at: self.now - days(2_000),
                    });
                    links.push(CirclePartnerRow {
                        circle_id: c.id,
                        partner_id: id,
                    });
                }
            }
            let mut tx = self.begin().await?;
            written += tx.bulk_circles(&circles).await?;
            written += tx.bulk_coverage(&coverage).await?;
            written += tx.bulk_editions(&editions).await?;
            written += tx.bulk_partners(&partners).await?;
            written += tx.bulk_circle_partners(&links).await?;
            tx.commit().await?;
            progress.advance(chunk.len());
        }
        progress.finish();
        Ok(written)
    }

    /// Coordinators, partner members, mentors and porteurs: one account and one role each.
    async fn accounts(&self, progress: &mut dyn Progress) -> Result<u64, AppError> {
        let model = self.model;
        struct Account {
            email: String,
            kind: u64,
            index: usize,
            role: &'static str,
            circle: Option<Uuid>,
            partner: Option<Uuid>,
        }
        let coordinators = model.circles.iter().enumerate().map(|(i, c)| Account {
            email: c.coordinator_email.clone(),
            kind: 20,
            index: i,
            role: "coordinator",
            circle: Some(c.id),
            partner: None,
        });
        let partners = (0..model.partner_circles.len()).map(|p| Account {
            email: email("partenaire", p + 1, 4),
            kind: 21,
            index: p,
            role: "partner",
            circle: None,
            partner: Some(demo_id(&format!("scale/partner/{p}"))),
        });
        let mentors = model.mentors.iter().map(|m| Account {
            email: email("mentor", m.number, 5),
            kind: 22,
            index: m.number,
            role: "mentor",
            circle: None,
            partner: None,
        });
        let porteurs = model.porteurs.iter().map(|p| Account {
            email: email("porteur", p.number, 5),
            kind: 23,
            index: p.number,
            role: "mentee",
            circle: None,
            partner: None,
        });
        let all: Vec<Account> = coordinators
            .chain(partners)
            .chain(mentors)
            .chain(porteurs)
            .collect();
        progress.phase("accounts", all.len());
        let mut written = 0;
        for chunk in all.chunks(PER_TX) {
            let mut users = Vec::with_capacity(chunk.len());
            let mut roles = Vec::with_capacity(chunk.len());
            for a in chunk {
                let id = user_id(&a.email);
                let (first_name, last_name) = name(a.kind, a.index);
                let created_at = self.now - days(800 + rng_for(a.kind + 100, a.index).below(400));
                users.push(UserRow {
                    id,
                    email: a.email.clone(),
                    first_name,
                    last_name,
                    password_hash: Some(self.hash.clone()),
                    created_at,
                });
                roles.push(RoleRow {
                    id: demo_id(&format!("scale/role/{}/{}", a.email, a.role)),
                    user_id: id,
                    role: a.role,
                    circle_id: a.circle,
                    partner_id: a.partner,
                    created_at,
                });
            }
            let mut tx = self.begin().await?;
            written += tx.bulk_users(&users).await?;
            written += tx.bulk_roles(&roles).await?;
            tx.commit().await?;
            progress.advance(chunk.len());
        }
        progress.finish();
        Ok(written)
    }

    async fn mentors(&self, progress: &mut dyn Progress) -> Result<u64, AppError> {
        let model = self.model;
        progress.phase("mentors", model.mentors.len());
        let mut written = 0;
        for chunk in model.mentors.chunks(PER_TX) {
            let mut mentors = Vec::with_capacity(chunk.len());
            let mut fields = Vec::new();
            for m in chunk {
                let circle = &model.circles[m.circle];
                let id = user_id(&email("mentor", m.number, 5));
                let mut rng = rng_for(30, m.number);
                let town = member(&mut rng, &circle.members);
                let (main, years) = m.fields[0];
                let bio = texts::mentor_bio(
                    &mut rng,
                    &FIELDS[main],
                    years,
                    m.fields.get(1).map(|f| &FIELDS[f.0]),
                );
                let mut languages = vec!["fr"];
                if circle.country == Country::Be && rng.below(10) < 3 {
                    languages.push("nl");
                }
                for (code, in_hundred) in [("en", 20), ("ar", 6), ("es", 4), ("pt", 3)] {
                    if rng.below(100) < in_hundred {
                        languages.push(code);
                    }
                }
                let approved = matches!(m.status, Vetting::Approved | Vetting::Paused);
                let created_at = if approved {
                    self.now - days(40 + rng.below(1_060))
                } else {
                    self.now - days(1 + rng.below(30))
                };
                let decided = created_at + days(14);
                let coordinator = user_id(&circle.coordinator_email);
                mentors.push(MentorRow {
                    user_id: id,
                    circle_id: Some(circle.id),
                    commune_code: town.0.clone(),
                    bio,
                    status: m.status,
                    capacity: m.capacity,
                    active_mentees: m.active,
                    travel_km: *rng.pick(&[5, 10, 10, 15, 20, 30, 50]),
                    remote: rng.below(10) < 3,
                    languages: languages.join(","),
                    availability: (*rng.pick(texts::AVAILABILITIES)).to_owned(),
                    interview_on: match m.status {
                        Vetting::Submitted => None,
                        Vetting::InterviewPlanned => Some(self.now + days(3 + rng.below(20))),
                        Vetting::Approved | Vetting::Declined | Vetting::Paused => {
                            Some(created_at + days(10))
                        }
                    },
                    charter_version: Some(CHARTER_VERSION.to_owned()),
                    charter_accepted_at: Some(created_at),
                    background_checked_at: approved.then_some(created_at + days(12)),
                    background_checked_by: approved.then_some(coordinator),
                    decided_at: matches!(
                        m.status,
                        Vetting::Approved | Vetting::Paused | Vetting::Declined
                    )
                    .then_some(decided),
                    approved_at: approved.then_some(decided),
                    created_at,
                });
                fields.extend(m.fields.iter().map(|&(f, years)| MentorDomainRow {
                    user_id: id,
                    domain_code: FIELDS[f].code,
                    years,
                }));
            }
            let mut tx = self.begin().await?;
            written += tx.bulk_mentors(&mentors).await?;
            written += tx.bulk_mentor_domains(&fields).await?;
            tx.commit().await?;
            progress.advance(chunk.len());
        }
        progress.finish();
        Ok(written)
    }

    async fn projects(&self, progress: &mut dyn Progress) -> Result<u64, AppError> {
        let model = self.model;
        progress.phase("projects", model.porteurs.len());
        let mut written = 0;
        for chunk in model.porteurs.chunks(PER_TX) {
            let mut projects = Vec::with_capacity(chunk.len());
            let mut fields = Vec::new();
            for p in chunk {
                let circle = &model.circles[p.circle];
                let id = demo_id(&format!("scale/project/{}", p.number));
                let mut rng = rng_for(40, p.number);
                let town = member(&mut rng, &circle.members);
                let (title, description, help_wanted) =
                    texts::project_texts(&mut rng, &FIELDS[p.fields[0]], &town.1);
                let (created_at, validated) = project_dates(self.now, p.number - 1, p.status);
                projects.push(ProjectRow {
                    id,
                    mentee_id: user_id(&email("porteur", p.number, 5)),
                    circle_id: Some(circle.id),
                    title,
                    description,
                    commune_code: town.0.clone(),
                    status: p.status,
                    stage: STAGES[rng.below(STAGES.len() as u64) as usize],
                    help_wanted,
                    languages: if rng.below(10) == 0 {
                        "fr,en".into()
                    } else {
                        "fr".into()
                    },
                    remote: rng.below(4) == 0,
                    birth_year: Some(1960 + rng.below(46) as i64),
                    coordinator_note: if p.status == ProjectStatus::NeedsDetails {
                        "Pouvez-vous préciser votre besoin et votre calendrier ?".into()
                    } else {
                        String::new()
                    },
                    validated_at: matches!(
                        p.status,
                        ProjectStatus::Validated | ProjectStatus::Matched | ProjectStatus::Closed
                    )
                    .then_some(validated),
                    created_at,
                });
                fields.extend(p.fields.iter().map(|&f| ProjectDomainRow {
                    project_id: id,
                    domain_code: FIELDS[f].code,
                }));
            }
            let mut tx = self.begin().await?;
            written += tx.bulk_projects(&projects).await?;
            written += tx.bulk_project_domains(&fields).await?;
            tx.commit().await?;
            progress.advance(chunk.len());
        }
        progress.finish();
        Ok(written)
    }
}
