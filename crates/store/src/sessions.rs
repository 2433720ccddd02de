//! Server-side sessions (stored by the hash of their id), server secrets and rate-limit
//! buckets: the security state shared by every instance.

use crate::db;
use crate::{Result, Store, Tx};
use chrono::{DateTime, Utc};
use sea_query::{Expr, ExprTrait, LockType, OnConflict, Query};
use uuid::Uuid;

/// A live session's owner and timestamps.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SessionRecord {
    pub user_id: Uuid,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

impl Store {
    /// A server secret, created at first use; every instance gets the same value.
    pub async fn server_secret(&self, name: &str, fresh: String) -> Result<String> {
        #[derive(sqlx::FromRow)]
        struct Secret {
            value: String,
        }
        let insert = Query::insert()
            .into_table("server_secrets")
            .columns(["name", "value"])
            .values_panic([name.into(), fresh.into()])
            .on_conflict(OnConflict::new().do_nothing().to_owned())
            .to_owned();
        db::execute_alone(self, &insert).await?;
        let select = Query::select()
            .column("value")
            .from("server_secrets")
            .and_where(Expr::col("name").eq(name))
            .to_owned();
        Ok(db::fetch_one::<Secret>(&mut &*self, &select).await?.value)
    }

    /// Takes one token from `bucket` (a token bucket of `burst` tokens refilled at one
    /// token per `refill_ms`), atomically across instances. `false`: refused.
    pub async fn take_token(
        &self,
        bucket: &str,
        burst: i64,
        refill_ms: i64,
        now_ms: i64,
    ) -> Result<bool> {
        #[derive(sqlx::FromRow)]
        struct Bucket {
            milli_tokens: i64,
            updated_ms: i64,
        }
        let mut tx = self.begin().await?;
        let ensure = Query::insert()
            .into_table("rate_limits")
            .columns(["bucket", "milli_tokens", "updated_ms"])
            .values_panic([bucket.into(), (burst * 1000).into(), now_ms.into()])
            .on_conflict(OnConflict::new().do_nothing().to_owned())
            .to_owned();
        db::execute(&mut tx, &ensure).await?;
        let select = Query::select()
            .columns(["milli_tokens", "updated_ms"])
            .from("rate_limits")
            .and_where(Expr::col("bucket").eq(bucket))
            .lock(LockType::Update)
            .to_owned();
        let current = db::fetch_one::<Bucket>(&mut tx, &select).await?;
        let elapsed = std::cmp::max(now_ms - current.updated_ms, 0);
        let refilled = std::cmp::min(
            current.milli_tokens + elapsed * 1000 / std::cmp::max(refill_ms, 1),
            burst * 1000,
        );
        let allowed = refilled >= 1000;
        // A refused attempt changes nothing: the refill is always computed from the
        // last granted one, so integer rounding never loses a token.
        if allowed {
            let update = Query::update()
                .table("rate_limits")
                .value("milli_tokens", refilled - 1000)
                .value("updated_ms", std::cmp::max(now_ms, current.updated_ms))
                .and_where(Expr::col("bucket").eq(bucket))
                .to_owned();
            db::execute(&mut tx, &update).await?;
        }
        tx.commit().await?;
        Ok(allowed)
    }
}

impl Tx {
    /// Records activity (never moving a session's last use backwards).
    pub async fn touch_session(&mut self, id_hash: &str, now: DateTime<Utc>) -> Result<()> {
        let query = Query::update()
            .table("sessions")
            .value("last_seen_at", now)
            .and_where(Expr::col("id_hash").eq(id_hash))
            .and_where(Expr::col("last_seen_at").lt(now))
            .to_owned();
        db::execute(self, &query).await?;
        Ok(())
    }

    pub async fn insert_session(
        &mut self,
        id_hash: &str,
        user_id: Uuid,
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<()> {
        let query = Query::insert()
            .into_table("sessions")
            .columns([
                "id_hash",
                "user_id",
                "created_at",
                "last_seen_at",
                "expires_at",
            ])
            .values_panic([
                id_hash.into(),
                user_id.into(),
                now.into(),
                now.into(),
                expires_at.into(),
            ])
            .to_owned();
        db::execute(self, &query).await?;
        Ok(())
    }

    pub async fn delete_session(&mut self, id_hash: &str) -> Result<()> {
        let query = Query::delete()
            .from_table("sessions")
            .and_where(Expr::col("id_hash").eq(id_hash))
            .to_owned();
        db::execute(self, &query).await?;
        Ok(())
    }

    /// Ends every session of an account (password change, deletion request).
    pub async fn delete_sessions_of(&mut self, user_id: Uuid) -> Result<u64> {
        let query = Query::delete()
            .from_table("sessions")
            .and_where(Expr::col("user_id").eq(user_id))
            .to_owned();
        db::execute(self, &query).await
    }
}
