//! Rows of either backend as JSON values in one form whatever the backend (UUIDs,
//! instants and days as text, booleans as booleans): what a backup writes and what a
//! person's data export holds.

use crate::{Result, StoreError};
use chrono::{DateTime, NaiveDate, NaiveDateTime, SecondsFormat, Utc};
use serde_json::{Value, json};
use sqlx::{Column, Row, TypeInfo, ValueRef};
use uuid::Uuid;

fn corrupt(what: impl Into<String>) -> StoreError {
    StoreError::Corrupt(format!("backup: {}", what.into()))
}

fn instant(at: DateTime<Utc>) -> Value {
    Value::String(at.to_rfc3339_opts(SecondsFormat::AutoSi, false))
}

/// A row of either backend, its values in the backup's portable forms.
pub(crate) trait Portable: Row {
    fn portable(&self) -> Result<Vec<Value>>;

    /// The row as a JSON object: column name → value.
    fn object(&self) -> Result<serde_json::Map<String, Value>> {
        let names: Vec<String> = self.columns().iter().map(|c| c.name().to_owned()).collect();
        Ok(names.into_iter().zip(self.portable()?).collect())
    }
}

impl Portable for sqlx::sqlite::SqliteRow {
    fn portable(&self) -> Result<Vec<Value>> {
        sqlite_values(self)
    }
}

impl Portable for sqlx::postgres::PgRow {
    fn portable(&self) -> Result<Vec<Value>> {
        postgres_values(self)
    }
}

pub(crate) fn sqlite_values(row: &sqlx::sqlite::SqliteRow) -> Result<Vec<Value>> {
    let mut out = Vec::with_capacity(row.columns().len());
    for i in 0..row.columns().len() {
        let raw = row.try_get_raw(i)?;
        if raw.is_null() {
            out.push(Value::Null);
            continue;
        }
        let kind = raw.type_info().name().to_owned();
        out.push(match kind.as_str() {
            "INTEGER" => json!(row.try_get::<i64, _>(i)?),
            "REAL" => json!(row.try_get::<f64, _>(i)?),
            "BLOB" => {
                let bytes: Vec<u8> = row.try_get(i)?;
                match Uuid::from_slice(&bytes) {
                    Ok(u) => Value::String(u.to_string()),
                    Err(_) => return Err(corrupt(format!("a blob of {} bytes", bytes.len()))),
                }
            }
            _ => Value::String(row.try_get::<String, _>(i)?),
        });
    }
    Ok(out)
}

pub(crate) fn postgres_values(row: &sqlx::postgres::PgRow) -> Result<Vec<Value>> {
    let mut out = Vec::with_capacity(row.columns().len());
    for (i, column) in row.columns().iter().enumerate() {
        let raw = row.try_get_raw(i)?;
        if raw.is_null() {
            out.push(Value::Null);
            continue;
        }
        out.push(match column.type_info().name() {
            "UUID" => Value::String(row.try_get::<Uuid, _>(i)?.to_string()),
            "TIMESTAMPTZ" => instant(row.try_get::<DateTime<Utc>, _>(i)?),
            "TIMESTAMP" => Value::String(
                row.try_get::<NaiveDateTime, _>(i)?
                    .format("%F %T%.f")
                    .to_string(),
            ),
            "DATE" => Value::String(row.try_get::<NaiveDate, _>(i)?.format("%F").to_string()),
            "INT8" => json!(row.try_get::<i64, _>(i)?),
            "INT4" => json!(row.try_get::<i32, _>(i)?),
            "INT2" => json!(row.try_get::<i16, _>(i)?),
            "BOOL" => json!(row.try_get::<bool, _>(i)?),
            "FLOAT8" => json!(row.try_get::<f64, _>(i)?),
            "FLOAT4" => json!(row.try_get::<f32, _>(i)?),
            "TEXT" | "VARCHAR" | "BPCHAR" | "NAME" => Value::String(row.try_get::<String, _>(i)?),
            other => return Err(corrupt(format!("a column of type {other}"))),
        });
    }
    Ok(out)
}
