//! The priority neighbourhoods (QPV): the national team loads the ANCT's list
//! (`/admin/qpv`, as `mentorat territories import-qpv` does), and a porteur or a mentor
//! says which one they live in, among their commune's (`/compte/quartier`).

use super::account::own;
use super::uploaded_file;
use crate::page::{Ctx, Page};
use crate::{AppState, WebError};
use askama::Template;
use axum::Router;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Form, Multipart};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use mentorat_app::AppError;
use mentorat_domain::policy::{Action, Resource};
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/qpv", get(admin_page).post(upload))
        .route("/compte/quartier", get(choice_page).post(choose))
}

struct Refusal {
    line: usize,
    column: &'static str,
    reason: String,
}

#[derive(Template)]
#[template(path = "pages/qpv_admin.html")]
struct AdminTemplate<'a> {
    page: Page<'a>,
    count: i64,
    /// After an import: its summary and the lines left out.
    summary: Option<String>,
    refused: Vec<Refusal>,
    error: Option<String>,
}

async fn render_admin(
    ctx: &Ctx,
    summary: Option<String>,
    refused: Vec<Refusal>,
    error: Option<String>,
) -> Result<Response, WebError> {
    let tr = ctx.tr();
    let count = ctx.state().app.qpv_count().await?;
    let status = if error.is_some() {
        axum::http::StatusCode::UNPROCESSABLE_ENTITY
    } else {
        axum::http::StatusCode::OK
    };
    let mut response = super::render(&AdminTemplate {
        page: ctx.page(tr.t("qpv-admin-title")),
        count,
        summary,
        refused,
        error,
    });
    *response.status_mut() = status;
    Ok(response)
}

async fn admin_page(ctx: Ctx) -> Result<Response, WebError> {
    ctx.require(Action::ManageNetwork, &Resource::Platform)?;
    render_admin(&ctx, None, Vec::new(), None).await
}

async fn upload(
    ctx: Ctx,
    form: Result<Multipart, MultipartRejection>,
) -> Result<Response, WebError> {
    let actor = ctx.require(Action::ManageNetwork, &Resource::Platform)?.id;
    let bytes = uploaded_file(form).await?;
    let tr = ctx.tr();
    match ctx.state().app.import_qpv(&bytes, Some(actor)).await {
        Ok(report) => {
            let summary = tr.tc(
                "qpv-imported",
                &[
                    ("created", report.created as i64),
                    ("updated", report.updated as i64),
                    ("refused", report.refused.len() as i64),
                ],
            );
            let refused = report
                .refused
                .iter()
                .map(|r| Refusal {
                    line: r.line,
                    column: r.column,
                    reason: tr.t(r.key),
                })
                .collect();
            render_admin(&ctx, Some(summary), refused, None).await
        }
        Err(AppError::Invalid { key, .. }) => {
            render_admin(&ctx, None, Vec::new(), Some(tr.t(key))).await
        }
        Err(e) => Err(e.into()),
    }
}

/// One answer offered.
struct Choice_ {
    value: String,
    label: String,
    checked: bool,
}

#[derive(Template)]
#[template(path = "pages/qpv_choice.html")]
struct ChoiceTemplate<'a> {
    page: Page<'a>,
    /// The commune the question is about; `None` when the platform knows none yet.
    commune: Option<String>,
    options: Vec<Choice_>,
    error: Option<String>,
}

async fn render_choice(ctx: &Ctx, error: Option<String>) -> Result<Response, WebError> {
    let account = own(ctx)?;
    let tr = ctx.tr();
    let question = ctx.state().app.qpv_question(account.id).await?;
    let (commune, options) = match question {
        None => (None, Vec::new()),
        Some((commune, qpv, choice)) => {
            let answer = choice.qpv_answer.as_deref();
            let mut options: Vec<Choice_> = qpv
                .into_iter()
                .map(|q| Choice_ {
                    checked: answer == Some("yes") && choice.qpv_code.as_deref() == Some(&q.code),
                    value: q.code,
                    label: q.name,
                })
                .collect();
            for (value, key) in [("no", "qpv-answer-no"), ("unknown", "qpv-answer-unknown")] {
                options.push(Choice_ {
                    value: value.to_owned(),
                    label: tr.t(key),
                    checked: answer == Some(value),
                });
            }
            (Some(commune), options)
        }
    };
    let status = if error.is_some() {
        axum::http::StatusCode::UNPROCESSABLE_ENTITY
    } else {
        axum::http::StatusCode::OK
    };
    let mut response = super::render(&ChoiceTemplate {
        page: ctx.page(tr.t("qpv-choice-title")),
        commune,
        options,
        error,
    });
    *response.status_mut() = status;
    Ok(response)
}

async fn choice_page(ctx: Ctx) -> Result<Response, WebError> {
    render_choice(&ctx, None).await
}

#[derive(Deserialize)]
struct Choice {
    #[serde(default)]
    qpv: String,
}

async fn choose(ctx: Ctx, Form(input): Form<Choice>) -> Result<Response, WebError> {
    let account = own(&ctx)?;
    match ctx.state().app.answer_qpv(account.id, &input.qpv).await {
        Ok(()) => Ok(Redirect::to("/compte?avis=quartier-enregistre").into_response()),
        Err(AppError::Invalid { key, .. }) => render_choice(&ctx, Some(ctx.tr().t(key))).await,
        Err(e) => Err(e.into()),
    }
}
