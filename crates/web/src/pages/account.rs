//! Account pages available so far: choosing a password from a single-use link (the
//! link printed by `mentorat admin create`).

use crate::page::{Ctx, Page};
use crate::{AppState, WebError};
use askama::Template;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Form, Router};
use mentorat_app::AppError;
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new().route("/compte/mot-de-passe/{token}", get(form).post(submit))
}

#[derive(Template)]
#[template(path = "pages/set_password.html")]
struct FormTemplate<'a> {
    page: Page<'a>,
    error: Option<String>,
    error_field: &'static str,
}

#[derive(Template)]
#[template(path = "pages/message.html")]
struct MessageTemplate<'a> {
    page: Page<'a>,
    heading: String,
    message: String,
    link_href: &'static str,
    link_label: String,
}

fn expired(ctx: &Ctx) -> Response {
    let tr = ctx.tr();
    let mut response = super::render(&MessageTemplate {
        page: ctx.page(tr.t("password-link-expired-title")),
        heading: tr.t("password-link-expired-title"),
        message: tr.t("password-link-expired-text"),
        link_href: "/",
        link_label: tr.t("back-home"),
    });
    *response.status_mut() = StatusCode::GONE;
    response
}

async fn form(ctx: Ctx, Path(token): Path<String>) -> Result<Response, WebError> {
    if !ctx.state().app.set_password_link_is_live(&token).await? {
        return Ok(expired(&ctx));
    }
    let tr = ctx.tr();
    Ok(super::render(&FormTemplate {
        page: ctx.page(tr.t("password-set-title")),
        error: None,
        error_field: "",
    }))
}

#[derive(Deserialize)]
struct PasswordForm {
    password: String,
    confirmation: String,
}

async fn submit(ctx: Ctx, Path(token): Path<String>, Form(input): Form<PasswordForm>) -> Result<Response, WebError> {
    let tr = ctx.tr();
    match ctx.state().app.set_password_with_link(&token, &input.password, &input.confirmation).await {
        Ok(()) => Ok(super::render(&MessageTemplate {
            page: ctx.page(tr.t("password-set-done-title")),
            heading: tr.t("password-set-done-title"),
            message: tr.t("password-set-done-text"),
            link_href: "/",
            link_label: tr.t("back-home"),
        })),
        Err(AppError::Invalid { field, key }) => {
            let mut response = super::render(&FormTemplate {
                page: ctx.page(tr.t("password-set-title")),
                error: Some(tr.t(key)),
                error_field: field,
            });
            *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(response.into_response())
        }
        Err(AppError::NotFound) => Ok(expired(&ctx)),
        Err(other) => Err(other.into()),
    }
}
