//! One's own space (`/mon-espace`): applications, projects, requests, relationships.

use super::*;

pub(super) struct ProjectLine {
    id: Uuid,
    title: String,
    status: String,
    matchable: bool,
    waiting_consent: bool,
    /// Under 15, the porteur's own consent holds: they may withdraw it.
    minor_consent: bool,
    /// Under 15, a consent was withdrawn: no suggestion any more.
    consent_withdrawn: bool,
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
    /// (link, the other person, their unread messages if any)
    mentorships: Vec<(String, String, Option<String>)>,
    /// A mentor: their profile, pause and certificate are offered.
    mentor: bool,
    reasons: Vec<(&'static str, String)>,
    notice: Option<String>,
    /// A mentor with no place left: why the requests cannot be accepted now.
    full: Option<String>,
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
            minor_consent: p.minor_consent_at.is_some() && p.minor_consent_withdrawn_at.is_none(),
            consent_withdrawn: p.minor_consent_withdrawn_at.is_some()
                || p.consent_withdrawn_at.is_some(),
            status: tr.t(&format!("project-status-{}", p.status)),
            id: p.id,
            title: p.title,
        })
        .collect();
    let requests = app.requests_of(user).await?;
    let mentorships = app.mentorships_of(user).await?;
    // The other person of each request and relationship, named in one query.
    let other = |a: Uuid, b: Uuid| if a == user { b } else { a };
    let names = app.counterparts(user).await?;
    let name = |id: Uuid, full: bool| {
        names
            .get(&id)
            .map_or_else(String::new, |n| if full { n.full() } else { n.short() })
    };
    let mut outgoing = Vec::new();
    let mut incoming = Vec::new();
    for r in requests {
        let outgoing_request = r.mentee_id == user;
        let line = RequestLine {
            id: r.id,
            other: name(other(r.mentee_id, r.mentor_id), false),
            // A request with no message came from a proposal of the circle's coordinators.
            message: if r.message.is_empty() {
                tr.t("request-from-coordination")
            } else {
                r.message.clone()
            },
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
    // A mentor whose places are all taken is told so, instead of Accept buttons that
    // could only be refused (one query, for every mentor).
    let is_mentor = ctx.account().is_some_and(|a| {
        a.roles
            .iter()
            .any(|g| g.role == mentorat_domain::Role::Mentor)
    });
    let full = match is_mentor {
        true => app
            .mentor_profile(user)
            .await
            .ok()
            .filter(|m| m.active_mentees >= m.capacity)
            .map(|m| tr.tn("space-full", "count", m.active_mentees)),
        false => None,
    };
    let unread = app.unread_counts(user).await?;
    let mentorships = mentorships
        .iter()
        .map(|m| {
            (
                format!("/mentorats/{}", m.id),
                name(other(m.mentor_id, m.mentee_id), true),
                unread
                    .get(&m.id)
                    .map(|n| tr.tn("thread-unread", "count", *n)),
            )
        })
        .collect();
    Ok(super::render(&SpaceTemplate {
        page: ctx.page(tr.t("space-title")),
        projects,
        outgoing,
        incoming,
        mentorships,
        mentor: is_mentor,
        reasons: DECLINE_REASONS
            .iter()
            .map(|r| (*r, tr.t(&format!("decline-reason-{r}"))))
            .collect(),
        notice,
        full,
    }))
}

pub(super) async fn space(ctx: Ctx) -> Result<Response, WebError> {
    let user = me(&ctx)?;
    render_space(&ctx, user, None).await
}
