//! The association's own details: the legal notice and the privacy page that read them,
//! and the national team's form that edits them.

use super::forms::{Field, FormPage, FormView};
use crate::page::{Ctx, Page};
use crate::{AppState, WebError};
use askama::Template;
use axum::Router;
use axum::extract::Form;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use mentorat_domain::association::{Detail, Details, Kind};
use mentorat_domain::policy::{Action, Resource};
use std::collections::BTreeMap;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/mentions-legales", get(legal_notice))
        .route("/confidentialite", get(privacy))
        .route("/soutenir", get(support))
        .route("/admin/association", get(edit_form).post(save))
}

/// One detail as a page shows it: its label and its lines (empty: « non renseigné »).
pub struct Shown {
    pub label: String,
    pub lines: Vec<String>,
}

#[derive(Template)]
#[template(path = "pages/legal.html")]
struct LegalTemplate<'a> {
    page: Page<'a>,
    details: Vec<Shown>,
}

#[derive(Template)]
#[template(path = "pages/privacy.html")]
struct PrivacyTemplate<'a> {
    page: Page<'a>,
    /// The association's name, as the data controller.
    name: String,
    /// The address to write to about personal data, if one is given.
    contact: Option<String>,
    /// The controller's details (name, address, registration).
    controller: Vec<(String, String)>,
    /// Each processing activity, as the register describes it.
    activities: Vec<super::privacy_admin::Activity>,
    /// What an erasure keeps, pseudonymised.
    kept: Vec<String>,
    /// Days backups are kept; days of the grace period before an erasure.
    backup_days: i64,
    grace_days: i64,
}

/// The processing activities and the setting that says how long each keeps its data.
const ACTIVITIES: [(&str, Detail); 7] = [
    ("events", Detail::RetentionRegistrationsMonths),
    ("mentors", Detail::RetentionInactiveMonths),
    ("projects", Detail::RetentionInactiveMonths),
    ("relationships", Detail::RetentionRelationshipMonths),
    ("requests", Detail::RetentionRequestsMonths),
    ("mails", Detail::RetentionMailDays),
    ("security", Detail::RetentionAuditMonths),
];

/// What each activity's entry says, in the register's order.
const FACETS: [&str; 6] = [
    "purpose",
    "basis",
    "people",
    "data",
    "recipients",
    "retention",
];

/// The register of processing activities (GDPR art. 30) from the association's
/// settings: the controller, then each activity with its facets, its retention written
/// with the period configured.
pub fn register_of(
    tr: &mentorat_app::i18n::Tr<'_>,
    details: &Details,
) -> (Vec<(String, String)>, Vec<super::privacy_admin::Activity>) {
    let given = |d: Detail| {
        details
            .get(d)
            .map(|v| v.replace('\n', ", "))
            .unwrap_or_else(|| tr.t("association-not-given"))
    };
    let controller = [
        Detail::Name,
        Detail::Address,
        Detail::Registration,
        Detail::Publisher,
        Detail::PrivacyContact,
    ]
    .into_iter()
    .map(|d| {
        (
            tr.t(&format!("association-{}", d.key().replace('_', "-"))),
            given(d),
        )
    })
    .collect();
    let activities = ACTIVITIES
        .iter()
        .map(|(key, period)| super::privacy_admin::Activity {
            name: tr.t(&format!("register-{key}")),
            facts: FACETS
                .iter()
                .map(|facet| {
                    let text = if *facet == "retention" {
                        tr.tv(
                            &format!("register-{key}-retention"),
                            &[
                                ("n", &details.period(*period).to_string()),
                                (
                                    "inactive",
                                    &details.period(Detail::RetentionInactiveMonths).to_string(),
                                ),
                            ],
                        )
                    } else {
                        tr.t(&format!("register-{key}-{facet}"))
                    };
                    (tr.t(&format!("register-facet-{facet}")), text)
                })
                .collect(),
        })
        .collect();
    (controller, activities)
}

fn shown(ctx: &Ctx, details: &Details, which: &[Detail]) -> Vec<Shown> {
    let tr = ctx.tr();
    which
        .iter()
        .map(|d| Shown {
            label: tr.t(&format!("association-{}", d.key().replace('_', "-"))),
            lines: match details.get(*d) {
                Some(v) => v.lines().map(str::to_owned).collect(),
                None => vec![tr.t("association-not-given")],
            },
        })
        .collect()
}

async fn legal_notice(ctx: Ctx) -> Result<Response, WebError> {
    let details = ctx.state().app.association_details().await?;
    Ok(super::render(&LegalTemplate {
        page: ctx.page(ctx.tr().t("legal-title")),
        details: shown(
            &ctx,
            &details,
            &[
                Detail::Name,
                Detail::Address,
                Detail::Registration,
                Detail::Publisher,
                Detail::Host,
                Detail::PrivacyContact,
            ],
        ),
    }))
}

async fn privacy(ctx: Ctx) -> Result<Response, WebError> {
    let details = ctx.state().app.association_details().await?;
    let tr = ctx.tr();
    let (controller, activities) = register_of(&tr, &details);
    Ok(super::render(&PrivacyTemplate {
        page: ctx.page(tr.t("privacy-title")),
        name: details.get(Detail::Name).unwrap_or_default().to_owned(),
        contact: details.get(Detail::PrivacyContact).map(str::to_owned),
        controller,
        activities,
        kept: (1..=4)
            .map(|i| tr.t(&format!("privacy-kept-{i}")))
            .collect(),
        backup_days: i64::from(details.period(Detail::BackupDays)),
        grace_days: i64::from(details.period(Detail::ErasureGraceDays)),
    }))
}

#[derive(Template)]
#[template(path = "pages/support.html")]
struct SupportTemplate<'a> {
    page: Page<'a>,
    /// Why support: the national team's words, else the platform's own.
    why: Vec<String>,
    membership: Option<String>,
    donation: Option<String>,
}

async fn support(ctx: Ctx) -> Result<Response, WebError> {
    let details = ctx.state().app.association_details().await?;
    let tr = ctx.tr();
    let why = match details.get(Detail::SupportText) {
        Some(text) => text.lines().map(str::to_owned).collect(),
        None => vec![tr.t("support-why")],
    };
    Ok(super::render(&SupportTemplate {
        page: ctx.page(tr.t("support-title")),
        why,
        membership: details.get(Detail::MembershipUrl).map(str::to_owned),
        donation: details.get(Detail::DonationUrl).map(str::to_owned),
    }))
}

fn details_form(ctx: &Ctx, value: impl Fn(Detail) -> String) -> FormView {
    let tr = ctx.tr();
    let fields = Detail::ALL
        .into_iter()
        .map(|d| {
            let (kind, autocomplete) = match d.kind() {
                Kind::Lines => ("textarea", "off"),
                Kind::Email => ("email", "off"),
                Kind::Url => ("url", "off"),
                Kind::Line => ("text", "off"),
                Kind::Number => ("number", "off"),
            };
            let key = d.key().replace('_', "-");
            let field = Field::new(
                d.key(),
                tr.t(&format!("association-{key}")),
                kind,
                autocomplete,
            )
            .hint(tr.t(&format!("association-{key}-hint")))
            .value(&value(d));
            if d == Detail::Name || d.kind() == Kind::Number {
                field
            } else {
                field.optional()
            }
        })
        .collect();
    FormView::new(
        "association",
        "/admin/association",
        tr.t("association-save"),
        fields,
    )
}

fn render_form(ctx: &Ctx, form: FormView, status: StatusCode) -> Response {
    let tr = ctx.tr();
    let mut response = super::render(&FormPage {
        page: ctx.page(tr.t("association-title")),
        heading: tr.t("association-title"),
        lead: Some(tr.t("association-lead")),
        form,
        links: vec![
            ("/mentions-legales".to_owned(), tr.t("legal-title")),
            ("/confidentialite".to_owned(), tr.t("privacy-title")),
            ("/soutenir".to_owned(), tr.t("support-title")),
        ],
    });
    *response.status_mut() = status;
    response
}

async fn edit_form(ctx: Ctx) -> Result<Response, WebError> {
    ctx.require(Action::ManageNetwork, &Resource::Platform)?;
    let details = ctx.state().app.association_details().await?;
    let rows: BTreeMap<Detail, String> = details.rows().map(|(d, v)| (d, v.to_owned())).collect();
    let form = details_form(&ctx, |d| rows[&d].clone());
    Ok(render_form(&ctx, form, StatusCode::OK))
}

async fn save(ctx: Ctx, Form(input): Form<BTreeMap<String, String>>) -> Result<Response, WebError> {
    let actor = ctx.require(Action::ManageNetwork, &Resource::Platform)?.id;
    let typed = |d: Detail| input.get(d.key()).cloned().unwrap_or_default();
    match ctx.state().app.save_association_details(actor, typed).await {
        Ok(()) => {
            Ok(Redirect::to("/admin/association?avis=coordonnees-enregistrees").into_response())
        }
        Err(e) => {
            let form = details_form(&ctx, typed).refused(&ctx, e)?;
            Ok(render_form(&ctx, form, StatusCode::UNPROCESSABLE_ENTITY))
        }
    }
}
