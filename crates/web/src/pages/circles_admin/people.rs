//! A circle's mentors and projects, every one of them, by pages: its coordinators and
//! the national team open each record from here.

use super::*;
use crate::pages::admin::{PAGE_SIZE, Pager, pager};
use axum::extract::Query;

#[derive(Template)]
#[template(path = "pages/circle_people.html")]
pub(super) struct PeopleTemplate<'a> {
    page: Page<'a>,
    slug: String,
    heading: String,
    /// « 12 mentors ».
    count: String,
    empty: String,
    /// (href, name or title, status)
    rows: Vec<(String, String, String)>,
    pager: Pager,
}

#[derive(Deserialize, Default)]
pub(super) struct PageQuery {
    page: Option<u64>,
}

pub(super) async fn circle_mentors(
    ctx: Ctx,
    Path(slug): Path<String>,
    Query(q): Query<PageQuery>,
) -> Result<Response, WebError> {
    let office = managed(&ctx, &slug).await?;
    let c = &office.circle;
    let page = q.page.unwrap_or(1).max(1);
    let app = &ctx.state().app;
    let (mut lines, total) = app
        .circle_mentor_page(c.id, (page - 1) * PAGE_SIZE, PAGE_SIZE)
        .await?;
    let tr = ctx.tr();
    let base = format!("/admin/cercles/{}/mentors", c.slug);
    let pager = pager(&tr, &base, "", page, total);
    if page > pager.pages {
        (lines, _) = app
            .circle_mentor_page(c.id, (pager.pages - 1) * PAGE_SIZE, PAGE_SIZE)
            .await?;
    }
    let rows = lines
        .iter()
        .map(|m| {
            (
                format!("/coordination/mentors/{}", m.user_id),
                m.name.full(),
                tr.t(&format!("vetting-{}", m.status)),
            )
        })
        .collect();
    Ok(render(&PeopleTemplate {
        page: ctx.page(tr.of_place("circle-mentors-title", &c.name)),
        slug: c.slug.to_string(),
        heading: tr.of_place("circle-mentors-title", &c.name),
        count: tr.tn("circle-mentors-count", "count", total),
        empty: tr.t("circle-mentors-empty"),
        rows,
        pager,
    }))
}

pub(super) async fn circle_projects(
    ctx: Ctx,
    Path(slug): Path<String>,
    Query(q): Query<PageQuery>,
) -> Result<Response, WebError> {
    let office = managed(&ctx, &slug).await?;
    let c = &office.circle;
    let page = q.page.unwrap_or(1).max(1);
    let app = &ctx.state().app;
    let (mut lines, total) = app
        .circle_project_page(c.id, (page - 1) * PAGE_SIZE, PAGE_SIZE)
        .await?;
    let tr = ctx.tr();
    let base = format!("/admin/cercles/{}/projets", c.slug);
    let pager = pager(&tr, &base, "", page, total);
    if page > pager.pages {
        (lines, _) = app
            .circle_project_page(c.id, (pager.pages - 1) * PAGE_SIZE, PAGE_SIZE)
            .await?;
    }
    let rows = lines
        .iter()
        .map(|p| {
            (
                format!("/coordination/projets/{}", p.id),
                p.title.clone(),
                tr.t(&format!("project-status-{}", p.status)),
            )
        })
        .collect();
    Ok(render(&PeopleTemplate {
        page: ctx.page(tr.of_place("circle-projects-title", &c.name)),
        slug: c.slug.to_string(),
        heading: tr.of_place("circle-projects-title", &c.name),
        count: tr.tn("circle-projects-count", "count", total),
        empty: tr.t("circle-projects-empty"),
        rows,
        pager,
    }))
}
