//! The association's own details, as the national team saved them.

use crate::db;
use crate::{Result, Store, Tx};

use mentorat_domain::association::{Detail, Details};
use sea_query::{OnConflict, Query};
use uuid::Uuid;

impl Store {
    /// The details saved by the national team (a detail never saved has no row).
    pub async fn association_details(&self) -> Result<Details> {
        #[derive(sqlx::FromRow)]
        struct Row {
            key: String,
            value: String,
        }
        let q = Query::select()
            .columns(["key", "value"])
            .from("association_details")
            .to_owned();
        let mut details = Details::default();
        for row in db::fetch_all::<Row>(&mut &*self, &q).await? {
            // A key written by a later version and unknown here is left alone.
            if let Some(d) = Detail::from_key(&row.key) {
                details.set(d, row.value);
            }
        }
        Ok(details)
    }
}

impl Tx {
    /// Saves every detail of `details` (an empty one too: it stays cleared).
    pub async fn set_association_details(&mut self, details: &Details, by: Uuid) -> Result<()> {
        let now = crate::now();
        let mut q = Query::insert()
            .into_table("association_details")
            .columns(["key", "value", "updated_by", "updated_at"])
            .to_owned();
        for (d, value) in details.rows() {
            q.values_panic([d.key().into(), value.into(), by.into(), now.into()]);
        }
        q.on_conflict(
            OnConflict::column("key")
                .update_columns(["value", "updated_by", "updated_at"])
                .to_owned(),
        );
        db::execute(self, &q).await?;
        Ok(())
    }
}
