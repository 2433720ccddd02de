//! What visitors send to the national team — "create a circle in my town" and the
//! contact form (both with a honeypot and rate limits) — and the national team's inboxes:
//! conference requests (scheduled as a conference in one step) and messages.

use super::admin::{PAGE_SIZE, Pager, pager};
use super::auth::{form_error, message, render_form};
use super::forms::{Field, FormView};
use crate::page::{Ctx, Page};
use crate::{AppState, WebError};
use askama::Template;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use mentorat_app::inbox::{CONTACT_CATEGORIES, HostingForm, ScheduleForm};
use mentorat_domain::ContactStatus;
use mentorat_domain::policy::{Action, Resource};
use serde::Deserialize;
use uuid::Uuid;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/accueillir-une-conference", get(host_form).post(host))
        .route("/contact", get(contact_form).post(contact))
        .route("/admin/demandes", get(requests))
        .route("/admin/demandes/{id}", get(request))
        .route("/admin/demandes/{id}/planifier", post(schedule))
        .route("/admin/demandes/{id}/repondue", post(answered))
        .route("/admin/messages", get(messages))
        .route("/admin/messages/{id}/etat", post(set_status))
}

#[derive(Deserialize, Default)]
struct HostInput {
    #[serde(default)]
    association: String,
    #[serde(default)]
    commune: String,
    #[serde(default)]
    commune_query: String,
    #[serde(default)]
    contact_name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    expected_audience: String,
    #[serde(default)]
    preferred_dates: String,
    #[serde(default)]
    message: String,
    #[serde(default)]
    website: String,
    /// The partner association asking from its space (its address name).
    #[serde(default)]
    partenaire: String,
}

/// The partner association named by `slug` when the person is one of its members (the
/// policy decides); nobody for an empty `slug`.
async fn asking_partner(
    ctx: &Ctx,
    slug: &str,
) -> Result<Option<mentorat_app::events::Partner>, WebError> {
    if slug.is_empty() {
        return Ok(None);
    }
    let partner = ctx
        .state()
        .app
        .partner_by_slug(slug)
        .await?
        .ok_or(WebError::NotFound)?;
    ctx.require(Action::ManagePartner, &Resource::Partner(partner.id))?;
    Ok(Some(partner))
}

fn host_view(ctx: &Ctx, input: &HostInput) -> FormView {
    let tr = ctx.tr();
    let mut form = FormView::new(
        "host",
        "/accueillir-une-conference",
        tr.t("host-submit"),
        vec![
            Field::new(
                "association",
                tr.t("association-field"),
                "text",
                "organization",
            )
            .value(&input.association),
            Field::new("commune_query", tr.t("commune-field"), "text", "off")
                .value(&input.commune_query)
                .hint(tr.t("commune-hint"))
                .picker(&input.commune),
            Field::new("contact_name", tr.t("contact-name-field"), "text", "name")
                .value(&input.contact_name),
            Field::new("email", tr.t("email-field"), "email", "email")
                .value(&input.email)
                .hint(tr.t("email-hint")),
            Field::new("phone", tr.t("phone-field"), "tel", "tel")
                .value(&input.phone)
                .optional(),
            Field::new("expected_audience", tr.t("audience-field"), "number", "off")
                .value(&input.expected_audience)
                .hint(tr.t("audience-hint"))
                .optional(),
            Field::new("preferred_dates", tr.t("dates-field"), "text", "off")
                .value(&input.preferred_dates)
                .hint(tr.t("dates-hint"))
                .optional(),
            Field::new("message", tr.t("message-field"), "text", "off")
                .value(&input.message)
                .optional(),
        ],
    );
    if !input.partenaire.is_empty() {
        form.hidden.push(("partenaire", input.partenaire.clone()));
    }
    form.honeypot = Some(tr.t("website-field"));
    // Without JavaScript an ambiguous town is chosen among the candidates (then the
    // choice list, not the hidden field, carries the commune).
    let candidates = mentorat_app::territories::territories().search(&input.commune_query, 8);
    if input.commune.is_empty() && candidates.len() > 1 {
        for field in &mut form.fields {
            field.picker = None;
        }
        form.select = Some((
            "commune",
            tr.t("commune-field"),
            candidates
                .iter()
                .map(|h| {
                    (
                        h.commune.key(),
                        format!(
                            "{} ({})",
                            h.label(),
                            h.postal_codes().first().map(String::as_str).unwrap_or("")
                        ),
                        false,
                    )
                })
                .collect(),
        ));
    }
    form
}

/// After a form is sent (a redirect: a refresh sends nothing again), its page says so.
#[derive(Deserialize, Default)]
struct SentQuery {
    envoye: Option<String>,
    /// A partner's members ask from their space: the form comes filled in.
    partenaire: Option<String>,
}

async fn host_form(ctx: Ctx, Query(q): Query<SentQuery>) -> Result<Response, WebError> {
    if q.envoye.is_some() {
        return Ok(message(
            &ctx,
            "host-sent-title",
            "host-sent-text",
            ("/", "back-home"),
            StatusCode::OK,
        ));
    }
    let tr = ctx.tr();
    let input = match asking_partner(&ctx, q.partenaire.as_deref().unwrap_or("")).await? {
        Some(p) => HostInput {
            association: p.name.clone(),
            commune_query: commune_name(&p.commune_code),
            commune: p.commune_code.clone(),
            contact_name: ctx.account().map(|a| a.name.full()).unwrap_or_default(),
            email: ctx
                .account()
                .map(|a| a.email.as_str().to_owned())
                .unwrap_or_default(),
            partenaire: p.slug.clone(),
            ..HostInput::default()
        },
        None => HostInput::default(),
    };
    Ok(render_form(
        &ctx,
        tr.t("host-title"),
        Some(tr.t("host-lead")),
        host_view(&ctx, &input),
        Vec::new(),
        StatusCode::OK,
    ))
}

async fn host(ctx: Ctx, Form(input): Form<HostInput>) -> Result<Response, WebError> {
    let sent = || Ok(Redirect::to("/accueillir-une-conference?envoye=1").into_response());
    if !input.website.is_empty() {
        return sent();
    }
    let form = HostingForm {
        association: input.association.clone(),
        commune: input.commune.clone(),
        commune_query: input.commune_query.clone(),
        contact_name: input.contact_name.clone(),
        email: input.email.clone(),
        phone: input.phone.clone(),
        expected_audience: input.expected_audience.clone(),
        preferred_dates: input.preferred_dates.clone(),
        message: input.message.clone(),
        partner: asking_partner(&ctx, &input.partenaire).await?.map(|p| p.id),
    };
    match ctx
        .state()
        .app
        .request_hosting(&form, ctx.locale, &ctx.client())
        .await
    {
        Ok(()) => sent(),
        Err(e) => {
            let tr = ctx.tr();
            form_error(
                &ctx,
                e,
                host_view(&ctx, &input),
                tr.t("host-title"),
                Some(tr.t("host-lead")),
                Vec::new(),
            )
        }
    }
}

#[derive(Deserialize, Default)]
struct ContactInput {
    #[serde(default)]
    category: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    message: String,
    #[serde(default)]
    website: String,
}

fn contact_view(ctx: &Ctx, input: &ContactInput) -> FormView {
    let tr = ctx.tr();
    let mut form = FormView::new(
        "contact",
        "/contact",
        tr.t("contact-submit"),
        vec![
            Field::new("name", tr.t("contact-name-field"), "text", "name").value(&input.name),
            Field::new("email", tr.t("email-field"), "email", "email")
                .value(&input.email)
                .hint(tr.t("email-hint")),
            Field::new("message", tr.t("message-field"), "textarea", "off").value(&input.message),
        ],
    );
    form.select = Some((
        "category",
        tr.t("category-field"),
        CONTACT_CATEGORIES
            .iter()
            .map(|c| {
                (
                    c.to_string(),
                    tr.t(&format!("category-{c}")),
                    *c == input.category,
                )
            })
            .collect(),
    ));
    form.honeypot = Some(tr.t("website-field"));
    form
}

async fn contact_form(ctx: Ctx, Query(q): Query<SentQuery>) -> Response {
    if q.envoye.is_some() {
        return message(
            &ctx,
            "contact-sent-title",
            "contact-sent-text",
            ("/", "back-home"),
            StatusCode::OK,
        );
    }
    let tr = ctx.tr();
    render_form(
        &ctx,
        tr.t("contact-title"),
        Some(tr.t("contact-lead")),
        contact_view(&ctx, &ContactInput::default()),
        Vec::new(),
        StatusCode::OK,
    )
}

async fn contact(ctx: Ctx, Form(input): Form<ContactInput>) -> Result<Response, WebError> {
    let sent = || Ok(Redirect::to("/contact?envoye=1").into_response());
    if !input.website.is_empty() {
        return sent();
    }
    let app = &ctx.state().app;
    match app
        .send_contact_message(
            &input.category,
            &input.name,
            &input.email,
            &input.message,
            ctx.locale,
            &ctx.client(),
        )
        .await
    {
        Ok(()) => sent(),
        Err(e) => {
            let tr = ctx.tr();
            form_error(
                &ctx,
                e,
                contact_view(&ctx, &input),
                tr.t("contact-title"),
                Some(tr.t("contact-lead")),
                Vec::new(),
            )
        }
    }
}

// ---- the national team's inboxes ----

pub(super) fn national(ctx: &Ctx) -> Result<(), WebError> {
    ctx.require(Action::ManageNetwork, &Resource::Platform)
        .map(drop)
}

struct RequestRow {
    href: String,
    association: String,
    place: String,
    created: String,
    status: String,
}

#[derive(Template)]
#[template(path = "pages/requests.html")]
struct RequestsTemplate<'a> {
    page: Page<'a>,
    rows: Vec<RequestRow>,
    pager: Pager,
}

pub(super) fn commune_name(code: &str) -> String {
    mentorat_app::territories::territories()
        .commune(code)
        .map(|c| c.name.clone())
        .unwrap_or_else(|| code.to_owned())
}

#[derive(Deserialize, Default)]
struct PageQuery {
    page: Option<u64>,
    etat: Option<String>,
}

async fn requests(ctx: Ctx, Query(q): Query<PageQuery>) -> Result<Response, WebError> {
    national(&ctx)?;
    let tr = ctx.tr();
    let page = q.page.unwrap_or(1).max(1);
    let (list, total) = ctx
        .state()
        .app
        .hosting_requests((page - 1) * PAGE_SIZE, PAGE_SIZE)
        .await?;
    let rows = list
        .into_iter()
        .map(|r| RequestRow {
            href: format!("/admin/demandes/{}", r.id),
            association: r.association,
            place: commune_name(&r.commune_code),
            created: r
                .created_at
                .with_timezone(&chrono_tz::Europe::Paris)
                .format("%d/%m/%Y")
                .to_string(),
            status: tr.t(&format!("request-status-{}", r.status)),
        })
        .collect();
    Ok(super::render(&RequestsTemplate {
        page: ctx.page(tr.t("admin-requests-title")),
        rows,
        pager: pager(&tr, "/admin/demandes", "", page, total),
    }))
}

#[derive(Template)]
#[template(path = "pages/request.html")]
struct RequestTemplate<'a> {
    page: Page<'a>,
    r: mentorat_app::inbox::Request,
    /// Not yet answered nor scheduled: the forms to do so are shown.
    new: bool,
    place: String,
    status: String,
    event_href: Option<String>,
    partner_href: Option<String>,
    form: Option<FormView>,
}

fn schedule_view(ctx: &Ctx, id: Uuid, input: &ScheduleInput) -> FormView {
    let tr = ctx.tr();
    let mut form = FormView::new(
        "schedule",
        format!("/admin/demandes/{id}/planifier"),
        tr.t("schedule-submit"),
        vec![
            Field::new("date", tr.t("date-field"), "date", "off").value(&input.date),
            Field::new("time", tr.t("time-field"), "time", "off").value(if input.time.is_empty() {
                "19:00"
            } else {
                &input.time
            }),
            Field::new("venue", tr.t("venue-field"), "text", "off").value(&input.venue),
            Field::new("address", tr.t("address-field"), "text", "street-address")
                .value(&input.address)
                .optional(),
            Field::new("capacity", tr.t("capacity-field"), "number", "off").value(
                if input.capacity.is_empty() {
                    "80"
                } else {
                    &input.capacity
                },
            ),
        ],
    );
    form.title = Some(tr.t("schedule-title"));
    form.lead = Some(tr.t("schedule-lead"));
    form
}

async fn request_page(
    ctx: &Ctx,
    id: Uuid,
    form: Option<FormView>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tr = ctx.tr();
    let r = ctx.state().app.hosting_request(id).await?;
    let scheduled = r.event_id.is_some();
    let mut response = super::render(&RequestTemplate {
        page: ctx.page(r.association.clone()),
        new: r.status == mentorat_domain::HostingStatus::New,
        place: commune_name(&r.commune_code),
        status: tr.t(&format!("request-status-{}", r.status)),
        event_href: r.event_id.map(|e| format!("/evenements/{e}")),
        partner_href: r
            .event_id
            .and(mentorat_domain::Slug::from_name(&r.association).ok())
            .map(|s| format!("/admin/partenaires/{s}")),
        form: if scheduled {
            None
        } else {
            Some(form.unwrap_or_else(|| schedule_view(ctx, id, &ScheduleInput::default())))
        },
        r,
    });
    *response.status_mut() = status;
    Ok(response)
}

async fn request(ctx: Ctx, Path(id): Path<String>) -> Result<Response, WebError> {
    national(&ctx)?;
    let id: Uuid = id.parse().map_err(|_| WebError::NotFound)?;
    request_page(&ctx, id, None, StatusCode::OK).await
}

#[derive(Deserialize, Default)]
struct ScheduleInput {
    #[serde(default)]
    date: String,
    #[serde(default)]
    time: String,
    #[serde(default)]
    venue: String,
    #[serde(default)]
    address: String,
    #[serde(default)]
    capacity: String,
}

async fn schedule(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(input): Form<ScheduleInput>,
) -> Result<Response, WebError> {
    national(&ctx)?;
    let id: Uuid = id.parse().map_err(|_| WebError::NotFound)?;
    let form = ScheduleForm {
        date: input.date.clone(),
        time: input.time.clone(),
        venue: input.venue.clone(),
        address: input.address.clone(),
        capacity: input.capacity.clone(),
        circle: String::new(),
    };
    let actor = ctx.account().map(|a| a.id).unwrap_or_default();
    match ctx.state().app.schedule_conference(actor, id, &form).await {
        Ok(event) => Ok(Redirect::to(&format!("/evenements/{event}")).into_response()),
        Err(e) => {
            let view = schedule_view(&ctx, id, &input).refused(&ctx, e)?;
            request_page(&ctx, id, Some(view), StatusCode::UNPROCESSABLE_ENTITY).await
        }
    }
}

async fn answered(ctx: Ctx, Path(id): Path<String>) -> Result<Response, WebError> {
    national(&ctx)?;
    let id: Uuid = id.parse().map_err(|_| WebError::NotFound)?;
    ctx.state().app.hosting_request(id).await?;
    ctx.state().app.mark_hosting_answered(id).await?;
    Ok(Redirect::to(&format!("/admin/demandes/{id}")).into_response())
}

struct MessageRow {
    id: Uuid,
    created: String,
    category: String,
    name: String,
    email: String,
    message: String,
    statuses: Vec<(&'static str, String, bool)>,
}

#[derive(Template)]
#[template(path = "pages/messages.html")]
struct MessagesTemplate<'a> {
    page: Page<'a>,
    filters: Vec<(&'static str, String, bool)>,
    rows: Vec<MessageRow>,
    pager: Pager,
    /// The export of what the filter selects.
    csv: String,
}

async fn messages(ctx: Ctx, Query(q): Query<PageQuery>) -> Result<Response, WebError> {
    national(&ctx)?;
    let tr = ctx.tr();
    let page = q.page.unwrap_or(1).max(1);
    let status = q.etat.as_deref().and_then(|s| ContactStatus::parse(s).ok());
    let (list, total) = ctx
        .state()
        .app
        .contact_messages(
            status.map(ContactStatus::as_str),
            (page - 1) * PAGE_SIZE,
            PAGE_SIZE,
        )
        .await?;
    let rows = list
        .into_iter()
        .map(|m| MessageRow {
            id: m.id,
            created: m
                .created_at
                .with_timezone(&chrono_tz::Europe::Paris)
                .format("%d/%m/%Y %H:%M")
                .to_string(),
            category: tr.t(&format!("category-{}", m.category)),
            name: m.name,
            email: m.email,
            message: m.message,
            statuses: ContactStatus::ALL
                .iter()
                .map(|s| {
                    (
                        s.as_str(),
                        tr.t(&format!("message-status-{s}")),
                        *s == m.status,
                    )
                })
                .collect(),
        })
        .collect();
    let query = status
        .as_ref()
        .map(|s| format!("etat={s}"))
        .unwrap_or_default();
    Ok(super::render(&MessagesTemplate {
        page: ctx.page(tr.t("admin-messages-title")),
        filters: ContactStatus::ALL
            .iter()
            .map(|s| {
                (
                    s.as_str(),
                    tr.t(&format!("message-status-{s}")),
                    status == Some(*s),
                )
            })
            .collect(),
        rows,
        pager: pager(&tr, "/admin/messages", &query, page, total),
        csv: match query.as_str() {
            "" => "/admin/messages.csv".to_owned(),
            q => format!("/admin/messages.csv?{q}"),
        },
    }))
}

#[derive(Deserialize)]
struct StatusInput {
    status: String,
}

async fn set_status(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(input): Form<StatusInput>,
) -> Result<Response, WebError> {
    national(&ctx)?;
    let id: Uuid = id.parse().map_err(|_| WebError::NotFound)?;
    ctx.state()
        .app
        .set_message_status(id, &input.status)
        .await?;
    Ok(Redirect::to(&format!("/admin/messages#m-{id}")).into_response())
}
