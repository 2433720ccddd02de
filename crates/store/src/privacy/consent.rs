//! A minor's own consent and the kept consent notices.

use crate::db;
use crate::{Result, Tx};
use chrono::{DateTime, Utc};
use sea_query::{Expr, ExprTrait, OnConflict, Query};
use uuid::Uuid;

impl Tx {
    /// Records a porteur's own consent (under 15), or withdraws it (`given: false`).
    pub async fn set_minor_consent(
        &mut self,
        project: Uuid,
        given: bool,
        version: &str,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let mut q = Query::update();
        q.table("projects").and_where(Expr::col("id").eq(project));
        if given {
            q.value("minor_consent_at", now)
                .value("minor_consent_version", version)
                .value("minor_consent_withdrawn_at", Option::<DateTime<Utc>>::None);
        } else {
            q.value("minor_consent_withdrawn_at", now)
                .and_where(Expr::col("minor_consent_withdrawn_at").is_null());
        }
        Ok(db::execute(self, &q).await? > 0)
    }

    /// Keeps a consent notice's text as shown (once per kind, version and language).
    pub async fn keep_notice(
        &mut self,
        kind: &str,
        version: &str,
        locale: &str,
        body: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let q = Query::insert()
            .into_table("consent_notices")
            .columns(["kind", "version", "locale", "body", "first_used_at"])
            .values_panic([
                kind.into(),
                version.into(),
                locale.into(),
                body.into(),
                now.into(),
            ])
            .on_conflict(
                OnConflict::columns(["kind", "version", "locale"])
                    .do_nothing()
                    .to_owned(),
            )
            .to_owned();
        db::execute(self, &q).await.map(drop)
    }
}
