//! The data controller's pages, for the national team: the erasures waiting (and an
//! erasure at once, for a request received by letter) and the register of processing
//! activities (GDPR art. 30), filled from the association's settings.

use super::admin::{PAGE_SIZE, PageQuery, Pager, pager};
use super::confirm::{self, Confirmation};
use crate::page::{Ctx, Page};
use crate::{AppState, WebError};
use askama::Template;
use axum::Router;
use axum::extract::{Form, Path, Query};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use mentorat_domain::policy::{Action, Resource};
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/effacements", get(erasures).post(erase_by_address))
        .route("/admin/effacements/{id}", post(erase_now))
        .route("/admin/registre", get(register))
        .route("/admin/registre.html", get(register_download))
}

struct Pending {
    id: String,
    who: String,
    asked: String,
    due: String,
}

#[derive(Template)]
#[template(path = "pages/erasures.html")]
struct ErasuresTemplate<'a> {
    page: Page<'a>,
    rows: Vec<Pending>,
    total: i64,
    grace: i64,
    error: Option<String>,
    email: String,
    pager: Pager,
}

async fn render_erasures(
    ctx: &Ctx,
    page: u64,
    error: Option<String>,
    email: String,
) -> Result<Response, WebError> {
    let app = &ctx.state().app;
    let tr = ctx.tr();
    let (pending, total) = app
        .pending_erasures((page - 1) * PAGE_SIZE, PAGE_SIZE)
        .await?;
    let details = app.association_details().await?;
    let grace = details.period(mentorat_domain::association::Detail::ErasureGraceDays);
    let rows = pending
        .into_iter()
        .map(|p| Pending {
            id: p.id.to_string(),
            who: format!("{} {} <{}>", p.first_name, p.last_name, p.email),
            asked: tr.date(&p.deletion_requested_at.date_naive()),
            due: tr.date(
                &(p.deletion_requested_at + chrono::Duration::days(i64::from(grace))).date_naive(),
            ),
        })
        .collect();
    let status = if error.is_some() {
        axum::http::StatusCode::UNPROCESSABLE_ENTITY
    } else {
        axum::http::StatusCode::OK
    };
    let mut response = super::render(&ErasuresTemplate {
        page: ctx.page(tr.t("erasures-title")),
        rows,
        total,
        grace: i64::from(grace),
        error,
        email,
        pager: pager(&tr, "/admin/effacements", "", page, total),
    });
    *response.status_mut() = status;
    Ok(response)
}

async fn erasures(ctx: Ctx, Query(q): Query<PageQuery>) -> Result<Response, WebError> {
    ctx.require(Action::ManagePersonalData, &Resource::Platform)?;
    render_erasures(&ctx, q.page.unwrap_or(1).max(1), None, String::new()).await
}

/// « Effacer maintenant », after a confirmation.
async fn erase_now(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(c): Form<Confirmation>,
) -> Result<Response, WebError> {
    let actor = ctx
        .require(Action::ManagePersonalData, &Resource::Platform)?
        .id;
    let id: uuid::Uuid = id.parse().map_err(|_| WebError::NotFound)?;
    if !c.given() {
        return Ok(confirm::ask(
            &ctx,
            &format!("/admin/effacements/{id}"),
            ctx.tr().t("erasure-now-confirm"),
            Vec::new(),
            "/admin/effacements",
        ));
    }
    ctx.state().app.erase_account(Some(actor), id).await?;
    Ok(Redirect::to("/admin/effacements?avis=effacement-fait").into_response())
}

#[derive(Deserialize, Default)]
struct ByAddress {
    #[serde(default)]
    email: String,
    #[serde(default)]
    confirm: String,
}

/// A request received by letter: the account of this address is erased at once.
async fn erase_by_address(ctx: Ctx, Form(input): Form<ByAddress>) -> Result<Response, WebError> {
    let actor = ctx
        .require(Action::ManagePersonalData, &Resource::Platform)?
        .id;
    let app = &ctx.state().app;
    let email = input.email.trim().to_owned();
    let Some(id) = app.account_id_by_email(&email).await? else {
        return render_erasures(&ctx, 1, Some(ctx.tr().t("erasure-unknown")), email).await;
    };
    if !confirm::given(&input.confirm) {
        return Ok(confirm::ask(
            &ctx,
            "/admin/effacements",
            ctx.tr().ts("erasure-address-confirm", "email", &email),
            vec![("email".into(), email)],
            "/admin/effacements",
        ));
    }
    app.erase_account(Some(actor), id).await?;
    Ok(Redirect::to("/admin/effacements?avis=effacement-fait").into_response())
}

/// One line of the register: a processing activity and what it is made of.
pub struct Activity {
    pub name: String,
    pub facts: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "pages/register.html")]
struct RegisterTemplate<'a> {
    page: Page<'a>,
    controller: Vec<(String, String)>,
    activities: Vec<Activity>,
}

async fn register_page(ctx: &Ctx) -> Result<String, WebError> {
    ctx.require(Action::ManagePersonalData, &Resource::Platform)?;
    let details = ctx.state().app.association_details().await?;
    let tr = ctx.tr();
    let (controller, activities) = super::association::register_of(&ctx.tr(), &details);
    super::render_string(&RegisterTemplate {
        page: ctx.page(tr.t("register-title")),
        controller,
        activities,
    })
}

async fn register(ctx: Ctx) -> Result<Response, WebError> {
    Ok(axum::response::Html(register_page(&ctx).await?).into_response())
}

/// The same register as a file to keep (it prints as it shows).
async fn register_download(ctx: Ctx) -> Result<Response, WebError> {
    let html = register_page(&ctx).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"registre-des-traitements.html\"",
            ),
        ],
        html,
    )
        .into_response())
}
