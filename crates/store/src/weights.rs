//! Each circle's weights for the parts of the matching score.

use crate::db;
use crate::{Result, Store, Tx};

use sea_query::{Expr, ExprTrait, OnConflict, Query};
use uuid::Uuid;

/// Whole numbers from 0 to 100, one per part of the score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::FromRow)]
pub struct CircleWeights {
    pub field: i64,
    pub text: i64,
    pub proximity: i64,
    pub years: i64,
    pub load: i64,
    pub availability: i64,
}

/// The columns of the parts, in the order of [`CircleWeights::parts`].
const COLUMNS: [&str; 6] = [
    "field",
    "text",
    "proximity",
    "years",
    "load",
    "availability",
];

impl CircleWeights {
    /// The weights in the order of the engine's parts (`mentorat_matching::Weights::PARTS`).
    pub fn parts(&self) -> [i64; 6] {
        [
            self.field,
            self.text,
            self.proximity,
            self.years,
            self.load,
            self.availability,
        ]
    }

    pub fn from_parts([field, text, proximity, years, load, availability]: [i64; 6]) -> Self {
        CircleWeights {
            field,
            text,
            proximity,
            years,
            load,
            availability,
        }
    }
}

impl Store {
    /// Every circle's weights but the defaults', by circle.
    pub async fn all_circle_weights(&self) -> Result<Vec<(Uuid, CircleWeights)>> {
        #[derive(sqlx::FromRow)]
        struct Row {
            circle_id: Uuid,
            #[sqlx(flatten)]
            weights: CircleWeights,
        }
        let q = Query::select()
            .column("circle_id")
            .columns(COLUMNS)
            .from("circle_weights")
            .to_owned();
        Ok(db::fetch_all::<Row>(&mut &*self, &q)
            .await?
            .into_iter()
            .map(|r| (r.circle_id, r.weights))
            .collect())
    }

    /// The circle's weights, `None` when its coordinators kept the defaults.
    pub async fn circle_weights(&self, circle_id: Uuid) -> Result<Option<CircleWeights>> {
        let q = Query::select()
            .columns(COLUMNS)
            .from("circle_weights")
            .and_where(Expr::col("circle_id").eq(circle_id))
            .to_owned();
        db::fetch_optional(&mut &*self, &q).await
    }
}

impl Tx {
    pub async fn set_circle_weights(
        &mut self,
        circle_id: Uuid,
        w: &CircleWeights,
        by: Uuid,
    ) -> Result<()> {
        let q = Query::insert()
            .into_table("circle_weights")
            .columns(
                ["circle_id"]
                    .into_iter()
                    .chain(COLUMNS)
                    .chain(["updated_by", "updated_at"]),
            )
            .values_panic(
                std::iter::once(circle_id.into())
                    .chain(w.parts().map(Into::into))
                    .chain([by.into(), crate::now().into()]),
            )
            .on_conflict(
                OnConflict::column("circle_id")
                    .update_columns(COLUMNS.into_iter().chain(["updated_by", "updated_at"]))
                    .to_owned(),
            )
            .to_owned();
        db::execute(self, &q).await?;
        Ok(())
    }

    /// Back to the defaults.
    pub async fn clear_circle_weights(&mut self, circle_id: Uuid) -> Result<()> {
        let q = Query::delete()
            .from_table("circle_weights")
            .and_where(Expr::col("circle_id").eq(circle_id))
            .to_owned();
        db::execute(self, &q).await?;
        Ok(())
    }
}
