//! `GET /communes?q=…`: find one's commune and the circle that covers it. A plain form
//! that works without JavaScript; `app.js` turns the field into an autocomplete fed by
//! `/api/v1/communes`. The same field is the place picker of every form.

use crate::page::{Ctx, Page};
use crate::{AppState, WebError};
use askama::Template;
use axum::Router;
use axum::extract::Query;
use axum::response::Response;
use axum::routing::get;
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new().route("/communes", get(search))
}

#[derive(Deserialize)]
struct Params {
    #[serde(default)]
    q: String,
}

struct ResultView {
    label: String,
    postal_codes: String,
    place: String,
    circle_name: Option<String>,
    circle_href: Option<String>,
}

#[derive(Template)]
#[template(path = "pages/communes.html")]
struct SearchTemplate<'a> {
    page: Page<'a>,
    query: String,
    results: Vec<ResultView>,
}

async fn search(ctx: Ctx, Query(params): Query<Params>) -> Result<Response, WebError> {
    let app = &ctx.state().app;
    let query = params.q.trim().chars().take(100).collect::<String>();
    let territories = mentorat_app::territories::territories();
    let mut results = Vec::new();
    for hit in app.search_communes(&query, 10) {
        let circle = app.circle_for_commune(hit.commune).await?;
        let place = [
            territories
                .departement_of(hit.commune)
                .map(|d| d.name.clone()),
            Some(ctx.tr().t(match hit.commune.country {
                mentorat_domain::territory::Country::Fr => "country-fr",
                mentorat_domain::territory::Country::Be => "country-be",
            })),
        ];
        results.push(ResultView {
            label: hit.label().to_owned(),
            postal_codes: hit.postal_codes().join(", "),
            place: place.into_iter().flatten().collect::<Vec<_>>().join(", "),
            circle_name: circle.as_ref().map(|c| c.name.clone()),
            circle_href: circle.as_ref().map(|c| format!("/cercles/{}", c.slug)),
        });
    }
    let tr = ctx.tr();
    Ok(super::render(&SearchTemplate {
        page: ctx.page(tr.t("communes-title")),
        query,
        results,
    }))
}
