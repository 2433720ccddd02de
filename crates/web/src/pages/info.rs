//! The first steps of the two journeys of the home page, « Devenir mentor » and
//! « Trouver un mentor pour mon projet »: what happens, and where to go now (the nearest
//! circle, the next conference, an account). The application forms come with the
//! mentors-and-projects work.

use crate::AppState;
use crate::page::{Ctx, Page};
use askama::Template;
use axum::Router;
use axum::response::Response;
use axum::routing::get;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/devenir-mentor", get(mentor))
        .route("/trouver-un-mentor", get(mentee))
}

#[derive(Template)]
#[template(path = "pages/info.html")]
struct InfoTemplate<'a> {
    page: Page<'a>,
    heading: String,
    paragraphs: Vec<String>,
    steps: Vec<String>,
}

fn render(ctx: &Ctx, prefix: &str) -> Response {
    let tr = ctx.tr();
    super::render(&InfoTemplate {
        page: ctx.page(tr.t(&format!("{prefix}-title"))),
        heading: tr.t(&format!("{prefix}-title")),
        paragraphs: (1..=2).map(|i| tr.t(&format!("{prefix}-p{i}"))).collect(),
        steps: (1..=3)
            .map(|i| tr.t(&format!("{prefix}-step{i}")))
            .collect(),
    })
}

async fn mentor(ctx: Ctx) -> Response {
    render(&ctx, "become-mentor")
}

async fn mentee(ctx: Ctx) -> Response {
    render(&ctx, "find-mentor")
}
