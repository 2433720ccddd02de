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
    /// Months a past event's registrations of people without an account are kept.
    RetentionRegistrationsMonths,
    /// Months contact messages and hosting requests are kept after they are closed.
    RetentionRequestsMonths,
    /// Months a closed relationship's messages, check-in comments and notes are kept.
    RetentionRelationshipMonths,
    /// Days the bodies of sent e-mails are kept.
    RetentionMailDays,
    /// Months the audit and access log is kept.
    RetentionAuditMonths,
    /// Months without signing in after which an account is warned, then erased.
    RetentionInactiveMonths,
    /// Days between a request for erasure and the erasure (the person may cancel).
    ErasureGraceDays,
    /// Days backups are kept (they still hold the people erased since).
    BackupDays,
}

/// How a detail is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Line,
    Lines,
    Email,
    Url,
    /// A whole number (months or days) within bounds, with a default.
    Number,
}

impl Detail {
    pub const ALL: [Detail; 17] = [
        Detail::Name,
        Detail::Address,
        Detail::Registration,
        Detail::Publisher,
        Detail::Host,
        Detail::PrivacyContact,
        Detail::MembershipUrl,
        Detail::DonationUrl,
        Detail::SupportText,
        Detail::RetentionRegistrationsMonths,
        Detail::RetentionRequestsMonths,
        Detail::RetentionRelationshipMonths,
        Detail::RetentionMailDays,
        Detail::RetentionAuditMonths,
        Detail::RetentionInactiveMonths,
        Detail::ErasureGraceDays,
        Detail::BackupDays,
    ];

    /// The periods: what the privacy page, the register and the retention sweep read.
    pub const PERIODS: [Detail; 8] = [
        Detail::RetentionRegistrationsMonths,
        Detail::RetentionRequestsMonths,
        Detail::RetentionRelationshipMonths,
        Detail::RetentionMailDays,
        Detail::RetentionAuditMonths,
        Detail::RetentionInactiveMonths,
        Detail::ErasureGraceDays,
        Detail::BackupDays,
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
            Detail::RetentionRegistrationsMonths => "retention_registrations_months",
            Detail::RetentionRequestsMonths => "retention_requests_months",
            Detail::RetentionRelationshipMonths => "retention_relationship_months",
            Detail::RetentionMailDays => "retention_mail_days",
            Detail::RetentionAuditMonths => "retention_audit_months",
            Detail::RetentionInactiveMonths => "retention_inactive_months",
            Detail::ErasureGraceDays => "erasure_grace_days",
            Detail::BackupDays => "backup_days",
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
            _ => Kind::Number,
        }
    }

    /// A period's bounds and default (other details: none).
    pub fn bounds(self) -> Option<(u32, u32, u32)> {
        Some(match self {
            Detail::RetentionRegistrationsMonths
            | Detail::RetentionRequestsMonths
            | Detail::RetentionRelationshipMonths
            | Detail::RetentionAuditMonths => (1, 120, 12),
            Detail::RetentionMailDays => (1, 3_650, 30),
            Detail::RetentionInactiveMonths => (12, 120, 36),
            Detail::ErasureGraceDays => (0, 90, 30),
            Detail::BackupDays => (1, 3_650, 30),
            _ => return None,
        })
    }

    /// Whether a period counts months (else days).
    pub fn in_months(self) -> bool {
        self.key().ends_with("_months")
    }

    fn max(self) -> usize {
        match self.kind() {
            Kind::Lines => 1_000,
            Kind::Url => 300,
            Kind::Email => 254,
            Kind::Line => 150,
            Kind::Number => 4,
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
            Kind::Number => {
                let (min, max, _) = self.bounds().unwrap_or((0, 0, 0));
                match value.parse::<u32>() {
                    Ok(n) if (min..=max).contains(&n) => Ok(n.to_string()),
                    _ => Err(ParseError::OutOfRange {
                        min: i64::from(min),
                        max: i64::from(max),
                    }),
                }
            }
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
        for p in Detail::PERIODS {
            if let Some((_, _, default)) = p.bounds() {
                d.set(p, default.to_string());
            }
        }
        d
    }

    /// A period's number (its default when unset or unreadable).
    pub fn period(&self, detail: Detail) -> u32 {
        let (_, _, default) = detail.bounds().unwrap_or((0, 0, 0));
        self.get(detail)
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    }

    /// A period as a duration from a date: `months` are calendar months.
    pub fn before(
        &self,
        detail: Detail,
        at: chrono::DateTime<chrono::Utc>,
    ) -> chrono::DateTime<chrono::Utc> {
        let n = self.period(detail);
        if detail.in_months() {
            at.checked_sub_months(chrono::Months::new(n)).unwrap_or(at)
        } else {
            at - chrono::Duration::days(i64::from(n))
        }
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
