//! Mentoring records: the taxonomy of fields, mentor applications and their vetting,
//! projects with parental consent, requests (capacity held by one conditional UPDATE),
//! mentorships with meetings, goals and feedback.

mod mentors;
mod mentorships;
mod projects;
mod queues;
mod relationship;
mod requests;
mod volunteers;

pub use mentors::PublicMentor;
pub use mentorships::{FeedbackSummary, GoalRecord, MentorshipSheet, Party, QuietMentorship};
pub use queues::{CircleCounts, MentorLine, ProjectLine};
pub use relationship::{
    CheckinRecord, CheckinSummary, FlaggedCheckin, MessageRecord, OpenReport, ReportRecord,
};
pub use volunteers::{HoursLine, MentorHours};

use crate::db::{self, Count};
use crate::{Result, Store, StoreError, Tx};
use chrono::{DateTime, Utc};
use sea_query::{Cond, Expr, ExprTrait, OnConflict, Order, Query};
use uuid::Uuid;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Domain {
    pub code: String,
    pub label_fr: String,
    pub label_en: String,
    pub synonyms_fr: String,
    pub synonyms_en: String,
}

impl Domain {
    /// The field's name in `locale`.
    pub fn label(&self, locale: mentorat_domain::Locale) -> &str {
        match locale {
            mentorat_domain::Locale::En => &self.label_en,
            mentorat_domain::Locale::Fr => &self.label_fr,
        }
    }

    /// The name of the field `code` among `domains` in `locale` (empty if unknown).
    pub fn label_of(domains: &[Domain], code: &str, locale: mentorat_domain::Locale) -> String {
        domains
            .iter()
            .find(|d| d.code == code)
            .map(|d| d.label(locale).to_owned())
            .unwrap_or_default()
    }
}

/// A mentor as coordinators and the directory see them (no contact details here).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MentorProfile {
    pub user_id: Uuid,
    pub first_name: String,
    pub last_name: String,
    pub circle_id: Option<Uuid>,
    pub commune_code: String,
    pub bio: String,
    #[sqlx(try_from = "String")]
    pub status: mentorat_domain::mentoring::Vetting,
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
    pub created_at: DateTime<Utc>,
    /// The conference whose invitation brought the application.
    pub event_id: Option<Uuid>,
    /// Paused by the mentor until this day (they come back in the directory then).
    pub paused_until: Option<DateTime<Utc>>,
    /// Why the mentor is paused: `self` or `expired` (they may come back), none when a
    /// coordinator paused them.
    pub pause_reason: Option<String>,
    /// Requests let expire since the mentor last answered one.
    pub expired_requests: i64,
    /// The last time the mentor did something on the platform (answered, met, wrote).
    pub last_active_at: Option<DateTime<Utc>>,
}

/// The mentors' own columns that [`MentorProfile`] reads (`user_id` comes first, aliased).
const MENTOR_COLUMNS: [&str; 20] = [
    "circle_id",
    "commune_code",
    "bio",
    "status",
    "capacity",
    "active_mentees",
    "travel_km",
    "remote",
    "languages",
    "availability",
    "interview_on",
    "charter_version",
    "charter_accepted_at",
    "background_checked_at",
    "created_at",
    "event_id",
    "paused_until",
    "pause_reason",
    "expired_requests",
    "last_active_at",
];

fn mentor_select() -> sea_query::SelectStatement {
    let mut q = Query::select();
    q.expr_as(Expr::col(("mentors", "user_id")), "user_id")
        .columns([("users", "first_name"), ("users", "last_name")])
        .from("mentors")
        .inner_join(
            "users",
            Expr::col(("users", "id")).equals(("mentors", "user_id")),
        );
    for c in &MENTOR_COLUMNS {
        q.column(("mentors", *c));
    }
    q
}

#[derive(Debug, Clone)]
pub struct MentorApplication {
    pub user_id: Uuid,
    pub circle_id: Option<Uuid>,
    pub commune_code: String,
    pub bio: String,
    pub capacity: i64,
    pub travel_km: i64,
    pub remote: bool,
    pub languages: String,
    pub availability: String,
    pub domains: Vec<(String, i64)>,
    pub charter_version: String,
    /// The conference whose invitation brought the application.
    pub event_id: Option<Uuid>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ProjectRecord {
    pub id: Uuid,
    pub mentee_id: Uuid,
    pub first_name: String,
    pub last_name: String,
    pub circle_id: Option<Uuid>,
    pub title: String,
    pub description: String,
    pub commune_code: String,
    #[sqlx(try_from = "String")]
    pub status: mentorat_domain::ProjectStatus,
    pub stage: String,
    pub help_wanted: String,
    pub languages: String,
    /// The porteur accepts remote mentoring.
    pub remote: bool,
    pub birth_year: Option<i64>,
    pub parent_name: Option<String>,
    pub consent_given_at: Option<DateTime<Utc>>,
    pub consent_withdrawn_at: Option<DateTime<Utc>>,
    /// Under 15, the porteur's own consent (and its withdrawal).
    pub minor_consent_at: Option<DateTime<Utc>>,
    pub minor_consent_withdrawn_at: Option<DateTime<Utc>>,
    pub coordinator_note: String,
    pub created_at: DateTime<Utc>,
}

const PROJECT_COLUMNS: [&str; 19] = [
    "id",
    "mentee_id",
    "circle_id",
    "title",
    "description",
    "commune_code",
    "status",
    "stage",
    "help_wanted",
    "languages",
    "remote",
    "birth_year",
    "parent_name",
    "consent_given_at",
    "consent_withdrawn_at",
    "minor_consent_at",
    "minor_consent_withdrawn_at",
    "coordinator_note",
    "created_at",
];

fn project_select() -> sea_query::SelectStatement {
    let mut q = Query::select();
    for c in PROJECT_COLUMNS {
        q.column(("projects", c));
    }
    q.columns([("users", "first_name"), ("users", "last_name")])
        .from("projects")
        .inner_join(
            "users",
            Expr::col(("users", "id")).equals(("projects", "mentee_id")),
        );
    q
}

#[derive(Debug, Clone)]
pub struct NewProjectDetails {
    pub id: Uuid,
    pub mentee_id: Uuid,
    pub circle_id: Option<Uuid>,
    pub title: String,
    pub description: String,
    pub commune_code: String,
    pub stage: String,
    pub help_wanted: String,
    pub languages: String,
    pub remote: bool,
    pub domains: Vec<String>,
    pub birth_year: i64,
    pub parent: Option<(String, String, String)>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RequestRecord {
    pub id: Uuid,
    pub project_id: Uuid,
    pub mentee_id: Uuid,
    pub mentor_id: Uuid,
    pub message: String,
    #[sqlx(try_from = "String")]
    pub status: mentorat_domain::RequestStatus,
    pub decline_reason: Option<String>,
    pub decline_text: String,
    pub created_at: DateTime<Utc>,
    /// Why the mentor was suggested, as `ReasonNote`s encoded (empty: none kept).
    pub reasons: String,
}

const REQUEST_COLUMNS: [&str; 10] = [
    "id",
    "project_id",
    "mentee_id",
    "mentor_id",
    "message",
    "status",
    "decline_reason",
    "decline_text",
    "created_at",
    "reasons",
];

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MentorshipRecord {
    pub id: Uuid,
    pub request_id: Uuid,
    pub mentor_id: Uuid,
    pub mentee_id: Uuid,
    pub project_id: Uuid,
    #[sqlx(try_from = "String")]
    pub status: mentorat_domain::MentorshipStatus,
    pub started_at: DateTime<Utc>,
    pub last_meeting_on: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub close_reason: String,
    /// One of the pair ended contact: suspended until a coordinator reviews it.
    pub suspended_at: Option<DateTime<Utc>>,
    /// How many check-ins were sent.
    pub checkin_round: i64,
}

const MENTORSHIP_COLUMNS: [&str; 12] = [
    "id",
    "request_id",
    "mentor_id",
    "mentee_id",
    "project_id",
    "status",
    "started_at",
    "last_meeting_on",
    "closed_at",
    "close_reason",
    "suspended_at",
    "checkin_round",
];

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MeetingRecord {
    pub id: Uuid,
    pub held_on: DateTime<Utc>,
    pub minutes: i64,
    pub remote: bool,
    pub topics: String,
    /// Private to the pair: never give this to anyone else.
    pub private_notes: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FeedbackRecord {
    pub author_id: Uuid,
    pub satisfaction: i64,
    pub changes: String,
    pub comment: String,
}
