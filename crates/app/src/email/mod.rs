//! E-mails: each message is rendered in the recipient's language from the Fluent files
//! (subject, paragraphs, action) into a text and an HTML part, written to the outbox in
//! the transaction of the change that causes it, then sent over SMTP by [`MailWorker`]
//! with retries and backoff. Without SMTP, messages stay in the outbox, where the
//! national team can read them.

use crate::i18n::Tr;

use mentorat_domain::ProjectStatus;
use mentorat_domain::mentoring::Vetting;

/// The messages the platform sends. Each has Fluent keys `email-<key>-subject`,
/// `email-<key>-p1`… and, when it carries a link, `email-<key>-action`.
#[derive(Debug, Clone)]
pub enum Mail {
    /// An account made from a spreadsheet: the link to choose a password, and what the
    /// GDPR requires for data not collected from the person (art. 14): who holds it
    /// (`controller`), why, for how long (`months` unused), how to object.
    Imported {
        name: String,
        link: String,
        controller: String,
        months: i64,
    },
    /// A registration to a conference made from a spreadsheet: what the GDPR requires
    /// for data not collected from the person (who, why, how long, how to object —
    /// the cancellation `link`), confirmed or on the waiting list.
    RegistrationImported {
        name: String,
        event: EventFacts,
        link: String,
        controller: String,
        months: i64,
        waitlisted: bool,
    },
    VerifyEmail {
        name: String,
        link: String,
    },
    /// Someone tried to sign up with an address that has an account.
    AccountExists {
        link: String,
    },
    ResetPassword {
        name: String,
        link: String,
    },
    PasswordChanged {
        name: String,
    },
    ConfirmNewEmail {
        name: String,
        link: String,
    },
    EmailChanged {
        name: String,
    },
    /// The erasure is asked: when it will happen (`date`, written), how to cancel.
    DeletionRequested {
        name: String,
        date: String,
        link: String,
    },
    /// About one event: a confirmation, a waitlisting, a promotion, a reminder, an
    /// acknowledged cancellation. `link` is the cancellation link (none once cancelled).
    Event {
        kind: EventMail,
        name: String,
        event: EventFacts,
        link: Option<String>,
    },
    /// After a conference: an invitation to apply as a mentor.
    InviteToApply {
        name: String,
        event: EventFacts,
        link: String,
    },
    HostingReceived {
        name: String,
    },
    /// To the association that hosts a conference (`name`): scheduled, a week before,
    /// after it.
    Host {
        step: HostStep,
        name: String,
        event: EventFacts,
        link: String,
    },
    ContactReceived {
        name: String,
    },
    /// To the national team: something arrived in an inbox.
    NewInInbox {
        what: String,
        link: String,
    },
    /// A step of a mentor application: received, interview planned, approved…
    Vetting {
        name: String,
        step: Vetting,
    },
    /// To a parent: consent for a child under 15.
    ParentalConsent {
        name: String,
        child: String,
        link: String,
    },
    /// A project was validated, or details are asked (`note`).
    ProjectReviewed {
        name: String,
        step: ProjectStatus,
        note: String,
    },
    /// To a mentor: a request, with the project's facts and why they were suggested,
    /// already in the mentor's language (never the porteur's contact details).
    RequestReceived {
        name: String,
        link: String,
        facts: Vec<String>,
    },
    RequestAnswered {
        name: String,
        accepted: bool,
        link: String,
    },
    /// The porteur found a mentor elsewhere: this request is closed.
    RequestClosed {
        name: String,
    },
    FeedbackWanted {
        name: String,
        link: String,
    },
    /// To the porteur: a request went unanswered for 14 days.
    RequestExpired {
        name: String,
        link: String,
    },
    /// To both of a pair: no meeting for 30 days.
    QuietMentorship {
        name: String,
        link: String,
    },
    /// To one of a pair: a message waits in the thread (never its content).
    NewMessage {
        name: String,
        link: String,
    },
    /// To a circle's coordinators: one of a pair reported a message or the relationship,
    /// or ended contact (`block`).
    Reported {
        name: String,
        block: bool,
        link: String,
    },
    /// To both of a pair: a check-in, answerable from the e-mail (`link` opens the form
    /// with the chosen answer; opening it records nothing).
    CheckIn {
        name: String,
        link: String,
    },
    /// To a mentor: a request expired unanswered (`count` since their last answer).
    RequestLapsed {
        name: String,
        link: String,
    },
    /// To a circle's coordinators: a mentor let several requests expire.
    MentorSilent {
        name: String,
        link: String,
    },
    /// To a mentor paused after too many expired requests: how to come back.
    MentorPaused {
        name: String,
        link: String,
    },
    /// To the other one of a relationship that ended because the person left.
    PartnerLeft {
        name: String,
        link: String,
    },
    /// An account unused for years: erased on `date` unless its owner signs in.
    Inactive {
        name: String,
        date: String,
        link: String,
    },
}

/// The kinds of e-mail (`template`) that name nobody but their recipient: an erasure
/// does not look for the erased person's name in them (see `Tx::erase_person`). A kind
/// missing from this list is searched (the safe side).
pub const ABOUT_THE_RECIPIENT_ONLY: &[&str] = &[
    "imported",
    "registration-imported",
    "registration-imported-waitlisted",
    "verify",
    "exists",
    "reset",
    "password-changed",
    "confirm-email",
    "email-changed",
    "deletion",
    "registered",
    "waitlisted",
    "promoted",
    "reminder",
    "cancelled",
    "event-cancelled",
    "invite",
    "hosting",
    "host-scheduled",
    "host-week",
    "host-after",
    "contact",
    "vetting-received",
    "vetting-interview",
    "vetting-approved",
    "vetting-declined",
    "vetting-paused",
    "project-validated",
    "project-details",
    "request-closed",
    "feedback",
    "quiet",
    "message",
    "checkin",
    "mentor-paused",
    "partner-left",
    "inactive",
];

/// What an event e-mail says about the event.
#[derive(Debug, Clone)]
pub struct EventFacts {
    pub title: String,
    pub starts_at: chrono::DateTime<chrono_tz::Tz>,
    pub venue: String,
}

/// Where a hosted conference stands, for its host's message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HostStep {
    Scheduled,
    WeekBefore { registered: i64 },
    After { attended: i64, applied: i64 },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventMail {
    Confirmed,
    Waitlisted,
    Promoted,
    /// Before the event, which starts in `days` days (0: today, 1: tomorrow).
    Reminder {
        days: i64,
    },
    Cancelled,
    /// The organisers cancelled the event itself.
    EventCancelled,
}

impl Mail {
    fn key(&self) -> &'static str {
        match self {
            Mail::VerifyEmail { .. } => "verify",
            Mail::AccountExists { .. } => "exists",
            Mail::ResetPassword { .. } => "reset",
            Mail::PasswordChanged { .. } => "password-changed",
            Mail::ConfirmNewEmail { .. } => "confirm-email",
            Mail::EmailChanged { .. } => "email-changed",
            Mail::DeletionRequested { .. } => "deletion",
            Mail::Event {
                kind: EventMail::Confirmed,
                ..
            } => "registered",
            Mail::Event {
                kind: EventMail::Waitlisted,
                ..
            } => "waitlisted",
            Mail::Event {
                kind: EventMail::Promoted,
                ..
            } => "promoted",
            Mail::Event {
                kind: EventMail::Reminder { .. },
                ..
            } => "reminder",
            Mail::Event {
                kind: EventMail::Cancelled,
                ..
            } => "cancelled",
            Mail::Event {
                kind: EventMail::EventCancelled,
                ..
            } => "event-cancelled",
            Mail::InviteToApply { .. } => "invite",
            Mail::HostingReceived { .. } => "hosting",
            Mail::Host {
                step: HostStep::Scheduled,
                ..
            } => "host-scheduled",
            Mail::Host {
                step: HostStep::WeekBefore { .. },
                ..
            } => "host-week",
            Mail::Host {
                step: HostStep::After { .. },
                ..
            } => "host-after",
            Mail::ContactReceived { .. } => "contact",
            Mail::NewInInbox { .. } => "inbox",
            Mail::Vetting { step, .. } => match step {
                Vetting::Submitted => "vetting-received",
                Vetting::InterviewPlanned => "vetting-interview",
                Vetting::Approved => "vetting-approved",
                Vetting::Declined => "vetting-declined",
                Vetting::Paused => "vetting-paused",
            },
            Mail::ParentalConsent { .. } => "consent",
            Mail::ProjectReviewed {
                step: ProjectStatus::Validated,
                ..
            } => "project-validated",
            Mail::ProjectReviewed { .. } => "project-details",
            Mail::RequestReceived { .. } => "request",
            Mail::RequestAnswered { accepted: true, .. } => "accepted",
            Mail::RequestAnswered { .. } => "declined",
            Mail::RequestClosed { .. } => "request-closed",
            Mail::FeedbackWanted { .. } => "feedback",
            Mail::RequestExpired { .. } => "request-expired",
            Mail::QuietMentorship { .. } => "quiet",
            Mail::NewMessage { .. } => "message",
            Mail::Reported { block: true, .. } => "blocked",
            Mail::Reported { .. } => "reported",
            Mail::CheckIn { .. } => "checkin",
            Mail::RequestLapsed { .. } => "request-lapsed",
            Mail::MentorSilent { .. } => "mentor-silent",
            Mail::MentorPaused { .. } => "mentor-paused",
            Mail::PartnerLeft { .. } => "partner-left",
            Mail::Inactive { .. } => "inactive",
            Mail::Imported { .. } => "imported",
            Mail::RegistrationImported {
                waitlisted: false, ..
            } => "registration-imported",
            Mail::RegistrationImported { .. } => "registration-imported-waitlisted",
        }
    }

    /// The message's own arguments for its Fluent messages.
    fn args(&self, tr: &Tr<'_>) -> Vec<(&'static str, String)> {
        match self {
            Mail::Event {
                event,
                kind: EventMail::Reminder { days },
                ..
            } => vec![
                ("title", crate::events::event_title(tr, &event.title)),
                ("when", tr.date_time(&event.starts_at)),
                ("venue", event.venue.clone()),
                // When it really is: « aujourd'hui », « demain », « dans 2 jours ».
                (
                    "soon",
                    match days {
                        ..=0 => "today",
                        1 => "tomorrow",
                        _ => "later",
                    }
                    .to_owned(),
                ),
                ("days", days.to_string()),
            ],
            Mail::Host { event, step, .. } => {
                let mut args = vec![
                    ("title", crate::events::event_title(tr, &event.title)),
                    ("when", tr.date_time(&event.starts_at)),
                    ("venue", event.venue.clone()),
                ];
                // Each count as the locale writes it, and its kind for the selectors
                // (the arguments are text): « none », « one » or « other ».
                let mut count = |name: &'static str, kind: &'static str, n: i64| {
                    args.push((name, tr.number(n)));
                    let how = match n {
                        0 => "none",
                        1 => "one",
                        _ => "other",
                    };
                    args.push((kind, how.to_owned()));
                };
                match step {
                    HostStep::Scheduled => {}
                    HostStep::WeekBefore { registered } => {
                        count("registered", "registered_kind", *registered)
                    }
                    HostStep::After { attended, applied } => {
                        count("attended", "attended_kind", *attended);
                        count("applied", "applied_kind", *applied);
                    }
                }
                args
            }
            Mail::Event { event, .. } | Mail::InviteToApply { event, .. } => vec![
                ("title", crate::events::event_title(tr, &event.title)),
                ("when", tr.date_time(&event.starts_at)),
                ("venue", event.venue.clone()),
            ],
            Mail::NewInInbox { what, .. } => vec![("what", what.clone())],
            Mail::ParentalConsent { child, .. } => vec![("child", child.clone())],
            Mail::ProjectReviewed { note, .. } => vec![("note", note.clone())],
            Mail::DeletionRequested { date, .. } | Mail::Inactive { date, .. } => {
                vec![("date", date.clone())]
            }
            Mail::Imported {
                controller, months, ..
            } => vec![
                ("controller", controller.clone()),
                ("months", months.to_string()),
            ],
            Mail::RegistrationImported {
                event,
                controller,
                months,
                ..
            } => vec![
                ("title", crate::events::event_title(tr, &event.title)),
                ("when", tr.date_time(&event.starts_at)),
                ("venue", event.venue.clone()),
                ("controller", controller.clone()),
                ("months", months.to_string()),
            ],
            _ => Vec::new(),
        }
    }

    /// How many paragraphs the message has in the Fluent files.
    fn paragraphs(&self) -> usize {
        match self {
            Mail::VerifyEmail { .. } | Mail::ResetPassword { .. } | Mail::AccountExists { .. } => 2,
            Mail::Imported { .. } => 4,
            Mail::RegistrationImported { .. } => 3,
            Mail::Event {
                kind: EventMail::Cancelled | EventMail::EventCancelled,
                ..
            } => 1,
            Mail::Event { .. }
            | Mail::InviteToApply { .. }
            | Mail::ParentalConsent { .. }
            | Mail::Host { .. } => 2,
            _ => 1,
        }
    }

    fn name(&self) -> Option<&str> {
        match self {
            Mail::VerifyEmail { name, .. }
            | Mail::ResetPassword { name, .. }
            | Mail::PasswordChanged { name }
            | Mail::ConfirmNewEmail { name, .. }
            | Mail::EmailChanged { name }
            | Mail::DeletionRequested { name, .. }
            | Mail::Event { name, .. }
            | Mail::InviteToApply { name, .. }
            | Mail::HostingReceived { name }
            | Mail::Host { name, .. }
            | Mail::ContactReceived { name }
            | Mail::Vetting { name, .. }
            | Mail::ParentalConsent { name, .. }
            | Mail::ProjectReviewed { name, .. }
            | Mail::RequestReceived { name, .. }
            | Mail::RequestAnswered { name, .. }
            | Mail::RequestClosed { name }
            | Mail::FeedbackWanted { name, .. }
            | Mail::RequestExpired { name, .. }
            | Mail::QuietMentorship { name, .. }
            | Mail::NewMessage { name, .. }
            | Mail::Reported { name, .. }
            | Mail::CheckIn { name, .. }
            | Mail::RequestLapsed { name, .. }
            | Mail::MentorSilent { name, .. }
            | Mail::MentorPaused { name, .. }
            | Mail::PartnerLeft { name, .. }
            | Mail::Inactive { name, .. }
            | Mail::Imported { name, .. }
            | Mail::RegistrationImported { name, .. } => Some(name),
            Mail::AccountExists { .. } | Mail::NewInInbox { .. } => None,
        }
    }

    /// Lines listed after the paragraphs (a request's facts).
    fn facts(&self) -> &[String] {
        match self {
            Mail::RequestReceived { facts, .. } => facts,
            _ => &[],
        }
    }

    /// Links offered as answers (a check-in's five, each opening the form with its
    /// answer chosen).
    fn choices(&self, tr: &Tr<'_>) -> Vec<(String, String)> {
        match self {
            Mail::CheckIn { link, .. } => (1..=5)
                .rev()
                .map(|n| {
                    (
                        tr.t(&format!("checkin-mood-{n}")),
                        format!("{link}?humeur={n}"),
                    )
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    fn link(&self) -> Option<&str> {
        match self {
            Mail::VerifyEmail { link, .. }
            | Mail::AccountExists { link }
            | Mail::ResetPassword { link, .. }
            | Mail::ConfirmNewEmail { link, .. }
            | Mail::InviteToApply { link, .. }
            | Mail::Host { link, .. }
            | Mail::NewInInbox { link, .. }
            | Mail::ParentalConsent { link, .. }
            | Mail::RequestReceived { link, .. }
            | Mail::RequestAnswered { link, .. }
            | Mail::FeedbackWanted { link, .. }
            | Mail::RequestExpired { link, .. }
            | Mail::QuietMentorship { link, .. }
            | Mail::NewMessage { link, .. }
            | Mail::Reported { link, .. }
            | Mail::RequestLapsed { link, .. }
            | Mail::MentorSilent { link, .. }
            | Mail::MentorPaused { link, .. }
            | Mail::PartnerLeft { link, .. }
            | Mail::Inactive { link, .. }
            | Mail::Imported { link, .. }
            | Mail::RegistrationImported { link, .. }
            | Mail::DeletionRequested { link, .. } => Some(link),
            Mail::Event { link, .. } => link.as_deref(),
            _ => None,
        }
    }
}

mod rendering;
pub use rendering::render;

mod sending;
pub use sending::{MAX_ATTEMPTS, MailWorker, retry_delay, scrub};

#[cfg(test)]
mod tests;
