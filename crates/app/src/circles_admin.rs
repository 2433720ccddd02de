//! The national team's back office for circles: creating a circle for a town with the
//! territory it covers, moving it along its life cycle, recording editions, naming its
//! coordinators (role changes are audited), and scheduling or cancelling events.

use crate::email::{EventMail, Mail};
use crate::invalid;
use crate::territories::{resolve_picked, territories};
use crate::{App, AppError};
use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone as _, Utc};
use mentorat_domain::territory::{Commune, Country, CoverageLevel};
use mentorat_domain::{
    Circle, CircleStatus, Email, Event, EventKind, EventStatus, RoleGrant, Slug, TimeZone,
};
use mentorat_store::{Member, NewEdition};
use uuid::Uuid;

#[derive(Debug, Clone, Default)]
pub struct NewCircleForm {
    pub name: String,
    pub commune: String,
    pub commune_query: String,
    pub description_fr: String,
    pub description_en: String,
}

#[derive(Debug, Clone, Default)]
pub struct EventForm {
    pub kind: String,
    pub title: String,
    pub description: String,
    pub date: String,
    pub time: String,
    pub duration: String,
    pub venue: String,
    pub address: String,
    pub commune: String,
    pub commune_query: String,
    pub capacity: String,
    pub circle: String,
}

/// What the back office of one circle shows.
#[derive(Debug, Clone)]
pub struct CircleOffice {
    pub circle: Circle,
    pub territory: Vec<(CoverageLevel, String, String)>,
    pub coordinators: Vec<Member>,
    /// While it is planned or launching: when each step of its launch happened.
    pub launch: Option<mentorat_store::LaunchDates>,
}

impl App {
    /// Creates a circle (planned) in a town; it covers the town's intercommunality.
    pub async fn create_circle(
        &self,
        actor: Uuid,
        form: &NewCircleForm,
    ) -> Result<Circle, AppError> {
        let name = form.name.trim();
        if name.is_empty() {
            return Err(invalid("name", "error-empty"));
        }
        if name.chars().count() > 80 {
            return Err(invalid("name", "error-too-long"));
        }
        let slug = Slug::from_name(name).map_err(|e| invalid("name", e.key()))?;
        let commune = resolve_picked(&form.commune, &form.commune_query)
            .ok_or(invalid("commune", "error-commune"))?;
        let circle = Circle {
            id: Uuid::new_v4(),
            slug,
            name: name.to_owned(),
            commune_code: commune.key(),
            status: CircleStatus::Planned,
            inaugurated_on: None,
            description_fr: form.description_fr.trim().chars().take(2_000).collect(),
            description_en: form.description_en.trim().chars().take(2_000).collect(),
        };
        let mut tx = self.store.begin().await?;
        if !insert_circle(&mut tx, &circle, commune, actor).await? {
            return Err(invalid("name", "error-circle-exists"));
        }
        tx.commit().await?;
        Ok(circle)
    }

    /// Inside `tx`: the planned circle of `commune`'s town, for a conference held where
    /// no circle is yet (« Cercle des Mentors de Creil »), covering its intercommunality.
    /// Named after the town, or after the town and its département when a circle of
    /// that name exists elsewhere.
    pub(crate) async fn planned_circle_for(
        &self,
        tx: &mut mentorat_store::Tx,
        commune: &Commune,
        actor: Uuid,
    ) -> Result<Circle, AppError> {
        let names = [
            commune.name.clone(),
            format!("{} ({})", commune.name, commune.departement),
        ];
        for name in names {
            let slug = Slug::from_name(&name).map_err(|e| invalid("commune", e.key()))?;
            let circle = Circle {
                id: Uuid::new_v4(),
                slug,
                name,
                commune_code: commune.key(),
                status: CircleStatus::Planned,
                inaugurated_on: None,
                description_fr: String::new(),
                description_en: String::new(),
            };
            if insert_circle(tx, &circle, commune, actor).await? {
                return Ok(circle);
            }
        }
        Err(invalid("commune", "error-circle-exists"))
    }

    pub async fn circle_office(&self, slug: &str) -> Result<CircleOffice, AppError> {
        let circle = self.circle_page(slug).await?.summary.circle;
        let t = territories();
        let territory = self
            .store
            .territory_of(circle.id)
            .await?
            .into_iter()
            .map(|(level, code)| {
                let (country, raw) = match code.strip_prefix("BE-") {
                    Some(rest) => (Country::Be, rest.to_owned()),
                    None => (Country::Fr, code.clone()),
                };
                let name = match level {
                    CoverageLevel::Commune => t.commune(&code).map(|c| c.name.clone()),
                    CoverageLevel::Epci => t.epci(country, &raw).map(|e| e.name.clone()),
                    CoverageLevel::Departement => {
                        t.departement(country, &raw).map(|d| d.name.clone())
                    }
                };
                (level, code.clone(), name.unwrap_or(code))
            })
            .collect();
        let launch = match circle.status {
            CircleStatus::Planned | CircleStatus::Launching => {
                Some(self.launch_of(circle.id).await?)
            }
            _ => None,
        };
        Ok(CircleOffice {
            coordinators: self.store.coordinators_of(circle.id).await?,
            circle,
            territory,
            launch,
        })
    }

    /// Moves a circle along its life cycle; becoming active records the inauguration.
    pub async fn set_circle_status(
        &self,
        actor: Uuid,
        circle: &Circle,
        status: &str,
    ) -> Result<(), AppError> {
        let next =
            CircleStatus::parse(status).map_err(|_| invalid("status", "error-unknown-choice"))?;
        if !circle.status.can_become(next) {
            return Err(invalid("status", "error-status-transition"));
        }
        let inaugurated = (next == CircleStatus::Active && circle.inaugurated_on.is_none())
            .then(|| self.now().date_naive());
        let mut tx = self.store.begin().await?;
        tx.set_circle_status(circle.id, next.as_str(), inaugurated)
            .await?;
        tx.audit(Some(actor), "circle_status", Some(circle.id), next.as_str())
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Adds to a circle's territory the commune picked, or its intercommunality or
    /// département (`level`).
    pub async fn extend_circle_territory(
        &self,
        circle: &Circle,
        level: &str,
        commune: &str,
        typed: &str,
    ) -> Result<(), AppError> {
        let level = CoverageLevel::parse(level).ok_or(invalid("level", "error-unknown-choice"))?;
        let commune = resolve_picked(commune, typed).ok_or(invalid("commune", "error-commune"))?;
        let code = match level {
            CoverageLevel::Commune => commune.key(),
            CoverageLevel::Epci => commune.country.key(
                commune
                    .epci
                    .as_deref()
                    .ok_or(invalid("level", "error-no-epci"))?,
            ),
            CoverageLevel::Departement => commune.country.key(&commune.departement),
        };
        let mut tx = self.store.begin().await?;
        tx.add_circle_territory(circle.id, level, &code).await?;
        attach_orphan_events(&mut tx, circle.id).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records the circle's next edition.
    pub async fn add_edition(
        &self,
        circle: &Circle,
        date: &str,
        venue: &str,
        new_mentors: &str,
    ) -> Result<i64, AppError> {
        let held_on = NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d")
            .map_err(|_| invalid("date", "error-date"))?;
        // Past editions are recorded when a circle that already met joins the platform,
        // so the bound below is the network's first year, not the circle's record; above,
        // five years ahead.
        let today = self.now().date_naive();
        if held_on < EDITIONS_SINCE || held_on > today + chrono::Months::new(60) {
            return Err(invalid("date", "error-edition-date"));
        }
        let new_mentors = match new_mentors.trim() {
            "" => 0,
            n => n
                .parse::<i64>()
                .ok()
                .filter(|n| (0..=1_000).contains(n))
                .ok_or(invalid("new_mentors", "error-number"))?,
        };
        let mut tx = self.store.begin().await?;
        let number = tx.next_edition_number(circle.id).await?;
        tx.insert_edition_if_absent(&NewEdition {
            id: Uuid::new_v4(),
            circle_id: circle.id,
            number,
            held_on,
            venue: venue.trim().chars().take(200).collect(),
            new_mentors,
        })
        .await?;
        tx.commit().await?;
        Ok(number)
    }

    /// Names an existing account coordinator of a circle (audited).
    pub async fn grant_coordinator(
        &self,
        actor: Uuid,
        circle: &Circle,
        email: &str,
    ) -> Result<(), AppError> {
        let role = RoleGrant::coordinator(circle.id);
        self.grant_role_by_email(actor, email, &role, &format!("coordinator:{}", circle.slug))
            .await
    }

    /// Gives `role` to the existing account of `email`, audited with `detail`.
    async fn grant_role_by_email(
        &self,
        actor: Uuid,
        email: &str,
        role: &RoleGrant,
        detail: &str,
    ) -> Result<(), AppError> {
        let email = Email::parse(email).map_err(|e| invalid("email", e.key()))?;
        let account = self
            .store
            .account_by_email(&email)
            .await?
            .ok_or(invalid("email", "error-no-account"))?;
        let mut tx = self.store.begin().await?;
        tx.grant_role(account.id, role).await?;
        tx.audit(Some(actor), "role_granted", Some(account.id), detail)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn revoke_coordinator(
        &self,
        actor: Uuid,
        circle: &Circle,
        user_id: Uuid,
    ) -> Result<(), AppError> {
        let mut tx = self.store.begin().await?;
        if !tx.revoke_coordinator(user_id, circle.id).await? {
            return Err(AppError::NotFound);
        }
        tx.audit(
            Some(actor),
            "role_revoked",
            Some(user_id),
            &format!("coordinator:{}", circle.slug),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Schedules an event; a conference comes with the standard format unless changed.
    pub async fn create_event(&self, actor: Uuid, form: &EventForm) -> Result<Uuid, AppError> {
        let kind =
            EventKind::parse(&form.kind).map_err(|_| invalid("kind", "error-unknown-choice"))?;
        let title = match form.title.trim() {
            "" if kind == EventKind::Conference => Event::CONFERENCE_TITLE.to_owned(),
            // An edition needs no title: pages name it in their reader's language.
            "" if kind == EventKind::Edition => String::new(),
            "" => return Err(invalid("title", "error-empty")),
            t => t.chars().take(200).collect(),
        };
        let description = form.description.trim().chars().take(4_000).collect();
        let commune = resolve_picked(&form.commune, &form.commune_query)
            .ok_or(invalid("commune", "error-commune"))?;
        let (starts_at, zone) = event_start(commune, &form.date, &form.time, self.now())?;
        let duration = match form.duration.trim() {
            "" => Event::CONFERENCE_MINUTES,
            d => d
                .parse::<i64>()
                .ok()
                .filter(|n| (15..=24 * 60).contains(n))
                .ok_or(invalid("duration", "error-number"))?,
        };
        let capacity = event_capacity(&form.capacity)?;
        let circle_id = self.event_circle(&form.circle, commune).await?;
        let venue = form.venue.trim();
        if venue.is_empty() {
            return Err(invalid("venue", "error-empty"));
        }
        let event = Event {
            id: Uuid::new_v4(),
            circle_id,
            partner_id: None,
            kind,
            status: EventStatus::Scheduled,
            title,
            description,
            starts_at,
            time_zone: zone,
            duration_minutes: duration,
            venue: venue.chars().take(200).collect(),
            address: form.address.trim().chars().take(300).collect(),
            commune_code: commune.key(),
            capacity,
        };
        let mut tx = self.store.begin().await?;
        // A conference always belongs to a circle: where none covers the town yet, the
        // town's circle is created, planned.
        let circle_id = match (event.circle_id, kind) {
            (None, EventKind::Conference) => {
                Some(self.planned_circle_for(&mut tx, commune, actor).await?.id)
            }
            (circle_id, _) => circle_id,
        };
        tx.insert_event_if_absent(&Event { circle_id, ..event })
            .await?;
        tx.commit().await?;
        Ok(event.id)
    }

    /// Cancels an event and tells everyone registered.
    pub async fn cancel_event(&self, actor: Uuid, event: &Event) -> Result<usize, AppError> {
        let registrations = self.store.registrations_of(event.id).await?;
        let mut tx = self.store.begin().await?;
        if !tx.cancel_event(event.id).await? {
            return Err(invalid("event", "error-event-closed"));
        }
        let mut told = 0;
        for r in registrations
            .iter()
            .filter(|r| r.status != mentorat_store::RegistrationStatus::Cancelled)
        {
            let mail = Mail::Event {
                kind: EventMail::EventCancelled,
                name: r.first_name.clone(),
                event: crate::email::EventFacts {
                    title: event.title.clone(),
                    starts_at: event.local_start(),
                    venue: event.venue.clone(),
                },
                link: None,
            };
            self.queue_mail(&mut tx, &r.email, r.locale, &mail).await?;
            told += 1;
        }
        tx.audit(Some(actor), "event_cancelled", Some(event.id), "")
            .await?;
        tx.commit().await?;
        self.mail_queued();
        Ok(told)
    }
}

/// A partner association's page: its profile and members.
#[derive(Debug, Clone)]
pub struct PartnerOffice {
    pub partner: mentorat_store::Partner,
    pub members: Vec<Member>,
}

impl App {
    pub async fn partner_office(&self, slug: &str) -> Result<PartnerOffice, AppError> {
        let partner = self
            .store
            .partner_by_slug(slug)
            .await?
            .ok_or(AppError::NotFound)?;
        Ok(PartnerOffice {
            members: self.store.partner_members(partner.id).await?,
            partner,
        })
    }

    /// Makes an existing account a member of a partner association (audited).
    pub async fn grant_partner_member(
        &self,
        actor: Uuid,
        partner: &mentorat_store::Partner,
        email: &str,
    ) -> Result<(), AppError> {
        let role = RoleGrant::partner(partner.id);
        self.grant_role_by_email(actor, email, &role, &format!("partner:{}", partner.slug))
            .await
    }
}

/// No edition of a circle is older than this (the network's mentoring began after it).
const EDITIONS_SINCE: NaiveDate = NaiveDate::from_ymd_opt(2000, 1, 1).expect("a date");

/// The start of an event as a form gives it: a day and a time in the town's own time zone
/// (Brussels in Belgium, Paris elsewhere), which must be after `now`.
pub(crate) fn event_start(
    commune: &Commune,
    date: &str,
    time: &str,
    now: DateTime<Utc>,
) -> Result<(DateTime<Utc>, TimeZone), AppError> {
    let date = NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d")
        .map_err(|_| invalid("date", "error-date"))?;
    let time = NaiveTime::parse_from_str(time.trim(), "%H:%M")
        .map_err(|_| invalid("time", "error-date"))?;
    let zone = if commune.country == Country::Be {
        TimeZone::Brussels
    } else {
        TimeZone::Paris
    };
    let starts_at = zone
        .tz()
        .from_local_datetime(&date.and_time(time))
        .earliest()
        .ok_or(invalid("date", "error-date"))?
        .with_timezone(&Utc);
    if starts_at <= now {
        return Err(invalid("date", "error-date"));
    }
    if starts_at > now + chrono::Months::new(36) {
        return Err(invalid("date", "error-event-too-far"));
    }
    Ok((starts_at, zone))
}

/// The seats of an event as a form gives them (1 to 5,000).
pub(crate) fn event_capacity(raw: &str) -> Result<i64, AppError> {
    raw.trim()
        .parse::<i64>()
        .ok()
        .filter(|n| (1..=5_000).contains(n))
        .ok_or(invalid("capacity", "error-capacity"))
}

impl App {
    /// The circle an event belongs to: the one a form names by its slug, else the one
    /// covering the event's town (if any).
    pub(crate) async fn event_circle(
        &self,
        slug: &str,
        commune: &Commune,
    ) -> Result<Option<Uuid>, AppError> {
        Ok(match slug.trim() {
            "" => self.circle_for_commune(commune).await?.map(|c| c.id),
            slug => Some(self.circle_page(slug).await?.summary.circle.id),
        })
    }
}

impl App {
    /// A page of a circle's mentors, whatever their vetting (the oldest application
    /// first), and how many it has.
    pub async fn circle_mentor_page(
        &self,
        circle_id: Uuid,
        offset: u64,
        limit: u64,
    ) -> Result<(Vec<mentorat_store::MentorLine>, i64), AppError> {
        let circles = [circle_id];
        let all = mentorat_domain::mentoring::Vetting::ALL;
        Ok((
            self.store
                .mentors_queue(&circles, &all, offset, limit)
                .await?,
            self.store.people_count("mentors", &circles).await?,
        ))
    }

    /// A page of a circle's projects, whatever their status (the oldest first), and
    /// how many it has.
    pub async fn circle_project_page(
        &self,
        circle_id: Uuid,
        offset: u64,
        limit: u64,
    ) -> Result<(Vec<mentorat_store::ProjectLine>, i64), AppError> {
        let circles = [circle_id];
        let all = mentorat_domain::ProjectStatus::ALL;
        Ok((
            self.store
                .projects_queue(&circles, &all, offset, limit)
                .await?,
            self.store.people_count("projects", &circles).await?,
        ))
    }
}

/// Inside `tx`: inserts `circle` (false when its address name is taken), covering its
/// town's intercommunality (or the town alone), audited, and gives it the events held
/// there that had no circle.
async fn insert_circle(
    tx: &mut mentorat_store::Tx,
    circle: &Circle,
    commune: &Commune,
    actor: Uuid,
) -> Result<bool, AppError> {
    if !tx.insert_circle_if_absent(circle).await? {
        return Ok(false);
    }
    match &commune.epci {
        Some(epci) => {
            tx.add_circle_territory(circle.id, CoverageLevel::Epci, &commune.country.key(epci))
                .await?
        }
        None => {
            tx.add_circle_territory(circle.id, CoverageLevel::Commune, &commune.key())
                .await?
        }
    }
    tx.audit(
        Some(actor),
        "circle_created",
        Some(circle.id),
        circle.slug.as_str(),
    )
    .await?;
    attach_orphan_events(tx, circle.id).await?;
    Ok(true)
}

/// Inside `tx`: the events without a circle held in what `circle_id` now covers become
/// its own (a conference already attached stays with its circle), and their host
/// associations its partners. Returns how many moved.
pub(crate) async fn attach_orphan_events(
    tx: &mut mentorat_store::Tx,
    circle_id: Uuid,
) -> Result<u64, AppError> {
    let covered = tx.territory_of(circle_id).await?;
    let t = territories();
    let mut ids = Vec::new();
    let mut hosts = Vec::new();
    for (id, commune_code, partner) in tx.events_without_circle().await? {
        let Some(commune) = t.commune(&commune_code) else {
            continue;
        };
        let inside = mentorat_domain::territory::coverage_keys(commune)
            .iter()
            .any(|(level, code)| {
                code.as_ref()
                    .is_some_and(|code| covered.iter().any(|(l, c)| l == level && c == code))
            });
        if inside {
            ids.push(id);
            hosts.extend(partner);
        }
    }
    for partner in hosts {
        tx.link_circle_partner(circle_id, partner).await?;
    }
    Ok(tx.attach_events(&ids, circle_id).await?)
}

pub use mentorat_store::LaunchDates;

/// A launching circle and when each step of its launch happened.
pub struct Launch {
    pub circle: Circle,
    pub dates: mentorat_store::LaunchDates,
}

impl App {
    /// The circles being launched (planned or launching), a page of them by name, each
    /// with its launch's steps, and how many there are: seven queries.
    pub async fn launches(&self, offset: u64, limit: u64) -> Result<(Vec<Launch>, i64), AppError> {
        let (circles, total) = self
            .store
            .circles_in_status(
                &[CircleStatus::Planned, CircleStatus::Launching],
                offset,
                limit,
            )
            .await?;
        let ids: Vec<Uuid> = circles.iter().map(|c| c.id).collect();
        let mut dates = self.store.launch_dates(&ids).await?;
        Ok((
            circles
                .into_iter()
                .map(|circle| Launch {
                    dates: dates.remove(&circle.id).unwrap_or_default(),
                    circle,
                })
                .collect(),
            total,
        ))
    }

    /// One circle's launch steps.
    pub async fn launch_of(
        &self,
        circle_id: Uuid,
    ) -> Result<mentorat_store::LaunchDates, AppError> {
        Ok(self
            .store
            .launch_dates(&[circle_id])
            .await?
            .remove(&circle_id)
            .unwrap_or_default())
    }
}
