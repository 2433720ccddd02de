//! Backups: a portable, logical copy of every table, written while the platform serves
//! and writes, and read back into SQLite or PostgreSQL.
//!
//! The copy is read in one read transaction (a snapshot: SQLite's WAL reader, a
//! PostgreSQL `REPEATABLE READ READ ONLY` transaction), so it is consistent whatever is
//! written meanwhile. The file is JSON Lines: a header (format, the migration version of
//! the schema, the backend it came from), then each table — its name and columns, its
//! rows as arrays of values, its row count — parents before children, then an end line.
//! Values are written in one form whatever the backend: UUIDs, instants (RFC 3339, as
//! the SQLite driver stores them) and days as text, booleans as booleans. Restoring
//! reads the target's column types and converts each value to them, so a copy of a
//! SQLite database restores into PostgreSQL and back.

use crate::db::{Backend, Db};
use crate::{Result, Store, StoreError};
use chrono::{SecondsFormat, Utc};
use futures_util::TryStreamExt;
use serde_json::{Value, json};

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, Write};
use uuid::Uuid;

/// The first line's marker and the format's version.
const FORMAT: &str = "mentorat-backup";
const VERSION: u64 = 1;
/// Rows per multi-row INSERT when restoring, at most: fewer for wide tables, so that a
/// statement binds at most `VALUES_PER_INSERT` values (SQLite takes 32,766 and
/// PostgreSQL 65,535).
const ROWS_PER_INSERT: usize = 1_000;
const VALUES_PER_INSERT: usize = 30_000;
/// SQLite's page cache while a restore writes (its indexes fit in it): 128 MiB.
const RESTORE_CACHE_KIB: i64 = 131_072;

/// Where a long copy reports how far it is.
pub trait Progress: Send {
    /// A new phase of `total` records begins.
    fn phase(&mut self, name: &str, total: usize);
    /// `done` more records of the phase are done.
    fn advance(&mut self, done: usize);
    /// The phase is over.
    fn finish(&mut self);
}

/// No progress report.
pub struct Silent;

impl Progress for Silent {
    fn phase(&mut self, _: &str, _: usize) {}
    fn advance(&mut self, _: usize) {}
    fn finish(&mut self) {}
}

/// What a backup holds, as its header and row counts say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupSummary {
    /// The last migration applied to the schema it was taken from.
    pub migration: i64,
    /// The backend it was taken from (`sqlite` or `postgres`).
    pub backend: String,
    pub created_at: String,
    /// Each table, in the file's order, with its rows.
    pub tables: Vec<(String, u64)>,
}

/// A table as the copy sees it: its columns in order, and those that refer to the table
/// itself (restored in a second pass on PostgreSQL, whose checks are not deferred).
#[derive(Debug, Clone)]
struct Table {
    name: String,
    columns: Vec<(String, String)>,
    self_refs: Vec<String>,
}

fn corrupt(what: impl Into<String>) -> StoreError {
    StoreError::Corrupt(format!("backup: {}", what.into()))
}

fn io(e: std::io::Error) -> StoreError {
    StoreError::Corrupt(format!("backup file: {e}"))
}

/// Tables, parents first (a table after every table it refers to, itself aside).
fn ordered(tables: Vec<Table>, parents: &BTreeMap<String, BTreeSet<String>>) -> Vec<Table> {
    let mut done: BTreeSet<String> = BTreeSet::new();
    let mut left = tables;
    let mut out = Vec::new();
    while !left.is_empty() {
        let before = left.len();
        let (ready, rest): (Vec<Table>, Vec<Table>) = left.into_iter().partition(|t| {
            parents
                .get(&t.name)
                .is_none_or(|ps| ps.iter().all(|p| *p == t.name || done.contains(p)))
        });
        left = rest;
        if ready.is_empty() {
            // A cycle between tables (none today): the rest in name order.
            out.append(&mut left);
            break;
        }
        for t in ready {
            done.insert(t.name.clone());
            out.push(t);
        }
        debug_assert!(left.len() < before);
    }
    out
}

impl Store {
    /// The schema's tables (the migrations' own bookkeeping aside), parents first.
    async fn tables(&self) -> Result<Vec<Table>> {
        let mut parents: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut tables = Vec::new();
        match &self.db {
            Db::Sqlite { readers, .. } => {
                let names: Vec<String> = sqlx::query_scalar(
                    "SELECT name FROM sqlite_master WHERE type = 'table' \
                     AND name NOT LIKE 'sqlite_%' AND name <> '_sqlx_migrations' ORDER BY name",
                )
                .fetch_all(readers)
                .await?;
                for name in names {
                    let columns: Vec<(String, String)> = sqlx::query_as(
                        "SELECT name, upper(type) FROM pragma_table_info(?) ORDER BY cid",
                    )
                    .bind(&name)
                    .fetch_all(readers)
                    .await?;
                    let refs: Vec<(String, String)> = sqlx::query_as(
                        "SELECT \"table\", \"from\" FROM pragma_foreign_key_list(?)",
                    )
                    .bind(&name)
                    .fetch_all(readers)
                    .await?;
                    let self_refs = refs
                        .iter()
                        .filter(|(t, _)| *t == name)
                        .map(|(_, c)| c.clone())
                        .collect();
                    parents.insert(name.clone(), refs.into_iter().map(|(t, _)| t).collect());
                    tables.push(Table {
                        name,
                        columns,
                        self_refs,
                    });
                }
            }
            Db::Postgres(pool) => {
                let names: Vec<String> = sqlx::query_scalar(
                    "SELECT table_name::text FROM information_schema.tables \
                     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' \
                     AND table_name <> '_sqlx_migrations' ORDER BY table_name",
                )
                .fetch_all(pool)
                .await?;
                let refs: Vec<(String, String, String)> = sqlx::query_as(
                    "SELECT c.conrelid::regclass::text, c.confrelid::regclass::text, a.attname::text \
                     FROM pg_constraint c \
                     JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey) \
                     WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace",
                )
                .fetch_all(pool)
                .await?;
                for name in names {
                    let columns: Vec<(String, String)> = sqlx::query_as(
                        "SELECT column_name::text, upper(udt_name::text) FROM information_schema.columns \
                         WHERE table_schema = current_schema() AND table_name = $1 \
                         ORDER BY ordinal_position",
                    )
                    .bind(&name)
                    .fetch_all(pool)
                    .await?;
                    let mine: Vec<&(String, String, String)> =
                        refs.iter().filter(|(t, _, _)| *t == name).collect();
                    let self_refs = mine
                        .iter()
                        .filter(|(_, p, _)| *p == name)
                        .map(|(_, _, c)| c.clone())
                        .collect();
                    parents.insert(
                        name.clone(),
                        mine.iter().map(|(_, p, _)| p.clone()).collect(),
                    );
                    tables.push(Table {
                        name,
                        columns,
                        self_refs,
                    });
                }
            }
        }
        Ok(ordered(tables, &parents))
    }

    /// Every text column of every table: `(table, column)`.
    pub(crate) async fn text_columns(&self) -> Result<Vec<(String, String)>> {
        Ok(self
            .tables()
            .await?
            .into_iter()
            .flat_map(|t| {
                t.columns
                    .into_iter()
                    .filter(|(_, ty)| ty == "TEXT" || ty == "VARCHAR")
                    .map(move |(c, _)| (t.name.clone(), c))
            })
            .collect())
    }

    /// The last migration applied (0 on an empty database).
    pub async fn migration_version(&self) -> Result<i64> {
        let q = "SELECT COALESCE(MAX(version), 0) FROM _sqlx_migrations WHERE success";
        let version = match &self.db {
            Db::Sqlite { readers, .. } => sqlx::query_scalar(q).fetch_one(readers).await,
            Db::Postgres(pool) => sqlx::query_scalar(q).fetch_one(pool).await,
        };
        match version {
            Ok(v) => Ok(v),
            // No migration table yet: nothing applied.
            Err(sqlx::Error::Database(_)) => Ok(0),
            Err(e) => Err(e.into()),
        }
    }

    /// Writes a consistent copy of every table to `out` (see the module's notes);
    /// returns what it holds.
    pub async fn backup(
        &self,
        out: &mut (impl Write + Send),
        progress: &mut dyn Progress,
    ) -> Result<BackupSummary> {
        let tables = self.tables().await?;
        let migration = self.migration_version().await?;
        let backend = match self.backend() {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        };
        let created_at = Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true);
        let line = |v: Value, out: &mut (dyn Write + Send)| -> Result<()> {
            serde_json::to_writer(&mut *out, &v).map_err(|e| corrupt(e.to_string()))?;
            out.write_all(b"\n").map_err(io)
        };
        line(
            json!({ "format": FORMAT, "version": VERSION, "migration": migration,
                    "backend": backend, "created_at": created_at }),
            out,
        )?;
        let mut counts = Vec::new();
        // One read transaction for every table: the snapshot the copy is. The same
        // steps on either backend, each row decoded by its driver's types.
        macro_rules! copy_tables {
            ($tx:expr, $values:path) => {
                for t in &tables {
                    let total: i64 =
                        sqlx::query_scalar(&format!("SELECT COUNT(*) FROM \"{}\"", t.name))
                            .fetch_one(&mut *$tx)
                            .await?;
                    progress.phase(&t.name, total as usize);
                    line(json!({ "table": t.name, "columns": names(t) }), out)?;
                    let sql = format!("SELECT * FROM \"{}\"", t.name);
                    let mut rows = sqlx::query(&sql).fetch(&mut *$tx);
                    let mut n = 0u64;
                    while let Some(row) = rows.try_next().await? {
                        line(Value::Array($values(&row)?), out)?;
                        n += 1;
                        if n.is_multiple_of(1_000) {
                            progress.advance(1_000);
                        }
                    }
                    progress.advance((n % 1_000) as usize);
                    progress.finish();
                    line(json!({ "rows": n }), out)?;
                    counts.push((t.name.clone(), n));
                }
            };
        }
        match &self.db {
            Db::Sqlite { readers, .. } => {
                let mut tx = readers.begin().await?;
                copy_tables!(tx, crate::portable::sqlite_values);
                tx.commit().await?;
            }
            Db::Postgres(pool) => {
                let mut tx = pool.begin().await?;
                sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
                    .execute(&mut *tx)
                    .await?;
                copy_tables!(tx, crate::portable::postgres_values);
                tx.commit().await?;
            }
        }
        line(json!({ "end": true, "tables": counts.len() }), out)?;
        out.flush().map_err(io)?;
        Ok(BackupSummary {
            migration,
            backend: backend.to_owned(),
            created_at,
            tables: counts,
        })
    }

    /// How many accounts the database holds (0 when its schema is not there yet): what
    /// « empty » means before a restore.
    pub async fn accounts_count(&self) -> Result<i64> {
        let q = "SELECT COUNT(*) FROM users";
        let n = match &self.db {
            Db::Sqlite { readers, .. } => sqlx::query_scalar(q).fetch_one(readers).await,
            Db::Postgres(pool) => sqlx::query_scalar(q).fetch_one(pool).await,
        };
        match n {
            Ok(n) => Ok(n),
            Err(sqlx::Error::Database(_)) => Ok(0),
            Err(e) => Err(e.into()),
        }
    }

    /// Replaces the content of every table of the backup read from `input` with its
    /// rows, in one transaction (nothing changes if anything fails). The schema must be
    /// migrated first (see [`Store::migrate_to`]).
    pub async fn restore(
        &self,
        input: &mut impl BufRead,
        progress: &mut dyn Progress,
    ) -> Result<BackupSummary> {
        // SQLite: foreign keys checked once at the end rather than row by row, and a
        // larger page cache for the indexes (both set on the writer, outside any
        // transaction, and set back whatever happens).
        if let Db::Sqlite { writer, .. } = &self.db {
            sqlx::query("PRAGMA foreign_keys = OFF")
                .execute(writer)
                .await?;
            sqlx::query(&format!("PRAGMA cache_size = -{RESTORE_CACHE_KIB}"))
                .execute(writer)
                .await?;
        }
        let restored = self.restore_rows(input, progress).await;
        if let Db::Sqlite { writer, .. } = &self.db {
            sqlx::query("PRAGMA foreign_keys = ON")
                .execute(writer)
                .await?;
            sqlx::query("PRAGMA cache_size = -2000")
                .execute(writer)
                .await?;
        }
        restored
    }

    async fn restore_rows(
        &self,
        input: &mut impl BufRead,
        progress: &mut dyn Progress,
    ) -> Result<BackupSummary> {
        let targets: BTreeMap<String, Table> = self
            .tables()
            .await?
            .into_iter()
            .map(|t| (t.name.clone(), t))
            .collect();
        let mut lines = input.lines();
        let mut next = || -> Result<Option<Value>> {
            match lines.next() {
                None => Ok(None),
                Some(l) => {
                    let l = l.map_err(io)?;
                    serde_json::from_str(&l)
                        .map(Some)
                        .map_err(|e| corrupt(e.to_string()))
                }
            }
        };
        let header = next()?.ok_or_else(|| corrupt("the file is empty"))?;
        let summary = header_summary(&header)?;
        let order: Vec<String> = self.tables().await?.into_iter().map(|t| t.name).collect();
        let mut tx = self.begin().await?;
        let backend = self.backend();
        // Whatever the tables hold (the migrations' seeds, or an old content with
        // --force) goes first, children first.
        for name in order.iter().rev() {
            tx.execute_raw(&format!("DELETE FROM \"{name}\"")).await?;
        }
        let mut counts = Vec::new();
        loop {
            let Some(v) = next()? else {
                return Err(corrupt("the file ends before its last line (truncated?)"));
            };
            if v.get("end").is_some() {
                break;
            }
            let name = v["table"]
                .as_str()
                .ok_or_else(|| corrupt("a table line without its name"))?
                .to_owned();
            let columns: Vec<String> = v["columns"]
                .as_array()
                .ok_or_else(|| corrupt(format!("{name}: no columns")))?
                .iter()
                .map(|c| c.as_str().unwrap_or_default().to_owned())
                .collect();
            let target = targets.get(&name).ok_or_else(|| {
                corrupt(format!("the table {name} is not in this database's schema"))
            })?;
            let types: Vec<String> = columns
                .iter()
                .map(|c| {
                    target
                        .columns
                        .iter()
                        .find(|(n, _)| n == c)
                        .map(|(_, t)| t.clone())
                        .ok_or_else(|| {
                            corrupt(format!("{name}.{c} is not in this database's schema"))
                        })
                })
                .collect::<Result<_>>()?;
            progress.phase(&name, 0);
            let per_insert = (VALUES_PER_INSERT / columns.len().max(1)).clamp(1, ROWS_PER_INSERT);
            let mut batch: Vec<Vec<Value>> = Vec::with_capacity(per_insert);
            let mut later: Vec<(Value, Vec<(String, Value)>)> = Vec::new();
            let mut n = 0u64;
            let declared = loop {
                let row =
                    next()?.ok_or_else(|| corrupt(format!("{name}: the rows end abruptly")))?;
                match row {
                    Value::Array(mut values) => {
                        if values.len() != columns.len() {
                            return Err(corrupt(format!(
                                "{name}: a row of {} values",
                                values.len()
                            )));
                        }
                        // Self-references wait for every row (PostgreSQL checks at once).
                        if backend == Backend::Postgres && !target.self_refs.is_empty() {
                            let mut refs = Vec::new();
                            for (i, c) in columns.iter().enumerate() {
                                if target.self_refs.contains(c) && !values[i].is_null() {
                                    refs.push((c.clone(), std::mem::take(&mut values[i])));
                                }
                            }
                            let id = columns
                                .iter()
                                .position(|c| c == "id")
                                .map(|i| values[i].clone())
                                .ok_or_else(|| {
                                    corrupt(format!("{name}: refers to itself without an id"))
                                })?;
                            if !refs.is_empty() {
                                later.push((id, refs));
                            }
                        }
                        batch.push(values);
                        n += 1;
                        if batch.len() == per_insert {
                            tx.insert_values(&name, &columns, &types, &batch).await?;
                            progress.advance(batch.len());
                            batch.clear();
                        }
                    }
                    Value::Object(o) => {
                        break o
                            .get("rows")
                            .and_then(Value::as_u64)
                            .ok_or_else(|| corrupt(format!("{name}: no row count")))?;
                    }
                    _ => return Err(corrupt(format!("{name}: an unreadable line"))),
                }
            };
            if !batch.is_empty() {
                tx.insert_values(&name, &columns, &types, &batch).await?;
                progress.advance(batch.len());
            }
            for (id, refs) in later {
                for (column, value) in refs {
                    let ty = types[columns.iter().position(|c| *c == column).unwrap_or(0)].clone();
                    tx.set_self_ref(&name, &column, &ty, &value, &id).await?;
                }
            }
            progress.finish();
            if declared != n {
                return Err(corrupt(format!(
                    "{name}: {n} rows where the file says {declared}"
                )));
            }
            counts.push((name, n));
        }
        if backend == Backend::Sqlite {
            // Every row is there: the references are checked once, before committing.
            let orphans = tx.count_foreign_key_problems().await?;
            if orphans > 0 {
                return Err(corrupt(format!(
                    "{orphans} rows refer to rows the copy lacks"
                )));
            }
        }
        tx.commit().await?;
        Ok(BackupSummary {
            tables: counts,
            ..summary
        })
    }
}

/// A table's column names.
fn names(t: &Table) -> Vec<&str> {
    t.columns.iter().map(|(n, _)| n.as_str()).collect()
}

/// What a backup's first line says.
fn header_summary(header: &Value) -> Result<BackupSummary> {
    if header["format"] != FORMAT {
        return Err(corrupt("this is not a mentorat backup"));
    }
    if header["version"].as_u64() != Some(VERSION) {
        return Err(corrupt("a backup of another format version"));
    }
    Ok(BackupSummary {
        migration: header["migration"].as_i64().unwrap_or(0),
        backend: header["backend"].as_str().unwrap_or_default().to_owned(),
        created_at: header["created_at"].as_str().unwrap_or_default().to_owned(),
        tables: Vec::new(),
    })
}

/// Reads a backup's header alone.
pub fn read_header(input: &mut impl BufRead) -> Result<BackupSummary> {
    let mut first = String::new();
    input.read_line(&mut first).map_err(io)?;
    let header: Value =
        serde_json::from_str(&first).map_err(|_| corrupt("this is not a mentorat backup"))?;
    header_summary(&header)
}

/// An instant as the SQLite driver writes it (and as backups carry it).
/// A backup's value as text, for a PostgreSQL `CAST($n AS type)` (booleans as `true` or
/// `false`, which every integer and boolean cast reads: integers as digits).
pub(crate) fn as_text(value: &Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        Value::Bool(b) => Some(b.to_string()),
        other => Some(other.to_string()),
    }
}

/// Binds a backup's value to a SQLite statement in the storage its column declares
/// (`BLOB`: a UUID's 16 bytes; `INTEGER`: booleans as 0 or 1).
pub(crate) fn bind_sqlite<'q>(
    q: sqlx::query::Query<'q, sqlx::Sqlite, sqlx::sqlite::SqliteArguments<'q>>,
    value: &Value,
    ty: &str,
) -> Result<sqlx::query::Query<'q, sqlx::Sqlite, sqlx::sqlite::SqliteArguments<'q>>> {
    Ok(match value {
        Value::Null => q.bind(Option::<String>::None),
        Value::Bool(b) => q.bind(i64::from(*b)),
        Value::Number(n) if ty == "REAL" => q.bind(n.as_f64().unwrap_or_default()),
        Value::Number(n) => match n.as_i64() {
            Some(i) => q.bind(i),
            None => q.bind(n.as_f64().unwrap_or_default()),
        },
        Value::String(s) if ty == "BLOB" => {
            let id = Uuid::parse_str(s).map_err(|_| corrupt(format!("{s:?} is not a UUID")))?;
            q.bind(id.as_bytes().to_vec())
        }
        Value::String(s) => q.bind(s.clone()),
        other => return Err(corrupt(format!("an unexpected value {other}"))),
    })
}

impl Store {
    /// What SQLite's own checks find wrong (integrity, foreign keys); nothing on
    /// PostgreSQL, which checks as it writes.
    pub async fn integrity_problems(&self) -> Result<Vec<String>> {
        match &self.db {
            Db::Sqlite { readers, .. } => {
                let mut problems: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
                    .fetch_all(readers)
                    .await?
                    .into_iter()
                    .filter(|p: &String| p != "ok")
                    .collect();
                let orphans: Vec<(String, i64, String)> =
                    sqlx::query_as("SELECT \"table\", rowid, parent FROM pragma_foreign_key_check")
                        .fetch_all(readers)
                        .await?;
                problems.extend(
                    orphans.into_iter().map(|(t, row, parent)| {
                        format!("{t} row {row} refers to a missing {parent}")
                    }),
                );
                Ok(problems)
            }
            Db::Postgres(_) => Ok(Vec::new()),
        }
    }
}

#[cfg(feature = "testing")]
impl crate::Tx {
    /// Marks migration `version` applied, as a newer binary would have (tests of the
    /// refusal to serve a newer database).
    pub async fn record_foreign_migration(&mut self, version: i64) -> Result<()> {
        let q = sea_query::Query::insert()
            .into_table("_sqlx_migrations")
            .columns([
                "version",
                "description",
                "success",
                "checksum",
                "execution_time",
            ])
            .values_panic([
                version.into(),
                "from a newer binary".into(),
                true.into(),
                vec![0u8].into(),
                0i64.into(),
            ])
            .to_owned();
        crate::db::execute(self, &q).await?;
        Ok(())
    }
}
