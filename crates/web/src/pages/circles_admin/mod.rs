//! The back office of circles: the national team creates circles, moves them along
//! their life cycle, extends their territory and names coordinators; coordinators and
//! the national team record editions and schedule or cancel events.

mod events;
mod launches;
mod list;
mod office;
mod partners;
mod people;

use events::*;
use launches::*;
use list::*;
use office::*;
use partners::*;
use people::*;

use super::forms::{Field, FormView};
use super::{auth, render, views};
use crate::error::done_or_overtaken;
use crate::page::{Ctx, Page};
use crate::{AppState, WebError};
use askama::Template;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use mentorat_app::AppError;
use mentorat_app::circles_admin::{CircleOffice, EventForm, NewCircleForm};
use mentorat_domain::policy::{Action, Resource};
use mentorat_domain::{Circle, CircleStatus};
use serde::Deserialize;
use uuid::Uuid;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/cercles", get(list).post(create))
        .route("/admin/cercles.csv", get(list_csv))
        .route("/admin/lancements", get(launches))
        .route("/admin/lancements.csv", get(launches_csv))
        .route("/admin/cercles/{slug}", get(office))
        .route("/admin/cercles/{slug}/mentors", get(circle_mentors))
        .route("/admin/cercles/{slug}/projets", get(circle_projects))
        .route("/admin/cercles/{slug}/mentors.csv", get(circle_mentors_csv))
        .route(
            "/admin/cercles/{slug}/projets.csv",
            get(circle_projects_csv),
        )
        .route("/admin/cercles/{slug}/etat", post(set_status))
        .route("/admin/cercles/{slug}/territoire", post(extend))
        .route("/admin/cercles/{slug}/editions", post(add_edition))
        .route("/admin/cercles/{slug}/coordinateurs", post(grant))
        .route(
            "/admin/cercles/{slug}/coordinateurs/{user}/retirer",
            post(revoke),
        )
        .route(
            "/admin/evenements/nouveau",
            get(new_event_form).post(new_event),
        )
        .route("/evenements/{id}/annuler-evenement", post(cancel_event))
        .route("/admin/partenaires/{slug}", get(partner))
        .route("/admin/partenaires/{slug}/membres", post(add_member))
}

fn actor(ctx: &Ctx) -> Uuid {
    ctx.account().map(|a| a.id).unwrap_or_default()
}
