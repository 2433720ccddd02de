//! The coordinators' pages: work queues, vetting a mentor, reviewing a project.

use super::*;
use mentorat_app::i18n::Tr;
use mentorat_app::mentoring::{MentorLine, ProjectLine as QueuedProject, Queue};

/// What the viewer's coordination pages cover (every circle for the national team).
pub(super) fn coordination_scope(ctx: &Ctx) -> Result<Scope, WebError> {
    ctx.require(Action::Coordinate, &Resource::Platform)?;
    ctx.viewer()
        .map(|v| v.coordination_scope())
        .ok_or(WebError::Forbidden)
}

/// A heading, a note when it shows only the first of its lines, its lines (href,
/// name, state), and the address of the whole list as a CSV.
pub(super) type Section = (
    String,
    Option<String>,
    Vec<(String, String, String)>,
    Option<String>,
);

/// A circle of the national team's overview: (href, name, status, counts, weights href).
pub(super) type CircleRow = (String, String, String, [i64; 4], String);

/// Up to this many circles to match together are ticked one by one; past it, chosen
/// in a list.
const TOGETHER_CHECKBOXES: usize = 12;

#[derive(Template)]
#[template(path = "pages/coordination.html")]
pub(super) struct CoordinationTemplate<'a> {
    page: Page<'a>,
    sections: Vec<Section>,
    /// The national team's overview of the circles (a page of it).
    circles: Vec<CircleRow>,
    pager: Pager,
    /// (circle id or empty for the whole network, name)
    batch: Vec<(String, String)>,
    /// (circle id, name) of the circles that may be matched together (two or more):
    /// the national team's are those of the overview's page.
    together: Vec<(String, String)>,
    /// For the national team: the circles offered are the page's.
    together_note: Option<String>,
    /// Why the last matching request was refused.
    error: Option<String>,
    /// (href, label) of each circle's weights page (coordinators; the national team
    /// finds them in the overview).
    weights: Vec<(String, String)>,
    feedback: Option<String>,
    events: Vec<(String, String, String)>,
}

pub(super) async fn coordination(
    ctx: Ctx,
    Query(q): Query<PageQuery>,
) -> Result<Response, WebError> {
    render_coordination(&ctx, None, q.page.unwrap_or(1)).await
}

/// A queue as a section: its lines, and how many of how many it shows.
fn section<T>(
    tr: Tr<'_>,
    title: &str,
    queue: &Queue<T>,
    whole: WholeQueue,
    line: impl Fn(&T) -> (String, String, String),
) -> Section {
    let shown = queue.lines.len() as i64;
    let note = (queue.total > shown).then(|| {
        tr.tv(
            "coordination-first",
            &[
                ("shown", &tr.number(shown)),
                ("total", &tr.number(queue.total)),
            ],
        )
    });
    (
        tr.t(title),
        note,
        queue.lines.iter().map(line).collect(),
        Some(whole.href()),
    )
}

/// The coordination page, with `error` next to the matching forms; `page` is the page
/// of the national team's table of circles.
pub(super) async fn render_coordination(
    ctx: &Ctx,
    error: Option<String>,
    page: u64,
) -> Result<Response, WebError> {
    let scope = coordination_scope(ctx)?;
    let app = &ctx.state().app;
    let board = app.coordination_board(&scope).await?;
    let tr = ctx.tr();
    let now = app.now();
    let mentor = |m: &MentorLine| {
        (
            format!("/coordination/mentors/{}", m.user_id),
            m.name.full(),
            tr.t(&format!("vetting-{}", m.status)),
        )
    };
    let project = |p: &QueuedProject| {
        (
            format!("/coordination/projets/{}", p.id),
            p.title.clone(),
            tr.t(&format!("project-status-{}", p.status)),
        )
    };
    let waiting = |p: &QueuedProject| {
        (
            format!("/coordination/projets/{}", p.id),
            p.title.clone(),
            tr.tn(
                "coordination-waiting-days",
                "days",
                (now - p.created_at).num_days(),
            ),
        )
    };
    let attention = board
        .attention
        .iter()
        .map(|q| {
            let since = q.record.last_meeting_on.unwrap_or(q.record.started_at);
            (
                format!("/mentorats/{}", q.record.id),
                q.project_title.clone(),
                tr.tn(
                    "coordination-waiting-days",
                    "days",
                    (now - since).num_days(),
                ),
            )
        })
        .collect();
    let mut sections = vec![
        (tr.t("coordination-attention"), None, attention, None),
        section(
            tr,
            "coordination-applications",
            &board.applications,
            WholeQueue::Applications,
            mentor,
        ),
        section(
            tr,
            "coordination-projects",
            &board.to_review,
            WholeQueue::ToReview,
            project,
        ),
        section(
            tr,
            "coordination-waiting",
            &board.waiting,
            WholeQueue::Waiting,
            waiting,
        ),
    ];
    if let Some(mentors) = &board.mentors {
        sections.push(section(
            tr,
            "coordination-mentors",
            mentors,
            WholeQueue::Mentors,
            mentor,
        ));
    }
    let feedback = (board.feedback.answers > 0).then(|| {
        tr.tv(
            "coordination-feedback",
            &[
                ("count", &tr.number(board.feedback.answers)),
                ("average", &tr.decimal(board.feedback.average, 1)),
            ],
        )
    });
    let events = board
        .events
        .iter()
        .map(|e| {
            (
                format!("/evenements/{}", e.id),
                mentorat_app::events::event_title(&tr, &e.title),
                tr.date_time(&e.local_start()),
            )
        })
        .collect();
    // The national team's table of circles, 50 a page.
    let pager = pager(&tr, "/coordination", "", page, board.circles.len() as i64);
    let page = page.clamp(1, pager.pages);
    let shown = || {
        board
            .circles
            .iter()
            .skip(((page - 1) * PAGE_SIZE) as usize)
            .take(PAGE_SIZE as usize)
    };
    // The circles the viewer runs, each with its matching weights; two or more may be
    // matched together (for the national team, among the overview's page: a list of
    // the whole network would not fit a page). One batch form per circle (the whole
    // network's for the team). Past a dozen they are chosen in a list whose label names
    // them circles: there, each is named by its town alone.
    let offered: Vec<(Uuid, String)> = match scope {
        Scope::Network => shown().map(|(c, _)| (c.id, c.name.clone())).collect(),
        Scope::Circles(_) => board.run.clone(),
    };
    let listed = offered.len() > TOGETHER_CHECKBOXES;
    let run: Vec<(Uuid, String)> = offered
        .iter()
        .map(|(id, name)| match listed {
            true => (*id, name.clone()),
            false => (*id, tr.of_place("circle-title", name)),
        })
        .collect();
    let (batch, weights) = match scope {
        Scope::Network => (vec![(String::new(), tr.t("proposal-network"))], Vec::new()),
        Scope::Circles(_) => (
            board
                .run
                .iter()
                .map(|(id, name)| (id.to_string(), tr.of_place("circle-title", name)))
                .collect(),
            board
                .run
                .iter()
                .map(|(id, name)| {
                    (
                        format!("/coordination/ponderations/{id}"),
                        tr.ts("weights-link", "name", &tr.of_place("circle-title", name)),
                    )
                })
                .collect(),
        ),
    };
    let circles = shown()
        .map(|(c, n)| {
            (
                format!("/admin/cercles/{}", c.slug),
                c.name.clone(),
                tr.t(super::super::views::status_key(c.status)),
                [n.applications, n.to_review, n.waiting, n.mentors],
                format!("/coordination/ponderations/{}", c.id),
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
        together_note: matches!(scope, Scope::Network).then(|| tr.t("proposal-together-page-hint")),
        error: error.clone(),
        weights,
        feedback,
        events,
        circles,
        pager,
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
pub(super) struct VettingTemplate<'a> {
    page: Page<'a>,
    id: Uuid,
    heading: String,
    status: String,
    bio: String,
    commune: String,
    domains: Vec<String>,
    /// What the application and the vetting recorded: (label, value).
    facts: Vec<(String, String)>,
    next: Vec<(&'static str, String)>,
    error: Option<String>,
}

pub(super) async fn managed_mentor(ctx: &Ctx, id: &str) -> Result<MentorProfile, WebError> {
    let mentor = ctx.state().app.mentor_profile(id_of(id)?).await?;
    match mentor.circle_id {
        Some(c) => ctx.require(Action::ManageCircle, &Resource::Circle(c))?,
        None => ctx.require(Action::ManageNetwork, &Resource::Platform)?,
    };
    Ok(mentor)
}

pub(super) async fn render_vetting(
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
        facts: {
            let day = |at: &Option<chrono::DateTime<chrono::Utc>>| match at {
                Some(at) => tr.date(&at.date_naive()),
                None => tr.t("vetting-not-yet"),
            };
            vec![
                (
                    tr.t("vetting-fact-last-active"),
                    day(&mentor.last_active_at),
                ),
                (
                    tr.t("vetting-fact-expired"),
                    mentor.expired_requests.to_string(),
                ),
                (
                    tr.t("vetting-fact-languages"),
                    super::language_names(&tr, &mentor.languages),
                ),
                (
                    tr.t("vetting-fact-places"),
                    tr.tc(
                        "vetting-places",
                        &[
                            ("taken", mentor.active_mentees),
                            ("places", mentor.capacity),
                        ],
                    ),
                ),
                (
                    tr.t("vetting-fact-availability"),
                    mentor.availability.clone(),
                ),
                (
                    tr.t("vetting-fact-travel"),
                    tr.tc(
                        "vetting-travel",
                        &[
                            ("km", mentor.travel_km),
                            ("remote", i64::from(mentor.remote)),
                        ],
                    ),
                ),
                (tr.t("vetting-fact-interview"), day(&mentor.interview_on)),
                (
                    tr.t("vetting-fact-background"),
                    day(&mentor.background_checked_at),
                ),
                (
                    tr.t("vetting-fact-charter"),
                    day(&mentor.charter_accepted_at),
                ),
            ]
        },
        commune: mentorat_app::territories::territories()
            .commune(&mentor.commune_code)
            .map(|c| c.name.clone())
            .unwrap_or_default(),
        // Each field by its name in the reader's language, not its code.
        domains: {
            let app = &ctx.state().app;
            let fields = app.domains().await?;
            app.mentor_domains(mentor.user_id)
                .await?
                .into_iter()
                .map(|(d, y)| {
                    let name = mentorat_app::mentoring::Domain::label_of(&fields, &d, ctx.locale);
                    format!("{name} — {}", tr.tn("directory-years", "years", y))
                })
                .collect()
        },
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

pub(super) async fn vetting_page(ctx: Ctx, Path(id): Path<String>) -> Result<Response, WebError> {
    let mentor = managed_mentor(&ctx, &id).await?;
    ctx.state()
        .app
        .log_view(me(&ctx)?, "mentor_viewed", mentor.user_id, mentor.user_id)
        .await;
    render_vetting(&ctx, &mentor, None, StatusCode::OK).await
}

#[derive(Deserialize)]
pub(super) struct VetInput {
    #[serde(default)]
    status: String,
    #[serde(default)]
    interview_on: String,
    background_checked: Option<String>,
}

pub(super) async fn vet(
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
pub(super) struct RecordTemplate<'a> {
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
pub(super) async fn managed_project(ctx: &Ctx, id: &str) -> Result<ProjectRecord, WebError> {
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

pub(super) async fn render_record(
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
        let pool = app.mentor_pool().await?;
        let found = app
            .explained_suggestions(&pool, ctx.locale, &project, None, None, None)
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

pub(super) async fn record_page(ctx: Ctx, Path(id): Path<String>) -> Result<Response, WebError> {
    let project = managed_project(&ctx, &id).await?;
    render_record(&ctx, project, None, StatusCode::OK).await
}

#[derive(Deserialize)]
pub(super) struct ReviewInput {
    #[serde(default)]
    decision: String,
    #[serde(default)]
    note: String,
}

pub(super) async fn review(
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
pub(super) struct GoalInput {
    #[serde(default)]
    title: String,
    #[serde(default)]
    status: String,
}

pub(super) async fn add_goal(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(input): Form<GoalInput>,
) -> Result<Response, WebError> {
    let app = ctx.state().app.clone();
    let typed = super::mentorship::Typed {
        goal: input.title.clone(),
        ..Default::default()
    };
    pair_change(&ctx, &id, typed, async move |user, record| {
        app.add_goal(user, record, &input.title).await
    })
    .await
}

pub(super) async fn set_goal(
    ctx: Ctx,
    Path((id, goal)): Path<(String, String)>,
    Form(input): Form<GoalInput>,
) -> Result<Response, WebError> {
    let goal = id_of(&goal)?;
    let app = ctx.state().app.clone();
    pair_change(&ctx, &id, Default::default(), async move |user, record| {
        app.set_goal_status(user, record, goal, &input.status).await
    })
    .await
}
