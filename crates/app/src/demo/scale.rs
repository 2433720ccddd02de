//! `mentorat demo --scale`: the network's own data set (or a fraction or multiple of
//! it), on top of the demo, written through the store's bulk inserts in short
//! transactions so that other writers wait only a moment between two of them.

use super::model::{Model, email, rng_for, user_id};
use super::plan::ScalePlan;
use super::texts::{self, FIELDS, FIRST_NAMES, LAST_NAMES};
use super::{DEMO_PASSWORD, demo_id};
use crate::security::{random_token, token_hash};
use crate::{App, AppError, passwords};
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, TimeZone as _, Utc};
use mentorat_domain::mentoring::{CHARTER_VERSION, DECLINE_REASONS, STAGES};
use mentorat_domain::territory::Country;
use mentorat_domain::{CircleStatus, Event, Slug, TimeZone};
use mentorat_matching::rng::SplitMix64;
use mentorat_store::bulk::*;
use mentorat_store::{Store, Tx};
use uuid::Uuid;

/// Records written per transaction: a few thousand rows with their dependants, so
/// that a web request waiting for the writer waits well under a second.
const PER_TX: usize = 2_000;

/// Where a long run reports how far it is (a progress bar, a log, nothing).
pub trait Progress: Send {
    /// A new phase of `total` records begins.
    fn phase(&mut self, name: &'static str, total: usize);
    /// `done` more records of the phase are written.
    fn advance(&mut self, done: usize);
    /// The phase is over.
    fn finish(&mut self);
}

/// No progress report (tests).
pub struct Silent;

impl Progress for Silent {
    fn phase(&mut self, _: &'static str, _: usize) {}
    fn advance(&mut self, _: usize) {}
    fn finish(&mut self) {}
}

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
            now: Utc::now(),
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
            .find(|p| p.status == "validated")
            .map(|p| email("porteur", p.number, 5)),
        partner: email("partenaire", 1, 4),
    }
}

struct Writer<'a> {
    store: &'a Store,
    model: &'a Model,
    now: DateTime<Utc>,
    hash: String,
}

fn name(kind: u64, index: usize) -> (String, String) {
    let mut rng = rng_for(kind, index);
    (
        (*rng.pick(FIRST_NAMES)).to_owned(),
        (*rng.pick(LAST_NAMES)).to_owned(),
    )
}

fn days(n: u64) -> Duration {
    Duration::days(n as i64)
}

/// A commune of the circle, more often a populous one.
fn member<'m>(
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
fn project_dates(now: DateTime<Utc>, index: usize, status: &str) -> (DateTime<Utc>, DateTime<Utc>) {
    let mut rng = rng_for(5, index);
    let back = match status {
        "matched" => 40 + rng.below(660),
        "closed" => 420 + rng.below(400),
        "validated" => 26 + rng.below(300),
        "submitted" => 1 + rng.below(20),
        _ => 5 + rng.below(40),
    };
    let created = now - days(back) - Duration::minutes(rng.below(600) as i64);
    (created, created + days(5))
}

impl Writer<'_> {
    async fn begin(&self) -> Result<Tx, AppError> {
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
                    status: c.status.as_str(),
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
                let approved = matches!(m.status, "approved" | "paused");
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
                        "submitted" => None,
                        "interview_planned" => Some(self.now + days(3 + rng.below(20))),
                        _ => Some(created_at + days(10)),
                    },
                    charter_version: Some(CHARTER_VERSION.to_owned()),
                    charter_accepted_at: Some(created_at),
                    background_checked_at: approved.then_some(created_at + days(12)),
                    background_checked_by: approved.then_some(coordinator),
                    decided_at: matches!(m.status, "approved" | "paused" | "declined")
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
                    stage: *rng.pick(STAGES),
                    help_wanted,
                    languages: if rng.below(10) == 0 {
                        "fr,en".into()
                    } else {
                        "fr".into()
                    },
                    remote: rng.below(4) == 0,
                    birth_year: Some(1960 + rng.below(46) as i64),
                    coordinator_note: if p.status == "needs_details" {
                        "Pouvez-vous préciser votre besoin et votre calendrier ?".into()
                    } else {
                        String::new()
                    },
                    validated_at: matches!(p.status, "validated" | "matched" | "closed")
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

    /// When the pair started (a few days to weeks after the project was validated).
    fn started(&self, porteur: usize) -> DateTime<Utc> {
        let p = &self.model.porteurs[porteur];
        let (_, validated) = project_dates(self.now, porteur, p.status);
        validated + days(3 + rng_for(6, porteur).below(18))
    }

    fn request_row(
        &self,
        id: Uuid,
        porteur: usize,
        mentor: usize,
        status: &'static str,
        created_at: DateTime<Utc>,
        answered_at: Option<DateTime<Utc>>,
        k: usize,
    ) -> RequestRow {
        let p = &self.model.porteurs[porteur];
        let field = &FIELDS[p.fields[0]];
        let declined = status == "declined";
        let reason = DECLINE_REASONS[k % DECLINE_REASONS.len()];
        RequestRow {
            id,
            project_id: demo_id(&format!("scale/project/{}", p.number)),
            mentee_id: user_id(&email("porteur", p.number, 5)),
            mentor_id: user_id(&email("mentor", self.model.mentors[mentor].number, 5)),
            message: format!(
                "Bonjour, votre expérience m'aiderait beaucoup : j'ai besoin d'aide pour {}.",
                field.needs[k % field.needs.len()]
            ),
            status,
            decline_reason: declined.then_some(reason),
            decline_text: if declined && reason == "other" {
                "Je pars plusieurs mois à l'étranger, désolé.".into()
            } else {
                String::new()
            },
            created_at,
            answered_at,
        }
    }

    async fn requests(&self, progress: &mut dyn Progress) -> Result<u64, AppError> {
        let model = self.model;
        let mut rows = Vec::with_capacity(model.pairs.len() + model.requests.len());
        for (k, pair) in model.pairs.iter().enumerate() {
            let started = self.started(pair.porteur);
            rows.push(self.request_row(
                demo_id(&format!("scale/request/accepted/{k}")),
                pair.porteur,
                pair.mentor,
                "accepted",
                started - days(3),
                Some(started),
                k,
            ));
        }
        for (k, r) in model.requests.iter().enumerate() {
            let p = &model.porteurs[r.porteur];
            let mut rng = rng_for(7, k);
            let (_, validated) = project_dates(self.now, r.porteur, p.status);
            let (created, answered) = match r.status {
                "open" => (self.now - Duration::hours(2 + rng.below(140) as i64), None),
                "closed" => {
                    let started = self.started(r.porteur);
                    (started - days(4), Some(started))
                }
                "expired" => (validated + days(1), Some(validated + days(15))),
                "declined" => (validated + days(1), Some(validated + days(3))),
                _ => (validated + days(1), Some(validated + days(4))),
            };
            rows.push(self.request_row(
                demo_id(&format!("scale/request/{k}")),
                r.porteur,
                r.mentor,
                r.status,
                created,
                answered,
                k,
            ));
        }
        progress.phase("requests", rows.len());
        let mut written = 0;
        for chunk in rows.chunks(PER_TX) {
            let mut tx = self.begin().await?;
            written += tx.bulk_requests(chunk).await?;
            tx.commit().await?;
            progress.advance(chunk.len());
        }
        progress.finish();
        Ok(written)
    }

    async fn mentorships(&self, progress: &mut dyn Progress) -> Result<u64, AppError> {
        let model = self.model;
        progress.phase("mentorships", model.pairs.len());
        let mut written = 0;
        let mut k0 = 0;
        for chunk in model.pairs.chunks(PER_TX / 4) {
            let (mut pairs, mut meetings, mut goals, mut feedback) =
                (Vec::new(), Vec::new(), Vec::new(), Vec::new());
            for (k, pair) in chunk.iter().enumerate().map(|(i, p)| (k0 + i, p)) {
                let id = demo_id(&format!("scale/mentorship/{k}"));
                let mut rng = rng_for(8, k);
                let started = self.started(pair.porteur);
                let mentor = user_id(&email("mentor", model.mentors[pair.mentor].number, 5));
                let mentee = user_id(&email("porteur", model.porteurs[pair.porteur].number, 5));
                let field = &FIELDS[model.porteurs[pair.porteur].fields[0]];
                let closed_at = pair
                    .active
                    .is_none()
                    .then(|| (started + days(120 + rng.below(180))).min(self.now - days(2)));
                let end = closed_at.unwrap_or(self.now - days(1));
                let (count, goal_count) = match pair.active {
                    Some(rank) => (
                        ScalePlan::meetings_of_active(rank),
                        ScalePlan::goals_of_active(rank),
                    ),
                    None => (ScalePlan::MEETINGS_OF_CLOSED, ScalePlan::GOALS_OF_CLOSED),
                };
                let mut last = None;
                for j in 0..count {
                    let held_on = started + (end - started) * (j as i32 + 1) / (count as i32 + 1);
                    last = Some(held_on);
                    meetings.push(MeetingRow {
                        id: demo_id(&format!("scale/meeting/{k}/{j}")),
                        mentorship_id: id,
                        held_on,
                        minutes: *rng.pick(&[45, 60, 60, 75, 90, 120]),
                        remote: rng.below(4) == 0,
                        topics: format!(
                            "{} ; {}",
                            rng.pick(texts::MEETING_TOPICS),
                            field.needs[j % field.needs.len()]
                        ),
                        private_notes: "Prochaine étape convenue ensemble.".into(),
                        logged_by: mentor,
                        created_at: held_on + Duration::hours(3),
                    });
                }
                for j in 0..goal_count {
                    let status = match (pair.active, j) {
                        (None, 0) => "reached",
                        (None, _) => "dropped",
                        (Some(_), 0) => "in_progress",
                        (Some(rank), _) => ["open", "reached", "in_progress"][(rank + j) % 3],
                    };
                    goals.push(GoalRow {
                        id: demo_id(&format!("scale/goal/{k}/{j}")),
                        mentorship_id: id,
                        title: texts::goal_title(field, j + k),
                        status,
                        created_at: started + days(1),
                    });
                }
                // A quiet pair was nudged lately, so that a first `serve` does not mail them all.
                let quiet = last.unwrap_or(started) < self.now - days(30);
                if let Some(closed) = closed_at {
                    for (author, satisfaction) in
                        [(mentor, 4 + rng.below(2)), (mentee, 3 + rng.below(3))]
                    {
                        feedback.push(FeedbackRow {
                            mentorship_id: id,
                            author_id: author,
                            satisfaction: satisfaction as i64,
                            changes: "Plus de confiance pour avancer.".into(),
                            comment: (*rng.pick(texts::FEEDBACK_COMMENTS)).to_owned(),
                            created_at: closed + Duration::hours(20),
                        });
                    }
                }
                pairs.push(MentorshipRow {
                    id,
                    request_id: demo_id(&format!("scale/request/accepted/{k}")),
                    mentor_id: mentor,
                    mentee_id: mentee,
                    project_id: demo_id(&format!(
                        "scale/project/{}",
                        model.porteurs[pair.porteur].number
                    )),
                    status: if closed_at.is_some() {
                        "closed"
                    } else {
                        "active"
                    },
                    started_at: started,
                    last_meeting_on: last,
                    reminded_at: (quiet && closed_at.is_none()).then(|| self.now - days(3)),
                    closed_at,
                    close_reason: closed_at
                        .map(|_| (*rng.pick(texts::CLOSE_REASONS)).to_owned())
                        .unwrap_or_default(),
                });
            }
            k0 += chunk.len();
            let mut tx = self.begin().await?;
            written += tx.bulk_mentorships(&pairs).await?;
            written += tx.bulk_meetings(&meetings).await?;
            written += tx.bulk_goals(&goals).await?;
            written += tx.bulk_feedback(&feedback).await?;
            tx.commit().await?;
            progress.advance(chunk.len());
        }
        progress.finish();
        Ok(written)
    }

    async fn events(&self, progress: &mut dyn Progress) -> Result<u64, AppError> {
        let model = self.model;
        progress.phase("events", model.events.len());
        // Cancellation links of generated registrations are never sent: their secrets
        // are random and forgotten, only the hashes are kept (as for real ones).
        let secret = random_token();
        let today = self.now.date_naive();
        let mut written = 0;
        let mut g = 0;
        let per_tx = (PER_TX / 50).max(1);
        for (c0, chunk) in model.events.chunks(per_tx).enumerate() {
            let (mut events, mut registrations) = (Vec::new(), Vec::new());
            for (k, e) in chunk.iter().enumerate().map(|(i, e)| (c0 * per_tx + i, e)) {
                let circle = &model.circles[e.circle];
                let mut rng = rng_for(50, k);
                let zone = if circle.country == Country::Be {
                    TimeZone::Brussels
                } else {
                    TimeZone::Paris
                };
                let day = today - days(900) + days((k as u64 * 7_919) % 1_080);
                let time = NaiveTime::from_hms_opt(
                    if k % 2 == 0 { 19 } else { 18 },
                    if k % 2 == 0 { 0 } else { 30 },
                    0,
                )
                .expect("valid time");
                let starts_at = zone
                    .tz()
                    .from_local_datetime(&day.and_time(time))
                    .earliest()
                    .expect("evening times exist")
                    .with_timezone(&Utc);
                let cancelled = k % 37 == 5;
                let kind = match k % 20 {
                    0..=13 => "conference",
                    14..=18 => "edition",
                    _ => "other",
                };
                let title = match kind {
                    "conference" => Event::CONFERENCE_TITLE.to_owned(),
                    "edition" => format!(
                        "Cercle des Mentors de {} — {}e édition",
                        circle.name,
                        2 + k % 5
                    ),
                    _ => format!("Rencontre des mentors de {}", circle.name),
                };
                let capacity = *rng.pick(&[40, 60, 80, 100, 120, 150]);
                let id = demo_id(&format!("scale/event/{k}"));
                let past = starts_at < self.now;
                let mut confirmed = 0;
                for j in 0..e.registrations {
                    g += 1;
                    let (first, last) = name(51, g);
                    let handle = Slug::from_name(&format!("{first} {last}"))
                        .map_err(|_| anyhow::anyhow!("name slug"))?;
                    let status = if cancelled || j % 12 == 11 {
                        "cancelled"
                    } else if confirmed < capacity {
                        confirmed += 1;
                        "confirmed"
                    } else {
                        "waitlisted"
                    };
                    let created_at =
                        (starts_at - days(5 + rng.below(50))).min(self.now - Duration::hours(1));
                    let registration = demo_id(&format!("scale/registration/{k}/{j}"));
                    registrations.push(RegistrationRow {
                        id: registration,
                        event_id: id,
                        email: format!(
                            "{}.{g}@inscrits.mentorat.example",
                            handle.as_str().replace('-', ".")
                        ),
                        first_name: first,
                        last_name: last,
                        heard_from: ["association", "friend", "press", "poster"][j % 4],
                        consent_contact: j % 5 < 3,
                        status,
                        cancel_hash: token_hash(&format!("{secret}/{registration}")),
                        attended_at: (past && status == "confirmed" && j % 5 != 4)
                            .then_some(starts_at),
                        reminded_at: (status != "cancelled" && starts_at - days(2) <= self.now)
                            .then_some(starts_at - days(2)),
                        created_at,
                        cancelled_at: (status == "cancelled").then_some(created_at + days(1)),
                    });
                }
                events.push(EventRow {
                    id,
                    circle_id: Some(circle.id),
                    partner_id: circle
                        .partner
                        .map(|p| demo_id(&format!("scale/partner/{p}"))),
                    kind,
                    status: if cancelled { "cancelled" } else { "scheduled" },
                    title,
                    description: if kind == "conference" {
                        super::AGENDA.to_owned()
                    } else {
                        String::new()
                    },
                    starts_at,
                    time_zone: zone.as_str(),
                    duration_minutes: Event::CONFERENCE_MINUTES,
                    venue: format!("{} de {}", rng.pick(texts::VENUES), circle.name),
                    address: format!("{} {}", 1 + rng.below(80), rng.pick(texts::STREETS)),
                    commune_code: circle.commune.clone(),
                    capacity,
                    confirmed,
                    created_at: starts_at - days(90),
                });
            }
            let mut tx = self.begin().await?;
            written += tx.bulk_events(&events).await?;
            written += tx.bulk_registrations(&registrations).await?;
            tx.commit().await?;
            progress.advance(chunk.len());
        }
        progress.finish();
        Ok(written)
    }
}
