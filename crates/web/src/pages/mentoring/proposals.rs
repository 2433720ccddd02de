//! Batch matching: propose, review pair by pair, publish, recompute.

use super::*;
use crate::pages::confirm::{self, Confirmation};
use mentorat_app::mentoring::ReasonNote;

/// Whether the viewer runs each of these circles (the whole network for none: the
/// national team only; it may match any circle too).
pub(super) fn may_match(ctx: &Ctx, circles: &[Uuid]) -> Result<(), WebError> {
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
pub(super) async fn matching_proposal(
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
pub(super) async fn propose(ctx: Ctx, RawForm(raw): RawForm) -> Result<Response, WebError> {
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
            return render_coordination(&ctx, Some(error), 1).await;
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

pub(super) struct PairLine {
    project_id: Uuid,
    project: String,
    mentor: String,
    score: i64,
    reasons: Vec<String>,
    removed: bool,
}

#[derive(Template)]
#[template(path = "pages/proposal.html")]
pub(super) struct ProposalTemplate<'a> {
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
pub(super) async fn render_proposal(
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
            .circle_names(&circles)
            .await?
            .into_iter()
            .map(|(_, name)| name)
            .collect();
        Some(tr.ts("proposal-together", "names", &names.join(", ")))
    } else {
        None
    };
    // The record counts its pairs and its porteurs without a mentor.
    let total = proposal.matched.max(proposal.unmatched);
    let pages = (total.max(0) as u64).div_ceil(PAGE_SIZE).max(1);
    let page = page.clamp(1, pages);
    let (lines, unmatched) = proposal_lines(ctx, id, (page - 1) * PAGE_SIZE, PAGE_SIZE).await?;
    // The counts leave out the pairs removed since.
    let removed = app
        .store
        .removed_pairs_summary(id)
        .await
        .map_err(AppError::from)?;
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
                ("matched", &(proposal.matched - removed.0).to_string()),
                ("unmatched", &proposal.unmatched.to_string()),
                ("score", &(proposal.total_score - removed.1).to_string()),
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

/// A proposal's pairs and porteurs without a mentor from `offset` (`limit` of each), as
/// its page and its CSV name them: « Title — First L. », the mentor's short name, the
/// reasons in the reader's language.
async fn proposal_lines(
    ctx: &Ctx,
    id: Uuid,
    offset: u64,
    limit: u64,
) -> Result<(Vec<PairLine>, Vec<(String, String)>), WebError> {
    let app = &ctx.state().app;
    let tr = ctx.tr();
    let (pairs, unmatched) = app.proposal_page(id, offset, limit).await?;
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
    let names = app.store.names(&mentors).await.map_err(AppError::from)?;
    // The fields' labels, for the reasons in the reader's language.
    let domains = app.domains().await?;
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
            mentor: names
                .get(&p.mentor_id)
                .map(|n| n.short())
                .unwrap_or_default(),
            score: p.score,
            reasons: ReasonNote::decode(&p.reasons)
                .iter()
                .map(|n| app.reason_text(ctx.locale, n, &domains))
                .collect(),
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
    Ok((lines, unmatched))
}

/// Every pair and porteur without a mentor of a proposal, as a CSV (audited).
pub(super) async fn proposal_csv(ctx: Ctx, Path(id): Path<String>) -> Result<Response, WebError> {
    let id = id_of(&id)?;
    matching_proposal(&ctx, id).await?;
    // A network-wide proposal holds thousands of lines: all of them.
    let (pairs, unmatched) = proposal_lines(&ctx, id, 0, 1_000_000).await?;
    let tr = ctx.tr();
    let mut rows: Vec<Vec<String>> = pairs
        .into_iter()
        .map(|p| {
            vec![
                p.project,
                p.mentor,
                p.score.to_string(),
                p.reasons.join(" ; "),
                tr.t(if p.removed {
                    "proposal-csv-removed"
                } else {
                    "proposal-csv-proposed"
                }),
            ]
        })
        .collect();
    rows.extend(unmatched.into_iter().map(|(project, why)| {
        vec![
            project,
            String::new(),
            String::new(),
            why,
            tr.t("proposal-csv-unmatched"),
        ]
    }));
    let header = [
        "csv-proposal-project",
        "csv-mentor",
        "csv-score",
        "csv-reasons",
        "csv-status",
    ]
    .map(|k| tr.t(k));
    crate::pages::list_export(&ctx, "proposal", "appariements.csv", &header, rows).await
}

/// The proposal's page; after publishing (a redirect, so that a refresh publishes
/// nothing again) it says how many requests went out and how many pairs were skipped.
#[derive(Deserialize, Default)]
pub(super) struct ProposalQuery {
    page: Option<u64>,
    envoyees: Option<u64>,
    ignorees: Option<u64>,
}

pub(super) async fn proposal_page(
    ctx: Ctx,
    Path(id): Path<String>,
    Query(q): Query<ProposalQuery>,
) -> Result<Response, WebError> {
    let notice = q.envoyees.map(|sent| {
        let tr = ctx.tr();
        let sent = tr.tn("proposal-published", "count", sent as i64);
        match q.ignorees.unwrap_or(0) {
            0 => sent,
            n => format!("{sent} {}", tr.tn("proposal-skipped", "count", n as i64)),
        }
    });
    render_proposal(&ctx, id_of(&id)?, q.page.unwrap_or(1), notice).await
}

#[derive(Deserialize)]
pub(super) struct RemoveInput {
    #[serde(default)]
    project: String,
    /// The page of the proposal the pair was on, to go back to.
    page: Option<u64>,
}

pub(super) async fn remove_pair(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(input): Form<RemoveInput>,
) -> Result<Response, WebError> {
    let app = &ctx.state().app;
    let (proposal, _) = matching_proposal(&ctx, id_of(&id)?).await?;
    done_or_overtaken(
        app.remove_proposed_pair(&proposal, id_of(&input.project)?)
            .await,
    )?;
    Ok(Redirect::to(&format!(
        "/coordination/appariements/{}?page={}",
        proposal.id,
        input.page.unwrap_or(1).max(1)
    ))
    .into_response())
}

pub(super) async fn publish(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(input): Form<Confirmation>,
) -> Result<Response, WebError> {
    let actor = me(&ctx)?;
    let app = &ctx.state().app;
    let (proposal, _) = matching_proposal(&ctx, id_of(&id)?).await?;
    if !input.given() {
        let page = format!("/coordination/appariements/{}", proposal.id);
        return Ok(confirm::ask(
            &ctx,
            &format!("{page}/publier"),
            ctx.tr().t("proposal-publish-confirm"),
            Vec::new(),
            &page,
        ));
    }
    match app.publish_proposal(actor, &proposal).await {
        Ok(done) => Ok(Redirect::to(&format!(
            "/coordination/appariements/{}?envoyees={}&ignorees={}",
            proposal.id, done.requests, done.skipped
        ))
        .into_response()),
        // Refused (already published, or replaced by a newer draft): the page says why.
        Err(e) => {
            let notice = error_of(&ctx, e)?.1;
            let mut page = render_proposal(&ctx, proposal.id, 1, Some(notice)).await?;
            *page.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(page)
        }
    }
}

/// A new draft around the review: kept pairs stay, removed ones are never proposed again.
pub(super) async fn recompute(ctx: Ctx, Path(id): Path<String>) -> Result<Response, WebError> {
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
