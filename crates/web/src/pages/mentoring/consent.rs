//! A parent's consent for a porteur under 15, from the e-mailed link.

use super::*;

#[derive(Template)]
#[template(path = "pages/consent.html")]
pub(super) struct ConsentTemplate<'a> {
    page: Page<'a>,
    token: String,
    /// The notice, naming the child, the project, the circle and the periods.
    notice: String,
}

pub(super) async fn consent_page(
    ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Response, WebError> {
    let tr = ctx.tr();
    let notice = ctx
        .state()
        .app
        .parental_notice(&token, ctx.locale)
        .await?
        .unwrap_or_else(|| tr.t("consent-notice-unknown"));
    Ok(super::render(&ConsentTemplate {
        page: ctx.page(tr.t("consent-title")),
        token,
        notice,
    }))
}

pub(super) async fn give_consent(
    ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Response, WebError> {
    match ctx
        .state()
        .app
        .give_parental_consent(&token, ctx.locale)
        .await
    {
        Ok(_) => super::super::done::redirect("consentement-donne"),
        Err(AppError::NotFound) => Ok(super::auth::message(
            &ctx,
            "verify-link-invalid-title",
            "cancel-invalid-text",
            ("/", "back-home"),
            StatusCode::GONE,
        )),
        Err(e) => Err(e.into()),
    }
}

/// A porteur under 15 withdraws their own consent (confirmed first).
pub(super) async fn withdraw_minor_consent(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(input): Form<crate::pages::confirm::Confirmation>,
) -> Result<Response, WebError> {
    let user = me(&ctx)?;
    let app = &ctx.state().app;
    let project = app.project(id_of(&id)?).await?;
    ctx.require(
        Action::UseOwnProject,
        &Resource::Project {
            mentee_id: project.mentee_id,
            circle_id: project.circle_id,
        },
    )?;
    if !input.given() {
        return Ok(crate::pages::confirm::ask(
            &ctx,
            &format!("/mon-espace/projets/{id}/accord/retirer"),
            ctx.tr().t("minor-consent-withdraw-confirm"),
            Vec::new(),
            "/mon-espace",
        ));
    }
    app.withdraw_minor_consent(user, &project).await?;
    Ok(Redirect::to("/mon-espace").into_response())
}

pub(super) async fn withdraw_consent(
    ctx: Ctx,
    Path(token): Path<String>,
    Form(input): Form<crate::pages::confirm::Confirmation>,
) -> Result<Response, WebError> {
    if !input.given() {
        return Ok(crate::pages::confirm::ask(
            &ctx,
            &format!("/consentement/{token}/retirer"),
            ctx.tr().t("consent-withdraw-confirm"),
            Vec::new(),
            &format!("/consentement/{token}"),
        ));
    }
    match ctx.state().app.withdraw_parental_consent(&token).await {
        Ok(()) => super::super::done::redirect("consentement-retire"),
        Err(AppError::NotFound) => Ok(super::auth::message(
            &ctx,
            "verify-link-invalid-title",
            "cancel-invalid-text",
            ("/", "back-home"),
            StatusCode::GONE,
        )),
        Err(e) => Err(e.into()),
    }
}
