//! The association's own details: who publishes the site, where it is, who hosts it,
//! whom to ask about personal data, and where to support it. The legal notice, the
//! privacy page and (later) the support page and certificates read them.

use crate::{Email, ParseError};
use std::collections::BTreeMap;

/// One detail of the association.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Detail {
    /// « Cercles des Mentors ».
    Name,
    /// The registered office, on several lines.
    Address,
    /// RNA (W…) or SIREN number.
    Registration,
    /// The publication director (« directeur ou directrice de la publication »).
    Publisher,
    /// The host of the site: name, address, telephone, on several lines.
    Host,
    /// The address to write to about personal data.
    PrivacyContact,
    /// A page where one joins the association (adhésion).
    MembershipUrl,
    /// A page where one gives to the association.
    DonationUrl,
    /// Why support the association, in the national team's words (the support page).
    SupportText,
}

/// How a detail is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Line,
    Lines,
    Email,
    Url,
}

impl Detail {
    pub const ALL: [Detail; 9] = [
        Detail::Name,
        Detail::Address,
        Detail::Registration,
        Detail::Publisher,
        Detail::Host,
        Detail::PrivacyContact,
        Detail::MembershipUrl,
        Detail::DonationUrl,
        Detail::SupportText,
    ];

    /// The stable key: the database row, the form field, the setting `association_KEY`.
    pub fn key(self) -> &'static str {
        match self {
            Detail::Name => "name",
            Detail::Address => "address",
            Detail::Registration => "registration",
            Detail::Publisher => "publisher",
            Detail::Host => "host",
            Detail::PrivacyContact => "privacy_contact",
            Detail::MembershipUrl => "membership_url",
            Detail::DonationUrl => "donation_url",
            Detail::SupportText => "support_text",
        }
    }

    pub fn from_key(key: &str) -> Option<Detail> {
        Detail::ALL.into_iter().find(|d| d.key() == key)
    }

    pub fn kind(self) -> Kind {
        match self {
            Detail::Address | Detail::Host | Detail::SupportText => Kind::Lines,
            Detail::PrivacyContact => Kind::Email,
            Detail::MembershipUrl | Detail::DonationUrl => Kind::Url,
            Detail::Name | Detail::Registration | Detail::Publisher => Kind::Line,
        }
    }

    fn max(self) -> usize {
        match self.kind() {
            Kind::Lines => 1_000,
            Kind::Url => 300,
            Kind::Email => 254,
            Kind::Line => 150,
        }
    }

    /// The value as kept: trimmed (each line, for several lines); empty means « not given ».
    /// The association's name is required; web addresses must be `https://` (or `http://`).
    pub fn parse(self, raw: &str) -> Result<String, ParseError> {
        let value = match self.kind() {
            Kind::Lines => raw
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join("\n"),
            _ => raw.trim().to_owned(),
        };
        if value.chars().count() > self.max() {
            return Err(ParseError::TooLong { max: self.max() });
        }
        let lines = self.kind() == Kind::Lines;
        if value
            .chars()
            .any(|c| c.is_control() && !(lines && c == '\n'))
        {
            return Err(ParseError::InvalidCharacters);
        }
        if value.is_empty() {
            return if self == Detail::Name {
                Err(ParseError::Empty)
            } else {
                Ok(value)
            };
        }
        match self.kind() {
            Kind::Email => Ok(Email::parse(&value)?.as_str().to_owned()),
            Kind::Url => {
                let rest = value
                    .strip_prefix("https://")
                    .or_else(|| value.strip_prefix("http://"))
                    .ok_or(ParseError::InvalidCharacters)?;
                if rest.is_empty()
                    || rest.contains(char::is_whitespace)
                    || rest.contains(['"', '<', '>'])
                {
                    return Err(ParseError::InvalidCharacters);
                }
                Ok(value)
            }
            Kind::Line | Kind::Lines => Ok(value),
        }
    }
}

/// Every detail known, each one set or not.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Details(BTreeMap<Detail, String>);

impl Details {
    /// The defaults when nothing was configured.
    pub fn builtin() -> Details {
        let mut d = Details::default();
        d.set(Detail::Name, "Cercles des Mentors".to_owned());
        d
    }

    /// The detail, `None` when it was not given.
    pub fn get(&self, detail: Detail) -> Option<&str> {
        self.0
            .get(&detail)
            .map(String::as_str)
            .filter(|s| !s.is_empty())
    }

    /// Sets a detail (already parsed); an empty value clears it.
    pub fn set(&mut self, detail: Detail, value: String) {
        self.0.insert(detail, value);
    }

    /// `self`, each detail replaced by `over`'s where `over` has a row for it (even empty:
    /// a detail the national team cleared stays cleared).
    pub fn overridden_by(mut self, over: &Details) -> Details {
        for (k, v) in &over.0 {
            self.0.insert(*k, v.clone());
        }
        self
    }

    /// The details as rows: every detail, with its value or the empty text.
    pub fn rows(&self) -> impl Iterator<Item = (Detail, &str)> {
        Detail::ALL
            .into_iter()
            .map(|d| (d, self.0.get(&d).map(String::as_str).unwrap_or("")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for d in Detail::ALL {
            assert_eq!(Detail::from_key(d.key()), Some(d));
        }
        assert_eq!(Detail::from_key("nope"), None);
    }

    #[test]
    fn parse_checks_each_kind() {
        assert_eq!(Detail::Name.parse("  "), Err(ParseError::Empty));
        assert_eq!(Detail::Publisher.parse("  "), Ok(String::new()));
        assert_eq!(
            Detail::Address.parse(" 1 rue de Paris \r\n\r\n 60200 Compiègne "),
            Ok("1 rue de Paris\n60200 Compiègne".to_owned())
        );
        assert_eq!(
            Detail::Name.parse("Cercles\u{0}"),
            Err(ParseError::InvalidCharacters)
        );
        assert!(Detail::DonationUrl.parse("https://exemple.org/don").is_ok());
        assert_eq!(
            Detail::DonationUrl.parse("javascript:alert(1)"),
            Err(ParseError::InvalidCharacters)
        );
        assert_eq!(
            Detail::PrivacyContact.parse("pas une adresse"),
            Err(ParseError::InvalidEmail)
        );
        assert!(Detail::Registration.parse(&"1".repeat(151)).is_err());
    }

    #[test]
    fn stored_details_override_defaults_even_when_cleared() {
        let mut defaults = Details::builtin();
        defaults.set(Detail::Publisher, "Marie Curie".into());
        let mut stored = Details::default();
        stored.set(Detail::Publisher, String::new());
        stored.set(Detail::Name, "Mentorat Oise".into());
        let merged = defaults.overridden_by(&stored);
        assert_eq!(merged.get(Detail::Name), Some("Mentorat Oise"));
        assert_eq!(merged.get(Detail::Publisher), None);
    }
}
