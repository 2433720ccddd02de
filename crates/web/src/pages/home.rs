//! The public home page: what mentoring is, the founding conference, the next events
//! and the circles of the network.

use super::views::{CircleView, EventView};
use crate::cache::{Audience, HTML};
use crate::page::{Ctx, Page};
use crate::{AppState, WebError};
use askama::Template;
use axum::Router;
use axum::response::Response;
use axum::routing::get;
use mentorat_app::public::{TARGET_CIRCLES, TARGET_MENTORS};

pub fn router() -> Router<AppState> {
    Router::new().route("/", get(home))
}

#[derive(Template)]
#[template(path = "pages/home.html")]
struct HomeTemplate<'a> {
    page: Page<'a>,
    events: Vec<EventView>,
    circles: Vec<CircleView>,
    approved_mentors: i64,
    active_circles: i64,
    target_mentors: i64,
    target_circles: i64,
}

async fn home(ctx: Ctx) -> Result<Response, WebError> {
    crate::cache::public(&ctx, "/", Audience::Anyone, HTML, render_home).await
}

async fn render_home(ctx: &Ctx) -> Result<String, WebError> {
    let overview = ctx.state().app.overview().await?;
    let tr = ctx.tr();
    super::render_string(&HomeTemplate {
        page: ctx.page(tr.t("home-title")),
        events: overview
            .upcoming
            .iter()
            .map(|u| EventView::upcoming(tr, u))
            .collect(),
        circles: overview
            .circles
            .iter()
            .map(|c| CircleView::new(tr, c))
            .collect(),
        approved_mentors: overview.approved_mentors,
        active_circles: overview.active_circles,
        target_mentors: TARGET_MENTORS,
        target_circles: TARGET_CIRCLES,
    })
}
