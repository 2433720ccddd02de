//! Error policy of the web layer: a handler returns [`WebError`]; the user sees a
//! helpful page in their language (rendered by the error-page middleware, which knows
//! the request's language), the log sees the cause, nobody sees internals.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use mentorat_app::AppError;

#[derive(Debug, thiserror::Error)]
pub enum WebError {
    #[error("not found")]
    NotFound,
    #[error("forbidden")]
    Forbidden,
    /// Anonymous on a page that needs an account: go and sign in, then come back.
    #[error("sign in required")]
    SignIn { back_to: String },
    #[error("too many requests")]
    TooManyRequests,
    #[error("internal error: {0}")]
    Internal(String),
}

/// Marks a response whose body the error-page middleware must render.
#[derive(Debug, Clone, Copy)]
pub struct ErrorPage(pub StatusCode);

impl From<AppError> for WebError {
    fn from(e: AppError) -> Self {
        match e {
            AppError::NotFound => WebError::NotFound,
            AppError::RateLimited => WebError::TooManyRequests,
            other => WebError::Internal(other.to_string()),
        }
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let status = match &self {
            WebError::NotFound => StatusCode::NOT_FOUND,
            WebError::Forbidden => StatusCode::FORBIDDEN,
            WebError::TooManyRequests => StatusCode::TOO_MANY_REQUESTS,
            WebError::SignIn { back_to } => {
                let location = format!("/connexion?retour={}", crate::page::encode_path(back_to));
                return axum::response::Redirect::to(&location).into_response();
            }
            WebError::Internal(cause) => {
                // The cause may name a table or a constraint, never a person: the
                // domain types redact personal data from their Debug output.
                tracing::error!(%cause, "request failed");
                StatusCode::INTERNAL_SERVER_ERROR
            }
        };
        error_response(status)
    }
}

/// An empty response marked for the error-page middleware.
pub fn error_response(status: StatusCode) -> Response {
    let mut response = status.into_response();
    response.extensions_mut().insert(ErrorPage(status));
    response
}

/// The fallback of the router: an unknown address.
pub async fn not_found() -> WebError {
    WebError::NotFound
}
