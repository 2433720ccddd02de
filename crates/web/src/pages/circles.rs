//! Public circle pages: the list of Cercles des Mentors and one page per circle.

use super::views::{CircleView, EventView};
use crate::cache::{Audience, HTML};
use crate::page::{Ctx, Page};
use crate::{AppState, WebError};
use askama::Template;
use axum::Router;
use axum::extract::Path;
use axum::response::Response;
use axum::routing::get;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/cercles", get(list))
        .route("/cercles/{slug}", get(show))
}

#[derive(Template)]
#[template(path = "pages/circles.html")]
struct ListTemplate<'a> {
    page: Page<'a>,
    circles: Vec<CircleView>,
}

async fn list(ctx: Ctx) -> Result<Response, WebError> {
    crate::cache::public(
        &ctx,
        "/cercles",
        Audience::Anyone,
        HTML,
        async |ctx: &Ctx| {
            let circles = ctx.state().app.circles().await?;
            let tr = ctx.tr();
            super::render_string(&ListTemplate {
                page: ctx.page(tr.t("circles-title")),
                circles: circles.iter().map(|c| CircleView::new(tr, c)).collect(),
            })
        },
    )
    .await
}

struct EditionView {
    ordinal: String,
    date: String,
    venue: String,
    new_mentors: i64,
}

#[derive(Template)]
#[template(path = "pages/circle.html")]
struct ShowTemplate<'a> {
    page: Page<'a>,
    circle: CircleView,
    /// The circle's address name, for its calendar feed.
    slug: String,
    editions: Vec<EditionView>,
    events: Vec<EventView>,
}

async fn show(ctx: Ctx, Path(slug): Path<String>) -> Result<Response, WebError> {
    let key = format!("/cercles/{slug}");
    crate::cache::public(&ctx, &key, Audience::Anyone, HTML, async |ctx: &Ctx| {
        render_show(ctx, &slug).await
    })
    .await
}

async fn render_show(ctx: &Ctx, slug: &str) -> Result<String, WebError> {
    let data = ctx.state().app.circle_page(slug).await?;
    let tr = ctx.tr();
    let circle = CircleView::new(tr, &data.summary);
    let names = (circle.name.as_str(), data.summary.circle.slug.as_str());
    super::render_string(&ShowTemplate {
        page: ctx.page(tr.of_place("circle-title", &circle.name)),
        editions: data
            .editions
            .iter()
            .map(|e| EditionView {
                ordinal: tr.tn("edition-ordinal", "number", e.number),
                date: tr.date(&e.held_on),
                venue: e.venue.clone(),
                new_mentors: e.new_mentors,
            })
            .collect(),
        events: data
            .upcoming
            .iter()
            .map(|e| EventView::new(tr, e, Some(names)))
            .collect(),
        slug: data.summary.circle.slug.as_str().to_owned(),
        circle,
    })
}
