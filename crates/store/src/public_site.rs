//! Requests to host a conference, the contact inbox, the network's targets and the
//! figures of the national dashboard.

use crate::db::{self, Count};
use crate::{Result, Store, Tx};
use chrono::{DateTime, NaiveDate, Utc};
use sea_query::{Expr, ExprTrait, OnConflict, Order, Query};
use uuid::Uuid;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct HostingRequest {
    pub id: Uuid,
    pub association: String,
    pub commune_code: String,
    pub contact_name: String,
    pub email: String,
    pub phone: String,
    pub expected_audience: i64,
    pub preferred_dates: String,
    pub message: String,
    #[sqlx(try_from = "String")]
    pub status: mentorat_domain::HostingStatus,
    pub event_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    /// The language the association wrote in (`fr`, `en`).
    pub locale: String,
    /// The partner association that asked from its space.
    pub partner_id: Option<Uuid>,
}

const HOSTING_COLUMNS: [&str; 14] = [
    "id",
    "association",
    "commune_code",
    "contact_name",
    "email",
    "phone",
    "expected_audience",
    "preferred_dates",
    "message",
    "status",
    "event_id",
    "created_at",
    "locale",
    "partner_id",
];

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ContactMessage {
    pub id: Uuid,
    pub category: String,
    pub name: String,
    pub email: String,
    pub message: String,
    #[sqlx(try_from = "String")]
    pub status: mentorat_domain::ContactStatus,
    pub created_at: DateTime<Utc>,
}

const CONTACT_COLUMNS: [&str; 7] = [
    "id",
    "category",
    "name",
    "email",
    "message",
    "status",
    "created_at",
];

/// One circle's funnel: conference attendees → mentor applications → approved mentors.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Funnel {
    pub circle_id: Uuid,
    pub name: String,
    pub attendees: i64,
    pub applications: i64,
    pub approved: i64,
}

impl Store {
    /// The latest requests to host a conference made by these partner associations.
    pub async fn hosting_requests_of(
        &self,
        partners: &[Uuid],
        limit: u64,
    ) -> Result<Vec<HostingRequest>> {
        if partners.is_empty() {
            return Ok(Vec::new());
        }
        let q = Query::select()
            .columns(HOSTING_COLUMNS)
            .from("hosting_requests")
            .and_where(Expr::col("partner_id").is_in(partners.iter().copied()))
            .order_by("created_at", Order::Desc)
            .limit(limit)
            .to_owned();
        db::fetch_all(&mut &*self, &q).await
    }
}

impl Store {
    pub async fn hosting_requests(
        &self,
        offset: u64,
        limit: u64,
    ) -> Result<(Vec<HostingRequest>, i64)> {
        let page = Query::select()
            .columns(HOSTING_COLUMNS)
            .from("hosting_requests")
            .order_by("created_at", Order::Desc)
            .offset(offset)
            .limit(limit)
            .to_owned();
        let count = Query::select()
            .expr_as(db::count_rows(), "n")
            .from("hosting_requests")
            .to_owned();
        Ok((
            db::fetch_all(&mut &*self, &page).await?,
            db::fetch_one::<Count>(&mut &*self, &count).await?.n,
        ))
    }

    pub async fn hosting_request(&self, id: Uuid) -> Result<Option<HostingRequest>> {
        let q = Query::select()
            .columns(HOSTING_COLUMNS)
            .from("hosting_requests")
            .and_where(Expr::col("id").eq(id))
            .to_owned();
        db::fetch_optional(&mut &*self, &q).await
    }

    pub async fn contact_messages(
        &self,
        status: Option<mentorat_domain::ContactStatus>,
        offset: u64,
        limit: u64,
    ) -> Result<(Vec<ContactMessage>, i64)> {
        let mut page = Query::select();
        page.columns(CONTACT_COLUMNS)
            .from("contact_messages")
            .order_by("created_at", Order::Desc)
            .offset(offset)
            .limit(limit);
        let mut count = Query::select();
        count
            .expr_as(db::count_rows(), "n")
            .from("contact_messages");
        if let Some(status) = status {
            page.and_where(Expr::col("status").eq(status.as_str()));
            count.and_where(Expr::col("status").eq(status.as_str()));
        }
        Ok((
            db::fetch_all(&mut &*self, &page).await?,
            db::fetch_one::<Count>(&mut &*self, &count).await?.n,
        ))
    }

    /// The targets of `year`, if set.
    pub async fn targets(&self, year: i64) -> Result<Option<(i64, i64)>> {
        #[derive(sqlx::FromRow)]
        struct T {
            mentors: i64,
            circles: i64,
        }
        let q = Query::select()
            .columns(["mentors", "circles"])
            .from("targets")
            .and_where(Expr::col("year").eq(year))
            .to_owned();
        Ok(db::fetch_optional::<T>(&mut &*self, &q)
            .await?
            .map(|t| (t.mentors, t.circles)))
    }

    /// Approval dates of approved mentors since `since` (the chart groups them by month).
    pub async fn approvals_since(&self, since: DateTime<Utc>) -> Result<Vec<DateTime<Utc>>> {
        #[derive(sqlx::FromRow)]
        struct A {
            approved_at: DateTime<Utc>,
        }
        let q = Query::select()
            .column("approved_at")
            .from("mentors")
            .and_where(Expr::col("status").eq("approved"))
            .and_where(Expr::col("approved_at").gte(since))
            .to_owned();
        Ok(db::fetch_all::<A>(&mut &*self, &q)
            .await?
            .into_iter()
            .map(|a| a.approved_at)
            .collect())
    }

    pub async fn approved_before(&self, at: DateTime<Utc>) -> Result<i64> {
        let q = Query::select()
            .expr_as(db::count_rows(), "n")
            .from("mentors")
            .and_where(Expr::col("status").eq("approved"))
            .and_where(Expr::col("approved_at").lt(at))
            .to_owned();
        Ok(db::fetch_one::<Count>(&mut &*self, &q).await?.n)
    }

    /// The funnel of every circle, by name.
    pub async fn funnels(&self) -> Result<Vec<Funnel>> {
        let attendees = Query::select()
            .expr(db::count_rows())
            .from("registrations")
            .inner_join(
                "events",
                Expr::col(("events", "id")).equals(("registrations", "event_id")),
            )
            .and_where(Expr::col(("events", "circle_id")).equals(("circles", "id")))
            .and_where(Expr::col(("events", "kind")).eq("conference"))
            .and_where(Expr::col(("registrations", "attended_at")).is_not_null())
            .to_owned();
        let applications = Query::select()
            .expr(db::count_rows())
            .from("mentors")
            .and_where(Expr::col(("mentors", "circle_id")).equals(("circles", "id")))
            .to_owned();
        let approved = Query::select()
            .expr(db::count_rows())
            .from("mentors")
            .and_where(Expr::col(("mentors", "circle_id")).equals(("circles", "id")))
            .and_where(Expr::col(("mentors", "status")).eq("approved"))
            .to_owned();
        let q = Query::select()
            .expr_as(Expr::col(("circles", "id")), "circle_id")
            .expr_as(Expr::col(("circles", "name")), "name")
            .expr_as(
                Expr::SubQuery(None, Box::new(attendees.into())),
                "attendees",
            )
            .expr_as(
                Expr::SubQuery(None, Box::new(applications.into())),
                "applications",
            )
            .expr_as(Expr::SubQuery(None, Box::new(approved.into())), "approved")
            .from("circles")
            .order_by(("circles", "name"), Order::Asc)
            .to_owned();
        db::fetch_all(&mut &*self, &q).await
    }
}

/// A request to host a conference, as submitted.
#[derive(Debug, Clone)]
pub struct NewHostingRequest {
    pub association: String,
    pub commune_code: String,
    pub contact_name: String,
    pub email: String,
    pub phone: String,
    pub expected_audience: i64,
    pub preferred_dates: String,
    pub message: String,
    pub locale: String,
    pub partner_id: Option<Uuid>,
}

impl Tx {
    pub async fn insert_hosting_request(&mut self, r: &NewHostingRequest) -> Result<Uuid> {
        let id = Uuid::new_v4();
        let q = Query::insert()
            .into_table("hosting_requests")
            .columns([
                "id",
                "association",
                "commune_code",
                "contact_name",
                "email",
                "phone",
                "expected_audience",
                "preferred_dates",
                "message",
                "created_at",
                "locale",
                "partner_id",
            ])
            .values_panic([
                id.into(),
                r.association.as_str().into(),
                r.commune_code.as_str().into(),
                r.contact_name.as_str().into(),
                r.email.as_str().into(),
                r.phone.as_str().into(),
                r.expected_audience.into(),
                r.preferred_dates.as_str().into(),
                r.message.as_str().into(),
                crate::now().into(),
                r.locale.as_str().into(),
                r.partner_id.into(),
            ])
            .to_owned();
        db::execute(self, &q).await?;
        Ok(id)
    }

    pub async fn hosting_request_count(&mut self) -> Result<i64> {
        let q = Query::select()
            .expr_as(db::count_rows(), "n")
            .from("hosting_requests")
            .to_owned();
        Ok(db::fetch_one::<Count>(self, &q).await?.n)
    }

    pub async fn set_hosting_status(
        &mut self,
        id: Uuid,
        status: mentorat_domain::HostingStatus,
        event_id: Option<Uuid>,
    ) -> Result<()> {
        use mentorat_domain::HostingStatus;
        let closed = matches!(status, HostingStatus::Scheduled | HostingStatus::Declined);
        let mut q = Query::update();
        q.table("hosting_requests")
            .value("status", status.as_str())
            // The retention period counts from the closing.
            .value("closed_at", closed.then(Utc::now))
            .and_where(Expr::col("id").eq(id));
        if let Some(event_id) = event_id {
            q.value("event_id", event_id);
        }
        db::execute(self, &q).await?;
        Ok(())
    }

    pub async fn insert_contact_message(
        &mut self,
        category: &str,
        name: &str,
        email: &str,
        message: &str,
    ) -> Result<Uuid> {
        let id = Uuid::new_v4();
        let q = Query::insert()
            .into_table("contact_messages")
            .columns(["id", "category", "name", "email", "message", "created_at"])
            .values_panic([
                id.into(),
                category.into(),
                name.into(),
                email.into(),
                message.into(),
                crate::now().into(),
            ])
            .to_owned();
        db::execute(self, &q).await?;
        Ok(id)
    }

    pub async fn set_contact_status(
        &mut self,
        id: Uuid,
        status: mentorat_domain::ContactStatus,
    ) -> Result<bool> {
        let closed = status == mentorat_domain::ContactStatus::Done;
        let q = Query::update()
            .table("contact_messages")
            .value("status", status.as_str())
            // The retention period counts from the closing.
            .value("closed_at", closed.then(Utc::now))
            .and_where(Expr::col("id").eq(id))
            .to_owned();
        Ok(db::execute(self, &q).await? == 1)
    }

    pub async fn set_targets(&mut self, year: i64, mentors: i64, circles: i64) -> Result<()> {
        let q = Query::insert()
            .into_table("targets")
            .columns(["year", "mentors", "circles"])
            .values_panic([year.into(), mentors.into(), circles.into()])
            .on_conflict(
                OnConflict::column("year")
                    .update_columns(["mentors", "circles"])
                    .to_owned(),
            )
            .to_owned();
        db::execute(self, &q).await?;
        Ok(())
    }

    /// Backdates a mentor's approval (demo history, imports).
    pub async fn set_approved_at(&mut self, user_id: Uuid, at: DateTime<Utc>) -> Result<()> {
        let q = Query::update()
            .table("mentors")
            .value("approved_at", at)
            .and_where(Expr::col("user_id").eq(user_id))
            .to_owned();
        db::execute(self, &q).await?;
        Ok(())
    }

    pub async fn set_circle_status(
        &mut self,
        circle_id: Uuid,
        status: &str,
        inaugurated_on: Option<NaiveDate>,
    ) -> Result<()> {
        let mut q = Query::update();
        q.table("circles")
            .value("status", status)
            .and_where(Expr::col("id").eq(circle_id));
        if let Some(day) = inaugurated_on {
            q.value("inaugurated_on", day);
        }
        db::execute(self, &q).await?;
        Ok(())
    }
}
