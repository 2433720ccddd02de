//! What visitors send to the national team: requests to host a conference (turned into
//! a scheduled conference in one step) and contact messages, both acknowledged by
//! e-mail and announced to the national team.

use crate::email::Mail;
use crate::invalid;
use crate::security::Limited;
use crate::{App, AppError};
use mentorat_domain::{ContactStatus, Email, Event, EventKind, EventStatus, HostingStatus};
use mentorat_store::{ContactMessage, HostingRequest, NewHostingRequest};
use uuid::Uuid;

pub use mentorat_store::{ContactMessage as Message, HostingRequest as Request};

pub const CONTACT_CATEGORIES: &[&str] = &["join", "circle", "press", "support", "other"];

fn text(raw: &str, field: &'static str, max: usize, required: bool) -> Result<String, AppError> {
    let value = raw.trim();
    if required && value.is_empty() {
        return Err(invalid(field, "error-empty"));
    }
    if value.chars().count() > max {
        return Err(invalid(field, "error-too-long"));
    }
    Ok(value.to_owned())
}

#[derive(Debug, Clone, Default)]
pub struct HostingForm {
    pub association: String,
    /// The commune key chosen in the picker (hidden field, or a choice).
    pub commune: String,
    /// What was typed in the picker (used when no key came with it).
    pub commune_query: String,
    pub contact_name: String,
    pub email: String,
    pub phone: String,
    pub expected_audience: String,
    pub preferred_dates: String,
    pub message: String,
    /// The partner association asking from its space (the web layer checked that the
    /// person is one of its members).
    pub partner: Option<Uuid>,
}

#[derive(Debug, Clone, Default)]
pub struct ScheduleForm {
    pub date: String,
    pub time: String,
    pub venue: String,
    pub address: String,
    pub capacity: String,
    pub circle: String,
}

impl App {
    /// Tells the coordinators of a circle (the national team when there is none) that
    /// something arrived in their inbox at `path`; `what` is the i18n key naming it, said
    /// in each one's language.
    pub(crate) async fn tell_coordinators(
        &self,
        tx: &mut mentorat_store::Tx,
        circle_id: Option<Uuid>,
        what: &str,
        path: &str,
    ) -> Result<(), AppError> {
        // Each in the language they chose.
        for (email, locale) in self.coordinators_to_tell(tx, circle_id).await? {
            let tr = crate::i18n::Tr {
                locale,
                i18n: &self.i18n,
            };
            let mail = Mail::NewInInbox {
                what: tr.t(what),
                link: self.link(path),
            };
            self.queue_mail(tx, &email, locale, &mail).await?;
        }
        Ok(())
    }

    pub async fn request_hosting(
        &self,
        form: &HostingForm,
        locale: mentorat_domain::Locale,
        client: &crate::auth::Client,
    ) -> Result<(), AppError> {
        self.rate_limit(Limited::Address("hosting", client.ip))
            .await?;
        let association = text(&form.association, "association", 200, true)?;
        let commune = crate::territories::resolve_picked(&form.commune, &form.commune_query)
            .ok_or(invalid("commune", "error-commune"))?;
        let contact_name = text(&form.contact_name, "contact_name", 200, true)?;
        let email = Email::parse(&form.email).map_err(|e| invalid("email", e.key()))?;
        let audience = match form.expected_audience.trim() {
            "" => 0,
            n => n
                .parse::<i64>()
                .ok()
                .filter(|n| (1..=10_000).contains(n))
                .ok_or(invalid("expected_audience", "error-audience"))?,
        };
        let request = NewHostingRequest {
            association,
            commune_code: commune.key(),
            contact_name: contact_name.clone(),
            email: email.as_str().to_owned(),
            phone: text(&form.phone, "phone", 25, false)?,
            expected_audience: audience,
            preferred_dates: text(&form.preferred_dates, "preferred_dates", 500, false)?,
            message: text(&form.message, "message", 4_000, false)?,
            locale: locale.code().to_owned(),
            partner_id: form.partner,
        };
        let mut tx = self.store.begin().await?;
        tx.insert_hosting_request(&request).await?;
        self.queue_mail(
            &mut tx,
            email.as_str(),
            locale,
            &Mail::HostingReceived { name: contact_name },
        )
        .await?;
        self.tell_coordinators(&mut tx, None, "inbox-what-hosting", "/admin/demandes")
            .await?;
        tx.commit().await?;
        self.mail_queued();
        Ok(())
    }

    pub async fn hosting_requests(
        &self,
        offset: u64,
        limit: u64,
    ) -> Result<(Vec<HostingRequest>, i64), AppError> {
        Ok(self.store.hosting_requests(offset, limit).await?)
    }

    pub async fn hosting_request(&self, id: Uuid) -> Result<HostingRequest, AppError> {
        self.store
            .hosting_request(id)
            .await?
            .ok_or(AppError::NotFound)
    }

    pub async fn mark_hosting_answered(&self, id: Uuid) -> Result<(), AppError> {
        let mut tx = self.store.begin().await?;
        tx.set_hosting_status(id, HostingStatus::Answered, None)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Turns a request into a conference with the standard format, hosted by the
    /// requesting association's town, in the given circle (if any).
    pub async fn schedule_conference(
        &self,
        actor: Uuid,
        request_id: Uuid,
        form: &ScheduleForm,
    ) -> Result<Uuid, AppError> {
        let request = self.hosting_request(request_id).await?;
        let commune = crate::territories::territories()
            .commune(&request.commune_code)
            .ok_or(invalid("commune", "error-commune"))?;
        let (starts_at, zone) =
            crate::circles_admin::event_start(commune, &form.date, &form.time, self.now())?;
        let capacity = crate::circles_admin::event_capacity(&form.capacity)?;
        let circle_id = self.event_circle(&form.circle, commune).await?;
        let event = Event {
            id: Uuid::new_v4(),
            circle_id,
            partner_id: None,
            kind: EventKind::Conference,
            status: EventStatus::Scheduled,
            title: Event::CONFERENCE_TITLE.to_owned(),
            // The usual programme, in each reader's language (`App::agenda`).
            description: String::new(),
            starts_at,
            time_zone: zone,
            duration_minutes: Event::CONFERENCE_MINUTES,
            venue: text(&form.venue, "venue", 200, true)?,
            address: text(&form.address, "address", 300, false)?,
            commune_code: commune.key(),
            capacity,
        };
        // The requesting association becomes a partner (or is found again by name) and
        // hosts the conference; the national team then names its members.
        let slug = mentorat_domain::Slug::from_name(&request.association)
            .map_err(|e| invalid("association", e.key()))?;
        // A partner that asked from its space hosts it; else the association is found
        // again by name, or becomes a partner.
        let existing = match request.partner_id {
            Some(id) => self.store.partner(id).await?,
            None => self.store.partner_by_slug(slug.as_str()).await?,
        };
        // The host hears in the language it wrote in, at the address it gave (or, for
        // an association already known, the one the national team keeps for it).
        let (host_email, host_locale) = match &existing {
            Some(p) if !p.contact_email.is_empty() => (p.contact_email.clone(), p.locale.clone()),
            _ => (request.email.clone(), request.locale.clone()),
        };
        let mut tx = self.store.begin().await?;
        let partner_id = match existing {
            Some(p) => p.id,
            None => {
                let id = Uuid::new_v4();
                tx.insert_partner_if_absent(&mentorat_store::NewPartner {
                    id,
                    slug: slug.to_string(),
                    name: request.association.clone(),
                    commune_code: request.commune_code.clone(),
                    contact_email: request.email.clone(),
                    description: String::new(),
                    locale: request.locale.clone(),
                })
                .await?;
                id
            }
        };
        // A conference always belongs to a circle: where none covers the town yet, the
        // town's circle is created, planned.
        let circle_id = match circle_id {
            Some(id) => id,
            None => self.planned_circle_for(&mut tx, commune, actor).await?.id,
        };
        tx.link_circle_partner(circle_id, partner_id).await?;
        tx.insert_event_if_absent(&Event {
            circle_id: Some(circle_id),
            partner_id: Some(partner_id),
            ..event.clone()
        })
        .await?;
        tx.set_hosting_status(request_id, HostingStatus::Scheduled, Some(event.id))
            .await?;
        let mail = crate::email::Mail::Host {
            step: crate::email::HostStep::Scheduled,
            name: request.association.clone(),
            event: self.facts(&event),
            link: self.event_url(event.id),
        };
        let locale = mentorat_domain::Locale::parse(&host_locale).unwrap_or_default();
        self.queue_mail(&mut tx, &host_email, locale, &mail).await?;
        tx.commit().await?;
        self.mail_queued();
        Ok(event.id)
    }

    pub async fn send_contact_message(
        &self,
        category: &str,
        name: &str,
        email: &str,
        message: &str,
        locale: mentorat_domain::Locale,
        client: &crate::auth::Client,
    ) -> Result<(), AppError> {
        self.rate_limit(Limited::Address("contact", client.ip))
            .await?;
        if !CONTACT_CATEGORIES.contains(&category) {
            return Err(invalid("category", "error-unknown-choice"));
        }
        let name = text(name, "name", 200, true)?;
        let email = Email::parse(email).map_err(|e| invalid("email", e.key()))?;
        let message = text(message, "message", 5_000, true)?;
        let mut tx = self.store.begin().await?;
        tx.insert_contact_message(category, &name, email.as_str(), &message)
            .await?;
        self.queue_mail(
            &mut tx,
            email.as_str(),
            locale,
            &Mail::ContactReceived { name },
        )
        .await?;
        self.tell_coordinators(&mut tx, None, "inbox-what-contact", "/admin/messages")
            .await?;
        tx.commit().await?;
        self.mail_queued();
        Ok(())
    }

    pub async fn contact_messages(
        &self,
        status: Option<&str>,
        offset: u64,
        limit: u64,
    ) -> Result<(Vec<ContactMessage>, i64), AppError> {
        let status = status.and_then(|s| ContactStatus::parse(s).ok());
        Ok(self.store.contact_messages(status, offset, limit).await?)
    }

    pub async fn set_message_status(&self, id: Uuid, status: &str) -> Result<(), AppError> {
        let status =
            ContactStatus::parse(status).map_err(|_| invalid("status", "error-unknown-choice"))?;
        let mut tx = self.store.begin().await?;
        if !tx.set_contact_status(id, status).await? {
            return Err(AppError::NotFound);
        }
        tx.commit().await?;
        Ok(())
    }
}

/// A partner association as its members see it in their space: its requests to host a
/// conference, the latest first.
pub struct PartnerDesk {
    pub partner: mentorat_store::Partner,
    pub requests: Vec<HostingRequest>,
}

impl App {
    /// The desks of these partner associations (two queries).
    pub async fn partner_desks(&self, partners: &[Uuid]) -> Result<Vec<PartnerDesk>, AppError> {
        let mut requests = self.store.hosting_requests_of(partners, 50).await?;
        Ok(self
            .store
            .partners_by_ids(partners)
            .await?
            .into_iter()
            .map(|partner| {
                let (theirs, rest) = requests
                    .drain(..)
                    .partition(|r| r.partner_id == Some(partner.id));
                requests = rest;
                PartnerDesk {
                    partner,
                    requests: theirs,
                }
            })
            .collect())
    }

    pub async fn partner_by_slug(
        &self,
        slug: &str,
    ) -> Result<Option<mentorat_store::Partner>, AppError> {
        Ok(self.store.partner_by_slug(slug).await?)
    }
}
