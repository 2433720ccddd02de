//! A partner association's page and its members.

use super::*;

#[derive(Template)]
#[template(path = "pages/admin_partner.html")]
pub(super) struct PartnerTemplate<'a> {
    page: Page<'a>,
    name: String,
    place: String,
    contact: String,
    members: Vec<String>,
    form: Option<FormView>,
}

pub(super) fn member_form(ctx: &Ctx, slug: &str) -> FormView {
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

pub(super) async fn render_partner(
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

pub(super) async fn partner(ctx: Ctx, Path(slug): Path<String>) -> Result<Response, WebError> {
    render_partner(&ctx, &slug, None, StatusCode::OK).await
}

pub(super) async fn add_member(
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
        Err(e) => {
            let mut form = member_form(&ctx, &slug);
            form.fields[0].value = input.email.clone();
            let form = form.refused(&ctx, e)?;
            render_partner(&ctx, &slug, Some(form), StatusCode::UNPROCESSABLE_ENTITY).await
        }
    }
}
