//! Each circle's matching weights.

use super::*;

#[derive(Template)]
#[template(path = "pages/weights.html")]
pub(super) struct WeightsTemplate<'a> {
    page: Page<'a>,
    action: String,
    title: String,
    defaults: bool,
    notice: Option<String>,
    error: Option<(String, String)>,
    /// (name, label, hint, value, the error is about it)
    parts: Vec<(&'static str, String, String, String, bool)>,
}

#[derive(Deserialize, Default)]
pub(super) struct WeightsQuery {
    #[serde(default)]
    etat: String,
}

pub(super) async fn render_weights(
    ctx: &Ctx,
    circle: Uuid,
    values: Option<[String; 6]>,
    notice: Option<String>,
    error: Option<(String, String)>,
) -> Result<Response, WebError> {
    ctx.require(Action::ManageCircle, &Resource::Circle(circle))?;
    let app = &ctx.state().app;
    let tr = ctx.tr();
    let (_, name) = app
        .circle_names(&[circle])
        .await?
        .pop()
        .ok_or(WebError::NotFound)?;
    let (saved, defaults) = app.circle_weights(circle).await?;
    let saved = saved.parts().map(|v| v.to_string());
    let values = values.unwrap_or(saved);
    let parts = mentorat_app::batch::WEIGHT_PARTS
        .iter()
        .zip(values)
        .map(|(part, value)| {
            (
                *part,
                tr.t(&format!("weights-part-{part}")),
                tr.t(&format!("weights-help-{part}")),
                value,
                error.as_ref().is_some_and(|(f, _)| f == part),
            )
        })
        .collect();
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let title = tr.ts("weights-title", "name", &tr.of_place("circle-title", &name));
    let mut response = super::render(&WeightsTemplate {
        page: ctx.page(title.clone()),
        action: format!("/coordination/ponderations/{circle}"),
        title,
        defaults,
        notice,
        error,
        parts,
    });
    *response.status_mut() = status;
    Ok(response)
}

pub(super) async fn weights_page(
    ctx: Ctx,
    Path(id): Path<String>,
    Query(q): Query<WeightsQuery>,
) -> Result<Response, WebError> {
    let circle = id_of(&id)?;
    let notice = match q.etat.as_str() {
        "enregistre" => Some(ctx.tr().t("weights-saved")),
        "defaut" => Some(ctx.tr().t("weights-reset-done")),
        _ => None,
    };
    render_weights(&ctx, circle, None, notice, None).await
}

pub(super) async fn save_weights(
    ctx: Ctx,
    Path(id): Path<String>,
    RawForm(form): RawForm,
) -> Result<Response, WebError> {
    let circle = id_of(&id)?;
    ctx.require(Action::ManageCircle, &Resource::Circle(circle))?;
    let actor = me(&ctx)?;
    let fields = pairs(&form);
    let raw = mentorat_app::batch::WEIGHT_PARTS.map(|part| one(&fields, part));
    let result = ctx
        .state()
        .app
        .set_circle_weights(actor, circle, raw.each_ref().map(String::as_str))
        .await;
    match result {
        Ok(_) => Ok(Redirect::to(&format!(
            "/coordination/ponderations/{circle}?etat=enregistre"
        ))
        .into_response()),
        Err(e) => {
            let error = error_of(&ctx, e)?;
            render_weights(&ctx, circle, Some(raw), None, Some(error)).await
        }
    }
}

pub(super) async fn reset_weights(ctx: Ctx, Path(id): Path<String>) -> Result<Response, WebError> {
    let circle = id_of(&id)?;
    ctx.require(Action::ManageCircle, &Resource::Circle(circle))?;
    let actor = me(&ctx)?;
    ctx.state().app.reset_circle_weights(actor, circle).await?;
    Ok(Redirect::to(&format!("/coordination/ponderations/{circle}?etat=defaut")).into_response())
}
