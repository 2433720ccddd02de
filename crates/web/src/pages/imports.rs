//! Importing from a spreadsheet: mentors and partner associations (`/admin/import`,
//! the national team), a conference's registrations (`/evenements/{id}/importer`, its
//! organisers). A template to fill, the file sent, a preview of every line (created,
//! updated, already there, refused with its line, column and reason), then, once
//! confirmed, the import in the background with its progress shown (followed by
//! `app.js`; without a script, a « Rafraîchir » link).

use super::confirm::{self, Confirmation};
use super::uploaded_file;
use crate::page::{Ctx, Page};
use crate::{AppState, WebError};
use askama::Template;
use axum::Router;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Form, Multipart, Path};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use mentorat_app::AppError;
use mentorat_app::import::ImportRecord;
use mentorat_app::import::{Kind, Preview, Verdict};
use mentorat_domain::event::Event;
use mentorat_domain::policy::{Action, Resource};
use uuid::Uuid;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/import", get(start).post(upload))
        .route("/admin/import/associations", post(upload_associations))
        .route("/admin/import/porteurs", post(upload_porteurs))
        .route(
            "/admin/import/modele-mentors.csv",
            get(|ctx: Ctx| template(ctx, Kind::Mentors)),
        )
        .route(
            "/admin/import/modele-porteurs.csv",
            get(|ctx: Ctx| template(ctx, Kind::Porteurs)),
        )
        .route(
            "/admin/import/modele-associations.csv",
            get(|ctx: Ctx| template(ctx, Kind::Associations)),
        )
        .route(
            "/evenements/{id}/importer",
            get(event_start).post(event_upload),
        )
        .route(
            "/evenements/{id}/modele-inscriptions.csv",
            get(registrations_template),
        )
        .route("/admin/import/{id}", get(show))
        .route("/admin/import/{id}/confirmer", post(confirm_import))
        .route("/mon-espace/charte", get(charter).post(accept_charter))
        .route(
            "/mon-espace/accord",
            get(minor_consent).post(give_minor_consent),
        )
}

#[derive(Template)]
#[template(path = "pages/charter.html")]
struct CharterTemplate<'a> {
    page: Page<'a>,
    error: Option<String>,
}

/// The charter an imported mentor accepts before going on.
async fn charter(ctx: Ctx) -> Result<Response, WebError> {
    super::account::own(&ctx)?;
    let tr = ctx.tr();
    Ok(super::render(&CharterTemplate {
        page: ctx.page(tr.t("charter-title")),
        error: None,
    }))
}

#[derive(Template)]
#[template(path = "pages/minor_consent.html")]
struct MinorConsentTemplate<'a> {
    page: Page<'a>,
    error: Option<String>,
}

/// A porteur under 15 imported from a file gives their own consent before going on.
async fn minor_consent(ctx: Ctx) -> Result<Response, WebError> {
    super::account::own(&ctx)?;
    let tr = ctx.tr();
    Ok(super::render(&MinorConsentTemplate {
        page: ctx.page(tr.t("minor-notice-title")),
        error: None,
    }))
}

#[derive(serde::Deserialize)]
struct MinorConsentInput {
    #[serde(default)]
    minor_consent: String,
}

async fn give_minor_consent(
    ctx: Ctx,
    Form(input): Form<MinorConsentInput>,
) -> Result<Response, WebError> {
    let account = super::account::own(&ctx)?;
    let app = &ctx.state().app;
    match app
        .give_minor_consent(account.id, input.minor_consent == "1", ctx.locale)
        .await
    {
        Ok(()) => Ok(Redirect::to("/mon-espace").into_response()),
        Err(AppError::Invalid { key, .. }) => {
            let tr = ctx.tr();
            let mut response = super::render(&MinorConsentTemplate {
                page: ctx.page(tr.t("minor-notice-title")),
                error: Some(tr.t(key)),
            });
            *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(response)
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(serde::Deserialize)]
struct CharterInput {
    #[serde(default)]
    charter: String,
}

async fn accept_charter(ctx: Ctx, Form(input): Form<CharterInput>) -> Result<Response, WebError> {
    let account = super::account::own(&ctx)?;
    let app = &ctx.state().app;
    match app.accept_charter(account.id, input.charter == "1").await {
        Ok(()) => Ok(Redirect::to("/mon-espace").into_response()),
        Err(AppError::Invalid { key, .. }) => {
            let tr = ctx.tr();
            let mut response = super::render(&CharterTemplate {
                page: ctx.page(tr.t("charter-title")),
                error: Some(tr.t(key)),
            });
            *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(response)
        }
        Err(e) => Err(e.into()),
    }
}

/// Lines listed on the preview, of each kind (the counts say the rest).
const LISTED: usize = 500;

struct Past {
    href: String,
    when: String,
    status: String,
}

/// A kind of file the national team imports from `/admin/import`.
struct Section {
    /// In the template's and the form's addresses: `mentors`, `porteurs`,
    /// `associations`.
    name: &'static str,
    title: String,
    lead: String,
    action: &'static str,
    /// The file refused as a whole, and why.
    error: Option<String>,
}

/// The kinds imported from `/admin/import`: (kind, name in addresses and messages, form
/// action); each shown to whoever may import it.
const NATIONAL_KINDS: [(Kind, &str, &str); 3] = [
    (Kind::Mentors, "mentors", "/admin/import"),
    (Kind::Porteurs, "porteurs", "/admin/import/porteurs"),
    (
        Kind::Associations,
        "associations",
        "/admin/import/associations",
    ),
];

#[derive(Template)]
#[template(path = "pages/import.html")]
struct StartTemplate<'a> {
    page: Page<'a>,
    sections: Vec<Section>,
    past: Vec<Past>,
}

fn national(ctx: &Ctx) -> Result<Uuid, WebError> {
    Ok(ctx.require(Action::ManageNetwork, &Resource::Platform)?.id)
}

/// Who imports `kind` from `/admin/import`: the national team every kind, coordinators
/// mentors and porteurs (each line then checked against their circles).
fn importer(ctx: &Ctx, kind: Kind) -> Result<Uuid, WebError> {
    match kind {
        Kind::Mentors | Kind::Porteurs => {
            Ok(ctx.require(Action::Coordinate, &Resource::Platform)?.id)
        }
        _ => national(ctx),
    }
}

fn status_label(ctx: &Ctx, status: &str) -> String {
    ctx.tr().t(&format!("import-status-{status}"))
}

/// The page, with `error` under the form of the kind whose file was refused.
async fn render_start(ctx: &Ctx, error: Option<(Kind, String)>) -> Result<Response, WebError> {
    let actor = importer(ctx, Kind::Mentors)?;
    let tr = ctx.tr();
    let past = ctx
        .state()
        .app
        .recent_imports(actor)
        .await?
        .into_iter()
        .map(|r| Past {
            href: format!("/admin/import/{}", r.id),
            when: tr.date_time(&r.created_at),
            status: status_label(ctx, &r.status),
        })
        .collect();
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let sections = NATIONAL_KINDS
        .iter()
        .filter(|(kind, _, _)| importer(ctx, *kind).is_ok())
        .map(|(kind, name, action)| Section {
            name,
            title: tr.t(&format!("import-{name}-title")),
            lead: tr.t(&format!("import-{name}-lead")),
            action,
            error: error
                .as_ref()
                .filter(|(k, _)| k == kind)
                .map(|(_, e)| e.clone()),
        })
        .collect();
    let mut response = super::render(&StartTemplate {
        page: ctx.page(tr.t("import-title")),
        sections,
        past,
    });
    *response.status_mut() = status;
    Ok(response)
}

async fn start(ctx: Ctx) -> Result<Response, WebError> {
    render_start(&ctx, None).await
}

/// The template of one of the kinds imported from `/admin/import`.
async fn template(ctx: Ctx, kind: Kind) -> Result<Response, WebError> {
    importer(&ctx, kind)?;
    let (file, bytes) = match kind {
        Kind::Porteurs => (
            "modele-porteurs.csv",
            mentorat_app::import::porteurs_template(),
        ),
        Kind::Associations => (
            "modele-associations.csv",
            mentorat_app::import::associations_template(),
        ),
        _ => (
            "modele-mentors.csv",
            mentorat_app::import::mentors_template(),
        ),
    };
    Ok(super::csv_download(file, bytes))
}

async fn registrations_template(ctx: Ctx, Path(id): Path<String>) -> Result<Response, WebError> {
    super::events::managed(&ctx, &id).await?;
    Ok(super::csv_download(
        "modele-inscriptions.csv",
        mentorat_app::import::registrations_template(),
    ))
}

/// Checks a file sent and keeps it for its preview; `Err` with the page's message
/// when the file as a whole is refused.
async fn preview_sent(
    ctx: &Ctx,
    actor: Uuid,
    kind: Kind,
    event: Option<Uuid>,
    form: Result<Multipart, MultipartRejection>,
) -> Result<Result<Response, String>, WebError> {
    let bytes = uploaded_file(form).await?;
    let app = &ctx.state().app;
    let preview = match app.preview_import(actor, kind, event, &bytes).await {
        Ok(p) => p,
        Err(AppError::Invalid { key, .. }) => return Ok(Err(ctx.tr().t(key))),
        Err(e) => return Err(e.into()),
    };
    let id = app
        .keep_import(actor, kind, event, &bytes, preview.lines.len())
        .await?;
    Ok(Ok(
        Redirect::to(&format!("/admin/import/{id}")).into_response()
    ))
}

/// A file of `kind` sent from `/admin/import`: its preview, or the page again with why
/// the file was refused.
async fn national_upload(
    ctx: Ctx,
    kind: Kind,
    form: Result<Multipart, MultipartRejection>,
) -> Result<Response, WebError> {
    let actor = importer(&ctx, kind)?;
    match preview_sent(&ctx, actor, kind, None, form).await? {
        Ok(r) => Ok(r),
        Err(message) => render_start(&ctx, Some((kind, message))).await,
    }
}

async fn upload(
    ctx: Ctx,
    form: Result<Multipart, MultipartRejection>,
) -> Result<Response, WebError> {
    national_upload(ctx, Kind::Mentors, form).await
}

async fn upload_porteurs(
    ctx: Ctx,
    form: Result<Multipart, MultipartRejection>,
) -> Result<Response, WebError> {
    national_upload(ctx, Kind::Porteurs, form).await
}

async fn upload_associations(
    ctx: Ctx,
    form: Result<Multipart, MultipartRejection>,
) -> Result<Response, WebError> {
    national_upload(ctx, Kind::Associations, form).await
}

#[derive(Template)]
#[template(path = "pages/import_event.html")]
struct EventTemplate<'a> {
    page: Page<'a>,
    id: Uuid,
    title: String,
    when: String,
    error: Option<String>,
}

async fn render_event(ctx: &Ctx, event: &Event, error: Option<String>) -> Response {
    let tr = ctx.tr();
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let mut response = super::render(&EventTemplate {
        page: ctx.page(tr.t("import-registrations-title")),
        id: event.id,
        title: mentorat_app::events::event_title(&tr, &event.title),
        when: tr.date_time(&event.starts_at),
        error,
    });
    *response.status_mut() = status;
    response
}

async fn event_start(ctx: Ctx, Path(id): Path<String>) -> Result<Response, WebError> {
    let event = super::events::managed(&ctx, &id).await?;
    Ok(render_event(&ctx, &event, None).await)
}

async fn event_upload(
    ctx: Ctx,
    Path(id): Path<String>,
    form: Result<Multipart, MultipartRejection>,
) -> Result<Response, WebError> {
    let event = super::events::managed(&ctx, &id).await?;
    let actor = super::account::own(&ctx)?.id;
    match preview_sent(&ctx, actor, Kind::Registrations, Some(event.id), form).await? {
        Ok(r) => Ok(r),
        Err(message) => Ok(render_event(&ctx, &event, Some(message)).await),
    }
}

struct Line {
    line: usize,
    who: String,
    column: &'static str,
    reason: String,
}

#[derive(Template)]
#[template(path = "pages/import_preview.html")]
struct PreviewTemplate<'a> {
    page: Page<'a>,
    id: Uuid,
    /// Where another file of the kind is sent.
    again: String,
    confirm_question: String,
    /// Mentors' files complete existing accounts; the other kinds do not.
    mentors: bool,
    created_key: String,
    unchanged_key: String,
    /// « Personne », « Association ».
    who_label: String,
    /// `previewed`, `running`, `done` or `failed`.
    status: String,
    status_label: String,
    counts: [i64; 4],
    total: i64,
    done: i64,
    /// « 12 000 lignes sur 50 000 ».
    progress: String,
    refused: Vec<Line>,
    accepted: Vec<Line>,
    more: bool,
}

fn lines(ctx: &Ctx, kind: Kind, preview: &Preview) -> (Vec<Line>, Vec<Line>, bool) {
    let tr = ctx.tr();
    let created = tr.t(&kind_key("import-will-create", kind));
    let mut refused = Vec::new();
    let mut accepted = Vec::new();
    for l in &preview.lines {
        let (list, column, reason) = match &l.verdict {
            Verdict::Refused(r) => (&mut refused, r.column, tr.ts(r.key, "detail", &r.detail)),
            Verdict::Create => (&mut accepted, "", created.clone()),
            Verdict::Update => (&mut accepted, "", tr.t("import-will-update")),
            Verdict::Unchanged => (&mut accepted, "", tr.t("import-unchanged")),
        };
        if list.len() < LISTED {
            list.push(Line {
                line: l.line,
                who: l.who.clone(),
                column,
                reason,
            });
        }
    }
    let more = preview.lines.len() > refused.len() + accepted.len();
    (refused, accepted, more)
}

/// An import of the person signed in (another's does not exist for them), once they
/// may still import that kind: the national team (and coordinators, for mentors and
/// porteurs), the event's organisers for its registrations.
async fn owned(ctx: &Ctx, id: &str) -> Result<(ImportRecord, Kind), WebError> {
    let me = super::account::own(ctx)?.id;
    let id: Uuid = id.parse().map_err(|_| WebError::NotFound)?;
    let record = ctx.state().app.import_record(id).await?;
    if record.actor_id != me {
        return Err(WebError::NotFound);
    }
    let kind = Kind::parse(&record.kind).ok_or(WebError::NotFound)?;
    match (kind, record.event_id) {
        (Kind::Registrations, Some(event)) => {
            super::events::managed(ctx, &event.to_string()).await?;
        }
        _ => {
            importer(ctx, kind)?;
        }
    }
    Ok((record, kind))
}

/// Where another file of the same kind is sent.
fn start_of(record: &ImportRecord) -> String {
    match record.event_id {
        Some(event) => format!("/evenements/{event}/importer"),
        None => "/admin/import".to_owned(),
    }
}

async fn show(ctx: Ctx, Path(id): Path<String>) -> Result<Response, WebError> {
    let (record, kind) = owned(&ctx, &id).await?;
    let app = &ctx.state().app;
    let (counts, refused, accepted, more) = if record.status == "previewed" {
        let preview = app.import_preview(&record).await?;
        let (refused, accepted, more) = lines(&ctx, kind, &preview);
        (preview.counts(), refused, accepted, more)
    } else {
        (
            [
                record.created,
                record.updated,
                record.unchanged,
                record.refused,
            ],
            Vec::new(),
            Vec::new(),
            false,
        )
    };
    let tr = ctx.tr();
    Ok(super::render(&PreviewTemplate {
        page: ctx.page(tr.t("import-title")),
        id: record.id,
        again: start_of(&record),
        confirm_question: tr.t(&kind_key("import-confirm-question", kind)),
        mentors: kind == Kind::Mentors,
        created_key: kind_key("import-count-created", kind),
        unchanged_key: kind_key("import-count-unchanged", kind),
        who_label: tr.t(&kind_key("import-who", kind)),
        status_label: status_label(&ctx, &record.status),
        status: record.status,
        counts,
        total: record.total_lines,
        done: record.done_lines,
        progress: tr.tc(
            "import-progress",
            &[("done", record.done_lines), ("total", record.total_lines)],
        ),
        refused,
        accepted,
        more,
    }))
}

/// A message of the import's pages for `kind`: the mentors' is the plain key.
fn kind_key(key: &str, kind: Kind) -> String {
    match kind {
        Kind::Mentors => key.to_owned(),
        other => format!("{key}-{}", other.code()),
    }
}

async fn confirm_import(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(c): Form<Confirmation>,
) -> Result<Response, WebError> {
    let (record, kind) = owned(&ctx, &id).await?;
    let id = record.id;
    let app = ctx.state().app.clone();
    if !c.given() {
        return Ok(confirm::ask(
            &ctx,
            &format!("/admin/import/{id}/confirmer"),
            ctx.tr().t(&kind_key("import-confirm-question", kind)),
            Vec::new(),
            &format!("/admin/import/{id}"),
        ));
    }
    if app.start_import(id).await? {
        // In the background: the page shows the progress meanwhile.
        tokio::spawn(async move {
            let _ = app.run_import(id).await;
        });
    }
    Ok(Redirect::to(&format!("/admin/import/{id}")).into_response())
}
