//! The pure heart of mentorat: the names of the network (circles, events, people, roles)
//! and the rules they obey. Nothing here does I/O; every type is built by parsing.

pub mod association;
pub mod circle;
pub mod csv;
pub mod email;
pub mod event;
pub mod ics;
pub mod locale;
pub mod mentoring;
pub mod password;
pub mod pdf;
pub mod person;
pub mod policy;
pub mod slug;
pub mod spreadsheet;
pub mod status;
pub mod suppression;
pub mod territory;

pub use circle::{Circle, CircleEdition, CircleStatus};
pub use email::Email;
pub use event::{Event, EventKind, EventStatus, TimeZone};
pub use locale::Locale;
pub use person::{PersonName, Role, RoleGrant};
pub use slug::Slug;
pub use status::{
    ContactStatus, GoalStatus, HostingStatus, MentorshipStatus, ProjectStatus, ProposalStatus,
    RequestStatus,
};

/// Why a raw value could not become a domain value. The variant names are stable
/// keys: the web layer turns them into a message in the user's language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error("the value is empty")]
    Empty,
    #[error("the value is too long (at most {max} characters)")]
    TooLong { max: usize },
    #[error("the value is not a valid e-mail address")]
    InvalidEmail,
    #[error("the value is not one of the allowed choices")]
    UnknownChoice,
    #[error("the value contains characters that are not allowed")]
    InvalidCharacters,
    #[error("the value is not a whole number from {min} to {max}")]
    OutOfRange { min: i64, max: i64 },
}

impl ParseError {
    /// A stable key naming the error, used to look up the user-facing message.
    pub fn key(&self) -> &'static str {
        match self {
            ParseError::Empty => "error-empty",
            ParseError::TooLong { .. } => "error-too-long",
            ParseError::InvalidEmail => "error-invalid-email",
            ParseError::UnknownChoice => "error-unknown-choice",
            ParseError::InvalidCharacters => "error-invalid-characters",
            ParseError::OutOfRange { .. } => "error-period",
        }
    }
}
