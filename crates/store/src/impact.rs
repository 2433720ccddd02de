//! The raw figures of the impact report: one query per figure, over a period and the
//! projects of a set of circles (every circle when none is given).

use crate::db;
use crate::{Result, Store};
use chrono::{DateTime, Utc};
use sea_query::{Alias, Cond, Expr, ExprTrait, Order, Query, SelectStatement};
use uuid::Uuid;

/// The figures before any suppression of small counts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImpactFigures {
    /// Porteurs with a project submitted in the period, and those of them who said
    /// they live in a QPV.
    pub porteurs: i64,
    pub porteurs_qpv: i64,
    pub projects: i64,
    /// (field code, projects).
    pub projects_by_field: Vec<(String, i64)>,
    /// (stage, projects).
    pub projects_by_stage: Vec<(String, i64)>,
    pub requests_made: i64,
    pub requests_accepted: i64,
    pub mentorships_started: i64,
    pub mentorships_closed: i64,
    /// Days from a project's submission to its relationship's start, for the
    /// relationships started in the period.
    pub days_to_mentor: Vec<i64>,
    pub meetings: i64,
    pub meeting_minutes: i64,
    /// (answers, sum of moods 1–5).
    pub checkins: (i64, i64),
    /// (answers, sum of satisfactions 1–5).
    pub closing: (i64, i64),
    /// Porteurs' closing feedbacks, and (outcome, feedbacks that ticked it).
    pub porteur_feedbacks: i64,
    pub outcomes: Vec<(String, i64)>,
    /// (circle id, approved mentors now, approved in the period).
    pub mentors_by_circle: Vec<(Uuid, i64, i64)>,
}

#[derive(sqlx::FromRow)]
struct Pair {
    a: i64,
    b: i64,
}

#[derive(sqlx::FromRow)]
struct Keyed {
    k: String,
    n: i64,
}

#[derive(sqlx::FromRow)]
struct CircleRow {
    circle_id: Uuid,
    total: i64,
    recent: i64,
}

#[derive(sqlx::FromRow)]
struct Span {
    started_at: DateTime<Utc>,
    submitted_at: DateTime<Utc>,
}

/// `projects` rows of the scope.
fn in_scope(q: &mut SelectStatement, circles: Option<&[Uuid]>) {
    if let Some(circles) = circles {
        q.and_where(Expr::col(("projects", "circle_id")).is_in(circles.iter().copied()));
    }
}

fn between(column: (&'static str, &'static str), from: DateTime<Utc>, to: DateTime<Utc>) -> Cond {
    Cond::all()
        .add(Expr::col(column).gte(from))
        .add(Expr::col(column).lt(to))
}

fn join_project(q: &mut SelectStatement, table: &'static str) {
    q.inner_join(
        "projects",
        Expr::col(("projects", "id")).equals((table, "project_id")),
    );
}

impl Store {
    pub async fn impact_figures(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        circles: Option<&[Uuid]>,
    ) -> Result<ImpactFigures> {
        let mut f = ImpactFigures::default();
        let me = &mut &*self;

        let mut q = Query::select()
            .expr_as(Expr::cust("COUNT(DISTINCT projects.mentee_id)"), "a")
            .expr_as(
                Expr::cust(
                    "COUNT(DISTINCT CASE WHEN users.qpv_answer = 'yes' THEN projects.mentee_id END)",
                ),
                "b",
            )
            .from("projects")
            .inner_join("users", Expr::col(("users", "id")).equals(("projects", "mentee_id")))
            .cond_where(between(("projects", "created_at"), from, to))
            .to_owned();
        in_scope(&mut q, circles);
        let p = db::fetch_one::<Pair>(me, &q).await?;
        (f.porteurs, f.porteurs_qpv) = (p.a, p.b);

        let mut q = Query::select()
            .expr_as(Expr::cust("COUNT(*)"), "a")
            .expr_as(Expr::cust("CAST(0 AS BIGINT)"), "b")
            .from("projects")
            .cond_where(between(("projects", "created_at"), from, to))
            .to_owned();
        in_scope(&mut q, circles);
        f.projects = db::fetch_one::<Pair>(me, &q).await?.a;

        let mut q = Query::select()
            .expr_as(Expr::col(("project_domains", "domain_code")), "k")
            .expr_as(Expr::cust("COUNT(*)"), "n")
            .from("project_domains")
            .to_owned();
        join_project(&mut q, "project_domains");
        q.cond_where(between(("projects", "created_at"), from, to))
            .group_by_col(("project_domains", "domain_code"))
            .order_by(("project_domains", "domain_code"), Order::Asc);
        in_scope(&mut q, circles);
        f.projects_by_field = keyed(me, &q).await?;

        let mut q = Query::select()
            .expr_as(Expr::col(("projects", "stage")), "k")
            .expr_as(Expr::cust("COUNT(*)"), "n")
            .from("projects")
            .cond_where(between(("projects", "created_at"), from, to))
            .group_by_col(("projects", "stage"))
            .order_by(("projects", "stage"), Order::Asc)
            .to_owned();
        in_scope(&mut q, circles);
        f.projects_by_stage = keyed(me, &q).await?;

        let mut q = Query::select()
            .expr_as(Expr::cust("COUNT(*)"), "a")
            .expr_as(Expr::cust("COUNT(mentorships.id)"), "b")
            .from("mentorship_requests")
            .left_join(
                "mentorships",
                Expr::col(("mentorships", "request_id")).equals(("mentorship_requests", "id")),
            )
            .to_owned();
        join_project(&mut q, "mentorship_requests");
        q.cond_where(between(("mentorship_requests", "created_at"), from, to));
        in_scope(&mut q, circles);
        let p = db::fetch_one::<Pair>(me, &q).await?;
        (f.requests_made, f.requests_accepted) = (p.a, p.b);

        for (column, target) in [("started_at", 0), ("closed_at", 1)] {
            let mut q = Query::select()
                .expr_as(Expr::cust("COUNT(*)"), "a")
                .expr_as(Expr::cust("CAST(0 AS BIGINT)"), "b")
                .from("mentorships")
                .to_owned();
            join_project(&mut q, "mentorships");
            q.cond_where(between(("mentorships", column), from, to));
            in_scope(&mut q, circles);
            let n = db::fetch_one::<Pair>(me, &q).await?.a;
            if target == 0 {
                f.mentorships_started = n;
            } else {
                f.mentorships_closed = n;
            }
        }

        let mut q = Query::select()
            .expr_as(Expr::col(("mentorships", "started_at")), "started_at")
            .expr_as(Expr::col(("projects", "created_at")), "submitted_at")
            .from("mentorships")
            .to_owned();
        join_project(&mut q, "mentorships");
        q.cond_where(between(("mentorships", "started_at"), from, to));
        in_scope(&mut q, circles);
        f.days_to_mentor = db::fetch_all::<Span>(me, &q)
            .await?
            .into_iter()
            .map(|s| (s.started_at - s.submitted_at).num_days())
            .map(|d| Ord::max(d, 0))
            .collect();

        let mut q = Query::select()
            .expr_as(Expr::cust("COUNT(*)"), "a")
            .expr_as(
                Expr::cust("CAST(COALESCE(SUM(meetings.minutes), 0) AS BIGINT)"),
                "b",
            )
            .from("meetings")
            .inner_join(
                "mentorships",
                Expr::col(("mentorships", "id")).equals(("meetings", "mentorship_id")),
            )
            .to_owned();
        join_project(&mut q, "mentorships");
        q.cond_where(between(("meetings", "held_on"), from, to));
        in_scope(&mut q, circles);
        let p = db::fetch_one::<Pair>(me, &q).await?;
        (f.meetings, f.meeting_minutes) = (p.a, p.b);

        for (table, column, score) in [
            ("checkins", "created_at", "mood"),
            ("feedback", "created_at", "satisfaction"),
        ] {
            let mut q = Query::select()
                .expr_as(Expr::cust("COUNT(*)"), "a")
                .expr_as(
                    Expr::cust(format!("CAST(COALESCE(SUM({table}.{score}), 0) AS BIGINT)")),
                    "b",
                )
                .from(table)
                .inner_join(
                    "mentorships",
                    Expr::col(("mentorships", "id"))
                        .equals((Alias::new(table), Alias::new("mentorship_id"))),
                )
                .to_owned();
            join_project(&mut q, "mentorships");
            q.cond_where(
                Cond::all()
                    .add(Expr::col((Alias::new(table), Alias::new(column))).gte(from))
                    .add(Expr::col((Alias::new(table), Alias::new(column))).lt(to)),
            );
            in_scope(&mut q, circles);
            let p = db::fetch_one::<Pair>(me, &q).await?;
            if table == "checkins" {
                f.checkins = (p.a, p.b);
            } else {
                f.closing = (p.a, p.b);
            }
        }

        let mut q = Query::select()
            .expr_as(Expr::cust("COUNT(*)"), "a")
            .expr_as(Expr::cust("CAST(0 AS BIGINT)"), "b")
            .from("feedback")
            .inner_join(
                "mentorships",
                Expr::col(("mentorships", "id")).equals(("feedback", "mentorship_id")),
            )
            .and_where(Expr::col(("feedback", "author_id")).equals(("mentorships", "mentee_id")))
            .to_owned();
        join_project(&mut q, "mentorships");
        q.cond_where(between(("feedback", "created_at"), from, to));
        in_scope(&mut q, circles);
        f.porteur_feedbacks = db::fetch_one::<Pair>(me, &q).await?.a;

        let mut q = Query::select()
            .expr_as(Expr::col(("feedback_outcomes", "outcome")), "k")
            .expr_as(Expr::cust("COUNT(*)"), "n")
            .from("feedback_outcomes")
            .inner_join(
                "feedback",
                Cond::all()
                    .add(
                        Expr::col(("feedback", "mentorship_id"))
                            .equals(("feedback_outcomes", "mentorship_id")),
                    )
                    .add(
                        Expr::col(("feedback", "author_id"))
                            .equals(("feedback_outcomes", "author_id")),
                    ),
            )
            .inner_join(
                "mentorships",
                Expr::col(("mentorships", "id")).equals(("feedback", "mentorship_id")),
            )
            .to_owned();
        join_project(&mut q, "mentorships");
        q.cond_where(between(("feedback", "created_at"), from, to))
            .group_by_col(("feedback_outcomes", "outcome"))
            .order_by(("feedback_outcomes", "outcome"), Order::Asc);
        in_scope(&mut q, circles);
        f.outcomes = keyed(me, &q).await?;

        // Approved mentors by circle, and those approved in the period (two counts).
        let mut counts: Vec<std::collections::HashMap<Uuid, i64>> = Vec::new();
        for recent in [false, true] {
            let mut q = Query::select()
                .column("circle_id")
                .expr_as(Expr::cust("COUNT(*)"), "total")
                .expr_as(Expr::cust("CAST(0 AS BIGINT)"), "recent")
                .from("mentors")
                .and_where(Expr::col("status").eq("approved"))
                .and_where(Expr::col("circle_id").is_not_null())
                .group_by_col("circle_id")
                .to_owned();
            if recent {
                q.and_where(Expr::col("approved_at").gte(from))
                    .and_where(Expr::col("approved_at").lt(to));
            }
            if let Some(circles) = circles {
                q.and_where(Expr::col("circle_id").is_in(circles.iter().copied()));
            }
            counts.push(
                db::fetch_all::<CircleRow>(me, &q)
                    .await?
                    .into_iter()
                    .map(|r| (r.circle_id, r.total + r.recent))
                    .collect(),
            );
        }
        let mut by_circle: Vec<(Uuid, i64, i64)> = counts[0]
            .iter()
            .map(|(id, total)| (*id, *total, counts[1].get(id).copied().unwrap_or(0)))
            .collect();
        by_circle.sort();
        f.mentors_by_circle = by_circle;
        Ok(f)
    }
}

async fn keyed(me: &mut &Store, q: &SelectStatement) -> Result<Vec<(String, i64)>> {
    Ok(db::fetch_all::<Keyed>(me, q)
        .await?
        .into_iter()
        .map(|r| (r.k, r.n))
        .collect())
}
