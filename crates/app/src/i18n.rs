//! Translations: one Fluent file per language (`crates/app/i18n/fr.ftl`, `en.ftl`),
//! compiled into the binary, shared by the web pages and the e-mails. French is the
//! default and the fallback for a missing message.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use mentorat_domain::Locale;

pub const FR_FTL: &str = include_str!("../i18n/fr.ftl");
pub const EN_FTL: &str = include_str!("../i18n/en.ftl");

/// Both languages' messages, loaded once at start.
pub struct I18n {
    fr: FluentBundle<FluentResource>,
    en: FluentBundle<FluentResource>,
}

fn bundle(locale: Locale, source: &str) -> FluentBundle<FluentResource> {
    let resource = FluentResource::try_new(source.to_owned())
        .unwrap_or_else(|(_, errors)| panic!("{locale}.ftl does not parse: {errors:?}"));
    let langid = locale
        .code()
        .parse()
        .expect("fr and en are valid language ids");
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    // Unicode isolation marks would end up inside attributes and e-mails.
    bundle.set_use_isolating(false);
    bundle
        .add_resource(resource)
        .unwrap_or_else(|errors| panic!("{locale}.ftl has duplicate messages: {errors:?}"));
    bundle
}

impl I18n {
    pub fn load() -> I18n {
        I18n {
            fr: bundle(Locale::Fr, FR_FTL),
            en: bundle(Locale::En, EN_FTL),
        }
    }

    fn bundle(&self, locale: Locale) -> &FluentBundle<FluentResource> {
        match locale {
            Locale::Fr => &self.fr,
            Locale::En => &self.en,
        }
    }

    /// Whether `locale`'s own file has the message `key`.
    #[cfg(test)]
    pub(crate) fn has(&self, locale: Locale, key: &str) -> bool {
        self.bundle(locale).has_message(key)
    }

    /// The message `key` in `locale`, falling back to French, then to the key itself
    /// (so a missing message is visible, never a crash).
    pub fn message(&self, locale: Locale, key: &str, args: Option<&FluentArgs<'_>>) -> String {
        for bundle in [self.bundle(locale), &self.fr] {
            if let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, args, &mut errors);
                if errors.is_empty() {
                    return text.into_owned();
                }
                tracing::warn!(key, ?errors, "message formatting failed");
            }
        }
        tracing::warn!(key, locale = locale.code(), "missing message");
        key.to_owned()
    }
}

/// The translator of one request: a language and the loaded messages.
#[derive(Clone, Copy)]
pub struct Tr<'a> {
    pub locale: Locale,
    pub i18n: &'a I18n,
}

impl<'a> Tr<'a> {
    pub fn t(&self, key: &str) -> String {
        self.i18n.message(self.locale, key, None)
    }

    /// A message with one numeric argument (plural-aware).
    pub fn tn(&self, key: &str, name: &str, n: i64) -> String {
        let mut args = FluentArgs::new();
        args.set(name.to_owned(), FluentValue::from(n));
        self.i18n.message(self.locale, key, Some(&args))
    }

    /// A message with several numeric arguments, each plural-aware (« 1 personne
    /// inscrite, 2 personnes présentes »).
    pub fn tc(&self, key: &str, counts: &[(&str, i64)]) -> String {
        let mut args = FluentArgs::new();
        for (name, n) in counts {
            args.set(name.to_string(), FluentValue::from(*n));
        }
        self.i18n.message(self.locale, key, Some(&args))
    }

    /// A message with several text arguments.
    pub fn tv(&self, key: &str, values: &[(&str, &str)]) -> String {
        let mut args = FluentArgs::new();
        for (name, value) in values {
            args.set(name.to_string(), FluentValue::from(value.to_string()));
        }
        self.i18n.message(self.locale, key, Some(&args))
    }

    /// A message with one text argument.
    pub fn ts(&self, key: &str, name: &str, value: &str) -> String {
        let mut args = FluentArgs::new();
        args.set(name.to_owned(), FluentValue::from(value.to_owned()));
        self.i18n.message(self.locale, key, Some(&args))
    }

    /// A message naming a place, with French elision: « Cercle des Mentors d'Orléans »
    /// but « de Compiègne ». The message selects on `$elide` (`yes` / `no`).
    pub fn of_place(&self, key: &str, name: &str) -> String {
        let elide = name
            .chars()
            .next()
            .is_some_and(|c| "AEIOUYÂÀÉÈÊÎÏÔÛaeiouyâàéèêîïôû".contains(c));
        let mut args = FluentArgs::new();
        args.set("name", FluentValue::from(name.to_owned()));
        args.set("elide", FluentValue::from(if elide { "yes" } else { "no" }));
        self.i18n.message(self.locale, key, Some(&args))
    }

    /// A whole number with the locale's thousands separator: 10 000 / 10,000.
    pub fn number(&self, n: i64) -> String {
        let digits = n.unsigned_abs().to_string();
        let separator = match self.locale {
            Locale::Fr => '\u{202f}',
            Locale::En => ',',
        };
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(separator);
            }
            out.push(c);
        }
        if n < 0 { format!("-{out}") } else { out }
    }

    /// « 11 février 2016 » / « 11 February 2016 ».
    pub fn date(&self, date: &chrono::NaiveDate) -> String {
        use chrono::Datelike;
        let month = self.t(&format!("month-{}", date.month()));
        let mut args = FluentArgs::new();
        args.set("day", FluentValue::from(date.day()));
        args.set("month", FluentValue::from(month));
        args.set("year", FluentValue::from(date.year().to_string()));
        self.i18n.message(self.locale, "date-long", Some(&args))
    }

    /// « jeudi 10 décembre 2026 à 19 h 00 » / « Thursday 10 December 2026 at 7:00 pm ».
    /// A decimal number the language's way (« 4,5 » in French, "4.5" in English).
    pub fn decimal(&self, value: f64, places: usize) -> String {
        let text = format!("{value:.places$}");
        match self.locale {
            Locale::Fr => text.replace('.', ","),
            Locale::En => text,
        }
    }

    pub fn date_time<Tz: chrono::TimeZone>(&self, at: &chrono::DateTime<Tz>) -> String {
        use chrono::{Datelike, Timelike};
        let weekday = self.t(&format!("weekday-{}", at.weekday().number_from_monday()));
        let time = match self.locale {
            Locale::Fr => format!("{} h {:02}", at.hour(), at.minute()),
            Locale::En => {
                let (pm, hour) = at.hour12();
                format!("{hour}:{:02} {}", at.minute(), if pm { "pm" } else { "am" })
            }
        };
        let mut args = FluentArgs::new();
        args.set("weekday", FluentValue::from(weekday));
        args.set("date", FluentValue::from(self.date(&at.date_naive())));
        args.set("time", FluentValue::from(time));
        self.i18n.message(self.locale, "date-time", Some(&args))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_syntax::ast::{Entry, Resource};
    use std::collections::BTreeSet;

    fn ids(source: &str) -> BTreeSet<String> {
        let resource: Resource<&str> = fluent_syntax::parser::parse(source).expect("ftl parses");
        resource
            .body
            .iter()
            .filter_map(|entry| match entry {
                Entry::Message(m) => Some(m.id.name.to_owned()),
                Entry::Term(t) => Some(format!("-{}", t.id.name)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn every_message_exists_in_both_languages() {
        let fr = ids(FR_FTL);
        let en = ids(EN_FTL);
        let only_fr: Vec<_> = fr.difference(&en).collect();
        let only_en: Vec<_> = en.difference(&fr).collect();
        assert!(only_fr.is_empty(), "only in fr.ftl: {only_fr:?}");
        assert!(only_en.is_empty(), "only in en.ftl: {only_en:?}");
    }

    /// Every `.t("…")`, `.tn("…"` and `.ts("…"` in templates, handlers and e-mails names
    /// a message that exists, so no page ever shows a raw key.
    #[test]
    fn every_key_used_in_the_code_exists() {
        let fr = ids(FR_FTL);
        let mut missing = Vec::new();
        let crates = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut stack = vec![crates.join("app/src"), crates.join("web/src")];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                for marker in [".t(\"", ".tn(\"", ".ts(\"", ".tv(\"", ".of_place(\""] {
                    for (i, _) in text.match_indices(marker) {
                        let rest = &text[i + marker.len()..];
                        let key = &rest[..rest.find('"').unwrap()];
                        let is_key = !key.is_empty()
                            && key
                                .chars()
                                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                        if is_key && !fr.contains(key) {
                            missing.push(format!("{}: {key}", path.display()));
                        }
                    }
                }
            }
        }
        assert!(missing.is_empty(), "keys without a message: {missing:?}");
    }

    #[test]
    fn numbers_and_dates_follow_the_locale() {
        let i18n = I18n::load();
        let fr = Tr {
            locale: Locale::Fr,
            i18n: &i18n,
        };
        let en = Tr {
            locale: Locale::En,
            i18n: &i18n,
        };
        assert_eq!(fr.number(10_000), "10\u{202f}000");
        assert_eq!(en.number(1_234_567), "1,234,567");
        assert_eq!(en.number(300), "300");
        let d = chrono::NaiveDate::from_ymd_opt(2016, 2, 11).unwrap();
        assert_eq!(fr.date(&d), "11 février 2016");
        assert_eq!(en.date(&d), "11 February 2016");
        assert_eq!(
            fr.of_place("circle-title", "Orléans"),
            "Cercle des Mentors d'Orléans"
        );
        assert_eq!(
            fr.of_place("circle-title", "Compiègne"),
            "Cercle des Mentors de Compiègne"
        );
        assert_eq!(
            en.of_place("circle-title", "Ath"),
            "Cercle des Mentors of Ath"
        );
    }
}
