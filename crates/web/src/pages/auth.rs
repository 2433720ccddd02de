//! Signing up, in and out; confirming an address; forgotten and reset passwords.
//! Every form carries the CSRF token; wrong input comes back with a message in the
//! person's language and nothing they typed lost (but passwords).

use super::forms::{Field, FormPage, FormView, MessagePage};
use crate::page::Ctx;
use crate::session::{device_cookie_name, session_cookie_name, set_cookie};
use crate::{AppState, WebError};
use axum::extract::{Path, Query};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use mentorat_app::AppError;
use mentorat_app::auth::{DEVICE_VALIDITY, SignUp};
use mentorat_app::security::random_token;
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/inscription", get(sign_up_form).post(sign_up))
        .route("/connexion", get(sign_in_form).post(sign_in))
        .route("/deconnexion", post(sign_out))
        .route("/compte/verifier/{token}", get(verify_form).post(verify))
        .route("/mot-de-passe-oublie", get(forgot_form).post(forgot))
        .route("/compte/reinitialiser/{token}", get(reset_form).post(reset))
}

pub fn render_form(
    ctx: &Ctx,
    heading: String,
    lead: Option<String>,
    form: FormView,
    links: Vec<(String, String)>,
    status: StatusCode,
) -> Response {
    let mut response = super::render(&FormPage {
        page: ctx.page(heading.clone()),
        heading,
        lead,
        form,
        links,
    });
    *response.status_mut() = status;
    response
}

pub fn message(
    ctx: &Ctx,
    heading: &str,
    text: &str,
    link: (&str, &str),
    status: StatusCode,
) -> Response {
    let tr = ctx.tr();
    let mut response = super::render(&MessagePage {
        page: ctx.page(tr.t(heading)),
        heading: tr.t(heading),
        message: tr.t(text),
        link_href: link.0.to_owned(),
        link_label: tr.t(link.1),
    });
    *response.status_mut() = status;
    response
}

/// Turns a use-case error on a form into the form again (422) or an error page.
pub fn form_error(
    ctx: &Ctx,
    err: AppError,
    form: FormView,
    heading: String,
    lead: Option<String>,
    links: Vec<(String, String)>,
) -> Result<Response, WebError> {
    let form = form.refused(ctx, err)?;
    Ok(render_form(
        ctx,
        heading,
        lead,
        form,
        links,
        StatusCode::UNPROCESSABLE_ENTITY,
    ))
}

/// Only a path of this site is a destination after sign-in (no open redirect).
pub fn local_path(raw: Option<&str>) -> String {
    let path = raw.unwrap_or("");
    let ok = path.starts_with('/')
        && !path.starts_with("//")
        && !path.contains('\\')
        && !path.chars().any(char::is_control);
    if ok {
        path.to_owned()
    } else {
        "/compte".to_owned()
    }
}

// ---- sign up ----

fn sign_up_view(ctx: &Ctx, input: &SignUpInput) -> FormView {
    let tr = ctx.tr();
    FormView::new(
        "sign-up",
        "/inscription",
        tr.t("sign-up-submit"),
        vec![
            Field::new("first_name", tr.t("first-name"), "text", "given-name")
                .value(&input.first_name),
            Field::new("last_name", tr.t("last-name"), "text", "family-name")
                .value(&input.last_name)
                .hint(tr.t("last-name-hint"))
                .optional(),
            Field::new("email", tr.t("email-field"), "email", "email")
                .value(&input.email)
                .hint(tr.t("email-hint")),
            Field::new(
                "password",
                tr.t("password-field"),
                "password",
                "new-password",
            )
            .hint(tr.t("password-rules")),
            Field::new(
                "confirmation",
                tr.t("password-confirm"),
                "password",
                "new-password",
            ),
        ],
    )
}

fn sign_up_links(ctx: &Ctx) -> Vec<(String, String)> {
    vec![(
        "/connexion".into(),
        format!(
            "{} {}",
            ctx.tr().t("already-account"),
            ctx.tr().t("nav-sign-in")
        ),
    )]
}

#[derive(Deserialize, Default)]
struct SignUpInput {
    #[serde(default)]
    first_name: String,
    #[serde(default)]
    last_name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    confirmation: String,
}

/// The sign-up form filled in with what an invitation knew (no password), under `lead`.
pub fn prefilled_sign_up(
    ctx: &Ctx,
    first_name: &str,
    last_name: &str,
    email: &str,
    lead: String,
) -> Response {
    let tr = ctx.tr();
    let input = SignUpInput {
        first_name: first_name.to_owned(),
        last_name: last_name.to_owned(),
        email: email.to_owned(),
        ..SignUpInput::default()
    };
    render_form(
        ctx,
        tr.t("sign-up-title"),
        Some(lead),
        sign_up_view(ctx, &input),
        sign_up_links(ctx),
        StatusCode::OK,
    )
}

async fn sign_up_form(ctx: Ctx) -> Response {
    let tr = ctx.tr();
    let form = sign_up_view(&ctx, &SignUpInput::default());
    render_form(
        &ctx,
        tr.t("sign-up-title"),
        Some(tr.t("sign-up-lead")),
        form,
        sign_up_links(&ctx),
        StatusCode::OK,
    )
}

async fn sign_up(ctx: Ctx, Form(input): Form<SignUpInput>) -> Result<Response, WebError> {
    let app = &ctx.state().app;
    let request = SignUp {
        first_name: input.first_name.clone(),
        last_name: input.last_name.clone(),
        email: input.email.clone(),
        password: input.password.clone(),
        confirmation: input.confirmation.clone(),
    };
    match app.sign_up(request, ctx.locale, &ctx.client()).await {
        Ok(()) => super::done::redirect("compte-cree"),
        Err(e) => {
            let tr = ctx.tr();
            form_error(
                &ctx,
                e,
                sign_up_view(&ctx, &input),
                tr.t("sign-up-title"),
                Some(tr.t("sign-up-lead")),
                sign_up_links(&ctx),
            )
        }
    }
}

// ---- sign in / out ----

#[derive(Deserialize, Default)]
struct SignInQuery {
    retour: Option<String>,
}

fn sign_in_view(ctx: &Ctx, email: &str, back_to: &str) -> FormView {
    let tr = ctx.tr();
    let mut form = FormView::new(
        "sign-in",
        "/connexion",
        tr.t("sign-in-submit"),
        vec![
            Field::new("email", tr.t("email-field"), "email", "username").value(email),
            Field::new(
                "password",
                tr.t("password-field"),
                "password",
                "current-password",
            ),
        ],
    );
    form.hidden.push(("retour", back_to.to_owned()));
    form
}

fn sign_in_links(ctx: &Ctx) -> Vec<(String, String)> {
    let tr = ctx.tr();
    vec![
        ("/mot-de-passe-oublie".into(), tr.t("forgot-password-link")),
        (
            "/inscription".into(),
            format!("{} {}", tr.t("no-account"), tr.t("nav-sign-up")),
        ),
    ]
}

async fn sign_in_form(ctx: Ctx, Query(query): Query<SignInQuery>) -> Response {
    let tr = ctx.tr();
    let back_to = local_path(query.retour.as_deref());
    let lead = query.retour.is_some().then(|| tr.t("sign-in-required"));
    render_form(
        &ctx,
        tr.t("sign-in-title"),
        lead,
        sign_in_view(&ctx, "", &back_to),
        sign_in_links(&ctx),
        StatusCode::OK,
    )
}

#[derive(Deserialize)]
struct SignInInput {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    retour: Option<String>,
}

async fn sign_in(ctx: Ctx, Form(input): Form<SignInInput>) -> Result<Response, WebError> {
    let app = &ctx.state().app;
    let back_to = local_path(input.retour.as_deref());
    match app
        .sign_in(&input.email, &input.password, &ctx.client())
        .await
    {
        Ok(signed_in) => {
            let https = app.settings.is_https();
            let mut headers = HeaderMap::new();
            headers.append(
                header::SET_COOKIE,
                set_cookie(
                    session_cookie_name(https),
                    &signed_in.session_token,
                    https,
                    None,
                ),
            );
            headers.append(
                header::SET_COOKIE,
                set_cookie(
                    device_cookie_name(https),
                    &signed_in.device_cookie,
                    https,
                    Some(DEVICE_VALIDITY.num_seconds()),
                ),
            );
            // An imported mentor accepts the charter first; an imported porteur under
            // 15 gives their own consent first.
            let to = match app.first_step(signed_in.user_id).await? {
                Some(step) => step.to_owned(),
                None => back_to,
            };
            Ok((headers, Redirect::to(&to)).into_response())
        }
        Err(e) => {
            let tr = ctx.tr();
            form_error(
                &ctx,
                e,
                sign_in_view(&ctx, &input.email, &back_to),
                tr.t("sign-in-title"),
                None,
                sign_in_links(&ctx),
            )
        }
    }
}

async fn sign_out(ctx: Ctx) -> Result<Response, WebError> {
    let app = &ctx.state().app;
    if let Some(session) = ctx.session() {
        app.sign_out(&session.cookie).await?;
    }
    // A new anonymous cookie: the old value is dead everywhere.
    let https = app.settings.is_https();
    let cookie = set_cookie(session_cookie_name(https), &random_token(), https, None);
    Ok((
        [(header::SET_COOKIE, cookie)],
        Redirect::to("/?avis=deconnecte"),
    )
        .into_response())
}

// ---- verification of an address ----

async fn verify_form(ctx: Ctx, Path(token): Path<String>) -> Response {
    let tr = ctx.tr();
    let form = FormView::new(
        "verify",
        format!("/compte/verifier/{token}"),
        tr.t("email-verify-action"),
        Vec::new(),
    );
    render_form(
        &ctx,
        tr.t("email-verify-subject"),
        Some(tr.t("email-verify-p1")),
        form,
        Vec::new(),
        StatusCode::OK,
    )
}

async fn verify(ctx: Ctx, Path(token): Path<String>) -> Result<Response, WebError> {
    match ctx.state().app.verify_email(&token).await {
        Ok(()) => Ok(message(
            &ctx,
            "verified-title",
            "verified-text",
            ("/connexion", "nav-sign-in"),
            StatusCode::OK,
        )),
        Err(AppError::NotFound) => Ok(message(
            &ctx,
            "verify-link-invalid-title",
            "verify-link-invalid-text",
            ("/connexion", "nav-sign-in"),
            StatusCode::GONE,
        )),
        Err(e) => Err(e.into()),
    }
}

// ---- forgotten password ----

fn forgot_view(ctx: &Ctx, email: &str) -> FormView {
    let tr = ctx.tr();
    FormView::new(
        "forgot",
        "/mot-de-passe-oublie",
        tr.t("forgot-submit"),
        vec![
            Field::new("email", tr.t("email-field"), "email", "email")
                .value(email)
                .hint(tr.t("email-hint")),
        ],
    )
}

async fn forgot_form(ctx: Ctx) -> Response {
    let tr = ctx.tr();
    render_form(
        &ctx,
        tr.t("forgot-title"),
        Some(tr.t("forgot-lead")),
        forgot_view(&ctx, ""),
        Vec::new(),
        StatusCode::OK,
    )
}

#[derive(Deserialize)]
struct EmailInput {
    #[serde(default)]
    email: String,
}

async fn forgot(ctx: Ctx, Form(input): Form<EmailInput>) -> Result<Response, WebError> {
    match ctx
        .state()
        .app
        .forgot_password(&input.email, &ctx.client())
        .await
    {
        Ok(()) => super::done::redirect("lien-envoye"),
        Err(e) => {
            let tr = ctx.tr();
            form_error(
                &ctx,
                e,
                forgot_view(&ctx, &input.email),
                tr.t("forgot-title"),
                Some(tr.t("forgot-lead")),
                Vec::new(),
            )
        }
    }
}

// ---- reset from the e-mailed link ----

pub fn new_password_view(ctx: &Ctx, id: &'static str, action: String) -> FormView {
    let tr = ctx.tr();
    FormView::new(
        id,
        action,
        tr.t("password-save"),
        vec![
            Field::new("password", tr.t("password-new"), "password", "new-password")
                .hint(tr.t("password-rules")),
            Field::new(
                "confirmation",
                tr.t("password-confirm"),
                "password",
                "new-password",
            ),
        ],
    )
}

async fn reset_form(ctx: Ctx, Path(token): Path<String>) -> Result<Response, WebError> {
    if !ctx.state().app.reset_link_is_live(&token).await? {
        return Ok(message(
            &ctx,
            "password-link-expired-title",
            "password-link-expired-text",
            ("/mot-de-passe-oublie", "forgot-title"),
            StatusCode::GONE,
        ));
    }
    let tr = ctx.tr();
    let form = new_password_view(&ctx, "reset", format!("/compte/reinitialiser/{token}"));
    Ok(render_form(
        &ctx,
        tr.t("reset-title"),
        Some(tr.t("password-set-lead")),
        form,
        Vec::new(),
        StatusCode::OK,
    ))
}

#[derive(Deserialize)]
pub struct NewPasswordInput {
    #[serde(default)]
    pub password: String,
    #[serde(default)]
    pub confirmation: String,
}

async fn reset(
    ctx: Ctx,
    Path(token): Path<String>,
    Form(input): Form<NewPasswordInput>,
) -> Result<Response, WebError> {
    match ctx
        .state()
        .app
        .reset_password(&token, &input.password, &input.confirmation)
        .await
    {
        Ok(()) => super::done::redirect("mot-de-passe-change"),
        Err(AppError::NotFound) => Ok(message(
            &ctx,
            "password-link-expired-title",
            "password-link-expired-text",
            ("/mot-de-passe-oublie", "forgot-title"),
            StatusCode::GONE,
        )),
        Err(e) => {
            let tr = ctx.tr();
            let form = new_password_view(&ctx, "reset", format!("/compte/reinitialiser/{token}"));
            form_error(
                &ctx,
                e,
                form,
                tr.t("reset-title"),
                Some(tr.t("password-set-lead")),
                Vec::new(),
            )
        }
    }
}
