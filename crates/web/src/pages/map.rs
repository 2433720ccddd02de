//! `GET /map.svg`: the circles of the network on a map of mainland France by
//! département, each circle numbered like the list shown next to the map and coloured
//! (and shaped) by status. Belgian circles are placed by the same projection, just
//! across the northern border.

use super::views::status_key;
use crate::cache::Audience;
use crate::page::Ctx;
use crate::{AppState, WebError};
use askama::Template;
use axum::Router;
use axum::http::{HeaderValue, header};
use axum::response::Response;
use axum::routing::get;
use mentorat_app::public::CircleSummary;
use mentorat_app::territories::{MAP_DEPARTEMENTS, map_projection, territories};
use std::sync::OnceLock;

pub fn router() -> Router<AppState> {
    Router::new().route("/map.svg", get(map))
}

struct DepartementPath {
    title: String,
    d: &'static str,
}

fn departement_paths() -> &'static [DepartementPath] {
    static PATHS: OnceLock<Vec<DepartementPath>> = OnceLock::new();
    PATHS.get_or_init(|| {
        MAP_DEPARTEMENTS
            .lines()
            .skip(1)
            .filter_map(|line| {
                let mut fields = line.splitn(3, '\t');
                let (code, name, d) = (fields.next()?, fields.next()?, fields.next()?);
                Some(DepartementPath {
                    title: format!("{name} ({code})"),
                    d,
                })
            })
            .collect()
    })
}

pub struct Marker {
    pub number: usize,
    pub x: String,
    pub y: String,
    pub status: &'static str,
    pub label: String,
}

/// The circles that have a known commune, numbered in list order.
pub fn markers(ctx: &Ctx, circles: &[CircleSummary]) -> Vec<Marker> {
    let projection = map_projection();
    let tr = ctx.tr();
    circles
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let commune = territories().commune(&c.circle.commune_code)?;
            let point = projection.project(commune.position);
            Some(Marker {
                number: i + 1,
                x: format!("{:.1}", point.x),
                y: format!("{:.1}", point.y),
                status: c.circle.status.as_str(),
                label: format!(
                    "{} — {}",
                    tr.of_place("circle-title", &c.circle.name),
                    tr.t(status_key(c.circle.status))
                ),
            })
        })
        .collect()
}

#[derive(Template)]
#[template(path = "pages/map.svg")]
struct MapTemplate {
    title: String,
    description: String,
    departements: &'static [DepartementPath],
    markers: Vec<Marker>,
}

async fn map(ctx: Ctx) -> Result<Response, WebError> {
    let mut response = crate::cache::public(
        &ctx,
        "/map.svg",
        Audience::Everyone,
        "image/svg+xml; charset=utf-8",
        render_map,
    )
    .await?;
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=300"),
    );
    Ok(response)
}

async fn render_map(ctx: &Ctx) -> Result<String, WebError> {
    let circles = ctx.state().app.circles().await?;
    let markers = markers(ctx, &circles);
    let tr = ctx.tr();
    let description = markers
        .iter()
        .map(|m| format!("{}. {}", m.number, m.label))
        .collect::<Vec<_>>()
        .join(" ; ");
    super::render_string(&MapTemplate {
        title: tr.t("map-title"),
        description: if description.is_empty() {
            tr.t("circles-empty")
        } else {
            description
        },
        departements: departement_paths(),
        markers,
    })
}
