//! Bulk writes for generated data sets (`mentorat demo --scale`): one typed row per
//! table, written as multi-row `INSERT … ON CONFLICT DO NOTHING` statements.
//!
//! Rows are sent a few hundred per statement (at most [`MAX_VALUES`] bound values, far
//! below both backends' limits) inside the caller's transaction, so that the caller
//! decides how long the writer lock is held. Every insert skips rows already present,
//! which makes a second run of a generator change nothing.

use crate::db::{self, Count};
use crate::{Result, Store, Tx};
use chrono::{DateTime, NaiveDate, Utc};
use sea_query::{Expr, ExprTrait, OnConflict, Query};
use uuid::Uuid;

/// Bound values per statement: SQLite's bundled build accepts 32,766 and PostgreSQL
/// 65,535; a third of the smaller keeps statements short to parse and to log.
pub const MAX_VALUES: usize = 10_000;

/// A row of one table, as the bulk writer sends it.
trait BulkRow {
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

macro_rules! bulk_row {
    ($ty:ident, $table:literal, [$($col:ident),+ $(,)?]) => {
        impl BulkRow for $ty {
            const TABLE: &'static str = $table;
            const COLUMNS: &'static [&'static str] = &[$(stringify!($col)),+];
            fn values(&self) -> Vec<Expr> {
                vec![$(self.$col.clone().into()),+]
            }
        }
    };
}

#[derive(Debug, Clone)]
pub struct CircleRow {
    pub id: Uuid,
    pub slug: String,
    pub name: String,
    pub commune_code: String,
    pub status: &'static str,
    pub inaugurated_on: Option<NaiveDate>,
    pub description_fr: String,
    pub description_en: String,
    pub created_at: DateTime<Utc>,
}
bulk_row!(
    CircleRow,
    "circles",
    [
        id,
        slug,
        name,
        commune_code,
        status,
        inaugurated_on,
        description_fr,
        description_en,
        created_at
    ]
);

/// What a circle covers: `level` is `commune`, `epci` or `departement`.
#[derive(Debug, Clone)]
pub struct CoverageRow {
    pub circle_id: Uuid,
    pub level: &'static str,
    pub code: String,
}
bulk_row!(CoverageRow, "circle_territories", [circle_id, level, code]);

#[derive(Debug, Clone)]
pub struct EditionRow {
    pub id: Uuid,
    pub circle_id: Uuid,
    pub number: i64,
    pub held_on: NaiveDate,
    pub venue: String,
    pub new_mentors: i64,
}
bulk_row!(
    EditionRow,
    "circle_editions",
    [id, circle_id, number, held_on, venue, new_mentors]
);

#[derive(Debug, Clone)]
pub struct PartnerRow {
    pub id: Uuid,
    pub slug: String,
    pub name: String,
    pub commune_code: String,
    pub contact_email: String,
    pub description: String,
    pub created_at: DateTime<Utc>,
}
bulk_row!(
    PartnerRow,
    "partners",
    [
        id,
        slug,
        name,
        commune_code,
        contact_email,
        description,
        created_at
    ]
);

#[derive(Debug, Clone)]
pub struct CirclePartnerRow {
    pub circle_id: Uuid,
    pub partner_id: Uuid,
}
bulk_row!(CirclePartnerRow, "circle_partners", [circle_id, partner_id]);

/// An account; `email` must already be lower-case (it is its own folded key).
#[derive(Debug, Clone)]
pub struct UserRow {
    pub id: Uuid,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub password_hash: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl BulkRow for UserRow {
    const TABLE: &'static str = "users";
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "email",
        "email_folded",
        "first_name",
        "last_name",
        "locale",
        "password_hash",
        "email_verified_at",
        "created_at",
    ];
    fn values(&self) -> Vec<Expr> {
        vec![
            self.id.into(),
            self.email.as_str().into(),
            self.email.to_lowercase().into(),
            self.first_name.as_str().into(),
            self.last_name.as_str().into(),
            "fr".into(),
            self.password_hash.clone().into(),
            Some(self.created_at).into(),
            self.created_at.into(),
        ]
    }
}

/// A role grant: `role` as stored (`coordinator`, `partner`, `mentor`, `mentee`…).
#[derive(Debug, Clone)]
pub struct RoleRow {
    pub id: Uuid,
    pub user_id: Uuid,
    pub role: &'static str,
    pub circle_id: Option<Uuid>,
    pub partner_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
}
bulk_row!(
    RoleRow,
    "role_grants",
    [id, user_id, role, circle_id, partner_id, created_at]
);

/// A mentor profile with its vetting facts; `active_mentees` must equal the number of
/// active mentorships written for this mentor (capacity checks read it).
#[derive(Debug, Clone)]
pub struct MentorRow {
    pub user_id: Uuid,
    pub circle_id: Option<Uuid>,
    pub commune_code: String,
    pub bio: String,
    pub status: &'static str,
    pub capacity: i64,
    pub active_mentees: i64,
    pub travel_km: i64,
    pub remote: bool,
    pub languages: String,
    pub availability: String,
    pub interview_on: Option<DateTime<Utc>>,
    pub charter_version: Option<String>,
    pub charter_accepted_at: Option<DateTime<Utc>>,
    pub background_checked_at: Option<DateTime<Utc>>,
    pub background_checked_by: Option<Uuid>,
    pub decided_at: Option<DateTime<Utc>>,
    pub approved_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}
bulk_row!(
    MentorRow,
    "mentors",
    [
        user_id,
        circle_id,
        commune_code,
        bio,
        status,
        capacity,
        active_mentees,
        travel_km,
        remote,
        languages,
        availability,
        interview_on,
        charter_version,
        charter_accepted_at,
        background_checked_at,
        background_checked_by,
        decided_at,
        approved_at,
        created_at,
    ]
);

#[derive(Debug, Clone)]
pub struct MentorDomainRow {
    pub user_id: Uuid,
    pub domain_code: &'static str,
    pub years: i64,
}
bulk_row!(
    MentorDomainRow,
    "mentor_domains",
    [user_id, domain_code, years]
);

#[derive(Debug, Clone)]
pub struct ProjectRow {
    pub id: Uuid,
    pub mentee_id: Uuid,
    pub circle_id: Option<Uuid>,
    pub title: String,
    pub description: String,
    pub commune_code: String,
    pub status: &'static str,
    pub stage: &'static str,
    pub help_wanted: String,
    pub languages: String,
    pub remote: bool,
    pub birth_year: Option<i64>,
    pub coordinator_note: String,
    pub validated_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}
bulk_row!(
    ProjectRow,
    "projects",
    [
        id,
        mentee_id,
        circle_id,
        title,
        description,
        commune_code,
        status,
        stage,
        help_wanted,
        languages,
        remote,
        birth_year,
        coordinator_note,
        validated_at,
        created_at,
    ]
);

#[derive(Debug, Clone)]
pub struct ProjectDomainRow {
    pub project_id: Uuid,
    pub domain_code: &'static str,
}
bulk_row!(
    ProjectDomainRow,
    "project_domains",
    [project_id, domain_code]
);

/// A request in any state (`open`, `accepted`, `declined`, `withdrawn`, `expired`,
/// `closed`).
#[derive(Debug, Clone)]
pub struct RequestRow {
    pub id: Uuid,
    pub project_id: Uuid,
    pub mentee_id: Uuid,
    pub mentor_id: Uuid,
    pub message: String,
    pub status: &'static str,
    pub decline_reason: Option<&'static str>,
    pub decline_text: String,
    pub created_at: DateTime<Utc>,
    pub answered_at: Option<DateTime<Utc>>,
}
bulk_row!(
    RequestRow,
    "mentorship_requests",
    [
        id,
        project_id,
        mentee_id,
        mentor_id,
        message,
        status,
        decline_reason,
        decline_text,
        created_at,
        answered_at,
    ]
);

#[derive(Debug, Clone)]
pub struct MentorshipRow {
    pub id: Uuid,
    pub request_id: Uuid,
    pub mentor_id: Uuid,
    pub mentee_id: Uuid,
    pub project_id: Uuid,
    pub status: &'static str,
    pub started_at: DateTime<Utc>,
    pub last_meeting_on: Option<DateTime<Utc>>,
    pub reminded_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub close_reason: String,
}
bulk_row!(
    MentorshipRow,
    "mentorships",
    [
        id,
        request_id,
        mentor_id,
        mentee_id,
        project_id,
        status,
        started_at,
        last_meeting_on,
        reminded_at,
        closed_at,
        close_reason,
    ]
);

#[derive(Debug, Clone)]
pub struct MeetingRow {
    pub id: Uuid,
    pub mentorship_id: Uuid,
    pub held_on: DateTime<Utc>,
    pub minutes: i64,
    pub remote: bool,
    pub topics: String,
    pub private_notes: String,
    pub logged_by: Uuid,
    pub created_at: DateTime<Utc>,
}
bulk_row!(
    MeetingRow,
    "meetings",
    [
        id,
        mentorship_id,
        held_on,
        minutes,
        remote,
        topics,
        private_notes,
        logged_by,
        created_at,
    ]
);

#[derive(Debug, Clone)]
pub struct GoalRow {
    pub id: Uuid,
    pub mentorship_id: Uuid,
    pub title: String,
    pub status: &'static str,
    pub created_at: DateTime<Utc>,
}
bulk_row!(
    GoalRow,
    "goals",
    [id, mentorship_id, title, status, created_at]
);

#[derive(Debug, Clone)]
pub struct FeedbackRow {
    pub mentorship_id: Uuid,
    pub author_id: Uuid,
    pub satisfaction: i64,
    pub changes: String,
    pub comment: String,
    pub created_at: DateTime<Utc>,
}
bulk_row!(
    FeedbackRow,
    "feedback",
    [
        mentorship_id,
        author_id,
        satisfaction,
        changes,
        comment,
        created_at
    ]
);

/// An event; `confirmed` must equal its confirmed registrations (seats are taken by a
/// conditional UPDATE on it).
#[derive(Debug, Clone)]
pub struct EventRow {
    pub id: Uuid,
    pub circle_id: Option<Uuid>,
    pub partner_id: Option<Uuid>,
    pub kind: &'static str,
    pub status: &'static str,
    pub title: String,
    pub description: String,
    pub starts_at: DateTime<Utc>,
    pub time_zone: &'static str,
    pub duration_minutes: i64,
    pub venue: String,
    pub address: String,
    pub commune_code: String,
    pub capacity: i64,
    pub confirmed: i64,
    pub created_at: DateTime<Utc>,
}
bulk_row!(
    EventRow,
    "events",
    [
        id,
        circle_id,
        partner_id,
        kind,
        status,
        title,
        description,
        starts_at,
        time_zone,
        duration_minutes,
        venue,
        address,
        commune_code,
        capacity,
        confirmed,
        created_at,
    ]
);

/// A registration; `email` must already be lower-case.
#[derive(Debug, Clone)]
pub struct RegistrationRow {
    pub id: Uuid,
    pub event_id: Uuid,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub heard_from: &'static str,
    pub consent_contact: bool,
    pub status: &'static str,
    pub cancel_hash: String,
    pub attended_at: Option<DateTime<Utc>>,
    pub reminded_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub cancelled_at: Option<DateTime<Utc>>,
}

impl BulkRow for RegistrationRow {
    const TABLE: &'static str = "registrations";
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "event_id",
        "first_name",
        "last_name",
        "email",
        "email_folded",
        "heard_from",
        "consent_contact",
        "locale",
        "status",
        "cancel_hash",
        "attended_at",
        "reminded_at",
        "created_at",
        "cancelled_at",
    ];
    fn values(&self) -> Vec<Expr> {
        vec![
            self.id.into(),
            self.event_id.into(),
            self.first_name.as_str().into(),
            self.last_name.as_str().into(),
            self.email.as_str().into(),
            self.email.to_lowercase().into(),
            self.heard_from.into(),
            self.consent_contact.into(),
            "fr".into(),
            self.status.into(),
            self.cancel_hash.as_str().into(),
            self.attended_at.into(),
            self.reminded_at.into(),
            self.created_at.into(),
            self.cancelled_at.into(),
        ]
    }
}

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
            .expr_as(Expr::col("id").count(), "n")
            .from("circles")
            .and_where(Expr::col("id").is_in(ids.iter().copied()))
            .to_owned();
        Ok(db::fetch_one::<Count>(self, &query).await?.n)
    }

    /// Whether this registration exists (the last record a generator writes).
    pub async fn registration_present(&mut self, id: Uuid) -> Result<bool> {
        let query = Query::select()
            .expr_as(Expr::col("id").count(), "n")
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
