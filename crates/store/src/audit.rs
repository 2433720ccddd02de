//! The audit log: who did what, when, to which record.

use crate::db::{self, Count};
use crate::{Result, Store, Tx};
use chrono::{DateTime, Utc};
use sea_query::{Cond, Expr, ExprTrait, Order, Query, SelectStatement};
use uuid::Uuid;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AuditEntry {
    pub id: Uuid,
    pub at: DateTime<Utc>,
    pub actor_id: Option<Uuid>,
    /// The actor's e-mail, for the national team's reading (joined, never stored here).
    pub actor_email: Option<String>,
    /// The actor's name, joined likewise.
    pub actor_first_name: Option<String>,
    pub actor_last_name: Option<String>,
    pub action: String,
    pub subject_id: Option<Uuid>,
    /// The person the entry is about, when it is an account: e-mail and name.
    pub subject_email: Option<String>,
    pub subject_first_name: Option<String>,
    pub subject_last_name: Option<String>,
    pub detail: String,
}

/// Filters of the audit log page; `None` means "any".
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub action: Option<String>,
    pub actor_id: Option<Uuid>,
    pub subject_id: Option<Uuid>,
    pub since: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
}

fn filtered(filter: &AuditFilter) -> SelectStatement {
    let mut cond = Cond::all();
    if let Some(action) = &filter.action {
        cond = cond.add(Expr::col(("audit_log", "action")).eq(action.as_str()));
    }
    if let Some(actor) = filter.actor_id {
        cond = cond.add(Expr::col(("audit_log", "actor_id")).eq(actor));
    }
    if let Some(subject) = filter.subject_id {
        cond = cond.add(Expr::col(("audit_log", "subject_id")).eq(subject));
    }
    if let Some(since) = filter.since {
        cond = cond.add(Expr::col(("audit_log", "at")).gte(since));
    }
    if let Some(until) = filter.until {
        cond = cond.add(Expr::col(("audit_log", "at")).lt(until));
    }
    Query::select()
        .from("audit_log")
        .cond_where(cond)
        .to_owned()
}

/// The most entries the log's pages count: past it, they say « more than ».
pub const AUDIT_COUNT_CAP: i64 = 10_000;

impl Store {
    /// One page of the log, newest first, and the number of matching entries (at most
    /// `AUDIT_COUNT_CAP + 1`).
    pub async fn audit_entries(
        &self,
        filter: &AuditFilter,
        offset: u64,
        limit: u64,
    ) -> Result<(Vec<AuditEntry>, i64)> {
        let page = filtered(filter)
            .columns([
                ("audit_log", "id"),
                ("audit_log", "at"),
                ("audit_log", "actor_id"),
                ("audit_log", "action"),
                ("audit_log", "subject_id"),
                ("audit_log", "detail"),
            ])
            .expr_as(Expr::col(("users", "email")), "actor_email")
            .expr_as(Expr::col(("users", "first_name")), "actor_first_name")
            .expr_as(Expr::col(("users", "last_name")), "actor_last_name")
            .expr_as(Expr::col(("subjects", "email")), "subject_email")
            .expr_as(Expr::col(("subjects", "first_name")), "subject_first_name")
            .expr_as(Expr::col(("subjects", "last_name")), "subject_last_name")
            .left_join(
                "users",
                Expr::col(("users", "id")).equals(("audit_log", "actor_id")),
            )
            .join_as(
                sea_query::JoinType::LeftJoin,
                "users",
                "subjects",
                Expr::col(("subjects", "id")).equals(("audit_log", "subject_id")),
            )
            .order_by(("audit_log", "at"), Order::Desc)
            .order_by(("audit_log", "id"), Order::Desc)
            .offset(offset)
            .limit(limit)
            .to_owned();
        let entries = db::fetch_all(&mut &*self, &page).await?;
        // Counted up to one past the cap: the log holds every view of every record, and
        // a page need not count a million lines to say « more than 10,000 ».
        let capped = filtered(filter)
            .expr(Expr::val(1))
            .limit(AUDIT_COUNT_CAP as u64 + 1)
            .to_owned();
        let count = Query::select()
            .expr_as(db::count_rows(), "n")
            .from_subquery(capped, "capped")
            .to_owned();
        let total = db::fetch_one::<Count>(&mut &*self, &count).await?.n;
        Ok((entries, total))
    }

    /// Records an entry outside any other change (e.g. a failed sign-in).
    pub async fn audit(
        &self,
        actor_id: Option<Uuid>,
        action: &str,
        subject_id: Option<Uuid>,
        detail: &str,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        tx.audit(actor_id, action, subject_id, detail).await?;
        tx.commit().await
    }
}

impl Tx {
    pub async fn audit(
        &mut self,
        actor_id: Option<Uuid>,
        action: &str,
        subject_id: Option<Uuid>,
        detail: &str,
    ) -> Result<()> {
        self.audit_at(crate::now(), actor_id, action, subject_id, detail)
            .await
    }

    /// An entry for something that happened at `at` (written later than it happened).
    pub async fn audit_at(
        &mut self,
        at: DateTime<Utc>,
        actor_id: Option<Uuid>,
        action: &str,
        subject_id: Option<Uuid>,
        detail: &str,
    ) -> Result<()> {
        let query = Query::insert()
            .into_table("audit_log")
            .columns(["id", "at", "actor_id", "action", "subject_id", "detail"])
            .values_panic([
                Uuid::new_v4().into(),
                at.into(),
                actor_id.into(),
                action.into(),
                subject_id.into(),
                detail.into(),
            ])
            .to_owned();
        db::execute(self, &query).await?;
        Ok(())
    }
}
