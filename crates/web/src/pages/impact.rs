//! The impact report (`/rapport-impact`): a period and a scope chosen in a form that
//! works without JavaScript, the figures as published (small counts masked), a CSV for
//! a French spreadsheet and a printable version. The national team reports on the
//! network, a région, a département or a circle; a coordinator on their circles.

use crate::page::{Ctx, Page};
use crate::{AppState, WebError};
use askama::Template;
use axum::Router;
use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use chrono::{Datelike, Duration, NaiveDate};
use mentorat_app::impact::{ImpactLine, ImpactScope};
use mentorat_app::public::CircleSummary;
use mentorat_app::territories::territories;
use mentorat_domain::policy::{Action, Resource};
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/rapport-impact", get(page))
        .route("/rapport-impact.csv", get(csv))
        .route("/rapport-impact/imprimer", get(printable))
}

#[derive(Deserialize, Default)]
struct Params {
    #[serde(default)]
    du: String,
    #[serde(default)]
    au: String,
    #[serde(default)]
    portee: String,
}

/// What the form asked, checked: the period (`to` exclusive) and the scope.
struct Asked {
    from: NaiveDate,
    to: NaiveDate,
    scope: ImpactScope,
    du: String,
    au: String,
    portee: String,
}

fn date(raw: &str) -> Option<NaiveDate> {
    mentorat_domain::spreadsheet::parse_date(raw)
}

/// Reads the form and checks the viewer may see that scope.
async fn asked(
    ctx: &Ctx,
    p: &Params,
    circles: &[CircleSummary],
) -> Result<Result<Asked, &'static str>, WebError> {
    ctx.require(Action::Coordinate, &Resource::Platform)?;
    let app = &ctx.state().app;
    let today = app.now().date_naive();
    let national = ctx.allowed(Action::ManageNetwork, &Resource::Platform);
    let portee = if p.portee.is_empty() && !national {
        // A coordinator starts with their first circle.
        circles
            .iter()
            .find(|c| ctx.allowed(Action::ManageCircle, &Resource::Circle(c.circle.id)))
            .map(|c| format!("cercle-{}", c.circle.slug))
            .unwrap_or_default()
    } else {
        p.portee.clone()
    };
    let Some(scope) = ImpactScope::parse(&portee, circles) else {
        return Ok(Err("error-impact-scope"));
    };
    match &scope {
        ImpactScope::Circle(id) => {
            ctx.require(Action::ManageCircle, &Resource::Circle(*id))?;
        }
        _ => {
            ctx.require(Action::ManageNetwork, &Resource::Platform)?;
        }
    }
    let default_from = NaiveDate::from_ymd_opt(today.year() - 1, today.month(), 1)
        .unwrap_or(today - Duration::days(365));
    let from = if p.du.is_empty() {
        Some(default_from)
    } else {
        date(&p.du)
    };
    let until = if p.au.is_empty() {
        Some(today)
    } else {
        date(&p.au)
    };
    let (Some(from), Some(until)) = (from, until) else {
        return Ok(Err("error-impact-dates"));
    };
    if from > until {
        return Ok(Err("error-impact-dates"));
    }
    Ok(Ok(Asked {
        from,
        to: until + Duration::days(1),
        scope,
        du: from.format("%Y-%m-%d").to_string(),
        au: until.format("%Y-%m-%d").to_string(),
        portee,
    }))
}

/// The scopes the viewer may choose: (value, label).
fn scopes(ctx: &Ctx, circles: &[CircleSummary]) -> Vec<(String, String)> {
    let tr = ctx.tr();
    let mut out = Vec::new();
    let national = ctx.allowed(Action::ManageNetwork, &Resource::Platform);
    if national {
        out.push(("reseau".to_owned(), tr.t("impact-scope-network")));
        let t = territories();
        for r in t.regions() {
            out.push((
                format!("region-{}", r.code),
                tr.ts("impact-scope-region", "name", &r.name),
            ));
        }
        for d in t.departements() {
            out.push((
                format!("departement-{}", d.code),
                tr.tv(
                    "impact-scope-departement",
                    &[("code", &d.code), ("name", &d.name)],
                ),
            ));
        }
    }
    for c in circles {
        if ctx.allowed(Action::ManageCircle, &Resource::Circle(c.circle.id)) {
            out.push((
                format!("cercle-{}", c.circle.slug),
                tr.of_place("impact-scope-circle", &c.circle.name),
            ));
        }
    }
    out
}

/// The lines grouped by section, in order.
type Sections = Vec<(String, Vec<(String, String)>)>;

fn sections(lines: &[ImpactLine]) -> Sections {
    let mut out: Sections = Vec::new();
    for l in lines {
        match out.last_mut() {
            Some((section, rows)) if *section == l.section => {
                rows.push((l.label.clone(), l.value.clone()))
            }
            _ => out.push((l.section.clone(), vec![(l.label.clone(), l.value.clone())])),
        }
    }
    out
}

#[derive(Template)]
#[template(path = "pages/impact.html")]
struct ImpactTemplate<'a> {
    page: Page<'a>,
    du: String,
    au: String,
    portee: String,
    scopes: Vec<(String, String)>,
    error: Option<String>,
    /// What the report covers, in words.
    heading: String,
    sections: Sections,
    query: String,
    printable: bool,
}

async fn render(ctx: &Ctx, p: Params, printable: bool) -> Result<Response, WebError> {
    let tr = ctx.tr();
    ctx.require(Action::Coordinate, &Resource::Platform)?;
    let circles = ctx.state().app.circles().await?;
    let scopes = scopes(ctx, &circles);
    let asked = asked(ctx, &p, &circles).await?;
    let (error, heading, found, query, du, au, portee) = match asked {
        Err(key) => (
            Some(tr.t(key)),
            String::new(),
            Vec::new(),
            String::new(),
            p.du,
            p.au,
            p.portee,
        ),
        Ok(a) => {
            let report = ctx
                .state()
                .app
                .impact_report(a.from, a.to, &a.scope, &circles, &tr)
                .await?;
            let label = scopes
                .iter()
                .find(|(v, _)| *v == a.portee)
                .map(|(_, l)| l.clone())
                .unwrap_or_default();
            let heading = tr.tv(
                "impact-heading",
                &[
                    ("scope", &label),
                    ("from", &tr.date(&a.from)),
                    ("to", &tr.date(&(a.to - Duration::days(1)))),
                ],
            );
            let query = form_urlencoded::Serializer::new(String::new())
                .append_pair("du", &a.du)
                .append_pair("au", &a.au)
                .append_pair("portee", &a.portee)
                .finish();
            (
                None,
                heading,
                sections(&report.lines),
                query,
                a.du,
                a.au,
                a.portee,
            )
        }
    };
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let mut response = super::render(&ImpactTemplate {
        page: ctx.page(tr.t("impact-title")),
        du,
        au,
        portee,
        scopes,
        error,
        heading,
        sections: found,
        query,
        printable,
    });
    *response.status_mut() = status;
    Ok(response)
}

async fn page(ctx: Ctx, Query(p): Query<Params>) -> Result<Response, WebError> {
    render(&ctx, p, false).await
}

async fn printable(ctx: Ctx, Query(p): Query<Params>) -> Result<Response, WebError> {
    render(&ctx, p, true).await
}

async fn csv(ctx: Ctx, Query(p): Query<Params>) -> Result<Response, WebError> {
    ctx.require(Action::Coordinate, &Resource::Platform)?;
    let app = &ctx.state().app;
    let circles = app.circles().await?;
    let a = match asked(&ctx, &p, &circles).await? {
        Ok(a) => a,
        Err(key) => return Err(WebError::Invalid { key }),
    };
    let tr = ctx.tr();
    let actor = ctx.account().map(|a| a.id).unwrap_or_default();
    let report = app
        .impact_report(a.from, a.to, &a.scope, &circles, &tr)
        .await?;
    let bytes = app.impact_csv(actor, &report, &tr).await?;
    Ok(super::csv_download("rapport-impact.csv", bytes))
}
