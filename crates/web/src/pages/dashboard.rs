//! The national dashboard: targets, circles by status, towns covered, growth per month
//! (an SVG bar chart with the same figures in a table), the conference-to-mentor funnel
//! per circle, and the form that sets the targets.

use super::forms::{Field, FormView};
use crate::page::{Ctx, Page};
use crate::{AppState, WebError};
use askama::Template;
use axum::Router;
use axum::extract::Form;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use mentorat_app::dashboard::Dashboard;
use mentorat_domain::policy::{Action, Resource};
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/tableau-de-bord", get(show))
        .route("/admin/objectifs", post(set_targets))
}

pub struct Bar {
    pub x: String,
    pub y: String,
    pub height: String,
    /// « décembre 2025 »: table rows.
    pub label: String,
    /// « décembre 2025 : 3 » (« December 2025: 3 »): the bar's title.
    pub title: String,
    /// « déc. 25 », « juin 26 »: under the bars.
    pub short: String,
    pub value: i64,
    pub total: i64,
}

pub struct Gauge {
    pub text: String,
    pub percent: String,
    /// Width of the filled part, in percent of the bar (at most 100).
    pub width: String,
}

#[derive(Template)]
#[template(path = "pages/dashboard.html")]
struct DashboardTemplate<'a> {
    page: Page<'a>,
    mentors: Gauge,
    circles: Gauge,
    by_status: Vec<(String, i64)>,
    cities: String,
    bars: Vec<Bar>,
    /// A page of the circles' funnels (50 a page: one row per circle).
    funnels: Vec<mentorat_app::dashboard::Funnel>,
    pager: super::admin::Pager,
    notice: Option<String>,
    form: FormView,
}

fn gauge(ctx: &Ctx, key: &str, count: i64, target: i64) -> Gauge {
    let tr = ctx.tr();
    let percent = if target > 0 {
        count as f64 * 100.0 / target as f64
    } else {
        0.0
    };
    let shown = if percent < 1.0 {
        format!("{percent:.2}")
    } else {
        format!("{percent:.0}")
    };
    let shown = if ctx.locale == mentorat_domain::Locale::Fr {
        shown.replace('.', ",")
    } else {
        shown
    };
    Gauge {
        text: tr.tv(
            key,
            &[("count", &tr.number(count)), ("target", &tr.number(target))],
        ),
        percent: tr.ts("dashboard-progress", "percent", &shown),
        width: format!("{:.2}", percent.clamp(0.0, 100.0)),
    }
}

fn targets_form(ctx: &Ctx, d: &Dashboard) -> FormView {
    let tr = ctx.tr();
    let mut form = FormView::new(
        "targets",
        "/admin/objectifs",
        tr.t("targets-submit"),
        vec![
            Field::new("year", tr.t("targets-year"), "number", "off").value(&d.year.to_string()),
            Field::new("mentors", tr.t("targets-mentors"), "number", "off")
                .value(&d.target_mentors.to_string()),
            Field::new("circles", tr.t("targets-circles"), "number", "off")
                .value(&d.target_circles.to_string()),
        ],
    );
    form.title = Some(tr.t("targets-title"));
    form
}

fn render_dashboard(
    ctx: &Ctx,
    d: &Dashboard,
    page: u64,
    form: FormView,
    notice: Option<String>,
    status: StatusCode,
) -> Response {
    let tr = ctx.tr();
    let pager = super::admin::pager(
        &tr,
        "/admin/tableau-de-bord",
        "",
        page,
        d.funnels.len() as i64,
    );
    let page = page.clamp(1, pager.pages);
    let size = super::admin::PAGE_SIZE as usize;
    let max = d
        .months
        .iter()
        .map(|m| m.new_mentors)
        .max()
        .unwrap_or(0)
        .max(1);
    // The chart: 12 bars in a 600 × 200 box, 20 units of margin at the bottom for labels.
    let bars = d
        .months
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let height = m.new_mentors as f64 * 160.0 / max as f64;
            let number = chrono::Datelike::month(&m.first_day);
            let month = tr.t(&format!("month-{number}"));
            let label = format!("{} {}", month, chrono::Datelike::year(&m.first_day));
            Bar {
                x: format!("{:.1}", 10.0 + i as f64 * 49.0),
                y: format!("{:.1}", 175.0 - height),
                height: format!("{height:.1}"),
                title: tr.tv(
                    "dashboard-bar-title",
                    &[("month", &label), ("count", &tr.number(m.new_mentors))],
                ),
                label,
                // The locale's own abbreviation: « juin » and « juil. » apart.
                short: format!(
                    "{} {:02}",
                    tr.t(&format!("month-short-{number}")),
                    chrono::Datelike::year(&m.first_day) % 100
                ),
                value: m.new_mentors,
                total: m.total,
            }
        })
        .collect();
    let mut response = super::render(&DashboardTemplate {
        page: ctx.page(tr.t("dashboard-title")),
        mentors: gauge(
            ctx,
            "dashboard-mentors",
            d.approved_mentors,
            d.target_mentors,
        ),
        circles: gauge(ctx, "dashboard-circles", d.active_circles, d.target_circles),
        by_status: d
            .by_status
            .iter()
            .map(|(s, n)| (tr.t(super::views::status_key(*s)), *n))
            .collect(),
        cities: tr.tn("dashboard-cities", "count", d.cities),
        bars,
        funnels: d
            .funnels
            .iter()
            .skip((page as usize - 1) * size)
            .take(size)
            .cloned()
            .collect(),
        pager,
        notice,
        form,
    });
    *response.status_mut() = status;
    response
}

#[derive(Deserialize, Default)]
struct Params {
    avis: Option<String>,
    page: Option<u64>,
}

async fn show(
    ctx: Ctx,
    axum::extract::Query(p): axum::extract::Query<Params>,
) -> Result<Response, WebError> {
    ctx.require(Action::ManageNetwork, &Resource::Platform)?;
    let d = ctx.state().app.dashboard().await?;
    let notice = (p.avis.as_deref() == Some("objectifs")).then(|| ctx.tr().t("targets-saved"));
    let form = targets_form(&ctx, &d);
    Ok(render_dashboard(
        &ctx,
        &d,
        p.page.unwrap_or(1),
        form,
        notice,
        StatusCode::OK,
    ))
}

#[derive(Deserialize)]
struct TargetsInput {
    #[serde(default)]
    year: String,
    #[serde(default)]
    mentors: String,
    #[serde(default)]
    circles: String,
}

async fn set_targets(ctx: Ctx, Form(input): Form<TargetsInput>) -> Result<Response, WebError> {
    ctx.require(Action::ManageNetwork, &Resource::Platform)?;
    let app = &ctx.state().app;
    match app
        .set_targets(&input.year, &input.mentors, &input.circles)
        .await
    {
        Ok(()) => Ok(Redirect::to("/admin/tableau-de-bord?avis=objectifs").into_response()),
        Err(e) => {
            let d = app.dashboard().await?;
            let mut form = targets_form(&ctx, &d);
            for f in &mut form.fields {
                f.value = match f.name {
                    "year" => input.year.clone(),
                    "mentors" => input.mentors.clone(),
                    _ => input.circles.clone(),
                };
            }
            let form = form.refused(&ctx, e)?;
            Ok(render_dashboard(
                &ctx,
                &d,
                1,
                form,
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            ))
        }
    }
}
