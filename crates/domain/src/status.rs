//! The statuses that records move through (a project, a request, a mentorship, a goal,
//! a batch proposal, the inbox's hosting requests and contact messages), each with its
//! stored form and the moves it allows. Their strings appear here and in SQL only.

/// An enum stored as text: `ALL`, `as_str` (the stored form, and the suffix of its
/// Fluent keys), `parse`, `Display` and `TryFrom<String>` (for the store's rows).
macro_rules! stored_choice {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            pub const ALL: [$name; <[&str]>::len(&[$($text),+])] = [$($name::$variant),+];

            /// The stored form, also the suffix of the status's Fluent keys.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }

            pub fn parse(raw: &str) -> Result<$name, $crate::ParseError> {
                match raw {
                    $($text => Ok($name::$variant),)+
                    _ => Err($crate::ParseError::UnknownChoice),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl TryFrom<String> for $name {
            type Error = $crate::ParseError;
            fn try_from(raw: String) -> Result<$name, $crate::ParseError> {
                $name::parse(&raw)
            }
        }
    };
}
pub(crate) use stored_choice;

stored_choice! {
    /// Where a porteur's project stands.
    ProjectStatus {
        Submitted => "submitted",
        /// The coordinator asked for more details.
        NeedsDetails => "needs_details",
        /// Open to suggestions and requests.
        Validated => "validated",
        /// A mentor accepted it.
        Matched => "matched",
        Closed => "closed",
    }
}

impl ProjectStatus {
    /// submitted ⇄ needs details → validated → matched → validated again when the
    /// relationship closes early; any project can be closed.
    pub fn can_become(self, next: ProjectStatus) -> bool {
        use ProjectStatus::*;
        matches!(
            (self, next),
            (Submitted, NeedsDetails)
                | (Submitted, Validated)
                | (NeedsDetails, Submitted)
                | (NeedsDetails, Validated)
                | (Validated, Matched)
                | (Matched, Validated)
        ) || (next == Closed && self != Closed)
    }
}

stored_choice! {
    /// A porteur's request to a mentor.
    RequestStatus {
        Open => "open",
        Accepted => "accepted",
        Declined => "declined",
        /// The porteur took it back.
        Withdrawn => "withdrawn",
        /// Unanswered for too long.
        Expired => "expired",
        /// The porteur found a mentor elsewhere.
        Closed => "closed",
    }
}

impl RequestStatus {
    /// Only an open request moves, once, to any other status.
    pub fn can_become(self, next: RequestStatus) -> bool {
        self == RequestStatus::Open && next != RequestStatus::Open
    }
}

stored_choice! {
    /// A mentoring relationship.
    MentorshipStatus {
        Active => "active",
        Closed => "closed",
    }
}

impl MentorshipStatus {
    /// active → closed, for good.
    pub fn can_become(self, next: MentorshipStatus) -> bool {
        self == MentorshipStatus::Active && next == MentorshipStatus::Closed
    }
}

stored_choice! {
    /// A goal the pair set themselves.
    GoalStatus {
        Open => "open",
        InProgress => "in_progress",
        Reached => "reached",
        Dropped => "dropped",
    }
}

stored_choice! {
    /// A batch proposal of pairs.
    ProposalStatus {
        /// Reviewed by the coordinator, not yet sent.
        Draft => "draft",
        /// Sent as requests to the mentors.
        Published => "published",
    }
}

impl ProposalStatus {
    /// draft → published, for good.
    pub fn can_become(self, next: ProposalStatus) -> bool {
        self == ProposalStatus::Draft && next == ProposalStatus::Published
    }
}

stored_choice! {
    /// An association's request to host a conference (the inbox).
    HostingStatus {
        New => "new",
        Answered => "answered",
        /// It became a scheduled conference.
        Scheduled => "scheduled",
        Declined => "declined",
    }
}

stored_choice! {
    /// A message of the contact form (the inbox).
    ContactStatus {
        New => "new",
        InProgress => "in_progress",
        Done => "done",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_parses_back_from_its_stored_form() {
        for s in ProjectStatus::ALL {
            assert_eq!(ProjectStatus::parse(s.as_str()), Ok(s));
        }
        for s in RequestStatus::ALL {
            assert_eq!(RequestStatus::try_from(s.to_string()), Ok(s));
        }
        for s in GoalStatus::ALL {
            assert_eq!(GoalStatus::parse(s.as_str()), Ok(s));
        }
        assert_eq!(HostingStatus::ALL.len(), 4);
        assert_eq!(
            ContactStatus::parse("in_progress"),
            Ok(ContactStatus::InProgress)
        );
        assert!(
            MentorshipStatus::parse("Active").is_err(),
            "stored forms only"
        );
    }

    #[test]
    fn statuses_move_only_forward() {
        use ProjectStatus::*;
        assert!(Submitted.can_become(Validated) && Validated.can_become(Matched));
        assert!(
            !Submitted.can_become(Matched),
            "no mentor before validation"
        );
        assert!(Matched.can_become(Closed) && !Closed.can_become(Closed));
        assert!(RequestStatus::Open.can_become(RequestStatus::Expired));
        assert!(!RequestStatus::Declined.can_become(RequestStatus::Accepted));
        assert!(MentorshipStatus::Active.can_become(MentorshipStatus::Closed));
        assert!(!MentorshipStatus::Closed.can_become(MentorshipStatus::Active));
        assert!(!ProposalStatus::Published.can_become(ProposalStatus::Draft));
    }
}

stored_choice! {
    /// What changed for a porteur, ticked when the relationship closes (the impact
    /// report counts them).
    Outcome {
        Launched => "launched",
        JobOrTraining => "job_or_training",
        BusinessCreated => "business_created",
        AssociationCreated => "association_created",
        ProjectChanged => "project_changed",
        Stopped => "stopped",
    }
}

stored_choice! {
    /// What a person said of the priority neighbourhood (QPV) they live in.
    QpvAnswer {
        /// One of their commune's QPV (its code is kept beside).
        Yes => "yes",
        No => "no",
        Unknown => "unknown",
    }
}

/// A QPV code as the ANCT writes them: `QN` (2024 list) or `QP` (2015 list) then six
/// to eight letters and digits (`QN07501M`, `QP093005`).
pub fn is_qpv_code(raw: &str) -> bool {
    (raw.starts_with("QN") || raw.starts_with("QP"))
        && (8..=10).contains(&raw.len())
        && raw
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}
