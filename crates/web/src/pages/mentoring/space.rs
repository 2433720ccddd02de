//! One's own space (`/mon-espace`): applications, projects, requests, relationships.

use super::*;

pub(super) struct ProjectLine {
    id: Uuid,
    title: String,
    status: String,
    matchable: bool,
    waiting_consent: bool,
}

pub(super) struct RequestLine {
    id: Uuid,
    other: String,
    message: String,
    status: String,
    open: bool,
    reason: Option<String>,
}

#[derive(Template)]
#[template(path = "pages/space.html")]
pub(super) struct SpaceTemplate<'a> {
    page: Page<'a>,
    projects: Vec<ProjectLine>,
    outgoing: Vec<RequestLine>,
    incoming: Vec<RequestLine>,
    mentorships: Vec<(String, String)>,
    reasons: Vec<(&'static str, String)>,
    notice: Option<String>,
}

pub(super) async fn name_of(ctx: &Ctx, id: Uuid, full: bool) -> String {
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

pub(super) async fn render_space(
    ctx: &Ctx,
    user: Uuid,
    notice: Option<String>,
) -> Result<Response, WebError> {
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

pub(super) async fn space(ctx: Ctx) -> Result<Response, WebError> {
    let user = me(&ctx)?;
    render_space(&ctx, user, None).await
}
