//! Relationships: reads, meetings, closing, feedback, goals, quiet pairs.

use super::*;
use mentorat_domain::{Email, PersonName};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct GoalRecord {
    pub id: Uuid,
    pub title: String,
    #[sqlx(try_from = "String")]
    pub status: mentorat_domain::GoalStatus,
}

/// A relationship gone quiet, for the coordinators' list.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct QuietMentorship {
    #[sqlx(flatten)]
    pub record: MentorshipRecord,
    pub project_title: String,
}

/// Feedback of a circle's closed relationships, in aggregate (no comment, no name).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct FeedbackSummary {
    pub answers: i64,
    pub average: f64,
}

/// A relationship with what its page shows of its project and of its pair, read at once.
#[derive(Debug, Clone)]
pub struct MentorshipSheet {
    pub record: MentorshipRecord,
    pub project_title: String,
    /// The project's circle, which the policy needs for coordinators.
    pub circle_id: Option<Uuid>,
    /// The porteur's birth year, as the project gave it (a minor's thread is readable
    /// by the circle's coordinators).
    pub birth_year: Option<i64>,
    pub mentor: Party,
    pub mentee: Party,
}

/// One of a pair: their name, and their address (for the other one only).
#[derive(Debug, Clone)]
pub struct Party {
    pub name: PersonName,
    pub email: Email,
}

#[derive(sqlx::FromRow)]
struct SheetRow {
    #[sqlx(flatten)]
    record: MentorshipRecord,
    project_title: String,
    circle_id: Option<Uuid>,
    birth_year: Option<i64>,
    mentor_first_name: String,
    mentor_last_name: String,
    mentor_email: String,
    mentee_first_name: String,
    mentee_last_name: String,
    mentee_email: String,
}

impl TryFrom<SheetRow> for MentorshipSheet {
    type Error = StoreError;

    fn try_from(row: SheetRow) -> Result<Self> {
        let party = |id: Uuid, first: &str, last: &str, email: &str| -> Result<Party> {
            Ok(Party {
                name: PersonName::parse(first, last)
                    .map_err(|_| StoreError::Corrupt(format!("name of user {id}")))?,
                email: Email::parse(email)
                    .map_err(|_| StoreError::Corrupt(format!("email of user {id}")))?,
            })
        };
        Ok(MentorshipSheet {
            mentor: party(
                row.record.mentor_id,
                &row.mentor_first_name,
                &row.mentor_last_name,
                &row.mentor_email,
            )?,
            mentee: party(
                row.record.mentee_id,
                &row.mentee_first_name,
                &row.mentee_last_name,
                &row.mentee_email,
            )?,
            record: row.record,
            project_title: row.project_title,
            circle_id: row.circle_id,
            birth_year: row.birth_year,
        })
    }
}

impl Store {
    /// A relationship, its project's title and circle, and the pair's names and
    /// addresses, in one query (the relationship's page).
    pub async fn mentorship_sheet(&self, id: Uuid) -> Result<Option<MentorshipSheet>> {
        let mut q = Query::select();
        for c in MENTORSHIP_COLUMNS {
            q.column(("mentorships", c));
        }
        q.expr_as(Expr::col(("projects", "title")), "project_title")
            .expr_as(Expr::col(("projects", "circle_id")), "circle_id")
            .expr_as(Expr::col(("projects", "birth_year")), "birth_year");
        for (who, alias) in [("mentor", "mentor_user"), ("mentee", "mentee_user")] {
            for c in ["first_name", "last_name", "email"] {
                q.expr_as(Expr::col((alias, c)), format!("{who}_{c}"));
            }
        }
        q.from("mentorships")
            .inner_join(
                "projects",
                Expr::col(("projects", "id")).equals(("mentorships", "project_id")),
            )
            .join_as(
                sea_query::JoinType::InnerJoin,
                "users",
                "mentor_user",
                Expr::col(("mentor_user", "id")).equals(("mentorships", "mentor_id")),
            )
            .join_as(
                sea_query::JoinType::InnerJoin,
                "users",
                "mentee_user",
                Expr::col(("mentee_user", "id")).equals(("mentorships", "mentee_id")),
            )
            .and_where(Expr::col(("mentorships", "id")).eq(id));
        let row: Option<SheetRow> = db::fetch_optional(&mut &*self, &q).await?;
        row.map(MentorshipSheet::try_from).transpose()
    }

    pub async fn mentorship(&self, id: Uuid) -> Result<Option<MentorshipRecord>> {
        let q = Query::select()
            .columns(MENTORSHIP_COLUMNS)
            .from("mentorships")
            .and_where(Expr::col("id").eq(id))
            .to_owned();
        db::fetch_optional(&mut &*self, &q).await
    }

    pub async fn mentorships_of(&self, user_id: Uuid) -> Result<Vec<MentorshipRecord>> {
        let q = Query::select()
            .columns(MENTORSHIP_COLUMNS)
            .from("mentorships")
            .cond_where(
                Cond::any()
                    .add(Expr::col("mentor_id").eq(user_id))
                    .add(Expr::col("mentee_id").eq(user_id)),
            )
            .order_by("started_at", Order::Desc)
            .to_owned();
        db::fetch_all(&mut &*self, &q).await
    }

    pub async fn meetings(&self, mentorship_id: Uuid) -> Result<Vec<MeetingRecord>> {
        let q = Query::select()
            .columns([
                "id",
                "held_on",
                "minutes",
                "remote",
                "topics",
                "private_notes",
            ])
            .from("meetings")
            .and_where(Expr::col("mentorship_id").eq(mentorship_id))
            .order_by("held_on", Order::Desc)
            .to_owned();
        db::fetch_all(&mut &*self, &q).await
    }

    pub async fn feedback_of(&self, mentorship_id: Uuid) -> Result<Vec<FeedbackRecord>> {
        let q = Query::select()
            .columns(["author_id", "satisfaction", "changes", "comment"])
            .from("feedback")
            .and_where(Expr::col("mentorship_id").eq(mentorship_id))
            .to_owned();
        db::fetch_all(&mut &*self, &q).await
    }

    /// At most `limit` active mentorships whose last meeting (or start) is older than
    /// `before` and that were not reminded since `reminded_before`: the quiet pairs a
    /// sweep still has to nudge (those already nudged are not read again).
    pub async fn quiet_mentorships(
        &self,
        before: DateTime<Utc>,
        reminded_before: DateTime<Utc>,
        limit: u64,
    ) -> Result<Vec<MentorshipRecord>> {
        let q = Query::select()
            .columns(MENTORSHIP_COLUMNS)
            .from("mentorships")
            .and_where(Expr::col("status").eq("active"))
            .and_where(Expr::cust(QUIET_SINCE).lt(before))
            .cond_where(
                Cond::any()
                    .add(Expr::col("reminded_at").is_null())
                    .add(Expr::col("reminded_at").lt(reminded_before)),
            )
            .order_by_expr(Expr::cust(QUIET_SINCE), Order::Asc)
            .limit(limit)
            .to_owned();
        db::fetch_all(&mut &*self, &q).await
    }

    /// The active relationships of these circles (of all for none) whose last meeting
    /// (or start) is older than `before`, with their project's title, the longest
    /// quiet first, at most `limit`: one query, whatever the network's size.
    pub async fn quiet_mentorships_in(
        &self,
        circles: &[Uuid],
        before: DateTime<Utc>,
        limit: u64,
    ) -> Result<Vec<QuietMentorship>> {
        let mut q = Query::select();
        for c in MENTORSHIP_COLUMNS {
            q.column(("mentorships", c));
        }
        let since = Expr::cust(QUIET_SINCE);
        q.expr_as(Expr::col(("projects", "title")), "project_title");
        if circles.is_empty() {
            // The network's: on the index of the active relationships.
            q.from("mentorships").inner_join(
                "projects",
                Expr::col(("projects", "id")).equals(("mentorships", "project_id")),
            );
        } else {
            // A few circles': from their projects (`CROSS JOIN` keeps that order on
            // SQLite, where starting from the network's active relationships took
            // 6–10 ms at national scale), then each project's relationships.
            q.from("projects")
                .cross_join("mentorships")
                .and_where(Expr::col(("mentorships", "project_id")).equals(("projects", "id")))
                .and_where(Expr::col(("projects", "circle_id")).is_in(circles.iter().copied()));
        }
        q.and_where(Expr::col(("mentorships", "status")).eq("active"))
            .and_where(since.clone().lt(before))
            .order_by_expr(since, Order::Asc)
            .limit(limit);
        db::fetch_all(&mut &*self, &q).await
    }

    pub async fn goals(&self, mentorship_id: Uuid) -> Result<Vec<GoalRecord>> {
        let q = Query::select()
            .columns(["id", "title", "status"])
            .from("goals")
            .and_where(Expr::col("mentorship_id").eq(mentorship_id))
            .order_by("created_at", Order::Asc)
            .to_owned();
        db::fetch_all(&mut &*self, &q).await
    }

    /// The feedback of these circles' relationships (all for none), in aggregate.
    pub async fn feedback_summary(&self, circles: &[Uuid]) -> Result<FeedbackSummary> {
        #[derive(sqlx::FromRow)]
        struct S {
            answers: i64,
            total: Option<i64>,
        }
        let mut q = Query::select();
        q.expr_as(db::count_rows(), "answers")
            .expr_as(
                Expr::cust(r#"CAST(SUM("feedback"."satisfaction") AS BIGINT)"#),
                "total",
            )
            .from("feedback");
        // The network's is every answer (each belongs to a relationship): no join.
        if !circles.is_empty() {
            q.inner_join(
                "mentorships",
                Expr::col(("mentorships", "id")).equals(("feedback", "mentorship_id")),
            )
            .inner_join(
                "projects",
                Expr::col(("projects", "id")).equals(("mentorships", "project_id")),
            )
            .and_where(Expr::col(("projects", "circle_id")).is_in(circles.iter().copied()));
        }
        let s: S = db::fetch_one(&mut &*self, &q).await?;
        let average = match (s.answers, s.total) {
            (n, Some(total)) if n > 0 => total as f64 / n as f64,
            _ => 0.0,
        };
        Ok(FeedbackSummary {
            answers: s.answers,
            average,
        })
    }
}

/// Since when a relationship has been quiet: its last meeting, or its start. The
/// same expression as the index `mentorships_quiet` (migration 0018), which SQLite and
/// PostgreSQL use only for the expression written as it is there.
const QUIET_SINCE: &str =
    r#"COALESCE("mentorships"."last_meeting_on", "mentorships"."started_at")"#;

impl Tx {
    pub async fn insert_meeting(
        &mut self,
        mentorship_id: Uuid,
        m: &MeetingRecord,
        logged_by: Uuid,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let q = Query::insert()
            .into_table("meetings")
            .columns([
                "id",
                "mentorship_id",
                "held_on",
                "minutes",
                "remote",
                "topics",
                "private_notes",
                "logged_by",
                "created_at",
            ])
            .values_panic([
                m.id.into(),
                mentorship_id.into(),
                m.held_on.into(),
                m.minutes.into(),
                m.remote.into(),
                m.topics.as_str().into(),
                m.private_notes.as_str().into(),
                logged_by.into(),
                now.into(),
            ])
            .to_owned();
        db::execute(self, &q).await?;
        let last = Query::update()
            .table("mentorships")
            .value("last_meeting_on", m.held_on)
            .and_where(Expr::col("id").eq(mentorship_id))
            .cond_where(
                Cond::any()
                    .add(Expr::col("last_meeting_on").is_null())
                    .add(Expr::col("last_meeting_on").lt(m.held_on)),
            )
            .to_owned();
        db::execute(self, &last).await?;
        Ok(())
    }

    /// Closes an active mentorship and frees the mentor's place.
    pub async fn close_mentorship(
        &mut self,
        m: &MentorshipRecord,
        reason: &str,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let q = Query::update()
            .table("mentorships")
            .value("status", "closed")
            .value("closed_at", now)
            .value("close_reason", reason)
            .and_where(Expr::col("id").eq(m.id))
            .and_where(Expr::col("status").eq("active"))
            .to_owned();
        if db::execute(self, &q).await? == 0 {
            return Ok(false);
        }
        let free = Query::update()
            .table("mentors")
            .value("active_mentees", Expr::col("active_mentees").sub(1))
            .and_where(Expr::col("user_id").eq(m.mentor_id))
            .and_where(Expr::col("active_mentees").gt(0))
            .to_owned();
        db::execute(self, &free).await?;
        let project = Query::update()
            .table("projects")
            .value("status", "closed")
            .and_where(Expr::col("id").eq(m.project_id))
            .to_owned();
        db::execute(self, &project).await?;
        Ok(true)
    }

    pub async fn insert_feedback(
        &mut self,
        mentorship_id: Uuid,
        f: &FeedbackRecord,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let q = Query::insert()
            .into_table("feedback")
            .columns([
                "mentorship_id",
                "author_id",
                "satisfaction",
                "changes",
                "comment",
                "created_at",
            ])
            .values_panic([
                mentorship_id.into(),
                f.author_id.into(),
                f.satisfaction.into(),
                f.changes.as_str().into(),
                f.comment.as_str().into(),
                now.into(),
            ])
            .on_conflict(OnConflict::new().do_nothing().to_owned())
            .to_owned();
        Ok(db::execute(self, &q).await? == 1)
    }

    /// The outcomes a porteur ticked with their feedback (stored forms of `Outcome`).
    pub async fn insert_feedback_outcomes(
        &mut self,
        mentorship_id: Uuid,
        author_id: Uuid,
        outcomes: &[&str],
    ) -> Result<()> {
        if outcomes.is_empty() {
            return Ok(());
        }
        let mut q = Query::insert()
            .into_table("feedback_outcomes")
            .columns(["mentorship_id", "author_id", "outcome"])
            .to_owned();
        for o in outcomes {
            q.values_panic([mentorship_id.into(), author_id.into(), (*o).into()]);
        }
        q.on_conflict(OnConflict::new().do_nothing().to_owned());
        db::execute(self, &q).await?;
        Ok(())
    }

    /// Marks a quiet mentorship reminded, at most once per `every`.
    pub async fn mark_mentorship_reminded(
        &mut self,
        id: Uuid,
        now: DateTime<Utc>,
        every: chrono::Duration,
    ) -> Result<bool> {
        let q = Query::update()
            .table("mentorships")
            .value("reminded_at", now)
            .and_where(Expr::col("id").eq(id))
            .cond_where(
                Cond::any()
                    .add(Expr::col("reminded_at").is_null())
                    .add(Expr::col("reminded_at").lt(now - every)),
            )
            .to_owned();
        Ok(db::execute(self, &q).await? == 1)
    }

    pub async fn insert_goal(
        &mut self,
        mentorship_id: Uuid,
        title: &str,
        now: DateTime<Utc>,
    ) -> Result<Uuid> {
        let id = Uuid::new_v4();
        let q = Query::insert()
            .into_table("goals")
            .columns(["id", "mentorship_id", "title", "status", "created_at"])
            .values_panic([
                id.into(),
                mentorship_id.into(),
                title.into(),
                "open".into(),
                now.into(),
            ])
            .to_owned();
        db::execute(self, &q).await?;
        Ok(id)
    }

    pub async fn set_goal_status(
        &mut self,
        mentorship_id: Uuid,
        goal_id: Uuid,
        status: mentorat_domain::GoalStatus,
    ) -> Result<bool> {
        let q = Query::update()
            .table("goals")
            .value("status", status.as_str())
            .and_where(Expr::col("id").eq(goal_id))
            .and_where(Expr::col("mentorship_id").eq(mentorship_id))
            .to_owned();
        Ok(db::execute(self, &q).await? == 1)
    }
}
