//! Mentoring pages: becoming a mentor, presenting a project (with a parent's consent
//! under 15), one's own space (projects, requests, relationships), the directory, the
//! relationship itself, and the coordinators' pages (vetting, validating, following).

use super::admin::{PAGE_SIZE, PageQuery, Pager, pager};
use crate::page::{Ctx, Page};
use crate::{AppState, WebError};
use askama::Template;
use axum::extract::{Path, Query, RawForm};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use mentorat_app::AppError;
use mentorat_app::mentoring::{MeetingForm, MentorForm, MentorProfile, ProjectForm, ProjectRecord};
use mentorat_domain::mentoring::{DECLINE_REASONS, LANGUAGES, STAGES, Vetting};
use mentorat_domain::policy::{Action, Resource, Scope};
use mentorat_domain::territory::Proximity;
use mentorat_domain::{PersonName, ProjectStatus};
use serde::Deserialize;
use uuid::Uuid;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/devenir-mentor", get(become_mentor).post(apply))
        .route("/trouver-un-mentor", get(find_mentor).post(submit_project))
        .route(
            "/consentement/{token}",
            get(consent_page).post(give_consent),
        )
        .route("/consentement/{token}/retirer", post(withdraw_consent))
        .route("/mon-espace", get(space))
        .route("/annuaire", get(directory))
        .route("/annuaire/demande", post(ask))
        .route("/demandes/{id}/reponse", post(answer))
        .route("/demandes/{id}/retirer", post(withdraw))
        .route("/mentorats/{id}", get(mentorship))
        .route("/mentorats/{id}/rencontres", post(log_meeting))
        .route("/mentorats/{id}/cloture", post(close))
        .route("/mentorats/{id}/avis", post(feedback))
        .route("/mentorats/{id}/objectifs", post(add_goal))
        .route("/mentorats/{id}/objectifs/{goal}", post(set_goal))
        .route("/coordination/appariements", post(propose))
        .route("/coordination/appariements/{id}", get(proposal_page))
        .route("/coordination/appariements/{id}/retirer", post(remove_pair))
        .route("/coordination/appariements/{id}/publier", post(publish))
        .route(
            "/coordination/appariements/{id}/recalculer",
            post(recompute),
        )
        .route("/admin/domaines", get(domains_page))
        .route("/admin/domaines/{code}", post(edit_domain))
        .route("/coordination", get(coordination))
        .route(
            "/coordination/ponderations/{id}",
            get(weights_page).post(save_weights),
        )
        .route(
            "/coordination/ponderations/{id}/defaut",
            post(reset_weights),
        )
        .route("/coordination/mentors/{id}", get(vetting_page).post(vet))
        .route("/coordination/projets/{id}", get(record_page).post(review))
}

fn me(ctx: &Ctx) -> Result<Uuid, WebError> {
    ctx.account().map(|a| a.id).ok_or_else(|| WebError::SignIn {
        back_to: ctx.path.clone(),
    })
}

fn id_of(raw: &str) -> Result<Uuid, WebError> {
    raw.parse().map_err(|_| WebError::NotFound)
}

/// Decodes a form that repeats keys (checkbox lists) into pairs.
fn pairs(raw: &[u8]) -> Vec<(String, String)> {
    form_urlencoded::parse(raw)
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

fn one(fields: &[(String, String)], key: &str) -> String {
    fields
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.clone())
        .unwrap_or_default()
}

fn all(fields: &[(String, String)], key: &str) -> Vec<String> {
    fields
        .iter()
        .filter(|(k, _)| k == key)
        .map(|(_, v)| v.clone())
        .collect()
}

fn error_of(ctx: &Ctx, e: AppError) -> Result<(String, String), WebError> {
    match e {
        AppError::Invalid { field, key } => Ok((field.to_owned(), ctx.tr().t(key))),
        other => Err(other.into()),
    }
}

// ---- becoming a mentor / presenting a project ----

#[derive(Template)]
#[template(path = "pages/journey.html")]
struct JourneyTemplate<'a> {
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

async fn journey(
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
                (
                    d.code,
                    if ctx.locale == mentorat_domain::Locale::En {
                        d.label_en
                    } else {
                        d.label_fr
                    },
                )
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

async fn become_mentor(
    ctx: Ctx,
    Query(prefill): Query<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    journey(&ctx, "mentor", prefill, None, StatusCode::OK).await
}

async fn find_mentor(ctx: Ctx) -> Result<Response, WebError> {
    journey(&ctx, "project", Vec::new(), None, StatusCode::OK).await
}

async fn apply(ctx: Ctx, RawForm(raw): RawForm) -> Result<Response, WebError> {
    let user = me(&ctx)?;
    let fields = pairs(&raw);
    let domains = (1..=3)
        .map(|i| {
            (
                one(&fields, &format!("domain_{i}")),
                one(&fields, &format!("years_{i}")),
            )
        })
        .filter(|(d, _)| !d.is_empty())
        .collect();
    let form = MentorForm {
        domains,
        bio: one(&fields, "bio"),
        commune: one(&fields, "commune"),
        commune_query: one(&fields, "commune_query"),
        travel_km: one(&fields, "travel_km"),
        remote: !one(&fields, "remote").is_empty(),
        languages: all(&fields, "languages"),
        capacity: one(&fields, "capacity"),
        availability: one(&fields, "availability"),
        charter: !one(&fields, "charter").is_empty(),
    };
    match ctx.state().app.apply_as_mentor(user, &form).await {
        Ok(_) => Ok(super::auth::message(
            &ctx,
            "applied-title",
            "applied-text",
            ("/mon-espace", "nav-space"),
            StatusCode::OK,
        )),
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

async fn submit_project(ctx: Ctx, RawForm(raw): RawForm) -> Result<Response, WebError> {
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
    };
    match ctx.state().app.submit_project(user, &form).await {
        Ok(_) => Ok(super::auth::message(
            &ctx,
            "project-sent-title",
            "project-sent-text",
            ("/mon-espace", "nav-space"),
            StatusCode::OK,
        )),
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

// ---- a parent's consent ----

#[derive(Template)]
#[template(path = "pages/consent.html")]
struct ConsentTemplate<'a> {
    page: Page<'a>,
    token: String,
}

async fn consent_page(ctx: Ctx, Path(token): Path<String>) -> Response {
    let tr = ctx.tr();
    super::render(&ConsentTemplate {
        page: ctx.page(tr.t("consent-title")),
        token,
    })
}

async fn give_consent(ctx: Ctx, Path(token): Path<String>) -> Result<Response, WebError> {
    match ctx.state().app.give_parental_consent(&token).await {
        Ok(_) => Ok(super::auth::message(
            &ctx,
            "consent-given-title",
            "consent-given-text",
            ("/", "back-home"),
            StatusCode::OK,
        )),
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

async fn withdraw_consent(ctx: Ctx, Path(token): Path<String>) -> Result<Response, WebError> {
    match ctx.state().app.withdraw_parental_consent(&token).await {
        Ok(()) => Ok(super::auth::message(
            &ctx,
            "consent-withdrawn-title",
            "consent-withdrawn-text",
            ("/", "back-home"),
            StatusCode::OK,
        )),
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

// ---- one's own space ----

struct ProjectLine {
    id: Uuid,
    title: String,
    status: String,
    matchable: bool,
    waiting_consent: bool,
}

struct RequestLine {
    id: Uuid,
    other: String,
    message: String,
    status: String,
    open: bool,
    reason: Option<String>,
}

#[derive(Template)]
#[template(path = "pages/space.html")]
struct SpaceTemplate<'a> {
    page: Page<'a>,
    projects: Vec<ProjectLine>,
    outgoing: Vec<RequestLine>,
    incoming: Vec<RequestLine>,
    mentorships: Vec<(String, String)>,
    reasons: Vec<(&'static str, String)>,
    notice: Option<String>,
}

async fn name_of(ctx: &Ctx, id: Uuid, full: bool) -> String {
    match ctx.state().app.store.account_by_id(id).await {
        Ok(Some(a)) => {
            if full {
                a.name.full()
            } else {
                a.name.short()
            }
        }
        _ => String::new(),
    }
}

async fn render_space(ctx: &Ctx, user: Uuid, notice: Option<String>) -> Result<Response, WebError> {
    let app = &ctx.state().app;
    let tr = ctx.tr();
    let projects = app
        .projects_of(user)
        .await?
        .into_iter()
        .map(|p| ProjectLine {
            matchable: ctx.state().app.project_is_matchable(&p),
            waiting_consent: p.parent_name.is_some() && p.consent_given_at.is_none(),
            status: tr.t(&format!("project-status-{}", p.status)),
            id: p.id,
            title: p.title,
        })
        .collect();
    let mut outgoing = Vec::new();
    let mut incoming = Vec::new();
    for r in app.requests_of(user).await? {
        let outgoing_request = r.mentee_id == user;
        let line = RequestLine {
            id: r.id,
            other: name_of(
                ctx,
                if outgoing_request {
                    r.mentor_id
                } else {
                    r.mentee_id
                },
                false,
            )
            .await,
            message: r.message.clone(),
            status: tr.t(&format!("mreq-status-{}", r.status)),
            open: r.status == mentorat_domain::RequestStatus::Open,
            reason: r.decline_reason.as_ref().map(|k| {
                let text = tr.t(&format!("decline-reason-{k}"));
                if r.decline_text.is_empty() {
                    text
                } else {
                    format!("{text} — {}", r.decline_text)
                }
            }),
        };
        if outgoing_request {
            outgoing.push(line)
        } else {
            incoming.push(line)
        }
    }
    let mut mentorships = Vec::new();
    for m in app.mentorships_of(user).await? {
        let other = name_of(
            ctx,
            if m.mentor_id == user {
                m.mentee_id
            } else {
                m.mentor_id
            },
            true,
        )
        .await;
        mentorships.push((format!("/mentorats/{}", m.id), other));
    }
    Ok(super::render(&SpaceTemplate {
        page: ctx.page(tr.t("space-title")),
        projects,
        outgoing,
        incoming,
        mentorships,
        reasons: DECLINE_REASONS
            .iter()
            .map(|r| (*r, tr.t(&format!("decline-reason-{r}"))))
            .collect(),
        notice,
    }))
}

async fn space(ctx: Ctx) -> Result<Response, WebError> {
    let user = me(&ctx)?;
    render_space(&ctx, user, None).await
}

// ---- the directory and requests ----

#[derive(Deserialize, Default)]
struct DirectoryQuery {
    projet: Option<String>,
    domaine: Option<String>,
    niveau: Option<String>,
    langue: Option<String>,
}

struct Card {
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
struct DirectoryTemplate<'a> {
    page: Page<'a>,
    project: Uuid,
    domains: Vec<(String, String, bool)>,
    levels: Vec<(&'static str, String, bool)>,
    languages: Vec<(&'static str, String, bool)>,
    cards: Vec<Card>,
    error: Option<String>,
}

/// The project the directory is for: the viewer's own matchable project.
async fn own_matchable_project(ctx: &Ctx, raw: Option<&str>) -> Result<ProjectRecord, WebError> {
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

async fn render_directory(
    ctx: &Ctx,
    project: &ProjectRecord,
    q: &DirectoryQuery,
    error: Option<String>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let app = &ctx.state().app;
    let tr = ctx.tr();
    let domains = app.domains().await?;
    let label = |code: &str| {
        domains
            .iter()
            .find(|d| d.code == code)
            .map(|d| {
                if ctx.locale == mentorat_domain::Locale::En {
                    d.label_en.clone()
                } else {
                    d.label_fr.clone()
                }
            })
            .unwrap_or_default()
    };
    let level = match q.niveau.as_deref() {
        Some("same_commune") => Some(Proximity::SameCommune),
        Some("same_intercommunality") => Some(Proximity::SameIntercommunality),
        Some("same_departement") => Some(Proximity::SameDepartement),
        _ => None,
    };
    // Only a known language filters; anything else shows every mentor.
    let language = q.langue.as_deref().filter(|l| LANGUAGES.contains(l));
    let language_names = |list: &str| {
        list.split(',')
            .filter(|l| LANGUAGES.contains(l))
            .map(|l| tr.t(&format!("language-{l}")))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let cards = if ctx.state().app.project_is_matchable(project) {
        let domain = q.domaine.as_deref();
        app.explained_suggestions(ctx.locale, project, domain, level, language)
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
        error: error.or_else(|| {
            (!ctx.state().app.project_is_matchable(project))
                .then(|| tr.t("error-project-not-ready"))
        }),
    });
    *response.status_mut() = status;
    Ok(response)
}

async fn directory(ctx: Ctx, Query(q): Query<DirectoryQuery>) -> Result<Response, WebError> {
    let project = own_matchable_project(&ctx, q.projet.as_deref()).await?;
    render_directory(&ctx, &project, &q, None, StatusCode::OK).await
}

#[derive(Deserialize)]
struct AskInput {
    #[serde(default)]
    project: String,
    #[serde(default)]
    mentor: String,
    #[serde(default)]
    message: String,
}

async fn ask(ctx: Ctx, Form(input): Form<AskInput>) -> Result<Response, WebError> {
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
struct AnswerInput {
    #[serde(default)]
    decision: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    note: String,
}

async fn answer(
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

async fn withdraw(ctx: Ctx, Path(id): Path<String>) -> Result<Response, WebError> {
    let user = me(&ctx)?;
    let request = ctx.state().app.request(id_of(&id)?).await?;
    ctx.require(
        Action::WithdrawRequest,
        &Resource::Request {
            mentor_id: request.mentor_id,
            mentee_id: request.mentee_id,
        },
    )?;
    match ctx.state().app.withdraw_request(user, &request).await {
        Ok(()) | Err(AppError::Invalid { .. }) => Ok(Redirect::to("/mon-espace").into_response()),
        Err(e) => Err(e.into()),
    }
}

// ---- the relationship ----

/// A goal: (id, title, [(status, label, current)]).
type GoalLine = (Uuid, String, Vec<(&'static str, String, bool)>);

struct MeetingLine {
    line: String,
    mode: String,
    topics: String,
    notes: String,
}

#[derive(Template)]
#[template(path = "pages/mentorship.html")]
struct MentorshipTemplate<'a> {
    page: Page<'a>,
    id: Uuid,
    project: String,
    pair: String,
    contact: Option<String>,
    in_pair: bool,
    active: bool,
    feedback_given: bool,
    meetings: Vec<MeetingLine>,
    goals: Vec<GoalLine>,
    error: Option<String>,
}

/// The relationship, if the viewer is one of the pair, coordinates the project's
/// circle, or is the national team.
/// A relationship the viewer may read, and the resource the policy judges it as.
async fn visible_mentorship(
    ctx: &Ctx,
    id: &str,
) -> Result<(Uuid, mentorat_app::mentoring::MentorshipRecord, Resource), WebError> {
    let user = me(ctx)?;
    let record = ctx.state().app.mentorship_record(id_of(id)?).await?;
    let project = ctx.state().app.project(record.project_id).await?;
    let resource = Resource::Mentorship {
        mentor_id: record.mentor_id,
        mentee_id: record.mentee_id,
        circle_id: project.circle_id,
    };
    ctx.require(Action::ViewMentorship, &resource)?;
    Ok((user, record, resource))
}

async fn render_mentorship(
    ctx: &Ctx,
    user: Uuid,
    record: mentorat_app::mentoring::MentorshipRecord,
    error: Option<String>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tr = ctx.tr();
    let view = ctx.state().app.mentorship_view(user, record).await?;
    let mut response = super::render(&MentorshipTemplate {
        page: ctx.page(tr.t("mentorship-title")),
        id: view.record.id,
        project: tr.ts("mentorship-project", "title", &view.project_title),
        pair: tr.tv(
            "mentorship-pair",
            &[("mentor", &view.mentor_name), ("mentee", &view.mentee_name)],
        ),
        contact: view
            .other_email
            .as_ref()
            .map(|e| tr.ts("mentorship-contact", "email", e)),
        in_pair: view.in_pair,
        active: view.record.status == mentorat_domain::MentorshipStatus::Active,
        feedback_given: view.feedback_given,
        goals: if view.in_pair {
            ctx.state()
                .app
                .goals(view.record.id)
                .await?
                .into_iter()
                .map(|g| {
                    let options = mentorat_domain::GoalStatus::ALL
                        .iter()
                        .map(|s| {
                            (
                                s.as_str(),
                                tr.t(&format!("goal-status-{s}")),
                                *s == g.status,
                            )
                        })
                        .collect();
                    (g.id, g.title, options)
                })
                .collect()
        } else {
            Vec::new()
        },
        meetings: view
            .meetings
            .iter()
            .map(|m| MeetingLine {
                line: tr.tv(
                    "meeting-line",
                    &[
                        ("date", &tr.date(&m.held_on.date_naive())),
                        ("minutes", &m.minutes.to_string()),
                    ],
                ),
                mode: tr.t(if m.remote {
                    "meeting-remote"
                } else {
                    "meeting-in-person"
                }),
                topics: m.topics.clone(),
                notes: m.private_notes.clone(),
            })
            .collect(),
        error,
    });
    *response.status_mut() = status;
    Ok(response)
}

async fn mentorship(ctx: Ctx, Path(id): Path<String>) -> Result<Response, WebError> {
    let (user, record, _) = visible_mentorship(&ctx, &id).await?;
    render_mentorship(&ctx, user, record, None, StatusCode::OK).await
}

/// Runs a change made by one of the pair; on bad input, the page with the message.
async fn pair_change(
    ctx: &Ctx,
    id: &str,
    change: impl AsyncFnOnce(Uuid, &mentorat_app::mentoring::MentorshipRecord) -> Result<(), AppError>,
) -> Result<Response, WebError> {
    let (user, record, resource) = visible_mentorship(ctx, id).await?;
    ctx.require(Action::TakePartInMentorship, &resource)?;
    match change(user, &record).await {
        Ok(()) => Ok(Redirect::to(&format!("/mentorats/{}", record.id)).into_response()),
        Err(e) => {
            let (_, message) = error_of(ctx, e)?;
            render_mentorship(
                ctx,
                user,
                record,
                Some(message),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

#[derive(Deserialize)]
struct MeetingInput {
    #[serde(default)]
    date: String,
    #[serde(default)]
    minutes: String,
    remote: Option<String>,
    #[serde(default)]
    topics: String,
    #[serde(default)]
    notes: String,
}

async fn log_meeting(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(input): Form<MeetingInput>,
) -> Result<Response, WebError> {
    let form = MeetingForm {
        date: input.date,
        minutes: input.minutes,
        remote: input.remote.is_some(),
        topics: input.topics,
        notes: input.notes,
    };
    let app = ctx.state().app.clone();
    pair_change(&ctx, &id, async move |user, record| {
        app.log_meeting(user, record, &form).await
    })
    .await
}

#[derive(Deserialize)]
struct CloseInput {
    #[serde(default)]
    reason: String,
}

async fn close(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(input): Form<CloseInput>,
) -> Result<Response, WebError> {
    let app = ctx.state().app.clone();
    pair_change(&ctx, &id, async move |user, record| {
        app.close_mentorship(user, record, &input.reason).await
    })
    .await
}

#[derive(Deserialize)]
struct FeedbackInput {
    #[serde(default)]
    satisfaction: String,
    #[serde(default)]
    changes: String,
    #[serde(default)]
    comment: String,
}

async fn feedback(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(input): Form<FeedbackInput>,
) -> Result<Response, WebError> {
    let app = ctx.state().app.clone();
    pair_change(&ctx, &id, async move |user, record| {
        app.give_feedback(
            user,
            record,
            &input.satisfaction,
            &input.changes,
            &input.comment,
        )
        .await
    })
    .await
}

// ---- coordinators ----

/// The circles whose back office the viewer runs (`None` inside: all, national team).
fn coordinated(ctx: &Ctx) -> Result<Vec<Option<Uuid>>, WebError> {
    let account = ctx.require(Action::Coordinate, &Resource::Platform)?;
    let viewer = mentorat_domain::policy::Viewer {
        user_id: account.id,
        roles: &account.roles,
    };
    Ok(match viewer.coordination_scope() {
        Scope::Network => vec![None],
        Scope::Circles(circles) => circles.into_iter().map(Some).collect(),
    })
}

/// A heading and its lines (href, name, state).
type Section = (String, Vec<(String, String, String)>);

#[derive(Template)]
#[template(path = "pages/coordination.html")]
struct CoordinationTemplate<'a> {
    page: Page<'a>,
    sections: Vec<Section>,
    /// (circle id or empty for the whole network, name)
    batch: Vec<(String, String)>,
    /// (circle id, name) of the circles that may be matched together (two or more).
    together: Vec<(String, String)>,
    /// Why the last matching request was refused.
    error: Option<String>,
    /// (href, label) of each circle's weights page.
    weights: Vec<(String, String)>,
    feedback: Option<String>,
    events: Vec<(String, String, String)>,
}

async fn coordination(ctx: Ctx) -> Result<Response, WebError> {
    render_coordination(&ctx, None).await
}

/// The coordination page, with `error` next to the matching forms.
async fn render_coordination(ctx: &Ctx, error: Option<String>) -> Result<Response, WebError> {
    let circles = coordinated(ctx)?;
    let app = &ctx.state().app;
    let all = app.circles().await?;
    let tr = ctx.tr();
    let (mut applications, mut projects, mut waiting, mut mentors) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for &circle in &circles {
        for m in app.circle_mentors(circle).await? {
            let line = (
                format!("/coordination/mentors/{}", m.user_id),
                format!("{} {}", m.first_name, m.last_name),
                tr.t(&format!("vetting-{}", m.status)),
            );
            if matches!(m.status, Vetting::Submitted | Vetting::InterviewPlanned) {
                applications.push(line)
            } else {
                mentors.push(line)
            }
        }
        for p in app.circle_projects(circle).await? {
            let href = format!("/coordination/projets/{}", p.id);
            match p.status {
                ProjectStatus::Submitted | ProjectStatus::NeedsDetails => projects.push((
                    href,
                    p.title.clone(),
                    tr.t(&format!("project-status-{}", p.status)),
                )),
                ProjectStatus::Validated => {
                    let days = (ctx.state().app.now() - p.created_at).num_days();
                    waiting.push((
                        href,
                        p.title.clone(),
                        tr.tn("coordination-waiting-days", "days", days),
                    ));
                }
                _ => {}
            }
        }
    }
    let mut attention = Vec::new();
    for &circle in &circles {
        for m in app
            .mentorships_needing_attention(circle, ctx.state().app.now())
            .await?
        {
            let since = m.last_meeting_on.unwrap_or(m.started_at);
            let days = (ctx.state().app.now() - since).num_days();
            let title = app
                .project(m.project_id)
                .await
                .map(|p| p.title)
                .unwrap_or_default();
            attention.push((
                format!("/mentorats/{}", m.id),
                title,
                tr.tn("coordination-waiting-days", "days", days),
            ));
        }
    }
    let sections = vec![
        (tr.t("coordination-attention"), attention),
        (tr.t("coordination-applications"), applications),
        (tr.t("coordination-projects"), projects),
        (tr.t("coordination-waiting"), waiting),
        (tr.t("coordination-mentors"), mentors),
    ];
    // Feedback in aggregate, and the next events of the circles.
    let (mut answers, mut total) = (0i64, 0f64);
    let mut events = Vec::new();
    for &circle in &circles {
        let s = app.feedback_summary(circle).await?;
        answers += s.answers;
        total += s.average * s.answers as f64;
        for e in app.upcoming_events(circle, 5).await? {
            events.push((
                format!("/evenements/{}", e.id),
                e.title.clone(),
                tr.date_time(&e.local_start()),
            ));
        }
    }
    let feedback = (answers > 0).then(|| {
        let average = format!("{:.1}", total / answers as f64);
        let average = if ctx.locale == mentorat_domain::Locale::Fr {
            average.replace('.', ",")
        } else {
            average
        };
        tr.tv(
            "coordination-feedback",
            &[("count", &answers.to_string()), ("average", &average)],
        )
    });
    // One form per circle the viewer runs (and the whole network for the national team).
    let mut batch = Vec::new();
    for &circle in &circles {
        let name = match circle {
            Some(c) => all
                .iter()
                .find(|s| s.circle.id == c)
                .map(|s| tr.of_place("circle-title", &s.circle.name))
                .unwrap_or_default(),
            None => tr.t("proposal-network"),
        };
        batch.push((circle.map(|c| c.to_string()).unwrap_or_default(), name));
    }
    // The circles the viewer runs (every circle for the national team), each with its
    // matching weights; two or more may be matched together.
    let run: Vec<(Uuid, String)> = all
        .iter()
        .filter(|s| circles.contains(&None) || circles.contains(&Some(s.circle.id)))
        .map(|s| (s.circle.id, tr.of_place("circle-title", &s.circle.name)))
        .collect();
    let weights = run
        .iter()
        .map(|(id, name)| {
            (
                format!("/coordination/ponderations/{id}"),
                tr.ts("weights-link", "name", name),
            )
        })
        .collect();
    let together = if run.len() > 1 {
        run.into_iter()
            .map(|(id, name)| (id.to_string(), name))
            .collect()
    } else {
        Vec::new()
    };
    let mut response = super::render(&CoordinationTemplate {
        batch,
        together,
        error: error.clone(),
        weights,
        feedback,
        events,
        page: ctx.page(tr.t("coordination-title")),
        sections,
    });
    if error.is_some() {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

#[derive(Template)]
#[template(path = "pages/vetting.html")]
struct VettingTemplate<'a> {
    page: Page<'a>,
    id: Uuid,
    heading: String,
    status: String,
    bio: String,
    commune: String,
    domains: Vec<String>,
    next: Vec<(&'static str, String)>,
    error: Option<String>,
}

async fn managed_mentor(ctx: &Ctx, id: &str) -> Result<MentorProfile, WebError> {
    let mentor = ctx.state().app.mentor_profile(id_of(id)?).await?;
    match mentor.circle_id {
        Some(c) => ctx.require(Action::ManageCircle, &Resource::Circle(c))?,
        None => ctx.require(Action::ManageNetwork, &Resource::Platform)?,
    };
    Ok(mentor)
}

async fn render_vetting(
    ctx: &Ctx,
    mentor: &MentorProfile,
    error: Option<String>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tr = ctx.tr();
    let current = mentor.status;
    let name = format!("{} {}", mentor.first_name, mentor.last_name);
    let mut response = super::render(&VettingTemplate {
        page: ctx.page(tr.ts("vetting-title", "name", &name)),
        id: mentor.user_id,
        heading: tr.ts("vetting-title", "name", &name),
        status: tr.t(&format!("vetting-{}", mentor.status)),
        bio: mentor.bio.clone(),
        commune: mentorat_app::territories::territories()
            .commune(&mentor.commune_code)
            .map(|c| c.name.clone())
            .unwrap_or_default(),
        domains: ctx
            .state()
            .app
            .mentor_domains(mentor.user_id)
            .await?
            .into_iter()
            .map(|(d, y)| format!("{d} — {}", tr.tn("directory-years", "years", y)))
            .collect(),
        next: mentorat_domain::mentoring::Vetting::ALL
            .iter()
            .filter(|v| current.can_become(**v))
            .map(|v| (v.as_str(), tr.t(&format!("vetting-{}", v.as_str()))))
            .collect(),
        error,
    });
    *response.status_mut() = status;
    Ok(response)
}

async fn vetting_page(ctx: Ctx, Path(id): Path<String>) -> Result<Response, WebError> {
    let mentor = managed_mentor(&ctx, &id).await?;
    render_vetting(&ctx, &mentor, None, StatusCode::OK).await
}

#[derive(Deserialize)]
struct VetInput {
    #[serde(default)]
    status: String,
    #[serde(default)]
    interview_on: String,
    background_checked: Option<String>,
}

async fn vet(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(input): Form<VetInput>,
) -> Result<Response, WebError> {
    let mentor = managed_mentor(&ctx, &id).await?;
    let actor = me(&ctx)?;
    match ctx
        .state()
        .app
        .vet_mentor(
            actor,
            &mentor,
            &input.status,
            &input.interview_on,
            input.background_checked.is_some(),
        )
        .await
    {
        Ok(()) => {
            Ok(Redirect::to(&format!("/coordination/mentors/{}", mentor.user_id)).into_response())
        }
        Err(e) => {
            let (_, message) = error_of(&ctx, e)?;
            render_vetting(
                &ctx,
                &mentor,
                Some(message),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

#[derive(Template)]
#[template(path = "pages/record.html")]
struct RecordTemplate<'a> {
    page: Page<'a>,
    id: Uuid,
    heading: String,
    project: ProjectRecord,
    status: String,
    stage: String,
    commune: String,
    open: bool,
    error: Option<String>,
    /// The engine's ten best mentors for a project that may be matched: (short name,
    /// score, reasons); `None` for a project that may not be matched yet.
    suggestions: Option<Vec<(String, i64, Vec<String>)>>,
}

/// A project the viewer reviews (its circle's coordinators, the national team).
async fn managed_project(ctx: &Ctx, id: &str) -> Result<ProjectRecord, WebError> {
    let project = ctx.state().app.project(id_of(id)?).await?;
    ctx.require(
        Action::ReviewProject,
        &Resource::Project {
            mentee_id: project.mentee_id,
            circle_id: project.circle_id,
        },
    )?;
    Ok(project)
}

async fn render_record(
    ctx: &Ctx,
    project: ProjectRecord,
    error: Option<String>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tr = ctx.tr();
    // Every view of a porteur's record is in the audit log.
    ctx.state()
        .app
        .audit_record_view(me(ctx)?, &project)
        .await?;
    let name = format!("{} {}", project.first_name, project.last_name);
    // What the porteur's directory suggests, with the same reasons and scores.
    let suggestions = if ctx.state().app.project_is_matchable(&project) {
        let app = &ctx.state().app;
        let found = app
            .explained_suggestions(ctx.locale, &project, None, None, None)
            .await?;
        Some(
            found
                .into_iter()
                .map(|(s, reasons)| (s.card.short_name, s.points, reasons))
                .collect(),
        )
    } else {
        None
    };
    let mut response = super::render(&RecordTemplate {
        page: ctx.page(tr.ts("record-title", "name", &name)),
        id: project.id,
        heading: tr.ts("record-title", "name", &name),
        status: tr.t(&format!("project-status-{}", project.status)),
        stage: tr.t(&format!("stage-{}", project.stage)),
        commune: mentorat_app::territories::territories()
            .commune(&project.commune_code)
            .map(|c| c.name.clone())
            .unwrap_or_default(),
        open: matches!(
            project.status,
            ProjectStatus::Submitted | ProjectStatus::NeedsDetails
        ),
        project,
        error,
        suggestions,
    });
    *response.status_mut() = status;
    Ok(response)
}

async fn record_page(ctx: Ctx, Path(id): Path<String>) -> Result<Response, WebError> {
    let project = managed_project(&ctx, &id).await?;
    render_record(&ctx, project, None, StatusCode::OK).await
}

#[derive(Deserialize)]
struct ReviewInput {
    #[serde(default)]
    decision: String,
    #[serde(default)]
    note: String,
}

async fn review(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(input): Form<ReviewInput>,
) -> Result<Response, WebError> {
    let project = managed_project(&ctx, &id).await?;
    let actor = me(&ctx)?;
    match ctx
        .state()
        .app
        .review_project(actor, &project, &input.decision, &input.note)
        .await
    {
        Ok(()) => {
            Ok(Redirect::to(&format!("/coordination/projets/{}", project.id)).into_response())
        }
        Err(e) => {
            let (_, message) = error_of(&ctx, e)?;
            render_record(
                &ctx,
                project,
                Some(message),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

#[derive(Deserialize)]
struct GoalInput {
    #[serde(default)]
    title: String,
    #[serde(default)]
    status: String,
}

async fn add_goal(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(input): Form<GoalInput>,
) -> Result<Response, WebError> {
    let app = ctx.state().app.clone();
    pair_change(&ctx, &id, async move |user, record| {
        app.add_goal(user, record, &input.title).await
    })
    .await
}

async fn set_goal(
    ctx: Ctx,
    Path((id, goal)): Path<(String, String)>,
    Form(input): Form<GoalInput>,
) -> Result<Response, WebError> {
    let goal = id_of(&goal)?;
    let app = ctx.state().app.clone();
    pair_change(&ctx, &id, async move |user, record| {
        app.set_goal_status(user, record, goal, &input.status).await
    })
    .await
}

// ---- the taxonomy of fields (national team) ----

#[derive(Template)]
#[template(path = "pages/domains.html")]
struct DomainsTemplate<'a> {
    page: Page<'a>,
    domains: Vec<mentorat_app::mentoring::Domain>,
    error: Option<String>,
}

async fn render_domains(
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

async fn domains_page(ctx: Ctx) -> Result<Response, WebError> {
    render_domains(&ctx, None, StatusCode::OK).await
}

#[derive(Deserialize)]
struct DomainInput {
    #[serde(default)]
    label_fr: String,
    #[serde(default)]
    label_en: String,
    #[serde(default)]
    synonyms_fr: String,
    #[serde(default)]
    synonyms_en: String,
}

async fn edit_domain(
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

// ---- each circle's matching weights ----

#[derive(Template)]
#[template(path = "pages/weights.html")]
struct WeightsTemplate<'a> {
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
struct WeightsQuery {
    #[serde(default)]
    etat: String,
}

async fn render_weights(
    ctx: &Ctx,
    circle: Uuid,
    values: Option<[String; 6]>,
    notice: Option<String>,
    error: Option<(String, String)>,
) -> Result<Response, WebError> {
    ctx.require(Action::ManageCircle, &Resource::Circle(circle))?;
    let app = &ctx.state().app;
    let tr = ctx.tr();
    let summary = app
        .circles()
        .await?
        .into_iter()
        .find(|s| s.circle.id == circle)
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
    let title = tr.ts(
        "weights-title",
        "name",
        &tr.of_place("circle-title", &summary.circle.name),
    );
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

async fn weights_page(
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

async fn save_weights(
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

async fn reset_weights(ctx: Ctx, Path(id): Path<String>) -> Result<Response, WebError> {
    let circle = id_of(&id)?;
    ctx.require(Action::ManageCircle, &Resource::Circle(circle))?;
    let actor = me(&ctx)?;
    ctx.state().app.reset_circle_weights(actor, circle).await?;
    Ok(Redirect::to(&format!("/coordination/ponderations/{circle}?etat=defaut")).into_response())
}

// ---- batch matching: propose, review pair by pair, publish ----

/// Whether the viewer runs each of these circles (the whole network for none: the
/// national team only; it may match any circle too).
fn may_match(ctx: &Ctx, circles: &[Uuid]) -> Result<(), WebError> {
    if circles.is_empty() {
        return ctx
            .require(Action::ManageNetwork, &Resource::Platform)
            .map(drop);
    }
    circles.iter().try_for_each(|&c| {
        ctx.require(Action::ManageCircle, &Resource::Circle(c))
            .map(drop)
    })
}

/// A proposal and its circles, if the viewer runs each of them (national team: any,
/// or all).
async fn matching_proposal(
    ctx: &Ctx,
    id: Uuid,
) -> Result<(mentorat_app::batch::Proposal, Vec<Uuid>), WebError> {
    let app = &ctx.state().app;
    let proposal = app.proposal_record(id).await?;
    let circles = app.proposal_circles(&proposal).await?;
    may_match(ctx, &circles)?;
    Ok((proposal, circles))
}

/// One circle's form sends `circle` (empty for the whole network); the form of several
/// circles sends `together` and each circle ticked as `circles`.
async fn propose(ctx: Ctx, RawForm(raw): RawForm) -> Result<Response, WebError> {
    let actor = me(&ctx)?;
    let fields = pairs(&raw);
    let circles: Vec<Uuid> = if one(&fields, "together").is_empty() {
        match one(&fields, "circle").trim() {
            "" => Vec::new(),
            raw => vec![id_of(raw)?],
        }
    } else {
        let ticked = all(&fields, "circles")
            .iter()
            .map(|raw| id_of(raw))
            .collect::<Result<Vec<_>, _>>()?;
        if ticked.len() < 2 {
            let error = ctx.tr().t("error-proposal-circles");
            return render_coordination(&ctx, Some(error)).await;
        }
        ticked
    };
    may_match(&ctx, &circles)?;
    let matches_first = !one(&fields, "matches_first").is_empty();
    let id = ctx
        .state()
        .app
        .propose_matches_for(actor, &circles, matches_first)
        .await?;
    Ok(Redirect::to(&format!("/coordination/appariements/{id}")).into_response())
}

struct PairLine {
    project_id: Uuid,
    project: String,
    mentor: String,
    score: i64,
    reasons: Vec<String>,
    removed: bool,
}

#[derive(Template)]
#[template(path = "pages/proposal.html")]
struct ProposalTemplate<'a> {
    page: Page<'a>,
    id: Uuid,
    /// Still open to changes: a draft neither published nor replaced.
    draft: bool,
    /// The draft recomputed from this one.
    replaced_by: Option<Uuid>,
    /// « Cercles appariés ensemble : … » for a proposal of several circles.
    together: Option<String>,
    /// How many pairs earlier reviews removed, never proposed again.
    excluded: usize,
    summary: String,
    /// Which rule the proposal followed.
    rule: String,
    /// This page's pairs and porteurs without a mentor.
    pairs: Vec<PairLine>,
    /// (« Title — First L. », why no mentor)
    unmatched: Vec<(String, String)>,
    current: u64,
    pager: Pager,
    notice: Option<String>,
}

/// A proposal's page `page`: its pairs and its porteurs without a mentor by
/// `PAGE_SIZE` each (a network-wide one may hold thousands).
async fn render_proposal(
    ctx: &Ctx,
    id: Uuid,
    page: u64,
    notice: Option<String>,
) -> Result<Response, WebError> {
    let app = &ctx.state().app;
    let (proposal, circles) = matching_proposal(ctx, id).await?;
    let excluded = app.proposal_exclusions(id).await?.len();
    let tr = ctx.tr();
    // A proposal of several circles names them.
    let together = if circles.len() > 1 {
        let names: Vec<String> = app
            .circles()
            .await?
            .iter()
            .filter(|s| circles.contains(&s.circle.id))
            .map(|s| s.circle.name.clone())
            .collect();
        Some(tr.ts("proposal-together", "names", &names.join(", ")))
    } else {
        None
    };
    // The record counts its pairs and its porteurs without a mentor.
    let total = proposal.matched.max(proposal.unmatched);
    let pages = (total.max(0) as u64).div_ceil(PAGE_SIZE).max(1);
    let page = page.clamp(1, pages);
    let (pairs, unmatched) = app
        .proposal_page(id, (page - 1) * PAGE_SIZE, PAGE_SIZE)
        .await?;
    // The page's porteurs and mentors, read at once.
    let ids: Vec<Uuid> = pairs
        .iter()
        .map(|p| p.project_id)
        .chain(unmatched.iter().map(|(p, _)| *p))
        .collect();
    let projects = app
        .store
        .projects_by_ids(&ids)
        .await
        .map_err(AppError::from)?;
    let mentors: Vec<Uuid> = pairs.iter().map(|p| p.mentor_id).collect();
    let names = app
        .store
        .short_names(&mentors)
        .await
        .map_err(AppError::from)?;
    // « Title — First L. »: no more of the porteur than the pair needs.
    let project_line = |id: &Uuid| {
        projects.get(id).map_or_else(String::new, |project| {
            let name = PersonName::short_of(&project.first_name, &project.last_name);
            format!("{} — {name}", project.title)
        })
    };
    let lines = pairs
        .iter()
        .map(|p| PairLine {
            project_id: p.project_id,
            project: project_line(&p.project_id),
            mentor: names.get(&p.mentor_id).cloned().unwrap_or_default(),
            score: p.score,
            reasons: p.reasons.lines().map(str::to_owned).collect(),
            removed: p.removed,
        })
        .collect();
    let unmatched = unmatched
        .iter()
        .map(|(project, reason)| {
            (
                project_line(project),
                tr.t(&format!("proposal-unmatched-{reason}")),
            )
        })
        .collect();
    let pager = pager(
        &tr,
        &format!("/coordination/appariements/{id}"),
        "",
        page,
        total,
    );
    Ok(super::render(&ProposalTemplate {
        page: ctx.page(tr.t("proposal-title")),
        id,
        draft: proposal.status == mentorat_domain::ProposalStatus::Draft
            && proposal.replaced_by.is_none(),
        replaced_by: proposal.replaced_by,
        together,
        excluded,
        summary: tr.tv(
            "proposal-summary",
            &[
                ("matched", &proposal.matched.to_string()),
                ("unmatched", &proposal.unmatched.to_string()),
                ("score", &proposal.total_score.to_string()),
                ("blocking", &proposal.blocking_pairs.to_string()),
            ],
        ),
        rule: tr.t(if proposal.matches_first {
            "proposal-rule-matches-first"
        } else {
            "proposal-rule-best-score"
        }),
        pairs: lines,
        unmatched,
        current: page,
        pager,
        notice,
    }))
}

async fn proposal_page(
    ctx: Ctx,
    Path(id): Path<String>,
    Query(q): Query<PageQuery>,
) -> Result<Response, WebError> {
    render_proposal(&ctx, id_of(&id)?, q.page.unwrap_or(1), None).await
}

#[derive(Deserialize)]
struct RemoveInput {
    #[serde(default)]
    project: String,
    /// The page of the proposal the pair was on, to go back to.
    page: Option<u64>,
}

async fn remove_pair(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(input): Form<RemoveInput>,
) -> Result<Response, WebError> {
    let app = &ctx.state().app;
    let (proposal, _) = matching_proposal(&ctx, id_of(&id)?).await?;
    match app
        .remove_proposed_pair(&proposal, id_of(&input.project)?)
        .await
    {
        Ok(()) | Err(AppError::Invalid { .. }) => Ok(Redirect::to(&format!(
            "/coordination/appariements/{}?page={}",
            proposal.id,
            input.page.unwrap_or(1).max(1)
        ))
        .into_response()),
        Err(e) => Err(e.into()),
    }
}

async fn publish(ctx: Ctx, Path(id): Path<String>) -> Result<Response, WebError> {
    let actor = me(&ctx)?;
    let app = &ctx.state().app;
    let (proposal, _) = matching_proposal(&ctx, id_of(&id)?).await?;
    let notice = match app.publish_proposal(actor, &proposal).await {
        Ok(done) => {
            let tr = ctx.tr();
            let sent = tr.tn("proposal-published", "count", done.requests as i64);
            match done.skipped {
                0 => sent,
                n => format!("{sent} {}", tr.tn("proposal-skipped", "count", n as i64)),
            }
        }
        Err(e) => error_of(&ctx, e)?.1,
    };
    render_proposal(&ctx, proposal.id, 1, Some(notice)).await
}

/// A new draft around the review: kept pairs stay, removed ones are never proposed again.
async fn recompute(ctx: Ctx, Path(id): Path<String>) -> Result<Response, WebError> {
    let actor = me(&ctx)?;
    let app = &ctx.state().app;
    let (proposal, _) = matching_proposal(&ctx, id_of(&id)?).await?;
    match app.recompute_proposal(actor, &proposal).await {
        Ok(new) => Ok(Redirect::to(&format!("/coordination/appariements/{new}")).into_response()),
        Err(e) => {
            let notice = error_of(&ctx, e)?.1;
            render_proposal(&ctx, proposal.id, 1, Some(notice)).await
        }
    }
}
