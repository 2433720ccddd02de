//! The language switch: a plain link that remembers the choice in a cookie and
//! returns to the page the person was on. Works without JavaScript.

use crate::AppState;
use crate::page::{LANG_COOKIE, encode_path};
use axum::Router;
use axum::extract::{Path, Query};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use mentorat_domain::Locale;
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new().route("/langue/{lang}", get(switch))
}

#[derive(Deserialize)]
struct Back {
    retour: Option<String>,
}

/// Only a path of this site is a valid destination (no open redirect).
fn safe_destination(raw: Option<&str>) -> String {
    let path = raw.unwrap_or_default();
    let ok = path.starts_with('/')
        && !path.starts_with("//")
        && !path.contains('\\')
        && !path.chars().any(char::is_control);
    if ok { path.to_owned() } else { "/".to_owned() }
}

async fn switch(Path(lang): Path<String>, Query(back): Query<Back>) -> Response {
    let Some(locale) = Locale::parse(&lang).filter(|l| l.code() == lang) else {
        return crate::WebError::NotFound.into_response();
    };
    let destination = safe_destination(back.retour.as_deref());
    let cookie = format!(
        "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly",
        locale.code()
    );
    let location =
        HeaderValue::from_str(&encode_path(&destination)).unwrap_or(HeaderValue::from_static("/"));
    (
        StatusCode::SEE_OTHER,
        [
            (header::LOCATION, location),
            (
                header::SET_COOKIE,
                HeaderValue::from_str(&cookie).expect("ASCII cookie"),
            ),
        ],
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::safe_destination;

    #[test]
    fn the_switch_only_returns_to_pages_of_this_site() {
        assert_eq!(
            safe_destination(Some("/cercles/compiegne")),
            "/cercles/compiegne"
        );
        assert_eq!(safe_destination(Some("https://evil.example")), "/");
        assert_eq!(safe_destination(Some("//evil.example")), "/");
        assert_eq!(safe_destination(Some("/\\evil")), "/");
        assert_eq!(safe_destination(None), "/");
    }
}
