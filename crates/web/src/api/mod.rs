//! The JSON API (`/api/v1/…`), documented by the OpenAPI document it serves
//! (`/api/v1/openapi.json`, read at `/api/v1/docs`). A request is signed in by a
//! personal token (`Authorization: Bearer mentorat_…`, made in « Mon compte ») or by the
//! site's session (its own scripts, CSRF-checked as every form). Access is the pages'
//! (`policy::authorize`); lists are paged by an opaque cursor; every error of every
//! `/api/` path, unknown ones included, is `application/problem+json` (RFC 9457).

pub mod communes;
pub mod docs;
pub mod mentoring;
pub mod network;

use crate::AppState;
use crate::page::Ctx;
use axum::Router;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use mentorat_domain::policy::{Action, Decision, Resource, authorize};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(communes::router())
        .merge(network::router())
        .merge(mentoring::router())
        .merge(docs::router())
}

pub const PROBLEM_JSON: &str = "application/problem+json";

/// An error as RFC 9457 writes it, with a stable `code` beside the status.
#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    /// `about:blank`: the status says it all.
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    /// A stable machine-readable code (`not_found`, `unauthorized`, `read_only_token`…).
    pub code: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// An API error: a status, a stable code and, for bad input, what was wrong.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    code: &'static str,
    detail: Option<String>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str) -> ApiError {
        ApiError {
            status,
            code,
            detail: None,
        }
    }

    pub fn not_found() -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, "not_found")
    }

    pub fn internal() -> ApiError {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal")
    }

    pub fn invalid(detail: impl Into<String>) -> ApiError {
        ApiError {
            detail: Some(detail.into()),
            ..ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid")
        }
    }
}

/// The `code` of a bare status.
fn code_of(status: StatusCode) -> &'static str {
    match status.as_u16() {
        400 => "bad_request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        413 => "payload_too_large",
        415 => "unsupported_media_type",
        422 => "invalid",
        429 => "too_many_requests",
        503 => "unavailable",
        _ if status.is_server_error() => "internal",
        _ => "error",
    }
}

pub fn problem(status: StatusCode, code: &str, detail: Option<String>) -> Response {
    let body = Problem {
        kind: "about:blank".to_owned(),
        title: status.canonical_reason().unwrap_or("Error").to_owned(),
        status: status.as_u16(),
        code: code.to_owned(),
        detail,
    };
    let mut response = (status, serde_json::to_string(&body).unwrap_or_default()).into_response();
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
    response
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        problem(self.status, self.code, self.detail)
    }
}

impl From<mentorat_app::AppError> for ApiError {
    fn from(e: mentorat_app::AppError) -> Self {
        match e {
            mentorat_app::AppError::NotFound => ApiError::not_found(),
            mentorat_app::AppError::RateLimited => {
                ApiError::new(StatusCode::TOO_MANY_REQUESTS, "too_many_requests")
            }
            mentorat_app::AppError::Invalid { field, key } => {
                ApiError::invalid(format!("{field}: {key}"))
            }
            other => {
                tracing::error!(cause = %other, "API request failed");
                ApiError::internal()
            }
        }
    }
}

impl From<crate::WebError> for ApiError {
    fn from(e: crate::WebError) -> Self {
        match e {
            crate::WebError::NotFound => ApiError::not_found(),
            crate::WebError::Forbidden => ApiError::new(StatusCode::FORBIDDEN, "forbidden"),
            crate::WebError::SignIn { .. } => {
                ApiError::new(StatusCode::UNAUTHORIZED, "unauthorized")
            }
            crate::WebError::TooManyRequests => {
                ApiError::new(StatusCode::TOO_MANY_REQUESTS, "too_many_requests")
            }
            crate::WebError::Invalid { key } => ApiError::invalid(key),
            crate::WebError::Internal(cause) => {
                tracing::error!(%cause, "API request failed");
                ApiError::internal()
            }
        }
    }
}

/// The policy's answer for the API: signed in and allowed, else 401 or 403.
pub fn require<'a>(
    ctx: &'a Ctx,
    action: Action,
    resource: &Resource,
) -> Result<&'a mentorat_app::auth::Account, ApiError> {
    match (
        authorize(ctx.viewer().as_ref(), action, resource),
        ctx.account(),
    ) {
        (Decision::Allow, Some(account)) => Ok(account),
        (Decision::Allow, None) | (Decision::SignIn, _) => {
            Err(ApiError::new(StatusCode::UNAUTHORIZED, "unauthorized"))
        }
        (Decision::Deny, _) => Err(ApiError::new(StatusCode::FORBIDDEN, "forbidden")),
    }
}

/// The signed-in person (by token or session), else 401.
pub fn signed_in(ctx: &Ctx) -> Result<&mentorat_app::auth::Account, ApiError> {
    ctx.account()
        .ok_or(ApiError::new(StatusCode::UNAUTHORIZED, "unauthorized"))
}

/// One page of a list: the items, and the cursor of the next page (`null` at the end).
#[derive(Debug, Serialize, ToSchema)]
pub struct Page<T: ToSchema> {
    pub items: Vec<T>,
    #[schema(required = true)]
    pub next_cursor: Option<String>,
}

/// The paging of a list: `limit` items (1–100, 20 by default) after `cursor`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Paging {
    /// How many items (1–100; 20 when absent).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<i64>,
    /// The `next_cursor` of the page before.
    #[param(pattern = "^c([0-9a-f]{2})*$")]
    pub cursor: Option<String>,
}

impl Paging {
    pub fn limit(&self) -> Result<usize, ApiError> {
        match self.limit {
            None => Ok(20),
            Some(n @ 1..=100) => Ok(n as usize),
            Some(_) => Err(ApiError::invalid("limit: between 1 and 100")),
        }
    }

    /// The cursor's key read as `T` (an id, an offset).
    pub fn after_as<T: std::str::FromStr>(&self) -> Result<Option<T>, ApiError> {
        match self.after()? {
            None => Ok(None),
            Some(key) => key
                .parse()
                .map(Some)
                .map_err(|_| ApiError::invalid("cursor: not a cursor this API gave")),
        }
    }

    /// The cursor's key: what the last item of the page before was ordered by.
    pub fn after(&self) -> Result<Option<String>, ApiError> {
        match self.cursor.as_deref() {
            None | Some("") => Ok(None),
            Some(c) => decode_cursor(c)
                .map(Some)
                .ok_or(ApiError::invalid("cursor: not a cursor this API gave")),
        }
    }
}

/// Cursors are the ordering key, hex-encoded behind a prefix: opaque to clients,
/// meaningless to change.
pub fn encode_cursor(key: &str) -> String {
    let mut out = String::from("c");
    for b in key.bytes() {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

fn decode_cursor(raw: &str) -> Option<String> {
    let hex = raw.strip_prefix('c')?;
    if hex.len() % 2 != 0 || hex.len() > 400 {
        return None;
    }
    let bytes: Option<Vec<u8>> = (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok())
        .collect();
    String::from_utf8(bytes?).ok()
}

/// A page cut from items sorted by `key`: those after the cursor, `limit` of them.
pub fn page_of<T: ToSchema>(
    mut items: Vec<T>,
    key: impl Fn(&T) -> String,
    paging: &Paging,
) -> Result<Page<T>, ApiError> {
    let limit = paging.limit()?;
    let after = paging.after()?;
    items.sort_by_key(|i| key(i));
    let mut items: Vec<T> = match after {
        Some(a) => items.into_iter().filter(|i| key(i) > a).collect(),
        None => items,
    };
    let next_cursor = if items.len() > limit {
        items.truncate(limit);
        items.last().map(|i| encode_cursor(&key(i)))
    } else {
        None
    };
    Ok(Page { items, next_cursor })
}

/// A page from a query that read `limit + 1` rows after the cursor.
pub fn page_from_rows<T: ToSchema>(
    mut items: Vec<T>,
    limit: usize,
    key: impl Fn(&T) -> String,
) -> Page<T> {
    let next_cursor = if items.len() > limit {
        items.truncate(limit);
        items.last().map(|i| encode_cursor(&key(i)))
    } else {
        None
    };
    Page { items, next_cursor }
}

/// Every error answered on an `/api/` path becomes a problem document, whoever made it
/// (a handler, an extractor's rejection, the router's 404 and 405, the size limit, the
/// CSRF check). Bodies already problems pass.
pub async fn problems(request: Request, next: Next) -> Response {
    if !request.uri().path().starts_with("/api/") {
        return next.run(request).await;
    }
    let response = next.run(request).await;
    let status = response.status();
    let is_problem = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(PROBLEM_JSON.as_bytes()));
    if !(status.is_client_error() || status.is_server_error()) || is_problem {
        return response;
    }
    let allow = response.headers().get(header::ALLOW).cloned();
    let mut replaced = problem(status, code_of(status), None);
    if let Some(allow) = allow {
        replaced.headers_mut().insert(header::ALLOW, allow);
    }
    replaced
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_refuse_what_they_did_not_make() {
        let c = encode_cursor("2027-01-15T09:00:00Z|é");
        assert_eq!(decode_cursor(&c).as_deref(), Some("2027-01-15T09:00:00Z|é"));
        assert_eq!(decode_cursor("x12"), None);
        assert_eq!(decode_cursor("c1"), None);
        assert_eq!(decode_cursor("czz"), None);
    }
}
