//! The taxonomy of fields of experience (national team).

use super::*;

#[derive(Template)]
#[template(path = "pages/domains.html")]
pub(super) struct DomainsTemplate<'a> {
    page: Page<'a>,
    domains: Vec<mentorat_app::mentoring::Domain>,
    error: Option<String>,
}

pub(super) async fn render_domains(
    ctx: &Ctx,
    error: Option<String>,
    status: StatusCode,
) -> Result<Response, WebError> {
    ctx.require(Action::ManageNetwork, &Resource::Platform)?;
    let tr = ctx.tr();
    let mut response = super::render(&DomainsTemplate {
        page: ctx.page(tr.t("domains-title")),
        domains: ctx.state().app.domains().await?,
        error,
    });
    *response.status_mut() = status;
    Ok(response)
}

pub(super) async fn domains_page(ctx: Ctx) -> Result<Response, WebError> {
    render_domains(&ctx, None, StatusCode::OK).await
}

#[derive(Deserialize)]
pub(super) struct DomainInput {
    #[serde(default)]
    label_fr: String,
    #[serde(default)]
    label_en: String,
    #[serde(default)]
    synonyms_fr: String,
    #[serde(default)]
    synonyms_en: String,
}

pub(super) async fn edit_domain(
    ctx: Ctx,
    Path(code): Path<String>,
    Form(input): Form<DomainInput>,
) -> Result<Response, WebError> {
    ctx.require(Action::ManageNetwork, &Resource::Platform)?;
    let actor = me(&ctx)?;
    match ctx
        .state()
        .app
        .update_domain(
            actor,
            &code,
            &input.label_fr,
            &input.label_en,
            &input.synonyms_fr,
            &input.synonyms_en,
        )
        .await
    {
        Ok(()) => Ok(Redirect::to(&format!("/admin/domaines#d-{code}")).into_response()),
        Err(e) => {
            let (_, message) = error_of(&ctx, e)?;
            render_domains(&ctx, Some(message), StatusCode::UNPROCESSABLE_ENTITY).await
        }
    }
}
