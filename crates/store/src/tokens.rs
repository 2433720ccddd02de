//! Single-use account tokens, stored as hashes.

use crate::db;
use crate::{Result, Tx};
use chrono::{DateTime, Utc};
use sea_query::{Expr, ExprTrait, Query};
use uuid::Uuid;

/// What a token lets its bearer do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenPurpose {
    SetPassword,
    VerifyEmail,
    ResetPassword,
    /// Confirms a new address, carried in the token's payload.
    ChangeEmail,
}

impl TokenPurpose {
    fn as_str(self) -> &'static str {
        match self {
            TokenPurpose::SetPassword => "set_password",
            TokenPurpose::VerifyEmail => "verify_email",
            TokenPurpose::ResetPassword => "reset_password",
            TokenPurpose::ChangeEmail => "change_email",
        }
    }
}

impl Tx {
    pub async fn insert_token(
        &mut self,
        token_hash: &str,
        user_id: Uuid,
        purpose: TokenPurpose,
        expires_at: DateTime<Utc>,
        payload: &str,
    ) -> Result<()> {
        let query = Query::insert()
            .into_table("account_tokens")
            .columns([
                "token_hash",
                "user_id",
                "purpose",
                "expires_at",
                "payload",
                "created_at",
            ])
            .values_panic([
                token_hash.into(),
                user_id.into(),
                purpose.as_str().into(),
                expires_at.into(),
                payload.into(),
                crate::now().into(),
            ])
            .to_owned();
        db::execute(self, &query).await?;
        Ok(())
    }

    /// Marks a live token as used and returns its account and payload; `None` when the
    /// token is unknown, expired or already used. Single use holds under concurrency:
    /// only one of two racing callers sees the row change.
    pub async fn consume_token(
        &mut self,
        token_hash: &str,
        purpose: TokenPurpose,
        now: DateTime<Utc>,
    ) -> Result<Option<(Uuid, String)>> {
        #[derive(sqlx::FromRow)]
        struct Owner {
            user_id: Uuid,
            payload: String,
        }
        let query = Query::update()
            .table("account_tokens")
            .value("used_at", now)
            .and_where(Expr::col("token_hash").eq(token_hash))
            .and_where(Expr::col("purpose").eq(purpose.as_str()))
            .and_where(Expr::col("used_at").is_null())
            .and_where(Expr::col("expires_at").gt(now))
            .returning(Query::returning().columns(["user_id", "payload"]))
            .to_owned();
        Ok(db::fetch_optional::<Owner>(self, &query)
            .await?
            .map(|o| (o.user_id, o.payload)))
    }

    /// Whether a token is live, without using it (to show the form or an error).
    pub async fn token_is_live(
        &mut self,
        token_hash: &str,
        purpose: TokenPurpose,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let query = Query::select()
            .expr_as(db::count_rows(), "n")
            .from("account_tokens")
            .and_where(Expr::col("token_hash").eq(token_hash))
            .and_where(Expr::col("purpose").eq(purpose.as_str()))
            .and_where(Expr::col("used_at").is_null())
            .and_where(Expr::col("expires_at").gt(now))
            .to_owned();
        Ok(db::fetch_one::<db::Count>(self, &query).await?.n > 0)
    }

    /// Voids the live tokens of an account for a purpose (a new link replaces the old).
    pub async fn void_tokens(
        &mut self,
        user_id: Uuid,
        purpose: TokenPurpose,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let query = Query::update()
            .table("account_tokens")
            .value("used_at", now)
            .and_where(Expr::col("user_id").eq(user_id))
            .and_where(Expr::col("purpose").eq(purpose.as_str()))
            .and_where(Expr::col("used_at").is_null())
            .to_owned();
        db::execute(self, &query).await?;
        Ok(())
    }

    pub async fn set_password_hash(&mut self, user_id: Uuid, hash: &str) -> Result<()> {
        let query = Query::update()
            .table("users")
            .value("password_hash", hash)
            .and_where(Expr::col("id").eq(user_id))
            .to_owned();
        db::execute(self, &query).await?;
        Ok(())
    }
}
