//! One's own account: the page, changing password or address (asking the current
//! password again), asking for erasure; and the single-use links that set a first
//! password (`mentorat admin create`) or confirm a new address.

use super::auth::{NewPasswordInput, form_error, message, new_password_view, render_form};
use super::forms::{Field, FormView};
use crate::error::refusal;
use crate::page::{Ctx, Page};
use crate::session::{session_cookie_name, set_cookie};
use crate::{AppState, WebError};
use askama::Template;
use axum::extract::Path;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use mentorat_app::AppError;
use mentorat_app::auth::Account;
use mentorat_app::security::random_token;
use mentorat_domain::policy::{Action, Resource};
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/compte", get(account_page))
        .route("/compte/mot-de-passe", post(change_password))
        .route("/compte/adresse", post(change_email))
        .route("/compte/suppression", post(request_deletion))
        .route("/compte/suppression/annuler", post(cancel_deletion))
        .route("/compte/mes-donnees.zip", get(download_data))
        .route(
            "/compte/confirmer-adresse/{token}",
            get(confirm_email_form).post(confirm_email),
        )
        .route(
            "/compte/mot-de-passe/{token}",
            get(set_password_form).post(set_password),
        )
}

#[derive(Template)]
#[template(path = "pages/account.html")]
struct AccountTemplate<'a> {
    page: Page<'a>,
    identity: String,
    roles: Vec<String>,
    forms: Vec<FormView>,
    /// When the erasure asked will happen (written), while it can be cancelled.
    erasure: Option<String>,
}

fn password_form(ctx: &Ctx) -> FormView {
    let tr = ctx.tr();
    let mut form = FormView::new(
        "change-password",
        "/compte/mot-de-passe",
        tr.t("change-password-submit"),
        vec![
            Field::new(
                "current_password",
                tr.t("current-password"),
                "password",
                "current-password",
            ),
            Field::new("password", tr.t("password-new"), "password", "new-password")
                .hint(tr.t("password-rules")),
            Field::new(
                "confirmation",
                tr.t("password-confirm"),
                "password",
                "new-password",
            ),
        ],
    );
    form.title = Some(tr.t("change-password-title"));
    form
}

fn email_form(ctx: &Ctx, new_email: &str) -> FormView {
    let tr = ctx.tr();
    let mut form = FormView::new(
        "change-email",
        "/compte/adresse",
        tr.t("change-email-submit"),
        vec![
            Field::new("new_email", tr.t("new-email"), "email", "email")
                .value(new_email)
                .hint(tr.t("email-hint")),
            Field::new(
                "current_password",
                tr.t("current-password"),
                "password",
                "current-password",
            ),
        ],
    );
    form.title = Some(tr.t("change-email-title"));
    form
}

fn deletion_form(ctx: &Ctx) -> FormView {
    let tr = ctx.tr();
    let mut form = FormView::new(
        "delete",
        "/compte/suppression",
        tr.t("delete-submit"),
        vec![Field::new(
            "current_password",
            tr.t("current-password"),
            "password",
            "current-password",
        )],
    );
    form.title = Some(tr.t("delete-title"));
    form.lead = Some(tr.t("delete-lead"));
    form.confirm = Some(tr.t("delete-confirm"));
    form.danger = true;
    form
}

/// The account page with `replace` standing in for the form of the same id.
async fn render_account(
    ctx: &Ctx,
    account: &Account,
    replace: Option<FormView>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tr = ctx.tr();
    let erasure = ctx
        .state()
        .app
        .erasure_due(account.id)
        .await?
        .map(|due| tr.date(&due.date_naive()));
    let mut forms = vec![password_form(ctx), email_form(ctx, "")];
    if erasure.is_none() {
        forms.push(deletion_form(ctx));
    }
    if let Some(replacement) = replace
        && let Some(slot) = forms.iter_mut().find(|f| f.id == replacement.id)
    {
        *slot = replacement;
    }
    let mut response = super::render(&AccountTemplate {
        page: ctx.page(tr.t("account-title")),
        identity: tr.tv(
            "account-identity",
            &[
                ("name", &account.name.full()),
                ("email", account.email.as_str()),
            ],
        ),
        roles: account
            .roles
            .iter()
            .map(|g| tr.t(&format!("role-{}", g.role.as_str())))
            .collect(),
        forms,
        erasure,
    });
    *response.status_mut() = status;
    Ok(response)
}

pub(crate) fn own(ctx: &Ctx) -> Result<Account, WebError> {
    let id = ctx.account().map(|a| a.id).unwrap_or_default();
    ctx.require(Action::ManageOwnAccount, &Resource::Account(id))
        .cloned()
}

async fn account_page(ctx: Ctx) -> Result<Response, WebError> {
    let account = own(&ctx)?;
    render_account(&ctx, &account, None, StatusCode::OK).await
}

/// The use case failed on a form of the account page: show the page again with it.
async fn account_form_error(
    ctx: &Ctx,
    account: &Account,
    err: AppError,
    form: FormView,
) -> Result<Response, WebError> {
    let form = form.refused(ctx, err)?;
    render_account(ctx, account, Some(form), StatusCode::UNPROCESSABLE_ENTITY).await
}

/// After the sessions of the account end: a fresh anonymous cookie and a redirect.
fn signed_out_to(ctx: &Ctx, location: &str) -> Response {
    let https = ctx.state().app.settings.is_https();
    let cookie = set_cookie(session_cookie_name(https), &random_token(), https, None);
    ([(header::SET_COOKIE, cookie)], Redirect::to(location)).into_response()
}

#[derive(Deserialize)]
struct ChangePassword {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    confirmation: String,
}

async fn change_password(
    ctx: Ctx,
    Form(input): Form<ChangePassword>,
) -> Result<Response, WebError> {
    let account = own(&ctx)?;
    let app = &ctx.state().app;
    match app
        .change_password(
            &account,
            &input.current_password,
            &input.password,
            &input.confirmation,
        )
        .await
    {
        Ok(()) => Ok(signed_out_to(&ctx, "/connexion?avis=mot-de-passe-change")),
        Err(e) => account_form_error(&ctx, &account, e, password_form(&ctx)).await,
    }
}

#[derive(Deserialize)]
struct ChangeEmail {
    #[serde(default)]
    new_email: String,
    #[serde(default)]
    current_password: String,
}

async fn change_email(ctx: Ctx, Form(input): Form<ChangeEmail>) -> Result<Response, WebError> {
    let account = own(&ctx)?;
    match ctx
        .state()
        .app
        .change_email(&account, &input.current_password, &input.new_email)
        .await
    {
        Ok(()) => Ok(Redirect::to("/compte?avis=adresse-envoyee").into_response()),
        Err(e) => account_form_error(&ctx, &account, e, email_form(&ctx, &input.new_email)).await,
    }
}

#[derive(Deserialize)]
struct CurrentPassword {
    #[serde(default)]
    current_password: String,
}

async fn request_deletion(
    ctx: Ctx,
    Form(input): Form<CurrentPassword>,
) -> Result<Response, WebError> {
    let account = own(&ctx)?;
    match ctx
        .state()
        .app
        .request_account_deletion(&account, &input.current_password)
        .await
    {
        Ok(()) => Ok(signed_out_to(&ctx, "/?avis=suppression")),
        Err(e) => account_form_error(&ctx, &account, e, deletion_form(&ctx)).await,
    }
}

/// « Je garde mon compte »: the erasure asked is cancelled.
async fn cancel_deletion(ctx: Ctx) -> Result<Response, WebError> {
    let account = own(&ctx)?;
    ctx.state().app.cancel_account_deletion(account.id).await?;
    Ok(Redirect::to("/compte?avis=suppression-annulee").into_response())
}

/// « Télécharger mes données »: a ZIP of every record about the person.
async fn download_data(ctx: Ctx) -> Result<Response, WebError> {
    let account = own(&ctx)?;
    let zip = ctx.state().app.export_archive(&account).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/zip"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"mes-donnees.zip\"",
            ),
            (header::CACHE_CONTROL, "no-store"),
        ],
        zip,
    )
        .into_response())
}

async fn confirm_email_form(ctx: Ctx, Path(token): Path<String>) -> Response {
    let tr = ctx.tr();
    let form = FormView::new(
        "confirm-email",
        format!("/compte/confirmer-adresse/{token}"),
        tr.t("email-confirm-email-action"),
        Vec::new(),
    );
    render_form(
        &ctx,
        tr.t("email-confirm-email-subject"),
        Some(tr.t("email-confirm-email-p1")),
        form,
        Vec::new(),
        StatusCode::OK,
    )
}

async fn confirm_email(ctx: Ctx, Path(token): Path<String>) -> Result<Response, WebError> {
    match ctx.state().app.confirm_email_change(&token).await {
        Ok(()) => Ok(message(
            &ctx,
            "email-confirmed-title",
            "email-confirmed-text",
            ("/compte", "nav-account"),
            StatusCode::OK,
        )),
        Err(AppError::NotFound) => Ok(message(
            &ctx,
            "verify-link-invalid-title",
            "verify-link-invalid-text",
            ("/compte", "nav-account"),
            StatusCode::GONE,
        )),
        Err(e) => Ok(message(
            &ctx,
            "verify-link-invalid-title",
            refusal(e)?.key,
            ("/compte", "nav-account"),
            StatusCode::CONFLICT,
        )),
    }
}

fn expired(ctx: &Ctx) -> Response {
    message(
        ctx,
        "password-link-expired-title",
        "password-link-expired-text",
        ("/", "back-home"),
        StatusCode::GONE,
    )
}

async fn set_password_form(ctx: Ctx, Path(token): Path<String>) -> Result<Response, WebError> {
    if !ctx.state().app.set_password_link_is_live(&token).await? {
        return Ok(expired(&ctx));
    }
    let tr = ctx.tr();
    let form = new_password_view(
        &ctx,
        "set-password",
        format!("/compte/mot-de-passe/{token}"),
    );
    Ok(render_form(
        &ctx,
        tr.t("password-set-title"),
        Some(tr.t("password-set-lead")),
        form,
        Vec::new(),
        StatusCode::OK,
    ))
}

async fn set_password(
    ctx: Ctx,
    Path(token): Path<String>,
    Form(input): Form<NewPasswordInput>,
) -> Result<Response, WebError> {
    match ctx
        .state()
        .app
        .set_password_with_link(&token, &input.password, &input.confirmation)
        .await
    {
        Ok(()) => super::done::redirect("mot-de-passe-choisi"),
        Err(AppError::NotFound) => Ok(expired(&ctx)),
        Err(e) => {
            let tr = ctx.tr();
            let form = new_password_view(
                &ctx,
                "set-password",
                format!("/compte/mot-de-passe/{token}"),
            );
            form_error(
                &ctx,
                e,
                form,
                tr.t("password-set-title"),
                Some(tr.t("password-set-lead")),
                Vec::new(),
            )
        }
    }
}
