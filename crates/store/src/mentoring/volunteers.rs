//! Mentors who stay reachable and what they give: a mentor's own profile changes and
//! pause, the requests they let expire, their last activity, and the volunteer hours
//! their meetings add up to.

use super::relationship::sum;
use super::*;
use crate::db::Backend;

/// What a mentor's meetings add up to.
#[derive(Debug, Clone, Default, PartialEq, sqlx::FromRow)]
pub struct MentorHours {
    pub minutes: i64,
    pub meetings: i64,
    /// Porteurs met at least once.
    pub porteurs: i64,
    pub first: Option<DateTime<Utc>>,
    pub last: Option<DateTime<Utc>>,
}

/// The meetings of one circle in one month (`YYYY-MM`).
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct HoursLine {
    pub circle_id: Option<Uuid>,
    pub month: String,
    pub minutes: i64,
    pub meetings: i64,
    pub mentors: i64,
}

impl Store {
    /// Mentors paused by themselves whose date has come.
    pub async fn mentors_to_resume(&self, now: DateTime<Utc>) -> Result<Vec<Uuid>> {
        #[derive(sqlx::FromRow)]
        struct M {
            user_id: Uuid,
        }
        let q = Query::select()
            .column("user_id")
            .from("mentors")
            .and_where(Expr::col("status").eq("paused"))
            .and_where(Expr::col("paused_until").lte(now))
            .and_where(Expr::col("pause_reason").eq("self"))
            .to_owned();
        let rows: Vec<M> = db::fetch_all(&mut &*self, &q).await?;
        Ok(rows.into_iter().map(|m| m.user_id).collect())
    }

    /// What the meetings of `mentor`'s relationships add up to, those held in
    /// `[from, to)` (every one: `None`).
    pub async fn mentor_hours(
        &self,
        mentor: Uuid,
        period: Option<(DateTime<Utc>, DateTime<Utc>)>,
    ) -> Result<MentorHours> {
        let mut q = Query::select();
        q.expr_as(sum(Expr::col(("meetings", "minutes"))), "minutes")
            .expr_as(db::count_rows(), "meetings")
            .expr_as(
                Expr::col(("mentorships", "mentee_id")).count_distinct(),
                "porteurs",
            )
            .expr_as(Expr::col(("meetings", "held_on")).min(), "first")
            .expr_as(Expr::col(("meetings", "held_on")).max(), "last")
            .from("meetings")
            .inner_join(
                "mentorships",
                Expr::col(("mentorships", "id")).equals(("meetings", "mentorship_id")),
            )
            .and_where(Expr::col(("mentorships", "mentor_id")).eq(mentor));
        if let Some((from, to)) = period {
            q.and_where(Expr::col(("meetings", "held_on")).gte(from))
                .and_where(Expr::col(("meetings", "held_on")).lt(to));
        }
        db::fetch_one(&mut &*self, &q).await
    }

    /// The meetings held in `[from, to)` by circle and month, in that order.
    pub async fn hours_by_circle_month(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<HoursLine>> {
        let month = match self.backend() {
            Backend::Sqlite => Expr::cust("substr(meetings.held_on, 1, 7)"),
            Backend::Postgres => {
                Expr::cust("to_char(meetings.held_on AT TIME ZONE 'UTC', 'YYYY-MM')")
            }
        };
        let q = Query::select()
            .expr_as(Expr::col(("projects", "circle_id")), "circle_id")
            .expr_as(month.clone(), "month")
            .expr_as(sum(Expr::col(("meetings", "minutes"))), "minutes")
            .expr_as(db::count_rows(), "meetings")
            .expr_as(
                Expr::col(("mentorships", "mentor_id")).count_distinct(),
                "mentors",
            )
            .from("meetings")
            .inner_join(
                "mentorships",
                Expr::col(("mentorships", "id")).equals(("meetings", "mentorship_id")),
            )
            .inner_join(
                "projects",
                Expr::col(("projects", "id")).equals(("mentorships", "project_id")),
            )
            .and_where(Expr::col(("meetings", "held_on")).gte(from))
            .and_where(Expr::col(("meetings", "held_on")).lt(to))
            .group_by_col(("projects", "circle_id"))
            .add_group_by([month.clone()])
            .order_by_expr(month, Order::Asc)
            .to_owned();
        db::fetch_all(&mut &*self, &q).await
    }
}

impl Tx {
    /// A mentor's own changes to their profile after approval (and their fields).
    pub async fn update_mentor_profile(&mut self, a: &MentorApplication) -> Result<bool> {
        let q = Query::update()
            .table("mentors")
            .value("bio", a.bio.as_str())
            .value("capacity", a.capacity)
            .value("travel_km", a.travel_km)
            .value("remote", a.remote)
            .value("languages", a.languages.as_str())
            .value("availability", a.availability.as_str())
            .and_where(Expr::col("user_id").eq(a.user_id))
            .to_owned();
        if db::execute(self, &q).await? != 1 {
            return Ok(false);
        }
        let q = Query::delete()
            .from_table("mentor_domains")
            .and_where(Expr::col("user_id").eq(a.user_id))
            .to_owned();
        db::execute(self, &q).await?;
        for (code, years) in &a.domains {
            self.add_mentor_domain(a.user_id, code, *years).await?;
        }
        Ok(true)
    }

    /// Pauses an approved mentor for `reason` (`self` until `until`, or `expired`).
    pub async fn pause_mentor(
        &mut self,
        user_id: Uuid,
        reason: &str,
        until: Option<DateTime<Utc>>,
    ) -> Result<bool> {
        let q = Query::update()
            .table("mentors")
            .value("status", "paused")
            .value("pause_reason", reason)
            .value("paused_until", until)
            .and_where(Expr::col("user_id").eq(user_id))
            .and_where(Expr::col("status").eq("approved"))
            .to_owned();
        Ok(db::execute(self, &q).await? == 1)
    }

    /// A mentor paused by themselves or by their expired requests comes back (never
    /// from a coordinator's pause).
    pub async fn resume_mentor(&mut self, user_id: Uuid, now: DateTime<Utc>) -> Result<bool> {
        let q = Query::update()
            .table("mentors")
            .value("status", "approved")
            .value("pause_reason", Option::<String>::None)
            .value("paused_until", Option::<DateTime<Utc>>::None)
            .value("expired_requests", 0)
            .value("last_active_at", now)
            .and_where(Expr::col("user_id").eq(user_id))
            .and_where(Expr::col("status").eq("paused"))
            .and_where(Expr::col("pause_reason").is_not_null())
            .to_owned();
        Ok(db::execute(self, &q).await? == 1)
    }

    /// One more request the mentor let expire; how many since they last answered one.
    pub async fn note_expired_request(&mut self, user_id: Uuid) -> Result<i64> {
        let q = Query::update()
            .table("mentors")
            .value("expired_requests", Expr::col("expired_requests").add(1))
            .and_where(Expr::col("user_id").eq(user_id))
            .to_owned();
        db::execute(self, &q).await?;
        let q = Query::select()
            .expr_as(Expr::col("expired_requests"), "n")
            .from("mentors")
            .and_where(Expr::col("user_id").eq(user_id))
            .to_owned();
        Ok(db::fetch_optional::<Count>(self, &q)
            .await?
            .map_or(0, |c| c.n))
    }

    /// The mentor did something: their last activity; `answered`: a request, which
    /// also clears their count of expired ones.
    pub async fn mentor_active(
        &mut self,
        user_id: Uuid,
        answered: bool,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let mut q = Query::update();
        q.table("mentors")
            .value("last_active_at", now)
            .and_where(Expr::col("user_id").eq(user_id));
        if answered {
            q.value("expired_requests", 0);
        }
        db::execute(self, &q).await?;
        Ok(())
    }
}
