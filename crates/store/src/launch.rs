//! When each step of a circle's launch first happened, read from the data (nothing is
//! ticked by hand): six grouped queries for any number of circles.

use crate::circles::{CIRCLE_COLUMNS, CircleRow};
use crate::db;
use crate::{Result, Store};
use chrono::{DateTime, NaiveDate, Utc};
use mentorat_domain::{Circle, CircleStatus};
use sea_query::{Expr, ExprTrait, Func, Order, Query, SelectStatement};
use std::collections::HashMap;
use uuid::Uuid;

/// The first time each step of a circle's launch happened.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LaunchDates {
    /// An association hosts one of its conferences.
    pub host: Option<DateTime<Utc>>,
    /// A conference was scheduled.
    pub conference: Option<DateTime<Utc>>,
    pub registered: Option<DateTime<Utc>>,
    pub attended: Option<DateTime<Utc>>,
    pub invited: Option<DateTime<Utc>>,
    /// A mentor applied.
    pub applied: Option<DateTime<Utc>>,
    pub approved: Option<DateTime<Utc>>,
    pub coordinator: Option<DateTime<Utc>>,
    pub first_edition: Option<NaiveDate>,
}

#[derive(sqlx::FromRow)]
struct Firsts {
    circle_id: Uuid,
    a: Option<DateTime<Utc>>,
    #[sqlx(default)]
    b: Option<DateTime<Utc>>,
    #[sqlx(default)]
    c: Option<DateTime<Utc>>,
}

#[derive(sqlx::FromRow)]
struct FirstDay {
    circle_id: Uuid,
    a: Option<NaiveDate>,
}

/// `SELECT circle_column AS circle_id, MIN(x) AS a, MIN(y) AS b, MIN(z) AS c … GROUP BY`.
fn firsts(
    circle_column: (&'static str, &'static str),
    mins: [Option<(&'static str, &'static str)>; 3],
    circles: &[Uuid],
) -> SelectStatement {
    let mut q = Query::select();
    q.expr_as(Expr::col(circle_column), "circle_id");
    for (alias, column) in ["a", "b", "c"].into_iter().zip(mins) {
        if let Some(col) = column {
            q.expr_as(Func::min(Expr::col(col)), alias);
        }
    }
    q.and_where(Expr::col(circle_column).is_in(circles.iter().copied()))
        .group_by_col(circle_column);
    q
}

impl Store {
    /// The circles in these statuses, by name, a page of them and how many in all.
    pub async fn circles_in_status(
        &self,
        statuses: &[CircleStatus],
        offset: u64,
        limit: u64,
    ) -> Result<(Vec<Circle>, i64)> {
        let filter = Expr::col("status").is_in(statuses.iter().map(|s| s.as_str()));
        let count = Query::select()
            .expr_as(db::count_rows(), "n")
            .from("circles")
            .and_where(filter.clone())
            .to_owned();
        let total = db::fetch_one::<db::Count>(&mut &*self, &count).await?.n;
        let page = Query::select()
            .columns(CIRCLE_COLUMNS)
            .from("circles")
            .and_where(filter)
            .order_by("name", Order::Asc)
            .order_by("id", Order::Asc)
            .limit(limit)
            .offset(offset)
            .to_owned();
        let circles = db::fetch_all::<CircleRow>(&mut &*self, &page)
            .await?
            .into_iter()
            .map(CircleRow::into_circle)
            .collect::<Result<Vec<_>>>()?;
        Ok((circles, total))
    }

    /// Each circle's launch steps, by circle.
    pub async fn launch_dates(&self, circles: &[Uuid]) -> Result<HashMap<Uuid, LaunchDates>> {
        let mut out: HashMap<Uuid, LaunchDates> = circles
            .iter()
            .map(|c| (*c, LaunchDates::default()))
            .collect();
        if circles.is_empty() {
            return Ok(out);
        }
        let conference = Expr::col(("events", "kind")).eq("conference");
        // Conferences scheduled, and their hosts.
        let mut q = firsts(
            ("events", "circle_id"),
            [
                Some(("events", "created_at")),
                Some(("event_partners", "created_at")),
                None,
            ],
            circles,
        );
        q.from("events")
            .left_join(
                "event_partners",
                Expr::col(("event_partners", "event_id")).equals(("events", "id")),
            )
            .and_where(conference.clone());
        for r in db::fetch_all::<Firsts>(&mut &*self, &q).await? {
            let d = out.entry(r.circle_id).or_default();
            d.conference = r.a;
            d.host = r.b;
        }
        // Registrations, attendance, invitations.
        let mut q = firsts(
            ("events", "circle_id"),
            [
                Some(("registrations", "created_at")),
                Some(("registrations", "attended_at")),
                Some(("registrations", "invited_at")),
            ],
            circles,
        );
        q.from("registrations").inner_join(
            "events",
            Expr::col(("events", "id")).equals(("registrations", "event_id")),
        );
        for r in db::fetch_all::<Firsts>(&mut &*self, &q).await? {
            let d = out.entry(r.circle_id).or_default();
            (d.registered, d.attended, d.invited) = (r.a, r.b, r.c);
        }
        // Applications and approvals.
        let mut q = firsts(
            ("mentors", "circle_id"),
            [
                Some(("mentors", "created_at")),
                Some(("mentors", "approved_at")),
                None,
            ],
            circles,
        );
        q.from("mentors");
        for r in db::fetch_all::<Firsts>(&mut &*self, &q).await? {
            let d = out.entry(r.circle_id).or_default();
            (d.applied, d.approved) = (r.a, r.b);
        }
        // Coordinators named.
        let mut q = firsts(
            ("role_grants", "circle_id"),
            [Some(("role_grants", "created_at")), None, None],
            circles,
        );
        q.from("role_grants")
            .and_where(Expr::col(("role_grants", "role")).eq("coordinator"));
        for r in db::fetch_all::<Firsts>(&mut &*self, &q).await? {
            out.entry(r.circle_id).or_default().coordinator = r.a;
        }
        // The first edition held.
        let q = Query::select()
            .expr_as(Expr::col(("circle_editions", "circle_id")), "circle_id")
            .expr_as(Func::min(Expr::col(("circle_editions", "held_on"))), "a")
            .from("circle_editions")
            .and_where(Expr::col(("circle_editions", "circle_id")).is_in(circles.iter().copied()))
            .group_by_col(("circle_editions", "circle_id"))
            .to_owned();
        for r in db::fetch_all::<FirstDay>(&mut &*self, &q).await? {
            out.entry(r.circle_id).or_default().first_edition = r.a;
        }
        Ok(out)
    }
}
