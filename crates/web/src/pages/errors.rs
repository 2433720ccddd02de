//! The friendly error pages (404, 403, 500…), in the language of the request.

use crate::page::{Ctx, Page};
use askama::Template;
use axum::http::StatusCode;
use axum::response::Response;

#[derive(Template)]
#[template(path = "pages/error.html")]
struct ErrorTemplate<'a> {
    page: Page<'a>,
    heading: String,
    message: String,
    /// The request's id, to quote (see `middleware::RequestId`).
    reference: Option<String>,
}

/// The page for `status`; `detail` (a Fluent key) says what was wrong, when known.
pub fn render(ctx: &Ctx, status: StatusCode, detail: Option<&str>, id: Option<&str>) -> Response {
    let tr = ctx.tr();
    let (heading, message) = match status {
        StatusCode::NOT_FOUND => ("error-404-title", "error-404-text"),
        StatusCode::FORBIDDEN => ("error-403-title", "error-403-text"),
        StatusCode::PAYLOAD_TOO_LARGE => ("error-413-title", "error-413-text"),
        StatusCode::BAD_REQUEST
        | StatusCode::UNPROCESSABLE_ENTITY
        | StatusCode::UNSUPPORTED_MEDIA_TYPE => ("error-400-title", "error-400-text"),
        StatusCode::METHOD_NOT_ALLOWED => ("error-404-title", "error-404-text"),
        StatusCode::TOO_MANY_REQUESTS => ("too-many-title", "too-many-text"),
        _ => ("error-500-title", "error-500-text"),
    };
    super::render(&ErrorTemplate {
        page: ctx.page(tr.t(heading)),
        heading: tr.t(heading),
        message: tr.t(detail.unwrap_or(message)),
        reference: id.map(|id| tr.ts("error-reference", "id", id)),
    })
}
