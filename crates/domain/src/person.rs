//! People and what they may do: names as they are shown, and role grants scoped to a
//! circle or a partner association.

use crate::ParseError;
use uuid::Uuid;

/// A person's name as shown to others. Mentors and porteurs are shown by first name
/// and initial until they are matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonName {
    first: String,
    last: String,
}

impl PersonName {
    pub const MAX_LEN: usize = 100;

    pub fn parse(first: &str, last: &str) -> Result<PersonName, ParseError> {
        let first = first.trim();
        let last = last.trim();
        if first.is_empty() {
            return Err(ParseError::Empty);
        }
        if first.chars().count() > Self::MAX_LEN || last.chars().count() > Self::MAX_LEN {
            return Err(ParseError::TooLong { max: Self::MAX_LEN });
        }
        if first
            .chars()
            .chain(last.chars())
            .any(|c| c.is_control() || "<>\"".contains(c))
        {
            return Err(ParseError::InvalidCharacters);
        }
        Ok(PersonName {
            first: first.to_owned(),
            last: last.to_owned(),
        })
    }

    pub fn first(&self) -> &str {
        &self.first
    }

    pub fn last(&self) -> &str {
        &self.last
    }

    /// « Camille D. »: what strangers see.
    pub fn short(&self) -> String {
        match self.last.chars().next() {
            Some(initial) => format!("{} {}.", self.first, initial.to_uppercase()),
            None => self.first.clone(),
        }
    }

    /// « Camille D. » from stored names; the first name alone when they do not parse.
    pub fn short_of(first: &str, last: &str) -> String {
        PersonName::parse(first, last)
            .map(|n| n.short())
            .unwrap_or_else(|_| first.to_owned())
    }

    pub fn full(&self) -> String {
        if self.last.is_empty() {
            self.first.clone()
        } else {
            format!("{} {}", self.first, self.last)
        }
    }
}

/// The roles of DESIGN.md. Scoped roles carry their scope in [`RoleGrant`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    NationalTeam,
    Coordinator,
    Partner,
    Mentor,
    Mentee,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::NationalTeam,
        Role::Coordinator,
        Role::Partner,
        Role::Mentor,
        Role::Mentee,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::NationalTeam => "national_team",
            Role::Coordinator => "coordinator",
            Role::Partner => "partner",
            Role::Mentor => "mentor",
            Role::Mentee => "mentee",
        }
    }

    pub fn parse(raw: &str) -> Result<Role, ParseError> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == raw)
            .ok_or(ParseError::UnknownChoice)
    }
}

/// One role held by one account: a coordinator for a given circle, a member of a
/// given partner association, or an unscoped role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleGrant {
    pub role: Role,
    pub circle_id: Option<Uuid>,
    pub partner_id: Option<Uuid>,
}

impl RoleGrant {
    pub fn national_team() -> RoleGrant {
        RoleGrant {
            role: Role::NationalTeam,
            circle_id: None,
            partner_id: None,
        }
    }

    pub fn coordinator(circle_id: Uuid) -> RoleGrant {
        RoleGrant {
            role: Role::Coordinator,
            circle_id: Some(circle_id),
            partner_id: None,
        }
    }

    pub fn partner(partner_id: Uuid) -> RoleGrant {
        RoleGrant {
            role: Role::Partner,
            circle_id: None,
            partner_id: Some(partner_id),
        }
    }

    pub fn plain(role: Role) -> RoleGrant {
        RoleGrant {
            role,
            circle_id: None,
            partner_id: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strangers_see_first_name_and_initial() {
        let n = PersonName::parse(" Camille ", "élise-Durand").unwrap();
        assert_eq!(n.short(), "Camille É.");
        assert_eq!(n.full(), "Camille élise-Durand");
        assert_eq!(PersonName::parse("Ali", "").unwrap().short(), "Ali");
    }

    #[test]
    fn names_refuse_markup_and_emptiness() {
        assert_eq!(PersonName::parse("  ", "X"), Err(ParseError::Empty));
        assert_eq!(
            PersonName::parse("<b>", "X"),
            Err(ParseError::InvalidCharacters)
        );
    }

    #[test]
    fn roles_round_trip() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Ok(r));
        }
    }
}
