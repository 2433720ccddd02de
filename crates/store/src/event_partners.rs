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
        for link in &mut links {
            if let Some(c) = counts
                .iter()
                .find(|c| c.event_id == link.event_id && c.partner_id == link.partner_id)
            {
                link.registered = c.registered;
                link.attended = c.attended;
            }
        }
        Ok(links)
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
                Utc::now().into(),
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
