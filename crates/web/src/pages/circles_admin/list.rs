//! The list of circles and the creation of a circle (national team).

use super::*;
use crate::pages::admin::{PAGE_SIZE, PageQuery, Pager, pager};
use axum::extract::Query;

#[derive(Template)]
#[template(path = "pages/admin_circles.html")]
pub(super) struct ListTemplate<'a> {
    page: Page<'a>,
    /// A page of the circles, by name.
    circles: Vec<(String, String, String)>,
    pager: Pager,
    form: FormView,
}

#[derive(Deserialize, Default)]
pub(super) struct NewCircleInput {
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

pub(super) fn new_circle_view(ctx: &Ctx, input: &NewCircleInput) -> FormView {
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

/// The list, 50 circles a page (`page` from 1), with the creation form.
pub(super) async fn render_list(
    ctx: &Ctx,
    form: FormView,
    status: StatusCode,
    page: u64,
) -> Result<Response, WebError> {
    let tr = ctx.tr();
    let all = ctx.state().app.circles().await?;
    let pager = pager(&tr, "/admin/cercles", "", page, all.len() as i64);
    let page = page.clamp(1, pager.pages);
    let circles = all
        .into_iter()
        .skip(((page - 1) * PAGE_SIZE) as usize)
        .take(PAGE_SIZE as usize)
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
        pager,
        form,
    });
    *response.status_mut() = status;
    Ok(response)
}

pub(super) async fn list(ctx: Ctx, Query(q): Query<PageQuery>) -> Result<Response, WebError> {
    ctx.require(Action::ManageNetwork, &Resource::Platform)?;
    render_list(
        &ctx,
        new_circle_view(&ctx, &NewCircleInput::default()),
        StatusCode::OK,
        q.page.unwrap_or(1),
    )
    .await
}

pub(super) async fn create(
    ctx: Ctx,
    Form(input): Form<NewCircleInput>,
) -> Result<Response, WebError> {
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
        Err(e) => {
            let view = new_circle_view(&ctx, &input).refused(&ctx, e)?;
            render_list(&ctx, view, StatusCode::UNPROCESSABLE_ENTITY, 1).await
        }
    }
}

/// Every circle with its figures, as a CSV (audited).
pub(super) async fn list_csv(ctx: Ctx) -> Result<Response, WebError> {
    ctx.require(Action::ManageNetwork, &Resource::Platform)?;
    let tr = ctx.tr();
    let base = &ctx.state().app.settings.base_url;
    let rows = ctx
        .state()
        .app
        .circles()
        .await?
        .into_iter()
        .map(|c| {
            vec![
                c.circle.name,
                tr.t(super::views::status_key(c.circle.status)),
                c.circle.commune_code,
                c.active_mentors.to_string(),
                c.projects_supported.to_string(),
                c.editions.to_string(),
                format!("{base}/cercles/{}", c.circle.slug),
            ]
        })
        .collect();
    let header = [
        "csv-circle",
        "csv-status",
        "csv-commune-code",
        "csv-active-mentors",
        "csv-projects-supported",
        "csv-editions",
        "csv-link",
    ]
    .map(|k| tr.t(k));
    crate::pages::list_export(&ctx, "circles", "cercles.csv", &header, rows).await
}
