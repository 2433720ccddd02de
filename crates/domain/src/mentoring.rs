//! The rules of mentoring: a mentor's vetting life cycle, project stages, languages,
//! who needs a parent's consent, request statuses and the reasons to decline.

use crate::ParseError;

crate::status::stored_choice! {
    /// Where a mentor application stands.
    Vetting {
        Submitted => "submitted",
        InterviewPlanned => "interview_planned",
        Approved => "approved",
        Declined => "declined",
        Paused => "paused",
    }
}

impl Vetting {
    /// submitted → interview planned → approved / declined; approved ⇄ paused; a
    /// submitted application can also be declined at once.
    pub fn can_become(self, next: Vetting) -> bool {
        use Vetting::*;
        matches!(
            (self, next),
            (Submitted, InterviewPlanned)
                | (Submitted, Declined)
                | (InterviewPlanned, Approved)
                | (InterviewPlanned, Declined)
                | (Approved, Paused)
                | (Paused, Approved)
        )
    }
}

/// Languages a mentor or a porteur can work in (the form's choices).
pub const LANGUAGES: &[&str] = &["fr", "en", "nl", "ar", "es", "pt", "de", "it", "tr", "wo"];

/// Stages of a project.
pub const STAGES: &[&str] = &["idea", "preparing", "launching", "running"];

/// Reasons a mentor declines a request (plus free text).
pub const DECLINE_REASONS: &[&str] = &["no_time", "not_my_field", "too_far", "other"];

/// The version of the notices a parent and a porteur under 15 consent to (every
/// version's text, as shown, is kept in `consent_notices`).
pub const CONSENT_NOTICE_VERSION: &str = "2026-12";
/// The version of the mentor charter a mentor accepts.
pub const CHARTER_VERSION: &str = "2026-11";

/// Whether someone born in `birth_year` may be under 15 in `current_year`: with only
/// the year known, the safe answer for someone turning 15 this year is yes.
pub fn needs_parental_consent(birth_year: i32, current_year: i32) -> bool {
    current_year - birth_year <= 15
}

/// Whether someone born in `birth_year` may still be a minor (under 18) in
/// `current_year`: judged cautiously, as for the parent's consent.
pub fn may_be_minor(birth_year: i32, current_year: i32) -> bool {
    current_year - birth_year <= 18
}

/// Parses a comma-separated list of language codes, keeping the known ones, in order.
pub fn parse_languages(raw: &[String]) -> Result<Vec<&'static str>, ParseError> {
    let mut out = Vec::new();
    for code in raw {
        let known = LANGUAGES
            .iter()
            .find(|l| **l == code.trim())
            .ok_or(ParseError::UnknownChoice)?;
        if !out.contains(known) {
            out.push(*known);
        }
    }
    if out.is_empty() {
        Err(ParseError::Empty)
    } else {
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vetting_follows_its_steps() {
        use Vetting::*;
        assert!(Submitted.can_become(InterviewPlanned));
        assert!(InterviewPlanned.can_become(Approved));
        assert!(
            !Submitted.can_become(Approved),
            "no approval without an interview"
        );
        assert!(Approved.can_become(Paused) && Paused.can_become(Approved));
        assert!(!Declined.can_become(Approved));
    }

    #[test]
    fn a_fourteen_year_old_needs_a_parent_and_a_sixteen_year_old_does_not() {
        assert!(needs_parental_consent(2012, 2026));
        assert!(
            needs_parental_consent(2011, 2026),
            "may still be 14 this year"
        );
        assert!(!needs_parental_consent(2010, 2026));
    }

    #[test]
    fn languages_are_known_codes() {
        assert_eq!(
            parse_languages(&["fr".into(), "en".into(), "fr".into()]),
            Ok(vec!["fr", "en"])
        );
        assert!(parse_languages(&["klingon".into()]).is_err());
        assert!(parse_languages(&[]).is_err());
    }
}
