//! Every kind of mail, rendered in both languages; retries and scrubbed errors.

use super::*;
use crate::i18n::I18n;
use chrono::Duration;
use mentorat_domain::Locale;

fn facts() -> EventFacts {
    EventFacts {
        title: "À la recherche du mentorat perdu".into(),
        starts_at: chrono::TimeZone::with_ymd_and_hms(
            &chrono_tz::Europe::Paris,
            2026,
            12,
            8,
            19,
            0,
            0,
        )
        .unwrap(),
        venue: "Espace Jean Legendre".into(),
    }
}

/// One message of every kind the platform sends (each `key()`), the first a
/// verification. `every_kind_of_mail_has_an_example` compares their keys with the
/// Fluent files', so a new kind of mail cannot go untested.
fn every_mail() -> Vec<Mail> {
    let link = "https://mentorat.example/compte/verifier/abc".to_owned();
    let name = "Élodie".to_owned();
    let cancel = Some("https://mentorat.example/inscriptions/annuler/abc".to_owned());
    let mut mails = vec![
        Mail::VerifyEmail {
            name: name.clone(),
            link: link.clone(),
        },
        Mail::AccountExists { link: link.clone() },
        Mail::ResetPassword {
            name: name.clone(),
            link: link.clone(),
        },
        Mail::PasswordChanged { name: name.clone() },
        Mail::ConfirmNewEmail {
            name: name.clone(),
            link: link.clone(),
        },
        Mail::EmailChanged { name: name.clone() },
        Mail::DeletionRequested {
            name: name.clone(),
            date: "6 janvier 2027".into(),
            link: link.clone(),
        },
        Mail::PartnerLeft {
            name: name.clone(),
            link: link.clone(),
        },
        Mail::Inactive {
            name: name.clone(),
            date: "6 janvier 2027".into(),
            link: link.clone(),
        },
        Mail::Imported {
            name: name.clone(),
            link: link.clone(),
            controller: "Réseau des Cercles des Mentors".into(),
            months: 36,
        },
    ];
    for waitlisted in [false, true] {
        mails.push(Mail::RegistrationImported {
            name: name.clone(),
            event: facts(),
            link: link.clone(),
            controller: "Réseau des Cercles des Mentors".into(),
            months: 24,
            waitlisted,
        });
    }
    for kind in [
        EventMail::Confirmed,
        EventMail::Waitlisted,
        EventMail::Promoted,
        EventMail::Reminder { days: 1 },
        EventMail::Reminder { days: 2 },
    ] {
        mails.push(Mail::Event {
            kind,
            name: name.clone(),
            event: facts(),
            link: cancel.clone(),
        });
    }
    for kind in [EventMail::Cancelled, EventMail::EventCancelled] {
        mails.push(Mail::Event {
            kind,
            name: name.clone(),
            event: facts(),
            link: None,
        });
    }
    mails.extend([
        Mail::InviteToApply {
            name: name.clone(),
            event: facts(),
            link: link.clone(),
        },
        Mail::HostingReceived { name: name.clone() },
        Mail::ContactReceived { name: name.clone() },
        Mail::NewInInbox {
            what: "contact".into(),
            link: "https://mentorat.example/admin/messages".into(),
        },
        Mail::ParentalConsent {
            name: "Karine".into(),
            child: "Inès".into(),
            link: link.clone(),
        },
        Mail::ProjectReviewed {
            name: name.clone(),
            step: ProjectStatus::Validated,
            note: String::new(),
        },
        Mail::ProjectReviewed {
            name: name.clone(),
            step: ProjectStatus::NeedsDetails,
            note: "Précisez votre commune.".into(),
        },
        Mail::RequestReceived {
            name: name.clone(),
            link: link.clone(),
            facts: vec!["Projet : Boulangerie solidaire".into()],
        },
        Mail::NewMessage {
            name: name.clone(),
            link: link.clone(),
        },
        Mail::Reported {
            name: name.clone(),
            block: false,
            link: link.clone(),
        },
        Mail::Reported {
            name: name.clone(),
            block: true,
            link: link.clone(),
        },
        Mail::CheckIn {
            name: name.clone(),
            link: link.clone(),
        },
        Mail::RequestLapsed {
            name: name.clone(),
            link: link.clone(),
        },
        Mail::MentorSilent {
            name: name.clone(),
            link: link.clone(),
        },
        Mail::MentorPaused {
            name: name.clone(),
            link: link.clone(),
        },
        Mail::RequestAnswered {
            name: name.clone(),
            accepted: true,
            link: link.clone(),
        },
        Mail::RequestAnswered {
            name: name.clone(),
            accepted: false,
            link: link.clone(),
        },
        Mail::RequestClosed { name: name.clone() },
        Mail::FeedbackWanted {
            name: name.clone(),
            link: link.clone(),
        },
        Mail::RequestExpired {
            name: name.clone(),
            link: link.clone(),
        },
        Mail::QuietMentorship {
            name: name.clone(),
            link,
        },
    ]);
    for step in [
        HostStep::Scheduled,
        HostStep::WeekBefore { registered: 42 },
        HostStep::After {
            attended: 37,
            applied: 5,
        },
    ] {
        mails.push(Mail::Host {
            step,
            name: "Les Amis d'Ath".into(),
            event: facts(),
            link: "https://mentorat.example/evenements/abc".into(),
        });
    }
    for step in Vetting::ALL {
        mails.push(Mail::Vetting {
            name: name.clone(),
            step,
        });
    }
    mails
}

/// The variant of a mail, by an exhaustive match: a new `Mail` does not compile here,
/// and once added here, `every_variant_has_an_example` fails until `every_mail` has it.
fn variant(mail: &Mail) -> usize {
    match mail {
        Mail::VerifyEmail { .. } => 0,
        Mail::AccountExists { .. } => 1,
        Mail::ResetPassword { .. } => 2,
        Mail::PasswordChanged { .. } => 3,
        Mail::ConfirmNewEmail { .. } => 4,
        Mail::EmailChanged { .. } => 5,
        Mail::DeletionRequested { .. } => 6,
        Mail::Event { .. } => 7,
        Mail::InviteToApply { .. } => 8,
        Mail::HostingReceived { .. } => 9,
        Mail::ContactReceived { .. } => 10,
        Mail::NewInInbox { .. } => 11,
        Mail::Vetting { .. } => 12,
        Mail::ParentalConsent { .. } => 13,
        Mail::ProjectReviewed { .. } => 14,
        Mail::RequestReceived { .. } => 15,
        Mail::RequestAnswered { .. } => 16,
        Mail::RequestClosed { .. } => 17,
        Mail::FeedbackWanted { .. } => 18,
        Mail::RequestExpired { .. } => 19,
        Mail::QuietMentorship { .. } => 20,
        Mail::Host { .. } => 21,
        Mail::NewMessage { .. } => 22,
        Mail::Reported { .. } => 23,
        Mail::CheckIn { .. } => 24,
        Mail::RequestLapsed { .. } => 25,
        Mail::MentorSilent { .. } => 26,
        Mail::MentorPaused { .. } => 27,
        Mail::PartnerLeft { .. } => 28,
        Mail::Inactive { .. } => 29,
        Mail::Imported { .. } => 30,
        Mail::RegistrationImported { .. } => 31,
    }
}

const VARIANTS: usize = 32;

#[test]
fn every_variant_has_an_example() {
    let seen: std::collections::BTreeSet<usize> = every_mail().iter().map(variant).collect();
    assert_eq!(seen, (0..VARIANTS).collect());
}

#[test]
fn every_kind_of_mail_has_an_example() {
    let examples: std::collections::BTreeSet<&str> = every_mail().iter().map(Mail::key).collect();
    let in_fluent: std::collections::BTreeSet<&str> = crate::i18n::FR_FTL
        .lines()
        .filter_map(|l| l.strip_prefix("email-")?.split_once("-subject =")?.0.into())
        .collect();
    assert_eq!(examples, in_fluent);
}

/// A mail shows exactly the paragraphs its Fluent messages hold, in both languages,
/// and its button's words exactly when it carries a link.
#[test]
fn every_mail_has_its_paragraphs_and_action_in_both_languages() {
    let i18n = I18n::load();
    for mail in every_mail() {
        let key = mail.key();
        for locale in Locale::ALL {
            for i in 1..=mail.paragraphs() {
                assert!(
                    i18n.has(locale, &format!("email-{key}-p{i}")),
                    "{locale} {key} p{i}"
                );
            }
            let next = format!("email-{key}-p{}", mail.paragraphs() + 1);
            assert!(!i18n.has(locale, &next), "{locale}: {next} is never shown");
            assert_eq!(
                i18n.has(locale, &format!("email-{key}-action")),
                mail.link().is_some(),
                "{locale} {key}: action"
            );
        }
    }
}

#[test]
fn every_mail_renders_in_both_languages_without_raw_keys() {
    let i18n = I18n::load();
    for locale in Locale::ALL {
        for mail in every_mail() {
            let m = render(
                &i18n,
                locale,
                "x@exemple.fr",
                &mail,
                "https://mentorat.example",
            );
            for part in [&m.subject, &m.body_text, &m.body_html] {
                assert!(
                    !part.contains("email-"),
                    "{locale} {:?}: raw key in {part}",
                    mail.key()
                );
            }
            assert!(
                m.body_html
                    .contains(&format!("<html lang=\"{}\">", locale.code()))
            );
            if let Some(link) = mail.link() {
                assert!(m.body_text.contains(link) && m.body_html.contains(link));
            }
        }
    }
    let fr = render(
        &i18n,
        Locale::Fr,
        "x@exemple.fr",
        &every_mail()[0],
        "https://mentorat.example",
    );
    assert_eq!(fr.subject, "Confirmez votre adresse e-mail");
    assert!(fr.body_text.starts_with("Bonjour Élodie,"));
}

/// A reminder says when the event really is: a registration the day before gets
/// « demain », not « dans deux jours ».
#[test]
fn a_reminder_says_when_the_event_really_is() {
    let i18n = I18n::load();
    let subject = |locale, days| {
        let mail = Mail::Event {
            kind: EventMail::Reminder { days },
            name: "Élodie".into(),
            event: facts(),
            link: None,
        };
        render(
            &i18n,
            locale,
            "x@exemple.fr",
            &mail,
            "https://mentorat.example",
        )
        .subject
    };
    let title = "À la recherche du mentorat perdu";
    assert_eq!(
        subject(Locale::Fr, 0),
        format!("Rappel : {title} aujourd'hui")
    );
    assert_eq!(subject(Locale::Fr, 1), format!("Rappel : {title} demain"));
    assert_eq!(
        subject(Locale::Fr, 2),
        format!("Rappel : {title} dans 2 jours")
    );
    assert_eq!(
        subject(Locale::En, 1),
        format!("Reminder: {title} tomorrow")
    );
    assert_eq!(
        subject(Locale::En, 2),
        format!("Reminder: {title} in 2 days")
    );
}

#[test]
fn markup_in_a_name_is_escaped_in_html() {
    let i18n = I18n::load();
    let mail = Mail::PasswordChanged {
        name: "<script>".into(),
    };
    let m = render(
        &i18n,
        Locale::Fr,
        "x@exemple.fr",
        &mail,
        "https://mentorat.example",
    );
    assert!(!m.body_html.contains("<script>"), "{}", m.body_html);
}

#[test]
fn retries_back_off_and_errors_never_repeat_addresses() {
    assert_eq!(retry_delay(1), Duration::minutes(2));
    assert_eq!(retry_delay(3), Duration::minutes(8));
    assert_eq!(retry_delay(9), Duration::hours(6));
    assert_eq!(
        scrub("550 5.1.1 <jeanne@exemple.fr>: unknown"),
        "550 5.1.1 <address> unknown"
    );
}

#[test]
fn the_kinds_an_erasure_skips_are_kinds_of_mail_that_exist() {
    let keys: Vec<&str> = every_mail().iter().map(|m| m.key()).collect();
    for kind in ABOUT_THE_RECIPIENT_ONLY {
        assert!(keys.contains(kind), "{kind} is no kind of mail");
    }
}
