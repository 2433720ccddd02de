//! What every page template needs: the translator, the current path (for the
//! language switch), asset URLs. Extracted once per request.

use crate::AppState;
use crate::i18n::Tr;
use axum::extract::{FromRequestParts, OriginalUri};
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use mentorat_domain::Locale;
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

/// Per-request page context, owned so that templates can borrow it.
pub struct Ctx {
    pub locale: Locale,
    pub path: String,
    state: AppState,
}

impl FromRequestParts<AppState> for Ctx {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Ctx, Infallible> {
        let path = parts
            .extensions
            .get::<OriginalUri>()
            .map(|u| u.0.path().to_owned())
            .unwrap_or_else(|| parts.uri.path().to_owned());
        Ok(Ctx::new(state.clone(), locale_of(&parts.headers), path))
    }
}

impl Ctx {
    pub fn new(state: AppState, locale: Locale, path: String) -> Ctx {
        Ctx { locale, path, state }
    }

    pub fn tr(&self) -> Tr<'_> {
        Tr { locale: self.locale, i18n: &self.state.i18n }
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
            switch_href: format!("/langue/{}?retour={}", other.code(), encode_path(&self.path)),
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
