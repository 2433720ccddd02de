//! The priority neighbourhoods (QPV) as reference data, and each person's answer about
//! theirs.

use crate::db;
use crate::{Result, Store, Tx};
use chrono::{DateTime, Utc};
use sea_query::{Expr, ExprTrait, OnConflict, Order, Query};
use uuid::Uuid;

/// One QPV of a file: its code, name and the communes (INSEE codes) it lies in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QpvRow {
    pub code: String,
    pub name: String,
    pub communes: Vec<String>,
}

/// A QPV as offered to a person.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Qpv {
    pub code: String,
    pub name: String,
}

/// What a person said: `qpv_answer` (`yes`, `no`, `unknown`, or none yet) and the code.
#[derive(Debug, Clone, Default, PartialEq, Eq, sqlx::FromRow)]
pub struct QpvChoice {
    pub qpv_answer: Option<String>,
    pub qpv_code: Option<String>,
}

impl Tx {
    /// Adds or renames QPV and replaces the communes of each one given. Returns how
    /// many were new.
    pub async fn upsert_qpv(&mut self, rows: &[QpvRow], now: DateTime<Utc>) -> Result<u64> {
        let mut created = 0;
        for chunk in rows.chunks(200) {
            let codes: Vec<&str> = chunk.iter().map(|r| r.code.as_str()).collect();
            let known = Query::select()
                .expr_as(db::count_rows(), "n")
                .from("qpv")
                .and_where(Expr::col("code").is_in(codes.iter().copied()))
                .to_owned();
            let known = db::fetch_one::<db::Count>(self, &known).await?.n;
            created += chunk.len() as u64 - u64::try_from(known).unwrap_or(0);
            let mut insert = Query::insert()
                .into_table("qpv")
                .columns(["code", "name", "imported_at"])
                .to_owned();
            for r in chunk {
                insert.values_panic([r.code.as_str().into(), r.name.as_str().into(), now.into()]);
            }
            insert.on_conflict(
                OnConflict::column("code")
                    .update_columns(["name", "imported_at"])
                    .to_owned(),
            );
            db::execute(self, &insert).await?;
            let clear = Query::delete()
                .from_table("qpv_communes")
                .and_where(Expr::col("qpv_code").is_in(codes.iter().copied()))
                .to_owned();
            db::execute(self, &clear).await?;
            let mut communes = Query::insert()
                .into_table("qpv_communes")
                .columns(["qpv_code", "commune_code"])
                .to_owned();
            let mut any = false;
            for r in chunk {
                for c in &r.communes {
                    communes.values_panic([r.code.as_str().into(), c.as_str().into()]);
                    any = true;
                }
            }
            if any {
                communes.on_conflict(OnConflict::new().do_nothing().to_owned());
                db::execute(self, &communes).await?;
            }
        }
        Ok(created)
    }

    pub async fn set_qpv_choice(&mut self, user_id: Uuid, choice: &QpvChoice) -> Result<()> {
        let q = Query::update()
            .table("users")
            .value("qpv_answer", choice.qpv_answer.clone())
            .value("qpv_code", choice.qpv_code.clone())
            .and_where(Expr::col("id").eq(user_id))
            .to_owned();
        db::execute(self, &q).await?;
        Ok(())
    }
}

impl Store {
    /// The QPV of a commune, by name.
    pub async fn qpv_of_commune(&self, commune_code: &str) -> Result<Vec<Qpv>> {
        let q = Query::select()
            .columns([("qpv", "code"), ("qpv", "name")])
            .from("qpv_communes")
            .inner_join(
                "qpv",
                Expr::col(("qpv", "code")).equals(("qpv_communes", "qpv_code")),
            )
            .and_where(Expr::col(("qpv_communes", "commune_code")).eq(commune_code))
            .order_by(("qpv", "name"), Order::Asc)
            .to_owned();
        db::fetch_all(&mut &*self, &q).await
    }

    pub async fn qpv_count(&self) -> Result<i64> {
        let q = Query::select()
            .expr_as(db::count_rows(), "n")
            .from("qpv")
            .to_owned();
        Ok(db::fetch_one::<db::Count>(&mut &*self, &q).await?.n)
    }

    pub async fn qpv_choice(&self, user_id: Uuid) -> Result<QpvChoice> {
        let q = Query::select()
            .columns(["qpv_answer", "qpv_code"])
            .from("users")
            .and_where(Expr::col("id").eq(user_id))
            .to_owned();
        Ok(db::fetch_optional(&mut &*self, &q)
            .await?
            .unwrap_or_default())
    }

    /// The commune a person lives in, as far as the platform knows: their mentor
    /// profile's, else their latest project's.
    pub async fn home_commune(&self, user_id: Uuid) -> Result<Option<String>> {
        #[derive(sqlx::FromRow)]
        struct Code {
            commune_code: String,
        }
        let mentor = Query::select()
            .column("commune_code")
            .from("mentors")
            .and_where(Expr::col("user_id").eq(user_id))
            .to_owned();
        if let Some(c) = db::fetch_optional::<Code>(&mut &*self, &mentor).await? {
            return Ok(Some(c.commune_code));
        }
        let project = Query::select()
            .column("commune_code")
            .from("projects")
            .and_where(Expr::col("mentee_id").eq(user_id))
            .order_by("created_at", Order::Desc)
            .limit(1)
            .to_owned();
        Ok(db::fetch_optional::<Code>(&mut &*self, &project)
            .await?
            .map(|c| c.commune_code))
    }
}
