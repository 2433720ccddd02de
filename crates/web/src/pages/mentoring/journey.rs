//! Becoming a mentor and presenting a project: the two journeys' pages and forms.

use super::*;

#[derive(Template)]
#[template(path = "pages/journey.html")]
pub(super) struct JourneyTemplate<'a> {
    page: Page<'a>,
    kind: &'static str,
    heading: String,
    paragraphs: Vec<String>,
    steps: Vec<String>,
    signed_in: bool,
    status: Option<String>,
    error: Option<(String, String)>,
    domains: Vec<(String, String)>,
    languages: Vec<(&'static str, String)>,
    stages: Vec<(&'static str, String)>,
    fields: Vec<(String, String)>,
}

impl JourneyTemplate<'_> {
    fn value(&self, key: &str) -> String {
        one(&self.fields, key)
    }
    fn checked(&self, key: &str, value: &str) -> bool {
        self.fields.iter().any(|(k, v)| k == key && v == value)
    }
    fn invalid(&self, field: &str) -> bool {
        self.error.as_ref().is_some_and(|(f, _)| f == field)
    }
}

pub(super) async fn journey(
    ctx: &Ctx,
    kind: &'static str,
    fields: Vec<(String, String)>,
    error: Option<(String, String)>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tr = ctx.tr();
    let prefix = if kind == "mentor" {
        "become-mentor"
    } else {
        "find-mentor"
    };
    let app = &ctx.state().app;
    let application = match ctx.account() {
        Some(a) if kind == "mentor" => app.mentor_profile(a.id).await.ok(),
        _ => None,
    };
    let mut response = super::render(&JourneyTemplate {
        page: ctx.page(tr.t(&format!("{prefix}-title"))),
        kind,
        heading: tr.t(&format!("{prefix}-title")),
        paragraphs: (1..=2).map(|i| tr.t(&format!("{prefix}-p{i}"))).collect(),
        steps: (1..=3)
            .map(|i| tr.t(&format!("{prefix}-step{i}")))
            .collect(),
        signed_in: ctx.account().is_some(),
        status: application.map(|m| {
            tr.ts(
                "application-status",
                "status",
                &tr.t(&format!("vetting-{}", m.status)),
            )
        }),
        error,
        domains: app
            .domains()
            .await?
            .into_iter()
            .map(|d| {
                let label = d.label(ctx.locale).to_owned();
                (d.code, label)
            })
            .collect(),
        languages: LANGUAGES
            .iter()
            .map(|l| (*l, tr.t(&format!("language-{l}"))))
            .collect(),
        stages: STAGES
            .iter()
            .map(|s| (*s, tr.t(&format!("stage-{s}"))))
            .collect(),
        fields,
    });
    *response.status_mut() = status;
    Ok(response)
}

pub(super) async fn become_mentor(
    ctx: Ctx,
    Query(prefill): Query<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    journey(&ctx, "mentor", prefill, None, StatusCode::OK).await
}

pub(super) async fn find_mentor(ctx: Ctx) -> Result<Response, WebError> {
    journey(&ctx, "project", Vec::new(), None, StatusCode::OK).await
}

/// An invitation to apply after a conference (`/devenir-mentor/invitation/{secret}`):
/// signed in, the application filled in from the registration; else the sign-up form
/// filled in, the invitation waiting for the person's return. A used or unknown link
/// says so (410).
pub(super) async fn invitation(ctx: Ctx, Path(secret): Path<String>) -> Result<Response, WebError> {
    let (registration, event) = match ctx.state().app.invitation(&secret).await {
        Ok(found) => found,
        Err(AppError::NotFound) => {
            return Ok(crate::pages::auth::message(
                &ctx,
                "invite-link-invalid-title",
                "invite-link-invalid-text",
                ("/devenir-mentor", "cta-mentor"),
                StatusCode::GONE,
            ));
        }
        Err(e) => return Err(e.into()),
    };
    if ctx.account().is_none() {
        let tr = ctx.tr();
        return Ok(crate::pages::auth::prefilled_sign_up(
            &ctx,
            &registration.first_name,
            &registration.last_name,
            &registration.email,
            tr.t("invite-sign-up-lead"),
        ));
    }
    let commune = mentorat_app::territories::territories()
        .commune(&event.commune_code)
        .map(|c| c.name.clone())
        .unwrap_or_default();
    // The conference's town, and the language the person registered in.
    let fields = vec![
        ("commune".to_owned(), event.commune_code.clone()),
        ("commune_query".to_owned(), commune),
        (
            "languages".to_owned(),
            registration.locale.code().to_owned(),
        ),
    ];
    journey(&ctx, "mentor", fields, None, StatusCode::OK).await
}

/// The application sent from an invitation's page: the invitation is used with it.
pub(super) async fn apply_invited(
    ctx: Ctx,
    Path(secret): Path<String>,
    RawForm(raw): RawForm,
) -> Result<Response, WebError> {
    apply_with(ctx, raw, secret).await
}

/// The mentor form's fields (the application's, the profile's).
pub(super) fn mentor_form(fields: &[(String, String)], invitation: String) -> MentorForm {
    let domains = (1..=3)
        .map(|i| {
            (
                one(fields, &format!("domain_{i}")),
                one(fields, &format!("years_{i}")),
            )
        })
        .filter(|(d, _)| !d.is_empty())
        .collect();
    MentorForm {
        domains,
        bio: one(fields, "bio"),
        commune: one(fields, "commune"),
        commune_query: one(fields, "commune_query"),
        travel_km: one(fields, "travel_km"),
        remote: !one(fields, "remote").is_empty(),
        languages: all(fields, "languages"),
        capacity: one(fields, "capacity"),
        availability: one(fields, "availability"),
        charter: !one(fields, "charter").is_empty(),
        invitation,
    }
}

pub(super) async fn apply(ctx: Ctx, RawForm(raw): RawForm) -> Result<Response, WebError> {
    apply_with(ctx, raw, String::new()).await
}

async fn apply_with(ctx: Ctx, raw: bytes::Bytes, invitation: String) -> Result<Response, WebError> {
    let user = me(&ctx)?;
    let fields = pairs(&raw);
    let form = mentor_form(&fields, invitation);
    match ctx.state().app.apply_as_mentor(user, &form).await {
        Ok(_) => super::super::done::redirect("candidature-envoyee"),
        Err(e) => {
            let error = error_of(&ctx, e)?;
            journey(
                &ctx,
                "mentor",
                fields,
                Some(error),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

pub(super) async fn submit_project(ctx: Ctx, RawForm(raw): RawForm) -> Result<Response, WebError> {
    let user = me(&ctx)?;
    let fields = pairs(&raw);
    let form = ProjectForm {
        title: one(&fields, "title"),
        description: one(&fields, "description"),
        domains: all(&fields, "domains")
            .into_iter()
            .filter(|d| !d.is_empty())
            .collect(),
        stage: one(&fields, "stage"),
        help_wanted: one(&fields, "help_wanted"),
        commune: one(&fields, "commune"),
        commune_query: one(&fields, "commune_query"),
        languages: all(&fields, "languages"),
        remote: !one(&fields, "remote").is_empty(),
        birth_year: one(&fields, "birth_year"),
        parent_name: one(&fields, "parent_name"),
        parent_email: one(&fields, "parent_email"),
        minor_consent: !one(&fields, "minor_consent").is_empty(),
    };
    match ctx.state().app.submit_project(user, &form).await {
        Ok(_) => super::super::done::redirect("projet-envoye"),
        Err(e) => {
            let error = error_of(&ctx, e)?;
            journey(
                &ctx,
                "project",
                fields,
                Some(error),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}
