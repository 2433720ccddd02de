//! The back office of circles: the national team creates circles, moves them along
//! their life cycle, extends their territory and names coordinators; coordinators and
//! the national team record editions and schedule or cancel events.

use super::forms::{Field, FormView};
use crate::page::{Ctx, Page};
use crate::{AppState, WebError};
use askama::Template;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use mentorat_app::AppError;
use mentorat_app::circles_admin::{CircleOffice, EventForm, NewCircleForm};
use mentorat_domain::policy::{Action, Resource};
use mentorat_domain::{Circle, CircleStatus};
use serde::Deserialize;
use uuid::Uuid;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/cercles", get(list).post(create))
        .route("/admin/cercles/{slug}", get(office))
        .route("/admin/cercles/{slug}/etat", post(set_status))
        .route("/admin/cercles/{slug}/territoire", post(extend))
        .route("/admin/cercles/{slug}/editions", post(add_edition))
        .route("/admin/cercles/{slug}/coordinateurs", post(grant))
        .route(
            "/admin/cercles/{slug}/coordinateurs/{user}/retirer",
            post(revoke),
        )
        .route(
            "/admin/evenements/nouveau",
            get(new_event_form).post(new_event),
        )
        .route("/evenements/{id}/annuler-evenement", post(cancel_event))
        .route("/admin/partenaires/{slug}", get(partner))
        .route("/admin/partenaires/{slug}/membres", post(add_member))
}

fn actor(ctx: &Ctx) -> Uuid {
    ctx.account().map(|a| a.id).unwrap_or_default()
}

// ---- the list and the creation of circles ----

#[derive(Template)]
#[template(path = "pages/admin_circles.html")]
struct ListTemplate<'a> {
    page: Page<'a>,
    circles: Vec<(String, String, String)>,
    form: FormView,
}

#[derive(Deserialize, Default)]
struct NewCircleInput {
    #[serde(default)]
    name: String,
    #[serde(default)]
    commune: String,
    #[serde(default)]
    commune_query: String,
    #[serde(default)]
    description_fr: String,
    #[serde(default)]
    description_en: String,
}

fn new_circle_view(ctx: &Ctx, input: &NewCircleInput) -> FormView {
    let tr = ctx.tr();
    let mut form = FormView::new(
        "new-circle",
        "/admin/cercles",
        tr.t("circle-create-submit"),
        vec![
            Field::new("name", tr.t("circle-name-field"), "text", "off")
                .value(&input.name)
                .hint(tr.t("circle-name-hint")),
            Field::new("commune_query", tr.t("commune-field"), "text", "off")
                .value(&input.commune_query)
                .hint(tr.t("commune-hint"))
                .picker(&input.commune),
            Field::new(
                "description_fr",
                tr.t("description-fr-field"),
                "textarea",
                "off",
            )
            .value(&input.description_fr)
            .optional(),
            Field::new(
                "description_en",
                tr.t("description-en-field"),
                "textarea",
                "off",
            )
            .value(&input.description_en)
            .optional(),
        ],
    );
    form.title = Some(tr.t("circle-create-title"));
    form.lead = Some(tr.t("circle-create-lead"));
    form
}

async fn render_list(ctx: &Ctx, form: FormView, status: StatusCode) -> Result<Response, WebError> {
    let tr = ctx.tr();
    let circles = ctx
        .state()
        .app
        .circles()
        .await?
        .into_iter()
        .map(|c| {
            (
                format!("/admin/cercles/{}", c.circle.slug),
                c.circle.name,
                tr.t(super::views::status_key(c.circle.status)),
            )
        })
        .collect();
    let mut response = super::render(&ListTemplate {
        page: ctx.page(tr.t("admin-circles-title")),
        circles,
        form,
    });
    *response.status_mut() = status;
    Ok(response)
}

async fn list(ctx: Ctx) -> Result<Response, WebError> {
    ctx.require(Action::ManageNetwork, &Resource::Platform)?;
    render_list(
        &ctx,
        new_circle_view(&ctx, &NewCircleInput::default()),
        StatusCode::OK,
    )
    .await
}

async fn create(ctx: Ctx, Form(input): Form<NewCircleInput>) -> Result<Response, WebError> {
    ctx.require(Action::ManageNetwork, &Resource::Platform)?;
    let form = NewCircleForm {
        name: input.name.clone(),
        commune: input.commune.clone(),
        commune_query: input.commune_query.clone(),
        description_fr: input.description_fr.clone(),
        description_en: input.description_en.clone(),
    };
    match ctx.state().app.create_circle(actor(&ctx), &form).await {
        Ok(circle) => Ok(Redirect::to(&format!("/admin/cercles/{}", circle.slug)).into_response()),
        Err(AppError::Invalid { field, key }) => {
            let field = if field == "commune" {
                "commune_query"
            } else {
                field
            };
            let view = new_circle_view(&ctx, &input).with_error(field, ctx.tr().t(key));
            render_list(&ctx, view, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(e.into()),
    }
}

// ---- one circle's back office ----

#[derive(Template)]
#[template(path = "pages/admin_circle.html")]
struct OfficeTemplate<'a> {
    page: Page<'a>,
    slug: String,
    heading: String,
    status: String,
    national: bool,
    territory: Vec<(String, String)>,
    coordinators: Vec<(Uuid, String)>,
    forms: Vec<FormView>,
}

/// The circle, if the viewer may manage it (its coordinators and the national team).
async fn managed(ctx: &Ctx, slug: &str) -> Result<CircleOffice, WebError> {
    let office = ctx.state().app.circle_office(slug).await?;
    ctx.require(Action::ManageCircle, &Resource::Circle(office.circle.id))?;
    Ok(office)
}

fn status_form(ctx: &Ctx, circle: &Circle) -> Option<FormView> {
    let tr = ctx.tr();
    let next: Vec<(String, String, bool)> = CircleStatus::ALL
        .iter()
        .filter(|s| circle.status.can_become(**s))
        .map(|s| {
            (
                s.as_str().to_owned(),
                tr.t(super::views::status_key(*s)),
                false,
            )
        })
        .collect();
    if next.is_empty() {
        return None;
    }
    let mut form = FormView::new(
        "status",
        format!("/admin/cercles/{}/etat", circle.slug),
        tr.t("circle-status-submit"),
        Vec::new(),
    );
    form.title = Some(tr.t("circle-status-title"));
    form.select = Some(("status", tr.t("circle-status-field"), next));
    Some(form)
}

fn territory_form(ctx: &Ctx, circle: &Circle) -> FormView {
    let tr = ctx.tr();
    let mut form = FormView::new(
        "territory",
        format!("/admin/cercles/{}/territoire", circle.slug),
        tr.t("territory-submit"),
        vec![
            Field::new("commune_query", tr.t("commune-field"), "text", "off")
                .hint(tr.t("commune-hint"))
                .picker(""),
        ],
    );
    form.title = Some(tr.t("territory-title"));
    form.lead = Some(tr.t("territory-lead"));
    form.select = Some((
        "level",
        tr.t("territory-level-field"),
        ["commune", "epci", "departement"]
            .iter()
            .map(|l| (l.to_string(), tr.t(&format!("level-{l}")), *l == "epci"))
            .collect(),
    ));
    form
}

fn edition_form(ctx: &Ctx, circle: &Circle) -> FormView {
    let tr = ctx.tr();
    let mut form = FormView::new(
        "edition",
        format!("/admin/cercles/{}/editions", circle.slug),
        tr.t("edition-submit"),
        vec![
            Field::new("date", tr.t("date-field"), "date", "off"),
            Field::new("venue", tr.t("venue-field"), "text", "off").optional(),
            Field::new("new_mentors", tr.t("new-mentors-field"), "number", "off").optional(),
        ],
    );
    form.title = Some(tr.t("edition-title"));
    form
}

fn coordinator_form(ctx: &Ctx, circle: &Circle) -> FormView {
    let tr = ctx.tr();
    let mut form = FormView::new(
        "coordinator",
        format!("/admin/cercles/{}/coordinateurs", circle.slug),
        tr.t("coordinator-submit"),
        vec![
            Field::new("email", tr.t("email-field"), "email", "off").hint(tr.t("coordinator-hint")),
        ],
    );
    form.title = Some(tr.t("coordinator-title"));
    form
}

fn render_office(
    ctx: &Ctx,
    office: &CircleOffice,
    replace: Option<FormView>,
    status: StatusCode,
) -> Response {
    let tr = ctx.tr();
    let national = ctx
        .require(Action::ManageNetwork, &Resource::Platform)
        .is_ok();
    let c = &office.circle;
    let mut forms: Vec<FormView> = Vec::new();
    if national {
        forms.extend(status_form(ctx, c));
        forms.push(territory_form(ctx, c));
    }
    forms.push(edition_form(ctx, c));
    if national {
        forms.push(coordinator_form(ctx, c));
    }
    if let Some(replacement) = replace
        && let Some(slot) = forms.iter_mut().find(|f| f.id == replacement.id)
    {
        *slot = replacement;
    }
    let mut response = super::render(&OfficeTemplate {
        page: ctx.page(tr.of_place("circle-title", &c.name)),
        slug: c.slug.to_string(),
        heading: tr.of_place("circle-title", &c.name),
        status: tr.t(super::views::status_key(c.status)),
        national,
        territory: office
            .territory
            .iter()
            .map(|(level, _, name)| (tr.t(&format!("level-{}", level.as_str())), name.clone()))
            .collect(),
        coordinators: office
            .coordinators
            .iter()
            .map(|m| {
                (
                    m.user_id,
                    format!("{} {} ({})", m.first_name, m.last_name, m.email),
                )
            })
            .collect(),
        forms,
    });
    *response.status_mut() = status;
    response
}

async fn office(ctx: Ctx, Path(slug): Path<String>) -> Result<Response, WebError> {
    let office = managed(&ctx, &slug).await?;
    Ok(render_office(&ctx, &office, None, StatusCode::OK))
}

/// Runs a back-office change; on bad input the page comes back with the form in error.
async fn change(
    ctx: &Ctx,
    office: &CircleOffice,
    result: Result<(), AppError>,
    form: FormView,
) -> Result<Response, WebError> {
    match result {
        Ok(()) => {
            Ok(Redirect::to(&format!("/admin/cercles/{}", office.circle.slug)).into_response())
        }
        Err(AppError::Invalid { field, key }) => {
            let field = if field == "commune" {
                "commune_query"
            } else {
                field
            };
            let fresh = ctx
                .state()
                .app
                .circle_office(office.circle.slug.as_str())
                .await?;
            Ok(render_office(
                ctx,
                &fresh,
                Some(form.with_error(field, ctx.tr().t(key))),
                StatusCode::UNPROCESSABLE_ENTITY,
            ))
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
struct StatusInput {
    #[serde(default)]
    status: String,
}

async fn set_status(
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(input): Form<StatusInput>,
) -> Result<Response, WebError> {
    ctx.require(Action::ManageNetwork, &Resource::Platform)?;
    let office = managed(&ctx, &slug).await?;
    let result = ctx
        .state()
        .app
        .set_circle_status(actor(&ctx), &office.circle, &input.status)
        .await;
    let form = status_form(&ctx, &office.circle)
        .unwrap_or_else(|| FormView::new("status", "", String::new(), Vec::new()));
    change(&ctx, &office, result, form).await
}

#[derive(Deserialize)]
struct TerritoryInput {
    #[serde(default)]
    level: String,
    #[serde(default)]
    commune: String,
    #[serde(default)]
    commune_query: String,
}

async fn extend(
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(input): Form<TerritoryInput>,
) -> Result<Response, WebError> {
    ctx.require(Action::ManageNetwork, &Resource::Platform)?;
    let office = managed(&ctx, &slug).await?;
    let result = ctx
        .state()
        .app
        .extend_circle_territory(
            &office.circle,
            &input.level,
            &input.commune,
            &input.commune_query,
        )
        .await;
    let mut form = territory_form(&ctx, &office.circle);
    form.fields[0].value = input.commune_query.clone();
    change(&ctx, &office, result, form).await
}

#[derive(Deserialize)]
struct EditionInput {
    #[serde(default)]
    date: String,
    #[serde(default)]
    venue: String,
    #[serde(default)]
    new_mentors: String,
}

async fn add_edition(
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(input): Form<EditionInput>,
) -> Result<Response, WebError> {
    let office = managed(&ctx, &slug).await?;
    let result = ctx
        .state()
        .app
        .add_edition(
            &office.circle,
            &input.date,
            &input.venue,
            &input.new_mentors,
        )
        .await
        .map(drop);
    let mut form = edition_form(&ctx, &office.circle);
    for f in &mut form.fields {
        f.value = match f.name {
            "date" => input.date.clone(),
            "venue" => input.venue.clone(),
            _ => input.new_mentors.clone(),
        };
    }
    change(&ctx, &office, result, form).await
}

#[derive(Deserialize)]
struct GrantInput {
    #[serde(default)]
    email: String,
}

async fn grant(
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(input): Form<GrantInput>,
) -> Result<Response, WebError> {
    ctx.require(Action::ManageRoles, &Resource::Platform)?;
    let office = managed(&ctx, &slug).await?;
    let result = ctx
        .state()
        .app
        .grant_coordinator(actor(&ctx), &office.circle, &input.email)
        .await;
    let mut form = coordinator_form(&ctx, &office.circle);
    form.fields[0].value = input.email.clone();
    change(&ctx, &office, result, form).await
}

async fn revoke(
    ctx: Ctx,
    Path((slug, user)): Path<(String, String)>,
) -> Result<Response, WebError> {
    ctx.require(Action::ManageRoles, &Resource::Platform)?;
    let office = managed(&ctx, &slug).await?;
    let user: Uuid = user.parse().map_err(|_| WebError::NotFound)?;
    ctx.state()
        .app
        .revoke_coordinator(actor(&ctx), &office.circle, user)
        .await?;
    Ok(Redirect::to(&format!("/admin/cercles/{}", office.circle.slug)).into_response())
}

// ---- events ----

#[derive(Deserialize, Default)]
struct EventInput {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    date: String,
    #[serde(default)]
    time: String,
    #[serde(default)]
    duration: String,
    #[serde(default)]
    venue: String,
    #[serde(default)]
    address: String,
    #[serde(default)]
    commune: String,
    #[serde(default)]
    commune_query: String,
    #[serde(default)]
    capacity: String,
}

fn event_view(ctx: &Ctx, input: &EventInput) -> FormView {
    let tr = ctx.tr();
    let or = |v: &str, d: &str| {
        if v.is_empty() {
            d.to_owned()
        } else {
            v.to_owned()
        }
    };
    let mut form = FormView::new(
        "new-event",
        "/admin/evenements/nouveau",
        tr.t("event-create-submit"),
        vec![
            Field::new("title", tr.t("event-title-field"), "text", "off")
                .value(&or(&input.title, mentorat_domain::Event::CONFERENCE_TITLE)),
            Field::new("date", tr.t("date-field"), "date", "off").value(&input.date),
            Field::new("time", tr.t("time-field"), "time", "off").value(&or(&input.time, "19:00")),
            Field::new("duration", tr.t("duration-field"), "number", "off")
                .value(&or(&input.duration, "120")),
            Field::new("venue", tr.t("venue-field"), "text", "off").value(&input.venue),
            Field::new("address", tr.t("address-field"), "text", "street-address")
                .value(&input.address)
                .optional(),
            Field::new("commune_query", tr.t("commune-field"), "text", "off")
                .value(&input.commune_query)
                .hint(tr.t("commune-hint"))
                .picker(&input.commune),
            Field::new("capacity", tr.t("capacity-field"), "number", "off")
                .value(&or(&input.capacity, "80")),
            Field::new("description", tr.t("event-agenda"), "textarea", "off")
                .value(&or(
                    &input.description,
                    mentorat_app::inbox::CONFERENCE_AGENDA,
                ))
                .optional(),
        ],
    );
    form.select = Some((
        "kind",
        tr.t("event-kind-field"),
        ["conference", "edition", "other"]
            .iter()
            .map(|k| {
                (
                    k.to_string(),
                    tr.t(&format!("event-kind-{k}")),
                    *k == or(&input.kind, "conference"),
                )
            })
            .collect(),
    ));
    form
}

async fn new_event_form(ctx: Ctx) -> Result<Response, WebError> {
    ctx.require(Action::ManageNetwork, &Resource::Platform)?;
    let tr = ctx.tr();
    Ok(super::auth::render_form(
        &ctx,
        tr.t("event-create-title"),
        Some(tr.t("schedule-lead")),
        event_view(&ctx, &EventInput::default()),
        Vec::new(),
        StatusCode::OK,
    ))
}

async fn new_event(ctx: Ctx, Form(input): Form<EventInput>) -> Result<Response, WebError> {
    ctx.require(Action::ManageNetwork, &Resource::Platform)?;
    let form = EventForm {
        kind: input.kind.clone(),
        title: input.title.clone(),
        description: input.description.clone(),
        date: input.date.clone(),
        time: input.time.clone(),
        duration: input.duration.clone(),
        venue: input.venue.clone(),
        address: input.address.clone(),
        commune: input.commune.clone(),
        commune_query: input.commune_query.clone(),
        capacity: input.capacity.clone(),
        circle: String::new(),
    };
    match ctx.state().app.create_event(&form).await {
        Ok(id) => Ok(Redirect::to(&format!("/evenements/{id}")).into_response()),
        Err(e) => {
            let e = match e {
                AppError::Invalid {
                    field: "commune",
                    key,
                } => AppError::Invalid {
                    field: "commune_query",
                    key,
                },
                other => other,
            };
            let tr = ctx.tr();
            super::auth::form_error(
                &ctx,
                e,
                event_view(&ctx, &input),
                tr.t("event-create-title"),
                Some(tr.t("schedule-lead")),
                Vec::new(),
            )
        }
    }
}

async fn cancel_event(ctx: Ctx, Path(id): Path<String>) -> Result<Response, WebError> {
    let id: Uuid = id.parse().map_err(|_| WebError::NotFound)?;
    let event = ctx.state().app.event_page(id).await?.event;
    match event.circle_id {
        Some(circle) => ctx.require(Action::ManageCircle, &Resource::Circle(circle))?,
        None => ctx.require(Action::ManageNetwork, &Resource::Platform)?,
    };
    match ctx.state().app.cancel_event(actor(&ctx), &event).await {
        Ok(_) | Err(AppError::Invalid { .. }) => {
            Ok(Redirect::to(&format!("/evenements/{id}")).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

// ---- partner associations ----

#[derive(Template)]
#[template(path = "pages/admin_partner.html")]
struct PartnerTemplate<'a> {
    page: Page<'a>,
    name: String,
    place: String,
    contact: String,
    members: Vec<String>,
    form: Option<FormView>,
}

fn member_form(ctx: &Ctx, slug: &str) -> FormView {
    let tr = ctx.tr();
    let mut form = FormView::new(
        "member",
        format!("/admin/partenaires/{slug}/membres"),
        tr.t("coordinator-submit"),
        vec![
            Field::new("email", tr.t("email-field"), "email", "off").hint(tr.t("coordinator-hint")),
        ],
    );
    form.title = Some(tr.t("member-title"));
    form
}

async fn render_partner(
    ctx: &Ctx,
    slug: &str,
    form: Option<FormView>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let office = ctx.state().app.partner_office(slug).await?;
    ctx.require(Action::ManagePartner, &Resource::Partner(office.partner.id))?;
    let can_grant = ctx
        .require(Action::ManageRoles, &Resource::Platform)
        .is_ok();
    let p = &office.partner;
    let mut response = super::render(&PartnerTemplate {
        page: ctx.page(p.name.clone()),
        name: p.name.clone(),
        place: mentorat_app::territories::territories()
            .commune(&p.commune_code)
            .map(|c| c.name.clone())
            .unwrap_or_default(),
        contact: p.contact_email.clone(),
        members: office
            .members
            .iter()
            .map(|m| format!("{} {} ({})", m.first_name, m.last_name, m.email))
            .collect(),
        form: can_grant.then(|| form.unwrap_or_else(|| member_form(ctx, &p.slug))),
    });
    *response.status_mut() = status;
    Ok(response)
}

async fn partner(ctx: Ctx, Path(slug): Path<String>) -> Result<Response, WebError> {
    render_partner(&ctx, &slug, None, StatusCode::OK).await
}

async fn add_member(
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(input): Form<GrantInput>,
) -> Result<Response, WebError> {
    ctx.require(Action::ManageRoles, &Resource::Platform)?;
    let office = ctx.state().app.partner_office(&slug).await?;
    match ctx
        .state()
        .app
        .grant_partner_member(actor(&ctx), &office.partner, &input.email)
        .await
    {
        Ok(()) => Ok(Redirect::to(&format!("/admin/partenaires/{slug}")).into_response()),
        Err(AppError::Invalid { field, key }) => {
            let mut form = member_form(&ctx, &slug);
            form.fields[0].value = input.email.clone();
            let form = form.with_error(field, ctx.tr().t(key));
            render_partner(&ctx, &slug, Some(form), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(e.into()),
    }
}
