//! The mentoring side of the API: who the token's owner is, their projects, requests
//! and relationships (never private notes nor messages), and one write: a goal added
//! to a relationship.

use super::network::{Project, project_body};
use super::{ApiError, Page, Paging, page_of, require, signed_in};
use crate::AppState;
use crate::page::Ctx;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::{DateTime, Utc};
use mentorat_domain::policy::{Action, Resource};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/me", get(me))
        .route("/api/v1/projects", get(projects))
        .route("/api/v1/requests", get(requests))
        .route("/api/v1/mentorships", get(mentorships))
        .route("/api/v1/mentorships/{id}", get(mentorship))
        .route("/api/v1/mentorships/{id}/goals", post(add_goal))
        .route("/api/v1/proposals/{id}", get(proposal))
}

/// A pair a batch proposal suggests: a project and a mentor, with its score.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProposedPair {
    pub project_id: Uuid,
    pub mentor_id: Uuid,
    pub score: i64,
    /// Taken out by a coordinator's review.
    pub removed: bool,
}

/// A batch matching proposal and a page of its pairs.
#[derive(Debug, Serialize, ToSchema)]
pub struct Proposal {
    pub id: Uuid,
    pub circle_id: Option<Uuid>,
    /// `draft` or `published`.
    pub status: String,
    pub total_score: i64,
    pub matched: i64,
    pub unmatched: i64,
    pub created_at: DateTime<Utc>,
    pub pairs: Page<ProposedPair>,
}

/// A batch matching proposal, for the coordinators of its circles and the national
/// team; its pairs a page at a time.
#[utoipa::path(get, path = "/api/v1/proposals/{id}", tag = "mentoring",
    params(("id" = Uuid, Path, description = "The proposal's id"), Paging),
    security(("token" = [])),
    responses((status = 200, description = "The proposal", body = Proposal),
        (status = "default", description = "An error", body = super::Problem, content_type = "application/problem+json")))]
pub(super) async fn proposal(
    ctx: Ctx,
    Path(id): Path<String>,
    Query(paging): Query<Paging>,
) -> Result<Json<Proposal>, ApiError> {
    signed_in(&ctx)?;
    let app = &ctx.state().app;
    let id: Uuid = id.parse().map_err(|_| ApiError::not_found())?;
    let limit = paging.limit()?;
    let offset: u64 = paging.after_as()?.unwrap_or(0);
    let record = app.proposal_record(id).await?;
    let circles = app.proposal_circles(&record).await?;
    if circles.is_empty() {
        require(&ctx, Action::ManageNetwork, &Resource::Platform)?;
    }
    for c in &circles {
        require(&ctx, Action::ManageCircle, &Resource::Circle(*c))?;
    }
    let (pairs, _) = app.proposal_page(id, offset, limit as u64 + 1).await?;
    let more = pairs.len() > limit;
    let items: Vec<ProposedPair> = pairs
        .into_iter()
        .take(limit)
        .map(|p| ProposedPair {
            project_id: p.project_id,
            mentor_id: p.mentor_id,
            score: p.score,
            removed: p.removed,
        })
        .collect();
    let next_cursor = more.then(|| super::encode_cursor(&(offset + limit as u64).to_string()));
    Ok(Json(Proposal {
        id: record.id,
        circle_id: record.circle_id,
        status: record.status.as_str().to_owned(),
        total_score: record.total_score,
        matched: record.matched,
        unmatched: record.unmatched,
        created_at: record.created_at,
        pairs: Page { items, next_cursor },
    }))
}

/// A role held: `national_team`, `coordinator` (of a circle), `partner` (member of an
/// association), `mentor` or `mentee`.
#[derive(Debug, Serialize, ToSchema)]
pub struct Role {
    pub role: String,
    pub circle_id: Option<Uuid>,
    pub partner_id: Option<Uuid>,
}

/// The token's owner.
#[derive(Debug, Serialize, ToSchema)]
pub struct Me {
    pub id: Uuid,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    /// `fr` or `en`.
    pub locale: String,
    pub roles: Vec<Role>,
}

/// Who is signed in (by the token or the session).
#[utoipa::path(get, path = "/api/v1/me", tag = "mentoring", security(("token" = [])),
    responses((status = 200, description = "The account", body = Me),
        (status = "default", description = "An error", body = super::Problem, content_type = "application/problem+json")))]
pub(super) async fn me(ctx: Ctx) -> Result<Json<Me>, ApiError> {
    let a = signed_in(&ctx)?;
    Ok(Json(Me {
        id: a.id,
        first_name: a.name.first().to_owned(),
        last_name: a.name.last().to_owned(),
        email: a.email.as_str().to_owned(),
        locale: a.locale.code().to_owned(),
        roles: a
            .roles
            .iter()
            .map(|g| Role {
                role: g.role.as_str().to_owned(),
                circle_id: g.circle_id,
                partner_id: g.partner_id,
            })
            .collect(),
    }))
}

/// The projects of the token's owner.
#[utoipa::path(get, path = "/api/v1/projects", tag = "mentoring", params(Paging),
    security(("token" = [])),
    responses((status = 200, description = "A page of projects", body = Page<Project>),
        (status = "default", description = "An error", body = super::Problem, content_type = "application/problem+json")))]
pub(super) async fn projects(
    ctx: Ctx,
    Query(paging): Query<Paging>,
) -> Result<Json<Page<Project>>, ApiError> {
    let me = signed_in(&ctx)?.id;
    let mut own = Vec::new();
    for p in ctx.state().app.projects_of(me).await? {
        let resource = Resource::Project {
            mentee_id: p.mentee_id,
            circle_id: p.circle_id,
        };
        require(&ctx, Action::UseOwnProject, &resource)?;
        own.push(project_body(p));
    }
    Ok(Json(page_of(own, |p| p.id.to_string(), &paging)?))
}

/// A request for mentoring made or received by the token's owner.
#[derive(Debug, Serialize, ToSchema)]
pub struct Request {
    pub id: Uuid,
    pub project_id: Uuid,
    pub mentor_id: Uuid,
    pub mentee_id: Uuid,
    /// The porteur's message to the mentor.
    pub message: String,
    /// `pending`, `accepted`, `declined`, `withdrawn` or `expired`.
    pub status: String,
    pub created_at: DateTime<Utc>,
}

/// The requests the token's owner made (as a porteur) or received (as a mentor).
#[utoipa::path(get, path = "/api/v1/requests", tag = "mentoring", params(Paging),
    security(("token" = [])),
    responses((status = 200, description = "A page of requests", body = Page<Request>),
        (status = "default", description = "An error", body = super::Problem, content_type = "application/problem+json")))]
pub(super) async fn requests(
    ctx: Ctx,
    Query(paging): Query<Paging>,
) -> Result<Json<Page<Request>>, ApiError> {
    let me = signed_in(&ctx)?.id;
    let mut items = Vec::new();
    for r in ctx.state().app.requests_of(me).await? {
        let resource = Resource::Request {
            mentor_id: r.mentor_id,
            mentee_id: r.mentee_id,
        };
        require(&ctx, Action::ViewRequest, &resource)?;
        items.push(Request {
            id: r.id,
            project_id: r.project_id,
            mentor_id: r.mentor_id,
            mentee_id: r.mentee_id,
            message: r.message,
            status: r.status.as_str().to_owned(),
            created_at: r.created_at,
        });
    }
    Ok(Json(page_of(items, |r| r.id.to_string(), &paging)?))
}

/// A mentoring relationship: the pair, its dates; never its private notes nor its
/// messages.
#[derive(Debug, Serialize, ToSchema)]
pub struct Mentorship {
    pub id: Uuid,
    pub project_id: Uuid,
    pub mentor_id: Uuid,
    pub mentee_id: Uuid,
    /// `active` or `closed`.
    pub status: String,
    pub started_at: DateTime<Utc>,
    pub last_meeting_on: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
}

fn mentorship_body(m: &mentorat_app::mentoring::MentorshipRecord) -> Mentorship {
    Mentorship {
        id: m.id,
        project_id: m.project_id,
        mentor_id: m.mentor_id,
        mentee_id: m.mentee_id,
        status: m.status.as_str().to_owned(),
        started_at: m.started_at,
        last_meeting_on: m.last_meeting_on,
        closed_at: m.closed_at,
    }
}

/// The relationships the token's owner is one of.
#[utoipa::path(get, path = "/api/v1/mentorships", tag = "mentoring", params(Paging),
    security(("token" = [])),
    responses((status = 200, description = "A page of relationships", body = Page<Mentorship>),
        (status = "default", description = "An error", body = super::Problem, content_type = "application/problem+json")))]
pub(super) async fn mentorships(
    ctx: Ctx,
    Query(paging): Query<Paging>,
) -> Result<Json<Page<Mentorship>>, ApiError> {
    let me = signed_in(&ctx)?.id;
    let mut items = Vec::new();
    for m in ctx.state().app.mentorships_of(me).await? {
        let resource = Resource::Mentorship {
            mentor_id: m.mentor_id,
            mentee_id: m.mentee_id,
            circle_id: None,
        };
        require(&ctx, Action::ViewMentorship, &resource)?;
        items.push(mentorship_body(&m));
    }
    Ok(Json(page_of(items, |m| m.id.to_string(), &paging)?))
}

/// One relationship, for the pair, the circle's coordinators and the national team
/// (a read by someone outside the pair is in the access log).
#[utoipa::path(get, path = "/api/v1/mentorships/{id}", tag = "mentoring",
    params(("id" = Uuid, Path, description = "The relationship's id")),
    security(("token" = [])),
    responses((status = 200, description = "The relationship", body = Mentorship),
        (status = "default", description = "An error", body = super::Problem, content_type = "application/problem+json")))]
pub(super) async fn mentorship(
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<Mentorship>, ApiError> {
    let (viewer, sheet) = visible(&ctx, &id).await?;
    let app = &ctx.state().app;
    let r = &sheet.record;
    app.log_view(viewer, "mentorship_viewed", r.mentor_id, r.id)
        .await;
    app.log_view(viewer, "mentorship_viewed", r.mentee_id, r.id)
        .await;
    Ok(Json(mentorship_body(r)))
}

async fn visible(
    ctx: &Ctx,
    id: &str,
) -> Result<(Uuid, mentorat_app::mentoring::MentorshipSheet), ApiError> {
    let viewer = signed_in(ctx)?.id;
    let id: Uuid = id.parse().map_err(|_| ApiError::not_found())?;
    let sheet = ctx.state().app.mentorship_sheet(id).await?;
    let resource = Resource::Mentorship {
        mentor_id: sheet.record.mentor_id,
        mentee_id: sheet.record.mentee_id,
        circle_id: sheet.circle_id,
    };
    // Outside the pair and its coordinators the relationship does not exist.
    require(ctx, Action::ViewMentorship, &resource).map_err(|e| match e.status {
        StatusCode::FORBIDDEN => ApiError::not_found(),
        _ => e,
    })?;
    Ok((viewer, sheet))
}

/// A goal to add to a relationship.
#[derive(Debug, Deserialize, ToSchema)]
pub struct NewGoal {
    /// 1 to 200 characters.
    #[schema(min_length = 1, max_length = 200)]
    pub title: String,
}

/// Adds a goal to one of the token owner's relationships (a read-write token).
#[utoipa::path(post, path = "/api/v1/mentorships/{id}/goals", tag = "mentoring",
    params(("id" = Uuid, Path, description = "The relationship's id")),
    request_body(content = NewGoal, content_type = "application/json"),
    security(("token" = [])),
    responses((status = 204, description = "The goal is added"),
        (status = "default", description = "An error", body = super::Problem, content_type = "application/problem+json")))]
pub(super) async fn add_goal(
    ctx: Ctx,
    Path(id): Path<String>,
    body: axum::body::Bytes,
) -> Result<StatusCode, ApiError> {
    // Who may comes first; then what is sent.
    let (viewer, sheet) = visible(&ctx, &id).await?;
    let goal: NewGoal = serde_json::from_slice(&body)
        .map_err(|_| ApiError::invalid("body: a JSON object with a `title`"))?;
    ctx.state()
        .app
        .add_goal(viewer, &sheet.record, &goal.title)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
