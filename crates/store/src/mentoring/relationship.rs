//! The relationship as the pair live it: messages and what each has read, reports and
//! blocks, check-ins (a mentor's own pause and hours are in `volunteers`).

use super::*;

/// A message between the pair. Private to them; a coordinator reads one only once it
/// is reported (or, for a minor, with the reading logged).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MessageRecord {
    pub id: Uuid,
    pub mentorship_id: Uuid,
    pub author_id: Uuid,
    pub body: String,
    pub created_at: DateTime<Utc>,
}

const MESSAGE_COLUMNS: [&str; 5] = ["id", "mentorship_id", "author_id", "body", "created_at"];

/// A report to the circle's coordinators: of a message, or of the relationship
/// (`message_id` none); `block`: its author ended contact.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ReportRecord {
    pub id: Uuid,
    pub mentorship_id: Uuid,
    pub reporter_id: Uuid,
    pub message_id: Option<Uuid>,
    pub reason: String,
    pub block: bool,
    pub created_at: DateTime<Utc>,
    pub reviewed_at: Option<DateTime<Utc>>,
}

const REPORT_COLUMNS: [&str; 8] = [
    "id",
    "mentorship_id",
    "reporter_id",
    "message_id",
    "reason",
    "block",
    "created_at",
    "reviewed_at",
];

/// A report no coordinator has reviewed yet, with its project's title.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OpenReport {
    #[sqlx(flatten)]
    pub report: ReportRecord,
    pub project_title: String,
}

/// One side's answer to a check-in.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CheckinRecord {
    pub author_id: Uuid,
    pub round: i64,
    /// How it is going, 1 (badly) to 5 (very well).
    pub mood: i64,
    /// Whether they met since the last check-in.
    pub met: bool,
    /// What the coordinator should know (empty: nothing).
    pub note: String,
    pub created_at: DateTime<Utc>,
}

const CHECKIN_COLUMNS: [&str; 6] = ["author_id", "round", "mood", "met", "note", "created_at"];

/// An answer the coordinators should look at (a note for them, or going badly).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FlaggedCheckin {
    #[sqlx(flatten)]
    pub checkin: CheckinRecord,
    pub mentorship_id: Uuid,
    pub project_title: String,
}

/// A mood of 2 or less is flagged to the coordinators, as is any note for them.
pub const FLAGGED_MOOD: i64 = 2;

/// Check-in answers in aggregate (no names, no notes).
#[derive(Debug, Clone, Copy, Default, PartialEq, sqlx::FromRow)]
pub struct CheckinSummary {
    pub answers: i64,
    pub mood_sum: i64,
    pub met: i64,
    pub flagged: i64,
}

/// The flagged answers' condition.
fn flagged() -> Cond {
    Cond::any()
        .add(Expr::col(("checkins", "note")).ne(""))
        .add(Expr::col(("checkins", "mood")).lte(FLAGGED_MOOD))
}

/// A sum as a BIGINT on both databases (PostgreSQL sums integers as NUMERIC).
pub(super) fn sum(e: impl Into<Expr>) -> Expr {
    Expr::expr(sea_query::Func::cast_as(
        sea_query::Func::coalesce([sea_query::Func::sum(e).into(), Expr::val(0)]),
        "BIGINT",
    ))
}

impl Store {
    /// A page of a thread, oldest first: the `limit` messages before the `skip` latest.
    pub async fn messages_page(
        &self,
        mentorship_id: Uuid,
        skip: u64,
        limit: u64,
    ) -> Result<Vec<MessageRecord>> {
        let q = Query::select()
            .columns(MESSAGE_COLUMNS)
            .from("messages")
            .and_where(Expr::col("mentorship_id").eq(mentorship_id))
            .order_by("created_at", Order::Desc)
            .order_by("id", Order::Desc)
            .limit(limit)
            .offset(skip)
            .to_owned();
        let mut page: Vec<MessageRecord> = db::fetch_all(&mut &*self, &q).await?;
        page.reverse();
        Ok(page)
    }

    pub async fn message(&self, id: Uuid) -> Result<Option<MessageRecord>> {
        let q = Query::select()
            .columns(MESSAGE_COLUMNS)
            .from("messages")
            .and_where(Expr::col("id").eq(id))
            .to_owned();
        db::fetch_optional(&mut &*self, &q).await
    }

    /// The latest `limit` entries `action` about `subject`: who (the actor) and when.
    pub async fn audit_of_subject(
        &self,
        subject: Uuid,
        action: &str,
        limit: u64,
    ) -> Result<Vec<(Option<Uuid>, DateTime<Utc>)>> {
        #[derive(sqlx::FromRow)]
        struct A {
            actor_id: Option<Uuid>,
            at: DateTime<Utc>,
        }
        let q = Query::select()
            .columns(["actor_id", "at"])
            .from("audit_log")
            .and_where(Expr::col("subject_id").eq(subject))
            .and_where(Expr::col("action").eq(action))
            .order_by("at", Order::Desc)
            .limit(limit)
            .to_owned();
        let rows: Vec<A> = db::fetch_all(&mut &*self, &q).await?;
        Ok(rows.into_iter().map(|a| (a.actor_id, a.at)).collect())
    }

    pub async fn count_messages(&self, mentorship_id: Uuid) -> Result<i64> {
        let q = Query::select()
            .expr_as(db::count_rows(), "n")
            .from("messages")
            .and_where(Expr::col("mentorship_id").eq(mentorship_id))
            .to_owned();
        Ok(db::fetch_one::<Count>(&mut &*self, &q).await?.n)
    }

    /// The messages of a thread that one of the pair reported (what coordinators read).
    pub async fn reported_messages(&self, mentorship_id: Uuid) -> Result<Vec<MessageRecord>> {
        let q = Query::select()
            .columns(MESSAGE_COLUMNS)
            .from("messages")
            .and_where(
                Expr::col("id").in_subquery(
                    Query::select()
                        .column("message_id")
                        .from("mentorship_reports")
                        .and_where(Expr::col("mentorship_id").eq(mentorship_id))
                        .and_where(Expr::col("message_id").is_not_null())
                        .to_owned(),
                ),
            )
            .order_by("created_at", Order::Asc)
            .to_owned();
        db::fetch_all(&mut &*self, &q).await
    }

    pub async fn reports_of(&self, mentorship_id: Uuid) -> Result<Vec<ReportRecord>> {
        let q = Query::select()
            .columns(REPORT_COLUMNS)
            .from("mentorship_reports")
            .and_where(Expr::col("mentorship_id").eq(mentorship_id))
            .order_by("created_at", Order::Asc)
            .to_owned();
        db::fetch_all(&mut &*self, &q).await
    }

    /// The reports waiting for a coordinator in these circles (every circle: `None`),
    /// the oldest first.
    pub async fn open_reports_in(
        &self,
        circles: Option<&[Uuid]>,
        limit: u64,
    ) -> Result<Vec<OpenReport>> {
        let mut q = Query::select();
        for c in REPORT_COLUMNS {
            q.column(("mentorship_reports", c));
        }
        q.expr_as(Expr::col(("projects", "title")), "project_title")
            .from("mentorship_reports")
            .inner_join(
                "mentorships",
                Expr::col(("mentorships", "id")).equals(("mentorship_reports", "mentorship_id")),
            )
            .inner_join(
                "projects",
                Expr::col(("projects", "id")).equals(("mentorships", "project_id")),
            )
            .and_where(Expr::col(("mentorship_reports", "reviewed_at")).is_null())
            .order_by(("mentorship_reports", "created_at"), Order::Asc)
            .limit(limit);
        if let Some(circles) = circles {
            q.and_where(Expr::col(("projects", "circle_id")).is_in(circles.iter().copied()));
        }
        db::fetch_all(&mut &*self, &q).await
    }

    /// How many reports wait for a coordinator, in the whole network.
    pub async fn count_open_reports(&self) -> Result<i64> {
        let q = Query::select()
            .expr_as(db::count_rows(), "n")
            .from("mentorship_reports")
            .and_where(Expr::col("reviewed_at").is_null())
            .to_owned();
        Ok(db::fetch_one::<Count>(&mut &*self, &q).await?.n)
    }

    /// How many messages of each of `user`'s threads they have not read, in one query
    /// (threads without any unread message are absent).
    pub async fn unread_counts(&self, user: Uuid) -> Result<std::collections::HashMap<Uuid, i64>> {
        #[derive(sqlx::FromRow)]
        struct U {
            mentorship_id: Uuid,
            n: i64,
        }
        let q = Query::select()
            .expr_as(Expr::col(("messages", "mentorship_id")), "mentorship_id")
            .expr_as(db::count_rows(), "n")
            .from("messages")
            .left_join(
                "thread_reads",
                Expr::col(("thread_reads", "mentorship_id"))
                    .equals(("messages", "mentorship_id"))
                    .and(Expr::col(("thread_reads", "user_id")).eq(user)),
            )
            // The user's relationships, each side on its own index (an OR of the two
            // columns would read every message).
            .and_where(Expr::col(("messages", "mentorship_id")).in_subquery({
                let side = |column: &'static str| {
                    Query::select()
                        .column("id")
                        .from("mentorships")
                        .and_where(Expr::col(column).eq(user))
                        .to_owned()
                };
                side("mentor_id")
                    .union(sea_query::UnionType::All, side("mentee_id"))
                    .to_owned()
            }))
            .and_where(Expr::col(("messages", "author_id")).ne(user))
            .cond_where(
                Cond::any()
                    .add(Expr::col(("thread_reads", "read_at")).is_null())
                    .add(
                        Expr::col(("messages", "created_at"))
                            .gt(Expr::col(("thread_reads", "read_at"))),
                    ),
            )
            .group_by_col(("messages", "mentorship_id"))
            .to_owned();
        let rows: Vec<U> = db::fetch_all(&mut &*self, &q).await?;
        Ok(rows.into_iter().map(|u| (u.mentorship_id, u.n)).collect())
    }

    pub async fn checkins_of(&self, mentorship_id: Uuid) -> Result<Vec<CheckinRecord>> {
        let q = Query::select()
            .columns(CHECKIN_COLUMNS)
            .from("checkins")
            .and_where(Expr::col("mentorship_id").eq(mentorship_id))
            .order_by("round", Order::Asc)
            .order_by("created_at", Order::Asc)
            .to_owned();
        db::fetch_all(&mut &*self, &q).await
    }

    /// The answers since `since` flagged for the coordinators of these circles (every
    /// circle: `None`), the latest first.
    pub async fn flagged_checkins_in(
        &self,
        circles: Option<&[Uuid]>,
        since: DateTime<Utc>,
        limit: u64,
    ) -> Result<Vec<FlaggedCheckin>> {
        let mut q = Query::select();
        for c in CHECKIN_COLUMNS {
            q.column(("checkins", c));
        }
        q.column(("checkins", "mentorship_id"))
            .expr_as(Expr::col(("projects", "title")), "project_title")
            .from("checkins")
            .inner_join(
                "mentorships",
                Expr::col(("mentorships", "id")).equals(("checkins", "mentorship_id")),
            )
            .inner_join(
                "projects",
                Expr::col(("projects", "id")).equals(("mentorships", "project_id")),
            )
            .and_where(Expr::col(("checkins", "created_at")).gte(since))
            .cond_where(flagged())
            .order_by(("checkins", "created_at"), Order::Desc)
            .limit(limit);
        if let Some(circles) = circles {
            q.and_where(Expr::col(("projects", "circle_id")).is_in(circles.iter().copied()));
        }
        db::fetch_all(&mut &*self, &q).await
    }

    /// Every answer since `since`, in aggregate (the national team's figures).
    pub async fn checkin_summary(&self, since: DateTime<Utc>) -> Result<CheckinSummary> {
        let q = Query::select()
            .expr_as(db::count_rows(), "answers")
            .expr_as(sum(Expr::col("mood")), "mood_sum")
            .expr_as(
                sum(Expr::case(Expr::col("met").eq(true), 1).finally(0)),
                "met",
            )
            .expr_as(sum(Expr::case(flagged(), 1).finally(0)), "flagged")
            .from("checkins")
            .and_where(Expr::col("created_at").gte(since))
            .to_owned();
        db::fetch_one(&mut &*self, &q).await
    }

    /// Active relationships due a check-in: the first `limit` whose first is due
    /// (started before `first`), then those whose last was sent before `next`.
    pub async fn checkins_due(
        &self,
        first: DateTime<Utc>,
        next: DateTime<Utc>,
        limit: u64,
    ) -> Result<Vec<MentorshipRecord>> {
        let base = || {
            Query::select()
                .columns(MENTORSHIP_COLUMNS)
                .from("mentorships")
                .and_where(Expr::col("status").eq("active"))
                .and_where(Expr::col("suspended_at").is_null())
                .limit(limit)
                .to_owned()
        };
        let mut due: Vec<MentorshipRecord> = db::fetch_all(
            &mut &*self,
            &base()
                .and_where(Expr::col("checkin_round").eq(0))
                .and_where(Expr::col("started_at").lte(first))
                .order_by("started_at", Order::Asc)
                .to_owned(),
        )
        .await?;
        let left = limit.saturating_sub(due.len() as u64);
        if left > 0 {
            let later: Vec<MentorshipRecord> = db::fetch_all(
                &mut &*self,
                &base()
                    .and_where(Expr::col("checkin_sent_at").lte(next))
                    .order_by("checkin_sent_at", Order::Asc)
                    .limit(left)
                    .to_owned(),
            )
            .await?;
            due.extend(later);
        }
        Ok(due)
    }
}

impl Tx {
    pub async fn insert_message(&mut self, m: &MessageRecord) -> Result<()> {
        let q = Query::insert()
            .into_table("messages")
            .columns(MESSAGE_COLUMNS)
            .values_panic([
                m.id.into(),
                m.mentorship_id.into(),
                m.author_id.into(),
                m.body.as_str().into(),
                m.created_at.into(),
            ])
            .to_owned();
        db::execute(self, &q).await?;
        Ok(())
    }

    /// `user` has read the thread up to `at`.
    pub async fn mark_read(
        &mut self,
        mentorship_id: Uuid,
        user: Uuid,
        at: DateTime<Utc>,
    ) -> Result<()> {
        let q = Query::insert()
            .into_table("thread_reads")
            .columns(["mentorship_id", "user_id", "read_at"])
            .values_panic([mentorship_id.into(), user.into(), at.into()])
            .on_conflict(
                OnConflict::columns(["mentorship_id", "user_id"])
                    .update_column("read_at")
                    .to_owned(),
            )
            .to_owned();
        db::execute(self, &q).await?;
        Ok(())
    }

    /// Whether `user` may be e-mailed about the thread now: not since `not_since`
    /// (then marked as e-mailed now, in this transaction).
    pub async fn claim_notification(
        &mut self,
        mentorship_id: Uuid,
        user: Uuid,
        now: DateTime<Utc>,
        not_since: DateTime<Utc>,
    ) -> Result<bool> {
        let q = Query::insert()
            .into_table("thread_reads")
            .columns(["mentorship_id", "user_id", "notified_at"])
            .values_panic([mentorship_id.into(), user.into(), now.into()])
            .on_conflict(
                OnConflict::columns(["mentorship_id", "user_id"])
                    .update_column("notified_at")
                    .action_cond_where(
                        Cond::any()
                            .add(Expr::col(("thread_reads", "notified_at")).is_null())
                            .add(Expr::col(("thread_reads", "notified_at")).lte(not_since)),
                    )
                    .to_owned(),
            )
            .to_owned();
        Ok(db::execute(self, &q).await? == 1)
    }

    pub async fn insert_report(&mut self, r: &ReportRecord) -> Result<()> {
        let q = Query::insert()
            .into_table("mentorship_reports")
            .columns(REPORT_COLUMNS)
            .values_panic([
                r.id.into(),
                r.mentorship_id.into(),
                r.reporter_id.into(),
                r.message_id.into(),
                r.reason.as_str().into(),
                r.block.into(),
                r.created_at.into(),
                r.reviewed_at.into(),
            ])
            .to_owned();
        db::execute(self, &q).await?;
        Ok(())
    }

    /// Suspends an active relationship (one of the pair ended contact).
    pub async fn suspend_mentorship(&mut self, id: Uuid, now: DateTime<Utc>) -> Result<bool> {
        let q = Query::update()
            .table("mentorships")
            .value("suspended_at", now)
            .and_where(Expr::col("id").eq(id))
            .and_where(Expr::col("status").eq("active"))
            .and_where(Expr::col("suspended_at").is_null())
            .to_owned();
        Ok(db::execute(self, &q).await? == 1)
    }

    /// A coordinator lets a suspended relationship go on.
    pub async fn resume_mentorship(&mut self, id: Uuid) -> Result<bool> {
        let q = Query::update()
            .table("mentorships")
            .value("suspended_at", Option::<DateTime<Utc>>::None)
            .and_where(Expr::col("id").eq(id))
            .and_where(Expr::col("suspended_at").is_not_null())
            .to_owned();
        Ok(db::execute(self, &q).await? == 1)
    }

    /// Marks every open report of a relationship reviewed by `by`.
    pub async fn review_reports(
        &mut self,
        mentorship_id: Uuid,
        by: Uuid,
        now: DateTime<Utc>,
    ) -> Result<u64> {
        let q = Query::update()
            .table("mentorship_reports")
            .value("reviewed_at", now)
            .value("reviewed_by", by)
            .and_where(Expr::col("mentorship_id").eq(mentorship_id))
            .and_where(Expr::col("reviewed_at").is_null())
            .to_owned();
        db::execute(self, &q).await
    }

    /// Marks check-in number `round` + 1 sent, unless another sweep did.
    pub async fn mark_checkin_sent(
        &mut self,
        id: Uuid,
        round: i64,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let q = Query::update()
            .table("mentorships")
            .value("checkin_round", round + 1)
            .value("checkin_sent_at", now)
            .and_where(Expr::col("id").eq(id))
            .and_where(Expr::col("checkin_round").eq(round))
            .to_owned();
        Ok(db::execute(self, &q).await? == 1)
    }

    /// Records an answer; false when this side already answered this round.
    pub async fn insert_checkin(&mut self, mentorship_id: Uuid, c: &CheckinRecord) -> Result<bool> {
        let q = Query::insert()
            .into_table("checkins")
            .columns([
                "mentorship_id",
                "author_id",
                "round",
                "mood",
                "met",
                "note",
                "created_at",
            ])
            .values_panic([
                mentorship_id.into(),
                c.author_id.into(),
                c.round.into(),
                c.mood.into(),
                c.met.into(),
                c.note.as_str().into(),
                c.created_at.into(),
            ])
            .on_conflict(OnConflict::new().do_nothing().to_owned())
            .to_owned();
        Ok(db::execute(self, &q).await? == 1)
    }
}
