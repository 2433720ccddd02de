//! The API's OpenAPI 3.1 document, generated from the handlers' annotations
//! (`/api/v1/openapi.json`), and a readable page made from it by the binary itself
//! (`/api/v1/docs`): no outside viewer, no script.

use crate::AppState;
use crate::page::{Ctx, Page};
use askama::Template;
use axum::Router;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde_json::Value;
use std::sync::OnceLock;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/openapi.json", get(document))
        .route("/api/v1/docs", get(page))
}

struct TokenScheme;

impl Modify for TokenScheme {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let mut http = Http::new(HttpAuthScheme::Bearer);
        http.bearer_format = Some("mentorat_…".to_owned());
        http.description = Some(
            "A personal token made in « Mon compte » (read, or read and write; it expires). \
             The site's own scripts use the session cookie and the X-CSRF-Token header instead."
                .to_owned(),
        );
        openapi
            .components
            .get_or_insert_with(Default::default)
            .add_security_scheme("token", SecurityScheme::Http(http));
    }
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "mentorat API",
        version = "1",
        description = "The Cercles des Mentors network's data for partners' tools. Lists are paged by an opaque `cursor` (give a page's `next_cursor` to read the next); errors are `application/problem+json` (RFC 9457) with a stable `code`. Access is the website's: a token sees what its owner sees."
    ),
    paths(
        super::communes::search,
        super::communes::detail,
        super::network::circles,
        super::network::circle,
        super::network::circle_projects,
        super::network::circle_mentors,
        super::network::events,
        super::network::registrations,
        super::network::dashboard,
        super::mentoring::me,
        super::mentoring::projects,
        super::mentoring::requests,
        super::mentoring::mentorships,
        super::mentoring::mentorship,
        super::mentoring::add_goal,
        super::mentoring::proposal,
    ),
    modifiers(&TokenScheme)
)]
pub struct ApiDoc;

/// The document, made once.
pub fn openapi_json() -> &'static str {
    static DOC: OnceLock<String> = OnceLock::new();
    DOC.get_or_init(|| {
        ApiDoc::openapi()
            .to_pretty_json()
            .expect("the OpenAPI document serialises")
    })
}

async fn document() -> Response {
    let mut response = openapi_json().into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

struct Param {
    name: String,
    place: String,
    required: bool,
    description: String,
}

struct Operation {
    anchor: String,
    method: String,
    path: String,
    summary: String,
    description: String,
    token: bool,
    params: Vec<Param>,
    body: Option<String>,
    responses: Vec<(String, String, String)>,
}

struct Schema {
    name: String,
    fields: Vec<(String, String, String)>,
}

#[derive(Template)]
#[template(path = "pages/api_docs.html")]
struct DocsTemplate<'a> {
    page: Page<'a>,
    description: String,
    operations: Vec<Operation>,
    schemas: Vec<Schema>,
}

fn text(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_owned()
}

/// A schema's type as a person reads it (`string`, `Circle`, `array of Event`…).
fn type_of(schema: &Value) -> String {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        return r.rsplit('/').next().unwrap_or(r).to_owned();
    }
    if let Some(one) = schema.get("oneOf").and_then(Value::as_array) {
        return one.iter().map(type_of).collect::<Vec<_>>().join(" | ");
    }
    match &schema["type"] {
        Value::String(t) if t == "array" => format!("array of {}", type_of(&schema["items"])),
        Value::String(t) => t.clone(),
        Value::Array(ts) => ts.iter().map(text).collect::<Vec<_>>().join(" | "),
        _ if schema.get("properties").is_some() => "object".to_owned(),
        _ => "any".to_owned(),
    }
}

fn response_type(response: &Value) -> String {
    response["content"]
        .as_object()
        .and_then(|c| c.values().next())
        .map(|c| type_of(&c["schema"]))
        .unwrap_or_default()
}

async fn page(ctx: Ctx) -> Response {
    let doc: Value = serde_json::from_str(openapi_json()).unwrap_or_default();
    let mut operations = Vec::new();
    if let Some(paths) = doc["paths"].as_object() {
        for (path, item) in paths {
            let Some(methods) = item.as_object() else {
                continue;
            };
            for (method, op) in methods {
                let params = op["parameters"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|p| Param {
                        name: text(&p["name"]),
                        place: text(&p["in"]),
                        required: p["required"].as_bool().unwrap_or(false),
                        description: text(&p["description"]),
                    })
                    .collect();
                let responses = op["responses"]
                    .as_object()
                    .into_iter()
                    .flatten()
                    .map(|(status, r)| (status.clone(), text(&r["description"]), response_type(r)))
                    .collect();
                let body = op["requestBody"]["content"]
                    .as_object()
                    .and_then(|c| c.values().next())
                    .map(|c| type_of(&c["schema"]));
                operations.push(Operation {
                    anchor: format!("{method}-{path}")
                        .replace(['/', '{', '}'], "-")
                        .trim_matches('-')
                        .to_owned(),
                    method: method.to_uppercase(),
                    path: path.clone(),
                    summary: text(&op["summary"]),
                    description: text(&op["description"]),
                    token: op.get("security").is_some(),
                    params,
                    body,
                    responses,
                });
            }
        }
    }
    let schemas = doc["components"]["schemas"]
        .as_object()
        .into_iter()
        .flatten()
        .map(|(name, s)| Schema {
            name: name.clone(),
            fields: s["properties"]
                .as_object()
                .into_iter()
                .flatten()
                .map(|(field, f)| (field.clone(), type_of(f), text(&f["description"])))
                .collect(),
        })
        .collect();
    let tr = ctx.tr();
    super::super::pages::render(&DocsTemplate {
        page: ctx.page(tr.t("api-docs-title")),
        description: text(&doc["info"]["description"]),
        operations,
        schemas,
    })
}
