//! Batch matching proposals: drafts reviewed pair by pair, then published.

use crate::db;
use crate::{Result, Store, Tx};
use chrono::{DateTime, Utc};
use sea_query::{Expr, ExprTrait, Order, Query};
use uuid::Uuid;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ProposalRecord {
    pub id: Uuid,
    pub circle_id: Option<Uuid>,
    #[sqlx(try_from = "String")]
    pub status: mentorat_domain::ProposalStatus,
    pub total_score: i64,
    pub matched: i64,
    pub unmatched: i64,
    pub blocking_pairs: i64,
    pub created_at: DateTime<Utc>,
    /// As many pairs as possible first (then the best total score), or the best
    /// total score alone.
    pub matches_first: bool,
    /// The draft recomputed from this one, if it was.
    pub replaced_by: Option<Uuid>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ProposedPair {
    pub project_id: Uuid,
    pub mentor_id: Uuid,
    pub score: i64,
    pub reasons: String,
    pub removed: bool,
}

impl Store {
    /// How many of a proposal's pairs were removed, and their scores' sum: the
    /// proposal's counts as its page shows them leave those out.
    pub async fn removed_pairs_summary(&self, id: Uuid) -> Result<(i64, i64)> {
        #[derive(sqlx::FromRow)]
        struct Removed {
            n: i64,
            score: Option<i64>,
        }
        let q = Query::select()
            .expr_as(db::count_rows(), "n")
            // PostgreSQL sums BIGINTs as NUMERIC: back to a BIGINT.
            .expr_as(
                sea_query::Func::cast_as(sea_query::Func::sum(Expr::col("score")), "BIGINT"),
                "score",
            )
            .from("match_proposal_pairs")
            .and_where(Expr::col("proposal_id").eq(id))
            .and_where(Expr::col("removed").eq(true))
            .to_owned();
        let r: Removed = db::fetch_one(&mut &*self, &q).await?;
        Ok((r.n, r.score.unwrap_or(0)))
    }
}

impl Store {
    pub async fn proposal(&self, id: Uuid) -> Result<Option<ProposalRecord>> {
        let q = Query::select()
            .columns([
                "id",
                "circle_id",
                "status",
                "total_score",
                "matched",
                "unmatched",
                "blocking_pairs",
                "created_at",
                "matches_first",
                "replaced_by",
            ])
            .from("match_proposals")
            .and_where(Expr::col("id").eq(id))
            .to_owned();
        db::fetch_optional(&mut &*self, &q).await
    }

    /// The porteurs a proposal left without a mentor: (project, reason); all, or
    /// `(offset, limit)` of them.
    pub async fn proposal_unmatched(
        &self,
        id: Uuid,
        page: Option<(u64, u64)>,
    ) -> Result<Vec<(Uuid, String)>> {
        #[derive(sqlx::FromRow)]
        struct U {
            project_id: Uuid,
            reason: String,
        }
        let q = Query::select()
            .columns(["project_id", "reason"])
            .from("match_proposal_unmatched")
            .and_where(Expr::col("proposal_id").eq(id))
            .order_by("reason", Order::Desc)
            .order_by("project_id", Order::Asc)
            .to_owned();
        let q = paged(q, page);
        Ok(db::fetch_all::<U>(&mut &*self, &q)
            .await?
            .into_iter()
            .map(|u| (u.project_id, u.reason))
            .collect())
    }

    /// A proposal's pairs, best score first: all, or `(offset, limit)` of them.
    pub async fn proposal_pairs(
        &self,
        id: Uuid,
        page: Option<(u64, u64)>,
    ) -> Result<Vec<ProposedPair>> {
        let q = Query::select()
            .columns(["project_id", "mentor_id", "score", "reasons", "removed"])
            .from("match_proposal_pairs")
            .and_where(Expr::col("proposal_id").eq(id))
            .order_by("score", Order::Desc)
            .order_by("project_id", Order::Asc)
            .to_owned();
        db::fetch_all(&mut &*self, &paged(q, page)).await
    }

    /// The circles of a proposal over a set of circles (none for one circle, whose id
    /// is the record's, or for the whole network).
    pub async fn proposal_circles(&self, id: Uuid) -> Result<Vec<Uuid>> {
        #[derive(sqlx::FromRow)]
        struct C {
            circle_id: Uuid,
        }
        let q = Query::select()
            .column("circle_id")
            .from("match_proposal_circles")
            .and_where(Expr::col("proposal_id").eq(id))
            .order_by("circle_id", Order::Asc)
            .to_owned();
        Ok(db::fetch_all::<C>(&mut &*self, &q)
            .await?
            .into_iter()
            .map(|c| c.circle_id)
            .collect())
    }

    /// The (project, mentor) pairs a draft must never propose: those the coordinators
    /// removed from the drafts it was recomputed from.
    /// The pairs of these projects that a coordinator removed from any proposal: a new
    /// proposal never offers them again.
    pub async fn removed_pairs_of(&self, projects: &[Uuid]) -> Result<Vec<(Uuid, Uuid)>> {
        #[derive(sqlx::FromRow)]
        struct X {
            project_id: Uuid,
            mentor_id: Uuid,
        }
        let rows = db::fetch_by_ids::<X>(&mut &*self, projects, |chunk| {
            Query::select()
                .distinct()
                .columns(["project_id", "mentor_id"])
                .from("match_proposal_pairs")
                .and_where(Expr::col("project_id").is_in(chunk.iter().copied()))
                .and_where(Expr::col("removed").eq(true))
                .to_owned()
        })
        .await?;
        Ok(rows
            .into_iter()
            .map(|x| (x.project_id, x.mentor_id))
            .collect())
    }

    pub async fn proposal_exclusions(&self, id: Uuid) -> Result<Vec<(Uuid, Uuid)>> {
        #[derive(sqlx::FromRow)]
        struct X {
            project_id: Uuid,
            mentor_id: Uuid,
        }
        let q = Query::select()
            .columns(["project_id", "mentor_id"])
            .from("match_proposal_exclusions")
            .and_where(Expr::col("proposal_id").eq(id))
            .order_by("project_id", Order::Asc)
            .order_by("mentor_id", Order::Asc)
            .to_owned();
        Ok(db::fetch_all::<X>(&mut &*self, &q)
            .await?
            .into_iter()
            .map(|x| (x.project_id, x.mentor_id))
            .collect())
    }
}

impl Tx {
    pub async fn insert_proposal(
        &mut self,
        p: &ProposalRecord,
        created_by: Uuid,
        pairs: &[ProposedPair],
    ) -> Result<()> {
        let q = Query::insert()
            .into_table("match_proposals")
            .columns([
                "id",
                "circle_id",
                "created_by",
                "status",
                "total_score",
                "matched",
                "unmatched",
                "blocking_pairs",
                "created_at",
                "matches_first",
            ])
            .values_panic([
                p.id.into(),
                p.circle_id.into(),
                created_by.into(),
                "draft".into(),
                p.total_score.into(),
                p.matched.into(),
                p.unmatched.into(),
                p.blocking_pairs.into(),
                p.created_at.into(),
                p.matches_first.into(),
            ])
            .to_owned();
        db::execute(self, &q).await?;
        for pair in pairs {
            let q = Query::insert()
                .into_table("match_proposal_pairs")
                .columns(["proposal_id", "project_id", "mentor_id", "score", "reasons"])
                .values_panic([
                    p.id.into(),
                    pair.project_id.into(),
                    pair.mentor_id.into(),
                    pair.score.into(),
                    pair.reasons.as_str().into(),
                ])
                .to_owned();
            db::execute(self, &q).await?;
        }
        Ok(())
    }

    /// Records a porteur the proposal leaves without a mentor, and why
    /// (`no_candidate` or `candidates_full`).
    pub async fn insert_unmatched(
        &mut self,
        proposal_id: Uuid,
        project_id: Uuid,
        reason: &str,
    ) -> Result<()> {
        let q = Query::insert()
            .into_table("match_proposal_unmatched")
            .columns(["proposal_id", "project_id", "reason"])
            .values_panic([proposal_id.into(), project_id.into(), reason.into()])
            .to_owned();
        db::execute(self, &q).await?;
        Ok(())
    }

    /// Records the circles of a proposal over a set of circles.
    pub async fn insert_proposal_circles(
        &mut self,
        proposal_id: Uuid,
        circles: &[Uuid],
    ) -> Result<()> {
        for &circle_id in circles {
            let q = Query::insert()
                .into_table("match_proposal_circles")
                .columns(["proposal_id", "circle_id"])
                .values_panic([proposal_id.into(), circle_id.into()])
                .to_owned();
            db::execute(self, &q).await?;
        }
        Ok(())
    }

    /// Records pairs the draft `proposal_id` must never propose.
    pub async fn insert_exclusions(
        &mut self,
        proposal_id: Uuid,
        pairs: &[(Uuid, Uuid)],
    ) -> Result<()> {
        for &(project_id, mentor_id) in pairs {
            let q = Query::insert()
                .into_table("match_proposal_exclusions")
                .columns(["proposal_id", "project_id", "mentor_id"])
                .values_panic([proposal_id.into(), project_id.into(), mentor_id.into()])
                .to_owned();
            db::execute(self, &q).await?;
        }
        Ok(())
    }

    /// Marks the draft `id` replaced by the draft `by`; `false` when it was not a
    /// draft still open (published, or replaced already).
    pub async fn replace_proposal(&mut self, id: Uuid, by: Uuid) -> Result<bool> {
        let q = Query::update()
            .table("match_proposals")
            .value("replaced_by", by)
            .and_where(Expr::col("id").eq(id))
            .and_where(Expr::col("status").eq("draft"))
            .and_where(Expr::col("replaced_by").is_null())
            .to_owned();
        Ok(db::execute(self, &q).await? == 1)
    }

    /// Removes a pair from a draft (the coordinator does not want it).
    pub async fn remove_proposed_pair(&mut self, id: Uuid, project_id: Uuid) -> Result<bool> {
        let q = Query::update()
            .table("match_proposal_pairs")
            .value("removed", true)
            .and_where(Expr::col("proposal_id").eq(id))
            .and_where(Expr::col("project_id").eq(project_id))
            .to_owned();
        Ok(db::execute(self, &q).await? == 1)
    }

    /// Marks a draft published; `false` when it was not a draft any more.
    pub async fn publish_proposal(&mut self, id: Uuid, now: DateTime<Utc>) -> Result<bool> {
        let q = Query::update()
            .table("match_proposals")
            .value("status", "published")
            .value("published_at", now)
            .and_where(Expr::col("id").eq(id))
            .and_where(Expr::col("status").eq("draft"))
            .and_where(Expr::col("replaced_by").is_null())
            .to_owned();
        Ok(db::execute(self, &q).await? == 1)
    }
}

/// `query` limited to `(offset, limit)` rows, if given.
fn paged(
    mut query: sea_query::SelectStatement,
    page: Option<(u64, u64)>,
) -> sea_query::SelectStatement {
    if let Some((offset, limit)) = page {
        query.offset(offset).limit(limit);
    }
    query
}
