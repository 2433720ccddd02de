//! Personal API tokens: only a SHA-256 of the secret is kept.

use crate::db;
use crate::{Result, Store, Tx};
use chrono::{DateTime, Utc};
use sea_query::{Expr, ExprTrait, Order, Query};
use uuid::Uuid;

/// A token as its owner sees it in « Mon compte » (never the secret).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ApiTokenRow {
    pub id: Uuid,
    pub label: String,
    /// `read` or `read_write`.
    pub scope: String,
    pub expires_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    /// The last day it opened the API (`2026-12-07`), marked after the request.
    pub last_used_on: Option<String>,
}

/// The owner and scope of a live token.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ApiTokenOwner {
    pub id: Uuid,
    pub user_id: Uuid,
    pub scope: String,
    pub last_used_on: Option<String>,
}

impl Tx {
    #[allow(clippy::too_many_arguments)]
    pub async fn insert_api_token(
        &mut self,
        id: Uuid,
        user_id: Uuid,
        token_hash: &str,
        label: &str,
        scope: &str,
        expires_at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let q = Query::insert()
            .into_table("api_tokens")
            .columns([
                "id",
                "user_id",
                "token_hash",
                "label",
                "scope",
                "expires_at",
                "created_at",
            ])
            .values_panic([
                id.into(),
                user_id.into(),
                token_hash.into(),
                label.into(),
                scope.into(),
                expires_at.into(),
                now.into(),
            ])
            .to_owned();
        db::execute(self, &q).await?;
        Ok(())
    }

    /// Revokes one of `user_id`'s live tokens; false when there is none such.
    pub async fn revoke_api_token(
        &mut self,
        id: Uuid,
        user_id: Uuid,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let q = Query::update()
            .table("api_tokens")
            .value("revoked_at", now)
            .and_where(Expr::col("id").eq(id))
            .and_where(Expr::col("user_id").eq(user_id))
            .and_where(Expr::col("revoked_at").is_null())
            .to_owned();
        Ok(db::execute(self, &q).await? == 1)
    }
}

impl Tx {
    /// Marks the day a token was last used (once a day at most).
    pub async fn mark_token_used(&mut self, id: Uuid, day: &str) -> Result<()> {
        let q = Query::update()
            .table("api_tokens")
            .value("last_used_on", day)
            .and_where(Expr::col("id").eq(id))
            .cond_where(
                sea_query::Cond::any()
                    .add(Expr::col("last_used_on").is_null())
                    .add(Expr::col("last_used_on").ne(day)),
            )
            .to_owned();
        db::execute(self, &q).await?;
        Ok(())
    }
}

impl Store {
    /// A person's tokens, newest first (at most 50: a person keeps a few).
    pub async fn api_tokens_of(&self, user_id: Uuid) -> Result<Vec<ApiTokenRow>> {
        let q = Query::select()
            .columns([
                "id",
                "label",
                "scope",
                "expires_at",
                "revoked_at",
                "created_at",
                "last_used_on",
            ])
            .from("api_tokens")
            .and_where(Expr::col("user_id").eq(user_id))
            .order_by("created_at", Order::Desc)
            .limit(50)
            .to_owned();
        db::fetch_all(&mut &*self, &q).await
    }

    /// The owner of a token neither revoked nor expired.
    pub async fn api_token_owner(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<ApiTokenOwner>> {
        let q = Query::select()
            .columns(["id", "user_id", "scope", "last_used_on"])
            .from("api_tokens")
            .and_where(Expr::col("token_hash").eq(token_hash))
            .and_where(Expr::col("revoked_at").is_null())
            .and_where(Expr::col("expires_at").gt(now))
            .to_owned();
        db::fetch_optional(&mut &*self, &q).await
    }
}
