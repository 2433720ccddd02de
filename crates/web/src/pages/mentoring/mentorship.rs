//! The relationship's page: meetings, goals, closing and feedback.

use super::*;
use mentorat_app::mentoring::MentorshipSheet;

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
    /// What was typed in the form refused, shown again.
    typed: Typed,
    /// The messages' page, with the reader's unread count (for those who read them).
    thread: Option<String>,
    suspended: bool,
    /// The viewer may let a reported or suspended relationship go on, or close it.
    review: bool,
    /// The check-ins' answers, by round, for the coordinators and the pair.
    trend: Vec<String>,
    /// The outcomes the porteur may tick with their feedback (code, label, ticked);
    /// empty for the mentor.
    outcomes: Vec<(&'static str, String, bool)>,
}

/// What the viewer typed in the page's forms, shown again (with the error) when the
/// form is refused; empty otherwise.
#[derive(Default)]
pub(super) struct Typed {
    pub date: String,
    pub minutes: String,
    pub remote: bool,
    pub topics: String,
    pub notes: String,
    pub reason: String,
    pub goal: String,
    pub satisfaction: String,
    pub changes: String,
    pub comment: String,
    /// The outcomes ticked (stored forms).
    pub outcomes: Vec<String>,
}

/// A relationship the viewer may read (one of the pair, a coordinator of the
/// project's circle, the national team), and the resource the policy judged.
pub(super) async fn visible_mentorship(
    ctx: &Ctx,
    id: &str,
) -> Result<(Uuid, MentorshipSheet, Resource), WebError> {
    let user = me(ctx)?;
    let sheet = ctx.state().app.mentorship_sheet(id_of(id)?).await?;
    let resource = Resource::Mentorship {
        mentor_id: sheet.record.mentor_id,
        mentee_id: sheet.record.mentee_id,
        circle_id: sheet.circle_id,
    };
    ctx.require(Action::ViewMentorship, &resource)?;
    Ok((user, sheet, resource))
}

pub(super) async fn render_mentorship(
    ctx: &Ctx,
    user: Uuid,
    sheet: MentorshipSheet,
    error: Option<String>,
    typed: Typed,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tr = ctx.tr();
    let app = &ctx.state().app;
    let thread = if super::relationship::reads_thread(ctx, &sheet) {
        let unread = app.unread_counts(user).await?;
        let n = unread.get(&sheet.record.id).copied().unwrap_or(0);
        Some(tr.tn("thread-link", "count", n))
    } else {
        None
    };
    let pair_resource = Resource::Mentorship {
        mentor_id: sheet.record.mentor_id,
        mentee_id: sheet.record.mentee_id,
        circle_id: sheet.circle_id,
    };
    let in_pair = user == sheet.record.mentor_id || user == sheet.record.mentee_id;
    let open_reports = app.has_open_reports(sheet.record.id).await?;
    let review = !in_pair
        && ctx.allowed(Action::ReviewRelationship, &pair_resource)
        && sheet.record.status == mentorat_domain::MentorshipStatus::Active
        && (sheet.record.suspended_at.is_some() || open_reports);
    let trend = app
        .checkins(sheet.record.id)
        .await?
        .iter()
        .map(|c| {
            let who = if c.author_id == sheet.record.mentor_id {
                sheet.mentor.name.short()
            } else {
                sheet.mentee.name.short()
            };
            let line = tr.tv(
                "checkin-line",
                &[
                    ("round", &c.round.to_string()),
                    ("who", &who),
                    ("mood", &tr.t(&format!("checkin-mood-{}", c.mood))),
                    ("met", &tr.t(if c.met { "yes" } else { "no" })),
                ],
            );
            match c.note.is_empty() {
                true => line,
                false => format!("{line} — {}", c.note),
            }
        })
        .collect();
    let suspended = sheet.record.suspended_at.is_some();
    let view = ctx.state().app.mentorship_view(user, sheet).await?;
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
        outcomes: if user == view.record.mentee_id {
            mentorat_domain::status::Outcome::ALL
                .iter()
                .map(|o| {
                    (
                        o.as_str(),
                        tr.t(&format!("outcome-{o}")),
                        typed.outcomes.iter().any(|t| t == o.as_str()),
                    )
                })
                .collect()
        } else {
            Vec::new()
        },
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
        typed,
        thread,
        suspended,
        review,
        trend,
    });
    *response.status_mut() = status;
    Ok(response)
}

pub(super) async fn mentorship(ctx: Ctx, Path(id): Path<String>) -> Result<Response, WebError> {
    let (user, sheet, _) = visible_mentorship(&ctx, &id).await?;
    let r = &sheet.record;
    if user != r.mentor_id && user != r.mentee_id {
        let app = &ctx.state().app;
        app.log_view(user, "mentorship_viewed", r.mentee_id, r.id)
            .await;
        app.log_view(user, "mentorship_viewed", r.mentor_id, r.id)
            .await;
    }
    render_mentorship(&ctx, user, sheet, None, Typed::default(), StatusCode::OK).await
}

/// Runs a change made by one of the pair; on bad input, the page with the message.
/// One of the pair changes the relationship; refused, the page comes back with the error
/// and what was `typed`.
pub(super) async fn pair_change(
    ctx: &Ctx,
    id: &str,
    typed: Typed,
    change: impl AsyncFnOnce(Uuid, &mentorat_app::mentoring::MentorshipRecord) -> Result<(), AppError>,
) -> Result<Response, WebError> {
    let (user, sheet, resource) = visible_mentorship(ctx, id).await?;
    ctx.require(Action::TakePartInMentorship, &resource)?;
    match change(user, &sheet.record).await {
        Ok(()) => Ok(Redirect::to(&format!("/mentorats/{}", sheet.record.id)).into_response()),
        Err(e) => {
            let (_, message) = error_of(ctx, e)?;
            render_mentorship(
                ctx,
                user,
                sheet,
                Some(message),
                typed,
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
    let typed = Typed {
        date: input.date.clone(),
        minutes: input.minutes.clone(),
        remote: input.remote.is_some(),
        topics: input.topics.clone(),
        notes: input.notes.clone(),
        ..Typed::default()
    };
    let form = MeetingForm {
        date: input.date,
        minutes: input.minutes,
        remote: input.remote.is_some(),
        topics: input.topics,
        notes: input.notes,
    };
    let app = ctx.state().app.clone();
    pair_change(&ctx, &id, typed, async move |user, record| {
        app.log_meeting(user, record, &form).await
    })
    .await
}

#[derive(Deserialize)]
pub(super) struct CloseInput {
    #[serde(default)]
    reason: String,
    #[serde(default)]
    confirm: String,
}

pub(super) async fn close(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(input): Form<CloseInput>,
) -> Result<Response, WebError> {
    // A reason left empty is refused at once (with the form), not after confirming.
    if !crate::pages::confirm::given(&input.confirm) && !input.reason.trim().is_empty() {
        let (_, sheet, resource) = visible_mentorship(&ctx, &id).await?;
        ctx.require(Action::TakePartInMentorship, &resource)?;
        let page = format!("/mentorats/{}", sheet.record.id);
        return Ok(crate::pages::confirm::ask(
            &ctx,
            &format!("{page}/cloture"),
            ctx.tr().t("close-confirm"),
            vec![("reason".into(), input.reason)],
            &page,
        ));
    }
    let app = ctx.state().app.clone();
    let typed = Typed {
        reason: input.reason.clone(),
        ..Typed::default()
    };
    pair_change(&ctx, &id, typed, async move |user, record| {
        app.close_mentorship(user, record, &input.reason).await
    })
    .await
}

pub(super) async fn feedback(
    ctx: Ctx,
    Path(id): Path<String>,
    RawForm(raw): RawForm,
) -> Result<Response, WebError> {
    let app = ctx.state().app.clone();
    let fields = super::pairs(&raw);
    let field = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let outcomes: Vec<String> = fields
        .iter()
        .filter(|(k, _)| k == "outcome")
        .map(|(_, v)| v.clone())
        .collect();
    let typed = Typed {
        satisfaction: field("satisfaction"),
        changes: field("changes"),
        comment: field("comment"),
        outcomes: outcomes.clone(),
        ..Typed::default()
    };
    let (satisfaction, changes, comment) =
        (field("satisfaction"), field("changes"), field("comment"));
    pair_change(&ctx, &id, typed, async move |user, record| {
        app.give_feedback(user, record, &satisfaction, &changes, &comment, &outcomes)
            .await
    })
    .await
}
