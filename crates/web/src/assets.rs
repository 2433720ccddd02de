//! Static assets (our own CSS, JS and icon), embedded in the binary and served under a
//! content-hashed path so that browsers may keep them for a year.

use crate::AppState;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use std::collections::HashMap;

struct Asset {
    body: &'static [u8],
    content_type: &'static str,
    hash: String,
}

pub struct Assets {
    by_name: HashMap<&'static str, Asset>,
}

/// FNV-1a: a tiny, stable content hash; collisions only cost a stale cache.
fn fnv1a(bytes: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

impl Assets {
    pub fn load() -> Assets {
        let files: [(&'static str, &'static [u8], &'static str); 3] = [
            (
                "app.css",
                include_bytes!("../static/app.css"),
                "text/css; charset=utf-8",
            ),
            (
                "app.js",
                include_bytes!("../static/app.js"),
                "text/javascript; charset=utf-8",
            ),
            (
                "icon.svg",
                include_bytes!("../static/icon.svg"),
                "image/svg+xml",
            ),
        ];
        let by_name = files
            .into_iter()
            .map(|(name, body, content_type)| {
                (
                    name,
                    Asset {
                        body,
                        content_type,
                        hash: fnv1a(body),
                    },
                )
            })
            .collect();
        Assets { by_name }
    }

    /// The URL of an asset, e.g. `/static/3f2a…/app.css`.
    pub fn url(&self, name: &str) -> String {
        let asset = self.by_name.get(name).expect("asset names are constants");
        format!("/static/{}/{name}", asset.hash)
    }
}

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/static/{hash}/{name}", get(serve))
        .route("/favicon.ico", get(favicon))
        .route("/robots.txt", get(robots))
}

/// What robots may read: the public pages; never the personal spaces, the back office,
/// the links sent by e-mail or the calendar and data files (they are behind sign-in or
/// a token anyway; this keeps crawlers from knocking).
const ROBOTS: &str = "User-agent: *
Disallow: /admin/
Disallow: /annuaire
Disallow: /api/
Disallow: /compte
Disallow: /connexion
Disallow: /consentement/
Disallow: /coordination
Disallow: /demandes/
Disallow: /fait/
Disallow: /inscriptions/
Disallow: /langue
Disallow: /mentorats/
Disallow: /mon-espace
Disallow: /mot-de-passe
Disallow: /organisation
Allow: /
";

async fn robots() -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/plain; charset=utf-8"),
            ),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=86400"),
            ),
        ],
        ROBOTS,
    )
        .into_response()
}

/// Browsers and tools that ask for `/favicon.ico` without reading the page's `<link
/// rel="icon">` get the same SVG icon (every current browser reads it).
async fn favicon(State(state): State<AppState>) -> Response {
    let icon = &state.assets.by_name["icon.svg"];
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static(icon.content_type),
            ),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=86400"),
            ),
        ],
        icon.body,
    )
        .into_response()
}

async fn serve(
    State(state): State<AppState>,
    Path((hash, name)): Path<(String, String)>,
) -> Response {
    match state.assets.by_name.get(name.as_str()) {
        Some(asset) if asset.hash == hash => (
            [
                (
                    header::CONTENT_TYPE,
                    HeaderValue::from_static(asset.content_type),
                ),
                (
                    header::CACHE_CONTROL,
                    HeaderValue::from_static("public, max-age=31536000, immutable"),
                ),
            ],
            asset.body,
        )
            .into_response(),
        _ => crate::error::WebError::NotFound.into_response(),
    }
}
