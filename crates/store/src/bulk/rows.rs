//! The rows a generated data set writes: one struct per table, its fields in the
//! order of the columns of its `INSERT`.

use super::BulkRow;
use crate::RegistrationStatus;
use chrono::{DateTime, NaiveDate, Utc};
use mentorat_domain::mentoring::Vetting;
use mentorat_domain::{
    CircleStatus, EventKind, EventStatus, GoalStatus, MentorshipStatus, ProjectStatus,
    RequestStatus,
};
use sea_query::Expr;
use uuid::Uuid;

#[derive(Debug, Clone)]
pub struct CircleRow {
    pub id: Uuid,
    pub slug: String,
    pub name: String,
    pub commune_code: String,
    pub status: CircleStatus,
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
        status.as_str(),
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
    pub status: Vetting,
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
        status.as_str(),
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
    pub status: ProjectStatus,
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
        status.as_str(),
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

/// A request in any state.
#[derive(Debug, Clone)]
pub struct RequestRow {
    pub id: Uuid,
    pub project_id: Uuid,
    pub mentee_id: Uuid,
    pub mentor_id: Uuid,
    pub message: String,
    pub status: RequestStatus,
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
        status.as_str(),
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
    pub status: MentorshipStatus,
    pub started_at: DateTime<Utc>,
    pub last_meeting_on: Option<DateTime<Utc>>,
    pub reminded_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub close_reason: String,
    /// Check-ins sent, and when the last one was.
    pub checkin_round: i64,
    pub checkin_sent_at: Option<DateTime<Utc>>,
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
        status.as_str(),
        started_at,
        last_meeting_on,
        reminded_at,
        closed_at,
        close_reason,
        checkin_round,
        checkin_sent_at,
    ]
);

#[derive(Debug, Clone)]
pub struct MessageRow {
    pub id: Uuid,
    pub mentorship_id: Uuid,
    pub author_id: Uuid,
    pub body: String,
    pub created_at: DateTime<Utc>,
}
bulk_row!(
    MessageRow,
    "messages",
    [id, mentorship_id, author_id, body, created_at]
);

#[derive(Debug, Clone)]
pub struct CheckinRow {
    pub mentorship_id: Uuid,
    pub author_id: Uuid,
    pub round: i64,
    pub mood: i64,
    pub met: bool,
    pub note: String,
    pub created_at: DateTime<Utc>,
}
bulk_row!(
    CheckinRow,
    "checkins",
    [mentorship_id, author_id, round, mood, met, note, created_at]
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
    pub status: GoalStatus,
    pub created_at: DateTime<Utc>,
}
bulk_row!(
    GoalRow,
    "goals",
    [id, mentorship_id, title, status.as_str(), created_at]
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
    pub kind: EventKind,
    pub status: EventStatus,
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
        kind.as_str(),
        status.as_str(),
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
    pub status: RegistrationStatus,
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
            self.status.as_str().into(),
            self.cancel_hash.as_str().into(),
            self.attended_at.into(),
            self.reminded_at.into(),
            self.created_at.into(),
            self.cancelled_at.into(),
        ]
    }
}
