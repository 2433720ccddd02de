//! `GET /api/v1/communes?q=…` (search) and `GET /api/v1/communes/{code}` (details).

use super::ApiError;
use crate::AppState;
use axum::extract::{Path, Query, State};
use axum::routing::get;
use axum::{Json, Router};
use mentorat_domain::territory::{Country, EpciKind, Hit, Position};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/communes", get(search))
        .route("/api/v1/communes/{code}", get(detail))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(super) struct SearchParams {
    /// What was typed: a name, a postal code, an INSEE code.
    #[serde(default)]
    q: String,
    /// How many results (10 when absent).
    #[param(minimum = 0)]
    limit: Option<usize>,
}

#[derive(Serialize, ToSchema)]
pub struct Named {
    pub code: String,
    pub name: String,
}

#[derive(Serialize, ToSchema)]
pub struct SearchResult {
    /// The commune key to store (`60159`, `BE-51004`).
    pub code: String,
    pub name: String,
    /// What matched: the commune, or one of its arrondissements.
    pub label: String,
    pub postal_codes: Vec<String>,
    pub departement: Option<Named>,
    #[schema(value_type = String)]
    pub country: Country,
}

#[derive(Serialize, ToSchema)]
pub(super) struct SearchResponse {
    query: String,
    results: Vec<SearchResult>,
}

pub fn search_result(hit: &Hit<'_>) -> SearchResult {
    let t = mentorat_app::territories::territories();
    let c = hit.commune;
    SearchResult {
        code: c.key(),
        name: c.name.clone(),
        label: hit.label().to_owned(),
        postal_codes: hit.postal_codes().to_vec(),
        departement: t.departement_of(c).map(|d| Named {
            code: d.code.clone(),
            name: d.name.clone(),
        }),
        country: c.country,
    }
}

/// Communes of France and Belgium matching what was typed.
#[utoipa::path(get, path = "/api/v1/communes", tag = "territories", params(SearchParams),
    responses((status = 200, description = "The communes found", body = SearchResponse),
        (status = "default", description = "An error", body = super::Problem, content_type = "application/problem+json")))]
pub(super) async fn search(
    State(state): State<AppState>,
    Query(params): Query<SearchParams>,
) -> Json<SearchResponse> {
    let hits = state
        .app
        .search_communes(&params.q, params.limit.unwrap_or(10));
    Json(SearchResponse {
        results: hits.iter().map(search_result).collect(),
        query: params.q,
    })
}

#[derive(Serialize, ToSchema)]
struct Intercommunality {
    code: String,
    name: String,
    #[schema(value_type = String)]
    kind: EpciKind,
}

#[derive(Serialize, ToSchema)]
struct PositionBody {
    lat: f64,
    lon: f64,
    approximate: bool,
}

#[derive(Serialize, ToSchema)]
struct CircleRef {
    slug: String,
    name: String,
    status: &'static str,
}

#[derive(Serialize, ToSchema)]
pub(super) struct CommuneBody {
    code: String,
    /// INSEE (France) or NIS (Belgium) code, without prefix.
    official_code: String,
    name: String,
    name_nl: Option<String>,
    #[schema(value_type = String)]
    country: Country,
    postal_codes: Vec<String>,
    population: u32,
    intercommunality: Option<Intercommunality>,
    departement: Option<Named>,
    region: Option<Named>,
    position: PositionBody,
    /// The Cercle des Mentors that covers this commune, if any.
    circle: Option<CircleRef>,
}

/// A commune with its intercommunality, département, région and circle.
#[utoipa::path(get, path = "/api/v1/communes/{code}", tag = "territories",
    params(("code" = String, Path, description = "The commune key (`60159`, `BE-51004`)")),
    responses((status = 200, description = "The commune", body = CommuneBody),
        (status = "default", description = "An error", body = super::Problem, content_type = "application/problem+json")))]
pub(super) async fn detail(
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> Result<Json<CommuneBody>, ApiError> {
    let d = state.app.commune_detail(&code).await?;
    let c = d.commune;
    let Position { lat, lon } = c.position;
    Ok(Json(CommuneBody {
        code: c.key(),
        official_code: c.code.clone(),
        name: c.name.clone(),
        name_nl: c.name_nl.clone(),
        country: c.country,
        postal_codes: c.postal_codes.clone(),
        population: c.population,
        intercommunality: d.epci.map(|e| Intercommunality {
            code: e.code.clone(),
            name: e.name.clone(),
            kind: e.kind,
        }),
        departement: d.departement.map(|x| Named {
            code: x.code.clone(),
            name: x.name.clone(),
        }),
        region: d.region.map(|x| Named {
            code: x.code.clone(),
            name: x.name.clone(),
        }),
        position: PositionBody {
            lat,
            lon,
            approximate: c.approximate,
        },
        circle: d.circle.map(|circle| CircleRef {
            slug: circle.slug.to_string(),
            name: circle.name,
            status: circle.status.as_str(),
        }),
    }))
}
