//! Registrations to events: seats taken with one conditional UPDATE (exact under
//! concurrency), a waitlist promoted in order, cancellation links, attendance,
//! reminders and invitations.

use crate::db::{self, Count};
use crate::{Result, Store, StoreError, Tx};
use chrono::{DateTime, Utc};
use mentorat_domain::{Email, Locale};
use sea_query::{Expr, ExprTrait, Order, Query};
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegistrationStatus {
    Confirmed,
    Waitlisted,
    Cancelled,
}

impl RegistrationStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RegistrationStatus::Confirmed => "confirmed",
            RegistrationStatus::Waitlisted => "waitlisted",
            RegistrationStatus::Cancelled => "cancelled",
        }
    }

    fn parse(raw: &str) -> Result<RegistrationStatus> {
        match raw {
            "confirmed" => Ok(RegistrationStatus::Confirmed),
            "waitlisted" => Ok(RegistrationStatus::Waitlisted),
            "cancelled" => Ok(RegistrationStatus::Cancelled),
            other => Err(StoreError::Corrupt(format!("registration status {other}"))),
        }
    }
}

#[derive(Debug, Clone)]
pub struct NewRegistration {
    pub id: Uuid,
    pub event_id: Uuid,
    pub first_name: String,
    pub last_name: String,
    pub email: Email,
    pub phone: String,
    pub heard_from: String,
    pub consent_contact: bool,
    pub locale: Locale,
    pub cancel_hash: String,
    /// The association whose share link brought the person, if any.
    pub partner_id: Option<Uuid>,
}

#[derive(Debug, Clone)]
pub struct Registration {
    pub id: Uuid,
    pub event_id: Uuid,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
    pub heard_from: String,
    pub consent_contact: bool,
    pub locale: Locale,
    pub status: RegistrationStatus,
    pub attended: bool,
    pub created_at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: Uuid,
    event_id: Uuid,
    first_name: String,
    last_name: String,
    email: String,
    phone: String,
    heard_from: String,
    consent_contact: bool,
    locale: String,
    status: String,
    attended_at: Option<DateTime<Utc>>,
    created_at: DateTime<Utc>,
}

impl Row {
    fn into_registration(self) -> Result<Registration> {
        Ok(Registration {
            status: RegistrationStatus::parse(&self.status)?,
            id: self.id,
            event_id: self.event_id,
            first_name: self.first_name,
            last_name: self.last_name,
            email: self.email,
            phone: self.phone,
            heard_from: self.heard_from,
            consent_contact: self.consent_contact,
            locale: Locale::parse(&self.locale).unwrap_or_default(),
            attended: self.attended_at.is_some(),
            created_at: self.created_at,
        })
    }
}

const COLUMNS: [&str; 12] = [
    "id",
    "event_id",
    "first_name",
    "last_name",
    "email",
    "phone",
    "heard_from",
    "consent_contact",
    "locale",
    "status",
    "attended_at",
    "created_at",
];

/// What a registration attempt gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seat {
    Confirmed,
    Waitlisted,
    /// The address is already registered to this event (not cancelled).
    AlreadyRegistered,
}

/// A cancellation and, when it freed a seat, the registration promoted into it.
#[derive(Debug, Clone)]
pub struct Cancellation {
    pub cancelled: Registration,
    pub promoted: Option<Registration>,
}

/// Counts of an event's registrations.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Attendance {
    pub confirmed: i64,
    pub waitlisted: i64,
    pub attended: i64,
}

fn all_rows(v: Vec<Row>) -> Result<Vec<Registration>> {
    v.into_iter().map(Row::into_registration).collect()
}

impl Store {
    /// The registrations of an event: confirmed, then waitlisted (in order), then
    /// cancelled; by name within each.
    pub async fn registrations_of(&self, event_id: Uuid) -> Result<Vec<Registration>> {
        self.registrations_page_of(event_id, 0, u64::MAX).await
    }

    /// A page of an event's registrations: confirmed, then waiting, then cancelled, each
    /// in the order they came.
    pub async fn registrations_page_of(
        &self,
        event_id: Uuid,
        offset: u64,
        limit: u64,
    ) -> Result<Vec<Registration>> {
        let mut query = Query::select()
            .columns(COLUMNS)
            .from("registrations")
            .and_where(Expr::col("event_id").eq(event_id))
            .order_by_expr(
                Expr::case(Expr::col("status").eq("confirmed"), 0)
                    .case(Expr::col("status").eq("waitlisted"), 1)
                    .finally(2)
                    .into(),
                Order::Asc,
            )
            .order_by("created_at", Order::Asc)
            .order_by("id", Order::Asc)
            .to_owned();
        if limit != u64::MAX {
            query.limit(limit).offset(offset);
        }
        all_rows(db::fetch_all(&mut &*self, &query).await?)
    }

    /// An event's registrations by id, `limit` after `after` (the API's pages).
    pub async fn registrations_after(
        &self,
        event_id: Uuid,
        after: Option<Uuid>,
        limit: u64,
    ) -> Result<Vec<Registration>> {
        let mut query = Query::select()
            .columns(COLUMNS)
            .from("registrations")
            .and_where(Expr::col("event_id").eq(event_id))
            .order_by("id", Order::Asc)
            .limit(limit)
            .to_owned();
        if let Some(after) = after {
            query.and_where(Expr::col("id").gt(after));
        }
        all_rows(db::fetch_all(&mut &*self, &query).await?)
    }

    /// How many registrations an event has, whatever their status.
    pub async fn registrations_count(&self, event_id: Uuid) -> Result<i64> {
        let q = Query::select()
            .expr_as(db::count_rows(), "n")
            .from("registrations")
            .and_where(Expr::col("event_id").eq(event_id))
            .to_owned();
        Ok(db::fetch_one::<Count>(&mut &*self, &q).await?.n)
    }

    pub async fn attendance(&self, event_id: Uuid) -> Result<Attendance> {
        let count = |status: Option<&str>, attended: bool| {
            let mut q = Query::select();
            q.expr_as(db::count_rows(), "n")
                .from("registrations")
                .and_where(Expr::col("event_id").eq(event_id));
            if let Some(s) = status {
                q.and_where(Expr::col("status").eq(s));
            }
            if attended {
                q.and_where(Expr::col("attended_at").is_not_null());
            }
            q.to_owned()
        };
        Ok(Attendance {
            confirmed: db::fetch_one::<Count>(&mut &*self, &count(Some("confirmed"), false))
                .await?
                .n,
            waitlisted: db::fetch_one::<Count>(&mut &*self, &count(Some("waitlisted"), false))
                .await?
                .n,
            attended: db::fetch_one::<Count>(&mut &*self, &count(None, true))
                .await?
                .n,
        })
    }

    pub async fn registration_by_cancel_hash(
        &self,
        cancel_hash: &str,
    ) -> Result<Option<Registration>> {
        let query = Query::select()
            .columns(COLUMNS)
            .from("registrations")
            .and_where(Expr::col("cancel_hash").eq(cancel_hash))
            .to_owned();
        db::fetch_optional::<Row>(&mut &*self, &query)
            .await?
            .map(Row::into_registration)
            .transpose()
    }

    /// Confirmed registrations of events starting between `from` and `to` that have not
    /// been reminded yet.
    pub async fn registrations_to_remind(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<Registration>> {
        let query = Query::select()
            .columns(COLUMNS.map(|c| ("registrations", c)))
            .from("registrations")
            .inner_join(
                "events",
                Expr::col(("events", "id")).equals(("registrations", "event_id")),
            )
            .and_where(Expr::col(("registrations", "status")).eq("confirmed"))
            .and_where(Expr::col(("registrations", "reminded_at")).is_null())
            .and_where(Expr::col(("events", "status")).eq("scheduled"))
            .and_where(Expr::col(("events", "starts_at")).gt(from))
            .and_where(Expr::col(("events", "starts_at")).lte(to))
            .to_owned();
        all_rows(db::fetch_all(&mut &*self, &query).await?)
    }
}

impl Tx {
    /// Takes a seat if one is free (and the event is scheduled); `false` when full.
    async fn take_seat(&mut self, event_id: Uuid) -> Result<bool> {
        let query = Query::update()
            .table("events")
            .value("confirmed", Expr::col("confirmed").add(1))
            .and_where(Expr::col("id").eq(event_id))
            .and_where(Expr::col("status").eq("scheduled"))
            .and_where(Expr::col("confirmed").lt(Expr::col("capacity")))
            .to_owned();
        Ok(db::execute(self, &query).await? == 1)
    }

    async fn free_seat(&mut self, event_id: Uuid) -> Result<()> {
        let query = Query::update()
            .table("events")
            .value("confirmed", Expr::col("confirmed").sub(1))
            .and_where(Expr::col("id").eq(event_id))
            .and_where(Expr::col("confirmed").gt(0))
            .to_owned();
        db::execute(self, &query).await?;
        Ok(())
    }

    /// Registers to an event: a seat if one is free, else the waitlist.
    pub async fn register(&mut self, r: &NewRegistration, now: DateTime<Utc>) -> Result<Seat> {
        #[derive(sqlx::FromRow)]
        struct Existing {
            id: Uuid,
            status: String,
        }
        let existing = Query::select()
            .columns(["id", "status"])
            .from("registrations")
            .and_where(Expr::col("event_id").eq(r.event_id))
            .and_where(Expr::col("email_folded").eq(r.email.folded()))
            .to_owned();
        let existing: Option<Existing> = db::fetch_optional(self, &existing).await?;
        if existing.as_ref().is_some_and(|e| e.status != "cancelled") {
            return Ok(Seat::AlreadyRegistered);
        }
        let seat = if self.take_seat(r.event_id).await? {
            Seat::Confirmed
        } else {
            Seat::Waitlisted
        };
        let status = if seat == Seat::Confirmed {
            RegistrationStatus::Confirmed
        } else {
            RegistrationStatus::Waitlisted
        };
        if let Some(old) = existing {
            // Registering again after cancelling: the same row comes back to life,
            // at the end of the queue.
            let query = Query::update()
                .table("registrations")
                .values([
                    ("first_name", r.first_name.as_str().into()),
                    ("last_name", r.last_name.as_str().into()),
                    ("phone", r.phone.as_str().into()),
                    ("heard_from", r.heard_from.as_str().into()),
                    ("consent_contact", r.consent_contact.into()),
                    ("locale", r.locale.code().into()),
                    ("status", status.as_str().into()),
                    ("cancel_hash", r.cancel_hash.as_str().into()),
                    ("created_at", now.into()),
                    ("cancelled_at", Option::<DateTime<Utc>>::None.into()),
                    ("partner_id", r.partner_id.into()),
                ])
                .and_where(Expr::col("id").eq(old.id))
                .to_owned();
            db::execute(self, &query).await?;
            return Ok(seat);
        }
        let query = Query::insert()
            .into_table("registrations")
            .columns([
                "id",
                "event_id",
                "first_name",
                "last_name",
                "email",
                "email_folded",
                "phone",
                "heard_from",
                "consent_contact",
                "locale",
                "status",
                "cancel_hash",
                "created_at",
                "partner_id",
            ])
            .values_panic([
                r.id.into(),
                r.event_id.into(),
                r.first_name.as_str().into(),
                r.last_name.as_str().into(),
                r.email.as_str().into(),
                r.email.folded().into(),
                r.phone.as_str().into(),
                r.heard_from.as_str().into(),
                r.consent_contact.into(),
                r.locale.code().into(),
                status.as_str().into(),
                r.cancel_hash.as_str().into(),
                now.into(),
                r.partner_id.into(),
            ])
            .to_owned();
        match db::execute(self, &query).await {
            Ok(_) => Ok(seat),
            Err(StoreError::Conflict { .. }) => Ok(Seat::AlreadyRegistered),
            Err(e) => Err(e),
        }
    }

    /// Cancels from a cancellation link; a freed seat goes to the first of the waitlist.
    pub async fn cancel_registration(
        &mut self,
        cancel_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<Cancellation>> {
        let select = Query::select()
            .columns(COLUMNS)
            .from("registrations")
            .and_where(Expr::col("cancel_hash").eq(cancel_hash))
            .and_where(Expr::col("status").ne("cancelled"))
            .to_owned();
        let Some(row) = db::fetch_optional::<Row>(self, &select).await? else {
            return Ok(None);
        };
        let registration = row.into_registration()?;
        let update = Query::update()
            .table("registrations")
            .value("status", "cancelled")
            .value("cancelled_at", now)
            .and_where(Expr::col("id").eq(registration.id))
            .and_where(Expr::col("status").ne("cancelled"))
            .to_owned();
        if db::execute(self, &update).await? == 0 {
            return Ok(None);
        }
        let mut promoted = None;
        if registration.status == RegistrationStatus::Confirmed {
            self.free_seat(registration.event_id).await?;
            promoted = self.promote_first(registration.event_id).await?;
        }
        let mut cancelled = registration;
        cancelled.status = RegistrationStatus::Cancelled;
        Ok(Some(Cancellation {
            cancelled,
            promoted,
        }))
    }

    /// Moves the first of the waitlist into a free seat, if both exist.
    pub async fn promote_first(&mut self, event_id: Uuid) -> Result<Option<Registration>> {
        let first = Query::select()
            .columns(COLUMNS)
            .from("registrations")
            .and_where(Expr::col("event_id").eq(event_id))
            .and_where(Expr::col("status").eq("waitlisted"))
            .order_by("created_at", Order::Asc)
            .order_by("id", Order::Asc)
            .limit(1)
            .to_owned();
        let Some(row) = db::fetch_optional::<Row>(self, &first).await? else {
            return Ok(None);
        };
        if !self.take_seat(event_id).await? {
            return Ok(None);
        }
        let mut registration = row.into_registration()?;
        let update = Query::update()
            .table("registrations")
            .value("status", "confirmed")
            .and_where(Expr::col("id").eq(registration.id))
            .to_owned();
        db::execute(self, &update).await?;
        registration.status = RegistrationStatus::Confirmed;
        Ok(Some(registration))
    }

    /// Replaces the secret of a registration's cancellation link.
    pub async fn set_cancel_hash(
        &mut self,
        registration_id: Uuid,
        cancel_hash: &str,
    ) -> Result<()> {
        let q = Query::update()
            .table("registrations")
            .value("cancel_hash", cancel_hash)
            .and_where(Expr::col("id").eq(registration_id))
            .to_owned();
        db::execute(self, &q).await?;
        Ok(())
    }

    /// Records (or clears) attendance at check-in.
    pub async fn set_attended(
        &mut self,
        event_id: Uuid,
        registration_id: Uuid,
        attended: bool,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let query = Query::update()
            .table("registrations")
            .value("attended_at", if attended { Some(now) } else { None })
            .and_where(Expr::col("id").eq(registration_id))
            .and_where(Expr::col("event_id").eq(event_id))
            .and_where(Expr::col("status").ne("cancelled"))
            .to_owned();
        Ok(db::execute(self, &query).await? == 1)
    }

    pub async fn mark_reminded(
        &mut self,
        registration_id: Uuid,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let query = Query::update()
            .table("registrations")
            .value("reminded_at", now)
            .and_where(Expr::col("id").eq(registration_id))
            .and_where(Expr::col("reminded_at").is_null())
            .to_owned();
        Ok(db::execute(self, &query).await? == 1)
    }

    /// Marks the consenting attendees of an event as invited to apply, and returns
    /// those not invited before.
    pub async fn invite_attendees(
        &mut self,
        event_id: Uuid,
        now: DateTime<Utc>,
    ) -> Result<Vec<Registration>> {
        let select = Query::select()
            .columns(COLUMNS)
            .from("registrations")
            .and_where(Expr::col("event_id").eq(event_id))
            .and_where(Expr::col("attended_at").is_not_null())
            .and_where(Expr::col("consent_contact").eq(true))
            .and_where(Expr::col("invited_at").is_null())
            .order_by("created_at", Order::Asc)
            .to_owned();
        let invited = all_rows(db::fetch_all(self, &select).await?)?;
        for r in &invited {
            let update = Query::update()
                .table("registrations")
                .value("invited_at", now)
                .and_where(Expr::col("id").eq(r.id))
                .to_owned();
            db::execute(self, &update).await?;
        }
        Ok(invited)
    }

    /// Keeps the SHA-256 of an invitation's secret on its registration.
    pub async fn set_invite_hash(&mut self, registration_id: Uuid, hash: &str) -> Result<()> {
        let q = Query::update()
            .table("registrations")
            .value("invite_hash", hash)
            .and_where(Expr::col("id").eq(registration_id))
            .to_owned();
        db::execute(self, &q).await?;
        Ok(())
    }

    /// Uses an invitation: the event it was for, once; `None` when it is unknown or
    /// was used already.
    pub async fn use_invite(&mut self, hash: &str, now: DateTime<Utc>) -> Result<Option<Uuid>> {
        #[derive(sqlx::FromRow)]
        struct Row {
            event_id: Uuid,
        }
        let q = Query::update()
            .table("registrations")
            .value("invite_used_at", now)
            .and_where(Expr::col("invite_hash").eq(hash))
            .and_where(Expr::col("invite_used_at").is_null())
            .returning(Query::returning().column("event_id"))
            .to_owned();
        Ok(db::fetch_optional::<Row>(self, &q)
            .await?
            .map(|r| r.event_id))
    }
}

impl Store {
    /// The registration an unused invitation was sent for.
    pub async fn registration_by_invite(&self, hash: &str) -> Result<Option<Registration>> {
        let q = Query::select()
            .columns(COLUMNS)
            .from("registrations")
            .and_where(Expr::col("invite_hash").eq(hash))
            .and_where(Expr::col("invite_used_at").is_null())
            .to_owned();
        Ok(all_rows(db::fetch_all(&mut &*self, &q).await?)?
            .into_iter()
            .next())
    }
}
