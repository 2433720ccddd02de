//! What an operator watches (`/metrics`): the write queue, the pools, the outbox.

use crate::db::{self, Db};
use crate::{Result, Store};
use chrono::{DateTime, Utc};
use sea_query::{Expr, ExprTrait, Query};

impl Store {
    /// Write transactions begun so far, and the seconds spent waiting to begin them.
    pub fn write_waits(&self) -> (u64, f64) {
        use std::sync::atomic::Ordering::Relaxed;
        (
            self.write_waits[0].load(Relaxed),
            self.write_waits[1].load(Relaxed) as f64 / 1e9,
        )
    }

    /// Each pool's connections: (pool, open, idle).
    pub fn pool_stats(&self) -> Vec<(&'static str, u32, usize)> {
        match &self.db {
            Db::Sqlite { readers, writer } => vec![
                ("readers", readers.size(), readers.num_idle()),
                ("writer", writer.size(), writer.num_idle()),
            ],
            Db::Postgres(pool) => vec![("postgres", pool.size(), pool.num_idle())],
        }
    }

    /// The e-mails waiting to be sent, and when the oldest was queued.
    pub async fn outbox_backlog(&self) -> Result<(i64, Option<DateTime<Utc>>)> {
        #[derive(sqlx::FromRow)]
        struct B {
            n: i64,
            oldest: Option<DateTime<Utc>>,
        }
        let q = Query::select()
            .expr_as(db::count_rows(), "n")
            .expr_as(Expr::col("created_at").min(), "oldest")
            .from("outbox")
            .and_where(Expr::col("sent_at").is_null())
            .and_where(Expr::col("failed_at").is_null())
            .to_owned();
        let b: B = db::fetch_one(&mut &*self, &q).await?;
        Ok((b.n, b.oldest))
    }
}
