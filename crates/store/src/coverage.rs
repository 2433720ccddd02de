//! The territory each circle covers, and which circle covers a commune.

use crate::circles::{CIRCLE_COLUMNS, CircleRow};
use crate::db;
use crate::{Result, Store, Tx};
use mentorat_domain::Circle;
use mentorat_domain::territory::CoverageLevel;
use sea_query::{CaseStatement, Cond, Expr, ExprTrait, OnConflict, Order, Query};
use uuid::Uuid;

impl Store {
    /// The circle that covers a commune, given the commune's coverage keys (most
    /// specific first): a circle given the commune itself wins over one given its
    /// intercommunality, which wins over one given its département; a paused circle
    /// comes last. One query.
    pub async fn circle_covering(
        &self,
        keys: &[(CoverageLevel, Option<String>)],
    ) -> Result<Option<Circle>> {
        let mut any = Cond::any();
        let mut rank = CaseStatement::new();
        for (i, (level, code)) in keys.iter().enumerate() {
            let Some(code) = code else { continue };
            let here = Cond::all()
                .add(Expr::col(("circle_territories", "level")).eq(level.as_str()))
                .add(Expr::col(("circle_territories", "code")).eq(code.as_str()));
            any = any.add(here.clone());
            rank = rank.case(here, i as i64);
        }
        let query = Query::select()
            .columns(CIRCLE_COLUMNS.map(|c| ("circles", c)))
            .from("circle_territories")
            .inner_join(
                "circles",
                Expr::col(("circles", "id")).equals(("circle_territories", "circle_id")),
            )
            .cond_where(any)
            .order_by_expr(
                Expr::case(Expr::col(("circles", "status")).eq("paused"), 1)
                    .finally(0)
                    .into(),
                Order::Asc,
            )
            .order_by_expr(rank.finally(9).into(), Order::Asc)
            .order_by(("circles", "name"), Order::Asc)
            .limit(1)
            .to_owned();
        db::fetch_optional::<CircleRow>(&mut &*self, &query)
            .await?
            .map(CircleRow::into_circle)
            .transpose()
    }

    /// What a circle covers, as (level, code) pairs.
    pub async fn territory_of(&self, circle_id: Uuid) -> Result<Vec<(CoverageLevel, String)>> {
        territory_of(&mut &*self, circle_id).await
    }
}

#[derive(sqlx::FromRow)]
struct TerritoryRow {
    level: String,
    code: String,
}

async fn territory_of(
    exec: &mut impl db::Exec,
    circle_id: Uuid,
) -> Result<Vec<(CoverageLevel, String)>> {
    let query = Query::select()
        .columns(["level", "code"])
        .from("circle_territories")
        .and_where(Expr::col("circle_id").eq(circle_id))
        .order_by("level", Order::Asc)
        .order_by("code", Order::Asc)
        .to_owned();
    Ok(db::fetch_all::<TerritoryRow>(exec, &query)
        .await?
        .into_iter()
        .filter_map(|r| CoverageLevel::parse(&r.level).map(|l| (l, r.code)))
        .collect())
}

impl Tx {
    /// [`Store::territory_of`], inside the transaction.
    pub async fn territory_of(&mut self, circle_id: Uuid) -> Result<Vec<(CoverageLevel, String)>> {
        territory_of(self, circle_id).await
    }

    pub async fn add_circle_territory(
        &mut self,
        circle_id: Uuid,
        level: CoverageLevel,
        code: &str,
    ) -> Result<()> {
        let query = Query::insert()
            .into_table("circle_territories")
            .columns(["circle_id", "level", "code"])
            .values_panic([circle_id.into(), level.as_str().into(), code.into()])
            .on_conflict(OnConflict::new().do_nothing().to_owned())
            .to_owned();
        db::execute(self, &query).await?;
        Ok(())
    }
}
