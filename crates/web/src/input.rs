//! Text at the edge: every field of every form posted is read once, before any handler,
//! and a field holding what no person types is refused with a 422 page that says so —
//! nothing of the request is stored. Refused everywhere: control characters (C0, DEL,
//! C1), which PostgreSQL refuses (a NUL byte) or stores as is (SQLite), but the line
//! breaks and tabs of the fields shown as several lines.
//! Refused in names and titles: the bidirectional overrides and isolates (U+202A–202E,
//! U+2066–2069), which can make a name read as another; free text keeps them (Arabic and
//! Hebrew are written with them).
//!
//! Forms are `application/x-www-form-urlencoded`; a multipart upload is read by its own
//! use case, which checks its lines.

/// Fields shown as several lines (`<textarea>`): line breaks and tabs are kept. A test
/// reads the templates and the form builders and fails on a `<textarea>` missing here.
pub const MULTI_LINE: &[&str] = &[
    "address",
    "bio",
    "body",
    "changes",
    "comment",
    "description",
    "description_en",
    "description_fr",
    "help_wanted",
    "host",
    "message",
    "note",
    "notes",
    "reason",
    "support_text",
];

/// Names of people, places and things, and titles: no bidirectional override.
pub const NAMES_AND_TITLES: &[&str] = &[
    "association",
    "contact_name",
    "first_name",
    "label_en",
    "label_fr",
    "last_name",
    "name",
    "parent_name",
    "publisher",
    "registration",
    "title",
    "venue",
];

/// Boxes ticked or not: sent as `1` when ticked, absent otherwise; any other value is
/// no answer a form gives. A test reads the templates for checkboxes of value `1`.
pub const YES_NO: &[&str] = &[
    "background_checked",
    "block",
    "charter",
    "confirm",
    "consent_contact",
    "matches_first",
    "minor_consent",
    "remote",
];

/// Why a field was refused: the message's key (a Fluent key of the error page).
pub fn refused(body: &[u8]) -> Option<&'static str> {
    form_urlencoded::parse(body).find_map(|(name, value)| refused_field(&name, &value))
}

fn refused_field(name: &str, value: &str) -> Option<&'static str> {
    if YES_NO.contains(&name) && value != "1" {
        return Some("error-unknown-choice");
    }
    let multi_line = MULTI_LINE.contains(&name);
    let named = NAMES_AND_TITLES.contains(&name);
    for c in value.chars() {
        match c {
            '\n' | '\r' | '\t' if multi_line => {}
            '\n' | '\r' => return Some("error-line-break"),
            c if c.is_control() => return Some("error-control-character"),
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' if named => {
                return Some("error-direction-override");
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(fields: &[(&str, &str)]) -> Vec<u8> {
        form_urlencoded::Serializer::new(String::new())
            .extend_pairs(fields)
            .finish()
            .into_bytes()
    }

    #[test]
    fn what_people_type_passes() {
        for value in [
            "Café « chez Zoé » — 12 €",
            "مرحبا بكم",
            "Ligne un",
            "Nom\u{200F}", // a right-to-left mark is no override
        ] {
            assert_eq!(refused(&body(&[("title", value)])), None, "{value}");
        }
        assert_eq!(
            refused(&body(&[("message", "Bonjour,\r\n\tà bientôt\u{202B}")])),
            None
        );
    }

    #[test]
    fn control_characters_line_breaks_and_overrides_are_refused_where_they_do_not_belong() {
        assert_eq!(
            refused(&body(&[("message", "a\0b")])),
            Some("error-control-character")
        );
        assert_eq!(
            refused(&body(&[("email", "a\u{7f}@b.fr")])),
            Some("error-control-character")
        );
        assert_eq!(
            refused(&body(&[("topics", "\u{85}")])),
            Some("error-control-character")
        );
        assert_eq!(
            refused(&body(&[("title", "Un\ndeux")])),
            Some("error-line-break")
        );
        assert_eq!(
            refused(&body(&[("last_name", "Un\tdeux")])),
            Some("error-control-character")
        );
        assert_eq!(
            refused(&body(&[("first_name", "Ad\u{202E}nim")])),
            Some("error-direction-override")
        );
        assert_eq!(
            refused(&body(&[("title", "x\u{2066}y")])),
            Some("error-direction-override")
        );
        assert_eq!(
            refused(&body(&[("consent_contact", "7")])),
            Some("error-unknown-choice")
        );
        assert_eq!(refused(&body(&[("consent_contact", "1")])), None);
        // Found in any field of the body, not only the first.
        assert_eq!(
            refused(&body(&[
                ("csrf", "t"),
                ("message", "ok"),
                ("phone", "06\u{1}")
            ])),
            Some("error-control-character")
        );
    }
}
