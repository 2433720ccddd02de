//! The launch of circles, step by step, as the data tells it: every launching circle on
//! one page for the national team, and each circle's checklist in its back office.

use super::*;
use crate::pages::admin::{PAGE_SIZE, PageQuery, Pager, pager};
use axum::extract::Query;
use mentorat_app::circles_admin::Launch;

/// The steps, in order: (key of the label, when it first happened as the page says it).
pub(super) fn steps(
    ctx: &Ctx,
    d: &mentorat_app::circles_admin::LaunchDates,
) -> Vec<(String, Option<String>)> {
    let tr = ctx.tr();
    let day = |at: Option<chrono::DateTime<chrono::Utc>>| at.map(|t| tr.date(&t.date_naive()));
    [
        ("host", day(d.host)),
        ("conference", day(d.conference)),
        ("registered", day(d.registered)),
        ("attended", day(d.attended)),
        ("invited", day(d.invited)),
        ("applied", day(d.applied)),
        ("approved", day(d.approved)),
        ("coordinator", day(d.coordinator)),
        ("edition", d.first_edition.map(|on| tr.date(&on))),
    ]
    .into_iter()
    .map(|(key, when)| (tr.t(&format!("launch-step-{key}")), when))
    .collect()
}

#[derive(Template)]
#[template(path = "pages/launches.html")]
pub(super) struct LaunchesTemplate<'a> {
    page: Page<'a>,
    /// The steps' names, the table's columns.
    columns: Vec<String>,
    /// (back office, name, status, each step's date if done)
    rows: Vec<(String, String, String, Vec<Option<String>>)>,
    count: String,
    pager: Pager,
}

pub(super) async fn launches(ctx: Ctx, Query(q): Query<PageQuery>) -> Result<Response, WebError> {
    ctx.require(Action::ManageNetwork, &Resource::Platform)?;
    let app = &ctx.state().app;
    let page = q.page.unwrap_or(1).max(1);
    let (mut list, total) = app.launches((page - 1) * PAGE_SIZE, PAGE_SIZE).await?;
    let tr = ctx.tr();
    let pager = pager(&tr, "/admin/lancements", "", page, total);
    if page > pager.pages {
        (list, _) = app
            .launches((pager.pages - 1) * PAGE_SIZE, PAGE_SIZE)
            .await?;
    }
    let columns = steps(&ctx, &Default::default())
        .into_iter()
        .map(|(label, _)| label)
        .collect();
    let rows = list
        .iter()
        .map(|Launch { circle, dates }| {
            (
                format!("/admin/cercles/{}", circle.slug),
                tr.of_place("circle-title", &circle.name),
                tr.t(views::status_key(circle.status)),
                steps(&ctx, dates)
                    .into_iter()
                    .map(|(_, when)| when)
                    .collect(),
            )
        })
        .collect();
    Ok(render(&LaunchesTemplate {
        page: ctx.page(tr.t("launches-title")),
        columns,
        rows,
        count: tr.tn("launches-count", "count", total),
        pager,
    }))
}

/// Every launch, step by step, as a CSV (audited).
pub(super) async fn launches_csv(ctx: Ctx) -> Result<Response, WebError> {
    ctx.require(Action::ManageNetwork, &Resource::Platform)?;
    let app = &ctx.state().app;
    // Hundreds of circles at most: at once.
    let (list, _) = app.launches(0, 100_000).await?;
    let tr = ctx.tr();
    let mut header = vec![tr.t("csv-circle"), tr.t("csv-status")];
    header.extend(
        steps(&ctx, &Default::default())
            .into_iter()
            .map(|(label, _)| label),
    );
    let rows = list
        .iter()
        .map(|Launch { circle, dates }| {
            let mut row = vec![circle.name.clone(), tr.t(views::status_key(circle.status))];
            row.extend(
                steps(&ctx, dates)
                    .into_iter()
                    .map(|(_, when)| when.unwrap_or_default()),
            );
            row
        })
        .collect();
    crate::pages::list_export(&ctx, "launches", "lancements.csv", &header, rows).await
}
