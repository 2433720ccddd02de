//! The rules a new password follows: long enough, taken whole (no truncation), not one
//! of the passwords everyone tries first, not the person's own address.

use crate::slug::fold_char;

pub const MIN_CHARS: usize = 12;
/// Long passphrases are welcome; this only bounds the work of hashing.
pub const MAX_BYTES: usize = 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordProblem {
    TooShort,
    TooLong,
    Common,
    ContainsEmail,
}

impl PasswordProblem {
    pub fn key(self) -> &'static str {
        match self {
            PasswordProblem::TooShort => "error-password-too-short",
            PasswordProblem::TooLong => "error-password-too-long",
            PasswordProblem::Common => "error-password-common",
            PasswordProblem::ContainsEmail => "error-password-email",
        }
    }
}

/// Words that make up most guessed passwords (our own list, folded, in French and
/// English); a password that is only such words, digits and symbols is refused.
const COMMON_WORDS: &[&str] = &[
    "password",
    "motdepasse",
    "mot",
    "de",
    "passe",
    "azerty",
    "azertyuiop",
    "qwerty",
    "qwertyuiop",
    "admin",
    "administrateur",
    "bonjour",
    "soleil",
    "loulou",
    "doudou",
    "chouchou",
    "jetaime",
    "iloveyou",
    "welcome",
    "bienvenue",
    "mentorat",
    "mentor",
    "mentors",
    "cercle",
    "cercles",
    "france",
    "paris",
    "marseille",
    "football",
    "dragon",
    "monkey",
    "princesse",
    "letmein",
    "secret",
    "abc",
    "abcdef",
    "abcdefgh",
    "test",
    "user",
    "utilisateur",
    "login",
    "changeme",
    "demo",
    "exemple",
    "example",
];

/// Whether `s` is only a run of one character, or an ascending or descending sequence
/// of digits or letters, or a row of an azerty/qwerty keyboard.
fn is_sequence(s: &str) -> bool {
    let chars: Vec<char> = s.chars().collect();
    if chars.len() < 3 {
        return false;
    }
    if chars.iter().all(|c| *c == chars[0]) {
        return true;
    }
    let steps: Vec<i64> = chars
        .windows(2)
        .map(|w| w[1] as i64 - w[0] as i64)
        .collect();
    if steps.iter().all(|d| *d == 1) || steps.iter().all(|d| *d == -1) {
        return true;
    }
    // Digits wrap around: 7890123 is as guessable as 1234567.
    if chars.iter().all(char::is_ascii_digit)
        && (steps.iter().all(|d| d.rem_euclid(10) == 1)
            || steps.iter().all(|d| d.rem_euclid(10) == 9))
    {
        return true;
    }
    [
        "azertyuiopqsdfghjklmwxcvbn",
        "qwertyuiopasdfghjklzxcvbnm",
        "1234567890",
    ]
    .iter()
    .any(|row| row.contains(s) || row.chars().rev().collect::<String>().contains(s))
}

/// Splits a folded password into maximal runs of letters, digits and others.
fn runs(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let class = |c: char| {
        if c.is_alphabetic() {
            0
        } else if c.is_numeric() {
            1
        } else {
            2
        }
    };
    for c in s.chars() {
        match out.last_mut() {
            Some(last) if last.chars().next().map(class) == Some(class(c)) => last.push(c),
            _ => out.push(c.to_string()),
        }
    }
    out
}

/// Checks a new password; `email` is the account's address (refused inside it).
pub fn check_new_password(password: &str, email: &str) -> Result<(), PasswordProblem> {
    if password.len() > MAX_BYTES {
        return Err(PasswordProblem::TooLong);
    }
    if password.chars().count() < MIN_CHARS {
        return Err(PasswordProblem::TooShort);
    }
    let folded: String = password
        .chars()
        .flat_map(fold_char)
        .flat_map(char::to_lowercase)
        .collect();
    let local = email.split('@').next().unwrap_or("").to_lowercase();
    if local.chars().count() >= 4 && folded.contains(&local) {
        return Err(PasswordProblem::ContainsEmail);
    }
    // Guessable: every run of letters is a common word (or composed of them, or a
    // sequence), and every run of digits or symbols is short or a sequence.
    let guessable = runs(&folded).iter().all(|run| {
        let first = run.chars().next().unwrap_or(' ');
        if first.is_alphabetic() {
            is_sequence(run) || is_common_compound(run)
        } else {
            run.chars().count() <= 4 || is_sequence(run)
        }
    });
    if guessable {
        Err(PasswordProblem::Common)
    } else {
        Ok(())
    }
}

/// Whether a run of letters is a concatenation of common words (« motdepasse »).
fn is_common_compound(run: &str) -> bool {
    if run.is_empty() {
        return true;
    }
    COMMON_WORDS
        .iter()
        .any(|w| run.strip_prefix(w).is_some_and(is_common_compound))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_passphrases_are_accepted_whole() {
        assert_eq!(
            check_new_password("la boulangerie ouvre à sept heures", "a@b.fr"),
            Ok(())
        );
        let long = "mot ".repeat(200) + "unique zèbre";
        assert_eq!(check_new_password(&long, "a@b.fr"), Ok(()));
        assert_eq!(
            check_new_password(&"x".repeat(1025), "a@b.fr"),
            Err(PasswordProblem::TooLong)
        );
    }

    #[test]
    fn short_and_common_passwords_are_refused() {
        assert_eq!(
            check_new_password("court", "a@b.fr"),
            Err(PasswordProblem::TooShort)
        );
        for common in [
            "motdepasse123",
            "Password1234!",
            "azertyuiop12",
            "123456789012",
            "aaaaaaaaaaaa",
            "MotDePasse2026",
            "Mentorat2026!!",
            "abcdefghijklmn",
        ] {
            assert_eq!(
                check_new_password(common, "a@b.fr"),
                Err(PasswordProblem::Common),
                "{common}"
            );
        }
        assert_eq!(
            check_new_password("jeanne.dupont-1990", "jeanne.dupont@exemple.fr"),
            Err(PasswordProblem::ContainsEmail)
        );
        assert_eq!(
            check_new_password("mentorat-demo", "a@b.fr"),
            Err(PasswordProblem::Common)
        );
    }
}
