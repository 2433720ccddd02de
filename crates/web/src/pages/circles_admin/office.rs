//! One circle's back office: status, territory, editions, coordinators.

use super::*;

#[derive(Template)]
#[template(path = "pages/admin_circle.html")]
pub(super) struct OfficeTemplate<'a> {
    page: Page<'a>,
    slug: String,
    heading: String,
    status: String,
    national: bool,
    territory: Vec<(String, String)>,
    coordinators: Vec<(Uuid, String)>,
    forms: Vec<FormView>,
    /// While the circle is planned or launching: each step, and when it happened.
    launch: Vec<(String, Option<String>)>,
}

/// The circle, if the viewer may manage it (its coordinators and the national team).
pub(super) async fn managed(ctx: &Ctx, slug: &str) -> Result<CircleOffice, WebError> {
    let office = ctx.state().app.circle_office(slug).await?;
    ctx.require(Action::ManageCircle, &Resource::Circle(office.circle.id))?;
    Ok(office)
}

pub(super) fn status_form(ctx: &Ctx, circle: &Circle) -> Option<FormView> {
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

pub(super) fn territory_form(ctx: &Ctx, circle: &Circle) -> FormView {
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

pub(super) fn edition_form(ctx: &Ctx, circle: &Circle) -> FormView {
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

pub(super) fn coordinator_form(ctx: &Ctx, circle: &Circle) -> FormView {
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

pub(super) fn render_office(
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
        launch: office
            .launch
            .as_ref()
            .map(|d| super::launches::steps(ctx, d))
            .unwrap_or_default(),
    });
    *response.status_mut() = status;
    response
}

pub(super) async fn office(ctx: Ctx, Path(slug): Path<String>) -> Result<Response, WebError> {
    let office = managed(&ctx, &slug).await?;
    Ok(render_office(&ctx, &office, None, StatusCode::OK))
}

/// Runs a back-office change; on bad input the page comes back with the form in error.
pub(super) async fn change(
    ctx: &Ctx,
    office: &CircleOffice,
    result: Result<(), AppError>,
    form: FormView,
) -> Result<Response, WebError> {
    match result {
        Ok(()) => {
            Ok(Redirect::to(&format!("/admin/cercles/{}", office.circle.slug)).into_response())
        }
        Err(e) => {
            let form = form.refused(ctx, e)?;
            let fresh = ctx
                .state()
                .app
                .circle_office(office.circle.slug.as_str())
                .await?;
            Ok(render_office(
                ctx,
                &fresh,
                Some(form),
                StatusCode::UNPROCESSABLE_ENTITY,
            ))
        }
    }
}

#[derive(Deserialize)]
pub(super) struct StatusInput {
    #[serde(default)]
    status: String,
}

pub(super) async fn set_status(
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
pub(super) struct TerritoryInput {
    #[serde(default)]
    level: String,
    #[serde(default)]
    commune: String,
    #[serde(default)]
    commune_query: String,
}

pub(super) async fn extend(
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
pub(super) struct EditionInput {
    #[serde(default)]
    date: String,
    #[serde(default)]
    venue: String,
    #[serde(default)]
    new_mentors: String,
}

pub(super) async fn add_edition(
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
pub(super) struct GrantInput {
    #[serde(default)]
    pub(super) email: String,
}

pub(super) async fn grant(
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

pub(super) async fn revoke(
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
