//! Mentors, porteurs de projet and the mentoring relationship: applying and vetting,
//! submitting a project (with a parent's consent under 15), the directory, requests
//! (at most three open, capacity held under concurrency), and the mentorship itself
//! (contact details for the pair only, meetings with private notes, closing, feedback).

mod coordination;
mod mentorships;
mod projects;
mod reasons;
mod relationship;
mod requests;
mod suggestions;
mod vetting;
mod volunteers;

pub use coordination::*;
pub use mentorships::*;
pub use reasons::*;
pub use relationship::*;
pub use requests::RequestSheet;
pub use suggestions::*;
pub use volunteers::*;

use crate::deferred::Deferred;
use crate::email::Mail;
use crate::invalid;
use crate::security::{random_token, token_hash};
use crate::territories::{resolve_picked, territories};
use crate::{App, AppError};
use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Utc};
use mentorat_domain::mentoring::{
    CHARTER_VERSION, CONSENT_NOTICE_VERSION, DECLINE_REASONS, STAGES, Vetting,
    needs_parental_consent, parse_languages,
};
use mentorat_domain::policy::{Action, Decision, Resource, Viewer, authorize};
use mentorat_domain::territory::{Proximity, proximity};
use mentorat_domain::{
    Email, MentorshipStatus, PersonName, ProjectStatus, RequestStatus, Role, RoleGrant,
};
use mentorat_matching::{IndexedMentor, MentorIndex, PlaceKeys, Seeker};
pub use mentorat_store::{
    Domain, MeetingRecord, MentorProfile, MentorshipRecord, MentorshipSheet, ProjectRecord,
    ReportRecord, RequestRecord,
};
use mentorat_store::{FeedbackRecord, MentorApplication, NewProjectDetails};
use std::sync::Arc;
use uuid::Uuid;

fn text(raw: &str, field: &'static str, max: usize, required: bool) -> Result<String, AppError> {
    let v = raw.trim();
    if required && v.is_empty() {
        return Err(invalid(field, "error-empty"));
    }
    if v.chars().count() > max {
        return Err(invalid(field, "error-too-long"));
    }
    Ok(v.to_owned())
}

#[derive(Debug, Clone, Default)]
pub struct MentorForm {
    /// (domain code, years as typed)
    pub domains: Vec<(String, String)>,
    pub bio: String,
    pub commune: String,
    pub commune_query: String,
    pub travel_km: String,
    pub remote: bool,
    pub languages: Vec<String>,
    pub capacity: String,
    pub availability: String,
    pub charter: bool,
    /// The secret of the invitation that brought the person, if any (its conference is
    /// recorded with the application; the invitation is used up).
    pub invitation: String,
}

/// A meeting as logged by one of the pair.
#[derive(Debug, Clone, Default)]
pub struct MeetingForm {
    pub date: String,
    pub minutes: String,
    pub remote: bool,
    pub topics: String,
    /// Visible only to the pair.
    pub notes: String,
}

#[derive(Debug, Clone, Default)]
pub struct ProjectForm {
    pub title: String,
    pub description: String,
    pub domains: Vec<String>,
    pub stage: String,
    pub help_wanted: String,
    pub commune: String,
    pub commune_query: String,
    pub languages: Vec<String>,
    /// The porteur accepts remote mentoring (phone, video).
    pub remote: bool,
    pub birth_year: String,
    pub parent_name: String,
    pub parent_email: String,
    /// Under 15: the porteur's own consent, after reading the notice written for them.
    pub minor_consent: bool,
}

/// A mentor as the directory shows them: never an address or a phone number.
#[derive(Debug, Clone)]
pub struct MentorCard {
    pub user_id: Uuid,
    pub short_name: String,
    pub domains: Vec<(String, i64)>,
    pub bio: String,
    pub commune: String,
    pub availability: String,
    pub languages: String,
}

/// What one side of a mentorship sees.
#[derive(Debug, Clone)]
pub struct MentorshipView {
    pub record: MentorshipRecord,
    pub project_title: String,
    pub mentor_name: String,
    pub mentee_name: String,
    /// The other person's address, for the pair only.
    pub other_email: Option<String>,
    pub meetings: Vec<MeetingRecord>,
    pub feedback_given: bool,
    pub in_pair: bool,
}

/// The policy's answer for what only the people concerned may do (roles play no part
/// there); a refusal reads « not found »: nothing of the record is shown to others.
fn concerned(viewer: Uuid, action: Action, resource: &Resource) -> Result<(), AppError> {
    let who = Viewer {
        user_id: viewer,
        roles: &[],
    };
    match authorize(Some(&who), action, resource) {
        Decision::Allow => Ok(()),
        Decision::SignIn | Decision::Deny => Err(AppError::NotFound),
    }
}

/// A relationship as the policy sees it (its circle plays no part in what the pair do).
fn pair(record: &MentorshipRecord) -> Resource {
    Resource::Mentorship {
        mentor_id: record.mentor_id,
        mentee_id: record.mentee_id,
        circle_id: None,
    }
}

/// A request as the policy sees it.
fn asked(request: &RequestRecord) -> Resource {
    Resource::Request {
        mentor_id: request.mentor_id,
        mentee_id: request.mentee_id,
    }
}
