//! E-mail addresses, normalised once at the edge so that lookups and uniqueness
//! never depend on how someone typed their address.

use crate::ParseError;
use std::fmt;

/// A syntactically plausible e-mail address, trimmed, with its domain lower-cased.
/// The local part keeps its case (RFC 5321) but comparisons use [`Email::folded`].
#[derive(Clone, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Email(String);

impl Email {
    pub const MAX_LEN: usize = 254;

    pub fn parse(raw: &str) -> Result<Email, ParseError> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Err(ParseError::Empty);
        }
        if raw.chars().count() > Self::MAX_LEN {
            return Err(ParseError::TooLong { max: Self::MAX_LEN });
        }
        let (local, domain) = raw.rsplit_once('@').ok_or(ParseError::InvalidEmail)?;
        let domain_ok = !domain.is_empty()
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && domain
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '.');
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && !local.contains('@')
            && !local.chars().any(|c| c.is_whitespace() || c.is_control());
        if !domain_ok || !local_ok {
            return Err(ParseError::InvalidEmail);
        }
        Ok(Email(format!("{local}@{}", domain.to_lowercase())))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The key under which accounts are unique: the whole address lower-cased.
    pub fn folded(&self) -> String {
        self.0.to_lowercase()
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Never print an address in debug output: logs must not carry personal data.
impl fmt::Debug for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Email(<redacted>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_ordinary_addresses_and_lowercases_the_domain() {
        let e = Email::parse("  Jeanne.Dupont@Exemple.FR ").unwrap();
        assert_eq!(e.as_str(), "Jeanne.Dupont@exemple.fr");
        assert_eq!(e.folded(), "jeanne.dupont@exemple.fr");
    }

    #[test]
    fn refuses_malformed_addresses() {
        for raw in [
            "",
            "jeanne",
            "jeanne@",
            "@exemple.fr",
            "a b@exemple.fr",
            "a@exemple",
            "a@.fr",
            "a@x..fr",
        ] {
            assert!(Email::parse(raw).is_err(), "{raw:?} should be refused");
        }
    }

    #[test]
    fn debug_output_does_not_leak_the_address() {
        let e = Email::parse("secret@exemple.fr").unwrap();
        assert!(!format!("{e:?}").contains("secret"));
    }
}
