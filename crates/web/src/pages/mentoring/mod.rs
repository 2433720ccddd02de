//! Mentoring pages: becoming a mentor, presenting a project (with a parent's consent
//! under 15), one's own space (projects, requests, relationships), the directory, the
//! relationship itself, and the coordinators' pages (vetting, validating, following).

mod consent;
mod coordination;
mod directory;
mod fields;
mod journey;
mod mentorship;
mod proposals;
mod queues;
mod relationship;
mod space;
mod volunteers;
mod weights;

use consent::*;
use coordination::*;
use directory::*;
use fields::*;
use journey::*;
use mentorship::*;
use proposals::*;
use queues::*;
use relationship::*;
use space::*;
use volunteers::*;
use weights::*;

use super::admin::{PAGE_SIZE, PageQuery, Pager, pager};
use super::{auth, render};
use crate::error::{done_or_overtaken, refusal};
use crate::page::{Ctx, Page};
use crate::{AppState, WebError};
use askama::Template;
use axum::extract::{Path, Query, RawForm};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use mentorat_app::AppError;
use mentorat_app::mentoring::{MeetingForm, MentorForm, MentorProfile, ProjectForm, ProjectRecord};
use mentorat_domain::mentoring::{DECLINE_REASONS, LANGUAGES, STAGES};
use mentorat_domain::policy::{Action, Resource, Scope};
use mentorat_domain::territory::Proximity;
use mentorat_domain::{PersonName, ProjectStatus};
use serde::Deserialize;
use uuid::Uuid;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/devenir-mentor", get(become_mentor).post(apply))
        .route(
            "/devenir-mentor/invitation/{secret}",
            get(invitation).post(apply_invited),
        )
        .route("/trouver-un-mentor", get(find_mentor).post(submit_project))
        .route(
            "/consentement/{token}",
            get(consent_page).post(give_consent),
        )
        .route("/consentement/{token}/retirer", post(withdraw_consent))
        .route(
            "/mon-espace/projets/{id}/accord/retirer",
            post(withdraw_minor_consent),
        )
        .route("/mon-espace", get(space))
        .route("/annuaire", get(directory))
        .route("/annuaire/demande", post(ask))
        .route("/demandes/{id}", get(request_page))
        .route("/demandes/{id}/reponse", post(answer))
        .route("/demandes/{id}/retirer", post(withdraw))
        .route("/mentorats/{id}", get(mentorship))
        .route("/mentorats/{id}/rencontres", post(log_meeting))
        .route(
            "/mentorats/{id}/messages",
            get(thread_page).post(post_message),
        )
        .route("/mentorats/{id}/signalement", post(report))
        .route("/mentorats/{id}/revue", post(review_relationship))
        .route(
            "/mentorats/{id}/point",
            get(checkin_page).post(relationship::answer_checkin),
        )
        .route("/mon-espace/profil", get(profile_page).post(save_profile))
        .route("/mon-espace/pause", post(pause))
        .route("/mon-espace/reprise", post(resume))
        .route("/mon-espace/attestation", get(certificate))
        .route("/mon-espace/attestation.pdf", get(certificate_pdf))
        .route("/admin/benevolat", get(hours_page))
        .route("/admin/benevolat.csv", get(hours_csv))
        .route("/mentorats/{id}/cloture", post(close))
        .route("/mentorats/{id}/avis", post(feedback))
        .route("/mentorats/{id}/objectifs", post(add_goal))
        .route("/mentorats/{id}/objectifs/{goal}", post(set_goal))
        .route("/coordination/appariements", post(propose))
        .route(
            "/coordination/candidatures.csv",
            get(|ctx: Ctx| queue_csv(ctx, WholeQueue::Applications)),
        )
        .route(
            "/coordination/projets-a-relire.csv",
            get(|ctx: Ctx| queue_csv(ctx, WholeQueue::ToReview)),
        )
        .route(
            "/coordination/porteurs-en-attente.csv",
            get(|ctx: Ctx| queue_csv(ctx, WholeQueue::Waiting)),
        )
        .route(
            "/coordination/mentors.csv",
            get(|ctx: Ctx| queue_csv(ctx, WholeQueue::Mentors)),
        )
        .route("/coordination/appariements/{id}", get(proposal_page))
        .route(
            "/coordination/appariements/{id}/appariements.csv",
            get(proposals::proposal_csv),
        )
        .route("/coordination/appariements/{id}/retirer", post(remove_pair))
        .route("/coordination/appariements/{id}/publier", post(publish))
        .route(
            "/coordination/appariements/{id}/recalculer",
            post(recompute),
        )
        .route("/admin/domaines", get(domains_page))
        .route("/admin/domaines/{code}", post(edit_domain))
        .route("/coordination", get(coordination))
        .route("/coordination/suivi", get(follow_up))
        .route(
            "/coordination/ponderations/{id}",
            get(weights_page).post(save_weights),
        )
        .route(
            "/coordination/ponderations/{id}/defaut",
            post(reset_weights),
        )
        .route("/coordination/mentors/{id}", get(vetting_page).post(vet))
        .route("/coordination/projets/{id}", get(record_page).post(review))
}

fn me(ctx: &Ctx) -> Result<Uuid, WebError> {
    ctx.account().map(|a| a.id).ok_or_else(|| WebError::SignIn {
        back_to: ctx.path.clone(),
    })
}

fn id_of(raw: &str) -> Result<Uuid, WebError> {
    raw.parse().map_err(|_| WebError::NotFound)
}

/// Decodes a form that repeats keys (checkbox lists) into pairs.
fn pairs(raw: &[u8]) -> Vec<(String, String)> {
    form_urlencoded::parse(raw)
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

fn one(fields: &[(String, String)], key: &str) -> String {
    fields
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.clone())
        .unwrap_or_default()
}

fn all(fields: &[(String, String)], key: &str) -> Vec<String> {
    fields
        .iter()
        .filter(|(k, _)| k == key)
        .map(|(_, v)| v.clone())
        .collect()
}

/// The names of the languages of a stored list (« fr,ar »), in the reader's language.
fn language_names(tr: &mentorat_app::i18n::Tr<'_>, list: &str) -> String {
    list.split(',')
        .filter(|l| LANGUAGES.contains(l))
        .map(|l| tr.t(&format!("language-{l}")))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A page that may come back with a refusal: 422 when `refused`, else 200.
fn render_with(template: &impl Template, refused: bool) -> Response {
    let mut response = render(template);
    if refused {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    response
}

/// A use case's refusal as the field it concerns and its message in the user's
/// language, for the mentoring forms (see `error::refusal`).
fn error_of(ctx: &Ctx, e: AppError) -> Result<(String, String), WebError> {
    let r = refusal(e)?;
    Ok((r.field.to_owned(), ctx.tr().t(r.key)))
}
