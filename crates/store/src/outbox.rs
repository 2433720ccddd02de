//! The e-mail outbox: messages written with the change that causes them, claimed and
//! sent by a worker, retried with backoff.

use crate::db::{self, Count};
use crate::{Result, Store, Tx};
use chrono::{DateTime, Utc};
use sea_query::{Cond, Expr, ExprTrait, Order, Query};
use uuid::Uuid;

/// A rendered message to queue.
#[derive(Debug, Clone)]
pub struct NewMessage {
    pub to_address: String,
    pub template: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    /// (file name, MIME type, UTF-8 body), e.g. an `.ics` invitation.
    pub attachment: Option<(String, String, String)>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OutboxMessage {
    pub id: Uuid,
    pub to_address: String,
    pub template: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    pub attachment_name: Option<String>,
    pub attachment_type: Option<String>,
    pub attachment_body: Option<String>,
    pub created_at: DateTime<Utc>,
    pub attempts: i64,
    pub sent_at: Option<DateTime<Utc>>,
    pub failed_at: Option<DateTime<Utc>>,
    pub last_error: String,
}

const COLUMNS: [&str; 14] = [
    "id",
    "to_address",
    "template",
    "subject",
    "body_text",
    "body_html",
    "attachment_name",
    "attachment_type",
    "attachment_body",
    "created_at",
    "attempts",
    "sent_at",
    "failed_at",
    "last_error",
];

impl Store {
    /// Claims up to `limit` messages that are due, for `lease` (so that another
    /// instance does not send them too), and returns them.
    pub async fn claim_due_messages(
        &self,
        now: DateTime<Utc>,
        lease: chrono::Duration,
        limit: u64,
    ) -> Result<Vec<OutboxMessage>> {
        let due = Query::select()
            .columns(COLUMNS)
            .from("outbox")
            .and_where(Expr::col("sent_at").is_null())
            .and_where(Expr::col("failed_at").is_null())
            .and_where(Expr::col("next_attempt_at").lte(now))
            .cond_where(
                Cond::any()
                    .add(Expr::col("claimed_until").is_null())
                    .add(Expr::col("claimed_until").lt(now)),
            )
            .order_by("next_attempt_at", Order::Asc)
            .limit(limit)
            .to_owned();
        let mut tx = self.begin().await?;
        let candidates: Vec<OutboxMessage> = db::fetch_all(&mut tx, &due).await?;
        let mut claimed = Vec::new();
        for message in candidates {
            let claim = Query::update()
                .table("outbox")
                .value("claimed_until", now + lease)
                .and_where(Expr::col("id").eq(message.id))
                .and_where(Expr::col("sent_at").is_null())
                .cond_where(
                    Cond::any()
                        .add(Expr::col("claimed_until").is_null())
                        .add(Expr::col("claimed_until").lt(now)),
                )
                .to_owned();
            if db::execute(&mut tx, &claim).await? == 1 {
                claimed.push(message);
            }
        }
        tx.commit().await?;
        Ok(claimed)
    }

    pub async fn mark_sent(&self, id: Uuid, now: DateTime<Utc>) -> Result<()> {
        let query = Query::update()
            .table("outbox")
            .value("sent_at", now)
            .value("claimed_until", Option::<DateTime<Utc>>::None)
            .value("attempts", Expr::col("attempts").add(1))
            .and_where(Expr::col("id").eq(id))
            .to_owned();
        db::execute_alone(self, &query).await?;
        Ok(())
    }

    /// Records a failed attempt: retried at `retry_at`, or given up when `None`.
    pub async fn mark_attempt_failed(
        &self,
        id: Uuid,
        error: &str,
        retry_at: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let mut query = Query::update();
        query
            .table("outbox")
            .value("attempts", Expr::col("attempts").add(1))
            .value("last_error", error.chars().take(500).collect::<String>())
            .value("claimed_until", Option::<DateTime<Utc>>::None)
            .and_where(Expr::col("id").eq(id));
        match retry_at {
            Some(at) => query.value("next_attempt_at", at),
            None => query.value("failed_at", now),
        };
        db::execute_alone(self, &query).await?;
        Ok(())
    }

    /// A page of the outbox, newest first, with the total count.
    pub async fn outbox_page(&self, offset: u64, limit: u64) -> Result<(Vec<OutboxMessage>, i64)> {
        let page = Query::select()
            .columns(COLUMNS)
            .from("outbox")
            .order_by("created_at", Order::Desc)
            .order_by("id", Order::Desc)
            .offset(offset)
            .limit(limit)
            .to_owned();
        let count = Query::select()
            .expr_as(db::count_rows(), "n")
            .from("outbox")
            .to_owned();
        Ok((
            db::fetch_all(&mut &*self, &page).await?,
            db::fetch_one::<Count>(&mut &*self, &count).await?.n,
        ))
    }

    pub async fn outbox_message(&self, id: Uuid) -> Result<Option<OutboxMessage>> {
        let query = Query::select()
            .columns(COLUMNS)
            .from("outbox")
            .and_where(Expr::col("id").eq(id))
            .to_owned();
        db::fetch_optional(&mut &*self, &query).await
    }
}

impl Tx {
    pub async fn enqueue_message(&mut self, message: &NewMessage) -> Result<Uuid> {
        let id = Uuid::new_v4();
        let now = crate::now();
        let (name, kind, body) = match &message.attachment {
            Some((n, k, b)) => (Some(n.clone()), Some(k.clone()), Some(b.clone())),
            None => (None, None, None),
        };
        let query = Query::insert()
            .into_table("outbox")
            .columns([
                "id",
                "to_address",
                "template",
                "subject",
                "body_text",
                "body_html",
                "attachment_name",
                "attachment_type",
                "attachment_body",
                "created_at",
                "next_attempt_at",
            ])
            .values_panic([
                id.into(),
                message.to_address.as_str().into(),
                message.template.as_str().into(),
                message.subject.as_str().into(),
                message.body_text.as_str().into(),
                message.body_html.as_str().into(),
                name.into(),
                kind.into(),
                body.into(),
                now.into(),
                now.into(),
            ])
            .to_owned();
        db::execute(self, &query).await?;
        Ok(id)
    }
}
