//! HTML pages, one module per feature, each with its templates beside it.

pub mod account;
pub mod admin;
pub mod association;
pub mod auth;
pub mod circles;
pub mod circles_admin;
pub mod communes;
pub mod confirm;
pub mod dashboard;
pub mod done;
pub mod errors;
pub mod events;
pub mod forms;
pub mod home;
pub mod impact;
pub mod imports;
pub mod inbox;
pub mod inbox_export;
pub mod language;
pub mod map;
pub mod mentoring;
pub mod privacy_admin;
pub mod qpv;
pub mod tokens;
mod views;

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

/// Renders a template into an HTML response; a rendering failure is a 500.
/// The template's text, for a page kept rendered (see `cache`).
pub fn render_string(template: &impl Template) -> Result<String, crate::WebError> {
    template.render().map_err(|e| {
        tracing::error!(error = %e, "template rendering failed");
        crate::WebError::Internal(e.to_string())
    })
}

/// The bytes of the form's `file` field (empty when none was chosen).
pub(crate) async fn uploaded_file(
    form: Result<axum::extract::Multipart, axum::extract::multipart::MultipartRejection>,
) -> Result<Vec<u8>, crate::WebError> {
    // A form posted without a file (or not as multipart): no file.
    let Ok(mut form) = form else {
        return Ok(Vec::new());
    };
    while let Some(field) = form
        .next_field()
        .await
        .map_err(|_| crate::WebError::Invalid {
            key: "error-file-unreadable",
        })?
    {
        if field.name() == Some("file") {
            let bytes = field.bytes().await.map_err(|_| crate::WebError::Invalid {
                key: "error-file-unreadable",
            })?;
            return Ok(bytes.to_vec());
        }
    }
    Ok(Vec::new())
}

/// A whole list as a CSV for a French spreadsheet, its download recorded in the audit
/// log under `what` (as every export of personal data).
pub(crate) async fn list_export(
    ctx: &crate::page::Ctx,
    what: &str,
    filename: &'static str,
    header: &[String],
    rows: Vec<Vec<String>>,
) -> Result<Response, crate::WebError> {
    let actor = ctx.account().map(|a| a.id);
    ctx.state().app.record_export(actor, what).await?;
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    Ok(csv_download(
        filename,
        mentorat_domain::csv::french_csv(&header, &rows),
    ))
}

/// A CSV file to download (`filename` is ASCII), kept in no cache.
pub fn csv_download(filename: &'static str, bytes: Vec<u8>) -> Response {
    use axum::http::{HeaderValue, header};
    let disposition = format!("attachment; filename=\"{filename}\"");
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/csv; charset=utf-8"),
            ),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&disposition)
                    .unwrap_or(HeaderValue::from_static("attachment")),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        bytes,
    )
        .into_response()
}

pub fn render(template: &impl Template) -> Response {
    match template.render() {
        Ok(html) => Html(html).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "template rendering failed");
            (StatusCode::INTERNAL_SERVER_ERROR, "internal error").into_response()
        }
    }
}
