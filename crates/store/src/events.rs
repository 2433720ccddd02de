//! Events: conferences, circle editions and other gatherings.

use crate::db;
use crate::{Result, Store, StoreError, Tx};
use chrono::{DateTime, Utc};
use mentorat_domain::policy::EventScope;
use mentorat_domain::{Event, EventKind, EventStatus, TimeZone};
use sea_query::{Expr, ExprTrait, OnConflict, Order, Query};
use uuid::Uuid;

/// An event to create (the domain [`Event`] carries everything it needs).
pub type NewEvent = Event;

#[derive(sqlx::FromRow)]
struct EventRow {
    id: Uuid,
    circle_id: Option<Uuid>,
    partner_id: Option<Uuid>,
    kind: String,
    status: String,
    title: String,
    description: String,
    starts_at: DateTime<Utc>,
    time_zone: String,
    duration_minutes: i64,
    venue: String,
    address: String,
    commune_code: String,
    capacity: i64,
}

impl EventRow {
    fn into_event(self) -> Result<Event> {
        let corrupt = |what: &str| StoreError::Corrupt(format!("{what} of event {}", self.id));
        Ok(Event {
            id: self.id,
            circle_id: self.circle_id,
            partner_id: self.partner_id,
            kind: EventKind::parse(&self.kind).map_err(|_| corrupt("kind"))?,
            status: EventStatus::parse(&self.status).map_err(|_| corrupt("status"))?,
            time_zone: TimeZone::parse(&self.time_zone).map_err(|_| corrupt("time zone"))?,
            title: self.title,
            description: self.description,
            starts_at: self.starts_at,
            duration_minutes: self.duration_minutes,
            venue: self.venue,
            address: self.address,
            commune_code: self.commune_code,
            capacity: self.capacity,
        })
    }
}

const EVENT_COLUMNS: [&str; 14] = [
    "id",
    "circle_id",
    "partner_id",
    "kind",
    "status",
    "title",
    "description",
    "starts_at",
    "time_zone",
    "duration_minutes",
    "venue",
    "address",
    "commune_code",
    "capacity",
];

impl Store {
    /// Scheduled events starting after `now`, soonest first; only those of one
    /// circle when `circle_id` is given.
    pub async fn upcoming_events(
        &self,
        now: DateTime<Utc>,
        circle_id: Option<Uuid>,
        limit: u64,
    ) -> Result<Vec<Event>> {
        self.upcoming_events_of(now, circle_id.as_slice(), limit)
            .await
    }

    /// Scheduled events (of one circle, or all) starting after `now`, soonest first,
    /// `limit` after the event `after` (its start and id: the API's pages).
    pub async fn upcoming_events_after(
        &self,
        now: DateTime<Utc>,
        circle_id: Option<Uuid>,
        after: Option<(DateTime<Utc>, Uuid)>,
        limit: u64,
    ) -> Result<Vec<Event>> {
        let mut query = upcoming(now, limit);
        if let Some(circle) = circle_id {
            query.and_where(Expr::col("circle_id").eq(circle));
        }
        if let Some((at, id)) = after {
            query.cond_where(
                sea_query::Cond::any()
                    .add(Expr::col("starts_at").gt(at))
                    .add(
                        sea_query::Cond::all()
                            .add(Expr::col("starts_at").eq(at))
                            .add(Expr::col("id").gt(id)),
                    ),
            );
        }
        db::fetch_all::<EventRow>(&mut &*self, &query)
            .await?
            .into_iter()
            .map(EventRow::into_event)
            .collect()
    }

    /// Scheduled events of these circles (of all for none) starting after `now`,
    /// soonest first.
    pub async fn upcoming_events_of(
        &self,
        now: DateTime<Utc>,
        circles: &[Uuid],
        limit: u64,
    ) -> Result<Vec<Event>> {
        let mut query = upcoming(now, limit);
        if !circles.is_empty() {
            query.and_where(Expr::col("circle_id").is_in(circles.iter().copied()));
        }
        db::fetch_all::<EventRow>(&mut &*self, &query)
            .await?
            .into_iter()
            .map(EventRow::into_event)
            .collect()
    }
}

/// Scheduled events starting after `now`, soonest first, `limit` of them.
fn upcoming(now: DateTime<Utc>, limit: u64) -> sea_query::SelectStatement {
    Query::select()
        .columns(EVENT_COLUMNS)
        .from("events")
        .and_where(Expr::col("starts_at").gt(now))
        .and_where(Expr::col("status").eq(EventStatus::Scheduled.as_str()))
        .order_by("starts_at", Order::Asc)
        .order_by("id", Order::Asc)
        .limit(limit)
        .to_owned()
}

async fn event(exec: &mut impl db::Exec, id: Uuid) -> Result<Option<Event>> {
    let query = Query::select()
        .columns(EVENT_COLUMNS)
        .from("events")
        .and_where(Expr::col("id").eq(id))
        .to_owned();
    db::fetch_optional::<EventRow>(exec, &query)
        .await?
        .map(EventRow::into_event)
        .transpose()
}

impl Store {
    pub async fn event(&self, id: Uuid) -> Result<Option<Event>> {
        event(&mut &*self, id).await
    }

    /// Every event starting after `since` (cancelled ones included, for calendar feeds),
    /// soonest first; only one circle's when given.
    pub async fn events_since(
        &self,
        since: DateTime<Utc>,
        circle_id: Option<Uuid>,
    ) -> Result<Vec<Event>> {
        let mut query = Query::select();
        query
            .columns(EVENT_COLUMNS)
            .from("events")
            .and_where(Expr::col("starts_at").gt(since))
            .order_by("starts_at", Order::Asc);
        if let Some(circle_id) = circle_id {
            query.and_where(Expr::col("circle_id").eq(circle_id));
        }
        db::fetch_all::<EventRow>(&mut &*self, &query)
            .await?
            .into_iter()
            .map(EventRow::into_event)
            .collect()
    }

    /// The events of `scope` to come (soonest first) or past (latest first), a page of
    /// them, and how many there are in all.
    pub async fn organised_events(
        &self,
        scope: &EventScope,
        now: DateTime<Utc>,
        upcoming: bool,
        offset: u64,
        limit: u64,
    ) -> Result<(Vec<Event>, i64)> {
        let mut filter = Query::select();
        filter.from("events");
        if upcoming {
            filter.and_where(Expr::col("starts_at").gt(now));
        } else {
            filter.and_where(Expr::col("starts_at").lte(now));
        }
        if let EventScope::Some { circles, partners } = scope {
            if circles.is_empty() && partners.is_empty() {
                return Ok((Vec::new(), 0));
            }
            filter.and_where(
                Expr::col("circle_id")
                    .is_in(circles.iter().copied())
                    .or(Expr::col("partner_id").is_in(partners.iter().copied())),
            );
        }
        let count = filter.clone().expr_as(db::count_rows(), "n").to_owned();
        let total = db::fetch_one::<db::Count>(&mut &*self, &count).await?.n;
        let page = filter
            .columns(EVENT_COLUMNS)
            .order_by("starts_at", if upcoming { Order::Asc } else { Order::Desc })
            .order_by("id", Order::Asc)
            .limit(limit)
            .offset(offset)
            .to_owned();
        let events = db::fetch_all::<EventRow>(&mut &*self, &page)
            .await?
            .into_iter()
            .map(EventRow::into_event)
            .collect::<Result<Vec<_>>>()?;
        Ok((events, total))
    }
}

/// The messages a conference's host gets from the sweeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HostMailStep {
    /// A week before, with the registrations.
    WeekBefore,
    /// After it, with who came and who applied.
    After,
}

impl HostMailStep {
    fn column(self) -> &'static str {
        match self {
            HostMailStep::WeekBefore => "host_week_mail_at",
            HostMailStep::After => "host_after_mail_at",
        }
    }
}

impl Store {
    /// Scheduled events with a host starting in `[from, to)` whose host has not had
    /// `step`'s message yet.
    pub async fn events_due_host_mail(
        &self,
        step: HostMailStep,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<Event>> {
        let q = Query::select()
            .columns(EVENT_COLUMNS)
            .from("events")
            .and_where(Expr::col("starts_at").gte(from))
            .and_where(Expr::col("starts_at").lt(to))
            .and_where(Expr::col("status").eq(EventStatus::Scheduled.as_str()))
            .and_where(Expr::col("partner_id").is_not_null())
            .and_where(Expr::col(step.column()).is_null())
            .order_by("starts_at", Order::Asc)
            .to_owned();
        db::fetch_all::<EventRow>(&mut &*self, &q)
            .await?
            .into_iter()
            .map(EventRow::into_event)
            .collect()
    }

    /// How many of those who came to an event have applied as mentors since (their
    /// registration's address is their account's).
    pub async fn attendees_who_applied(&self, event_id: Uuid) -> Result<i64> {
        let q = Query::select()
            .expr_as(db::count_rows(), "n")
            .from("registrations")
            .inner_join(
                "users",
                Expr::col(("users", "email_folded")).equals(("registrations", "email_folded")),
            )
            .inner_join(
                "mentors",
                Expr::col(("mentors", "user_id")).equals(("users", "id")),
            )
            .and_where(Expr::col(("registrations", "event_id")).eq(event_id))
            .and_where(Expr::col(("registrations", "attended_at")).is_not_null())
            .to_owned();
        Ok(db::fetch_one::<db::Count>(&mut &*self, &q).await?.n)
    }
}

impl Tx {
    /// Marks `step`'s message to the host of `event_id` sent; false when it already was
    /// (another instance's sweep).
    pub async fn mark_host_mail(
        &mut self,
        event_id: Uuid,
        step: HostMailStep,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let q = Query::update()
            .table("events")
            .value(step.column(), now)
            .and_where(Expr::col("id").eq(event_id))
            .and_where(Expr::col(step.column()).is_null())
            .to_owned();
        Ok(db::execute(self, &q).await? == 1)
    }

    /// The conferences and other events that belong to no circle yet, as (id, commune,
    /// host partner).
    pub async fn events_without_circle(&mut self) -> Result<Vec<(Uuid, String, Option<Uuid>)>> {
        #[derive(sqlx::FromRow)]
        struct Row {
            id: Uuid,
            commune_code: String,
            partner_id: Option<Uuid>,
        }
        let q = Query::select()
            .columns(["id", "commune_code", "partner_id"])
            .from("events")
            .and_where(Expr::col("circle_id").is_null())
            .to_owned();
        Ok(db::fetch_all::<Row>(self, &q)
            .await?
            .into_iter()
            .map(|r| (r.id, r.commune_code, r.partner_id))
            .collect())
    }

    /// Gives these events (still without a circle) to `circle_id`; how many moved.
    pub async fn attach_events(&mut self, ids: &[Uuid], circle_id: Uuid) -> Result<u64> {
        if ids.is_empty() {
            return Ok(0);
        }
        let q = Query::update()
            .table("events")
            .value("circle_id", circle_id)
            .and_where(Expr::col("id").is_in(ids.iter().copied()))
            .and_where(Expr::col("circle_id").is_null())
            .to_owned();
        db::execute(self, &q).await
    }

    /// [`Store::event`], inside the transaction.
    pub async fn event(&mut self, id: Uuid) -> Result<Option<Event>> {
        event(self, id).await
    }

    pub async fn insert_event_if_absent(&mut self, event: &NewEvent) -> Result<bool> {
        let query = Query::insert()
            .into_table("events")
            .columns(EVENT_COLUMNS.into_iter().chain(["created_at"]))
            .values_panic([
                event.id.into(),
                event.circle_id.into(),
                event.partner_id.into(),
                event.kind.as_str().into(),
                event.status.as_str().into(),
                event.title.as_str().into(),
                event.description.as_str().into(),
                event.starts_at.into(),
                event.time_zone.as_str().into(),
                event.duration_minutes.into(),
                event.venue.as_str().into(),
                event.address.as_str().into(),
                event.commune_code.as_str().into(),
                event.capacity.into(),
                crate::now().into(),
            ])
            .on_conflict(OnConflict::new().do_nothing().to_owned())
            .to_owned();
        let inserted = db::execute(self, &query).await? == 1;
        // Its host gets its share code with it.
        if inserted && let Some(host) = event.partner_id {
            self.add_event_partner(event.id, host, "host").await?;
        }
        Ok(inserted)
    }
}

impl Tx {
    /// Marks an event cancelled (it stays in the feeds, as cancelled).
    pub async fn cancel_event(&mut self, id: Uuid) -> Result<bool> {
        let query = Query::update()
            .table("events")
            .value("status", EventStatus::Cancelled.as_str())
            .and_where(Expr::col("id").eq(id))
            .and_where(Expr::col("status").eq(EventStatus::Scheduled.as_str()))
            .to_owned();
        Ok(db::execute(self, &query).await? == 1)
    }
}
