//! The page a finished action leads to (Post/Redirect/Get): what happened, in the
//! reader's language, and where to go next. The address names the action only —
//! nothing personal — so that a refresh, a bookmark or the back button repeats nothing.

use super::auth::message;
use crate::page::Ctx;
use crate::{AppState, WebError};
use axum::Router;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;

pub fn router() -> Router<AppState> {
    Router::new().route("/fait/{what}", get(show))
}

/// (the address's name, the heading's key, the text's key, (link, its label's key)).
type Done = (
    &'static str,
    &'static str,
    &'static str,
    (&'static str, &'static str),
);

const DONE: &[Done] = &[
    (
        "compte-cree",
        "sign-up-sent-title",
        "sign-up-sent-text",
        ("/connexion", "nav-sign-in"),
    ),
    (
        "candidature-envoyee",
        "applied-title",
        "applied-text",
        ("/mon-espace", "nav-space"),
    ),
    (
        "projet-envoye",
        "project-sent-title",
        "project-sent-text",
        ("/mon-espace", "nav-space"),
    ),
    (
        "lien-envoye",
        "forgot-sent-title",
        "forgot-sent-text",
        ("/connexion", "nav-sign-in"),
    ),
    (
        "mot-de-passe-change",
        "reset-done-title",
        "reset-done-text",
        ("/connexion", "nav-sign-in"),
    ),
    (
        "mot-de-passe-choisi",
        "password-set-done-title",
        "password-set-done-text",
        ("/connexion", "nav-sign-in"),
    ),
    (
        "inscription-annulee",
        "cancel-done-title",
        "cancel-done-text",
        ("/", "back-home"),
    ),
    (
        "consentement-donne",
        "consent-given-title",
        "consent-given-text",
        ("/", "back-home"),
    ),
    (
        "consentement-retire",
        "consent-withdrawn-title",
        "consent-withdrawn-text",
        ("/", "back-home"),
    ),
];

/// The 303 to the page that says `what` was done (one of [`DONE`]).
pub fn redirect(what: &'static str) -> Result<Response, WebError> {
    debug_assert!(DONE.iter().any(|d| d.0 == what), "{what}");
    Ok(Redirect::to(&format!("/fait/{what}")).into_response())
}

async fn show(ctx: Ctx, Path(what): Path<String>) -> Result<Response, WebError> {
    let (_, title, text, link) = DONE
        .iter()
        .find(|d| d.0 == what)
        .ok_or(WebError::NotFound)?;
    Ok(message(&ctx, title, text, *link, StatusCode::OK))
}
