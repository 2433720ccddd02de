//! The second half of the scale writer: requests, mentorships with their meetings,
//! goals and feedback, and events with their registrations.

use super::demo_id;
use super::model::{email, rng_for, user_id};
use super::plan::ScalePlan;
use super::scale::{PER_TX, Progress, Writer, days, name, project_dates};
use super::texts::{self, FIELDS};
use crate::AppError;
use crate::security::{random_token, token_hash};
use chrono::{DateTime, Duration, NaiveTime, TimeZone as _, Utc};
use mentorat_domain::mentoring::DECLINE_REASONS;
use mentorat_domain::territory::Country;
use mentorat_domain::{
    Event, EventKind, EventStatus, GoalStatus, MentorshipStatus, RequestStatus, Slug, TimeZone,
};
use mentorat_store::RegistrationStatus;
use mentorat_store::bulk::*;
use uuid::Uuid;

impl Writer<'_> {
    /// When the pair started (a few days to weeks after the project was validated).
    fn started(&self, porteur: usize) -> DateTime<Utc> {
        let p = &self.model.porteurs[porteur];
        let (_, validated) = project_dates(self.now, porteur, p.status);
        validated + days(3 + rng_for(6, porteur).below(18))
    }

    /// A request of `porteur` to `mentor`, `(created, answered)` at `when`.
    fn request_row(
        &self,
        id: Uuid,
        (porteur, mentor, status): (usize, usize, RequestStatus),
        (created_at, answered_at): (DateTime<Utc>, Option<DateTime<Utc>>),
        k: usize,
    ) -> RequestRow {
        let p = &self.model.porteurs[porteur];
        let field = &FIELDS[p.fields[0]];
        let declined = status == RequestStatus::Declined;
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

    pub(super) async fn requests(&self, progress: &mut dyn Progress) -> Result<u64, AppError> {
        let model = self.model;
        let mut rows = Vec::with_capacity(model.pairs.len() + model.requests.len());
        for (k, pair) in model.pairs.iter().enumerate() {
            let started = self.started(pair.porteur);
            rows.push(self.request_row(
                demo_id(&format!("scale/request/accepted/{k}")),
                (pair.porteur, pair.mentor, RequestStatus::Accepted),
                (started - days(3), Some(started)),
                k,
            ));
        }
        for (k, r) in model.requests.iter().enumerate() {
            let p = &model.porteurs[r.porteur];
            let mut rng = rng_for(7, k);
            let (_, validated) = project_dates(self.now, r.porteur, p.status);
            let (created, answered) = match r.status {
                RequestStatus::Open => {
                    (self.now - Duration::hours(2 + rng.below(140) as i64), None)
                }
                RequestStatus::Closed => {
                    let started = self.started(r.porteur);
                    (started - days(4), Some(started))
                }
                RequestStatus::Expired => (validated + days(1), Some(validated + days(15))),
                RequestStatus::Declined => (validated + days(1), Some(validated + days(3))),
                _ => (validated + days(1), Some(validated + days(4))),
            };
            rows.push(self.request_row(
                demo_id(&format!("scale/request/{k}")),
                (r.porteur, r.mentor, r.status),
                (created, answered),
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

    pub(super) async fn mentorships(&self, progress: &mut dyn Progress) -> Result<u64, AppError> {
        let model = self.model;
        progress.phase("mentorships", model.pairs.len());
        let mut written = 0;
        let mut k0 = 0;
        for chunk in model.pairs.chunks(PER_TX / 4) {
            let (mut pairs, mut meetings, mut goals, mut feedback) =
                (Vec::new(), Vec::new(), Vec::new(), Vec::new());
            let (mut messages, mut checkins) = (Vec::new(), Vec::new());
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
                    // Two days before each meeting, the pair set it up in their thread.
                    for (n, (author, body)) in [
                        (mentor, "Bonjour, on se voit jeudi pour faire le point ?"),
                        (mentee, "Oui, jeudi 18 h, merci !"),
                    ]
                    .into_iter()
                    .enumerate()
                    {
                        messages.push(MessageRow {
                            id: demo_id(&format!("scale/message/{k}/{j}/{n}")),
                            mentorship_id: id,
                            author_id: author,
                            body: body.into(),
                            created_at: held_on - days(2) + Duration::hours(n as i64),
                        });
                    }
                }
                // The check-ins due while the pair was active were sent (so that a first
                // `serve` does not send them all again) and answered by both.
                let since = end - started;
                let rounds = if since >= days(30) {
                    1 + (since - days(30)).num_days() / 60
                } else {
                    0
                };
                for round in 1..=rounds {
                    let sent = started + days(30) + days(60 * (round as u64 - 1));
                    for (n, author) in [mentor, mentee].into_iter().enumerate() {
                        let mood = 2 + rng.below(4) as i64;
                        checkins.push(CheckinRow {
                            mentorship_id: id,
                            author_id: author,
                            round,
                            mood,
                            met: mood > 2,
                            note: if mood == 2 && n == 1 {
                                "Nous avons du mal à trouver un moment.".into()
                            } else {
                                String::new()
                            },
                            created_at: sent + Duration::hours(5 + n as i64),
                        });
                    }
                }
                let checkin_sent_at =
                    (rounds > 0).then(|| started + days(30) + days(60 * (rounds as u64 - 1)));
                for j in 0..goal_count {
                    let status = match (pair.active, j) {
                        (None, 0) => GoalStatus::Reached,
                        (None, _) => GoalStatus::Dropped,
                        (Some(_), 0) => GoalStatus::InProgress,
                        (Some(rank), _) => [
                            GoalStatus::Open,
                            GoalStatus::Reached,
                            GoalStatus::InProgress,
                        ][(rank + j) % 3],
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
                        MentorshipStatus::Closed
                    } else {
                        MentorshipStatus::Active
                    },
                    started_at: started,
                    last_meeting_on: last,
                    reminded_at: (quiet && closed_at.is_none()).then(|| self.now - days(3)),
                    closed_at,
                    close_reason: closed_at
                        .map(|_| (*rng.pick(texts::CLOSE_REASONS)).to_owned())
                        .unwrap_or_default(),
                    checkin_round: rounds,
                    checkin_sent_at,
                });
            }
            k0 += chunk.len();
            let mut tx = self.begin().await?;
            written += tx.bulk_mentorships(&pairs).await?;
            written += tx.bulk_meetings(&meetings).await?;
            written += tx.bulk_messages(&messages).await?;
            written += tx.bulk_checkins(&checkins).await?;
            written += tx.bulk_goals(&goals).await?;
            written += tx.bulk_feedback(&feedback).await?;
            tx.commit().await?;
            progress.advance(chunk.len());
        }
        progress.finish();
        Ok(written)
    }

    pub(super) async fn events(&self, progress: &mut dyn Progress) -> Result<u64, AppError> {
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
                    0..=13 => EventKind::Conference,
                    14..=18 => EventKind::Edition,
                    _ => EventKind::Other,
                };
                let title = match kind {
                    EventKind::Conference => Event::CONFERENCE_TITLE.to_owned(),
                    // Named by the pages in their reader's language.
                    EventKind::Edition => String::new(),
                    EventKind::Other => format!("Rencontre des mentors de {}", circle.name),
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
                        RegistrationStatus::Cancelled
                    } else if confirmed < capacity {
                        confirmed += 1;
                        RegistrationStatus::Confirmed
                    } else {
                        RegistrationStatus::Waitlisted
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
                        attended_at: (past
                            && status == RegistrationStatus::Confirmed
                            && j % 5 != 4)
                            .then_some(starts_at),
                        reminded_at: (status != RegistrationStatus::Cancelled
                            && starts_at - days(2) <= self.now)
                            .then_some(starts_at - days(2)),
                        created_at,
                        cancelled_at: (status == RegistrationStatus::Cancelled)
                            .then_some(created_at + days(1)),
                    });
                }
                events.push(EventRow {
                    id,
                    circle_id: Some(circle.id),
                    partner_id: circle
                        .partner
                        .map(|p| demo_id(&format!("scale/partner/{p}"))),
                    kind,
                    status: if cancelled {
                        EventStatus::Cancelled
                    } else {
                        EventStatus::Scheduled
                    },
                    title,
                    description: String::new(),
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
