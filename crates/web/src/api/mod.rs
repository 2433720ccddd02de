//! The JSON API (`/api/v1/…`). Answers and errors are JSON; the HTML pages of the same
//! features call the same use cases.

pub mod communes;

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// An API error: a status and a stable machine-readable code.
pub struct ApiError {
    status: StatusCode,
    code: &'static str,
}

impl ApiError {
    pub fn not_found() -> ApiError {
        ApiError {
            status: StatusCode::NOT_FOUND,
            code: "not_found",
        }
    }

    pub fn internal() -> ApiError {
        ApiError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            code: "internal",
        }
    }
}

#[derive(Serialize)]
struct ErrorBody {
    error: &'static str,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(ErrorBody { error: self.code })).into_response()
    }
}

impl From<mentorat_app::AppError> for ApiError {
    fn from(e: mentorat_app::AppError) -> Self {
        match e {
            mentorat_app::AppError::NotFound => ApiError::not_found(),
            other => {
                tracing::error!(cause = %other, "API request failed");
                ApiError::internal()
            }
        }
    }
}
