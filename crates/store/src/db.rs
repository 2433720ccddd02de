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

/// The pools of a database. SQLite allows one writer at a time: its writes queue in
/// this process for the one `writer` connection (fairly, with no busy waiting), while
/// pages read through `readers`, read-only connections that WAL lets read while the
/// writer writes. PostgreSQL has one pool of connections that read and write.
#[derive(Clone, Debug)]
pub(crate) enum Db {
    Sqlite {
        readers: SqlitePool,
        writer: SqlitePool,
    },
    Postgres(PgPool),
}

impl Db {
    pub(crate) async fn connect(url: &str, options: &StoreOptions) -> Result<Db> {
        if url.starts_with("sqlite:") {
            let base = SqliteConnectOptions::from_str(url)
                .map_err(|e| StoreError::InvalidUrl(e.to_string()))?
                .foreign_keys(true)
                // Another process (a command run beside `serve`) may hold the lock.
                .busy_timeout(options.busy_timeout);
            // The writer opens first: it creates the file and turns WAL on, which
            // the read-only connections then find.
            let writer = SqlitePoolOptions::new()
                .max_connections(1)
                .min_connections(1)
                .acquire_timeout(options.write_queue_timeout)
                .connect_with(
                    base.clone()
                        .create_if_missing(true)
                        .journal_mode(SqliteJournalMode::Wal)
                        .synchronous(SqliteSynchronous::Normal)
                        // What is deleted or overwritten (an erasure, the retention
                        // sweep) is zeroed in the file, not left in free pages.
                        .pragma("secure_delete", "on"),
                )
                .await?;
            // SQLite reads in this process, on its cores: more readers than two a core
            // only add threads to switch between and page caches to fill (2 MiB each).
            let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
            let readers = SqlitePoolOptions::new()
                .max_connections(options.max_connections.min(2 * cores as u32).clamp(1, 16))
                .acquire_timeout(std::time::Duration::from_secs(10))
                .connect_with(base.read_only(true))
                .await?;
            Ok(Db::Sqlite { readers, writer })
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
            Db::Sqlite { .. } => Backend::Sqlite,
            Db::Postgres(_) => Backend::Postgres,
        }
    }

    pub(crate) async fn migrate(&self) -> Result<()> {
        match self {
            Db::Sqlite { writer, .. } => SQLITE_MIGRATIONS.run(writer).await,
            Db::Postgres(pool) => POSTGRES_MIGRATIONS.run(pool).await,
        }
        .map_err(StoreError::Migration)
    }

    /// The migrations embedded in this binary for this backend: (version, description).
    pub(crate) fn embedded_migrations(&self) -> Vec<(i64, String)> {
        let migrator = match self {
            Db::Sqlite { .. } => &SQLITE_MIGRATIONS,
            Db::Postgres(_) => &POSTGRES_MIGRATIONS,
        };
        migrator
            .iter()
            .map(|m| (m.version, m.description.to_string()))
            .collect()
    }

    /// Applies the embedded migrations up to `version` only (a restore brings the
    /// schema to its backup's version, then the rest).
    pub(crate) async fn migrate_to(&self, version: i64) -> Result<()> {
        let base = match self {
            Db::Sqlite { .. } => &SQLITE_MIGRATIONS,
            Db::Postgres(_) => &POSTGRES_MIGRATIONS,
        };
        // The migrator's fields are public (and pinned with sqlx in Cargo.lock): the
        // same migrator, with the later migrations left out.
        let migrator = sqlx::migrate::Migrator {
            migrations: std::borrow::Cow::Owned(
                base.iter()
                    .filter(|m| m.version <= version)
                    .cloned()
                    .collect(),
            ),
            ignore_missing: base.ignore_missing,
            locking: base.locking,
            no_tx: base.no_tx,
        };
        match self {
            Db::Sqlite { writer, .. } => migrator.run(writer).await,
            Db::Postgres(pool) => migrator.run(pool).await,
        }
        .map_err(StoreError::Migration)
    }

    /// After a bulk load: PostgreSQL's planner statistics read anew (`ANALYZE`), which
    /// autovacuum would only do later, or never where it is turned off; without them it
    /// misjudges every join over the new rows. SQLite plans by its indexes alone here
    /// (no `sqlite_stat1` is kept) and needs nothing.
    pub(crate) async fn refresh_statistics(&self) -> Result<()> {
        match self {
            Db::Sqlite { .. } => Ok(()),
            Db::Postgres(pool) => sqlx::query("ANALYZE").execute(pool).await.map(drop),
        }
        .map_err(StoreError::from)
    }

    pub(crate) async fn ping(&self) -> Result<()> {
        match self {
            Db::Sqlite { readers, .. } => sqlx::query("SELECT 1").execute(readers).await.map(drop),
            Db::Postgres(pool) => sqlx::query("SELECT 1").execute(pool).await.map(drop),
        }
        .map_err(StoreError::from)
    }

    pub(crate) async fn begin(&self) -> Result<Tx> {
        // A second transaction in the task that holds one would wait for itself (on
        // SQLite's one writer) or take a second connection (PostgreSQL): refused.
        if writes::held_here() {
            return Err(StoreError::Misuse(
                "a write transaction was begun while this task already holds one",
            ));
        }
        let conn = match self {
            // IMMEDIATE takes the write lock at once, so a transaction never fails
            // half-way on a lock held by another process.
            Db::Sqlite { writer, .. } => {
                TxConn::Sqlite(writer.begin_with("BEGIN IMMEDIATE").await?)
            }
            Db::Postgres(pool) => TxConn::Postgres(pool.begin().await?),
        };
        Ok(Tx {
            conn,
            _held: writes::Held::new(),
            statements: Default::default(),
        })
    }

    pub(crate) async fn close(&self) {
        match self {
            Db::Sqlite { readers, writer } => {
                readers.close().await;
                writer.close().await;
            }
            Db::Postgres(pool) => pool.close().await,
        }
    }
}

/// An open write transaction. Dropped without [`Tx::commit`], it rolls back.
///
/// A use case that writes reads through its transaction (every read it needs is
/// also a method of `Tx`): while a task holds one, reading through the [`crate::Store`]'s
/// pool is refused (see [`writes`]), because it would not see the transaction's own
/// changes and, on PostgreSQL, would need a second connection from a pool that the
/// other writers may have emptied.
pub struct Tx {
    conn: TxConn,
    _held: writes::Held,
    /// The store's statement counter (see `Store::statements`).
    pub(crate) statements: std::sync::Arc<std::sync::atomic::AtomicU64>,
}

enum TxConn {
    Sqlite(sqlx::Transaction<'static, sqlx::Sqlite>),
    Postgres(sqlx::Transaction<'static, sqlx::Postgres>),
}

/// What a restore writes, statement by statement, in the types of the target (see
/// `crate::backup`): the two dialects' only difference there is how a value is bound.
impl Tx {
    /// Rows whose references lead nowhere (SQLite's `foreign_key_check`; 0 on
    /// PostgreSQL, which checks each row as it is written).
    pub(crate) async fn count_foreign_key_problems(&mut self) -> Result<i64> {
        match &mut self.conn {
            TxConn::Sqlite(tx) => {
                sqlx::query_scalar("SELECT COUNT(*) FROM pragma_foreign_key_check")
                    .fetch_one(&mut **tx)
                    .await
                    .map_err(StoreError::from)
            }
            TxConn::Postgres(_) => Ok(0),
        }
    }

    /// The backend this transaction runs on.
    pub(crate) fn backend(&self) -> Backend {
        match &self.conn {
            TxConn::Sqlite(_) => Backend::Sqlite,
            TxConn::Postgres(_) => Backend::Postgres,
        }
    }

    /// Runs a statement of the store's own making (no value from outside in it).
    pub(crate) async fn execute_raw(&mut self, sql: &str) -> Result<()> {
        match &mut self.conn {
            TxConn::Sqlite(tx) => sqlx::query(sql).execute(&mut **tx).await.map(drop),
            TxConn::Postgres(tx) => sqlx::query(sql).execute(&mut **tx).await.map(drop),
        }
        .map_err(StoreError::from)
    }

    /// Inserts `rows` of `columns` into `table`, each value turned into its column's
    /// type (`types`: the target's declared or PostgreSQL type names).
    pub(crate) async fn insert_values(
        &mut self,
        table: &str,
        columns: &[String],
        types: &[String],
        rows: &[Vec<serde_json::Value>],
    ) -> Result<()> {
        let list = columns
            .iter()
            .map(|c| format!("\"{c}\""))
            .collect::<Vec<_>>()
            .join(", ");
        match &mut self.conn {
            TxConn::Sqlite(tx) => {
                let one = format!("({})", vec!["?"; columns.len()].join(", "));
                let sql = format!(
                    "INSERT INTO \"{table}\" ({list}) VALUES {}",
                    vec![one; rows.len()].join(", ")
                );
                let mut q = sqlx::query(&sql);
                for row in rows {
                    for (value, ty) in row.iter().zip(types) {
                        q = crate::backup::bind_sqlite(q, value, ty)?;
                    }
                }
                q.execute(&mut **tx).await?;
            }
            TxConn::Postgres(tx) => {
                let mut n = 0;
                let tuples: Vec<String> = rows
                    .iter()
                    .map(|_| {
                        let cells: Vec<String> = types
                            .iter()
                            .map(|ty| {
                                n += 1;
                                format!("CAST(${n} AS {})", ty.to_lowercase())
                            })
                            .collect();
                        format!("({})", cells.join(", "))
                    })
                    .collect();
                let sql = format!(
                    "INSERT INTO \"{table}\" ({list}) VALUES {}",
                    tuples.join(", ")
                );
                let mut q = sqlx::query(&sql);
                for row in rows {
                    for value in row {
                        q = q.bind(crate::backup::as_text(value));
                    }
                }
                q.execute(&mut **tx).await?;
            }
        }
        Ok(())
    }

    /// Sets a row's reference to another row of its table (`id` names the row).
    pub(crate) async fn set_self_ref(
        &mut self,
        table: &str,
        column: &str,
        ty: &str,
        value: &serde_json::Value,
        id: &serde_json::Value,
    ) -> Result<()> {
        match &mut self.conn {
            TxConn::Sqlite(tx) => {
                let sql = format!("UPDATE \"{table}\" SET \"{column}\" = ? WHERE id = ?");
                let q = crate::backup::bind_sqlite(sqlx::query(&sql), value, ty)?;
                crate::backup::bind_sqlite(q, id, "BLOB")?
                    .execute(&mut **tx)
                    .await?;
            }
            TxConn::Postgres(tx) => {
                let sql = format!(
                    "UPDATE \"{table}\" SET \"{column}\" = CAST($1 AS {}) WHERE id = CAST($2 AS uuid)",
                    ty.to_lowercase()
                );
                sqlx::query(&sql)
                    .bind(crate::backup::as_text(value))
                    .bind(crate::backup::as_text(id))
                    .execute(&mut **tx)
                    .await?;
            }
        }
        Ok(())
    }
}

/// Which tasks hold a write transaction: the rule "no read through the pool, no
/// second transaction, while a task holds one" is checked by the store itself.
pub(crate) mod writes {
    use std::collections::HashMap;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{LazyLock, Mutex};
    use tokio::task::Id;

    static HOLDERS: LazyLock<Mutex<HashMap<Id, u32>>> = LazyLock::new(Default::default);
    /// How many transactions are open in tasks: every page's reads ask `held_here`, and
    /// most find none open without taking the lock.
    static OPEN: AtomicUsize = AtomicUsize::new(0);

    fn holders() -> std::sync::MutexGuard<'static, HashMap<Id, u32>> {
        HOLDERS
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Whether the current task holds a write transaction (outside a task, e.g. a
    /// command's `block_on`, nothing is tracked).
    pub(crate) fn held_here() -> bool {
        OPEN.load(Ordering::Acquire) > 0
            && tokio::task::try_id().is_some_and(|id| holders().contains_key(&id))
    }

    /// Marks the current task as a holder while it lives.
    pub(crate) struct Held(Option<Id>);

    impl Held {
        pub(crate) fn new() -> Held {
            let id = tokio::task::try_id();
            if let Some(id) = id {
                *holders().entry(id).or_default() += 1;
                OPEN.fetch_add(1, Ordering::Release);
            }
            Held(id)
        }
    }

    impl Drop for Held {
        fn drop(&mut self) {
            if let Some(id) = self.0 {
                OPEN.fetch_sub(1, Ordering::Release);
                let mut holders = holders();
                if let Some(n) = holders.get_mut(&id) {
                    *n -= 1;
                    if *n == 0 {
                        holders.remove(&id);
                    }
                }
            }
        }
    }
}

impl std::fmt::Debug for Tx {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Tx")
    }
}

impl Tx {
    pub async fn commit(self) -> Result<()> {
        match self.conn {
            TxConn::Sqlite(tx) => tx.commit().await,
            TxConn::Postgres(tx) => tx.commit().await,
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
        self.statements
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        if writes::held_here() {
            misuse(
                "a read went through the pool while this task holds a write transaction: read through the Tx",
            );
        }
        match &self.db {
            Db::Sqlite { readers, .. } => Conn::SqlitePool(readers),
            Db::Postgres(pool) => Conn::PgPool(pool),
        }
    }
}

/// A misuse of the store that the type system does not catch: fatal in debug builds
/// (every test exercises the use cases), logged in release, where the read still runs
/// (on the readers' pool it cannot block the writer).
#[track_caller]
fn misuse(what: &str) {
    if cfg!(debug_assertions) {
        panic!("{what}");
    }
    tracing::error!(location = %std::panic::Location::caller(), "{what}");
}

impl Exec for Tx {
    fn conn(&mut self) -> Conn<'_> {
        self.statements
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        match &mut self.conn {
            TxConn::Sqlite(tx) => Conn::SqliteTx(tx),
            TxConn::Postgres(tx) => Conn::PgTx(tx),
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

/// The rows of any query as JSON objects (column → value, in the backup's forms).
pub(crate) async fn fetch_json(
    exec: &mut impl Exec,
    query: &(impl SqlxBinder + Sync),
) -> Result<Vec<serde_json::Map<String, serde_json::Value>>> {
    use crate::portable::Portable;
    Ok(dispatch!(exec.conn(), query, |sql, values, e| {
        sqlx::query_with(&sql, values)
            .fetch_all(e)
            .await?
            .iter()
            .map(Portable::object)
            .collect::<Result<Vec<_>>>()?
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

/// Runs one writing statement in a transaction of its own (through SQLite's writer).
pub(crate) async fn execute_alone(
    store: &crate::Store,
    query: &(impl SqlxBinder + Sync),
) -> Result<u64> {
    let mut tx = store.begin().await?;
    let n = execute(&mut tx, query).await?;
    tx.commit().await?;
    Ok(n)
}

/// `COUNT(*)`: counted from the narrowest index that answers the filter, where counting
/// a column would read every row (SQLite cannot tell that an id is never null).
pub(crate) fn count_rows() -> sea_query::Expr {
    sea_query::Expr::cust("COUNT(*)")
}

/// A single `count(*)`-like scalar.
#[derive(sqlx::FromRow)]
pub(crate) struct Count {
    pub n: i64,
}
