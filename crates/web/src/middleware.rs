//! Layers that apply to every response: security headers, compression, size limits,
//! panic catching, friendly error pages and request logs without personal data.

use crate::AppState;
use crate::error::ErrorPage;
use crate::page::{Ctx, locale_of};
use axum::Router;
use axum::extract::{DefaultBodyLimit, MatchedPath, Request, State};
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::middleware::{Next, from_fn, from_fn_with_state};
use axum::response::Response;
use std::time::Instant;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;

/// Largest request body accepted (forms are small; nothing is uploaded).
pub const MAX_BODY_BYTES: usize = 64 * 1024;
/// The routes that take a file (multipart), and how large it may be: a spreadsheet of
/// 50,000 lines is a few megabytes.
pub const UPLOAD_PATHS: &[&str] = &["/admin/qpv", "/admin/import"];
pub const MAX_UPLOAD_BYTES: usize = 16 * 1024 * 1024;

/// How large a request's body may be: uploads on their routes, else a form's.
pub fn body_limit(path: &str) -> usize {
    if UPLOAD_PATHS.contains(&path) {
        MAX_UPLOAD_BYTES
    } else {
        MAX_BODY_BYTES
    }
}

/// Scripts and styles only from our own origin, no plug-ins, no framing, no `<base>`.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; \
style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; \
form-action 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

pub fn apply(routes: Router<AppState>, state: AppState) -> Router<AppState> {
    let header = |name: HeaderName, value: &'static str| {
        SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
    };
    let state_for_log = state.clone();
    routes
        // Innermost first: a panic becomes a marked 500; size refusals and other bare
        // rejections happen inside the error-page layer, so that they get a page too.
        .layer(CatchPanicLayer::custom(|_| {
            tracing::error!("a request handler panicked");
            crate::error::error_response(StatusCode::INTERNAL_SERVER_ERROR)
        }))
        .layer(from_fn_with_state(state.clone(), crate::session::layer))
        // Every body is read whole by the session layer, within `body_limit` of its
        // route; this outer bound only keeps any stream within the largest.
        .layer(DefaultBodyLimit::max(MAX_UPLOAD_BYTES))
        .layer(RequestBodyLimitLayer::new(MAX_UPLOAD_BYTES))
        .layer(from_fn_with_state(state, render_error_pages))
        // Any error on an `/api/` path, wherever it was made, as a problem document.
        .layer(from_fn(crate::api::problems))
        // Bodies made on each request compressed at a level meant for dynamic content
        // (`compress`); bodies kept in a cache are compressed harder, once.
        .layer(from_fn(crate::compress::layer))
        .layer(header(
            header::CONTENT_SECURITY_POLICY,
            CONTENT_SECURITY_POLICY,
        ))
        .layer(header(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        // Not `no-referrer`: under it browsers send `Origin: null` on same-site form posts,
        // which the CSRF layer (rightly) refuses. `same-origin` leaks nothing to other sites.
        .layer(header(header::REFERRER_POLICY, "same-origin"))
        .layer(header(header::X_FRAME_OPTIONS, "DENY"))
        .layer(header(
            HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ))
        .layer(header(
            HeaderName::from_static("permissions-policy"),
            "camera=(), microphone=(), geolocation=(), interest-cohort=()",
        ))
        .layer(from_fn_with_state(state_for_log, log_request))
}

/// A request's short random id: in its log line, in the `X-Request-Id` header, and on
/// its error page, so that a person can quote it and the operator find the line.
#[derive(Clone, Debug)]
pub struct RequestId(pub String);

/// One log line per request: its id, method, route template (never the raw path, which
/// may carry a token), status and latency. No query string, no header, no body.
async fn log_request(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let started = Instant::now();
    let id = uuid::Uuid::new_v4().simple().to_string()[..12].to_owned();
    request.extensions_mut().insert(RequestId(id.clone()));
    let method = request.method().clone();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_owned());
    let mut response = next.run(request).await;
    let route = route.as_deref().unwrap_or("<unmatched>");
    let seconds = started.elapsed().as_secs_f64();
    if let Ok(value) = HeaderValue::from_str(&id) {
        response
            .headers_mut()
            .insert(HeaderName::from_static("x-request-id"), value);
    }
    tracing::info!(
        target: "mentorat::http",
        request_id = %id,
        %method,
        route,
        status = response.status().as_u16(),
        latency_ms = seconds * 1000.0,
        "request"
    );
    state
        .metrics
        .observe(method.as_str(), route, response.status().as_u16(), seconds);
    response
}

/// An error answered by axum or a layer itself (a refused body, a wrong method…)
/// comes as plain text; people get the same friendly page as for our own errors.
fn is_bare_rejection(response: &Response) -> bool {
    let plain = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_none_or(|v| v.as_bytes().starts_with(b"text/plain"));
    plain
        && matches!(
            response.status(),
            StatusCode::BAD_REQUEST
                | StatusCode::FORBIDDEN
                | StatusCode::NOT_FOUND
                | StatusCode::METHOD_NOT_ALLOWED
                | StatusCode::PAYLOAD_TOO_LARGE
                | StatusCode::UNSUPPORTED_MEDIA_TYPE
                | StatusCode::UNPROCESSABLE_ENTITY
                | StatusCode::TOO_MANY_REQUESTS
                | StatusCode::INTERNAL_SERVER_ERROR
        )
}

/// Gives marked error responses their page, in the language of the request.
async fn render_error_pages(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let locale = locale_of(request.headers());
    let path = request.uri().path().to_owned();
    let id = request.extensions().get::<RequestId>().map(|r| r.0.clone());
    let response = next.run(request).await;
    let (status, detail) = match response.extensions().get::<ErrorPage>() {
        Some(ErrorPage(status, detail)) => (*status, *detail),
        None if is_bare_rejection(&response) => (response.status(), None),
        None => return response,
    };
    let ctx = Ctx::new(state, locale, path, None);
    let mut page = crate::pages::errors::render(&ctx, status, detail, id.as_deref());
    *page.status_mut() = status;
    page
}
