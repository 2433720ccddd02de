//! The associations around an event: its host and its relays, each with a share code
//! that attributes the registrations it brings.

use crate::db;
use crate::{Result, Store, Tx};
use chrono::{DateTime, Utc};
use sea_query::{Expr, ExprTrait, Func, OnConflict, Order, Query};
use uuid::Uuid;

/// An association's link to one event, with what it brought.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PartnerLink {
    pub event_id: Uuid,
    pub title: String,
    pub starts_at: DateTime<Utc>,
    pub partner_id: Uuid,
    pub partner_name: String,
    /// `host` or `relay`.
    pub role: String,
    pub code: String,
    /// Registrations through this link, not cancelled.
    #[sqlx(default)]
    pub registered: i64,
    /// Of those, who came.
    #[sqlx(default)]
    pub attended: i64,
    /// Of those, who applied as mentors from the conference's invitation.
    #[sqlx(default)]
    pub applied: i64,
}

/// A conference's funnel: from registration to the first mentorship of those it brought.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, sqlx::FromRow)]
pub struct EventFunnel {
    /// Registrations not cancelled.
    pub registered: i64,
    pub attended: i64,
    pub invited: i64,
    /// Applications that came from its invitations.
    pub applied: i64,
    pub approved: i64,
    /// Of the approved, those who have begun a mentorship.
    pub mentoring: i64,
}

/// A fresh share code: 12 hexadecimal digits (attribution, not a secret).
fn new_code() -> String {
    Uuid::new_v4().simple().to_string()[..12].to_owned()
}

impl Store {
    /// The partner whose share code `code` is, for this event.
    pub async fn partner_of_code(&self, event_id: Uuid, code: &str) -> Result<Option<Uuid>> {
        #[derive(sqlx::FromRow)]
        struct Row {
            partner_id: Uuid,
        }
        let q = Query::select()
            .column("partner_id")
            .from("event_partners")
            .and_where(Expr::col("event_id").eq(event_id))
            .and_where(Expr::col("code").eq(code))
            .to_owned();
        Ok(db::fetch_optional::<Row>(&mut &*self, &q)
            .await?
            .map(|r| r.partner_id))
    }

    /// The links of these events (`events`) or of these partners (`partners`), the
    /// latest events first, at most `limit`, each with its counts: two queries.
    pub async fn partner_links(
        &self,
        events: &[Uuid],
        partners: &[Uuid],
        limit: u64,
    ) -> Result<Vec<PartnerLink>> {
        if events.is_empty() && partners.is_empty() {
            return Ok(Vec::new());
        }
        let mut q = Query::select();
        q.columns([
            ("event_partners", "event_id"),
            ("event_partners", "partner_id"),
            ("event_partners", "role"),
            ("event_partners", "code"),
        ])
        .columns([("events", "title"), ("events", "starts_at")])
        .expr_as(Expr::col(("partners", "name")), "partner_name")
        .from("event_partners")
        .inner_join(
            "events",
            Expr::col(("events", "id")).equals(("event_partners", "event_id")),
        )
        .inner_join(
            "partners",
            Expr::col(("partners", "id")).equals(("event_partners", "partner_id")),
        )
        .order_by(("events", "starts_at"), Order::Desc)
        .order_by(("event_partners", "role"), Order::Asc)
        .order_by(("partners", "name"), Order::Asc)
        .limit(limit);
        if !events.is_empty() {
            q.and_where(Expr::col(("event_partners", "event_id")).is_in(events.iter().copied()));
        }
        if !partners.is_empty() {
            q.and_where(
                Expr::col(("event_partners", "partner_id")).is_in(partners.iter().copied()),
            );
        }
        let mut links: Vec<PartnerLink> = db::fetch_all(&mut &*self, &q).await?;
        if links.is_empty() {
            return Ok(links);
        }
        #[derive(sqlx::FromRow)]
        struct Counts {
            event_id: Uuid,
            partner_id: Uuid,
            registered: i64,
            attended: i64,
        }
        let ids: Vec<Uuid> = links.iter().map(|l| l.event_id).collect();
        let counted = Query::select()
            .columns(["event_id", "partner_id"])
            .expr_as(
                Func::sum(Expr::case(Expr::col("status").ne("cancelled"), 1).finally(0)),
                "registered",
            )
            .expr_as(
                Func::sum(Expr::case(Expr::col("attended_at").is_not_null(), 1).finally(0)),
                "attended",
            )
            .from("registrations")
            .and_where(Expr::col("event_id").is_in(ids))
            .and_where(Expr::col("partner_id").is_not_null())
            .group_by_col("event_id")
            .group_by_col("partner_id")
            .to_owned();
        let counts: Vec<Counts> = db::fetch_all(&mut &*self, &counted).await?;
        // Who applied from the conference's invitation, by the link that brought them.
        #[derive(sqlx::FromRow)]
        struct Applied {
            event_id: Uuid,
            partner_id: Uuid,
            applied: i64,
        }
        let applied_q = Query::select()
            .columns([
                ("registrations", "event_id"),
                ("registrations", "partner_id"),
            ])
            .expr_as(db::count_rows(), "applied")
            .from("registrations")
            .inner_join(
                "users",
                Expr::col(("users", "email_folded")).equals(("registrations", "email_folded")),
            )
            .inner_join(
                "mentors",
                Expr::col(("mentors", "user_id"))
                    .equals(("users", "id"))
                    .and(Expr::col(("mentors", "event_id")).equals(("registrations", "event_id"))),
            )
            .and_where(
                Expr::col(("registrations", "event_id")).is_in(links.iter().map(|l| l.event_id)),
            )
            .and_where(Expr::col(("registrations", "partner_id")).is_not_null())
            .group_by_col(("registrations", "event_id"))
            .group_by_col(("registrations", "partner_id"))
            .to_owned();
        let applied: Vec<Applied> = db::fetch_all(&mut &*self, &applied_q).await?;
        for link in &mut links {
            let same = |e: Uuid, p: Uuid| e == link.event_id && p == link.partner_id;
            if let Some(c) = counts.iter().find(|c| same(c.event_id, c.partner_id)) {
                link.registered = c.registered;
                link.attended = c.attended;
            }
            if let Some(a) = applied.iter().find(|a| same(a.event_id, a.partner_id)) {
                link.applied = a.applied;
            }
        }
        Ok(links)
    }

    /// A conference's funnel, in two queries.
    pub async fn event_funnel(&self, event_id: Uuid) -> Result<EventFunnel> {
        let sum = |condition: sea_query::Expr| Func::sum(Expr::case(condition, 1).finally(0));
        let q = Query::select()
            .expr_as(sum(Expr::col("status").ne("cancelled")), "registered")
            .expr_as(sum(Expr::col("attended_at").is_not_null()), "attended")
            .expr_as(sum(Expr::col("invited_at").is_not_null()), "invited")
            .from("registrations")
            .and_where(Expr::col("event_id").eq(event_id))
            .to_owned();
        #[derive(sqlx::FromRow)]
        struct People {
            registered: Option<i64>,
            attended: Option<i64>,
            invited: Option<i64>,
        }
        let people: People = db::fetch_one(&mut &*self, &q).await?;
        #[derive(sqlx::FromRow)]
        struct Mentors {
            applied: i64,
            approved: Option<i64>,
            mentoring: Option<i64>,
        }
        let mentoring = Query::select()
            .expr(Expr::val(1))
            .from("mentorships")
            .and_where(Expr::col(("mentorships", "mentor_id")).equals(("mentors", "user_id")))
            .to_owned();
        let q = Query::select()
            .expr_as(db::count_rows(), "applied")
            .expr_as(sum(Expr::col("status").eq("approved")), "approved")
            .expr_as(
                sum(Expr::col("status")
                    .eq("approved")
                    .and(Expr::exists(mentoring))),
                "mentoring",
            )
            .from("mentors")
            .and_where(Expr::col("event_id").eq(event_id))
            .to_owned();
        let mentors: Mentors = db::fetch_one(&mut &*self, &q).await?;
        Ok(EventFunnel {
            registered: people.registered.unwrap_or(0),
            attended: people.attended.unwrap_or(0),
            invited: people.invited.unwrap_or(0),
            applied: mentors.applied,
            approved: mentors.approved.unwrap_or(0),
            mentoring: mentors.mentoring.unwrap_or(0),
        })
    }
}

impl Tx {
    /// Links a partner to an event as its host or a relay, with a new share code; false
    /// when it already was.
    pub async fn add_event_partner(
        &mut self,
        event_id: Uuid,
        partner_id: Uuid,
        role: &str,
    ) -> Result<bool> {
        let q = Query::insert()
            .into_table("event_partners")
            .columns(["event_id", "partner_id", "role", "code", "created_at"])
            .values_panic([
                event_id.into(),
                partner_id.into(),
                role.into(),
                new_code().into(),
                crate::now().into(),
            ])
            .on_conflict(
                OnConflict::columns(["event_id", "partner_id"])
                    .do_nothing()
                    .to_owned(),
            )
            .to_owned();
        Ok(db::execute(self, &q).await? == 1)
    }
}
