//! Events: the public page with its registration form (no account needed), the
//! cancellation link, calendar feeds, and the organisers' pages (registrations,
//! check-in on a phone, printable sheet, CSV export, invitations to apply).

mod organisers;

pub(crate) use organisers::managed;

use super::auth::{message, render_form};
use super::forms::{Field, FormView};
use crate::error::refusal;
use crate::page::{Ctx, Page};
use crate::{AppState, WebError};
use askama::Template;
use axum::extract::{Path, Query};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use mentorat_app::AppError;
use mentorat_app::events::event_title;
use mentorat_app::events::{
    CsvLabels, EventPage, HEARD_FROM, Registered, RegistrationForm, RegistrationStatus,
};
use mentorat_domain::policy::{Action, Resource};
use mentorat_domain::{Event, EventStatus};
use organisers::*;
use serde::Deserialize;
use uuid::Uuid;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/evenements/{id}", get(show))
        .route(
            "/evenements/{id}/inscription",
            get(registered).post(register),
        )
        .route("/evenements/{id}/evenement.ics", get(event_ics))
        .route(
            "/inscriptions/annuler/{token}",
            get(cancel_form).post(cancel),
        )
        .route("/events.ics", get(feed))
        .route("/cercles/{slug}/events.ics", get(circle_feed))
        .route("/organisation", get(organise))
        .route("/evenements/{id}/inscriptions", get(registrations))
        .route("/evenements/{id}/presence", post(check_in))
        .route("/evenements/{id}/inscriptions.csv", get(export_csv))
        .route("/evenements/{id}/feuille", get(sheet))
        .route("/evenements/{id}/inviter", post(invite))
        .route("/evenements/{id}/relais", post(add_relay))
}

fn event_id(raw: &str) -> Result<Uuid, WebError> {
    raw.parse().map_err(|_| WebError::NotFound)
}

fn when(ctx: &Ctx, event: &Event) -> String {
    ctx.tr().date_time(&event.local_start())
}

fn place(event: &Event) -> String {
    let commune = mentorat_app::territories::territories()
        .commune(&event.commune_code)
        .map(|c| c.name.clone())
        .unwrap_or_default();
    [
        event.venue.as_str(),
        event.address.as_str(),
        commune.as_str(),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(", ")
}

#[derive(Template)]
#[template(path = "pages/event.html")]
struct EventTemplate<'a> {
    page: Page<'a>,
    id: Uuid,
    title: String,
    kind_label: String,
    when: String,
    datetime: String,
    duration: String,
    place: String,
    agenda: Vec<String>,
    circle: Option<(String, String)>,
    /// The calendar feed to subscribe to: the circle's, else the network's.
    feed: String,
    /// « Accueilli par Les Amis d'Ath ».
    host: Option<String>,
    capacity_note: String,
    cancelled: bool,
    past: bool,
    can_manage: bool,
    can_cancel: bool,
    form: Option<FormView>,
}

fn registration_view(ctx: &Ctx, id: Uuid, full: bool, input: &RegistrationInput) -> FormView {
    let tr = ctx.tr();
    let mut form = FormView::new(
        "register",
        format!("/evenements/{id}/inscription"),
        tr.t(if full {
            "register-waitlist-submit"
        } else {
            "register-submit"
        }),
        vec![
            Field::new("first_name", tr.t("first-name"), "text", "given-name")
                .value(&input.first_name),
            Field::new("last_name", tr.t("last-name"), "text", "family-name")
                .value(&input.last_name)
                .optional(),
            Field::new("email", tr.t("email-field"), "email", "email")
                .value(&input.email)
                .hint(tr.t("email-hint")),
            Field::new("phone", tr.t("phone-field"), "tel", "tel")
                .value(&input.phone)
                .hint(tr.t("phone-hint"))
                .optional(),
        ],
    );
    form.title = Some(tr.t("event-register-title"));
    form.lead = Some(tr.t("event-register-lead"));
    if !input.par.is_empty() {
        form.hidden.push(("par", input.par.clone()));
    }
    form.select = Some((
        "heard_from",
        tr.t("heard-from-field"),
        std::iter::once(("".to_owned(), tr.t("heard-from-none")))
            .chain(
                HEARD_FROM
                    .iter()
                    .map(|h| (h.to_string(), tr.t(&format!("heard-{h}")))),
            )
            .map(|(v, l)| (v.clone(), l, v == input.heard_from))
            .collect(),
    ));
    form.checkbox = Some((
        "consent_contact",
        tr.t("consent-field"),
        input.consent_contact.is_some(),
    ));
    form
}

/// The event's page; `via`: the share code of the link the visitor followed, carried
/// by the registration form.
fn event_view<'a>(
    ctx: &'a Ctx,
    data: &EventPage,
    form: Option<FormView>,
    via: &str,
) -> EventTemplate<'a> {
    let tr = ctx.tr();
    let e = &data.event;
    let can_manage = ctx
        .require(
            Action::ManageEventRegistrations,
            &Resource::Event {
                circle_id: e.circle_id,
                partner_id: e.partner_id,
            },
        )
        .is_ok();
    let open = e.status == EventStatus::Scheduled && !data.is_past;
    let title = event_title(&tr, &e.title);
    EventTemplate {
        page: ctx.page(title.clone()),
        id: e.id,
        title,
        kind_label: tr.t(match e.kind {
            mentorat_domain::EventKind::Conference => "event-kind-conference",
            mentorat_domain::EventKind::Edition => "event-kind-edition",
            mentorat_domain::EventKind::Other => "event-kind-other",
        }),
        when: when(ctx, e),
        datetime: e.local_start().to_rfc3339(),
        duration: tr.tn("event-duration", "minutes", e.duration_minutes),
        place: place(e),
        agenda: ctx.state().app.agenda(ctx.locale, e),
        circle: data.circle.as_ref().map(|c| {
            (
                tr.of_place("circle-title", &c.name),
                format!("/cercles/{}", c.slug),
            )
        }),
        host: data
            .host
            .as_ref()
            .map(|name| tr.ts("event-host", "name", name)),
        feed: data.circle.as_ref().map_or_else(
            || "/events.ics".to_owned(),
            |c| format!("/cercles/{}/events.ics", c.slug),
        ),
        capacity_note: tr.tn("event-places-left", "count", data.places_left),
        cancelled: e.status == EventStatus::Cancelled,
        past: data.is_past,
        can_manage,
        can_cancel: open
            && match e.circle_id {
                Some(c) => ctx
                    .require(Action::ManageCircle, &Resource::Circle(c))
                    .is_ok(),
                None => ctx
                    .require(Action::ManageNetwork, &Resource::Platform)
                    .is_ok(),
            },
        form: if open {
            Some(form.unwrap_or_else(|| {
                registration_view(
                    ctx,
                    e.id,
                    data.places_left == 0,
                    &RegistrationInput {
                        par: via.to_owned(),
                        ..RegistrationInput::default()
                    },
                )
            }))
        } else {
            None
        },
    }
}

/// `?par=CODE`: the share link of an association.
#[derive(Deserialize, Default)]
struct ShowQuery {
    #[serde(default)]
    par: String,
}

async fn show(
    ctx: Ctx,
    Path(id): Path<String>,
    Query(q): Query<ShowQuery>,
) -> Result<Response, WebError> {
    let data = ctx.state().app.event_page(event_id(&id)?).await?;
    // Only a code's shape is kept: it is checked when the form is sent.
    let via: String = q
        .par
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(32)
        .collect();
    Ok(super::render(&event_view(&ctx, &data, None, &via)))
}

#[derive(Deserialize, Default)]
struct RegistrationInput {
    #[serde(default)]
    first_name: String,
    #[serde(default)]
    last_name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    heard_from: String,
    consent_contact: Option<String>,
    /// A field people never see: robots that fill it are ignored.
    #[serde(default)]
    website: String,
    /// The share code of the association whose link brought the visitor.
    #[serde(default)]
    par: String,
}

async fn register(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(input): Form<RegistrationInput>,
) -> Result<Response, WebError> {
    let id = event_id(&id)?;
    let app = &ctx.state().app;
    let form = RegistrationForm {
        first_name: input.first_name.clone(),
        last_name: input.last_name.clone(),
        email: input.email.clone(),
        phone: input.phone.clone(),
        heard_from: input.heard_from.clone(),
        consent_contact: input.consent_contact.is_some(),
        via: input.par.clone(),
    };
    // Done: to the page that says so (a refresh of it registers nobody again).
    let done = |state: &str| {
        Ok(Redirect::to(&format!("/evenements/{id}/inscription?etat={state}")).into_response())
    };
    if !input.website.is_empty() {
        return done("confirmee");
    }
    match app
        .register_for_event(id, &form, ctx.locale, &ctx.client())
        .await
    {
        Ok(Registered::Confirmed) => done("confirmee"),
        Ok(Registered::Waitlisted) => done("attente"),
        Ok(Registered::AlreadyRegistered) => done("deja"),
        Err(e) => {
            let refused = refusal(e)?;
            let data = app.event_page(id).await?;
            let form = registration_view(&ctx, id, data.places_left == 0, &input)
                .with_error(refused.field, ctx.tr().t(refused.key));
            let mut response = super::render(&event_view(&ctx, &data, Some(form), &input.par));
            *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(response)
        }
    }
}

#[derive(Deserialize, Default)]
struct RegisteredQuery {
    etat: Option<String>,
}

/// What became of a registration, after it was sent: confirmed, on the waiting list,
/// or already there. Nothing personal: the state alone is in the address.
async fn registered(
    ctx: Ctx,
    Path(id): Path<String>,
    Query(q): Query<RegisteredQuery>,
) -> Result<Response, WebError> {
    let id = event_id(&id)?;
    ctx.state().app.event_page(id).await?;
    let back = format!("/evenements/{id}");
    let (title, text) = match q.etat.as_deref() {
        Some("confirmee") => ("registered-title", "registered-text"),
        Some("attente") => ("waitlisted-title", "waitlisted-text"),
        Some("deja") => ("already-registered-title", "already-registered-text"),
        _ => return Ok(Redirect::to(&back).into_response()),
    };
    Ok(message(
        &ctx,
        title,
        text,
        (&back, "back-to-event"),
        StatusCode::OK,
    ))
}

fn ics_response(body: String, name: &str) -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/calendar; charset=utf-8"),
            ),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&format!("inline; filename=\"{name}\""))
                    .unwrap_or(HeaderValue::from_static("inline")),
            ),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=300"),
            ),
        ],
        body,
    )
        .into_response()
}

async fn event_ics(ctx: Ctx, Path(id): Path<String>) -> Result<Response, WebError> {
    let app = &ctx.state().app;
    let event = app.event_page(event_id(&id)?).await?.event;
    let body = mentorat_domain::ics::calendar(
        &event_title(&ctx.tr(), &event.title),
        &[app.calendar_event(ctx.locale, &event)],
    );
    Ok(ics_response(body, "evenement.ics"))
}

async fn feed(ctx: Ctx) -> Result<Response, WebError> {
    Ok(ics_response(
        ctx.state().app.events_feed(ctx.locale, None).await?,
        "cercles-des-mentors.ics",
    ))
}

async fn circle_feed(ctx: Ctx, Path(slug): Path<String>) -> Result<Response, WebError> {
    let slug = slug.strip_suffix(".ics").unwrap_or(&slug).to_owned();
    let circle = ctx.state().app.circle_page(&slug).await?.summary.circle;
    Ok(ics_response(
        ctx.state()
            .app
            .events_feed(ctx.locale, Some(&circle))
            .await?,
        &format!("{}.ics", circle.slug),
    ))
}

async fn cancel_form(ctx: Ctx, Path(token): Path<String>) -> Result<Response, WebError> {
    let app = &ctx.state().app;
    let (registration, event) = match app.registration_for_link(&token).await {
        Ok(found) => found,
        Err(AppError::NotFound) => {
            return Ok(message(
                &ctx,
                "cancel-invalid-title",
                "cancel-invalid-text",
                ("/", "back-home"),
                StatusCode::GONE,
            ));
        }
        Err(e) => return Err(e.into()),
    };
    if registration.status == RegistrationStatus::Cancelled {
        return Ok(message(
            &ctx,
            "cancel-invalid-title",
            "cancel-invalid-text",
            ("/", "back-home"),
            StatusCode::GONE,
        ));
    }
    let tr = ctx.tr();
    let lead = tr.tv(
        "cancel-lead",
        &[
            ("title", &event_title(&tr, &event.title)),
            ("when", &when(&ctx, &event)),
        ],
    );
    let mut form = FormView::new(
        "cancel",
        format!("/inscriptions/annuler/{token}"),
        tr.t("cancel-submit"),
        Vec::new(),
    );
    form.danger = true;
    Ok(render_form(
        &ctx,
        tr.t("cancel-title"),
        Some(lead),
        form,
        vec![(format!("/evenements/{}", event.id), tr.t("back-to-event"))],
        StatusCode::OK,
    ))
}

async fn cancel(ctx: Ctx, Path(token): Path<String>) -> Result<Response, WebError> {
    match ctx.state().app.cancel_registration(&token).await {
        Ok(_) => super::done::redirect("inscription-annulee"),
        Err(AppError::NotFound) => Ok(message(
            &ctx,
            "cancel-invalid-title",
            "cancel-invalid-text",
            ("/", "back-home"),
            StatusCode::GONE,
        )),
        Err(e) => Err(e.into()),
    }
}

// ---- organisers ----
