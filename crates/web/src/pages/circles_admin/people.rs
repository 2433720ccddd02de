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
    /// The whole list as a CSV.
    csv: String,
}

#[derive(Deserialize, Default)]
pub(super) struct PageQuery {
    page: Option<u64>,
}

/// Which of a circle's lists.
#[derive(Clone, Copy)]
enum People {
    Mentors,
    Projects,
}

impl People {
    /// The list's address under the circle's back office.
    fn path(self) -> &'static str {
        match self {
            People::Mentors => "mentors",
            People::Projects => "projets",
        }
    }

    /// The start of its messages' keys.
    fn key(self) -> &'static str {
        match self {
            People::Mentors => "circle-mentors",
            People::Projects => "circle-projects",
        }
    }
}

/// A page of the list from the `offset`-th: (href, name or title, status), and how many.
async fn rows(
    ctx: &Ctx,
    people: People,
    circle_id: Uuid,
    offset: u64,
    limit: u64,
) -> Result<(Vec<(String, String, String)>, i64), WebError> {
    let app = &ctx.state().app;
    let tr = ctx.tr();
    Ok(match people {
        People::Mentors => {
            let (lines, total) = app.circle_mentor_page(circle_id, offset, limit).await?;
            let rows = lines
                .iter()
                .map(|m| {
                    // The status, and when the mentor last did something.
                    let status = tr.t(&format!("vetting-{}", m.status));
                    let last = match m.last_active_at {
                        Some(at) => tr.ts("mentor-last-active", "date", &tr.date(&at.date_naive())),
                        None => tr.t("mentor-never-active"),
                    };
                    (
                        format!("/coordination/mentors/{}", m.user_id),
                        m.name.full(),
                        format!("{status} — {last}"),
                    )
                })
                .collect();
            (rows, total)
        }
        People::Projects => {
            let (lines, total) = app.circle_project_page(circle_id, offset, limit).await?;
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
            (rows, total)
        }
    })
}

async fn list(ctx: Ctx, slug: &str, q: PageQuery, people: People) -> Result<Response, WebError> {
    let office = managed(&ctx, slug).await?;
    let c = &office.circle;
    let page = q.page.unwrap_or(1).max(1);
    let (mut lines, total) = rows(&ctx, people, c.id, (page - 1) * PAGE_SIZE, PAGE_SIZE).await?;
    let tr = ctx.tr();
    let base = format!("/admin/cercles/{}/{}", c.slug, people.path());
    let pager = pager(&tr, &base, "", page, total);
    if page > pager.pages {
        // An old link past the last page: the last one.
        (lines, _) = rows(&ctx, people, c.id, (pager.pages - 1) * PAGE_SIZE, PAGE_SIZE).await?;
    }
    let key = people.key();
    let heading = tr.of_place(&format!("{key}-title"), &c.name);
    Ok(render(&PeopleTemplate {
        page: ctx.page(heading.clone()),
        slug: c.slug.to_string(),
        heading,
        count: tr.tn(&format!("{key}-count"), "count", total),
        empty: tr.t(&format!("{key}-empty")),
        rows: lines,
        pager,
        csv: format!("{base}.csv"),
    }))
}

/// Every line of the list, as a CSV for a French spreadsheet (audited).
async fn csv(ctx: Ctx, slug: &str, people: People) -> Result<Response, WebError> {
    let office = managed(&ctx, slug).await?;
    let c = &office.circle;
    // A circle holds tens to hundreds of people: the whole list at once.
    let (lines, _) = rows(&ctx, people, c.id, 0, 1_000_000).await?;
    let tr = ctx.tr();
    let key = people.key();
    let header = [
        tr.t(&format!("{key}-csv-name")),
        tr.t("csv-status"),
        tr.t("csv-link"),
    ];
    let base = &ctx.state().app.settings.base_url;
    let rows: Vec<Vec<String>> = lines
        .into_iter()
        .map(|(href, name, status)| vec![name, status, format!("{base}{href}")])
        .collect();
    crate::pages::list_export(
        &ctx,
        &format!("{}_{}", c.slug, people.path()),
        match people {
            People::Mentors => "mentors.csv",
            People::Projects => "projets.csv",
        },
        &header,
        rows,
    )
    .await
}

pub(super) async fn circle_mentors_csv(
    ctx: Ctx,
    Path(slug): Path<String>,
) -> Result<Response, WebError> {
    csv(ctx, &slug, People::Mentors).await
}

pub(super) async fn circle_projects_csv(
    ctx: Ctx,
    Path(slug): Path<String>,
) -> Result<Response, WebError> {
    csv(ctx, &slug, People::Projects).await
}

pub(super) async fn circle_mentors(
    ctx: Ctx,
    Path(slug): Path<String>,
    Query(q): Query<PageQuery>,
) -> Result<Response, WebError> {
    list(ctx, &slug, q, People::Mentors).await
}

pub(super) async fn circle_projects(
    ctx: Ctx,
    Path(slug): Path<String>,
    Query(q): Query<PageQuery>,
) -> Result<Response, WebError> {
    list(ctx, &slug, q, People::Projects).await
}
