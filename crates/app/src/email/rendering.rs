//! An e-mail put into words: the text and HTML bodies, from the Fluent files, in the
//! recipient's language.

use super::Mail;
use crate::i18n::{I18n, Tr};
use askama::Template;
use fluent_bundle::{FluentArgs, FluentValue};
use mentorat_domain::Locale;
use mentorat_store::NewMessage;

#[derive(Template)]
#[template(path = "email.html")]
struct HtmlTemplate<'a> {
    lang: &'a str,
    site: String,
    subject: &'a str,
    greeting: String,
    paragraphs: &'a [String],
    facts: &'a [String],
    choices: &'a [(String, String)],
    action: Option<(String, String)>,
    link_hint: String,
    signature: String,
    footer: String,
}

#[derive(Template)]
#[template(path = "email.txt")]
struct TextTemplate<'a> {
    greeting: String,
    paragraphs: &'a [String],
    facts: &'a [String],
    choices: &'a [(String, String)],
    action: Option<(String, String)>,
    signature: String,
    footer: String,
}

/// Renders a message in `locale` for `to`.
pub fn render(i18n: &I18n, locale: Locale, to: &str, mail: &Mail, site_url: &str) -> NewMessage {
    let tr = Tr { locale, i18n };
    let key = mail.key();
    let mut args = FluentArgs::new();
    args.set("site", FluentValue::from(site_url.to_owned()));
    for (name, value) in mail.args(&tr) {
        args.set(name, FluentValue::from(value));
    }
    let subject = i18n.message(locale, &format!("email-{key}-subject"), Some(&args));
    let paragraphs: Vec<String> = (1..=mail.paragraphs())
        .map(|i| i18n.message(locale, &format!("email-{key}-p{i}"), Some(&args)))
        .collect();
    let greeting = match mail.name() {
        Some(name) => tr.ts("email-greeting-name", "name", name),
        None => tr.t("email-greeting"),
    };
    let action = mail
        .link()
        .map(|url| (tr.t(&format!("email-{key}-action")), url.to_owned()));
    let footer = tr.ts("email-footer", "site", site_url);
    let choices = mail.choices(&tr);
    let text = TextTemplate {
        greeting: greeting.clone(),
        paragraphs: &paragraphs,
        facts: mail.facts(),
        choices: &choices,
        action: action.clone(),
        signature: tr.t("email-signature"),
        footer: footer.clone(),
    }
    .render()
    .expect("the text e-mail template renders");
    let html = HtmlTemplate {
        lang: locale.code(),
        site: tr.t("site-name"),
        subject: &subject,
        greeting,
        paragraphs: &paragraphs,
        facts: mail.facts(),
        choices: &choices,
        action,
        link_hint: tr.t("email-link-hint"),
        signature: tr.t("email-signature"),
        footer,
    }
    .render()
    .expect("the HTML e-mail template renders");
    NewMessage {
        to_address: to.to_owned(),
        template: key.to_owned(),
        subject,
        body_text: text,
        body_html: html,
        attachment: None,
    }
}
