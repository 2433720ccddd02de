//! The impact report that public funders ask for: over a period and a scope (the
//! network, a région, a département, a circle), the porteurs (and the share from
//! priority neighbourhoods), projects by field and stage, requests and relationships,
//! the time to a mentor, meetings and volunteer hours, satisfaction, the outcomes
//! ticked, and the mentors by circle. Counts of 1 to 4 people are never shown, nor the
//! one cell that would let a total give them away (`suppression`).

use crate::i18n::Tr;
use crate::territories::territories;
use crate::{App, AppError};
use chrono::{NaiveDate, TimeZone, Utc};
use mentorat_domain::csv::french_csv;
use mentorat_domain::status::Outcome;
use mentorat_domain::suppression::{self, Cell, THRESHOLD};
use mentorat_store::{CircleSummary, Domain, ImpactFigures};
use std::collections::HashMap;
use std::sync::Arc;
use uuid::Uuid;

/// How long a report's figures are kept: a funder's report need not be to the second,
/// and its page, CSV and printable version, asked one after the other, read the
/// network's whole year once.
pub const KEPT_FOR: chrono::Duration = chrono::Duration::minutes(5);
/// The most reports kept at once (the oldest make way).
const KEPT_MAX: usize = 64;

/// Reports computed lately: (scope, from, to) → (computed at, figures).
pub(crate) type KeptReports =
    HashMap<(ImpactScope, NaiveDate, NaiveDate), (chrono::DateTime<Utc>, Arc<ImpactFigures>)>;

/// What the report covers.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ImpactScope {
    Network,
    Region(String),
    Departement(String),
    Circle(Uuid),
}

impl ImpactScope {
    /// From the page's `portee` (`reseau`, `region-32`, `departement-60`,
    /// `cercle-compiegne`).
    pub fn parse(raw: &str, circles: &[CircleSummary]) -> Option<ImpactScope> {
        match raw.split_once('-') {
            _ if raw.is_empty() || raw == "reseau" => Some(ImpactScope::Network),
            Some(("region", code)) => territories()
                .regions()
                .any(|r| r.code == code)
                .then(|| ImpactScope::Region(code.to_owned())),
            Some(("departement", code)) => territories()
                .departements()
                .any(|d| d.code == code)
                .then(|| ImpactScope::Departement(code.to_owned())),
            Some(("cercle", slug)) => circles
                .iter()
                .find(|c| c.circle.slug.as_str() == slug)
                .map(|c| ImpactScope::Circle(c.circle.id)),
            _ => None,
        }
    }

    /// The circles it covers; `None` for the whole network.
    pub fn circles(&self, circles: &[CircleSummary]) -> Option<Vec<Uuid>> {
        let t = territories();
        let keep = |c: &&CircleSummary| {
            let commune = t.commune(&c.circle.commune_code);
            match self {
                ImpactScope::Network => true,
                ImpactScope::Circle(id) => c.circle.id == *id,
                ImpactScope::Region(code) => commune
                    .and_then(|m| t.region_of(m))
                    .is_some_and(|r| &r.code == code),
                ImpactScope::Departement(code) => commune
                    .and_then(|m| t.departement_of(m))
                    .is_some_and(|d| &d.code == code),
            }
        };
        match self {
            ImpactScope::Network => None,
            _ => Some(circles.iter().filter(keep).map(|c| c.circle.id).collect()),
        }
    }
}

/// One line of the report: its section, its label and its value as published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImpactLine {
    pub section: String,
    pub label: String,
    pub value: String,
}

/// The report's figures and their lines as published.
#[derive(Debug, Clone)]
pub struct ImpactReport {
    pub figures: ImpactFigures,
    pub lines: Vec<ImpactLine>,
}

/// The middle value (the mean of the two middle ones for an even count), in days.
pub fn median(values: &[i64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut v = values.to_vec();
    v.sort_unstable();
    let n = v.len();
    Some(if n % 2 == 1 {
        v[n / 2] as f64
    } else {
        (v[n / 2 - 1] + v[n / 2]) as f64 / 2.0
    })
}

impl App {
    /// The raw figures (before suppression) over `[from, to)` for `scope`.
    pub async fn impact_figures(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        scope: &ImpactScope,
    ) -> Result<ImpactFigures, AppError> {
        let circles = self.store.list_circles().await?;
        self.figures_over(from, to, scope, &circles).await
    }

    async fn figures_over(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        scope: &ImpactScope,
        circles: &[CircleSummary],
    ) -> Result<ImpactFigures, AppError> {
        let ids = scope.circles(circles);
        let start =
            |d: NaiveDate| Utc.from_utc_datetime(&d.and_hms_opt(0, 0, 0).expect("midnight"));
        Ok(self
            .store
            .impact_figures(start(from), start(to), ids.as_deref())
            .await?)
    }

    /// The report as published (small counts masked), in `tr`'s language; `circles`
    /// are the network's (as `App::circles` reads them, once per request).
    /// The figures are computed at most once every `KEPT_FOR` per scope and period.
    pub async fn impact_report(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        scope: &ImpactScope,
        circles: &[CircleSummary],
        tr: &Tr<'_>,
    ) -> Result<ImpactReport, AppError> {
        let key = (scope.clone(), from, to);
        let now = self.now();
        let kept = {
            let reports = self.impact_reports.lock().expect("the reports' lock");
            reports
                .get(&key)
                .filter(|(at, _)| now - *at < KEPT_FOR && *at <= now)
                .map(|(_, f)| f.clone())
        };
        let figures = match kept {
            Some(f) => f,
            None => {
                let fresh = Arc::new(self.figures_over(from, to, scope, circles).await?);
                let mut reports = self.impact_reports.lock().expect("the reports' lock");
                reports.retain(|_, (at, _)| now - *at < KEPT_FOR);
                if reports.len() >= KEPT_MAX
                    && let Some(oldest) = reports
                        .iter()
                        .min_by_key(|(_, (at, _))| *at)
                        .map(|(k, _)| k.clone())
                {
                    reports.remove(&oldest);
                }
                reports.insert(key, (now, fresh.clone()));
                fresh
            }
        };
        let figures = (*figures).clone();
        let domains = self.domains().await?;
        let lines = lines(&figures, circles, &domains, tr);
        Ok(ImpactReport { figures, lines })
    }

    /// The report as a CSV for a French spreadsheet; audited.
    pub async fn impact_csv(
        &self,
        actor: Uuid,
        report: &ImpactReport,
        tr: &Tr<'_>,
    ) -> Result<Vec<u8>, AppError> {
        let rows: Vec<Vec<String>> = report
            .lines
            .iter()
            .map(|l| vec![l.section.clone(), l.label.clone(), l.value.clone()])
            .collect();
        // Written after the response: a GET writes nothing itself.
        self.deferred
            .push(crate::deferred::Deferred::Audit {
                at: self.now(),
                actor: Some(actor),
                action: "impact_report_exported",
                subject: None,
                detail: String::new(),
            })
            .await;
        Ok(french_csv(
            &[
                &tr.t("impact-csv-section"),
                &tr.t("impact-csv-indicator"),
                &tr.t("impact-csv-value"),
            ],
            &rows,
        ))
    }
}

fn shown(cell: Cell, tr: &Tr<'_>) -> String {
    match cell {
        Cell::Shown(n) => tr.number(n),
        Cell::Hidden => tr.t("impact-hidden"),
    }
}

/// An average of `n` answers, unless fewer than five people gave them.
fn average(n: i64, sum: i64, tr: &Tr<'_>) -> String {
    if n < THRESHOLD {
        return tr.t("impact-too-few");
    }
    let avg = format!("{:.1}", sum as f64 / n as f64);
    let avg = if tr.locale == mentorat_domain::Locale::Fr {
        avg.replace('.', ",")
    } else {
        avg
    };
    tr.tv("impact-average", &[("avg", &avg), ("n", &tr.number(n))])
}

fn lines(
    f: &ImpactFigures,
    circles: &[CircleSummary],
    domains: &[Domain],
    tr: &Tr<'_>,
) -> Vec<ImpactLine> {
    let mut out = Vec::new();
    let mut push = |section: &str, label: String, value: String| {
        out.push(ImpactLine {
            section: tr.t(section),
            label,
            value,
        })
    };
    // Porteurs, and those from a QPV: a group of two with the total.
    let (qpv, total) =
        suppression::group(&[f.porteurs_qpv, f.porteurs - f.porteurs_qpv], f.porteurs);
    push(
        "impact-porteurs",
        tr.t("impact-porteurs-total"),
        shown(total, tr),
    );
    push(
        "impact-porteurs",
        tr.t("impact-porteurs-qpv"),
        shown(qpv[0], tr),
    );
    let share = match (qpv[0], total) {
        (Cell::Shown(q), Cell::Shown(t)) if t > 0 => format!("{} %", (q * 100 + t / 2) / t),
        _ => tr.t("impact-hidden"),
    };
    push("impact-porteurs", tr.t("impact-porteurs-qpv-share"), share);

    let counts: Vec<i64> = f.projects_by_field.iter().map(|(_, n)| *n).collect();
    let (cells, total) = suppression::group(&counts, f.projects);
    push(
        "impact-projects",
        tr.t("impact-projects-total"),
        shown(total, tr),
    );
    for ((code, _), cell) in f.projects_by_field.iter().zip(cells) {
        push(
            "impact-projects-by-field",
            Domain::label_of(domains, code, tr.locale),
            shown(cell, tr),
        );
    }
    let counts: Vec<i64> = f.projects_by_stage.iter().map(|(_, n)| *n).collect();
    let (cells, _) = suppression::group(&counts, f.projects);
    for ((stage, _), cell) in f.projects_by_stage.iter().zip(cells) {
        push(
            "impact-projects-by-stage",
            tr.t(&format!("stage-{stage}")),
            shown(cell, tr),
        );
    }

    for (key, n) in [
        ("impact-requests-made", f.requests_made),
        ("impact-requests-accepted", f.requests_accepted),
        ("impact-mentorships-started", f.mentorships_started),
        ("impact-mentorships-closed", f.mentorships_closed),
    ] {
        push(
            "impact-mentoring",
            tr.t(key),
            shown(suppression::single(n), tr),
        );
    }
    let days = if (f.days_to_mentor.len() as i64) < THRESHOLD {
        tr.t("impact-too-few")
    } else {
        let m = median(&f.days_to_mentor).unwrap_or_default();
        tr.tn("impact-days", "days", m.round() as i64)
    };
    push("impact-mentoring", tr.t("impact-median-days"), days);

    let meetings = suppression::single(f.meetings);
    push(
        "impact-meetings",
        tr.t("impact-meetings-count"),
        shown(meetings, tr),
    );
    let hours = match meetings {
        Cell::Shown(_) => tr.number((f.meeting_minutes + 30) / 60),
        Cell::Hidden => tr.t("impact-hidden"),
    };
    push("impact-meetings", tr.t("impact-volunteer-hours"), hours);

    push(
        "impact-satisfaction",
        tr.t("impact-checkin-satisfaction"),
        average(f.checkins.0, f.checkins.1, tr),
    );
    push(
        "impact-satisfaction",
        tr.t("impact-closing-satisfaction"),
        average(f.closing.0, f.closing.1, tr),
    );

    let counts: Vec<i64> = Outcome::ALL
        .iter()
        .map(|o| {
            f.outcomes
                .iter()
                .find(|(k, _)| k == o.as_str())
                .map_or(0, |(_, n)| *n)
        })
        .collect();
    let (cells, total) = suppression::group(&counts, f.porteur_feedbacks);
    push(
        "impact-outcomes",
        tr.t("impact-outcomes-answers"),
        shown(total, tr),
    );
    for (o, cell) in Outcome::ALL.iter().zip(cells) {
        push(
            "impact-outcomes",
            tr.t(&format!("outcome-{o}")),
            shown(cell, tr),
        );
    }

    let totals: Vec<i64> = f.mentors_by_circle.iter().map(|(_, t, _)| *t).collect();
    let recents: Vec<i64> = f.mentors_by_circle.iter().map(|(_, _, r)| *r).collect();
    let (total_cells, total) = suppression::group(&totals, totals.iter().sum());
    let (recent_cells, recent) = suppression::group(&recents, recents.iter().sum());
    push(
        "impact-mentors",
        tr.t("impact-mentors-total"),
        tr.tv(
            "impact-mentors-value",
            &[("total", &shown(total, tr)), ("new", &shown(recent, tr))],
        ),
    );
    let mut by_circle: Vec<(String, String)> = f
        .mentors_by_circle
        .iter()
        .zip(total_cells.into_iter().zip(recent_cells))
        .map(|((id, _, _), (t, r))| {
            let name = circles
                .iter()
                .find(|c| c.circle.id == *id)
                .map(|c| c.circle.name.clone())
                .unwrap_or_default();
            (
                name,
                tr.tv(
                    "impact-mentors-value",
                    &[("total", &shown(t, tr)), ("new", &shown(r, tr))],
                ),
            )
        })
        .collect();
    by_circle.sort();
    for (name, value) in by_circle {
        push("impact-mentors-by-circle", name, value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_median_is_the_middle_value() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[9, 1, 5]), Some(5.0));
        assert_eq!(median(&[1, 2, 10, 40]), Some(6.0));
    }
}
