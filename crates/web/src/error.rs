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
    /// Bad input that no form of the handler's own could show: a 422 page saying what
    /// was wrong (`key` names the message). Handlers with a form re-render it instead.
    #[error("invalid input: {key}")]
    Invalid { key: &'static str },
    #[error("internal error: {0}")]
    Internal(String),
}

/// Marks a response whose body the error-page middleware must render, with the message
/// that says what went wrong when there is one (a Fluent key).
#[derive(Debug, Clone, Copy)]
pub struct ErrorPage(pub StatusCode, pub Option<&'static str>);

/// A use case's refusal of the user's input: the field it concerns and the message (a
/// Fluent key) to show next to it.
#[derive(Debug, Clone, Copy)]
pub struct Refusal {
    pub field: &'static str,
    pub key: &'static str,
}

/// The one path from a use case's error to a form shown again: a refusal of the input
/// comes back to the handler, which renders its form with it (422, see
/// `FormView::refused`); any other error goes on to the error page.
pub fn refusal(e: AppError) -> Result<Refusal, WebError> {
    match e {
        AppError::Invalid { field, key } => Ok(Refusal { field, key }),
        other => Err(other.into()),
    }
}

/// An action repeated or overtaken (a second click on « retirer », a pair already
/// removed, an event already cancelled): its refusal tells nothing that the page the
/// user is sent back to does not show, so it counts as done. Other errors go on.
pub fn done_or_overtaken<T>(result: Result<T, AppError>) -> Result<(), WebError> {
    match result.map(|_| ()).map_err(refusal) {
        Ok(()) | Err(Ok(_)) => Ok(()),
        Err(Err(e)) => Err(e),
    }
}

impl From<AppError> for WebError {
    fn from(e: AppError) -> Self {
        match e {
            AppError::NotFound => WebError::NotFound,
            AppError::RateLimited => WebError::TooManyRequests,
            AppError::Invalid { key, .. } => WebError::Invalid { key },
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
            WebError::Invalid { key } => {
                let mut response = StatusCode::UNPROCESSABLE_ENTITY.into_response();
                response
                    .extensions_mut()
                    .insert(ErrorPage(StatusCode::UNPROCESSABLE_ENTITY, Some(key)));
                return response;
            }
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
    response.extensions_mut().insert(ErrorPage(status, None));
    response
}

/// The fallback of the router: an unknown address.
pub async fn not_found() -> WebError {
    WebError::NotFound
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A use case's refusal of bad input is a 422 page that names the problem, never a
    /// server error, even where a handler has no form of its own to show it in.
    #[test]
    fn bad_input_is_a_422_page_with_its_message() {
        let response = WebError::from(AppError::Invalid {
            field: "date",
            key: "error-date",
        })
        .into_response();
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let page = response.extensions().get::<ErrorPage>().copied();
        assert!(matches!(
            page,
            Some(ErrorPage(
                StatusCode::UNPROCESSABLE_ENTITY,
                Some("error-date")
            ))
        ));
    }

    #[test]
    fn a_refusal_comes_back_to_the_form_and_other_errors_go_on() {
        let r = refusal(AppError::Invalid {
            field: "date",
            key: "error-date",
        })
        .unwrap();
        assert_eq!((r.field, r.key), ("date", "error-date"));
        assert!(matches!(
            refusal(AppError::NotFound),
            Err(WebError::NotFound)
        ));
        assert!(
            done_or_overtaken(Err::<(), _>(AppError::Invalid {
                field: "status",
                key: "error-status",
            }))
            .is_ok()
        );
        assert!(matches!(
            done_or_overtaken(Err::<(), _>(AppError::NotFound)),
            Err(WebError::NotFound)
        ));
    }
}
