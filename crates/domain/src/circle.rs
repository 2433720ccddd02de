//! Cercles des Mentors: a circle is born from a conference in a town, then meets in
//! successive editions. Its status only moves along the allowed transitions.

use crate::{ParseError, Slug};
use chrono::NaiveDate;
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CircleStatus {
    Planned,
    Launching,
    Active,
    Paused,
}

impl CircleStatus {
    pub const ALL: [CircleStatus; 4] = [
        CircleStatus::Active,
        CircleStatus::Launching,
        CircleStatus::Planned,
        CircleStatus::Paused,
    ];

    /// The stored and URL form.
    pub fn as_str(self) -> &'static str {
        match self {
            CircleStatus::Planned => "planned",
            CircleStatus::Launching => "launching",
            CircleStatus::Active => "active",
            CircleStatus::Paused => "paused",
        }
    }

    pub fn parse(raw: &str) -> Result<CircleStatus, ParseError> {
        match raw {
            "planned" => Ok(CircleStatus::Planned),
            "launching" => Ok(CircleStatus::Launching),
            "active" => Ok(CircleStatus::Active),
            "paused" => Ok(CircleStatus::Paused),
            _ => Err(ParseError::UnknownChoice),
        }
    }

    /// planned → launching → active ⇄ paused; a launch can also be put off
    /// (launching → planned) and a paused circle can restart its launch.
    pub fn can_become(self, next: CircleStatus) -> bool {
        use CircleStatus::*;
        matches!(
            (self, next),
            (Planned, Launching)
                | (Launching, Planned)
                | (Launching, Active)
                | (Active, Paused)
                | (Paused, Active)
                | (Paused, Launching)
        )
    }
}

/// A Cercle des Mentors, named after the town whose commune it sits in.
#[derive(Debug, Clone, PartialEq)]
pub struct Circle {
    pub id: Uuid,
    pub slug: Slug,
    /// The town's name as people say it (« Compiègne »).
    pub name: String,
    /// INSEE (France) or NIS (Belgium) code of the circle's commune.
    pub commune_code: String,
    pub status: CircleStatus,
    pub inaugurated_on: Option<NaiveDate>,
    pub description_fr: String,
    pub description_en: String,
}

/// One meeting of a circle: the 1st, 2nd, 3rd edition…
#[derive(Debug, Clone, PartialEq)]
pub struct CircleEdition {
    pub id: Uuid,
    pub circle_id: Uuid,
    pub number: i64,
    pub held_on: NaiveDate,
    pub venue: String,
    pub new_mentors: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_circle_follows_its_life_cycle() {
        use CircleStatus::*;
        assert!(Planned.can_become(Launching));
        assert!(Launching.can_become(Active));
        assert!(Active.can_become(Paused));
        assert!(Paused.can_become(Active));
        assert!(
            !Planned.can_become(Active),
            "a circle is launched before it is active"
        );
        assert!(!Active.can_become(Planned));
    }

    #[test]
    fn status_round_trips_through_its_stored_form() {
        for s in CircleStatus::ALL {
            assert_eq!(CircleStatus::parse(s.as_str()), Ok(s));
        }
        assert!(CircleStatus::parse("closed").is_err());
    }
}
