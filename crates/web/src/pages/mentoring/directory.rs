//! The directory of suggested mentors for one's project, and the requests to them.

use super::*;
use mentorat_app::mentoring::NoSuggestion;

#[derive(Deserialize, Default)]
pub(super) struct DirectoryQuery {
    projet: Option<String>,
    domaine: Option<String>,
    niveau: Option<String>,
    langue: Option<String>,
}

pub(super) struct Card {
    /// Why this mentor is suggested, in the reader's language, and how well they match
    /// (0–100).
    reasons: Vec<String>,
    score: i64,
    id: Uuid,
    name: String,
    domains: Vec<String>,
    bio: String,
    commune: String,
    availability: String,
    /// The languages the mentor speaks, spelled out.
    languages: String,
    request_label: String,
}

#[derive(Template)]
#[template(path = "pages/directory.html")]
pub(super) struct DirectoryTemplate<'a> {
    page: Page<'a>,
    project: Uuid,
    domains: Vec<(String, String, bool)>,
    levels: Vec<(&'static str, String, bool)>,
    languages: Vec<(&'static str, String, bool)>,
    cards: Vec<Card>,
    /// What an empty directory says.
    empty: String,
    error: Option<String>,
}

/// The project the directory is for: the viewer's own matchable project.
pub(super) async fn own_matchable_project(
    ctx: &Ctx,
    raw: Option<&str>,
) -> Result<ProjectRecord, WebError> {
    me(ctx)?;
    let id = id_of(raw.unwrap_or(""))?;
    let project = ctx.state().app.project(id).await?;
    ctx.require(
        Action::UseOwnProject,
        &Resource::Project {
            mentee_id: project.mentee_id,
            circle_id: project.circle_id,
        },
    )?;
    Ok(project)
}

pub(super) async fn render_directory(
    ctx: &Ctx,
    project: &ProjectRecord,
    q: &DirectoryQuery,
    error: Option<String>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let app = &ctx.state().app;
    let tr = ctx.tr();
    // The fields come with the shared index of mentors (read once per change).
    let pool = app.mentor_pool().await?;
    let domains = pool.domains();
    let label = |code: &str| mentorat_app::mentoring::Domain::label_of(domains, code, ctx.locale);
    let level = match q.niveau.as_deref() {
        Some("same_commune") => Some(Proximity::SameCommune),
        Some("same_intercommunality") => Some(Proximity::SameIntercommunality),
        Some("same_departement") => Some(Proximity::SameDepartement),
        _ => None,
    };
    // Only a known language filters; anything else shows every mentor.
    let language = q.langue.as_deref().filter(|l| LANGUAGES.contains(l));
    let language_names = |list: &str| super::language_names(&tr, list);
    let cards = if ctx.state().app.project_is_matchable(project) {
        let domain = q.domaine.as_deref();
        app.explained_suggestions(&pool, ctx.locale, project, domain, level, language)
            .await?
            .into_iter()
            .map(|(s, reasons)| {
                let c = s.card;
                Card {
                    reasons,
                    score: s.points,
                    request_label: tr.ts("request-submit", "name", &c.short_name),
                    id: c.user_id,
                    name: c.short_name,
                    domains: c
                        .domains
                        .iter()
                        .map(|(d, y)| {
                            format!("{} — {}", label(d), tr.tn("directory-years", "years", *y))
                        })
                        .collect(),
                    bio: c.bio,
                    commune: c.commune,
                    availability: c.availability,
                    languages: language_names(&c.languages),
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    // An empty directory says why, and what to do next.
    let empty = if cards.is_empty() && app.project_is_matchable(project) {
        let why = app
            .why_no_suggestion(&pool, project, q.domaine.as_deref(), level, language)
            .await?;
        tr.t(match why {
            NoSuggestion::AllAsked => "directory-empty-all-asked",
            NoSuggestion::Filters => "directory-empty",
            NoSuggestion::NobodyYet => "directory-empty-nobody",
        })
    } else {
        tr.t("directory-empty")
    };
    let mut response = super::render(&DirectoryTemplate {
        page: ctx.page(tr.t("directory-title")),
        project: project.id,
        domains: domains
            .iter()
            .map(|d| {
                (
                    d.code.clone(),
                    label(&d.code),
                    q.domaine.as_deref() == Some(d.code.as_str()),
                )
            })
            .collect(),
        levels: ["same_commune", "same_intercommunality", "same_departement"]
            .iter()
            .map(|l| {
                (
                    *l,
                    tr.t(&format!("level-{l}")),
                    q.niveau.as_deref() == Some(l),
                )
            })
            .collect(),
        languages: LANGUAGES
            .iter()
            .map(|l| (*l, tr.t(&format!("language-{l}")), language == Some(*l)))
            .collect(),
        cards,
        empty,
        error: error.or_else(|| {
            (!ctx.state().app.project_is_matchable(project))
                .then(|| tr.t("error-project-not-ready"))
        }),
    });
    *response.status_mut() = status;
    Ok(response)
}

pub(super) async fn directory(
    ctx: Ctx,
    Query(q): Query<DirectoryQuery>,
) -> Result<Response, WebError> {
    let project = own_matchable_project(&ctx, q.projet.as_deref()).await?;
    render_directory(&ctx, &project, &q, None, StatusCode::OK).await
}

#[derive(Deserialize)]
pub(super) struct AskInput {
    #[serde(default)]
    project: String,
    #[serde(default)]
    mentor: String,
    #[serde(default)]
    message: String,
}

pub(super) async fn ask(ctx: Ctx, Form(input): Form<AskInput>) -> Result<Response, WebError> {
    let user = me(&ctx)?;
    let project = own_matchable_project(&ctx, Some(&input.project)).await?;
    let mentor = id_of(&input.mentor)?;
    match ctx
        .state()
        .app
        .request_mentor(user, &project, mentor, &input.message)
        .await
    {
        Ok(_) => Ok(Redirect::to("/mon-espace?avis=demande-envoyee").into_response()),
        Err(e) => {
            let (_, message) = error_of(&ctx, e)?;
            let q = DirectoryQuery {
                projet: Some(project.id.to_string()),
                ..Default::default()
            };
            render_directory(
                &ctx,
                &project,
                &q,
                Some(message),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

#[derive(Deserialize)]
pub(super) struct AnswerInput {
    #[serde(default)]
    decision: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    note: String,
}

pub(super) async fn answer(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(input): Form<AnswerInput>,
) -> Result<Response, WebError> {
    let user = me(&ctx)?;
    let request = ctx.state().app.request(id_of(&id)?).await?;
    ctx.require(
        Action::AnswerRequest,
        &Resource::Request {
            mentor_id: request.mentor_id,
            mentee_id: request.mentee_id,
        },
    )?;
    match ctx
        .state()
        .app
        .answer_request(
            user,
            &request,
            input.decision == "accept",
            &input.reason,
            &input.note,
        )
        .await
    {
        Ok(Some(mentorship)) => {
            Ok(Redirect::to(&format!("/mentorats/{mentorship}")).into_response())
        }
        Ok(None) => Ok(Redirect::to("/mon-espace").into_response()),
        Err(e) => {
            let (_, message) = error_of(&ctx, e)?;
            let mut response = render_space(&ctx, user, Some(message)).await?;
            *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(response)
        }
    }
}

pub(super) async fn withdraw(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(input): Form<crate::pages::confirm::Confirmation>,
) -> Result<Response, WebError> {
    let user = me(&ctx)?;
    let request = ctx.state().app.request(id_of(&id)?).await?;
    ctx.require(
        Action::WithdrawRequest,
        &Resource::Request {
            mentor_id: request.mentor_id,
            mentee_id: request.mentee_id,
        },
    )?;
    if !input.given() {
        return Ok(crate::pages::confirm::ask(
            &ctx,
            &format!("/demandes/{}/retirer", request.id),
            ctx.tr().t("withdraw-confirm"),
            Vec::new(),
            "/mon-espace",
        ));
    }
    done_or_overtaken(ctx.state().app.withdraw_request(user, &request).await)?;
    Ok(Redirect::to("/mon-espace").into_response())
}
