//! Events and registrations: the public page of an event, registering without an
//! account (a seat or the waitlist, never more than the capacity), cancelling from the
//! e-mailed link (the first of the waitlist is promoted), reminders two days before,
//! calendar feeds, and the organisers' tools (list, check-in, sheet, CSV, invitations).

use crate::deferred::Deferred;
use crate::email::{EventFacts, EventMail, Mail};
use crate::invalid;
use crate::security::{Limited, random_token, token_hash};
use crate::{App, AppError};
use chrono::{DateTime, Duration, Utc};
use mentorat_domain::ics::{CalendarEvent, calendar};
use mentorat_domain::{Circle, Email, Event, EventStatus, Locale, PersonName};
mod partners;

use mentorat_store::{Attendance, NewRegistration, Registration, Seat};
pub use mentorat_store::{EventFunnel, Partner, PartnerLink};
use uuid::Uuid;

pub use mentorat_store::{Registration as EventRegistration, RegistrationStatus};

/// Reminders go to confirmed registrations this long before the event.
pub const REMINDER_BEFORE: Duration = Duration::days(2);

/// How people heard of the event (the form's choices).
pub const HEARD_FROM: &[&str] = &[
    "association",
    "friend",
    "press",
    "social",
    "poster",
    "other",
];

#[derive(Debug, Clone, Default)]
pub struct RegistrationForm {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
    pub heard_from: String,
    pub consent_contact: bool,
    /// The share code of the association whose link the person followed (`?par=`).
    pub via: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Registered {
    Confirmed,
    Waitlisted,
    AlreadyRegistered,
}

/// An event with what its public page shows around it.
#[derive(Debug, Clone)]
pub struct EventPage {
    pub event: Event,
    pub circle: Option<Circle>,
    /// The association that hosts it.
    pub host: Option<String>,
    pub attendance: Attendance,
    pub places_left: i64,
    pub is_past: bool,
}

/// A phone number as people type it: digits, spaces, dots, dashes, a leading +.
pub(crate) fn parse_phone(raw: &str) -> Result<String, AppError> {
    let phone = raw.trim();
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    let ok = phone.is_empty()
        || (phone
            .chars()
            .all(|c| c.is_ascii_digit() || " .-+()".contains(c))
            && (6..=15).contains(&digits)
            && phone.len() <= 25);
    if ok {
        Ok(phone.to_owned())
    } else {
        Err(invalid("phone", "error-phone"))
    }
}

/// An event's title as a reader sees it: what its organisers wrote, or for an edition
/// left without one, « Édition du Cercle des Mentors » in the reader's language (never
/// stored in one language).
pub fn event_title(tr: &crate::i18n::Tr<'_>, title: &str) -> String {
    if title.is_empty() {
        tr.t("event-title-edition")
    } else {
        title.to_owned()
    }
}

impl App {
    pub fn event_url(&self, id: Uuid) -> String {
        self.link(&format!("/evenements/{id}"))
    }

    pub(crate) fn facts(&self, event: &Event) -> EventFacts {
        EventFacts {
            title: event.title.clone(),
            starts_at: event.local_start(),
            venue: [event.venue.as_str(), event.address.as_str()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", "),
        }
    }

    /// The event's agenda, line by line: what its organisers wrote, or for a conference
    /// without one, the conference's usual programme in `locale` (never stored, so that
    /// each reader gets it in their language).
    pub fn agenda(&self, locale: Locale, event: &Event) -> Vec<String> {
        let lines: Vec<String> = event
            .description
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect();
        if lines.is_empty() && event.kind == mentorat_domain::EventKind::Conference {
            let tr = crate::i18n::Tr {
                locale,
                i18n: &self.i18n,
            };
            (1..=4)
                .map(|i| tr.t(&format!("conference-agenda-{i}")))
                .collect()
        } else {
            lines
        }
    }

    /// The calendar entry of an event (stable UID, UTC times), its agenda in `locale`.
    pub fn calendar_event(&self, locale: Locale, event: &Event) -> CalendarEvent {
        let host = self
            .settings
            .base_url
            .split("://")
            .nth(1)
            .unwrap_or("mentorat")
            .split('/')
            .next()
            .unwrap_or("mentorat");
        let place = crate::territories::territories()
            .commune(&event.commune_code)
            .map(|c| c.name.clone())
            .unwrap_or_default();
        CalendarEvent {
            uid: format!("event-{}@{host}", event.id),
            start: event.starts_at,
            end: event.starts_at + Duration::minutes(event.duration_minutes),
            summary: event_title(&self.tr(locale), &event.title),
            location: [event.venue.as_str(), event.address.as_str(), place.as_str()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", "),
            description: self.agenda(locale, event).join("\n"),
            url: self.event_url(event.id),
            cancelled: event.status == EventStatus::Cancelled,
            stamp: event.starts_at - Duration::days(30),
        }
    }

    /// The invitation attached to confirmation e-mails.
    pub(crate) fn ics_attachment(
        &self,
        locale: Locale,
        event: &Event,
    ) -> Option<(String, String, String)> {
        Some((
            "evenement.ics".into(),
            "text/calendar; charset=utf-8; method=PUBLISH".into(),
            calendar(
                &event_title(&self.tr(locale), &event.title),
                &[self.calendar_event(locale, event)],
            ),
        ))
    }

    /// A calendar feed of the events from 90 days ago on (cancelled ones marked).
    pub async fn events_feed(
        &self,
        locale: Locale,
        circle: Option<&Circle>,
    ) -> Result<String, AppError> {
        let events = self
            .store
            .events_since(self.now() - Duration::days(90), circle.map(|c| c.id))
            .await?;
        let name = match circle {
            Some(c) => format!("Cercle des Mentors — {}", c.name),
            None => "Cercles des Mentors".to_owned(),
        };
        Ok(calendar(
            &name,
            &events
                .iter()
                .map(|e| self.calendar_event(locale, e))
                .collect::<Vec<_>>(),
        ))
    }

    pub async fn event_page(&self, id: Uuid) -> Result<EventPage, AppError> {
        let event = self.store.event(id).await?.ok_or(AppError::NotFound)?;
        let circle = match event.circle_id {
            Some(cid) => self.store.circle(cid).await?,
            None => None,
        };
        let host = match event.partner_id {
            Some(pid) => self.store.partner(pid).await?.map(|p| p.name),
            None => None,
        };
        let attendance = self.store.attendance(id).await?;
        Ok(EventPage {
            host,
            places_left: (event.capacity - attendance.confirmed).max(0),
            is_past: event.starts_at <= self.now(),
            event,
            circle,
            attendance,
        })
    }

    /// Registers someone to an event, without an account.
    pub async fn register_for_event(
        &self,
        event_id: Uuid,
        form: &RegistrationForm,
        locale: Locale,
        client: &crate::auth::Client,
    ) -> Result<Registered, AppError> {
        self.rate_limit(Limited::Address("register", client.ip))
            .await?;
        let name = PersonName::parse(&form.first_name, &form.last_name)
            .map_err(|e| invalid("first_name", e.key()))?;
        let email = Email::parse(&form.email).map_err(|e| invalid("email", e.key()))?;
        let phone = parse_phone(&form.phone)?;
        let heard_from =
            if form.heard_from.is_empty() || HEARD_FROM.contains(&form.heard_from.as_str()) {
                form.heard_from.clone()
            } else {
                return Err(invalid("heard_from", "error-unknown-choice"));
            };
        let event = self
            .store
            .event(event_id)
            .await?
            .ok_or(AppError::NotFound)?;
        if event.status == EventStatus::Cancelled || event.starts_at <= self.now() {
            return Err(invalid("event", "error-event-closed"));
        }
        // A code that is not this event's attributes the registration to nobody.
        let via = match form.via.trim() {
            "" => None,
            code => self.store.partner_of_code(event_id, code).await?,
        };
        let token = random_token();
        let mut tx = self.store.begin().await?;
        let seat = tx
            .register(
                &NewRegistration {
                    id: Uuid::new_v4(),
                    event_id,
                    first_name: name.first().to_owned(),
                    last_name: name.last().to_owned(),
                    email: email.clone(),
                    phone,
                    heard_from,
                    consent_contact: form.consent_contact,
                    locale,
                    cancel_hash: token_hash(&token),
                    partner_id: via,
                },
                self.now(),
            )
            .await?;
        let link = Some(self.link(&format!("/inscriptions/annuler/{token}")));
        let facts = self.facts(&event);
        let name = name.first().to_owned();
        match seat {
            Seat::Confirmed => {
                let mail = Mail::Event {
                    kind: EventMail::Confirmed,
                    name,
                    event: facts,
                    link,
                };
                self.queue_mail_with(
                    &mut tx,
                    email.as_str(),
                    locale,
                    &mail,
                    self.ics_attachment(locale, &event),
                )
                .await?;
            }
            Seat::Waitlisted => {
                let mail = Mail::Event {
                    kind: EventMail::Waitlisted,
                    name,
                    event: facts,
                    link,
                };
                self.queue_mail(&mut tx, email.as_str(), locale, &mail)
                    .await?;
            }
            Seat::AlreadyRegistered => {}
        }
        tx.commit().await?;
        self.mail_queued();
        Ok(match seat {
            Seat::Confirmed => Registered::Confirmed,
            Seat::Waitlisted => Registered::Waitlisted,
            Seat::AlreadyRegistered => Registered::AlreadyRegistered,
        })
    }

    /// The registration a cancellation link is for (to show what will be cancelled).
    pub async fn registration_for_link(
        &self,
        token: &str,
    ) -> Result<(Registration, Event), AppError> {
        let found = self
            .store
            .registration_by_cancel_hash(&token_hash(token))
            .await?;
        self.with_its_event(found).await
    }

    /// A registration found by a link's secret, with its event; `NotFound` for none.
    async fn with_its_event(
        &self,
        found: Option<Registration>,
    ) -> Result<(Registration, Event), AppError> {
        let registration = found.ok_or(AppError::NotFound)?;
        let event = self
            .store
            .event(registration.event_id)
            .await?
            .ok_or(AppError::NotFound)?;
        Ok((registration, event))
    }

    /// Cancels from the link; promotes the first of the waitlist and tells them.
    pub async fn cancel_registration(&self, token: &str) -> Result<Registration, AppError> {
        let mut tx = self.store.begin().await?;
        let cancellation = tx
            .cancel_registration(&token_hash(token), self.now())
            .await?
            .ok_or(AppError::NotFound)?;
        let event = tx
            .event(cancellation.cancelled.event_id)
            .await?
            .ok_or(AppError::NotFound)?;
        let c = &cancellation.cancelled;
        let mail = Mail::Event {
            kind: EventMail::Cancelled,
            name: c.first_name.clone(),
            event: self.facts(&event),
            link: None,
        };
        self.queue_mail(&mut tx, &c.email, c.locale, &mail).await?;
        if let Some(p) = &cancellation.promoted {
            // The promoted person keeps their own cancellation link: a new one is made.
            let token = random_token();
            tx.set_cancel_hash(p.id, &token_hash(&token)).await?;
            let link = Some(self.link(&format!("/inscriptions/annuler/{token}")));
            let mail = Mail::Event {
                kind: EventMail::Promoted,
                name: p.first_name.clone(),
                event: self.facts(&event),
                link,
            };
            self.queue_mail_with(
                &mut tx,
                &p.email,
                p.locale,
                &mail,
                self.ics_attachment(p.locale, &event),
            )
            .await?;
        }
        tx.commit().await?;
        self.mail_queued();
        Ok(cancellation.cancelled)
    }

    /// Sends the reminders due at `now` (events starting within two days). Returns how
    /// many were queued. Run periodically by `serve`.
    pub async fn send_reminders(&self, now: DateTime<Utc>) -> Result<usize, AppError> {
        let due = self
            .store
            .registrations_to_remind(now, now + REMINDER_BEFORE)
            .await?;
        let mut sent = 0;
        for r in due {
            let Some(event) = self.store.event(r.event_id).await? else {
                continue;
            };
            let mut tx = self.store.begin().await?;
            if tx.mark_reminded(r.id, now).await? {
                let token = random_token();
                tx.set_cancel_hash(r.id, &token_hash(&token)).await?;
                let link = Some(self.link(&format!("/inscriptions/annuler/{token}")));
                let facts = self.facts(&event);
                // Days between the two dates where the event is held.
                let today = now.with_timezone(&facts.starts_at.timezone()).date_naive();
                let days = (facts.starts_at.date_naive() - today).num_days();
                let mail = Mail::Event {
                    kind: EventMail::Reminder { days },
                    name: r.first_name.clone(),
                    event: facts,
                    link,
                };
                self.queue_mail(&mut tx, &r.email, r.locale, &mail).await?;
                sent += 1;
            }
            tx.commit().await?;
        }
        if sent > 0 {
            self.mail_queued();
        }
        Ok(sent)
    }

    /// A page of the events of `scope` to come (soonest first) or past (latest first),
    /// and how many there are.
    pub async fn organised_events(
        &self,
        scope: &mentorat_domain::policy::EventScope,
        upcoming: bool,
        offset: u64,
        limit: u64,
    ) -> Result<(Vec<Event>, i64), AppError> {
        Ok(self
            .store
            .organised_events(scope, self.now(), upcoming, offset, limit)
            .await?)
    }

    pub async fn attendance(&self, event_id: Uuid) -> Result<Attendance, AppError> {
        Ok(self.store.attendance(event_id).await?)
    }

    /// The registration and the event an unused invitation was sent for.
    pub async fn invitation(&self, secret: &str) -> Result<(Registration, Event), AppError> {
        let found = self
            .store
            .registration_by_invite(&token_hash(secret))
            .await?;
        self.with_its_event(found).await
    }

    /// Every registration of an event (the printed sign-in sheet: as many as its places).
    pub async fn registrations(&self, event_id: Uuid) -> Result<Vec<Registration>, AppError> {
        Ok(self.store.registrations_of(event_id).await?)
    }

    /// A page of an event's registrations.
    pub async fn registrations_page(
        &self,
        event_id: Uuid,
        offset: u64,
        limit: u64,
    ) -> Result<Vec<Registration>, AppError> {
        Ok(self
            .store
            .registrations_page_of(event_id, offset, limit)
            .await?)
    }

    /// How many registrations an event has, whatever their status.
    pub async fn registrations_count(&self, event_id: Uuid) -> Result<i64, AppError> {
        Ok(self.store.registrations_count(event_id).await?)
    }

    pub async fn check_in(
        &self,
        event_id: Uuid,
        registration_id: Uuid,
        attended: bool,
    ) -> Result<(), AppError> {
        let mut tx = self.store.begin().await?;
        if !tx
            .set_attended(event_id, registration_id, attended, self.now())
            .await?
        {
            return Err(AppError::NotFound);
        }
        tx.commit().await?;
        Ok(())
    }

    /// The registration list as a French spreadsheet; the export is audited.
    pub async fn registrations_csv(
        &self,
        actor: Uuid,
        event: &Event,
        labels: &CsvLabels,
    ) -> Result<Vec<u8>, AppError> {
        let rows: Vec<Vec<String>> = self
            .store
            .registrations_of(event.id)
            .await?
            .into_iter()
            .map(|r| {
                vec![
                    r.first_name,
                    r.last_name,
                    r.email,
                    r.phone,
                    labels.status(r.status),
                    if r.attended {
                        labels.yes.clone()
                    } else {
                        labels.no.clone()
                    },
                    if r.consent_contact {
                        labels.yes.clone()
                    } else {
                        labels.no.clone()
                    },
                    r.heard_from,
                    r.created_at
                        .with_timezone(&event.time_zone.tz())
                        .format("%d/%m/%Y %H:%M")
                        .to_string(),
                ]
            })
            .collect();
        let header: Vec<&str> = labels.header.iter().map(String::as_str).collect();
        let bytes = mentorat_domain::csv::french_csv(&header, &rows);
        self.deferred
            .push(Deferred::Audit {
                at: self.now(),
                actor: Some(actor),
                action: "export",
                subject: Some(event.id),
                detail: "registrations".to_owned(),
            })
            .await;
        Ok(bytes)
    }

    /// Invites the attendees who agreed to be contacted to apply as mentors.
    pub async fn invite_attendees(&self, actor: Uuid, event: &Event) -> Result<usize, AppError> {
        let mut tx = self.store.begin().await?;
        let invited = tx.invite_attendees(event.id, self.now()).await?;
        for r in &invited {
            // A single-use link that names no one: the application it leads to is
            // filled in from the registration, on the platform.
            let secret = random_token();
            tx.set_invite_hash(r.id, &token_hash(&secret)).await?;
            let link = self.link(&format!("/devenir-mentor/invitation/{secret}"));
            let mail = Mail::InviteToApply {
                name: r.first_name.clone(),
                event: self.facts(event),
                link,
            };
            self.queue_mail(&mut tx, &r.email, r.locale, &mail).await?;
        }
        tx.audit(
            Some(actor),
            "invitations_sent",
            Some(event.id),
            &invited.len().to_string(),
        )
        .await?;
        tx.commit().await?;
        self.mail_queued();
        Ok(invited.len())
    }
}

/// The words of the CSV export, in the organiser's language.
pub struct CsvLabels {
    pub header: Vec<String>,
    pub confirmed: String,
    pub waitlisted: String,
    pub cancelled: String,
    pub yes: String,
    pub no: String,
}

impl CsvLabels {
    fn status(&self, s: RegistrationStatus) -> String {
        match s {
            RegistrationStatus::Confirmed => self.confirmed.clone(),
            RegistrationStatus::Waitlisted => self.waitlisted.clone(),
            RegistrationStatus::Cancelled => self.cancelled.clone(),
        }
    }
}

/// Percent-encodes a query value.
pub fn url_encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// How often `serve` looks for reminders to send.
pub const REMINDER_SWEEP: std::time::Duration = std::time::Duration::from_secs(600);

impl App {
    /// Sends due reminders every [`REMINDER_SWEEP`] until `stop` is notified. Several
    /// instances may run it: a reminder is marked sent in the transaction that queues it.
    /// The periodic sweeps as of `at`: event reminders, then requests to remind or
    /// expire and quiet pairs to nudge. Returns the e-mails queued by each.
    pub async fn sweep(&self, at: DateTime<Utc>) -> Result<(usize, usize), AppError> {
        Ok((
            self.send_reminders(at).await? + self.send_host_mails(at).await?,
            self.sweep_mentoring(at).await?,
        ))
    }

    pub async fn run_reminders(self, stop: std::sync::Arc<tokio::sync::Notify>) {
        loop {
            let started = std::time::Instant::now();
            if let Err(e) = self.send_reminders(self.now()).await {
                tracing::warn!(error = %e, "reminder sweep failed");
            }
            self.stats
                .sweep_done("reminders", self.now(), started.elapsed().as_secs_f64());
            let started = std::time::Instant::now();
            if let Err(e) = self.send_host_mails(self.now()).await {
                tracing::warn!(error = %e, "host sweep failed");
            }
            self.stats
                .sweep_done("host_mails", self.now(), started.elapsed().as_secs_f64());
            let started = std::time::Instant::now();
            if let Err(e) = self.sweep_mentoring(self.now()).await {
                tracing::warn!(error = %e, "mentoring sweep failed");
            }
            self.stats
                .sweep_done("mentoring", self.now(), started.elapsed().as_secs_f64());
            let started = std::time::Instant::now();
            if let Err(e) = self.fail_stalled_imports().await {
                tracing::warn!(error = %e, "imports sweep failed");
            }
            self.stats
                .sweep_done("imports", self.now(), started.elapsed().as_secs_f64());
            tokio::select! {
                _ = tokio::time::sleep(REMINDER_SWEEP) => {}
                _ = stop.notified() => return,
            }
        }
    }
}
