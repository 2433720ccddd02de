//! What every page template needs: the translator, the current path (for the
//! language switch), asset URLs. Extracted once per request.

use crate::i18n::Tr;
use crate::session::RequestSession;
use crate::{AppState, WebError};
use axum::extract::{FromRequestParts, OriginalUri};
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use mentorat_app::auth::Account;
use mentorat_app::auth::Client;
use mentorat_domain::Locale;
use mentorat_domain::Role;
use mentorat_domain::policy::{Action, Decision, Resource, Viewer, authorize};
use std::convert::Infallible;

/// The name of the cookie that remembers the chosen language.
pub const LANG_COOKIE: &str = "lang";

/// The language of a request: the remembered choice, else `Accept-Language`, else French.
pub fn locale_of(headers: &HeaderMap) -> Locale {
    cookie(headers, LANG_COOKIE)
        .and_then(|v| Locale::parse(&v))
        .or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .map(Locale::from_accept_language)
        })
        .unwrap_or_default()
}

/// The value of one cookie of the request.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_owned())
}

/// The confirmations a redirect may ask a page to show.
fn notice_key(query: &str) -> Option<&'static str> {
    let value = query
        .split('&')
        .find_map(|pair| pair.strip_prefix("avis="))?;
    match value {
        "deconnecte" => Some("signed-out-notice"),
        "mot-de-passe-change" => Some("change-password-done"),
        "adresse-envoyee" => Some("change-email-sent"),
        "suppression" => Some("delete-done-text"),
        "suppression-annulee" => Some("delete-cancelled"),
        "effacement-fait" => Some("erasure-done"),
        "demande-envoyee" => Some("request-sent"),
        "coordonnees-enregistrees" => Some("association-saved"),
        "quartier-enregistre" => Some("qpv-choice-saved"),
        "jeton-revoque" => Some("api-tokens-revoked-done"),
        _ => None,
    }
}

/// Per-request page context, owned so that templates can borrow it.
pub struct Ctx {
    pub locale: Locale,
    pub path: String,
    /// The message key of a `?avis=` confirmation, from a fixed list.
    notice: Option<&'static str>,
    state: AppState,
    session: Option<RequestSession>,
    /// How the client accepts bodies (for the pages kept compressed).
    pub encoding: crate::cache::Encoding,
}

impl FromRequestParts<AppState> for Ctx {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Ctx, Infallible> {
        let path = parts
            .extensions
            .get::<OriginalUri>()
            .map(|u| u.0.path().to_owned())
            .unwrap_or_else(|| parts.uri.path().to_owned());
        let session = parts.extensions.get::<RequestSession>().cloned();
        let mut ctx = Ctx::new(state.clone(), locale_of(&parts.headers), path, session);
        ctx.notice = parts.uri.query().and_then(notice_key);
        ctx.encoding = crate::cache::Encoding::accepted(&parts.headers);
        Ok(ctx)
    }
}

impl Ctx {
    pub fn new(
        state: AppState,
        locale: Locale,
        path: String,
        session: Option<RequestSession>,
    ) -> Ctx {
        Ctx {
            locale,
            path,
            notice: None,
            state,
            session,
            encoding: crate::cache::Encoding::Identity,
        }
    }

    /// This request as anyone would make it: no session, no account, no token, no
    /// notice (what the pages kept for everyone are rendered with).
    pub fn for_everyone(&self) -> Ctx {
        Ctx::new(self.state.clone(), self.locale, self.path.clone(), None)
    }

    /// Whether this request's page may be the one kept for everyone: no account and
    /// no notice to show.
    pub fn is_anyone(&self) -> bool {
        self.account().is_none() && self.notice.is_none()
    }

    /// The signed-in account, if any.
    pub fn account(&self) -> Option<&Account> {
        self.session.as_ref().and_then(|s| s.account.as_ref())
    }

    pub fn session(&self) -> Option<&RequestSession> {
        self.session.as_ref()
    }

    /// Asks the policy; anonymous visitors are sent to sign in and come back here.
    /// The signed-in person as the policy sees them.
    pub fn viewer(&self) -> Option<Viewer<'_>> {
        self.account().map(|a| Viewer {
            user_id: a.id,
            roles: &a.roles,
        })
    }

    /// Whether the policy lets the signed-in person do `action` (what a page offers).
    pub fn allowed(&self, action: Action, resource: &Resource) -> bool {
        authorize(self.viewer().as_ref(), action, resource) == Decision::Allow
    }

    pub fn require(&self, action: Action, resource: &Resource) -> Result<&Account, WebError> {
        let account = self.account();
        let viewer = self.viewer();
        match (authorize(viewer.as_ref(), action, resource), account) {
            (Decision::Allow, Some(account)) => Ok(account),
            (Decision::Allow, None) | (Decision::SignIn, _) => Err(WebError::SignIn {
                back_to: self.path.clone(),
            }),
            (Decision::Deny, _) => Err(WebError::Forbidden),
        }
    }

    /// The client as the abuse limits see it.
    pub fn client(&self) -> Client {
        Client {
            ip: self
                .session
                .as_ref()
                .map_or(std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST), |s| {
                    s.client_ip
                }),
            device: self.session.as_ref().and_then(|s| s.device.clone()),
        }
    }

    pub fn tr(&self) -> Tr<'_> {
        Tr {
            locale: self.locale,
            i18n: &self.state.app.i18n,
        }
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// The base layout's view of this request.
    pub fn page(&self, title: String) -> Page<'_> {
        let other = match self.locale {
            Locale::Fr => Locale::En,
            Locale::En => Locale::Fr,
        };
        Page {
            tr: self.tr(),
            lang: self.locale.code(),
            title,
            path: self.path.clone(),
            switch_lang: other.code(),
            switch_href: format!(
                "/langue/{}?retour={}",
                other.code(),
                encode_path(&self.path)
            ),
            csrf: self
                .session
                .as_ref()
                .map(|s| s.csrf.clone())
                .unwrap_or_default(),
            signed_in: self.account().is_some(),
            coordinator: self.account().is_some_and(|a| {
                a.roles
                    .iter()
                    .any(|g| matches!(g.role, Role::Coordinator | Role::NationalTeam))
            }),
            notice: self.notice.map(|key| self.tr().t(key)),
            admin: self
                .account()
                .is_some_and(|a| a.roles.iter().any(|g| g.role == Role::NationalTeam)),
            css: self.state.assets.url("app.css"),
            js: self.state.assets.url("app.js"),
            icon: self.state.assets.url("icon.svg"),
        }
    }
}

/// What `base.html` shows around every page.
pub struct Page<'a> {
    pub tr: Tr<'a>,
    pub lang: &'static str,
    pub title: String,
    pub path: String,
    pub switch_lang: &'static str,
    pub switch_href: String,
    /// The CSRF token every form carries (hidden field `csrf`).
    pub csrf: String,
    pub signed_in: bool,
    /// The national team's navigation entries are shown.
    pub admin: bool,
    /// The coordination entry is shown (coordinators and the national team).
    pub coordinator: bool,
    /// A one-line confirmation after a redirect (`?avis=…`).
    pub notice: Option<String>,
    pub css: String,
    pub js: String,
    pub icon: String,
}

impl Page<'_> {
    pub fn t(&self, key: &str) -> String {
        self.tr.t(key)
    }
    pub fn tn(&self, key: &str, name: &str, n: &i64) -> String {
        self.tr.tn(key, name, *n)
    }
    pub fn ts(&self, key: &str, name: &str, value: impl AsRef<str>) -> String {
        self.tr.ts(key, name, value.as_ref())
    }
    pub fn of_place(&self, key: &str, name: impl AsRef<str>) -> String {
        self.tr.of_place(key, name.as_ref())
    }
    pub fn number(&self, n: &i64) -> String {
        self.tr.number(*n)
    }
    /// Whether `href` is the current page (for `aria-current`).
    pub fn is_current(&self, href: &str) -> bool {
        self.path == href || (href != "/" && self.path.starts_with(&format!("{href}/")))
    }
}

/// Percent-encodes a path for use in a query string (keeps `/`).
pub fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_percent_encoded_for_the_query_string() {
        assert_eq!(encode_path("/cercles/compiegne"), "/cercles/compiegne");
        assert_eq!(encode_path("/é t?x=1&y"), "/%C3%A9%20t%3Fx%3D1%26y");
    }

    #[test]
    fn the_remembered_language_wins_over_the_browser() {
        let mut h = HeaderMap::new();
        h.insert(header::ACCEPT_LANGUAGE, "en".parse().unwrap());
        assert_eq!(locale_of(&h), Locale::En);
        h.insert(header::COOKIE, "a=b; lang=fr".parse().unwrap());
        assert_eq!(locale_of(&h), Locale::Fr);
    }
}
