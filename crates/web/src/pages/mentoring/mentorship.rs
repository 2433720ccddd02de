//! The relationship's page: meetings, goals, closing and feedback.

use super::*;

/// A goal: (id, title, [(status, label, current)]).
pub(super) type GoalLine = (Uuid, String, Vec<(&'static str, String, bool)>);

pub(super) struct MeetingLine {
    line: String,
    mode: String,
    topics: String,
    notes: String,
}

#[derive(Template)]
#[template(path = "pages/mentorship.html")]
pub(super) struct MentorshipTemplate<'a> {
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
pub(super) async fn visible_mentorship(
    ctx: &Ctx,
    id: &str,
) -> Result<(Uuid, mentorat_app::mentoring::MentorshipRecord, Resource), WebError> {
    let user = me(ctx)?;
    let record = ctx.state().app.mentorship_record(id_of(id)?).await?;
    let mut resource = Resource::Mentorship {
        mentor_id: record.mentor_id,
        mentee_id: record.mentee_id,
        circle_id: None,
    };
    // The pair and the national team need no circle to be let in: the project (for
    // its circle) is read only for the others, a coordinator perhaps.
    if ctx.require(Action::ViewMentorship, &resource).is_err() {
        let project = ctx.state().app.project(record.project_id).await?;
        resource = Resource::Mentorship {
            mentor_id: record.mentor_id,
            mentee_id: record.mentee_id,
            circle_id: project.circle_id,
        };
        ctx.require(Action::ViewMentorship, &resource)?;
    }
    Ok((user, record, resource))
}

pub(super) async fn render_mentorship(
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

pub(super) async fn mentorship(ctx: Ctx, Path(id): Path<String>) -> Result<Response, WebError> {
    let (user, record, _) = visible_mentorship(&ctx, &id).await?;
    render_mentorship(&ctx, user, record, None, StatusCode::OK).await
}

/// Runs a change made by one of the pair; on bad input, the page with the message.
pub(super) async fn pair_change(
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
pub(super) struct MeetingInput {
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

pub(super) async fn log_meeting(
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
pub(super) struct CloseInput {
    #[serde(default)]
    reason: String,
}

pub(super) async fn close(
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
pub(super) struct FeedbackInput {
    #[serde(default)]
    satisfaction: String,
    #[serde(default)]
    changes: String,
    #[serde(default)]
    comment: String,
}

pub(super) async fn feedback(
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
