//! The dispatch module: the one place where SQLite and PostgreSQL differ. A query is
//! a sea-query statement; it is rendered here for the backend in use and run on the
//! native sqlx pool (or transaction) of that backend.

use crate::{Result, StoreError, StoreOptions};
use sea_query::{PostgresQueryBuilder, SqliteQueryBuilder};
use sea_query_sqlx::SqlxBinder;
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions, PgRow};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteRow,
    SqliteSynchronous,
};
use sqlx::{FromRow, PgConnection, SqliteConnection};
use std::str::FromStr;

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Clone, Debug)]
pub(crate) enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

impl Db {
    pub(crate) async fn connect(url: &str, options: &StoreOptions) -> Result<Db> {
        if url.starts_with("sqlite:") {
            let connect = SqliteConnectOptions::from_str(url)
                .map_err(|e| StoreError::InvalidUrl(e.to_string()))?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(options.busy_timeout);
            let pool = SqlitePoolOptions::new()
                .max_connections(options.max_connections.clamp(1, 8))
                .connect_with(connect)
                .await?;
            Ok(Db::Sqlite(pool))
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            let connect = PgConnectOptions::from_str(url)
                .map_err(|e| StoreError::InvalidUrl(e.to_string()))?;
            let pool = PgPoolOptions::new()
                .max_connections(options.max_connections.max(1))
                .acquire_timeout(std::time::Duration::from_secs(10))
                .connect_with(connect)
                .await?;
            Ok(Db::Postgres(pool))
        } else {
            Err(StoreError::InvalidUrl(
                "expected a sqlite:// or postgres:// URL".to_owned(),
            ))
        }
    }

    pub(crate) fn backend(&self) -> Backend {
        match self {
            Db::Sqlite(_) => Backend::Sqlite,
            Db::Postgres(_) => Backend::Postgres,
        }
    }

    pub(crate) async fn migrate(&self) -> Result<()> {
        match self {
            Db::Sqlite(pool) => SQLITE_MIGRATIONS.run(pool).await,
            Db::Postgres(pool) => POSTGRES_MIGRATIONS.run(pool).await,
        }
        .map_err(StoreError::Migration)
    }

    pub(crate) async fn ping(&self) -> Result<()> {
        match self {
            Db::Sqlite(pool) => sqlx::query("SELECT 1").execute(pool).await.map(drop),
            Db::Postgres(pool) => sqlx::query("SELECT 1").execute(pool).await.map(drop),
        }
        .map_err(StoreError::from)
    }

    pub(crate) async fn begin(&self) -> Result<Tx> {
        Ok(match self {
            Db::Sqlite(pool) => Tx::Sqlite(pool.begin_with("BEGIN IMMEDIATE").await?),
            Db::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        })
    }

    pub(crate) async fn close(&self) {
        match self {
            Db::Sqlite(pool) => pool.close().await,
            Db::Postgres(pool) => pool.close().await,
        }
    }
}

/// An open write transaction. Dropped without [`Tx::commit`], it rolls back.
pub enum Tx {
    Sqlite(sqlx::Transaction<'static, sqlx::Sqlite>),
    Postgres(sqlx::Transaction<'static, sqlx::Postgres>),
}

impl std::fmt::Debug for Tx {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Tx")
    }
}

impl Tx {
    pub async fn commit(self) -> Result<()> {
        match self {
            Tx::Sqlite(tx) => tx.commit().await,
            Tx::Postgres(tx) => tx.commit().await,
        }
        .map_err(StoreError::from)
    }
}

/// A row type that decodes on both backends.
pub(crate) trait Row:
    for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow> + Send + Unpin
{
}
impl<T> Row for T where T: for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow> + Send + Unpin
{}

/// Where a statement runs: a pool, or an open transaction.
pub(crate) enum Conn<'a> {
    SqlitePool(&'a SqlitePool),
    PgPool(&'a PgPool),
    SqliteTx(&'a mut SqliteConnection),
    PgTx(&'a mut PgConnection),
}

/// Anything a query can run on: the [`crate::Store`] itself or a [`Tx`].
pub(crate) trait Exec: Send {
    fn conn(&mut self) -> Conn<'_>;
}

impl Exec for &crate::Store {
    fn conn(&mut self) -> Conn<'_> {
        match &self.db {
            Db::Sqlite(pool) => Conn::SqlitePool(pool),
            Db::Postgres(pool) => Conn::PgPool(pool),
        }
    }
}

impl Exec for Tx {
    fn conn(&mut self) -> Conn<'_> {
        match self {
            Tx::Sqlite(tx) => Conn::SqliteTx(tx),
            Tx::Postgres(tx) => Conn::PgTx(tx),
        }
    }
}

/// Renders `$query` for the backend of `$conn` and runs `$run` on the matching
/// executor. The four arms differ only in their types, hence the macro.
macro_rules! dispatch {
    ($conn:expr, $query:expr, |$sql:ident, $values:ident, $exec:ident| $run:expr) => {
        match $conn {
            Conn::SqlitePool($exec) => {
                let ($sql, $values) = $query.build_sqlx(SqliteQueryBuilder);
                $run
            }
            Conn::SqliteTx($exec) => {
                let ($sql, $values) = $query.build_sqlx(SqliteQueryBuilder);
                $run
            }
            Conn::PgPool($exec) => {
                let ($sql, $values) = $query.build_sqlx(PostgresQueryBuilder);
                $run
            }
            Conn::PgTx($exec) => {
                let ($sql, $values) = $query.build_sqlx(PostgresQueryBuilder);
                $run
            }
        }
    };
}

pub(crate) async fn fetch_all<T: Row>(
    exec: &mut impl Exec,
    query: &(impl SqlxBinder + Sync),
) -> Result<Vec<T>> {
    Ok(dispatch!(exec.conn(), query, |sql, values, e| {
        sqlx::query_as_with::<_, T, _>(&sql, values)
            .fetch_all(e)
            .await?
    }))
}

/// The rows of `query` over `ids`, asked 500 at a time: every backend's limit on bound
/// values stays far away.
pub(crate) async fn fetch_by_ids<T: Row>(
    exec: &mut impl Exec,
    ids: &[uuid::Uuid],
    query: impl Fn(&[uuid::Uuid]) -> sea_query::SelectStatement,
) -> Result<Vec<T>> {
    let mut rows = Vec::new();
    for chunk in ids.chunks(500) {
        rows.extend(fetch_all::<T>(exec, &query(chunk)).await?);
    }
    Ok(rows)
}

pub(crate) async fn fetch_optional<T: Row>(
    exec: &mut impl Exec,
    query: &(impl SqlxBinder + Sync),
) -> Result<Option<T>> {
    Ok(dispatch!(exec.conn(), query, |sql, values, e| {
        sqlx::query_as_with::<_, T, _>(&sql, values)
            .fetch_optional(e)
            .await?
    }))
}

pub(crate) async fn fetch_one<T: Row>(
    exec: &mut impl Exec,
    query: &(impl SqlxBinder + Sync),
) -> Result<T> {
    Ok(dispatch!(exec.conn(), query, |sql, values, e| {
        sqlx::query_as_with::<_, T, _>(&sql, values)
            .fetch_one(e)
            .await?
    }))
}

/// Runs a statement and returns the number of rows it touched.
pub(crate) async fn execute(exec: &mut impl Exec, query: &(impl SqlxBinder + Sync)) -> Result<u64> {
    Ok(dispatch!(exec.conn(), query, |sql, values, e| {
        sqlx::query_with(&sql, values)
            .execute(e)
            .await?
            .rows_affected()
    }))
}

/// A single `count(*)`-like scalar.
#[derive(sqlx::FromRow)]
pub(crate) struct Count {
    pub n: i64,
}
