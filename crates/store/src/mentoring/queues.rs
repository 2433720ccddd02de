//! The coordinators' work queues: the first lines of each, oldest first, on the
//! indexes of their filters (whatever the network's size); how many each holds, by
//! circle, in two grouped queries.

use super::*;
use mentorat_domain::mentoring::Vetting;
use mentorat_domain::{PersonName, ProjectStatus};

/// A mentor in a queue: who, and where their application stands.
#[derive(Debug, Clone)]
pub struct MentorLine {
    pub user_id: Uuid,
    pub name: PersonName,
    pub status: Vetting,
    /// The last time the mentor answered, met, wrote or changed their profile.
    pub last_active_at: Option<DateTime<Utc>>,
}

/// A project in a queue.
#[derive(Debug, Clone)]
pub struct ProjectLine {
    pub id: Uuid,
    pub title: String,
    pub status: ProjectStatus,
    pub created_at: DateTime<Utc>,
}

/// A circle's counts for the national team's overview.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CircleCounts {
    pub applications: i64,
    pub mentors: i64,
    pub to_review: i64,
    pub waiting: i64,
}

fn of_circles(q: &mut sea_query::SelectStatement, table: &'static str, circles: &[Uuid]) {
    if !circles.is_empty() {
        q.and_where(Expr::col((table, "circle_id")).is_in(circles.iter().copied()));
    }
}

impl Store {
    /// Mentors of these circles (all for none) in these statuses, the oldest
    /// application first, from the `offset`-th.
    pub async fn mentors_queue(
        &self,
        circles: &[Uuid],
        statuses: &[Vetting],
        offset: u64,
        limit: u64,
    ) -> Result<Vec<MentorLine>> {
        #[derive(sqlx::FromRow)]
        struct Row {
            user_id: Uuid,
            first_name: String,
            last_name: String,
            #[sqlx(try_from = "String")]
            status: Vetting,
            last_active_at: Option<DateTime<Utc>>,
        }
        let mut q = Query::select();
        q.columns([
            ("mentors", "user_id"),
            ("mentors", "status"),
            ("mentors", "last_active_at"),
        ])
        .columns([("users", "first_name"), ("users", "last_name")])
        .from("mentors")
        .inner_join(
            "users",
            Expr::col(("users", "id")).equals(("mentors", "user_id")),
        )
        .and_where(Expr::col(("mentors", "status")).is_in(statuses.iter().map(|s| s.as_str())))
        .order_by(("mentors", "created_at"), Order::Asc)
        .order_by(("mentors", "user_id"), Order::Asc)
        .limit(limit)
        .offset(offset);
        of_circles(&mut q, "mentors", circles);
        let rows: Vec<Row> = db::fetch_all(&mut &*self, &q).await?;
        let mut lines = Vec::with_capacity(rows.len());
        for r in rows {
            lines.push(MentorLine {
                name: PersonName::parse(&r.first_name, &r.last_name)
                    .map_err(|_| StoreError::Corrupt(format!("name of user {}", r.user_id)))?,
                user_id: r.user_id,
                status: r.status,
                last_active_at: r.last_active_at,
            });
        }
        Ok(lines)
    }

    /// Projects of these circles (all for none) in these statuses, the oldest first,
    /// from the `offset`-th.
    pub async fn projects_queue(
        &self,
        circles: &[Uuid],
        statuses: &[ProjectStatus],
        offset: u64,
        limit: u64,
    ) -> Result<Vec<ProjectLine>> {
        #[derive(sqlx::FromRow)]
        struct Row {
            id: Uuid,
            title: String,
            #[sqlx(try_from = "String")]
            status: ProjectStatus,
            created_at: DateTime<Utc>,
        }
        let mut q = Query::select();
        q.columns(["id", "title", "status", "created_at"].map(|c| ("projects", c)))
            .from("projects")
            .and_where(Expr::col(("projects", "status")).is_in(statuses.iter().map(|s| s.as_str())))
            .order_by(("projects", "created_at"), Order::Asc)
            .order_by(("projects", "id"), Order::Asc)
            .limit(limit)
            .offset(offset);
        of_circles(&mut q, "projects", circles);
        let rows: Vec<Row> = db::fetch_all(&mut &*self, &q).await?;
        Ok(rows
            .into_iter()
            .map(|r| ProjectLine {
                id: r.id,
                title: r.title,
                status: r.status,
                created_at: r.created_at,
            })
            .collect())
    }

    /// How many mentors (`table` `mentors`) or projects (`projects`) these circles have.
    pub async fn people_count(&self, table: &'static str, circles: &[Uuid]) -> Result<i64> {
        let mut q = Query::select();
        q.expr_as(db::count_rows(), "n").from(table);
        of_circles(&mut q, table, circles);
        Ok(db::fetch_one::<db::Count>(&mut &*self, &q).await?.n)
    }

    /// The counts of mentors and projects by queue of these circles (of all for none),
    /// by circle (`None`: those of no circle), in two grouped queries.
    pub async fn circle_counts(
        &self,
        circles: &[Uuid],
    ) -> Result<std::collections::HashMap<Option<Uuid>, CircleCounts>> {
        #[derive(sqlx::FromRow)]
        struct Row {
            circle_id: Option<Uuid>,
            status: String,
            n: i64,
        }
        let grouped = |table: &'static str| {
            let mut q = Query::select();
            q.columns(["circle_id", "status"])
                .expr_as(db::count_rows(), "n")
                .from(table)
                .group_by_col("circle_id")
                .group_by_col("status");
            of_circles(&mut q, table, circles);
            q
        };
        let mut counts: std::collections::HashMap<Option<Uuid>, CircleCounts> = Default::default();
        for row in db::fetch_all::<Row>(&mut &*self, &grouped("mentors")).await? {
            let c = counts.entry(row.circle_id).or_default();
            match Vetting::parse(&row.status) {
                Ok(Vetting::Submitted | Vetting::InterviewPlanned) => c.applications += row.n,
                Ok(_) => c.mentors += row.n,
                Err(_) => return Err(StoreError::Corrupt(row.status)),
            }
        }
        for row in db::fetch_all::<Row>(&mut &*self, &grouped("projects")).await? {
            let c = counts.entry(row.circle_id).or_default();
            match ProjectStatus::parse(&row.status) {
                Ok(ProjectStatus::Submitted | ProjectStatus::NeedsDetails) => c.to_review += row.n,
                Ok(ProjectStatus::Validated) => c.waiting += row.n,
                Ok(_) => {}
                Err(_) => return Err(StoreError::Corrupt(row.status)),
            }
        }
        Ok(counts)
    }
}
