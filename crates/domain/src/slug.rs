//! URL-safe identifiers for public pages (`/cercles/compiegne`).

use crate::ParseError;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Slug(String);

impl Slug {
    pub const MAX_LEN: usize = 80;

    /// Accepts an existing slug: lowercase ASCII letters, digits and single hyphens.
    pub fn parse(raw: &str) -> Result<Slug, ParseError> {
        if raw.is_empty() {
            return Err(ParseError::Empty);
        }
        if raw.len() > Self::MAX_LEN {
            return Err(ParseError::TooLong { max: Self::MAX_LEN });
        }
        let ok = raw
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !raw.starts_with('-')
            && !raw.ends_with('-')
            && !raw.contains("--");
        if ok {
            Ok(Slug(raw.to_owned()))
        } else {
            Err(ParseError::InvalidCharacters)
        }
    }

    /// Derives a slug from a French name: `Compiègne` → `compiegne`,
    /// `Saint-Étienne-du-Rouvray` → `saint-etienne-du-rouvray`.
    pub fn from_name(name: &str) -> Result<Slug, ParseError> {
        let mut out = String::with_capacity(name.len());
        for c in name.chars().flat_map(fold_char) {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            } else if !out.ends_with('-') && !out.is_empty() {
                out.push('-');
            }
        }
        while out.ends_with('-') {
            out.pop();
        }
        out.truncate(Self::MAX_LEN);
        Slug::parse(out.trim_end_matches('-'))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Removes the accents of Latin letters found in French and Dutch names.
pub fn fold_char(c: char) -> impl Iterator<Item = char> {
    let folded: &'static str = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => "a",
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => "A",
        'ç' => "c",
        'Ç' => "C",
        'è' | 'é' | 'ê' | 'ë' => "e",
        'È' | 'É' | 'Ê' | 'Ë' => "E",
        'ì' | 'í' | 'î' | 'ï' => "i",
        'Ì' | 'Í' | 'Î' | 'Ï' => "I",
        'ñ' => "n",
        'Ñ' => "N",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => "o",
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => "O",
        'ù' | 'ú' | 'û' | 'ü' => "u",
        'Ù' | 'Ú' | 'Û' | 'Ü' => "U",
        'ý' | 'ÿ' => "y",
        'Ý' | 'Ÿ' => "Y",
        'œ' => "oe",
        'Œ' => "OE",
        'æ' => "ae",
        'Æ' => "AE",
        '’' | '\'' => "'",
        _ => "",
    };
    let single = if folded.is_empty() { Some(c) } else { None };
    folded.chars().chain(single)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_from_french_names_drop_accents_and_punctuation() {
        assert_eq!(Slug::from_name("Compiègne").unwrap().as_str(), "compiegne");
        assert_eq!(
            Slug::from_name("  Saint-Étienne du Rouvray ")
                .unwrap()
                .as_str(),
            "saint-etienne-du-rouvray"
        );
        assert_eq!(Slug::from_name("L'Œuvre").unwrap().as_str(), "l-oeuvre");
        assert!(Slug::from_name("   ").is_err());
    }

    #[test]
    fn parse_refuses_what_from_name_would_never_produce() {
        assert!(Slug::parse("Compiegne").is_err());
        assert!(Slug::parse("a--b").is_err());
        assert!(Slug::parse("-a").is_err());
        assert!(Slug::parse("lille").is_ok());
    }
}
