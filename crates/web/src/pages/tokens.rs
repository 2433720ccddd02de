//! « Mes jetons d'API » in « Mon compte »: a person makes a personal token (shown once),
//! sees their tokens (never the secrets) and revokes one, confirmed.

use super::account::own;
use super::confirm::{self, Confirmation};
use crate::page::{Ctx, Page};
use crate::{AppState, WebError};
use askama::Template;
use axum::Router;
use axum::extract::{Form, Path};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use mentorat_app::AppError;
use mentorat_app::api_tokens::LIFETIMES;
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/compte/jetons", get(tokens).post(create))
        .route("/compte/jetons/{id}/revoquer", post(revoke))
}

struct TokenLine {
    id: String,
    label: String,
    scope: String,
    created: String,
    expires: String,
    /// The day it was last used, or « Jamais ».
    used: String,
    state: String,
    live: bool,
}

#[derive(Template)]
#[template(path = "pages/tokens.html")]
struct TokensTemplate<'a> {
    page: Page<'a>,
    tokens: Vec<TokenLine>,
    /// The secret just made, shown this once.
    secret: Option<String>,
    error: Option<String>,
    label: String,
    /// (value, label, chosen)
    scopes: Vec<(&'static str, String, bool)>,
    days: String,
    lifetimes: Vec<(String, String)>,
}

#[derive(Deserialize, Default)]
struct NewToken {
    #[serde(default)]
    label: String,
    #[serde(default)]
    scope: String,
    #[serde(default)]
    days: String,
}

async fn render(
    ctx: &Ctx,
    secret: Option<String>,
    error: Option<String>,
    typed: NewToken,
) -> Result<Response, WebError> {
    let account = own(ctx)?;
    let tr = ctx.tr();
    let now = ctx.state().app.now();
    let tokens = ctx
        .state()
        .app
        .api_tokens(account.id)
        .await?
        .into_iter()
        .map(|t| {
            let live = t.revoked_at.is_none() && t.expires_at > now;
            TokenLine {
                id: t.id.to_string(),
                label: t.label,
                scope: tr.t(&format!("api-tokens-scope-{}", t.scope)),
                created: tr.date(&t.created_at.date_naive()),
                expires: tr.date(&t.expires_at.date_naive()),
                used: t
                    .last_used_on
                    .as_deref()
                    .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                    .map(|d| tr.date(&d))
                    .unwrap_or_else(|| tr.t("api-tokens-never-used")),
                state: tr.t(if t.revoked_at.is_some() {
                    "api-tokens-revoked"
                } else if live {
                    "api-tokens-live"
                } else {
                    "api-tokens-expired"
                }),
                live,
            }
        })
        .collect();
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let shown = secret.is_some();
    let mut response = super::render(&TokensTemplate {
        page: ctx.page(tr.t("api-tokens-title")),
        tokens,
        secret,
        error,
        label: typed.label,
        scopes: ["read", "read_write"]
            .into_iter()
            .map(|s| {
                let chosen = typed.scope == s || (typed.scope.is_empty() && s == "read");
                (s, tr.t(&format!("api-tokens-scope-{s}")), chosen)
            })
            .collect(),
        days: if typed.days.is_empty() {
            "90".to_owned()
        } else {
            typed.days
        },
        lifetimes: LIFETIMES
            .iter()
            .map(|d| (d.to_string(), tr.tn("api-tokens-days-option", "days", *d)))
            .collect(),
    });
    *response.status_mut() = status;
    if shown {
        // The secret must stay in no cache.
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    Ok(response)
}

async fn tokens(ctx: Ctx) -> Result<Response, WebError> {
    render(&ctx, None, None, NewToken::default()).await
}

async fn create(ctx: Ctx, Form(input): Form<NewToken>) -> Result<Response, WebError> {
    let account = own(&ctx)?;
    match ctx
        .state()
        .app
        .create_api_token(account.id, &input.label, &input.scope, &input.days)
        .await
    {
        Ok(secret) => render(&ctx, Some(secret), None, NewToken::default()).await,
        Err(AppError::Invalid { key, .. }) => {
            let message = ctx.tr().t(key);
            render(&ctx, None, Some(message), input).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn revoke(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(c): Form<Confirmation>,
) -> Result<Response, WebError> {
    let account = own(&ctx)?;
    let id: uuid::Uuid = id.parse().map_err(|_| WebError::NotFound)?;
    if !c.given() {
        return Ok(confirm::ask(
            &ctx,
            &format!("/compte/jetons/{id}/revoquer"),
            ctx.tr().t("api-tokens-revoke-confirm"),
            Vec::new(),
            "/compte/jetons",
        ));
    }
    ctx.state().app.revoke_api_token(account.id, id).await?;
    Ok(Redirect::to("/compte/jetons?avis=jeton-revoque").into_response())
}
