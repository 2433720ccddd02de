//! The network's side of the API: circles, events and their registrations, a circle's
//! projects, and the national dashboard's figures.

use super::{ApiError, Page, Paging, page_from_rows, page_of, require};
use crate::AppState;
use crate::page::Ctx;
use axum::extract::{Path, Query};
use axum::routing::get;
use axum::{Json, Router};
use chrono::{DateTime, Utc};
use mentorat_domain::policy::{Action, Resource};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/circles", get(circles))
        .route("/api/v1/circles/{slug}", get(circle))
        .route("/api/v1/circles/{slug}/projects", get(circle_projects))
        .route("/api/v1/circles/{slug}/mentors", get(circle_mentors))
        .route("/api/v1/events", get(events))
        .route("/api/v1/events/{id}/registrations", get(registrations))
        .route("/api/v1/dashboard", get(dashboard))
}

/// A Cercle des Mentors, as its public page shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct Circle {
    pub slug: String,
    pub name: String,
    /// The commune key of its town (`60159`, `BE-51004`).
    pub commune_code: String,
    /// `planned`, `launching`, `active` or `paused`.
    pub status: String,
    pub active_mentors: i64,
    pub projects_supported: i64,
    pub editions: i64,
}

fn circle_body(s: &mentorat_app::public::CircleSummary) -> Circle {
    Circle {
        slug: s.circle.slug.to_string(),
        name: s.circle.name.clone(),
        commune_code: s.circle.commune_code.clone(),
        status: s.circle.status.as_str().to_owned(),
        active_mentors: s.active_mentors,
        projects_supported: s.projects_supported,
        editions: s.editions,
    }
}

/// The circles of the network, by slug.
#[utoipa::path(get, path = "/api/v1/circles", tag = "network", params(Paging),
    responses((status = 200, description = "A page of circles", body = Page<Circle>),
        (status = "default", description = "An error", body = super::Problem, content_type = "application/problem+json")))]
pub(super) async fn circles(
    ctx: Ctx,
    Query(paging): Query<Paging>,
) -> Result<Json<Page<Circle>>, ApiError> {
    let all = ctx.state().app.circles().await?;
    let items = all.iter().map(circle_body).collect();
    Ok(Json(page_of(items, |c| c.slug.clone(), &paging)?))
}

/// The circle of a slug; a slug no circle could have is simply not found.
async fn circle_of(ctx: &Ctx, slug: &str) -> Result<mentorat_app::public::CirclePage, ApiError> {
    if slug.is_empty()
        || slug.len() > 100
        || !slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return Err(ApiError::not_found());
    }
    Ok(ctx.state().app.circle_page(slug).await?)
}

/// One circle.
#[utoipa::path(get, path = "/api/v1/circles/{slug}", tag = "network",
    params(("slug" = String, Path, description = "The circle's slug")),
    responses((status = 200, description = "The circle", body = Circle),
        (status = "default", description = "An error", body = super::Problem, content_type = "application/problem+json")))]
pub(super) async fn circle(ctx: Ctx, Path(slug): Path<String>) -> Result<Json<Circle>, ApiError> {
    let page = circle_of(&ctx, &slug).await?;
    Ok(Json(circle_body(&page.summary)))
}

/// A public event (a founding conference, an edition of a circle…).
#[derive(Debug, Serialize, ToSchema)]
pub struct Event {
    pub id: Uuid,
    /// `conference`, `edition` or `other`.
    pub kind: String,
    pub title: String,
    pub starts_at: DateTime<Utc>,
    pub time_zone: String,
    pub duration_minutes: i64,
    pub venue: String,
    pub address: String,
    pub commune_code: String,
    pub capacity: i64,
    pub circle_id: Option<Uuid>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EventFilter {
    /// Only this circle's events (its slug).
    pub circle: Option<String>,
}

/// The upcoming events, soonest first.
#[utoipa::path(get, path = "/api/v1/events", tag = "network", params(Paging, EventFilter),
    responses((status = 200, description = "A page of events", body = Page<Event>),
        (status = "default", description = "An error", body = super::Problem, content_type = "application/problem+json")))]
pub(super) async fn events(
    ctx: Ctx,
    Query(paging): Query<Paging>,
    Query(filter): Query<EventFilter>,
) -> Result<Json<Page<Event>>, ApiError> {
    let app = &ctx.state().app;
    let limit = paging.limit()?;
    let circle_id = match filter.circle.as_deref() {
        Some(slug) => Some(circle_of(&ctx, slug).await?.summary.circle.id),
        None => None,
    };
    let after = match paging.after()? {
        None => None,
        Some(key) => Some(
            key.split_once('|')
                .and_then(|(at, id)| Some((at.parse().ok()?, id.parse().ok()?)))
                .ok_or(ApiError::invalid("cursor: not a cursor this API gave"))?,
        ),
    };
    let rows = app.events_after(circle_id, after, limit as u64 + 1).await?;
    let items = rows
        .into_iter()
        .map(|e| Event {
            id: e.id,
            kind: e.kind.as_str().to_owned(),
            title: e.title,
            starts_at: e.starts_at,
            time_zone: e.time_zone.as_str().to_owned(),
            duration_minutes: e.duration_minutes,
            venue: e.venue,
            address: e.address,
            commune_code: e.commune_code,
            capacity: e.capacity,
            circle_id: e.circle_id,
        })
        .collect();
    Ok(Json(page_from_rows(items, limit, |e: &Event| {
        format!("{}|{}", e.starts_at.to_rfc3339(), e.id)
    })))
}

/// A person registered for an event (organisers only: personal data).
#[derive(Debug, Serialize, ToSchema)]
pub struct Registration {
    pub id: Uuid,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
    /// `confirmed`, `waitlisted` or `cancelled`.
    pub status: String,
    pub attended: bool,
    pub created_at: DateTime<Utc>,
}

/// An event's registrations, for its organisers (its circle's coordinators, its host
/// association, the national team). Each read is in the access log.
#[utoipa::path(get, path = "/api/v1/events/{id}/registrations", tag = "network",
    params(("id" = Uuid, Path, description = "The event's id"), Paging),
    security(("token" = [])),
    responses((status = 200, description = "A page of registrations", body = Page<Registration>),
        (status = "default", description = "An error", body = super::Problem, content_type = "application/problem+json")))]
pub(super) async fn registrations(
    ctx: Ctx,
    Path(id): Path<String>,
    Query(paging): Query<Paging>,
) -> Result<Json<Page<Registration>>, ApiError> {
    let app = &ctx.state().app;
    let id: Uuid = id.parse().map_err(|_| ApiError::not_found())?;
    let limit = paging.limit()?;
    let after = paging.after_as::<Uuid>()?;
    let event = app.event_page(id).await?.event;
    let viewer = require(
        &ctx,
        Action::ManageEventRegistrations,
        &Resource::Event {
            circle_id: event.circle_id,
            partner_id: event.partner_id,
        },
    )?
    .id;
    let rows = app.registrations_after(id, after, limit as u64 + 1).await?;
    app.log_view(viewer, "registrations_viewed", id, id).await;
    let items = rows
        .into_iter()
        .map(|r| Registration {
            id: r.id,
            first_name: r.first_name,
            last_name: r.last_name,
            email: r.email,
            phone: r.phone,
            status: r.status.as_str().to_owned(),
            attended: r.attended,
            created_at: r.created_at,
        })
        .collect();
    Ok(Json(page_from_rows(items, limit, |r: &Registration| {
        r.id.to_string()
    })))
}

/// A porteur's project, as the circle's coordinators see it.
#[derive(Debug, Serialize, ToSchema)]
pub struct Project {
    pub id: Uuid,
    pub title: String,
    pub description: String,
    /// `submitted`, `needs_details`, `validated`, `matched` or `closed`.
    pub status: String,
    pub stage: String,
    pub commune_code: String,
    pub circle_id: Option<Uuid>,
    /// The porteur's first name and initial.
    pub porteur: String,
    pub remote: bool,
}

pub(super) fn project_body(p: mentorat_app::mentoring::ProjectRecord) -> Project {
    let initial: String = p.last_name.chars().take(1).collect();
    Project {
        id: p.id,
        title: p.title,
        description: p.description,
        status: p.status.as_str().to_owned(),
        stage: p.stage,
        commune_code: p.commune_code,
        circle_id: p.circle_id,
        porteur: format!("{} {initial}.", p.first_name),
        remote: p.remote,
    }
}

/// A circle's projects, for its coordinators and the national team. Each project read
/// is in the access log.
#[utoipa::path(get, path = "/api/v1/circles/{slug}/projects", tag = "mentoring",
    params(("slug" = String, Path, description = "The circle's slug"), Paging),
    security(("token" = [])),
    responses((status = 200, description = "A page of projects", body = Page<Project>),
        (status = "default", description = "An error", body = super::Problem, content_type = "application/problem+json")))]
pub(super) async fn circle_projects(
    ctx: Ctx,
    Path(slug): Path<String>,
    Query(paging): Query<Paging>,
) -> Result<Json<Page<Project>>, ApiError> {
    let app = &ctx.state().app;
    let limit = paging.limit()?;
    let after = paging.after_as::<Uuid>()?;
    let circle = circle_of(&ctx, &slug).await?.summary.circle;
    let viewer = require(&ctx, Action::ManageCircle, &Resource::Circle(circle.id))?.id;
    let rows = app
        .circle_projects_after(circle.id, after, limit as u64 + 1)
        .await?;
    for p in rows.iter().take(limit) {
        app.log_view(viewer, "mentee_viewed", p.mentee_id, p.id)
            .await;
    }
    let items = rows.into_iter().map(project_body).collect();
    Ok(Json(page_from_rows(items, limit, |p: &Project| {
        p.id.to_string()
    })))
}

/// A mentor's public profile: what porteurs see before any match, never an address.
#[derive(Debug, Serialize, ToSchema)]
pub struct Mentor {
    pub id: Uuid,
    /// First name and initial (« Zoé M. »).
    pub name: String,
    /// The commune key of where they live.
    pub commune_code: String,
    pub bio: String,
    /// Their fields' codes, most years of experience first.
    pub fields: Vec<String>,
    /// The languages they mentor in (`fr`, `en`…).
    pub languages: Vec<String>,
    /// They also mentor at a distance.
    pub remote: bool,
    /// Porteurs they can still take on.
    pub places_left: i64,
}

/// A circle's approved mentors, for its coordinators and the national team.
#[utoipa::path(get, path = "/api/v1/circles/{slug}/mentors", tag = "mentoring",
    params(("slug" = String, Path, description = "The circle's slug"), Paging),
    security(("token" = [])),
    responses((status = 200, description = "A page of mentors", body = Page<Mentor>),
        (status = "default", description = "An error", body = super::Problem, content_type = "application/problem+json")))]
pub(super) async fn circle_mentors(
    ctx: Ctx,
    Path(slug): Path<String>,
    Query(paging): Query<Paging>,
) -> Result<Json<Page<Mentor>>, ApiError> {
    let app = &ctx.state().app;
    let limit = paging.limit()?;
    let after = paging.after_as::<Uuid>()?;
    let circle = circle_of(&ctx, &slug).await?.summary.circle;
    require(&ctx, Action::ManageCircle, &Resource::Circle(circle.id))?;
    let (rows, mut fields) = app
        .circle_mentors_after(circle.id, after, limit as u64 + 1)
        .await?;
    let items = rows
        .into_iter()
        .map(|m| {
            let initial: String = m.last_name.chars().take(1).collect();
            Mentor {
                id: m.user_id,
                name: format!("{} {initial}.", m.first_name).trim().to_owned(),
                commune_code: m.commune_code,
                bio: m.bio,
                fields: fields.remove(&m.user_id).unwrap_or_default(),
                languages: m
                    .languages
                    .split(',')
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(str::to_owned)
                    .collect(),
                remote: m.remote,
                places_left: (m.capacity - m.active_mentees).max(0),
            }
        })
        .collect();
    Ok(Json(page_from_rows(items, limit, |m: &Mentor| {
        m.id.to_string()
    })))
}

/// The national dashboard's figures.
#[derive(Debug, Serialize, ToSchema)]
pub struct Dashboard {
    pub year: i64,
    pub approved_mentors: i64,
    pub target_mentors: i64,
    pub active_circles: i64,
    pub target_circles: i64,
    /// Towns with a circle.
    pub cities: i64,
}

/// The national dashboard's figures (the national team, as its page).
#[utoipa::path(get, path = "/api/v1/dashboard", tag = "network",
    security(("token" = [])),
    responses((status = 200, description = "The figures", body = Dashboard),
        (status = "default", description = "An error", body = super::Problem, content_type = "application/problem+json")))]
pub(super) async fn dashboard(ctx: Ctx) -> Result<Json<Dashboard>, ApiError> {
    require(&ctx, Action::ManageNetwork, &Resource::Platform)?;
    let d = ctx.state().app.dashboard().await?;
    Ok(Json(Dashboard {
        year: d.year,
        approved_mentors: d.approved_mentors,
        target_mentors: d.target_mentors,
        active_circles: d.active_circles,
        target_circles: d.target_circles,
        cities: d.cities,
    }))
}
