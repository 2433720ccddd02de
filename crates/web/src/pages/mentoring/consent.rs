//! A parent's consent for a porteur under 15, from the e-mailed link.

use super::*;

#[derive(Template)]
#[template(path = "pages/consent.html")]
pub(super) struct ConsentTemplate<'a> {
    page: Page<'a>,
    token: String,
}

pub(super) async fn consent_page(ctx: Ctx, Path(token): Path<String>) -> Response {
    let tr = ctx.tr();
    super::render(&ConsentTemplate {
        page: ctx.page(tr.t("consent-title")),
        token,
    })
}

pub(super) async fn give_consent(
    ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Response, WebError> {
    match ctx.state().app.give_parental_consent(&token).await {
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
