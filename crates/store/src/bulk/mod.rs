//! Bulk writes for generated data sets (`mentorat demo --scale`): one typed row per
//! table, written as multi-row `INSERT … ON CONFLICT DO NOTHING` statements.
//!
//! Rows are sent a few hundred per statement (at most [`MAX_VALUES`] bound values, far
//! below both backends' limits) inside the caller's transaction, so that the caller
//! decides how long the writer lock is held. Every insert skips rows already present,
//! which makes a second run of a generator change nothing.

use crate::db::{self, Count};
use crate::{Result, Store, Tx};
use sea_query::{Expr, ExprTrait, OnConflict, Query};
use uuid::Uuid;

/// Bound values per statement: SQLite's bundled build accepts 32,766 and PostgreSQL
/// 65,535; a third of the smaller keeps statements short to parse and to log.
pub const MAX_VALUES: usize = 10_000;

/// A row of one table, as the bulk writer sends it.
pub(crate) trait BulkRow {
    const TABLE: &'static str;
    const COLUMNS: &'static [&'static str];
    fn values(&self) -> Vec<Expr>;
}

/// Inserts `rows` (any number) a statement at a time; returns how many were new.
async fn insert_all<R: BulkRow>(tx: &mut Tx, rows: &[R]) -> Result<u64> {
    let per_statement = (MAX_VALUES / R::COLUMNS.len()).clamp(1, 500);
    let mut inserted = 0;
    for chunk in rows.chunks(per_statement) {
        let mut query = Query::insert();
        query
            .into_table(R::TABLE)
            .columns(R::COLUMNS.iter().copied())
            .on_conflict(OnConflict::new().do_nothing().to_owned());
        for row in chunk {
            query.values_panic(row.values());
        }
        inserted += db::execute(tx, &query).await?;
    }
    Ok(inserted)
}

/// `BulkRow` for a struct whose fields are its columns, in order; a column written
/// `status.as_str()` is a domain choice sent in its stored form.
macro_rules! bulk_row {
    ($ty:ident, $table:literal, [$($col:ident $(.$stored:ident())?),+ $(,)?]) => {
        impl BulkRow for $ty {
            const TABLE: &'static str = $table;
            const COLUMNS: &'static [&'static str] = &[$(stringify!($col)),+];
            fn values(&self) -> Vec<Expr> {
                vec![$(self.$col$(.$stored())?.clone().into()),+]
            }
        }
    };
}

mod rows;
pub use rows::*;

impl Tx {
    pub async fn bulk_circles(&mut self, rows: &[CircleRow]) -> Result<u64> {
        insert_all(self, rows).await
    }
    pub async fn bulk_coverage(&mut self, rows: &[CoverageRow]) -> Result<u64> {
        insert_all(self, rows).await
    }
    pub async fn bulk_editions(&mut self, rows: &[EditionRow]) -> Result<u64> {
        insert_all(self, rows).await
    }
    pub async fn bulk_partners(&mut self, rows: &[PartnerRow]) -> Result<u64> {
        insert_all(self, rows).await
    }
    pub async fn bulk_circle_partners(&mut self, rows: &[CirclePartnerRow]) -> Result<u64> {
        insert_all(self, rows).await
    }
    pub async fn bulk_users(&mut self, rows: &[UserRow]) -> Result<u64> {
        insert_all(self, rows).await
    }
    pub async fn bulk_roles(&mut self, rows: &[RoleRow]) -> Result<u64> {
        insert_all(self, rows).await
    }
    pub async fn bulk_mentors(&mut self, rows: &[MentorRow]) -> Result<u64> {
        insert_all(self, rows).await
    }
    pub async fn bulk_mentor_domains(&mut self, rows: &[MentorDomainRow]) -> Result<u64> {
        insert_all(self, rows).await
    }
    pub async fn bulk_projects(&mut self, rows: &[ProjectRow]) -> Result<u64> {
        insert_all(self, rows).await
    }
    pub async fn bulk_project_domains(&mut self, rows: &[ProjectDomainRow]) -> Result<u64> {
        insert_all(self, rows).await
    }
    pub async fn bulk_requests(&mut self, rows: &[RequestRow]) -> Result<u64> {
        insert_all(self, rows).await
    }
    pub async fn bulk_mentorships(&mut self, rows: &[MentorshipRow]) -> Result<u64> {
        insert_all(self, rows).await
    }
    pub async fn bulk_meetings(&mut self, rows: &[MeetingRow]) -> Result<u64> {
        insert_all(self, rows).await
    }
    pub async fn bulk_messages(&mut self, rows: &[MessageRow]) -> Result<u64> {
        insert_all(self, rows).await
    }
    pub async fn bulk_checkins(&mut self, rows: &[CheckinRow]) -> Result<u64> {
        insert_all(self, rows).await
    }
    pub async fn bulk_goals(&mut self, rows: &[GoalRow]) -> Result<u64> {
        insert_all(self, rows).await
    }
    pub async fn bulk_feedback(&mut self, rows: &[FeedbackRow]) -> Result<u64> {
        insert_all(self, rows).await
    }
    pub async fn bulk_events(&mut self, rows: &[EventRow]) -> Result<u64> {
        insert_all(self, rows).await
    }
    pub async fn bulk_registrations(&mut self, rows: &[RegistrationRow]) -> Result<u64> {
        insert_all(self, rows).await
    }

    /// How many of these circles exist (a generator's check of what is already there).
    pub async fn circles_present(&mut self, ids: &[Uuid]) -> Result<i64> {
        let query = Query::select()
            .expr_as(db::count_rows(), "n")
            .from("circles")
            .and_where(Expr::col("id").is_in(ids.iter().copied()))
            .to_owned();
        Ok(db::fetch_one::<Count>(self, &query).await?.n)
    }

    /// Whether this registration exists (the last record a generator writes).
    pub async fn registration_present(&mut self, id: Uuid) -> Result<bool> {
        let query = Query::select()
            .expr_as(db::count_rows(), "n")
            .from("registrations")
            .and_where(Expr::col("id").eq(id))
            .to_owned();
        Ok(db::fetch_one::<Count>(self, &query).await?.n > 0)
    }
}

/// Row counts of the tables a generated data set fills, with the statuses that the
/// network's figures are stated in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Census {
    pub circles: i64,
    pub circle_territories: i64,
    pub partners: i64,
    pub users: i64,
    pub coordinator_grants: i64,
    pub mentors: i64,
    pub approved_mentors: i64,
    pub mentor_domains: i64,
    pub projects: i64,
    pub validated_projects: i64,
    pub requests: i64,
    pub open_requests: i64,
    pub mentorships: i64,
    pub active_mentorships: i64,
    pub meetings: i64,
    pub goals: i64,
    pub feedback: i64,
    pub events: i64,
    pub registrations: i64,
    pub confirmed_registrations: i64,
    /// Sum of `events.confirmed`: equals `confirmed_registrations` when consistent.
    pub seats_taken: i64,
    /// Sum of `mentors.active_mentees`: equals `active_mentorships` when consistent.
    pub places_taken: i64,
}

impl Store {
    /// Counts the rows of every table a data set fills (a few `COUNT(*)`s).
    pub async fn census(&self) -> Result<Census> {
        let count = async |table: &str, filter: Option<(&str, &str)>| -> Result<i64> {
            let mut query = Query::select();
            query
                .expr_as(Expr::cust("COUNT(*)"), "n")
                .from(table.to_owned());
            if let Some((column, value)) = filter {
                query.and_where(Expr::col(column.to_owned()).eq(value));
            }
            Ok(db::fetch_one::<Count>(&mut &*self, &query).await?.n)
        };
        let sum = async |table: &str, column: &str| -> Result<i64> {
            let query = Query::select()
                .expr_as(
                    Expr::cust(format!("CAST(COALESCE(SUM({column}), 0) AS BIGINT)")),
                    "n",
                )
                .from(table.to_owned())
                .to_owned();
            Ok(db::fetch_one::<Count>(&mut &*self, &query).await?.n)
        };
        Ok(Census {
            circles: count("circles", None).await?,
            circle_territories: count("circle_territories", None).await?,
            partners: count("partners", None).await?,
            users: count("users", None).await?,
            coordinator_grants: count("role_grants", Some(("role", "coordinator"))).await?,
            mentors: count("mentors", None).await?,
            approved_mentors: count("mentors", Some(("status", "approved"))).await?,
            mentor_domains: count("mentor_domains", None).await?,
            projects: count("projects", None).await?,
            validated_projects: count("projects", Some(("status", "validated"))).await?,
            requests: count("mentorship_requests", None).await?,
            open_requests: count("mentorship_requests", Some(("status", "open"))).await?,
            mentorships: count("mentorships", None).await?,
            active_mentorships: count("mentorships", Some(("status", "active"))).await?,
            meetings: count("meetings", None).await?,
            goals: count("goals", None).await?,
            feedback: count("feedback", None).await?,
            events: count("events", None).await?,
            registrations: count("registrations", None).await?,
            confirmed_registrations: count("registrations", Some(("status", "confirmed"))).await?,
            seats_taken: sum("events", "confirmed").await?,
            places_taken: sum("mentors", "active_mentees").await?,
        })
    }
}
