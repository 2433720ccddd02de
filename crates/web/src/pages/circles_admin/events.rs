//! Scheduling and cancelling events from the back office.

use super::*;

#[derive(Deserialize, Default)]
pub(super) struct EventInput {
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

pub(super) fn event_view(ctx: &Ctx, input: &EventInput) -> FormView {
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
                .value(&input.description)
                .hint(tr.t("event-agenda-hint"))
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

pub(super) async fn new_event_form(ctx: Ctx) -> Result<Response, WebError> {
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

pub(super) async fn new_event(
    ctx: Ctx,
    Form(input): Form<EventInput>,
) -> Result<Response, WebError> {
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
    match ctx.state().app.create_event(actor(&ctx), &form).await {
        Ok(id) => Ok(Redirect::to(&format!("/evenements/{id}")).into_response()),
        Err(e) => {
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

pub(super) async fn cancel_event(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(input): Form<crate::pages::confirm::Confirmation>,
) -> Result<Response, WebError> {
    let id: Uuid = id.parse().map_err(|_| WebError::NotFound)?;
    let event = ctx.state().app.event_page(id).await?.event;
    match event.circle_id {
        Some(circle) => ctx.require(Action::ManageCircle, &Resource::Circle(circle))?,
        None => ctx.require(Action::ManageNetwork, &Resource::Platform)?,
    };
    if !input.given() {
        return Ok(crate::pages::confirm::ask(
            &ctx,
            &format!("/evenements/{id}/annuler-evenement"),
            ctx.tr().t("event-cancel-confirm"),
            Vec::new(),
            &format!("/evenements/{id}"),
        ));
    }
    done_or_overtaken(ctx.state().app.cancel_event(actor(&ctx), &event).await)?;
    Ok(Redirect::to(&format!("/evenements/{id}")).into_response())
}
