//! A request with its project and reasons; the pair's messages, reports and blocks;
//! the coordinators' review; the check-in form.

use super::*;
use mentorat_app::mentoring::{RequestSheet, thread_resource};

#[derive(Template)]
#[template(path = "pages/request_sheet.html")]
pub(super) struct RequestTemplate<'a> {
    page: Page<'a>,
    id: Uuid,
    heading: String,
    facts: Vec<String>,
    message: String,
    status: String,
    /// The mentor may answer (an open request to them).
    answer: bool,
    /// The porteur may withdraw it.
    withdraw: bool,
    reasons: Vec<(&'static str, String)>,
}

pub(super) async fn request_page(ctx: Ctx, Path(id): Path<String>) -> Result<Response, WebError> {
    let user = me(&ctx)?;
    let app = &ctx.state().app;
    let RequestSheet {
        request,
        project,
        fields,
        reasons,
        domains,
    } = app.request_sheet(user, id_of(&id)?).await?;
    app.log_view(user, "request_viewed", project.mentee_id, request.id)
        .await;
    let tr = ctx.tr();
    let open = request.status == mentorat_domain::RequestStatus::Open;
    let name = PersonName::short_of(&project.first_name, &project.last_name);
    Ok(super::render(&RequestTemplate {
        page: ctx.page(tr.ts("request-page-title", "name", &name)),
        id: request.id,
        heading: tr.ts("request-page-title", "name", &name),
        facts: app.request_facts(ctx.locale, &project, &fields, &reasons, &domains),
        message: if request.message.is_empty() {
            tr.t("request-from-coordination")
        } else {
            request.message.clone()
        },
        status: tr.t(&format!("mreq-status-{}", request.status)),
        answer: open && request.mentor_id == user,
        withdraw: open && request.mentee_id == user,
        reasons: DECLINE_REASONS
            .iter()
            .map(|r| (*r, tr.t(&format!("decline-reason-{r}"))))
            .collect(),
    }))
}

pub(super) struct MessageLine {
    id: Uuid,
    author: String,
    when: String,
    body: String,
    mine: bool,
    reported: bool,
}

#[derive(Template)]
#[template(path = "pages/thread.html")]
pub(super) struct ThreadTemplate<'a> {
    page: Page<'a>,
    id: Uuid,
    pair: String,
    messages: Vec<MessageLine>,
    pager: Pager,
    in_pair: bool,
    /// The pair may write (an active relationship, not suspended).
    writable: bool,
    suspended: bool,
    minor: bool,
    readings: Vec<String>,
    reports: Vec<String>,
    error: Option<String>,
    typed: String,
}

#[derive(Deserialize)]
pub(super) struct ThreadQuery {
    page: Option<u64>,
}

pub(super) async fn thread_page(
    ctx: Ctx,
    Path(id): Path<String>,
    Query(q): Query<ThreadQuery>,
) -> Result<Response, WebError> {
    let (user, sheet, _) = visible_mentorship(&ctx, &id).await?;
    render_thread(&ctx, user, &sheet, q.page.unwrap_or(1), None, String::new()).await
}

async fn render_thread(
    ctx: &Ctx,
    user: Uuid,
    sheet: &mentorat_app::mentoring::MentorshipSheet,
    page: u64,
    error: Option<String>,
    typed: String,
) -> Result<Response, WebError> {
    let app = &ctx.state().app;
    let roles = ctx.account().map(|a| a.roles.clone()).unwrap_or_default();
    let thread = app.thread(user, &roles, sheet, page).await?;
    let tr = ctx.tr();
    let name_of = |id: Uuid| {
        if id == sheet.record.mentor_id {
            sheet.mentor.name.short()
        } else {
            sheet.mentee.name.short()
        }
    };
    let record = &sheet.record;
    let pager = pager(
        &tr,
        &format!("/mentorats/{}/messages", record.id),
        "",
        page,
        thread.total,
    );
    let refused = error.is_some();
    Ok(super::render_with(
        &ThreadTemplate {
            page: ctx.page(tr.t("thread-title")),
            id: record.id,
            pair: tr.tv(
                "mentorship-pair",
                &[
                    ("mentor", &sheet.mentor.name.short()),
                    ("mentee", &sheet.mentee.name.short()),
                ],
            ),
            messages: thread
                .messages
                .iter()
                .map(|m| MessageLine {
                    id: m.id,
                    author: name_of(m.author_id),
                    when: tr.date_time(&m.created_at.with_timezone(&chrono_tz::Europe::Paris)),
                    body: m.body.clone(),
                    mine: m.author_id == user,
                    reported: thread.reported.contains(&m.id),
                })
                .collect(),
            pager,
            in_pair: thread.in_pair,
            writable: thread.in_pair
                && record.status == mentorat_domain::MentorshipStatus::Active
                && record.suspended_at.is_none(),
            suspended: record.suspended_at.is_some(),
            minor: thread.minor,
            readings: thread
                .readings
                .iter()
                .map(|(name, at)| {
                    tr.tv(
                        "thread-reading",
                        &[
                            ("name", name),
                            (
                                "when",
                                &tr.date_time(&at.with_timezone(&chrono_tz::Europe::Paris)),
                            ),
                        ],
                    )
                })
                .collect(),
            reports: thread
                .reports
                .iter()
                .map(|r| {
                    let kind = report_kind(r);
                    tr.tv(
                        "report-line",
                        &[
                            ("kind", &tr.t(kind)),
                            ("who", &name_of(r.reporter_id)),
                            ("when", &tr.date(&r.created_at.date_naive())),
                            ("reason", &r.reason),
                        ],
                    )
                })
                .collect(),
            error,
            typed,
        },
        refused,
    ))
}

#[derive(Deserialize)]
pub(super) struct MessageInput {
    #[serde(default)]
    body: String,
}

pub(super) async fn post_message(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(input): Form<MessageInput>,
) -> Result<Response, WebError> {
    let (user, sheet, resource) = visible_mentorship(&ctx, &id).await?;
    ctx.require(Action::TakePartInMentorship, &resource)?;
    match ctx
        .state()
        .app
        .post_message(user, &sheet.record, &input.body)
        .await
    {
        Ok(()) => Ok(
            Redirect::to(&format!("/mentorats/{}/messages#dernier", sheet.record.id))
                .into_response(),
        ),
        Err(e) => {
            let (_, message) = error_of(&ctx, e)?;
            render_thread(&ctx, user, &sheet, 1, Some(message), input.body).await
        }
    }
}

#[derive(Deserialize)]
pub(super) struct ReportInput {
    #[serde(default)]
    reason: String,
    #[serde(default)]
    message: String,
    #[serde(default)]
    block: String,
    #[serde(default)]
    confirm: String,
}

pub(super) async fn report(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(input): Form<ReportInput>,
) -> Result<Response, WebError> {
    let (user, sheet, resource) = visible_mentorship(&ctx, &id).await?;
    ctx.require(Action::TakePartInMentorship, &resource)?;
    let block = input.block == "1";
    let back = format!("/mentorats/{}/messages", sheet.record.id);
    // Ending contact cannot be undone by the pair: asked once more, with what follows.
    if block && !crate::pages::confirm::given(&input.confirm) && !input.reason.trim().is_empty() {
        return Ok(crate::pages::confirm::ask(
            &ctx,
            &format!("/mentorats/{}/signalement", sheet.record.id),
            ctx.tr().t("block-confirm"),
            vec![
                ("reason".into(), input.reason),
                ("message".into(), input.message),
                ("block".into(), "1".into()),
            ],
            &back,
        ));
    }
    let message = match input.message.trim() {
        "" => None,
        m => Some(id_of(m)?),
    };
    match ctx
        .state()
        .app
        .report(user, &sheet, message, &input.reason, block)
        .await
    {
        Ok(()) => Ok(Redirect::to(&format!("{back}?signale=1")).into_response()),
        Err(e) => {
            let (_, text) = error_of(&ctx, e)?;
            render_thread(&ctx, user, &sheet, 1, Some(text), String::new()).await
        }
    }
}

#[derive(Deserialize)]
pub(super) struct ReviewInput {
    #[serde(default)]
    decision: String,
    #[serde(default)]
    confirm: String,
}

pub(super) async fn review_relationship(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(input): Form<ReviewInput>,
) -> Result<Response, WebError> {
    let (user, sheet, resource) = visible_mentorship(&ctx, &id).await?;
    ctx.require(Action::ReviewRelationship, &resource)?;
    let roles = ctx.account().map(|a| a.roles.clone()).unwrap_or_default();
    let resume = match input.decision.as_str() {
        "resume" => true,
        "close" => false,
        _ => return Err(WebError::NotFound),
    };
    // Closing cannot be undone: asked once more (without JavaScript, a page).
    if !resume && !crate::pages::confirm::given(&input.confirm) {
        let page = format!("/mentorats/{}", sheet.record.id);
        return Ok(crate::pages::confirm::ask(
            &ctx,
            &format!("{page}/revue"),
            ctx.tr().t("review-close-confirm"),
            vec![("decision".into(), "close".into())],
            &page,
        ));
    }
    match ctx
        .state()
        .app
        .review_relationship(user, &roles, &sheet, resume)
        .await
    {
        Ok(()) => Ok(Redirect::to(&format!("/mentorats/{}", sheet.record.id)).into_response()),
        Err(e) => {
            let (_, message) = error_of(&ctx, e)?;
            render_mentorship(
                &ctx,
                user,
                sheet,
                Some(message),
                Typed::default(),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

#[derive(Template)]
#[template(path = "pages/checkin.html")]
pub(super) struct CheckinTemplate<'a> {
    page: Page<'a>,
    id: Uuid,
    other: String,
    moods: Vec<(i64, String)>,
    mood: i64,
    met: String,
    note: String,
    error: Option<String>,
    /// Already answered, or none sent yet: said instead of the form.
    closed: Option<String>,
}

#[derive(Deserialize)]
pub(super) struct CheckinQuery {
    humeur: Option<i64>,
}

pub(super) async fn checkin_page(
    ctx: Ctx,
    Path(id): Path<String>,
    Query(q): Query<CheckinQuery>,
) -> Result<Response, WebError> {
    let (user, sheet, resource) = visible_mentorship(&ctx, &id).await?;
    ctx.require(Action::TakePartInMentorship, &resource)?;
    // Opening the link records nothing (mail scanners open links): the answer clicked
    // in the e-mail is only chosen in the form.
    let mood = q.humeur.filter(|m| (1..=5).contains(m)).unwrap_or(0);
    render_checkin(&ctx, user, &sheet, mood, "", "", None).await
}

async fn render_checkin(
    ctx: &Ctx,
    user: Uuid,
    sheet: &mentorat_app::mentoring::MentorshipSheet,
    mood: i64,
    met: &str,
    note: &str,
    error: Option<String>,
) -> Result<Response, WebError> {
    let tr = ctx.tr();
    let record = &sheet.record;
    let answered = ctx
        .state()
        .app
        .checkins(record.id)
        .await?
        .iter()
        .any(|c| c.author_id == user && c.round == record.checkin_round);
    let closed = if record.checkin_round == 0 {
        Some(tr.t("checkin-none"))
    } else if answered {
        Some(tr.t("checkin-thanks"))
    } else {
        None
    };
    let other = if user == record.mentor_id {
        sheet.mentee.name.short()
    } else {
        sheet.mentor.name.short()
    };
    let refused = error.is_some();
    Ok(super::render_with(
        &CheckinTemplate {
            page: ctx.page(tr.t("checkin-title")),
            id: record.id,
            other: tr.ts("checkin-lead", "name", &other),
            moods: (1..=5)
                .rev()
                .map(|n| (n, tr.t(&format!("checkin-mood-{n}"))))
                .collect(),
            mood,
            met: met.to_owned(),
            note: note.to_owned(),
            error,
            closed,
        },
        refused,
    ))
}

#[derive(Deserialize)]
pub(super) struct CheckinInput {
    #[serde(default)]
    mood: String,
    #[serde(default)]
    met: String,
    #[serde(default)]
    note: String,
}

pub(super) async fn answer_checkin(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(input): Form<CheckinInput>,
) -> Result<Response, WebError> {
    let (user, sheet, resource) = visible_mentorship(&ctx, &id).await?;
    ctx.require(Action::TakePartInMentorship, &resource)?;
    match ctx
        .state()
        .app
        .answer_checkin(user, &sheet.record, &input.mood, &input.met, &input.note)
        .await
    {
        Ok(()) => {
            Ok(Redirect::to(&format!("/mentorats/{}/point", sheet.record.id)).into_response())
        }
        Err(e) => {
            let (_, message) = error_of(&ctx, e)?;
            let mood = input.mood.trim().parse().unwrap_or(0);
            render_checkin(
                &ctx,
                user,
                &sheet,
                mood,
                &input.met,
                &input.note,
                Some(message),
            )
            .await
        }
    }
}

/// Whether the viewer may read the thread whole (used by the relationship's page to
/// offer the link).
pub(super) fn reads_thread(ctx: &Ctx, sheet: &mentorat_app::mentoring::MentorshipSheet) -> bool {
    let now = ctx.state().app.now();
    ctx.allowed(Action::ReadMessages, &thread_resource(sheet, now))
        || ctx.allowed(
            Action::ReadReports,
            &Resource::Mentorship {
                mentor_id: sheet.record.mentor_id,
                mentee_id: sheet.record.mentee_id,
                circle_id: sheet.circle_id,
            },
        )
}

#[derive(Template)]
#[template(path = "pages/follow_up.html")]
pub(super) struct FollowUpTemplate<'a> {
    page: Page<'a>,
    /// (link, title, line)
    reports: Vec<(String, String, String)>,
    flagged: Vec<(String, String, String)>,
    figures: Vec<String>,
    national: bool,
}

/// The coordinators' follow-up: reports waiting and check-in answers flagged for them.
pub(super) async fn follow_up(ctx: Ctx) -> Result<Response, WebError> {
    let scope = coordination_scope(&ctx)?;
    let tr = ctx.tr();
    let app = &ctx.state().app;
    let circles = match &scope {
        Scope::Network => None,
        Scope::Circles(c) => Some(c.as_slice()),
    };
    let f = app.follow_up(circles).await?;
    let figures = match f.summary {
        Some(s) => vec![
            tr.tn("follow-answers", "count", s.answers),
            tr.ts(
                "follow-mood",
                "mood",
                &tr.decimal(s.mood_sum as f64 / s.answers.max(1) as f64, 1),
            ),
            tr.tn("follow-met", "count", s.met),
            tr.tn("follow-flagged", "count", s.flagged),
            tr.tn("follow-reports", "count", f.waiting_reports),
        ],
        None => Vec::new(),
    };
    Ok(super::render(&FollowUpTemplate {
        page: ctx.page(tr.t("follow-title")),
        reports: f
            .reports
            .iter()
            .map(|r| {
                let kind = report_kind(&r.report);
                (
                    format!("/mentorats/{}", r.report.mentorship_id),
                    r.project_title.clone(),
                    format!(
                        "{} — {} — {}",
                        tr.t(kind),
                        tr.date(&r.report.created_at.date_naive()),
                        r.report.reason
                    ),
                )
            })
            .collect(),
        flagged: f
            .flagged
            .iter()
            .map(|c| {
                let mut line = tr.tv(
                    "checkin-flag-line",
                    &[
                        ("mood", &tr.t(&format!("checkin-mood-{}", c.checkin.mood))),
                        ("when", &tr.date(&c.checkin.created_at.date_naive())),
                    ],
                );
                if !c.checkin.note.is_empty() {
                    line = format!("{line} — {}", c.checkin.note);
                }
                (
                    format!("/mentorats/{}", c.mentorship_id),
                    c.project_title.clone(),
                    line,
                )
            })
            .collect(),
        figures,
        national: circles.is_none(),
    }))
}

/// The message key of what a report is: an end of contact, a message, the relationship.
fn report_kind(r: &mentorat_app::mentoring::ReportRecord) -> &'static str {
    match (r.block, r.message_id.is_some()) {
        (true, _) => "report-kind-block",
        (false, true) => "report-kind-message",
        (false, false) => "report-kind-relationship",
    }
}
